// The console's Trace dock: a trace named in the form runs off the GUI thread and shows its hops and
// verdict, drops are named with their hop, bad input is said plainly, the path is highlighted on the
// topology, the selection fills the form and a hop selects its object, Trace From Here / Trace To Here
// on the diagram's and the tree's context menus run a trace, and a changed host is traced as it is now.

#include "engine_harness.h"
#include "models/api_worker.h"
#include "models/console_resources.h"
#include "models/current_selection.h"
#include "models/host_mirror.h"
#include "topology/topology_dock.h"
#include "widgets/main_window.h"
#include "widgets/resource_tree_dock.h"
#include "widgets/scenario_controller.h"
#include "widgets/trace_dock.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTreeView>
#include <QtTest>

using hcn::ResourceKind;

namespace {

QString traceFile(const QString& name)
{
    return qEnvironmentVariable("HCN_SOURCE_DIR") + QStringLiteral("/tests/data/trace/") + name;
}

struct Window
{
    hcn::ui::MainWindow window;

    Window() { window.setLayoutPersistence(false); }

    bool open(const QString& snapshot)
    {
        QSignalSpy shown(window.scenarioController(), &hcn::ui::ScenarioController::hostLoaded);
        if (snapshot.isEmpty())
            window.scenarioController()->loadScenario(hcn::ui::ScenarioController::defaultScenario());
        else
            window.scenarioController()->loadSnapshot(snapshot);
        return shown.wait(10000);
    }

    hcn::ui::TraceDock* dock() const { return window.traceDock(); }
    hcn::Api& host() { return *window.mirror()->worker()->sharedApi(); }

    /// Fills the form, clicks Trace and waits for the outcome.
    bool trace(const QString& from, const QString& to, const QString& protocol = "TCP", const QString& port = {})
    {
        dock()->sourceEdit()->setText(from);
        dock()->destinationEdit()->setText(to);
        dock()->protocolBox()->setCurrentText(protocol);
        dock()->portEdit()->setText(port);
        QSignalSpy traced(dock(), &hcn::ui::TraceDock::traced);
        dock()->traceButton()->click();
        return traced.wait(10000);
    }

    QString idByName(ResourceKind kind, const QString& name) const
    {
        for (const hcn::ui::MirrorObject* object : window.mirror()->objects(kind))
            if (object->name == name)
                return object->id;
        return {};
    }
};

} // namespace

class TestTraceDock : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void showsHopsAndVerdict_data();
    void showsHopsAndVerdict();
    void badInputIsSaidPlainly_data();
    void badInputIsSaidPlainly();
    void pathIsHighlightedAndHopsSelectTheirObject();
    void selectionFillsTheForm();
    void contextMenusTraceFromAndToAnObject();
    void changedHostIsTracedAsItIsNow();
    void hostAddressesReachNodePorts();

private:
    QTemporaryDir m_dir;
};

void TestTraceDock::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath("settings"));
    QCoreApplication::setOrganizationName("HCN Console Tests");
    QCoreApplication::setApplicationName("tst_tracedock");
    hcn::ui::initConsoleResources();
}

void TestTraceDock::showsHopsAndVerdict_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<QString>("port");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QString>("droppedHop"); // empty when nothing drops

    QTest::newRow("same network, allowed by the ingress Allow rule")
        << "client" << "web" << "TCP" << "80" << "Delivered" << "";
    QTest::newRow("another port falls to the ingress Block rule")
        << "client" << "web" << "TCP" << "81" << "Dropped" << "ingress ACL (Switch)";
    QTest::newRow("published port on the NAT gateway") << "client" << "172.28.160.1" << "TCP" << "8080"
                                                        << "Delivered" << "";
    QTest::newRow("unattached source") << "orphan" << "web" << "TCP" << "80" << "Dropped" << "source";
    QTest::newRow("the internet, icmp") << "client" << "8.8.8.8" << "ICMP" << "" << "Translated" << "";
    QTest::newRow("from the host itself, through its vNIC") << "host"
                                                            << "web"
                                                            << "TCP"
                                                            << "80"
                                                            << "Delivered"
                                                            << "";
    QTest::newRow("from the host, the endpoint's Block rule") << "Host"
                                                              << "web"
                                                              << "TCP"
                                                              << "81"
                                                              << "Dropped"
                                                              << "ingress ACL (Switch)";
}

