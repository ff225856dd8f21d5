// Load balancer frontends for the trace: which load balancer answers VIP:port/protocol, and the flags
// that change how it forwards (DSR, ILB, LocalRoutedVIP, session affinity).

#include "analysis/trace_steps.h"

#include <algorithm>

namespace hcn::analysis {

std::vector<Frontend> frontendsOf(const TraceIndex& index, const IpAddress& vip, std::uint32_t protocol,
                                  std::uint16_t port)
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
            if (m.protocol == protocol && external == port)
                out.push_back({&lb->second, m, i});
        }
    }
    return out; // load balancers are ordered by ID (the index is a set)
}

std::vector<std::uint16_t> frontendPorts(const TraceIndex& index, const IpAddress& vip,
                                         std::uint32_t protocol)
{
    std::vector<std::uint16_t> ports;
    for (const std::string& id : index.model.loadBalancersByVip.at(vip.toString()))
        if (const auto lb = index.model.loadBalancers.find(id); lb != index.model.loadBalancers.end())
            for (const PortMappingFact& m : lb->second.portMappings)
                if (m.protocol == protocol)
                    ports.push_back(m.externalPort != 0 ? m.externalPort : m.internalPort);
    std::sort(ports.begin(), ports.end());
    ports.erase(std::unique(ports.begin(), ports.end()), ports.end());
    return ports;
}

std::string balancerFlags(const LoadBalancerFacts& lb, const PortMappingFact& mapping)
{
    std::vector<std::string> words;
    if (lb.flags & 1)
        words.push_back(
            "DSR (Flags EnableDirectServerReturn: replies go from the backend straight to the client)");
    if (lb.flags & 2)
        words.push_back("IPv6 (Flags IPv6)");
    if (mapping.flags & 1)
        words.push_back("ILB (PortMappings Flags EnableInternalLoadBalancer: the VIP answers only inside)");
    if (mapping.flags & 2)
        words.push_back("LocalRoutedVIP (PortMappings Flags LocalRoutedVip: reachable from the host too)");
    if (mapping.flags & 8)
        words.push_back(
            "PreserveDIP (PortMappings Flags EnablePreserveDip: the backend sees the VIP as destination)");
    if (mapping.distribution == 2)
        words.push_back("session affinity by source IP (DistributionType SourceIP: one client, one backend)");
    else if (mapping.distribution == 1)
        words.push_back("session affinity by source IP and protocol (DistributionType SourceIPProtocol)");
    if (lb.sourceVip)
        words.push_back("SourceVIP " + lb.sourceVip->toString());
    std::string out;
    for (const std::string& w : words)
        out += (out.empty() ? "" : "; ") + w;
    return out;
}

} // namespace hcn::analysis
