#include "compare/compare_controller.h"

#include "models/host_mirror.h"
#include "widgets/console_settings.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QThread>
#include <exception>

namespace hcn::ui {

CompareController::CompareController(HostMirror* mirror, QWidget* dialogParent, QObject* parent)
    : QObject(parent), m_mirror(mirror), m_dialogParent(dialogParent)
{
    m_followTimer.setSingleShot(true);
    m_followTimer.setInterval(kFollowDelayMs);
    connect(&m_followTimer, &QTimer::timeout, this, &CompareController::compareHostWithFile);
    connect(mirror, &HostMirror::reset, this, &CompareController::onHostChanged);
    connect(mirror, &HostMirror::objectsAdded, this, &CompareController::onHostChanged);
    connect(mirror, &HostMirror::objectsChanged, this, &CompareController::onHostChanged);
    connect(mirror, &HostMirror::objectsRemoved, this, &CompareController::onHostChanged);
}

CompareController::~CompareController()
{
    m_queued.reset();
    if (m_running) {
        m_running->wait(); // the worker posts to this object until it ends
        delete m_running;
    }
}

QString CompareController::hostLabel() const
{
    const QString endpoint = QString::fromStdString(m_mirror->info().endpoint);
    return endpoint.isEmpty() ? tr("host shown") : tr("host shown (%1)").arg(endpoint);
}

void CompareController::compareWithFileInteractive()
{
    const QString path = QFileDialog::getOpenFileName(
        m_dialogParent, tr("Compare With"), settings::lastScenarioDirectory().value(),
        tr("Snapshots, bundles, dumps, recordings (*.json *.snapshot *.zip *.tar *.tar.gz *.tgz *.txt *.log "
           "*.md "
           "*.hcnrec);;All files (*)"));
    if (path.isEmpty())
        return;
    settings::lastScenarioDirectory().setValue(QFileInfo(path).absolutePath());
    compareWithFile(path, m_mode == Mode::HostFile && m_fileIsAfter);
}

void CompareController::compareWithFile(const QString& path, bool fileIsAfter)
{
    const quint64 generation = ++m_generation;
    // The objects are taken here, where the mirror may be read (shared, not copied); the copy, the file
    // and the diff are the worker's.
    auto objects = std::make_shared<const SharedHostObjects>(m_mirror->hostState().shared());
    const QString hostName = hostLabel();
    Job job;
    job.what = tr("Reading %1...").arg(QFileInfo(path).fileName());
    job.work = [path, objects, hostName, fileIsAfter]() -> Result<Outcome> {
        const HostState host(*objects);
        auto read = readCompareSide(path);
        if (!read.ok())
            return read.status();
        auto side = std::make_shared<const CompareSide>(std::move(*read));
        auto result = std::make_shared<CompareResult>(
            fileIsAfter ? computeComparison(host, side->host, hostName, side->label)
                        : computeComparison(side->host, host, side->label, hostName));
        result->notes = side->notes;
        return Outcome{std::move(result), std::move(side)};
    };
    job.done = [this, generation, fileIsAfter, path](Result<Outcome> outcome) {
        if (generation != m_generation)
            return; // overtaken by a newer request or a clear
        if (!outcome.ok()) {
            const Status& status = outcome.status();
            const QString reason =
                QString::fromStdString(status.detail().empty() ? status.message() : status.detail());
            emit openFailed(path, reason);
            emit failed(tr("%1 could not be compared; nothing changed.\n\n%2")
                            .arg(QFileInfo(path).fileName(), reason));
            return;
        }
        m_mode = Mode::HostFile;
        m_fileIsAfter = fileIsAfter;
        m_file = outcome->side;
        m_before.reset();
        m_after.reset();
        show(outcome->result);
    };
    submit(std::move(job));
}

void CompareController::compareHosts(HostState before, HostState after, const QString& beforeLabel,
                                     const QString& afterLabel)
{
    ++m_generation;
    m_mode = Mode::Hosts;
    m_file.reset();
    m_before = std::make_shared<const HostState>(std::move(before));
    m_after = std::make_shared<const HostState>(std::move(after));
    m_beforeLabel = beforeLabel;
    m_afterLabel = afterLabel;
    refresh();
}

void CompareController::swapSides()
{
    if (m_mode == Mode::None)
        return;
    ++m_generation;
    if (m_mode == Mode::HostFile) {
        m_fileIsAfter = !m_fileIsAfter;
    } else {
        std::swap(m_before, m_after);
        std::swap(m_beforeLabel, m_afterLabel);
    }
    refresh();
}

void CompareController::refresh()
{
    if (m_mode == Mode::HostFile) {
        compareHostWithFile();
        return;
    }
    if (m_mode != Mode::Hosts)
        return;
    const quint64 generation = m_generation;
    Job job;
    job.what = tr("Comparing %1 with %2...").arg(m_beforeLabel, m_afterLabel);
    job.work = [before = m_before, after = m_after, beforeLabel = m_beforeLabel,
                afterLabel = m_afterLabel]() -> Result<Outcome> {
        return Outcome{std::make_shared<const CompareResult>(
                           computeComparison(*before, *after, beforeLabel, afterLabel)),
                       nullptr};
    };
    job.done = showing(generation);
    submit(std::move(job));
}

void CompareController::compareHostWithFile()
{
    m_followTimer.stop();
    if (m_mode != Mode::HostFile || !m_file)
        return;
    const quint64 generation = m_generation;
    auto objects = std::make_shared<const SharedHostObjects>(m_mirror->hostState().shared());
    Job job;
    job.what = tr("Comparing %1 with the host shown...").arg(m_file->label);
    job.work = [objects, file = m_file, hostName = hostLabel(),
                fileIsAfter = m_fileIsAfter]() -> Result<Outcome> {
        const HostState host(*objects);
        auto result = std::make_shared<CompareResult>(
            fileIsAfter ? computeComparison(host, file->host, hostName, file->label)
                        : computeComparison(file->host, host, file->label, hostName));
        result->notes = file->notes;
        return Outcome{std::move(result), nullptr};
    };
    job.done = showing(generation);
    submit(std::move(job));
}

CompareController::Done CompareController::showing(quint64 generation)
{
    return [this, generation](Result<Outcome> outcome) {
        if (generation != m_generation)
            return; // overtaken by a newer request or a clear
        if (!outcome.ok()) {
            emit failed(QString::fromStdString(outcome.status().message()));
            return;
        }
        show(outcome->result);
    };
}

void CompareController::clear()
{
    ++m_generation;
    m_queued.reset();
    m_followTimer.stop();
    const bool wasActive = m_mode != Mode::None;
    m_mode = Mode::None;
    m_file.reset();
    m_before.reset();
    m_after.reset();
    m_result.reset();
    if (wasActive) {
        emit marksChanged({});
        emit cleared();
    }
}

void CompareController::onHostChanged()
{
    if (m_mode == Mode::HostFile)
        m_followTimer.start(); // restarts: a burst of batches costs one diff after it
}

void CompareController::show(std::shared_ptr<const CompareResult> result)
{
    const bool marksDiffer = !m_result || m_result->marks != result->marks;
    m_result = std::move(result);
    if (marksDiffer)
        emit marksChanged(m_result->marks);
    emit finished(m_result);
}

void CompareController::submit(Job job)
{
    if (m_running) {
        m_queued = std::make_unique<Job>(std::move(job)); // replaces a waiting one: only the newest matters
        return;
    }
    start(std::move(job));
    emit busyChanged(true);
}

void CompareController::start(Job job)
{
    emit started(job.what);
    m_running = QThread::create([this, work = std::move(job.work), done = std::move(job.done)] {
        Result<Outcome> outcome = Status(hr::Unexpected, "the comparison did not run");
        try {
            outcome = work();
        } catch (const std::exception& e) {
            outcome = Status(hr::Unexpected, std::string("the comparison failed: ") + e.what());
        }
        // Queued to this object: the destructor waits for this thread, so it is alive here.
        QMetaObject::invokeMethod(
            this, [done, outcome] { done(outcome); }, Qt::QueuedConnection);
    });
    connect(m_running, &QThread::finished, this, [this] {
        m_running->deleteLater();
        m_running = nullptr;
        if (m_queued) {
            Job next = std::move(*m_queued);
            m_queued.reset();
            start(std::move(next));
            return;
        }
        emit busyChanged(false);
    });
    m_running->start(QThread::LowPriority);
}

} // namespace hcn::ui
