// The Compare view: File > Compare With... compares the host shown with a snapshot file off the GUI
// thread; the Compare dock shows the summary per kind and the objects added, removed and changed with
// their member changes in words; the tree and the topology colour the objects that differ, and a dock
// row selects its object. A bad file says why and keeps both the host and the comparison shown; a
// comparison against the file follows the host's changes; Clear ends it; the GUI keeps turning while a
// large comparison is computed.

#include "compare/compare_controller.h"
#include "compare/compare_dock.h"
#include "compare/compare_marks.h"
#include "compare/compare_model.h"
#include "compare/diff_wording.h"
#include "engine_harness.h"
#include "hcn/api.h"
#include "models/api_worker.h"
#include "models/current_selection.h"
#include "models/host_mirror.h"
#include "models/resource_tree_model.h"
#include "topology/topology_dock.h"
#include "topology/topology_legend.h"
#include "topology/topology_node_item.h"
#include "topology/topology_scene.h"
#include "widgets/main_window.h"
#include "widgets/resource_tree_dock.h"
#include "widgets/scenario_controller.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>

using hcn::ResourceKind;
using hcn::ui::CompareController;
using hcn::ui::CompareDock;
using hcn::ui::CompareMark;
using hcn::ui::CompareModel;
using hcn::ui::MainWindow;
using hcn::ui::ResourceTreeModel;

namespace {

const QString kWeb = QStringLiteral("C0FFEE02-0001-4001-8001-000000000001");
const QString kApi = QStringLiteral("C0FFEE02-0002-4002-8002-000000000002");
const QString kCache = QStringLiteral("C0FFEE02-0003-4003-8003-000000000003");
const QString kWorker = QStringLiteral("C0FFEE02-0004-4004-8004-000000000004");
const QString kNetwork = QStringLiteral("5A1C2E7B-3B0D-4C52-9D7E-0A6E4C1B2F01");
const QString kLoadBalancer = QStringLiteral("7C1B0E55-9A3D-4B21-8F00-000000000001");

QString dataFile(const char* name)
{
    return qEnvironmentVariable("HCN_SOURCE_DIR") + QStringLiteral("/tests/data/compare/") +
           QLatin1String(name);
}

/// A window showing a host, compared with a file the way File > Compare With... does.
struct Window
{
    MainWindow window;

    Window() { window.setLayoutPersistence(false); }

    CompareController* compare() const { return window.compareController(); }
    CompareDock* dock() const { return window.compareDock(); }
    CompareModel* model() const { return dock()->model(); }
    ResourceTreeModel* tree() const { return window.resourceTreeDock()->model(); }
    hcn::ui::TopologyScene* scene() const { return window.topologyDock()->scene(); }

    bool openSnapshot(const QString& path)
    {
        QSignalSpy shown(window.scenarioController(), &hcn::ui::ScenarioController::hostLoaded);
        window.scenarioController()->loadSnapshot(path);
        const bool ok = shown.wait(10000);
        window.resize(1200, 800);
        window.show();
        return ok && window.topologyDock()->waitForLayout(20000);
    }

    bool openEmptyHost()
    {
        QSignalSpy shown(window.scenarioController(), &hcn::ui::ScenarioController::hostLoaded);
        window.scenarioController()->newEmptyHost();
        return shown.wait(10000);
    }

    /// Starts `run` and waits for the comparison's outcome: true when a comparison is shown.
    template <typename Run> bool compareBy(Run run)
    {
        QSignalSpy finished(compare(), &CompareController::finished);
        QSignalSpy failed(compare(), &CompareController::failed);
        run();
        return QTest::qWaitFor([&] { return finished.count() + failed.count() > 0; }, 30000) &&
               finished.count() == 1;
    }

    bool compareWith(const QString& path)
    {
        return compareBy([&] { compare()->compareWithFile(path); });
    }

    /// The dock's object row whose title contains `text`.
    QModelIndex objectRow(const QString& text) const
    {
        for (int row = 0; row < model()->rowCount(); ++row) {
            const QModelIndex index = model()->index(row, CompareModel::TextColumn);
            if (index.data().toString().contains(text))
                return index;
        }
        return {};
    }

