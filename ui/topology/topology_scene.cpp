#include "topology/topology_scene.h"

#include "topology/topology_bundle_item.h"
#include "topology/topology_cluster_item.h"
#include "topology/topology_edge_item.h"
#include "topology/topology_graph_builder.h"
#include "topology/topology_grid.h"
#include "topology/topology_layout_thread.h"
#include "topology/topology_node_item.h"
#include "topology/topology_route_plan.h"

#include <QSet>

namespace hcn::ui {

namespace {
constexpr qreal kSceneMargin = 40.0;

QString bundleKey(const TopologyBundleItem* bundle)
{
    return TopologyRoutePlan::bundleKey(bundle->from()->key(),
                                        TopologyGridPlan::groupKeyOf(bundle->members().front()->node()));
}
} // namespace

TopologyScene::TopologyScene(QObject* parent) : QGraphicsScene(parent)
{
    // Thousands of static items: the BSP index makes view-area lookups (painting, hit tests) cheap.
    setItemIndexMethod(BspTreeIndex);
    setBackgroundBrush(QColor(0xfb, 0xfb, 0xfc));
    connect(this, &QGraphicsScene::selectionChanged, this, &TopologyScene::updateBundledEdges);
    connect(TopologyLayoutThread::shared(), &TopologyLayoutThread::routed, this, &TopologyScene::onRouted);
}

TopologyScene::~TopologyScene()
{
    clearAll();
}

void TopologyScene::clearAll()
{
    // Bundles and edges first: they hold pointers into node items.
    qDeleteAll(m_bundles);
    m_bundles.clear();
    m_bundleKeys.clear();
    m_bundledEdges.clear();
    qDeleteAll(m_edges);
    m_edges.clear();
    qDeleteAll(m_clusters);
    m_clusters.clear();
    m_sentStraight.clear();
    m_routingScheduled = false;
    m_routesComing = false;
    m_routedGeneration = m_routeGeneration; // a routing still on its way draws nothing
    qDeleteAll(m_nodes);
    m_nodes.clear();
    m_memory.clear();
    m_graph = {};
    m_gridLines = {};
}

void TopologyScene::removeNode(const QString& key)
{
    TopologyNodeItem* item = m_nodes.take(key);
    if (!item)
        return;
    m_memory.insert(key, item->pos());
    const QList<TopologyEdgeItem*> edges = item->edges();
    for (TopologyEdgeItem* edge : edges) {
        m_edges.remove(edge->from()->key() + QLatin1String("->") + edge->to()->key());
        m_bundledEdges.remove(edge);
        delete edge;
    }
    delete item;
}

QStringList TopologyScene::apply(const TopologyGraph& graph, const QHash<QString, QPointF>& newPositions,
                                 const QHash<QString, QSizeF>& boxSizes, const TopologyGridLines& gridLines)
{
    m_graph = graph;
    m_gridLines = gridLines;
    const QList<QString> existing = m_nodes.keys();
    for (const QString& key : existing)
        if (!graph.node(key))
            removeNode(key);

    QStringList unplaced;
    QSet<const TopologyNodeItem*> renewed; // new or with new content: their bundles are made again
    for (const TopologyNode& node : graph.nodes()) {
        if (TopologyNodeItem* item = m_nodes.value(node.key)) {
            if (item->setNode(node, boxSizes.value(node.key)))
                renewed.insert(item);
            item->setCompareMark(compareMarkOf(node));
            continue;
        }
        const auto position = newPositions.constFind(node.key);
        if (position == newPositions.constEnd()) {
            unplaced.append(node.key);
            continue;
        }
        auto* item = new TopologyNodeItem(node, boxSizes.value(node.key));
        item->setPos(*position);
        item->setBadgesVisible(m_badgesVisible);
        item->setCompareMark(compareMarkOf(node));
        if (!m_query.isEmpty()) {
            item->setHighlighted(matches(node, m_query));
            item->setDimmed(!item->isHighlighted());
        }
        addItem(item);
        m_nodes.insert(node.key, item);
        m_memory.remove(node.key);
        renewed.insert(item);
    }
    syncEdges();
    syncClusters();
    syncBundles(renewed);
    scheduleRouting();
    updateSceneRect();
    return unplaced;
}

void TopologyScene::moveAll(const QHash<QString, QPointF>& positions)
{
    for (auto it = positions.constBegin(); it != positions.constEnd(); ++it)
        if (TopologyNodeItem* item = m_nodes.value(it.key()))
            item->setPos(it.value()); // edges follow through itemChange
    m_memory.clear();
    syncClusters();
    for (TopologyBundleItem* bundle : std::as_const(m_bundles))
        bundle->updateGeometry();
    scheduleRouting();
    updateSceneRect();
}

void TopologyScene::syncEdges()
{
    QSet<QString> wanted;
    const QList<TopologyEdge>& edges = m_graph.edges();
    for (qsizetype i = 0; i < edges.size(); ++i) {
        const TopologyEdge& edge = edges[i];
        if (edge.kind == TopologyEdgeKind::NamespaceMember)
            continue; // layout-only: the frame already shows membership
        TopologyNodeItem* from = m_nodes.value(edge.from);
        TopologyNodeItem* to = m_nodes.value(edge.to);
        if (!from || !to)
            continue;
        const QString& key = m_graph.edgeKeys()[i];
        wanted.insert(key);
        TopologyEdgeItem* item = m_edges.value(key);
        if (item && item->kind() != edge.kind) {
            m_bundledEdges.remove(item);
            delete m_edges.take(key);
            item = nullptr;
        }
        if (!item) {
            item = new TopologyEdgeItem(edge.kind, from, to);
            addItem(item);
            m_edges.insert(key, item);
        }
    }
    for (auto it = m_edges.begin(); it != m_edges.end();) {
        if (!wanted.contains(it.key())) {
            m_bundledEdges.remove(it.value());
            delete it.value();
            it = m_edges.erase(it);
        } else {
            ++it;
        }
    }
}

void TopologyScene::syncClusters()
{
    QHash<QString, QList<TopologyNodeItem*>> members;
    for (const TopologyNode& node : m_graph.nodes())
        if (!node.clusterKey.isEmpty())
            if (TopologyNodeItem* item = m_nodes.value(node.key))
                members[node.clusterKey].append(item);
    QSet<QString> wanted;
    for (const TopologyCluster& cluster : m_graph.clusters()) {
        wanted.insert(cluster.key);
        TopologyClusterItem* item = m_clusters.value(cluster.key);
        if (!item) {
            item = new TopologyClusterItem(cluster);
            addItem(item);
            m_clusters.insert(cluster.key, item);
        }
        item->setCluster(cluster);
        item->setMembers(members.value(cluster.key));
    }
    for (auto it = m_clusters.begin(); it != m_clusters.end();) {
        if (!wanted.contains(it.key())) {
            delete it.value();
            it = m_clusters.erase(it);
        } else {
            ++it;
        }
    }
}

void TopologyScene::syncBundles(const QSet<const TopologyNodeItem*>& renewed)
{
    // The bundles drawn now, by key: one whose line, ends and grid stay as they were is kept (with the
    // path it was routed along), the others are made again.
    // (Their keys as made: a bundle's nodes may be gone already.)
    QHash<QString, TopologyBundleItem*> previous;
    for (qsizetype i = 0; i < m_bundles.size(); ++i)
        previous.insert(m_bundleKeys.at(i), m_bundles.at(i));
    m_bundles.clear();
    m_bundleKeys.clear();
    const QSet<TopologyEdgeItem*> wasBundled = std::exchange(m_bundledEdges, {});

    const TopologyGridLines lines = gridLines();
    const QHash<QString, QList<TopologyNodeItem*>> groups = grids(lines);
    // Per node, the ends of its edges in each grid (graph order: the same picture every time).
    struct Bundle
    {
        TopologyEdgeKind kind;
        QString from;
        QString group;
        QList<TopologyNodeItem*> members;
    };
    QList<Bundle> bundles;
    bundles.reserve(lines.bundles.size());
    for (const TopologyBundlePlan& plan : lines.bundles) {
        Bundle bundle{plan.kind, plan.from, plan.group, {}};
        bundle.members.reserve(plan.edges.size());
        for (qsizetype index : plan.edges)
            if (TopologyEdgeItem* item = m_edges.value(m_graph.edgeKeys()[index])) {
                bundle.members.append(item->to());
                m_bundledEdges.insert(item);
            }
        bundles.append(bundle);
    }
    // Edges no longer bundled are drawn again (updateBundledEdges decides for the bundled ones).
    for (TopologyEdgeItem* edge : wasBundled)
        if (!m_bundledEdges.contains(edge))
            edge->setVisible(true);
    auto unchanged = [&renewed](const TopologyBundleItem* item, const Bundle& bundle, TopologyNodeItem* from,
                                const QList<TopologyNodeItem*>& grid) {
        if (item->kind() != bundle.kind || item->from() != from || item->members() != bundle.members ||
            item->grid() != grid || renewed.contains(from))
            return false;
        for (const TopologyNodeItem* member : grid)
            if (renewed.contains(member))
                return false;
        return true;
    };
    for (const Bundle& bundle : std::as_const(bundles)) {
        TopologyNodeItem* from = m_nodes.value(bundle.from);
        const QList<TopologyNodeItem*> grid = groups.value(bundle.group);
        const QString key = TopologyRoutePlan::bundleKey(bundle.from, bundle.group);
        TopologyBundleItem* item = previous.take(key);
        if (item && !unchanged(item, bundle, from, grid)) {
            delete item;
            item = nullptr;
        }
        if (!item) {
            item = new TopologyBundleItem(bundle.kind, from, bundle.members, grid);
            addItem(item);
        }
        m_bundles.append(item);
        m_bundleKeys.append(key);
    }
    qDeleteAll(previous);
    updateBundledEdges();
}

TopologyGridLines TopologyScene::gridLines() const
{
    // The scene's nodes are the graph's that have a place: as many means every one.
    if (m_gridLines.computed && m_nodes.size() == m_graph.nodes().size())
        return m_gridLines;
    return TopologyRoutePlan::gridLines(m_graph,
                                        [this](const QString& key) { return m_nodes.contains(key); });
}

QHash<QString, QList<TopologyNodeItem*>> TopologyScene::grids(const TopologyGridLines& lines) const
{
    // The grids as the layout makes them: groups of enough endpoints (TopologyGridPlan).
    QHash<QString, QList<TopologyNodeItem*>> groups;
    const QHash<QString, QStringList>& keys = lines.grids;
    for (auto it = keys.cbegin(); it != keys.cend(); ++it) {
        QList<TopologyNodeItem*>& members = groups[it.key()];
        members.reserve(it.value().size());
        for (const QString& key : it.value())
            members.append(m_nodes.value(key));
    }
    return groups;
}

bool TopologyScene::goesAround(TopologyEdgeKind kind)
{
    return TopologyRoutePlan::goesAround(kind);
}

namespace {
// Unique across every scene of the process: they share the layout thread and its routed signal.
std::atomic<quint64> g_nextRouteGeneration{1};

} // namespace

void TopologyScene::scheduleRouting()
{
    // Once per turn of the event loop: a layout moves the nodes, then syncs items, each asking. Not
    // while a layout's paths are on their way: takeRoutes() asks if they do not fit.
    if (m_routesComing || std::exchange(m_routingScheduled, true))
        return;
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (std::exchange(m_routingScheduled, false))
                routeLines();
        },
        Qt::QueuedConnection);
}

