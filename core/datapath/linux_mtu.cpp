// An underlay's MTU followed after its networks were made: the link monitor reports a change, and each
// network on that link (an overlay over the interface holding its ProviderAddress, an L2Bridge over its
// adapter) sizes its links again as it would at create.

#include "datapath/linux_state.h"
#include "datapath/linux_undo.h"

namespace hcn {

using namespace linuxdp;

void LinuxDatapath::State::followUnderlay(int ifindex)
{
    for (auto& [id, network] : networks) {
        if (!network.underlayIndex || (ifindex && network.underlayIndex != ifindex))
            continue;
        auto link = host.linkMtu(network.underlayIndex);
        if (!link.ok()) {
            if (link.code() != hr::ElementNotFound) // gone: nothing to follow
                logFailure(link.status());
            continue;
        }
        if (link->mtu != network.underlayMtu)
            logFailure(setUnderlayMtu(network, link->mtu));
    }
}

Status LinuxDatapath::State::setUnderlayMtu(NetworkPlan& network, std::uint32_t underlayMtu)
{
    auto log = componentLogger("hcn.datapath");
    std::uint32_t mtu = underlayMtu; // an L2Bridge's endpoints: the adapter's
    if (network.overlay) {
        auto tunnel = tunnelMtu(*network.overlay, underlayMtu);
        if (!tunnel.ok())
            return Status(tunnel.code(), "network " + network.id.toString() + " keeps its MTU " +
                                             std::to_string(network.mtu) + ": " + tunnel.status().detail());
        mtu = *tunnel;
        // Set, as at create: the bridge does not follow its ports once its MTU was set.
        if (Status s = host.setMtu(network.overlay->vxlan, mtu); !s.ok())
            return s;
        if (Status s = host.setMtu(network.bridge, mtu); !s.ok())
            return s;
    }
    // An L2Bridge sharing its adapter: both ends of its trunk into the holder's bridge carry the adapter's.
    if (network.viaTrunk)
        for (const std::string& end : {trunkName(network.id), trunkPeerName(network.id)})
            if (Status s = host.setMtu(end, mtu); !s.ok())
                return s;
    log->info("network {}: its underlay's MTU is {} (was {}), the network carries {}", network.id.toString(),
              underlayMtu, network.underlayMtu, mtu);
    network.underlayMtu = underlayMtu;
    network.mtu = mtu;
    // Each attached endpoint as its attach would size it now: a policy's fixed Mtu stays, an
    // EncapOverhead counts from the new underlay. Both ends of the pair, the peer inside its namespace.
    Status result = Status::success();
    for (const auto& [endpointId, a] : attachments) {
        const EndpointPlan& plan = endpoints.at(endpointId);
        if (plan.network != network.id)
            continue;
        auto size = endpointMtu(network, plan);
        if (!size.ok()) {
            log->warn("linux datapath: endpoint {} keeps its MTU: {}", endpointId.toString(),
                      size.status().detail());
            continue;
        }
        if (!*size)
            continue;
        for (Status s :
             {host.setMtu(plan.hostVeth, *size), namespaces.at(a.ns).sock.setMtu(a.interface, *size)})
            if (!s.ok() && result.ok())
                result = s;
    }
    return result;
}

} // namespace hcn
