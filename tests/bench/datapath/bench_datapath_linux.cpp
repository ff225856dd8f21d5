// Endpoint create + attach and delete on the Linux datapath, side by side with Debian's CNI bridge
// plugin + host-local IPAM doing the same (veth pair, namespace, address, route) in the same run, then
// scale: E endpoints attached and L load balancers programmed (time, nftables rules), one more load
// balancer added to them, a NetworkACL added to and removed from their network (every endpoint's ACL
// chains made again per modify), and the reset that removes it all. Then an overlay network's remote
// endpoints (VXLAN forwarding and neighbour entries): create and delete per round, and E of them at once.
//
// Runs as root in a network namespace it creates (everything it makes lives there and in named
// namespaces it removes). Usage: bench_datapath_linux [ROUNDS=50] [ENDPOINTS=1000] [LOADBALANCERS=500]

#include "../bench_timing.h"
#include "hcn/engine.h"
#include "hcn/linux_datapath.h"
#include "hcnd_child_process.h"
#include "netns_probe.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace hcntest;
using hcn::Guid;
using hcn::ResourceKind;
using hcnbench::Clock;
using hcnbench::millisecondsSince;

namespace {

using json = nlohmann::json;

json v2(json doc)
{
    doc["SchemaVersion"] = {{"Major", 2}, {"Minor", 0}};
    return doc;
}

json natNetwork(const std::string& name, const std::string& prefix, const std::string& gateway)
{
    return v2({{"Name", name},
               {"Type", "NAT"},
               {"Ipams",
                {{{"Type", "Static"},
                  {"Subnets",
                   {{{"IpAddressPrefix", prefix},
                     {"Routes", {{{"NextHop", gateway}, {"DestinationPrefix", "0.0.0.0/0"}}}}}}}}}}});
}

struct Summary
{
    double median, min, max;
};

Summary summarize(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v.front(), v.back()};
}

void print(const char* what, const Summary& s)
{
    std::printf("%-58s median %7.2f ms  (%.2f - %.2f)\n", what, s.median, s.min, s.max);
}

[[noreturn]] void fail(const std::string& what)
{
    std::fprintf(stderr, "bench_datapath_linux: %s\n", what.c_str());
    std::exit(1);
}

void check(const hcn::Status& s, const char* what)
{
    if (!s.ok())
        fail(std::string(what) + ": " + s.detail());
}

std::string ipOf(unsigned i, unsigned base)
{
    // 10.244.0.0/16 (HCN), 10.245.0.0/16 (CNI) or 10.246.0.0/16 (HCN overlay); .0.1 is the gateway.
    const unsigned host = i + 10;
    return "10." + std::to_string(base) + "." + std::to_string(host / 256) + "." + std::to_string(host % 256);
}

/// One CNI call: the plugin binary with the config on stdin; returns milliseconds, fails on error.
double cni(const std::string& command, const std::string& container, const std::string& netns,
           const std::string& config)
{
    ChildProcess plugin;
    ChildProcess::Options options;
    options.environment = {{"CNI_COMMAND", command},
                           {"CNI_CONTAINERID", container},
                           {"CNI_NETNS", "/run/netns/" + netns},
                           {"CNI_IFNAME", "eth0"},
                           {"CNI_PATH", "/usr/lib/cni"}};
    const auto start = Clock::now();
    if (!plugin.start("/usr/lib/cni/bridge", {}, options))
        fail("cannot run /usr/lib/cni/bridge: " + plugin.error());
    plugin.write(config);
    plugin.closeStdin();
    if (!plugin.waitForExit(30000) || plugin.exitCode() != 0)
        fail("CNI " + command + " failed: " + plugin.readStdout() + plugin.readStderr());
    return millisecondsSince(start);
}

} // namespace

