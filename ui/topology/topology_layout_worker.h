#pragma once
// TopologyLayoutWorker: lives on the layout thread and owns the one Graphviz engine of the program.

#include "topology/topology_layout_job.h"

#include <QList>
#include <QObject>
#include <QRectF>
#include <memory>

namespace hcn::ui {

class TopologyLayoutEngine;

class TopologyLayoutWorker : public QObject
{
    Q_OBJECT
public:
    explicit TopologyLayoutWorker(QObject* parent = nullptr);
    ~TopologyLayoutWorker() override;

public slots:
    /// Lays out the request's nodes; with its routing, finds the lines' paths for the positions too.
    void run(const hcn::ui::TopologyLayoutRequest& request);
    /// Finds the paths of a diagram's lines (TopologyEdgeRouter::routeAll); skips a superseded request.
    void route(const hcn::ui::TopologyRouteRequest& request);

signals:
    void finished(const hcn::ui::TopologyLayoutResult& result);
    void routed(const hcn::ui::TopologyRouteResult& result);

private:
    /// routeAll among the obstacles of the last routing's paths where the obstacles are the same.
    TopologyRouteResult routeAmongKnown(const TopologyRouteRequest& request);

    // Created on first use, i.e. on the layout thread, so the Graphviz context never sees another.
    std::unique_ptr<TopologyLayoutEngine> m_engine;
    /// The obstacles of the last routing and the bent paths found among them, by line: a request
    /// among the same boxes (a selection, a rebuild that moved nothing) reuses them.
    QList<QRectF> m_routedObstacles;
    QHash<QString, QPolygonF> m_routes;
};

} // namespace hcn::ui
