#pragma once
// The documents of the kube-proxy workload (kubernetes PR #109124's scale): one overlay network,
// remote endpoints for pods on other nodes, ClusterIP load balancers. Shared by the C API benchmark
// and its run through hcnd, so both measure the same requests.

#include <cstdio>
#include <string>
#include <vector>

namespace kubeproxy {

inline std::string networkDocument(const std::string& name)
{
    return R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":")" + name + R"(","Type":"Overlay","Flags":8,
        "Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"10.244.0.0/24",
        "Policies":[{"Type":"VSID","Settings":{"IsolationId":4096}}],
        "Routes":[{"NextHop":"10.244.0.1","DestinationPrefix":"0.0.0.0/0"}]}]}]})";
}

/// The i-th remote endpoint: pod 10.244.<node>.<pod> behind provider address 10.0.x.y.
inline std::string remoteEndpointDocument(int i)
{
    const int node = 1 + i / 250, pod = 2 + i % 250;
    char doc[512];
    std::snprintf(doc, sizeof doc,
                  R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"remote-%d","Flags":1,)"
                  R"("IpConfigurations":[{"IpAddress":"10.244.%d.%d"}],"MacAddress":"0E-2A-0A-F4-%02X-%02X",)"
                  R"("Policies":[{"Type":"ProviderAddress","Settings":{"ProviderAddress":"10.0.%d.%d"}}]})",
                  i, node, pod, node, pod, node / 250, 4 + node % 250);
    return doc;
}

/// The i-th ClusterIP load balancer: VIP 10.96.x.y:80 -> 8080 on 2-3 of `endpoints`.
inline std::string loadBalancerDocument(int i, const std::vector<std::string>& endpoints)
{
    const std::size_t backends = 2 + static_cast<std::size_t>(i % 2);
    std::string list;
    for (std::size_t b = 0; b < backends; ++b)
        list +=
            (b ? ",\"" : "\"") + endpoints[(static_cast<std::size_t>(i) * 3 + b) % endpoints.size()] + "\"";
    char doc[1024];
    std::snprintf(
        doc, sizeof doc,
        R"({"SchemaVersion":{"Major":2,"Minor":0},"HostComputeEndpoints":[%s],)"
        R"("FrontendVIPs":["10.96.%d.%d"],"PortMappings":[{"Protocol":6,"InternalPort":8080,"ExternalPort":80}]})",
        list.c_str(), i / 250, 1 + i % 250);
    return doc;
}

} // namespace kubeproxy
