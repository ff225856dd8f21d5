// The RouteSocket's view of a link's own addressing: its global addresses, the routes out of it and the
// ports of a bridge, read and written exactly, so that an adapter's addressing can move onto the bridge
// that enslaves it and back.

#include "datapath/linux_netlink.h"
#include "datapath/linux_netlink_objects.h"

#include <arpa/inet.h>
#include <linux/rtnetlink.h>
#include <netlink/route/addr.h>
#include <netlink/route/route.h>

namespace hcn::linuxdp {

using namespace nl;

namespace {

using RouteRef = Ref<rtnl_route, rtnl_route_put>;

/// "10.1.2.0/24" or "fd00::/64" from a libnl address; the family's zero address for a default route
/// (libnl gives it no bytes).
std::string prefixText(nl_addr* address, int family)
{
    char text[INET6_ADDRSTRLEN] = {};
    unsigned char zero[16] = {};
    const void* bytes = address && nl_addr_get_len(address) ? nl_addr_get_binary_addr(address) : zero;
    if (!inet_ntop(family, bytes, text, sizeof text))
        return {};
    return std::string(text) + "/" + std::to_string(address ? nl_addr_get_prefixlen(address) : 0);
}

/// The address without its prefix length.
std::string addressText(nl_addr* address)
{
    const std::string prefix = prefixText(address, nl_addr_get_family(address));
    return prefix.substr(0, prefix.find('/'));
}

/// The kernel's route for `route` out of link `ifindex`.
Result<RouteRef> routeObject(int ifindex, const LinkRoute& route)
{
    auto dst = ipAddr(route.destination, "route destination");
    if (!dst.ok())
        return dst.status();
    RouteRef object(rtnl_route_alloc());
    rtnl_route_set_family(object.p, nl_addr_get_family(dst->p));
    rtnl_route_set_dst(object.p, dst->p);
    rtnl_route_set_table(object.p, route.table);
    rtnl_route_set_protocol(object.p, route.protocol);
    rtnl_route_set_priority(object.p, route.metric);
    rtnl_route_set_scope(object.p, route.gateway.empty() ? RT_SCOPE_LINK : RT_SCOPE_UNIVERSE);
    rtnl_nexthop* nh = rtnl_route_nh_alloc(); // owned by the route once added to it
    rtnl_route_nh_set_ifindex(nh, ifindex);
    if (route.onLink)
        rtnl_route_nh_set_flags(nh, RTNH_F_ONLINK);
    if (!route.gateway.empty()) {
        auto gw = ipAddr(route.gateway, "gateway");
        if (!gw.ok()) {
            rtnl_route_nh_free(nh);
            return gw.status();
        }
        rtnl_route_nh_set_gateway(nh, gw->p);
    }
    rtnl_route_add_nexthop(object.p, nh);
    return object;
}

std::string routeText(const LinkRoute& route, const std::string& name)
{
    return route.destination + (route.gateway.empty() ? "" : " via " + route.gateway) + " on " + name +
           (route.table == RT_TABLE_MAIN ? "" : " in table " + std::to_string(route.table));
}

} // namespace

Result<std::uint64_t> RouteSocket::macOf(const std::string& name)
{
    rtnl_link* raw = nullptr;
    if (int err = rtnl_link_get_kernel(m_sock, 0, name.c_str(), &raw); err < 0)
        return failure(err, "link " + name);
    LinkRef link(raw);
    nl_addr* address = rtnl_link_get_addr(link.p);
    if (!address || nl_addr_get_len(address) != 6)
        return Status(hr::ElementNotFound, "link " + name + " has no MAC address.");
    const auto* bytes = static_cast<const unsigned char*>(nl_addr_get_binary_addr(address));
    std::uint64_t mac = 0;
    for (int i = 0; i < 6; ++i)
        mac = (mac << 8) | bytes[i];
    return mac;
}

Result<std::vector<std::string>> RouteSocket::portsOf(const std::string& bridge)
{
    auto master = indexOf(bridge);
    if (!master.ok())
        return master.status();
    nl_cache* cache = nullptr;
    if (int err = rtnl_link_alloc_cache(m_sock, AF_UNSPEC, &cache); err < 0)
        return failure(err, "cannot list links");
    std::vector<std::string> ports;
    for (nl_object* o = nl_cache_get_first(cache); o; o = nl_cache_get_next(o)) {
        auto* link = reinterpret_cast<rtnl_link*>(o);
        if (rtnl_link_get_master(link) == *master && rtnl_link_get_name(link))
            ports.emplace_back(rtnl_link_get_name(link));
    }
    nl_cache_free(cache);
    return ports;
}

Result<std::vector<std::string>> RouteSocket::globalAddresses(const std::string& name)
{
    auto index = indexOf(name);
    if (!index.ok())
        return index.status();
    nl_cache* cache = nullptr;
    if (int err = rtnl_addr_alloc_cache(m_sock, &cache); err < 0)
        return failure(err, "cannot list addresses");
    std::vector<std::string> v4, v6;
    for (nl_object* o = nl_cache_get_first(cache); o; o = nl_cache_get_next(o)) {
        auto* addr = reinterpret_cast<rtnl_addr*>(o);
        nl_addr* local = rtnl_addr_get_local(addr);
        if (rtnl_addr_get_ifindex(addr) != *index || rtnl_addr_get_scope(addr) != RT_SCOPE_UNIVERSE || !local)
            continue;
        const int family = nl_addr_get_family(local);
        if (family != AF_INET && family != AF_INET6)
            continue;
        const std::string cidr = addressText(local) + "/" + std::to_string(rtnl_addr_get_prefixlen(addr));
        (family == AF_INET ? v4 : v6).push_back(cidr);
    }
    nl_cache_free(cache);
    v4.insert(v4.end(), v6.begin(), v6.end());
    return v4;
}

Status RouteSocket::deleteAddress(const std::string& name, const std::string& cidr)
{
    auto index = indexOf(name);
    if (!index.ok())
        return index.status();
    auto local = ipAddr(cidr, "address");
    if (!local.ok())
        return local.status();
    Ref<rtnl_addr, rtnl_addr_put> addr(rtnl_addr_alloc());
    rtnl_addr_set_ifindex(addr.p, *index);
    rtnl_addr_set_family(addr.p, nl_addr_get_family(local->p));
    rtnl_addr_set_local(addr.p, local->p);
    if (int err = rtnl_addr_delete(m_sock, addr.p, 0); err < 0)
        return failure(err, "cannot remove address " + cidr + " from " + name);
    return Status::success();
}

Result<std::vector<LinkRoute>> RouteSocket::routesOf(const std::string& name)
{
    auto index = indexOf(name);
    if (!index.ok())
        return index.status();
    nl_cache* cache = nullptr;
    if (int err = rtnl_route_alloc_cache(m_sock, AF_UNSPEC, 0, &cache); err < 0)
        return failure(err, "cannot list routes");
    std::vector<LinkRoute> routes;
    for (nl_object* o = nl_cache_get_first(cache); o; o = nl_cache_get_next(o)) {
        auto* route = reinterpret_cast<rtnl_route*>(o);
        const int family = rtnl_route_get_family(route);
        if (rtnl_route_get_table(route) == RT_TABLE_LOCAL || rtnl_route_get_type(route) != RTN_UNICAST ||
            rtnl_route_get_protocol(route) == RTPROT_KERNEL || rtnl_route_get_nnexthops(route) != 1 ||
            (family != AF_INET && family != AF_INET6))
            continue;
        rtnl_nexthop* nh = rtnl_route_nexthop_n(route, 0);
        if (rtnl_route_nh_get_ifindex(nh) != *index)
            continue;
        LinkRoute r;
        r.destination = prefixText(rtnl_route_get_dst(route), family);
        if (family == AF_INET6 && (r.destination.starts_with("fe80:") || r.destination.starts_with("ff00:")))
            continue; // the link's own, made by the kernel with it
        if (nl_addr* gw = rtnl_route_nh_get_gateway(nh))
            r.gateway = addressText(gw);
        r.metric = rtnl_route_get_priority(route);
        r.protocol = rtnl_route_get_protocol(route);
        r.onLink = (rtnl_route_nh_get_flags(nh) & RTNH_F_ONLINK) != 0;
        r.table = rtnl_route_get_table(route);
        routes.push_back(std::move(r));
    }
    nl_cache_free(cache);
    return routes;
}

Status RouteSocket::addLinkRoute(const std::string& name, const LinkRoute& route)
{
    auto index = indexOf(name);
    if (!index.ok())
        return index.status();
    auto object = routeObject(*index, route);
    if (!object.ok())
        return object.status();
    if (int err = rtnl_route_add(m_sock, object->p, NLM_F_CREATE | NLM_F_EXCL); err < 0)
        return failure(err, "cannot add route " + routeText(route, name));
    return Status::success();
}

Status RouteSocket::deleteLinkRoute(const std::string& name, const LinkRoute& route)
{
    auto index = indexOf(name);
    if (!index.ok())
        return index.status();
    auto object = routeObject(*index, route);
    if (!object.ok())
        return object.status();
    if (int err = rtnl_route_delete(m_sock, object->p, 0); err < 0)
        return failure(err, "cannot delete route " + routeText(route, name));
    return Status::success();
}

} // namespace hcn::linuxdp
