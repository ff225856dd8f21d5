#pragma once
// The reachability trace's parts: the index it builds once per host (the health checks' facts and
// indices plus names, SDN route entries and host addresses), the packet it follows, the walk that
// collects hops, and the evaluation steps, one concern per file (trace_acl, trace_route, trace_nat,
// trace_balancer; the walk itself in reachability_tracer.cpp). docs/trace.md explains the model.

#include "analysis/check_model.h"
#include "hcn/object_reference.h"
#include "hcn/reachability_trace.h"

#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace hcn::analysis {

/// Everything a trace looks up, built once per host copy.
struct TraceIndex
{
    CheckModel model;
    /// Every endpoint's ID and Name, for resolveObjectReference.
    std::vector<ObjectNameEntry> endpointNames;
    /// Name -> the IDs of the endpoints with exactly that Name: a trace finds its endpoints without a
    /// scan of every name (resolveEndpoint in trace_reachability.cpp).
    std::unordered_map<std::string, std::vector<std::string>> endpointsByName;
    /// SDN route object ID -> its entries.
    std::unordered_map<std::string, std::vector<RouteEntryFact>> sdnRouteEntries;
    /// Addresses that belong to the host itself as far as the documents say: port mapping VIPs,
    /// networks' ProviderAddress, the gateway of NAT/ICS/Internal subnets (the host vNIC).
    std::set<IpAddress> hostAddresses;

    void build(const HostState& state);
    TraceObject object(ResourceKind kind, const std::string& id) const;
    /// The host's data shows `e` attached to no namespace where that means nothing sends or receives
    /// through it (not on ICS / Mirrored networks, whose endpoints virtual machines hold; not when the
    /// data has no namespace at all: attachment unknown).
    bool detached(const EndpointFacts& e) const;
    const EndpointFacts* endpoint(const std::string& id) const;
    const NetworkFacts* network(const std::string& id) const;
    /// The host's vNIC address on `network` (the gateway of a NAT, ICS or Internal subnet) of the family
    /// of `near` (inside the subnet holding `near` when one does); nullopt on other network types.
    std::optional<IpAddress> hostVnicAddress(const NetworkFacts& network, const IpAddress& near) const;
    /// The subnet (and its network) that covers `address` most closely; ties go to the lower network ID.
    /// Both null when none does.
    std::pair<const NetworkFacts*, const SubnetFact*> coveringSubnet(const IpAddress& address) const;
};

/// The packet as it is at a point of the path. A port of 0 means none (ICMP) or not known.
struct Packet
{
    IpAddress source;
    IpAddress destination; ///< where the packet goes (whose address routes and holders are looked up by)
    std::uint32_t protocol = kProtocolTcp;
    std::uint16_t port = 0;
    /// PreserveDIP: the destination address the packet keeps (the VIP) while it goes to `destination`.
    std::optional<IpAddress> keptDestination;
    /// A load balancer without DSR: the source the packet carries once past the source's egress ACLs
    /// (its SourceVIP), and the load balancer that translates it.
    std::optional<IpAddress> balancerSource;
    const LoadBalancerFacts* balancer = nullptr;

    /// The destination address in the packet's header: what ACLs and OutBoundNAT see.
    const IpAddress& headerDestination() const { return keptDestination ? *keptDestination : destination; }
};

/// How one path (to one target) ended.
struct PathEnd
{
    enum class Kind
    {
        Dropped,
        Endpoint,  ///< a local or remote endpoint received it
        Host,      ///< the host itself received it
        Wire,      ///< it left this host (gateway, physical segment)
        Undecided, ///< the data does not show what decides at the hop (a redacted address or ACL field)
    };
    Kind kind = Kind::Dropped;
    int hop = -1;           ///< the hop that ended the path (dropped or delivered)
    std::string endpointId; ///< Endpoint
    bool sourceTranslated = false;
};

/// Collects hops, translations and the path's objects.
struct TraceWalk
{
    const TraceIndex& index;
    TraceResult& result;

    /// Appends a hop (and its object to the path); returns its index.
    int hop(std::string name, TraceObject object, HopOutcome outcome, std::string decision, std::string rule,
            std::string detail);
    void translation(std::string what, std::string from, std::string to, TraceObject by);
    PathEnd drop(std::string name, TraceObject object, std::string decision, std::string rule,
                 std::string detail);
    /// Appends an Undecided hop: the path ends there, neither dropped nor delivered.
    PathEnd undecided(std::string name, TraceObject object, std::string decision, std::string rule,
                      std::string detail);
};

