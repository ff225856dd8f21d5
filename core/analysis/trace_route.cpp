// Route choice for the trace: which route of the source endpoint, its SDN routes and its network covers
// the destination. Longest prefix wins; on equal length the more specific kind of route wins.

#include "analysis/trace_steps.h"

namespace hcn::analysis {

namespace {

/// Lower ranks win ties between routes of the same prefix length.
enum Rank
{
    kRankSdnPolicy = 0,
    kRankSdnObject = 1,
    kRankRemoteSubnet = 2,
    kRankOnLink = 3,
    kRankEndpointRoute = 4,
    kRankSubnetRoute = 5,
};

struct Candidate
{
    RouteChoice choice;
    int length = -1;
    int rank = 99;
};

void consider(Candidate& best, std::size_t& count, const IpAddress& destination,
              const std::optional<IpPrefix>& prefix, int rank, RouteChoice choice)
{
    if (!prefix || prefix->family() != destination.family() || !prefix->contains(destination))
        return;
    ++count;
    const int length = prefix->length();
    if (length > best.length || (length == best.length && rank < best.rank)) {
        choice.prefix = prefix;
        best = {std::move(choice), length, rank};
    }
}

} // namespace

RouteChoice chooseRoute(const TraceIndex& index, const EndpointFacts& source, const NetworkFacts& network,
                        const IpAddress& destination)
{
    Candidate best;
    std::size_t count = 0;
    const TraceObject endpointObject = index.object(ResourceKind::Endpoint, source.id);
    const TraceObject networkObject = index.object(ResourceKind::Network, network.id);

    for (const RouteEntryFact& r : source.sdnRoutePolicies) {
        RouteChoice c;
        c.kind = RouteChoice::Kind::SdnRoute;
        c.nextHop = r.nextHop;
        c.encap = r.needEncap;
        c.object = endpointObject;
        c.rule = "Policies[" + std::to_string(r.index) + "] SDNRoute DestinationPrefix " +
                 (r.destination ? r.destination->toString() : "?") +
                 (r.nextHop ? " NextHop " + r.nextHop->toString() : "") + (r.needEncap ? " NeedEncap" : "");
        consider(best, count, destination, r.destination, kRankSdnPolicy, std::move(c));
    }
    for (const std::string& routeId : index.model.sdnRoutesOfEndpoint.at(source.id)) {
        const auto entries = index.sdnRouteEntries.find(routeId);
        if (entries == index.sdnRouteEntries.end())
            continue;
        for (const RouteEntryFact& r : entries->second) {
            RouteChoice c;
            c.kind = RouteChoice::Kind::SdnRoute;
            c.nextHop = r.nextHop;
            c.encap = r.needEncap;
            c.object = index.object(ResourceKind::SdnRoute, routeId);
            c.rule = "Routes[" + std::to_string(r.index) + "] DestinationPrefix " +
                     (r.destination ? r.destination->toString() : "?") +
                     (r.nextHop ? " NextHop " + r.nextHop->toString() : "") +
                     (r.needEncap ? " NeedEncap" : "");
            consider(best, count, destination, r.destination, kRankSdnObject, std::move(c));
        }
    }
    for (std::size_t i = 0; i < network.remoteSubnetRoutes.size(); ++i) {
        const RemoteSubnetRouteFact& r = network.remoteSubnetRoutes[i];
        RouteChoice c;
        c.kind = RouteChoice::Kind::RemoteSubnet;
        c.providerAddress = r.providerAddress;
        c.encap = true;
        c.object = networkObject;
        c.rule = "RemoteSubnetRoute DestinationPrefix " + (r.destination ? r.destination->toString() : "?") +
                 " ProviderAddress " + (r.providerAddress ? r.providerAddress->toString() : "(none)");
        consider(best, count, destination, r.destination, kRankRemoteSubnet, std::move(c));
    }
    for (const SubnetFact& s : network.subnets) {
        const std::string where =
            "Ipams[" + std::to_string(s.ipamIndex) + "].Subnets[" + std::to_string(s.subnetIndex) + "]";
        // Only the subnets the source's own addresses are in give it on-link reach and gateways.
        bool own = false;
        for (const IpAddress& a : source.addresses)
            own = own || (a.family() == s.prefix.family() && s.prefix.contains(a));
        if (!own)
            continue;
        RouteChoice onLink;
        onLink.kind = RouteChoice::Kind::OnLink;
        onLink.object = networkObject;
        onLink.rule = where + ".IpAddressPrefix " + s.prefix.toString();
        consider(best, count, destination, s.prefix, kRankOnLink, std::move(onLink));
        for (std::size_t k = 0; k < s.routes.size(); ++k) {
            RouteChoice c;
            c.kind = RouteChoice::Kind::Gateway;
            c.nextHop = s.routes[k].nextHop;
            c.object = networkObject;
            c.rule = where + ".Routes[" + std::to_string(k) + "] " +
                     (s.routes[k].destination ? s.routes[k].destination->toString() : "?") + " via " +
                     (s.routes[k].nextHop ? s.routes[k].nextHop->toString() : "(no NextHop)");
            consider(best, count, destination, s.routes[k].destination, kRankSubnetRoute, std::move(c));
        }
    }
    for (const RouteEntryFact& r : source.routes) {
        RouteChoice c;
        c.kind = RouteChoice::Kind::Gateway;
        c.nextHop = r.nextHop;
        c.object = endpointObject;
        c.rule = "Routes[" + std::to_string(r.index) + "] " +
                 (r.destination ? r.destination->toString() : "?") + " via " +
                 (r.nextHop ? r.nextHop->toString() : "(no NextHop)");
        consider(best, count, destination, r.destination, kRankEndpointRoute, std::move(c));
    }
    if (count > 1)
        best.choice.candidates =
            std::to_string(count) + " routes cover the destination; the longest prefix wins";
    return best.choice;
}

} // namespace hcn::analysis
