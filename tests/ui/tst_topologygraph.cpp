// TopologyGraphBuilder: the diagram's description built from a real engine's objects through
// HostMirror: networks, endpoints (local and remote), namespaces, load balancers, policy badges, and
// the collapsing of large networks into count nodes; and the sorted grids large groups are laid out in
// (TopologyGridPlan); the same graph built on the build thread (TopologyBuildThread), newest request
// winning.

#include "hcn/embedded_api.h"
#include "hcn/guid.h"
#include "models/host_mirror.h"
#include "models/mirror_object.h"
#include "qt_documents.h"
#include "topology/topology_build_thread.h"
#include "topology/topology_edge_router.h"
#include "topology/topology_graph_builder.h"
#include "topology/topology_grid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using hcn::ResourceKind;
using hcn::ui::HostMirror;
using hcn::ui::MirrorObject;
using hcn::ui::TopologyBuildOptions;
using hcn::ui::TopologyBuildRequest;
using hcn::ui::TopologyBuildResult;
using hcn::ui::TopologyBuildThread;
using hcn::ui::TopologyClusterKind;
using hcn::ui::TopologyEdgeKind;
using hcn::ui::TopologyGraph;
using hcn::ui::TopologyGraphBuilder;
using hcn::ui::TopologyNode;
using hcn::ui::TopologyNodeKind;

using hcntest::text;
using hcntest::v2;

namespace {

QJsonObject policy(const QString& type, const QJsonObject& settings)
{
    return QJsonObject{{"Type", type}, {"Settings", settings}};
}

/// A real engine behind a mirror, with one-line creates that fail the test on error.
struct Host
{
    std::shared_ptr<hcn::EmbeddedApi> api = std::make_shared<hcn::EmbeddedApi>();
    HostMirror mirror;

    Host() { QVERIFY(mirror.attach(api).ok()); }

    QString idOf(ResourceKind kind, hcn::Handle handle)
    {
        auto id = api->handleId(kind, handle);
        (void)api->close(kind, handle);
        return QString::fromStdString(id->toString()).toUpper();
    }
    QString create(ResourceKind kind, const QJsonObject& doc, const QString& networkId = {})
    {
        hcn::Handle network = 0;
        if (!networkId.isEmpty())
            network = *api->open(ResourceKind::Network, *hcn::Guid::parse(networkId.toStdString()));
        auto handle = api->create(kind, hcn::Guid(), text(doc), network);
        if (network)
            (void)api->close(ResourceKind::Network, network);
        if (!handle.ok()) {
            qWarning() << "create failed:" << QString::fromStdString(handle.status().message());
            return {};
        }
        return idOf(kind, *handle);
    }
    QString network(const QString& name, const QString& type, const QString& prefix, const QString& gateway)
    {
        return create(ResourceKind::Network, hcntest::networkDocument(name, type, prefix, gateway));
    }
    QString endpoint(const QString& networkId, const QString& name, const QJsonArray& policies = {})
    {
        QJsonObject doc{{"Name", name}, {"HostComputeNetwork", networkId}};
        if (!policies.isEmpty())
            doc.insert("Policies", policies);
        return create(ResourceKind::Endpoint, v2(doc), networkId);
    }
    QString remoteEndpoint(const QString& networkId, const QString& ip, const QString& providerAddress)
    {
        return create(
            ResourceKind::Endpoint,
            v2({{"Flags", 1},
                {"HostComputeNetwork", networkId},
                {"IpConfigurations", QJsonArray{QJsonObject{{"IpAddress", ip}}}},
                {"Policies", QJsonArray{policy("ProviderAddress", {{"ProviderAddress", providerAddress}})}}}),
            networkId);
    }
    QString loadBalancer(const QStringList& backends, const QString& vip, int flags, int portFlags)
    {
        QJsonObject doc{
            {"HostComputeEndpoints", QJsonArray::fromStringList(backends)},
            {"PortMappings",
             QJsonArray{QJsonObject{
                 {"Protocol", 6}, {"InternalPort", 8080}, {"ExternalPort", 80}, {"Flags", portFlags}}}}};
        if (!vip.isEmpty())
            doc.insert("FrontendVIPs", QJsonArray{vip});
        if (flags)
            doc.insert("Flags", flags);
        return create(ResourceKind::LoadBalancer, v2(doc));
    }
    bool attach(const QString& namespaceId, const QString& endpointId)
    {
        auto ns = api->open(ResourceKind::Namespace, *hcn::Guid::parse(namespaceId.toStdString()));
        const bool ok = api->modify(ResourceKind::Namespace, *ns,
                                    text({{"ResourceType", "Endpoint"},
                                          {"RequestType", "Add"},
                                          {"Settings", QJsonObject{{"EndpointId", endpointId}}}}))
                            .ok();
        (void)api->close(ResourceKind::Namespace, *ns);
        return ok;
    }
    void settle()
    {
        api->engine().drainNotifications();
        mirror.flushPending();
    }
    TopologyGraph build(TopologyBuildOptions options = {})
    {
        settle();
        return TopologyGraphBuilder(std::move(options)).build(mirror);
    }
};

QStringList keysOfKind(const TopologyGraph& graph, TopologyNodeKind kind)
{
    QStringList keys;
    for (const TopologyNode& node : graph.nodes())
        if (node.kind == kind)
            keys.append(node.key);
    return keys;
}

} // namespace