/// "name (ID)", or the ID when the object has no name.
std::string objectLabel(const TraceObject& object);
/// "10.0.0.5:80" or "10.0.0.5" when the port is 0; IPv6 in brackets.
std::string endpointText(const IpAddress& address, std::uint16_t port);
/// "Protocol 6 ExternalPort 30080 InternalPort 80 VIP 10.0.0.4": a port mapping as written.
std::string mappingText(const PortMappingFact& m);
/// "tcp", "udp", "icmp" or the number.
std::string protocolText(std::uint32_t protocol);
/// An endpoint's first address of `family`'s kind (IPv4 when `v4`); nullopt when none.
std::optional<IpAddress> addressOfFamily(const EndpointFacts& e, bool v4);
/// An endpoint without a usable address: an Undecided hop when the dump did not show its address
/// (redacted or unreadable, EndpointFacts::addressesLost), else a Drop hop with `decision` and `detail`.
PathEnd noAddress(TraceWalk& walk, std::string name, const TraceObject& object, const EndpointFacts& e,
                  std::string decision, std::string detail);

// trace_acl.cpp
/// The ACL layers of `e` for one direction (egress: Host then Switch; ingress: Switch then Host), one
/// hop per layer with rules (or one hop when the endpoint has none for the direction); the endpoint's
/// TierAcl tiers just before the Switch layer, one hop per tier evaluated. False when a
/// rule blocked, or when a rule the data does not fully show may decide; `stop` then says which (Dropped
/// or Undecided) and at which hop.
bool passAcls(TraceWalk& walk, const EndpointFacts& e, bool inbound, const Packet& packet, PathEnd& stop);
/// "Policies[3] ACL Id=deny: Block Out Switch, Priority 100, Protocols 6, RemotePorts 80": the rule as
/// written.
std::string describeAcl(const AclFact& acl);
/// "Policies[4] TierAcl \"baseline\" Out, Order 10": a tier as written.
std::string describeTier(const TierAclFact& tier);
/// The tier, then "; TierAclRules[1] Id=deny-all: Block, Priority 200, Protocols 6": a tier's rule.
std::string describeTierRule(const TierAclFact& tier, const AclFact& rule);

// trace_route.cpp
struct RouteChoice
{
    enum class Kind
    {
        None,         ///< nothing covers the destination
        OnLink,       ///< inside the source's subnet: switched on the network
        Gateway,      ///< a subnet route or endpoint Route: via a next hop (the host's gateway)
        RemoteSubnet, ///< a RemoteSubnetRoute: encapsulated to a provider address
        SdnRoute,     ///< an SDNRoute policy or SDN route object
    };
    Kind kind = Kind::None;
    std::optional<IpPrefix> prefix;
    std::optional<IpAddress> nextHop;
    std::optional<IpAddress> providerAddress;
    bool encap = false;
    TraceObject object;     ///< the object holding the route
    std::string rule;       ///< the field that decided
    std::string candidates; ///< what else was considered (for the detail)
};
/// Longest prefix match over the source's SDN routes, Routes, its network's RemoteSubnetRoutes and
/// subnets (on-link prefixes and their Routes). Ties go to the more specific kind of route, in that
/// order.
RouteChoice chooseRoute(const TraceIndex& index, const EndpointFacts& source, const NetworkFacts& network,
                        const IpAddress& destination);

// trace_nat.cpp
/// OutBoundNAT (or WinNAT on a NAT network) for a packet leaving the source's network. Adds the hop;
/// returns the translated source when the address is known, and sets `translated`.
std::optional<IpAddress> outboundNat(TraceWalk& walk, const EndpointFacts& source,
                                     const NetworkFacts& network, const Packet& packet, bool& translated);
/// The endpoints and node-port load balancers publishing `protocol`/`port` on host address `address`.
struct PublishedPort
{
    const EndpointFacts* endpoint = nullptr;         ///< a PortMapping policy
    const LoadBalancerFacts* loadBalancer = nullptr; ///< a node port
    PortMappingFact mapping;
    std::size_t policyIndex = 0; ///< position among the endpoint's PortMapping policies / LB PortMappings
};
std::vector<PublishedPort> publishedPorts(const TraceIndex& index, const IpAddress& address,
                                          std::uint32_t protocol, std::uint16_t port);
/// Those publishing `port` on `address` with a protocol the dump does not show: they may claim the packet.
std::vector<PublishedPort> unknownProtocolPublishedPorts(const TraceIndex& index, const IpAddress& address,
                                                         std::uint16_t port);