    /// The member changes under an object row, in words.
    QStringList changesOf(const QModelIndex& object) const
    {
        QStringList lines;
        const QModelIndex parent = object.siblingAtColumn(0);
        for (int row = 0; row < model()->rowCount(parent); ++row)
            lines << model()->index(row, CompareModel::TextColumn, parent).data().toString();
        return lines;
    }

    CompareMark treeMark(const QString& id) const
    {
        const QVariant mark = tree()->indexOf(id).data(ResourceTreeModel::CompareMarkRole);
        return mark.isValid() ? CompareMark(mark.toInt()) : CompareMark::None;
    }

    CompareMark nodeMark(const QString& id) const
    {
        const hcn::ui::TopologyNodeItem* item = scene()->nodeItemOfObject(id);
        return item ? item->compareMark() : CompareMark::None;
    }
};

/// A host of `count` endpoints on one network; every hundredth endpoint's address differs by `variant`.
hcn::HostState largeHost(int count, int variant)
{
    using nlohmann::json;
    std::vector<hcn::HostObject> objects;
    const std::string network = "0A000000-0000-4000-8000-000000000001";
    objects.push_back(
        {ResourceKind::Network, network,
         std::make_shared<const json>(json{{"ID", network}, {"Name", "big"}, {"Type", "NAT"}})});
    for (int i = 0; i < count; ++i) {
        char id[40];
        std::snprintf(id, sizeof id, "E0000000-0000-4000-8000-%012d", i);
        const int octet = i % 100 == 0 ? variant : 0;
        json document{
            {"ID", id},
            {"Name", "ep" + std::to_string(i)},
            {"HostComputeNetwork", network},
            {"IpConfigurations",
             json::array({{{"IpAddress", "10." + std::to_string(octet) + "." + std::to_string(i / 250 % 250) +
                                             "." + std::to_string(i % 250)},
                           {"PrefixLength", 16}}})},
            {"Policies",
             json::array({{{"Type", "OutBoundNAT"}, {"Settings", {{"Exceptions", {"10.0.0.0/8"}}}}}})}};
        objects.push_back({ResourceKind::Endpoint, id, std::make_shared<const json>(std::move(document))});
    }
    hcn::HostState host;
    (void)host.assign(std::move(objects));
    return host;
}

} // namespace

class tst_CompareView : public QObject
{
    Q_OBJECT

private slots:
    void summaryPerKind_data();
    void summaryPerKind();
    void portMappingsInWords_data();
    void portMappingsInWords();
    void objectRowsInWords_data();
    void objectRowsInWords();
    void treeColoursAddedAndChangedRows_data();
    void treeColoursAddedAndChangedRows();
    void topologyMarksTheRightNodes();
    void rowSelectsItsObject();
    void badFileKeepsHostAndComparison();
    void swapExchangesTheSides();
    void clearEndsTheComparison();
    void followsTheLiveHost();
    void guiKeepsTurningDuringALargeComparison();
};

void tst_CompareView::summaryPerKind_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QStringList>("counts"); // before, after, added, removed, changed
    QTest::newRow("endpoints: one added, one removed, one IP changed")
        << "endpoints" << QStringList{"3", "3", "1", "1", "1"};
    QTest::newRow("load balancer: its backend list shrunk")
        << "load balancers" << QStringList{"1", "1", "0", "0", "1"};
    QTest::newRow("namespace: its endpoint list changed")
        << "namespaces" << QStringList{"1", "1", "0", "0", "1"};
    QTest::newRow("network: the same") << "networks" << QStringList{"1", "1", "0", "0", "0"};
}

void tst_CompareView::summaryPerKind()
{
    QFETCH(QString, kind);
    QFETCH(QStringList, counts);
    Window w;
    QVERIFY(w.openSnapshot(dataFile("after.json")));
    QVERIFY(w.compareWith(dataFile("before.json")));
    QVERIFY(w.dock()->isVisible());
    QVERIFY2(w.dock()->titleText().contains(QStringLiteral("Before: before.json")),
             qPrintable(w.dock()->titleText()));
    QCOMPARE(w.dock()->headlineText(), QStringLiteral("5 objects differ."));
    QTreeWidget* summary = w.dock()->summaryView();
    QCOMPARE(summary->topLevelItemCount(), 4); // kinds neither side has are not listed
    const QList<QTreeWidgetItem*> rows = summary->findItems(kind, Qt::MatchExactly, 0);
    QCOMPARE(rows.size(), 1);
    QStringList shown;
    for (int column = 1; column <= 5; ++column)
        shown << rows.front()->text(column);
    QCOMPARE(shown, counts);
}

