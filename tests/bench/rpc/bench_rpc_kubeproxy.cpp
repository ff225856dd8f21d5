// The kube-proxy workload of tests/bench/bench_kubeproxy.cpp (one overlay network, 5,000 remote endpoints,
// 2,000 load balancers, each create followed by a properties query, as hcsshim does) through hcnd and on
// an in-process engine, in the same run, with the ratio:
//   1. through hcn::Api: hcn::EmbeddedApi against hcn::RpcClient;
//   2. through the C API: bench_kubeproxy as it is, and again with HCN_SERVICE_SOCKET pointing at hcnd.
// Usage: bench_rpc_kubeproxy [remoteEndpoints=5000] [loadBalancers=2000]

#include "hcn/embedded_api.h"
#include "kubeproxy_documents.h"
#include "rpc_bench_support.h"

#include <array>
#include <nlohmann/json.hpp>

namespace {

using hcn::ResourceKind;

struct Timing
{
    double endpoints = 0;
    double total = 0;
};

Timing kubeProxyWorkload(hcn::Api& api, int remoteCount, int lbCount, const char* networkName)
{
    const auto start = bench::Clock::now();
    auto network = api.create(ResourceKind::Network, {}, kubeproxy::networkDocument(networkName), 0);
    bench::check(network, "HcnCreateNetwork");

    std::vector<std::string> endpoints;
    endpoints.reserve(static_cast<std::size_t>(remoteCount));
    for (int i = 0; i < remoteCount; ++i) {
        const std::string doc = kubeproxy::remoteEndpointDocument(i);
        auto endpoint = api.create(ResourceKind::Endpoint, {}, doc, *network);
        bench::check(endpoint, "HcnCreateEndpoint");
        auto properties = api.query(ResourceKind::Endpoint, *endpoint, "");
        bench::check(properties, "HcnQueryEndpointProperties");
        // hcsshim reads the ID back from the properties document.
        const auto at = properties->find("\"ID\":\"");
        endpoints.push_back(properties->substr(at + 6, 36));
        (void)api.close(ResourceKind::Endpoint, *endpoint);
    }
    Timing timing;
    timing.endpoints = bench::secondsSince(start);

    for (int i = 0; i < lbCount; ++i) {
        const std::string doc = kubeproxy::loadBalancerDocument(i, endpoints);
        auto lb = api.create(ResourceKind::LoadBalancer, {}, doc, 0);
        bench::check(lb, "HcnCreateLoadBalancer");
        auto properties = api.query(ResourceKind::LoadBalancer, *lb, "");
        bench::check(properties, "HcnQueryLoadBalancerProperties");
        (void)api.close(ResourceKind::LoadBalancer, *lb);
    }
    (void)api.close(ResourceKind::Network, *network);
    timing.total = bench::secondsSince(start);
    return timing;
}

void print(const char* what, const Timing& t)
{
    std::printf("  %-40s total %.3f s (endpoints %.3f s, load balancers %.3f s)\n", what, t.total,
                t.endpoints, t.total - t.endpoints);
}

#ifdef BENCH_KUBEPROXY_PATH
/// Runs bench_kubeproxy (the C API program) with or without HCN_SERVICE_SOCKET and returns its first
/// output line's total.
std::string runCApiBenchmark(int remoteCount, int lbCount, const std::string& socket)
{
    std::string command = (socket.empty() ? std::string("env -u HCN_SERVICE_SOCKET ")
                                          : "env HCN_SERVICE_SOCKET=" + socket + " ") +
                          BENCH_KUBEPROXY_PATH + " " + std::to_string(remoteCount) + " " +
                          std::to_string(lbCount) + " 10000";
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe)
        return "(could not run bench_kubeproxy)";
    std::string output;
    std::array<char, 512> buffer{};
    while (std::fgets(buffer.data(), static_cast<int>(buffer.size()), pipe))
        output += buffer.data();
    const int status = pclose(pipe);
    if (status != 0)
        return "(bench_kubeproxy failed: " + output + ")";
    return output;
}
#endif

} // namespace

int main(int argc, char** argv)
{
    const int remoteCount = argc > 1 ? std::atoi(argv[1]) : 5000;
    const int lbCount = argc > 2 ? std::atoi(argv[2]) : 2000;
    std::printf(
        "kube-proxy workload: %d remote endpoints + %d load balancers, each create followed by a query\n",
        remoteCount, lbCount);

    Timing inProcess;
    {
        hcn::EmbeddedApi embedded;
        inProcess = kubeProxyWorkload(embedded, remoteCount, lbCount, "vxlan0");
    }
    std::printf("through hcn::Api:\n");
    print("in-process engine (EmbeddedApi)", inProcess);
    // With HCN_BENCH_SOCKET only the client's defaults (staying awake) are measured.
    std::vector<bench::Waiting> modes{bench::Waiting::StayAwake};
    if (!bench::externalSocket())
        modes.insert(modes.begin(), bench::Waiting::Sleep);
    for (const bench::Waiting waiting : modes) {
        auto client = bench::connectClient("bench_rpc_kubeproxy", waiting);
        const Timing viaService = kubeProxyWorkload(*client, remoteCount, lbCount, "vxlan0");
        const std::string what = std::string("hcnd, ") + bench::waitingName(waiting);
        print(what.c_str(), viaService);
        std::printf("  ratio hcnd / in-process: %.2fx\n", viaService.total / inProcess.total);
    }

#ifdef BENCH_KUBEPROXY_PATH
    // A fresh hcnd for the C API run, so both C API runs start from an empty engine (an external one
    // already holds the objects above: the C API run would collide with them).
    if (bench::externalSocket())
        return 0;
    bench::stopService();
    const std::string socket = bench::service(bench::Waiting::StayAwake).socketPath(); // the defaults
    std::printf("through the C API (bench_kubeproxy, 10,000 local endpoints after the workload):\n");
    std::printf("  in-process:\n%s", runCApiBenchmark(remoteCount, lbCount, "").c_str());
    std::printf("  HCN_SERVICE_SOCKET=%s:\n%s", socket.c_str(),
                runCApiBenchmark(remoteCount, lbCount, socket).c_str());
#endif
    return bench::stopService();
}
