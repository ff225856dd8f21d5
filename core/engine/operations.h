#pragma once
// The create/modify/delete logic of each resource kind, on normalized v2 documents. Every function
// records its undo steps, datapath changes and notifications in the Transaction; none locks.

#include "engine/engine_state.h"
#include "engine/transaction.h"
#include "hcn/status.h"

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace hcn::ops {

/// An object's ID as the client spelled it (its stored document's "ID"; notifications carry this
/// spelling), else the canonical text of `id`.
inline std::string idTextOf(const Json& doc, const Guid& id)
{
    return doc.value("ID", id.toString());
}

/// Two policies are the same when their Type and Settings are (how a Remove modify request finds them).
inline bool samePolicy(const Json& a, const Json& b)
{
    return a.value("Type", "") == b.value("Type", "") &&
           a.value("Settings", Json::object()) == b.value("Settings", Json::object());
}

// Networks (network_ops.cpp)
Result<Guid> createNetwork(EngineState& state, Transaction& tx, const Guid& id, Json doc);
Status modifyNetwork(EngineState& state, Transaction& tx, NetworkObject& network, const Json& request);
Status deleteNetwork(EngineState& state, Transaction& tx, const Guid& id);

// Endpoints (endpoint_ops.cpp)
Result<Guid> createEndpoint(EngineState& state, Transaction& tx, NetworkObject& network, const Guid& id,
                            Json doc);
Status modifyEndpoint(EngineState& state, Transaction& tx, EndpointObject& endpoint, const Json& request);
Status deleteEndpoint(EngineState& state, Transaction& tx, const Guid& id);

// Namespaces (namespace_ops.cpp)
Result<Guid> createNamespace(EngineState& state, Transaction& tx, const Guid& id, Json doc);
Status modifyNamespace(EngineState& state, Transaction& tx, NamespaceObject& ns, const Json& request);
Status deleteNamespace(EngineState& state, Transaction& tx, const Guid& id);
Status attachEndpoint(EngineState& state, Transaction& tx, NamespaceObject& ns, const Guid& endpointId);
Status detachEndpoint(EngineState& state, Transaction& tx, NamespaceObject& ns, const Guid& endpointId);

// Load balancers (load_balancer_ops.cpp)
Result<Guid> createLoadBalancer(EngineState& state, Transaction& tx, const Guid& id, Json doc);
Status replaceLoadBalancer(EngineState& state, Transaction& tx, LoadBalancerObject& lb, Json doc);
Status deleteLoadBalancer(EngineState& state, Transaction& tx, const Guid& id);
/// Drops an endpoint from every load balancer that lists it (endpoint delete).
void removeEndpointFromLoadBalancers(EngineState& state, Transaction& tx, EndpointObject& endpoint);

// Guest network services (guest_network_service_ops.cpp)
Result<Guid> createGuestNetworkService(EngineState& state, Transaction& tx, const Guid& id, Json doc);
Status modifyGuestNetworkService(EngineState& state, Transaction& tx, GuestNetworkServiceObject& gns,
                                 const Json& request);
Status deleteGuestNetworkService(EngineState& state, Transaction& tx, const Guid& id);

// SDN routes (route_ops.cpp)
Result<Guid> createRoute(EngineState& state, Transaction& tx, const Guid& id, Json doc);
Status replaceRoute(EngineState& state, Transaction& tx, RouteObject& route, Json doc);
Status deleteRoute(EngineState& state, Transaction& tx, const Guid& id);
/// Drops an endpoint from every SDN route that lists it (endpoint delete).
void removeEndpointFromRoutes(EngineState& state, Transaction& tx, EndpointObject& endpoint);

// Shared helpers (common_ops.cpp)
/// The ID for a new object: the parameter, else the document's "ID", else a new one; an ID already in
/// use fails with ERROR_ALREADY_EXISTS. Writes doc["ID"].
Result<Guid> chooseId(const std::function<bool(const Guid&)>& exists, const Guid& param, Json& doc,
                      std::string_view kindName);
/// Checks the HostComputeNetwork and HostComputeEndpoints references of a load balancer or SDN route document
/// (not a GUID -> HCN_E_GUID_CONVERSION_FAILURE, absent -> HCN_E_NETWORK_NOT_FOUND /
/// HCN_E_ENDPOINT_NOT_FOUND) and spells each as the referenced object spells its ID, so an object has one
/// spelling in every document. Returns the endpoints, each once, in order.
Result<std::vector<Guid>> resolveReferences(const EngineState& state, Json& doc);
/// Checks a replacement document's ID against the object being replaced (different ID ->
/// HCN_E_INVALID_JSON_REFERENCE), sets it, and carries over the fields HNS populated (Version, State).
Status prepareReplacement(const Json& current, const Guid& id, Json& replacement, std::string_view what);

/// Drops an endpoint from an object that lists it in HostComputeEndpoints (a load balancer or an SDN
/// route): its endpoint list, its document and the endpoint's back reference, with undo, the datapath
/// change and the kind's modify notification.
template <typename T>
void dropEndpointReference(Transaction& tx, ResourceKind kind, NotificationType modified, T& object,
                           std::set<Guid>& backReferences, const Guid& endpoint)
{
    auto before = std::make_shared<Json>(object.doc);
    auto endpointsBefore = std::make_shared<std::vector<Guid>>(object.endpoints);
    tx.onRollback([target = &object, before, endpointsBefore, &backReferences, id = object.id] {
        target->doc = *before;
        target->endpoints = *endpointsBefore;
        backReferences.insert(id);
    });
    object.endpoints.erase(std::remove(object.endpoints.begin(), object.endpoints.end(), endpoint),
                           object.endpoints.end());
    Json& list = object.doc["HostComputeEndpoints"];
    for (auto it = list.begin(); it != list.end();)
        it = (it->is_string() && Guid::parse(it->template get<std::string>()) == endpoint) ? list.erase(it)
                                                                                           : it + 1;
    backReferences.erase(object.id);
    tx.change(ChangeOp::Modify, kind, object.id, before.get(), &object.doc);
    tx.notify(modified, object.doc.value("ID", object.id.toString()), object.doc);
}

/// A string member of a JSON object, or "" when the object or the member is of another type
/// (Any-typed fields are not checked by the schema).
std::string textOf(const Json& object, std::string_view key);

/// Reads a port mapping's numbers as the engine plans them (`mapping`: a load balancer's PortMappings
/// element or a PortMapping policy's Settings; `where` names it, "PortMappings[0]"). The schema reads a
/// null member as an absent one: so do the ports. A null Protocol is refused with `code` (the code of a
/// member of the wrong type there): an imported snapshot writes it for a protocol its dump did not show,
/// and no mapping is made for a protocol nobody knows.
Status checkPortMappingMembers(Json& mapping, const std::string& where, HResult code);

/// Base fields HNS fills on every object it creates: Version ((Major<<32)|Minor) and State.
void stampBaseFields(const EngineState& state, Json& doc, int stateValue);
/// Normalizes a request's Settings member as typeName (settings may be absent -> empty object).
Status normalizeSettings(const Json& request, std::string_view typeName, Json& out);
/// The NextHop of a 0.0.0.0/0 or ::/0 route in a Routes array.
std::optional<IpAddress> defaultGateway(const Json& routes, IpFamily family);
/// Keeps the name index in step when an object's Name changes (load balancer and route replace).
void renameObject(EngineState& state, Transaction& tx, ResourceKind kind, const Guid& id,
                  const std::string& oldName, const std::string& newName);

/// Inserts into / removes from an ObjectMap and the name index, with undo.
template <typename T>
void insertObject(EngineState& state, ResourceKind kind, ObjectMap<T>& map, Transaction& tx,
                  std::unique_ptr<T> object)
{
    Guid id = object->id;
    compactDocument(object->doc);
    std::string name = object->doc.value("Name", "");
    state.names.add(kind, name, id);
    map.emplace(id, std::move(object));
    tx.onRollback([&state, kind, name, &map, &tx, id] {
        state.names.remove(kind, name, id);
        auto it = map.find(id);
        if (it == map.end())
            return;
        tx.keepAlive(std::shared_ptr<T>(std::move(it->second)));
        map.erase(it);
    });
}
template <typename T>
void eraseObject(EngineState& state, ResourceKind kind, ObjectMap<T>& map, Transaction& tx, const Guid& id)
{
    auto it = map.find(id);
    if (it == map.end())
        return;
    std::string name = it->second->doc.value("Name", "");
    state.names.remove(kind, name, id);
    auto holder = std::make_shared<std::unique_ptr<T>>(std::move(it->second));
    map.erase(it);
    tx.onRollback([&state, kind, name, &map, id, holder] {
        state.names.add(kind, name, id);
        map.emplace(id, std::move(*holder));
    });
}

} // namespace hcn::ops
