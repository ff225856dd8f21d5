#include "scenario_controller.h"

#include "hcn/embedded_api.h"
#include "hcn/snapshot_api.h"
#include "models/api_worker.h"
#include "models/host_mirror.h"
#include "models/scenario_loader.h"
#include "widgets/console_settings.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

namespace hcn::ui {

namespace {

/// An engine configured like hcnd would be from the environment (HCN_SIM_ENVIRONMENT ...).
std::shared_ptr<EmbeddedApi> freshEngine(QString* error)
{
    auto options = engineOptionsFromEnvironment();
    if (!options.ok()) {
        *error = QString::fromStdString(options.status().message());
        return nullptr;
    }
    return std::make_shared<EmbeddedApi>(std::move(*options));
}

/// The largest snapshot file read (a host with 100,000 endpoints exports to about 150 MB).
constexpr qint64 kMaxSnapshotBytes = qint64(512) * 1024 * 1024;

/// On the worker thread: the file at `path` as a read-only host.
Result<std::shared_ptr<Api>> openSnapshotFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Status(file.exists() ? makeHResult(0x80004005) : makeHResult(0x80070002), "cannot read " + path.toStdString() + ": " +
                                            file.errorString().toStdString() + ".");
    if (file.size() > kMaxSnapshotBytes)
        return Status(hr::InvalidArg, path.toStdString() + " is larger than " +
                                          std::to_string(kMaxSnapshotBytes / (1024 * 1024)) +
                                          " MiB; it is not a snapshot this console can open.");
    const QByteArray text = file.readAll();
    auto snapshot = SnapshotApi::fromText(std::string_view(text.constData(), std::size_t(text.size())),
                                          QFileInfo(path).fileName().toStdString());
    if (!snapshot.ok())
        return snapshot.status();
    return std::shared_ptr<Api>(std::move(*snapshot));
}

} // namespace

ScenarioController::ScenarioController(HostMirror* mirror, QWidget* dialogParent, QObject* parent)
    : QObject(parent), m_mirror(mirror), m_dialogParent(dialogParent)
{}

ScenarioController::~ScenarioController() = default;

void ScenarioController::loadScenario(const QString& path)
{
    QString error;
    auto engine = freshEngine(&error);
    if (!engine) {
        fail(path, error);
        return;
    }
    m_loading = std::make_unique<ApiWorker>(std::shared_ptr<Api>(std::move(engine)));
    const quint64 attempt = ++m_attempt;
    struct Loaded
    {
        QString description;
        QString error;
    };
    // The scenario's calls run on the new engine's worker; an error is a value, not a failed Result.
    m_loading->call(
        this,
        [path](Api& api) -> Result<Loaded> {
            ScenarioLoader loader(api);
            if (!loader.loadFile(path))
                return Loaded{{}, loader.error().text()};
            return Loaded{loader.description(), {}};
        },
        [this, path, attempt](Result<Loaded> loaded) {
            if (attempt != m_attempt)
                return;
            std::unique_ptr<ApiWorker> worker = std::move(m_loading);
            if (!loaded.ok() || !loaded->error.isEmpty()) {
                fail(path, loaded.ok() ? loaded->error : QString::fromStdString(loaded.status().message()));
                return;
            }
            show(std::move(worker), path, loaded->description);
        });
}

void ScenarioController::newEmptyHost()
{
    QString error;
    auto engine = freshEngine(&error);
    if (!engine) {
        fail(QString(), error);
        return;
    }
    ++m_attempt;
    m_loading.reset();
    show(std::make_unique<ApiWorker>(std::shared_ptr<Api>(std::move(engine))), QString(), QString());
}

void ScenarioController::loadSnapshot(const QString& path)
{
    ++m_attempt;
    m_loading.reset();
    show(std::make_unique<ApiWorker>(ApiWorker::Opener([path] { return openSnapshotFile(path); })), path,
         QString());
}

void ScenarioController::show(std::unique_ptr<ApiWorker> worker, const QString& source,
                              const QString& description)
{
    const quint64 attempt = m_attempt;
    m_attachAttempt = attempt;
    m_attaching = true;
    m_mirror->beginAttach(std::move(worker), this,
                          [this, source, description, attempt](const Status& status) {
                              if (attempt == m_attachAttempt)
                                  m_attaching = false;
                              if (attempt != m_attempt)
                                  return;
                              if (!status.ok()) {
                                  fail(source, QString::fromStdString(status.message()));
                                  return;
                              }
                              m_interactive = false;
                              emit hostLoaded(source, description);
                          });
}

void ScenarioController::fail(const QString& source, const QString& error)
{
    emit loadFailed(source, error);
    if (!std::exchange(m_interactive, false))
        return;
    if (source.isEmpty())
        QMessageBox::warning(m_dialogParent, tr("New Empty Host"), error);
    else if (m_interactiveSnapshot)
        QMessageBox::warning(m_dialogParent, tr("Open Snapshot"),
                             tr("The snapshot %1 was not opened; the current host is unchanged.\n\n%2")
                                 .arg(QFileInfo(source).fileName(), error));
    else
        QMessageBox::warning(m_dialogParent, tr("Open Scenario"),
                             tr("The scenario %1 was not loaded; the current host is unchanged.\n\n%2")
                                 .arg(QFileInfo(source).fileName(), error));
}

void ScenarioController::openScenario()
{
    const QString path = QFileDialog::getOpenFileName(m_dialogParent, tr("Open Scenario"),
                                                      settings::lastScenarioDirectory().value(),
                                                      tr("HCN scenarios (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    settings::lastScenarioDirectory().setValue(QFileInfo(path).absolutePath());
    openScenarioInteractive(path);
}

void ScenarioController::openScenarioInteractive(const QString& path)
{
    m_interactive = true; // the outcome's failure goes to a message box
    m_interactiveSnapshot = false;
    loadScenario(path);
}

void ScenarioController::newEmptyHostInteractive()
{
    m_interactive = true;
    m_interactiveSnapshot = false;
    newEmptyHost();
}

void ScenarioController::openSnapshot()
{
    const QString path = QFileDialog::getOpenFileName(
        m_dialogParent, tr("Open Snapshot"), settings::lastScenarioDirectory().value(),
        tr("HCN snapshots (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    settings::lastScenarioDirectory().setValue(QFileInfo(path).absolutePath());
    openSnapshotInteractive(path);
}

void ScenarioController::openSnapshotInteractive(const QString& path)
{
    m_interactive = true;
    m_interactiveSnapshot = true;
    loadSnapshot(path);
}

} // namespace hcn::ui
