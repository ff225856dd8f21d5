#pragma once
// ScenarioController: File > New empty host and File > Open scenario. A scenario always loads into a
// fresh embedded engine, on that engine's own ApiWorker, which replaces the console's host only once the
// whole scenario applied: the window keeps responding meanwhile, and a failed load leaves the current
// host on screen untouched.

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
    /// Whether a load is on its way.
    bool isLoading() const { return m_loading != nullptr || m_attaching; }

    /// Asks for a file and loads it; errors go to a message box.
    void openScenario();
    /// Loads `path`; errors go to a message box.
    void openScenarioInteractive(const QString& path);
    void newEmptyHostInteractive();

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
};

} // namespace hcn::ui
