// Snapshot diff of two large hosts (docs/diff.md): host A of N objects (default 10,000): 4 L2Bridge
// networks, 80 % endpoints (IP configuration, DNS, OutBoundNAT; every tenth with two ACLs and a port
// mapping), 10 % namespaces of eight endpoints each, 10 % load balancers with three backends. Host B is
// A with about 1 % of the objects differing: endpoints removed, added, re-addressed, given a policy or an
// ACL action changed; load balancers losing backends; namespaces losing an endpoint. Measures
// hcn::diffObjects (best and median of 11 runs), diffHosts over two HostStates, and toJson of the
// result; parsing the snapshot text (parseHostSnapshot) is shown apart.
//
// With --new-ids every endpoint of B has a new ID (as after a re-import), references following: each is
// matched by name, and the namespaces and load balancers naming them compare through the new IDs.
//
// Usage: bench_diff [OBJECTS] [--new-ids] [--write DIR]   (--write saves a.json and b.json for hcnctl diff)

#include "bench_timing.h"
#include "hcn/host_state.h"
#include "hcn/snapshot_diff.h"
#include "large_host.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace {

using json = nlohmann::json;
using hcnbench::Clock;
using hcnbench::millisecondsSince;
using largehost::address;
using largehost::guid;

json endpoint(unsigned i, unsigned networks)
{
    const unsigned net = i % networks;
    json policies = json::array({{{"Type", "OutBoundNAT"},
                                  {"Settings", {{"Exceptions", {"10.0.0.0/8", "192.168.0.0/16"}}}}}});
    if (i % 10 == 0) {
        policies.push_back({{"Type", "ACL"},
                            {"Settings", {{"Id", "allow-" + std::to_string(i)}, {"Action", "Allow"},
                                          {"Direction", "In"}, {"Priority", 200}, {"RemotePorts", "80"}}}});
        policies.push_back({{"Type", "ACL"},
                            {"Settings", {{"Id", "deny-" + std::to_string(i)}, {"Action", "Block"},
                                          {"Direction", "In"}, {"Priority", 1000}}}});
        policies.push_back({{"Type", "PortMapping"},
                            {"Settings", {{"Protocol", "TCP"}, {"InternalPort", 80}, {"ExternalPort", 30000 + i % 2000}}}});
    }
    return {{"ID", guid(2, i)},
            {"Name", "pod-" + std::to_string(i)},
            {"HostComputeNetwork", guid(1, net)},
            {"HostComputeNamespace", guid(3, i / 8)},
            {"IpConfigurations", {{{"IpAddress", address(net, i / networks)}, {"PrefixLength", 18}}}},
            {"MacAddress", "00-15-5D-" + std::to_string(10 + i % 80) + "-00-01"},
            {"Dns", {{"ServerList", {"10.96.0.10"}}, {"Search", {"default.svc.cluster.local", "svc.cluster.local"}}}},
            {"Policies", policies},
            {"Flags", 0}};
}

struct Hosts
{
    json a;
    json b;
    unsigned differing = 0;
};

Hosts makeHosts(unsigned objects)
{
    const unsigned networks = 4;
    const unsigned endpoints = (objects - networks) * 8 / 10;
    const unsigned namespaces = (endpoints + 7) / 8;
    const unsigned balancers = objects - networks - endpoints - namespaces;
    Hosts h;
    json& a = h.a;
    for (const char* section : {"Networks", "Endpoints", "Namespaces", "LoadBalancers", "SdnRoutes", "GuestNetworkServices"})
        a[section] = json::array();
    for (unsigned n = 0; n < networks; ++n)
        a["Networks"].push_back(
            {{"ID", guid(1, n)},
             {"Name", "cbr" + std::to_string(n)},
             {"Type", "L2Bridge"},
             {"Flags", 0},
             {"Ipams", {{{"Type", "Static"},
                         {"Subnets", {{{"IpAddressPrefix", "10." + std::to_string(n * 4) + ".0.0/18"},
                                       {"Routes", {{{"NextHop", "10." + std::to_string(n * 4) + ".0.1"},
                                                    {"DestinationPrefix", "0.0.0.0/0"}}}}}}}}}},
             {"Dns", {{"ServerList", {"10.96.0.10"}}}}});
    for (unsigned i = 0; i < endpoints; ++i)
        a["Endpoints"].push_back(endpoint(i, networks));
    for (unsigned s = 0; s < namespaces; ++s) {
        json resources = json::array();
        for (unsigned i = s * 8; i < std::min(endpoints, s * 8 + 8); ++i)
            resources.push_back({{"Type", "Endpoint"}, {"Data", {{"ID", guid(2, i)}}}});
        a["Namespaces"].push_back({{"ID", guid(3, s)}, {"Type", "Host"}, {"NamespaceId", s + 2}, {"Resources", resources}});
    }
    for (unsigned l = 0; l < balancers; ++l)
        a["LoadBalancers"].push_back(
            {{"ID", guid(4, l)},
             {"HostComputeEndpoints", {guid(2, (l * 3) % endpoints), guid(2, (l * 3 + 1) % endpoints),
                                       guid(2, (l * 3 + 2) % endpoints)}},
             {"FrontendVIPs", {"10.96." + std::to_string(l / 250) + "." + std::to_string(l % 250 + 1)}},
             {"PortMappings", {{{"Protocol", 6}, {"InternalPort", 8080}, {"ExternalPort", 80}}}}});

    // B: about 1 % of the objects differ.
    json& b = h.b = a;
    const unsigned step = 100;
    json& eps = b["Endpoints"];
    for (unsigned i = 5; i < endpoints; i += step * 2) {
        eps[i]["IpConfigurations"][0]["IpAddress"] = address(9, i); // re-addressed
        ++h.differing;
    }
    for (unsigned i = 10; i < endpoints; i += step * 4) {
        eps[i]["Policies"][1]["Settings"]["Action"] = "Block"; // an ACL's action
        ++h.differing;
    }
    for (unsigned i = 55; i < endpoints; i += step * 4) {
        eps[i]["Policies"].push_back({{"Type", "L4Proxy"}, {"Settings", {{"Port", "15001"}}}}); // a policy added
        ++h.differing;
    }
    for (unsigned l = 7; l < balancers; l += step) {
        b["LoadBalancers"][l]["HostComputeEndpoints"].erase(1); // a backend gone
        ++h.differing;
    }
    for (unsigned s = 3; s < namespaces; s += step * 2) {
        b["Namespaces"][s]["Resources"].erase(0);
        ++h.differing;
    }
    // Removed endpoints (from the end, so the edits above stay on their objects) and new ones.
    for (unsigned k = 0; k < objects / 800; ++k) {
        eps.erase(eps.size() - 1 - k * 7);
        eps.push_back(endpoint(endpoints + k, networks));
        h.differing += 2;
    }
    return h;
}

