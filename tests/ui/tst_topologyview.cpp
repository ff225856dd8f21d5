// TopologyDock on a real engine (EmbeddedApi + HostMirror), offscreen: the diagram follows the
// engine's events, keeps existing nodes still, syncs selection both ways, collapses and expands big
// networks, and exports SVG/PNG; the graph is built off the GUI thread and only the newest one is shown.

#include "hcn/embedded_api.h"
#include "hcn/guid.h"
#include "models/console_resources.h"
#include "models/current_selection.h"
#include "models/host_mirror.h"
#include "models/scenario_loader.h"
#include "qt_documents.h"
#include "topology/topology_bundle_item.h"
#include "topology/topology_cluster_item.h"
#include "topology/topology_diagram.h"
#include "topology/topology_dock.h"
#include "topology/topology_edge_item.h"
#include "topology/topology_edge_router.h"
#include "topology/topology_graph_builder.h"
#include "topology/topology_grid.h"
#include "topology/topology_legend.h"
#include "topology/topology_minimap.h"
#include "topology/topology_node_item.h"
#include "topology/topology_scene.h"
#include "topology/topology_settings.h"
#include "topology/topology_view.h"
#include "widgets/scenario_controller.h"

#include <QAction>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QToolBar>
#include <QToolButton>
#include <QXmlStreamReader>

using hcn::ResourceKind;
using hcn::ui::CurrentSelection;
using hcn::ui::HostMirror;
using hcn::ui::TopologyDock;
using hcn::ui::TopologyGraphBuilder;
using hcn::ui::TopologyNodeItem;
using hcn::ui::TopologyScene;

using hcntest::text;
using hcntest::v2;

namespace {

constexpr int kLayoutTimeoutMs = 20000;

struct Host
{
    std::shared_ptr<hcn::EmbeddedApi> api = std::make_shared<hcn::EmbeddedApi>();
    HostMirror mirror;
    CurrentSelection selection;

    Host() { QVERIFY(mirror.attach(api).ok()); }

