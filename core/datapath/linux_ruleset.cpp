#include "datapath/linux_ruleset.h"

#include <algorithm>
#include <set>

namespace hcn::linuxdp {

namespace {

std::string chainSuffix(const Guid& id)
{
    return id.toString(GuidCase::Lower);
}

constexpr NatFamily kNatFamilies[] = {NatFamily::V4, NatFamily::V6};

/// "ip" / "ip6": the table family, and the keyword of its address matches and NAT statements.
std::string familyKeyword(NatFamily f)
{
    return f == NatFamily::V4 ? "ip" : "ip6";
}

std::string natTableName(NatFamily f)
{
    return familyKeyword(f) + " hcn";
}

/// address:port as a NAT target ("10.0.0.1:80", "[fd00::1]:80").
std::string natTarget(NatFamily f, const std::string& address, std::uint16_t port)
{
    return (f == NatFamily::V4 ? address : "[" + address + "]") + ":" + std::to_string(port);
}

std::vector<std::string> ofFamily(const std::vector<std::string>& items, NatFamily f)
{
    std::vector<std::string> out;
    for (const auto& item : items)
        if (inFamily(item, f))
            out.push_back(item);
    return out;
}

const std::string& addressOf(const EndpointPlan& ep, NatFamily f)
{
    return f == NatFamily::V4 ? ep.ipv4 : ep.ipv6;
}

/// The endpoint's port mappings that the table of `f` programs: those without a VIP when the endpoint
/// has an address of the family, those whose VIP is of the family.
std::vector<PortMapPlan> portMapsOf(const EndpointPlan& ep, NatFamily f)
{
    std::vector<PortMapPlan> out;
    if (addressOf(ep, f).empty())
        return out;
    for (const auto& pm : ep.portMaps)
        if (pm.vip.empty() || inFamily(pm.vip, f))
            out.push_back(pm);
    return out;
}

/// The map entries of port mappings, as (map, key): one on a VIP in `vipportmaps` (VIP, protocol and
/// port), one on every host address in `portmaps` (protocol and port). Two endpoints may so publish one
/// port on two VIPs, and a VIP's mapping wins over an every-address one on its address.
std::set<std::pair<std::string, std::string>> portMapKeys(const std::vector<PortMapPlan>& maps)
{
    std::set<std::pair<std::string, std::string>> keys;
    for (const auto& pm : maps) {
        const std::string key = pm.protocol + " . " + std::to_string(pm.externalPort);
        keys.emplace(pm.vip.empty() ? "portmaps" : "vipportmaps",
                     pm.vip.empty() ? key : pm.vip + " . " + key);
    }
    return keys;
}

std::string setOf(const std::vector<std::string>& items)
{
    if (items.size() == 1)
        return items.front();
    std::string out = "{ ";
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i ? ", " : "") + items[i];
    return out + " }";
}

/// One ACL as rules of the endpoint's chain for its direction: one rule without addresses (it matches
/// both families), else one per family its addresses name (a packet is of one family, so the first
/// match stays the first). "In" is traffic to the endpoint: the remote side is the source; "Out" is
/// traffic from it.
std::vector<std::string> aclRules(const AclPlan& acl)
{
    const bool in = acl.inbound;
    const auto& src = in ? acl.remoteAddresses : acl.localAddresses;
    const auto& dst = in ? acl.localAddresses : acl.remoteAddresses;
    const auto& sport = in ? acl.remotePorts : acl.localPorts;
    const auto& dport = in ? acl.localPorts : acl.remotePorts;
    std::string rest;
    if (!acl.protocols.empty())
        rest += " meta l4proto " + setOf(acl.protocols);
    else if (!sport.empty() || !dport.empty())
        rest += " meta l4proto { 6, 17 }";
    if (!sport.empty())
        rest += " th sport " + setOf(sport);
    if (!dport.empty())
        rest += " th dport " + setOf(dport);
    // Allow ends this endpoint's checks for the packet; Block drops it.
    rest += acl.allow ? " return" : " drop";
    if (src.empty() && dst.empty())
        return {rest};
    std::vector<std::string> rules;
    for (const NatFamily f : kNatFamilies) {
        const auto fsrc = ofFamily(src, f), fdst = ofFamily(dst, f);
        if ((!src.empty() && fsrc.empty()) || (!dst.empty() && fdst.empty()))
            continue; // the ACL names no address of this family on a side it restricts
        std::string rule;
        if (!fsrc.empty())
            rule += " " + familyKeyword(f) + " saddr " + setOf(fsrc);
        if (!fdst.empty())
            rule += " " + familyKeyword(f) + " daddr " + setOf(fdst);
        rules.push_back(rule + rest);
    }
    return rules;
}

/// The ACLs of an endpoint's chains: its network's NetworkACL policies and its own ACL policies in one
/// priority order (lowest first); at equal priorities the network's come first, each list in its order.
std::vector<AclPlan> aclsInOrder(const EndpointPlan& ep, const std::vector<AclPlan>& networkAcls)
{
    std::vector<AclPlan> all = networkAcls;
    all.insert(all.end(), ep.acls.begin(), ep.acls.end());
    sortByPriority(all);
    return all;
}

/// The endpoint's two ACL chains and their entries in `aclin` / `aclout`; nothing without any ACL.
std::string addAclChains(const EndpointPlan& ep, const std::vector<AclPlan>& networkAcls)
{
    const std::vector<AclPlan> acls = aclsInOrder(ep, networkAcls);
    if (acls.empty())
        return {};
    std::string out;
    for (const bool in : {true, false}) {
        const std::string chain = "acl-" + chainSuffix(ep.id) + (in ? "-in" : "-out");
        out += "add chain bridge hcn " + chain + "\n";
        for (const auto& acl : acls)
            if (acl.inbound == in)
                for (const auto& rule : aclRules(acl))
                    out += "add rule bridge hcn " + chain + rule + "\n";
        out += std::string("add element bridge hcn ") + (in ? "aclin" : "aclout") + " { \"" + ep.hostVeth +
               "\" : jump " + chain + " }\n";
    }
    return out;
}

std::string removeAclChains(const EndpointPlan& ep, const std::vector<AclPlan>& networkAcls)
{
    if (ep.acls.empty() && networkAcls.empty())
        return {};
    std::string out;
    for (const bool in : {true, false}) {
        const std::string chain = "acl-" + chainSuffix(ep.id) + (in ? "-in" : "-out");
        out += std::string("delete element bridge hcn ") + (in ? "aclin" : "aclout") + " { \"" + ep.hostVeth +
               "\" }\nflush chain bridge hcn " + chain + "\ndelete chain bridge hcn " + chain + "\n";
    }
    return out;
}

} // namespace

