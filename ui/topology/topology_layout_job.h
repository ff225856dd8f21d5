#pragma once
// What travels to the layout thread and back: plain values, no pointers into the scene.

#include "topology/topology_graph.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QSet>
#include <QSizeF>
#include <QString>
#include <QStringList>
#include <atomic>
#include <memory>

namespace hcn::ui {

enum class TopologyLayoutEngineKind
{
    Invalid,
    Dot,   ///< layered, with cluster frames: small graphs (first layout)
    Osage, ///< nested cluster packing (groups -> frames -> nodes): large graphs, near-linear
    Neato, ///< stress majorization with pinned nodes: placing new nodes among existing ones
};

struct TopologyLayoutNode
{
    QString key;
    /// Node size in scene units (points); Graphviz keeps them apart by this box.
    QSizeF size;
    QString clusterKey;
    /// Osage: the top-level box the node (and its frame) is packed into, e.g. its network.
    QString groupKey;
    /// Osage: packed in a band on the left of its group's grids, the group's other nodes on their
    /// right (load balancers: their lines reach the grids without crossing the network's lines).
    bool leadingBand = false;
    /// Pinned nodes keep `position` (scene coordinates, y down); the others are placed.
    bool pinned = false;
    QPointF position;
    /// Nodes sharing a grid key are laid out as one sorted grid when there are many of them
    /// (TopologyGridPlan), by sortName, then sortAddress.
    QString gridKey;
    QString sortName;
    QString sortAddress;
};

struct TopologyLayoutEdge
{
    QString from;
    QString to;
    /// Pull strength (Graphviz "weight"); cluster-keeping edges are heavier.
    double weight = 1.0;
};

/// A node's box where it stands: its centre and size (TopologyNodeItem).
struct TopologyPlacedBox
{
    QPointF centre;
    QSizeF size;
};

/// One line from a node into a grid, standing for the node's edges to the grid's members.
struct TopologyBundlePlan
{
    TopologyEdgeKind kind = TopologyEdgeKind::Invalid;
    QString from;
    QString group;
    /// The edges it stands for, as indices into the graph's edges (graph order).
    QList<qsizetype> edges;
};

/// A graph's grids (TopologyGridPlan groups of enough members, by group key, members in graph order)
/// and the bundles into them, among the placed nodes (TopologyRoutePlan::gridLines).
struct TopologyGridLines
{
    /// Whether they were worked out (a graph without grids has none).
    bool computed = false;
    QHash<QString, QStringList> grids;
    QList<TopologyBundlePlan> bundles;
};

/// What the lines' routing needs besides the positions a layout finds (TopologyRoutePlan), so the
/// paths come back with the positions.
struct TopologyLayoutRouting
{
    /// The graph the scene shows (every node of a full layout is in the request).
    TopologyGraph graph;
    /// The nodes on screen that the layout does not move, where they stand.
    QHash<QString, TopologyPlacedBox> placed;
    /// The selected nodes (their single lines are shown instead of their bundles).
    QSet<QString> selected;
    /// The graph's grids and bundles with every node placed (worked out on the build thread).
    TopologyGridLines gridLines;
};

struct TopologyLayoutRequest
{
    quint64 generation = 0;
    TopologyLayoutEngineKind engine = TopologyLayoutEngineKind::Invalid;
    QList<TopologyLayoutNode> nodes;
    QList<TopologyLayoutEdge> edges;
    /// Width:height that grids of many nodes aim at (the view's, so a big group fills it).
    qreal gridAspect = 1.6;
    /// When set, the lines' paths are found for the positions and come back with them.
    std::shared_ptr<const TopologyLayoutRouting> routing;
};

/// A line of the diagram whose path the layout thread finds (TopologyEdgeRouter::routeAll).
struct TopologyRouteLine
{
    /// The scene's name of the line: "from->to" for an edge, "from=>grid" for a bundle.
    QString key;
    /// The boxes it joins (scene coordinates) and the straight line between them as drawn now.
    QRectF from;
    QRectF to;
    QPolygonF straight;
    /// Its two ends among the obstacles (crossed freely), and the ends it shares with other lines.
    QList<int> ends;
    QList<int> meets;
    /// Whether it goes around the boxes in its way (else it stays straight, an obstacle for the others).
    bool mayBend = false;
};

struct TopologyRouteRequest
{
    quint64 generation = 0;
    /// The generation its scene wants now: an older request still queued is skipped (latest wins).
    std::shared_ptr<const std::atomic<quint64>> wanted;
    /// The boxes lines keep off (a grid is one box), scene coordinates.
    QList<QRectF> obstacles;
    /// The lines shown, in the order they are placed.
    QList<TopologyRouteLine> lines;
};

struct TopologyRouteResult
{
    quint64 generation = 0;
    /// Each line's path by key: two points when straight, more when it goes around.
    QHash<QString, QPolygonF> paths;
    int bent = 0;
    /// Lines left over a box: the boxes leave no way round (a gap narrower than a line needs).
    int straightFallbacks = 0;
    qint64 elapsedMs = 0;
};

struct TopologyLayoutResult
{
    quint64 generation = 0;
    TopologyLayoutEngineKind engine = TopologyLayoutEngineKind::Invalid;
    /// Centres of the nodes that were not pinned, in scene coordinates (y down).
    QHash<QString, QPointF> positions;
    qint64 elapsedMs = 0;
    /// Empty on success; Graphviz's complaint otherwise (positions are then empty).
    QString error;
    /// The paths of the lines among the boxes as placed (the request's routing): found on the layout
    /// thread right after the positions, with the straight line each was found for.
    bool routed = false;
    TopologyRouteResult routes;
    QHash<QString, QPolygonF> straight;
};

/// "dot", "osage", "neato".
const char* topologyLayoutEngineName(TopologyLayoutEngineKind engine);

} // namespace hcn::ui

Q_DECLARE_METATYPE(hcn::ui::TopologyLayoutRequest)
Q_DECLARE_METATYPE(hcn::ui::TopologyLayoutResult)
Q_DECLARE_METATYPE(hcn::ui::TopologyRouteRequest)
Q_DECLARE_METATYPE(hcn::ui::TopologyRouteResult)
