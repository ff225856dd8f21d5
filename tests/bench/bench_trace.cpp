// Reachability traces on a large host (tests/bench/large_host.h: N endpoints, default 10,000, over 4
// L2Bridge networks with ACLs, OutBoundNAT, remote endpoints, 1,000 ClusterIP load balancers with three
// backends and 100 node ports). Measures building the tracer's index once (ReachabilityTracer's
// constructor: the facts of every object), then T traces (default 20,000) of a mix of requests: pod to
// pod by name and by ID, pod to a ClusterIP VIP (three backends followed), pod to a remote pod, pod to
// the internet, pod to a node port on a host address. Reports traces per second and ms per trace
// (median, p99, max), and the first trace including the index build. With --lb-flags the load
// balancers carry flags the trace models (DSR, SourceVIP, PreserveDIP, session affinity). With
// --from-host every trace starts at the host itself (`host`, sending from the node's address
// 192.168.0.10) and the load balancers carry LocalRoutedVIP, so VIPs answer it.
//
// Usage: bench_trace [ENDPOINTS] [TRACES] [--lb-flags | --from-host]

#include "bench_timing.h"
#include "hcn/reachability_trace.h"
#include "large_host.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <random>
#include <string>
#include <vector>

namespace {

using namespace largehost;
using hcnbench::Clock;
using hcnbench::cpuMilliseconds;
using hcnbench::millisecondsSince;
using hcnbench::percentile;

/// A local endpoint index (remote ones are every fifth, i % 5 == 4).
unsigned localPod(std::mt19937& random, unsigned endpoints)
{
    unsigned i = unsigned(random() % endpoints);
    return i % 5 == 4 ? i - 1 : i;
}

hcn::TraceRequest requestOf(unsigned kind, std::mt19937& random, unsigned endpoints, bool fromHost)
{
    hcn::TraceRequest r;
    const unsigned source = localPod(random, endpoints);
    r.source = fromHost     ? std::string(hcn::kTraceHostSource)
               : source % 2 ? "pod-" + std::to_string(source)
                            : guid(2, source);
    if (fromHost)
        r.hostAddresses = {"192.168.0.10"};
    switch (kind) {
    case 0: // pod to pod of the same network, by name
        r.destination = "pod-" + std::to_string((localPod(random, endpoints) / kNetworks) * kNetworks +
                                                source % kNetworks);
        r.port = 8080;
        break;
    case 1: { // a ClusterIP VIP
        const unsigned n = unsigned(random() % 1000);
        r.destination = "10.96." + std::to_string(n / 250) + "." + std::to_string(n % 250 + 1);
        r.port = 80;
        break;
    }
    case 2: // a remote pod, by ID
        r.destination = guid(2, (unsigned(random() % (endpoints / 5))) * 5 + 4);
        break;
    case 3: // the internet
        r.destination = "8.8.8.8";
        r.port = 443;
        break;
    default: // a node port on the host address the port mappings name
        r.destination = "192.168.0.10";
        r.port = std::uint16_t(30000 + 1000 + random() % 100);
        break;
    }
    return r;
}

/// --lb-flags: a quarter of the load balancers each with DSR, a SourceVIP (no DSR), PreserveDIP with
/// DSR, session affinity by source IP.
json withFlags(json lb)
{
    const std::string& id = lb["ID"].get_ref<const std::string&>();
    switch (std::strtoul(id.substr(id.size() - 4).c_str(), nullptr, 16) % 4) {
    case 0:
        lb["Flags"] = 1;
        break;
    case 1:
        lb["SourceVIP"] = "10.244.255.250";
        break;
    case 2:
        lb["Flags"] = 1;
        lb["PortMappings"][0]["Flags"] = 8;
        break;
    default:
        lb["PortMappings"][0]["DistributionType"] = 2;
        break;
    }
    return lb;
}

} // namespace

