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

/// hcnd on a temporary socket (HCND_PATH from the build), stopped when the program ends.
inline HcndChildProcess& service()
{
    static HcndChildProcess process;
    if (process.pid() <= 0) {
        std::string error;
        if (!process.start(HCND_PATH, {"--log-level", "warn"}, error)) {
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

inline std::string serviceSocket()
{
    return externalSocket() ? std::string(externalSocket()) : service().socketPath();
}

/// Stops the benchmark's own hcnd; the exit status of the program (0 when hcnd stopped cleanly).
inline int stopService()
{
    return externalSocket() || service().stop() == 0 ? 0 : 1;
}

inline std::unique_ptr<hcn::RpcClient> connectClient(const char* name)
{
    hcn::RpcClientOptions options;
    options.endpoint = serviceSocket();
    options.clientName = name;
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
inline long servicePid()
{
    return externalSocket() ? 0 : static_cast<long>(service().pid());
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
