#include "datapath/linux_netlink.h"

#include "datapath/linux_netlink_objects.h"
#include "datapath/linux_netns.h"
#include "datapath/linux_undo.h"
#include "hcn/mac_address.h"

#include <cerrno>
#include <cstring>
#include <linux/if.h>
#include <linux/if_addr.h>
#include <linux/neighbour.h>
#include <netlink/errno.h>
#include <netlink/netlink.h>
#include <netlink/route/addr.h>
#include <netlink/route/link.h>
#include <netlink/route/link/veth.h>
#include <netlink/route/link/vxlan.h>
#include <netlink/route/neighbour.h>
#include <netlink/route/route.h>
#include <netlink/socket.h>
#include <utility>

namespace hcn::linuxdp {

using namespace nl;

namespace {

/// A link-layer address from a 48-bit value.
AddrRef macAddr(std::uint64_t mac)
{
    unsigned char bytes[6];
    for (int i = 0; i < 6; ++i)
        bytes[i] = static_cast<unsigned char>(mac >> (8 * (5 - i)));
    return AddrRef(nl_addr_build(AF_LLC, bytes, sizeof bytes));
}

Result<nl_sock*> connectedSocket()
{
    nl_sock* sock = nl_socket_alloc();
    if (!sock)
        return Status(hr::OutOfMemory, "cannot allocate a netlink socket.");
    if (int err = nl_connect(sock, NETLINK_ROUTE); err < 0) {
        nl_socket_free(sock);
        return failure(err, "cannot open a route netlink socket");
    }
    return sock;
}

} // namespace

Result<RouteSocket> RouteSocket::open()
{
    auto sock = connectedSocket();
    if (!sock.ok())
        return sock.status();
    return RouteSocket(*sock);
}

Result<RouteSocket> RouteSocket::openIn(int netnsFd)
{
    Result<nl_sock*> sock = Status(hr::Fail, "no socket");
    Status joined = runInNetns(netnsFd, [&] {
        sock = connectedSocket();
        return sock.ok() ? Status::success() : sock.status();
    });
    if (!joined.ok())
        return joined;
    return RouteSocket(*sock);
}

RouteSocket::RouteSocket(RouteSocket&& other) noexcept : m_sock(std::exchange(other.m_sock, nullptr)) {}

RouteSocket& RouteSocket::operator=(RouteSocket&& other) noexcept
{
    if (this != &other) {
        if (m_sock)
            nl_socket_free(m_sock);
        m_sock = std::exchange(other.m_sock, nullptr);
    }
    return *this;
}

RouteSocket::~RouteSocket()
{
    if (m_sock)
        nl_socket_free(m_sock);
}

Result<int> RouteSocket::indexOf(const std::string& name)
{
    rtnl_link* raw = nullptr;
    if (int err = rtnl_link_get_kernel(m_sock, 0, name.c_str(), &raw); err < 0)
        return failure(err, "link " + name);
    LinkRef link(raw);
    return rtnl_link_get_ifindex(link.p);
}

Status RouteSocket::addBridge(const std::string& name)
{
    LinkRef link(rtnl_link_alloc());
    if (!link.p)
        return Status(hr::OutOfMemory, "cannot allocate a link.");
    rtnl_link_set_name(link.p, name.c_str());
    rtnl_link_set_group(link.p, kLinkGroup);
    if (int err = rtnl_link_set_type(link.p, "bridge"); err < 0)
        return failure(err, "bridge " + name);
    if (int err = rtnl_link_add(m_sock, link.p, NLM_F_CREATE | NLM_F_EXCL); err < 0)
        return failure(err, "cannot create bridge " + name);
    return Status::success();
}

namespace {

/// A veth link named `name` whose peer is `peerName` with `peerMac` (48-bit value) when given; null when
/// it cannot be allocated.
LinkRef vethLink(const std::string& name, const std::string& peerName, std::optional<std::uint64_t> peerMac)
{
    LinkRef link(rtnl_link_veth_alloc());
    if (!link.p)
        return link;
    rtnl_link_set_name(link.p, name.c_str());
    LinkRef peer(rtnl_link_veth_get_peer(link.p));
    rtnl_link_set_name(peer.p, peerName.c_str());
    if (peerMac) {
        AddrRef mac = macAddr(*peerMac);
        rtnl_link_set_addr(peer.p, mac.p);
    }
    return link;
}

} // namespace

Status RouteSocket::addVeth(const std::string& name, const std::string& peerName,
                            std::optional<std::uint64_t> peerMac)
{
    LinkRef link = vethLink(name, peerName, peerMac);
    if (!link.p)
        return Status(hr::OutOfMemory, "cannot allocate a veth link.");
    if (int err = rtnl_link_add(m_sock, link.p, NLM_F_CREATE | NLM_F_EXCL); err < 0)
        return failure(err, "cannot create veth pair " + name + "/" + peerName);
    return Status::success();
}

Status RouteSocket::addVethInto(const std::string& name, const std::string& master,
                                const std::string& peerName, int peerNetnsFd,
                                std::optional<std::uint64_t> peerMac, std::uint32_t mtu)
{
    auto masterIndex = indexOf(master);
    if (!masterIndex.ok())
        return masterIndex.status();
    LinkRef link = vethLink(name, peerName, peerMac);
    if (!link.p)
        return Status(hr::OutOfMemory, "cannot allocate a veth link.");
    rtnl_link_set_master(link.p, *masterIndex);
    rtnl_link_set_group(link.p, kLinkGroup);
    rtnl_link_set_flags(link.p, IFF_UP);
    LinkRef peer(rtnl_link_veth_get_peer(link.p));
    rtnl_link_set_ns_fd(peer.p, peerNetnsFd); // (not up yet: the kernel cannot open a peer being made)
    if (mtu) {
        rtnl_link_set_mtu(link.p, mtu);
        rtnl_link_set_mtu(peer.p, mtu);
    }
    if (int err = rtnl_link_add(m_sock, link.p, NLM_F_CREATE | NLM_F_EXCL); err < 0)
        return failure(err, "cannot create veth pair " + name + "/" + peerName);
    return Status::success();
}

namespace {

/// Applies the attributes set on `change` to the existing link `name`.
template <typename Set> Status changeLink(nl_sock* sock, const std::string& name, const std::string& what, Set set)
{
    rtnl_link* raw = nullptr;
    if (int err = rtnl_link_get_kernel(sock, 0, name.c_str(), &raw); err < 0)
        return failure(err, "link " + name);
    LinkRef current(raw);
    LinkRef change(rtnl_link_alloc());
    if (!change.p)
        return Status(hr::OutOfMemory, "cannot allocate a link.");
    if (Status s = set(change.p); !s.ok())
        return s;
    if (int err = rtnl_link_change(sock, current.p, change.p, 0); err < 0)
        return failure(err, "cannot " + what + " of " + name);
    return Status::success();
}

} // namespace

Status RouteSocket::addVxlan(const std::string& name, const std::string& master, std::uint32_t vni,
                             const std::string& local, std::uint16_t port, std::uint32_t mtu)
{
    auto masterIndex = indexOf(master);
    if (!masterIndex.ok())
        return masterIndex.status();
    LinkRef link(rtnl_link_vxlan_alloc());
    if (!link.p)
        return Status(hr::OutOfMemory, "cannot allocate a vxlan link.");
    rtnl_link_set_name(link.p, name.c_str());
    rtnl_link_set_group(link.p, kLinkGroup);
    rtnl_link_set_master(link.p, *masterIndex);
    rtnl_link_set_flags(link.p, IFF_UP);
    if (mtu)
        rtnl_link_set_mtu(link.p, mtu);
    int err = rtnl_link_vxlan_set_id(link.p, vni);
    if (err >= 0 && !local.empty()) {
        auto address = ipAddr(local, "vxlan source");
        if (!address.ok())
            return address.status();
        err = rtnl_link_vxlan_set_local(link.p, address->p);
    }
    if (err >= 0)
        err = rtnl_link_vxlan_set_port(link.p, port);
    if (err >= 0)
        err = rtnl_link_vxlan_disable_learning(link.p);
    if (err >= 0)
        err = rtnl_link_vxlan_enable_proxy(link.p);
    if (err < 0)
        return failure(err, "vxlan " + name);
    if (err = rtnl_link_add(m_sock, link.p, NLM_F_CREATE | NLM_F_EXCL); err < 0)
        return failure(err, "cannot create vxlan " + name + " (id " + std::to_string(vni) + ")");
    // The bridge must not learn from the tunnel either: a frame from a remote endpoint arriving after
    // its delete would otherwise put its MAC back on the VXLAN port.
    if (Status s = setBridgePortFlag(name, IFLA_BRPORT_LEARNING, false, "turn learning off on " + name);
        !s.ok()) {
        logFailure(deleteLink(name));
        return s;
    }
    return Status::success();
}

Status RouteSocket::setAlias(const std::string& name, const std::string& alias)
{
    return changeLink(m_sock, name, "set the alias", [&](rtnl_link* change) {
        rtnl_link_set_ifalias(change, alias.c_str());
        return Status::success();
    });
}

Status RouteSocket::setMaster(const std::string& name, const std::string& master)
{
    auto index = indexOf(master);
    if (!index.ok())
        return index.status();
    return changeLink(m_sock, name, "set the master", [&](rtnl_link* change) {
        rtnl_link_set_master(change, *index);
        return Status::success();
    });
}

Status RouteSocket::setPortIsolated(const std::string& name)
{
    return setBridgePortFlag(name, IFLA_BRPORT_ISOLATED, true, "isolate bridge port " + name);
}

Status RouteSocket::setBridgePortFlag(const std::string& name, int attribute, bool on,
                                      const std::string& what)
{
    auto index = indexOf(name);
    if (!index.ok())
        return index.status();
    // What `bridge link set dev NAME isolated on` (or `learning off`) sends: the port's bridge
    // attributes, nested.
    ifinfomsg header{};
    header.ifi_family = AF_BRIDGE;
    header.ifi_index = *index;
    nl_msg* msg = nlmsg_alloc_simple(RTM_SETLINK, 0);
    if (!msg)
        return Status(hr::OutOfMemory, "cannot allocate a netlink message.");
    int err = nlmsg_append(msg, &header, sizeof header, NLMSG_ALIGNTO);
    nlattr* port = err >= 0 ? nla_nest_start(msg, IFLA_PROTINFO | NLA_F_NESTED) : nullptr;
    if (!port)
        err = err < 0 ? err : -NLE_NOMEM;
    if (err >= 0)
        err = nla_put_u8(msg, attribute, on ? 1 : 0);
    if (err >= 0)
        err = nla_nest_end(msg, port);
    if (err = sendAndWaitForAck(m_sock, msg, err); err < 0)
        return failure(err, "cannot " + what);
    return Status::success();
}

Status RouteSocket::setMac(const std::string& name, std::uint64_t mac)
{
    return changeLink(m_sock, name, "set the MAC address", [&](rtnl_link* change) {
        AddrRef address = macAddr(mac);
        rtnl_link_set_addr(change, address.p);
        return Status::success();
    });
}

Status RouteSocket::setUp(const std::string& name)
{
    return changeLink(m_sock, name, "set up", [](rtnl_link* change) {
        rtnl_link_set_flags(change, IFF_UP);
        return Status::success();
    });
}

Status RouteSocket::setMtu(const std::string& name, std::uint32_t mtu)
{
    return changeLink(m_sock, name, "set the MTU " + std::to_string(mtu), [&](rtnl_link* change) {
        rtnl_link_set_mtu(change, mtu);
        return Status::success();
    });
}

Result<LinkMtu> RouteSocket::linkMtu(const std::string& name)
{
    rtnl_link* raw = nullptr;
    if (int err = rtnl_link_get_kernel(m_sock, 0, name.c_str(), &raw); err < 0)
        return failure(err, "link " + name);
    LinkRef link(raw);
    return LinkMtu{rtnl_link_get_ifindex(link.p), rtnl_link_get_mtu(link.p)};
}

Result<LinkMtu> RouteSocket::linkMtu(int index)
{
    rtnl_link* raw = nullptr;
    if (int err = rtnl_link_get_kernel(m_sock, index, nullptr, &raw); err < 0)
        return failure(err, "link " + std::to_string(index));
    LinkRef link(raw);
    return LinkMtu{index, rtnl_link_get_mtu(link.p)};
}

Status RouteSocket::setGroup(const std::string& name, std::uint32_t group)
{
    return changeLink(m_sock, name, "set the group", [&](rtnl_link* change) {
        rtnl_link_set_group(change, group);
        return Status::success();
    });
}

Status RouteSocket::moveTo(const std::string& name, int netnsFd, const std::string& newName)
{
    return changeLink(m_sock, name, "move to another namespace", [&](rtnl_link* change) {
        rtnl_link_set_ns_fd(change, netnsFd);
        rtnl_link_set_name(change, newName.c_str());
        return Status::success();
    });
}

Status RouteSocket::deleteLink(const std::string& name)
{
    LinkRef link(rtnl_link_alloc());
    if (!link.p)
        return Status(hr::OutOfMemory, "cannot allocate a link.");
    rtnl_link_set_name(link.p, name.c_str());
    if (int err = rtnl_link_delete(m_sock, link.p); err < 0)
        return failure(err, "cannot delete link " + name);
    return Status::success();
}

Status RouteSocket::deleteGroup(std::uint32_t group)
{
    ifinfomsg header{};
    header.ifi_family = AF_UNSPEC;
    nl_msg* msg = nlmsg_alloc_simple(RTM_DELLINK, 0);
    if (!msg)
        return Status(hr::OutOfMemory, "cannot allocate a netlink message.");
    int err = nlmsg_append(msg, &header, sizeof header, NLMSG_ALIGNTO);
    if (err >= 0)
        err = nla_put_u32(msg, IFLA_GROUP, group);
    err = sendAndWaitForAck(m_sock, msg, err);
    if (err < 0 && -err != NLE_OBJ_NOTFOUND && -err != NLE_NODEV)
        return failure(err, "cannot delete the links of group " + std::to_string(group));
    return Status::success();
}

Status RouteSocket::addAddress(const std::string& name, const std::string& cidr)
{
    auto index = indexOf(name);
    if (!index.ok())
        return index.status();
    nl_addr* raw = nullptr;
    if (int err = nl_addr_parse(cidr.c_str(), AF_UNSPEC, &raw); err < 0)
        return failure(err, "address " + cidr);
    AddrRef local(raw);
    Ref<rtnl_addr, rtnl_addr_put> addr(rtnl_addr_alloc());
    rtnl_addr_set_ifindex(addr.p, *index);
    rtnl_addr_set_family(addr.p, nl_addr_get_family(local.p));
    rtnl_addr_set_local(addr.p, local.p);
    // IPv6: usable at once. Duplicate address detection would hold the address tentative for a second
    // or more; HCN's IPAM already keeps addresses unique on the network.
    if (nl_addr_get_family(local.p) == AF_INET6)
        rtnl_addr_set_flags(addr.p, IFA_F_NODAD);
    if (int err = rtnl_addr_add(m_sock, addr.p, NLM_F_CREATE | NLM_F_EXCL); err < 0)
        return failure(err, "cannot add address " + cidr + " to " + name);
    return Status::success();
}

namespace {

/// A route of addRoute's: the metric orders equal routes, after the kernel's default for IPv6.
LinkRoute staticRoute(const std::string& destination, const std::string& gateway, std::uint32_t preference,
                      bool onLink)
{
    const bool ipv6 = destination.find(':') != std::string::npos;
    return {destination, gateway, (ipv6 ? 1024u : 0u) + preference, RTPROT_STATIC, onLink};
}

} // namespace

Status RouteSocket::addRoute(const std::string& name, const std::string& destination,
                             const std::string& gateway, std::uint32_t preference, bool onLink)
{
    return addLinkRoute(name, staticRoute(destination, gateway, preference, onLink));
}

Status RouteSocket::deleteRoute(const std::string& name, const std::string& destination,
                                const std::string& gateway, std::uint32_t preference, bool onLink)
{
    return deleteLinkRoute(name, staticRoute(destination, gateway, preference, onLink));
}

namespace {

using NeighRef = Ref<rtnl_neigh, rtnl_neigh_put>;

/// A forwarding entry of family bridge: the VXLAN device's own (NTF_SELF, with the tunnel's remote end)
/// or the bridge's entry for its port (NTF_MASTER).
Result<NeighRef> fdbObject(int ifindex, std::uint64_t mac, const std::string& remote)
{
    NeighRef neigh(rtnl_neigh_alloc());
    rtnl_neigh_set_ifindex(neigh.p, ifindex);
    // The tunnel's address before the family: libnl refuses an address of another family than the
    // entry's once that is set.
    if (!remote.empty()) {
        auto dst = ipAddr(remote, "tunnel endpoint");
        if (!dst.ok())
            return dst.status();
        if (int err = rtnl_neigh_set_dst(neigh.p, dst->p); err < 0)
            return failure(err, "tunnel endpoint " + remote);
    }
    rtnl_neigh_set_family(neigh.p, AF_BRIDGE);
    AddrRef lladdr = macAddr(mac);
    rtnl_neigh_set_lladdr(neigh.p, lladdr.p);
    // The bridge's entry is static (NUD_NOARP): a permanent one would mark the MAC as the bridge's own
    // and hand its frames to the host. The VXLAN device takes permanent entries only.
    rtnl_neigh_set_state(neigh.p, remote.empty() ? NUD_NOARP : NUD_PERMANENT);
    rtnl_neigh_set_flags(neigh.p, remote.empty() ? NTF_MASTER : NTF_SELF);
    return neigh;
}

} // namespace

Status RouteSocket::addFdb(const std::string& name, std::uint64_t mac, const std::string& remote)
{
    auto index = indexOf(name);
    if (!index.ok())
        return index.status();
    auto entry = fdbObject(*index, mac, remote);
    if (!entry.ok())
        return entry.status();
    // The bridge may have learned the MAC on a port that learns (its entry is then replaced by the
    // static one); the VXLAN device and its bridge port learn nothing, its entry must be new.
    const int flags = NLM_F_CREATE | (remote.empty() ? NLM_F_REPLACE : NLM_F_EXCL);
    if (int err = rtnl_neigh_add(m_sock, entry->p, flags); err < 0)
        return failure(err, "cannot add the forwarding entry for " + hcn::MacAddress(mac).toString() +
                                " on " + name);
    return Status::success();
}

Status RouteSocket::deleteFdb(const std::string& name, std::uint64_t mac, const std::string& remote)
{
    auto index = indexOf(name);
    if (!index.ok())
        return index.status();
    auto entry = fdbObject(*index, mac, remote);
    if (!entry.ok())
        return entry.status();
    if (int err = rtnl_neigh_delete(m_sock, entry->p, 0); err < 0)
        return failure(err, "cannot delete the forwarding entry for " + hcn::MacAddress(mac).toString() +
                                " on " + name);
    return Status::success();
}

namespace {

/// The neighbour entry "`address` on link `ifindex`".
Result<NeighRef> neighbourObject(int ifindex, const std::string& address)
{
    auto dst = ipAddr(address, "neighbour");
    if (!dst.ok())
        return dst.status();
    NeighRef neigh(rtnl_neigh_alloc());
    rtnl_neigh_set_ifindex(neigh.p, ifindex);
    if (int err = rtnl_neigh_set_dst(neigh.p, dst->p); err < 0)
        return failure(err, "neighbour " + address);
    return neigh;
}

} // namespace

Status RouteSocket::addNeighbour(const std::string& name, const std::string& address, std::uint64_t mac)
{
    auto index = indexOf(name);
    if (!index.ok())
        return index.status();
    auto neigh = neighbourObject(*index, address);
    if (!neigh.ok())
        return neigh.status();
    AddrRef lladdr = macAddr(mac);
    rtnl_neigh_set_lladdr(neigh->p, lladdr.p);
    rtnl_neigh_set_state(neigh->p, NUD_PERMANENT);
    if (int err = rtnl_neigh_add(m_sock, neigh->p, NLM_F_CREATE | NLM_F_EXCL); err < 0)
        return failure(err, "cannot add neighbour " + address + " on " + name);
    return Status::success();
}

Status RouteSocket::deleteNeighbour(const std::string& name, const std::string& address)
{
    auto index = indexOf(name);
    if (!index.ok())
        return index.status();
    auto neigh = neighbourObject(*index, address);
    if (!neigh.ok())
        return neigh.status();
    if (int err = rtnl_neigh_delete(m_sock, neigh->p, 0); err < 0)
        return failure(err, "cannot delete neighbour " + address + " on " + name);
    return Status::success();
}

Result<std::vector<LinkInfo>> RouteSocket::links()
{
    nl_cache* cache = nullptr;
    if (int err = rtnl_link_alloc_cache(m_sock, AF_UNSPEC, &cache); err < 0)
        return failure(err, "cannot list links");
    std::vector<LinkInfo> out;
    for (nl_object* o = nl_cache_get_first(cache); o; o = nl_cache_get_next(o)) {
        auto* link = reinterpret_cast<rtnl_link*>(o);
        const char* name = rtnl_link_get_name(link);
        const char* alias = rtnl_link_get_ifalias(link);
        out.push_back({name ? name : "", alias ? alias : ""});
    }
    nl_cache_free(cache);
    return out;
}

Result<std::optional<LinkMtu>> RouteSocket::linkOfAddress(const std::string& address)
{
    auto wanted = ipAddr(address, "address");
    if (!wanted.ok())
        return wanted.status();
    nl_cache* cache = nullptr;
    if (int err = rtnl_addr_alloc_cache(m_sock, &cache); err < 0)
        return failure(err, "cannot list addresses");
    int index = 0;
    for (nl_object* o = nl_cache_get_first(cache); o && !index; o = nl_cache_get_next(o)) {
        nl_addr* local = rtnl_addr_get_local(reinterpret_cast<rtnl_addr*>(o));
        // The cache's addresses carry their prefix length; compare the address bits alone.
        if (local && nl_addr_get_family(local) == nl_addr_get_family(wanted->p) &&
            nl_addr_get_len(local) == nl_addr_get_len(wanted->p) &&
            std::memcmp(nl_addr_get_binary_addr(local), nl_addr_get_binary_addr(wanted->p),
                        nl_addr_get_len(local)) == 0)
            index = rtnl_addr_get_ifindex(reinterpret_cast<rtnl_addr*>(o));
    }
    nl_cache_free(cache);
    if (!index)
        return std::optional<LinkMtu>();
    auto link = linkMtu(index);
    if (!link.ok())
        return Status(link.code(), "the link of " + address + ": " + link.status().detail());
    return std::optional<LinkMtu>(*link);
}

Result<LinkStats> RouteSocket::stats(const std::string& name)
{
    rtnl_link* raw = nullptr;
    if (int err = rtnl_link_get_kernel(m_sock, 0, name.c_str(), &raw); err < 0)
        return failure(err, "link " + name);
    LinkRef link(raw);
    LinkStats s;
    s.rxBytes = rtnl_link_get_stat(link.p, RTNL_LINK_RX_BYTES);
    s.txBytes = rtnl_link_get_stat(link.p, RTNL_LINK_TX_BYTES);
    s.rxPackets = rtnl_link_get_stat(link.p, RTNL_LINK_RX_PACKETS);
    s.txPackets = rtnl_link_get_stat(link.p, RTNL_LINK_TX_PACKETS);
    s.rxDropped = rtnl_link_get_stat(link.p, RTNL_LINK_RX_DROPPED);
    s.txDropped = rtnl_link_get_stat(link.p, RTNL_LINK_TX_DROPPED);
    return s;
}

} // namespace hcn::linuxdp