void TestTraceDock::showsHopsAndVerdict()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, protocol);
    QFETCH(QString, port);
    QFETCH(QString, verdict);
    QFETCH(QString, droppedHop);
    Window w;
    QVERIFY(w.open(traceFile("nat-host.json")));
    QVERIFY(w.trace(from, to, protocol, port));
    QVERIFY2(w.dock()->verdictText().contains("<b>" + verdict + "</b>"), qPrintable(w.dock()->verdictText()));
    const auto& result = w.dock()->result();
    QVERIFY(result);
    QTableWidget* hops = w.dock()->hopTable();
    QCOMPARE(hops->rowCount(), int(result->hops.size()));
    QVERIFY(hops->rowCount() > 0);
    if (!droppedHop.isEmpty()) {
        const int row = result->droppedAt;
        QVERIFY(row >= 0 && row < hops->rowCount());
        QCOMPARE(hops->item(row, 1)->text(), droppedHop);
        QCOMPARE(hops->item(row, 3)->text(), QString("drop"));
    }
    // The source hop names what sent the packet: the host itself, or the endpoint.
    QCOMPARE(hops->item(0, 2)->text().startsWith("the host"), from.compare("host", Qt::CaseInsensitive) == 0);
    QVERIFY(w.dock()->traceButton()->isEnabled());
}

void TestTraceDock::badInputIsSaidPlainly_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("port");
    QTest::addColumn<QString>("message");
    QTest::newRow("no source") << ""
                               << "web"
                               << ""
                               << "Name a source (an endpoint, or host) and a destination";
    QTest::newRow("port out of range") << "client" << "web" << "70000" << "from 1 to 65535";
    QTest::newRow("unknown endpoint") << "nobody" << "web" << "" << "Cannot trace:";
}

void TestTraceDock::badInputIsSaidPlainly()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, port);
    QFETCH(QString, message);
    Window w;
    QVERIFY(w.open(traceFile("nat-host.json")));
    w.dock()->sourceEdit()->setText(from);
    w.dock()->destinationEdit()->setText(to);
    w.dock()->portEdit()->setText(port);
    w.dock()->traceButton()->click();
    QTRY_VERIFY2_WITH_TIMEOUT(w.dock()->verdictText().contains(message), qPrintable(w.dock()->verdictText()), 10000);
    QCOMPARE(w.dock()->hopTable()->rowCount(), 0);
}

void TestTraceDock::pathIsHighlightedAndHopsSelectTheirObject()
{
    Window w;
    QVERIFY(w.open(traceFile("nat-host.json")));
    QSignalSpy highlighted(w.dock(), &hcn::ui::TraceDock::highlightRequested);
    QVERIFY(w.trace("client", "web", "TCP", "80"));
    QCOMPARE(highlighted.count(), 1);
    const QStringList path = highlighted.takeFirst().at(0).toStringList();
    const QString client = w.idByName(ResourceKind::Endpoint, "client");
    const QString web = w.idByName(ResourceKind::Endpoint, "web");
    QVERIFY(!client.isEmpty() && !web.isEmpty());
    QVERIFY2(path.contains(client) && path.contains(web), qPrintable(path.join(", ")));

    // The last hop concerns the destination; selecting it selects web everywhere.
    QTableWidget* hops = w.dock()->hopTable();
    hops->selectRow(hops->rowCount() - 1);
    QCOMPARE(w.window.selection()->current(),
             QString::fromStdString(w.dock()->result()->hops.back().object.id));
}

void TestTraceDock::selectionFillsTheForm()
{
    Window w;
    QVERIFY(w.open({}));
    w.window.selection()->setIds({w.idByName(ResourceKind::Endpoint, "web-frontend")});
    w.dock()->useSelectionAsSourceButton()->click();
    QCOMPARE(w.dock()->sourceEdit()->text(), QString("web-frontend"));
    const QString kubeDns = w.idByName(ResourceKind::LoadBalancer, "kube-dns");
    if (kubeDns.isEmpty()) { // load balancers may carry no name: take the first one
        const auto lbs = w.window.mirror()->objects(ResourceKind::LoadBalancer);
        QVERIFY(!lbs.isEmpty());
        w.window.selection()->setIds({lbs.front()->id});
    } else {
        w.window.selection()->setIds({kubeDns});
    }
    w.dock()->useSelectionAsDestinationButton()->click();
    // A load balancer is traced to by its VIP.
    QVERIFY2(QRegularExpression("^[0-9.]+$").match(w.dock()->destinationEdit()->text()).hasMatch(),
             qPrintable(w.dock()->destinationEdit()->text()));
    QVERIFY(w.trace(w.dock()->sourceEdit()->text(), w.dock()->destinationEdit()->text(), "UDP", "53"));
    QVERIFY(w.dock()->result());
}