class TestTopologyGraph : public QObject
{
    Q_OBJECT

private slots:
    void natAndOverlayHost();
    void remoteEndpointsGroupedByProviderAddress();
    void loadBalancerEdgesAndFlags_data();
    void loadBalancerEdgesAndFlags();
    void endpointPolicyBadges();
    void aggregation_data();
    void aggregation();
    void hiddenRemoteEndpoints();
    void sameInputSameGraph();
    void buildThreadGivesTheSameGraph_data();
    void buildThreadGivesTheSameGraph();
    void supersededBuildIsNotReported();
    void rebuildSharesWhatDidNotChange();
    void malformedDocumentsStillDraw();
    void gridOrder_data();
    void gridOrder();
    void gridColumnsFollowTheAspect_data();
    void gridColumnsFollowTheAspect();
    void gridPlanReplacesLargeGroupsOnly();
    void routeKeepsOffOtherBoxes_data();
    void routeKeepsOffOtherBoxes();
    void routeFindsAWayFarFromBothBoxes_data();
    void routeFindsAWayFarFromBothBoxes();
    void routeWithNoWayRoundIsStraight();
};

void TestTopologyGraph::natAndOverlayHost()
{
    Host host;
    const QString nat = host.network("nat", "NAT", "172.20.0.0/24", "172.20.0.1");
    const QString overlay = host.network("vxlan0", "Overlay", "10.244.1.0/24", "10.244.1.1");
    QVERIFY(!nat.isEmpty() && !overlay.isEmpty());
    const QString web = host.endpoint(nat, "web");
    const QString db = host.endpoint(nat, "db");
    const QString pod = host.endpoint(overlay, "pod0");
    const QString ns = host.create(ResourceKind::Namespace, v2({}));
    QVERIFY(host.attach(ns, web));

    const TopologyGraph graph = host.build();
    QCOMPARE(keysOfKind(graph, TopologyNodeKind::Host), QStringList{TopologyGraphBuilder::hostKey()});
    QCOMPARE(keysOfKind(graph, TopologyNodeKind::Network).size(), 2);
    QVERIFY(graph.hasEdge(TopologyGraphBuilder::hostKey(), nat));
    QVERIFY(graph.hasEdge(TopologyGraphBuilder::hostKey(), overlay));

    // The NAT network shows its mode, subnet with gateway and the host vNIC holding the gateway.
    const TopologyNode* natNode = graph.node(nat);
    QVERIFY(natNode);
    QCOMPARE(natNode->lines.front(), QStringLiteral("nat"));
    QVERIFY(natNode->lines.join('\n').contains(QStringLiteral("NAT · switch")));
    QVERIFY(natNode->lines.contains(QStringLiteral("172.20.0.0/24 gw 172.20.0.1")));
    QVERIFY(natNode->lines.contains(QStringLiteral("host vNIC 172.20.0.1")));
    const TopologyNode* overlayNode = graph.node(overlay);
    QVERIFY(overlayNode->lines.join('\n').contains(QStringLiteral("Overlay")));
    QVERIFY(!overlayNode->lines.join('\n').contains(QStringLiteral("host vNIC")));

    // Endpoints hang off their network and show name, IP and MAC.
    for (const QString& id : {web, db})
        QVERIFY(graph.hasEdge(nat, id));
    QVERIFY(graph.hasEdge(overlay, pod));
    const MirrorObject* webObject = host.mirror.object(web);
    const QString webIp = webObject->document["IpConfigurations"].toArray().at(0)["IpAddress"].toString();
    const TopologyNode* webNode = graph.node(web);
    QCOMPARE(webNode->kind, TopologyNodeKind::Endpoint);
    QCOMPARE(webNode->lines.at(0), QStringLiteral("web"));
    QVERIFY2(webNode->lines.at(1).startsWith(webIp), qPrintable(webNode->lines.join('|')));
    QCOMPARE(webNode->lines.at(2), webObject->document["MacAddress"].toString());

    // The namespace is a frame with a header node around its endpoint; db is outside any frame.
    const QString nsCluster = TopologyGraphBuilder::namespaceClusterKey(ns);
    QVERIFY(graph.cluster(nsCluster));
    QCOMPARE(graph.cluster(nsCluster)->kind, TopologyClusterKind::Namespace);
    QCOMPARE(graph.clusterMembers(nsCluster), (QStringList{ns, web}));
    QVERIFY(graph.node(db)->clusterKey.isEmpty());
    QCOMPARE(graph.nodeKeyOfObject(web), web);
}

