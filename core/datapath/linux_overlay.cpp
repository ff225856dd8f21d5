// The Linux datapath's overlay networks beyond their bridge and VXLAN device: remote endpoints as
// forwarding and neighbour entries, RemoteSubnetRoutes as routes to another host's distributed router.

#include "datapath/linux_state.h"
#include "datapath/linux_undo.h"

#include <algorithm>

namespace hcn {

using namespace linuxdp;

namespace {

/// Whether another programmed remote subnet reaches the same router (MAC and provider address): the
/// VXLAN device's and the bridge's entries for that MAC are there already, and stay for it.
bool sharesRouter(const std::vector<RemoteSubnetPlan>& others, const RemoteSubnetPlan& remote)
{
    return std::any_of(others.begin(), others.end(), [&](const RemoteSubnetPlan& o) {
        return o.routerMac == remote.routerMac && o.providerAddress == remote.providerAddress;
    });
}

} // namespace

Status LinuxDatapath::State::addRemoteSubnet(const NetworkPlan& network, const RemoteSubnetPlan& remote,
                                             const std::vector<RemoteSubnetPlan>& others)
{
    // As flannel's vxlan backend does it: the prefix (IPv4 or IPv6) is routed on-link to a next hop
    // whose neighbour entry is the other host's router MAC (its bridge), and that MAC is behind the
    // other host's provider address on the VXLAN device. The bridge's own entry sends it to the VXLAN
    // port at once. The other host's subnets of both families share the MAC's entries.
    const OverlayPlan& o = *network.overlay;
    if (Status s =
            checkUnderlayFamily(o, remote.providerAddress, "the RemoteSubnetRoute to " + remote.prefix);
        !s.ok())
        return s;
    LocalUndo undo;
    if (!sharesRouter(others, remote)) {
        if (Status s = host.addFdb(o.vxlan, remote.routerMac, remote.providerAddress); !s.ok())
            return s;
        undo.add([&] { logFailure(host.deleteFdb(o.vxlan, remote.routerMac, remote.providerAddress)); });
        if (Status s = host.addFdb(o.vxlan, remote.routerMac, {}); !s.ok())
            return s;
        undo.add([&] { logFailure(host.deleteFdb(o.vxlan, remote.routerMac, {})); });
    }
    if (Status s = host.addNeighbour(network.bridge, remote.nextHop, remote.routerMac); !s.ok())
        return s;
    undo.add([&] { logFailure(host.deleteNeighbour(network.bridge, remote.nextHop)); });
    if (Status s = injected("remotesubnet"); !s.ok())
        return s;
    if (Status s = host.addRoute(network.bridge, remote.prefix, remote.nextHop, 0, true); !s.ok())
        return s;
    undo.done();
    return Status::success();
}

Status LinuxDatapath::State::removeRemoteSubnet(const NetworkPlan& network, const RemoteSubnetPlan& remote,
                                                const std::vector<RemoteSubnetPlan>& others)
{
    const OverlayPlan& o = *network.overlay;
    auto gone = [](Status s) { return s.ok() || s.code() == hr::ElementNotFound ? Status::success() : s; };
    if (Status s = gone(host.deleteRoute(network.bridge, remote.prefix, remote.nextHop, 0, true)); !s.ok())
        return s;
    logFailure(gone(host.deleteNeighbour(network.bridge, remote.nextHop)));
    if (sharesRouter(others, remote))
        return Status::success();
    logFailure(gone(host.deleteFdb(o.vxlan, remote.routerMac, {})));
    logFailure(gone(host.deleteFdb(o.vxlan, remote.routerMac, remote.providerAddress)));
    return Status::success();
}

Status LinuxDatapath::State::setRemoteSubnets(const Guid& id, const std::vector<RemoteSubnetPlan>& next)
{
    auto it = networks.find(id);
    if (it == networks.end() || !it->second.overlay)
        return Status::success();
    NetworkPlan& network = it->second;
    auto& current = network.overlay->remoteSubnets;
    auto in = [](const std::vector<RemoteSubnetPlan>& list, const RemoteSubnetPlan& r) {
        return std::find(list.begin(), list.end(), r) != list.end();
    };
    const std::vector<RemoteSubnetPlan> before = current;
    // What is programmed at each step: a router's shared entries go with the last route using them.
    std::vector<RemoteSubnetPlan> live = before;
    LocalUndo undo;
    for (const auto& r : before)
        if (!in(next, r)) {
            std::erase(live, r);
            if (Status s = removeRemoteSubnet(network, r, live); !s.ok()) {
                live.push_back(r);
                return s;
            }
            undo.add([this, &network, &live, r] {
                logFailure(addRemoteSubnet(network, r, live));
                live.push_back(r);
            });
        }
    for (const auto& r : next)
        if (!in(before, r)) {
            if (Status s = addRemoteSubnet(network, r, live); !s.ok())
                return s;
            live.push_back(r);
            undo.add([this, &network, &live, r] {
                std::erase(live, r);
                logFailure(removeRemoteSubnet(network, r, live));
            });
        }
    current = next;
    undo.done();
    return Status::success();
}

Status LinuxDatapath::State::addRemoteEndpoint(const EndpointPlan& plan)
{
    auto network = networks.find(plan.network);
    if (network == networks.end() || !network->second.overlay || !plan.mac ||
        (plan.ipv4.empty() && plan.ipv6.empty()) || plan.providerAddress.empty())
        return Status::success();
    // The VXLAN device's entry (the MAC is behind the other host's provider address), the bridge's (the
    // MAC is behind the VXLAN port: no flooding), and the neighbour entries the device answers ARP and
    // IPv6 neighbour solicitations from, one per address family the endpoint has.
    const std::string& vxlan = network->second.overlay->vxlan;
    if (Status s = checkUnderlayFamily(*network->second.overlay, plan.providerAddress,
                                       "the remote endpoint " + (plan.ipv4.empty() ? plan.ipv6 : plan.ipv4));
        !s.ok())
        return s;
    LocalUndo undo;
    if (Status s = host.addFdb(vxlan, *plan.mac, plan.providerAddress); !s.ok())
        return s;
    undo.add([&] { logFailure(host.deleteFdb(vxlan, *plan.mac, plan.providerAddress)); });
    if (Status s = host.addFdb(vxlan, *plan.mac, {}); !s.ok())
        return s;
    undo.add([&] { logFailure(host.deleteFdb(vxlan, *plan.mac, {})); });
    if (Status s = injected("remote"); !s.ok())
        return s;
    for (const std::string* address : {&plan.ipv4, &plan.ipv6}) {
        if (address->empty())
            continue;
        if (Status s = host.addNeighbour(vxlan, *address, *plan.mac); !s.ok())
            return s;
        undo.add([this, &vxlan, address] { logFailure(host.deleteNeighbour(vxlan, *address)); });
    }
    undo.done();
    return Status::success();
}

void LinuxDatapath::State::removeRemoteEndpoint(const EndpointPlan& plan)
{
    auto network = networks.find(plan.network);
    if (network == networks.end() || !network->second.overlay || !plan.mac ||
        (plan.ipv4.empty() && plan.ipv6.empty()) || plan.providerAddress.empty())
        return;
    const std::string& vxlan = network->second.overlay->vxlan;
    auto gone = [](Status s) { return s.ok() || s.code() == hr::ElementNotFound ? Status::success() : s; };
    for (const std::string* address : {&plan.ipv4, &plan.ipv6})
        if (!address->empty())
            logFailure(gone(host.deleteNeighbour(vxlan, *address)));
    logFailure(gone(host.deleteFdb(vxlan, *plan.mac, {})));
    logFailure(gone(host.deleteFdb(vxlan, *plan.mac, plan.providerAddress)));
}

} // namespace hcn
