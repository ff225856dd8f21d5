#pragma once
// TopologyScene: the QGraphicsScene of the diagram. apply() brings the items in line with a graph:
// nodes that left are removed (their position remembered), nodes that stay keep their position and
// get new content, nodes that arrive are created where the layout put them. Edges and frames follow.

#include "compare/compare_marks.h"
#include "topology/topology_graph.h"
#include "topology/topology_layout_job.h"
#include "topology/topology_route_plan.h"

#include <QGraphicsScene>
#include <QHash>
#include <QPointF>
#include <QSet>
#include <atomic>
#include <memory>

namespace hcn::ui {

class TopologyNodeItem;
class TopologyEdgeItem;
class TopologyClusterItem;
class TopologyBundleItem;

class TopologyScene : public QGraphicsScene
{
    Q_OBJECT
public:
    explicit TopologyScene(QObject* parent = nullptr);
    ~TopologyScene() override;

    /// Applies `graph`; `newPositions` are centres for nodes that are not in the scene yet. Returns
    /// the keys of graph nodes that have no item because no position was given for them.
    /// `gridLines`: the graph's grids and bundles with every node placed, if known (else the scene
    /// works them out).
    QStringList apply(const TopologyGraph& graph, const QHash<QString, QPointF>& newPositions,
                      const QHash<QString, QSizeF>& boxSizes = {}, const TopologyGridLines& gridLines = {});
    /// Moves every node (full relayout) and forgets remembered positions.
    void moveAll(const QHash<QString, QPointF>& positions);
    void clearAll();

    /// The graph last applied (including nodes still waiting for a position).
    const TopologyGraph& graph() const { return m_graph; }
    TopologyNodeItem* nodeItem(const QString& key) const { return m_nodes.value(key); }
    /// The item that stands for an object: its own node, or the aggregate hiding it, or null.
    TopologyNodeItem* nodeItemOfObject(const QString& objectId) const;
    QList<TopologyNodeItem*> nodeItems() const { return m_nodes.values(); }
    int nodeItemCount() const { return int(m_nodes.size()); }
    int edgeItemCount() const { return int(m_edges.size()); }
    /// The edge item between two nodes (keys), or null.
    TopologyEdgeItem* edgeItem(const QString& from, const QString& to) const;
    /// One line per network or load balancer and grid holding some of its endpoints (TopologyBundleItem);
    /// the single lines into a grid are drawn only while one of their ends is selected.
    QList<TopologyBundleItem*> bundleItems() const { return m_bundles; }
    TopologyClusterItem* clusterItem(const QString& key) const { return m_clusters.value(key); }
    /// Where a node was when it left the scene (filters, collapse); null point if never seen.
    std::optional<QPointF> rememberedPosition(const QString& key) const;
    /// Current centres of every placed node.
    QHash<QString, QPointF> positions() const;

    /// Marks items matching `query` (name/IP/MAC/ID prefix, case-insensitive) and dims the others;
    /// an empty query clears. Returns the matching keys in graph order.
    QStringList highlight(const QString& query);
    /// Marks the items standing for these objects (their own node or the aggregate hiding them) as
    /// highlighted, beside the search's matches and without dimming the others; empty clears. Returns
    /// the marked keys.
    QStringList markObjects(const QStringList& objectIds);
    QStringList markedObjects() const { return m_markedObjects; }
    /// A comparison's marks on the nodes of the objects shown (not the host box nor collapsed counts),
    /// kept for the nodes that arrive later; empty clears.
    void setCompareMarks(const CompareMarks& marks);
    const CompareMarks& compareMarks() const { return m_compareMarks; }
    void setBadgesVisible(bool visible);
    bool badgesVisible() const { return m_badgesVisible; }

    /// While exporting, items paint at full detail regardless of the painter's scale.
    bool isExporting() const { return m_exporting; }
    void setExporting(bool exporting) { m_exporting = exporting; }

    /// The bounding box of all items plus a margin.
    QRectF contentRect() const;

    /// Pairs of node items whose boxes intersect (keys); a good layout has none.
    QList<QPair<QString, QString>> overlappingNodes() const;
    /// Frames (cluster keys) that cover a node that is not their member: the picture would say the
    /// node is in the namespace (or behind the provider address) when it is not.
    QSet<QString> framesCoveringOthers() const;
    /// How many pairs of drawn lines (edges and bundles) cross; lines that share a node do not count.
    int edgeCrossingCount() const;
    /// Whether lines of this kind go around the boxes in their way (TopologyEdgeRouter): every line
    /// drawn (the host's, the networks' to their endpoints and count nodes, the load balancers').
    static bool goesAround(TopologyEdgeKind kind);
    /// Whether the paths of the lines are being found on the layout thread (lines stay as they are
    /// until they arrive; linesRouted() tells).
    bool isRouting() const { return m_routingScheduled || m_routeGeneration != m_routedGeneration; }
    /// The last routing that arrived: its time on the layout thread, its bent lines, and the lines it
    /// left over a box (no way round at all).
    qint64 lastRouteMs() const { return m_lastRoute.elapsedMs; }
    int lastRouteBent() const { return m_lastRoute.bent; }
    int lastRouteFallbacks() const { return m_lastRoute.straightFallbacks; }