    QString create(ResourceKind kind, const QJsonObject& doc, const QString& networkId = {},
                   bool settled = true)
    {
        hcn::Handle network = 0;
        if (!networkId.isEmpty())
            network = *api->open(ResourceKind::Network, *hcn::Guid::parse(networkId.toStdString()));
        auto handle = api->create(kind, hcn::Guid(), text(doc), network);
        if (network)
            (void)api->close(ResourceKind::Network, network);
        if (!handle.ok())
            return {};
        auto id = api->handleId(kind, *handle);
        (void)api->close(kind, *handle);
        if (settled)
            settle();
        return QString::fromStdString(id->toString()).toUpper();
    }
    QString network(const QString& name, const QString& type, const QString& prefix, const QString& gateway)
    {
        return create(ResourceKind::Network, hcntest::networkDocument(name, type, prefix, gateway));
    }
    QString endpoint(const QString& networkId, const QString& name)
    {
        return create(ResourceKind::Endpoint, v2({{"Name", name}, {"HostComputeNetwork", networkId}}),
                      networkId);
    }
    QString remoteEndpoint(const QString& networkId, const QString& ip, const QString& providerAddress)
    {
        return create(
            ResourceKind::Endpoint,
            v2({{"Flags", 1},
                {"HostComputeNetwork", networkId},
                {"IpConfigurations", QJsonArray{QJsonObject{{"IpAddress", ip}}}},
                {"Policies",
                 QJsonArray{QJsonObject{{"Type", "ProviderAddress"},
                                        {"Settings", QJsonObject{{"ProviderAddress", providerAddress}}}}}}}),
            networkId);
    }
    QString loadBalancer(const QStringList& backends, const QString& vip)
    {
        return create(
            ResourceKind::LoadBalancer,
            v2({{"HostComputeEndpoints", QJsonArray::fromStringList(backends)},
                {"FrontendVIPs", QJsonArray{vip}},
                {"PortMappings",
                 QJsonArray{QJsonObject{{"Protocol", 6}, {"InternalPort", 8080}, {"ExternalPort", 80}}}}}));
    }
    bool attach(const QString& namespaceId, const QString& endpointId, bool settled = true)
    {
        auto ns = api->open(ResourceKind::Namespace, *hcn::Guid::parse(namespaceId.toStdString()));
        const bool ok = api->modify(ResourceKind::Namespace, *ns,
                                    text({{"ResourceType", "Endpoint"},
                                          {"RequestType", "Add"},
                                          {"Settings", QJsonObject{{"EndpointId", endpointId}}}}))
                            .ok();
        (void)api->close(ResourceKind::Namespace, *ns);
        if (settled)
            settle();
        return ok;
    }
    bool loadSampleHost()
    {
        hcn::ui::initConsoleResources();
        hcn::ui::ScenarioLoader loader(*api);
        const bool ok = loader.loadFile(hcn::ui::ScenarioController::defaultScenario());
        if (!ok)
            qWarning() << loader.error().text();
        settle();
        return ok;
    }
    /// A big host: 4 networks (two L2Bridge with 600 endpoints, a NAT with 300, an overlay with 300
    /// local and 200 remote endpoints behind 4 provider addresses) = 2,000 endpoints, 100 namespaces
    /// of two endpoints each, 60 load balancers with 3 backends.
    void populateBig()
    {
        auto quietEndpoint = [this](const QString& network, const QJsonObject& doc) {
            return create(ResourceKind::Endpoint, v2(doc), network, false);
        };
        QList<QStringList> byNetwork;
        const struct
        {
            const char* name;
            const char* type;
            int endpoints;
        } networks[] = {{"l2-a", "L2Bridge", 600},
                        {"l2-b", "L2Bridge", 600},
                        {"nat", "NAT", 300},
                        {"vxlan", "Overlay", 300}};
        int index = 0;
        for (const auto& spec : networks) {
            const QString id = create(ResourceKind::Network,
                                      hcntest::networkDocument(spec.name, spec.type,
                                                               QStringLiteral("10.%1.0.0/20").arg(index),
                                                               QStringLiteral("10.%1.0.1").arg(index)),
                                      {}, false);
            QStringList eps;
            for (int e = 0; e < spec.endpoints; ++e)
                eps.append(quietEndpoint(id, {{"Name", QStringLiteral("%1-pod-%2").arg(spec.name).arg(e)},
                                              {"HostComputeNetwork", id}}));
            if (QLatin1String(spec.type) == QLatin1String("Overlay"))
                for (int e = 0; e < 200; ++e)
                    quietEndpoint(id,
                                  {{"Flags", 1},
                                   {"HostComputeNetwork", id},
                                   {"IpConfigurations",
                                    QJsonArray{QJsonObject{
                                        {"IpAddress", QStringLiteral("10.%1.8.%2").arg(index).arg(2 + e)}}}},
                                   {"Policies",
                                    QJsonArray{QJsonObject{
                                        {"Type", "ProviderAddress"},
                                        {"Settings",
                                         QJsonObject{{"ProviderAddress",
                                                      QStringLiteral("192.168.0.%1").arg(10 + e % 4)}}}}}}});
            byNetwork.append(eps);
            ++index;
        }
        for (int i = 0; i < 100; ++i) {
            const QString ns = create(ResourceKind::Namespace, v2({}), {}, false);
            const QStringList& eps = byNetwork.at(i % byNetwork.size());
            attach(ns, eps.at(2 * i), false);
            attach(ns, eps.at(2 * i + 1), false);
        }
        for (int i = 0; i < 60; ++i) {
            const QStringList& eps = byNetwork.at(i % byNetwork.size());
            create(
                ResourceKind::LoadBalancer,
                v2({{"HostComputeEndpoints",
                     QJsonArray{eps.at((250 + 3 * i) % eps.size()), eps.at((251 + 3 * i) % eps.size()),
                                eps.at((252 + 3 * i) % eps.size())}},
                    {"FrontendVIPs", QJsonArray{QStringLiteral("10.96.0.%1").arg(i + 1)}},
                    {"PortMappings", QJsonArray{QJsonObject{
                                         {"Protocol", 6}, {"InternalPort", 8080}, {"ExternalPort", 80}}}}}),
                {}, false);
        }
        settle();
    }
    /// One NAT network with `count` named endpoints ("pod-0" ...), created in a burst.
    QString populateOneNetwork(int count)
    {
        const QString id =
            create(ResourceKind::Network,
                   hcntest::networkDocument("wide", "NAT", "10.40.0.0/16", "10.40.0.1"), {}, false);
        for (int e = 0; e < count; ++e)
            create(ResourceKind::Endpoint,
                   v2({{"Name", QStringLiteral("pod-%1").arg(e)}, {"HostComputeNetwork", id}}), id, false);
        settle();
        return id;
    }
    bool addPortMapping(const QString& endpointId)
    {
        auto handle = api->open(ResourceKind::Endpoint, *hcn::Guid::parse(endpointId.toStdString()));
        const QJsonObject policy{
            {"Type", "PortMapping"},
            {"Settings", QJsonObject{{"Protocol", 6}, {"InternalPort", 80}, {"ExternalPort", 8080}}}};
        const bool ok = api->modify(ResourceKind::Endpoint, *handle,
                                    text({{"ResourceType", "Policy"},
                                          {"RequestType", "Add"},
                                          {"Settings", QJsonObject{{"Policies", QJsonArray{policy}}}}}))
                            .ok();
        (void)api->close(ResourceKind::Endpoint, *handle);
        settle();
        return ok;
    }
    bool remove(ResourceKind kind, const QString& id)
    {
        const bool ok = api->remove(kind, *hcn::Guid::parse(id.toStdString())).ok();
        settle();
        return ok;
    }
    void settle()
    {
        api->engine().drainNotifications();
        mirror.flushPending();
    }
};

std::unique_ptr<TopologyDock> makeDock(Host& host)
{
    auto dock = std::make_unique<TopologyDock>(&host.mirror, &host.selection);
    dock->resize(900, 650);
    dock->show();
    return dock;
}

/// A dock showing 400 endpoints of one network, every one drawn: too big to read when fitted.
std::unique_ptr<TopologyDock> makeOverviewDock(Host& host)
{
    host.populateOneNetwork(400);
    auto dock = makeDock(host);
    dock->diagram()->setAggregateThreshold(0);
    if (!dock->waitForLayout(60000))
        return nullptr;
    return dock;
}

/// A dock showing populateBig()'s 2,000 endpoints, every one drawn, laid out.
std::unique_ptr<TopologyDock> makeBigDock(Host& host)
{
    host.populateBig();
    auto dock = makeDock(host);
    dock->diagram()->setAggregateThreshold(0);
    if (!dock->waitForLayout(120000))
        return nullptr;
    return dock;
}

QHash<QString, QPointF> positionsOf(const TopologyScene* scene)
{
    return scene->positions();
}

QPoint viewPointOf(TopologyDock& dock, const TopologyNodeItem* item)
{
    return dock.view()->mapFromScene(item->pos());
}

/// The number at the end of `text` ("l2-a-pod-17" -> 17, "10.3.8.42" -> 42), -1 when none.
int trailingNumber(const QString& text)
{
    qsizetype start = text.size();
    while (start > 0 && text.at(start - 1).isDigit())
        --start;
    return start == text.size() ? -1 : text.mid(start).toInt();
}

/// The items in reading order: row by row (same centre height), left to right.
QList<const TopologyNodeItem*> readingOrder(QList<const TopologyNodeItem*> items)
{
    std::sort(items.begin(), items.end(), [](const TopologyNodeItem* a, const TopologyNodeItem* b) {
        if (qAbs(a->pos().y() - b->pos().y()) > 0.5)
            return a->pos().y() < b->pos().y();
        return a->pos().x() < b->pos().x();
    });
    return items;
}

/// Whether the view shows the whole drawing (half a pixel of rounding allowed).
bool showsWholeDrawing(const hcn::ui::TopologyView* view)
{
    const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
    const qreal slack = 1.0 / view->zoom();
    return visible.adjusted(-slack, -slack, slack, slack).contains(view->sceneRect());
}

QString overlapsText(const QList<QPair<QString, QString>>& overlaps, const TopologyScene* scene)
{
    QStringList out;
    for (const auto& [a, b] : overlaps.mid(0, 5))
        out << scene->nodeItem(a)->node().lines.value(0) + QLatin1String(" / ") +
                   scene->nodeItem(b)->node().lines.value(0);
    return QStringLiteral("%1 overlapping pairs, e.g. %2")
        .arg(overlaps.size())
        .arg(out.join(QLatin1String("; ")));
}

/// The drawn lines of these `kinds` (single lines and bundles, as shown now) that pass over a box they do not
/// end in: another node's box, or a grid of endpoints (the rectangle around its cells) that holds
/// neither end. Each as "VIP 10.96.0.3 -> l2-a-pod-5 over nat-pod-7".
QStringList linesOverOtherBoxes(const TopologyScene* scene, const QList<hcn::ui::TopologyEdgeKind>& kinds)
{
    using hcn::ui::TopologyGridPlan;
    // The grids as the user sees them: groups of at least kMinimumMembers endpoints.
    QHash<QString, QList<const TopologyNodeItem*>> groups;
    for (const TopologyNodeItem* item : scene->nodeItems())
        if (const QString group = TopologyGridPlan::groupKeyOf(item->node()); !group.isEmpty())
            groups[group].append(item);
    QHash<QString, QRectF> grids;
    for (auto it = groups.cbegin(); it != groups.cend(); ++it)
        if (it.value().size() >= TopologyGridPlan::kMinimumMembers)
            for (const TopologyNodeItem* member : it.value())
                grids[it.key()] = grids[it.key()].united(member->sceneBoundingRect());
    auto gridOf = [&grids](const TopologyNodeItem* item) {
        const QString group = TopologyGridPlan::groupKeyOf(item->node());
        return grids.contains(group) ? group : QString();
    };
    // Boxes are drawn 2 units inside their item's rectangle; a line grazing a corner is not over it.
    auto inner = [](const QRectF& rect) { return rect.adjusted(3, 3, -3, -3); };
    QStringList out;
    auto check = [&](const QPolygonF& path, const TopologyNodeItem* from, const TopologyNodeItem* to,
                     const QString& grid, const QString& name) {
        const QString endGrid = !grid.isEmpty() ? grid : gridOf(to);
        for (qsizetype i = 0; i + 1 < path.size(); ++i) {
            // The scene's index finds the boxes near the segment.
            const QRectF span = QRectF(path[i], path[i + 1]).normalized().adjusted(-1, -1, 1, 1);
            for (const QGraphicsItem* near : scene->items(span, Qt::IntersectsItemBoundingRect)) {
                if (near->type() != TopologyNodeItem::Type)
                    continue;
                const auto* item = static_cast<const TopologyNodeItem*>(near);
                if (item == from || item == to || (!endGrid.isEmpty() && gridOf(item) == endGrid))
                    continue;
                if (hcn::ui::TopologyEdgeRouter::crossesBox(path[i], path[i + 1],
                                                            inner(item->sceneBoundingRect())))
                    out << name + QLatin1String(" over ") + item->node().lines.value(0);
            }
            for (auto it = grids.cbegin(); it != grids.cend(); ++it)
                if (it.key() != endGrid && it.key() != gridOf(from) &&
                    hcn::ui::TopologyEdgeRouter::crossesBox(path[i], path[i + 1], inner(it.value())))
                    out << name + QLatin1String(" over the grid ") + it.key();
        }
    };
    for (const QGraphicsItem* item : scene->items()) {
        if (!item->isVisible())
            continue;
        if (item->type() == hcn::ui::TopologyEdgeItem::Type) {
            const auto* edge = static_cast<const hcn::ui::TopologyEdgeItem*>(item);
            if (kinds.contains(edge->kind()))
                check(edge->path(), edge->from(), edge->to(), {},
                      edge->from()->node().lines.value(0) + QLatin1String(" -> ") +
                          edge->to()->node().lines.value(0));
        } else if (item->type() == hcn::ui::TopologyBundleItem::Type) {
            const auto* bundle = static_cast<const hcn::ui::TopologyBundleItem*>(item);
            if (kinds.contains(bundle->kind()) && !bundle->members().isEmpty())
                check(bundle->path(), bundle->from(), bundle->members().front(),
                      TopologyGridPlan::groupKeyOf(bundle->members().front()->node()),
                      bundle->from()->node().lines.value(0) + QLatin1String(" => ") + bundle->label());
        }
    }
    return out;
}

/// Every drawn line of every kind that passes over a box it does not end in (linesOverOtherBoxes).
QStringList allLinesOverOtherBoxes(const TopologyScene* scene)
{
    using Kind = hcn::ui::TopologyEdgeKind;
    return linesOverOtherBoxes(scene, {Kind::HostNetwork, Kind::NetworkEndpoint, Kind::NetworkRemote,
                                       Kind::NetworkAggregate, Kind::LoadBalancerBackend,
                                       Kind::LoadBalancerNetwork});
}

/// Selects every node of these kinds (their single lines are shown instead of their bundles).
void selectEvery(Host& host, const TopologyScene* scene, const QList<hcn::ui::TopologyNodeKind>& kinds,
                 QObject* source)
{
    QStringList ids;
    for (const TopologyNodeItem* item : scene->nodeItems())
        if (kinds.contains(item->node().kind))
            ids.append(item->node().objectId);
    host.selection.setIds(ids, source);
}
} // namespace

class TestTopologyView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void sceneFollowsCreateModifyDelete();
    void existingNodesStayWhenAnEndpointArrives();
    void rapidChangesShowTheNewestHost();
    void rebuildReturnsBeforeTheGraphIsApplied();
    void selectionSyncsBothWays();
    void collapseAndExpand();
    void doubleClickRequestsEdit();
    void contextMenuRequestsDeleteAndExport();
    void nodeLeavingTheSceneDoesNotRewriteSelection();
    void searchHighlightsMatches();
    void hidingRemoteEndpointsAndBringingThemBack();
    void svgExportIsValidAndHasEveryLabel();
    void pngExportIsNotEmpty();
    void exportToAnUnwritablePathFails();
    void opensFittedAndRefitsUntilTheUserZooms();
    void detailDropsBySizeOnScreen();
    void noNodeOverlapsAnother_data();
    void noNodeOverlapsAnother();
    void largeGroupsAreSortedGrids();
    void linesIntoAGridAreOneLine();
    void linesGoAroundOtherBoxes_data();
    void linesGoAroundOtherBoxes();
    void linesArriveWithTheLayout_data();
    void linesArriveWithTheLayout();
    void everyLineKeepsOffTheBoxesInEveryLayout_data();
    void everyLineKeepsOffTheBoxesInEveryLayout();
    void bundlesStayWhereTheyWereWhenNothingMoves();
    void bundleToolTipNamesItsEndpoints_data();
    void bundleToolTipNamesItsEndpoints();
    void overviewHiddenWhileEverythingFits();
    void overviewClickAndDragPanTheView();
    void overviewRectangleFollowsPansAndZooms();
    void narrowPaneKeepsEveryActionReachable();
    void legendExplainsTheDrawing();
    void attachedEndpointKeepsTheFrameToItsMembers();
};