void TestTopologyGraph::remoteEndpointsGroupedByProviderAddress()
{
    Host host;
    const QString overlay = host.network("vxlan0", "Overlay", "10.244.1.0/24", "10.244.1.1");
    host.endpoint(overlay, "local");
    const QString r1 = host.remoteEndpoint(overlay, "10.244.2.7", "10.0.0.5");
    const QString r2 = host.remoteEndpoint(overlay, "10.244.2.8", "10.0.0.5");
    const QString r3 = host.remoteEndpoint(overlay, "10.244.3.9", "10.0.0.6");
    QVERIFY(!r1.isEmpty() && !r2.isEmpty() && !r3.isEmpty());

    const TopologyGraph graph = host.build();
    QCOMPARE(keysOfKind(graph, TopologyNodeKind::RemoteEndpoint).size(), 3);
    QCOMPARE(keysOfKind(graph, TopologyNodeKind::Endpoint).size(), 1);
    const QString pa5 = TopologyGraphBuilder::providerAddressClusterKey(overlay, "10.0.0.5");
    const QString pa6 = TopologyGraphBuilder::providerAddressClusterKey(overlay, "10.0.0.6");
    QVERIFY(graph.cluster(pa5) && graph.cluster(pa6));
    QCOMPARE(graph.cluster(pa5)->kind, TopologyClusterKind::ProviderAddress);
    QVERIFY(graph.cluster(pa5)->label.contains("10.0.0.5"));
    QStringList pa5Members = graph.clusterMembers(pa5);
    pa5Members.sort();
    QStringList expected{r1, r2};
    expected.sort();
    QCOMPARE(pa5Members, expected);
    QCOMPARE(graph.clusterMembers(pa6), QStringList{r3});
    // Remote endpoints are reached over the network (a tunnel), drawn differently from local ones.
    bool remoteEdge = false;
    for (const auto& edge : graph.edges())
        if (edge.from == overlay && edge.to == r3)
            remoteEdge = edge.kind == TopologyEdgeKind::NetworkRemote;
    QVERIFY(remoteEdge);
}

void TestTopologyGraph::loadBalancerEdgesAndFlags_data()
{
    QTest::addColumn<int>("flags");
    QTest::addColumn<int>("portFlags");
    QTest::addColumn<QString>("vip");
    QTest::addColumn<QStringList>("expectedModes");
    QTest::newRow("plain ClusterIP") << 0 << 0 << "10.96.0.10" << QStringList{};
    QTest::newRow("DSR from LB flags") << 1 << 0 << "10.96.0.11" << QStringList{"DSR"};
    QTest::newRow("ILB from port flags") << 0 << 1 << "10.96.0.12" << QStringList{"ILB"};
    QTest::newRow("DSR and ILB") << 1 << 1 << "10.96.0.13" << QStringList{"DSR", "ILB"};
    QTest::newRow("no frontend VIP") << 0 << 0 << "" << QStringList{};
}

void TestTopologyGraph::loadBalancerEdgesAndFlags()
{
    QFETCH(int, flags);
    QFETCH(int, portFlags);
    QFETCH(QString, vip);
    QFETCH(QStringList, expectedModes);
    Host host;
    const QString overlay = host.network("vxlan0", "Overlay", "10.244.1.0/24", "10.244.1.1");
    const QString a = host.endpoint(overlay, "a");
    const QString b = host.endpoint(overlay, "b");
    const QString c = host.endpoint(overlay, "c");
    const QString lb = host.loadBalancer({a, b}, vip, flags, portFlags);
    QVERIFY(!lb.isEmpty());

    const TopologyGraph graph = host.build();
    const TopologyNode* node = graph.node(lb);
    QVERIFY(node);
    QCOMPARE(node->kind, TopologyNodeKind::LoadBalancer);
    QVERIFY(graph.hasEdge(lb, a));
    QVERIFY(graph.hasEdge(lb, b));
    QVERIFY(!graph.hasEdge(lb, c));
    // The modes are a line of the node, not a badge: hiding policy badges must not hide DSR/ILB.
    QVERIFY(node->badges.isEmpty());
    if (expectedModes.isEmpty())
        QCOMPARE(node->lines.size(), 2);
    else
        QCOMPARE(node->lines.last(), expectedModes.join(QStringLiteral(" · ")));
    if (vip.isEmpty())
        QVERIFY(node->lines.front().contains("no VIP"));
    else
        QCOMPARE(node->lines.front(), QStringLiteral("VIP ") + vip);
    QVERIFY(node->lines.contains(QStringLiteral("80→8080/TCP")));
}

void TestTopologyGraph::endpointPolicyBadges()
{
    Host host;
    const QString nat = host.network("nat", "NAT", "172.20.0.0/24", "172.20.0.1");
    const QJsonArray policies{
        policy("PortMapping", {{"Protocol", 6}, {"InternalPort", 80}, {"ExternalPort", 8080}}),
        policy("ACL", {{"Action", "Allow"}, {"Direction", "In"}, {"Priority", 100}}),
        policy("ACL", {{"Action", "Block"}, {"Direction", "Out"}, {"Priority", 200}}),
        policy("OutBoundNAT", QJsonObject{}),
    };
    const QString web = host.endpoint(nat, "web", policies);
    const QString plain = host.endpoint(nat, "plain");
    QVERIFY(!web.isEmpty());

    const TopologyGraph graph = host.build();
    QCOMPARE(graph.node(web)->badges, (QStringList{QStringLiteral("ports 8080→80/TCP"),
                                                   QStringLiteral("ACL ×2"), QStringLiteral("OutBoundNAT")}));
    QVERIFY(graph.node(plain)->badges.isEmpty());
}

