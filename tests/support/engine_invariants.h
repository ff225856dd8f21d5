#pragma once
// Cross-object invariants of an engine, checked from its public API: what the stress and randomized
// suites assert after their runs. A Mirror applies every notification, as a console would, so the
// check can also prove that events alone give a complete copy of the state.

#include "engine_harness.h"
#include "hcn/host_state.h"
#include "hcn/ip_address.h"
#include "hcn/open_object.h"

#include <map>
#include <set>

namespace hcntest {

using hcn::ResourceKind;

inline hcn::Guid guid(const std::string& text)
{
    return hcn::Guid::parse(text).value_or(hcn::Guid{});
}
/// IDs as copies of the host key them (hcn::HostState): upper-case GUID text.
inline std::string key(const std::string& idText)
{
    return hcn::canonicalObjectId(idText);
}

/// The kinds the engine counts (Engine::counts()) and these invariants cover.
constexpr ResourceKind kKinds[] = {ResourceKind::Network, ResourceKind::Endpoint, ResourceKind::Namespace,
                                   ResourceKind::LoadBalancer};

/// A client that keeps its own copy of every object from notifications alone (the core's HostState, as
/// the console's mirror does), and notes every event the copy could not square with what it held.
class Mirror
{
public:
    explicit Mirror(hcn::Engine& engine) : m_engine(engine)
    {
        m_id = engine.subscribe([this](const hcn::Notification& n) { apply(n); });
    }
    ~Mirror() { m_engine.unsubscribe(m_id); }

    /// Kind -> ID (canonical upper case) -> last document seen.
    std::map<ResourceKind, std::map<std::string, json>> objects()
    {
        m_engine.drainNotifications();
        std::lock_guard lock(m_mutex);
        std::map<ResourceKind, std::map<std::string, json>> out;
        for (auto kind : hcn::kResourceKinds)
            for (const hcn::HostObject* object : m_state.objects(kind))
                out[kind][object->id] = *object->document;
        return out;
    }
    QStringList errors()
    {
        m_engine.drainNotifications();
        std::lock_guard lock(m_mutex);
        return m_errors;
    }

private:
    void apply(const hcn::Notification& n)
    {
        std::lock_guard lock(m_mutex);
        const QString where = QString("notification %1 (%2)")
                                  .arg(n.sequence)
                                  .arg(qs(std::string(hcn::notificationTypeName(n.type))));
        if (m_lastSequence != 0 && n.sequence != m_lastSequence + 1)
            m_errors << where + QString(" follows %1: the stream has a gap").arg(m_lastSequence);
        m_lastSequence = n.sequence;
        const hcn::ParsedNotification parsed = hcn::parseNotification(n);
        if (!parsed.error.empty())
            m_errors << where + " carries no JSON object: " + qs(parsed.error);
        std::vector<std::string> surprises;
        (void)m_state.apply(parsed, &surprises);
        for (const std::string& surprise : surprises)
            m_errors << where + ": " + qs(surprise);
    }