void TestTopologyView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestTopologyView::init()
{
    hcn::ui::settings::topologyAggregateThreshold().reset();
    hcn::ui::settings::topologyHideRemoteEndpoints().reset();
    hcn::ui::settings::topologyHidePolicyBadges().reset();
}

void TestTopologyView::sceneFollowsCreateModifyDelete()
{
    Host host;
    const QString nat = host.network("nat", "NAT", "172.20.0.0/24", "172.20.0.1");
    const QString web = host.endpoint(nat, "web");
    auto dock = makeDock(host);
    QSignalSpy finished(dock.get(), &TopologyDock::layoutFinished);
    QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    QVERIFY(finished.count() >= 1);
    TopologyScene* scene = dock->scene();
    QVERIFY(scene->nodeItem(TopologyGraphBuilder::hostKey()));
    QVERIFY(scene->nodeItem(nat));
    QVERIFY(scene->nodeItem(web));

    const QString db = host.endpoint(nat, "db");
    QTRY_VERIFY_WITH_TIMEOUT(scene->nodeItem(db), kLayoutTimeoutMs);
    QCOMPARE(scene->nodeItem(db)->node().lines.front(), QStringLiteral("db"));

    QVERIFY(host.addPortMapping(web));
    QTRY_COMPARE_WITH_TIMEOUT(scene->nodeItem(web)->node().badges, QStringList{"ports 8080→80/TCP"},
                              kLayoutTimeoutMs);

    QVERIFY(host.remove(ResourceKind::Endpoint, db));
    QTRY_VERIFY_WITH_TIMEOUT(!scene->nodeItem(db), kLayoutTimeoutMs);
    QVERIFY(scene->nodeItem(web));

    QVERIFY(host.remove(ResourceKind::Endpoint, web));
    QVERIFY(host.remove(ResourceKind::Network, nat));
    QTRY_VERIFY_WITH_TIMEOUT(!scene->nodeItem(nat) && !scene->nodeItem(web), kLayoutTimeoutMs);
    QCOMPARE(scene->nodeItemCount(), 1); // the host stays
    QCOMPARE(scene->edgeItemCount(), 0);
}

void TestTopologyView::existingNodesStayWhenAnEndpointArrives()
{
    Host host;
    const QString nat = host.network("nat", "NAT", "172.20.0.0/24", "172.20.0.1");
    const QString l2 = host.network("l2", "L2Bridge", "10.10.0.0/24", "10.10.0.1");
    QStringList eps;
    for (int i = 0; i < 4; ++i)
        eps.append(host.endpoint(i % 2 ? l2 : nat, QStringLiteral("ep%1").arg(i)));
    host.loadBalancer({eps[0], eps[1]}, "10.96.0.10");
    auto dock = makeDock(host);
    QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    TopologyScene* scene = dock->scene();
    const QHash<QString, QPointF> before = positionsOf(scene);
    QCOMPARE(before.size(), 1 + 2 + 4 + 1);

    const QString added = host.endpoint(nat, "late");
    QTRY_VERIFY_WITH_TIMEOUT(scene->nodeItem(added), kLayoutTimeoutMs);
    QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    const QHash<QString, QPointF> after = positionsOf(scene);
    for (auto it = before.constBegin(); it != before.constEnd(); ++it)
        QCOMPARE(after.value(it.key()), it.value());

    // The newcomer sits near its network and on top of nobody.
    const TopologyNodeItem* item = scene->nodeItem(added);
    QVERIFY(QLineF(item->pos(), scene->nodeItem(nat)->pos()).length() < 700.0);
    const QRectF box = item->sceneBoundingRect().adjusted(3, 3, -3, -3);
    for (const TopologyNodeItem* other : scene->nodeItems())
        if (other != item)
            QVERIFY2(!box.intersects(other->sceneBoundingRect().adjusted(3, 3, -3, -3)),
                     qPrintable(other->key()));
}

void TestTopologyView::rapidChangesShowTheNewestHost()
{
    Host host;
    const QString nat = host.network("nat", "NAT", "172.20.0.0/24", "172.20.0.1");
    QStringList eps;
    for (int i = 0; i < 3; ++i)
        eps.append(host.endpoint(nat, QStringLiteral("ep%1").arg(i)));
    auto dock = makeDock(host);
    QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    hcn::ui::TopologyDiagram* diagram = dock->diagram();
    TopologyScene* scene = dock->scene();

    // Every graph the scene takes, by the titles of its endpoints.
    QList<QStringList> shown;
    connect(diagram, &hcn::ui::TopologyDiagram::sceneUpdated, this, [&] {
        QStringList titles;
        for (const hcn::ui::TopologyNode& node : diagram->graph().nodes())
            if (node.kind == hcn::ui::TopologyNodeKind::Endpoint)
                titles.append(node.lines.value(0));
        titles.sort();
        if (shown.isEmpty() || shown.back() != titles)
            shown.append(titles);
    });

    // Changes and rebuilds in a row, each rebuild asked for before the one before it came back.
    const int supersededBefore = diagram->supersededBuilds();
    for (int i = 3; i < 8; ++i) {
        eps.append(host.endpoint(nat, QStringLiteral("ep%1").arg(i)));
        if (i == 5) {
            QVERIFY(host.remove(ResourceKind::Endpoint, eps.takeFirst()));
            diagram->collapseNetwork(nat);
        }
        if (i == 6)
            diagram->expandNetwork(nat);
        diagram->rebuildNow();
    }
    QVERIFY(diagram->supersededBuilds() - supersededBefore >= 6); // 7 asked for, at most one applied
    QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));

    // Only the newest host was ever shown, every endpoint of it drawn where it belongs.
    const QStringList newest = {"ep1", "ep2", "ep3", "ep4", "ep5", "ep6", "ep7"};
    QCOMPARE(shown, QList<QStringList>{newest});
    QVERIFY(!diagram->isNetworkCollapsed(nat));
    QCOMPARE(scene->nodeItemCount(), 1 + 1 + int(newest.size()));
    for (const QString& id : std::as_const(eps)) {
        const TopologyNodeItem* item = scene->nodeItem(id);
        QVERIFY(item);
        QVERIFY(scene->edgeItem(nat, id));
    }
    QVERIFY(!scene->nodeItem(TopologyGraphBuilder::aggregateKey(nat)));
    QVERIFY(scene->overlappingNodes().isEmpty());
}

void TestTopologyView::rebuildReturnsBeforeTheGraphIsApplied()
{
    Host host;
    const QString nat = host.network("nat", "NAT", "172.20.0.0/24", "172.20.0.1");
    const QString web = host.endpoint(nat, "web");
    const QString db = host.endpoint(nat, "db");
    auto dock = makeDock(host);
    QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    TopologyScene* scene = dock->scene();
    QSignalSpy finished(dock.get(), &TopologyDock::layoutFinished);
    QSignalSpy updated(dock->diagram(), &hcn::ui::TopologyDiagram::sceneUpdated);

    // The graph is built on the build thread: the GUI thread goes back to its events at once, the
    // drawing as it was, and the diagram is finished only once the new graph is on screen.
    QVERIFY(host.remove(ResourceKind::Endpoint, db));
    const QString cache = host.endpoint(nat, "cache");
    dock->diagram()->rebuildNow();
    QVERIFY(!dock->diagram()->isIdle());
    QVERIFY(scene->nodeItem(db));
    QVERIFY(!scene->nodeItem(cache));
    QCOMPARE(updated.count(), 0);
    QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    QVERIFY(!scene->nodeItem(db));
    QVERIFY(scene->nodeItem(cache));
    QVERIFY(scene->nodeItem(web));
    QCOMPARE(finished.count(), 1);
}

void TestTopologyView::selectionSyncsBothWays()
{
    Host host;
    const QString nat = host.network("nat", "NAT", "172.20.0.0/24", "172.20.0.1");
    const QString a = host.endpoint(nat, "a");
    const QString b = host.endpoint(nat, "b");
    auto dock = makeDock(host);
    QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    TopologyScene* scene = dock->scene();
    QSignalSpy changed(&host.selection, &CurrentSelection::changed);

    // Clicking a node in the diagram selects its object everywhere.
    dock->view()->setZoom(1.0);
    dock->view()->centerOn(scene->nodeItem(a));
    QTest::mouseClick(dock->view()->viewport(), Qt::LeftButton, {}, viewPointOf(*dock, scene->nodeItem(a)));
    QCOMPARE(host.selection.ids(), QStringList{a});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.last().at(1).value<QObject*>(), dock.get());

    // Another view selects b: the diagram selects and centres it, and does not echo the change.
    dock->view()->setZoom(3.0);
    dock->view()->centerOn(scene->nodeItem(TopologyGraphBuilder::hostKey()));
    host.selection.setIds({b}, this);
    QVERIFY(scene->nodeItem(b)->isSelected());
    QVERIFY(!scene->nodeItem(a)->isSelected());
    QCOMPARE(changed.count(), 2);
    QCOMPARE(host.selection.ids(), QStringList{b});
    const QRectF visible = dock->view()->mapToScene(dock->view()->viewport()->rect()).boundingRect();
    QVERIFY(visible.contains(scene->nodeItem(b)->pos()));

    // Clearing elsewhere clears here.
    host.selection.clear(this);
    QVERIFY(scene->selectedItems().isEmpty());
}

