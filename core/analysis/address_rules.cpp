// Rules about addresses and attachment: duplicate IPs and MACs, addresses outside subnets and pools,
// remote endpoints, leaked endpoints, missing networks and namespaces, DNS presence.

#include "analysis/check_model.h"
#include "common/text.h"

#include <algorithm>

namespace hcn::analysis {

namespace {

using Values = std::vector<std::pair<std::string_view, std::string>>;

bool anyContains(const std::vector<IpPrefix>& prefixes, const IpAddress& address)
{
    return std::any_of(prefixes.begin(), prefixes.end(), [&](const IpPrefix& p) {
        return p.family() == address.family() && p.contains(address);
    });
}

/// Networks whose endpoints belong to containers (a namespace): on ICS and mirrored networks virtual
/// machines and WSL hold endpoints without one.
bool endpointsNeedNamespaces(const NetworkFacts* n)
{
    return !n || (n->mode != NetworkMode::Ics && n->mode != NetworkMode::ConstrainedIcs &&
                  n->mode != NetworkMode::Mirrored);
}

/// Local endpoints with a network that can carry DNS settings for them.
bool expectsDns(NetworkMode mode)
{
    return mode == NetworkMode::Nat || mode == NetworkMode::L2Bridge || mode == NetworkMode::L2Tunnel ||
           mode == NetworkMode::Overlay || mode == NetworkMode::Transparent;
}

void checkLocalEndpoint(const CheckModel& model, const EndpointFacts& e, const NetworkFacts* n,
                        std::vector<Finding>& out)
{
    const Values values{{"endpoint", e.id}, {"network", e.networkId}};
    if (!e.addressesPresent && !model.lost(e.id, {"IPAddress", "IPv6Address"}))
        out.push_back(makeFinding("EP-NO-ADDRESS", "The endpoint's document lists no IP configuration.",
                                  {{ResourceKind::Endpoint, e.id}},
                                  {{fieldOf(ResourceKind::Endpoint, e.id, "IpConfigurations"), "(absent)"}},
                                  values));
    // A subnet whose prefix the dump did not carry may hold the address.
    if (n && !n->subnets.empty() && !model.lost(n->id, {"AddressPrefix", "IpAddressPrefix"})) {
        for (const IpAddress& address : e.addresses) {
            std::vector<IpPrefix> sameFamily;
            for (const SubnetFact& s : n->subnets)
                if (s.prefix.family() == address.family())
                    sameFamily.push_back(s.prefix);
            if (sameFamily.empty() || anyContains(sameFamily, address))
                continue;
            std::vector<std::string> prefixes;
            for (const IpPrefix& p : sameFamily)
                prefixes.push_back(p.toString());
            out.push_back(makeFinding(
                "EP-IP-OUTSIDE-SUBNET",
                address.toString() + " is outside the network's subnets (" + joined(prefixes) + ").",
                {{ResourceKind::Endpoint, e.id}, {ResourceKind::Network, n->id}},
                {{fieldOf(ResourceKind::Endpoint, e.id, "IpConfigurations.IpAddress"), address.toString()},
                 {fieldOf(ResourceKind::Network, n->id, "Ipams.Subnets.IpAddressPrefix"), joined(prefixes)}},
                values));
        }
    }
    // The first and last address of an IPv4 subnet are no host's (/31 and /32 have none to spare),
    // unless another subnet of the network that holds it takes it as a host's (overlapping subnets).
    if (n && !model.lost(n->id, {"AddressPrefix", "IpAddressPrefix"}))
        for (const IpAddress& address : e.addresses) {
            const SubnetFact* reservedIn = nullptr;
            bool hostAddress = false;
            for (const SubnetFact& s : n->subnets) {
                if (s.prefix.family() != IpFamily::V4 || address.family() != IpFamily::V4 ||
                    !s.prefix.contains(address))
                    continue;
                if (s.prefix.length() <= 30 && (address == s.prefix.network() || address == s.prefix.last()))
                    reservedIn = reservedIn ? reservedIn : &s;
                else
                    hostAddress = true;
            }
            if (!reservedIn || hostAddress)
                continue;
            const bool first = address == reservedIn->prefix.network();
            out.push_back(makeFinding(
                "EP-IP-RESERVED",
                address.toString() + " is the " + (first ? "network" : "broadcast") + " address of subnet " +
                    reservedIn->prefix.toString() + ": no host on it may hold it.",
                {{ResourceKind::Endpoint, e.id}, {ResourceKind::Network, n->id}},
                {{fieldOf(ResourceKind::Endpoint, e.id, "IpConfigurations.IpAddress"), address.toString()},
                 {fieldOf(ResourceKind::Network, n->id, "Ipams.Subnets.IpAddressPrefix"),
                  reservedIn->prefix.toString()}},
                values));
        }
    if (n && e.mac && !n->macRanges.empty() &&
        std::none_of(n->macRanges.begin(), n->macRanges.end(),
                     [&](const MacRangeFact& r) { return r.first <= *e.mac && *e.mac <= r.last; })) {
        std::vector<std::string> ranges;
        for (const MacRangeFact& r : n->macRanges)
            ranges.push_back(r.first.toString() + ".." + r.last.toString());
        out.push_back(
            makeFinding("EP-MAC-OUTSIDE-POOL",
                        e.mac->toString() + " is outside the network's MAC pool (" + joined(ranges) + ").",
                        {{ResourceKind::Endpoint, e.id}, {ResourceKind::Network, n->id}},
                        {{fieldOf(ResourceKind::Endpoint, e.id, "MacAddress"), e.mac->toString()},
                         {fieldOf(ResourceKind::Network, n->id, "MacPool.Ranges"), joined(ranges)}},
                        values));
    }
    const bool attached = model.attached(e);
    if (!attached && model.namespaceDataPresent() && endpointsNeedNamespaces(n))
        out.push_back(
            makeFinding("EP-LEAKED", "No namespace holds the endpoint.", {{ResourceKind::Endpoint, e.id}},
                        {{fieldOf(ResourceKind::Endpoint, e.id, "HostComputeNamespace"), "(none)"}}, values));
    if (attached && n && expectsDns(n->mode) && e.dnsServers.empty() && n->dnsServers.empty() &&
        !model.lost(e.id, {"DNSServerList", "ServerList"}) &&
        !model.lost(n->id, {"DNSServerList", "ServerList"}))
        out.push_back(makeFinding("DNS-MISSING", "Neither the endpoint nor its network names a DNS server.",
                                  {{ResourceKind::Endpoint, e.id}, {ResourceKind::Network, n->id}},
                                  {{fieldOf(ResourceKind::Endpoint, e.id, "Dns.ServerList"), "(none)"},
                                   {fieldOf(ResourceKind::Network, n->id, "Dns.ServerList"), "(none)"}},
                                  values));
}

void checkRemoteEndpoint(const CheckModel& model, const EndpointFacts& e, const NetworkFacts* n,
                         std::vector<Finding>& out)
{
    if (!n)
        return;
    const Values values{{"endpoint", e.id}, {"network", n->id}};
    if (!e.providerAddress && n->mode == NetworkMode::Overlay && !model.lost(e.id, {"PA", "ProviderAddress"}))
        out.push_back(makeFinding(
            "REMOTE-NO-PA", "The remote endpoint has no ProviderAddress policy.",
            {{ResourceKind::Endpoint, e.id}, {ResourceKind::Network, n->id}},
            {{fieldOf(ResourceKind::Endpoint, e.id, "Policies"), "(no ProviderAddress)"}}, values));
    if (e.providerAddress && !n->remoteSubnetRoutes.empty()) {
        for (const IpAddress& address : e.addresses) {
            const bool known = std::any_of(n->remoteSubnetRoutes.begin(), n->remoteSubnetRoutes.end(),
                                           [&](const RemoteSubnetRouteFact& r) {
                                               return r.destination && r.providerAddress &&
                                                      r.destination->family() == address.family() &&
                                                      r.destination->contains(address) &&
                                                      *r.providerAddress == *e.providerAddress;
                                           });
            if (known)
                continue;
            out.push_back(makeFinding(
                "REMOTE-PA-UNKNOWN",
                "No RemoteSubnetRoute of the network sends " + address.toString() + " to provider address " +
                    e.providerAddress->toString() + ".",
                {{ResourceKind::Endpoint, e.id}, {ResourceKind::Network, n->id}},
                {{fieldOf(ResourceKind::Endpoint, e.id, "Policies.ProviderAddress"),
                  e.providerAddress->toString()},
                 {fieldOf(ResourceKind::Endpoint, e.id, "IpConfigurations.IpAddress"), address.toString()}},
                values));
            break;
        }
    }
    for (const IpAddress& address : e.addresses)
        for (const SubnetFact& s : n->subnets)
            if (anyContains(s.ipSubnets, address)) {
                out.push_back(makeFinding(
                    "REMOTE-IP-IN-LOCAL-RANGE",
                    address.toString() +
                        " is a remote endpoint's address inside this node's range of subnet " +
                        s.prefix.toString() + ".",
                    {{ResourceKind::Endpoint, e.id}, {ResourceKind::Network, n->id}},
                    {{fieldOf(ResourceKind::Endpoint, e.id, "IpConfigurations.IpAddress"),
                      address.toString()},
                     {fieldOf(ResourceKind::Network, n->id, "Ipams.Subnets.IpSubnets"), s.prefix.toString()}},
                    values));
                return;
            }
}

std::uint64_t poolCapacity(const SubnetFact& subnet)
{
    // Mirrors the engine's pool: network, broadcast and gateway are never handed out.
    std::optional<IpAddress> gateway;
    for (const RouteFact& r : subnet.routes)
        if (r.nextHop && r.nextHop->family() == subnet.prefix.family() && subnet.prefix.contains(*r.nextHop))
            gateway = r.nextHop;
    const std::uint64_t size = subnet.prefix.size();
    std::uint64_t reserved = gateway ? 1 : 0;
    if (subnet.prefix.family() == IpFamily::V4 && subnet.prefix.length() <= 30)
        reserved += 2;
    else if (subnet.prefix.family() == IpFamily::V6)
        reserved += 1;
    return size > reserved ? size - reserved : 0;
}

} // namespace

void checkEndpoint(const CheckModel& model, const EndpointFacts& e, std::vector<Finding>& out)
{
    checkDocument(model, ResourceKind::Endpoint, e.id, e.unreadable, out);
    const NetworkFacts* n = nullptr;
    if (auto it = model.networks.find(e.networkId); it != model.networks.end())
        n = &it->second;
    // A host without any network is a partial dump, not proof that the network is gone.
    if (!e.networkId.empty() && !n && !model.networks.empty())
        out.push_back(
            makeFinding("EP-NETWORK-MISSING", "The endpoint's network " + e.networkId + " does not exist.",
                        {{ResourceKind::Endpoint, e.id}},
                        {{fieldOf(ResourceKind::Endpoint, e.id, "HostComputeNetwork"), e.networkId}},
                        {{"endpoint", e.id}}));
    if (!e.namespaceId.empty() && !model.namespaces.empty() && !model.namespaces.count(e.namespaceId))
        out.push_back(makeFinding(
            "EP-NAMESPACE-MISSING", "The endpoint's namespace " + e.namespaceId + " does not exist.",
            {{ResourceKind::Endpoint, e.id}},
            {{fieldOf(ResourceKind::Endpoint, e.id, "HostComputeNamespace"), e.namespaceId}},
            {{"endpoint", e.id}}));
    if (e.remote)
        checkRemoteEndpoint(model, e, n, out);
    else
        checkLocalEndpoint(model, e, n, out);
    checkEndpointPolicies(model, e, n, out);
}

void checkNetwork(const CheckModel& model, const NetworkFacts& n, std::vector<Finding>& out)
{
    checkDocument(model, ResourceKind::Network, n.id, n.unreadable, out);
    const Values values{{"network", n.id}};
    for (const SubnetFact& s : n.subnets) {
        const std::string where =
            "Ipams[" + std::to_string(s.ipamIndex) + "].Subnets[" + std::to_string(s.subnetIndex) + "]";
        bool hasDefault = false;
        for (const RouteFact& r : s.routes) {
            if (r.destination && r.destination->length() == 0 && r.destination->family() == s.prefix.family())
                hasDefault = true;
            if (!r.nextHop || r.nextHop->family() != s.prefix.family() || r.nextHop->value() == 0 ||
                s.prefix.contains(*r.nextHop))
                continue;
            out.push_back(makeFinding(
                "NET-GATEWAY-OUTSIDE-SUBNET",
                "The gateway " + r.nextHop->toString() + " is outside subnet " + s.prefix.toString() + ".",
                {{ResourceKind::Network, n.id}},
                {{fieldOf(ResourceKind::Network, n.id, where + ".Routes.NextHop"), r.nextHop->toString()},
                 {fieldOf(ResourceKind::Network, n.id, where + ".IpAddressPrefix"), s.prefix.toString()}},
                values));
        }
        // Private and Internal networks have no way out by design.
        if (s.routesPresent && !hasDefault && n.mode != NetworkMode::Private &&
            n.mode != NetworkMode::Internal)
            out.push_back(makeFinding("NET-NO-DEFAULT-ROUTE",
                                      "Subnet " + s.prefix.toString() + " has no default route.",
                                      {{ResourceKind::Network, n.id}},
                                      {{fieldOf(ResourceKind::Network, n.id, where + ".Routes"),
                                        std::to_string(s.routes.size()) + " route(s), none to " +
                                            (s.prefix.family() == IpFamily::V4 ? "0.0.0.0/0" : "::/0")}},
                                      values));
    }
    if (n.subnets.empty() || !model.state)
        return;
    // No subnet can be over 90 % used by fewer local endpoints than that: skip the walk.
    const auto local = model.localEndpointsOfNetwork.find(n.id);
    const std::size_t localCount = local == model.localEndpointsOfNetwork.end() ? 0 : local->second;
    if (std::all_of(n.subnets.begin(), n.subnets.end(),
                    [&](const SubnetFact& s) { return localCount * 10 <= poolCapacity(s) * 9; }))
        return;

    // Pool use: the distinct addresses local endpoints hold in each subnet.
    std::vector<std::set<IpAddress>> used(n.subnets.size());
    std::vector<std::size_t> attached(n.subnets.size());
    std::vector<std::vector<std::string>> unattached(n.subnets.size());
    for (const std::string& id : model.state->endpointsOfNetwork(n.id)) {
        auto it = model.endpoints.find(id);
        if (it == model.endpoints.end() || it->second.remote)
            continue;
        const EndpointFacts& e = it->second;
        const bool isAttached = model.attached(e);
        for (std::size_t i = 0; i < n.subnets.size(); ++i) {
            bool in = false;
            for (const IpAddress& a : e.addresses)
                if (a.family() == n.subnets[i].prefix.family() && n.subnets[i].prefix.contains(a)) {
                    used[i].insert(a);
                    in = true;
                }
            if (in && isAttached)
                ++attached[i];
            else if (in)
                unattached[i].push_back(e.id);
        }
    }
    for (std::size_t i = 0; i < n.subnets.size(); ++i) {
        const SubnetFact& s = n.subnets[i];
        const std::uint64_t capacity = poolCapacity(s);
        const std::uint64_t count = used[i].size();
        if (capacity == 0 || count * 10 <= capacity * 9)
            continue;
        const std::string use = std::to_string(count) + " of " + std::to_string(capacity);
        const std::vector<std::pair<std::string, std::string>> evidence{
            {fieldOf(ResourceKind::Network, n.id, "Ipams.Subnets.IpAddressPrefix"), s.prefix.toString()},
            {"Addresses in use", use}};
        out.push_back(makeFinding("NET-POOL-EXHAUSTED",
                                  "Subnet " + s.prefix.toString() + " has " + use + " addresses in use.",
                                  {{ResourceKind::Network, n.id}}, evidence, values));
        if (capacity < 16)
            out.push_back(makeFinding("NET-POOL-SMALL",
                                      "Subnet " + s.prefix.toString() + " can hand out only " +
                                          std::to_string(capacity) + " addresses.",
                                      {{ResourceKind::Network, n.id}}, evidence, values));
        if (!model.namespaceDataPresent() || !endpointsNeedNamespaces(&n) || attached[i] * 2 > count)
            continue;
        std::vector<FindingObject> objects{{ResourceKind::Network, n.id}};
        for (const std::string& id : unattached[i])
            objects.push_back({ResourceKind::Endpoint, id});
        auto withAttached = evidence;
        withAttached.emplace_back("Attached endpoints", std::to_string(attached[i]));
        out.push_back(
            makeFinding("NET-POOL-FULL-FEW-ENDPOINTS",
                        "Subnet " + s.prefix.toString() + " is full (" + use + ") but only " +
                            std::to_string(attached[i]) + " endpoint(s) holding its addresses are attached.",
                        std::move(objects), std::move(withAttached),
                        {{"network", n.id}, {"endpoint", unattached[i].empty() ? "" : unattached[i][0]}}));
    }
}

void checkAddress(const CheckModel& model, const std::string& address, std::vector<Finding>& out)
{
    const std::set<std::string>& holders = model.endpointsByAddress.at(address);
    if (holders.size() < 2)
        return;
    std::vector<FindingObject> local, remote;
    std::vector<std::pair<std::string, std::string>> evidence;
    for (const std::string& id : holders) {
        auto it = model.endpoints.find(id);
        if (it == model.endpoints.end())
            continue;
        (it->second.remote ? remote : local).push_back({ResourceKind::Endpoint, id});
        evidence.emplace_back(fieldOf(ResourceKind::Endpoint, id, "IpConfigurations.IpAddress"),
                              address + (it->second.remote ? " (remote)" : " (local)"));
    }
    if (local.size() >= 2) {
        const std::string victim = local.back().id;
        out.push_back(makeFinding(
            "IP-DUP-LOCAL", address + " is held by " + std::to_string(local.size()) + " local endpoints.",
            local, evidence, {{"endpoint", victim}, {"ip", address}}));
    }
    if (!local.empty() && !remote.empty()) {
        std::vector<FindingObject> objects = remote;
        objects.insert(objects.end(), local.begin(), local.end());
        out.push_back(makeFinding("IP-DUP-REMOTE", address + " is held by a local and a remote endpoint.",
                                  std::move(objects), evidence,
                                  {{"endpoint", remote.front().id}, {"ip", address}}));
    }
    if (local.empty() && remote.size() >= 2)
        out.push_back(makeFinding(
            "IP-DUP-REMOTES", address + " is held by " + std::to_string(remote.size()) + " remote endpoints.",
            remote, evidence, {{"endpoint", remote.front().id}, {"ip", address}}));
}

void checkMac(const CheckModel& model, const std::string& mac, std::vector<Finding>& out)
{
    const std::set<std::string>& holders = model.endpointsByMac.at(mac);
    if (holders.size() < 2)
        return;
    std::vector<FindingObject> objects;
    std::vector<std::pair<std::string, std::string>> evidence;
    bool anyLocal = false;
    for (const std::string& id : holders) {
        auto it = model.endpoints.find(id);
        if (it == model.endpoints.end())
            continue;
        anyLocal = anyLocal || !it->second.remote;
        objects.push_back({ResourceKind::Endpoint, id});
        evidence.emplace_back(fieldOf(ResourceKind::Endpoint, id, "MacAddress"), mac);
    }
    if (!anyLocal || objects.size() < 2)
        return;
    out.push_back(makeFinding("MAC-DUP",
                              mac + " is held by " + std::to_string(objects.size()) + " endpoints.", objects,
                              std::move(evidence), {{"endpoint", objects.back().id}}));
}

void checkOverlaps(const CheckModel& model, std::vector<Finding>& out)
{
    std::vector<const NetworkFacts*> networks;
    for (const auto& [id, n] : model.networks)
        if (!n.subnets.empty())
            networks.push_back(&n);
    std::sort(networks.begin(), networks.end(),
              [](const NetworkFacts* a, const NetworkFacts* b) { return a->id < b->id; });
    for (std::size_t i = 0; i < networks.size(); ++i)
        for (std::size_t j = i + 1; j < networks.size(); ++j)
            for (const SubnetFact& a : networks[i]->subnets)
                for (const SubnetFact& b : networks[j]->subnets) {
                    if (a.prefix.family() != b.prefix.family() || !a.prefix.overlaps(b.prefix))
                        continue;
                    const NetworkFacts& first = *networks[i];
                    const NetworkFacts& second = *networks[j];
                    out.push_back(makeFinding(
                        "NET-SUBNET-OVERLAP",
                        a.prefix.toString() + " of network " + (first.name.empty() ? first.id : first.name) +
                            " overlaps " + b.prefix.toString() + " of network " +
                            (second.name.empty() ? second.id : second.name) + ".",
                        {{ResourceKind::Network, first.id}, {ResourceKind::Network, second.id}},
                        {{fieldOf(ResourceKind::Network, first.id, "Ipams.Subnets.IpAddressPrefix"),
                          a.prefix.toString()},
                         {fieldOf(ResourceKind::Network, second.id, "Ipams.Subnets.IpAddressPrefix"),
                          b.prefix.toString()}},
                        {{"network", second.id}}));
                }
}

} // namespace hcn::analysis
