// ResourceTreeModel: the tree follows the host change by change, the way a user watching it expects:
// new endpoints appear under their network in one go, a deleted network disappears with its endpoints,
// an attached endpoint shows up under its namespace, a changed endpoint repaints only its own rows, and
// the whole tree is rebuilt only when the console switches hosts.

#include "hcn/dump_import.h"
#include "hcn/embedded_api.h"
#include "hcn/snapshot_api.h"
#include "models/current_selection.h"
#include "models/host_mirror.h"
#include "models/resource_filter_proxy_model.h"
#include "models/resource_tree.h"
#include "models/resource_tree_model.h"
#include "models/scenario_loader.h"
#include "widgets/resource_tree_dock.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using hcn::ResourceKind;
using hcn::ui::HostMirror;
using hcn::ui::ResourceFilterProxyModel;
using hcn::ui::ResourceTreeModel;
using hcn::ui::TreeItem;

namespace {

constexpr auto kV2 = R"("SchemaVersion":{"Major":2,"Minor":0})";

/// A real engine behind a mirror and the model, with one-line changes.
struct Host
{
    std::shared_ptr<hcn::EmbeddedApi> api = std::make_shared<hcn::EmbeddedApi>();
    HostMirror mirror;
    std::unique_ptr<ResourceTreeModel> model;
    std::unique_ptr<QAbstractItemModelTester> tester;

    Host()
    {
        model = std::make_unique<ResourceTreeModel>(&mirror);
        tester = std::make_unique<QAbstractItemModelTester>(
            model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    bool attach() { return mirror.attach(api).ok(); }
    /// Everything the engine posted is delivered and applied, as one batch.
    void settle()
    {
        api->engine().drainNotifications();
        mirror.flushPending();
    }
    QString idOf(ResourceKind kind, hcn::Handle handle)
    {
        auto id = api->handleId(kind, handle);
        (void)api->close(kind, handle);
        return QString::fromStdString(id->toString(hcn::GuidCase::Upper)); // the mirror keys IDs upper-case
    }
    hcn::Guid guid(const QString& id) { return *hcn::Guid::parse(id.toStdString()); }

    QString network(const QString& name, const QString& prefix)
    {
        const QString gateway = prefix.section('/', 0, 0).section('.', 0, 2) + ".1";
        const QString doc =
            QStringLiteral(R"({%1,"Name":"%2","Type":"NAT","Ipams":[{"Type":"Static","Subnets":[
            {"IpAddressPrefix":"%3","Routes":[{"NextHop":"%4","DestinationPrefix":"0.0.0.0/0"}]}]}]})")
                .arg(kV2, name, prefix, gateway);
        auto handle = api->create(ResourceKind::Network, {}, doc.toStdString(), 0);
        return handle.ok() ? idOf(ResourceKind::Network, *handle) : QString();
    }
    QString endpoint(const QString& networkId, const QString& name, const QString& extra = {})
    {
        auto network = api->open(ResourceKind::Network, guid(networkId));
        const QString doc = QStringLiteral(R"({%1,"Name":"%2","HostComputeNetwork":"%3"%4})")
                                .arg(kV2, name, networkId, extra.isEmpty() ? QString() : "," + extra);
        auto handle = api->create(ResourceKind::Endpoint, {}, doc.toStdString(), *network);
        (void)api->close(ResourceKind::Network, *network);
        return handle.ok() ? idOf(ResourceKind::Endpoint, *handle) : QString();
    }
    QString ns()
    {
        auto handle =
            api->create(ResourceKind::Namespace, {}, QStringLiteral("{%1}").arg(kV2).toStdString(), 0);
        return handle.ok() ? idOf(ResourceKind::Namespace, *handle) : QString();
    }
    bool modify(ResourceKind kind, const QString& id, const QString& request)
    {
        auto handle = api->open(kind, guid(id));
        const bool ok = handle.ok() && api->modify(kind, *handle, request.toStdString()).ok();
        if (handle.ok())
            (void)api->close(kind, *handle);
        return ok;
    }
    bool attachEndpoint(const QString& nsId, const QString& endpointId, bool add = true)
    {
        return modify(
            ResourceKind::Namespace, nsId,
            QStringLiteral(R"({"ResourceType":"Endpoint","RequestType":"%1","Settings":{"EndpointId":"%2"}})")
                .arg(add ? "Add" : "Remove", endpointId));
    }
    QString loadBalancer(const QString& vip, const QStringList& backends)
    {
        const QString doc = QStringLiteral(R"({%1,"FrontendVIPs":["%2"],"HostComputeEndpoints":["%3"],
            "PortMappings":[{"Protocol":6,"InternalPort":80,"ExternalPort":80}]})")
                                .arg(kV2, vip, backends.join("\",\""));
        auto handle = api->create(ResourceKind::LoadBalancer, {}, doc.toStdString(), 0);
        return handle.ok() ? idOf(ResourceKind::LoadBalancer, *handle) : QString();
    }
    bool remove(ResourceKind kind, const QString& id) { return api->remove(kind, guid(id)).ok(); }
};

