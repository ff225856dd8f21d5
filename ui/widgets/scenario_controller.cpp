#include "scenario_controller.h"

#include "hcn/embedded_api.h"
#include "models/api_worker.h"
#include "models/host_mirror.h"
#include "models/scenario_loader.h"
#include "widgets/console_settings.h"
#include "widgets/error_explanation_view.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>

namespace hcn::ui {

namespace {

/// ApiInfo::endpoint of an hcn::EmbeddedApi: the engine inside this process.
constexpr const char* kEmbeddedEndpoint = "embedded engine";

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

} // namespace

ScenarioController::ScenarioController(HostMirror* mirror, QWidget* dialogParent, QObject* parent)
    : QObject(parent), m_mirror(mirror), m_dialogParent(dialogParent)
{
    // Whatever replaced the host (a connection too) has no report until the load that made it says so.
    connect(m_mirror, &HostMirror::reset, this, [this] {
        m_report.reset();
        for (auto it = m_unsaved.begin(); it != m_unsaved.end();)
            it = it->host.expired() ? m_unsaved.erase(it) : std::next(it); // hosts gone for good
    });
    // Changes of an embedded host live only in this process: counted until the host is exported whole.
    // A service keeps its own objects; an offline host takes no changes.
    auto count = [this](qsizetype changes) {
        const ApiInfo& info = m_mirror->info();
        if (info.readOnly || info.endpoint != kEmbeddedEndpoint || !m_mirror->worker())
            return;
        const std::shared_ptr<Api> host = m_mirror->worker()->sharedApi();
        Unsaved& entry = m_unsaved[host.get()];
        if (entry.host.lock() != host)
            entry = {host, 0}; // a new host where a freed one was
        entry.changes += int(changes);
    };
    connect(m_mirror, &HostMirror::objectsAdded, this,
            [count](const QStringList& ids) { count(ids.size()); });
    connect(m_mirror, &HostMirror::objectsChanged, this,
            [count](const QStringList& ids) { count(ids.size()); });
    connect(m_mirror, &HostMirror::objectsRemoved, this,
            [count](const QList<MirrorObject>& removed) { count(removed.size()); });
}

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
        HResult code = hr::Ok;
    };
    // The scenario's calls run on the new engine's worker; an error is a value, not a failed Result.
    m_loading->call(
        this,
        [path](Api& api) -> Result<Loaded> {
            ScenarioLoader loader(api);
            if (!loader.loadFile(path))
                return Loaded{{}, loader.error().text(), loader.error().code};
            return Loaded{loader.description(), {}};
        },
        [this, path, attempt](Result<Loaded> loaded) {
            if (attempt != m_attempt)
                return;
            std::unique_ptr<ApiWorker> worker = std::move(m_loading);
            if (!loaded.ok() || !loaded->error.isEmpty()) {
                if (loaded.ok())
                    fail(path, loaded->error, loaded->code);
                else
                    fail(path, QString::fromStdString(loaded.status().message()), loaded.code());
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
    startOffline([path] { return readSnapshotFile(path); }, path, {});
}

void ScenarioController::loadOfflineSnapshot(OfflineSnapshotReader read, const QString& source,
                                             std::function<void(const Status&)> done)
{
    m_interactive = false; // the caller says what went wrong its own way
    startOffline(std::move(read), source, std::move(done));
}

void ScenarioController::startOffline(OfflineSnapshotReader read, const QString& source,
                                      std::function<void(const Status&)> done)
{
    ++m_attempt;
    m_loading.reset();
    // Written on the worker before the open returns, read here only after the attach came back.
    auto report = std::make_shared<io::ImportReport>();
    auto open = [read = std::move(read), report]() -> Result<std::shared_ptr<Api>> {
        Result<OfflineSnapshot> snapshot = read();
        if (!snapshot.ok())
            return snapshot.status();
        return openOfflineSnapshot(std::move(*snapshot), report.get());
    };
    show(std::make_unique<ApiWorker>(ApiWorker::Opener(std::move(open))), source, QString(), report,
         std::move(done));
}

void ScenarioController::cancelLoad()
{
    m_interactive = false; // a cancel is not an error to report
    if (m_attaching)
        m_mirror->cancelAttach(); // its outcome (E_ABORT) comes back through show()
    if (m_loading) {
        ++m_attempt;
        m_loading.reset();
        emit loadFailed(QString(), tr("The load was cancelled."));
    }
}

void ScenarioController::show(std::unique_ptr<ApiWorker> worker, const QString& source,
                              const QString& description, std::shared_ptr<const io::ImportReport> report,
                              std::function<void(const Status&)> done)
{
    const quint64 attempt = m_attempt;
    m_attachAttempt = attempt;
    m_attaching = true;
    m_mirror->beginAttach(std::move(worker), this,
                          [this, source, description, attempt, report = std::move(report),
                           done = std::move(done)](const Status& status) {
                              if (attempt == m_attachAttempt)
                                  m_attaching = false;
                              if (attempt != m_attempt) {
                                  if (done)
                                      done(Status(kCancelled, "another host was opened meanwhile"));
                                  return;
                              }
                              if (!status.ok()) {
                                  const bool cancelled = status.code() == kCancelled;
                                  fail(source,
                                       QString::fromStdString(cancelled ? status.detail() : status.message()),
                                       cancelled ? hr::Ok : status.code(), cancelled);
                                  if (done)
                                      done(status);
                                  return;
                              }
                              m_interactive = false;
                              m_report = report;
                              emit hostLoaded(source, description);
                              if (done)
                                  done(status);
                          });
}

int ScenarioController::unsavedChanges() const
{
    if (!m_mirror->worker())
        return 0;
    const std::shared_ptr<Api> host = m_mirror->worker()->sharedApi();
    const auto it = m_unsaved.constFind(host.get());
    return it != m_unsaved.cend() && it->host.lock() == host ? it->changes : 0;
}

void ScenarioController::markSaved()
{
    if (m_mirror->worker())
        m_unsaved.remove(m_mirror->worker()->sharedApi().get());
}

bool ScenarioController::confirmUnsaved(const QString& incoming, const QString& title,
                                        const QString& question, const QString& button)
{
    const int unsaved = unsavedChanges();
    const bool edits = m_pendingEdits && m_pendingEdits();
    if (unsaved == 0 && !edits)
        return true;
    QStringList what;
    if (unsaved == 1)
        what << tr("1 change (an object created, changed or deleted) that is not saved anywhere");
    else if (unsaved > 1)
        what << tr("%1 changes (objects created, changed or deleted) that are not saved anywhere")
                    .arg(unsaved);
    if (edits)
        what << tr("edits in the Properties form that are not applied");
    const QString lost = what.join(tr(" and "));
    if (m_replaceQuestion)
        return m_replaceQuestion(tr("the host with %1").arg(lost), incoming);
    QMessageBox box(QMessageBox::Question, title,
                    tr("The host shown has %1. %2\n\nFile > Export All saves the host first; File > Open "
                       "Scenario opens such an export again.")
                        .arg(lost, question),
                    QMessageBox::Cancel, m_dialogParent);
    QPushButton* go = box.addButton(button, QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == go;
}

bool ScenarioController::confirmQuit()
{
    if (m_mirror->info().readOnly)
        return true; // an offline host is a file: nothing of it is lost
    return confirmUnsaved(tr("quitting"), tr("Quit"), tr("Quit and lose them?"), tr("&Quit"));
}

bool ScenarioController::confirmReplace(const QString& incoming)
{
    if (!m_mirror->info().readOnly)
        return confirmUnsaved(incoming, tr("Replace Host"), tr("Replace it with %1?").arg(incoming),
                              tr("&Replace"));
    QString current = QString::fromStdString(m_mirror->info().endpoint);
    current.remove(QRegularExpression(QStringLiteral("^snapshot:")));
    if (m_replaceQuestion)
        return m_replaceQuestion(current, incoming);
    QMessageBox box(
        QMessageBox::Question, tr("Replace Offline Host"),
        tr("The console shows the offline snapshot %1. Replace it with %2?").arg(current, incoming),
        QMessageBox::Cancel, m_dialogParent);
    QPushButton* replace = box.addButton(tr("&Replace"), QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == replace;
}

void ScenarioController::fail(const QString& source, const QString& error, HResult code, bool cancelled)
{
    emit loadFailed(source, error);
    if (!source.isEmpty() && !cancelled)
        emit openFailed(source, error);
    if (!std::exchange(m_interactive, false))
        return;
    if (source.isEmpty())
        warn(tr("New Empty Host"), error, code);
    else if (m_interactiveSnapshot)
        warn(tr("Open Snapshot"),
             tr("The snapshot %1 was not opened; the current host is unchanged.\n\n%2")
                 .arg(QFileInfo(source).fileName(), error),
             code);
    else
        warn(tr("Open Scenario"),
             tr("The scenario %1 was not loaded; the current host is unchanged.\n\n%2")
                 .arg(QFileInfo(source).fileName(), error),
             code);
}

void ScenarioController::warn(const QString& title, const QString& text, HResult code) const
{
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Ok, m_dialogParent);
    if (failed(code))
        ErrorExplanationView::explainIn(box, code);
    box.exec();
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
    if (!confirmReplace(path.startsWith(QLatin1Char(':')) ? tr("the sample host")
                                                          : QFileInfo(path).fileName()))
        return;
    m_interactive = true; // the outcome's failure goes to a message box
    m_interactiveSnapshot = false;
    loadScenario(path);
}

void ScenarioController::newEmptyHostInteractive()
{
    if (!confirmReplace(tr("a new empty host")))
        return;
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
    if (!confirmReplace(QFileInfo(path).fileName()))
        return;
    m_interactive = true;
    m_interactiveSnapshot = true;
    loadSnapshot(path);
}

} // namespace hcn::ui