std::string removeTables()
{
    return "add table ip hcn\ndelete table ip hcn\nadd table ip6 hcn\ndelete table ip6 hcn\n"
           "add table bridge hcn\ndelete table bridge hcn\n";
}

namespace {

/// The NAT table of one family: port mappings and load balancer frontends (prerouting from other hosts,
/// output from the host itself), outbound NAT and the networks' masquerade (postrouting).
std::string natTable(NatFamily f)
{
    const std::string t = natTableName(f);
    const std::string addr = f == NatFamily::V4 ? "ipv4_addr" : "ipv6_addr";
    std::string out = "add table " + t + "\n";
    out += "add map " + t + " portmaps { type inet_proto . inet_service : verdict; }\n";
    out += "add map " + t + " vipportmaps { type " + addr + " . inet_proto . inet_service : verdict; }\n";
    out += "add map " + t + " outboundnat { type " + addr + " : verdict; }\n";
    out += "add map " + t + " networknat { type ifname : verdict; }\n";
    out += "add map " + t + " lbfrontends { type " + addr + " . inet_proto . inet_service : verdict; }\n";
    out +=
        "add map " + t + " lblocalfrontends { type " + addr + " . inet_proto . inet_service : verdict; }\n";
    out += "add chain " + t + " prerouting { type nat hook prerouting priority dstnat; policy accept; }\n";
    out += "add rule " + t + " prerouting " + familyKeyword(f) +
           " daddr . meta l4proto . th dport vmap @lbfrontends\n";
    out += "add rule " + t + " prerouting fib daddr type local " + familyKeyword(f) +
           " daddr . meta l4proto . th dport vmap @vipportmaps\n";
    out += "add rule " + t + " prerouting fib daddr type local meta l4proto . th dport vmap @portmaps\n";
    out += "add chain " + t + " output { type nat hook output priority -100; policy accept; }\n";
    out += "add rule " + t + " output " + familyKeyword(f) +
           " daddr . meta l4proto . th dport vmap @lblocalfrontends\n";
    out += "add rule " + t + " output fib daddr type local " + familyKeyword(f) +
           " daddr . meta l4proto . th dport vmap @vipportmaps\n";
    // Not to the loopback addresses: translated, the packet would leave by a bridge with a loopback
    // source, which the kernel drops; the loopback proxy answers there (linux_loopback_proxy.h).
    out += "add rule " + t + " output fib daddr type local " + familyKeyword(f) +
           " daddr != " + (f == NatFamily::V4 ? "127.0.0.0/8" : "::1") +
           " meta l4proto . th dport vmap @portmaps\n";
    out += "add chain " + t + " postrouting { type nat hook postrouting priority srcnat; policy accept; }\n";
    out += "add rule " + t + " postrouting " + familyKeyword(f) + " saddr vmap @outboundnat\n";
    out += "add rule " + t + " postrouting iifname vmap @networknat\n";
    return out;
}

} // namespace