    hcn::Engine& m_engine;
    hcn::SubscriptionId m_id = 0;
    std::mutex m_mutex;
    std::uint64_t m_lastSequence = 0;
    hcn::HostState m_state;
    QStringList m_errors;
};

/// Every object of a kind: canonical ID -> {"plain": document, "detailed": Flags 1 document}.
inline std::map<std::string, json> readAll(Harness& h, ResourceKind kind)
{
    std::map<std::string, json> out;
    for (const auto& id : h.enumerate(kind))
        (void)hcn::withOpenObject(h.engine, kind, guid(id.get<std::string>()), [&](hcn::Handle handle) {
            json& entry = out[key(id.get<std::string>())];
            entry["plain"] = h.query(kind, handle);
            entry["detailed"] = h.query(kind, handle, {{"Flags", 1}});
            return hcn::Status::success();
        });
    return out;
}

struct PortClaim
{
    std::uint32_t protocol;
    std::uint32_t port;
    std::string vip;
    std::string owner;
};

/// The cross-object rules of HCN, checked on a quiescent engine; one line per broken rule.
using World = std::map<ResourceKind, std::map<std::string, json>>;

/// readAll() of every kind.
inline World readWorld(Harness& h)
{
    World world;
    for (auto kind : kKinds)
        world[kind] = readAll(h, kind);
    return world;
}

/// world: what readWorld() returned for the current state, when the caller already has it.
inline QStringList checkInvariants(Harness& h, Mirror* mirror, const World* world = nullptr)
{
    QStringList problems;
    auto problem = [&](const std::string& text) { problems << qs(text); };
    World all = world ? *world : readWorld(h);
    const auto& networks = all[ResourceKind::Network];
    const auto& endpoints = all[ResourceKind::Endpoint];
    const auto& namespaces = all[ResourceKind::Namespace];
    const auto& lbs = all[ResourceKind::LoadBalancer];

    // Counts: enumerate, Engine::counts() and the datapath agree.
    const auto counts = h.engine.counts();
    const std::map<ResourceKind, std::size_t> counted{{ResourceKind::Network, counts.networks},
                                                      {ResourceKind::Endpoint, counts.endpoints},
                                                      {ResourceKind::Namespace, counts.namespaces},
                                                      {ResourceKind::LoadBalancer, counts.loadBalancers}};
    for (auto kind : kKinds) {
        const std::string name(hcn::resourceKindName(kind));
        if (const auto listed = h.enumerate(kind).size(); listed != counted.at(kind))
            problem(name + ": enumerate lists " + std::to_string(listed) + ", counts() says " +
                    std::to_string(counted.at(kind)));
        if (all[kind].size() != counted.at(kind))
            problem(name + ": " + std::to_string(all[kind].size()) + " could be opened, counts() says " +
                    std::to_string(counted.at(kind)));
        if (h.datapath->programmedCount(kind) != counted.at(kind))
            problem(name + ": the datapath programs " + std::to_string(h.datapath->programmedCount(kind)) +
                    ", counts() says " + std::to_string(counted.at(kind)));
    }

    // Addresses and MACs per network.
    std::map<std::string, std::vector<hcn::IpAddress>> addressesOf;
    std::map<std::string, std::size_t> localEndpointsOf, endpointsOf;
    std::map<std::string, std::map<std::string, std::string>> ipOwner, macOwner;
    std::vector<PortClaim> claims;
    for (const auto& [id, both] : endpoints) {
        const json& doc = both["plain"];
        const std::string net = key(doc.value("HostComputeNetwork", ""));
        if (!networks.count(net)) {
            problem("endpoint " + id + " is on network " + net + ", which does not exist");
            continue;
        }
        ++endpointsOf[net];
        const bool remote = (doc.value("Flags", 0u) & 1u) != 0;
        for (const auto& config : doc.value("IpConfigurations", json::array())) {
            const std::string text = config.value("IpAddress", "");
            auto address = hcn::IpAddress::parse(text);
            if (!address) {
                problem("endpoint " + id + " holds \"" + text + "\", which is no address");
                continue;
            }
            auto [it, fresh] = ipOwner[net].emplace(address->toString(), id);
            if (!fresh)
                problem("address " + address->toString() + " on network " + net + " is held by " +
                        it->second + " and " + id);
            addressesOf[net].push_back(*address);
        }
        if (!remote) {
            ++localEndpointsOf[net];
            const std::string mac = doc.value("MacAddress", "");
            if (mac.empty())
                problem("local endpoint " + id + " has no MAC");
            else if (auto [it, fresh] = macOwner[net].emplace(mac, id); !fresh)
                problem("MAC " + mac + " on network " + net + " is held by " + it->second + " and " + id);
        }
        for (const auto& p : both["detailed"]["Resources"].value("PortMappings", json::array()))
            claims.push_back({p.value("Protocol", 0u), p.value("ExternalPort", 0u), p.value("VIP", ""), id});
    }
    for (std::size_t i = 0; i < claims.size(); ++i)
        for (std::size_t j = i + 1; j < claims.size(); ++j) {
            const auto& a = claims[i];
            const auto& b = claims[j];
            if (a.protocol == b.protocol && a.port == b.port &&
                (a.vip == b.vip || a.vip.empty() || b.vip.empty()))
                problem("port " + std::to_string(a.port) + " is mapped by both " + a.owner + " and " +
                        b.owner);
        }
    for (const auto& [id, both] : networks) {
        const json& resources = both["detailed"]["Resources"];
        for (const auto& subnet : resources.value("Subnets", json::array())) {
            auto prefix = hcn::IpPrefix::parse(subnet.value("IpAddressPrefix", ""));
            if (!prefix) {
                problem("network " + id + " reports subnet " + subnet.dump());
                continue;
            }
            std::size_t inside = 0;
            for (const auto& a : addressesOf[id])
                inside += prefix->contains(a) ? 1 : 0;
            if (subnet.value("Allocated", std::size_t(0)) != inside)
                problem("network " + id + " subnet " + prefix->toString() + " reports Allocated " +
                        std::to_string(subnet.value("Allocated", std::size_t(0))) + " but endpoints hold " +
                        std::to_string(inside));
        }
        const auto macAllocated =
            resources.value("MacPool", json::object()).value("Allocated", std::size_t(0));
        if (macAllocated != localEndpointsOf[id])
            problem("network " + id + " MAC pool reports Allocated " + std::to_string(macAllocated) +
                    " for " + std::to_string(localEndpointsOf[id]) + " local endpoints");
        if (resources.value("EndpointCount", std::size_t(0)) != endpointsOf[id])
            problem("network " + id + " reports EndpointCount " +
                    std::to_string(resources.value("EndpointCount", std::size_t(0))) + " for " +
                    std::to_string(endpointsOf[id]) + " endpoints");
    }

    // Namespace membership, both directions.
    std::map<std::string, std::vector<std::string>> listedIn;
    for (const auto& [nsId, both] : namespaces) {
        std::size_t endpointResources = 0;
        for (const auto& r : both["plain"].value("Resources", json::array())) {
            if (r.value("Type", "") != "Endpoint")
                continue;
            ++endpointResources;
            const json d = r.value("Data", json::object());
            const std::string epId = key(d.value("ID", d.value("Id", "")));
            listedIn[epId].push_back(nsId);
            if (!endpoints.count(epId))
                problem("namespace " + nsId + " lists endpoint " + epId + ", which does not exist");
        }
        const auto reported = both["detailed"]["ResourceCounts"].value("EndpointCount", std::size_t(0));
        if (reported != endpointResources)
            problem("namespace " + nsId + " reports EndpointCount " + std::to_string(reported) +
                    " but lists " + std::to_string(endpointResources));
    }
    for (const auto& [epId, both] : endpoints) {
        const std::string ns = both["plain"].contains("HostComputeNamespace")
                                   ? key(both["plain"]["HostComputeNamespace"].get<std::string>())
                                   : "";
        const auto& in = listedIn[epId];
        if (ns.empty() && !in.empty())
            problem("endpoint " + epId + " names no namespace but namespace " + in.front() + " lists it");
        if (!ns.empty() && (in.size() != 1 || in.front() != ns))
            problem("endpoint " + epId + " names namespace " + ns + " but is listed by " +
                    std::to_string(in.size()) + " namespaces" +
                    (in.empty() ? "" : " (first " + in.front() + ")"));
        if (!ns.empty() && both["plain"].value("State", 0) != 2)
            problem("attached endpoint " + epId + " is not in State 2");
    }

    // Load balancers and their back ends, both directions.
    std::set<std::tuple<std::uint32_t, std::uint32_t, std::string>> frontends;
    for (const auto& [lbId, both] : lbs) {
        std::set<std::string> backends;
        for (const auto& e : both["plain"].value("HostComputeEndpoints", json::array())) {
            const std::string epId = key(e.is_string() ? e.get<std::string>() : "");
            backends.insert(epId);
            if (!endpoints.count(epId)) {
                problem("load balancer " + lbId + " balances over endpoint " + e.dump() +
                        ", which does not exist");
                continue;
            }
            bool back = false;
            for (const auto& l :
                 endpoints.at(epId)["detailed"]["Resources"].value("LoadBalancers", json::array()))
                back = back || key(l.get<std::string>()) == lbId;
            if (!back)
                problem("endpoint " + epId + " does not know it is behind load balancer " + lbId);
        }
        if (both["detailed"]["Resources"].value("BackendCount", std::size_t(0)) != backends.size())
            problem("load balancer " + lbId + " reports BackendCount " +
                    both["detailed"]["Resources"].value("BackendCount", json()).dump() + " for " +
                    std::to_string(backends.size()) + " back ends");
        json vips = both["plain"].value("FrontendVIPs", json::array());
        if (vips.empty())
            vips.push_back("");
        for (const auto& m : both["plain"].value("PortMappings", json::array()))
            for (const auto& vip : vips)
                if (!frontends
                         .emplace(m.value("Protocol", 6u), m.value("ExternalPort", 0u),
                                  vip.get<std::string>())
                         .second)
                    problem("load balancer frontend port " + std::to_string(m.value("ExternalPort", 0u)) +
                            " on \"" + vip.get<std::string>() + "\" is served twice");
    }
    for (const auto& [epId, both] : endpoints)
        for (const auto& l : both["detailed"]["Resources"].value("LoadBalancers", json::array()))
            if (!lbs.count(key(l.get<std::string>())))
                problem("endpoint " + epId + " is behind load balancer " + l.dump() +
                        ", which does not exist");

    // A subscriber that applied every notification holds the same objects, with the same documents.
    if (mirror) {
        problems << mirror->errors();
        auto mirrored = mirror->objects();
        for (auto kind : kKinds) {
            const std::string name(hcn::resourceKindName(kind));
            for (const auto& [id, doc] : mirrored[kind]) {
                if (!all[kind].count(id))
                    problem("the subscriber still has " + name + " " + id +
                            ", which enumerate does not list");
                else if (doc != all[kind][id]["plain"])
                    problem("the subscriber's " + name + " " + id +
                            " differs from the query:\n    notified: " + doc.dump() +
                            "\n    queried:  " + all[kind][id]["plain"].dump());
            }
            for (const auto& [id, both] : all[kind])
                if (!mirrored[kind].count(id))
                    problem("the subscriber never heard of " + name + " " + id);
        }
    }
    return problems;
}

} // namespace hcntest
