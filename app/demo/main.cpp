// hcn-engine-demo: builds a small container host on the embedded HCN engine (a NAT network with port
// mappings, an overlay Kubernetes network with remote endpoints and a ClusterIP load balancer), shows
// the notifications it raises and the documents it returns, then provokes the common mistakes so the
// errors can be seen.

#include "hcn/engine.h"

#include <cstdio>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

using hcn::ResourceKind;
using nlohmann::json;

namespace {

int g_failures = 0;

hcn::Handle must(const char* what, hcn::Result<hcn::Handle> r)
{
    if (!r.ok()) {
        std::cout << "  !! " << what << ": " << hcn::hresultName(r.code()) << " " << r.status().message()
                  << "\n";
        ++g_failures;
        return 0;
    }
    std::cout << "  ok " << what << "\n";
    return *r;
}

void expectFailure(const char* what, const hcn::Status& s)
{
    std::cout << "  -> " << what << ": "
              << (s.ok() ? std::string("unexpectedly succeeded")
                         : std::string(hcn::hresultName(s.code())) + " (" + hcn::hresultHex(s.code()) +
                               ")\n     ErrorRecord " + s.errorRecord())
              << "\n";
    if (s.ok())
        ++g_failures;
}

json query(hcn::Engine& engine, ResourceKind kind, hcn::Handle h, const char* q = "")
{
    auto r = engine.query(kind, h, q);
    return r.ok() ? json::parse(*r) : json{{"error", r.status().message()}};
}

} // namespace

