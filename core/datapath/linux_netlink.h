#pragma once
// In-process rtnetlink (libnl-route): the links, addresses and routes the Linux datapath programs. A
// RouteSocket talks to the network namespace it was opened in, whichever thread uses it later.

#include "hcn/status.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

struct nl_sock;

namespace hcn::linuxdp {

struct LinkInfo
{
    std::string name;
    std::string alias;
};

struct LinkStats
{
    std::uint64_t rxBytes = 0;
    std::uint64_t txBytes = 0;
    std::uint64_t rxPackets = 0;
    std::uint64_t txPackets = 0;
    std::uint64_t rxDropped = 0;
    std::uint64_t txDropped = 0;
};

/// A route out of one link, exactly as the kernel holds it, so that it can be moved to another link and
/// back.
struct LinkRoute
{
    std::string destination; ///< "0.0.0.0/0", "10.99.0.0/16", "::/0"
    std::string gateway;     ///< empty: on-link
    std::uint32_t metric = 0;
    std::uint8_t protocol = 0; ///< who added it (static, dhcp, ra ...), kept
    bool onLink = false;
    std::uint32_t table = 254; ///< RT_TABLE_MAIN; another one for policy routing

    bool operator==(const LinkRoute&) const = default;
};

/// A policy routing rule that names a link as its `iif` or `oif`, exactly as the kernel dumped it (the
/// rule header and every attribute, also those the datapath does not know), so that it can be given the
/// bridge that enslaves the link and back without losing a selector.
struct LinkRule
{
    std::vector<std::uint8_t> body; ///< struct fib_rule_hdr, then the attributes
    std::string text;               ///< "rule 1000 iif eth1 table 100" for messages

    /// The same rule with `from` replaced by `to` wherever it is the iif or oif.
    LinkRule withLink(const std::string& from, const std::string& to) const;
};

/// A link's index and MTU.
struct LinkMtu
{
    int index = 0;
    std::uint32_t mtu = 0;
};

/// The link group every link of hcnd's carries (besides its name and alias): "hcn" in ASCII.
inline constexpr std::uint32_t kLinkGroup = 0x68636e;

class RouteSocket
{
public:
    /// A socket in the calling thread's network namespace.
    static Result<RouteSocket> open();
    /// A socket in the network namespace behind `netnsFd` (opened on a thread that joins it).
    static Result<RouteSocket> openIn(int netnsFd);

    RouteSocket(RouteSocket&& other) noexcept;
    RouteSocket& operator=(RouteSocket&& other) noexcept;
    RouteSocket(const RouteSocket&) = delete;
    RouteSocket& operator=(const RouteSocket&) = delete;
    ~RouteSocket();

