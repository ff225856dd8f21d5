#include "topology/topology_layout_worker.h"

#include "topology/topology_edge_router.h"
#include "topology/topology_layout_engine.h"
#include "topology/topology_route_plan.h"

#include <QElapsedTimer>

namespace hcn::ui {

TopologyLayoutWorker::TopologyLayoutWorker(QObject* parent) : QObject(parent) {}

TopologyLayoutWorker::~TopologyLayoutWorker() = default;

void TopologyLayoutWorker::run(const TopologyLayoutRequest& request)
{
    if (!m_engine)
        m_engine = std::make_unique<TopologyLayoutEngine>();
    TopologyLayoutResult result = m_engine->run(request);
    if (request.routing && result.error.isEmpty()) {
        // The lines among the boxes where the layout put them and where the others stand: the scene
        // draws them with the positions, never straight first.
        QHash<QString, TopologyPlacedBox> boxes = request.routing->placed;
        for (const TopologyLayoutNode& node : request.nodes)
            if (const auto at = result.positions.constFind(node.key); at != result.positions.cend())
                boxes.insert(node.key, {*at, node.size});
        // Every node placed (a full layout): the grids and bundles worked out with the graph hold.
        const TopologyLayoutRouting& routing = *request.routing;
        const bool everyNode = routing.gridLines.computed && boxes.size() == routing.graph.nodes().size();
        const TopologyRouteRequest routes = TopologyRoutePlan::request(
            routing.graph, boxes, routing.selected, everyNode ? &routing.gridLines : nullptr);
        result.straight.reserve(routes.lines.size());
        for (const TopologyRouteLine& line : routes.lines)
            result.straight.insert(line.key, line.straight);
        result.routes = routeAmongKnown(routes);
        result.routed = true;
    }
    emit finished(result);
}

void TopologyLayoutWorker::route(const TopologyRouteRequest& request)
{
    if (request.wanted && request.wanted->load() != request.generation)
        return; // a newer request of the same scene is queued behind this one
    emit routed(routeAmongKnown(request));
}

TopologyRouteResult TopologyLayoutWorker::routeAmongKnown(const TopologyRouteRequest& request)
{
    QElapsedTimer timer;
    timer.start();
    if (request.obstacles != m_routedObstacles) {
        m_routes.clear();
        m_routedObstacles = request.obstacles;
    }
    TopologyRouteResult result = TopologyEdgeRouter::routeAll(request, m_routes);
    result.generation = request.generation;
    result.elapsedMs = timer.elapsed();
    return result;
}

} // namespace hcn::ui
