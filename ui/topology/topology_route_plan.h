#pragma once
// TopologyRoutePlan: which lines a diagram draws, where they run straight and which boxes they keep
// off, worked out from plain values (the graph, each node's centre and size, the selected nodes). The
// scene asks it from its items when lines change (a selection, a rebuild that moved nothing); the
// layout thread asks it from a layout's positions, so the paths arrive with the layout and the first
// picture already has them. Both get the same request, to the last bit: the boxes are computed as the
// items compute their scene rectangles.

#include "topology/topology_graph.h"
#include "topology/topology_layout_job.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QSet>
#include <QSizeF>
#include <QString>
#include <QStringList>
#include <functional>

namespace hcn::ui {

class TopologyRoutePlan
{
public:
    /// Whether the node of this key is drawn (has its place).
    using Placed = std::function<bool(const QString& key)>;

    /// The groups of placed endpoints drawn as grids (TopologyGridPlan: enough members), by group key;
    /// members in graph order.
    static QHash<QString, QStringList> grids(const TopologyGraph& graph, const Placed& placed);
    /// The bundles into `grids`: per network or load balancer and grid, its lines to the members (a
    /// namespace's frame already holds its members), in graph order.
    static QList<TopologyBundlePlan> bundles(const TopologyGraph& graph,
                                             const QHash<QString, QStringList>& grids, const Placed& placed);
    /// grids() and bundles() of the placed nodes.
    static TopologyGridLines gridLines(const TopologyGraph& graph, const Placed& placed);
    /// A bundle's name among the lines: "from=>group".
    static QString bundleKey(const QString& from, const QString& group);
    /// Whether lines of this kind go around the boxes in their way: every line drawn.
    static bool goesAround(TopologyEdgeKind kind);

    /// A node item's scene rectangle (its box and a 2-unit margin for the outline).
    static QRectF itemRect(const TopologyPlacedBox& box);
    /// The box as drawn: the item's rectangle less the margin.
    static QRectF drawnRect(const TopologyPlacedBox& box);
    /// The straight line between two drawn boxes, clipped to them.
    static QPolygonF edgeLine(const QRectF& from, const QRectF& to);
    /// A bundle's straight line from its node's drawn box to its grid's rectangle: straight across
    /// into the grid's edge when level with it, else clipped between the two.
    static QPolygonF bundleLine(const QRectF& from, const QRectF& grid);

    /// The routing request of the lines shown (a bundled edge only while one of its ends is selected,
    /// a bundle only while its node is not): every placed box an obstacle, a grid as one; grids, then
    /// the other nodes, then the edges, then the bundles, in graph order. `gridLines`: the placed
    /// nodes' grids and bundles when known (else worked out here).
    static TopologyRouteRequest request(const TopologyGraph& graph,
                                        const QHash<QString, TopologyPlacedBox>& placed,
                                        const QSet<QString>& selected,
                                        const TopologyGridLines* gridLines = nullptr);
};

} // namespace hcn::ui
