#pragma once
// Shared by the console benchmarks: an embedded engine holding one Overlay network (10.244.0.0/16) that
// fills with endpoints named pod-<i>, every fifth in a namespace of its own and, when asked, a ClusterIP
// load balancer over every ten endpoints of each hundred.

#include "hcn/embedded_api.h"

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

namespace bench {

class OverlayHost
{
public:
    std::shared_ptr<hcn::EmbeddedApi> api = std::make_shared<hcn::EmbeddedApi>();
    hcn::Handle network = 0;
    std::string networkId;

    OverlayHost()
    {
        auto created = api->create(hcn::ResourceKind::Network, {},
                                   v2(R"("Name":"vxlan0","Type":"Overlay","Ipams":[{"Type":"Static",
            "Subnets":[{"IpAddressPrefix":"10.244.0.0/16","Policies":[{"Type":"VSID","Settings":{"IsolationId":4096}}],
            "Routes":[{"NextHop":"10.244.0.1","DestinationPrefix":"0.0.0.0/0"}]}]}],
            "MacPool":{"Ranges":[{"StartMacAddress":"00-15-5D-10-00-00","EndMacAddress":"00-15-5D-10-FF-FF"}]})"),
                                   0);
        network = orExit(created, "network");
        networkId = api->handleId(hcn::ResourceKind::Network, network)->toString();
    }
    ~OverlayHost() { (void)api->close(hcn::ResourceKind::Network, network); }
    OverlayHost(const OverlayHost&) = delete;
    OverlayHost& operator=(const OverlayHost&) = delete;

    /// Endpoint pod-<i> at the i-th address of the subnet; its ID.
    std::string createEndpoint(int i)
    {
        const std::string doc = v2(R"("Name":"pod-)" + std::to_string(i) + R"(","HostComputeNetwork":")" +
                                   networkId + R"(","IpConfigurations":[{"IpAddress":")" + address(i) +
                                   R"(","PrefixLength":16}])");
        const hcn::Handle endpoint =
            orExit(api->create(hcn::ResourceKind::Endpoint, {}, doc, network), "endpoint");
        std::string id = api->handleId(hcn::ResourceKind::Endpoint, endpoint)->toString();
        (void)api->close(hcn::ResourceKind::Endpoint, endpoint);
        return id;
    }

    /// Endpoints `first`..`first+count-1`, every fifth in its own namespace, and with `loadBalancers` one
    /// load balancer over the first ten of each hundred.
    void populate(int first, int count, bool loadBalancers)
    {
        std::vector<std::string> ids;
        for (int i = first; i < first + count; ++i) {
            ids.push_back(createEndpoint(i));
            if (i % 5 == 0) {
                auto ns = api->create(hcn::ResourceKind::Namespace, {}, v2(""), 0);
                (void)api->modify(hcn::ResourceKind::Namespace, *ns,
                                  R"({"ResourceType":"Endpoint","RequestType":"Add","Settings":{"EndpointId":")" +
                                      ids.back() + R"("}})");
                (void)api->close(hcn::ResourceKind::Namespace, *ns);
            }
            if (loadBalancers && ids.size() == 10 && (i + 1) % 100 == 0)
                createLoadBalancer(i / 100, ids);
            if (ids.size() == 10)
                ids.clear();
        }
        api->engine().drainNotifications();
    }

private:
    /// A v2 document with `members` (a JSON member list, possibly empty).
    static std::string v2(const std::string& members)
    {
        return std::string(R"({"SchemaVersion":{"Major":2,"Minor":0})") + (members.empty() ? "" : ",") + members +
               "}";
    }

    /// 10.244.0.0/16 without the network, gateway (.1) and broadcast addresses.
    static std::string address(int i)
    {
        const int host = i + 2;
        return "10.244." + std::to_string(host / 256) + "." + std::to_string(host % 256);
    }

    static hcn::Handle orExit(const hcn::Result<hcn::Handle>& created, const char* what)
    {
        if (!created.ok()) {
            std::fprintf(stderr, "%s: %s\n", what, created.status().message().c_str());
            std::exit(1);
        }
        return *created;
    }

    void createLoadBalancer(int service, const std::vector<std::string>& backends)
    {
        std::string list;
        for (const std::string& id : backends)
            list += (list.empty() ? "\"" : ",\"") + id + "\"";
        auto lb = api->create(hcn::ResourceKind::LoadBalancer, {},
                              v2(R"("FrontendVIPs":["10.96.)" + std::to_string(service / 250) + "." +
                                 std::to_string(service % 250 + 1) + R"("],"HostComputeEndpoints":[)" + list +
                                 R"(],"PortMappings":[{"Protocol":6,"InternalPort":80,"ExternalPort":80}])"),
                              0);
        if (lb.ok())
            (void)api->close(hcn::ResourceKind::LoadBalancer, *lb);
    }
};

} // namespace bench