int main(int argc, char** argv)
{
    std::string envFile = argc > 1 ? argv[1] : "";
    auto host = hcn::HostEnvironment::load(envFile);
    if (!host.ok()) {
        std::cerr << "hcn-engine-demo: " << host.status().message() << "\n";
        return 2;
    }
    hcn::EngineOptions options;
    options.host = *host;
    hcn::Engine engine(options);

    std::mutex printMutex;
    engine.subscribe([&](const hcn::Notification& n) {
        std::lock_guard lock(printMutex);
        auto data = n.data.empty() ? json() : json::parse(n.data);
        std::printf("  [event %3llu] %-40s %s\n", static_cast<unsigned long long>(n.sequence),
                    std::string(hcn::notificationTypeName(n.type)).c_str(),
                    data.is_object() ? data.value("ID", "").c_str() : "");
    });

    std::cout << "HCN engine demo (HNS " << engine.hnsVersion().toString() << ", schema "
              << engine.schemaVersion().toString() << ", host adapter " << engine.host().adapters.front().name
              << ")\n\n1. NAT network with two containers and port mappings\n";
    hcn::Handle nat =
        must("create NAT network \"nat\" (prefix chosen by the engine)",
             engine.create(ResourceKind::Network, {},
                           R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"nat","Type":"NAT"})"));
    hcn::Handle web =
        must("create endpoint web with TCP 8080->80",
             engine.create(ResourceKind::Endpoint, {}, R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"web",
                               "Policies":[{"Type":"PortMapping","Settings":{"Protocol":"TCP","InternalPort":80,"ExternalPort":8080}}]})",
                           nat));
    hcn::Handle db = must("create endpoint db",
                          engine.create(ResourceKind::Endpoint, {},
                                        R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"db"})", nat));
    hcn::Handle ns = must("create namespace", engine.create(ResourceKind::Namespace, {},
                                                            R"({"SchemaVersion":{"Major":2,"Minor":0}})"));
    std::string webId = query(engine, ResourceKind::Endpoint, web).value("ID", "");
    must("attach web to the namespace", engine.modify(ResourceKind::Namespace, ns,
                                                      json{{"ResourceType", "Endpoint"},
                                                           {"RequestType", "Add"},
                                                           {"Settings", {{"EndpointId", webId}}}}
                                                          .dump())
                                                .ok()
                                            ? hcn::Result<hcn::Handle>(ns)
                                            : hcn::Result<hcn::Handle>(hcn::Status(hcn::hr::Unexpected)));
    engine.drainNotifications();
    json webDoc = query(engine, ResourceKind::Endpoint, web);
    std::cout << "  web = " << webDoc["IpConfigurations"][0]["IpAddress"].get<std::string>() << " "
              << webDoc["MacAddress"].get<std::string>() << "\n";

    std::cout << "\n2. Overlay Kubernetes node network with remote endpoints and a ClusterIP load balancer\n";
    hcn::Handle overlay =
        must("create overlay network vxlan0 (VSID 4096)", engine.create(ResourceKind::Network, {}, R"({
        "SchemaVersion":{"Major":2,"Minor":0},"Name":"vxlan0","Type":"Overlay","Flags":8,
        "Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"10.244.1.0/24",
          "Policies":[{"Type":"VSID","Settings":{"IsolationId":4096}}],
          "Routes":[{"NextHop":"10.244.1.1","DestinationPrefix":"0.0.0.0/0"}]}]}]})"));
    hcn::Handle pod =
        must("create local pod endpoint",
             engine.create(ResourceKind::Endpoint, {},
                           R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"coredns"})", overlay));
    hcn::Handle remote =
        must("create remote endpoint 10.244.2.7 behind 10.0.0.5",
             engine.create(ResourceKind::Endpoint, {},
                           R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"remote-web","Flags":1,
                                  "IpConfigurations":[{"IpAddress":"10.244.2.7"}],"MacAddress":"0E-2A-0A-F4-02-07",
                                  "Policies":[{"Type":"ProviderAddress","Settings":{"ProviderAddress":"10.0.0.5"}}]})",
                           overlay));
    json lb{{"SchemaVersion", {{"Major", 2}, {"Minor", 0}}},
            {"HostComputeEndpoints",
             {query(engine, ResourceKind::Endpoint, pod)["ID"],
              query(engine, ResourceKind::Endpoint, remote)["ID"]}},
            {"FrontendVIPs", {"10.96.0.10"}},
            {"PortMappings", {{{"Protocol", 17}, {"InternalPort", 53}, {"ExternalPort", 53}}}}};
    must("create ClusterIP load balancer 10.96.0.10:53/udp",
         engine.create(ResourceKind::LoadBalancer, {}, lb.dump()));
    engine.drainNotifications();

    std::cout << "\n3. Mistakes a support engineer meets, and what the engine answers\n";
    expectFailure("second endpoint mapping TCP 8080",
                  engine
                      .create(ResourceKind::Endpoint, {},
                              R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"web2",
                      "Policies":[{"Type":"PortMapping","Settings":{"Protocol":"TCP","InternalPort":80,"ExternalPort":8080}}]})",
                              nat)
                      .status());
    std::string gateway =
        query(engine, ResourceKind::Network, nat)["Ipams"][0]["Subnets"][0]["Routes"][0]["NextHop"];
    expectFailure(("endpoint asking for the gateway address " + gateway).c_str(),
                  engine
                      .create(ResourceKind::Endpoint, {},
                              json{{"SchemaVersion", {{"Major", 2}, {"Minor", 0}}},
                                   {"IpConfigurations", {{{"IpAddress", gateway}}}}}
                                  .dump(),
                              nat)
                      .status());
    expectFailure(
        "endpoint outside every subnet",
        engine
            .create(ResourceKind::Endpoint, {},
                    R"({"SchemaVersion":{"Major":2,"Minor":0},"IpConfigurations":[{"IpAddress":"8.8.8.8"}]})",
                    nat)
            .status());
    expectFailure("attach web a second time", engine.modify(ResourceKind::Namespace, ns,
                                                            json{{"ResourceType", "Endpoint"},
                                                                 {"RequestType", "Add"},
                                                                 {"Settings", {{"EndpointId", webId}}}}
                                                                .dump()));
    expectFailure("ACL with LocalAddresses \"Any\"",
                  engine.modify(ResourceKind::Endpoint, db,
                                R"({"ResourceType":"Policy","RequestType":"Add","Settings":{"Policies":[
                      {"Type":"ACL","Settings":{"Action":"Allow","Direction":"In","LocalAddresses":"Any"}}]}})"));
    expectFailure(
        "network named nat again",
        engine.create(ResourceKind::Network, {}, R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"NAT"})")
            .status());
    engine.drainNotifications();

    auto counts = engine.counts();
    std::cout
        << "\nHost now has " << counts.networks << " networks, " << counts.endpoints << " endpoints, "
        << counts.namespaces << " namespaces, " << counts.loadBalancers << " load balancers.\n"
        << "\nweb as Get-HnsEndpoint shows it (v1 query):\n"
        << query(engine, ResourceKind::Endpoint, web, R"({"SchemaVersion":{"Major":1,"Minor":0}})").dump(2)
        << "\n";

    engine.shutdown();
    return g_failures == 0 ? 0 : 1;
}
