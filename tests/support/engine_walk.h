#pragma once
// A random walk of calls over all six kinds on a real engine (most succeed, some fail on conflicts and
// references), and the comparison of two host copies: the proof that copies built from events equal the
// engine (tst_hoststate) and that a recording gives back every moment (tst_recording).

#include "engine_harness.h"
#include "hcn/host_state.h"
#include "hcn/open_object.h"

#include <QStringList>
#include <algorithm>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace hcntest {

using hcn::ResourceKind;

/// Every difference between two copies (kinds, IDs, documents); empty when they are equal.
inline QStringList hostDifferences(const hcn::HostState& events, const hcn::HostState& engine)
{
    QStringList out;
    for (auto kind : hcn::kResourceKinds) {
        const std::string name(hcn::resourceKindName(kind));
        for (const hcn::HostObject* object : engine.objects(kind)) {
            const hcn::HostObject* copy = events.find(object->id);
            if (!copy)
                out << qs("the copy never heard of " + name + " " + object->id);
            else if (copy->kind != kind)
                out << qs("the copy holds " + name + " " + object->id + " as a " +
                          std::string(hcn::resourceKindName(copy->kind)));
            else if (*copy->document != *object->document)
                out << qs("the copy's " + name + " " + object->id + " differs:\n    events: " +
                          copy->document->dump() + "\n    engine: " + object->document->dump());
        }
        for (const hcn::HostObject* object : events.objects(kind))
            if (!engine.find(object->id))
                out << qs("the copy still holds " + name + " " + object->id);
    }
    return out;
}

/// A random walk of calls over every kind; most succeed, some fail (conflicts, references), which
/// must change nothing the events say.
class Walk
{
public:
    Walk(hcn::Engine& engine, std::uint32_t seed) : m_engine(engine), m_rng(seed) {}

    /// One call; returns what it was, for failure messages.
    std::string step()
    {
        switch (std::discrete_distribution<int>({3, 1, 6, 3, 2, 3, 4, 2, 1, 1, 2, 2, 1, 2, 2, 1, 2, 3, 1})(
            m_rng)) {
        case 0:
            return createNetwork();
        case 1:
            return remove(ResourceKind::Network);
        case 2:
            return createEndpoint();
        case 3:
            return modifyEndpoint();
        case 4:
            return remove(ResourceKind::Endpoint);
        case 5:
            return create(ResourceKind::Namespace, v2(json::object()));
        case 6:
            return attach(true);
        case 7:
            return attach(false);
        case 8:
            return addContainer();
        case 9:
            return remove(ResourceKind::Namespace);
        case 10:
            return create(ResourceKind::LoadBalancer, loadBalancer());
        case 11:
            return modify(ResourceKind::LoadBalancer, loadBalancer().dump());
        case 12:
            return remove(ResourceKind::LoadBalancer);
        case 13:
            return create(ResourceKind::SdnRoute, route());
        case 14:
            return modify(ResourceKind::SdnRoute, route().dump());
        case 15:
            return remove(ResourceKind::SdnRoute);
        case 16:
            return createGuestNetworkService();
        case 17:
            return changeGuestNetworkServiceState();
        default:
            return remove(ResourceKind::GuestNetworkService);
        }
    }

private:
    hcn::Engine& m_engine;
    std::mt19937 m_rng;
    int m_counter = 0;

