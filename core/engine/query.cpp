#include "engine/query.h"

#include "common/json_member.h"
#include "common/text.h"
#include "hcn/schema_normalizer.h"
#include "hcn/v1_conversion.h"

#include <algorithm>

namespace hcn {
namespace {

// Members are walked on the ordered_map directly: nlohmann's generic iterators cost more than the
// comparisons when a filter scans 100,000 documents.
const Json* findKey(const Json& doc, std::string_view key)
{
    if (!doc.is_object())
        return nullptr;
    const auto& members = doc.get_ref<const Json::object_t&>();
    for (const auto& member : members)
        if (member.first == key)
            return &member.second;
    for (const auto& member : members)
        if (equalsIgnoreCase(member.first, key))
            return &member.second;
    return nullptr;
}

bool valuesMatch(const Json& actual, const Json& wanted)
{
    if (actual.is_string() && wanted.is_string()) {
        const auto& a = actual.get_ref<const std::string&>();
        const auto& w = wanted.get_ref<const std::string&>();
        if (equalsIgnoreCase(a, w))
            return true;
        auto ga = Guid::parse(a, true);
        auto gw = Guid::parse(w, true);
        return ga && gw && *ga == *gw;
    }
    if (actual.is_number() && wanted.is_number())
        return actual.get<double>() == wanted.get<double>();
    if (actual.is_boolean() && wanted.is_number())
        return actual.get<bool>() == (wanted.get<double>() != 0);
    return actual == wanted;
}

const Json* networkDoc(const EngineState& state, const Json& endpointDoc)
{
    auto id = Guid::parse(endpointDoc.value("HostComputeNetwork", ""));
    if (!id)
        return nullptr;
    auto it = state.networks.find(*id);
    return it == state.networks.end() ? nullptr : &it->second->doc;
}

Json toV1(const EngineState& state, ResourceKind kind, const Json& doc)
{
    switch (kind) {
    case ResourceKind::Network:
        return Json(schema::networkToV1(toSchema(doc)));
    case ResourceKind::Endpoint: {
        const Json* network = networkDoc(state, doc);
        const SchemaJson networkSchema = network ? toSchema(*network) : SchemaJson();
        return Json(schema::endpointToV1(toSchema(doc), network ? &networkSchema : nullptr));
    }
    case ResourceKind::Namespace:
        return Json(schema::namespaceToV1(toSchema(doc)));
    case ResourceKind::LoadBalancer:
        return Json(schema::loadBalancerToV1(toSchema(doc)));
    case ResourceKind::GuestNetworkService:
    case ResourceKind::SdnRoute:
    case ResourceKind::Invalid:
        break; // no v1 shape: v2 only
    }
    return doc;
}

/// v1 property names with a cheap direct answer; nullopt when the key is not one of them.
std::optional<bool> matchV1Shortcut(const EngineState& state, ResourceKind kind, const Json& doc,
                                    const std::string& key, const Json& wanted)
{
    if (kind != ResourceKind::Endpoint)
        return std::nullopt;
    // Lookups by pointer: value() would copy the arrays of every document scanned.
    if (equalsIgnoreCase(key, "VirtualNetwork")) {
        const Json* network = findKey(doc, "HostComputeNetwork");
        return network && valuesMatch(*network, wanted);
    }
    if (equalsIgnoreCase(key, "VirtualNetworkName")) {
        const Json* net = networkDoc(state, doc);
        const Json* name = net ? findKey(*net, "Name") : nullptr;
        return name && valuesMatch(*name, wanted);
    }
    if (equalsIgnoreCase(key, "IPAddress") || equalsIgnoreCase(key, "IPv6Address")) {
        const Json* configs = findKey(doc, "IpConfigurations");
        if (!configs || !configs->is_array())
            return false;
        for (const auto& config : *configs)
            if (const Json* address = findKey(config, "IpAddress"); address && valuesMatch(*address, wanted))
                return true;
        return false;
    }
    if (equalsIgnoreCase(key, "IsRemoteEndpoint")) {
        bool remote = (memberOr(doc, "Flags", std::uint64_t{0}) & 1u) != 0; // a snapshot's may be anything
        return wanted.is_boolean() ? remote == wanted.get<bool>() : false;
    }
    return std::nullopt;
}

Json resourcesBlock(const EngineState& state, ResourceKind kind, const Guid& id)
{
    Json r = Json::object();
    if (kind == ResourceKind::Network) {
        const auto& n = *state.networks.at(id);
        Json subnets = Json::array();
        for (const auto& s : n.subnets)
            subnets.push_back({{"ID", s.idText},
                               {"IpAddressPrefix", s.pool.prefix().toString()},
                               {"Gateway", s.pool.gateway() ? s.pool.gateway()->toString() : ""},
                               {"Capacity", s.pool.capacity()},
                               {"Allocated", s.pool.used()}});
        r["Subnets"] = subnets;
        r["MacPool"] = {{"Capacity", n.macPool.capacity()}, {"Allocated", n.macPool.used()}};
        r["EndpointCount"] = n.endpoints.size();
        if (!n.adapter.empty())
            r["Adapter"] = n.adapter;
    } else if (kind == ResourceKind::Endpoint) {
        const auto& e = *state.endpoints.at(id);
        Json lbs = Json::array();
        for (const auto& lb : e.loadBalancers)
            lbs.push_back(state.loadBalancers.at(lb)->doc.value("ID", lb.toString()));
        r["LoadBalancers"] = lbs;
        Json ports = Json::array();
        for (const auto& p : e.ports)
            ports.push_back({{"Protocol", p.protocol}, {"ExternalPort", p.port}, {"VIP", p.vip}});
        r["PortMappings"] = ports;
        r["IsRemote"] = e.remote;
    } else if (kind == ResourceKind::Namespace) {
        r["EndpointCount"] = state.namespaces.at(id)->endpoints.size();
        r["ContainerCount"] = state.namespaces.at(id)->containers.size();
    } else if (kind == ResourceKind::LoadBalancer) {
        r["BackendCount"] = state.loadBalancers.at(id)->endpoints.size();
    } else if (kind == ResourceKind::SdnRoute) {
        r["EndpointCount"] = state.routes.at(id)->endpoints.size();
    } else if (kind == ResourceKind::GuestNetworkService) {
        Json reservations = Json::array();
        for (const auto& [rid, record] : state.portReservations)
            if (record.service == id)
                reservations.push_back(
                    {{"Protocol", static_cast<std::uint32_t>(record.info.protocol)},
                     {"Access", record.info.access == PortAccess::Exclusive ? "Exclusive" : "Shared"},
                     {"StartingPort", record.info.startingPort},
                     {"EndingPort", record.info.endingPort}});
        r["PortReservations"] = reservations;
    }
    return r;
}

} // namespace

Result<ParsedQuery> parseQuery(std::string_view text, int maxDepth)
{
    ParsedQuery q;
    SchemaJson doc;
    if (Status s = schema::parseObject(text, doc, maxDepth); !s.ok())
        return Status(s.code(), "query: " + s.detail());
    if (doc.is_null() || doc.empty())
        return q;
    if (Status s = schema::normalize(doc, "HostComputeQuery"); !s.ok())
        return Status(s.code(), "query: " + s.detail());
    if (auto v = doc.find("SchemaVersion"); v != doc.end() && v->is_object())
        q.version = {v->value("Major", 2u), v->value("Minor", 0u)};
    q.detailed = (doc.value("Flags", 0u) & 1u) != 0;
    if (auto f = doc.find("Filter"); f != doc.end()) {
        if (f->is_string()) {
            SchemaJson filter;
            if (Status s = schema::parseObject(f->get<std::string>(), filter, maxDepth); !s.ok())
                return Status(hr::InvalidJson, "query Filter: " + s.detail());
            q.filter = filter.is_null() ? Json::object() : Json(filter);
        } else if (f->is_object()) {
            q.filter = Json(*f);
        } else if (!f->is_null()) {
            return Status(hr::InvalidJson, "query Filter must be a JSON object in a string.");
        }
    }
    return q;
}

bool matchesFilter(const EngineState& state, ResourceKind kind, const Json& doc, const Json& filter)
{
    std::optional<Json> v1;
    if (!filter.is_object())
        return true;
    for (const auto& [key, wanted] : filter.get_ref<const Json::object_t&>()) {
        if (const Json* actual = findKey(doc, key)) {
            if (!valuesMatch(*actual, wanted))
                return false;
            continue;
        }
        if (auto shortcut = matchV1Shortcut(state, kind, doc, key, wanted)) {
            if (!*shortcut)
                return false;
            continue;
        }
        if (!v1)
            v1 = toV1(state, kind, doc);
        const Json* actual = findKey(*v1, key);
        if (!actual || !valuesMatch(*actual, wanted))
            return false;
    }
    return true;
}

Result<std::vector<Guid>> findObjects(const EngineState& state, ResourceKind kind, const ParsedQuery& query)
{
    std::vector<Guid> ids;
    // A filter on Name starts from the name index instead of every document.
    const Json* name = nullptr;
    for (auto it = query.filter.begin(); it != query.filter.end(); ++it)
        if (equalsIgnoreCase(it.key(), "Name") && it->is_string() &&
            !it->get_ref<const std::string&>().empty() &&
            !Guid::parse(it->get_ref<const std::string&>(),
                         true)) // GUID-like names match other spellings too
            name = &*it;
    const bool known = state.withObjects(kind, [&](const auto& map) {
        if (name) {
            for (const auto& id : state.names.candidates(kind, name->get_ref<const std::string&>()))
                if (auto it = map.find(id);
                    it != map.end() && matchesFilter(state, kind, it->second->doc, query.filter))
                    ids.push_back(id);
            return;
        }
        ids.reserve(query.filter.empty() ? map.size() : 16);
        for (const auto& [id, object] : map)
            if (query.filter.empty() || matchesFilter(state, kind, object->doc, query.filter))
                ids.push_back(id);
    });
    if (!known)
        return Status(hr::InvalidArg, "unknown resource kind.");
    return ids;
}

Json renderDocument(const EngineState& state, ResourceKind kind, const Guid& id, const ParsedQuery& query)
{
    const Json* doc = state.document(kind, id);
    if (!doc)
        return Json::object();
    Json out = query.v1Output() ? toV1(state, kind, *doc) : *doc;
    // Namespaces already have a Resources list (what is attached): their counts go beside it.
    if (query.detailed)
        out[kind == ResourceKind::Namespace ? "ResourceCounts" : "Resources"] =
            resourcesBlock(state, kind, id);
    return out;
}

Status objectNotFound(ResourceKind kind, const Guid& id)
{
    HResult code = hr::ElementNotFound;
    if (kind == ResourceKind::Network)
        code = hr::NetworkNotFound;
    else if (kind == ResourceKind::Endpoint)
        code = hr::EndpointNotFound;
    return Status(code, "no " + std::string(resourceKindName(kind)) + " has ID " + id.toString() + ".");
}

} // namespace hcn
