// The trace's index over one host copy: the health checks' facts and indices, plus endpoint names, SDN
// route entries and the addresses that belong to the host.

#include "analysis/trace_steps.h"
#include "common/json_member.h"
#include "common/text.h"

#include <algorithm>

namespace hcn::analysis {

namespace {

/// Networks whose gateway is the host's own vNIC.
bool hostIsGateway(NetworkMode mode)
{
    return mode == NetworkMode::Nat || mode == NetworkMode::Ics || mode == NetworkMode::ConstrainedIcs ||
           mode == NetworkMode::Internal;
}

} // namespace

void TraceIndex::build(const HostState& state)
{
    model.clear();
    model.state = &state;
    endpointNames.clear();
    endpointsByName.clear();
    sdnRouteEntries.clear();
    hostAddresses.clear();
    model.endpoints.reserve(state.count(ResourceKind::Endpoint));
    for (ResourceKind kind : {ResourceKind::Network, ResourceKind::Namespace, ResourceKind::Endpoint,
                              ResourceKind::LoadBalancer, ResourceKind::SdnRoute})
        for (const HostObject* object : state.objects(kind)) {
            model.insert(*object, nullptr);
            if (kind == ResourceKind::SdnRoute)
                sdnRouteEntries[object->id] = readSdnRouteEntries(*object->document);
        }
    for (const auto& [id, e] : model.endpoints) {
        endpointNames.push_back({id, e.name});
        if (!e.name.empty())
            endpointsByName[e.name].push_back(id);
        for (const PortMappingFact& m : e.portMappings)
            if (auto vip = IpAddress::parse(m.vip))
                hostAddresses.insert(*vip);
    }
    for (const auto& [id, n] : model.networks) {
        if (n.providerAddress)
            hostAddresses.insert(*n.providerAddress);
        if (hostIsGateway(n.mode))
            for (const SubnetFact& s : n.subnets)
                for (const RouteFact& r : s.routes)
                    if (r.nextHop && s.prefix.contains(*r.nextHop))
                        hostAddresses.insert(*r.nextHop);
    }
}

std::optional<IpAddress> TraceIndex::hostVnicAddress(const NetworkFacts& network, const IpAddress& near) const
{
    if (!hostIsGateway(network.mode))
        return std::nullopt;
    std::optional<IpAddress> any;
    for (const SubnetFact& s : network.subnets)
        for (const RouteFact& r : s.routes)
            if (r.nextHop && r.nextHop->family() == near.family() && s.prefix.contains(*r.nextHop)) {
                if (s.prefix.contains(near))
                    return r.nextHop;
                if (!any)
                    any = r.nextHop;
            }
    return any;
}

std::pair<const NetworkFacts*, const SubnetFact*> TraceIndex::coveringSubnet(const IpAddress& address) const
{
    const NetworkFacts* network = nullptr;
    const SubnetFact* subnet = nullptr;
    for (const auto& [id, n] : model.networks)
        for (const SubnetFact& s : n.subnets)
            if (s.prefix.contains(address) &&
                (!subnet || s.prefix.length() > subnet->prefix.length() ||
                 (s.prefix.length() == subnet->prefix.length() && id < network->id))) {
                network = &n;
                subnet = &s;
            }
    return {network, subnet};
}

TraceObject TraceIndex::object(ResourceKind kind, const std::string& id) const
{
    TraceObject o{kind, id, {}};
    if (kind == ResourceKind::Endpoint) {
        if (const EndpointFacts* e = endpoint(id))
            o.name = e->name;
    } else if (kind == ResourceKind::Network) {
        if (const NetworkFacts* n = network(id))
            o.name = n->name;
    } else if (const nlohmann::json* document = model.document(id)) {
        if (const nlohmann::json* name = memberIgnoringCase(*document, "Name"); name && name->is_string())
            o.name = name->get<std::string>();
    }
    return o;
}

bool TraceIndex::detached(const EndpointFacts& e) const
{
    if (model.attached(e) || !model.namespaceDataPresent())
        return false;
    const NetworkFacts* n = network(e.networkId);
    // Virtual machines hold endpoints without a namespace on these network types.
    return !(n && (n->mode == NetworkMode::Ics || n->mode == NetworkMode::Mirrored ||
                   n->mode == NetworkMode::ConstrainedIcs));
}

std::string objectLabel(const TraceObject& o)
{
    if (o.host)
        return "the host";
    return o.name.empty() ? o.id : o.name + " (" + o.id + ")";
}

const EndpointFacts* TraceIndex::endpoint(const std::string& id) const
{
    const auto it = model.endpoints.find(id);
    return it == model.endpoints.end() ? nullptr : &it->second;
}

const NetworkFacts* TraceIndex::network(const std::string& id) const
{
    const auto it = model.networks.find(id);
    return it == model.networks.end() ? nullptr : &it->second;
}

} // namespace hcn::analysis
