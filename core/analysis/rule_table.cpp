// The health rules as data: docs/checks.md, `hcnctl check` and the console list this table. IDs are
// stable (scripts and tickets quote them); add rules, never renumber or reuse an ID.
// Fix templates name objects by placeholder: {endpoint} {network} {lb} {namespace} {route} {object}
// {kind} {ip} {port}; the rule that fires fills them in.

#include "common/text.h"
#include "hcn/health_checks.h"

#include <array>

namespace hcn {

namespace {

using S = Severity;

constexpr std::array<HealthRule, 39> kRules{{
    {"IP-DUP-LOCAL", S::Error, "Two local endpoints hold the same IP address",
     "Two or more local endpoints have the same address in their IpConfigurations.",
     "Traffic for the address reaches only one of them; the other container looks dead.",
     "An endpoint was created with a static address that was already in use, or a leaked endpoint kept "
     "its address while the orchestrator handed it out again.",
     "hcnctl show endpoint {endpoint}; remove the stale one: hcnctl delete endpoint {endpoint} (on the "
     "host: Get-HnsEndpoint | ? IPAddress -eq '{ip}' | Remove-HnsEndpoint)"},
    {"IP-DUP-REMOTE", S::Error, "A local endpoint and a remote endpoint hold the same IP address",
     "A remote endpoint (Flags RemoteEndpoint) has the address of a local endpoint.",
     "Packets to the local workload are encapsulated to the other node instead.",
     "The remote endpoint is stale: the pod moved to this node, or the other node reused the range, and "
     "the CNI or kube-proxy did not delete the remote endpoint.",
     "hcnctl delete endpoint {endpoint} (the remote one; on the host: Remove-HnsEndpoint -Id {endpoint})"},
    {"IP-DUP-REMOTES", S::Warning, "Two remote endpoints hold the same IP address",
     "Two or more remote endpoints have the same address.",
     "Only one encapsulation target wins; connections to the address go to one node at random.",
     "An old remote endpoint survived after the workload moved to another node.",
     "hcnctl delete endpoint {endpoint} (the older one)"},
    {"MAC-DUP", S::Error, "Two endpoints hold the same MAC address",
     "Two or more endpoints, at least one local, have the same MacAddress.",
     "The virtual switch learns the MAC on one port only; the other endpoint loses its traffic.",
     "A MAC was given explicitly twice, or a MAC pool was shared between networks.",
     "hcnctl delete endpoint {endpoint} and create it again without a MacAddress (HNS assigns one)"},
    {"EP-IP-OUTSIDE-SUBNET", S::Error, "An endpoint's IP is outside its network's subnets",
     "A local endpoint has an address no IpAddressPrefix of its network contains.",
     "The address is not routed on the network: the container cannot talk to its gateway or peers.",
     "The endpoint was created with a static address for another subnet, or the network's subnets "
     "were changed after the endpoint was created.",
     "hcnctl delete endpoint {endpoint}; create it again on network {network} with an address inside "
     "its subnets"},
    {"EP-IP-RESERVED", S::Error, "An endpoint holds its subnet's network or broadcast address",
     "A local endpoint's IPv4 address is the first (network) or the last (broadcast) address of a subnet "
     "of its network (prefix /30 or shorter).",
     "No host on the subnet may hold it: the gateway and peers treat packets to it as addressed to the "
     "whole subnet or drop them, and the container looks dead.",
     "The endpoint was created with a static address computed from the range (`10.244.1.0`), or the "
     "network's prefix was changed after the endpoint was created.",
     "hcnctl delete endpoint {endpoint}; create it again on network {network} with a host address of the "
     "subnet (or none: HNS assigns one)"},
    {"NET-GATEWAY-OUTSIDE-SUBNET", S::Error, "A subnet's gateway is outside the subnet",
     "The NextHop of a subnet route is not inside the subnet's IpAddressPrefix.",
     "Endpoints get a default gateway they cannot reach on-link: nothing leaves the subnet.",
     "A typo in the gateway, or the prefix length was changed without changing the gateway.",
     "hcnctl show network {network}; recreate it with a NextHop inside the subnet (New-HnsNetwork "
     "-AddressPrefix ... -Gateway ...)"},
    {"NET-SUBNET-OVERLAP", S::Warning, "Subnets of two networks overlap",
     "An IpAddressPrefix of one network overlaps an IpAddressPrefix of another network.",
     "Addresses can be handed out twice, and the host's routes to the two networks compete.",
     "A network was created for a range another network already uses (often a NAT network created "
     "by Docker next to a CNI network).",
     "hcnctl delete network {network} and create it with a free range (Get-HnsNetwork to list ranges)"},
    {"NET-POOL-EXHAUSTED", S::Warning, "An address pool is over 90 % used",
     "More than 90 % of a subnet's assignable addresses are held by endpoints.",
     "New endpoints soon fail with HCN_E_ADDR_INVALID_OR_RESERVED / pool exhausted.",
     "More workloads than the subnet was sized for, or endpoints that were never deleted.",
     "hcnctl list endpoints --filter '{\"HostComputeNetwork\":\"{network}\"}'; delete unused endpoints or "
     "give the network a larger subnet"},
    {"NET-POOL-FULL-FEW-ENDPOINTS", S::Warning, "Address pool full with few attached endpoints",
     "A subnet is over 90 % used but at most half of the endpoints holding its addresses are attached "
     "to a namespace.",
     "The pool is exhausted by endpoints no container uses: new pods fail while the node looks idle.",
     "The CNI plugin or container runtime did not delete endpoints when containers went away (leaks).",
     "hcnctl list endpoints; delete the unattached ones: hcnctl delete endpoint {endpoint} (on the host: "
     "Get-HnsEndpoint | ? { -not $_.SharedContainers } | Remove-HnsEndpoint)"},
    {"NET-POOL-SMALL", S::Info, "A subnet's pool holds very few addresses",
     "A subnet with fewer than 16 assignable addresses is over 90 % used.",
     "A few endpoints fill it: the 'pool full' error appears with almost nothing running.",
     "The prefix is too long (a /28 or smaller pod CIDR), or IpSubnets narrow the pool.",
     "hcnctl show network {network}; recreate the network with a shorter prefix"},
    {"PORTMAP-CONFLICT", S::Error, "Two objects claim the same host port",
     "Two endpoint PortMapping policies (or a port mapping and a node-port load balancer) use the same "
     "protocol, external port and VIP.",
     "Only one of them receives the traffic; HNS refuses the later one with HCN_E_PORT_ALREADY_EXISTS.",
     "Two containers were published on the same host port, or an old endpoint still holds it.",
     "hcnctl show endpoint {endpoint}; delete or re-publish one of them on another port"},
    {"LB-NO-BACKENDS", S::Warning, "A load balancer has no backends",
     "A load balancer lists no endpoints in HostComputeEndpoints.", "Connections to its VIP are dropped.",
     "The service has no ready pods, or kube-proxy has not synced yet.",
     "kubectl get endpoints (the service's pods); else hcnctl delete loadbalancer {lb}"},
    {"LB-BACKEND-MISSING", S::Error, "A load balancer names backends that do not exist",
     "A load balancer's HostComputeEndpoints lists endpoint IDs the host does not have.",
     "Connections balanced to the missing backends are dropped (a share of every client's requests).",
     "The endpoints were deleted without updating the load balancer (kube-proxy out of sync).",
     "hcnctl delete loadbalancer {lb} and let kube-proxy recreate it (or restart kube-proxy)"},
    {"LB-DUP-FRONTEND", S::Error, "Two load balancers share a VIP, port and protocol",
     "Two load balancers have the same frontend VIP (or none: node port), protocol and external port.",
     "HNS programs one of them; the other service is unreachable on that port.",
     "A stale load balancer of a deleted service, or two services given the same port.",
     "hcnctl delete loadbalancer {lb} (the stale one)"},
    {"LB-ORPHAN-HOST-PORT", S::Error, "An orphaned load balancer holds a host port",
     "A node-port load balancer (no FrontendVIPs) with an external port has no existing backend.",
     "It keeps the host port: creating the service's load balancer again fails with 0x803B0013 "
     "(HCN_E_PORT_ALREADY_EXISTS) and kube-proxy ends in a crash loop.",
     "Its endpoints were deleted (pods rescheduled, node drained) but the load balancer was not.",
     "hcnctl delete loadbalancer {lb} (on the host: Get-HnsPolicyList | ? Id -eq '{lb}' | "
     "Remove-HnsPolicyList)"},
    {"LB-NOT-APPLIED", S::Error, "A load balancer is not applied",
     "A load balancer's document says IsApplied False (v1 Get-HnsPolicyList output; an import keeps it "
     "under \"_v1\").",
     "HNS has not programmed the policy into the data path: connections to its VIP and ports reach no "
     "backend, though the load balancer is listed like any other.",
     "HNS did not program the policy into the virtual switch (the HNS event log of the time names the "
     "failure), or the dump was taken while it was still being programmed.",
     "hcnctl show loadbalancer {lb}; delete it and let kube-proxy create it again: hcnctl delete "
     "loadbalancer {lb} (on the host: Get-HnsPolicyList | ? Id -eq '{lb}' | Remove-HnsPolicyList)"},
    {"EP-NETWORK-MISSING", S::Error, "An endpoint is on a network that does not exist",
     "An endpoint's HostComputeNetwork names a network the host does not have.",
     "The endpoint has no switch port: its container has no network at all.",
     "The network was deleted (or HNS restarted and recreated it with a new ID) while endpoints stayed.",
     "hcnctl delete endpoint {endpoint}, then recreate the container's endpoint on an existing network"},
    {"REMOTE-PA-UNKNOWN", S::Warning, "A remote endpoint's provider address is unknown to the network",
     "A remote endpoint's ProviderAddress is not the provider address of any RemoteSubnetRoute of its "
     "network that covers the endpoint's IP.",
     "Packets to it are encapsulated to a host that no longer owns that range.",
     "The node was removed or got a new address; the remote endpoint is stale.",
     "hcnctl delete endpoint {endpoint} (flannel / kube-proxy recreate current ones)"},
    {"REMOTE-IP-IN-LOCAL-RANGE", S::Error, "A remote endpoint's IP is in this node's local range",
     "A remote endpoint's address lies inside an IpSubnet this node hands local addresses from.",
     "Local pods with that address are unreachable: traffic is sent to another node.",
     "The pod CIDR was reassigned to this node while the old remote endpoint stayed.",
     "hcnctl delete endpoint {endpoint}"},
    {"EP-LEAKED", S::Warning, "A local endpoint is attached to nothing",
     "A local endpoint has no HostComputeNamespace and no namespace lists it (not on ICS or mirrored "
     "networks, where virtual machines hold endpoints without one).",
     "It holds an address, a MAC and possibly host ports while no container uses it.",
     "The container was removed without deleting its endpoint (runtime crash, CNI DEL not run).",
     "hcnctl delete endpoint {endpoint} (hnsdiag delete endpoints {endpoint})"},
    {"NAT-EXCEPTION-NETWORK", S::Error, "OutBoundNAT does not except the network's own range",
     "An endpoint's OutBoundNAT Exceptions on a Kubernetes network (L2Bridge, L2Tunnel, Overlay) do "
     "not cover the network's subnet.",
     "Pod-to-pod traffic is NATed to the node's address: network policies and source IPs break.",
     "The CNI configuration's OutBoundNAT ExceptionList misses the cluster CIDR.",
     "Add the cluster CIDR to the CNI config's OutBoundNAT ExceptionList and recreate the pod's "
     "endpoint: hcnctl delete endpoint {endpoint}"},
    {"NAT-EXCEPTION-SERVICE", S::Warning, "OutBoundNAT does not except the service range",
     "No load balancer VIP on the host lies inside any OutBoundNAT exception of the endpoint.",
     "Traffic to cluster IPs is NATed before it is load balanced; replies can miss the pod.",
     "The CNI configuration's OutBoundNAT ExceptionList misses the service CIDR.",
     "Add the service CIDR to the CNI config's OutBoundNAT ExceptionList; recreate: hcnctl delete "
     "endpoint {endpoint}"},
    {"DNS-MISSING", S::Warning, "An attached endpoint has no DNS server",
     "Neither the endpoint's nor its network's Dns names a server.",
     "Name resolution in the container fails.",
     "The CNI configuration has no DNS section, or the network was created without DNS settings.",
     "Set DNS in the CNI config (or New-HnsNetwork -DNSServer ...) and recreate: hcnctl delete endpoint "
     "{endpoint}"},
    {"DNS-VIP-NO-BACKENDS", S::Error, "The DNS server is a VIP without backends",
     "A DNS server of an endpoint or network is the frontend VIP of load balancers none of which has "
     "an existing backend.",
     "Every name lookup times out.",
     "The cluster DNS pods are not running, or kube-proxy lost the DNS service's backends.",
     "kubectl -n kube-system get pods -l k8s-app=kube-dns; hcnctl show loadbalancer {lb}"},
    {"ACL-SHADOWED", S::Warning, "An ACL rule can never match",
     "An ACL rule of an endpoint is fully covered by another rule of the same direction and type "
     "that is evaluated first (lower Priority value).",
     "The rule has no effect; if its action differs, traffic is treated the opposite way to what it "
     "says.",
     "Priorities were assigned in the wrong order, or a broad rule was added above specific ones.",
     "hcnctl show endpoint {endpoint}; give the rule a lower Priority value than the one covering it"},
    {"ACL-BLOCKS-DNS", S::Error, "An ACL blocks DNS",
     "An outbound Block rule matches UDP port 53 to a DNS server of the endpoint, and no Allow rule "
     "evaluated before it lets DNS through.",
     "Name resolution in the container fails.", "A deny-all egress policy without the DNS exception.",
     "Add an outbound Allow rule for UDP 53 to the DNS server with a lower Priority value "
     "(hcnctl modify endpoint {endpoint} -f policy.json)"},
    {"TIER-RULE-SHADOWED", S::Warning, "A TierAcl rule can never match",
     "A rule of an endpoint's TierAcl tier is fully covered by another rule of the same tier that is "
     "evaluated first (lower Priority value).",
     "The rule has no effect; if its action differs (Allow, Block, Pass), traffic is treated otherwise "
     "than it says.",
     "Priorities within the tier were assigned in the wrong order, or a broad rule was added above "
     "specific ones.",
     "hcnctl show endpoint {endpoint}; give the rule a lower Priority value than the one covering it"},
    {"TIER-BLOCKS-DNS", S::Error, "A TierAcl tier blocks DNS",
     "Evaluated in their Order, the endpoint's outbound TierAcl tiers hand UDP port 53 to a DNS server "
     "of the endpoint to a Block rule: no tier before it allows or passes it on first.",
     "Name resolution in the container fails.",
     "A deny-all rule in a tier without a DNS exception (an Allow, or a Pass to a later tier), or tiers "
     "whose Order puts the blocking tier first.",
     "Add an Allow (or Pass) rule for UDP 53 to the DNS server with a lower Priority value to the tier, "
     "or reorder the tiers (hcnctl modify endpoint {endpoint} -f policy.json)"},
    {"TIER-ORDER-DUP", S::Warning, "Two TierAcl tiers have the same Order",
     "Two TierAcl policies of one endpoint and one direction have the same Order.",
     "Which tier is evaluated first is not documented: traffic both match may be passed, allowed or "
     "blocked by either.",
     "Tiers were added by two controllers, or a tier was copied without changing its Order.",
     "hcnctl show endpoint {endpoint}; give each tier of the direction its own Order"},
    {"FEATURE-TOO-NEW", S::Error, "An object uses a feature the host's HNS does not have",
     "A document uses a field or policy newer than the host's HNS version.",
     "HNS ignores or rejects it: the behaviour the document asks for does not happen.",
     "A client built for a newer Windows build, or a snapshot replayed against an older host.",
     "hcnctl show {kind} {object}; remove the feature or upgrade the host (hcnctl version shows HNS)"},
    {"NET-NO-DEFAULT-ROUTE", S::Warning, "A subnet has no default route",
     "A subnet's Routes list has no route to 0.0.0.0/0 (::/0 for IPv6).",
     "Endpoints on the subnet get no gateway: nothing outside the subnet is reachable.",
     "The network was created without a gateway.",
     "Recreate the network with a gateway: New-HnsNetwork ... -Gateway <address in the subnet>"},
    {"EP-MAC-OUTSIDE-POOL", S::Warning, "An endpoint's MAC is outside its network's MAC pool",
     "A local endpoint's MacAddress is in none of the network's MacPool ranges.",
     "It may clash with MACs of another host or network on the same segment.",
     "A MAC was given explicitly, or the pool was changed after the endpoint was created.",
     "hcnctl delete endpoint {endpoint} and create it without a MacAddress"},
    {"EP-NAMESPACE-MISSING", S::Warning, "An endpoint names a namespace that does not exist",
     "An endpoint's HostComputeNamespace names a namespace the host does not have.",
     "The endpoint looks attached but no compartment holds it.",
     "The namespace was deleted before its endpoints.", "hcnctl delete endpoint {endpoint}"},
    {"NS-ENDPOINT-MISSING", S::Warning, "A namespace lists an endpoint that does not exist",
     "A namespace's Resources name an endpoint ID the host does not have.",
     "The container believes it has a network interface it does not have.",
     "The endpoint was deleted while attached.",
     "hcnctl show namespace {namespace}; detach the endpoint (hcnctl modify namespace {namespace} -f "
     "remove.json)"},
    {"EP-NO-ADDRESS", S::Info, "A local endpoint has no IP address in its document",
     "A local endpoint's document has no IpConfigurations address.",
     "The address rules cannot check it; the endpoint may not have been configured.",
     "The dump was cut, or the endpoint was created without an address on a network without IPAM.",
     "hcnctl show endpoint {endpoint}"},
    {"DATA-UNREADABLE", S::Info, "A field could not be read",
     "A field the checks read holds a value of the wrong type or an unparseable address.",
     "The rules that need it skipped the object: other problems may go unseen.",
     "A hand-edited or damaged dump, or a client that writes the field in an unusual form.",
     "hcnctl show {kind} {object}"},
    {"REMOTE-NO-PA", S::Warning, "A remote endpoint has no provider address",
     "A remote endpoint on an Overlay network has no ProviderAddress policy.",
     "HNS does not know which host to encapsulate its traffic to.",
     "The remote endpoint was created without the ProviderAddress policy.",
     "hcnctl delete endpoint {endpoint} and let the CNI plugin recreate it"},
    {"ROUTE-ENDPOINT-MISSING", S::Warning, "An SDN route names an endpoint that does not exist",
     "An SDN route's HostComputeEndpoints lists an endpoint ID the host does not have.",
     "The route is programmed for nothing; the traffic it should steer takes the default path.",
     "The endpoint was deleted without its SDN route.", "hcnctl delete sdnroute {route}"},
}};

} // namespace

std::span<const HealthRule> healthRules()
{
    return kRules;
}

const HealthRule* findHealthRule(std::string_view id)
{
    for (const HealthRule& rule : kRules)
        if (rule.id == id)
            return &rule;
    return nullptr;
}

std::string_view severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return "error";
    case Severity::Warning:
        return "warning";
    case Severity::Info:
        return "info";
    }
    return "info";
}

std::optional<Severity> severityFromName(std::string_view name)
{
    for (Severity s : {Severity::Error, Severity::Warning, Severity::Info})
        if (equalsIgnoreCase(name, severityName(s)))
            return s;
    return std::nullopt;
}

} // namespace hcn
