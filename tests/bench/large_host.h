#pragma once
// The large host the analysis benchmarks run on (bench_checks, bench_trace): N endpoints over 4
// L2Bridge networks, each local endpoint in its own namespace with OutBoundNAT exceptions, every tenth
// one with ACLs and a port mapping, a fifth of them remote with a provider address; 1,000 ClusterIP
// load balancers with three backends each and 100 node ports. With `g_faults` a share of it is broken:
// every 50th local endpoint leaked (no namespace), every 97th on its neighbour's address, every 20th
// load balancer naming a deleted backend.

#include "hcn/host_state.h"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace largehost {

using json = nlohmann::json;

inline constexpr unsigned kNetworks = 4;
inline constexpr unsigned kLoadBalancers = 1100;
inline bool g_faults = false;

inline bool leaked(unsigned i)
{
    return g_faults && i % 50 == 0;
}

inline std::string guid(unsigned kind, unsigned n)
{
    char text[40];
    std::snprintf(text, sizeof text, "%08X-%04X-4%03X-8%03X-%012X", 0xC4EC0000u + kind, n & 0xFFFF,
                  kind & 0xFFF, (n >> 16) & 0xFFF, n);
    return text;
}

/// Node ranges 10.<net*4>.0.0/18: 16,381 assignable addresses each.
inline std::string address(unsigned network, unsigned host)
{
    host += 2;
    return "10." + std::to_string(network * 4 + host / 65536) + "." + std::to_string((host / 256) % 256) +
           "." + std::to_string(host % 256);
}

inline json networkDocument(unsigned n)
{
    const std::string base = "10." + std::to_string(n * 4) + ".0.";
    return {
        {"ID", guid(1, n)},
        {"Name", "cbr" + std::to_string(n)},
        {"Type", "L2Bridge"},
        {"Ipams",
         json::array({{{"Type", "Static"},
                       {"Subnets",
                        json::array({{{"IpAddressPrefix", base + "0/18"},
                                      {"Routes", json::array({{{"NextHop", base + "1"},
                                                               {"DestinationPrefix", "0.0.0.0/0"}}})}}})}}})},
        {"Dns", {{"ServerList", json::array({"10.96.0.10"})}}},
        {"MacPool",
         {{"Ranges", json::array({{{"StartMacAddress", "00-15-5D-00-00-00"},
                                   {"EndMacAddress", "00-15-5D-FF-FF-FF"}}})}}}};
}

inline json endpointDocument(unsigned i, unsigned total, unsigned variant = 0)
{
    const unsigned network = i % kNetworks;
    const bool remote = i % 5 == 4;
    const unsigned host =
        g_faults && i % 97 == 0 && i >= kNetworks ? (i - kNetworks) / kNetworks : i / kNetworks;
    char mac[24];
    std::snprintf(mac, sizeof mac, "00-15-5D-%02X-%02X-%02X", (i >> 16) & 0xFF, (i >> 8) & 0xFF, i & 0xFF);
    json e{{"ID", guid(2, i)},
           {"Name", "pod-" + std::to_string(i)},
           {"HostComputeNetwork", guid(1, network)},
           {"IpConfigurations",
            json::array({{{"IpAddress", address(network, host + variant * total)}, {"PrefixLength", 18}}})},
           {"MacAddress", mac},
           {"Flags", remote ? 1 : 0}};
    json policies = json::array();
    if (remote) {
        policies.push_back(
            {{"Type", "ProviderAddress"}, {"Settings", {{"ProviderAddress", "192.168.0.20"}}}});
    } else {
        if (!leaked(i))
            e["HostComputeNamespace"] = guid(3, i);
        policies.push_back({{"Type", "OutBoundNAT"},
                            {"Settings", {{"Exceptions", json::array({"10.0.0.0/8", "10.96.0.0/12"})}}}});
        if (i % 10 == 0) {
            policies.push_back({{"Type", "ACL"},
                                {"Settings",
                                 {{"Action", "Allow"},
                                  {"Direction", "Out"},
                                  {"Priority", 100},
                                  {"Protocols", "17"},
                                  {"RemotePorts", "53"}}}});
            policies.push_back(
                {{"Type", "ACL"},
                 {"Settings", {{"Action", "Block"}, {"Direction", "Out"}, {"Priority", 1000}}}});
            policies.push_back({{"Type", "PortMapping"},
                                {"Settings",
                                 {{"Protocol", 6},
                                  {"InternalPort", 80},
                                  {"ExternalPort", 20000 + i % 40000},
                                  {"VIP", "192.168.0.10"}}}});
        }
    }
    e["Policies"] = policies;
    return e;
}

inline json namespaceDocument(unsigned i)
{
    return {{"ID", guid(3, i)},
            {"Type", "Host"},
            {"Resources", json::array({{{"Type", "Endpoint"}, {"Data", {{"Id", guid(2, i)}}}}})}};
}

inline json loadBalancerDocument(unsigned n, unsigned endpoints, unsigned shift = 0)
{
    json backends = json::array();
    for (unsigned k = 0; k < 3; ++k)
        backends.push_back(guid(2, (n * 7 + k * 13 + shift) % endpoints));
    if (g_faults && n % 20 == 0)
        backends.push_back(guid(2, endpoints + 100000 + n)); // deleted long ago
    const bool nodePort = n >= 1000;
    json lb{{"ID", guid(4, n)},
            {"HostComputeEndpoints", backends},
            {"PortMappings",
             json::array(
                 {{{"Protocol", 6}, {"InternalPort", 8080}, {"ExternalPort", nodePort ? 30000 + n : 80}}})}};
    lb["FrontendVIPs"] =
        nodePort ? json::array()
                 : json::array({"10.96." + std::to_string(n / 250) + "." + std::to_string(n % 250 + 1)});
    return lb;
}

inline hcn::HostObject object(hcn::ResourceKind kind, json document)
{
    std::string id = hcn::canonicalObjectId(document["ID"].get<std::string>());
    return {kind, std::move(id), std::make_shared<const json>(std::move(document))};
}

/// Every object of the host, in the order a copy adds them.
inline std::vector<hcn::HostObject> hostObjects(unsigned endpoints)
{
    std::vector<hcn::HostObject> objects;
    for (unsigned n = 0; n < kNetworks; ++n)
        objects.push_back(object(hcn::ResourceKind::Network, networkDocument(n)));
    for (unsigned i = 0; i < endpoints; ++i) {
        objects.push_back(object(hcn::ResourceKind::Endpoint, endpointDocument(i, endpoints)));
        if (i % 5 != 4 && !leaked(i))
            objects.push_back(object(hcn::ResourceKind::Namespace, namespaceDocument(i)));
    }
    for (unsigned n = 0; n < kLoadBalancers; ++n)
        objects.push_back(object(hcn::ResourceKind::LoadBalancer, loadBalancerDocument(n, endpoints)));
    return objects;
}

} // namespace largehost