QHash<QString, TopologyPlacedBox> TopologyScene::placedBoxes() const
{
    QHash<QString, TopologyPlacedBox> out;
    out.reserve(m_nodes.size());
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it)
        out.insert(it.key(), {it.value()->pos(), it.value()->size()});
    return out;
}

QSet<QString> TopologyScene::selectedNodeKeys() const
{
    QSet<QString> out;
    for (const QGraphicsItem* item : selectedItems())
        if (item->type() == TopologyNodeItem::Type)
            out.insert(static_cast<const TopologyNodeItem*>(item)->key());
    return out;
}

quint64 TopologyScene::nextRouteGeneration()
{
    return g_nextRouteGeneration++;
}

void TopologyScene::routeLines()
{
    // The boxes as drawn and the lines shown (TopologyRoutePlan), a linear pass; the search runs on
    // the layout thread.
    const TopologyGridLines lines = gridLines();
    TopologyRouteRequest request =
        TopologyRoutePlan::request(m_graph, placedBoxes(), selectedNodeKeys(), &lines);
    m_sentStraight.clear();
    for (const TopologyRouteLine& line : std::as_const(request.lines))
        m_sentStraight.insert(line.key, line.straight);
    request.generation = nextRouteGeneration();
    request.wanted = m_wantedRoute;
    m_routeGeneration = request.generation;
    m_wantedRoute->store(request.generation);
    TopologyLayoutThread::shared()->submitRoutes(request);
}