QString display(const QModelIndex& index)
{
    return index.data(Qt::DisplayRole).toString();
}

QString objectId(const QModelIndex& index)
{
    return index.data(ResourceTreeModel::ObjectIdRole).toString();
}

int typeOf(const QModelIndex& index)
{
    return index.data(ResourceTreeModel::ItemTypeRole).toInt();
}

/// Every row of `model` under `parent`, one line each: depth, type, ID, the three columns' text, the sort
/// key, the tooltip.
QStringList dumpRows(const QAbstractItemModel& model, const QModelIndex& parent = {}, int depth = 0)
{
    QStringList lines;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        QStringList fields{QString::number(depth), QString::number(typeOf(index)), objectId(index)};
        for (int column = 0; column < model.columnCount(parent); ++column) {
            fields << display(index.siblingAtColumn(column));
            fields << index.siblingAtColumn(column).data(ResourceTreeModel::SortKeyRole).toString();
        }
        fields << index.data(Qt::ToolTipRole).toString();
        lines << fields.join(QLatin1Char('|'));
        lines << dumpRows(model, index, depth + 1);
    }
    return lines;
}

/// The API of a test host: the sample scenario in an engine, or a dump imported into a read-only
/// snapshot (what opening a customer's dump shows).
std::shared_ptr<hcn::Api> testHost(const QString& which)
{
    const QString source = qEnvironmentVariable("HCN_SOURCE_DIR");
    if (which == "sample host") {
        auto api = std::make_shared<hcn::EmbeddedApi>();
        hcn::ui::ScenarioLoader loader(*api);
        if (!loader.loadFile(source + "/resources/scenarios/sample-host.json"))
            return nullptr;
        return api;
    }
    auto imported = hcn::io::importPaths({(source + "/tests/data/dumps/" + which).toStdString()});
    if (!imported.ok() || imported->objectCount() == 0)
        return nullptr;
    auto snapshot = hcn::SnapshotApi::fromDocument(imported->snapshot);
    return snapshot.ok() ? std::shared_ptr<hcn::Api>(*snapshot) : nullptr;
}

} // namespace

class TestResourceTreeModel : public QObject
{
    Q_OBJECT
private slots:
    void sampleHostBuildsTheExpectedTree();
    void endpointsCreatedInOneBatchArriveInOneInsert();
    void deletingANetworkRemovesItsSubtreeInOneRemove();
    void attachingShowsTheEndpointUnderItsNamespace();
    void changingAnEndpointRepaintsOnlyItsRows();
    void loadBalancerChangesFollowVipsAndBackends();
    void resetOnlyWhenTheHostIsReplaced();
    void filterKeepsParentsOfMatches_data();
    void filterKeepsParentsOfMatches();
    void foldedRowsShowAnArrowAndSortWhenUnfolded_data();
    void foldedRowsShowAnArrowAndSortWhenUnfolded();
    void treeBuiltOnTheWorkerEqualsTheGuiThreadOne_data();
    void treeBuiltOnTheWorkerEqualsTheGuiThreadOne();
    void selectionSurvivesTheHostBeingTakenAgain();
    void bigHostUnfoldsAndRevealsTheSelectionStepByStep();
};