void TestTopologyView::collapseAndExpand()
{
    Host host;
    const QString big = host.network("big", "NAT", "172.20.0.0/24", "172.20.0.1");
    const QString small = host.network("small", "L2Bridge", "10.10.0.0/24", "10.10.0.1");
    QStringList eps;
    for (int i = 0; i < 5; ++i)
        eps.append(host.endpoint(big, QStringLiteral("ep%1").arg(i)));
    const QString other = host.endpoint(small, "other");
    auto dock = makeDock(host);
    dock->diagram()->setAggregateThreshold(3);
    QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    TopologyScene* scene = dock->scene();
    const QString aggregate = TopologyGraphBuilder::aggregateKey(big);
    QVERIFY(scene->nodeItem(aggregate));
    QVERIFY(scene->nodeItem(aggregate)->node().lines.front().startsWith("5 "));
    for (const QString& id : eps)
        QVERIFY(!scene->nodeItem(id));
    QVERIFY(scene->nodeItem(other));
    const QPointF otherBefore = scene->nodeItem(other)->pos();
    const QPointF bigBefore = scene->nodeItem(big)->pos();

    // Double-clicking the count node expands the network.
    dock->view()->setZoom(1.0);
    dock->view()->centerOn(scene->nodeItem(aggregate));
    QTest::mouseDClick(dock->view()->viewport(), Qt::LeftButton, {},
                       viewPointOf(*dock, scene->nodeItem(aggregate)));
    QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    QVERIFY(!scene->nodeItem(aggregate));
    QHash<QString, QPointF> expanded;
    for (const QString& id : eps) {
        QVERIFY(scene->nodeItem(id));
        expanded.insert(id, scene->nodeItem(id)->pos());
    }
    QCOMPARE(scene->nodeItem(other)->pos(), otherBefore);
    QCOMPARE(scene->nodeItem(big)->pos(), bigBefore);

    // Selecting a hidden endpoint from elsewhere selects the count node that stands for it.
    dock->diagram()->collapseNetwork(big);
    QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    QVERIFY(scene->nodeItem(aggregate));
    QVERIFY(!scene->nodeItem(eps.front()));
    host.selection.setIds({eps.front()}, this);
    QVERIFY(scene->nodeItem(aggregate)->isSelected());

    // Expanding again brings every endpoint back to where it was.
    dock->diagram()->expandNetwork(big);
    QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    for (const QString& id : eps)
        QCOMPARE(scene->nodeItem(id)->pos(), expanded.value(id));
}

void TestTopologyView::doubleClickRequestsEdit()
{
    Host host;
    const QString nat = host.network("nat", "NAT", "172.20.0.0/24", "172.20.0.1");
    const QString web = host.endpoint(nat, "web");
    auto dock = makeDock(host);
    QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    QSignalSpy edit(dock.get(), &TopologyDock::editRequested);
    dock->view()->setZoom(1.0);
    dock->view()->centerOn(dock->scene()->nodeItem(web));
    QTest::mouseDClick(dock->view()->viewport(), Qt::LeftButton, {},
                       viewPointOf(*dock, dock->scene()->nodeItem(web)));
    QCOMPARE(edit.count(), 1);
    QCOMPARE(edit.first().at(0).toString(), web);
}

namespace {
QAction* actionNamed(QMenu& menu, const QString& text)
{
    for (QAction* action : menu.actions())
        if (action->text() == text)
            return action;
    return nullptr;
}
} // namespace

void TestTopologyView::contextMenuRequestsDeleteAndExport()
{
    Host host;
    const QString nat = host.network("nat", "NAT", "172.20.0.0/24", "172.20.0.1");
    const QString a = host.endpoint(nat, "a");
    const QString b = host.endpoint(nat, "b");
    auto dock = makeDock(host);
    QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    host.selection.setIds({a, b}, this);
    QSignalSpy deletes(dock.get(), &TopologyDock::deleteRequested);
    QSignalSpy exports(dock.get(), &TopologyDock::exportRequested);
    QSignalSpy edits(dock.get(), &TopologyDock::editRequested);

    // Right-clicking a selected node acts on the whole selection.
    auto menu = dock->createContextMenu(a);
    QAction* remove = actionNamed(*menu, QStringLiteral("Delete"));
    QAction* exportJson = actionNamed(*menu, QStringLiteral("Export JSON…"));
    QAction* edit = actionNamed(*menu, QStringLiteral("Edit Properties…"));
    QVERIFY(remove && exportJson && edit);
    remove->trigger();
    exportJson->trigger();
    edit->trigger();
    QCOMPARE(deletes.count(), 1);
    QStringList deleted = deletes.first().at(0).toStringList();
    deleted.sort();
    QStringList expected{a, b};
    expected.sort();
    QCOMPARE(deleted, expected);
    QCOMPARE(exports.count(), 1);
    QCOMPARE(edits.first().at(0).toString(), a);

    // Right-clicking an unselected node selects it alone; the network offers to collapse.
    auto networkMenu = dock->createContextMenu(nat);
    QCOMPARE(host.selection.ids(), QStringList{nat});
    QVERIFY(actionNamed(*networkMenu, QStringLiteral("Collapse Endpoints")));
    // The host has no object: no delete.
    auto hostMenu = dock->createContextMenu(TopologyGraphBuilder::hostKey());
    QVERIFY(!actionNamed(*hostMenu, QStringLiteral("Delete")));
}

void TestTopologyView::nodeLeavingTheSceneDoesNotRewriteSelection()
{
    Host host;
    const QString nat = host.network("nat", "NAT", "172.20.0.0/24", "172.20.0.1");
    const QString a = host.endpoint(nat, "a");
    auto dock = makeDock(host);
    QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    host.selection.setIds({a}, this);
    QSignalSpy changed(&host.selection, &CurrentSelection::changed);
    // The node leaving the scene is not the user deselecting: the diagram does not rewrite the
    // shared selection (the views that own selection policy decide).
    QVERIFY(host.remove(ResourceKind::Endpoint, a));
    QTRY_VERIFY_WITH_TIMEOUT(!dock->scene()->nodeItem(a), kLayoutTimeoutMs);
    QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    QCOMPARE(changed.count(), 0);
}

void TestTopologyView::searchHighlightsMatches()
{
    Host host;
    const QString nat = host.network("nat", "NAT", "172.20.0.0/24", "172.20.0.1");
    const QString web = host.endpoint(nat, "frontend-web");
    const QString db = host.endpoint(nat, "db");
    auto dock = makeDock(host);
    QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    TopologyScene* scene = dock->scene();
    const QJsonObject webDoc = host.mirror.object(web)->document;
    const QString ip = webDoc["IpConfigurations"].toArray().at(0)["IpAddress"].toString();
    const QString mac = webDoc["MacAddress"].toString();

    for (const QString& query : {QStringLiteral("web"), ip, mac.toLower(), web.left(8).toLower()}) {
        const QStringList matches = dock->search(query);
        QVERIFY2(matches.contains(web), qPrintable(query));
        QVERIFY2(!matches.contains(db), qPrintable(query));
        QVERIFY(scene->nodeItem(web)->isHighlighted());
        QVERIFY(!scene->nodeItem(db)->isHighlighted());
    }
    dock->search(QString());
    QVERIFY(!scene->nodeItem(web)->isHighlighted());
}

void TestTopologyView::hidingRemoteEndpointsAndBringingThemBack()
{
    Host host;
    const QString overlay = host.network("vxlan0", "Overlay", "10.244.1.0/24", "10.244.1.1");
    const QString local = host.endpoint(overlay, "local");
    const QString remote = host.remoteEndpoint(overlay, "10.244.2.7", "10.0.0.5");
    QVERIFY(!remote.isEmpty());
    auto dock = makeDock(host);
    QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    TopologyScene* scene = dock->scene();
    const QPointF remoteBefore = scene->nodeItem(remote)->pos();
    const QString paFrame = TopologyGraphBuilder::providerAddressClusterKey(overlay, "10.0.0.5");
    QVERIFY(scene->clusterItem(paFrame));

    dock->hideRemoteAction()->trigger();
    QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    QVERIFY(!scene->nodeItem(remote));
    QVERIFY(!scene->clusterItem(paFrame));
    QVERIFY(scene->nodeItem(local));

    dock->hideRemoteAction()->trigger();
    QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    QVERIFY(scene->nodeItem(remote));
    QCOMPARE(scene->nodeItem(remote)->pos(), remoteBefore);

    dock->hideBadgesAction()->trigger();
    QVERIFY(!scene->badgesVisible());
}

void TestTopologyView::svgExportIsValidAndHasEveryLabel()
{
    Host host;
    const QString nat = host.network("nat", "NAT", "172.20.0.0/24", "172.20.0.1");
    const QString overlay = host.network("vxlan0", "Overlay", "10.244.1.0/24", "10.244.1.1");
    const QString a = host.endpoint(nat, "alpha");
    const QString b = host.endpoint(overlay, "beta");
    host.remoteEndpoint(overlay, "10.244.2.7", "10.0.0.5");
    host.loadBalancer({a}, "10.96.0.10");
    const QString ns = host.create(ResourceKind::Namespace, v2({}));
    QVERIFY(!ns.isEmpty() && !b.isEmpty());
    auto dock = makeDock(host);
    QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));

    QTemporaryDir dir;
    const QString path = dir.filePath("topology.svg");
    QVERIFY(dock->exportSvg(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QStringList texts;
    bool sawSvgRoot = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("svg"))
            sawSvgRoot = true;
        if (xml.name() == QLatin1String("text"))
            texts.append(xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed());
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(sawSvgRoot);
    const QList<TopologyNodeItem*> nodes = dock->scene()->nodeItems();
    QCOMPARE(nodes.size(), 1 + 2 + 3 + 1 + 1);
    for (const TopologyNodeItem* node : nodes)
        for (const QString& label : node->visibleTexts())
            QVERIFY2(texts.contains(label), qPrintable(label));
}