std::string createTables()
{
    return natTable(NatFamily::V4) + natTable(NatFamily::V6) + R"(add table bridge hcn
add set bridge hcn removing { type ifname; }
add map bridge hcn aclin { type ifname : verdict; }
add map bridge hcn aclout { type ifname : verdict; }
add chain bridge hcn forward { type filter hook forward priority 0; policy accept; }
add rule bridge hcn forward iifname @removing drop
add rule bridge hcn forward oifname @removing drop
add rule bridge hcn forward oifname vmap @aclin
add rule bridge hcn forward iifname vmap @aclout
add chain bridge hcn input { type filter hook input priority 0; policy accept; }
add rule bridge hcn input iifname @removing drop
add rule bridge hcn input iifname vmap @aclout
add chain bridge hcn output { type filter hook output priority 0; policy accept; }
add rule bridge hcn output oifname @removing drop
add rule bridge hcn output oifname vmap @aclin
)";
}

std::string addNetworkRules(const NetworkPlan& network)
{
    if (!network.masquerade)
        return {};
    // Outbound traffic leaves with the host's address; DNATed traffic sent back out of the same bridge
    // (an endpoint reaching a load balancer or published port that lands on its own network) too, so
    // the replies come back through the host and get un-NATed. Both families.
    const std::string chain = "net-" + chainSuffix(network.id);
    const std::string bridge = "\"" + network.bridge + "\"";
    std::string out;
    for (const NatFamily f : kNatFamilies) {
        const std::string t = natTableName(f);
        out += "add chain " + t + " " + chain + "\n" + "add rule " + t + " " + chain +
               " oifname != " + bridge + " masquerade\n" + "add rule " + t + " " + chain + " oifname " +
               bridge + " ct status dnat masquerade\n" + "add element " + t + " networknat { " + bridge +
               " : jump " + chain + " }\n";
    }
    return out;
}

std::string removeNetworkRules(const NetworkPlan& network)
{
    if (!network.masquerade)
        return {};
    const std::string chain = "net-" + chainSuffix(network.id);
    std::string out;
    for (const NatFamily f : kNatFamilies)
        out += "delete element " + natTableName(f) + " networknat { \"" + network.bridge +
               "\" }\nflush chain " + natTableName(f) + " " + chain + "\ndelete chain " + natTableName(f) +
               " " + chain + "\n";
    return out;
}

