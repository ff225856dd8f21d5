#include "topology/topology_layout_worker.h"

#include "topology/topology_edge_router.h"
#include "topology/topology_layout_engine.h"

#include <QElapsedTimer>

namespace hcn::ui {

TopologyLayoutWorker::TopologyLayoutWorker(QObject* parent) : QObject(parent) {}

TopologyLayoutWorker::~TopologyLayoutWorker() = default;

void TopologyLayoutWorker::run(const TopologyLayoutRequest& request)
{
    if (!m_engine)
        m_engine = std::make_unique<TopologyLayoutEngine>();
    emit finished(m_engine->run(request));
}

void TopologyLayoutWorker::route(const TopologyRouteRequest& request)
{
    if (request.wanted && request.wanted->load() != request.generation)
        return; // a newer request of the same scene is queued behind this one
    QElapsedTimer timer;
    timer.start();
    if (request.obstacles != m_routedObstacles) {
        m_routes.clear();
        m_routedObstacles = request.obstacles;
    }
    TopologyRouteResult result = TopologyEdgeRouter::routeAll(request, m_routes);
    result.generation = request.generation;
    result.elapsedMs = timer.elapsed();
    emit routed(result);
}

} // namespace hcn::ui