void TestTopologyView::pngExportIsNotEmpty()
{
    Host host;
    const QString nat = host.network("nat", "NAT", "172.20.0.0/24", "172.20.0.1");
    host.endpoint(nat, "alpha");
    auto dock = makeDock(host);
    QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    QTemporaryDir dir;
    const QString path = dir.filePath("topology.png");
    QVERIFY(dock->exportPng(path));
    const QImage image(path);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 100 && image.height() > 100);
    bool drawn = false;
    for (int y = 0; y < image.height() && !drawn; y += 2)
        for (int x = 0; x < image.width() && !drawn; x += 2)
            drawn = image.pixelColor(x, y).lightness() < 200;
    QVERIFY(drawn);
}

void TestTopologyView::exportToAnUnwritablePathFails()
{
    Host host;
    host.network("nat", "NAT", "172.20.0.0/24", "172.20.0.1");
    auto dock = makeDock(host);
    QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    QTemporaryDir dir;
    QVERIFY(!dock->exportSvg(dir.filePath("missing/dir/topology.svg")));
    QVERIFY(!dock->exportPng(dir.filePath("missing/dir/topology.png")));
    QVERIFY(!QFile::exists(dir.filePath("missing")));
}

void TestTopologyView::opensFittedAndRefitsUntilTheUserZooms()
{
    Host host;
    const QString nat = host.network("nat", "NAT", "172.20.0.0/24", "172.20.0.1");
    const QString l2 = host.network("l2", "L2Bridge", "10.10.0.0/24", "10.10.0.1");
    for (int i = 0; i < 12; ++i)
        host.endpoint(i % 2 ? l2 : nat, QStringLiteral("ep%1").arg(i));
    auto dock = makeDock(host);
    QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    hcn::ui::TopologyView* view = dock->view();
    QVERIFY(view->isAutoFit());
    QVERIFY(showsWholeDrawing(view));

    // A smaller pane: still the whole drawing.
    dock->resize(420, 360);
    QTRY_VERIFY(showsWholeDrawing(view));
    const qreal fitted = view->zoom();

    // A new node grows the drawing: the view follows.
    host.endpoint(nat, "late");
    QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    QTRY_VERIFY(showsWholeDrawing(view));

    // The user zooms: the view stays where the user put it, through resizes and new nodes.
    view->zoomBy(2.0);
    QVERIFY(!view->isAutoFit());
    const qreal zoomed = view->zoom();
    dock->resize(700, 500);
    QTest::qWait(20);
    QCOMPARE(view->zoom(), zoomed);
    QVERIFY(!showsWholeDrawing(view));
    host.endpoint(l2, "later");
    QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    QCOMPARE(view->zoom(), zoomed);

    // Fit goes back to the whole drawing and to following the pane.
    dock->fitAction()->trigger();
    QVERIFY(view->isAutoFit());
    QVERIFY(showsWholeDrawing(view));
    dock->resize(420, 360);
    QTRY_VERIFY(showsWholeDrawing(view));
    QVERIFY(view->zoom() <= fitted + 1e-6);

    // A click that selects is not a pan; scrolling the drawing is.
    const TopologyNodeItem* natItem = dock->scene()->nodeItem(nat);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, viewPointOf(*dock, natItem));
    QVERIFY(natItem->isSelected());
    QVERIFY(view->isAutoFit());
    view->verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepAdd);
    QVERIFY(!view->isAutoFit());
}

void TestTopologyView::detailDropsBySizeOnScreen()
{
    hcn::ui::TopologyNode node;
    node.key = QStringLiteral("ep");
    node.kind = hcn::ui::TopologyNodeKind::Endpoint;
    node.lines = {QStringLiteral("frontend-web"), QStringLiteral("172.20.0.5/24"),
                  QStringLiteral("00-15-5D-00-00-05")};
    node.badges = {QStringLiteral("ports 8080→80/TCP")};
    TopologyNodeItem item(node);
    // Close up: everything; the name outlives the details; far out: the shape alone.
    QCOMPARE(item.linesToDraw(1.0), qsizetype(3));
    QVERIFY(item.drawsBadgesAt(1.0));
    qreal scale = 1.0;
    while (scale > 0.01 && item.linesToDraw(scale) == 3)
        scale *= 0.95;
    QCOMPARE(item.linesToDraw(scale), qsizetype(1));
    QVERIFY(!item.drawsBadgesAt(scale));
    while (scale > 0.01 && item.linesToDraw(scale) == 1)
        scale *= 0.95;
    QCOMPARE(item.linesToDraw(scale), qsizetype(0));
    // The name is drawn exactly while its letters are at least kMinLegiblePixels high on screen.
    QVERIFY(QFontMetricsF(QFont()).ascent() * scale < TopologyNodeItem::kMinLegiblePixels * 2);
    item.setBadgesVisible(false);
    QVERIFY(!item.drawsBadgesAt(1.0));
}

void TestTopologyView::noNodeOverlapsAnother_data()
{
    QTest::addColumn<bool>("big");
    QTest::addColumn<int>("aggregateThreshold");
    // The figures of docs/console.md, with room for small changes of the layout.
    QTest::addColumn<int>("maxCrossings");
    QTest::newRow("sample host") << false << 0 << 12;
    // A line per endpoint and per load balancer backend into the grids crossed 40,438 times; bundled,
    // with the load balancers left of the grids, 230-440 (the objects' IDs change the order); with the
    // load balancers' and the host's lines going around boxes, crossing as few lines as they can,
    // 150-260; with the networks' lines going around as well, 180-240.
    QTest::newRow("2,000 endpoints, every one shown") << true << 0 << 440;
    QTest::newRow("2,000 endpoints, big networks collapsed")
        << true << hcn::ui::settings::topologyAggregateThreshold().defaultValue() << 0;
}

void TestTopologyView::noNodeOverlapsAnother()
{
    QFETCH(bool, big);
    QFETCH(int, aggregateThreshold);
    QFETCH(int, maxCrossings);
    Host host;
    if (big)
        host.populateBig();
    else
        QVERIFY(host.loadSampleHost());
    auto dock = makeDock(host);
    dock->diagram()->setAggregateThreshold(aggregateThreshold);
    QVERIFY(dock->waitForLayout(120000));
    TopologyScene* scene = dock->scene();
    QVERIFY(scene->nodeItemCount() > (big && aggregateThreshold == 0 ? 2000 : 10));
    const auto overlaps = scene->overlappingNodes();
    QVERIFY2(overlaps.isEmpty(), qPrintable(overlapsText(overlaps, scene)));
    const int crossings = scene->edgeCrossingCount();
    int drawn = int(scene->bundleItems().size());
    for (const QGraphicsItem* item : scene->items())
        drawn += item->type() == hcn::ui::TopologyEdgeItem::Type && item->isVisible() ? 1 : 0;
    qInfo("%d nodes, %d edges (%d lines drawn, %d of them bundles), %d edge crossings",
          scene->nodeItemCount(), scene->edgeItemCount(), drawn, int(scene->bundleItems().size()), crossings);
    QVERIFY2(crossings <= maxCrossings, qPrintable(QString::number(crossings)));
}

void TestTopologyView::largeGroupsAreSortedGrids()
{
    Host host;
    auto dock = makeBigDock(host);
    QVERIFY(dock);
    TopologyScene* scene = dock->scene();
    QVERIFY(scene->nodeItemCount() > 2000);
    const auto overlaps = scene->overlappingNodes();
    QVERIFY2(overlaps.isEmpty(), qPrintable(overlapsText(overlaps, scene)));

    // The groups: each network's endpoints outside namespaces, the remote endpoints behind each provider
    // address (named by their address: they have no name).
    QHash<QString, QList<const TopologyNodeItem*>> groups;
    for (const hcn::ui::TopologyNode& node : dock->diagram()->graph().nodes()) {
        const TopologyNodeItem* item = scene->nodeItem(node.key);
        QVERIFY(item);
        if (node.kind == hcn::ui::TopologyNodeKind::Endpoint && node.clusterKey.isEmpty())
            groups[node.parentKey].append(item);
        else if (node.kind == hcn::ui::TopologyNodeKind::RemoteEndpoint)
            groups[node.clusterKey].append(item);
    }
    QCOMPARE(groups.size(), 4 + 4); // 4 networks, 4 provider addresses
    const qreal aspect = dock->diagram()->gridAspect();
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        const QList<const TopologyNodeItem*> items = readingOrder(it.value());
        QVERIFY(items.size() >= 50);
        const bool remote = items.front()->node().kind == hcn::ui::TopologyNodeKind::RemoteEndpoint;
        // Name order (numbers as numbers), row by row; remote endpoints by address.
        int previous = -1;
        for (const TopologyNodeItem* item : items) {
            const int number = trailingNumber(item->node().lines.value(remote ? 1 : 0).section('/', 0, 0));
            QVERIFY2(number > previous, qPrintable(QStringLiteral("%1 after %2 in %3")
                                                       .arg(item->node().lines.value(0))
                                                       .arg(previous)
                                                       .arg(it.key())));
            previous = number;
        }
        // A grid, not a long row or column: several rows of equal spacing, shaped about like the view.
        QSet<qreal> rows, columns;
        QRectF bounds;
        for (const TopologyNodeItem* item : items) {
            rows.insert(qRound(item->pos().y() * 2) / 2.0);
            columns.insert(qRound(item->pos().x() * 2) / 2.0);
            bounds = bounds.isNull() ? item->sceneBoundingRect() : bounds.united(item->sceneBoundingRect());
        }
        QVERIFY2(rows.size() > 2 && columns.size() > 2, qPrintable(it.key()));
        QCOMPARE(qsizetype(rows.size()), (items.size() + columns.size() - 1) / columns.size());
        const qreal shape = bounds.width() / bounds.height();
        QVERIFY2(shape > aspect / 2.5 && shape < aspect * 2.5,
                 qPrintable(QStringLiteral("%1: %2 wide for %3").arg(it.key()).arg(shape).arg(aspect)));
    }
}