void TopologyScene::setRoutesComing(bool coming)
{
    if (!coming && !m_routesComing)
        return;
    m_routesComing = coming;
    if (!coming) {
        scheduleRouting();
        return;
    }
    supersedeRouting(); // a routing asked for before (or about to be) is for boxes about to move
}

void TopologyScene::supersedeRouting()
{
    m_routingScheduled = false;
    m_routedAgain = false;
    m_sentStraight.clear();
    m_routeGeneration = nextRouteGeneration();
    m_wantedRoute->store(m_routeGeneration);
}

bool TopologyScene::takeRoutes(const TopologyRouteResult& result, const QHash<QString, QPolygonF>& straight)
{
    m_routesComing = false;
    if (!fitsShownLines(result, straight)) {
        scheduleRouting();
        return false;
    }
    return true;
}

bool TopologyScene::fitsShownLines(const TopologyRouteResult& result,
                                   const QHash<QString, QPolygonF>& straight)
{
    // Only when every line shown now is one the paths were found for, from where it stands now (a
    // graph applied or a node dragged since, a selection changed: the scene asks again itself).
    QList<QPair<TopologyEdgeItem*, QPolygonF>> edges;
    QList<QPair<TopologyBundleItem*, QPolygonF>> bundles;
    edges.reserve(result.paths.size());
    for (auto it = m_edges.cbegin(); it != m_edges.cend(); ++it) {
        TopologyEdgeItem* edge = it.value();
        if (!edge->isVisible() || !edge->from() || !edge->to())
            continue;
        const auto path = result.paths.constFind(it.key());
        if (path == result.paths.cend() || straight.value(it.key()) != edge->straightPath())
            return false;
        edges.append({edge, *path});
    }
    for (TopologyBundleItem* bundle : std::as_const(m_bundles)) {
        if (!bundle->isVisible() || bundle->members().isEmpty())
            continue;
        const QString key = bundleKey(bundle);
        const auto path = result.paths.constFind(key);
        if (path == result.paths.cend() || straight.value(key) != bundle->straightPath())
            return false;
        bundles.append({bundle, *path});
    }
    if (edges.size() + bundles.size() != result.paths.size())
        return false; // lines found that are not shown: another graph
    for (const auto& [edge, path] : std::as_const(edges))
        edge->setPath(path);
    for (const auto& [bundle, path] : std::as_const(bundles))
        bundle->setPath(path);
    // Drawn: a routing asked for before is superseded, one still to be asked for is not needed.
    supersedeRouting();
    m_routedGeneration = m_routeGeneration;
    m_lastRoute = result;
    m_lastRoute.paths.clear();
    return true; // drawn with the layout, which the diagram finishes itself (no linesRouted())
}

