#pragma once
// TopologyBuildThread: builds the diagram's graph (TopologyGraphBuilder) off the GUI thread.
//
// A request carries the objects to draw as the mirror (or setObjects()) holds them: implicitly shared
// Qt containers, so taking them on the GUI thread is a reference count and no document is copied; the
// builder only reads them. Its own thread rather than the layout thread, which may be finding the
// lines' paths for a second and more: a rebuild never waits behind a routing. All diagrams (and the
// benchmark) share one instance (shared()). Newest request wins: a request whose diagram asked for a
// newer one while it was queued is skipped, and one superseded while it ran is not reported. The
// nodes' boxes are measured here too (text widths in their fonts), so the GUI thread does not.

#include "models/mirror_object.h"
#include "topology/topology_graph.h"
#include "topology/topology_graph_builder.h"
#include "topology/topology_layout_job.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSizeF>
#include <QThread>
#include <atomic>
#include <memory>

namespace hcn::ui {

struct TopologyBuildRequest
{
    quint64 generation = 0;
    /// The generation its diagram wants now: an older request is skipped (latest wins).
    std::shared_ptr<const std::atomic<quint64>> wanted;
    TopologyBuildOptions options;
    /// The objects to draw: a mirror's by ID, or a list (setObjects()); shared, never changed.
    QHash<QString, MirrorObject> objectsById;
    QList<MirrorObject> objects;
    /// The graph its diagram shows now: the nodes and frames that did not change are shared with it
    /// (TopologyGraph::shareUnchanged), so the scene's comparison of its items is a pointer comparison.
    TopologyGraph previous;
    /// Its nodes' boxes: an unchanged node keeps its box without being measured again.
    QHash<QString, QSizeF> previousBoxSizes;
    /// Whether the nodes' boxes are measured too (TopologyNodeItem::sizeFor: fonts, so it needs a
    /// QGuiApplication): the diagram asks for it, the layout and the new items then take them as they are.
    bool measureBoxes = false;
};

struct TopologyBuildResult
{
    quint64 generation = 0;
    TopologyGraph graph;
    /// Each node's box by key, when measured (measureBoxes).
    QHash<QString, QSizeF> boxSizes;
    /// The graph's grids and the bundles into them, every node placed (as the scene draws them once
    /// laid out; TopologyRoutePlan::gridLines).
    TopologyGridLines gridLines;
    /// The build's time on the build thread.
    qint64 elapsedMs = 0;
};

class TopologyBuildThread : public QObject
{
    Q_OBJECT
public:
    /// The process-wide instance, created on first use and stopped at application exit.
    static TopologyBuildThread* shared();

    ~TopologyBuildThread() override;

    /// Queues a build; built() reports it unless a newer request of the same diagram superseded it.
    void submit(TopologyBuildRequest request);

    /// The graph of a request, built on the calling thread (what the build thread runs).
    static TopologyGraph build(const TopologyBuildRequest& request);

signals:
    void built(const hcn::ui::TopologyBuildResult& result);

private:
    TopologyBuildThread();

    QThread m_thread;
    QObject* m_context = nullptr; // lives on m_thread; deleted there when it finishes
};

} // namespace hcn::ui

Q_DECLARE_METATYPE(hcn::ui::TopologyBuildResult)