void TestTopologyView::linesIntoAGridAreOneLine()
{
    Host host;
    auto dock = makeBigDock(host);
    QVERIFY(dock);
    TopologyScene* scene = dock->scene();
    QList<const hcn::ui::TopologyBundleItem*> loadBalancers;
    int networks = 0;
    int members = 0;

    // Each bundle ends at the edge of the grid holding its endpoints, says how many they are, and its
    // single lines are not drawn.
    for (const hcn::ui::TopologyBundleItem* bundle : scene->bundleItems()) {
        QVERIFY(bundle->isVisible());
        const qsizetype n = bundle->members().size();
        if (bundle->kind() == hcn::ui::TopologyEdgeKind::LoadBalancerBackend) {
            loadBalancers.append(bundle);
            QCOMPARE(bundle->label(),
                     n == 1 ? QStringLiteral("1 backend") : QStringLiteral("%1 backends").arg(n));
        } else {
            ++networks;
            QCOMPARE(bundle->from()->node().kind, hcn::ui::TopologyNodeKind::Network);
            QVERIFY(bundle->label().endsWith(QLatin1String("endpoints")));
            QVERIFY(n >= 12);
            members += int(n);
        }
        const QRectF grid = bundle->gridRect().adjusted(-0.5, -0.5, 0.5, 0.5); // rounding
        for (const TopologyNodeItem* member : bundle->members()) {
            QVERIFY(grid.contains(member->sceneBoundingRect()));
            QVERIFY(!scene->edgeItem(bundle->from()->key(), member->key())->isVisible());
        }
        const QPointF end = bundle->path().last();
        QVERIFY(qAbs(end.x() - grid.left()) < 1 || qAbs(end.x() - grid.right()) < 1 ||
                qAbs(end.y() - grid.top()) < 1 || qAbs(end.y() - grid.bottom()) < 1);
    }
    // The 4 networks' loose endpoints and the 4 provider addresses' remote endpoints: 8 grids.
    QCOMPARE(networks, 8);
    QCOMPARE(members, 1800); // every endpoint outside a namespace
    QVERIFY(!loadBalancers.isEmpty());
    // Backends outside grids (in a namespace of two) keep their single lines.
    int single = 0;
    for (const hcn::ui::TopologyEdge& edge : dock->diagram()->graph().edges())
        if (edge.kind == hcn::ui::TopologyEdgeKind::LoadBalancerBackend &&
            scene->edgeItem(edge.from, edge.to)->isVisible())
            ++single;
    QVERIFY(single > 0);

    // Selecting the load balancer (here from another view) draws a line to each backend in its place.
    const hcn::ui::TopologyBundleItem* bundle = loadBalancers.front();
    const TopologyNodeItem* lb = bundle->from();
    const int before = scene->edgeCrossingCount();
    host.selection.setIds({lb->node().objectId}, this);
    QVERIFY(lb->isSelected());
    QVERIFY(!bundle->isVisible());
    for (const TopologyNodeItem* backend : bundle->members())
        QVERIFY(scene->edgeItem(lb->key(), backend->key())->isVisible());

    // Selecting a backend instead shows its own lines and keeps the bundle.
    const TopologyNodeItem* backend = bundle->members().front();
    host.selection.setIds({backend->node().objectId}, this);
    QVERIFY(bundle->isVisible());
    QVERIFY(scene->edgeItem(lb->key(), backend->key())->isVisible());
    QVERIFY(scene->edgeItem(backend->node().parentKey, backend->key())->isVisible());
    if (bundle->members().size() > 1)
        QVERIFY(!scene->edgeItem(lb->key(), bundle->members().at(1)->key())->isVisible());

    // Nothing selected: the bundles alone again.
    host.selection.setIds({}, this);
    QVERIFY(!scene->edgeItem(lb->key(), backend->key())->isVisible());
    QCOMPARE(scene->edgeCrossingCount(), before);
}

void TestTopologyView::linesGoAroundOtherBoxes_data()
{
    QTest::addColumn<bool>("big");
    QTest::addColumn<hcn::ui::TopologyEdgeKind>("kind");
    QTest::addColumn<bool>("sourcesSelected");
    using Kind = hcn::ui::TopologyEdgeKind;
    QTest::newRow("sample host: host to networks") << false << Kind::HostNetwork << false;
    QTest::newRow("sample host: load balancers to backends") << false << Kind::LoadBalancerBackend << false;
    QTest::newRow("sample host: networks to endpoints") << false << Kind::NetworkEndpoint << false;
    QTest::newRow("sample host: networks to remote endpoints") << false << Kind::NetworkRemote << false;
    QTest::newRow("2,000 endpoints: host to networks") << true << Kind::HostNetwork << false;
    // Backends in namespaces of two, beside grids of hundreds, and bundles into the grids.
    QTest::newRow("2,000 endpoints: load balancers to backends")
        << true << Kind::LoadBalancerBackend << false;
    // Every load balancer selected: a line to each backend, also into the grids.
    QTest::newRow("2,000 endpoints: load balancers selected") << true << Kind::LoadBalancerBackend << true;
    // Bundles into the grids and single lines to the endpoints in namespaces.
    QTest::newRow("2,000 endpoints: networks to endpoints") << true << Kind::NetworkEndpoint << false;
    QTest::newRow("2,000 endpoints: networks to remote endpoints") << true << Kind::NetworkRemote << false;
    // Every network selected: a line to each of its 2,000 endpoints.
    QTest::newRow("2,000 endpoints: networks selected") << true << Kind::NetworkEndpoint << true;
}

void TestTopologyView::linesGoAroundOtherBoxes()
{
    QFETCH(bool, big);
    QFETCH(hcn::ui::TopologyEdgeKind, kind);
    QFETCH(bool, sourcesSelected);
    Host host;
    std::unique_ptr<TopologyDock> dock;
    if (big) {
        dock = makeBigDock(host);
        QVERIFY(dock);
    } else {
        QVERIFY(host.loadSampleHost());
        dock = makeDock(host);
        QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    }
    TopologyScene* scene = dock->scene();
    if (sourcesSelected) {
        // The nodes the lines of `kind` start from: load balancers or networks.
        const auto source = kind == hcn::ui::TopologyEdgeKind::LoadBalancerBackend
                                ? hcn::ui::TopologyNodeKind::LoadBalancer
                                : hcn::ui::TopologyNodeKind::Network;
        selectEvery(host, scene, {source}, this);
        for (const hcn::ui::TopologyBundleItem* bundle : scene->bundleItems())
            QVERIFY(bundle->kind() != kind || !bundle->isVisible());
        // The lines shown get their paths from the layout thread.
        QVERIFY(scene->isRouting());
        QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    }
    int lines = 0;
    int bent = 0;
    for (const QGraphicsItem* item : scene->items()) {
        if (!item->isVisible())
            continue;
        QPolygonF path;
        if (item->type() == hcn::ui::TopologyEdgeItem::Type &&
            static_cast<const hcn::ui::TopologyEdgeItem*>(item)->kind() == kind)
            path = static_cast<const hcn::ui::TopologyEdgeItem*>(item)->path();
        else if (item->type() == hcn::ui::TopologyBundleItem::Type &&
                 static_cast<const hcn::ui::TopologyBundleItem*>(item)->kind() == kind)
            path = static_cast<const hcn::ui::TopologyBundleItem*>(item)->path();
        else
            continue;
        ++lines;
        bent += path.size() > 2 ? 1 : 0;
        // A line that bends goes along and across, never slanted.
        for (qsizetype i = 1; path.size() > 2 && i < path.size(); ++i)
            QVERIFY(qFuzzyCompare(path[i].x(), path[i - 1].x()) ||
                    qFuzzyCompare(path[i].y(), path[i - 1].y()));
    }
    QVERIFY(lines > 0);
    const QStringList over = linesOverOtherBoxes(scene, {kind});
    qInfo("%d lines, %d of them bent around boxes, %d times over another box; %d edge crossings in all",
          lines, bent, int(over.size()), scene->edgeCrossingCount());
    QVERIFY2(over.isEmpty(), qPrintable(QStringLiteral("%1 times a line runs over another box, e.g. %2")
                                            .arg(over.size())
                                            .arg(over.mid(0, 5).join(QLatin1String("; ")))));
}

void TestTopologyView::linesArriveWithTheLayout_data()
{
    QTest::addColumn<bool>("big");
    QTest::addColumn<bool>("networksSelected");
    QTest::newRow("sample host") << false << false;
    QTest::newRow("2,000 endpoints") << true << false;
    QTest::newRow("2,000 endpoints, every network selected") << true << true;
}

