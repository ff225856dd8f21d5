#pragma once
// TopologyDiagram: keeps a TopologyScene in step with the mirror.
//
// Every mirror change restarts a debounce timer (300 ms); when it fires the graph is rebuilt on the
// build thread (TopologyBuildThread, from the mirror's objects as they are then) and, once it is back,
// applied to the scene at once for removals and content changes. A rebuild asked for while another is
// on its way supersedes it: only the newest graph is applied. Nodes that are new need a position,
// which the layout thread computes:
//  - no node placed yet (first view, reset, "Re-layout"): a full layout, dot up to kDotNodeLimit nodes
//    (layered, clusters drawn by Graphviz); above it osage packs each network (with its endpoints,
//    frames and load balancers) into a box and the boxes into a grid. sfdp was measured first: 5-21 s
//    for 5,700 nodes, because a network with 500 leaf endpoints is a star, the worst case for its
//    multilevel coarsening; osage takes tens of milliseconds and never overlaps nodes;
//  - a few new nodes (up to kNeatoNodeLimit): neato on the neighbourhood only: the new nodes free, their
//    placed parents, cluster-mates and everything placed around those pinned (pin=true), so the new
//    nodes settle next to their network without moving anything that is already on screen;
//  - many new nodes (e.g. expanding a 5,000-endpoint network): the new part is laid out on its own
//    and placed as a block below the existing drawing.
// In every layout, a group of many endpoints (a network's, a provider address's, a namespace's) is one
// sorted grid shaped like the view (TopologyGridPlan), so a large host reads as blocks, not long rows;
// under osage, the load balancers reaching into a network's grid are packed in a band on its left, the
// network and the rest of its box on its right, so their lines (TopologyBundleItem) do not cross.
// Nodes that leave and come back (filters, collapse/expand) return to where they were. When a change
// stretches a frame over nodes that are not its members (an endpoint attached to a namespace whose
// other members sit elsewhere), incremental placement cannot keep the picture right: the whole diagram
// is laid out again.

#include "models/mirror_object.h"
#include "topology/topology_build_thread.h"
#include "topology/topology_graph.h"
#include "topology/topology_graph_builder.h"
#include "topology/topology_layout_job.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <atomic>
#include <memory>
#include <optional>

namespace hcn::ui {

class HostMirror;
class TopologyScene;

class TopologyDiagram : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDotNodeLimit = 400;
    static constexpr int kNeatoNodeLimit = 150;
    static constexpr int kDefaultDebounceMs = 300;

    /// `mirror` may be null: then the diagram shows setObjects() content.
    explicit TopologyDiagram(HostMirror* mirror, QObject* parent = nullptr);
    ~TopologyDiagram() override;

    TopologyScene* scene() const { return m_scene; }
    HostMirror* mirror() const { return m_mirror; }
    /// The graph last applied to the scene (includes nodes still waiting for a position); a rebuild
    /// replaces it when its graph comes back from the build thread.
    const TopologyGraph& graph() const { return m_graph; }

    /// Shows these objects instead of a mirror's (snapshots, benchmarks).
    void setObjects(QList<MirrorObject> objects);

    const TopologyBuildOptions& buildOptions() const { return m_builder.options(); }
    void setAggregateThreshold(int endpoints);
    void setRemoteEndpointsHidden(bool hidden);
    void setHostLabel(const QString& label);
    /// Shows every endpoint of a collapsed network / collapses it into a count node.
    void expandNetwork(const QString& networkId);
    void collapseNetwork(const QString& networkId);
    bool isNetworkCollapsed(const QString& networkId) const;

    /// Width:height that a large group's grid aims at (the view's); applies from the next layout.
    void setGridAspect(qreal aspect);
    qreal gridAspect() const { return m_gridAspect; }

    /// Time between the last change and the rebuild (0: next event-loop turn).
    void setDebounceInterval(int ms);
    /// Lays out everything from scratch (positions change).
    void relayout();
    /// Rebuilds now instead of after the debounce interval (the graph is built on the build thread and
    /// applied when it comes back).
    void rebuildNow();