// trace_balancer.cpp
/// The load balancers with `vip` as a frontend and a mapping for the packet's protocol and port.
struct Frontend
{
    const LoadBalancerFacts* loadBalancer = nullptr;
    PortMappingFact mapping;
    std::size_t mappingIndex = 0;
};
std::vector<Frontend> frontendsOf(const TraceIndex& index, const IpAddress& vip, std::uint32_t protocol,
                                  std::uint16_t port);
/// The port mappings at `vip` on `port` whose protocol the dump does not show (an import's `"Protocol":
/// null`): they may answer the packet, or not.
std::vector<Frontend> unknownProtocolFrontendsOf(const TraceIndex& index, const IpAddress& vip,
                                                 std::uint16_t port);
/// What a load balancer's flags and its port mapping's flags do to a packet it forwards (docs/trace.md,
/// "Load balancing"): the source and destination a backend sees, the way replies take, affinity.
struct BalancerBehaviour
{
    bool dsr = false;                   ///< LB Flags 1: the client's address is kept, replies bypass the LB
    std::optional<IpAddress> sourceVip; ///< no DSR, a SourceVIP of the packet's family: the backends' source
    bool preserveDip = false;           ///< mapping Flags 8: the backend sees the VIP as destination
    std::uint32_t affinity = 0;         ///< DistributionType: 0 none, 1 SourceIPProtocol, 2 SourceIP
    std::string affinityName;           ///< "SourceIP", "SourceIPProtocol"; empty without affinity
    /// Flags that are named only (ILB, LocalRoutedVIP from an endpoint, UseMux, an IPv6 flag at odds with the
    /// frontend's family, a SourceVIP of the other family), each with what the trace does about it; ";
    /// "-joined.
    std::string namedOnly;
    /// One sentence each: what source the backends see and which way replies take.
    std::string sourceText;
    std::string replyText;
};
/// `fromHost`: the host itself opened the connection (LocalRoutedVIP then decides, and is not named).
BalancerBehaviour balancerBehaviour(const LoadBalancerFacts& lb, const PortMappingFact& mapping,
                                    const Packet& packet, bool fromHost);
/// The frontend ports for `protocol` at `vip` (sorted, unique): the default port when only one. Without
/// a protocol: the ports of the mappings whose protocol the dump does not show.
std::vector<std::uint16_t> frontendPorts(const TraceIndex& index, const IpAddress& vip,
                                         std::optional<std::uint32_t> protocol);

// trace_path.cpp
/// Follows packets from one source endpoint, or from the host itself: to an address (an endpoint's, or
/// one routes lead to), to a host address with port mappings, or through a load balancer to its backends.
class PathWalker
{
public:
    PathWalker(TraceWalk& walk, const EndpointFacts& source, const NetworkFacts& network)
        : m_walk(walk), m_index(walk.index), m_source(&source), m_network(&network)
    {}
    /// From the host's own network stack: no switch port, no endpoint policies on the way out.
    explicit PathWalker(TraceWalk& walk) : m_walk(walk), m_index(walk.index) {}

    /// Egress ACLs, a load balancer's source translation, route, NAT, encapsulation, and at a local
    /// endpoint its ingress ACLs. `targetId` names the endpoint meant when the caller knows it (a
    /// backend, the destination endpoint).
    PathEnd toward(Packet packet, const std::string& targetId);
    /// `packet.destination` is a host address: egress ACLs, the way to the host, its port mappings.
    /// `declared`: the address is the host's because the request says so, not its documents.
    std::vector<PathEnd> towardHost(const Packet& packet, bool declared);
    /// `packet.destination` is a load balancer VIP.
    std::vector<PathEnd> throughVip(const Packet& packet);

private:
    std::vector<PathEnd> balance(const LoadBalancerFacts& lb, const PortMappingFact& mapping,
                                 std::size_t mappingIndex, const Packet& packet);
    PathEnd arriveLocal(const EndpointFacts& target, const Packet& packet, bool sourceTranslated);
    PathEnd toRemoteEndpoint(const EndpointFacts& target, const Packet& packet);
    const EndpointFacts* holderOf(const IpAddress& address, const std::string& targetId);
    PathEnd leave(const Packet& packet, const RouteChoice& route, const EndpointFacts* target);
    /// From the host: into the network of the local endpoint `target` (or, with none, where the host's
    /// own routes take the address).
    PathEnd fromHost(const EndpointFacts* target, const Packet& packet);

    TraceWalk& m_walk;
    const TraceIndex& m_index;
    const EndpointFacts* m_source = nullptr; ///< null: the host
    const NetworkFacts* m_network = nullptr; ///< the source's network; null for the host
};

} // namespace hcn::analysis
