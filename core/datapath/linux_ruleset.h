#pragma once
// The nftables text of hcnd's rules (docs/datapath-linux.md). Three tables belong to hcnd: `ip hcn` and
// `ip6 hcn` (NAT, one per family, the same structure: port mappings, load balancers, outbound
// masquerade) and `bridge hcn` (per-endpoint ACLs on the bridge ports, both families). Their
// base chains dispatch through verdict maps to one chain per object, so adding or removing an object is
// a handful of commands that run as one nftables transaction.

#include "datapath/linux_plan.h"

#include <string>
#include <vector>

namespace hcn::linuxdp {

/// Deletes the three tables if present (leftovers of an earlier run included).
std::string removeTables();
/// Creates the three tables with their maps and base chains (empty). Ports named in the bridge table's set
/// `removing` pass nothing: links waiting for the reaper (linux_reaper.h).
std::string createTables();

std::string addNetworkRules(const NetworkPlan& network);
std::string removeNetworkRules(const NetworkPlan& network);

std::string addEndpointRules(const EndpointPlan& endpoint);
std::string removeEndpointRules(const EndpointPlan& endpoint);

/// A load balancer's chain: DNAT of each port mapping over its backends' addresses (`backendIps`, in
/// the plan's order), picked by `numgen inc` (round robin) or `jhash` of the source (affinity), and the
/// frontend map entries that lead to it.
std::string addLoadBalancerRules(const LoadBalancerPlan& lb, const std::vector<std::string>& backendIps);
std::string removeLoadBalancerRules(const LoadBalancerPlan& lb);

/// Adds names to / removes names from the set `removing`.
std::string setRemoving(const std::vector<std::string>& add, const std::vector<std::string>& remove);

} // namespace hcn::linuxdp
