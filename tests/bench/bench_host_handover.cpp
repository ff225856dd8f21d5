// What handing a copy of the host to another thread costs the thread that owns it: the console's
// checks, trace and live comparison take the mirror's host on the GUI thread and work on their own.
// Workload: the analysis benchmarks' host (large_host.h: N endpoints, default 10,000, over 4 L2Bridge
// networks, their namespaces and 1,100 load balancers; about 19,000 objects). Per run:
//   copy      HostState's copy constructor (the map and the membership indexes; documents shared)
//   shared    HostState::shared(): one reference per object, what the owner's thread pays now
//   rebuild   HostState(shared) on the receiving thread: the map and indexes built there
// Median and worst of R runs (default 21), wall time.
//
// Usage: bench_host_handover [ENDPOINTS] [RUNS]

#include "bench_timing.h"
#include "hcn/host_state.h"
#include "large_host.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace {

using hcnbench::Clock;
using hcnbench::millisecondsSince;
using hcnbench::percentile;

void report(const char* what, const std::vector<double>& samples)
{
    std::printf("%-44s median %7.3f ms, worst %7.3f ms\n", what, percentile(samples, 0.5),
                percentile(samples, 1));
}

} // namespace

int main(int argc, char** argv)
{
    const unsigned endpoints = argc > 1 ? unsigned(std::strtoul(argv[1], nullptr, 10)) : 10000;
    const unsigned runs = argc > 2 ? unsigned(std::strtoul(argv[2], nullptr, 10)) : 21;
    if (endpoints < 10 || runs < 1) {
        std::fprintf(stderr, "usage: bench_host_handover [ENDPOINTS>=10] [RUNS>=1]\n");
        return 2;
    }
    hcn::HostState host;
    host.assign(largehost::hostObjects(endpoints));
    std::printf("host: %u endpoints, %zu objects\n", endpoints, host.size());

    std::vector<double> copies, shares, rebuilds;
    std::size_t check = 0;
    for (unsigned run = 0; run < runs; ++run) {
        auto start = Clock::now();
        {
            const hcn::HostState copy(host);
            copies.push_back(millisecondsSince(start));
            check += copy.size();
        }
        start = Clock::now();
        const hcn::SharedHostObjects objects = host.shared();
        shares.push_back(millisecondsSince(start));
        start = Clock::now();
        const hcn::HostState rebuilt(objects);
        rebuilds.push_back(millisecondsSince(start));
        check += rebuilt.size();
    }
    if (check != std::size_t(2) * runs * host.size()) {
        std::fprintf(stderr, "bench_host_handover: a copy lost objects\n");
        return 1;
    }
    report("copy (HostState copy constructor)", copies);
    report("shared() on the owner's thread", shares);
    report("HostState(shared) on the receiving thread", rebuilds);
    return 0;
}