    /// A bridge in kLinkGroup.
    Status addBridge(const std::string& name);
    /// A veth pair; the peer gets `peerMac` (48-bit value) when given.
    Status addVeth(const std::string& name, const std::string& peer, std::optional<std::uint64_t> peerMac);
    /// A veth pair made in one request: `name` here, up, in kLinkGroup, a port of bridge `master`; the peer
    /// made directly in the namespace behind `peerNetnsFd` (no move, which costs the kernel an RCU wait),
    /// down, with `peerMac` when given. `mtu` (0: the kernel's default) goes to both ends.
    Status addVethInto(const std::string& name, const std::string& master, const std::string& peer,
                       int peerNetnsFd, std::optional<std::uint64_t> peerMac, std::uint32_t mtu = 0);
    /// A VXLAN device in kLinkGroup, up, a port of bridge `master`: id `vni`, UDP port `port`, source
    /// address `local` (empty: the route's), learning off on the device and on its bridge port (the
    /// forwarding entries are static: a frame from the tunnel teaches nothing) and ARP
    /// answered from its neighbour table (proxy), so ARP requests never leave the host; MTU `mtu` (0: the
    /// kernel's default).
    Status addVxlan(const std::string& name, const std::string& master, std::uint32_t vni,
                    const std::string& local, std::uint16_t port, std::uint32_t mtu = 0);
    Status setAlias(const std::string& name, const std::string& alias);
    /// Sets a link's MAC address (48-bit value).
    Status setMac(const std::string& name, std::uint64_t mac);
    Status setMaster(const std::string& name, const std::string& master);
    /// Makes bridge port `name` isolated: it forwards only to the bridge's ports that are not (the
    /// uplink), never to another isolated one.
    Status setPortIsolated(const std::string& name);
    /// Sets one flag of bridge port `name` (an IFLA_BRPORT_* attribute); `what` names it in the error.
    Status setBridgePortFlag(const std::string& name, int attribute, bool on, const std::string& what);
    Status setUp(const std::string& name);
    Status setMtu(const std::string& name, std::uint32_t mtu);
    Result<LinkMtu> linkMtu(const std::string& name);
    Result<LinkMtu> linkMtu(int index);
    Status setGroup(const std::string& name, std::uint32_t group);
    /// Moves a link into another network namespace, renamed to `newName` there.
    Status moveTo(const std::string& name, int netnsFd, const std::string& newName);
    Status deleteLink(const std::string& name);
    /// Deletes every link of `group` in one request: the kernel unregisters them as one batch, with
    /// one RCU grace period instead of one per link.
    Status deleteGroup(std::uint32_t group);
    /// "10.244.1.2/24" (IPv4 or IPv6).
    Status addAddress(const std::string& name, const std::string& cidr);
    /// A route to `destination` ("0.0.0.0/0") through `gateway` (empty: on-link) out of link `name`.
    /// `preference` orders equal routes on several interfaces: the metric is `preference` for IPv4 and
    /// 1024 (the kernel's default for IPv6) + `preference` for IPv6; lower wins.
    /// `onLink`: the gateway is reached on the link even outside its subnets.
    Status addRoute(const std::string& name, const std::string& destination, const std::string& gateway,
                    std::uint32_t preference = 0, bool onLink = false);
    /// Removes the route addRoute made with the same arguments.
    Status deleteRoute(const std::string& name, const std::string& destination, const std::string& gateway,
                       std::uint32_t preference = 0, bool onLink = false);
    /// A static forwarding entry on link `name` (family bridge): with `remote`, the VXLAN device's own
    /// entry (`mac` is behind that tunnel endpoint); without, the bridge's entry (`mac` is behind port
    /// `name`).
    Status addFdb(const std::string& name, std::uint64_t mac, const std::string& remote);
    Status deleteFdb(const std::string& name, std::uint64_t mac, const std::string& remote);
    /// A permanent neighbour entry on link `name`: `address` is at `mac`.
    Status addNeighbour(const std::string& name, const std::string& address, std::uint64_t mac);
    Status deleteNeighbour(const std::string& name, const std::string& address);
    Result<std::vector<LinkInfo>> links();
    /// The link's MAC address.
    Result<std::uint64_t> macOf(const std::string& name);
    /// The names of the links whose master is `bridge`.
    Result<std::vector<std::string>> portsOf(const std::string& bridge);
    /// The link's addresses of global scope ("192.168.1.5/24", "fd00::5/64"), IPv4 first.
    Result<std::vector<std::string>> globalAddresses(const std::string& name);
    Status deleteAddress(const std::string& name, const std::string& cidr);
    /// The routes out of link `name` in every table but the kernel's local one, other than the kernel's own
    /// (the prefix routes of its addresses) and IPv6 link-local and multicast ones.
    Result<std::vector<LinkRoute>> routesOf(const std::string& name);
    Status addLinkRoute(const std::string& name, const LinkRoute& route);
    Status deleteLinkRoute(const std::string& name, const LinkRoute& route);
    /// The policy routing rules (IPv4 and IPv6) whose iif or oif is link `name`.
    Result<std::vector<LinkRule>> rulesNaming(const std::string& name);
    Status addRule(const LinkRule& rule);
    Status deleteRule(const LinkRule& rule);
    /// The link of this namespace that `address` is assigned to; none when no link has it.
    Result<std::optional<LinkMtu>> linkOfAddress(const std::string& address);
    Result<LinkStats> stats(const std::string& name);

private:
    explicit RouteSocket(nl_sock* sock) : m_sock(sock) {}
    Result<int> indexOf(const std::string& name);

    nl_sock* m_sock = nullptr;
};

} // namespace hcn::linuxdp
