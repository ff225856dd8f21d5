#pragma once
// TopologyLayoutEngine: runs one Graphviz layout. Graphviz keeps global state and is not thread-safe:
// an instance lives on the layout thread and every gv*/ag* call of the program happens there.

#include "topology/topology_layout_job.h"

struct GVC_s;

namespace hcn::ui {

class TopologyLayoutEngine
{
public:
    TopologyLayoutEngine();
    ~TopologyLayoutEngine();
    TopologyLayoutEngine(const TopologyLayoutEngine&) = delete;
    TopologyLayoutEngine& operator=(const TopologyLayoutEngine&) = delete;

    /// Places the request's free nodes. With pinned nodes the result is shifted so that the pinned
    /// nodes land exactly where they were (Graphviz may translate the whole drawing).
    TopologyLayoutResult run(const TopologyLayoutRequest& request);

private:
    GVC_s* m_context = nullptr;
};

} // namespace hcn::ui