    /// True when no change waits, no graph is being built and no layout is running.
    bool isIdle() const;
    /// Spins the event loop until idle; false on timeout.
    bool waitForLayout(int timeoutMs);
    /// The scene node that represents an object: its own, the aggregate hiding an endpoint, or null.
    QString nodeKeyForObject(const QString& objectId) const;
    /// How long building the last graph applied took on the build thread.
    qint64 lastBuildMs() const { return m_lastBuildMs; }
    /// How many graphs built were not applied because a newer rebuild superseded them.
    int supersededBuilds() const { return m_supersededBuilds; }
    /// How long the last layout took on the layout thread and with which engine.
    qint64 lastLayoutMs() const { return m_lastLayoutMs; }
    TopologyLayoutEngineKind lastLayoutEngine() const { return m_lastLayoutEngine; }
    QString lastError() const { return m_lastError; }

signals:
    /// The scene shows the current content and every node has its place.
    void layoutFinished();
    /// The scene's items changed (before layoutFinished when a layout was needed).
    void sceneUpdated();

private:
    enum class JobMode
    {
        None,
        Full,
        Neighbourhood,
        Block,
    };

    void scheduleRebuild();
    /// Asks the build thread for the graph of the objects as they are now.
    void rebuild();
    void onGraphBuilt(const TopologyBuildResult& result);
    /// Shows `graph`: the scene takes it, and new nodes are asked a position for.
    void applyGraph(TopologyGraph graph, QHash<QString, QSizeF> boxSizes, TopologyGridLines gridLines);
    void requestLayout(const QStringList& unplaced);
    void submitFull();
    /// Osage: packs each network with its endpoints, frames and load balancers as one box.
    void assignGroups(TopologyLayoutRequest& request) const;
    bool submitNeighbourhood(const QStringList& unplaced);
    void submitBlock(const QStringList& unplaced);
    void submit(TopologyLayoutRequest request, JobMode mode);
    void onLayoutFinished(const TopologyLayoutResult& result);
    void finishIfIdle();
    /// Whether a frame covers a node outside it now that did not before (`before`: those that did).
    bool framesNewlyCoverOthers(const QSet<QString>& before) const;
    TopologyLayoutNode layoutNode(const TopologyNode& node) const;

    QPointer<HostMirror> m_mirror;
    std::optional<QList<MirrorObject>> m_objects;
    TopologyScene* m_scene;
    TopologyGraphBuilder m_builder;
    TopologyGraph m_graph;
    /// Counts the graphs applied; the one the running layout's lines are found for.
    quint64 m_graphSerial = 0;
    quint64 m_routingSerial = 0;
    /// Its grids and bundles with every node placed, worked out on the build thread.
    TopologyGridLines m_gridLines;
    /// Its nodes' boxes, measured on the build thread (TopologyNodeItem::sizeFor).
    QHash<QString, QSizeF> m_boxSizes;
    /// The build on its way (0: none), and the newest the build thread should run (shared with it).
    quint64 m_buildGeneration = 0;
    std::shared_ptr<std::atomic<quint64>> m_wantedBuild = std::make_shared<std::atomic<quint64>>(0);
    qint64 m_lastBuildMs = 0;
    int m_supersededBuilds = 0;
    QTimer m_debounce;
    bool m_forceFull = true;
    bool m_clearScene = false;
    /// finishIfIdle() found the scene routing its lines: layoutFinished() waits for them.
    bool m_finishAfterRouting = false;
    JobMode m_jobMode = JobMode::None;
    quint64 m_jobGeneration = 0;
    qint64 m_lastLayoutMs = 0;
    TopologyLayoutEngineKind m_lastLayoutEngine = TopologyLayoutEngineKind::Invalid;
    QString m_lastError;
    qreal m_gridAspect = 1.6;
};

} // namespace hcn::ui
