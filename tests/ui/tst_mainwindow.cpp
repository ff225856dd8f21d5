// MainWindow and hcn-console: the window comes up showing the sample host, the status bar tells what
// the user looks at, the tree and the shared selection follow each other, exports write what the
// service says, and the real binary renders a screenshot without a display.

#include "dump_files.h"
#include "editors/properties_dock.h"
#include "hcn/embedded_api.h"
#include "models/api_worker.h"
#include "models/console_resources.h"
#include "models/current_selection.h"
#include "models/host_mirror.h"
#include "models/resource_filter_proxy_model.h"
#include "models/resource_tree_model.h"
#include "sample_host.h"
#include "topology/topology_dock.h"
#include "topology/topology_graph.h"
#include "topology/topology_legend.h"
#include "topology/topology_node_item.h"
#include "topology/topology_scene.h"
#include "topology/topology_view.h"
#include "widgets/connect_dialog.h"
#include "widgets/connection_controller.h"
#include "widgets/event_log_dock.h"
#include "widgets/export_controller.h"
#include "widgets/help_menu.h"
#include "widgets/host_status_bar.h"
#include "widgets/main_window.h"
#include "widgets/resource_tree_dock.h"
#include "widgets/scenario_controller.h"

#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMap>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using hcn::ResourceKind;
using hcn::ui::MainWindow;
using hcn::ui::ResourceTreeModel;

namespace {

const char* kSampleCounts = "2 networks \u00b7 11 endpoints \u00b7 7 namespaces \u00b7 4 load balancers";

/// A window showing the sample host, the way hcn-console starts.
struct Window
{
    MainWindow window;

    Window() { loaded = hcntest::showSampleHost(window); }
    bool loaded = false;