std::string addEndpointRules(const EndpointPlan& ep, const std::vector<AclPlan>& networkAcls)
{
    if (ep.remote)
        return {};
    const std::string id = chainSuffix(ep.id);
    std::string out;
    for (const NatFamily f : kNatFamilies) {
        const std::string t = natTableName(f);
        const auto maps = portMapsOf(ep, f);
        if (!maps.empty()) {
            const std::string chain = "pm-" + id;
            out += "add chain " + t + " " + chain + "\n";
            for (const auto& pm : maps)
                out += "add rule " + t + " " + chain + " meta l4proto " + pm.protocol + " th dport " +
                       std::to_string(pm.externalPort) +
                       (pm.vip.empty() ? "" : " " + familyKeyword(f) + " daddr " + pm.vip) + " dnat " +
                       familyKeyword(f) + " to " + natTarget(f, addressOf(ep, f), pm.internalPort) + "\n";
            for (const auto& [map, key] : portMapKeys(maps))
                out += "add element " + t + " " + map + " { " + key + " : jump " + chain + " }\n";
        }
        if (ep.outboundNat && !addressOf(ep, f).empty()) {
            const std::string chain = "ob-" + id;
            out += "add chain " + t + " " + chain + "\n";
            if (const auto exceptions = ofFamily(ep.outboundNat->exceptions, f); !exceptions.empty())
                out += "add rule " + t + " " + chain + " " + familyKeyword(f) + " daddr { " + [&] {
                    std::string list;
                    for (std::size_t i = 0; i < exceptions.size(); ++i)
                        list += (i ? ", " : "") + exceptions[i];
                    return list;
                }() + " } accept\n";
            const std::string& vip = ep.outboundNat->virtualIp;
            out += "add rule " + t + " " + chain +
                   (vip.empty() || !inFamily(vip, f) ? std::string(" masquerade")
                                                     : " snat " + familyKeyword(f) + " to " + vip) +
                   "\n";
            out += "add element " + t + " outboundnat { " + addressOf(ep, f) + " : jump " + chain + " }\n";
        }
    }
    return out + addAclChains(ep, networkAcls);
}

std::string removeEndpointRules(const EndpointPlan& ep, const std::vector<AclPlan>& networkAcls)
{
    if (ep.remote)
        return {};
    const std::string id = chainSuffix(ep.id);
    std::string out;
    for (const NatFamily f : kNatFamilies) {
        const std::string t = natTableName(f);
        const auto maps = portMapsOf(ep, f);
        if (!maps.empty()) {
            for (const auto& [map, key] : portMapKeys(maps))
                out += "delete element " + t + " " + map + " { " + key + " }\n";
            out += "flush chain " + t + " pm-" + id + "\ndelete chain " + t + " pm-" + id + "\n";
        }
        if (ep.outboundNat && !addressOf(ep, f).empty())
            out += "delete element " + t + " outboundnat { " + addressOf(ep, f) + " }\nflush chain " + t +
                   " ob-" + id + "\ndelete chain " + t + " ob-" + id + "\n";
    }
    return out + removeAclChains(ep, networkAcls);
}

std::string replaceAclRules(const EndpointPlan& ep, const std::vector<AclPlan>& from,
                            const std::vector<AclPlan>& to)
{
    if (ep.remote)
        return {};
    const std::string next = addAclChains(ep, to);
    return next == addAclChains(ep, from) ? std::string() : removeAclChains(ep, from) + next;
}

namespace {

/// The map entries of a load balancer's frontends, as (map, key): without VIPs `portmaps` on every host
/// address (protocol . port); with VIPs `lbfrontends` (VIP . protocol . port) for connections from other
/// hosts and endpoints, and `lblocalfrontends` too for the host's own when the mapping has LocalRoutedVIP.
std::set<std::pair<std::string, std::string>> frontendKeys(const LoadBalancerPlan& lb)
{
    std::set<std::pair<std::string, std::string>> keys;
    for (const auto& port : lb.ports) {
        const std::string key = port.protocol + " . " + std::to_string(port.externalPort);
        if (lb.vips.empty())
            keys.emplace("portmaps", key);
        for (const auto& vip : lb.vips) {
            keys.emplace("lbfrontends", vip + " . " + key);
            if (port.localRoutedVip)
                keys.emplace("lblocalfrontends", vip + " . " + key);
        }
    }
    return keys;
}

NatFamily familyOf(const LoadBalancerPlan& lb)
{
    return lb.ipv6 ? NatFamily::V6 : NatFamily::V4;
}

} // namespace