void TopologyScene::onRouted(const TopologyRouteResult& result)
{
    if (result.generation != m_routeGeneration || m_routedGeneration == m_routeGeneration)
        return; // another scene's, or superseded
    m_routedGeneration = result.generation;
    m_lastRoute = result;
    m_lastRoute.paths.clear();
    QHash<QString, TopologyBundleItem*> bundles;
    for (TopologyBundleItem* bundle : std::as_const(m_bundles))
        if (!bundle->members().isEmpty())
            bundles.insert(bundleKey(bundle), bundle);
    // A line whose boxes moved since (a node dragged) keeps the straight line it has now, and the lines
    // are routed again, once.
    int moved = 0;
    for (auto it = result.paths.cbegin(); it != result.paths.cend(); ++it) {
        const QPolygonF sent = m_sentStraight.value(it.key());
        if (TopologyEdgeItem* edge = m_edges.value(it.key())) {
            if (edge->from() && edge->to() && edge->straightPath() == sent)
                edge->setPath(it.value());
            else
                ++moved;
        } else if (TopologyBundleItem* bundle = bundles.value(it.key())) {
            if (bundle->straightPath() == sent)
                bundle->setPath(it.value());
            else
                ++moved;
        }
    }
    m_sentStraight.clear();
    if (moved > 0 && !std::exchange(m_routedAgain, true)) {
        scheduleRouting();
        return;
    }
    m_routedAgain = false;
    emit linesRouted();
}

