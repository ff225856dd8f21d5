#include "live_recording_controller.h"

#include "hcn/recording.h"
#include "models/api_worker.h"
#include "models/host_mirror.h"
#include "widgets/console_settings.h"

#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QTimer>

namespace hcn::ui {

LiveRecordingController::LiveRecordingController(HostMirror* mirror, QWidget* dialogParent, QObject* parent)
    : QObject(parent), m_mirror(mirror), m_dialogParent(dialogParent), m_timer(new QTimer(this))
{
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &LiveRecordingController::tick);
    // Another host shown: what is being recorded is no longer on screen.
    connect(m_mirror, &HostMirror::reset, this, [this] {
        if (isRecording() && !m_stopping &&
            (!m_mirror->worker() || m_mirror->worker()->sharedApi() != m_host))
            stop(QStringLiteral("host switched"));
    });
}

LiveRecordingController::~LiveRecordingController()
{
    // The worker finishes the file (its queued finish, or the recorder's own on release) after this.
    if (m_recorder && !m_stopping) {
        auto recorder = std::move(m_recorder);
        m_worker->call(
            nullptr,
            [recorder](Api&) mutable {
                Status status = recorder->finish("stopped");
                recorder.reset();
                return status;
            },
            [](const Status&) {});
    }
}

quint64 LiveRecordingController::changes() const
{
    return m_recorder ? m_recorder->changes() : 0;
}

QString LiveRecordingController::statusText() const
{
    if (!isRecording())
        return {};
    const qint64 s = m_recorder ? m_elapsed.elapsed() / 1000 : 0;
    return tr("Recording %1 \u00b7 %2:%3:%4 \u00b7 %n change(s)", nullptr, int(changes()))
        .arg(QFileInfo(m_path).fileName())
        .arg(s / 3600, 2, 10, QLatin1Char('0'))
        .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}

void LiveRecordingController::toggleInteractive()
{
    if (isRecording()) {
        stop();
        return;
    }
    QString directory = settings::lastExportDirectory().value();
    if (directory.isEmpty())
        directory = QDir::homePath();
    const QString name =
        QStringLiteral("hcn-%1.hcnrec").arg(QDateTime::currentDateTime().toString("yyyyMMdd-HHmmss"));
    const QString path =
        QFileDialog::getSaveFileName(m_dialogParent, tr("Record Host"), QDir(directory).filePath(name),
                                     tr("HCN recordings (*.hcnrec);;All files (*)"));
    if (path.isEmpty())
        return;
    settings::lastExportDirectory().setValue(QFileInfo(path).absolutePath());
    start(path);
}

bool LiveRecordingController::start(const QString& path)
{
    if (isRecording()) {
        emit finished(path, tr("A recording is already running (%1).").arg(QFileInfo(m_path).fileName()),
                      false);
        return false;
    }
    if (!m_mirror->worker() || m_mirror->info().readOnly) {
        emit finished(path, tr("Only a live host (an embedded engine or a service) can be recorded."), false);
        return false;
    }
    m_host = m_mirror->worker()->sharedApi();
    m_worker = std::make_unique<ApiWorker>(m_host);
    m_path = path;
    m_stopping = false;
    RecorderOptions options;
    options.tool = "hcn-console " HCN_CONSOLE_VERSION;
    options.source = m_mirror->info().endpoint;
    emit recordingChanged(true);
    m_worker->call(
        this,
        [path = path.toStdString(), options](Api& api) mutable -> Result<std::shared_ptr<Recorder>> {
            auto recorder = Recorder::start(api, path, std::move(options));
            if (!recorder.ok())
                return recorder.status();
            return std::shared_ptr<Recorder>(std::move(*recorder));
        },
        [this](Result<std::shared_ptr<Recorder>> recorder) {
            if (!recorder.ok()) {
                end(tr("The recording %1 could not be started: %2")
                        .arg(QFileInfo(m_path).fileName(),
                             QString::fromStdString(recorder.status().message())),
                    false);
                return;
            }
            m_recorder = std::move(*recorder);
            m_elapsed.start();
            m_timer->start();
            if (m_stopping) { // stopped while starting
                m_stopping = false;
                stop();
                return;
            }
            emit progress(statusText());
        });
    return true;
}

void LiveRecordingController::stop(const QString& reason)
{
    if (!isRecording() || (m_stopping && m_recorder))
        return;
    m_stopping = true;
    if (!m_recorder)
        return; // still starting: stops once started
    m_timer->stop();
    const quint64 changes = m_recorder->changes();
    auto recorder = std::move(m_recorder);
    m_worker->call(
        this,
        [recorder, reason = reason.toStdString()](Api&) mutable {
            Status status = recorder->finish(reason);
            if (status.ok())
                status = recorder->writeStatus();
            recorder.reset(); // released here, off the GUI thread
            return status;
        },
        [this, changes, reason](const Status& status) {
            if (status.ok())
                end(tr("Recorded %n change(s) to %1 (%2).", nullptr, int(changes))
                        .arg(QFileInfo(m_path).fileName(), reason),
                    true);
            else
                end(tr("The recording %1 could not be written: %2")
                        .arg(QFileInfo(m_path).fileName(), QString::fromStdString(status.message())),
                    false);
        });
}

void LiveRecordingController::tick()
{
    if (!m_recorder)
        return;
    if (!m_recorder->writeStatus().ok()) {
        stop(QStringLiteral("write failed"));
        return;
    }
    switch (m_recorder->waitFor(std::chrono::milliseconds(0))) {
    case Recorder::Ended::No:
        emit progress(statusText());
        return;
    case Recorder::Ended::MaxChanges:
        stop(QStringLiteral("max-changes"));
        return;
    case Recorder::Ended::Disconnected:
        stop(QStringLiteral("disconnected"));
        return;
    case Recorder::Ended::WriteFailed:
        stop(QStringLiteral("write failed"));
        return;
    }
}

void LiveRecordingController::end(const QString& outcome, bool ok)
{
    m_timer->stop();
    m_recorder.reset();
    m_worker.reset(); // its thread releases the recorded host
    m_host.reset();
    m_stopping = false;
    const QString path = m_path;
    emit recordingChanged(false);
    emit finished(path, outcome, ok);
}

} // namespace hcn::ui
