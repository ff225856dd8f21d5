#pragma once
// What the Linux datapath programs for one HCN object, read from its v2 document: the names of its
// kernel objects, its addresses and routes, and its policies in the form the nftables rules need.
// Everything is checked here, before any kernel object is touched.

#include "hcn/guid.h"
#include "hcn/status.h"

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

namespace hcn::linuxdp {

/// Link names: "hcn" + a kind letter + 11 hex digits of the GUID (15 characters, IFNAMSIZ - 1).
std::string bridgeName(const Guid& network);
std::string hostVethName(const Guid& endpoint);
/// The VXLAN device of an overlay network ("hcnx..."), a port of its bridge.
std::string vxlanName(const Guid& network);
/// The veth pair by which an L2Bridge network sharing its adapter reaches the bridge that holds it: the
/// end on the network's own bridge, and the end on the holder's.
std::string trunkName(const Guid& network);
std::string trunkPeerName(const Guid& network);
/// The ifalias every link we create carries: "hcn:<guid>". With the name prefix, it marks a leftover.
std::string linkAlias(const Guid& id);
bool isOurLink(const std::string& name, const std::string& alias);
/// "hcn-<guid in lower case>".
std::string namespaceName(const Guid& ns);

/// A network's RemoteSubnetRoute: a prefix behind another host's distributed router.
struct RemoteSubnetPlan
{
    std::string prefix;          ///< DestinationPrefix, normalized ("10.244.2.0/24")
    std::string nextHop;         ///< the prefix's first address: the key of the neighbour entry
    std::string providerAddress; ///< the other host's underlay address
    std::uint64_t routerMac = 0; ///< DistributedRouterMacAddress: the other host's bridge
    bool operator==(const RemoteSubnetPlan&) const = default;
};

/// What makes a network an overlay: its VXLAN device and the remote subnets reached through it.
struct OverlayPlan
{
    std::string vxlan;                      ///< the device's name
    std::uint32_t vni = 0;                  ///< the subnets' VSID policy (IsolationId)
    std::string providerAddress;            ///< the network's ProviderAddress policy: the tunnel's source
    std::uint16_t port = 4789;              ///< VxlanPort policy, else IANA's VXLAN port
    std::optional<std::uint64_t> routerMac; ///< DrMacAddress policy: the bridge's own MAC
    std::vector<RemoteSubnetPlan> remoteSubnets;
};

/// What VXLAN adds to each frame over an IPv4 underlay: outer IPv4 (20), UDP (8), VXLAN (8) and the
/// inner Ethernet header (14).
inline constexpr std::uint32_t kVxlanOverhead = 50;
/// The same over an IPv6 underlay: the outer IPv6 header is 40 bytes.
inline constexpr std::uint32_t kVxlanOverheadIpv6 = 70;
/// Ethernet's MTU: a veth's default, and the underlay assumed when none is known.
inline constexpr std::uint32_t kEthernetMtu = 1500;

/// What VXLAN adds to each frame of `overlay`: its underlay is IPv6 when its ProviderAddress is.
std::uint32_t vxlanOverhead(const OverlayPlan& overlay);

/// The MTU `overlay`'s tunnel carries over an underlay of `underlayMtu`: less vxlanOverhead();
/// HCN_E_INVALID_NETWORK when that leaves less than IPv4's minimum of 68.
Result<std::uint32_t> tunnelMtu(const OverlayPlan& overlay, std::uint32_t underlayMtu);

/// Success when a remote `providerAddress` (a remote endpoint's, a RemoteSubnetRoute's) can be reached
/// through `overlay`'s VXLAN device: one device sends over one address family, its ProviderAddress's
/// (IPv4 when it has none). `what` names the remote for the message.
Status checkUnderlayFamily(const OverlayPlan& overlay, const std::string& providerAddress,
                           const std::string& what);

struct AclPlan
{
    bool inbound = true;
    bool allow = true;
    std::uint32_t priority = 0;
    std::vector<std::string> protocols;                       ///< nft protocol numbers; empty: any
    std::vector<std::string> localAddresses, remoteAddresses; ///< empty: any
    std::vector<std::string> localPorts, remotePorts;         ///< "80", "1000-2000"; empty: any
    bool operator==(const AclPlan&) const = default;
};

/// Lowest Priority first; equal priorities keep their order.
void sortByPriority(std::vector<AclPlan>& acls);

struct NetworkPlan
{
    Guid id;
    std::string type; ///< NAT, ICS, Internal, Private, Overlay
    std::string bridge;
    std::vector<std::string> gatewayCidrs; ///< "10.244.1.1/24": the host's address on the bridge
    bool masquerade = false;
    std::optional<OverlayPlan> overlay;
    std::string adapter; ///< L2Bridge, Transparent: the NetAdapterName, an interface the bridge enslaves
    /// Filled in when programmed: an L2Bridge network whose adapter another L2Bridge network's bridge
    /// already held reaches it through a veth pair into that bridge (trunkName) instead of enslaving it.
    bool viaTrunk = false;
    /// L2Tunnel: the endpoints' ports are isolated, so their traffic, also between two endpoints of the
    /// host, leaves through the adapter (to the physical switch, where SDN policy applies).
    bool isolatedPorts = false;
    /// NetworkACL policies, in priority order: in the ACL chains of every local endpoint of the network.
    std::vector<AclPlan> acls;
    /// Filled in when the network is programmed (read from the kernel). `underlayMtu`: the MTU of the
    /// interface its traffic leaves by (overlay: the one holding ProviderAddress; L2Bridge: the adapter),
    /// 0 when there is none. `mtu`: the largest endpoint MTU the network carries (overlay: underlay less
    /// vxlanOverhead(); L2Bridge: the adapter's), 0 when unbounded. `underlayIndex`: that interface's index,
    /// whose MTU the network follows (0: none, the underlay is assumed).
    std::uint32_t underlayMtu = 0;
    std::uint32_t mtu = 0;
    int underlayIndex = 0;
};

struct PortMapPlan
{
    std::string protocol; ///< "tcp" / "udp"
    std::uint16_t externalPort = 0;
    std::uint16_t internalPort = 0;
    std::string vip; ///< empty: every host address (of both families)
};

struct OutboundNatPlan
{
    std::vector<std::string> exceptions; ///< destinations left un-NATed
    std::string virtualIp;               ///< empty: masquerade to the outgoing interface's address
};

/// IPv4 or IPv6: the two nftables tables `ip hcn` and `ip6 hcn` hold the same structure.
enum class NatFamily
{
    V4,
    V6
};
/// Whether an address or prefix ("10.0.0.0/8", "fd00::1") is of the family.
bool inFamily(const std::string& addressOrPrefix, NatFamily family);

/// An endpoint's Dns: what goes into its namespace's resolv.conf.
struct DnsPlan
{
    std::string domain;
    std::vector<std::string> search, servers, options;
    bool empty() const { return domain.empty() && search.empty() && servers.empty() && options.empty(); }
};

struct EndpointPlan
{
    Guid id;
    Guid network;
    bool remote = false; ///< a workload on another host: forwarding entries on an overlay, else nothing
    std::string providerAddress; ///< remote: its ProviderAddress policy (the other host's address)
    std::string hostVeth; ///< the host side of its pair while attached (the peer is ethN inside)
    std::optional<std::uint64_t> mac;
    std::vector<std::string> addressCidrs; ///< "10.244.1.2/24"
    std::string ipv4;                      ///< the first IPv4 address, the target of DNAT
    std::string ipv6;                      ///< the first IPv6 address, the target of IPv6 DNAT
    std::vector<std::pair<std::string, std::string>> routes; ///< destination, next hop
    std::optional<Guid> ns;
    std::vector<PortMapPlan> portMaps;
    std::vector<AclPlan> acls; ///< in priority order
    std::optional<OutboundNatPlan> outboundNat;
    DnsPlan dns;
    std::optional<std::uint32_t> mtu;           ///< InterfaceParameters policy: its Mtu
    std::optional<std::uint32_t> encapOverhead; ///< EncapOverhead policy: its Overhead
};

/// The MTU an endpoint's interface gets on a programmed network: InterfaceParameters' Mtu, else the
/// underlay's MTU (Ethernet's when unknown) less EncapOverhead's Overhead, else the network's (an
/// overlay's tunnel, an L2Bridge's adapter); 0: the kernel's default. Refused (HCN_E_INVALID_POLICY) when it
/// exceeds what the network carries, is below IPv4's minimum of 68, or below IPv6's 1280 on an endpoint with
/// IPv6.
Result<std::uint32_t> endpointMtu(const NetworkPlan& network, const EndpointPlan& endpoint);

struct LoadBalancerPlan
{
    struct Port
    {
        std::string protocol; ///< "tcp" / "udp"
        std::uint16_t externalPort = 0;
        std::uint16_t internalPort = 0;
        int distribution = 0; ///< 0 round robin, 1 source IP and protocol, 2 source IP (affinity)
        /// The mapping's Flags LocalRoutedVIP (2): the VIP is balanced for the host's own connections too.
        bool localRoutedVip = false;
    };
    Guid id;
    std::vector<std::string> vips; ///< empty: every host address (NodePort style)
    std::vector<Port> ports;
    std::vector<Guid> backends; ///< endpoints, local or remote
    bool dsr = false;           ///< asked for; programmed as DNAT (docs)
    bool ipv6 = false;          ///< Flags 2: IPv6 VIPs and the backends' IPv6 addresses
};

Result<NetworkPlan> planNetwork(const Guid& id, const nlohmann::ordered_json& doc);
Result<EndpointPlan> planEndpoint(const Guid& id, const nlohmann::ordered_json& doc);
Result<LoadBalancerPlan> planLoadBalancer(const Guid& id, const nlohmann::ordered_json& doc);

/// An SDN route (HostComputeRoute): routes put into the namespaces of the endpoints it names.
struct SdnRoutePlan
{
    Guid id;
    std::vector<Guid> endpoints;
    std::vector<std::pair<std::string, std::string>> routes; ///< destination, next hop (empty: on-link)
};
Result<SdnRoutePlan> planSdnRoute(const Guid& id, const nlohmann::ordered_json& doc);

} // namespace hcn::linuxdp