void TopologyScene::updateBundledEdges()
{
    // Lines newly shown or hidden change what the others go around: route again (on the layout thread,
    // which reuses the paths it found among the same boxes).
    bool changed = false;
    for (TopologyEdgeItem* edge : std::as_const(m_bundledEdges)) {
        const bool shown = edge->from()->isSelected() || edge->to()->isSelected();
        changed = changed || (shown != edge->isVisible() && goesAround(edge->kind()));
        edge->setVisible(shown);
    }
    // A selected network or load balancer shows its single lines instead of its bundles.
    for (TopologyBundleItem* bundle : std::as_const(m_bundles)) {
        const bool shown = !bundle->from()->isSelected();
        changed = changed || (shown != bundle->isVisible() && goesAround(bundle->kind()));
        bundle->setVisible(shown);
    }
    if (changed && !m_nodes.isEmpty())
        scheduleRouting();
}

TopologyEdgeItem* TopologyScene::edgeItem(const QString& from, const QString& to) const
{
    return m_edges.value(from + QLatin1String("->") + to);
}

void TopologyScene::updateSceneRect()
{
    setSceneRect(contentRect());
}

QRectF TopologyScene::contentRect() const
{
    QRectF rect;
    for (const TopologyNodeItem* item : m_nodes)
        rect = rect.united(item->sceneBoundingRect());
    for (const TopologyClusterItem* item : m_clusters)
        if (item->isVisible())
            rect = rect.united(item->sceneBoundingRect());
    return rect.adjusted(-kSceneMargin, -kSceneMargin, kSceneMargin, kSceneMargin);
}

QList<QPair<QString, QString>> TopologyScene::overlappingNodes() const
{
    QList<QPair<QString, QString>> out;
    for (const TopologyNodeItem* item : m_nodes) {
        const QRectF box = item->mapRectToScene(item->shape().boundingRect());
        // The scene's index finds the neighbours; each pair is reported once (by key order).
        for (QGraphicsItem* other : items(box, Qt::IntersectsItemBoundingRect)) {
            if (other == item || other->type() != TopologyNodeItem::Type)
                continue;
            const auto* node = static_cast<const TopologyNodeItem*>(other);
            if (node->key() <= item->key())
                continue;
            if (box.intersects(node->mapRectToScene(node->shape().boundingRect())))
                out.append({item->key(), node->key()});
        }
    }
    return out;
}

QSet<QString> TopologyScene::framesCoveringOthers() const
{
    QSet<QString> out;
    for (auto it = m_clusters.constBegin(); it != m_clusters.constEnd(); ++it) {
        const TopologyClusterItem* frame = it.value();
        if (!frame->isVisible())
            continue;
        const QRectF rect = frame->sceneBoundingRect();
        for (QGraphicsItem* other : items(rect, Qt::IntersectsItemShape)) {
            if (other->type() != TopologyNodeItem::Type)
                continue;
            if (static_cast<const TopologyNodeItem*>(other)->node().clusterKey != it.key()) {
                out.insert(it.key());
                break;
            }
        }
    }
    return out;
}

