// The addressing of an L2Bridge or Transparent network's adapter. HNS gives the host a virtual NIC on
// such a network's switch holding the adapter's addresses, so the host keeps its connection through the
// adapter it bridged. Here the bridge that enslaves the adapter plays that NIC: a bridge port receives
// nothing for the host itself, so the adapter's global addresses and the routes out of it move onto the
// bridge, and back onto the adapter when the network goes. So do the policy routing rules naming the
// adapter as their iif or oif: the host's traffic now enters and leaves through the bridge.
//
// HNS puts several networks on one vSwitch when they name one adapter (HCN_E_SHARED_SWITCH_MODIFICATION
// is about such a switch). Here the first L2Bridge network's bridge holds the adapter, and each further
// L2Bridge network on it joins that bridge by a veth pair (the trunk): their endpoints share one layer-2
// segment with the adapter's network, as on one switch. When the holder goes, the next network takes the
// adapter, its addressing and the other trunks over. A Transparent network needs an adapter of its own,
// as on Windows, and so here does an L2Tunnel network.

#include "common/text.h"
#include "datapath/linux_state.h"

#include <fstream>
#include <map>

namespace hcn {

using namespace linuxdp;

Status LinuxDatapath::State::moveAddressing(const std::string& from, const std::string& to)
{
    auto addresses = host.globalAddresses(from);
    if (!addresses.ok())
        return addresses.status();
    auto routes = host.routesOf(from);
    if (!routes.ok())
        return routes.status();
    auto rules = host.rulesNaming(from);
    if (!rules.ok())
        return rules.status();
    LocalUndo undo;
    // The addresses first: a route's gateway must be reachable through `to` before the route moves.
    for (const std::string& cidr : *addresses) {
        if (Status s = host.addAddress(to, cidr); !s.ok())
            return s;
        undo.add([this, to, cidr] { logFailure(host.deleteAddress(to, cidr)); });
    }
    // A route cannot be on both links at once (same destination and metric): each one moves alone.
    for (const LinkRoute& route : *routes) {
        if (Status s = host.deleteLinkRoute(from, route); !s.ok())
            return s;
        undo.add([this, from, route] { logFailure(host.addLinkRoute(from, route)); });
        if (Status s = host.addLinkRoute(to, route); !s.ok())
            return s;
        undo.add([this, to, route] { logFailure(host.deleteLinkRoute(to, route)); });
    }
    // A rule naming `to` goes in before the one naming `from` goes: no moment without either.
    for (const LinkRule& rule : *rules) {
        const LinkRule moved = rule.withLink(from, to);
        if (Status s = host.addRule(moved); !s.ok())
            return s;
        undo.add([this, moved] { logFailure(host.deleteRule(moved)); });
        if (Status s = host.deleteRule(rule); !s.ok())
            return s;
        undo.add([this, rule] { logFailure(host.addRule(rule)); });
    }
    if (Status s = injected("addressing"); !s.ok())
        return s;
    // Last added first: an IPv4 primary address takes its secondaries along when it goes.
    for (auto it = addresses->rbegin(); it != addresses->rend(); ++it) {
        if (Status s = host.deleteAddress(from, *it); !s.ok() && s.code() != hr::ElementNotFound)
            return s;
        undo.add([this, from, cidr = *it] { logFailure(host.addAddress(from, cidr)); });
    }
    undo.done();
    return Status::success();
}

namespace {

/// Whether the host answers ARP on `bridge` for the addresses of its other links, as the kernel's default
/// has it (and the adapter had it), or only for the bridge's own. A bridge joined by a trunk holds none:
/// answering there for the holder bridge's addresses would give the endpoints its own MAC for the host's,
/// which stops working when the holder's bridge goes.
void answerArpForOtherLinks(const std::string& bridge, bool answer)
{
    std::string value = "1";
    if (answer)
        std::getline(std::ifstream("/proc/sys/net/ipv4/conf/default/arp_ignore"), value);
    std::ofstream("/proc/sys/net/ipv4/conf/" + bridge + "/arp_ignore") << value << "\n";
}

/// The programmed network whose bridge holds `adapter`; none when it is free.
const NetworkPlan* adapterHolder(const std::map<Guid, NetworkPlan>& networks, const std::string& adapter)
{
    for (const auto& [id, network] : networks)
        if (network.adapter == adapter && !network.viaTrunk)
            return &network;
    return nullptr;
}

/// The first programmed network (but `except`) that reaches `adapter` through a trunk.
NetworkPlan* adapterSharer(std::map<Guid, NetworkPlan>& networks, const std::string& adapter,
                           const Guid& except)
{
    for (auto& [id, network] : networks)
        if (id != except && network.adapter == adapter && network.viaTrunk)
            return &network;
    return nullptr;
}

} // namespace

Status LinuxDatapath::State::joinAdapter(NetworkPlan& network, LocalUndo& undo)
{
    const std::string adapter = network.adapter;
    const std::string bridge = network.bridge;
    if (const NetworkPlan* holder = adapterHolder(networks, adapter)) {
        if (!equalsIgnoreCase(network.type, "L2Bridge") || !equalsIgnoreCase(holder->type, "L2Bridge"))
            return Status(hr::InvalidNetwork, "network adapter \"" + adapter + "\" already carries " +
                                                  holder->type + " network " + holder->id.toString() +
                                                  "; only L2Bridge networks share an adapter, a " +
                                                  network.type + " network needs one of its own.");
        answerArpForOtherLinks(bridge, false);
        const std::string trunk = trunkName(network.id);
        const std::string peer = trunkPeerName(network.id);
        if (Status s = host.addVeth(trunk, peer, std::nullopt); !s.ok())
            return s;
        undo.add([this, trunk] { logFailure(host.deleteLink(trunk)); });
        for (const std::string& end : {trunk, peer}) {
            for (Status s : {host.setAlias(end, linkAlias(network.id)), host.setGroup(end, kLinkGroup)})
                if (!s.ok())
                    return s;
            if (holder->mtu)
                if (Status s = host.setMtu(end, holder->mtu); !s.ok())
                    return s;
        }
        for (Status s : {host.setMaster(trunk, bridge), host.setMaster(peer, holder->bridge),
                         host.setUp(trunk), host.setUp(peer)})
            if (!s.ok())
                return s;
        network.viaTrunk = true;
        network.underlayMtu = holder->underlayMtu;
        network.mtu = holder->mtu;
        network.underlayIndex = holder->underlayIndex;
        return injected("trunk");
    }
    // Deleting the bridge (undo, network delete, leftovers) releases the adapter again.
    if (Status s = host.setMaster(adapter, bridge); !s.ok())
        return s.code() == hr::ElementNotFound
                   ? Status(hr::AdapterNotFound,
                            "network adapter \"" + adapter + "\" does not exist in hcnd's network namespace.")
                   : s;
    if (Status s = host.setUp(adapter); !s.ok())
        return s;
    auto adapterMtu = host.linkMtu(adapter);
    if (!adapterMtu.ok())
        return adapterMtu.status();
    network.underlayMtu = network.mtu = adapterMtu->mtu; // larger frames would not leave
    network.underlayIndex = adapterMtu->index;
    // The host's addresses keep their MAC: the bridge would otherwise take its lowest port's, which
    // changes as endpoints come and go, and the neighbours' caches with it.
    auto adapterMac = host.macOf(adapter);
    if (!adapterMac.ok())
        return adapterMac.status();
    if (Status s = host.setMac(bridge, *adapterMac); !s.ok())
        return s;
    if (Status s = moveAddressing(adapter, bridge); !s.ok())
        return s;
    undo.add([this, adapter, bridge] { logFailure(moveAddressing(bridge, adapter)); });
    return injected("adapter");
}

Status LinuxDatapath::State::leaveAdapter(const NetworkPlan& network)
{
    const std::string& adapter = network.adapter;
    if (network.viaTrunk) { // the peer on the holder's bridge goes with it
        if (Status s = host.deleteLink(trunkName(network.id)); !s.ok() && s.code() != hr::ElementNotFound)
            return s;
        return Status::success();
    }
    NetworkPlan* next = adapterSharer(networks, adapter, network.id);
    if (!next) {
        Status s = moveAddressing(network.bridge, adapter);
        return s.code() == hr::ElementNotFound ? Status::success() : s; // a bridge gone has nothing to give
    }
    // The next network's bridge takes the adapter, its MAC and addressing, and the other trunks; its own
    // trunk goes last, when nothing can fail any more.
    LocalUndo undo;
    if (Status s = host.setMaster(adapter, next->bridge); !s.ok())
        return s;
    undo.add([this, adapter, from = network.bridge] { logFailure(host.setMaster(adapter, from)); });
    auto adapterMac = host.macOf(adapter);
    if (!adapterMac.ok())
        return adapterMac.status();
    if (Status s = host.setMac(next->bridge, *adapterMac); !s.ok())
        return s;
    answerArpForOtherLinks(next->bridge, true);
    undo.add([bridge = next->bridge] { answerArpForOtherLinks(bridge, false); });
    if (Status s = moveAddressing(network.bridge, next->bridge); !s.ok())
        return s;
    undo.add([this, from = network.bridge, to = next->bridge] { logFailure(moveAddressing(to, from)); });
    for (auto& [id, other] : networks) {
        if (id == network.id || id == next->id || other.adapter != adapter || !other.viaTrunk)
            continue;
        if (Status s = host.setMaster(trunkPeerName(id), next->bridge); !s.ok())
            return s;
        undo.add([this, peer = trunkPeerName(id), from = network.bridge] {
            logFailure(host.setMaster(peer, from));
        });
    }
    if (Status s = injected("handover"); !s.ok())
        return s;
    if (Status s = host.deleteLink(trunkName(next->id)); !s.ok() && s.code() != hr::ElementNotFound)
        return s;
    next->viaTrunk = false;
    undo.done();
    componentLogger("hcn.datapath")
        ->info("network {} took adapter {} over from network {}", next->id.toString(), adapter,
               network.id.toString());
    return Status::success();
}

void LinuxDatapath::State::giveBackAdapterAddressing()
{
    auto links = host.links();
    if (!links.ok())
        return logFailure(links.status());
    std::map<std::string, std::string> aliases;
    for (const auto& link : *links)
        aliases[link.name] = link.alias;
    for (const auto& link : *links) {
        if (!isOurLink(link.name, link.alias) || link.name[3] != 'b')
            continue;
        auto ports = host.portsOf(link.name);
        if (!ports.ok()) {
            logFailure(ports.status());
            continue;
        }
        for (const auto& port : *ports)
            if (!isOurLink(port, aliases[port])) { // the adapter of a bridged network
                componentLogger("hcn.datapath")
                    ->info("giving {} back the addresses and routes {} held", port, link.name);
                logFailure(moveAddressing(link.name, port));
                break;
            }
    }
}

} // namespace hcn