void TestResourceTreeModel::sampleHostBuildsTheExpectedTree()
{
    Host host;
    hcn::ui::ScenarioLoader loader(*host.api);
    QVERIFY2(
        loader.loadFile(qEnvironmentVariable("HCN_SOURCE_DIR") + "/resources/scenarios/sample-host.json"),
        qPrintable(loader.error().text()));
    QVERIFY(host.attach());
    ResourceTreeModel& model = *host.model;

    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(display(model.groupIndex(ResourceKind::Network)), QStringLiteral("Networks (2)"));
    QCOMPARE(display(model.groupIndex(ResourceKind::Namespace)), QStringLiteral("Namespaces (7)"));
    QCOMPARE(display(model.groupIndex(ResourceKind::LoadBalancer)), QStringLiteral("Load balancers (4)"));

    // Networks -> endpoints, with the mode and the prefix beside the name.
    const QModelIndex networks = model.groupIndex(ResourceKind::Network);
    QModelIndex nat, overlay;
    for (int row = 0; row < model.rowCount(networks); ++row) {
        const QModelIndex index = model.index(row, 0, networks);
        (display(index) == "nat" ? nat : overlay) = index;
    }
    QCOMPARE(model.rowCount(nat), 4);
    QCOMPARE(model.rowCount(overlay), 7);
    QCOMPARE(display(nat.siblingAtColumn(2)), QStringLiteral("NAT \u00b7 172.28.160.0/20"));
    QVERIFY(display(overlay.siblingAtColumn(2)).startsWith("Overlay"));

    // A remote pod says where it lives.
    bool sawRemote = false;
    for (int row = 0; row < model.rowCount(overlay); ++row) {
        const QModelIndex endpoint = model.index(row, 2, overlay);
        if (display(endpoint.siblingAtColumn(0)) == "remote-10.244.2.7") {
            QCOMPARE(display(endpoint),
                     QStringLiteral("10.244.2.7 \u00b7 0E-2A-0A-F4-02-07 \u00b7 remote via 10.0.0.5"));
            sawRemote = true;
        }
    }
    QVERIFY(sawRemote);

    // Namespaces -> attached endpoints; load balancers -> VIP -> backends.
    const QModelIndex firstNamespace = model.index(0, 0, model.groupIndex(ResourceKind::Namespace));
    QCOMPARE(model.rowCount(firstNamespace), 1);
    const QModelIndex lbs = model.groupIndex(ResourceKind::LoadBalancer);
    bool sawNginx = false;
    for (int row = 0; row < model.rowCount(lbs); ++row) {
        const QModelIndex lb = model.index(row, 0, lbs);
        if (display(lb) != "nginx")
            continue;
        sawNginx = true;
        QCOMPARE(model.rowCount(lb), 1);
        const QModelIndex vip = model.index(0, 0, lb);
        QCOMPARE(display(vip), QStringLiteral("10.96.120.15"));
        QCOMPARE(typeOf(vip), int(TreeItem::Type::FrontendVip));
        QCOMPARE(model.rowCount(vip), 3);
    }
    QVERIFY(sawNginx);
}

void TestResourceTreeModel::endpointsCreatedInOneBatchArriveInOneInsert()
{
    Host host;
    const QString network = host.network("nat", "172.20.0.0/24");
    QVERIFY(host.attach());
    QSignalSpy inserted(host.model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(host.model.get(), &QAbstractItemModel::modelReset);

    QStringList endpoints;
    for (int i = 0; i < 4; ++i)
        endpoints << host.endpoint(network, QStringLiteral("ep%1").arg(i));
    host.settle();

    QCOMPARE(inserted.count(), 1);
    const QModelIndex parent = inserted[0][0].value<QModelIndex>();
    QCOMPARE(objectId(parent), network);
    QCOMPARE(inserted[0][1].toInt(), 0);
    QCOMPARE(inserted[0][2].toInt(), 3);
    QCOMPARE(host.model->rowCount(host.model->indexOf(network)), 4);
    for (const QString& id : endpoints)
        QCOMPARE(host.model->indexOf(id).parent(), host.model->indexOf(network));
    QCOMPARE(reset.count(), 0);
}

void TestResourceTreeModel::deletingANetworkRemovesItsSubtreeInOneRemove()
{
    Host host;
    const QString keep = host.network("keep", "172.21.0.0/24");
    const QString doomed = host.network("doomed", "172.20.0.0/24");
    for (int i = 0; i < 3; ++i)
        QVERIFY(!host.endpoint(doomed, QStringLiteral("ep%1").arg(i)).isEmpty());
    QVERIFY(!host.endpoint(keep, "survivor").isEmpty());
    QVERIFY(host.attach());
    QSignalSpy removed(host.model.get(), &QAbstractItemModel::rowsRemoved);

    QVERIFY(host.remove(ResourceKind::Network, doomed));
    host.settle();

    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed[0][0].value<QModelIndex>(), host.model->groupIndex(ResourceKind::Network));
    QVERIFY(!host.model->indexOf(doomed).isValid());
    QCOMPARE(host.model->rowCount(host.model->groupIndex(ResourceKind::Network)), 1);
    QCOMPARE(display(host.model->groupIndex(ResourceKind::Network)), QStringLiteral("Networks (1)"));
    QCOMPARE(host.model->rowCount(host.model->indexOf(keep)), 1);
}

