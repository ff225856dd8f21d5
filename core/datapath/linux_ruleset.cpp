#include "datapath/linux_ruleset.h"

#include <set>

namespace hcn::linuxdp {

namespace {

std::string chainSuffix(const Guid& id)
{
    return id.toString(GuidCase::Lower);
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

/// One ACL as a rule of the endpoint's chain for its direction. "In" is traffic to the endpoint: the
/// remote side is the source; "Out" is traffic from it.
std::string aclRule(const AclPlan& acl)
{
    std::string rule;
    const bool in = acl.inbound;
    const auto& src = in ? acl.remoteAddresses : acl.localAddresses;
    const auto& dst = in ? acl.localAddresses : acl.remoteAddresses;
    const auto& sport = in ? acl.remotePorts : acl.localPorts;
    const auto& dport = in ? acl.localPorts : acl.remotePorts;
    if (!src.empty())
        rule += " ip saddr " + setOf(src);
    if (!dst.empty())
        rule += " ip daddr " + setOf(dst);
    if (!acl.protocols.empty())
        rule += " meta l4proto " + setOf(acl.protocols);
    else if (!sport.empty() || !dport.empty())
        rule += " meta l4proto { 6, 17 }";
    if (!sport.empty())
        rule += " th sport " + setOf(sport);
    if (!dport.empty())
        rule += " th dport " + setOf(dport);
    // Allow ends this endpoint's checks for the packet; Block drops it.
    rule += acl.allow ? " return" : " drop";
    return rule;
}

} // namespace

std::string removeTables()
{
    return "add table ip hcn\ndelete table ip hcn\nadd table bridge hcn\ndelete table bridge hcn\n";
}

std::string createTables()
{
    return R"(add table ip hcn
add map ip hcn portmaps { type inet_proto . inet_service : verdict; }
add map ip hcn outboundnat { type ipv4_addr : verdict; }
add map ip hcn networknat { type ifname : verdict; }
add map ip hcn lbfrontends { type ipv4_addr . inet_proto . inet_service : verdict; }
add chain ip hcn prerouting { type nat hook prerouting priority dstnat; policy accept; }
add rule ip hcn prerouting ip daddr . meta l4proto . th dport vmap @lbfrontends
add rule ip hcn prerouting fib daddr type local meta l4proto . th dport vmap @portmaps
add chain ip hcn output { type nat hook output priority -100; policy accept; }
add rule ip hcn output ip daddr . meta l4proto . th dport vmap @lbfrontends
add rule ip hcn output fib daddr type local meta l4proto . th dport vmap @portmaps
add chain ip hcn postrouting { type nat hook postrouting priority srcnat; policy accept; }
add rule ip hcn postrouting ip saddr vmap @outboundnat
add rule ip hcn postrouting iifname vmap @networknat
add table bridge hcn
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
    // the replies come back through the host and get un-NATed.
    const std::string chain = "net-" + chainSuffix(network.id);
    const std::string bridge = "\"" + network.bridge + "\"";
    return "add chain ip hcn " + chain + "\n" + "add rule ip hcn " + chain + " oifname != " + bridge +
           " masquerade\n" + "add rule ip hcn " + chain + " oifname " + bridge + " ct status dnat masquerade\n" +
           "add element ip hcn networknat { " + bridge + " : jump " + chain + " }\n";
}

std::string removeNetworkRules(const NetworkPlan& network)
{
    if (!network.masquerade)
        return {};
    const std::string chain = "net-" + chainSuffix(network.id);
    return "delete element ip hcn networknat { \"" + network.bridge + "\" }\nflush chain ip hcn " + chain +
           "\ndelete chain ip hcn " + chain + "\n";
}

std::string addEndpointRules(const EndpointPlan& ep)
{
    if (ep.remote)
        return {};
    const std::string id = chainSuffix(ep.id);
    std::string out;
    if (!ep.portMaps.empty()) {
        const std::string chain = "pm-" + id;
        out += "add chain ip hcn " + chain + "\n";
        std::set<std::string> keys;
        for (const auto& pm : ep.portMaps) {
            out += "add rule ip hcn " + chain + " meta l4proto " + pm.protocol + " th dport " +
                   std::to_string(pm.externalPort) + (pm.vip.empty() ? "" : " ip daddr " + pm.vip) +
                   " dnat ip to " + ep.ipv4 + ":" + std::to_string(pm.internalPort) + "\n";
            keys.insert(pm.protocol + " . " + std::to_string(pm.externalPort));
        }
        for (const auto& key : keys)
            out += "add element ip hcn portmaps { " + key + " : jump " + chain + " }\n";
    }
    if (ep.outboundNat) {
        const std::string chain = "ob-" + id;
        out += "add chain ip hcn " + chain + "\n";
        if (!ep.outboundNat->exceptions.empty())
            out += "add rule ip hcn " + chain + " ip daddr { " + [&] {
                std::string list;
                for (std::size_t i = 0; i < ep.outboundNat->exceptions.size(); ++i)
                    list += (i ? ", " : "") + ep.outboundNat->exceptions[i];
                return list;
            }() + " } accept\n";
        out += "add rule ip hcn " + chain +
               (ep.outboundNat->virtualIp.empty() ? std::string(" masquerade")
                                                  : " snat ip to " + ep.outboundNat->virtualIp) +
               "\n";
        out += "add element ip hcn outboundnat { " + ep.ipv4 + " : jump " + chain + " }\n";
    }
    if (!ep.acls.empty()) {
        for (const bool in : {true, false}) {
            const std::string chain = "acl-" + id + (in ? "-in" : "-out");
            out += "add chain bridge hcn " + chain + "\n";
            for (const auto& acl : ep.acls)
                if (acl.inbound == in)
                    out += "add rule bridge hcn " + chain + aclRule(acl) + "\n";
            out += std::string("add element bridge hcn ") + (in ? "aclin" : "aclout") + " { \"" + ep.hostVeth +
                   "\" : jump " + chain + " }\n";
        }
    }
    return out;
}

std::string removeEndpointRules(const EndpointPlan& ep)
{
    if (ep.remote)
        return {};
    const std::string id = chainSuffix(ep.id);
    std::string out;
    if (!ep.portMaps.empty()) {
        std::set<std::string> keys;
        for (const auto& pm : ep.portMaps)
            keys.insert(pm.protocol + " . " + std::to_string(pm.externalPort));
        for (const auto& key : keys)
            out += "delete element ip hcn portmaps { " + key + " }\n";
        out += "flush chain ip hcn pm-" + id + "\ndelete chain ip hcn pm-" + id + "\n";
    }
    if (ep.outboundNat)
        out += "delete element ip hcn outboundnat { " + ep.ipv4 + " }\nflush chain ip hcn ob-" + id +
               "\ndelete chain ip hcn ob-" + id + "\n";
    if (!ep.acls.empty())
        for (const bool in : {true, false}) {
            const std::string chain = "acl-" + id + (in ? "-in" : "-out");
            out += std::string("delete element bridge hcn ") + (in ? "aclin" : "aclout") + " { \"" + ep.hostVeth +
                   "\" }\nflush chain bridge hcn " + chain + "\ndelete chain bridge hcn " + chain + "\n";
        }
    return out;
}

namespace {

std::set<std::string> frontendKeys(const LoadBalancerPlan& lb)
{
    std::set<std::string> keys;
    for (const auto& port : lb.ports) {
        if (lb.vips.empty())
            keys.insert(port.protocol + " . " + std::to_string(port.externalPort));
        for (const auto& vip : lb.vips)
            keys.insert(vip + " . " + port.protocol + " . " + std::to_string(port.externalPort));
    }
    return keys;
}

std::string frontendMap(const LoadBalancerPlan& lb)
{
    return lb.vips.empty() ? "portmaps" : "lbfrontends";
}

} // namespace

std::string addLoadBalancerRules(const LoadBalancerPlan& lb, const std::vector<std::string>& backendIps)
{
    const std::string chain = "lb-" + chainSuffix(lb.id);
    std::string out = "add chain ip hcn " + chain + "\n";
    for (const auto& port : lb.ports) {
        if (backendIps.empty())
            break; // no backend: nothing to translate to; the frontend stays unanswered
        out += "add rule ip hcn " + chain + " meta l4proto " + port.protocol + " th dport " +
               std::to_string(port.externalPort) + " dnat ip to ";
        const std::string internal = std::to_string(port.internalPort);
        if (backendIps.size() == 1) {
            out += backendIps.front() + ":" + internal + "\n";
            continue;
        }
        const std::string n = std::to_string(backendIps.size());
        out += port.distribution == 0   ? "numgen inc mod " + n
               : port.distribution == 2 ? "jhash ip saddr mod " + n + " seed 0x68636e"
                                        : "jhash ip saddr . meta l4proto mod " + n + " seed 0x68636e";
        out += " map { ";
        for (std::size_t i = 0; i < backendIps.size(); ++i)
            out += (i ? ", " : "") + std::to_string(i) + " : " + backendIps[i] + " . " + internal;
        out += " }\n";
    }
    for (const auto& key : frontendKeys(lb))
        out += "add element ip hcn " + frontendMap(lb) + " { " + key + " : jump " + chain + " }\n";
    return out;
}

std::string removeLoadBalancerRules(const LoadBalancerPlan& lb)
{
    const std::string chain = "lb-" + chainSuffix(lb.id);
    std::string out;
    for (const auto& key : frontendKeys(lb))
        out += "delete element ip hcn " + frontendMap(lb) + " { " + key + " }\n";
    return out + "flush chain ip hcn " + chain + "\ndelete chain ip hcn " + chain + "\n";
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