    hcn::ui::ResourceTreeDock* dock() { return window.resourceTreeDock(); }
    QTreeView* view() { return dock()->view(); }
    hcn::ui::ResourceFilterProxyModel* proxy() { return dock()->proxyModel(); }
    QString idByName(ResourceKind kind, const QString& name)
    {
        for (const hcn::ui::MirrorObject* object : window.mirror()->objects(kind))
            if (object->name == name)
                return object->id;
        return {};
    }
    QModelIndex viewIndexOf(const QString& id)
    {
        return proxy()->mapFromSource(dock()->model()->indexOf(id));
    }
    /// The engine behind the window, driven directly by the test.
    hcn::Api& host() { return *window.mirror()->worker()->sharedApi(); }
    QJsonObject snapshot()
    {
        auto text = host().snapshot("");
        return QJsonDocument::fromJson(QByteArray::fromStdString(*text)).object();
    }
};

QString consoleBinary()
{
    return QStringLiteral(HCN_CONSOLE_BINARY);
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void comesUpWithTheSampleHost();
    void statusBarCountsFollowTheHost();
    void treeFilterNarrowsTheTree();
    void selectingInTheTreeSetsTheSharedSelection();
    void theSharedSelectionSelectsInTheTree();
    void exportAllWritesTheSnapshot();
    void exportSelectedWritesV1OnRequest();
    void failedScenarioLeavesTheHostOnScreen();
    void exportedHostReopensAsReadOnlySnapshot();
    void brokenSnapshotShowsAsItIs();
    void unreadableSnapshotLeavesTheHostOnScreen();
    void failedConnectKeepsTheHostAndSaysWhy();
    void connectDialogBuildsClientOptions();
    void lostServiceShowsReconnecting();
    void undoAndRedoWaitWhileTheHostWorks();
    void addedDocksAppearInTheViewMenu();
    void everyActionHasAShortcutOrMnemonic();
    void theDiagramIsTheCentreAndGetsTheRoom();
    void fittedTopologyNamesEveryEndpoint();
    void helpMenuOpensTheTopologyLegend();
    void screenshotRendersAPngWithoutADisplay();
    void withoutADisplayTheBinarySaysWhatToDo();
    void badArgumentsAreRefused();
    void importArgumentOpensADumpReadOnly_data();
    void importArgumentOpensADumpReadOnly();

private:
    QTemporaryDir m_dir;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Never read or write the user's console settings.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath("settings"));
    QCoreApplication::setOrganizationName("HCN Console Tests");
    QCoreApplication::setApplicationName("tst_mainwindow");
    hcn::ui::initConsoleResources();
}

void TestMainWindow::comesUpWithTheSampleHost()
{
    Window w;
    QVERIFY(w.loaded);
    QVERIFY(QTest::qWaitForWindowExposed(&w.window));
    QCOMPARE(w.window.findChild<QDockWidget*>("ResourceTreeDock"), w.dock());
    QVERIFY(w.dock()->isVisible());
    QCOMPARE(w.window.hostStatusBar()->countsText(), QString::fromUtf8(kSampleCounts));
    QCOMPARE(w.window.hostStatusBar()->versionsText(), QStringLiteral("HNS 15.4 \u00b7 schema 2.16"));
    QVERIFY(w.window.hostStatusBar()->endpointText().contains("embedded"));
    QCOMPARE(w.window.hostStatusBar()->connectionText(), QStringLiteral("Connected"));
    QVERIFY(w.window.windowTitle().startsWith("HCN Console"));
    // The tree shows the three groups with the sample host's counts.
    QCOMPARE(w.proxy()->rowCount(), 3);
    QCOMPARE(w.dock()->model()->groupIndex(ResourceKind::Network).data().toString(),
             QStringLiteral("Networks (2)"));
}

void TestMainWindow::statusBarCountsFollowTheHost()
{
    Window w;
    QVERIFY(w.loaded);
    hcn::Api* api = &w.host();
    auto handle = api->create(ResourceKind::Namespace, {}, R"({"SchemaVersion":{"Major":2,"Minor":0}})", 0);
    QVERIFY(handle.ok());
    (void)api->close(ResourceKind::Namespace, *handle);
    QTRY_VERIFY_WITH_TIMEOUT(w.window.hostStatusBar()->countsText().contains("8 namespaces"), 10000);
    QCOMPARE(w.dock()->model()->groupIndex(ResourceKind::Namespace).data().toString(),
             QStringLiteral("Namespaces (8)"));
}

void TestMainWindow::treeFilterNarrowsTheTree()
{
    Window w;
    QVERIFY(w.loaded);
    QTest::keyClicks(w.dock()->filterEdit(), "nginx-7c5ddbdf54-4t");
    // The pod under its network, under its namespace and as a backend of the nginx service.
    const QString pod = w.idByName(ResourceKind::Endpoint, "nginx-7c5ddbdf54-4tq9r");
    int visible = 0;
    for (const QModelIndex& row : w.dock()->model()->indexesOf(pod))
        visible += w.proxy()->mapFromSource(row).isValid();
    QCOMPARE(visible, 3);
    QVERIFY(!w.viewIndexOf(w.idByName(ResourceKind::Endpoint, "web-frontend")).isValid());
    QVERIFY(w.view()->isExpanded(w.viewIndexOf(w.idByName(ResourceKind::Network, "vxlan0"))));

    w.dock()->filterEdit()->clear();
    QVERIFY(w.viewIndexOf(w.idByName(ResourceKind::Endpoint, "web-frontend")).isValid());
}

void TestMainWindow::selectingInTheTreeSetsTheSharedSelection()
{
    Window w;
    QVERIFY(w.loaded);
    const QString web = w.idByName(ResourceKind::Endpoint, "web-frontend");
    const QString nat = w.idByName(ResourceKind::Network, "nat");
    QItemSelectionModel* selection = w.view()->selectionModel();
    selection->setCurrentIndex(w.viewIndexOf(web),
                               QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCOMPARE(w.window.selection()->ids(), QStringList{web});
    selection->select(w.viewIndexOf(nat), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    // Both, the row with focus first.
    QCOMPARE(w.window.selection()->ids(), (QStringList{web, nat}));
    QCOMPARE(w.window.selection()->current(), web);
    // Selected objects enable the export actions.
    QVERIFY(w.window.findChild<QAction*>("actionExportSelected")->isEnabled());
}

void TestMainWindow::theSharedSelectionSelectsInTheTree()
{
    Window w;
    QVERIFY(w.loaded);
    const QString lb = w.idByName(ResourceKind::LoadBalancer, "kube-dns");
    const QString remote = w.idByName(ResourceKind::Endpoint, "remote-10.244.3.4");
    QObject otherView;
    w.window.selection()->setIds({remote, lb}, &otherView);

    QStringList selected;
    for (const QModelIndex& row : w.view()->selectionModel()->selectedRows())
        selected << row.data(ResourceTreeModel::ObjectIdRole).toString();
    selected.sort();
    QStringList expected{remote, lb};
    expected.sort();
    QCOMPARE(selected, expected);
    // The first object is made visible: its network is expanded.
    QVERIFY(w.view()->isExpanded(w.viewIndexOf(w.idByName(ResourceKind::Network, "vxlan0"))));
    // Following another view's selection does not echo it back.
    QCOMPARE(w.window.selection()->ids(), (QStringList{remote, lb}));
}

void TestMainWindow::exportAllWritesTheSnapshot()
{
    Window w;
    QVERIFY(w.loaded);
    const QString path = m_dir.filePath("all.json");
    QSignalSpy finished(w.window.exportController(), &hcn::ui::ExportController::finished);
    w.window.exportController()->writeAll(path); // queried on the host's worker
    QVERIFY(finished.wait(10000));
    QVERIFY2(finished.front().at(0).toBool(), qPrintable(finished.front().at(1).toString()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(file.readAll()).object(), w.snapshot());
}

void TestMainWindow::exportSelectedWritesV1OnRequest()
{
    Window w;
    QVERIFY(w.loaded);
    const QString web = w.idByName(ResourceKind::Endpoint, "web-frontend");
    w.window.selection()->setIds({web});
    const QString path = m_dir.filePath("web-v1.json");
    QSignalSpy finished(w.window.exportController(), &hcn::ui::ExportController::finished);
    w.window.exportController()->writeSelected(path, hcn::ui::ExportSchema::V1);
    QVERIFY(finished.wait(10000));
    QVERIFY2(finished.front().at(0).toBool(), qPrintable(finished.front().at(1).toString()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject v1 = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(v1.value("Name").toString(), QStringLiteral("web-frontend"));
    QCOMPARE(v1.value("VirtualNetworkName").toString(), QStringLiteral("nat"));
    QCOMPARE(v1.value("IPAddress").toString(), QStringLiteral("172.28.160.10"));
}

void TestMainWindow::failedScenarioLeavesTheHostOnScreen()
{
    Window w;
    QVERIFY(w.loaded);
    const QString path = m_dir.filePath("bad.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        R"({"Networks":[{"Name":"n","Type":"NAT","Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"10.9.0.0/24"}]}]}],
                   "Endpoints":[{"Name":"far","HostComputeNetwork":"n","IpConfigurations":[{"IpAddress":"8.8.8.8"}]}]})");
    file.close();
    hcn::Api* before = &w.host();

    QSignalSpy failed(w.window.scenarioController(), &hcn::ui::ScenarioController::loadFailed);
    w.window.scenarioController()->loadScenario(path);
    QVERIFY(failed.wait(10000));
    const QString error = failed.front().at(1).toString();
    QVERIFY2(error.startsWith("Endpoints[0] (far): HCN_E_INVALID_IP"), qPrintable(error));
    QCOMPARE(&w.host(), before);
    QCOMPARE(w.window.hostStatusBar()->countsText(), QString::fromUtf8(kSampleCounts));
}

void TestMainWindow::exportedHostReopensAsReadOnlySnapshot()
{
    Window w;
    QVERIFY(w.loaded);
    const QString path = m_dir.filePath("saved-host.json");
    QSignalSpy finished(w.window.exportController(), &hcn::ui::ExportController::finished);
    w.window.exportController()->writeAll(path);
    QVERIFY(finished.wait(10000));
    const QJsonObject live = w.snapshot();

    QSignalSpy shown(w.window.scenarioController(), &hcn::ui::ScenarioController::hostLoaded);
    w.window.scenarioController()->loadSnapshot(path); // read on the new host's worker
    QVERIFY(shown.wait(10000));
    QCOMPARE(w.window.hostStatusBar()->countsText(), QString::fromUtf8(kSampleCounts));
    QVERIFY2(w.window.windowTitle().contains("offline snapshot, read-only"), qPrintable(w.window.windowTitle()));
    // The documents as they were saved (each ID's; the order of a listing is not part of the format).
    auto byId = [](const QJsonObject& snapshot, const char* section) {
        QMap<QString, QJsonObject> out;
        for (const QJsonValue& value : snapshot.value(QLatin1String(section)).toArray())
            out.insert(value.toObject().value("ID").toString().toUpper(), value.toObject());
        return out;
    };
    for (const char* section : {"Networks", "Endpoints", "Namespaces", "LoadBalancers"})
        QCOMPARE(byId(w.snapshot(), section), byId(live, section));

    // Everything shows, nothing changes: no New, Delete or Apply.
    const QString web = w.idByName(ResourceKind::Endpoint, "web-frontend");
    QVERIFY(!web.isEmpty());
    w.window.selection()->setIds({web});
    hcn::ui::PropertiesDock* properties = w.window.propertiesDock();
    QCOMPARE(properties->currentId().toUpper(), web.toUpper());
    QVERIFY(!properties->deleteAction()->isEnabled());
    QVERIFY(!properties->applyAction()->isEnabled());
    for (QAction* action : properties->newObjectActions())
        QVERIFY(!action->isEnabled());
    // A change that reached the API anyway is refused with the documented error.
    const auto refused = w.host().remove(ResourceKind::Endpoint, *hcn::Guid::parse(web.toStdString()));
    QCOMPARE(refused.code(), hcn::makeHResult(0x80070005));

    // Back to a live host: the actions come back.
    w.window.scenarioController()->newEmptyHost();
    QVERIFY(shown.wait(10000));
    QVERIFY(!w.window.windowTitle().contains("read-only"));
    for (QAction* action : properties->newObjectActions())
        QVERIFY(action->isEnabled());
}

void TestMainWindow::brokenSnapshotShowsAsItIs()
{
    // What a customer's host can look like: an endpoint on a network that is gone, two endpoints with one
    // IP. The engine would refuse to build this; the snapshot shows it.
    Window w;
    QVERIFY(w.loaded);
    const QString path = m_dir.filePath("broken.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"Networks":[{"ID":"5a1b2c3d-0000-4000-8000-000000000001","Name":"nat","Type":"NAT"}],
        "Endpoints":[
          {"ID":"5a1b2c3d-0000-4000-8000-0000000000e1","Name":"a","HostComputeNetwork":"5a1b2c3d-0000-4000-8000-000000000001",
           "IpConfigurations":[{"IpAddress":"10.0.0.5"}]},
          {"ID":"5a1b2c3d-0000-4000-8000-0000000000e2","Name":"b","HostComputeNetwork":"5a1b2c3d-0000-4000-8000-000000000001",
           "IpConfigurations":[{"IpAddress":"10.0.0.5"}]},
          {"ID":"5a1b2c3d-0000-4000-8000-0000000000e3","Name":"orphan","HostComputeNetwork":"5a1b2c3d-0000-4000-8000-00000000dead"}]})");
    file.close();
    QSignalSpy shown(w.window.scenarioController(), &hcn::ui::ScenarioController::hostLoaded);
    w.window.scenarioController()->loadSnapshot(path);
    QVERIFY(shown.wait(10000));
    QCOMPARE(w.window.mirror()->count(ResourceKind::Endpoint), 3);
    QVERIFY(w.dock()->model()->indexOf(w.idByName(ResourceKind::Endpoint, "orphan")).isValid());
}

void TestMainWindow::unreadableSnapshotLeavesTheHostOnScreen()
{
    Window w;
    QVERIFY(w.loaded);
    hcn::Api* before = &w.host();
    QSignalSpy failed(w.window.scenarioController(), &hcn::ui::ScenarioController::loadFailed);
    const QString notJson = m_dir.filePath("not-a-snapshot.json");
    QFile file(notJson);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Name : nat\nType : NAT\n");
    file.close();
    for (const QString& path : {m_dir.filePath("missing.json"), notJson}) {
        failed.clear();
        w.window.scenarioController()->loadSnapshot(path);
        QVERIFY(failed.wait(10000));
        QVERIFY(!failed.front().at(1).toString().isEmpty());
        QCOMPARE(&w.host(), before);
        QCOMPARE(w.window.hostStatusBar()->countsText(), QString::fromUtf8(kSampleCounts));
    }
}

void TestMainWindow::failedConnectKeepsTheHostAndSaysWhy()
{
    Window w;
    QVERIFY(w.loaded);
    hcn::RpcClientOptions options;
    options.endpoint = m_dir.filePath("no-service.sock").toStdString();
    QSignalSpy finished(w.window.connectionController(), &hcn::ui::ConnectionController::connectFinished);
    w.window.connectionController()->connectTo(options);
    QVERIFY(finished.wait(10000));
    const auto status = finished.front().front().value<hcn::Status>();
    QVERIFY(!status.ok());
    QVERIFY2(QString::fromStdString(status.message()).contains("no-service.sock"), status.message().c_str());
    QVERIFY(!w.window.connectionController()->isRemote());
    QCOMPARE(w.window.hostStatusBar()->connectionText(), QStringLiteral("Connected"));
    QVERIFY(w.window.hostStatusBar()->endpointText().contains("embedded"));
    QVERIFY(!w.window.findChild<QAction*>("actionDisconnect")->isEnabled());
}

void TestMainWindow::connectDialogBuildsClientOptions()
{
    hcn::ui::ConnectDialog dialog;
    // A local socket by default, prefilled with the service's default path.
    QCOMPARE(dialog.options().endpoint, hcn::defaultSocketPath());
    QVERIFY(!dialog.findChild<QLineEdit*>("token")->isEnabled());

    dialog.findChild<QRadioButton*>("remoteService")->setChecked(true);
    QVERIFY(dialog.findChild<QLineEdit*>("token")->isEnabled());
    QVERIFY(!dialog.findChild<QLineEdit*>("socketPath")->isEnabled());
    QTest::keyClicks(dialog.findChild<QLineEdit*>("remoteAddress"), "node1.example:7443");
    QTest::keyClicks(dialog.findChild<QLineEdit*>("token"), "s3cret");
    QTest::keyClicks(dialog.findChild<QLineEdit*>("caFile"), "/etc/hcn/ca.pem");
    const hcn::RpcClientOptions options = dialog.options();
    QCOMPARE(options.endpoint, std::string("tls://node1.example:7443"));
    QCOMPARE(options.token, std::string("s3cret"));
    QCOMPARE(options.caFile, std::string("/etc/hcn/ca.pem"));
    QVERIFY(options.verifyPeer);
    QVERIFY(options.clientName.starts_with("hcn-console/"));
}

void TestMainWindow::lostServiceShowsReconnecting()
{
    Window w;
    QVERIFY(w.loaded);
    // The engine behind the console stops: every subscriber gets ServiceDisconnect.
    auto* embedded = dynamic_cast<hcn::EmbeddedApi*>(&w.host());
    QVERIFY(embedded);
    embedded->engine().shutdown();
    QTRY_COMPARE_WITH_TIMEOUT(w.window.hostStatusBar()->connectionText(),
                              QStringLiteral("Disconnected \u2014 reconnecting..."), 10000);
}

void TestMainWindow::undoAndRedoWaitWhileTheHostWorks()
{
    Window w;
    QVERIFY(w.loaded);
    hcn::ui::PropertiesDock* dock = w.window.propertiesDock();
    dock->setConfirmationsEnabled(false);
    auto* undo = w.window.findChild<QAction*>("actionUndo");
    auto* redo = w.window.findChild<QAction*>("actionRedo");
    const QString web = w.idByName(ResourceKind::Endpoint, "web-frontend");
    w.window.selection()->setIds({web});

    dock->deleteAction()->trigger();
    QVERIFY(dock->isBusy()); // the delete is on its way to the host
    QVERIFY(!undo->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!dock->isBusy(), 10000);
    QVERIFY(undo->isEnabled());
    QVERIFY(!redo->isEnabled());

    undo->trigger();
    QVERIFY(dock->isBusy());
    QVERIFY(!undo->isEnabled());
    QVERIFY(!redo->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!dock->isBusy(), 10000);
    QVERIFY(redo->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(w.window.mirror()->object(web) != nullptr, 10000);
}

void TestMainWindow::addedDocksAppearInTheViewMenu()
{
    Window w;
    QMenu* view = nullptr;
    for (QAction* action : w.window.menuBar()->actions())
        if (action->text() == "&View")
            view = action->menu();
    QVERIFY(view);

    // The console's own docks are all there, each with a show/hide action and a shortcut.
    QStringList names;
    for (QDockWidget* dock : w.window.docks()) {
        names << dock->objectName();
        QVERIFY(view->actions().contains(dock->toggleViewAction()));
        QVERIFY(!dock->toggleViewAction()->shortcut().isEmpty());
    }
    for (const char* expected : {"TopologyDock", "propertiesDock", "eventLogDock", "chartsDock"})
        QVERIFY2(names.contains(QLatin1String(expected)), expected);

    // A dock added later joins the menu the same way.
    auto* extra = new QDockWidget("Extra");
    extra->setObjectName("ExtraDock");
    w.window.addDock(extra, Qt::RightDockWidgetArea);
    QVERIFY(view->actions().contains(extra->toggleViewAction()));

    QDockWidget* topology = w.window.findChild<QDockWidget*>("TopologyDock");
    QVERIFY(topology);
    topology->hide();
    QVERIFY(w.window.raiseView("topology"));
    QVERIFY(topology->isVisible());
    QVERIFY(!w.window.raiseView("no-such-view"));
}

void TestMainWindow::everyActionHasAShortcutOrMnemonic()
{
    Window w;
    int checked = 0;
    for (QAction* menuAction : w.window.menuBar()->actions()) {
        QVERIFY2(menuAction->text().contains('&'), qPrintable(menuAction->text()));
        for (QAction* action : menuAction->menu()->actions()) {
            if (action->isSeparator())
                continue;
            ++checked;
            QVERIFY2(!action->shortcut().isEmpty() || action->text().contains('&'),
                     qPrintable(action->text()));
        }
    }
    QVERIFY(checked >= 12);
}

void TestMainWindow::screenshotRendersAPngWithoutADisplay()
{
    const QString png = m_dir.filePath("console.png");
    QProcess console;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove("DISPLAY");
    environment.remove("WAYLAND_DISPLAY");
    environment.remove("QT_QPA_PLATFORM");
    environment.insert("XDG_CONFIG_HOME", m_dir.filePath("config"));
    console.setProcessEnvironment(environment);
    console.start(consoleBinary(), {"--screenshot", png});
    QVERIFY2(console.waitForFinished(60000), qPrintable(console.errorString()));
    QVERIFY2(console.exitStatus() == QProcess::NormalExit && console.exitCode() == 0,
             console.readAllStandardError().constData());
    QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.width(), 1400);
    QCOMPARE(image.height(), 900);
    // Not a blank canvas: the window drew something with more than one colour.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height() && colours.size() < 3; y += 37)
        for (int x = 0; x < image.width(); x += 41)
            colours.insert(image.pixel(x, y));
    QVERIFY(colours.size() >= 3);
}

void TestMainWindow::withoutADisplayTheBinarySaysWhatToDo()
{
    QProcess console;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove("DISPLAY");
    environment.remove("WAYLAND_DISPLAY");
    environment.remove("QT_QPA_PLATFORM");
    console.setProcessEnvironment(environment);
    console.start(consoleBinary(), {});
    QVERIFY(console.waitForFinished(60000));
    QVERIFY(console.exitCode() != 0);
    const QString message = QString::fromLocal8Bit(console.readAllStandardError());
    QVERIFY2(message.contains("xvfb-run") && message.contains("--screenshot"), qPrintable(message));
}

void TestMainWindow::badArgumentsAreRefused()
{
    QProcess console;
    console.start(consoleBinary(), {"--view", "charts", "--screenshot", m_dir.filePath("x.png")});
    QVERIFY(console.waitForFinished(60000));
    QCOMPARE(console.exitCode(), 2);
    QVERIFY(QString::fromLocal8Bit(console.readAllStandardError()).contains("--view"));
    QVERIFY(!QFile::exists(m_dir.filePath("x.png")));
}

void TestMainWindow::importArgumentOpensADumpReadOnly_data()
{
    QTest::addColumn<QStringList>("dumps");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stderrPart");
    const QString dumps = dumpPath(QString());
    QTest::newRow("two files, rendered")
        << QStringList{dumps + "import-endpoints-depth2.json", dumps + "import-network-policylists.txt"}
        << QStringList{"--screenshot", m_dir.filePath("dump.png")} << 0 << QString();
    QTest::newRow("nothing recoverable")
        << QStringList{dumps + "garbage.bin"} << QStringList{"--screenshot", m_dir.filePath("garbage.png")}
        << 1 << QStringLiteral("cannot import");
    QTest::newRow("with --scenario") << QStringList{dumps + "garbage.bin"}
                                     << QStringList{"--scenario", "x.json", "--screenshot",
                                                    m_dir.filePath("s.png")}
                                     << 2 << QStringLiteral("--import excludes --scenario");
}

void TestMainWindow::importArgumentOpensADumpReadOnly()
{
    QFETCH(QStringList, dumps);
    QFETCH(QStringList, extra);
    QFETCH(int, exitCode);
    QFETCH(QString, stderrPart);
    QStringList arguments;
    for (const QString& dump : dumps)
        arguments << "--import" << dump;
    QProcess console;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("XDG_CONFIG_HOME", m_dir.filePath("config"));
    console.setProcessEnvironment(environment);
    console.start(consoleBinary(), arguments + extra);
    QVERIFY(console.waitForFinished(60000));
    const QString errors = QString::fromLocal8Bit(console.readAllStandardError());
    QVERIFY2(console.exitCode() == exitCode, qPrintable(errors));
    QVERIFY2(errors.contains(stderrPart), qPrintable(errors));
    const QString png = extra.at(extra.indexOf("--screenshot") + 1);
    QCOMPARE(QFile::exists(png), exitCode == 0);
}

void TestMainWindow::theDiagramIsTheCentreAndGetsTheRoom()
{
    Window w;
    QVERIFY(w.loaded);
    hcn::ui::TopologyDock* topology = w.window.topologyDock();
    QCOMPARE(w.window.centralWidget(), topology);
    QTRY_VERIFY(topology->view()->width() > 0);
    // At 1200x800 the diagram is the biggest pane.
    QWidget* events = w.window.eventLogDock();
    QWidget* properties = w.window.propertiesDock();
    QWidget* tree = w.window.resourceTreeDock();
    QTRY_VERIFY(events->height() < topology->height()); // the default proportions apply once shown
    for (QWidget* dock : {events, properties, tree})
        QVERIFY2(topology->width() * topology->height() > dock->width() * dock->height(),
                 qPrintable(dock->objectName()));
    QVERIFY(topology->width() >= w.window.width() * 45 / 100);

    // A bigger window: the room goes to the diagram, the docks keep their size.
    const QSize before = topology->size();
    const QSize eventsBefore = events->size();
    const int propertiesWidth = properties->width();
    w.window.resize(1600, 1100);
    QTRY_VERIFY(topology->width() >= before.width() + 350);
    QTRY_VERIFY(topology->height() >= before.height() + 250);
    QVERIFY(qAbs(events->height() - eventsBefore.height()) <= 10);
    QVERIFY(qAbs(properties->width() - propertiesWidth) <= 10);

    // A saved layout comes back, with the diagram still in the centre.
    const QByteArray state = w.window.saveState(MainWindow::kStateVersion);
    w.window.resizeDocks({w.window.propertiesDock()}, {propertiesWidth + 200}, Qt::Horizontal);
    QTRY_VERIFY(properties->width() >= propertiesWidth + 150);
    QVERIFY(w.window.restoreState(state, MainWindow::kStateVersion));
    QTRY_VERIFY(qAbs(properties->width() - propertiesWidth) <= 10);
    QCOMPARE(w.window.centralWidget(), topology);
    QVERIFY(topology->isVisible());
    // A state from before the diagram moved to the centre is not applied.
    QVERIFY(!w.window.restoreState(state, MainWindow::kStateVersion - 1));
    QCOMPARE(w.window.centralWidget(), topology);
}

void TestMainWindow::helpMenuOpensTheTopologyLegend()
{
    Window w;
    auto* legend = w.window.findChild<QAction*>("actionHelpTopologyLegend");
    QVERIFY(legend);
    QVERIFY(w.window.helpMenu()->overviewAction()->parent() != nullptr);
    QMenu* help = nullptr;
    for (QAction* action : w.window.menuBar()->actions())
        if (action->text() == "&Help")
            help = action->menu();
    QVERIFY(help);
    QVERIFY(help->actions().contains(legend));
    legend->trigger();
    QVERIFY(w.window.topologyDock()->legend());
    QTRY_VERIFY(w.window.topologyDock()->legend()->isVisible());
    // The topology tool bar opens the same window.
    QCOMPARE(w.window.topologyDock()->legendAction()->toolTip(), legend->toolTip());
}

void TestMainWindow::fittedTopologyNamesEveryEndpoint()
{
    // The README's topology picture: the sample host fitted in the window (other docks hidden, as
    // hcn-console --view topology --screenshot does). Every endpoint's and load balancer's name is drawn,
    // at its own size or shortened in the smallest legible one.
    Window w;
    QVERIFY(w.loaded);
    for (QDockWidget* dock : w.window.docks())
        if (dock != w.window.topologyDock())
            dock->hide();
    w.window.resize(1400, 900);
    hcn::ui::TopologyDock* topology = w.window.topologyDock();
    QVERIFY(topology->waitForLayout(20000));
    QCoreApplication::processEvents();
    hcn::ui::TopologyView* view = topology->view();
    QVERIFY(view->isAutoFit());
    int named = 0;
    for (const hcn::ui::TopologyNodeItem* item : topology->scene()->nodeItems()) {
        const hcn::ui::TopologyNodeKind kind = item->node().kind;
        if (kind != hcn::ui::TopologyNodeKind::Endpoint &&
            kind != hcn::ui::TopologyNodeKind::RemoteEndpoint &&
            kind != hcn::ui::TopologyNodeKind::LoadBalancer)
            continue;
        ++named;
        QVERIFY2(item->linesToDraw(view->zoom()) >= 1 || item->drawsCompactNameAt(view->zoom()),
                 qPrintable(QStringLiteral("%1 at zoom %2 in a %3x%4 view")
                                .arg(item->node().lines.value(0))
                                .arg(view->zoom())
                                .arg(view->viewport()->width())
                                .arg(view->viewport()->height())));
    }
    QCOMPARE(named, 11 + 4);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
