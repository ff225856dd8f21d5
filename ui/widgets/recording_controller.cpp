#include "recording_controller.h"

#include "hcn/recording.h"
#include "hcn/recording_host_api.h"
#include "models/api_worker.h"
#include "models/background_job.h"
#include "models/host_mirror.h"
#include "models/recording_playback.h"
#include "widgets/console_settings.h"
#include "widgets/scenario_controller.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

namespace hcn::ui {

RecordingController::RecordingController(HostMirror* mirror, ScenarioController* scenarios,
                                         QWidget* dialogParent, QObject* parent)
    : QObject(parent), m_mirror(mirror), m_scenarios(scenarios), m_dialogParent(dialogParent)
{
    connect(m_mirror, &HostMirror::reset, this, [this] {
        if (m_playback && !m_playback->isShown()) {
            delete m_playback.data();
            emit closed();
        }
    });
}

RecordingController::~RecordingController() = default;

RecordingPlayback* RecordingController::playback() const
{
    return m_playback;
}

bool RecordingController::isRecordingFile(const QString& path)
{
    auto reference = recordingReference(path.toStdString());
    return reference.ok() && reference->has_value() && (*reference)->momentText.empty();
}

void RecordingController::openRecording()
{
    const QString path = QFileDialog::getOpenFileName(m_dialogParent, tr("Open Recording"),
                                                      settings::lastScenarioDirectory().value(),
                                                      tr("HCN recordings (*.hcnrec);;All files (*)"));
    if (path.isEmpty())
        return;
    settings::lastScenarioDirectory().setValue(QFileInfo(path).absolutePath());
    openRecordingInteractive(path);
}

bool RecordingController::openRecordingInteractive(const QString& path)
{
    if (!m_scenarios->confirmReplace(tr("the recording %1").arg(QFileInfo(path).fileName())))
        return false;
    load(path);
    m_interactive = true;
    return true;
}

void RecordingController::load(const QString& path)
{
    const quint64 attempt = ++m_attempt;
    m_interactive = false;
    m_loading = true;
    const QString name = QFileInfo(path).fileName();
    emit message(tr("Opening the recording %1\u2026").arg(name));
    runInBackground(
        this, [path] { return RecordingPlayback::open(path); },
        [this, attempt, path, name](Result<RecordingPlayback::Opened> result) {
            if (attempt != m_attempt)
                return; // another recording was asked for meanwhile
            if (!result.ok()) {
                fail(path, QString::fromStdString(result.status().message()));
                return;
            }
            emit attaching(name);
            auto host = result->host;
            auto reader = result->reader;
            m_mirror->beginAttach(std::make_unique<ApiWorker>(std::shared_ptr<Api>(host)), this,
                                  [this, attempt, path, host, reader](const Status& status) {
                                      if (attempt != m_attempt)
                                          return;
                                      if (!status.ok()) {
                                          fail(path, QString::fromStdString(status.message()));
                                          return;
                                      }
                                      m_loading = false;
                                      m_interactive = false;
                                      m_playback = new RecordingPlayback(path, reader, host, m_mirror, this);
                                      emit opened(path, QString::fromStdString(m_mirror->info().description));
                                  });
        });
}

void RecordingController::fail(const QString& path, const QString& error)
{
    m_loading = false;
    emit failed(path, error);
    if (!std::exchange(m_interactive, false))
        return;
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Open Recording"),
                                tr("The recording %1 was not opened; the current host is unchanged.\n\n%2")
                                    .arg(QFileInfo(path).fileName(), error),
                                QMessageBox::Ok, m_dialogParent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace hcn::ui
