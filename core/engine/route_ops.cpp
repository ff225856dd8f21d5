// SDN routes (HostComputeRoute): create / replace / delete, and endpoint removal.

#include "engine/operations.h"

#include <algorithm>

namespace hcn::ops {
namespace {

/// Checks a normalized HostComputeRoute and returns the endpoints it names (references are spelled as the
/// objects spell their IDs). Routes may be given as the documented "Routes" or as hcsshim's "Setting"; both
/// are kept as sent.
Result<std::vector<Guid>> planRoute(const EngineState& state, Json& doc)
{
    std::size_t entries = 0;
    for (const char* key : {"Routes", "Setting"}) {
        const Json list = doc.value(key, Json::array());
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string where = std::string(key) + "[" + std::to_string(i) + "]";
            if (list[i].value("DestinationPrefix", "").empty())
                return Status(hr::InvalidPolicy, where + ".DestinationPrefix is required.");
            if (list[i].value("NextHop", "").empty() && !list[i].value("NeedEncap", false))
                return Status(hr::InvalidPolicy, where + " needs a NextHop (or NeedEncap).");
            ++entries;
        }
    }
    if (entries == 0)
        return Status(hr::InvalidPolicy, "an SDN route needs at least one entry in Routes.");
    return resolveReferences(state, doc);
}

void linkEndpoints(EngineState& state, Transaction& tx, RouteObject& route, std::vector<Guid> endpoints)
{
    auto old = std::make_shared<std::vector<Guid>>(route.endpoints);
    for (const auto& id : route.endpoints)
        if (auto it = state.endpoints.find(id); it != state.endpoints.end())
            it->second->routes.erase(route.id);
    for (const auto& id : endpoints)
        state.endpoints.at(id)->routes.insert(route.id);
    tx.onRollback([&state, target = &route, old] {
        for (const auto& id : target->endpoints)
            if (auto it = state.endpoints.find(id); it != state.endpoints.end())
                it->second->routes.erase(target->id);
        for (const auto& id : *old)
            if (auto it = state.endpoints.find(id); it != state.endpoints.end())
                it->second->routes.insert(target->id);
        target->endpoints = *old;
    });
    route.endpoints = std::move(endpoints);
}

} // namespace

Result<Guid> createRoute(EngineState& state, Transaction& tx, const Guid& idParam, Json doc)
{
    auto idResult =
        chooseId([&](const Guid& g) { return state.routes.count(g) != 0; }, idParam, doc, "SDN route");
    if (!idResult.ok())
        return idResult.status();
    auto endpoints = planRoute(state, doc);
    if (!endpoints.ok())
        return endpoints.status();
    stampBaseFields(state, doc, 1);
    auto route = std::make_unique<RouteObject>();
    route->id = *idResult;
    route->serial = state.newSerial();
    route->doc = std::move(doc);
    auto* raw = route.get();
    Guid id = raw->id;
    insertObject(state, ResourceKind::SdnRoute, state.routes, tx, std::move(route));
    linkEndpoints(state, tx, *raw, std::move(endpoints.value()));
    tx.change(ChangeOp::Create, ResourceKind::SdnRoute, id, nullptr, &raw->doc);
    tx.notify(NotificationType::RouteCreate, idTextOf(raw->doc, id), raw->doc);
    return id;
}

Status replaceRoute(EngineState& state, Transaction& tx, RouteObject& route, Json doc)
{
    const std::string idText = idTextOf(route.doc, route.id);
    if (Status s = prepareReplacement(route.doc, route.id, doc, "route"); !s.ok())
        return s;
    auto endpoints = planRoute(state, doc);
    if (!endpoints.ok())
        return endpoints.status();
    auto before = std::make_shared<Json>(route.doc);
    tx.onRollback([target = &route, before] { target->doc = *before; });
    renameObject(state, tx, ResourceKind::SdnRoute, route.id, route.doc.value("Name", ""),
                 doc.value("Name", ""));
    linkEndpoints(state, tx, route, std::move(endpoints.value()));
    route.doc = std::move(doc);
    tx.change(ChangeOp::Modify, ResourceKind::SdnRoute, route.id, before.get(), &route.doc);
    tx.notify(NotificationType::RouteModify, idText, route.doc);
    return Status::success();
}

Status deleteRoute(EngineState& state, Transaction& tx, const Guid& id)
{
    auto it = state.routes.find(id);
    if (it == state.routes.end())
        return Status(hr::ElementNotFound, "no SDN route has ID " + id.toString() + ".");
    auto& route = *it->second;
    linkEndpoints(state, tx, route, {});
    tx.change(ChangeOp::Delete, ResourceKind::SdnRoute, id, &route.doc, nullptr);
    tx.notify(NotificationType::RouteDelete, idTextOf(route.doc, id), Json::object());
    eraseObject(state, ResourceKind::SdnRoute, state.routes, tx, id);
    return Status::success();
}

void removeEndpointFromRoutes(EngineState& state, Transaction& tx, EndpointObject& endpoint)
{
    const std::vector<Guid> routes(endpoint.routes.begin(), endpoint.routes.end());
    for (const auto& routeId : routes)
        dropEndpointReference(tx, ResourceKind::SdnRoute, NotificationType::RouteModify,
                              *state.routes.at(routeId), endpoint.routes, endpoint.id);
}

} // namespace hcn::ops
