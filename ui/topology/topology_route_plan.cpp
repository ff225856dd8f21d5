#include "topology/topology_route_plan.h"

#include "topology/topology_edge_item.h"
#include "topology/topology_grid.h"

namespace hcn::ui {

QHash<QString, QStringList> TopologyRoutePlan::grids(const TopologyGraph& graph, const Placed& placed)
{
    QHash<QString, QStringList> groups;
    for (const TopologyNode& node : graph.nodes())
        if (const QString group = TopologyGridPlan::groupKeyOf(node); !group.isEmpty() && placed(node.key))
            groups[group].append(node.key);
    for (auto it = groups.begin(); it != groups.end();)
        it = it.value().size() < TopologyGridPlan::kMinimumMembers ? groups.erase(it) : std::next(it);
    return groups;
}

QList<TopologyBundlePlan> TopologyRoutePlan::bundles(const TopologyGraph& graph,
                                                     const QHash<QString, QStringList>& grids,
                                                     const Placed& placed)
{
    QList<TopologyBundlePlan> out;
    QHash<QPair<QString, QString>, qsizetype> bundleOf;
    const QList<TopologyEdge>& edges = graph.edges();
    for (qsizetype i = 0; i < edges.size(); ++i) {
        const TopologyEdge& edge = edges[i];
        if (edge.kind != TopologyEdgeKind::LoadBalancerBackend &&
            edge.kind != TopologyEdgeKind::NetworkEndpoint && edge.kind != TopologyEdgeKind::NetworkRemote)
            continue;
        const TopologyNode* member = graph.node(edge.to);
        if (!member || !placed(edge.from) || !placed(edge.to))
            continue;
        const QString group = TopologyGridPlan::groupKeyOf(*member);
        if (!grids.contains(group))
            continue;
        const QPair<QString, QString> key(edge.from, group);
        auto at = bundleOf.constFind(key);
        if (at == bundleOf.cend()) {
            at = bundleOf.insert(key, out.size());
            out.append({edge.kind, edge.from, group, {}});
        }
        out[*at].edges.append(i);
    }
    return out;
}

TopologyGridLines TopologyRoutePlan::gridLines(const TopologyGraph& graph, const Placed& placed)
{
    TopologyGridLines out;
    out.computed = true;
    out.grids = grids(graph, placed);
    out.bundles = bundles(graph, out.grids, placed);
    return out;
}

QString TopologyRoutePlan::bundleKey(const QString& from, const QString& group)
{
    return from + QLatin1String("=>") + group;
}

bool TopologyRoutePlan::goesAround(TopologyEdgeKind kind)
{
    return kind != TopologyEdgeKind::Invalid && kind != TopologyEdgeKind::NamespaceMember;
}

QRectF TopologyRoutePlan::itemRect(const TopologyPlacedBox& box)
{
    // As QGraphicsItem::sceneBoundingRect() computes it for TopologyNodeItem::boundingRect() at `centre`.
    const qreal w = box.size.width();
    const qreal h = box.size.height();
    return QRectF(-w / 2 - 2, -h / 2 - 2, w + 4, h + 4).translated(box.centre);
}

QRectF TopologyRoutePlan::drawnRect(const TopologyPlacedBox& box)
{
    return itemRect(box).adjusted(2, 2, -2, -2);
}

QPolygonF TopologyRoutePlan::edgeLine(const QRectF& from, const QRectF& to)
{
    return QPolygonF{TopologyEdgeItem::clipToBox(from, to.center()),
                     TopologyEdgeItem::clipToBox(to, from.center())};
}

QPolygonF TopologyRoutePlan::bundleLine(const QRectF& from, const QRectF& grid)
{
    // Level with the grid (a load balancer in the band beside it): straight across into its edge.
    const QPointF c = from.center();
    if (c.y() > grid.top() && c.y() < grid.bottom() &&
        (from.right() <= grid.left() || from.left() >= grid.right())) {
        const bool left = from.right() <= grid.left();
        return QPolygonF{QPointF(left ? from.right() : from.left(), c.y()),
                         QPointF(left ? grid.left() : grid.right(), c.y())};
    }
    if (c.x() > grid.left() && c.x() < grid.right() &&
        (from.bottom() <= grid.top() || from.top() >= grid.bottom())) {
        const bool above = from.bottom() <= grid.top();
        return QPolygonF{QPointF(c.x(), above ? from.bottom() : from.top()),
                         QPointF(c.x(), above ? grid.top() : grid.bottom())};
    }
    return edgeLine(from, grid);
}

TopologyRouteRequest TopologyRoutePlan::request(const TopologyGraph& graph,
                                                const QHash<QString, TopologyPlacedBox>& placed,
                                                const QSet<QString>& selected,
                                                const TopologyGridLines* gridLines)
{
    const TopologyGridLines worked =
        gridLines ? TopologyGridLines() : TopologyRoutePlan::gridLines(graph, [&placed](const QString& key) {
            return placed.contains(key);
        });
    const QHash<QString, QStringList>& groups = gridLines ? gridLines->grids : worked.grids;
    const QList<TopologyBundlePlan>& bundlePlans = gridLines ? gridLines->bundles : worked.bundles;

    // Every box as drawn is an obstacle, a grid as a whole: the lines into a grid may cross its cells.
    // (The layout keeps boxes about 12 apart: room for a line between two of them.)
    TopologyRouteRequest request;
    QHash<QString, int> obstacleOf;
    obstacleOf.reserve(placed.size());
    for (const TopologyNode& node : graph.nodes()) {
        const QString group = TopologyGridPlan::groupKeyOf(node);
        const auto members = group.isEmpty() ? groups.cend() : groups.constFind(group);
        if (members == groups.cend() || obstacleOf.contains(node.key))
            continue;
        QRectF rect;
        for (const QString& member : *members) {
            rect = rect.united(drawnRect(placed.value(member)));
            obstacleOf.insert(member, int(request.obstacles.size()));
        }
        request.obstacles.append(rect);
    }
    for (const TopologyNode& node : graph.nodes())
        if (const auto box = placed.constFind(node.key);
            box != placed.cend() && !obstacleOf.contains(node.key)) {
            obstacleOf.insert(node.key, int(request.obstacles.size()));
            request.obstacles.append(drawnRect(*box));
        }

    // The lines shown: an edge a bundle stands for only while one of its ends is selected.
    QSet<qsizetype> bundled;
    for (const TopologyBundlePlan& bundle : bundlePlans)
        for (qsizetype edge : bundle.edges)
            bundled.insert(edge);
    const QList<TopologyEdge>& edges = graph.edges();
    request.lines.reserve(edges.size() - bundled.size() + bundlePlans.size());
    for (qsizetype i = 0; i < edges.size(); ++i) {
        const TopologyEdge& edge = edges[i];
        if (edge.kind == TopologyEdgeKind::NamespaceMember)
            continue; // layout-only: the frame shows membership
        const auto from = placed.constFind(edge.from);
        const auto to = placed.constFind(edge.to);
        if (from == placed.cend() || to == placed.cend())
            continue;
        if (bundled.contains(i) && !selected.contains(edge.from) && !selected.contains(edge.to))
            continue;
        const QRectF a = drawnRect(*from);
        const QRectF b = drawnRect(*to);
        const QList<int> ends{obstacleOf.value(edge.from, -1), obstacleOf.value(edge.to, -1)};
        request.lines.append({graph.edgeKeys()[i], a, b, edgeLine(a, b), ends, ends, goesAround(edge.kind)});
    }
    // A bundle meets other lines only at its node: its end in the grid is its own.
    for (const TopologyBundlePlan& bundle : bundlePlans) {
        if (selected.contains(bundle.from))
            continue; // its single lines are shown instead
        const QStringList& members = *groups.constFind(bundle.group);
        QRectF grid;
        for (const QString& member : members)
            grid = grid.united(itemRect(placed.value(member)));
        const QRectF from = drawnRect(placed.value(bundle.from));
        const int fromObstacle = obstacleOf.value(bundle.from, -1);
        request.lines.append({bundleKey(bundle.from, bundle.group),
                              from,
                              grid,
                              bundleLine(from, grid),
                              {fromObstacle, obstacleOf.value(members.front(), -1)},
                              {fromObstacle},
                              goesAround(bundle.kind)});
    }
    return request;
}

} // namespace hcn::ui
