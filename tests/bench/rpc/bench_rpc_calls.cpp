// Small-call throughput through hcnd: HcnQueryNetworkProperties on an open handle, HcnOpenNetwork +
// HcnCloseNetwork pairs, and hcnd.ping (the bare round trip, no engine work), from 1 and from 8 client
// connections at once (one thread and one RpcClient each), against the same HCN calls on an in-process
// engine for reference; with hcnd and its clients sleeping at once and staying awake
// 50 us (hcnd --keep-awake, RpcClientOptions::spinBeforeBlocking: the defaults), side by side.
// Usage: bench_rpc_calls [calls=100000] [maxThreads=8]

#include "hcn/embedded_api.h"
#include "rpc_bench_support.h"

#include <atomic>
#include <barrier>
#include <thread>

namespace {

using hcn::ResourceKind;

enum class Workload
{
    Query,
    OpenClose,
    Ping ///< RpcClient only
};

constexpr const char* kNetwork =
    R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"bench-calls","Type":"NAT",
        "Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"172.20.0.0/16"}]}]})";

struct Measured
{
    double callsPerSecond = 0;
    /// Context switches per call in this process and in hcnd (negative: unknown).
    double clientSwitches = -1;
    double serviceSwitches = -1;
};

/// Runs `calls` HCN calls split over `apis.size()` threads (thread i uses apis[i]).
/// `hcnd` is the service's pid for its context switches (0: none).
Measured run(const std::vector<hcn::Api*>& apis, const hcn::Guid& network, Workload workload, int calls,
             long hcnd)
{
    const int threads = static_cast<int>(apis.size());
    // The clock is read by the barrier's completion step, which runs before any thread is released: a
    // timestamp taken by the main thread after the barrier could come late on two busy cores.
    std::vector<bench::Clock::time_point> marks;
    marks.reserve(2);
    std::vector<long long> clientSwitches, serviceSwitches;
    clientSwitches.reserve(2);
    serviceSwitches.reserve(2);
    // Reading /proc stays outside the timed span: before the start mark, after the end mark.
    auto countSwitches = [&] {
        clientSwitches.push_back(bench::contextSwitches(static_cast<long>(getpid())));
        serviceSwitches.push_back(hcnd > 0 ? bench::contextSwitches(hcnd) : -1);
    };
    auto mark = [&]() noexcept {
        if (marks.empty())
            countSwitches();
        marks.push_back(bench::Clock::now());
        if (marks.size() == 2)
            countSwitches();
    };
    std::barrier ready(threads + 1, mark);
    std::atomic<bool> failed{false};
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&, t] {
            hcn::Api& api = *apis[static_cast<std::size_t>(t)];
            auto handle = api.open(ResourceKind::Network, network);
            bench::check(handle, "HcnOpenNetwork");
            ready.arrive_and_wait();
            // Each open+close pair is two calls.
            const int mine = calls / threads / (workload == Workload::OpenClose ? 2 : 1);
            for (int i = 0; i < mine; ++i) {
                if (workload == Workload::Query) {
                    auto document = api.query(ResourceKind::Network, *handle, "");
                    if (!document.ok())
                        failed = true;
                } else if (workload == Workload::Ping) {
                    if (!static_cast<hcn::RpcClient&>(api).call("hcnd.ping", "{}").ok())
                        failed = true;
                } else {
                    auto opened = api.open(ResourceKind::Network, network);
                    if (!opened.ok() || !api.close(ResourceKind::Network, *opened).ok())
                        failed = true;
                }
            }
            ready.arrive_and_wait();
            (void)api.close(ResourceKind::Network, *handle);
        });
    }
    ready.arrive_and_wait(); // start
    ready.arrive_and_wait(); // every thread is done
    const double seconds = std::chrono::duration<double>(marks[1] - marks[0]).count();
    for (auto& thread : pool)
        thread.join();
    if (failed) {
        std::fprintf(stderr, "a call failed during the run\n");
        std::exit(1);
    }
    const int perThread = calls / threads / (workload == Workload::OpenClose ? 2 : 1);
    const int done = perThread * threads * (workload == Workload::OpenClose ? 2 : 1);
    Measured measured;
    measured.callsPerSecond = done / seconds;
    if (clientSwitches[0] >= 0 && clientSwitches[1] >= 0)
        measured.clientSwitches = double(clientSwitches[1] - clientSwitches[0]) / done;
    if (serviceSwitches[0] >= 0 && serviceSwitches[1] >= 0)
        measured.serviceSwitches = double(serviceSwitches[1] - serviceSwitches[0]) / done;
    return measured;
}