void TestTopologyView::linesArriveWithTheLayout()
{
    // The picture shown when the boxes take their places already has the lines around the boxes: no
    // straight line over a box until a routing comes back. (A rebuild that moves nothing keeps the
    // paths drawn while it asks again.)
    QFETCH(bool, big);
    QFETCH(bool, networksSelected);
    Host host;
    if (big)
        host.populateBig();
    else
        QVERIFY(host.loadSampleHost());
    auto dock = std::make_unique<TopologyDock>(&host.mirror, &host.selection);
    dock->resize(900, 650);
    dock->diagram()->setAggregateThreshold(0);
    TopologyScene* scene = dock->scene();
    // Each picture with every node placed, as the scene is when the diagram says it changed.
    int pictures = 0;
    QStringList wrong;
    connect(dock->diagram(), &hcn::ui::TopologyDiagram::sceneUpdated, this, [&] {
        if (scene->nodeItemCount() != dock->diagram()->graph().nodes().size())
            return;
        ++pictures;
        const QStringList over = allLinesOverOtherBoxes(scene);
        if (!over.isEmpty())
            wrong << QStringLiteral("picture %1: %2 times over a box, e.g. %3")
                         .arg(pictures)
                         .arg(over.size())
                         .arg(over.first());
    });
    dock->show();
    QVERIFY(dock->waitForLayout(120000));
    QVERIFY(pictures > 0);
    if (networksSelected) {
        selectEvery(host, scene, {hcn::ui::TopologyNodeKind::Network}, this);
        QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    }
    // Laid out again in other places (grids of another shape): the lines move with the boxes.
    const int first = pictures;
    dock->diagram()->setGridAspect(big ? 0.8 : 2.0);
    dock->diagram()->relayout();
    QVERIFY(dock->waitForLayout(120000));
    QVERIFY(pictures > first);
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1String("; "))));
    QVERIFY(allLinesOverOtherBoxes(scene).isEmpty());
}

void TestTopologyView::everyLineKeepsOffTheBoxesInEveryLayout_data()
{
    QTest::addColumn<bool>("big");
    // Each layout differs: new object IDs (the sample host, loaded again) or grids of another shape.
    QTest::newRow("sample host, loaded 6 times") << false;
    QTest::newRow("2,000 endpoints, 6 grid shapes") << true;
}

void TestTopologyView::everyLineKeepsOffTheBoxesInEveryLayout()
{
    QFETCH(bool, big);
    using NodeKind = hcn::ui::TopologyNodeKind;
    const QList<qreal> aspects{1.6, 0.6, 1.0, 2.2, 3.0, 1.3};
    std::unique_ptr<Host> host;
    std::unique_ptr<TopologyDock> dock;
    if (big) {
        host = std::make_unique<Host>();
        dock = makeBigDock(*host);
        QVERIFY(dock);
    }
    int bent = 0;
    for (qsizetype run = 0; run < aspects.size(); ++run) {
        if (big) {
            dock->diagram()->setGridAspect(aspects[run]);
            dock->diagram()->relayout();
        } else {
            dock.reset();
            host = std::make_unique<Host>();
            QVERIFY(host->loadSampleHost());
            dock = makeDock(*host);
        }
        QVERIFY(dock->waitForLayout(120000));
        TopologyScene* scene = dock->scene();
        // As laid out, then with the single lines of every network, then of every load balancer shown.
        const QList<QList<NodeKind>> selections{{}, {NodeKind::Network}, {NodeKind::LoadBalancer}};
        for (const QList<NodeKind>& selected : selections) {
            selectEvery(*host, scene, selected, this);
            QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
            const QString where =
                QStringLiteral("layout %1, %2 kinds selected: ").arg(run + 1).arg(selected.size());
            QVERIFY2(scene->overlappingNodes().isEmpty(),
                     qPrintable(where + QStringLiteral("boxes overlap")));
            const QStringList over = allLinesOverOtherBoxes(scene);
            QVERIFY2(over.isEmpty(),
                     qPrintable(where + QStringLiteral("%1 times a line runs over another box, "
                                                       "e.g. %2")
                                            .arg(over.size())
                                            .arg(over.mid(0, 5).join(QLatin1String("; ")))));
            QCOMPARE(scene->lastRouteFallbacks(), 0);
            bent += scene->lastRouteBent();
        }
        host->selection.setIds({}, this);
        QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    }
    QVERIFY(bent > 0);
    qInfo("%d lines bent in %d layouts", bent, int(aspects.size()));
}

void TestTopologyView::bundlesStayWhereTheyWereWhenNothingMoves()
{
    Host host;
    auto dock = makeBigDock(host);
    QVERIFY(dock);
    TopologyScene* scene = dock->scene();
    const QList<hcn::ui::TopologyBundleItem*> bundles = scene->bundleItems();
    QList<QPolygonF> paths;
    int bent = 0;
    for (const hcn::ui::TopologyBundleItem* bundle : bundles) {
        paths.append(bundle->path());
        bent += bundle->path().size() > 2 ? 1 : 0;
    }
    QVERIFY(bent > 0);

    // A rebuild that changes nothing: every bundle keeps its line around the boxes at once, not a
    // straight line until the layout thread answers again.
    dock->diagram()->rebuildNow();
    QCOMPARE(scene->bundleItems(), bundles);
    for (qsizetype i = 0; i < bundles.size(); ++i)
        QCOMPARE(bundles[i]->path(), paths[i]);
    QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    for (qsizetype i = 0; i < bundles.size(); ++i)
        QCOMPARE(bundles[i]->path(), paths[i]);

    // An endpoint leaves a grid: the bundles into it say so.
    const hcn::ui::TopologyBundleItem* network = nullptr;
    for (const hcn::ui::TopologyBundleItem* bundle : bundles)
        if (bundle->from()->node().lines.value(0) == QLatin1String("l2-a"))
            network = bundle;
    QVERIFY(network);
    QCOMPARE(network->label(), QStringLiteral("550 endpoints"));
    QVERIFY(host.remove(ResourceKind::Endpoint, network->members().back()->node().objectId));
    dock->diagram()->rebuildNow();
    QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    QStringList labels;
    for (const hcn::ui::TopologyBundleItem* bundle : scene->bundleItems())
        if (bundle->from()->node().lines.value(0) == QLatin1String("l2-a"))
            labels.append(bundle->label());
    QCOMPARE(labels, QStringList{QStringLiteral("549 endpoints")});
}

void TestTopologyView::bundleToolTipNamesItsEndpoints_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("toolTip");
    // l2-a's endpoints 0, 1, 8, 9, 16, 17 ... are in namespaces: the grid holds 550, read in name order
    // with numbers as numbers (pod-10 after pod-7, not after pod-1).
    QTest::newRow("network: the first names in grid order, the rest counted")
        << "l2-a"
        << "l2-a \u2192 550 endpoints in this grid\n"
           "l2-a-pod-2, l2-a-pod-3, l2-a-pod-4, l2-a-pod-5, l2-a-pod-6, l2-a-pod-7, l2-a-pod-10, "
           "l2-a-pod-11, and 542 more\n"
           "Select the network or an endpoint to see each line.";
    QTest::newRow("load balancer: every backend named")
        << "VIP 10.96.0.1"
        << "VIP 10.96.0.1 \u2192 3 backends in this grid\n"
           "l2-a-pod-250, l2-a-pod-251, l2-a-pod-252\n"
           "Select the load balancer or a backend to see each line.";
}

void TestTopologyView::bundleToolTipNamesItsEndpoints()
{
    QFETCH(QString, from);
    QFETCH(QString, toolTip);
    Host host;
    auto dock = makeBigDock(host);
    QVERIFY(dock);
    const hcn::ui::TopologyBundleItem* bundle = nullptr;
    for (const hcn::ui::TopologyBundleItem* candidate : dock->scene()->bundleItems())
        if (candidate->from()->node().lines.value(0) == from)
            bundle = candidate;
    QVERIFY(bundle);
    // What the hover shows: the tooltip's rich text as it reads.
    QTextDocument shown;
    shown.setHtml(bundle->toolTip());
    QCOMPARE(shown.toPlainText(), toolTip);
}

void TestTopologyView::overviewHiddenWhileEverythingFits()
{
    Host host;
    const QString nat = host.network("nat", "NAT", "172.20.0.0/24", "172.20.0.1");
    for (int i = 0; i < 8; ++i)
        host.endpoint(nat, QStringLiteral("ep%1").arg(i));
    auto dock = makeDock(host);
    QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    hcn::ui::TopologyMinimap* minimap = dock->minimap();
    QVERIFY(minimap);
    QVERIFY(dock->overviewAction()->isChecked());
    QVERIFY(dock->toolBar()->actions().contains(dock->overviewAction()));
    QVERIFY(!minimap->isNeeded());
    QVERIFY(!minimap->isVisible());
    // Zoomed in, the drawing still fits at a legible zoom: no overview.
    dock->view()->zoomBy(2.0);
    QVERIFY(!minimap->isVisible());

    // A pane too small to read the whole drawing in: fitted, everything is in view and there is no
    // overview; zoomed in to read, the overview appears, and goes with the toggle.
    dock->resize(260, 220);
    dock->fitAction()->trigger();
    QTRY_VERIFY(showsWholeDrawing(dock->view()));
    QVERIFY(!minimap->isVisible());
    dock->view()->setZoom(1.0);
    QTRY_VERIFY(minimap->isVisible());
    QVERIFY(minimap->isNeeded());
    dock->overviewAction()->trigger();
    QVERIFY(!dock->overviewAction()->isChecked());
    QVERIFY(!minimap->isVisible());
    dock->overviewAction()->trigger();
    QVERIFY(minimap->isVisible());
    // Fit: everything in view again, no overview; a big pane, zoomed in: the drawing can be read whole,
    // no overview either.
    dock->fitAction()->trigger();
    QVERIFY(!minimap->isVisible());
    dock->view()->setZoom(1.0);
    QVERIFY(minimap->isVisible());
    dock->resize(900, 650);
    QTRY_VERIFY(!minimap->isVisible());
}