/// A port mapping's protocol reads as the Properties dock says it: a number by its name, none (HNS's
/// default) as any, an import's unknown one (`"Protocol": null`) as unknown.
void tst_CompareView::portMappingsInWords_data()
{
    QTest::addColumn<QString>("mapping");
    QTest::addColumn<QString>("words");
    QTest::newRow("TCP") << R"({"Protocol":6,"InternalPort":80,"ExternalPort":8080})"
                         << QStringLiteral("TCP 8080 \u2192 80");
    QTest::newRow("no Protocol: any")
        << R"({"InternalPort":80,"ExternalPort":8080})" << QStringLiteral("any 8080 \u2192 80");
    QTest::newRow("an import's unknown protocol")
        << R"({"Protocol":null,"InternalPort":53,"ExternalPort":53})"
        << QStringLiteral("unknown 53 \u2192 53");
}

void tst_CompareView::portMappingsInWords()
{
    QFETCH(QString, mapping);
    QFETCH(QString, words);
    const QHash<QString, QString> names;
    QCOMPARE(hcn::ui::DiffWording(names).value(nlohmann::json::parse(mapping.toStdString())), words);
}

void tst_CompareView::objectRowsInWords_data()
{
    QTest::addColumn<QString>("object");
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("memberChange");
    QTest::newRow("an endpoint removed") << "endpoint cache"
                                         << "Removed" << QString();
    QTest::newRow("an endpoint added") << "endpoint worker"
                                       << "Added" << QString();
    QTest::newRow("an IP changed")
        << "endpoint api"
        << "Changed" << QStringLiteral("IP configuration changed: 172.28.160.11/20 \u2192 172.28.160.21/20");
    QTest::newRow("a backend list shrunk") << "load balancer (" + kLoadBalancer << "Changed"
                                           << "backend removed: " + kCache + " (cache)";
}

void tst_CompareView::objectRowsInWords()
{
    QFETCH(QString, object);
    QFETCH(QString, change);
    QFETCH(QString, memberChange);
    Window w;
    QAbstractItemModelTester tester(w.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(w.openSnapshot(dataFile("after.json")));
    QVERIFY(w.compareWith(dataFile("before.json")));
    const QModelIndex row = w.objectRow(object);
    QVERIFY2(row.isValid(), qPrintable(object));
    QCOMPARE(row.siblingAtColumn(CompareModel::ChangeColumn).data().toString(), change);
    if (!memberChange.isEmpty())
        QVERIFY2(w.changesOf(row).contains(memberChange),
                 qPrintable(w.changesOf(row).join(QLatin1Char('\n'))));
    else
        QCOMPARE(w.model()->rowCount(row.siblingAtColumn(0)), 0);
}

void tst_CompareView::treeColoursAddedAndChangedRows_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("mark");
    QTest::newRow("added endpoint") << kWorker << int(CompareMark::Added);
    QTest::newRow("changed endpoint") << kApi << int(CompareMark::Changed);
    QTest::newRow("changed load balancer") << kLoadBalancer << int(CompareMark::Changed);
    QTest::newRow("unchanged endpoint") << kWeb << int(CompareMark::None);
    QTest::newRow("unchanged network") << kNetwork << int(CompareMark::None);
}

void tst_CompareView::treeColoursAddedAndChangedRows()
{
    QFETCH(QString, id);
    QFETCH(int, mark);
    Window w;
    QVERIFY(w.openSnapshot(dataFile("after.json")));
    QVERIFY(!w.tree()->indexOf(kCache).isValid()); // removed: only the dock lists it
    QVERIFY(w.compareWith(dataFile("before.json")));
    QCOMPARE(int(w.treeMark(id)), mark);
    const QVariant background = w.tree()->indexOf(id).data(Qt::BackgroundRole);
    if (CompareMark(mark) == CompareMark::None)
        QVERIFY(!background.isValid());
    else
        QCOMPARE(background.value<QColor>(), hcn::ui::compareMarkBackground(CompareMark(mark)));
}

