#include "dump_import_controller.h"

#include "hcn/dump_import.h"
#include "hcn/dump_sources.h"
#include "models/api_worker.h"
#include "models/offline_snapshot.h"
#include "widgets/console_settings.h"
#include "widgets/error_explanation_view.h"
#include "widgets/scenario_controller.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QTimer>
#include <QUrl>
#include <atomic>

namespace hcn::ui {

/// What the worker and the GUI share while an import runs: the fraction done and the user's Cancel.
/// (Outside the anonymous namespace: DumpImportController::Job holds one.)
struct ImportProgressState
{
    std::atomic<int> permille{0};
    std::atomic<bool> cancelled{false};
};

namespace {

io::ImportOptions importOptions(const std::string& name, const std::shared_ptr<ImportProgressState>& state)
{
    io::ImportOptions options;
    options.description = name;
    options.progress = [state](double fraction) {
        state->permille.store(int(fraction * 1000.0));
        return !state->cancelled.load();
    };
    return options;
}

} // namespace

struct DumpImportController::Job
{
    QString name;
    std::shared_ptr<ImportProgressState> state = std::make_shared<ImportProgressState>();
    OfflineSnapshotReader read;
};

DumpImportController::DumpImportController(ScenarioController* scenarios, QWidget* dialogParent,
                                           QObject* parent)
    : QObject(parent), m_scenarios(scenarios), m_dialogParent(dialogParent), m_progressTimer(new QTimer(this))
{
    // The worker only stores the fraction; the dialog reads it at this pace.
    m_progressTimer->setInterval(50);
    connect(m_progressTimer, &QTimer::timeout, this, [this] {
        if (!m_job || !m_progress)
            return;
        // Busy until the first source is done: one large file says nothing before it ends.
        const int permille = m_job->state->permille.load();
        if (permille > 0 && m_progress->maximum() == 0)
            m_progress->setRange(0, 1000);
        if (m_progress->maximum() > 0)
            m_progress->setValue(permille);
    });
}

DumpImportController::~DumpImportController()
{
    if (m_job)
        m_job->state->cancelled = true; // the worker stops at the next source
}

QString DumpImportController::displayName(const QStringList& paths)
{
    QStringList names;
    for (const QString& path : paths) {
        const QString clean = QDir::cleanPath(path); // "collectlogs/" names the folder too
        const QString name = QFileInfo(clean).fileName();
        names << (name.isEmpty() ? clean : name);
    }
    if (names.size() > 4)
        return tr("%1 and %2 more")
            .arg(names.mid(0, 3).join(QStringLiteral(", ")), QString::number(names.size() - 3));
    return names.join(QStringLiteral(", "));
}

void DumpImportController::openDump()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        m_dialogParent, tr("Open Dump"), settings::lastScenarioDirectory().value(),
        tr("Dumps (*.txt *.json *.log *.md *.zip *.tar *.tar.gz *.tgz);;All files (*)"));
    if (paths.isEmpty())
        return;
    settings::lastScenarioDirectory().setValue(QFileInfo(paths.front()).absolutePath());
    openPaths(paths);
}

void DumpImportController::openDumpFolder()
{
    const QString path = QFileDialog::getExistingDirectory(m_dialogParent, tr("Open Dump Folder"),
                                                           settings::lastScenarioDirectory().value());
    if (path.isEmpty())
        return;
    settings::lastScenarioDirectory().setValue(path);
    openPaths({path});
}

void DumpImportController::pasteDump()
{
    const QMimeData* mime = QApplication::clipboard()->mimeData();
    QByteArray bytes;
    if (mime && mime->hasText())
        bytes = mime->text().toUtf8();
    else if (mime && !mime->formats().isEmpty())
        bytes = mime->data(mime->formats().front()); // an archive or UTF-16 text copied as bytes
    if (bytes.trimmed().isEmpty()) {
        showMessage(tr("Paste Dump"), tr("The clipboard holds no text to import."));
        return;
    }
    openBytes(QStringLiteral("clipboard"), bytes);
}

bool DumpImportController::openPaths(const QStringList& paths)
{
    if (paths.isEmpty())
        return false;
    auto job = std::make_shared<Job>();
    job->name = displayName(paths);
    std::vector<std::string> files;
    for (const QString& path : paths)
        files.push_back(QFile::encodeName(path).toStdString());
    job->read = [files, name = job->name.toStdString(), state = job->state] {
        return importedSnapshot(io::importPaths(files, importOptions(name, state)), name);
    };
    return start(job->name, job);
}