void TestTopologyView::overviewClickAndDragPanTheView()
{
    Host host;
    auto dock = makeOverviewDock(host);
    QVERIFY(dock);
    hcn::ui::TopologyView* view = dock->view();
    hcn::ui::TopologyMinimap* minimap = dock->minimap();
    QVERIFY(!minimap->isVisible()); // fitted: the whole drawing is in view
    view->setZoom(1.0);
    QTRY_VERIFY(minimap->isVisible());
    // The overview sits in the view's corner, over the drawing, inside the viewport.
    QVERIFY(view->viewport()->geometry().contains(minimap->geometry()));
    minimap->refreshNow();
    QVERIFY(minimap->refreshCount() > 0);
    const QRectF drawing = minimap->drawingArea();
    QVERIFY(!drawing.isEmpty());

    auto viewCentre = [view] { return view->mapToScene(view->viewport()->rect().center()); };
    // A scene unit per pixel of the overview, and a pixel of the view, of slack.
    const qreal slack = dock->scene()->sceneRect().width() / drawing.width() + 2.0;
    auto near = [slack](QPointF a, QPointF b) { return QLineF(a, b).length() <= 2 * slack; };

    const QPoint click =
        (drawing.topLeft() + QPointF(drawing.width() * 0.45, drawing.height() * 0.5)).toPoint();
    const QPointF target = minimap->mapToScene(click);
    QTest::mouseClick(minimap, Qt::LeftButton, {}, click);
    QVERIFY2(near(viewCentre(), target), qPrintable(QStringLiteral("centre %1,%2 target %3,%4")
                                                        .arg(viewCentre().x())
                                                        .arg(viewCentre().y())
                                                        .arg(target.x())
                                                        .arg(target.y())));
    QVERIFY(!view->isAutoFit());

    // Dragging follows the pointer.
    const QPoint from = click;
    const QPoint to =
        (drawing.topLeft() + QPointF(drawing.width() * 0.55, drawing.height() * 0.45)).toPoint();
    QTest::mousePress(minimap, Qt::LeftButton, {}, from);
    QMouseEvent move(QEvent::MouseMove, QPointF(to), minimap->mapToGlobal(QPointF(to)), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(minimap, &move);
    QTest::mouseRelease(minimap, Qt::LeftButton, {}, to);
    QVERIFY(near(viewCentre(), minimap->mapToScene(to)));
}

void TestTopologyView::overviewRectangleFollowsPansAndZooms()
{
    Host host;
    auto dock = makeOverviewDock(host);
    QVERIFY(dock);
    hcn::ui::TopologyView* view = dock->view();
    hcn::ui::TopologyMinimap* minimap = dock->minimap();

    // Zoomed in: a rectangle around the view's centre, half as wide for twice the zoom.
    view->setZoom(0.8);
    view->centerOn(dock->scene()->sceneRect().center());
    QTRY_VERIFY(minimap->isVisible());
    minimap->refreshNow();
    const QRectF at08 = minimap->visibleArea();
    QVERIFY(at08.width() < minimap->drawingArea().width());
    QVERIFY(QLineF(at08.center(), minimap->mapFromScene(view->mapToScene(view->viewport()->rect().center())))
                .length() < 2.0);
    view->setZoom(1.6);
    const QRectF at16 = minimap->visibleArea();
    QVERIFY2(qAbs(at16.width() * 2 - at08.width()) < 2.0,
             qPrintable(QStringLiteral("%1 then %2").arg(at08.width()).arg(at16.width())));

    // Panned: the rectangle moves with the view, by the same distance scaled down.
    const QPointF before = at16.center();
    const QPointF sceneBefore = view->mapToScene(view->viewport()->rect().center());
    view->horizontalScrollBar()->setValue(view->horizontalScrollBar()->value() + 300);
    const QPointF sceneAfter = view->mapToScene(view->viewport()->rect().center());
    QVERIFY(sceneAfter.x() > sceneBefore.x());
    const QPointF moved = minimap->visibleArea().center() - before;
    const QPointF expected = minimap->mapFromScene(sceneAfter) - minimap->mapFromScene(sceneBefore);
    QVERIFY(QLineF(moved, expected).length() < 1.0);
    QVERIFY(moved.x() > 0);

    // Zoomed out until the whole drawing is in view: the rectangle covers it all, and the overview goes.
    view->setZoom(0.15);
    QVERIFY(minimap->visibleArea().adjusted(-2, -2, 2, 2).contains(minimap->drawingArea()));
    QVERIFY(!minimap->isVisible());
}

void TestTopologyView::narrowPaneKeepsEveryActionReachable()
{
    Host host;
    host.network("nat", "NAT", "172.20.0.0/24", "172.20.0.1");
    auto dock = makeDock(host);
    QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    QToolBar* bar = dock->toolBar();
    const QList<QAction*> actions = bar->actions();
    QVERIFY(actions.contains(dock->legendAction()));
    // A narrow pane: the search and threshold row still fits, the actions do not.
    QVERIFY(dock->minimumSizeHint().width() <= 360);
    dock->resize(360, 400);
    QTRY_VERIFY(bar->width() <= 360);
    auto* extension = bar->findChild<QToolButton*>(QStringLiteral("qt_toolbar_ext_button"));
    QVERIFY(extension);
    QTRY_VERIFY(extension->isVisible()); // not everything fits: the overflow button shows
    // The overflow menu is what the button opens: every action is either on the bar or in it.
    QMenu* overflow = extension->menu();
    QVERIFY(overflow);
    for (QAction* action : actions) {
        if (action->isSeparator())
            continue;
        QWidget* button = bar->widgetForAction(action);
        const bool onBar = button && button->isVisible() && bar->rect().contains(button->geometry());
        QVERIFY2(onBar || overflow->actions().contains(action), qPrintable(action->text()));
    }
    // The search and the threshold keep their row, inside the pane.
    for (QWidget* widget :
         {static_cast<QWidget*>(dock->findChild<QLineEdit*>("topologySearch")),
          static_cast<QWidget*>(dock->findChild<QSpinBox*>("topologyAggregateThreshold"))}) {
        QVERIFY(widget->isVisible());
        const QRect inDock(widget->mapTo(dock.get(), QPoint(0, 0)), widget->size());
        QVERIFY2(dock->rect().contains(inDock), widget->objectName().toLatin1());
    }
    // Each action says what it does, not just its name.
    for (QAction* action : actions)
        if (!action->isSeparator())
            QVERIFY2(action->toolTip().size() > action->text().size() + 10, qPrintable(action->text()));
}

void TestTopologyView::legendExplainsTheDrawing()
{
    Host host;
    auto dock = makeDock(host);
    dock->legendAction()->trigger();
    QVERIFY(dock->legend());
    QVERIFY(dock->legend()->isVisible());
    const QString html = hcn::ui::TopologyLegend::html();
    for (const char* term :
         {"Host", "Network", "Endpoint", "Remote endpoint", "Namespace", "Load balancer",
          "Collapsed endpoints", "VIP", "frame", "badges", "Fit", "grid", "overview", "backends", "select"})
        QVERIFY2(html.contains(QLatin1String(term)), term);
    // The swatches are the colours the boxes are drawn in.
    QVERIFY(html.contains(TopologyNodeItem::fillColor(hcn::ui::TopologyNodeKind::Endpoint).name()));
    QVERIFY(html.contains(TopologyNodeItem::borderColor(hcn::ui::TopologyNodeKind::LoadBalancer).name()));
}

void TestTopologyView::attachedEndpointKeepsTheFrameToItsMembers()
{
    Host host;
    const QString nat = host.network("nat", "NAT", "172.20.0.0/24", "172.20.0.1");
    const QString l2 = host.network("l2", "L2Bridge", "10.10.0.0/24", "10.10.0.1");
    QStringList eps;
    for (int i = 0; i < 6; ++i)
        eps.append(host.endpoint(i % 2 ? l2 : nat, QStringLiteral("ep%1").arg(i)));
    auto dock = makeDock(host);
    QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    TopologyScene* scene = dock->scene();

    // A namespace arrives, then an endpoint of the NAT network is attached to it (as a container
    // starts), then a second one of the other network.
    const QString ns = host.create(ResourceKind::Namespace, v2({}));
    QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    QVERIFY(host.attach(ns, eps[0]));
    QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    const QString frameKey = TopologyGraphBuilder::namespaceClusterKey(ns);
    auto checkFrame = [&](const QStringList& members) {
        const hcn::ui::TopologyClusterItem* frame = scene->clusterItem(frameKey);
        QVERIFY(frame);
        QVERIFY(frame->isVisible());
        const QRectF rect = frame->sceneBoundingRect();
        for (const QString& member : members)
            QVERIFY2(rect.contains(scene->nodeItem(member)->sceneBoundingRect()), qPrintable(member));
        // Host and networks are never drawn inside a namespace's frame, nor are other endpoints.
        for (const TopologyNodeItem* item : scene->nodeItems()) {
            const QRectF box = item->mapRectToScene(item->shape().boundingRect());
            if (!members.contains(item->key()))
                QVERIFY2(!rect.intersects(box), qPrintable(QStringLiteral("%1 %2 in frame %3")
                                                               .arg(item->node().lines.value(0))
                                                               .arg(QStringLiteral("(%1,%2 %3x%4)")
                                                                        .arg(box.x())
                                                                        .arg(box.y())
                                                                        .arg(box.width())
                                                                        .arg(box.height()),
                                                                    QStringLiteral("(%1,%2 %3x%4)")
                                                                        .arg(rect.x())
                                                                        .arg(rect.y())
                                                                        .arg(rect.width())
                                                                        .arg(rect.height()))));
        }
        QVERIFY(scene->framesCoveringOthers().isEmpty());
    };
    checkFrame({ns, eps[0]});
    if (QTest::currentTestFailed())
        return;
    QVERIFY(host.attach(ns, eps[1]));
    QVERIFY(dock->waitForLayout(kLayoutTimeoutMs));
    checkFrame({ns, eps[0], eps[1]});
    QVERIFY(scene->overlappingNodes().isEmpty());
}

QTEST_MAIN(TestTopologyView)
#include "tst_topologyview.moc"
