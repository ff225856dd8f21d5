// Load balancer frontends for the trace: which load balancer answers VIP:port/protocol (a mapping
// without a protocol answers any; one whose protocol the dump does not show may answer), and what its
// flags do to the packets it forwards (DSR and SourceVIP, PreserveDIP, session affinity; ILB,
// LocalRoutedVIP, UseMux and the IPv6 flag are named).

#include "analysis/trace_steps.h"

#include <algorithm>

namespace hcn::analysis {

namespace {

/// The port mappings of the load balancers on `vip` that listen on `port` and for which `takes` holds.
template <typename Takes>
std::vector<Frontend> frontendsOnPort(const TraceIndex& index, const IpAddress& vip, std::uint16_t port,
                                      Takes takes)
{
    std::vector<Frontend> out;
    for (const std::string& id : index.model.loadBalancersByVip.at(vip.toString())) {
        const auto lb = index.model.loadBalancers.find(id);
        if (lb == index.model.loadBalancers.end())
            continue;
        for (std::size_t i = 0; i < lb->second.portMappings.size(); ++i) {
            const PortMappingFact& m = lb->second.portMappings[i];
            // A mapping without ExternalPort listens on its InternalPort (kube-proxy writes both).
            const std::uint16_t external = m.externalPort != 0 ? m.externalPort : m.internalPort;
            if (external == port && takes(m))
                out.push_back({&lb->second, m, i});
        }
    }
    return out; // load balancers are ordered by ID (the index is a set)
}

} // namespace

std::vector<Frontend> frontendsOf(const TraceIndex& index, const IpAddress& vip, std::uint32_t protocol,
                                  std::uint16_t port)
{
    return frontendsOnPort(index, vip, port,
                           [protocol](const PortMappingFact& m) { return mappingServes(m, protocol); });
}

std::vector<Frontend> unknownProtocolFrontendsOf(const TraceIndex& index, const IpAddress& vip,
                                                 std::uint16_t port)
{
    return frontendsOnPort(index, vip, port, [](const PortMappingFact& m) { return m.protocolUnknown; });
}

std::vector<std::uint16_t> frontendPorts(const TraceIndex& index, const IpAddress& vip,
                                         std::optional<std::uint32_t> protocol)
{
    std::vector<std::uint16_t> ports;
    for (const std::string& id : index.model.loadBalancersByVip.at(vip.toString()))
        if (const auto lb = index.model.loadBalancers.find(id); lb != index.model.loadBalancers.end())
            for (const PortMappingFact& m : lb->second.portMappings)
                if (protocol ? mappingServes(m, *protocol) : m.protocolUnknown)
                    ports.push_back(m.externalPort != 0 ? m.externalPort : m.internalPort);
    std::sort(ports.begin(), ports.end());
    ports.erase(std::unique(ports.begin(), ports.end()), ports.end());
    return ports;
}

BalancerBehaviour balancerBehaviour(const LoadBalancerFacts& lb, const PortMappingFact& mapping,
                                    const Packet& packet, bool fromHost)
{
    BalancerBehaviour b;
    std::vector<std::string> named;
    const std::string client = packet.source.toString();
    b.dsr = (lb.flags & 1) != 0;
    b.preserveDip = (mapping.flags & 8) != 0;
    // The SourceVIP is the address the load balancer sends to backends from; with DSR the client's
    // own address is kept instead.
    std::string unusedVip;
    if (lb.sourceVip && lb.sourceVip->family() != packet.source.family())
        unusedVip = " (its SourceVIP " + lb.sourceVip->toString() + " is of the other family: not used)";
    else if (lb.sourceVip && b.dsr)
        unusedVip = " (its SourceVIP " + lb.sourceVip->toString() + " is not used with DSR)";
    else if (lb.sourceVip)
        b.sourceVip = lb.sourceVip;
    if (b.dsr) {
        b.sourceText = "DSR (Flags EnableDirectServerReturn): the backend sees the client's own address " +
                       client + unusedVip + ".";
        b.replyText = "Replies go from the backend straight to the client, bypassing the load balancer.";
    } else {
        b.sourceText = b.sourceVip
                           ? "No DSR: the source becomes the SourceVIP " + b.sourceVip->toString() +
                                 " on the way to the backend, which sees that address, not " + client + "."
                           : "No DSR and no SourceVIP of the client's family" + unusedVip +
                                 ": nothing names another source; the backend sees " + client + ".";
        b.replyText = "Replies return through the load balancer, which undoes its translation.";
    }
    if (mapping.distribution == 2 || mapping.distribution == 1) {
        b.affinity = mapping.distribution;
        b.affinityName = mapping.distribution == 2 ? "SourceIP" : "SourceIPProtocol";
    }
    // The IPv6 flag says the load balancer works on IPv6 VIPs and backends; what HNS does when the
    // frontend's family says otherwise is not documented: named, the frontend's family is followed.
    const bool v6Flag = (lb.flags & 2) != 0;
    if (v6Flag && packet.destination.isV4())
        named.push_back("Flags IPv6 on the IPv4 frontend " + packet.destination.toString() +
                        " (HNS's handling undocumented; followed as IPv4)");
    else if (!v6Flag && !packet.destination.isV4())
        named.push_back("IPv6 frontend " + packet.destination.toString() +
                        " without Flags IPv6 (HNS's handling undocumented; followed as IPv6)");
    else if (v6Flag)
        named.push_back("Flags IPv6 (matches the IPv6 frontend)");
    if (mapping.flags & 1)
        named.push_back(fromHost ? "ILB (EnableInternalLoadBalancer: the VIP answers inside only; the host "
                                   "reaches it by LocalRoutedVIP)"
                                 : "ILB (EnableInternalLoadBalancer: the VIP answers inside only; a local "
                                   "endpoint is inside)");
    if ((mapping.flags & 2) && !fromHost)
        named.push_back("LocalRoutedVip (the host's own connections are balanced too: trace from the host)");
    if (mapping.flags & 4)
        named.push_back("UseMux (DSR for node port access; not modelled)");
    if (mapping.flags & 16)
        named.push_back("VipExternalIP (kube-proxy's bit for external IPs and node ports; not modelled)");
    for (const std::string& w : named)
        b.namedOnly += (b.namedOnly.empty() ? "" : "; ") + w;
    return b;
}

} // namespace hcn::analysis
