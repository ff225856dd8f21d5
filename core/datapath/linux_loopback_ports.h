#pragma once
// What a plan publishes on the loopback addresses (docs/datapath-linux.md, section "Published ports on
// the loopback addresses"): the ports the loopback proxy listens on for an endpoint's port mappings and
// a load balancer, both only when they have no VIP (published on every host address).

#include "datapath/linux_loopback_proxy.h"
#include "datapath/linux_plan.h"

#include <string>
#include <vector>

namespace hcn::linuxdp {

/// An endpoint's PortMapping policies without a VIP: each on 127.0.0.1, to the endpoint's IPv4 address
/// (else its IPv6), and on ::1, to its IPv6 address (else its IPv4). None for a remote endpoint.
std::vector<LoopbackPort> loopbackPorts(const EndpointPlan& endpoint);
/// A load balancer without VIPs: each port mapping on its family's loopback address (::1 with Flags 2,
/// else 127.0.0.1) over `backendIps` (backendAddresses()), round robin for DistributionType 0, by the
/// client's address for 1 and 2. None when it has VIPs.
std::vector<LoopbackPort> loopbackPorts(const LoadBalancerPlan& lb,
                                        const std::vector<std::string>& backendIps);

} // namespace hcn::linuxdp