void TestTopologyGraph::aggregation_data()
{
    QTest::addColumn<int>("endpoints");
    QTest::addColumn<int>("threshold");
    QTest::addColumn<bool>("expanded");
    QTest::addColumn<bool>("collapsedByUser");
    QTest::addColumn<bool>("expectAggregate");
    QTest::newRow("at the threshold: every endpoint drawn") << 4 << 4 << false << false << false;
    QTest::newRow("above the threshold: one count node") << 5 << 4 << false << false << true;
    QTest::newRow("expanded by the user: every endpoint drawn") << 5 << 4 << true << false << false;
    QTest::newRow("threshold 0 never collapses") << 5 << 0 << false << false << false;
    QTest::newRow("collapsed by the user below the threshold") << 2 << 4 << false << true << true;
}

void TestTopologyGraph::aggregation()
{
    QFETCH(int, endpoints);
    QFETCH(int, threshold);
    QFETCH(bool, expanded);
    QFETCH(bool, collapsedByUser);
    QFETCH(bool, expectAggregate);
    Host host;
    const QString big = host.network("big", "NAT", "172.20.0.0/24", "172.20.0.1");
    const QString small = host.network("small", "L2Bridge", "10.10.0.0/24", "10.10.0.1");
    QStringList ids;
    for (int i = 0; i < endpoints; ++i)
        ids.append(host.endpoint(big, QStringLiteral("ep%1").arg(i)));
    const QString other = host.endpoint(small, "other");
    const QString lb = host.loadBalancer({ids.front(), ids.back(), other}, "10.96.0.10", 0, 0);
    QVERIFY(!lb.isEmpty());

    TopologyBuildOptions options;
    options.aggregateThreshold = threshold;
    if (expanded)
        options.expandedNetworks.insert(big);
    if (collapsedByUser)
        options.collapsedNetworks.insert(big);
    const TopologyGraph graph = host.build(options);

    const QString aggregate = TopologyGraphBuilder::aggregateKey(big);
    QCOMPARE(graph.node(aggregate) != nullptr, expectAggregate);
    QVERIFY(graph.node(other)); // the small network is never affected
    QVERIFY(graph.hasEdge(lb, other));
    if (expectAggregate) {
        QCOMPARE(graph.node(aggregate)->count, endpoints);
        QVERIFY(graph.node(aggregate)->lines.front().startsWith(QString::number(endpoints)));
        QVERIFY(graph.hasEdge(big, aggregate));
        for (const QString& id : ids)
            QVERIFY(!graph.node(id));
        // The load balancer's backends inside the collapsed network become one edge to the count node.
        QVERIFY(graph.hasEdge(lb, aggregate));
    } else {
        for (const QString& id : ids)
            QVERIFY(graph.node(id));
        QVERIFY(graph.hasEdge(lb, ids.front()));
        QVERIFY(graph.hasEdge(lb, ids.back()));
    }
}

void TestTopologyGraph::hiddenRemoteEndpoints()
{
    Host host;
    const QString overlay = host.network("vxlan0", "Overlay", "10.244.1.0/24", "10.244.1.1");
    const QString local = host.endpoint(overlay, "local");
    const QString remote = host.remoteEndpoint(overlay, "10.244.2.7", "10.0.0.5");
    TopologyBuildOptions options;
    options.hideRemoteEndpoints = true;
    const TopologyGraph graph = host.build(options);
    QVERIFY(graph.node(local));
    QVERIFY(!graph.node(remote));
    QVERIFY(!graph.cluster(TopologyGraphBuilder::providerAddressClusterKey(overlay, "10.0.0.5")));
}

void TestTopologyGraph::sameInputSameGraph()
{
    Host host;
    const QString nat = host.network("nat", "NAT", "172.20.0.0/24", "172.20.0.1");
    for (int i = 0; i < 6; ++i)
        host.endpoint(nat, QStringLiteral("ep%1").arg(i));
    host.settle();
    QList<const MirrorObject*> objects;
    for (ResourceKind kind : {ResourceKind::Network, ResourceKind::Endpoint})
        objects.append(host.mirror.objects(kind));
    QList<const MirrorObject*> reversed(objects.rbegin(), objects.rend());
    const TopologyGraph a = TopologyGraphBuilder().build(objects);
    const TopologyGraph b = TopologyGraphBuilder().build(reversed);
    QCOMPARE(a.nodes(), b.nodes());
    QCOMPARE(a.edges(), b.edges());
}

