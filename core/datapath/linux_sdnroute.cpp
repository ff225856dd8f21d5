// The Linux datapath's SDN routes (HostComputeRoute): each route of the object in the namespace of each
// endpoint it names, on that endpoint's interface, while the endpoint is attached.

#include "datapath/linux_state.h"
#include "datapath/linux_undo.h"

#include <algorithm>

namespace hcn {

using namespace linuxdp;

namespace {

/// ethN -> N: the metric the endpoint's own routes use (linux_objects.cpp, attach).
std::uint32_t interfaceNumber(const std::string& name)
{
    return static_cast<std::uint32_t>(std::stoul(name.substr(3)));
}

} // namespace

Status LinuxDatapath::State::addSdnRoutesOf(const Guid& endpoint, const SdnRoutePlan& route)
{
    if (std::find(route.endpoints.begin(), route.endpoints.end(), endpoint) == route.endpoints.end())
        return Status::success();
    auto a = attachments.find(endpoint);
    if (a == attachments.end())
        return Status::success();
    RouteSocket& inside = namespaces.at(a->second.ns).sock;
    const std::string& ifname = a->second.interface;
    const std::uint32_t number = interfaceNumber(ifname);
    LocalUndo undo;
    for (const auto& [destination, nextHop] : route.routes) {
        if (Status s = inside.addRoute(ifname, destination, nextHop, number); !s.ok())
            return Status(s.code(), "SDN route " + route.id.toString() + ": " + s.detail());
        undo.add([&, destination = destination, nextHop = nextHop] {
            logFailure(inside.deleteRoute(ifname, destination, nextHop, number));
        });
        if (Status s = injected("sdnroute"); !s.ok())
            return s;
    }
    undo.done();
    return Status::success();
}

void LinuxDatapath::State::removeSdnRoutesOf(const Guid& endpoint, const SdnRoutePlan& route)
{
    if (std::find(route.endpoints.begin(), route.endpoints.end(), endpoint) == route.endpoints.end())
        return;
    auto a = attachments.find(endpoint);
    if (a == attachments.end())
        return;
    RouteSocket& inside = namespaces.at(a->second.ns).sock;
    for (const auto& [destination, nextHop] : route.routes)
        if (Status s = inside.deleteRoute(a->second.interface, destination, nextHop,
                                          interfaceNumber(a->second.interface));
            !s.ok() && s.code() != hr::ElementNotFound)
            logFailure(s);
}

Status LinuxDatapath::State::addSdnRoute(const SdnRoutePlan& plan)
{
    if (sdnRoutes.count(plan.id))
        return Status(hr::AlreadyExists, "SDN route " + plan.id.toString() + " is already programmed.");
    LocalUndo undo;
    for (const auto& [endpoint, a] : attachments) {
        if (Status s = addSdnRoutesOf(endpoint, plan); !s.ok())
            return s;
        undo.add([this, endpoint = endpoint, &plan] { removeSdnRoutesOf(endpoint, plan); });
    }
    sdnRoutes.emplace(plan.id, plan);
    undo.done();
    return Status::success();
}

Status LinuxDatapath::State::removeSdnRoute(const Guid& id)
{
    auto it = sdnRoutes.find(id);
    if (it == sdnRoutes.end())
        return Status::success();
    for (const auto& [endpoint, a] : attachments)
        removeSdnRoutesOf(endpoint, it->second);
    sdnRoutes.erase(it);
    return Status::success();
}

} // namespace hcn
