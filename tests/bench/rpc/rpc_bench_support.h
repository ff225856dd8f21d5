#pragma once
// Shared by the hcnd benchmarks: start the service, connect clients, summarize samples.

#include "hcn/rpc_client.h"
#include "hcnd_child_process.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <dirent.h>
#include <fstream>
#include <memory>
#include <string>
#include <unistd.h>
#include <vector>

namespace bench {

using Clock = std::chrono::steady_clock;

inline double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

/// Exits the program with a message when a call failed: a benchmark of failing calls measures nothing.
template <typename R> void check(const R& result, const char* what)
{
    if (result.ok())
        return;
    std::fprintf(stderr, "%s failed: %s\n", what, result.status().message().c_str());
    std::exit(1);
}

/// How the benchmark's hcnd and its clients wait for each other: both sleep at once (hcnd --keep-awake
/// 0, RpcClientOptions::spinBeforeBlocking 0), or both stay awake briefly (50 us each, the defaults).
/// The benchmarks run both side by side.
enum class Waiting
{
    Sleep,
    StayAwake
};

inline const char* waitingName(Waiting waiting)
{
    return waiting == Waiting::Sleep ? "sleeping at once" : "staying awake 50 us (defaults)";
}

/// The benchmark's hcnd for `waiting`, started or not.
inline HcndChildProcess& serviceProcess(Waiting waiting)
{
    static HcndChildProcess processes[2];
    return processes[waiting == Waiting::Sleep ? 0 : 1];
}

/// hcnd on a temporary socket (HCND_PATH from the build), one per Waiting, stopped when the program ends.
inline HcndChildProcess& service(Waiting waiting = Waiting::StayAwake)
{
    HcndChildProcess& process = serviceProcess(waiting);
    if (process.pid() <= 0) {
        std::vector<std::string> args{"--log-level", "warn"};
        if (waiting == Waiting::Sleep)
            args.insert(args.end(), {"--keep-awake", "0"});
        std::string error;
        if (!process.start(HCND_PATH, args, error)) {
            std::fprintf(stderr, "cannot start hcnd: %s\n", error.c_str());
            std::exit(1);
        }
    }
    return process;
}

/// HCN_BENCH_SOCKET names an hcnd started by hand (for profiling it, e.g. under valgrind); otherwise the
/// benchmark starts its own.
inline const char* externalSocket()
{
    const char* socket = std::getenv("HCN_BENCH_SOCKET");
    return socket && *socket ? socket : nullptr;
}

inline std::string serviceSocket(Waiting waiting = Waiting::StayAwake)
{
    return externalSocket() ? std::string(externalSocket()) : service(waiting).socketPath();
}

/// Stops the benchmark's own hcnd(s) that were started; the exit status of the program (0 when each
/// stopped cleanly).
inline int stopService()
{
    if (externalSocket())
        return 0;
    int status = 0;
    for (Waiting waiting : {Waiting::Sleep, Waiting::StayAwake}) {
        if (serviceProcess(waiting).pid() > 0 && serviceProcess(waiting).stop() != 0)
            status = 1;
    }
    return status;
}

inline std::unique_ptr<hcn::RpcClient> connectClient(const char* name, Waiting waiting = Waiting::StayAwake)
{
    hcn::RpcClientOptions options;
    options.endpoint = serviceSocket(waiting);
    options.clientName = name;
    if (waiting == Waiting::Sleep)
        options.spinBeforeBlocking = std::chrono::microseconds(0);
    auto client = hcn::RpcClient::connect(std::move(options));
    check(client, "RpcClient::connect");
    return std::move(*client);
}

/// Context switches (voluntary and involuntary) of every thread of process `pid` so far: the thread
/// hand-offs a workload costs. -1 when /proc cannot tell.
inline long long contextSwitches(long pid)
{
    const std::string tasks = "/proc/" + std::to_string(pid) + "/task";
    DIR* dir = opendir(tasks.c_str());
    if (!dir)
        return -1;
    long long total = 0;
    while (const dirent* entry = readdir(dir)) {
        if (entry->d_name[0] == '.')
            continue;
        std::ifstream status(tasks + "/" + entry->d_name + "/status");
        std::string line;
        while (std::getline(status, line)) {
            if (line.rfind("voluntary_ctxt_switches:", 0) == 0 ||
                line.rfind("nonvoluntary_ctxt_switches:", 0) == 0)
                total += std::atoll(line.c_str() + line.find(':') + 1);
        }
    }
    closedir(dir);
    return total;
}

/// The benchmark's own hcnd's pid, or 0 with an external one.
inline long servicePid(Waiting waiting = Waiting::StayAwake)
{
    return externalSocket() ? 0 : static_cast<long>(service(waiting).pid());
}

/// The q-quantile (0..1) of `samples` (sorted in place), nearest rank.
inline double quantile(std::vector<double>& samples, double q)
{
    if (samples.empty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const auto rank = static_cast<std::size_t>(q * static_cast<double>(samples.size() - 1) + 0.5);
    return samples[std::min(rank, samples.size() - 1)];
}

} // namespace bench
