// Namespace (network compartment) create / modify / delete and endpoint attach / detach.

#include "engine/operations.h"

#include <algorithm>

namespace hcn::ops {
namespace {

constexpr std::uint32_t kHostDefaultCompartment = 1;

bool isDefaultType(const std::string& type)
{
    return type == "HostDefault" || type == "GuestDefault";
}

/// Registers the undo of a namespace change and returns the document as it was (for the datapath).
std::shared_ptr<const Json> snapshotNamespace(Transaction& tx, NamespaceObject& ns)
{
    auto doc = std::make_shared<Json>(ns.doc);
    auto endpoints = std::make_shared<std::vector<Guid>>(ns.endpoints);
    auto containers = std::make_shared<std::vector<std::string>>(ns.containers);
    tx.onRollback([target = &ns, doc, endpoints, containers] {
        target->doc = *doc;
        target->endpoints = *endpoints;
        target->containers = *containers;
    });
    return doc;
}

/// Registers the undo of an endpoint's attachment change and returns its document as it was.
std::shared_ptr<const Json> snapshotEndpoint(Transaction& tx, EndpointObject& ep)
{
    auto doc = std::make_shared<Json>(ep.doc);
    auto ns = ep.namespaceId;
    tx.onRollback([target = &ep, doc, ns] {
        target->doc = *doc;
        target->namespaceId = ns;
    });
    return doc;
}

void eraseResource(Json& resources, const std::string& type, const std::string& id)
{
    for (auto it = resources.begin(); it != resources.end(); ++it) {
        if (it->value("Type", "") != type)
            continue;
        const Json data = it->value("Data", Json::object());
        std::string rid = textOf(data, "ID").empty() ? textOf(data, "Id") : textOf(data, "ID");
        bool same = type == "Endpoint" ? Guid::parse(rid) == Guid::parse(id) : rid == id;
        if (same) {
            resources.erase(it);
            return;
        }
    }
}

Result<std::uint32_t> chooseCompartment(EngineState& state, Transaction& tx, Json& doc,
                                        const std::string& type)
{
    std::uint32_t id = 0;
    if (auto it = doc.find("NamespaceId");
        it != doc.end() && it->is_number_unsigned() && it->get<std::uint32_t>() != 0) {
        id = it->get<std::uint32_t>();
        if (state.compartmentIds.count(id))
            return Status(hr::AlreadyExists,
                          "compartment " + std::to_string(id) + " already belongs to a namespace.");
    } else if (type == "HostDefault" && !state.compartmentIds.count(kHostDefaultCompartment)) {
        id = kHostDefaultCompartment;
    } else {
        id = kHostDefaultCompartment + 1;
        while (state.compartmentIds.count(id))
            ++id;
    }
    state.compartmentIds.insert(id);
    tx.onRollback([&state, id] { state.compartmentIds.erase(id); });
    doc["NamespaceId"] = id;
    return id;
}

Status addContainer(Transaction& tx, NamespaceObject& ns, const std::string& containerId)
{
    if (containerId.empty())
        return Status(hr::InvalidJson, "Settings.ContainerId is required.");
    if (std::find(ns.containers.begin(), ns.containers.end(), containerId) != ns.containers.end())
        return Status(hr::AlreadyExists, "container " + containerId + " is already in this namespace.");
    ns.containers.push_back(containerId);
    ns.doc["Resources"].push_back({{"Type", "Container"}, {"Data", {{"ID", containerId}}}});
    tx.notify(NotificationType::NamespaceContainerAttach, idTextOf(ns.doc, ns.id),
              Json{{"ContainerId", containerId}, {"Namespace", ns.doc}});
    return Status::success();
}

Status removeContainer(Transaction& tx, NamespaceObject& ns, const std::string& containerId)
{
    auto it = std::find(ns.containers.begin(), ns.containers.end(), containerId);
    if (it == ns.containers.end())
        return Status(hr::ElementNotFound, "container " + containerId + " is not in this namespace.");
    ns.containers.erase(it);
    eraseResource(ns.doc["Resources"], "Container", containerId);
    tx.notify(NotificationType::NamespaceContainerDetach, idTextOf(ns.doc, ns.id),
              Json{{"ContainerId", containerId}, {"Namespace", ns.doc}});
    return Status::success();
}

} // namespace

Status attachEndpoint(EngineState& state, Transaction& tx, NamespaceObject& ns, const Guid& endpointId)
{
    auto it = state.endpoints.find(endpointId);
    if (it == state.endpoints.end())
        return Status(hr::EndpointNotFound, "no endpoint has ID " + endpointId.toString() + ".");
    EndpointObject& ep = *it->second;
    if (ep.remote)
        return Status(hr::InvalidRemoteEndpointOperation,
                      "a remote endpoint cannot be attached to a namespace.");
    if (ep.namespaceId)
        return Status(hr::EndpointNamespaceAlreadyExists, "endpoint " + idTextOf(ep.doc, ep.id) +
                                                              " is already attached to namespace " +
                                                              ep.namespaceId->toString() + ".");
    const auto nsBefore = snapshotNamespace(tx, ns); // kept alive by the undo step
    const auto epBefore = snapshotEndpoint(tx, ep);

    const std::string nsText = idTextOf(ns.doc, ns.id);
    const std::string epText = idTextOf(ep.doc, ep.id);
    ep.namespaceId = ns.id;
    ep.doc["HostComputeNamespace"] = nsText;
    ep.doc["State"] = 2; // Attached
    ns.endpoints.push_back(ep.id);
    ns.doc["Resources"].push_back({{"Type", "Endpoint"}, {"Data", {{"ID", epText}}}});

    tx.change(ChangeOp::Modify, ResourceKind::Endpoint, ep.id, epBefore.get(), &ep.doc);
    tx.change(ChangeOp::Modify, ResourceKind::Namespace, ns.id, nsBefore.get(), &ns.doc);
    const std::string networkText = ep.doc.value("HostComputeNetwork", "");
    tx.notify(NotificationType::NetworkEndpointAttached, epText,
              Json{{"NetworkId", networkText}, {"NamespaceId", nsText}}, ep.network);
    tx.notify(NotificationType::NamespaceEndpointAttach, nsText,
              Json{{"EndpointId", epText}, {"Endpoint", ep.doc}, {"Namespace", ns.doc}});
    return Status::success();
}

Status detachEndpoint(EngineState& state, Transaction& tx, NamespaceObject& ns, const Guid& endpointId)
{
    auto it = state.endpoints.find(endpointId);
    if (it == state.endpoints.end())
        return Status(hr::EndpointNotFound, "no endpoint has ID " + endpointId.toString() + ".");
    EndpointObject& ep = *it->second;
    if (ep.namespaceId != ns.id)
        return Status(hr::EndpointNotAttached, "endpoint " + idTextOf(ep.doc, ep.id) +
                                                   " is not attached to namespace " +
                                                   idTextOf(ns.doc, ns.id) + ".");
    const auto nsBefore = snapshotNamespace(tx, ns); // kept alive by the undo step
    const auto epBefore = snapshotEndpoint(tx, ep);

    const std::string nsText = idTextOf(ns.doc, ns.id);
    const std::string epText = idTextOf(ep.doc, ep.id);
    ep.namespaceId.reset();
    ep.doc.erase("HostComputeNamespace");
    ep.doc["State"] = 1; // Created
    ns.endpoints.erase(std::remove(ns.endpoints.begin(), ns.endpoints.end(), ep.id), ns.endpoints.end());
    eraseResource(ns.doc["Resources"], "Endpoint", epText);

    tx.change(ChangeOp::Modify, ResourceKind::Endpoint, ep.id, epBefore.get(), &ep.doc);
    tx.change(ChangeOp::Modify, ResourceKind::Namespace, ns.id, nsBefore.get(), &ns.doc);
    const std::string networkText = ep.doc.value("HostComputeNetwork", "");
    tx.notify(NotificationType::NetworkEndpointDetached, epText,
              Json{{"NetworkId", networkText}, {"NamespaceId", nsText}}, ep.network);
    tx.notify(NotificationType::NamespaceEndpointDetach, nsText,
              Json{{"EndpointId", epText}, {"Endpoint", ep.doc}, {"Namespace", ns.doc}});
    return Status::success();
}

Result<Guid> createNamespace(EngineState& state, Transaction& tx, const Guid& idParam, Json doc)
{
    auto idResult =
        chooseId([&](const Guid& g) { return state.namespaces.count(g) != 0; }, idParam, doc, "namespace");
    if (!idResult.ok())
        return idResult.status();
    const std::string type = doc.value("Type", "Host");
    doc["Type"] = type;
    if (isDefaultType(type)) {
        for (const auto& [id, other] : state.namespaces)
            if (other->doc.value("Type", "Host") == type)
                return Status(hr::GcnDefaultNamespaceExists, "namespace " + idTextOf(other->doc, id) +
                                                                 " is already the " + type + " namespace.");
    }
    auto compartment = chooseCompartment(state, tx, doc, type);
    if (!compartment.ok())
        return compartment.status();

    Json requested = doc.value("Resources", Json::array());
    doc["Resources"] = Json::array();
    stampBaseFields(state, doc, 1);

    auto ns = std::make_unique<NamespaceObject>();
    ns->id = *idResult;
    ns->serial = state.newSerial();
    ns->doc = std::move(doc);
    NamespaceObject* raw = ns.get();
    Guid id = raw->id;
    insertObject(state, ResourceKind::Namespace, state.namespaces, tx, std::move(ns));
    tx.change(ChangeOp::Create, ResourceKind::Namespace, id, nullptr, &raw->doc);
    tx.notify(NotificationType::NamespaceCreate, idTextOf(raw->doc, id), raw->doc);

    for (std::size_t i = 0; i < requested.size(); ++i) {
        const Json& resource = requested[i];
        const std::string where = "Resources[" + std::to_string(i) + "]";
        const Json data = resource.value("Data", Json::object());
        const std::string rid = textOf(data, "ID").empty() ? textOf(data, "Id") : textOf(data, "ID");
        if (rid.empty())
            return Status(hr::InvalidJson, where + ".Data must be an object with the resource's \"ID\".");
        Status s;
        if (resource.value("Type", "") == "Endpoint") {
            auto epId = Guid::parse(rid);
            s = epId ? attachEndpoint(state, tx, *raw, *epId)
                     : Status(hr::GuidConversionFailure, where + ".Data.ID: \"" + rid + "\" is not a GUID.");
        } else {
            s = addContainer(tx, *raw, rid);
        }
        if (!s.ok())
            return Status(s.code(), where + ": " + s.detail());
    }
    return id;
}

Status modifyNamespace(EngineState& state, Transaction& tx, NamespaceObject& ns, const Json& request)
{
    const std::string resourceType = request.value("ResourceType", "");
    const std::string requestType = request.value("RequestType", "Add");
    const auto before = snapshotNamespace(tx, ns);
    Json settings;
    Status result;
    if (resourceType == "Endpoint") {
        result = normalizeSettings(request, "NamespaceEndpointRequest", settings);
        if (!result.ok())
            return result;
        auto epId = Guid::parse(settings.value("EndpointId", ""));
        if (!epId)
            return Status(hr::GuidConversionFailure, "Settings.EndpointId must be an endpoint GUID.");
        if (requestType == "Add")
            result = attachEndpoint(state, tx, ns, *epId);
        else if (requestType == "Remove")
            result = detachEndpoint(state, tx, ns, *epId);
        else
            result = Status(hr::RequestUnsupported,
                            "RequestType " + requestType + " is not supported for namespace endpoints.");
    } else if (resourceType == "Container") {
        result = normalizeSettings(request, "NamespaceContainerRequest", settings);
        if (!result.ok())
            return result;
        const std::string container = settings.value("ContainerId", "");
        if (requestType == "Add")
            result = addContainer(tx, ns, container);
        else if (requestType == "Remove")
            result = removeContainer(tx, ns, container);
        else
            result = Status(hr::RequestUnsupported,
                            "RequestType " + requestType + " is not supported for namespace containers.");
        if (result.ok())
            tx.change(ChangeOp::Modify, ResourceKind::Namespace, ns.id, before.get(), &ns.doc);
    } else {
        result = Status(hr::RequestUnsupported,
                        "ResourceType \"" + resourceType + "\" cannot be modified on a namespace.");
    }
    if (!result.ok())
        return result;
    tx.notify(NotificationType::NamespaceModify, idTextOf(ns.doc, ns.id), ns.doc);
    return Status::success();
}

Status deleteNamespace(EngineState& state, Transaction& tx, const Guid& id)
{
    auto it = state.namespaces.find(id);
    if (it == state.namespaces.end())
        return Status(hr::ElementNotFound, "no namespace has ID " + id.toString() + ".");
    NamespaceObject& ns = *it->second;
    std::vector<Guid> endpoints = ns.endpoints;
    for (const auto& epId : endpoints)
        if (Status s = detachEndpoint(state, tx, ns, epId); !s.ok())
            return s;
    if (auto c = ns.doc.find("NamespaceId"); c != ns.doc.end() && c->is_number_unsigned()) {
        auto compartment = c->get<std::uint32_t>();
        state.compartmentIds.erase(compartment);
        tx.onRollback([&state, compartment] { state.compartmentIds.insert(compartment); });
    }
    tx.change(ChangeOp::Delete, ResourceKind::Namespace, id, &ns.doc, nullptr);
    tx.notify(NotificationType::NamespaceDelete, idTextOf(ns.doc, id),
              Json{{"Type", ns.doc.value("Type", "Host")}});
    eraseObject(state, ResourceKind::Namespace, state.namespaces, tx, id);
    return Status::success();
}

} // namespace hcn::ops
