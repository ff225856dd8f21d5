// The loopback ports of endpoints and load balancers (linux_loopback_ports.h).

#include "datapath/linux_loopback_ports.h"

namespace hcn::linuxdp {

std::vector<LoopbackPort> loopbackPorts(const EndpointPlan& endpoint)
{
    std::vector<LoopbackPort> out;
    if (endpoint.remote)
        return out;
    const std::string& v4 = endpoint.ipv4.empty() ? endpoint.ipv6 : endpoint.ipv4;
    const std::string& v6 = endpoint.ipv6.empty() ? endpoint.ipv4 : endpoint.ipv6;
    for (const PortMapPlan& pm : endpoint.portMaps) {
        if (!pm.vip.empty() || pm.externalPort == 0)
            continue;
        for (const auto& [loopback, target] : {std::pair{"127.0.0.1", &v4}, std::pair{"::1", &v6}})
            if (!target->empty())
                out.push_back({pm.protocol, loopback, pm.externalPort, pm.internalPort, {*target}, false});
    }
    return out;
}

std::vector<LoopbackPort> loopbackPorts(const LoadBalancerPlan& lb,
                                        const std::vector<std::string>& backendIps)
{
    std::vector<LoopbackPort> out;
    if (!lb.vips.empty() || backendIps.empty())
        return out;
    for (const LoadBalancerPlan::Port& p : lb.ports)
        if (p.externalPort != 0)
            out.push_back({p.protocol, lb.ipv6 ? "::1" : "127.0.0.1", p.externalPort, p.internalPort,
                           backendIps, p.distribution != 0});
    return out;
}

} // namespace hcn::linuxdp