void TestResourceTreeModel::attachingShowsTheEndpointUnderItsNamespace()
{
    Host host;
    const QString network = host.network("nat", "172.20.0.0/24");
    const QString web = host.endpoint(network, "web");
    const QString ns = host.ns();
    QVERIFY(host.attach());
    QCOMPARE(host.model->indexesOf(web).size(), 1);
    QSignalSpy inserted(host.model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(host.model.get(), &QAbstractItemModel::rowsRemoved);

    QVERIFY(host.attachEndpoint(ns, web));
    host.settle();
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(objectId(inserted[0][0].value<QModelIndex>()), ns);
    const QModelIndexList rows = host.model->indexesOf(web);
    QCOMPARE(rows.size(), 2); // under its network and under the namespace
    QCOMPARE(host.model->indexOf(web).parent(), host.model->indexOf(network));
    // The icon tells an attached endpoint from a detached one: both rows show the attached state.
    QCOMPARE(rows[0].data(Qt::ToolTipRole).toString(), rows[1].data(Qt::ToolTipRole).toString());
    QVERIFY(rows[0].data(Qt::ToolTipRole).toString().contains(ns));

    QVERIFY(host.attachEndpoint(ns, web, false));
    host.settle();
    QCOMPARE(removed.count(), 1);
    QCOMPARE(objectId(removed[0][0].value<QModelIndex>()), ns);
    QCOMPARE(host.model->indexesOf(web).size(), 1);
    QCOMPARE(host.model->rowCount(host.model->indexOf(ns)), 0);
}

void TestResourceTreeModel::changingAnEndpointRepaintsOnlyItsRows()
{
    Host host;
    const QString network = host.network("nat", "172.20.0.0/24");
    const QString web = host.endpoint(network, "web");
    const QString other = host.endpoint(network, "other");
    const QString ns = host.ns();
    QVERIFY(host.attachEndpoint(ns, web));
    QVERIFY(!host.loadBalancer("10.96.0.1", {web, other}).isEmpty());
    QVERIFY(host.attach());
    QCOMPARE(host.model->indexesOf(web).size(), 3); // network, namespace, load balancer backend

    QSignalSpy changed(host.model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(host.model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(host.model.get(), &QAbstractItemModel::rowsRemoved);
    QVERIFY(host.modify(ResourceKind::Endpoint, web,
                        R"({"ResourceType":"Policy","RequestType":"Add","Settings":{"Policies":[
                            {"Type":"QOS","Settings":{"MaximumOutgoingBandwidthInBytes":1000000}}]}})"));
    host.settle();

    QCOMPARE(changed.count(), 3);
    for (const QList<QVariant>& signal : changed) {
        const QModelIndex topLeft = signal[0].value<QModelIndex>();
        const QModelIndex bottomRight = signal[1].value<QModelIndex>();
        QCOMPARE(objectId(topLeft), web);
        QCOMPARE(topLeft.row(), bottomRight.row());
    }
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(removed.count(), 0);
}

void TestResourceTreeModel::loadBalancerChangesFollowVipsAndBackends()
{
    Host host;
    const QString network = host.network("nat", "172.20.0.0/24");
    const QString a = host.endpoint(network, "a");
    const QString b = host.endpoint(network, "b");
    const QString lb = host.loadBalancer("10.96.0.1", {a, b});
    QVERIFY(host.attach());
    const QModelIndex vip = host.model->index(0, 0, host.model->indexOf(lb));
    QCOMPARE(host.model->rowCount(vip), 2);

    // Deleting a backend endpoint takes it out of the load balancer (the engine modifies it).
    QSignalSpy removed(host.model.get(), &QAbstractItemModel::rowsRemoved);
    QVERIFY(host.remove(ResourceKind::Endpoint, b));
    host.settle();
    QCOMPARE(host.model->rowCount(vip), 1);
    QCOMPARE(objectId(host.model->index(0, 0, vip)), a);
    QCOMPARE(removed.count(), 2); // once under the network, once under the VIP

    // A replaced document with another VIP: the old VIP row goes, the new one arrives with its backends.
    QVERIFY(host.modify(ResourceKind::LoadBalancer, lb,
                        QStringLiteral(R"({%1,"FrontendVIPs":["10.96.0.2"],"HostComputeEndpoints":["%2"],
                            "PortMappings":[{"Protocol":6,"InternalPort":80,"ExternalPort":8080}]})")
                            .arg(kV2, a)));
    host.settle();
    const QModelIndex lbIndex = host.model->indexOf(lb);
    QCOMPARE(host.model->rowCount(lbIndex), 1);
    QCOMPARE(display(host.model->index(0, 0, lbIndex)), QStringLiteral("10.96.0.2"));
    QCOMPARE(display(host.model->index(0, 2, lbIndex)), QStringLiteral("TCP 8080\u219280"));
    QCOMPARE(host.model->rowCount(host.model->index(0, 0, lbIndex)), 1);
}