bool DumpImportController::openBytes(const QString& name, const QByteArray& bytes)
{
    auto job = std::make_shared<Job>();
    job->name = name;
    job->read = [bytes = bytes.toStdString(), name = name.toStdString(), state = job->state]() mutable {
        return importedSnapshot(io::importBytes(name, std::move(bytes), importOptions(name, state)), name);
    };
    return start(name, job);
}

bool DumpImportController::canOpen(const QMimeData* mime)
{
    if (!mime)
        return false;
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile())
            return true;
    return mime->hasText() && !mime->text().trimmed().isEmpty();
}

bool DumpImportController::openDropped(const QMimeData* mime)
{
    if (!canOpen(mime))
        return false;
    QStringList paths;
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    if (!paths.isEmpty())
        return openPaths(paths);
    return openBytes(tr("dropped text"), mime->text().toUtf8());
}

bool DumpImportController::start(const QString& name, std::shared_ptr<Job> job)
{
    if (!m_scenarios->confirmReplace(name))
        return false;
    if (m_job)
        m_job->state->cancelled = true; // superseded: the new load abandons it below
    m_job = job;

    if (!m_progress) {
        m_progress = new QProgressDialog(m_dialogParent);
        m_progress->setObjectName(QStringLiteral("DumpImportProgress"));
        m_progress->setWindowTitle(tr("Open Dump"));
        m_progress->setWindowModality(Qt::NonModal); // the window stays usable; the current host stays
        m_progress->setAutoClose(false);
        m_progress->setAutoReset(false);
        m_progress->setMinimumDuration(400); // a quick import does not flash a dialog
        connect(m_progress, &QProgressDialog::canceled, this, &DumpImportController::cancel);
    }
    m_progress->reset();
    m_progress->setLabelText(tr("Importing %1...").arg(name));
    m_progress->setRange(0, 0);
    m_progress->setValue(0); // shows the dialog once the minimum duration passed
    m_progressTimer->start();
    emit started(name);
    emit message(tr("Importing %1...").arg(name));

    m_scenarios->loadOfflineSnapshot(job->read, name,
                                     [this, job](const Status& status) { finish(job, status); });
    return true;
}

void DumpImportController::cancel()
{
    if (!m_job)
        return;
    m_job->state->cancelled = true;
    m_scenarios->cancelLoad(); // finish() follows with E_ABORT
}

void DumpImportController::finish(const std::shared_ptr<Job>& job, const Status& status)
{
    if (job != m_job)
        return; // superseded by a newer import, whose dialog stays
    m_job.reset();
    job->state->cancelled = true; // a superseded import still running stops at its next source
    m_progressTimer->stop();
    if (m_progress) {
        m_progress->blockSignals(true); // closing the dialog is not the user's Cancel
        m_progress->reset();
        m_progress->close();
        m_progress->blockSignals(false);
    }
    if (status.ok()) {
        emit message(tr("Imported %1 (offline snapshot, read-only)").arg(job->name));
        emit imported(job->name);
        return;
    }
    if (status.code() == kCancelled) {
        const QString text =
            tr("The import of %1 was cancelled; the current host is unchanged.").arg(job->name);
        emit message(text);
        emit failed(job->name, text, true);
        return;
    }
    const QString text =
        tr("%1 was not imported; the current host is unchanged.\n\n%2")
            .arg(job->name,
                 QString::fromStdString(status.detail().empty() ? status.message() : status.detail()));
    emit message(tr("%1 was not imported").arg(job->name));
    emit failed(job->name, text, false);
    showMessage(tr("Open Dump"), text, status.code());
}

void DumpImportController::showMessage(const QString& title, const QString& text, HResult code)
{
    // Not exec(): a message never stops the event loop (or a test driving the window).
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, m_dialogParent);
    box->setObjectName(QStringLiteral("DumpImportMessage"));
    if (hcn::failed(code)) // `failed` alone is this class's signal
        ErrorExplanationView::explainIn(*box, code);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setModal(false);
    box->show();
}

} // namespace hcn::ui
