#pragma once
// ScenarioController: File > New empty host, File > Open scenario and File > Open snapshot. A scenario
// always loads into a fresh embedded engine, on that engine's own ApiWorker, which replaces the console's
// host only once the whole scenario applied: the window keeps responding meanwhile, and a failed load
// leaves the current host on screen untouched. A snapshot (what File > Export all, hcnd.snapshot or
// `hcnctl import --json` write) is read on its worker into a read-only hcn::SnapshotApi, never into an
// engine: a customer's broken state shows as it is.

#include <QObject>
#include <QString>
#include <memory>

class QWidget;

namespace hcn::ui {

class ApiWorker;
class HostMirror;

class ScenarioController : public QObject
{
    Q_OBJECT
public:
    ScenarioController(HostMirror* mirror, QWidget* dialogParent, QObject* parent = nullptr);
    ~ScenarioController() override;

    /// Starts loading `path` (a file or ":/scenarios/..." resource) into a fresh embedded engine;
    /// hostLoaded or loadFailed ("Endpoints[2] (web): HCN_E_INVALID_IP (0x803B001E): ...") follows.
    void loadScenario(const QString& path);
    /// Starts showing a fresh embedded engine without objects; hostLoaded or loadFailed follows.
    void newEmptyHost();
    /// Starts reading the snapshot document at `path` into a read-only host; hostLoaded (description:
    /// the snapshot's load warnings, one per line) or loadFailed follows.
    void loadSnapshot(const QString& path);
    /// Whether a load is on its way.
    bool isLoading() const { return m_loading != nullptr || m_attaching; }

    /// Asks for a file and loads it; errors go to a message box.
    void openScenario();
    /// Loads `path`; errors go to a message box.
    void openScenarioInteractive(const QString& path);
    void newEmptyHostInteractive();
    /// Asks for a snapshot file and opens it; errors go to a message box.
    void openSnapshot();
    /// Opens the snapshot at `path`; errors go to a message box.
    void openSnapshotInteractive(const QString& path);

    static QString defaultScenario() { return QStringLiteral(":/scenarios/sample-host.json"); }

signals:
    /// A host replaced the previous one; `description` is the scenario's (empty for a new host).
    void hostLoaded(const QString& source, const QString& description);
    /// Nothing changed on screen; `error` says why.
    void loadFailed(const QString& source, const QString& error);

private:
    void show(std::unique_ptr<ApiWorker> worker, const QString& source, const QString& description);
    void fail(const QString& source, const QString& error);

    HostMirror* m_mirror;
    QWidget* m_dialogParent;
    /// The engine a scenario is being loaded into, before the mirror takes it.
    std::unique_ptr<ApiWorker> m_loading;
    quint64 m_attempt = 0;
    quint64 m_attachAttempt = 0;
    bool m_attaching = false;
    bool m_interactive = false;
    bool m_interactiveSnapshot = false; ///< the interactive load is a snapshot (the message box says so)
};

} // namespace hcn::ui