void TestTopologyGraph::buildThreadGivesTheSameGraph_data()
{
    QTest::addColumn<int>("aggregateThreshold");
    QTest::addColumn<bool>("hideRemote");
    QTest::newRow("everything drawn") << 0 << false;
    QTest::newRow("big network collapsed, remote hidden") << 3 << true;
}

void TestTopologyGraph::buildThreadGivesTheSameGraph()
{
    QFETCH(int, aggregateThreshold);
    QFETCH(bool, hideRemote);
    Host host;
    const QString nat = host.network("nat", "NAT", "172.20.0.0/24", "172.20.0.1");
    const QString overlay = host.network("vxlan0", "Overlay", "10.244.1.0/24", "10.244.1.1");
    QStringList eps;
    for (int i = 0; i < 6; ++i)
        eps.append(host.endpoint(
            nat, QStringLiteral("ep%1").arg(i),
            QJsonArray{
                policy("PortMapping", {{"Protocol", 6}, {"InternalPort", 80}, {"ExternalPort", 8000 + i}})}));
    host.remoteEndpoint(overlay, "10.244.2.7", "10.0.0.5");
    const QString ns = host.create(ResourceKind::Namespace, v2({}));
    QVERIFY(host.attach(ns, eps[0]));
    host.loadBalancer({eps[1], eps[2]}, "10.96.0.10", 0, 0);
    TopologyBuildOptions options;
    options.aggregateThreshold = aggregateThreshold;
    options.hideRemoteEndpoints = hideRemote;
    options.hostLabel = QStringLiteral("embedded engine");
    const TopologyGraph here = host.build(options);
    QVERIFY(here.nodes().size() > 4);

    // The mirror's objects as a diagram hands them over (shared by ID), and as a list (setObjects()).
    TopologyBuildThread* thread = TopologyBuildThread::shared();
    QSignalSpy built(thread, &TopologyBuildThread::built);
    TopologyBuildRequest byId;
    byId.generation = 1;
    byId.options = options;
    byId.objectsById = host.mirror.content().objects;
    TopologyBuildRequest byList = byId;
    byList.generation = 2;
    byList.objectsById.clear();
    byList.objects = host.mirror.content().objects.values();
    thread->submit(byId);
    thread->submit(byList);
    QTRY_COMPARE(built.count(), 2);
    for (const QList<QVariant>& arguments : std::as_const(built)) {
        const TopologyGraph there = arguments.at(0).value<TopologyBuildResult>().graph;
        QCOMPARE(there.nodes(), here.nodes());
        QCOMPARE(there.edges(), here.edges());
        QCOMPARE(there.clusters(), here.clusters());
    }
}

void TestTopologyGraph::supersededBuildIsNotReported()
{
    Host host;
    const QString nat = host.network("nat", "NAT", "172.20.0.0/24", "172.20.0.1");
    host.endpoint(nat, "first");
    host.settle();
    const QHash<QString, MirrorObject> before = host.mirror.content().objects;
    host.endpoint(nat, "second");
    host.settle();

    // Two rebuilds of one diagram in a row: only the newer one's graph comes back, with the objects
    // as they were when it was asked for.
    auto wanted = std::make_shared<std::atomic<quint64>>(0);
    TopologyBuildThread* thread = TopologyBuildThread::shared();
    QSignalSpy built(thread, &TopologyBuildThread::built);
    TopologyBuildRequest older;
    older.generation = 101;
    older.wanted = wanted;
    older.objectsById = before;
    TopologyBuildRequest newer = older;
    newer.generation = 102;
    newer.objectsById = host.mirror.content().objects;
    // (The diagram asked for the newer one before the older one ran: it is skipped.)
    wanted->store(newer.generation);
    thread->submit(older);
    thread->submit(newer);
    QTRY_COMPARE(built.count(), 1);
    QTest::qWait(50); // nothing else arrives
    QCOMPARE(built.count(), 1);
    const TopologyBuildResult result = built.at(0).at(0).value<TopologyBuildResult>();
    QCOMPARE(result.generation, newer.generation);
    QCOMPARE(result.graph.nodeCount(TopologyNodeKind::Endpoint), 2);
}

void TestTopologyGraph::rebuildSharesWhatDidNotChange()
{
    Host host;
    const QString nat = host.network("nat", "NAT", "172.20.0.0/24", "172.20.0.1");
    QStringList eps;
    for (int i = 0; i < 5; ++i)
        eps.append(host.endpoint(nat, QStringLiteral("ep%1").arg(i)));
    const TopologyGraph before = host.build();
    auto handle = host.api->open(ResourceKind::Endpoint, *hcn::Guid::parse(eps[2].toStdString()));
    QVERIFY(
        host.api
            ->modify(ResourceKind::Endpoint, *handle,
                     text({{"ResourceType", "Policy"},
                           {"RequestType", "Add"},
                           {"Settings", QJsonObject{{"Policies", QJsonArray{policy("OutBoundNAT", {})}}}}}))
            .ok());
    (void)host.api->close(ResourceKind::Endpoint, *handle);
    const QString added = host.endpoint(nat, "ep5");
    TopologyGraph after = host.build();
    const TopologyGraph built = after;

    // Four endpoints are as they were (the host and the network count their endpoints); the changed
    // endpoint and the new one keep their own content, and the graph is otherwise the one built.
    QCOMPARE(after.shareUnchanged(before), 4);
    QCOMPARE(after.nodes(), built.nodes());
    QCOMPARE(after.edges(), built.edges());
    QCOMPARE(after.node(eps[2])->badges, QStringList{"OutBoundNAT"});
    QVERIFY(after.node(added));
    QCOMPARE(after.nodeKeyOfObject(added), added);
}