void tst_CompareView::topologyMarksTheRightNodes()
{
    Window w;
    QVERIFY(w.openSnapshot(dataFile("after.json")));
    QVERIFY(w.compareWith(dataFile("before.json")));
    QCOMPARE(w.nodeMark(kWorker), CompareMark::Added);
    QCOMPARE(w.nodeMark(kApi), CompareMark::Changed);
    QCOMPARE(w.nodeMark(kLoadBalancer), CompareMark::Changed);
    QCOMPARE(w.nodeMark(kWeb), CompareMark::None);
    QCOMPARE(w.nodeMark(kNetwork), CompareMark::None);
    // The legend explains the colours the nodes are painted with.
    const QString legend = hcn::ui::TopologyLegend::html();
    for (CompareMark mark : {CompareMark::Added, CompareMark::Changed, CompareMark::Removed})
        QVERIFY(legend.contains(hcn::ui::compareMarkColor(mark).name()));
    QVERIFY(w.dock()->keyHtml().contains(hcn::ui::compareMarkColor(CompareMark::Changed).name()));
}

void tst_CompareView::rowSelectsItsObject()
{
    Window w;
    QVERIFY(w.openSnapshot(dataFile("after.json")));
    QVERIFY(w.compareWith(dataFile("before.json")));
    // Through the view, as a click does.
    w.dock()->objectsView()->setCurrentIndex(w.objectRow(QStringLiteral("endpoint api")));
    QCOMPARE(w.window.selection()->ids(), QStringList{kApi});
    QCOMPARE(
        w.window.resourceTreeDock()->view()->currentIndex().data(ResourceTreeModel::ObjectIdRole).toString(),
        kApi);
    QVERIFY(w.scene()->nodeItemOfObject(kApi)->isSelected());
    // A member change row stands for its object.
    const QModelIndex lb = w.objectRow(QStringLiteral("load balancer"));
    w.dock()->selectRow(w.model()->index(0, CompareModel::TextColumn, lb.siblingAtColumn(0)));
    QCOMPARE(w.window.selection()->ids(), QStringList{kLoadBalancer});
    // A removed object is not in the host: the selection stays and the dock says why.
    w.dock()->selectRow(w.objectRow(QStringLiteral("endpoint cache")));
    QCOMPARE(w.window.selection()->ids(), QStringList{kLoadBalancer});
    QVERIFY2(w.dock()->statusText().contains(QStringLiteral("not in the host shown")),
             qPrintable(w.dock()->statusText()));
    QVERIFY(w.dock()->statusText().contains(QStringLiteral("before.json")));
}

void tst_CompareView::badFileKeepsHostAndComparison()
{
    Window w;
    QVERIFY(w.openSnapshot(dataFile("after.json")));
    QVERIFY(w.compareWith(dataFile("before.json")));
    const int rows = w.model()->rowCount();
    QSignalSpy failed(w.compare(), &CompareController::failed);
    for (const char* bad : {"not-a-host.txt", "missing.json"}) {
        w.compare()->compareWithFile(dataFile(bad));
        QVERIFY(failed.wait(30000));
        const QString status = w.dock()->statusText();
        QVERIFY2(status.contains(QLatin1String(bad)) && status.contains(QStringLiteral("nothing changed")),
                 qPrintable(status));
        // The host and the comparison shown stay.
        QCOMPARE(w.window.mirror()->count(ResourceKind::Endpoint), 3);
        QCOMPARE(w.model()->rowCount(), rows);
        QCOMPARE(w.treeMark(kWorker), CompareMark::Added);
    }
    QVERIFY(failed.front().front().toString().contains(QStringLiteral("neither a snapshot nor a dump")));
}