int main(int argc, char** argv)
{
    const unsigned rounds = argc > 1 ? unsigned(std::stoul(argv[1])) : 50;
    const unsigned endpoints = argc > 2 ? unsigned(std::stoul(argv[2])) : 1000;
    const unsigned loadBalancers = argc > 3 ? unsigned(std::stoul(argv[3])) : 500;
    if (std::string why = enterOwnNetworkNamespace(); !why.empty())
        fail("the benchmark " + why);

    // The overlay's provider address: one end of a veth pair of the benchmark's own namespace.
    auto here = hcn::linuxdp::RouteSocket::open();
    check(here.status(), "open a route socket");
    check(here->addVeth("ul0", "ul1", std::nullopt), "create the underlay pair");
    check(here->addAddress("ul0", "192.168.250.1/24"), "address the underlay");
    check(here->setUp("ul0"), "set the underlay up");

    auto opened = hcn::LinuxDatapath::open();
    check(opened.status(), "open the linux datapath");
    auto datapath = *opened;
    hcn::EngineOptions options;
    options.datapath = datapath;
    auto host = hcn::HostEnvironment::fromJson(
        R"({"adapters":[{"name":"ul0","ipv4":"192.168.250.1/24","mac":"02-00-00-00-FA-01"}]})");
    check(host.status(), "the host environment");
    options.host = *host;
    hcn::Engine engine(std::move(options));
    auto net = engine.create(ResourceKind::Network, Guid{}, natNetwork("bench", "10.244.0.0/16", "10.244.0.1").dump(), 0);
    check(net.status(), "create the network");

    auto endpointDoc = [](unsigned i) {
        return v2({{"Name", "ep" + std::to_string(i)}, {"IpConfigurations", {{{"IpAddress", ipOf(i, 244)}}}}}).dump();
    };
    auto attachRequest = [](const Guid& ep) {
        return json{{"ResourceType", "Endpoint"}, {"RequestType", "Add"}, {"Settings", {{"EndpointId", ep.toString()}}}}.dump();
    };

    // 1. HCN: endpoint create + attach into a namespace made beforehand (what CNI ADD does), and endpoint
    //    create + a namespace created with it attached (one more netns than CNI makes); then delete.
    std::vector<double> hcnAdd, hcnAddWithNamespace, hcnDel, hcnDelComplete;
    for (unsigned i = 0; i < rounds; ++i) {
        auto ns = engine.create(ResourceKind::Namespace, Guid{}, v2({{"Type", "Host"}}).dump(), 0);
        check(ns.status(), "create a namespace");
        auto start = Clock::now();
        auto ep = engine.create(ResourceKind::Endpoint, Guid{}, endpointDoc(i), *net);
        check(ep.status(), "create an endpoint");
        const Guid epId = *engine.handleId(ResourceKind::Endpoint, *ep);
        check(engine.modify(ResourceKind::Namespace, *ns, attachRequest(epId)), "attach");
        hcnAdd.push_back(millisecondsSince(start));
        start = Clock::now();
        check(engine.remove(ResourceKind::Endpoint, epId), "delete the endpoint");
        hcnDel.push_back(millisecondsSince(start));
        datapath->waitForRemovals();
        hcnDelComplete.push_back(millisecondsSince(start));
        check(engine.remove(ResourceKind::Namespace, *engine.handleId(ResourceKind::Namespace, *ns)), "delete a namespace");
        (void)engine.close(ResourceKind::Endpoint, *ep);
        (void)engine.close(ResourceKind::Namespace, *ns);

        start = Clock::now();
        auto ep2 = engine.create(ResourceKind::Endpoint, Guid{}, endpointDoc(i), *net);
        check(ep2.status(), "create an endpoint");
        const Guid ep2Id = *engine.handleId(ResourceKind::Endpoint, *ep2);
        json nsDoc = v2({{"Type", "Host"}, {"Resources", {{{"Type", "Endpoint"}, {"Data", {{"ID", ep2Id.toString()}}}}}}});
        auto ns2 = engine.create(ResourceKind::Namespace, Guid{}, nsDoc.dump(), 0);
        check(ns2.status(), "create a namespace with the endpoint");
        hcnAddWithNamespace.push_back(millisecondsSince(start));
        check(engine.remove(ResourceKind::Namespace, *engine.handleId(ResourceKind::Namespace, *ns2)), "delete a namespace");
        check(engine.remove(ResourceKind::Endpoint, ep2Id), "delete the endpoint");
        (void)engine.close(ResourceKind::Endpoint, *ep2);
        (void)engine.close(ResourceKind::Namespace, *ns2);
    }

    // 2. CNI bridge + host-local on the same machine, same kind of namespace (made beforehand, untimed).
    const std::string dataDir = "/tmp/hcn-bench-cni-" + std::to_string(getpid());
    const std::string config = json{{"cniVersion", "1.0.0"},
                                    {"name", "hcnbench"},
                                    {"type", "bridge"},
                                    {"bridge", "cnibench0"},
                                    {"isGateway", true},
                                    {"ipMasq", false},
                                    {"ipam", {{"type", "host-local"}, {"subnet", "10.245.0.0/16"}, {"dataDir", dataDir}}}}
                                   .dump();
    std::vector<double> cniAdd, cniDel;
    for (unsigned i = 0; i <= rounds; ++i) { // round 0 makes the bridge: a warm-up, not counted
        const std::string netns = "cnibench-" + std::to_string(getpid()) + "-" + std::to_string(i);
        check(hcn::linuxdp::createNamedNetns("/run/netns", netns), "create a namespace for CNI");
        const std::string container = "bench" + std::to_string(i);
        const double add = cni("ADD", container, netns, config);
        const double del = cni("DEL", container, netns, config);
        check(hcn::linuxdp::removeNamedNetns("/run/netns", netns), "remove a CNI namespace");
        if (i > 0) {
            cniAdd.push_back(add);
            cniDel.push_back(del);
        }
    }
    std::error_code ignored;
    std::filesystem::remove_all(dataDir, ignored);
    (void)here->deleteLink("cnibench0");

    std::printf("Endpoint create + attach, %u rounds each (one process, one run)\n", rounds);
    const auto add = summarize(hcnAdd), addNs = summarize(hcnAddWithNamespace), del = summarize(hcnDel);
    const auto cAdd = summarize(cniAdd), cDel = summarize(cniDel);
    print("HCN endpoint create + attach (namespace exists)", add);
    print("HCN endpoint create + namespace create with it", addNs);
    print("CNI bridge ADD (host-local IPAM, namespace exists)", cAdd);
    print("HCN endpoint delete (attached): the call", del);
    print("HCN endpoint delete, until the kernel removed the pair", summarize(hcnDelComplete));
    print("CNI bridge DEL", cDel);
    std::printf("ratio HCN/CNI: add %.2f, delete %.2f\n\n", add.median / cAdd.median, del.median / cDel.median);

    // 3. Scale: endpoints attached, load balancers with a VIP, a TCP port and three backends each.
    std::vector<Guid> ids;
    double namespacesMs = 0, endpointsMs = 0;
    for (unsigned i = 0; i < endpoints; ++i) {
        auto start = Clock::now();
        auto ns = engine.create(ResourceKind::Namespace, Guid{}, v2({{"Type", "Host"}}).dump(), 0);
        check(ns.status(), "create a namespace");
        namespacesMs += millisecondsSince(start);
        start = Clock::now();
        auto ep = engine.create(ResourceKind::Endpoint, Guid{}, endpointDoc(i), *net);
        check(ep.status(), "create an endpoint");
        ids.push_back(*engine.handleId(ResourceKind::Endpoint, *ep));
        check(engine.modify(ResourceKind::Namespace, *ns, attachRequest(ids.back())), "attach");
        endpointsMs += millisecondsSince(start);
        (void)engine.close(ResourceKind::Endpoint, *ep);
        (void)engine.close(ResourceKind::Namespace, *ns);
    }
    auto lbDoc = [&](unsigned i) {
        json backends = json::array();
        for (unsigned b = 0; b < 3; ++b)
            backends.push_back(ids[(i * 3 + b) % ids.size()].toString());
        const std::string vip = "10.96." + std::to_string(i / 250) + "." + std::to_string(i % 250 + 1);
        return v2({{"FrontendVIPs", json::array({vip})},
                   {"HostComputeEndpoints", backends},
                   {"PortMappings", {{{"Protocol", 6}, {"InternalPort", 80}, {"ExternalPort", 80}}}}})
            .dump();
    };
    auto start = Clock::now();
    for (unsigned i = 0; i < loadBalancers; ++i) {
        auto lb = engine.create(ResourceKind::LoadBalancer, Guid{}, lbDoc(i), 0);
        check(lb.status(), "create a load balancer");
        (void)engine.close(ResourceKind::LoadBalancer, *lb);
    }
    const double lbMs = millisecondsSince(start);
    start = Clock::now();
    auto extra = engine.create(ResourceKind::LoadBalancer, Guid{}, lbDoc(loadBalancers), 0);
    check(extra.status(), "create one more load balancer");
    const double oneMoreMs = millisecondsSince(start);
    const std::string ruleset = nftRuleset();
    std::size_t rules = 0, dnat = 0;
    std::istringstream lines(ruleset);
    for (std::string line; std::getline(lines, line);) {
        if (line.find("dnat ") != std::string::npos)
            ++dnat;
        const bool structural = line.find('{') != std::string::npos || line.find('}') != std::string::npos ||
                                line.find("type ") != std::string::npos || line.find_first_not_of(" \t") == std::string::npos;
        rules += structural ? 0 : 1;
    }
    std::printf("Scale\n");
    std::printf("%-58s %9.0f ms  (%.2f ms each)\n", (std::to_string(endpoints) + " namespaces created").c_str(),
                namespacesMs, namespacesMs / endpoints);
    std::printf("%-58s %9.0f ms  (%.2f ms each)\n", (std::to_string(endpoints) + " endpoints created + attached, one per namespace").c_str(),
                endpointsMs, endpointsMs / endpoints);
    std::printf("%-58s %9.0f ms  (%.2f ms each)\n", (std::to_string(loadBalancers) + " load balancers (VIP, TCP 80, 3 backends)").c_str(),
                lbMs, lbMs / loadBalancers);
    std::printf("%-58s %9.2f ms\n", "one more load balancer", oneMoreMs);
    std::printf("%-58s %9zu (%zu DNAT rules)\n", "nftables rules in hcnd's tables", rules, dnat);
    // A network ACL on the E attached endpoints: each modify makes every endpoint's two ACL chains (added)
    // or deletes them (removed), in one nftables transaction.
    const json networkAcl = {{"Type", "NetworkACL"},
                             {"Settings",
                              {{"Action", "Block"},
                               {"Direction", "In"},
                               {"Priority", 100},
                               {"Protocols", "6"},
                               {"LocalPorts", "81"}}}};
    auto aclRequest = [&](const char* type) {
        return json{{"ResourceType", "Policy"},
                    {"RequestType", type},
                    {"Settings", {{"Policies", json::array({networkAcl})}}}}
            .dump();
    };
    std::vector<double> aclAdd, aclRemove;
    for (unsigned i = 0; i < rounds; ++i) {
        start = Clock::now();
        check(engine.modify(ResourceKind::Network, *net, aclRequest("Add")), "add a network ACL");
        aclAdd.push_back(millisecondsSince(start));
        start = Clock::now();
        check(engine.modify(ResourceKind::Network, *net, aclRequest("Remove")), "remove the network ACL");
        aclRemove.push_back(millisecondsSince(start));
    }
    print(("network modify adding a NetworkACL to " + std::to_string(endpoints) + " endpoints").c_str(),
          summarize(aclAdd));
    print("network modify removing it", summarize(aclRemove));
    // 4. Overlay: remote endpoints (a forwarding entry to the other host, the bridge's static entry, a
    //    neighbour entry) on a network with a VXLAN device, VSID 4096.
    json overlayDoc = natNetwork("bench-overlay", "10.246.0.0/16", "10.246.0.1");
    overlayDoc["Type"] = "Overlay";
    overlayDoc["Ipams"][0]["Subnets"][0]["Policies"] = {
        {{"Type", "VSID"}, {"Settings", {{"IsolationId", 4096}}}}};
    auto overlay = engine.create(ResourceKind::Network, Guid{}, overlayDoc.dump(), 0);
    check(overlay.status(), "create the overlay network");
    auto remoteDoc = [](unsigned i) {
        char mac[18];
        std::snprintf(mac, sizeof mac, "02-01-00-%02X-%02X-%02X", (i >> 16) & 0xFF, (i >> 8) & 0xFF,
                      i & 0xFF);
        return v2({{"Flags", 1},
                   {"MacAddress", mac},
                   {"IpConfigurations", {{{"IpAddress", ipOf(i, 246)}}}},
                   {"Policies",
                    {{{"Type", "ProviderAddress"},
                      {"Settings", {{"ProviderAddress", "192.168.250." + std::to_string(2 + i % 250)}}}}}}})
            .dump();
    };
    std::vector<double> remoteAdd, remoteDel;
    for (unsigned i = 0; i < rounds; ++i) {
        start = Clock::now();
        auto ep = engine.create(ResourceKind::Endpoint, Guid{}, remoteDoc(i), *overlay);
        check(ep.status(), "create a remote endpoint");
        remoteAdd.push_back(millisecondsSince(start));
        start = Clock::now();
        check(engine.remove(ResourceKind::Endpoint, *engine.handleId(ResourceKind::Endpoint, *ep)),
              "delete it");
        remoteDel.push_back(millisecondsSince(start));
        (void)engine.close(ResourceKind::Endpoint, *ep);
    }
    start = Clock::now();
    for (unsigned i = 0; i < endpoints; ++i) {
        auto ep = engine.create(ResourceKind::Endpoint, Guid{}, remoteDoc(i), *overlay);
        check(ep.status(), "create a remote endpoint");
        (void)engine.close(ResourceKind::Endpoint, *ep);
    }
    const double remotesMs = millisecondsSince(start);
    start = Clock::now();
    auto oneMoreRemote = engine.create(ResourceKind::Endpoint, Guid{}, remoteDoc(endpoints), *overlay);
    check(oneMoreRemote.status(), "create one more remote endpoint");
    const double oneMoreRemoteMs = millisecondsSince(start);
    std::printf("\nOverlay (VXLAN, VSID 4096)\n");
    print("remote endpoint create (3 entries)", summarize(remoteAdd));
    print("remote endpoint delete", summarize(remoteDel));
    std::printf("%-58s %9.0f ms  (%.2f ms each)\n",
                (std::to_string(endpoints) + " remote endpoints created").c_str(), remotesMs,
                remotesMs / endpoints);
    std::printf("%-58s %9.2f ms\n", "one more remote endpoint", oneMoreRemoteMs);

    start = Clock::now();
    engine.shutdown(); // resets the datapath: every link, namespace and rule
    std::printf("%-58s %9.0f ms\n", "reset (service stop) removing all of it", millisecondsSince(start));
    if (!hcnLinks().empty() || !nftRuleset().empty())
        fail("the reset left something behind");
    (void)here->deleteLink("ul0");
    return 0;
}
