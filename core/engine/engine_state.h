#pragma once
// The engine's objects and the indices that keep the HCN uniqueness rules cheap to check.
// Guarded by Engine's state mutex; nothing here locks.

#include "common/text.h"
#include "engine/mac_pool.h"
#include "engine/subnet_pool.h"
#include "hcn/engine.h"
#include "hcn/guid.h"
#include "hcn/ip_address.h"
#include "hcn/network_mode.h"

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace hcn {

/// Stored documents keep the client's key order and pack their members contiguously (ordered_json):
/// a host can hold 100,000 endpoint documents. The schema layer works on nlohmann::json (SchemaJson).
using Json = nlohmann::ordered_json;
using SchemaJson = nlohmann::json;

/// Converts a normalized document into stored form.
Json toStored(const SchemaJson& doc);
/// Shrinks every container of a document to fit (done once an object is complete).
void compactDocument(Json& doc);
/// Converts a stored document for the schema layer (v1 conversion, normalization).
inline SchemaJson toSchema(const Json& doc)
{
    return SchemaJson(doc);
}

/// One (protocol, external port, VIP) claim; an empty VIP means every host address.
struct PortKey
{
    std::uint32_t protocol = 0;
    std::uint16_t port = 0;
    std::string vip;
    friend auto operator<=>(const PortKey&, const PortKey&) = default;
};

struct SubnetState
{
    Guid id;
    SubnetPool pool;
    std::string idText; ///< the ID as the network document spells it
};

struct NetworkObject
{
    Guid id;
    std::uint64_t serial = 0;
    Json doc;
    NetworkMode mode = NetworkMode::Invalid; ///< from the document's Type, NAT when omitted
    std::string adapter;                     ///< bound host adapter, empty for internal/private/NAT networks
    std::vector<SubnetState> subnets;
    MacPool macPool;
    std::optional<std::uint32_t> macSlice; ///< slice of the host default MAC range, when no MacPool was given
    std::set<Guid> endpoints;
    /// Every address in use on this network (local and remote) -> endpoint.
    std::unordered_map<IpAddress, Guid> addresses;
};

struct EndpointObject
{
    Guid id;
    std::uint64_t serial = 0;
    Json doc;
    Guid network;
    bool remote = false;
    std::vector<IpAddress> addresses;
    std::optional<MacAddress> mac;
    std::optional<Guid> namespaceId;
    std::set<PortKey> ports;
    std::set<Guid> loadBalancers;
    std::set<Guid> routes;
    bool vmPortBound = false;
};

struct NamespaceObject
{
    Guid id;
    std::uint64_t serial = 0;
    Json doc;
    std::vector<Guid> endpoints;
    std::vector<std::string> containers;
};

struct LoadBalancerObject
{
    Guid id;
    std::uint64_t serial = 0;
    Json doc;
    std::vector<Guid> endpoints;
    std::set<PortKey> frontends;
};

struct GuestNetworkServiceObject
{
    Guid id;
    std::uint64_t serial = 0;
    Json doc;
};

struct RouteObject
{
    Guid id;
    std::uint64_t serial = 0;
    Json doc;
    std::vector<Guid> endpoints;
};

struct PortReservationRecord
{
    PortReservation info;
    Guid service; ///< the guest network service that holds it
};

/// Object names per kind, so the common Enumerate filter {"Name":...} does not scan every document.
/// Keyed by a hash of the lower-cased name: candidates are checked against the full filter anyway.
class NameIndex
{
public:
    void add(ResourceKind kind, std::string_view name, const Guid& id);
    void remove(ResourceKind kind, std::string_view name, const Guid& id);
    /// IDs whose name may equal `name` (case-insensitive); a superset of the exact matches.
    std::vector<Guid> candidates(ResourceKind kind, std::string_view name) const;

private:
    static std::uint64_t key(ResourceKind kind, std::string_view name);
    std::unordered_multimap<std::uint64_t, Guid> m_entries;
};

template <typename T> using ObjectMap = std::unordered_map<Guid, std::unique_ptr<T>>;

struct EngineState
{
    EngineOptions options;
    std::uint64_t nextSerial = 1;

    ObjectMap<NetworkObject> networks;
    ObjectMap<EndpointObject> endpoints;
    ObjectMap<NamespaceObject> namespaces;
    ObjectMap<LoadBalancerObject> loadBalancers;
    ObjectMap<GuestNetworkServiceObject> guestNetworkServices;
    ObjectMap<RouteObject> routes;
    std::map<ReservationId, PortReservationRecord> portReservations;
    ReservationId nextReservation = 1;

    /// Lower-cased network name -> network.
    std::map<std::string, Guid> networkNames;
    /// Host-wide endpoint port mappings (WinNAT is one per host).
    std::map<PortKey, Guid> portMappings;
    /// Load-balancer frontends (protocol, external port, VIP) -> load balancer.
    std::map<PortKey, Guid> lbFrontends;
    /// Slices of the host default MAC range handed to networks without a MacPool.
    std::set<std::uint32_t> macSlices;
    std::set<std::uint32_t> compartmentIds;
    NameIndex names;

    std::uint64_t newSerial() { return nextSerial++; }

    /// Calls f with the object map of a kind (f must accept any ObjectMap<T>); false for Invalid.
    template <typename F> bool withObjects(ResourceKind kind, F&& f)
    {
        switch (kind) {
        case ResourceKind::Network:
            f(networks);
            return true;
        case ResourceKind::Endpoint:
            f(endpoints);
            return true;
        case ResourceKind::Namespace:
            f(namespaces);
            return true;
        case ResourceKind::LoadBalancer:
            f(loadBalancers);
            return true;
        case ResourceKind::GuestNetworkService:
            f(guestNetworkServices);
            return true;
        case ResourceKind::SdnRoute:
            f(routes);
            return true;
        case ResourceKind::Invalid:
            break;
        }
        return false;
    }
    template <typename F> bool withObjects(ResourceKind kind, F&& f) const
    {
        return const_cast<EngineState*>(this)->withObjects(kind, [&](const auto& map) { f(map); });
    }
    /// The stored document of an object, or null.
    const Json* document(ResourceKind kind, const Guid& id) const
    {
        const Json* doc = nullptr;
        withObjects(kind, [&](const auto& map) {
            if (auto it = map.find(id); it != map.end())
                doc = &it->second->doc;
        });
        return doc;
    }
};

} // namespace hcn
