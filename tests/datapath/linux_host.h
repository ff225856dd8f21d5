#pragma once
// The datapath suites' host: an engine on a freshly opened Linux datapath in the calling thread's network
// namespace, with shorthands for the objects the suites make, a listening socket, and ping from inside a
// named namespace.

#include "engine_harness.h"
#include "hcn/engine.h"
#include "hcn/linux_datapath.h"
#include "hcn/reachability_trace.h"
#include "hcnd_child_process.h"
#include "netns_probe.h"

#include <algorithm>
#include <memory>

// The programs the suites run, at Debian's paths (here rather than as definitions of each suite, so that
// the suites compile alike and share one precompiled header).
#define IP_PATH "/usr/sbin/ip"
#define PING_PATH "/usr/bin/ping"
#define CAT_PATH "/usr/bin/cat"
#define BRIDGE_PATH "/usr/sbin/bridge"

namespace hcntest {

/// An engine on a freshly opened Linux datapath.
struct LinuxHost
{
    std::shared_ptr<hcn::LinuxDatapath> datapath;
    std::unique_ptr<hcn::Engine> engine;

    /// `hostEnvironment`: the adapters the engine binds overlay networks to (their addresses become the
    /// networks' ProviderAddress).
    hcn::Status open(hcn::HostEnvironment hostEnvironment = hcn::HostEnvironment::defaultHost())
    {
        auto dp = hcn::LinuxDatapath::open();
        if (!dp.ok())
            return dp.status();
        datapath = *dp;
        hcn::EngineOptions options;
        options.datapath = datapath;
        options.host = std::move(hostEnvironment);
        engine = std::make_unique<hcn::Engine>(std::move(options));
        return hcn::Status::success();
    }

    hcn::Result<hcn::Handle> create(hcn::ResourceKind kind, const json& doc, hcn::Handle network = 0,
                                    const hcn::Guid& id = hcn::Guid{})
    {
        return engine->create(kind, id, doc.dump(), network);
    }
    hcn::Guid idOf(hcn::ResourceKind kind, hcn::Handle h) { return *engine->handleId(kind, h); }

    hcn::Result<hcn::Handle> network(int third, const std::string& type = "NAT",
                                     const hcn::Guid& id = hcn::Guid{})
    {
        const std::string net = "10.244." + std::to_string(third) + ".";
        json doc = natNetwork("net" + std::to_string(third), net + "0/24", net + "1");
        doc["Type"] = type;
        return create(hcn::ResourceKind::Network, doc, 0, id);
    }
    hcn::Result<hcn::Handle> endpoint(hcn::Handle network, const std::string& address,
                                      json policies = json::array())
    {
        json doc = v2({{"Name", "ep-" + address}, {"IpConfigurations", {{{"IpAddress", address}}}}});
        if (!policies.empty())
            doc["Policies"] = policies;
        return create(hcn::ResourceKind::Endpoint, doc, network);
    }
    /// A namespace with the endpoint attached; returns the namespace's handle.
    hcn::Result<hcn::Handle> namespaceWith(hcn::Handle endpoint)
    {
        json doc = v2({{"Type", "Host"},
                       {"Resources",
                        {{{"Type", "Endpoint"},
                          {"Data", {{"ID", idOf(hcn::ResourceKind::Endpoint, endpoint).toString()}}}}}}});
        return create(hcn::ResourceKind::Namespace, doc);
    }
    std::string netnsOf(hcn::Handle ns)
    {
        return hcn::LinuxDatapath::namespaceName(idOf(hcn::ResourceKind::Namespace, ns));
    }

    /// An endpoint attached in a namespace of its own: its handle and the namespace's name.
    struct Attached
    {
        hcn::Handle endpoint = 0;
        std::string netns;
    };
    hcn::Result<Attached> attachedEndpoint(hcn::Handle network, const std::string& address,
                                           json policies = json::array())
    {
        auto ep = endpoint(network, address, std::move(policies));
        if (!ep.ok())
            return ep.status();
        auto ns = namespaceWith(*ep);
        if (!ns.ok())
            return ns.status();
        return Attached{*ep, netnsOf(*ns)};
    }

    /// The engine's document of a network.
    json networkDocument(hcn::Handle network)
    {
        auto text = engine->query(hcn::ResourceKind::Network, network, "");
        return text.ok() ? json::parse(*text) : json::object();
    }
    /// A network modify with the datapath told to fail `step` once on its way (empty: nothing injected).
    hcn::Status modifyNetwork(hcn::Handle network, const json& request, const std::string& step = {})
    {
        if (!step.empty())
            datapath->failStepOnce(step);
        return engine->modify(hcn::ResourceKind::Network, network, request.dump());
    }

    /// What the reachability trace predicts for TCP from an endpoint (by name) to address:port over this
    /// host's documents: "delivered", "dropped" or "translated".
    /// `withTarget`: "delivered to NAME" (an endpoint's name, or "host" for the host's own stack).
    /// `hostAddresses`: addresses traced as the host's besides those its documents name (127.0.0.1).
    std::string predicted(const std::string& sourceName, const std::string& address, std::uint16_t port,
                          bool withTarget = false, std::vector<std::string> hostAddresses = {})
    {
        auto snapshot = engine->snapshot("");
        if (!snapshot.ok())
            return "snapshot failed: " + snapshot.status().detail();
        auto traced = hcn::traceSnapshot(
            *snapshot, {sourceName, address, hcn::TraceProtocol::Tcp, port, std::move(hostAddresses)});
        if (!traced.ok())
            return "trace failed: " + traced.status().detail();
        std::string out(hcn::traceVerdictName(traced->verdict));
        if (withTarget)
            for (const hcn::TraceObject& to : traced->deliveredTo)
                out += " to " + (to.host ? std::string("host") : to.name);
        return out;
    }
};

/// ping's arguments for "answered within waitMs": a wait of a second or more sends a probe every 0.2 s
/// until the first answer (-w, whole seconds), so that one probe lost while a new link or neighbour
/// entry settles does not count as unreachable; a shorter wait sends one probe (-W, which takes
/// fractions), as a probe that should go unanswered needs.
inline std::vector<std::string> pingWithin(int waitMs)
{
    if (waitMs >= 1000)
        return {"-c", "1", "-i", "0.2", "-w", std::to_string((waitMs + 999) / 1000)};
    return {"-c", "1", "-W", "0." + std::to_string(std::clamp(waitMs / 100, 1, 9))};
}

/// Whether a ping from inside the named namespace to `address` is answered within waitMs (`ip netns
/// exec`); `extra` goes before the address (ping's -M, -s).
inline bool pingFrom(const std::string& netns, const std::string& address, int waitMs = 3000,
                     const std::vector<std::string>& extra = {})
{
    std::vector<std::string> args{"netns", "exec", netns, PING_PATH};
    for (const auto& list : {pingWithin(waitMs), extra})
        args.insert(args.end(), list.begin(), list.end());
    args.push_back(address);
    ChildProcess ping;
    if (!ping.start(IP_PATH, args))
        return false;
    return ping.waitForExit(waitMs + 10000) && ping.exitCode() == 0;
}

/// Whether one ping from inside the named namespace to `address` goes unanswered (within kLostAfterMs).
inline bool pingLost(const std::string& netns, const std::string& address)
{
    return !pingFrom(netns, address, kLostAfterMs);
}

} // namespace hcntest
