#pragma once
// TopologyLayoutThread: the single thread on which every Graphviz call of the process runs.
//
// All topology docks (and the benchmark) share one instance (shared()), because Graphviz keeps global
// state: two threads laying out at once would corrupt it. Requests are queued in order; results come
// back on the thread of the receiver, tagged with the request's generation.

#include "topology/topology_layout_job.h"

#include <QObject>
#include <QThread>
#include <memory>

namespace hcn::ui {

class TopologyLayoutWorker;

class TopologyLayoutThread : public QObject
{
    Q_OBJECT
public:
    /// The process-wide instance, created on first use and stopped at application exit.
    static TopologyLayoutThread* shared();

    ~TopologyLayoutThread() override;

    /// Queues a layout; finished() reports it.
    void submit(const TopologyLayoutRequest& request);
    /// Queues the routing of a diagram's lines (after the layouts queued before it); routed() reports it
    /// unless a newer request of the same scene superseded it.
    void submitRoutes(const TopologyRouteRequest& request);

signals:
    void finished(const hcn::ui::TopologyLayoutResult& result);
    void routed(const hcn::ui::TopologyRouteResult& result);

private:
    TopologyLayoutThread();

    QThread m_thread;
    TopologyLayoutWorker* m_worker = nullptr; // deleted on the layout thread when it finishes
};

} // namespace hcn::ui
