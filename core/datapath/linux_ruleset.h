#pragma once
// The nftables text of hcnd's rules (docs/datapath-linux.md). Three tables belong to hcnd: `ip hcn` and
// `ip6 hcn` (NAT, one per family, the same structure: port mappings, load balancers, outbound
// masquerade) and `bridge hcn` (per-endpoint ACLs on the bridge ports, both families). Their
// base chains dispatch through verdict maps to one chain per object, so adding or removing an object is
// a handful of commands that run as one nftables transaction.

#include "datapath/linux_plan.h"

#include <map>
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

/// An endpoint's rules. Its ACL chains hold its own ACLs and `networkAcls`, its network's NetworkACL
/// policies, in one priority order (docs/datapath-linux.md, "Network ACLs").
std::string addEndpointRules(const EndpointPlan& endpoint, const std::vector<AclPlan>& networkAcls = {});
std::string removeEndpointRules(const EndpointPlan& endpoint, const std::vector<AclPlan>& networkAcls = {});
/// An endpoint's ACL chains made again when its network's ACLs go from `from` to `to` (commands for one
/// buffer); nothing when its chains stay the same.
std::string replaceAclRules(const EndpointPlan& endpoint, const std::vector<AclPlan>& from,
                            const std::vector<AclPlan>& to);

/// A load balancer's chain: DNAT of each port mapping over its backends' addresses (`backendIps`, in
/// the plan's order), picked by `numgen inc` (round robin) or `jhash` of the source (affinity), and the
/// frontend map entries that lead to it.
std::string addLoadBalancerRules(const LoadBalancerPlan& lb, const std::vector<std::string>& backendIps);
std::string removeLoadBalancerRules(const LoadBalancerPlan& lb);

/// A load balancer as programmed: its plan and the addresses its rules translate to.
struct ProgrammedLoadBalancer
{
    LoadBalancerPlan plan;
    std::vector<std::string> backendIps;
};

/// The addresses of the load balancer's family of its backends, in the plan's order, from `endpoints`
/// (`replacing`, when given, stands in for the endpoint of its id). A backend without one is refused.
Result<std::vector<std::string>> backendAddresses(const LoadBalancerPlan& lb,
                                                  const std::map<Guid, EndpointPlan>& endpoints,
                                                  const EndpointPlan* replacing = nullptr);

/// What an endpoint's new addresses change in the load balancers it backs: for each whose backend
/// addresses differ, its removal and its add with the new ones (commands for the same buffer as the
/// endpoint's own rules), and those addresses. Nothing when no load balancer uses what changed.
struct BackendMove
{
    std::string commands;
    std::map<Guid, std::vector<std::string>> backendIps; ///< per load balancer reprogrammed
};
Result<BackendMove> followBackend(const std::map<Guid, ProgrammedLoadBalancer>& loadBalancers,
                                  const std::map<Guid, EndpointPlan>& endpoints, const EndpointPlan& moved);

/// Adds names to / removes names from the set `removing`.
std::string setRemoving(const std::vector<std::string>& add, const std::vector<std::string>& remove);

} // namespace hcn::linuxdp