double cpuMsSince(std::clock_t start)
{
    return 1000.0 * double(std::clock() - start) / CLOCKS_PER_SEC;
}

struct Stats
{
    double best = 0;
    double median = 0;
};

template <typename F>
Stats measure(int runs, F&& body, Stats* cpu = nullptr)
{
    std::vector<double> wall;
    std::vector<double> used;
    for (int r = 0; r < runs; ++r) {
        const auto start = Clock::now();
        const std::clock_t cpuStart = std::clock();
        body();
        wall.push_back(millisecondsSince(start));
        used.push_back(cpuMsSince(cpuStart));
    }
    std::sort(wall.begin(), wall.end());
    std::sort(used.begin(), used.end());
    if (cpu)
        *cpu = {used.front(), used[used.size() / 2]};
    return {wall.front(), wall[wall.size() / 2]};
}

} // namespace

int main(int argc, char** argv)
{
    unsigned objects = 10000;
    std::string writeDir;
    bool newIds = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--new-ids")
            newIds = true;
        else if (arg == "--write" && i + 1 < argc)
            writeDir = argv[++i];
        else
            objects = unsigned(std::max(100L, std::strtol(argv[i], nullptr, 10)));
    }
    const Hosts hosts = makeHosts(objects);
    const std::string textA = hosts.a.dump();
    std::string textB = hosts.b.dump();
    if (newIds) // endpoint IDs are "D1FF0002-...": give them another first group everywhere
        for (std::size_t at = textB.find("D1FF0002-"); at != std::string::npos; at = textB.find("D1FF0002-", at))
            textB.replace(at, 9, "D1FF0102-");
    if (!writeDir.empty()) {
        std::ofstream(writeDir + "/a.json") << textA;
        std::ofstream(writeDir + "/b.json") << textB;
    }

    std::vector<hcn::HostObject> a;
    std::vector<hcn::HostObject> b;
    const Stats parse = measure(5, [&] {
        a = *hcn::parseHostSnapshot(textA);
        b = *hcn::parseHostSnapshot(textB);
    });
    std::printf("hosts: %zu and %zu objects, %u edits (%.1f %%), %.1f + %.1f MB of snapshot text\n", a.size(),
                b.size(), hosts.differing, 100.0 * hosts.differing / double(a.size()), textA.size() / 1e6,
                textB.size() / 1e6);
    std::printf("parse both (parseHostSnapshot):  best %.1f ms, median %.1f ms\n", parse.best, parse.median);

    hcn::SnapshotDiff diff;
    Stats cpu;
    const Stats objectsDiff = measure(11, [&] { diff = hcn::diffObjects(a, b); }, &cpu);
    std::size_t added = 0, removed = 0, changed = 0, fieldChanges = 0;
    for (const hcn::DiffKindSummary& k : diff.kinds) {
        added += k.added;
        removed += k.removed;
        changed += k.changed;
    }
    for (const hcn::DiffObject& o : diff.objects)
        fieldChanges += o.changes.size();
    std::printf("diff: %zu added, %zu removed, %zu changed (%zu member changes)\n", added, removed, changed,
                fieldChanges);
    std::printf("diffObjects (target <= 200 ms): best %.1f ms, median %.1f ms (CPU best %.1f, median %.1f)\n",
                objectsDiff.best, objectsDiff.median, cpu.best, cpu.median);

    hcn::HostState stateA;
    hcn::HostState stateB;
    stateA.assign(a);
    stateB.assign(b);
    const Stats hostsDiff = measure(11, [&] { diff = hcn::diffHosts(stateA, stateB); });
    std::printf("diffHosts:                        best %.1f ms, median %.1f ms\n", hostsDiff.best, hostsDiff.median);
    std::size_t bytes = 0;
    const Stats toJson = measure(11, [&] { bytes = hcn::toJson(diff).dump().size(); });
    std::printf("toJson + dump (%zu bytes):        best %.1f ms, median %.1f ms\n", bytes, toJson.best, toJson.median);
    return diff.same() ? 1 : 0;
}