    int below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(m_rng); }

    std::vector<std::string> live(ResourceKind kind)
    {
        std::vector<std::string> ids;
        if (auto listed = m_engine.enumerate(kind, ""); listed.ok())
            for (const auto& id : json::parse(*listed))
                ids.push_back(id.get<std::string>());
        std::sort(ids.begin(), ids.end()); // enumeration order is not part of the seed
        return ids;
    }
    std::optional<std::string> pick(ResourceKind kind)
    {
        const auto ids = live(kind);
        if (ids.empty())
            return std::nullopt;
        return ids[std::size_t(below(int(ids.size())))];
    }
    json someEndpoints(int most)
    {
        json out = json::array();
        const auto ids = live(ResourceKind::Endpoint);
        for (int i = below(most + 1); i > 0 && !ids.empty(); --i)
            out.push_back(ids[std::size_t(below(int(ids.size())))]);
        return out;
    }
    static std::string outcome(const std::string& what, const hcn::Status& status)
    {
        return what + (status.ok() ? " -> ok" : " -> " + hcn::hresultHex(status.code()));
    }

    std::string create(ResourceKind kind, const json& doc, hcn::Handle network = 0)
    {
        auto handle = m_engine.create(kind, hcn::Guid{}, doc.dump(), network);
        if (handle.ok())
            (void)m_engine.close(kind, *handle);
        return outcome("create " + std::string(hcn::resourceKindName(kind)) + " " + doc.dump(),
                       handle.ok() ? hcn::Status::success() : handle.status());
    }
    std::string modify(ResourceKind kind, const std::string& request)
    {
        auto id = pick(kind);
        if (!id)
            return "modify " + std::string(hcn::resourceKindName(kind)) + ": none";
        const hcn::Status status =
            hcn::withOpenObject(m_engine, kind, *hcn::Guid::parse(*id),
                                [&](hcn::Handle h) { return m_engine.modify(kind, h, request); });
        return outcome("modify " + std::string(hcn::resourceKindName(kind)) + " " + *id + " " + request,
                       status);
    }
    std::string remove(ResourceKind kind)
    {
        auto id = pick(kind);
        if (!id)
            return "delete " + std::string(hcn::resourceKindName(kind)) + ": none";
        return outcome("delete " + std::string(hcn::resourceKindName(kind)) + " " + *id,
                       m_engine.remove(kind, *hcn::Guid::parse(*id)));
    }

    std::string createNetwork()
    {
        const int n = ++m_counter % 200 + 10;
        const std::string prefix = "10." + std::to_string(n) + ".0.0/24";
        return create(ResourceKind::Network,
                      natNetwork("net" + std::to_string(n), prefix, "10." + std::to_string(n) + ".0.1"));
    }
    std::string createEndpoint()
    {
        auto network = pick(ResourceKind::Network);
        if (!network)
            return createNetwork();
        json doc = v2({{"Name", "ep" + std::to_string(++m_counter)}});
        if (below(5) == 0)
            doc["Flags"] = 1; // remote: the engine wants an address and a provider for it, or refuses
        const hcn::Status status = hcn::withOpenObject(
            m_engine, ResourceKind::Network, *hcn::Guid::parse(*network), [&](hcn::Handle h) {
                auto created = m_engine.create(ResourceKind::Endpoint, hcn::Guid{}, doc.dump(), h);
                if (created.ok())
                    (void)m_engine.close(ResourceKind::Endpoint, *created);
                return created.ok() ? hcn::Status::success() : created.status();
            });
        return outcome("create endpoint on " + *network + " " + doc.dump(), status);
    }
    std::string modifyEndpoint()
    {
        const json policy{{"Type", "PortMapping"},
                          {"Settings", {{"InternalPort", 80}, {"ExternalPort", 8000 + below(50)}}}};
        return modify(ResourceKind::Endpoint, json{{"ResourceType", "Policy"},
                                                   {"RequestType", below(4) == 0 ? "Remove" : "Add"},
                                                   {"Settings", {{"Policies", {policy}}}}}
                                                  .dump());
    }
    std::string attach(bool add)
    {
        auto endpoint = pick(ResourceKind::Endpoint);
        if (!endpoint)
            return "attach: no endpoint";
        return modify(ResourceKind::Namespace, json{{"ResourceType", "Endpoint"},
                                                    {"RequestType", add ? "Add" : "Remove"},
                                                    {"Settings", {{"EndpointId", *endpoint}}}}
                                                   .dump());
    }
    std::string addContainer()
    {
        return modify(ResourceKind::Namespace,
                      json{{"ResourceType", "Container"},
                           {"RequestType", below(3) == 0 ? "Remove" : "Add"},
                           {"Settings", {{"ContainerId", "c" + std::to_string(below(4))}}}}
                          .dump());
    }
    json loadBalancer()
    {
        return v2(
            {{"HostComputeEndpoints", someEndpoints(3)},
             {"FrontendVIPs", {"10.96.0." + std::to_string(1 + below(20))}},
             {"PortMappings", {{{"Protocol", 6}, {"InternalPort", 80}, {"ExternalPort", 80 + below(3)}}}}});
    }
    json route()
    {
        return v2({{"HostComputeEndpoints", someEndpoints(2)},
                   {"Routes",
                    {{{"DestinationPrefix", "169.254." + std::to_string(below(200)) + ".0/24"},
                      {"NextHop", "10.10.0.1"}}}}});
    }
    std::string createGuestNetworkService()
    {
        json doc = v2({{"VirtualMachineId", hcn::Guid::generate().toString()}});
        if (auto endpoint = pick(ResourceKind::Endpoint); endpoint && below(2) == 0)
            doc["MirroredInterfaces"] = {
                {{"EndpointId", *endpoint}, {"InterfaceGuid", "33333333-3333-4333-8333-333333333333"}}};
        return create(ResourceKind::GuestNetworkService, doc);
    }
    std::string changeGuestNetworkServiceState()
    {
        static const char* const kStates[] = {"Bootstrapping",  "Synchronized", "Paused",
                                              "Desynchronized", "Degraded",     "Destroyed"};
        return modify(ResourceKind::GuestNetworkService, json{{"ResourceType", "State"},
                                                              {"RequestType", "Update"},
                                                              {"Settings", {{"State", kStates[below(6)]}}}}
                                                             .dump());
    }
};

} // namespace hcntest
