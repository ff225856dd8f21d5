// The addressing of an L2Bridge or Transparent network's adapter. HNS gives the host a virtual NIC on
// such a network's switch holding the adapter's addresses, so the host keeps its connection through the
// adapter it bridged. Here the bridge that enslaves the adapter plays that NIC: a bridge port receives
// nothing for the host itself, so the adapter's global addresses and the routes out of it move onto the
// bridge, and back onto the adapter when the network goes. So do the policy routing rules naming the
// adapter as their iif or oif: the host's traffic now enters and leaves through the bridge.

#include "datapath/linux_state.h"
#include "datapath/linux_undo.h"

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