std::string addLoadBalancerRules(const LoadBalancerPlan& lb, const std::vector<std::string>& backendIps)
{
    const NatFamily f = familyOf(lb);
    const std::string t = natTableName(f);
    const std::string chain = "lb-" + chainSuffix(lb.id);
    std::string out = "add chain " + t + " " + chain + "\n";
    for (const auto& port : lb.ports) {
        if (backendIps.empty())
            break; // no backend: nothing to translate to; the frontend stays unanswered
        out += "add rule " + t + " " + chain + " meta l4proto " + port.protocol + " th dport " +
               std::to_string(port.externalPort) + " dnat " + familyKeyword(f) + " to ";
        if (backendIps.size() == 1) {
            out += natTarget(f, backendIps.front(), port.internalPort) + "\n";
            continue;
        }
        const std::string internal = std::to_string(port.internalPort);
        const std::string n = std::to_string(backendIps.size());
        out += port.distribution == 0 ? "numgen inc mod " + n
               : port.distribution == 2
                   ? "jhash " + familyKeyword(f) + " saddr mod " + n + " seed 0x68636e"
                   : "jhash " + familyKeyword(f) + " saddr . meta l4proto mod " + n + " seed 0x68636e";
        out += " map { ";
        for (std::size_t i = 0; i < backendIps.size(); ++i)
            out += (i ? ", " : "") + std::to_string(i) + " : " + backendIps[i] + " . " + internal;
        out += " }\n";
    }
    for (const auto& [map, key] : frontendKeys(lb))
        out += "add element " + t + " " + map + " { " + key + " : jump " + chain + " }\n";
    return out;
}

std::string removeLoadBalancerRules(const LoadBalancerPlan& lb)
{
    const std::string t = natTableName(familyOf(lb));
    const std::string chain = "lb-" + chainSuffix(lb.id);
    std::string out;
    for (const auto& [map, key] : frontendKeys(lb))
        out += "delete element " + t + " " + map + " { " + key + " }\n";
    return out + "flush chain " + t + " " + chain + "\ndelete chain " + t + " " + chain + "\n";
}

Result<std::vector<std::string>> backendAddresses(const LoadBalancerPlan& lb,
                                                  const std::map<Guid, EndpointPlan>& endpoints,
                                                  const EndpointPlan* replacing)
{
    std::vector<std::string> out;
    for (const auto& backend : lb.backends) {
        const EndpointPlan* ep = replacing && replacing->id == backend ? replacing : nullptr;
        if (!ep)
            if (auto it = endpoints.find(backend); it != endpoints.end())
                ep = &it->second;
        const std::string* address = !ep ? nullptr : lb.ipv6 ? &ep->ipv6 : &ep->ipv4;
        if (!address || address->empty())
            return Status(hr::EndpointNotFound,
                          "load balancer " + lb.id.toString() + ": backend " + backend.toString() +
                              " has no " + (lb.ipv6 ? "IPv6" : "IPv4") + " address in the linux datapath.");
        out.push_back(*address);
    }
    return out;
}

Result<BackendMove> followBackend(const std::map<Guid, ProgrammedLoadBalancer>& loadBalancers,
                                  const std::map<Guid, EndpointPlan>& endpoints, const EndpointPlan& moved)
{
    BackendMove out;
    for (const auto& [id, lb] : loadBalancers) {
        if (std::find(lb.plan.backends.begin(), lb.plan.backends.end(), moved.id) == lb.plan.backends.end())
            continue;
        auto ips = backendAddresses(lb.plan, endpoints, &moved);
        if (!ips.ok())
            return ips.status();
        if (*ips == lb.backendIps)
            continue; // an address of the other family, or none it uses, changed
        out.commands += removeLoadBalancerRules(lb.plan) + addLoadBalancerRules(lb.plan, *ips);
        out.backendIps.emplace(id, std::move(*ips));
    }
    return out;
}

std::string setRemoving(const std::vector<std::string>& add, const std::vector<std::string>& remove)
{
    std::string out;
    for (const auto& name : add)
        out += "add element bridge hcn removing { \"" + name + "\" }\n";
    for (const auto& name : remove)
        out += "delete element bridge hcn removing { \"" + name + "\" }\n";
    return out;
}

} // namespace hcn::linuxdp
