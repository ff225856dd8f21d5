// Redacting a large host (docs/bundles.md): a snapshot of N objects (default 10,000): 4 L2Bridge
// networks with a /14 subnet each, 80 % endpoints (IP, MAC, DNS suffix and servers, OutBoundNAT, a name
// per pod), 10 % namespaces of eight endpoints, 10 % load balancers with a VIP and three backends.
// Measures Redactor::redactSnapshot on the parsed document with a fresh Redactor each run (best and
// median of 7), and, apart, the whole redacted bundle in memory (bundleFiles: redaction, v1 shapes,
// checks, manifest hashes) and its unredacted twin.
//
// Usage: bench_redact [OBJECTS]

#include "hcn/bundle.h"
#include "hcn/redaction.h"
#include "large_host.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace {

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;
using largehost::address;
using largehost::guid;

std::string mac(unsigned n)
{
    char text[20];
    std::snprintf(text, sizeof text, "00-15-5D-%02X-%02X-%02X", (n >> 16) & 0xFF, (n >> 8) & 0xFF, n & 0xFF);
    return text;
}

json host(unsigned objects)
{
    const unsigned networks = 4;
    const unsigned endpoints = objects * 8 / 10, namespaces = objects / 10, lbs = objects - endpoints - namespaces - networks;
    json doc{{"HnsVersion", {{"Major", 15}, {"Minor", 4}}}, {"SchemaVersion", {{"Major", 2}, {"Minor", 16}}}};
    for (unsigned n = 0; n < networks; ++n)
        doc["Networks"].push_back(
            {{"ID", guid(1, n)}, {"Name", "cbr" + std::to_string(n)}, {"Type", "L2Bridge"},
             {"Ipams", {{{"Type", "Static"},
                         {"Subnets", {{{"IpAddressPrefix", "10." + std::to_string(n * 4) + ".0.0/14"},
                                       {"Routes", {{{"NextHop", address(n, 0) }, {"DestinationPrefix", "0.0.0.0/0"}}}}}}}}}},
             {"MacPool", {{"Ranges", {{{"StartMacAddress", "00-15-5D-00-00-00"}, {"EndMacAddress", "00-15-5D-FF-FF-FF"}}}}}},
             {"Dns", {{"Domain", "cluster.local"}, {"Search", {"svc.cluster.local", "cluster.local"}}}}});
    for (unsigned e = 0; e < endpoints; ++e) {
        const unsigned n = e % networks;
        doc["Endpoints"].push_back(
            {{"ID", guid(2, e)}, {"Name", "pod-" + std::to_string(e) + "-x7k2q"}, {"HostComputeNetwork", guid(1, n)},
             {"HostComputeNamespace", guid(3, e / 8)},
             {"IpConfigurations", {{{"IpAddress", address(n, e / networks + 10)}, {"PrefixLength", 14}}}},
             {"MacAddress", mac(e)},
             {"Dns", {{"Search", {"default.svc.cluster.local", "svc.cluster.local"}}, {"ServerList", {"10.96.0.10"}}}},
             {"Policies", {{{"Type", "OutBoundNAT"}, {"Settings", {{"Exceptions", {"10.0.0.0/8", "192.168.0.0/16"}}}}}}},
             {"Flags", 0}});
    }
    for (unsigned s = 0; s < namespaces; ++s) {
        json members = json::array();
        for (unsigned k = 0; k < 8 && s * 8 + k < endpoints; ++k)
            members.push_back(guid(2, s * 8 + k));
        doc["Namespaces"].push_back({{"ID", guid(3, s)}, {"Type", "HostDefault"}, {"Resources", {{"Endpoints", members}}}});
    }
    for (unsigned l = 0; l < lbs; ++l)
        doc["LoadBalancers"].push_back(
            {{"ID", guid(4, l)},
             {"HostComputeEndpoints", {guid(2, l * 3 % endpoints), guid(2, (l * 3 + 1) % endpoints), guid(2, (l * 3 + 2) % endpoints)}},
             {"FrontendVIPs", {"10.96." + std::to_string(l / 256) + "." + std::to_string(l % 256)}},
             {"PortMappings", {{{"Protocol", 6}, {"InternalPort", 8080}, {"ExternalPort", 80}}}}});
    return doc;
}

double millis(Clock::duration d)
{
    return std::chrono::duration<double, std::milli>(d).count();
}

} // namespace

int main(int argc, char** argv)
{
    const unsigned objects = argc > 1 ? unsigned(std::strtoul(argv[1], nullptr, 10)) : 10000;
    const json doc = host(objects);
    const std::string text = doc.dump();
    const auto key = *hcn::io::RedactionKey::fromText("bench key");
    std::vector<double> runs;
    std::size_t replaced = 0;
    for (int run = 0; run < 7; ++run) {
        json copy = doc;
        hcn::io::Redactor redactor(key);
        const auto start = Clock::now();
        redactor.redactSnapshot(copy);
        runs.push_back(millis(Clock::now() - start));
        const json mapping = redactor.mapping();
        replaced = mapping["IPv4"].size() + mapping["MAC"].size() + mapping["GUID"].size() + mapping["Names"].size();
    }
    std::sort(runs.begin(), runs.end());
    std::printf("host: %u objects, %.1f MB of snapshot text; %zu distinct values replaced\n", objects,
                double(text.size()) / 1e6, replaced);
    std::printf("redactSnapshot: best %.1f ms, median %.1f ms (7 runs)\n", runs.front(), runs[runs.size() / 2]);

    for (bool redact : {true, false}) {
        hcn::io::Redactor redactor(key);
        hcn::io::BundleInput input;
        input.snapshotText = text;
        input.redactor = redact ? &redactor : nullptr;
        const auto start = Clock::now();
        auto files = hcn::io::bundleFiles(input);
        const double ms = millis(Clock::now() - start);
        std::size_t bytes = 0;
        if (files.ok())
            for (const auto& f : *files)
                bytes += f.second.size();
        std::printf("bundleFiles (%s): %.1f ms, %.1f MB in %zu files\n", redact ? "redacted" : "not redacted", ms,
                    double(bytes) / 1e6, files.ok() ? files->size() : 0);
    }
    return 0;
}
