// Load balancer create / replace / delete.

#include "engine/operations.h"

#include <algorithm>

namespace hcn::ops {
namespace {

struct LbPlan
{
    std::vector<Guid> endpoints;
    std::set<PortKey> frontends;
};

/// Checks references (spelling them as the objects do) and port mappings of a normalized
/// HostComputeLoadBalancer document.
Result<LbPlan> planLoadBalancer(const EngineState& state, Json& doc, const Guid& self)
{
    LbPlan plan;
    auto endpoints = resolveReferences(state, doc);
    if (!endpoints.ok())
        return endpoints.status();
    plan.endpoints = std::move(endpoints.value());

    std::vector<std::string> vips;
    for (const auto& vip : doc.value("FrontendVIPs", Json::array()))
        if (vip.is_string())
            vips.push_back(vip.get<std::string>());
    if (vips.empty())
        vips.push_back({}); // no frontend VIP: the port is served on every host address (NodePort style)

    if (doc.contains("PortMappings")) {
        Json& mappings = doc["PortMappings"];
        for (std::size_t i = 0; i < mappings.size(); ++i) {
            Json& m = mappings[i];
            const std::string where = "PortMappings[" + std::to_string(i) + "]";
            if (Status members = checkPortMappingMembers(m, where, hr::InvalidJson); !members)
                return members;
            const auto internalPort = m.value("InternalPort", 0u);
            if (internalPort == 0)
                return Status(hr::InvalidInternalPort, where + ".InternalPort must be 1-65535.");
            if (m.value("ExternalPort", 0u) == 0)
                m["ExternalPort"] = internalPort;
            if (!m.contains("Protocol"))
                m["Protocol"] = 6;
            for (const auto& vip : vips) {
                PortKey key{m.value("Protocol", 6u), static_cast<std::uint16_t>(m.value("ExternalPort", 0u)),
                            vip};
                if (!plan.frontends.insert(key).second)
                    return Status(hr::PortAlreadyExists,
                                  where + " repeats a port mapping of this load balancer.");
                if (auto owner = state.lbFrontends.find(key);
                    owner != state.lbFrontends.end() && owner->second != self) {
                    const auto& other = *state.loadBalancers.at(owner->second);
                    return Status(hr::PortAlreadyExists,
                                  where + ": load balancer " + idTextOf(other.doc, other.id) +
                                      " already serves port " + std::to_string(key.port) +
                                      (vip.empty() ? " on every host address" : " on " + vip) + ".");
                }
            }
        }
    }
    return plan;
}

void applyPlan(EngineState& state, Transaction& tx, LoadBalancerObject& lb, LbPlan plan)
{
    auto oldEndpoints = std::make_shared<std::vector<Guid>>(lb.endpoints);
    auto oldFrontends = std::make_shared<std::set<PortKey>>(lb.frontends);
    auto newFrontends = std::make_shared<std::set<PortKey>>(plan.frontends);
    for (const auto& key : lb.frontends)
        state.lbFrontends.erase(key);
    for (const auto& key : plan.frontends)
        state.lbFrontends[key] = lb.id;
    for (const auto& id : lb.endpoints)
        if (auto it = state.endpoints.find(id); it != state.endpoints.end())
            it->second->loadBalancers.erase(lb.id);
    for (const auto& id : plan.endpoints)
        state.endpoints.at(id)->loadBalancers.insert(lb.id);
    tx.onRollback([&state, target = &lb, oldEndpoints, oldFrontends, newFrontends] {
        for (const auto& key : *newFrontends)
            state.lbFrontends.erase(key);
        for (const auto& key : *oldFrontends)
            state.lbFrontends[key] = target->id;
        for (const auto& id : target->endpoints)
            if (auto it = state.endpoints.find(id); it != state.endpoints.end())
                it->second->loadBalancers.erase(target->id);
        for (const auto& id : *oldEndpoints)
            if (auto it = state.endpoints.find(id); it != state.endpoints.end())
                it->second->loadBalancers.insert(target->id);
        target->endpoints = *oldEndpoints;
        target->frontends = *oldFrontends;
    });
    lb.endpoints = std::move(plan.endpoints);
    lb.frontends = std::move(plan.frontends);
}

} // namespace

Result<Guid> createLoadBalancer(EngineState& state, Transaction& tx, const Guid& idParam, Json doc)
{
    auto idResult = chooseId([&](const Guid& g) { return state.loadBalancers.count(g) != 0; }, idParam, doc,
                             "load balancer");
    if (!idResult.ok())
        return idResult.status();
    auto plan = planLoadBalancer(state, doc, *idResult);
    if (!plan.ok())
        return plan.status();
    stampBaseFields(state, doc, 1);

    auto lb = std::make_unique<LoadBalancerObject>();
    lb->id = *idResult;
    lb->serial = state.newSerial();
    lb->doc = std::move(doc);
    LoadBalancerObject* raw = lb.get();
    Guid id = raw->id;
    insertObject(state, ResourceKind::LoadBalancer, state.loadBalancers, tx, std::move(lb));
    applyPlan(state, tx, *raw, std::move(plan.value()));
    tx.change(ChangeOp::Create, ResourceKind::LoadBalancer, id, nullptr, &raw->doc);
    tx.notify(NotificationType::LoadBalancerCreate, idTextOf(raw->doc, id), raw->doc);
    return id;
}

Status replaceLoadBalancer(EngineState& state, Transaction& tx, LoadBalancerObject& lb, Json doc)
{
    const std::string idText = idTextOf(lb.doc, lb.id);
    if (Status s = prepareReplacement(lb.doc, lb.id, doc, "load balancer"); !s.ok())
        return s;
    auto plan = planLoadBalancer(state, doc, lb.id);
    if (!plan.ok())
        return plan.status();

    auto before = std::make_shared<Json>(lb.doc);
    tx.onRollback([target = &lb, before] { target->doc = *before; });
    renameObject(state, tx, ResourceKind::LoadBalancer, lb.id, lb.doc.value("Name", ""),
                 doc.value("Name", ""));
    applyPlan(state, tx, lb, std::move(plan.value()));
    lb.doc = std::move(doc);
    tx.change(ChangeOp::Modify, ResourceKind::LoadBalancer, lb.id, before.get(), &lb.doc);
    tx.notify(NotificationType::LoadBalancerModify, idText, lb.doc);
    return Status::success();
}

Status deleteLoadBalancer(EngineState& state, Transaction& tx, const Guid& id)
{
    auto it = state.loadBalancers.find(id);
    if (it == state.loadBalancers.end())
        return Status(hr::ElementNotFound, "no load balancer has ID " + id.toString() + ".");
    LoadBalancerObject& lb = *it->second;
    applyPlan(state, tx, lb, LbPlan{});
    tx.change(ChangeOp::Delete, ResourceKind::LoadBalancer, id, &lb.doc, nullptr);
    tx.notify(NotificationType::LoadBalancerDelete, idTextOf(lb.doc, id), Json::object());
    eraseObject(state, ResourceKind::LoadBalancer, state.loadBalancers, tx, id);
    return Status::success();
}

void removeEndpointFromLoadBalancers(EngineState& state, Transaction& tx, EndpointObject& endpoint)
{
    const std::vector<Guid> lbs(endpoint.loadBalancers.begin(), endpoint.loadBalancers.end());
    for (const auto& lbId : lbs)
        dropEndpointReference(tx, ResourceKind::LoadBalancer, NotificationType::LoadBalancerModify,
                              *state.loadBalancers.at(lbId), endpoint.loadBalancers, endpoint.id);
}

} // namespace hcn::ops
