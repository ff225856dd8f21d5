#include "analysis/check_model.h"

#include "common/text.h"

namespace hcn::analysis {

std::string scopeKey(Scope scope, std::string_view key)
{
    std::string out(1, static_cast<char>(scope));
    out += key;
    return out;
}

void MultiIndex::remove(const std::string& key, const std::string& id)
{
    auto it = m_map.find(key);
    if (it == m_map.end())
        return;
    it->second.erase(id);
    if (it->second.empty())
        m_map.erase(it);
}

const std::set<std::string>& MultiIndex::at(const std::string& key) const
{
    static const std::set<std::string> kNone;
    auto it = m_map.find(key);
    return it == m_map.end() ? kNone : it->second;
}

namespace {

/// A mapping whose protocol is not known keys apart from every protocol, "any" (0) among them: it
/// conflicts with nothing for sure.
std::string protocolKey(const PortMappingFact& mapping)
{
    return mapping.protocolUnknown ? std::string(kUnknownProtocolKey) : std::to_string(mapping.protocol);
}

} // namespace

std::string frontendKey(const std::string& vip, const PortMappingFact& mapping)
{
    return vip + '|' + protocolKey(mapping) + '|' + std::to_string(mapping.externalPort);
}

std::string hostPortKey(const PortMappingFact& mapping)
{
    return protocolKey(mapping) + '|' + std::to_string(mapping.externalPort);
}

std::string natGroupKey(const EndpointFacts& e)
{
    return e.networkId + '\n' + e.natExceptionText;
}

bool isNodePort(const LoadBalancerFacts& lb)
{
    if (!lb.vips.empty() || lb.vipsUnknown)
        return false;
    for (const PortMappingFact& m : lb.portMappings)
        if (m.externalPort != 0)
            return true;
    return false;
}

namespace {

bool claimsNatGroup(const EndpointFacts& e)
{
    return !e.remote && e.hasOutboundNat && !e.networkId.empty();
}

} // namespace

void CheckModel::clear()
{
    const HostState* host = state;
    const std::optional<SchemaVersion> version = hnsVersion;
    const bool allFeatures = allFeaturesSupported;
    UnknownFields unknown = std::move(unknownFields);
    *this = CheckModel();
    state = host;
    hnsVersion = version;
    allFeaturesSupported = allFeatures;
    unknownFields = std::move(unknown);
}

bool CheckModel::attached(const EndpointFacts& endpoint) const
{
    return !endpoint.namespaceId.empty() || !namespacesOfEndpoint.at(endpoint.id).empty();
}

std::size_t CheckModel::existing(const std::vector<std::string>& ids) const
{
    std::size_t n = 0;
    for (const std::string& id : ids)
        n += endpoints.count(id);
    return n;
}

const nlohmann::json* CheckModel::document(const std::string& id) const
{
    const HostObject* object = state ? state->find(id) : nullptr;
    return object && object->document ? object->document.get() : nullptr;
}

bool CheckModel::lost(const std::string& id, std::initializer_list<std::string_view> members) const
{
    const auto found = unknownFields.find(id);
    if (found == unknownFields.end())
        return false;
    for (const std::string& loss : found->second) {
        std::string_view path = std::string_view(loss).substr(0, loss.find(": "));
        while (path.ends_with(']') && path.find('[') != std::string_view::npos)
            path = path.substr(0, path.rfind('['));
        const std::string_view last = path.substr(path.rfind('.') + 1);
        for (std::string_view member : members)
            if (equalsIgnoreCase(last, member))
                return true;
    }
    return false;
}

void CheckModel::indexEndpoint(const EndpointFacts& e, bool add)
{
    auto apply = [&](MultiIndex& index, const std::string& key) {
        add ? index.add(key, e.id) : index.remove(key, e.id);
    };
    for (const IpAddress& a : e.addresses)
        apply(endpointsByAddress, a.toString());
    if (e.mac)
        apply(endpointsByMac, e.mac->toString());
    if (!e.remote)
        for (const PortMappingFact& m : e.portMappings)
            if (m.externalPort != 0)
                apply(claimsByHostPort, hostPortKey(m));
    for (const IpAddress& server : e.dnsServers)
        apply(dnsUsersByServer, server.toString());
    if (claimsNatGroup(e)) {
        const std::string group = natGroupKey(e);
        apply(natGroups, group);
        if (add)
            natGroupsOfNetwork.add(e.networkId, group);
        else if (natGroups.at(group).empty())
            natGroupsOfNetwork.remove(e.networkId, group);
    }
    if (!e.namespaceId.empty())
        add ? ++endpointsNamingNamespace : --endpointsNamingNamespace;
    if (!e.remote && !e.networkId.empty()) {
        std::size_t& local = localEndpointsOfNetwork[e.networkId];
        add ? ++local : --local;
        if (local == 0)
            localEndpointsOfNetwork.erase(e.networkId);
    }
}

void CheckModel::indexLoadBalancer(const LoadBalancerFacts& lb, bool add)
{
    auto apply = [&](MultiIndex& index, const std::string& key) {
        add ? index.add(key, lb.id) : index.remove(key, lb.id);
    };
    for (const PortMappingFact& m : lb.portMappings) {
        if (m.externalPort == 0)
            continue;
        if (lb.vips.empty())
            apply(loadBalancersByFrontend, frontendKey("", m));
        for (const IpAddress& vip : lb.vips)
            apply(loadBalancersByFrontend, frontendKey(vip.toString(), m));
    }
    if (isNodePort(lb))
        for (const PortMappingFact& m : lb.portMappings)
            if (m.externalPort != 0)
                apply(claimsByHostPort, hostPortKey(m));
    for (const IpAddress& vip : lb.vips) {
        apply(loadBalancersByVip, vip.toString());
        std::size_t& users = vips[vip];
        add ? ++users : --users;
        if (users == 0)
            vips.erase(vip);
    }
    for (const std::string& backend : lb.backends)
        apply(loadBalancersOfEndpoint, backend);
}

void CheckModel::dirtyEndpoint(const EndpointFacts& e, std::set<std::string>& dirty) const
{
    dirty.insert(scopeKey(Scope::Endpoint, e.id));
    for (const IpAddress& a : e.addresses)
        dirty.insert(scopeKey(Scope::Address, a.toString()));
    if (e.mac)
        dirty.insert(scopeKey(Scope::Mac, e.mac->toString()));
    for (const PortMappingFact& m : e.portMappings)
        if (m.externalPort != 0)
            dirty.insert(scopeKey(Scope::HostPort, hostPortKey(m)));
    for (const IpAddress& server : e.dnsServers)
        dirty.insert(scopeKey(Scope::DnsServer, server.toString()));
    if (!e.networkId.empty())
        dirty.insert(scopeKey(Scope::Network, e.networkId));
    if (claimsNatGroup(e))
        dirty.insert(scopeKey(Scope::NatGroup, natGroupKey(e)));
    // Objects that name this endpoint see it appear or vanish.
    for (const std::string& lb : loadBalancersOfEndpoint.at(e.id))
        if (auto it = loadBalancers.find(lb); it != loadBalancers.end())
            dirtyBackendsOf(it->second, dirty);
    for (const std::string& ns : namespacesOfEndpoint.at(e.id))
        dirty.insert(scopeKey(Scope::Namespace, ns));
    for (const std::string& route : sdnRoutesOfEndpoint.at(e.id))
        dirty.insert(scopeKey(Scope::SdnRoute, route));
}

void CheckModel::dirtyNetwork(const NetworkFacts& n, std::set<std::string>& dirty) const
{
    dirty.insert(scopeKey(Scope::Network, n.id));
    dirty.insert(scopeKey(Scope::Overlaps, ""));
    for (const IpAddress& server : n.dnsServers)
        dirty.insert(scopeKey(Scope::DnsServer, server.toString()));
    for (const std::string& group : natGroupsOfNetwork.at(n.id))
        dirty.insert(scopeKey(Scope::NatGroup, group));
    if (state)
        for (const std::string& endpoint : state->endpointsOfNetwork(n.id))
            dirty.insert(scopeKey(Scope::Endpoint, endpoint));
}

void CheckModel::dirtyBackendsOf(const LoadBalancerFacts& lb, std::set<std::string>& dirty) const
{
    dirty.insert(scopeKey(Scope::LoadBalancer, lb.id));
    for (const PortMappingFact& m : lb.portMappings) {
        if (m.externalPort == 0)
            continue;
        if (lb.vips.empty())
            dirty.insert(scopeKey(Scope::Frontend, frontendKey("", m)));
        for (const IpAddress& vip : lb.vips)
            dirty.insert(scopeKey(Scope::Frontend, frontendKey(vip.toString(), m)));
    }
    for (const IpAddress& vip : lb.vips)
        dirty.insert(scopeKey(Scope::DnsServer, vip.toString()));
}

void CheckModel::dirtyLoadBalancer(const LoadBalancerFacts& lb, std::set<std::string>& dirty) const
{
    dirtyBackendsOf(lb, dirty);
    for (const PortMappingFact& m : lb.portMappings)
        if (m.externalPort != 0)
            dirty.insert(scopeKey(Scope::HostPort, hostPortKey(m)));
    // The service range check reads every VIP of the host.
    for (const auto& [group, members] : natGroups.all())
        dirty.insert(scopeKey(Scope::NatGroup, group));
}

void CheckModel::dirtyNamespace(const ReferenceFacts& ns, std::set<std::string>& dirty) const
{
    dirty.insert(scopeKey(Scope::Namespace, ns.id));
    auto touch = [&](const std::string& endpoint) {
        dirty.insert(scopeKey(Scope::Endpoint, endpoint));
        if (auto it = endpoints.find(endpoint); it != endpoints.end() && !it->second.networkId.empty())
            dirty.insert(scopeKey(Scope::Network, it->second.networkId)); // attached counts of its pool
    };
    for (const std::string& endpoint : ns.endpoints)
        touch(endpoint);
    if (state)
        for (const std::string& endpoint : state->endpointsOfNamespace(ns.id))
            touch(endpoint);
}

void CheckModel::insert(const HostObject& object, std::set<std::string>* dirtyOrNull)
{
    erase(object.kind, object.id, dirtyOrNull);
    std::set<std::string> unused;
    std::set<std::string>& dirty = dirtyOrNull ? *dirtyOrNull : unused;
    static const nlohmann::json kNull;
    const nlohmann::json& doc = object.document ? *object.document : kNull;
    switch (object.kind) {
    case ResourceKind::Endpoint: {
        EndpointFacts& e = endpoints[object.id] = readEndpoint(object.id, doc);
        indexEndpoint(e, true);
        if (dirtyOrNull)
            dirtyEndpoint(e, dirty);
        break;
    }
    case ResourceKind::Network: {
        NetworkFacts& n = networks[object.id] = readNetwork(object.id, doc);
        for (const IpAddress& server : n.dnsServers)
            dnsUsersByServer.add(server.toString(), n.id);
        if (dirtyOrNull)
            dirtyNetwork(n, dirty);
        break;
    }
    case ResourceKind::LoadBalancer: {
        LoadBalancerFacts& lb = loadBalancers[object.id] = readLoadBalancer(object.id, doc);
        if (auto lost = unknownFields.find(object.id); lost != unknownFields.end())
            for (const std::string& field : lost->second)
                if (field.find("VIP") != std::string::npos || field.find("Policies:") != std::string::npos)
                    lb.vipsUnknown = true; // v1 Policies[..].VIPs, v2 FrontendVIPs, or no policies at all
        indexLoadBalancer(lb, true);
        if (dirtyOrNull)
            dirtyLoadBalancer(lb, dirty);
        break;
    }
    case ResourceKind::Namespace: {
        ReferenceFacts& ns = namespaces[object.id] = readNamespace(object.id, doc);
        for (const std::string& endpoint : ns.endpoints)
            namespacesOfEndpoint.add(endpoint, ns.id);
        if (dirtyOrNull)
            dirtyNamespace(ns, dirty);
        break;
    }
    case ResourceKind::SdnRoute: {
        ReferenceFacts& route = sdnRoutes[object.id] = readSdnRoute(object.id, doc);
        for (const std::string& endpoint : route.endpoints)
            sdnRoutesOfEndpoint.add(endpoint, route.id);
        dirty.insert(scopeKey(Scope::SdnRoute, route.id));
        break;
    }
    default:
        break; // guest network services: no rule reads them yet
    }
}

void CheckModel::erase(ResourceKind kind, const std::string& id, std::set<std::string>* dirtyOrNull)
{
    std::set<std::string> unused;
    std::set<std::string>& dirty = dirtyOrNull ? *dirtyOrNull : unused;
    switch (kind) {
    case ResourceKind::Endpoint:
        if (auto it = endpoints.find(id); it != endpoints.end()) {
            if (dirtyOrNull)
                dirtyEndpoint(it->second, dirty);
            indexEndpoint(it->second, false);
            endpoints.erase(it);
        }
        break;
    case ResourceKind::Network:
        if (auto it = networks.find(id); it != networks.end()) {
            if (dirtyOrNull)
                dirtyNetwork(it->second, dirty);
            for (const IpAddress& server : it->second.dnsServers)
                dnsUsersByServer.remove(server.toString(), id);
            networks.erase(it);
        }
        break;
    case ResourceKind::LoadBalancer:
        if (auto it = loadBalancers.find(id); it != loadBalancers.end()) {
            if (dirtyOrNull)
                dirtyLoadBalancer(it->second, dirty);
            indexLoadBalancer(it->second, false);
            loadBalancers.erase(it);
        }
        break;
    case ResourceKind::Namespace:
        if (auto it = namespaces.find(id); it != namespaces.end()) {
            if (dirtyOrNull)
                dirtyNamespace(it->second, dirty);
            for (const std::string& endpoint : it->second.endpoints)
                namespacesOfEndpoint.remove(endpoint, id);
            namespaces.erase(it);
        }
        break;
    case ResourceKind::SdnRoute:
        if (auto it = sdnRoutes.find(id); it != sdnRoutes.end()) {
            dirty.insert(scopeKey(Scope::SdnRoute, id));
            for (const std::string& endpoint : it->second.endpoints)
                sdnRoutesOfEndpoint.remove(endpoint, id);
            sdnRoutes.erase(it);
        }
        break;
    default:
        break;
    }
}

} // namespace hcn::analysis