void TestTraceDock::contextMenusTraceFromAndToAnObject()
{
    Window w;
    QVERIFY(w.open(traceFile("nat-host.json")));
    hcn::ui::TopologyDock* topology = w.window.topologyDock();
    QVERIFY(topology->waitForLayout(10000));
    const QString client = w.idByName(ResourceKind::Endpoint, "client");
    const QString web = w.idByName(ResourceKind::Endpoint, "web");
    const QString nat = w.idByName(ResourceKind::Network, "nat");
    QVERIFY(!client.isEmpty() && !web.isEmpty() && !nat.isEmpty());
    const auto named = [](const QList<QAction*>& actions, const char* name) -> QAction* {
        for (QAction* action : actions)
            if (action->objectName() == QLatin1String(name))
                return action;
        return nullptr;
    };

    // The tree offers both for what is selected there; a network is no source.
    const QList<QAction*> treeActions = w.window.resourceTreeDock()->view()->actions();
    QVERIFY(named(treeActions, "actionTraceFrom") && named(treeActions, "actionTraceTo"));
    w.window.selection()->setIds({nat});
    QVERIFY(!w.dock()->traceFromAction()->isEnabled());
    QVERIFY(w.dock()->traceToAction()->isEnabled());
    w.window.selection()->clear();
    QVERIFY(!w.dock()->traceToAction()->isEnabled());

    // Right-click the client on the diagram: Trace From Here names it and waits for a destination.
    w.dock()->sourceEdit()->clear();
    w.dock()->destinationEdit()->clear();
    QSignalSpy traced(w.dock(), &hcn::ui::TraceDock::traced);
    auto fromMenu = topology->createContextMenu(client);
    QAction* from = named(fromMenu->actions(), "actionTraceFrom");
    QVERIFY(from && from->isEnabled());
    from->trigger();
    QCOMPARE(w.dock()->sourceEdit()->text(), QString("client"));
    QCOMPARE(traced.count(), 0);

    // Right-click web: Trace To Here completes the pair and the trace runs.
    auto toMenu = topology->createContextMenu(web);
    QAction* to = named(toMenu->actions(), "actionTraceTo");
    QVERIFY(to && to->isEnabled());
    to->trigger();
    QCOMPARE(w.dock()->destinationEdit()->text(), QString("web"));
    QVERIFY(traced.wait(10000));
    QVERIFY(w.dock()->result());
    QVERIFY(!w.dock()->isHidden());
    QVERIFY2(w.dock()->verdictText().contains("web"), qPrintable(w.dock()->verdictText()));

    // A network's node offers Trace To Here only.
    auto networkMenu = topology->createContextMenu(nat);
    QVERIFY(!named(networkMenu->actions(), "actionTraceFrom")->isEnabled());
    QVERIFY(named(networkMenu->actions(), "actionTraceTo")->isEnabled());
}

void TestTraceDock::changedHostIsTracedAsItIsNow()
{
    Window w;
    QVERIFY(w.open({}));
    QVERIFY(w.trace("web-frontend", "api-server"));
    QVERIFY(w.dock()->result());

    const QString api = w.idByName(ResourceKind::Endpoint, "api-server");
    QVERIFY(!api.isEmpty());
    QVERIFY(w.host().remove(ResourceKind::Endpoint, *hcn::Guid::parse(api.toStdString())).ok());
    QTRY_VERIFY_WITH_TIMEOUT(w.idByName(ResourceKind::Endpoint, "api-server").isEmpty(), 10000);
    QVERIFY(w.trace("web-frontend", "api-server"));
    QVERIFY(!w.dock()->result());
    QVERIFY2(w.dock()->verdictText().startsWith("Cannot trace"), qPrintable(w.dock()->verdictText()));
}

void TestTraceDock::hostAddressesReachNodePorts()
{
    // An L2Bridge node's own IP is in no document: named as a host address, its node port answers.
    Window w;
    QVERIFY(w.open(traceFile("l2bridge-host.json")));
    QVERIFY(w.trace("no-nat", "10.0.0.4", "TCP", "30080"));
    QVERIFY(w.dock()->result());
    QVERIFY2(w.dock()->result()->deliveredTo.empty(), qPrintable(w.dock()->verdictText()));
    w.dock()->hostAddressesEdit()->setText("10.0.0.4, 10.0.0.5");
    QVERIFY(w.trace("no-nat", "10.0.0.4", "TCP", "30080"));
    QVERIFY2(w.dock()->verdictText().contains("<b>Delivered</b>"), qPrintable(w.dock()->verdictText()));
    QCOMPARE(w.dock()->result()->deliveredTo.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(w.dock()->result()->deliveredTo.front().name), QString("server"));

    w.dock()->hostAddressesEdit()->setText("10.0.0");
    w.dock()->traceButton()->click();
    QTRY_VERIFY2_WITH_TIMEOUT(w.dock()->verdictText().contains("10.0.0\" is not an IP address"),
                              qPrintable(w.dock()->verdictText()), 10000);
}

QTEST_MAIN(TestTraceDock)
#include "tst_tracedock.moc"
