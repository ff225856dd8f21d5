#include "datapath/linux_netlink.h"

#include "datapath/linux_netns.h"

#include <cerrno>
#include <linux/if.h>
#include <linux/if_addr.h>
#include <netlink/errno.h>
#include <netlink/netlink.h>
#include <netlink/route/addr.h>
#include <netlink/route/link.h>
#include <netlink/route/link/veth.h>
#include <netlink/route/route.h>
#include <netlink/socket.h>
#include <utility>

namespace hcn::linuxdp {

namespace {

Status failure(int nlError, const std::string& what)
{
    const int code = nlError < 0 ? -nlError : nlError;
    const HResult hr = code == NLE_EXIST ? hr::AlreadyExists
                       : code == NLE_OBJ_NOTFOUND || code == NLE_NODEV ? hr::ElementNotFound
                       : code == NLE_PERM                              ? hr::AccessDenied
                                                                       : hr::Fail;
    return Status(hr, what + ": " + nl_geterror(code) + ".");
}

/// Owns one libnl object reference.
template <typename T, void (*Put)(T*)> struct Ref
{
    T* p = nullptr;
    Ref() = default;
    explicit Ref(T* object) : p(object) {}
    Ref(const Ref&) = delete;
    Ref& operator=(const Ref&) = delete;
    Ref(Ref&& other) noexcept : p(std::exchange(other.p, nullptr)) {}
    ~Ref()
    {
        if (p)
            Put(p);
    }
};
using LinkRef = Ref<rtnl_link, rtnl_link_put>;
using AddrRef = Ref<nl_addr, nl_addr_put>;

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
        unsigned char bytes[6];
        for (int i = 0; i < 6; ++i)
            bytes[i] = static_cast<unsigned char>(*peerMac >> (8 * (5 - i)));
        AddrRef mac(nl_addr_build(AF_LLC, bytes, sizeof bytes));
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

Status RouteSocket::addVethInto(const std::string& name, const std::string& master, const std::string& peerName,
                                int peerNetnsFd, std::optional<std::uint64_t> peerMac)
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

Status RouteSocket::setUp(const std::string& name)
{
    return changeLink(m_sock, name, "set up", [](rtnl_link* change) {
        rtnl_link_set_flags(change, IFF_UP);
        return Status::success();
    });
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
    if (err >= 0)
        err = nl_send_auto(m_sock, msg);
    nlmsg_free(msg);
    if (err >= 0)
        err = nl_wait_for_ack(m_sock);
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

Status RouteSocket::addRoute(const std::string& name, const std::string& destination,
                             const std::string& gateway, std::uint32_t preference)
{
    auto index = indexOf(name);
    if (!index.ok())
        return index.status();
    nl_addr* rawDst = nullptr;
    if (int err = nl_addr_parse(destination.c_str(), AF_UNSPEC, &rawDst); err < 0)
        return failure(err, "route destination " + destination);
    AddrRef dst(rawDst);
    Ref<rtnl_route, rtnl_route_put> route(rtnl_route_alloc());
    rtnl_route_set_family(route.p, nl_addr_get_family(dst.p));
    rtnl_route_set_dst(route.p, dst.p);
    rtnl_route_set_table(route.p, RT_TABLE_MAIN);
    rtnl_route_set_protocol(route.p, RTPROT_STATIC);
    rtnl_route_set_priority(route.p, (nl_addr_get_family(dst.p) == AF_INET6 ? 1024u : 0u) + preference);
    rtnl_route_set_scope(route.p, gateway.empty() ? RT_SCOPE_LINK : RT_SCOPE_UNIVERSE);
    rtnl_nexthop* nh = rtnl_route_nh_alloc(); // owned by the route once added
    rtnl_route_nh_set_ifindex(nh, *index);
    if (!gateway.empty()) {
        nl_addr* rawGw = nullptr;
        if (int err = nl_addr_parse(gateway.c_str(), AF_UNSPEC, &rawGw); err < 0) {
            rtnl_route_nh_free(nh);
            return failure(err, "gateway " + gateway);
        }
        AddrRef gw(rawGw);
        rtnl_route_nh_set_gateway(nh, gw.p);
    }
    rtnl_route_add_nexthop(route.p, nh);
    if (int err = rtnl_route_add(m_sock, route.p, NLM_F_CREATE | NLM_F_EXCL); err < 0)
        return failure(err, "cannot add route " + destination + (gateway.empty() ? "" : " via " + gateway) +
                                " on " + name);
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