    /// Every placed node's box (centre and size), by key: what a layout's routing needs of the nodes
    /// it does not place.
    QHash<QString, TopologyPlacedBox> placedBoxes() const;
    /// The keys of the selected nodes (their single lines are shown instead of their bundles).
    QSet<QString> selectedNodeKeys() const;
    /// A layout on its way brings the lines' paths (true): the scene asks for none until they come
    /// (takeRoutes()) or it is told they will not (false, and it asks itself).
    void setRoutesComing(bool coming);
    /// Draws paths found with a layout (TopologyRoutePlan from the layout's positions), `straight`
    /// being the straight line each was found for. Taken only if they are the lines shown now, each
    /// from where it stands now; then no routing is asked for. False: the scene asks itself.
    bool takeRoutes(const TopologyRouteResult& result, const QHash<QString, QPolygonF>& straight);

    /// Whether `node` matches a search query (exposed for the dock and tests).
    static bool matches(const TopologyNode& node, const QString& query);

signals:
    /// The paths of the lines the scene asked for on the layout thread are drawn.
    void linesRouted();

private:
    void removeNode(const QString& key);
    void syncEdges();
    void syncClusters();
    /// Rebuilds the bundles from the network and load balancer edges into grids; keeps those whose
    /// line, ends and grid are the same and hold none of the `renewed` nodes (new, or new content).
    void syncBundles(const QSet<const TopologyNodeItem*>& renewed);
    /// Shows the single lines a bundle stands for while one of their ends is selected.
    void updateBundledEdges();
    /// The groups of endpoints drawn as grids (TopologyGridPlan), by group key.
    QHash<QString, QList<TopologyNodeItem*>> grids(const TopologyGridLines& lines) const;
    /// The grids and bundles among the nodes placed: those of the graph when every node is.
    TopologyGridLines gridLines() const;
    /// A routing's number, unique across the scenes of the process (they share the layout thread).
    static quint64 nextRouteGeneration();
    /// Takes the boxes as they are now as the obstacles of the lines, and has the layout thread find
    /// the paths of the lines shown (the newest request wins).
    void routeLines();
    /// Calls routeLines() once the current event is handled (several changes, one request).
    void scheduleRouting();
    /// Drops the routing asked for or about to be: its result will not be drawn (nor, if still queued,
    /// searched).
    void supersedeRouting();
    /// Draws the paths (takeRoutes) if every line shown has one, found from where it stands now.
    bool fitsShownLines(const TopologyRouteResult& result, const QHash<QString, QPolygonF>& straight);
    /// Draws the paths found, for the lines whose boxes have not moved since they were asked for.
    void onRouted(const TopologyRouteResult& result);
    void updateSceneRect();
    CompareMark compareMarkOf(const TopologyNode& node) const;

    TopologyGraph m_graph;
    TopologyGridLines m_gridLines;
    QHash<QString, TopologyNodeItem*> m_nodes;
    QHash<QString, TopologyEdgeItem*> m_edges;
    QHash<QString, TopologyClusterItem*> m_clusters;
    QList<TopologyBundleItem*> m_bundles;
    /// Each bundle's key ("from=>grid") as it was made, by index in m_bundles.
    QStringList m_bundleKeys;
    /// Edges a bundle stands for: hidden unless an end is selected.
    QSet<TopologyEdgeItem*> m_bundledEdges;
    QHash<QString, QPointF> m_memory;
    /// The routing asked for last (shared with the layout thread, which skips older ones), the last
    /// that arrived, and the straight lines it was asked for by key.
    std::shared_ptr<std::atomic<quint64>> m_wantedRoute = std::make_shared<std::atomic<quint64>>(0);
    quint64 m_routeGeneration = 0;
    quint64 m_routedGeneration = 0;
    bool m_routingScheduled = false;
    /// A layout on its way brings the paths (setRoutesComing).
    bool m_routesComing = false;
    /// The last routing found boxes moved since it was asked for and asked again.
    bool m_routedAgain = false;
    QHash<QString, QPolygonF> m_sentStraight;
    TopologyRouteResult m_lastRoute;
    QString m_query;
    QStringList m_markedObjects;
    CompareMarks m_compareMarks;
    bool m_badgesVisible = true;
    bool m_exporting = false;
};

} // namespace hcn::ui