void TestResourceTreeModel::resetOnlyWhenTheHostIsReplaced()
{
    Host host;
    QSignalSpy reset(host.model.get(), &QAbstractItemModel::modelReset);
    const QString network = host.network("nat", "172.20.0.0/24");
    QVERIFY(host.attach());
    QCOMPARE(reset.count(), 1);

    const QString ep = host.endpoint(network, "ep");
    const QString ns = host.ns();
    QVERIFY(host.attachEndpoint(ns, ep));
    host.settle();
    QVERIFY(host.remove(ResourceKind::Namespace, ns));
    QVERIFY(host.remove(ResourceKind::Endpoint, ep));
    host.settle();
    QCOMPARE(reset.count(), 1);

    // Another host: one reset, and the tree shows the new host only.
    host.api = std::make_shared<hcn::EmbeddedApi>();
    QVERIFY(host.attach());
    QCOMPARE(reset.count(), 2);
    QCOMPARE(host.model->rowCount(host.model->groupIndex(ResourceKind::Network)), 0);
}

void TestResourceTreeModel::filterKeepsParentsOfMatches_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("visibleLeaves"); // endpoint names visible anywhere

    QTest::newRow("part of a name, any case") << "WEB" << QStringList{"web", "web"};
    QTest::newRow("IP address") << "172.20.0.3" << QStringList{"db"};
    QTest::newRow("MAC with colons") << "00:15:5d:aa:00:02" << QStringList{"db"};
    QTest::newRow("nothing matches") << "no-such-thing" << QStringList{};
}

void TestResourceTreeModel::filterKeepsParentsOfMatches()
{
    QFETCH(QString, filter);
    QFETCH(QStringList, visibleLeaves);

    Host host;
    const QString network = host.network("nat", "172.20.0.0/24");
    const QString web =
        host.endpoint(network, "web",
                      R"("IpConfigurations":[{"IpAddress":"172.20.0.2"}],"MacAddress":"00-15-5D-AA-00-01")");
    QVERIFY(
        !host.endpoint(network, "db",
                       R"("IpConfigurations":[{"IpAddress":"172.20.0.3"}],"MacAddress":"00-15-5D-AA-00-02")")
             .isEmpty());
    const QString ns = host.ns();
    QVERIFY(host.attachEndpoint(ns, web));
    QVERIFY(host.attach());

    ResourceFilterProxyModel proxy;
    proxy.setSourceModel(host.model.get());
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setFilterText(filter);

    QStringList leaves;
    std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
        for (int row = 0; row < proxy.rowCount(parent); ++row) {
            const QModelIndex index = proxy.index(row, 0, parent);
            if (typeOf(index) == int(TreeItem::Type::Endpoint))
                leaves << display(index);
            walk(index);
        }
    };
    walk({});
    leaves.sort();
    QCOMPARE(leaves, visibleLeaves);
    // Group headings stay as the parents of matches, never on their own.
    QCOMPARE(proxy.rowCount() > 0, !visibleLeaves.isEmpty());

    // The ID prefix of an object finds it too.
    proxy.setFilterText(web.left(8).toLower());
    QVERIFY(proxy.mapFromSource(host.model->indexOf(web)).isValid());
}