int main(int argc, char** argv)
{
    const unsigned endpoints = argc > 1 ? unsigned(std::strtoul(argv[1], nullptr, 10)) : 10000;
    const unsigned traces = argc > 2 ? unsigned(std::strtoul(argv[2], nullptr, 10)) : 20000;
    const bool lbFlags = argc > 3 && std::string(argv[3]) == "--lb-flags";
    const bool fromHost = argc > 3 && std::string(argv[3]) == "--from-host";

    std::vector<hcn::HostObject> objects = hostObjects(endpoints);
    if (lbFlags)
        for (hcn::HostObject& o : objects)
            if (o.kind == hcn::ResourceKind::LoadBalancer)
                o.document = std::make_shared<const json>(withFlags(*o.document));
    if (fromHost)
        for (hcn::HostObject& o : objects)
            if (o.kind == hcn::ResourceKind::LoadBalancer) {
                json lb = *o.document;
                for (json& mapping : lb["PortMappings"])
                    mapping["Flags"] = 2; // LocalRoutedVIP
                o.document = std::make_shared<const json>(std::move(lb));
            }
    hcn::HostState state;
    (void)state.assign(std::move(objects));

    std::vector<double> builds, buildsCpu;
    for (int run = 0; run < 5; ++run) {
        const auto start = Clock::now();
        const double cpuStart = cpuMilliseconds();
        hcn::ReachabilityTracer tracer(state);
        buildsCpu.push_back(cpuMilliseconds() - cpuStart);
        builds.push_back(millisecondsSince(start));
    }
    const auto firstStart = Clock::now();
    hcn::ReachabilityTracer tracer(state);
    std::mt19937 random(7);
    (void)tracer.trace(requestOf(1, random, endpoints, fromHost));
    const double first = millisecondsSince(firstStart);

    const char* const kPodKinds[] = {"pod to pod", "pod to VIP (3 backends)", "pod to remote pod",
                                     "pod to internet", "pod to node port"};
    const char* const kHostKinds[] = {"host to pod", "host to VIP (3 backends)", "host to remote pod",
                                      "host to internet", "host to node port"};
    const char* const* kKinds = fromHost ? kHostKinds : kPodKinds;
    std::vector<std::vector<double>> times(5);
    std::vector<std::size_t> verdicts(3);
    std::size_t hops = 0;
    const auto start = Clock::now();
    const double cpuStart = cpuMilliseconds();
    for (unsigned t = 0; t < traces; ++t) {
        const unsigned kind = t % 5;
        const hcn::TraceRequest request = requestOf(kind, random, endpoints, fromHost);
        const auto one = Clock::now();
        auto result = tracer.trace(request);
        times[kind].push_back(millisecondsSince(one));
        if (!result.ok()) {
            std::fprintf(stderr, "trace %s -> %s failed: %s\n", request.source.c_str(),
                         request.destination.c_str(), result.status().detail().c_str());
            return 1;
        }
        ++verdicts[std::size_t(result->verdict)];
        hops += result->hops.size();
    }
    const double wall = millisecondsSince(start);
    const double cpu = cpuMilliseconds() - cpuStart;

    std::printf("host: %u endpoints (%u remote), %zu namespaces, %u networks, %u load balancers\n", endpoints,
                endpoints / 5, state.count(hcn::ResourceKind::Namespace), kNetworks, kLoadBalancers);
    std::printf(
        "index build (ReachabilityTracer constructor): best %.1f ms, median %.1f ms (CPU median %.1f ms)\n",
        *std::min_element(builds.begin(), builds.end()), percentile(builds, 0.5), percentile(buildsCpu, 0.5));
    std::printf("first trace including the index build: %.1f ms\n", first);
    std::vector<double> all;
    for (unsigned k = 0; k < 5; ++k) {
        std::printf("%-26s median %.4f ms, p99 %.4f ms, max %.4f ms (%zu traces)\n", kKinds[k],
                    percentile(times[k], 0.5), percentile(times[k], 0.99),
                    times[k].empty() ? 0.0 : *std::max_element(times[k].begin(), times[k].end()),
                    times[k].size());
        all.insert(all.end(), times[k].begin(), times[k].end());
    }
    std::printf("all traces: %u in %.1f ms wall (%.1f ms CPU): %.0f traces/s, median %.4f ms, p99 %.4f ms; "
                "%.1f hops per trace; verdicts: %zu delivered, %zu dropped, %zu translated\n",
                traces, wall, cpu, traces / (wall / 1000.0), percentile(all, 0.5), percentile(all, 0.99),
                traces ? double(hops) / traces : 0.0, verdicts[0], verdicts[1], verdicts[2]);
    return 0;
}