void TestTopologyGraph::malformedDocumentsStillDraw()
{
    // Documents from an older or foreign service: wrong types and missing fields must not drop objects.
    MirrorObject network{ResourceKind::Network, "11111111-1111-1111-1111-111111111111", "",
                         QJsonObject{{"Ipams", "not an array"}, {"Policies", 7}}, {}};
    MirrorObject endpoint{ResourceKind::Endpoint, "22222222-2222-2222-2222-222222222222", "",
                          QJsonObject{{"HostComputeNetwork", network.id.toLower()},
                                      {"IpConfigurations", QJsonObject{}},
                                      {"Flags", "1"}},
                          {}};
    MirrorObject orphan{ResourceKind::Endpoint, "33333333-3333-3333-3333-333333333333", "orphan",
                        QJsonObject{{"HostComputeNetwork", "44444444-4444-4444-4444-444444444444"}}, {}};
    MirrorObject lb{ResourceKind::LoadBalancer, "55555555-5555-5555-5555-555555555555", "",
                    QJsonObject{{"HostComputeEndpoints", QJsonArray{"not-a-guid"}}, {"PortMappings", 3}}, {}};
    const TopologyGraph graph = TopologyGraphBuilder().build({&network, &endpoint, &orphan, &lb});
    QVERIFY(graph.node(network.id));
    QCOMPARE(graph.node(network.id)->lines.front(), QStringLiteral("(unnamed network)"));
    // Flags "1" as a string still marks a remote endpoint; the lower-case network reference resolves.
    QCOMPARE(graph.node(endpoint.id)->kind, TopologyNodeKind::RemoteEndpoint);
    QVERIFY(graph.hasEdge(network.id, endpoint.id));
    // An endpoint whose network is unknown hangs off the host instead of disappearing.
    QVERIFY(graph.hasEdge(TopologyGraphBuilder::hostKey(), orphan.id));
    QVERIFY(graph.node(lb.id));
    QVERIFY(graph.hasEdge(lb.id, TopologyGraphBuilder::hostKey()));
}

void TestTopologyGraph::gridOrder_data()
{
    QTest::addColumn<QString>("nameA");
    QTest::addColumn<QString>("addressA");
    QTest::addColumn<QString>("nameB");
    QTest::addColumn<QString>("addressB");
    QTest::newRow("numbers in names count as numbers") << "pod-2" << "" << "pod-10" << "";
    QTest::newRow("leading zeros do not matter") << "pod-007" << "" << "pod-8" << "";
    QTest::newRow("case does not matter") << "Alpha" << "" << "beta" << "";
    QTest::newRow("same name: by address") << "web" << "10.0.0.9/24" << "web" << "10.0.0.10/24";
    QTest::newRow("named before unnamed") << "zeta" << "10.9.9.9" << "" << "10.0.0.1";
    QTest::newRow("unnamed: by address") << "" << "10.244.2.7" << "" << "10.244.10.1";
    QTest::newRow("numbers longer than an int") << "id-99999999999999999998" << ""
                                                << "id-99999999999999999999" << "";
}

void TestTopologyGraph::gridOrder()
{
    QFETCH(QString, nameA);
    QFETCH(QString, addressA);
    QFETCH(QString, nameB);
    QFETCH(QString, addressB);
    QVERIFY(hcn::ui::TopologyGridPlan::lessThan(nameA, addressA, nameB, addressB));
    QVERIFY(!hcn::ui::TopologyGridPlan::lessThan(nameB, addressB, nameA, addressA));
}

void TestTopologyGraph::gridColumnsFollowTheAspect_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<qreal>("aspect");
    QTest::newRow("100 square cells, square view") << 100 << 1.0;
    QTest::newRow("100 cells, wide view") << 100 << 2.0;
    QTest::newRow("550 cells, 16:10 view") << 550 << 1.6;
    QTest::newRow("50 cells, tall view") << 50 << 0.5;
    QTest::newRow("12 cells, very wide view") << 12 << 4.0;
}

void TestTopologyGraph::gridColumnsFollowTheAspect()
{
    QFETCH(int, count);
    QFETCH(qreal, aspect);
    const QSizeF cell(180, 80);
    const int columns = hcn::ui::TopologyGridPlan::columnsFor(count, cell, aspect);
    QVERIFY(columns >= 1 && columns <= count);
    auto miss = [&](int c) {
        const int rows = (count + c - 1) / c;
        return std::abs(std::log(c * cell.width() / (rows * cell.height()) / aspect));
    };
    // No other column count gives a block closer to the aspect asked for.
    for (int other = 1; other <= count; ++other)
        QVERIFY2(miss(columns) <= miss(other) + 1e-9,
                 qPrintable(QStringLiteral("%1 columns, %2 is closer").arg(columns).arg(other)));
}

