// The kube-proxy workload through the computenetwork.h C API, as hcsshim drives it (create, then query the
// properties to learn the ID): one overlay network, 5,000 remote endpoints (Flags RemoteEndpoint with a
// ProviderAddress policy) and 2,000 load balancers, each with a frontend VIP, a TCP port mapping and 2-3
// backends. Then 10,000 local endpoints with automatic IPAM on one network, also through the C API.
// Usage: bench_kubeproxy [remoteEndpoints=5000] [loadBalancers=2000] [localEndpoints=10000]

#include "kubeproxy_documents.h"

#include <chrono>
#include <computenetwork.h>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

std::wstring wide(const std::string& s)
{
    return std::wstring(s.begin(), s.end());
}

std::string narrow(PCWSTR s)
{
    std::string out;
    for (; s && *s; ++s)
        out += static_cast<char>(*s);
    return out;
}

void check(HRESULT hr, PWSTR record, const char* what)
{
    if (hr >= 0)
        return;
    std::fprintf(stderr, "%s failed: 0x%08X %s\n", what, static_cast<unsigned>(hr), narrow(record).c_str());
    std::exit(1);
}

/// The "ID" of a properties document (hcsshim reads it back after every create).
std::string idOf(PWSTR properties)
{
    std::string doc = narrow(properties);
    auto at = doc.find("\"ID\":\"");
    return at == std::string::npos ? std::string() : doc.substr(at + 6, 36);
}

double seconds(Clock::time_point from)
{
    return std::chrono::duration<double>(Clock::now() - from).count();
}

} // namespace

int main(int argc, char** argv)
{
    const int remoteCount = argc > 1 ? std::atoi(argv[1]) : 5000;
    const int lbCount = argc > 2 ? std::atoi(argv[2]) : 2000;
    const int localCount = argc > 3 ? std::atoi(argv[3]) : 10000;
    const GUID zero{};
    PWSTR record = nullptr;
    PWSTR properties = nullptr;

    const auto start = Clock::now();
    HCN_NETWORK network = nullptr;
    check(HcnCreateNetwork(zero, wide(kubeproxy::networkDocument("vxlan0")).c_str(), &network, &record),
          record, "HcnCreateNetwork");

    std::vector<std::string> endpoints;
    endpoints.reserve(static_cast<std::size_t>(remoteCount));
    for (int i = 0; i < remoteCount; ++i) {
        const std::string doc = kubeproxy::remoteEndpointDocument(i);
        HCN_ENDPOINT endpoint = nullptr;
        check(HcnCreateEndpoint(network, zero, wide(doc).c_str(), &endpoint, &record), record,
              "HcnCreateEndpoint");
        check(HcnQueryEndpointProperties(endpoint, nullptr, &properties, &record), record,
              "HcnQueryEndpointProperties");
        endpoints.push_back(idOf(properties));
        CoTaskMemFree(properties);
        HcnCloseEndpoint(endpoint);
    }
    const double endpointSeconds = seconds(start);

    for (int i = 0; i < lbCount; ++i) {
        const std::string doc = kubeproxy::loadBalancerDocument(i, endpoints);
        HCN_LOADBALANCER lb = nullptr;
        check(HcnCreateLoadBalancer(zero, wide(doc).c_str(), &lb, &record), record, "HcnCreateLoadBalancer");
        check(HcnQueryLoadBalancerProperties(lb, nullptr, &properties, &record), record,
              "HcnQueryLoadBalancerProperties");
        CoTaskMemFree(properties);
        HcnCloseLoadBalancer(lb);
    }
    const double total = seconds(start);
    std::printf(
        "kube-proxy workload through the C API: %d remote endpoints in %.3f s, %d load balancers in %.3f s, "
        "total %.3f s\n",
        remoteCount, endpointSeconds, lbCount, total - endpointSeconds, total);

    HCN_NETWORK nat = nullptr;
    check(HcnCreateNetwork(zero,
                           wide(R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"nat","Type":"NAT",
        "Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"10.128.0.0/14"}]}],
        "MacPool":{"Ranges":[{"StartMacAddress":"00-15-5D-00-00-00","EndMacAddress":"00-15-5D-0F-FF-FF"}]}})")
                               .c_str(),
                           &nat, &record),
          record, "HcnCreateNetwork");
    const auto localStart = Clock::now();
    for (int i = 0; i < localCount; ++i) {
        HCN_ENDPOINT endpoint = nullptr;
        const std::wstring doc =
            wide(R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"local-)" + std::to_string(i) + "\"}");
        check(HcnCreateEndpoint(nat, zero, doc.c_str(), &endpoint, &record), record, "HcnCreateEndpoint");
        HcnCloseEndpoint(endpoint);
    }
    const double localSeconds = seconds(localStart);
    std::printf("%d local endpoints with automatic IPAM through the C API: %.3f s, %.0f creates/s\n",
                localCount, localSeconds, localCount / localSeconds);
    HcnCloseNetwork(nat);
    HcnCloseNetwork(network);
    return 0;
}
