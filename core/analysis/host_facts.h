#pragma once
// The facts the health rules read, taken once from each object's document when it arrives. Documents
// from customers' hosts are partial and odd (fields missing, numbers as text, wrong types): every
// reader here is total, keeps what it can read, and notes what it could not in `unreadable` instead of
// guessing. A fact that is absent makes the rules that need it not apply.

#include "common/port_ranges.h"
#include "hcn/ip_address.h"
#include "hcn/mac_address.h"
#include "hcn/network_mode.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace hcn::analysis {

/// IP protocol numbers the rules compare (PortMapping / LB Protocol, ACL Protocols).
inline constexpr std::uint32_t kProtocolTcp = 6;
inline constexpr std::uint32_t kProtocolUdp = 17;

/// One field that was present but could not be read: "IpConfigurations[0].IpAddress" -> its text.
struct UnreadableField
{
    std::string field;
    std::string value;
};

struct PortMappingFact
{
    /// 0: any protocol (no Protocol member, 0 or the schema's "Unknown": HNS omits a zero Protocol).
    std::uint32_t protocol = 0;
    /// The document does not show the protocol: an import's `"Protocol": null` (the dump lost its value,
    /// docs/import.md) or a value that is no protocol. Neither any protocol nor a specific one; `protocol`
    /// is then 0 and means nothing.
    bool protocolUnknown = false;
    /// With protocolUnknown: the value that is no protocol as JSON text (`"SCTP"`, `300`); empty: null.
    std::string protocolShown;
    std::uint16_t internalPort = 0;
    std::uint16_t externalPort = 0;
    std::string vip; ///< canonical address text; empty: every host address
    std::uint32_t flags = 0;        ///< NatFlags (endpoint) or LoadBalancerPortMappingFlags (LB)
    std::uint32_t distribution = 0; ///< LB DistributionType: 0 none, 1 SourceIPProtocol, 2 SourceIP
};

/// A route entry with a destination: an endpoint's Routes, SDNRoute policies, SDN route objects' entries.
struct RouteEntryFact
{
    std::size_t index = 0; ///< position in the list it came from
    std::optional<IpPrefix> destination;
    std::optional<IpAddress> nextHop;
    bool needEncap = false; ///< SDNRoute NeedEncap
};

/// One ACL policy as VFP matches it. Empty lists match everything.
struct AclFact
{
    std::size_t index = 0;    ///< position in the endpoint's (or, fromNetwork, the network's) Policies
    bool fromNetwork = false; ///< a NetworkACL policy of the endpoint's network
    std::string ruleId;    ///< Settings.Id, may be empty
    bool allow = true;
    bool pass = false; ///< a TierAcl rule's Pass: the next tier decides (`allow` is then false)
    /// A TierAcl rule: its position in the tier's TierAclRules (`index` is the tier's in Policies).
    std::optional<std::size_t> tierRule;
    bool inbound = false;
    bool hostRule = false; ///< RuleType Host (else Switch)
    std::uint32_t priority = 0;
    std::vector<std::uint32_t> protocols;
    std::vector<IpPrefix> remoteAddresses;
    std::vector<IpPrefix> localAddresses;
    std::vector<PortRange> remotePorts;
    std::vector<PortRange> localPorts;
    /// The match fields the document does not show (an import kept a redacted or unreadable list under
    /// "_v1", or an element here could not be read): "RemoteAddresses", "LocalPorts" ... The rule's match
    /// is then not known; checks and the trace do not evaluate it. A TierAcl rule whose action is not
    /// known has "TierAclRuleAction" here.
    std::vector<std::string> unknown;
};

/// One TierAcl endpoint policy: a named tier of rules for one direction, evaluated in its Order among
/// the endpoint's tiers (docs/trace.md, "Tiered ACLs").
struct TierAclFact
{
    std::size_t index = 0; ///< position in the endpoint's Policies
    std::string name;      ///< Settings.Name, may be empty
    bool inbound = false;
    std::optional<std::uint32_t> order; ///< nullopt: absent, unreadable or kept under "_v1"
    std::vector<AclFact> rules;         ///< TierAclRules, in document order
};

struct EndpointFacts
{
    std::string id;
    std::string name;
    std::string networkId;   ///< canonical; empty when the document names none
    std::string namespaceId; ///< canonical; empty when not attached
    bool remote = false;
    std::vector<IpAddress> addresses;
    bool addressesPresent = false; ///< IpConfigurations was a non-empty list
    /// An address of the endpoint is not in the document: the import kept it under "_v1" (redacted,
    /// read from a picture), or it could not be read here.
    bool addressesLost = false;
    std::optional<MacAddress> mac;
    std::vector<PortMappingFact> portMappings;
    std::optional<IpAddress> providerAddress;
    bool hasOutboundNat = false;
    std::vector<IpPrefix> natExceptions;
    std::string natExceptionText; ///< the exceptions as written, comma-joined (groups endpoints)
    std::size_t natPolicyIndex = 0;              ///< position of the OutBoundNAT policy in Policies
    std::optional<IpAddress> natVirtualIp;       ///< OutBoundNAT VirtualIP (v1: VIP)
    std::vector<IpPrefix> natDestinations;       ///< OutBoundNAT Destinations: NAT only toward these
    std::vector<RouteEntryFact> routes;          ///< the endpoint's Routes
    std::vector<RouteEntryFact> sdnRoutePolicies; ///< SDNRoute policies (index: position in Policies)
    std::vector<IpAddress> dnsServers;
    std::vector<AclFact> acls;
    std::vector<TierAclFact> tierAcls;
    std::vector<UnreadableField> unreadable;
};

