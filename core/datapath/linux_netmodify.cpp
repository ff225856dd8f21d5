// A network modify on the Linux datapath: what the new document programs differently from the old one,
// changed in place on the network's bridge and VXLAN device (its endpoints' ports stay): the gateways of
// added and removed subnets, an overlay's router MAC and its tunnel (VSID, ProviderAddress, VxlanPort),
// the network's ACLs in its endpoints' chains.
// Each operation completes or undoes its own partial work.

#include "datapath/linux_state.h"
#include "datapath/linux_undo.h"

#include <algorithm>
#include <fstream>

namespace hcn {

using namespace linuxdp;

Status LinuxDatapath::State::setGateways(const Guid& id, const std::vector<std::string>& next)
{
    auto it = networks.find(id);
    if (it == networks.end())
        return Status::success();
    NetworkPlan& network = it->second;
    const std::vector<std::string> before = network.gatewayCidrs;
    auto in = [](const std::vector<std::string>& list, const std::string& cidr) {
        return std::find(list.begin(), list.end(), cidr) != list.end();
    };
    LocalUndo undo;
    // A removed subnet's gateway goes (its prefix route with it), an added one's comes.
    for (const auto& cidr : before)
        if (!in(next, cidr)) {
            if (Status s = host.deleteAddress(network.bridge, cidr);
                !s.ok() && s.code() != hr::ElementNotFound)
                return s;
            undo.add([this, &network, cidr] { logFailure(host.addAddress(network.bridge, cidr)); });
        }
    for (const auto& cidr : next)
        if (!in(before, cidr)) {
            if (Status s = host.addAddress(network.bridge, cidr); !s.ok())
                return s;
            undo.add([this, &network, cidr] { logFailure(host.deleteAddress(network.bridge, cidr)); });
            if (Status s = injected("gateway"); !s.ok())
                return s;
        }
    network.gatewayCidrs = next;
    undo.done();
    return Status::success();
}

const std::vector<AclPlan>& LinuxDatapath::State::networkAclsOf(const Guid& id) const
{
    static const std::vector<AclPlan> none;
    auto it = networks.find(id);
    return it == networks.end() ? none : it->second.acls;
}

std::string LinuxDatapath::State::networkAclMove(const Guid& id, const std::vector<AclPlan>& from,
                                                 const std::vector<AclPlan>& to) const
{
    std::string out;
    for (const auto& [endpointId, plan] : endpoints)
        if (plan.network == id)
            out += replaceAclRules(plan, from, to);
    return out;
}

Status LinuxDatapath::State::setNetworkAcls(const Guid& id, const std::vector<AclPlan>& next)
{
    auto it = networks.find(id);
    if (it == networks.end())
        return Status::success();
    const std::vector<AclPlan> before = it->second.acls;
    // Every endpoint's chains change in one transaction: no packet sees some endpoints with the new ACLs
    // and others with the old.
    if (const std::string commands = networkAclMove(id, before, next); !commands.empty()) {
        if (Status s = nft.run(commands); !s.ok())
            return s;
        if (Status s = injected("networkacl"); !s.ok()) {
            logFailure(nft.run(networkAclMove(id, next, before)));
            return s;
        }
    }
    it->second.acls = next;
    return Status::success();
}

Status LinuxDatapath::State::setRouterMac(const Guid& id, std::uint64_t mac)
{
    auto it = networks.find(id);
    if (it == networks.end() || !it->second.overlay)
        return Status::success();
    const std::string& bridge = it->second.bridge;
    // The endpoints hold the gateway's old MAC in their neighbour caches: the bridge announces its
    // addresses with the new one (a gratuitous ARP, an unsolicited neighbour advertisement) when its MAC
    // changes, so they do not wait for their entries to fail first.
    std::ofstream("/proc/sys/net/ipv4/conf/" + bridge + "/arp_notify") << "1\n";
    std::ofstream("/proc/sys/net/ipv6/conf/" + bridge + "/ndisc_notify") << "1\n";
    if (Status s = host.setMac(bridge, mac); !s.ok())
        return s;
    it->second.overlay->routerMac = mac;
    // A link's new MAC flushes its neighbour entries, permanent ones too: the remote subnets' next hops
    // (the other hosts' router MACs) are put back.
    for (const auto& remote : it->second.overlay->remoteSubnets)
        if (Status s = host.addNeighbour(bridge, remote.nextHop, remote.routerMac);
            !s.ok() && s.code() != hr::AlreadyExists)
            return s;
    return Status::success();
}

Status LinuxDatapath::State::replaceTunnel(const Guid& id, const OverlayPlan& next)
{
    auto it = networks.find(id);
    if (it == networks.end() || !it->second.overlay)
        return Status::success();
    NetworkPlan& network = it->second;
    OverlayPlan& overlay = *network.overlay;
    // The new source must be this host's, as at create; its interface is the new underlay.
    std::uint32_t underlayMtu = kEthernetMtu;
    int underlayIndex = 0;
    if (!next.providerAddress.empty()) {
        auto local = host.linkOfAddress(next.providerAddress);
        if (!local.ok())
            return local.status();
        if (!*local)
            return Status(hr::InvalidNetwork,
                          "the network's ProviderAddress " + next.providerAddress +
                              " is not an address of this host; VXLAN needs it as its source.");
        underlayMtu = (*local)->mtu;
        underlayIndex = (*local)->index;
    }
    auto tunnel = tunnelMtu(next, underlayMtu);
    if (!tunnel.ok())
        return tunnel.status();

    // The device holds the entries of the remote endpoints and remote subnets: they go first and come
    // back on the new device (a remote of the other address family than the new source fails there).
    const std::vector<RemoteSubnetPlan> remoteSubnets = overlay.remoteSubnets;
    std::vector<EndpointPlan> remotes;
    for (const auto& [endpointId, plan] : endpoints)
        if (plan.remote && plan.network == id)
            remotes.push_back(plan);
    const OverlayPlan previous = overlay;
    const std::uint32_t previousUnderlayMtu = network.underlayMtu;
    // The device made again keeps its MAC (a bridge port's, which the bridge's entries name).
    auto deviceMac = host.macOf(overlay.vxlan);
    if (!deviceMac.ok())
        return deviceMac.status();
    LocalUndo undo;
    if (Status s = setRemoteSubnets(id, {}); !s.ok())
        return s;
    undo.add([&] { logFailure(setRemoteSubnets(id, remoteSubnets)); });
    for (const auto& remote : remotes) {
        removeRemoteEndpoint(remote);
        undo.add([this, &remote] { logFailure(addRemoteEndpoint(remote)); });
    }
    if (Status s = host.deleteLink(overlay.vxlan); !s.ok() && s.code() != hr::ElementNotFound)
        return s;
    undo.add([&] {
        logFailure(host.addVxlan(previous.vxlan, network.bridge, previous.vni, previous.providerAddress,
                                 previous.port, network.mtu));
        logFailure(host.setAlias(previous.vxlan, linkAlias(id)));
        logFailure(host.setMac(previous.vxlan, *deviceMac));
    });
    overlay.vni = next.vni;
    overlay.providerAddress = next.providerAddress;
    overlay.port = next.port;
    undo.add([&] {
        overlay.vni = previous.vni;
        overlay.providerAddress = previous.providerAddress;
        overlay.port = previous.port;
    });
    if (Status s =
            host.addVxlan(overlay.vxlan, network.bridge, next.vni, next.providerAddress, next.port, *tunnel);
        !s.ok())
        return s;
    undo.add([&] { logFailure(host.deleteLink(overlay.vxlan)); });
    if (Status s = host.setAlias(overlay.vxlan, linkAlias(id)); !s.ok())
        return s;
    if (Status s = host.setMac(overlay.vxlan, *deviceMac); !s.ok())
        return s;
    if (Status s = injected("tunnel"); !s.ok())
        return s;
    for (const auto& remote : remotes) {
        if (Status s = addRemoteEndpoint(remote); !s.ok())
            return s;
        undo.add([this, &remote] { removeRemoteEndpoint(remote); });
    }
    if (Status s = setRemoteSubnets(id, remoteSubnets); !s.ok())
        return s;
    undo.add([&] { logFailure(setRemoteSubnets(id, {})); });
    // Another underlay, another MTU: the bridge and the attached endpoints follow, as the link monitor
    // has them follow their underlay.
    if (underlayMtu != network.underlayMtu) {
        if (Status s = setUnderlayMtu(network, underlayMtu); !s.ok())
            return s;
        undo.add([&] { logFailure(setUnderlayMtu(network, previousUnderlayMtu)); });
    }
    network.underlayIndex = underlayIndex;
    undo.done();
    return Status::success();
}

} // namespace hcn
