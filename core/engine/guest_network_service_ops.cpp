// Guest network services: create / state changes / delete. Service-wide subscribers get Create, Modify
// (the whole document after a state change) and Delete; the service's own callbacks get the scoped
// StateChanged / InterfaceStateChanged events.

#include "engine/operations.h"
#include "hcn/schema_catalog.h"

namespace hcn::ops {
namespace {

const schema::EnumDef& serviceStates()
{
    return *schema::Catalog::builtin().enumeration("GuestNetworkServiceState");
}
const schema::EnumDef& interfaceStates()
{
    return *schema::Catalog::builtin().enumeration("GuestNetworkServiceInterfaceState");
}

std::string stateName(const Json& doc)
{
    const auto* value = serviceStates().findNumeric(doc.value("State", 0));
    return value ? value->name : "None";
}

} // namespace

Result<Guid> createGuestNetworkService(EngineState& state, Transaction& tx, const Guid& idParam, Json doc)
{
    auto idResult = chooseId([&](const Guid& g) { return state.guestNetworkServices.count(g) != 0; }, idParam,
                             doc, "guest network service");
    if (!idResult.ok())
        return idResult.status();
    if (auto interfaces = doc.find("MirroredInterfaces"); interfaces != doc.end() && interfaces->is_array()) {
        for (std::size_t i = 0; i < interfaces->size(); ++i) {
            Json& iface = (*interfaces)[i];
            const std::string endpoint = iface.value("EndpointId", "");
            if (!endpoint.empty() && !state.endpoints.count(*Guid::parse(endpoint)))
                return Status(hr::EndpointNotFound, "MirroredInterfaces[" + std::to_string(i) +
                                                        "].EndpointId " + endpoint + " does not exist.");
            if (!iface.contains("State"))
                iface["State"] = "Created";
        }
    }
    stampBaseFields(state, doc, static_cast<int>(serviceStates().find("Created")->numeric));

    auto gns = std::make_unique<GuestNetworkServiceObject>();
    gns->id = *idResult;
    gns->serial = state.newSerial();
    gns->doc = std::move(doc);
    auto* raw = gns.get();
    Guid id = raw->id;
    insertObject(state, ResourceKind::GuestNetworkService, state.guestNetworkServices, tx, std::move(gns));
    tx.change(ChangeOp::Create, ResourceKind::GuestNetworkService, id, nullptr, &raw->doc);
    tx.notify(NotificationType::GuestNetworkServiceCreate, idTextOf(raw->doc, id), raw->doc);
    return id;
}

Status modifyGuestNetworkService(EngineState& state, Transaction& tx, GuestNetworkServiceObject& gns,
                                 const Json& request)
{
    (void)state;
    const std::string resourceType = request.value("ResourceType", "");
    const std::string requestType = request.value("RequestType", "Update");
    if (resourceType != "State")
        return Status(hr::RequestUnsupported,
                      "ResourceType \"" + resourceType + "\" cannot be modified on a guest network service.");
    if (requestType != "Update" && requestType != "Add")
        return Status(hr::RequestUnsupported,
                      "RequestType " + requestType + " is not supported for guest network service state.");
    Json settings;
    if (Status s = normalizeSettings(request, "GuestNetworkServiceStateRequest", settings); !s.ok())
        return s;
    if (!settings.contains("State") || !settings["State"].is_string())
        return Status(hr::InvalidJson, "Settings.State is required.");
    const std::string wanted = settings["State"].get<std::string>();
    const std::string current = stateName(gns.doc);
    if (current == "Destroyed")
        return Status(hr::DegradedOperation,
                      "the guest network service was destroyed; it cannot change state.");
    if (wanted == current)
        return Status::success();

    auto before = std::make_shared<Json>(gns.doc);
    tx.onRollback([target = &gns, before] { target->doc = *before; });
    gns.doc["State"] = serviceStates().find(wanted)->numeric;

    const std::string idText = idTextOf(gns.doc, gns.id);
    Json changedInterfaces = Json::array();
    if (const auto* ifaceState = interfaceStates().find(wanted);
        ifaceState && gns.doc.contains("MirroredInterfaces")) {
        for (auto& iface : gns.doc["MirroredInterfaces"]) {
            if (iface.value("State", "") == ifaceState->name)
                continue;
            iface["State"] = ifaceState->name;
            changedInterfaces.push_back(iface);
        }
    }
    tx.change(ChangeOp::Modify, ResourceKind::GuestNetworkService, gns.id, before.get(), &gns.doc);
    tx.notify(NotificationType::GuestNetworkServiceModify, idText, gns.doc);
    tx.notify(NotificationType::GuestNetworkServiceStateChanged, idText,
              Json{{"State", wanted}, {"Interfaces", gns.doc.value("MirroredInterfaces", Json::array())}},
              gns.id);
    for (const auto& iface : changedInterfaces)
        tx.notify(NotificationType::GuestNetworkServiceInterfaceStateChanged, idText,
                  Json{{"State", wanted}, {"Interfaces", Json::array({iface})}}, gns.id);
    return Status::success();
}

Status deleteGuestNetworkService(EngineState& state, Transaction& tx, const Guid& id)
{
    auto it = state.guestNetworkServices.find(id);
    if (it == state.guestNetworkServices.end())
        return Status(hr::ElementNotFound, "no guest network service has ID " + id.toString() + ".");
    auto& gns = *it->second;
    for (auto r = state.portReservations.begin(); r != state.portReservations.end();) {
        if (r->second.service != id) {
            ++r;
            continue;
        }
        auto record = r->second;
        auto key = r->first;
        r = state.portReservations.erase(r);
        tx.onRollback([&state, key, record] { state.portReservations.emplace(key, record); });
    }
    tx.change(ChangeOp::Delete, ResourceKind::GuestNetworkService, id, &gns.doc, nullptr);
    tx.notify(NotificationType::GuestNetworkServiceDelete, idTextOf(gns.doc, id), Json::object());
    eraseObject(state, ResourceKind::GuestNetworkService, state.guestNetworkServices, tx, id);
    return Status::success();
}

} // namespace hcn::ops