void TestTopologyGraph::gridPlanReplacesLargeGroupsOnly()
{
    using hcn::ui::TopologyGridPlan;
    using hcn::ui::TopologyLayoutNode;
    QList<TopologyLayoutNode> nodes;
    auto add = [&nodes](const QString& key, const QString& grid, const QString& name, bool pinned = false) {
        TopologyLayoutNode node;
        node.key = key;
        node.size = QSizeF(100, 40);
        node.gridKey = grid;
        node.sortName = name;
        node.pinned = pinned;
        nodes.append(node);
    };
    add("net", {}, "net");
    // 13 members of "big", created out of order; 11 of "small"; a pinned member of "big" stays apart.
    for (int i : {12, 3, 7, 0, 11, 5, 9, 1, 10, 2, 8, 4, 6})
        add(QStringLiteral("big%1").arg(i), "big", QStringLiteral("pod-%1").arg(i));
    add("pinned", "big", "pod-0", true);
    for (int i = 0; i < TopologyGridPlan::kMinimumMembers - 1; ++i)
        add(QStringLiteral("small%1").arg(i), "small", QStringLiteral("s-%1").arg(i));

    const TopologyGridPlan plan(nodes, 1.0);
    QCOMPARE(plan.blockCount(), 1);
    QCOMPARE(plan.nodes().size(), nodes.size() - 13 + 1);
    const QString block = plan.standIn("big0");
    QVERIFY(block != "big0");
    QCOMPARE(plan.standIn("big12"), block);
    QCOMPARE(plan.standIn("pinned"), QString("pinned"));
    QCOMPARE(plan.standIn("small0"), QString("small0"));
    // The block stands where its first member was, after "net".
    QCOMPARE(plan.nodes().at(1).key, block);
    QVERIFY(plan.nodes().at(1).size.width() > 100 && plan.nodes().at(1).size.height() > 40);

    QHash<QString, QPointF> positions{{block, QPointF(500, 300)}, {"net", QPointF(0, 0)}};
    plan.expand(positions);
    QVERIFY(!positions.contains(block));
    QCOMPARE(positions.value("net"), QPointF(0, 0));
    // Row by row in name order, centred on the block's place, cells apart by at least the node size.
    QList<QPointF> order;
    for (int i = 0; i < 13; ++i)
        order.append(positions.value(QStringLiteral("big%1").arg(i)));
    QRectF bounds;
    for (int i = 0; i < 13; ++i) {
        bounds = bounds.united(QRectF(order[i] - QPointF(50, 20), QSizeF(100, 40)));
        if (i == 0)
            continue;
        const bool sameRow = qFuzzyCompare(order[i].y(), order[i - 1].y());
        QVERIFY2(sameRow ? order[i].x() >= order[i - 1].x() + 100 : order[i].y() >= order[i - 1].y() + 40,
                 qPrintable(QString::number(i)));
    }
    QVERIFY(QLineF(bounds.center(), QPointF(500, 300)).length() < 100);
}

void TestTopologyGraph::routeKeepsOffOtherBoxes_data()
{
    QTest::addColumn<QList<QRectF>>("others");
    QTest::addColumn<QList<QLineF>>("drawn");
    QTest::addColumn<bool>("bent");
    QTest::addColumn<int>("side"); // -1 the path passes above the boxes' middle, 1 below, 0 either
    // From a box at (0, 0) to one at (400, 0), both 100 x 40; a wall between them, as far above their
    // middle as below.
    const QRectF wall(200, -100, 80, 240);
    QTest::newRow("nothing in the way: straight") << QList<QRectF>{} << QList<QLineF>{} << false << 0;
    QTest::newRow("a box beside the way: straight")
        << QList<QRectF>{QRectF(200, 60, 80, 40)} << QList<QLineF>{} << false << 0;
    QTest::newRow("a box in the way: around it at right angles")
        << QList<QRectF>{wall} << QList<QLineF>{} << true << 0;
    QTest::newRow("a line drawn above: around below")
        << QList<QRectF>{wall} << QList<QLineF>{QLineF(240, -400, 240, -103)} << true << 1;
    QTest::newRow("a line drawn below: around above")
        << QList<QRectF>{wall} << QList<QLineF>{QLineF(240, 400, 240, 143)} << true << -1;
}

