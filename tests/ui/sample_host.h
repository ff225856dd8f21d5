#pragma once
// The console's window as hcn-console starts it, for the suites that drive the whole window.

#include "widgets/main_window.h"
#include "widgets/scenario_controller.h"

#include <QDebug>
#include <QSignalSpy>
#include <QTest>

namespace hcntest {

/// Loads the sample host into `window` (its layout not saved), waits for it (logging why it failed),
/// then shows the window at 1200x800. True when the host was shown.
inline bool showSampleHost(hcn::ui::MainWindow& window)
{
    using hcn::ui::ScenarioController;
    window.setLayoutPersistence(false);
    QSignalSpy shown(window.scenarioController(), &ScenarioController::hostLoaded);
    QSignalSpy failed(window.scenarioController(), &ScenarioController::loadFailed);
    window.scenarioController()->loadScenario(ScenarioController::defaultScenario());
    (void)QTest::qWaitFor([&] { return shown.count() + failed.count() > 0; }, 10000);
    const bool loaded = shown.count() == 1;
    if (!loaded && failed.count() == 1)
        qWarning() << "the sample host did not load:" << failed.front().at(1).toString();
    window.resize(1200, 800);
    window.show();
    return loaded;
}

} // namespace hcntest