void tst_CompareView::swapExchangesTheSides()
{
    Window w;
    QVERIFY(w.openSnapshot(dataFile("after.json")));
    QVERIFY(w.compareWith(dataFile("before.json")));
    QVERIFY(w.compareBy([&] { w.dock()->swapButton()->click(); }));
    QVERIFY(w.compare()->fileIsAfter());
    QVERIFY2(w.dock()->titleText().contains(QStringLiteral("After: before.json")),
             qPrintable(w.dock()->titleText()));
    // The host is "before" now: its worker is the one removed; cache is added but not in the host.
    QCOMPARE(w.treeMark(kWorker), CompareMark::Removed);
    QCOMPARE(w.nodeMark(kWorker), CompareMark::Removed);
    QCOMPARE(w.objectRow(QStringLiteral("endpoint cache")).siblingAtColumn(0).data().toString(),
             QStringLiteral("Added"));
}

void tst_CompareView::clearEndsTheComparison()
{
    Window w;
    QVERIFY(w.openSnapshot(dataFile("after.json")));
    QVERIFY(w.compareWith(dataFile("before.json")));
    QVERIFY(w.dock()->clearButton()->isEnabled());
    w.dock()->clearButton()->click();
    QVERIFY(!w.compare()->isActive());
    QCOMPARE(w.model()->rowCount(), 0);
    QCOMPARE(w.dock()->summaryView()->topLevelItemCount(), 0);
    QCOMPARE(w.treeMark(kWorker), CompareMark::None);
    QVERIFY(!w.tree()->indexOf(kApi).data(Qt::BackgroundRole).isValid());
    QCOMPARE(w.nodeMark(kApi), CompareMark::None);
}

void tst_CompareView::followsTheLiveHost()
{
    Window w;
    QVERIFY(w.openEmptyHost());
    QVERIFY(w.compareWith(dataFile("before.json")));
    QCOMPARE(w.compare()->mode(), CompareController::Mode::HostFile);
    QCOMPARE(w.dock()->headlineText(), QStringLiteral("6 objects differ.")); // everything removed
    QSignalSpy finished(w.compare(), &CompareController::finished);
    hcn::Api& api = *w.window.mirror()->worker()->sharedApi();
    auto handle = api.create(ResourceKind::Network, hcn::Guid(),
                             hcntest::natNetwork("late", "172.30.0.0/24", "172.30.0.1").dump(), 0);
    QVERIFY(handle.ok());
    QVERIFY(finished.wait(10000));
    QCOMPARE(w.dock()->headlineText(), QStringLiteral("7 objects differ."));
    const QModelIndex added = w.objectRow(QStringLiteral("network late"));
    QVERIFY(added.isValid());
    QCOMPARE(added.siblingAtColumn(0).data().toString(), QStringLiteral("Added"));
    const QString id = added.data(CompareModel::ObjectIdsRole).toStringList().value(0);
    QCOMPARE(w.treeMark(id), CompareMark::Added);
}

void tst_CompareView::guiKeepsTurningDuringALargeComparison()
{
    Window w;
    QVERIFY(w.openEmptyHost());
    hcn::HostState before = largeHost(40000, 1);
    hcn::HostState after = largeHost(40000, 2);
    int ticks = 0;
    QTimer ticker;
    ticker.setInterval(10);
    QObject::connect(&ticker, &QTimer::timeout, [&] { ++ticks; });
    ticker.start();
    QElapsedTimer clock;
    clock.start();
    QSignalSpy finished(w.compare(), &CompareController::finished);
    w.window.compareHosts(std::move(before), std::move(after), QStringLiteral("moment 1"),
                          QStringLiteral("moment 2"));
    QVERIFY(w.compare()->isBusy()); // the call returned with the diff still on its way
    QVERIFY(finished.wait(120000));
    const qint64 elapsed = clock.elapsed();
    ticker.stop();
    qInfo("40,000 against 40,000 endpoints: %d timer ticks in %lld ms", ticks, elapsed);
    // The GUI thread was free while the diff ran: the timer ticked through it.
    QVERIFY2(ticks >= 1 && ticks >= elapsed / 10 / 4,
             qPrintable(QStringLiteral("%1 ticks in %2 ms").arg(ticks).arg(elapsed)));
    QCOMPARE(w.dock()->headlineText(), QStringLiteral("400 objects differ."));
    QVERIFY(w.dock()->titleText().contains(QStringLiteral("Before: moment 1 \u2192 After: moment 2")));
}

QTEST_MAIN(tst_CompareView)
#include "tst_compareview.moc"