int TopologyScene::edgeCrossingCount() const
{
    // Each drawn line with its two ends; a bundle's grid end is the bundle itself (shared with none).
    struct Drawn
    {
        QPolygonF path;
        QRectF bounds;
        const QGraphicsItem* from;
        const QGraphicsItem* to;
    };
    QList<Drawn> lines;
    lines.reserve(m_edges.size() + m_bundles.size());
    for (const TopologyEdgeItem* edge : m_edges)
        if (edge->isVisible())
            lines.append(
                {edge->path(), edge->path().boundingRect().adjusted(-1, -1, 1, 1), edge->from(), edge->to()});
    for (const TopologyBundleItem* bundle : m_bundles)
        if (bundle->isVisible())
            lines.append({bundle->path(), bundle->path().boundingRect().adjusted(-1, -1, 1, 1),
                          bundle->from(), bundle});
    auto crossings = [](const QPolygonF& a, const QPolygonF& b) {
        int n = 0;
        for (qsizetype i = 0; i + 1 < a.size(); ++i)
            for (qsizetype j = 0; j + 1 < b.size(); ++j)
                if (QLineF(a[i], a[i + 1]).intersects(QLineF(b[j], b[j + 1])) == QLineF::BoundedIntersection)
                    ++n;
        return n;
    };
    int count = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const Drawn& a = lines[i];
        for (qsizetype j = i + 1; j < lines.size(); ++j) {
            const Drawn& b = lines[j];
            if (a.from == b.from || a.from == b.to || a.to == b.from || a.to == b.to)
                continue; // lines meeting at a shared box are not a crossing
            if (a.bounds.intersects(b.bounds))
                count += crossings(a.path, b.path);
        }
    }
    return count;
}

TopologyNodeItem* TopologyScene::nodeItemOfObject(const QString& objectId) const
{
    const QString key = m_graph.nodeKeyOfObject(objectId);
    if (!key.isEmpty())
        return m_nodes.value(key);
    return nullptr;
}

std::optional<QPointF> TopologyScene::rememberedPosition(const QString& key) const
{
    const auto it = m_memory.constFind(key);
    if (it == m_memory.constEnd())
        return std::nullopt;
    return *it;
}

QHash<QString, QPointF> TopologyScene::positions() const
{
    QHash<QString, QPointF> out;
    out.reserve(m_nodes.size());
    for (auto it = m_nodes.constBegin(); it != m_nodes.constEnd(); ++it)
        out.insert(it.key(), it.value()->pos());
    return out;
}

bool TopologyScene::matches(const TopologyNode& node, const QString& query)
{
    const QString q = query.trimmed().toLower();
    if (q.isEmpty())
        return false;
    for (qsizetype i = 0; i < node.searchTerms.size(); ++i) {
        const QString& term = node.searchTerms[i];
        if (term.isEmpty())
            continue;
        // Names match anywhere ("web" finds "frontend-web"); IPs, MACs and IDs by prefix.
        if (term.startsWith(q))
            return true;
    }
    return !node.lines.isEmpty() && node.lines.front().toLower().contains(q);
}

QStringList TopologyScene::highlight(const QString& query)
{
    m_query = query.trimmed();
    QSet<QString> marked;
    for (const QString& id : std::as_const(m_markedObjects))
        if (const QString key = m_graph.nodeKeyOfObject(id); !key.isEmpty())
            marked.insert(key);
    QStringList matching;
    for (const TopologyNode& node : m_graph.nodes()) {
        TopologyNodeItem* item = m_nodes.value(node.key);
        if (!item)
            continue;
        const bool match = !m_query.isEmpty() && matches(node, m_query);
        item->setHighlighted(match || marked.contains(node.key));
        item->setDimmed(!m_query.isEmpty() && !match);
        if (match)
            matching.append(node.key);
    }
    return matching;
}

QStringList TopologyScene::markObjects(const QStringList& objectIds)
{
    m_markedObjects = objectIds;
    highlight(m_query);
    QStringList keys;
    for (const QString& id : objectIds)
        if (const QString key = m_graph.nodeKeyOfObject(id); !key.isEmpty() && m_nodes.contains(key) &&
                                                               !keys.contains(key))
            keys.append(key);
    return keys;
}

CompareMark TopologyScene::compareMarkOf(const TopologyNode& node) const
{
    if (node.kind == TopologyNodeKind::Host || node.kind == TopologyNodeKind::Aggregate)
        return CompareMark::None;
    return m_compareMarks.value(node.objectId, CompareMark::None);
}

void TopologyScene::setCompareMarks(const CompareMarks& marks)
{
    m_compareMarks = marks;
    for (TopologyNodeItem* item : std::as_const(m_nodes))
        item->setCompareMark(compareMarkOf(item->node()));
}

void TopologyScene::setBadgesVisible(bool visible)
{
    m_badgesVisible = visible;
    for (TopologyNodeItem* item : std::as_const(m_nodes))
        item->setBadgesVisible(visible);
}

} // namespace hcn::ui
