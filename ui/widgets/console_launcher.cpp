#include "console_launcher.h"

#include "models/console_resources.h"
#include "models/host_mirror.h"
#include "topology/topology_dock.h"
#include "widgets/command_line.h"
#include "widgets/connection_controller.h"
#include "widgets/dump_import_controller.h"
#include "widgets/error_explanation_view.h"
#include "widgets/main_window.h"
#include "widgets/scenario_controller.h"

#include <QApplication>
#include <QDockWidget>
#include <QEventLoop>
#include <QFile>
#include <QImage>
#include <QMessageBox>
#include <QPixmap>
#include <QTimer>
#include <cstdio>

// The project version; ui/CMakeLists.txt should pass it (see the shell helper's report).

namespace hcn::ui {

namespace {

constexpr int kSettle_ms = 400;
constexpr int kTopologyLayoutTimeout_ms = 30000;

void printError(const QString& text)
{
    std::fprintf(stderr, "hcn-console: %s\n", qPrintable(text));
}

QString tr(const char* text)
{
    return QCoreApplication::translate("hcn::ui::ConsoleLauncher", text);
}

void setApplicationNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("HCN Console"));
    QCoreApplication::setApplicationName(QStringLiteral("hcn-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HCN_CONSOLE_VERSION));
}

} // namespace

int ConsoleLauncher::run(int argc, char** argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    QString error;
    const auto options = CommandLine::parse(arguments, &error);
    if (!options) {
        printError(error);
        std::fprintf(stderr, "Try 'hcn-console --help'.\n");
        return 2;
    }
    if (options->showHelp || options->showVersion) {
        QCoreApplication app(argc, argv);
        setApplicationNames();
        std::fputs(
            qPrintable(options->showHelp
                           ? CommandLine::helpText()
                           : QStringLiteral("hcn-console %1\n").arg(QCoreApplication::applicationVersion())),
            stdout);
        return 0;
    }
    const bool screenshotMode = !options->screenshotFile.isEmpty();
    if (!screenshotMode && !CommandLine::displayAvailable()) {
        printError(
            tr("no display: neither DISPLAY nor WAYLAND_DISPLAY is set. Run it under a display "
               "server (e.g. xvfb-run hcn-console), or render the window with --screenshot FILE.png."));
        return 2;
    }
    // A screenshot needs no display: render offscreen unless the user chose a platform.
    if (screenshotMode && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    setApplicationNames();
    initConsoleResources();

    MainWindow window;
    window.setLayoutPersistence(!screenshotMode);
    if (const int code = startHost(window, *options); code != 0)
        return code;
    if (!window.raiseView(options->view)) {
        printError(tr("the %1 view is not available in this build").arg(options->view));
        return 2;
    }
    if (screenshotMode) {
        // A picture of the diagram gets the whole window: in a dock it would be too small to read.
        if (options->view.compare(QLatin1String("topology"), Qt::CaseInsensitive) == 0)
            for (QDockWidget* dock : window.docks())
                if (dock != window.topologyDock())
                    dock->hide();
        return screenshot(window, options->screenshotFile);
    }
    window.show();
    return app.exec();
}

int ConsoleLauncher::startHost(MainWindow& window, const CommandLineOptions& options)
{
    QString error;
    if (!options.connectTarget.isEmpty()) {
        RpcClientOptions client;
        client.endpoint = options.connectTarget.toStdString();
        client.caFile = options.caFile.toStdString();
        client.clientName = "hcn-console/" + QCoreApplication::applicationVersion().toStdString();
        if (!options.tokenFile.isEmpty()) {
            QFile token(options.tokenFile);
            if (!token.open(QIODevice::ReadOnly)) {
                printError(
                    tr("cannot read the token file %1: %2").arg(options.tokenFile, token.errorString()));
                return 2;
            }
            client.token = QString::fromUtf8(token.readAll()).trimmed().toStdString();
        }
        // The connect runs on a worker; start-up has nothing to show until it is done, so it waits
        // in an event loop (the window is not up yet).
        ConnectionController* connection = window.connectionController();
        Status status = Status::success();
        QEventLoop loop;
        QObject::connect(connection, &ConnectionController::connectFinished, &loop, [&](const Status& s) {
            status = s;
            loop.quit();
        });
        connection->connectTo(client);
        if (connection->isConnecting())
            loop.exec();
        if (!status.ok()) {
            printError(tr("cannot connect to %1: %2")
                           .arg(options.connectTarget, QString::fromStdString(status.message())));
            printError(ErrorExplanationView::summaryText(status.code()));
            return 1;
        }
        return 0;
    }
    if (!options.importPaths.isEmpty()) {
        // As File > Open Dump: imported on the new host's worker, waited for here (nothing is on screen yet).
        DumpImportController* dumps = window.dumpImportController();
        bool imported = false;
        QEventLoop loop;
        QObject::connect(dumps, &DumpImportController::imported, &loop, [&] {
            imported = true;
            loop.quit();
        });
        QObject::connect(dumps, &DumpImportController::failed, &loop,
                         [&](const QString&, const QString& why, bool) {
                             error = why;
                             loop.quit();
                         });
        if (dumps->openPaths(options.importPaths))
            loop.exec();
        if (!imported) {
            printError(tr("cannot import %1: %2").arg(options.importPaths.join(QStringLiteral(", ")), error));
            return 1;
        }
        return 0;
    }
    const QString scenario =
        options.scenarioFile.isEmpty() ? ScenarioController::defaultScenario() : options.scenarioFile;
    ScenarioController* scenarios = window.scenarioController();
    bool loaded = false;
    QEventLoop loop;
    QObject::connect(scenarios, &ScenarioController::hostLoaded, &loop, [&] {
        loaded = true;
        loop.quit();
    });
    QObject::connect(scenarios, &ScenarioController::loadFailed, &loop,
                     [&](const QString&, const QString& why) {
                         error = why;
                         loop.quit();
                     });
    scenarios->loadScenario(scenario);
    if (scenarios->isLoading())
        loop.exec();
    if (!loaded) {
        printError(tr("cannot load the scenario %1: %2").arg(scenario, error));
        return 1;
    }
    return 0;
}

int ConsoleLauncher::screenshot(MainWindow& window, const QString& path)
{
    window.resize(kScreenshotWidth, kScreenshotHeight);
    window.show();
    // Let queued notifications apply, views lay out and docks that work in the background (topology
    // layout) finish their first pass before rendering.
    window.mirror()->flushPending();
    QEventLoop loop;
    QTimer::singleShot(kSettle_ms, &loop, &QEventLoop::quit);
    loop.exec();
    window.mirror()->flushPending();
    if (TopologyDock* topology = window.topologyDock()) {
        if (!topology->waitForLayout(kTopologyLayoutTimeout_ms))
            printError(tr("the topology layout did not finish in time; the diagram may be incomplete"));
        topology->fitToContents();
    }
    QCoreApplication::processEvents();

    const QPixmap pixmap = window.grab();
    if (pixmap.isNull()) {
        printError(tr("rendering the window failed"));
        return 1;
    }
    if (!pixmap.save(path, "PNG")) {
        printError(tr("cannot write %1").arg(path));
        return 1;
    }
    return 0;
}

} // namespace hcn::ui
