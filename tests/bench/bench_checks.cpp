// Health checks on a large host: N endpoints (default 10,000) over 4 L2Bridge networks, each local
// endpoint in its own namespace with OutBoundNAT exceptions, every tenth one with ACLs and a port
// mapping, a fifth of them remote with a provider address; 1,000 ClusterIP load balancers with three
// backends each and 100 node ports. Measures the whole check (HealthChecker::assign, best and median
// of 5) and the update after one event (HealthChecker::update after HostState::apply) for endpoint
// creates, changes and deletes, load balancer changes and namespace attaches: median and p99 per kind.
//
// With --faults, a share of the host is broken so the findings themselves cost something: every 50th
// local endpoint leaked (no namespace), every 97th on its neighbour's address, every 20th load balancer
// naming a deleted backend.
//
// Usage: bench_checks [ENDPOINTS] [EVENTS] [--faults]

#include "bench_timing.h"
#include "hcn/health_checks.h"
#include "hcn/host_state.h"
#include "large_host.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

namespace {

using namespace largehost;
using json = nlohmann::json;
using hcnbench::Clock;
using hcnbench::cpuMilliseconds;
using hcnbench::millisecondsSince;
using hcnbench::percentile;

hcn::ParsedNotification event(hcn::HostUpdate::Op op, hcn::ResourceKind kind, const json& document)
{
    hcn::ParsedNotification p;
    hcn::HostUpdate update;
    update.op = op;
    update.kind = kind;
    update.id = hcn::canonicalObjectId(document["ID"].get<std::string>());
    if (op != hcn::HostUpdate::Op::Delete)
        update.document = std::make_shared<const json>(document);
    p.updates.push_back(std::move(update));
    return p;
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> numbers;
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]) == "--faults")
            g_faults = true;
        else
            numbers.push_back(argv[i]);
    }
    const unsigned endpoints =
        numbers.size() > 0 ? unsigned(std::strtoul(numbers[0].c_str(), nullptr, 10)) : 10000;
    const unsigned events =
        numbers.size() > 1 ? unsigned(std::strtoul(numbers[1].c_str(), nullptr, 10)) : 2000;
    hcn::HostState state;
    (void)state.assign(hostObjects(endpoints));

    std::vector<double> full, fullCpu;
    std::size_t findings = 0;
    for (int run = 0; run < 5; ++run) {
        hcn::HealthChecker checker;
        checker.setHnsVersion(hcn::SchemaVersion{15, 4});
        const auto start = Clock::now();
        const double cpuStart = cpuMilliseconds();
        checker.assign(state);
        fullCpu.push_back(cpuMilliseconds() - cpuStart);
        full.push_back(millisecondsSince(start));
        findings = checker.findings().size();
    }
    std::printf(
        "host: %u endpoints (%u remote), %zu namespaces, %u networks, %u load balancers; %zu findings\n",
        endpoints, endpoints / 5, state.count(hcn::ResourceKind::Namespace), kNetworks, kLoadBalancers,
        findings);
    std::printf(
        "full check (assign): best %.1f ms, median %.1f ms (CPU time: best %.1f ms, median %.1f ms)\n",
        *std::min_element(full.begin(), full.end()), percentile(full, 0.5),
        *std::min_element(fullCpu.begin(), fullCpu.end()), percentile(fullCpu, 0.5));

    hcn::HealthChecker checker;
    checker.setHnsVersion(hcn::SchemaVersion{15, 4});
    checker.assign(state);
    std::mt19937 random(42);
    const char* const kKinds[] = {"endpoint create", "endpoint change", "endpoint delete",
                                  "load balancer change", "namespace attach"};
    std::vector<std::vector<double>> times(5);
    unsigned next = endpoints;
    using Op = hcn::HostUpdate::Op;
    using K = hcn::ResourceKind;
    std::vector<double> wholeList;
    std::size_t delta = 0;
    std::size_t listedFindings = 0;
    for (unsigned e = 0; e < events; ++e) {
        const unsigned kind = e % 5;
        hcn::ParsedNotification p;
        switch (kind) {
        case 0:
            p = event(Op::Create, K::Endpoint, endpointDocument(next++, endpoints, 0));
            break;
        case 1:
            p = event(Op::Modify, K::Endpoint, endpointDocument(random() % endpoints, endpoints, 1));
            break;
        case 2:
            p = event(Op::Delete, K::Endpoint, endpointDocument(random() % endpoints, endpoints));
            break;
        case 3:
            p = event(Op::Modify, K::LoadBalancer,
                      loadBalancerDocument(random() % kLoadBalancers, endpoints, e));
            break;
        default:
            p = event(Op::Create, K::Namespace, namespaceDocument(next - 1));
            break;
        }
        const auto changes = state.apply(p);
        const auto start = Clock::now();
        const hcn::FindingChanges changed = checker.update(state, changes);
        times[kind].push_back(millisecondsSince(start));
        delta += changed.removed.size() + changed.added.size();
        // What a view of the findings paid to follow an event before update() said what changed: the
        // whole list read and sorted again (every 10th event, to keep the run short).
        if (e % 10 == 0) {
            const auto readStart = Clock::now();
            const std::size_t listed = checker.findings().size();
            wholeList.push_back(millisecondsSince(readStart));
            listedFindings = std::max(listedFindings, listed);
        }
    }
    std::vector<double> all;
    for (unsigned k = 0; k < 5 && events >= 5; ++k) {
        std::printf("update after one %-20s median %.3f ms, p99 %.3f ms, max %.3f ms (%zu events)\n",
                    kKinds[k], percentile(times[k], 0.5), percentile(times[k], 0.99),
                    *std::max_element(times[k].begin(), times[k].end()), times[k].size());
        all.insert(all.end(), times[k].begin(), times[k].end());
    }
    std::printf("update after one event (all kinds): median %.3f ms, p99 %.3f ms\n", percentile(all, 0.5),
                percentile(all, 0.99));
    std::printf(
        "following the findings: update() returns the changes (%.2f findings per event on average, "
        "included above); reading the whole list instead (%zu findings): median %.3f ms, p99 %.3f ms\n",
        events ? double(delta) / events : 0.0, listedFindings, percentile(wholeList, 0.5),
        percentile(wholeList, 0.99));
    return 0;
}