void TestTopologyGraph::routeKeepsOffOtherBoxes()
{
    QFETCH(QList<QRectF>, others);
    QFETCH(QList<QLineF>, drawn);
    QFETCH(bool, bent);
    QFETCH(int, side);
    using hcn::ui::TopologyEdgeRouter;
    const QRectF from(0, 0, 100, 40);
    const QRectF to(400, 0, 100, 40);
    QList<QRectF> boxes{from, to};
    boxes.append(others);
    TopologyEdgeRouter router(boxes);
    for (const QLineF& line : std::as_const(drawn))
        router.addLine(QPolygonF{line.p1(), line.p2()}, {});
    const QPolygonF path = router.route(from, to, {0, 1});

    QVERIFY2(bent ? path.size() > 2 && path.size() <= 6 : path.size() == 2,
             qPrintable(QString::number(path.size())));
    // From the edge of one box to the edge of the other.
    auto onEdge = [](const QRectF& box, QPointF p) {
        return box.adjusted(-0.5, -0.5, 0.5, 0.5).contains(p) &&
               !box.adjusted(0.5, 0.5, -0.5, -0.5).contains(p);
    };
    QVERIFY(onEdge(from, path.first()));
    QVERIFY(onEdge(to, path.last()));
    for (qsizetype i = 1; i < path.size(); ++i) {
        const QLineF segment(path[i - 1], path[i]);
        // Along and across only, and off every other box by the clearance.
        QVERIFY(qFuzzyCompare(segment.x1(), segment.x2()) || qFuzzyCompare(segment.y1(), segment.y2()));
        const QRectF span = QRectF(segment.p1(), segment.p2()).normalized();
        const qreal keep = bent ? TopologyEdgeRouter::kClearance - 1 : 0.0;
        for (const QRectF& box : std::as_const(others)) {
            const QRectF kept = box.adjusted(-keep, -keep, keep, keep);
            QVERIFY2(span.right() <= kept.left() || span.left() >= kept.right() ||
                         span.bottom() <= kept.top() || span.top() >= kept.bottom(),
                     qPrintable(QStringLiteral("segment %1 of %2").arg(i).arg(path.size() - 1)));
        }
        for (const QLineF& line : std::as_const(drawn))
            QVERIFY(segment.intersects(line) != QLineF::BoundedIntersection);
    }
    if (side != 0) {
        qreal furthest = 0;
        for (const QPointF& p : path)
            furthest = qAbs(p.y() - 20) > qAbs(furthest) ? p.y() - 20 : furthest;
        QVERIFY2(furthest * side > 0, qPrintable(QString::number(furthest)));
    }
}

void TestTopologyGraph::routeFindsAWayFarFromBothBoxes_data()
{
    QTest::addColumn<qreal>("pocketLength");
    QTest::addColumn<int>("farBoxes");
    // The target in a long pocket of boxes open only at its far end, well beyond the room searched
    // near the two boxes.
    QTest::newRow("pocket open 3,000 units away") << 3000.0 << 0;
    // The same with 900 boxes elsewhere, too many points for one search over the whole drawing.
    QTest::newRow("pocket open 1,500 units away, a drawing too big to search at once") << 1500.0 << 900;
}

void TestTopologyGraph::routeFindsAWayFarFromBothBoxes()
{
    QFETCH(qreal, pocketLength);
    QFETCH(int, farBoxes);
    using hcn::ui::TopologyEdgeRouter;
    const QRectF from(0, 0, 100, 40);
    const QRectF to(400, 0, 100, 40);
    const QList<QRectF> pocket{QRectF(300, -60, pocketLength, 20), QRectF(300, 80, pocketLength, 20),
                               QRectF(300, -40, 20, 120)};
    QList<QRectF> boxes{from, to};
    boxes.append(pocket);
    for (int i = 0; i < farBoxes; ++i)
        boxes.append(QRectF(20000 + 30 * i, 20000 + 30 * i, 10, 10));
    const TopologyEdgeRouter router(boxes);
    const QPolygonF path = router.route(from, to, {0, 1});
    QVERIFY2(path.size() > 2, qPrintable(QString::number(path.size())));
    QVERIFY(router.isClear(path, {0, 1}));
    for (qsizetype i = 1; i < path.size(); ++i)
        for (const QRectF& box : pocket)
            QVERIFY(!TopologyEdgeRouter::crossesBox(path[i - 1], path[i], box));
    qreal furthest = 0;
    for (const QPointF& p : path)
        furthest = qMax(furthest, p.x());
    QVERIFY(furthest > 300 + pocketLength); // out through the opening
}

void TestTopologyGraph::routeWithNoWayRoundIsStraight()
{
    // The target walled in with no gap a line fits through: the straight line, as before.
    using hcn::ui::TopologyEdgeRouter;
    const QRectF from(0, 0, 100, 40);
    const QRectF to(400, 0, 100, 40);
    TopologyEdgeRouter router({from, to, QRectF(200, -100, 80, 240), QRectF(380, -20, 140, 16),
                               QRectF(380, 44, 140, 16), QRectF(380, -4, 16, 48), QRectF(504, -4, 16, 48)});
    const QPolygonF path = router.route(from, to, {0, 1});
    QCOMPARE(path, (QPolygonF{QPointF(100, 20), QPointF(400, 20)}));
}

QTEST_GUILESS_MAIN(TestTopologyGraph)
#include "tst_topologygraph.moc"