struct RouteFact
{
    std::optional<IpPrefix> destination;
    std::optional<IpAddress> nextHop;
};

struct SubnetFact
{
    std::size_t ipamIndex = 0;
    std::size_t subnetIndex = 0;
    IpPrefix prefix;
    bool routesPresent = false; ///< the document had a Routes list (possibly empty)
    std::vector<RouteFact> routes;
    std::vector<IpPrefix> ipSubnets;
};

struct RemoteSubnetRouteFact
{
    std::optional<IpPrefix> destination;
    std::optional<IpAddress> providerAddress;
};

struct MacRangeFact
{
    MacAddress first;
    MacAddress last;
};

struct NetworkFacts
{
    std::string id;
    std::string name;
    /// HNS omits Type for NAT; Invalid when the type is unreadable or, `"Type": null` in an imported
    /// snapshot, not known.
    NetworkMode mode = NetworkMode::Nat;
    std::vector<SubnetFact> subnets;
    std::vector<MacRangeFact> macRanges;
    std::vector<IpAddress> dnsServers;
    std::vector<RemoteSubnetRouteFact> remoteSubnetRoutes;
    std::optional<IpAddress> providerAddress; ///< the network's ProviderAddress policy (host's PA)
    bool hostRoute = false;                   ///< a HostRoute network policy is present
    std::vector<AclFact> acls;                ///< NetworkACL policies: every local endpoint's too
    std::vector<UnreadableField> unreadable;
};

struct LoadBalancerFacts
{
    std::string id;
    std::string networkId;
    std::vector<std::string> backends; ///< canonical endpoint IDs, as listed
    std::vector<IpAddress> vips;       ///< FrontendVIPs
    bool vipsUnknown = false;          ///< the source did not carry them (no VIPs proves nothing)
    std::vector<PortMappingFact> portMappings;
    std::uint32_t flags = 0; ///< LoadBalancerFlags: 1 DSR, 2 IPv6
    std::optional<IpAddress> sourceVip;
    /// HNS's word on whether it programmed the policy into the data path: v1's `IsApplied` (an import
    /// keeps it under "_v1"); none when the document does not say.
    std::optional<bool> applied;
    std::string appliedField; ///< where the document says it: "_v1.IsApplied" or "IsApplied"
    std::vector<UnreadableField> unreadable;
};

/// Namespaces and SDN routes: the endpoints they name.
struct ReferenceFacts
{
    std::string id;
    std::vector<std::string> endpoints;
};

EndpointFacts readEndpoint(const std::string& id, const nlohmann::json& document);
NetworkFacts readNetwork(const std::string& id, const nlohmann::json& document);
LoadBalancerFacts readLoadBalancer(const std::string& id, const nlohmann::json& document);
/// A namespace's Resources of type Endpoint.
ReferenceFacts readNamespace(const std::string& id, const nlohmann::json& document);
/// An SDN route's HostComputeEndpoints.
ReferenceFacts readSdnRoute(const std::string& id, const nlohmann::json& document);

/// The route entries of an SDN route object ("Routes", or hcsshim's "Setting").
std::vector<RouteEntryFact> readSdnRouteEntries(const nlohmann::json& document);

/// True when the ACL's match covers every packet `inner` matches (same direction and rule type); false
/// when either match is not known.
bool aclCovers(const AclFact& outer, const AclFact& inner);
/// The action word of an ACL or TierAcl rule: "Allow", "Block" or "Pass".
std::string_view aclActionName(const AclFact& acl);
/// The endpoint's tiers of one direction in the order they are evaluated: lower Order first, equal
/// Orders in the order of the Policies list; tiers whose Order is not known last.
std::vector<const TierAclFact*> tierEvaluationOrder(const EndpointFacts& e, bool inbound);
/// ACL rules (or a tier's) in the order they are evaluated: lower Priority first, then document order.
std::vector<const AclFact*> ruleEvaluationOrder(const std::vector<AclFact>& rules);
/// Whether `field` ("RemoteAddresses", "LocalPorts" ...) of the rule is among those the data does not
/// show.
bool aclFieldUnknown(const AclFact& acl, std::string_view field);
/// Whether one match field of a rule admits a packet: `listed` (a value the rule lists holds the packet's)
/// always does; otherwise an empty known list matches anything, and a field the data does not show matches
/// when `unknownMatches` (the values the dump hid may hold the packet's). A list the import kept in part
/// holds only values the rule really lists, so a packet it lists is matched for sure.
bool aclFieldMatches(const AclFact& acl, std::string_view field, bool listed, bool empty,
                     bool unknownMatches);
/// Whether the port mapping serves `protocol` for sure: its protocol is that one, or any protocol (0).
/// False when its protocol is not known (protocolUnknown).
bool mappingServes(const PortMappingFact& mapping, std::uint32_t protocol);
/// A port mapping's protocol in words: "TCP", "UDP", "ICMPv4" ..., "any" (0 or 256), "unknown" (not
/// shown), else its number.
std::string mappingProtocolName(const PortMappingFact& mapping);

/// True when the ACL matches a packet of `protocol` to remote `address`:`port` (outbound). With
/// `unknownMatches` false, true only when the rule matches for sure; with it true, when the rule may
/// match (fields the data does not show match anything).
bool aclMatchesOutbound(const AclFact& acl, std::uint32_t protocol, const IpAddress& address,
                        std::uint16_t port, bool unknownMatches = false);

} // namespace hcn::analysis