void TestResourceTreeModel::foldedRowsShowAnArrowAndSortWhenUnfolded_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("networks"); // name: endpoints in the order shown when unfolded

    QTest::newRow("no filter") << QString() << QStringList{"empty:", "nat:db,web0,web1,web2"};
    QTest::newRow("filtered") << "web" << QStringList{"nat:web0,web1,web2"};
}

void TestResourceTreeModel::foldedRowsShowAnArrowAndSortWhenUnfolded()
{
    QFETCH(QString, filter);
    QFETCH(QStringList, networks);

    Host host;
    const QString nat = host.network("nat", "172.20.0.0/24");
    QVERIFY(!host.network("empty", "172.21.0.0/24").isEmpty());
    for (const char* name : {"web2", "db", "web1"})
        QVERIFY(!host.endpoint(nat, name).isEmpty());
    QVERIFY(host.attach());

    ResourceFilterProxyModel proxy;
    proxy.setSourceModel(host.model.get());
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(0, Qt::AscendingOrder);
    proxy.setFilterText(filter);
    const QModelIndex group = proxy.mapFromSource(host.model->groupIndex(ResourceKind::Network));
    QCOMPARE(proxy.rowCount(group), networks.size());
    // Folded: the expand arrow says whether unfolding shows anything.
    QList<bool> arrows;
    for (int row = 0; row < proxy.rowCount(group); ++row)
        arrows << proxy.hasChildren(proxy.index(row, 0, group));
    // An endpoint created while its network is folded takes its place by name when it unfolds.
    QVERIFY(!host.endpoint(nat, "web0").isEmpty());
    host.settle();

    QStringList shown;
    for (int row = 0; row < proxy.rowCount(group); ++row) {
        const QModelIndex network = proxy.index(row, 0, group);
        QStringList endpoints;
        for (int child = 0; child < proxy.rowCount(network); ++child)
            endpoints << display(proxy.index(child, 0, network));
        QCOMPARE(arrows.value(row), display(network) == "nat");
        QCOMPARE(proxy.hasChildren(network), !endpoints.isEmpty());
        shown << display(network) + ":" + endpoints.join(',');
    }
    QCOMPARE(shown, networks);
}

void TestResourceTreeModel::treeBuiltOnTheWorkerEqualsTheGuiThreadOne_data()
{
    QTest::addColumn<QString>("host");
    QTest::newRow("sample host") << "sample host";
    QTest::newRow("imported v1 dump") << "import-endpoints-depth2.json";
    QTest::newRow("imported 2017 dump") << "import-2017-schema.json";
}

void TestResourceTreeModel::treeBuiltOnTheWorkerEqualsTheGuiThreadOne()
{
    QFETCH(QString, host);
    const std::shared_ptr<hcn::Api> api = testHost(host);
    QVERIFY(api);

    // The attach builds the tree with the host on the worker; the GUI thread only swaps it in.
    HostMirror onWorker;
    ResourceTreeModel prepared(&onWorker);
    bool handedOver = false;
    HostMirror probe; // shows that an attach hands a finished tree over during reset()
    probe.setPreparesResourceTree(true);
    connect(&probe, &HostMirror::reset, this, [&] {
        const std::shared_ptr<hcn::ui::ResourceTree> tree = probe.takePreparedTree();
        handedOver = tree && tree->root && tree->root->childCount() >= 3;
    });
    QVERIFY(onWorker.attach(api).ok());
    QVERIFY(probe.attach(api).ok());
    QVERIFY(handedOver);

    // The tree built on the GUI thread from the mirror, as every model did before.
    HostMirror onGuiThread;
    ResourceTreeModel built(&onGuiThread);
    onGuiThread.setPreparesResourceTree(false);
    QVERIFY(onGuiThread.attach(api).ok());

    const QStringList expected = dumpRows(built);
    QVERIFY(expected.size() > 3);
    QCOMPARE(dumpRows(prepared), expected);
    // Rows are found by ID the same way (the row index came with the tree).
    for (const hcn::ui::MirrorObject* object : onWorker.objects(ResourceKind::Endpoint))
        QCOMPARE(prepared.indexesOf(object->id).size(), built.indexesOf(object->id).size());

    // Live events apply on top of the swapped-in tree as on the other one.
    if (auto* engine = dynamic_cast<hcn::EmbeddedApi*>(api.get())) {
        const auto networks = onWorker.objects(ResourceKind::Network);
        QVERIFY(!networks.isEmpty());
        const QString doc = QStringLiteral(R"({%1,"Name":"aaa-new","HostComputeNetwork":"%2"})")
                                .arg(kV2, networks.first()->id);
        auto network =
            engine->open(ResourceKind::Network, *hcn::Guid::parse(networks.first()->id.toStdString()));
        QVERIFY(network.ok());
        auto created = engine->create(ResourceKind::Endpoint, {}, doc.toStdString(), *network);
        QVERIFY(created.ok());
        (void)engine->close(ResourceKind::Endpoint, *created);
        (void)engine->close(ResourceKind::Network, *network);
        engine->engine().drainNotifications();
        onWorker.flushPending();
        onGuiThread.flushPending();
        QCOMPARE(dumpRows(prepared), dumpRows(built));
        QVERIFY(dumpRows(prepared).size() == expected.size() + 1);
    }
}