const char* workloadName(Workload workload)
{
    switch (workload) {
    case Workload::Query:
        return "HcnQueryNetworkProperties";
    case Workload::OpenClose:
        return "HcnOpenNetwork+HcnCloseNetwork";
    case Workload::Ping:
        break;
    }
    return "hcnd.ping";
}

} // namespace

int main(int argc, char** argv)
{
    const int calls = argc > 1 ? std::atoi(argv[1]) : 100000;
    const int maxThreads = argc > 2 ? std::atoi(argv[2]) : 8;
    std::vector<int> threadCounts{1};
    if (maxThreads > 1)
        threadCounts.push_back(maxThreads);

    // In-process reference: one engine shared by the threads.
    hcn::EmbeddedApi embedded;
    auto local = embedded.create(ResourceKind::Network, {}, kNetwork, 0);
    bench::check(local, "HcnCreateNetwork (embedded)");
    auto localId = embedded.handleId(ResourceKind::Network, *local);
    bench::check(localId, "handleId (embedded)");

    std::printf("%d calls per run\n", calls);
    // With HCN_BENCH_SOCKET only the client's defaults (staying awake) are measured.
    std::vector<bench::Waiting> modes{bench::Waiting::StayAwake};
    if (!bench::externalSocket())
        modes.insert(modes.begin(), bench::Waiting::Sleep);
    for (const bench::Waiting waiting : modes) {
        // Through hcnd: one connection per thread.
        auto admin = bench::connectClient("bench_rpc_calls/admin", waiting);
        auto created = admin->create(ResourceKind::Network, {}, kNetwork, 0);
        bench::check(created, "HcnCreateNetwork");
        auto networkId = admin->handleId(ResourceKind::Network, *created);
        bench::check(networkId, "handleId");
        std::vector<std::unique_ptr<hcn::RpcClient>> clients;
        for (int t = 0; t < maxThreads; ++t)
            clients.push_back(bench::connectClient("bench_rpc_calls", waiting));

        std::printf("hcnd and clients %s, hcnd at %s\n", bench::waitingName(waiting),
                    bench::serviceSocket(waiting).c_str());
        for (Workload workload : {Workload::Query, Workload::OpenClose, Workload::Ping}) {
            for (int threads : threadCounts) {
                std::vector<hcn::Api*> remote, inProcess;
                for (int t = 0; t < threads; ++t) {
                    remote.push_back(clients[static_cast<std::size_t>(t)].get());
                    inProcess.push_back(&embedded);
                }
                const Measured viaService =
                    run(remote, *networkId, workload, calls, bench::servicePid(waiting));
                std::printf("  %-32s %d connection(s): %8.0f calls/s through hcnd (%.1f us per call and "
                            "connection; context switches per call: client %.2f, hcnd %.2f)",
                            workloadName(workload), threads, viaService.callsPerSecond,
                            1e6 * threads / viaService.callsPerSecond, viaService.clientSwitches,
                            viaService.serviceSwitches);
                if (workload != Workload::Ping)
                    std::printf("   in-process engine: %9.0f calls/s",
                                run(inProcess, *localId, workload, calls, 0).callsPerSecond);
                std::printf("\n");
            }
        }
        clients.clear();
        (void)admin->close(ResourceKind::Network, *created);
    }
    return bench::stopService();
}
