#include "topology/topology_layout_worker.h"

#include "topology/topology_layout_engine.h"

namespace hcn::ui {

TopologyLayoutWorker::TopologyLayoutWorker(QObject* parent) : QObject(parent) {}

TopologyLayoutWorker::~TopologyLayoutWorker() = default;

void TopologyLayoutWorker::run(const TopologyLayoutRequest& request)
{
    if (!m_engine)
        m_engine = std::make_unique<TopologyLayoutEngine>();
    emit finished(m_engine->run(request));
}

} // namespace hcn::ui