void TestResourceTreeModel::selectionSurvivesTheHostBeingTakenAgain()
{
    const std::shared_ptr<hcn::Api> api = testHost("sample host");
    QVERIFY(api);
    HostMirror mirror;
    hcn::ui::CurrentSelection selection;
    hcn::ui::ResourceTreeDock dock(&mirror, &selection);
    QVERIFY(mirror.attach(api).ok());
    const auto endpoints = mirror.objects(ResourceKind::Endpoint);
    QVERIFY(endpoints.size() > 2);
    const QString id = endpoints.at(endpoints.size() / 2)->id;
    selection.setIds({id});
    QCOMPARE(objectId(dock.view()->currentIndex()), id);

    // Taken again (another attach to the same host): one reset, the same object still selected.
    QSignalSpy reset(dock.model(), &QAbstractItemModel::modelReset);
    QVERIFY(mirror.attach(api).ok());
    QCOMPARE(reset.count(), 1);
    QCOMPARE(selection.ids(), QStringList{id});
    QCOMPARE(objectId(dock.view()->currentIndex()), id);
    const QModelIndexList selected = dock.view()->selectionModel()->selectedRows(0);
    QCOMPARE(selected.size(), 1);
    QCOMPARE(objectId(selected.first()), id);
}

void TestResourceTreeModel::bigHostUnfoldsAndRevealsTheSelectionStepByStep()
{
    // Above 2,000 endpoints the dock unfolds the groups and reveals the selection one event-loop turn
    // each after a reset, so that no single turn holds them all.
    Host host;
    const QString network = host.network("big", "10.0.0.0/20");
    QString picked;
    for (int i = 0; i < 2100; ++i) {
        const QString id = host.endpoint(network, QStringLiteral("ep%1").arg(i, 4, 10, QLatin1Char('0')));
        QVERIFY(!id.isEmpty());
        if (i == 1500)
            picked = id;
    }
    HostMirror mirror;
    hcn::ui::CurrentSelection selection;
    hcn::ui::ResourceTreeDock dock(&mirror, &selection);
    QTreeView* view = dock.view();
    selection.setIds({picked});
    QVERIFY(mirror.attach(host.api).ok());
    QVERIFY(!view->isExpanded(view->model()->index(0, 0))); // nothing yet in the reset's own turn
    QVERIFY(objectId(view->currentIndex()).isEmpty());
    QTRY_COMPARE(objectId(view->currentIndex()), picked);
    QCOMPARE(display(view->currentIndex()), QStringLiteral("ep1500"));
    QVERIFY(view->isExpanded(view->currentIndex().parent())); // its network, sorted and unfolded
    for (int group = 0; group < view->model()->rowCount(); ++group)
        QVERIFY2(view->isExpanded(view->model()->index(group, 0)),
                 qPrintable(display(view->model()->index(group, 0))));

    // Taken twice before the event loop turns: the first restore's steps give way to the second's, and
    // the selection ends where the user left it.
    QSignalSpy reset(dock.model(), &QAbstractItemModel::modelReset);
    QVERIFY(mirror.attach(host.api).ok());
    QVERIFY(mirror.attach(host.api).ok());
    QCOMPARE(reset.count(), 2);
    QTRY_COMPARE(objectId(view->currentIndex()), picked);
    QCOMPARE(selection.ids(), QStringList{picked});
    QCOMPARE(view->selectionModel()->selectedRows(0).size(), 1);
}

QTEST_MAIN(TestResourceTreeModel)
#include "tst_resourcetreemodel.moc"
