#pragma once
// ScenarioController: File > New empty host and File > Open scenario. A scenario always loads into a
// fresh embedded engine, which replaces the console's host only once the whole scenario applied: a
// failed load leaves the current host on screen untouched.

#include <QObject>
#include <QString>

class QWidget;

namespace hcn::ui {

class HostMirror;

class ScenarioController : public QObject
{
    Q_OBJECT
public:
    ScenarioController(HostMirror* mirror, QWidget* dialogParent, QObject* parent = nullptr);

    /// Loads `path` (a file or ":/scenarios/..." resource) into a fresh embedded engine and shows it.
    /// False with `error` set ("Endpoints[2] (web): HCN_E_INVALID_IP (0x803B001E): ...") on failure.
    bool loadScenario(const QString& path, QString* error);
    /// A fresh embedded engine without objects.
    bool newEmptyHost(QString* error);

    /// Asks for a file and loads it; errors go to a message box.
    void openScenario();
    /// Loads `path`; errors go to a message box.
    void openScenarioInteractive(const QString& path);
    void newEmptyHostInteractive();

    static QString defaultScenario() { return QStringLiteral(":/scenarios/sample-host.json"); }

signals:
    /// A host replaced the previous one; `description` is the scenario's (empty for a new host).
    void hostLoaded(const QString& source, const QString& description);

private:
    HostMirror* m_mirror;
    QWidget* m_dialogParent;
};

} // namespace hcn::ui
