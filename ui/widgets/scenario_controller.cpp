#include "scenario_controller.h"

#include "hcn/embedded_api.h"
#include "models/host_mirror.h"
#include "models/scenario_loader.h"
#include "widgets/console_settings.h"

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

} // namespace

ScenarioController::ScenarioController(HostMirror* mirror, QWidget* dialogParent, QObject* parent)
    : QObject(parent), m_mirror(mirror), m_dialogParent(dialogParent)
{}

bool ScenarioController::loadScenario(const QString& path, QString* error)
{
    auto api = freshEngine(error);
    if (!api)
        return false;
    ScenarioLoader loader(*api);
    if (!loader.loadFile(path)) {
        *error = loader.error().text();
        return false;
    }
    if (Status attached = m_mirror->attach(api); !attached.ok()) {
        *error = QString::fromStdString(attached.message());
        return false;
    }
    emit hostLoaded(path, loader.description());
    return true;
}

bool ScenarioController::newEmptyHost(QString* error)
{
    auto api = freshEngine(error);
    if (!api)
        return false;
    if (Status attached = m_mirror->attach(api); !attached.ok()) {
        *error = QString::fromStdString(attached.message());
        return false;
    }
    emit hostLoaded(QString(), QString());
    return true;
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
    QString error;
    if (!loadScenario(path, &error))
        QMessageBox::warning(m_dialogParent, tr("Open Scenario"),
                             tr("The scenario %1 was not loaded; the current host is unchanged.\n\n%2")
                                 .arg(QFileInfo(path).fileName(), error));
}

void ScenarioController::newEmptyHostInteractive()
{
    QString error;
    if (!newEmptyHost(&error))
        QMessageBox::warning(m_dialogParent, tr("New Empty Host"), error);
}

} // namespace hcn::ui
