// Rollback: every mutating call, failed by the datapath at each change it stages and at commit, returns the
// datapath's HRESULT and leaves the objects, the IPAM and MAC pools, the datapath, the open handles and the
// notification stream exactly as before; cleared of the failure, the same call succeeds and hands out the
// same addresses it would have handed out had it never failed.

#include "engine_harness.h"

#include <functional>
#include <map>
#include <memory>
#include <utility>

using namespace hcntest;
using hcn::ChangeOp;
using hcn::ResourceKind;

namespace {

/// ERROR_GEN_FAILURE: nothing in the engine returns it, so seeing it proves the datapath's error came
/// through.
constexpr hcn::HResult kInjected = hcn::makeHResult(0x8007001F);

// Fixed IDs, so documents can name each other and a retried create reuses the same ID.
const std::string kEp1 = "E0000000-0000-0000-0000-000000000001";
const std::string kEp2 = "E0000000-0000-0000-0000-000000000002";
const std::string kEp3 = "E0000000-0000-0000-0000-000000000003";
const std::string kNs1 = "A0000000-0000-0000-0000-000000000001";
const std::string kNs2 = "A0000000-0000-0000-0000-000000000002";
const std::string kLb1 = "B0000000-0000-0000-0000-000000000001";
const std::string kLb2 = "B0000000-0000-0000-0000-000000000002";

hcn::Guid guid(const std::string& text)
{
    return *hcn::Guid::parse(text);
}

/// The objects a case set up, by the name the case gave them.
struct Scene
{
    Harness& h;
    std::map<std::string, hcn::Handle> handles;

    hcn::Status create(ResourceKind kind, const std::string& name, const json& doc,
                       const std::string& network = {})
    {
        auto r = h.engine.create(kind, hcn::Guid{}, doc.dump(), network.empty() ? 0 : handles.at(network));
        if (!r.ok())
            return hcn::Status(r.code(), "setting up " + name + ": " + r.status().message());
        handles[name] = *r;
        return hcn::Status::success();
    }
    hcn::Status modify(ResourceKind kind, const std::string& name, const json& request)
    {
        return h.engine.modify(kind, handles.at(name), request.dump());
    }
    hcn::Status remove(ResourceKind kind, const std::string& name)
    {
        auto id = h.engine.handleId(kind, handles.at(name));
        if (!id.ok())
            return id.status();
        return h.engine.remove(kind, *id);
    }
};

hcn::Status statusOf(const hcn::Result<hcn::Handle>& r)
{
    return r.ok() ? hcn::Status::success() : r.status();
}

#define SETUP_STEP(expr)                                                                                     \
    do {                                                                                                     \
        if (hcn::Status setupStatus_ = (expr); !setupStatus_.ok())                                           \
            return setupStatus_;                                                                             \
    } while (false)

// ---- documents ----

json macPool(const std::string& start, const std::string& end)
{
    return {{"Ranges", {{{"StartMacAddress", start}, {"EndMacAddress", end}}}}};
}

/// A NAT network with its own MAC pool.
json pooledNat(const std::string& name, const std::string& prefix, const std::string& gateway,
               const std::string& macStart, const std::string& macEnd)
{
    json doc = natNetwork(name, prefix, gateway);
    doc["MacPool"] = macPool(macStart, macEnd);
    return doc;
}

json netA()
{
    return pooledNat("net-a", "172.20.0.0/24", "172.20.0.1", "00-15-5D-AA-00-00", "00-15-5D-AA-00-FF");
}
json netB()
{
    return pooledNat("net-b", "172.21.0.0/24", "172.21.0.1", "00-15-5D-BB-00-00", "00-15-5D-BB-00-FF");
}

json dualStackNetwork()
{
    return v2({{"Name", "dual"},
               {"Type", "NAT"},
               {"MacPool", macPool("00-15-5D-CC-00-00", "00-15-5D-CC-00-FF")},
               {"Ipams",
                {{{"Type", "Static"},
                  {"Subnets",
                   {{{"IpAddressPrefix", "10.10.0.0/24"},
                     {"Routes", {{{"NextHop", "10.10.0.1"}, {"DestinationPrefix", "0.0.0.0/0"}}}}},
                    {{"IpAddressPrefix", "fd00:10::/64"},
                     {"Routes", {{{"NextHop", "fd00:10::1"}, {"DestinationPrefix", "::/0"}}}}}}}}}}});
}

json l2BridgeTwoSubnets()
{
    return v2({{"Name", "l2"},
               {"Type", "L2Bridge"},
               {"MacPool", macPool("00-15-5D-DD-00-00", "00-15-5D-DD-00-FF")},
               {"Ipams",
                {{{"Type", "Static"},
                  {"Subnets",
                   {{{"IpAddressPrefix", "10.244.1.0/24"},
                     {"Routes", {{{"NextHop", "10.244.1.1"}, {"DestinationPrefix", "0.0.0.0/0"}}}}},
                    {{"IpAddressPrefix", "10.244.2.0/24"},
                     {"Routes", {{{"NextHop", "10.244.2.1"}, {"DestinationPrefix", "0.0.0.0/0"}}}}}}}}}}});
}

json portMapping(int internalPort, int externalPort, int protocol = 6)
{
    return {{"Type", "PortMapping"},
            {"Settings",
             {{"Protocol", protocol}, {"InternalPort", internalPort}, {"ExternalPort", externalPort}}}};
}

json endpoint(const std::string& name, const std::string& id, json extra = json::object())
{
    json doc = v2({{"Name", name}, {"ID", id}});
    doc.update(extra);
    return doc;
}

json policyRequest(const std::string& requestType, json policies)
{
    return {{"ResourceType", "Policy"}, {"RequestType", requestType}, {"Settings", {{"Policies", policies}}}};
}

json namespaceDoc(const std::string& name, const std::string& id, json resources = json::array())
{
    json doc = v2({{"Name", name}, {"ID", id}, {"Type", "Host"}});
    if (!resources.empty())
        doc["Resources"] = resources;
    return doc;
}

json endpointResource(const std::string& id)
{
    return {{"Type", "Endpoint"}, {"Data", {{"Id", id}}}};
}
json containerResource(const std::string& id)
{
    return {{"Type", "Container"}, {"Data", {{"Id", id}}}};
}

json namespaceRequest(const std::string& resourceType, const std::string& requestType, json settings)
{
    return {{"ResourceType", resourceType}, {"RequestType", requestType}, {"Settings", settings}};
}

json loadBalancer(const std::string& id, std::vector<std::string> endpoints, int port,
                  const std::string& vip = "10.0.0.100")
{
    return v2({{"ID", id},
               {"HostComputeEndpoints", endpoints},
               {"FrontendVIPs", {vip}},
               {"PortMappings", {{{"Protocol", 6}, {"InternalPort", 80}, {"ExternalPort", port}}}}});
}

// ---- cases ----

using Stage = std::pair<ChangeOp, ResourceKind>;

struct Case
{
    std::string name;
    std::function<hcn::Status(Scene&)> setup;
    std::function<hcn::Status(Scene&)> call;
    /// The distinct (op, kind) changes the call stages; every other one must not be hit.
    std::vector<Stage> stages;
    bool cascadeAttachedEndpoints = false;
};

hcn::Status oneNetwork(Scene& s)
{
    return s.create(ResourceKind::Network, "net-a", netA());
}

/// net-a with ep1 (attached to ns1) and ep2, both behind lb1 and lb2.
hcn::Status attachedAndBalanced(Scene& s)
{
    SETUP_STEP(oneNetwork(s));
    SETUP_STEP(s.create(ResourceKind::Endpoint, "ep1",
                        endpoint("ep1", kEp1, {{"Policies", {portMapping(80, 8080)}}}), "net-a"));
    SETUP_STEP(s.create(ResourceKind::Endpoint, "ep2", endpoint("ep2", kEp2), "net-a"));
    SETUP_STEP(s.create(ResourceKind::Namespace, "ns1",
                        namespaceDoc("ns1", kNs1, json::array({endpointResource(kEp1)}))));
    SETUP_STEP(s.create(ResourceKind::LoadBalancer, "lb1", loadBalancer(kLb1, {kEp1, kEp2}, 80)));
    SETUP_STEP(s.create(ResourceKind::LoadBalancer, "lb2", loadBalancer(kLb2, {kEp1}, 443)));
    return hcn::Status::success();
}

const std::vector<Case>& cases()
{
    static const std::vector<Case> all = [] {
        std::vector<Case> c;
        const Stage createNetwork{ChangeOp::Create, ResourceKind::Network};
        const Stage deleteNetwork{ChangeOp::Delete, ResourceKind::Network};
        const Stage modifyNetwork{ChangeOp::Modify, ResourceKind::Network};
        const Stage createEndpoint{ChangeOp::Create, ResourceKind::Endpoint};
        const Stage modifyEndpoint{ChangeOp::Modify, ResourceKind::Endpoint};
        const Stage deleteEndpoint{ChangeOp::Delete, ResourceKind::Endpoint};
        const Stage createNamespace{ChangeOp::Create, ResourceKind::Namespace};
        const Stage modifyNamespace{ChangeOp::Modify, ResourceKind::Namespace};
        const Stage deleteNamespace{ChangeOp::Delete, ResourceKind::Namespace};
        const Stage createLb{ChangeOp::Create, ResourceKind::LoadBalancer};
        const Stage modifyLb{ChangeOp::Modify, ResourceKind::LoadBalancer};
        const Stage deleteLb{ChangeOp::Delete, ResourceKind::LoadBalancer};
        auto nothing = [](Scene&) { return hcn::Status::success(); };

        // Networks
        c.push_back({"network create with subnet and MAC pool",
                     nothing,
                     [](Scene& s) { return s.create(ResourceKind::Network, "net-a", netA()); },
                     {createNetwork}});
        c.push_back({"network create taking a slice of the default MAC range",
                     oneNetwork,
                     [](Scene& s) {
                         return s.create(ResourceKind::Network, "sliced",
                                         natNetwork("sliced", "172.22.0.0/24", "172.22.0.1"));
                     },
                     {createNetwork}});
        c.push_back({"network create with two subnets",
                     nothing,
                     [](Scene& s) { return s.create(ResourceKind::Network, "l2", l2BridgeTwoSubnets()); },
                     {createNetwork}});
        c.push_back({"network create picking its own NAT prefix",
                     oneNetwork,
                     [](Scene& s) {
                         return s.create(ResourceKind::Network, "auto", v2({{"Name", "auto"}}));
                     },
                     {createNetwork}});
        c.push_back(
            {"network policy add",
             oneNetwork,
             [](Scene& s) {
                 return s.modify(
                     ResourceKind::Network, "net-a",
                     {{"ResourceType", "Policy"},
                      {"RequestType", "Add"},
                      {"Settings",
                       {{"Policies", {{{"Type", "AutomaticDNS"}, {"Settings", {{"Enable", true}}}}}}}}});
             },
             {modifyNetwork}});

        // Endpoint creates
        c.push_back({"endpoint create with explicit IP",
                     oneNetwork,
                     [](Scene& s) {
                         return s.create(
                             ResourceKind::Endpoint, "ep1",
                             endpoint("ep1", kEp1, {{"IpConfigurations", {{{"IpAddress", "172.20.0.50"}}}}}),
                             "net-a");
                     },
                     {createEndpoint}});
        c.push_back(
            {"endpoint create with automatic IP and MAC",
             oneNetwork,
             [](Scene& s) { return s.create(ResourceKind::Endpoint, "ep1", endpoint("ep1", kEp1), "net-a"); },
             {createEndpoint}});
        c.push_back(
            {"endpoint create after others were deleted",
             [](Scene& s) {
                 SETUP_STEP(oneNetwork(s));
                 SETUP_STEP(s.create(ResourceKind::Endpoint, "old1", endpoint("old1", kEp2), "net-a"));
                 SETUP_STEP(s.create(ResourceKind::Endpoint, "old2", endpoint("old2", kEp3), "net-a"));
                 return s.remove(ResourceKind::Endpoint, "old1");
             },
             [](Scene& s) { return s.create(ResourceKind::Endpoint, "ep1", endpoint("ep1", kEp1), "net-a"); },
             {createEndpoint}});
        c.push_back(
            {"endpoint create dual-stack",
             [](Scene& s) { return s.create(ResourceKind::Network, "dual", dualStackNetwork()); },
             [](Scene& s) { return s.create(ResourceKind::Endpoint, "ep1", endpoint("ep1", kEp1), "dual"); },
             {createEndpoint}});
        c.push_back(
            {"endpoint create with port mapping",
             oneNetwork,
             [](Scene& s) {
                 return s.create(
                     ResourceKind::Endpoint, "ep1",
                     endpoint("ep1", kEp1, {{"Policies", {portMapping(80, 8080), portMapping(53, 53, 17)}}}),
                     "net-a");
             },
             {createEndpoint}});
        c.push_back({"endpoint create with explicit MAC",
                     oneNetwork,
                     [](Scene& s) {
                         return s.create(ResourceKind::Endpoint, "ep1",
                                         endpoint("ep1", kEp1, {{"MacAddress", "00-15-5D-AA-00-10"}}),
                                         "net-a");
                     },
                     {createEndpoint}});
        c.push_back({"remote endpoint create",
                     oneNetwork,
                     [](Scene& s) {
                         return s.create(ResourceKind::Endpoint, "remote",
                                         endpoint("remote", kEp1,
                                                  {{"Flags", 1},
                                                   {"MacAddress", "00-15-5D-EE-00-01"},
                                                   {"IpConfigurations", {{{"IpAddress", "172.20.0.77"}}}}}),
                                         "net-a");
                     },
                     {createEndpoint}});
        c.push_back({"endpoint create straight into a namespace",
                     [](Scene& s) {
                         SETUP_STEP(oneNetwork(s));
                         return s.create(ResourceKind::Namespace, "ns1", namespaceDoc("ns1", kNs1));
                     },
                     [](Scene& s) {
                         return s.create(ResourceKind::Endpoint, "ep1",
                                         endpoint("ep1", kEp1, {{"HostComputeNamespace", kNs1}}), "net-a");
                     },
                     {createEndpoint, modifyEndpoint, modifyNamespace}});

        // Endpoint policies
        auto withMappedEndpoint = [](Scene& s) {
            SETUP_STEP(oneNetwork(s));
            return s.create(ResourceKind::Endpoint, "ep1",
                            endpoint("ep1", kEp1, {{"Policies", {portMapping(80, 8080)}}}), "net-a");
        };
        c.push_back({"endpoint policy add",
                     withMappedEndpoint,
                     [](Scene& s) {
                         return s.modify(ResourceKind::Endpoint, "ep1",
                                         policyRequest("Add", json::array({portMapping(443, 8443)})));
                     },
                     {modifyEndpoint}});
        c.push_back({"endpoint policy remove",
                     withMappedEndpoint,
                     [](Scene& s) {
                         return s.modify(ResourceKind::Endpoint, "ep1",
                                         policyRequest("Remove", json::array({portMapping(80, 8080)})));
                     },
                     {modifyEndpoint}});
        c.push_back({"endpoint policy update",
                     withMappedEndpoint,
                     [](Scene& s) {
                         return s.modify(ResourceKind::Endpoint, "ep1",
                                         policyRequest("Update", json::array({portMapping(81, 9090)})));
                     },
                     {modifyEndpoint}});
        c.push_back({"endpoint VM port bind",
                     withMappedEndpoint,
                     [](Scene& s) {
                         return s.modify(ResourceKind::Endpoint, "ep1",
                                         {{"ResourceType", "Port"},
                                          {"RequestType", "Add"},
                                          {"Settings",
                                           {{"PortName", "port1"},
                                            {"VirtualMachineId", "F0000000-0000-0000-0000-000000000001"}}}});
                     },
                     {modifyEndpoint}});

        // Namespaces
        auto twoEndpoints = [](Scene& s) {
            SETUP_STEP(oneNetwork(s));
            SETUP_STEP(s.create(ResourceKind::Endpoint, "ep1", endpoint("ep1", kEp1), "net-a"));
            return s.create(ResourceKind::Endpoint, "ep2", endpoint("ep2", kEp2), "net-a");
        };
        c.push_back({"namespace create with endpoints and a container",
                     twoEndpoints,
                     [](Scene& s) {
                         return s.create(ResourceKind::Namespace, "ns1",
                                         namespaceDoc("ns1", kNs1,
                                                      {endpointResource(kEp1), containerResource("c1"),
                                                       endpointResource(kEp2)}));
                     },
                     {createNamespace, modifyEndpoint, modifyNamespace}});
        c.push_back(
            {"namespace create without resources",
             nothing,
             [](Scene& s) { return s.create(ResourceKind::Namespace, "ns1", namespaceDoc("ns1", kNs1)); },
             {createNamespace}});
        auto nsWithOneAttached = [twoEndpoints](Scene& s) {
            SETUP_STEP(twoEndpoints(s));
            return s.create(ResourceKind::Namespace, "ns1",
                            namespaceDoc("ns1", kNs1, {endpointResource(kEp1), containerResource("c1")}));
        };
        c.push_back({"namespace attach endpoint",
                     nsWithOneAttached,
                     [](Scene& s) {
                         return s.modify(ResourceKind::Namespace, "ns1",
                                         namespaceRequest("Endpoint", "Add", {{"EndpointId", kEp2}}));
                     },
                     {modifyEndpoint, modifyNamespace}});
        c.push_back({"namespace detach endpoint",
                     nsWithOneAttached,
                     [](Scene& s) {
                         return s.modify(ResourceKind::Namespace, "ns1",
                                         namespaceRequest("Endpoint", "Remove", {{"EndpointId", kEp1}}));
                     },
                     {modifyEndpoint, modifyNamespace}});
        c.push_back({"namespace add container",
                     nsWithOneAttached,
                     [](Scene& s) {
                         return s.modify(ResourceKind::Namespace, "ns1",
                                         namespaceRequest("Container", "Add", {{"ContainerId", "c2"}}));
                     },
                     {modifyNamespace}});
        c.push_back({"namespace remove container",
                     nsWithOneAttached,
                     [](Scene& s) {
                         return s.modify(ResourceKind::Namespace, "ns1",
                                         namespaceRequest("Container", "Remove", {{"ContainerId", "c1"}}));
                     },
                     {modifyNamespace}});
        c.push_back({"namespace delete detaches its endpoint",
                     nsWithOneAttached,
                     [](Scene& s) { return s.remove(ResourceKind::Namespace, "ns1"); },
                     {modifyEndpoint, modifyNamespace, deleteNamespace}});

        // Load balancers
        c.push_back(
            {"load balancer create",
             twoEndpoints,
             [](Scene& s) {
                 return s.create(ResourceKind::LoadBalancer, "lb1", loadBalancer(kLb1, {kEp1, kEp2}, 80));
             },
             {createLb}});
        auto withLb = [twoEndpoints](Scene& s) {
            SETUP_STEP(twoEndpoints(s));
            return s.create(ResourceKind::LoadBalancer, "lb1", loadBalancer(kLb1, {kEp1}, 80));
        };
        c.push_back({"load balancer replace",
                     withLb,
                     [](Scene& s) {
                         return s.modify(ResourceKind::LoadBalancer, "lb1",
                                         loadBalancer(kLb1, {kEp2}, 8081, "10.0.0.101"));
                     },
                     {modifyLb}});
        c.push_back({"load balancer delete",
                     withLb,
                     [](Scene& s) { return s.remove(ResourceKind::LoadBalancer, "lb1"); },
                     {deleteLb}});

        // Cascades
        c.push_back({"endpoint delete leaves its namespace and load balancers",
                     attachedAndBalanced,
                     [](Scene& s) { return s.remove(ResourceKind::Endpoint, "ep1"); },
                     {modifyEndpoint, modifyNamespace, modifyLb, deleteEndpoint}});
        c.push_back(
            {"network delete cascades its endpoints",
             [](Scene& s) {
                 SETUP_STEP(oneNetwork(s));
                 SETUP_STEP(s.create(ResourceKind::Endpoint, "ep1",
                                     endpoint("ep1", kEp1, {{"Policies", {portMapping(80, 8080)}}}),
                                     "net-a"));
                 SETUP_STEP(s.create(ResourceKind::Endpoint, "ep2", endpoint("ep2", kEp2), "net-a"));
                 SETUP_STEP(s.create(ResourceKind::Network, "net-b", netB()));
                 SETUP_STEP(s.create(ResourceKind::Endpoint, "ep3", endpoint("ep3", kEp3), "net-b"));
                 return s.create(ResourceKind::LoadBalancer, "lb1", loadBalancer(kLb1, {kEp1, kEp3}, 80));
             },
             [](Scene& s) { return s.remove(ResourceKind::Network, "net-a"); },
             {modifyLb, deleteEndpoint, deleteNetwork}});
        Case cascade{"network delete cascades attached endpoints (cascade option)",
                     attachedAndBalanced,
                     [](Scene& s) { return s.remove(ResourceKind::Network, "net-a"); },
                     {modifyEndpoint, modifyNamespace, modifyLb, deleteEndpoint, deleteNetwork}};
        cascade.cascadeAttachedEndpoints = true;
        c.push_back(cascade);
        return c;
    }();
    return all;
}

std::string stageName(const Stage& s)
{
    return std::string(hcn::changeOpName(s.first)) + " " + std::string(hcn::resourceKindName(s.second));
}

std::vector<Stage> allStages()
{
    std::vector<Stage> out;
    for (auto op : {ChangeOp::Create, ChangeOp::Modify, ChangeOp::Delete})
        for (auto kind : {ResourceKind::Network, ResourceKind::Endpoint, ResourceKind::Namespace,
                          ResourceKind::LoadBalancer})
            out.push_back({op, kind});
    return out;
}

hcn::EngineOptions optionsFor(const Case& c)
{
    hcn::EngineOptions o;
    o.cascadeAttachedEndpointsOnNetworkDelete = c.cascadeAttachedEndpoints;
    return o;
}

/// Where two long texts first differ, with some context: snapshot mismatches must be readable.
QString describeDifference(const std::string& before, const std::string& after)
{
    std::size_t i = 0;
    while (i < before.size() && i < after.size() && before[i] == after[i])
        ++i;
    const std::size_t from = i > 120 ? i - 120 : 0;
    return QString("differs at %1:\n  before: ...%2\n  after:  ...%3")
        .arg(i)
        .arg(qs(before.substr(from, 300)), qs(after.substr(from, 300)));
}

/// What a user sees of the address pools after a call: every endpoint's addresses and MAC, every
/// network's MAC range and pool use, every namespace's compartment, and what one more endpoint per
/// network would get (which shows where the pools' allocation cursors stand).
json addressFingerprint(Harness& h)
{
    json out = json::object();
    std::map<std::string, hcn::Handle> networks;
    for (const auto& id : h.enumerate(ResourceKind::Network)) {
        auto handle = h.engine.open(ResourceKind::Network, guid(id.get<std::string>()));
        if (!handle.ok())
            continue;
        json doc = h.query(ResourceKind::Network, *handle, {{"Flags", 1}});
        const std::string name = doc.value("Name", "");
        networks[name] = *handle;
        json subnets = json::array();
        for (const auto& s : doc["Resources"]["Subnets"])
            subnets.push_back({{"Prefix", s["IpAddressPrefix"]}, {"Allocated", s["Allocated"]}});
        out["networks"][name] = {{"MacPool", doc["MacPool"]},
                                 {"Subnets", subnets},
                                 {"MacAllocated", doc["Resources"]["MacPool"]["Allocated"]},
                                 {"Prefixes", doc["Ipams"]}};
        // Subnet IDs are generated: keep only prefixes and routes.
        for (auto& ipam : out["networks"][name]["Prefixes"])
            for (auto& subnet : ipam["Subnets"])
                subnet.erase("ID");
    }
    for (const auto& id : h.enumerate(ResourceKind::Endpoint)) {
        auto handle = h.engine.open(ResourceKind::Endpoint, guid(id.get<std::string>()));
        if (!handle.ok())
            continue;
        json doc = h.query(ResourceKind::Endpoint, *handle);
        out["endpoints"][doc.value("Name", "")] = {
            {"IpConfigurations", doc.value("IpConfigurations", json::array())},
            {"MacAddress", doc.value("MacAddress", "")}};
        (void)h.engine.close(ResourceKind::Endpoint, *handle);
    }
    for (const auto& id : h.enumerate(ResourceKind::Namespace)) {
        auto handle = h.engine.open(ResourceKind::Namespace, guid(id.get<std::string>()));
        if (!handle.ok())
            continue;
        json doc = h.query(ResourceKind::Namespace, *handle);
        out["namespaces"][doc.value("Name", "")] = doc.value("NamespaceId", 0u);
        (void)h.engine.close(ResourceKind::Namespace, *handle);
    }
    for (const auto& [name, handle] : networks) {
        auto probe =
            h.engine.create(ResourceKind::Endpoint, hcn::Guid{}, v2({{"Name", "probe"}}).dump(), handle);
        if (!probe.ok()) {
            out["probes"][name] = hcn::hresultHex(probe.code());
            continue;
        }
        json doc = h.query(ResourceKind::Endpoint, *probe);
        out["probes"][name] = {{"IpConfigurations", doc.value("IpConfigurations", json::array())},
                               {"MacAddress", doc.value("MacAddress", "")}};
    }
    return out;
}

std::vector<hcn::NotificationType> typesOf(const std::vector<hcn::Notification>& list)
{
    std::vector<hcn::NotificationType> out;
    for (const auto& n : list)
        out.push_back(n.type);
    return out;
}

QString typeNames(const std::vector<hcn::NotificationType>& types)
{
    QStringList names;
    for (auto t : types)
        names << qs(std::string(hcn::notificationTypeName(t)));
    return names.join(", ");
}

/// Every object's plain (non-Detailed) document, what clients see without the Detailed flag.
json plainDocuments(Harness& h)
{
    json all = json::object();
    for (auto kind :
         {ResourceKind::Network, ResourceKind::Endpoint, ResourceKind::Namespace, ResourceKind::LoadBalancer})
        for (const auto& id : h.enumerate(kind)) {
            auto handle = h.engine.open(kind, guid(id.get<std::string>()));
            if (!handle.ok())
                continue;
            all[std::string(hcn::resourceKindName(kind))][id.get<std::string>()] = h.query(kind, *handle);
            (void)h.engine.close(kind, *handle);
        }
    return all;
}

bool sameCounts(const hcn::EngineCounts& a, const hcn::EngineCounts& b)
{
    return a.networks == b.networks && a.endpoints == b.endpoints && a.namespaces == b.namespaces &&
           a.loadBalancers == b.loadBalancers && a.openHandles == b.openHandles;
}

} // namespace

class TestEngineRollback : public QObject
{
    Q_OBJECT

private slots:
    void callStagesExactlyTheseChanges_data();
    void callStagesExactlyTheseChanges();
    void failedCallChangesNothing_data();
    void failedCallChangesNothing();
    void failureIsReportedOnceThenCleared();
};

void TestEngineRollback::callStagesExactlyTheseChanges_data()
{
    QTest::addColumn<int>("index");
    for (std::size_t i = 0; i < cases().size(); ++i)
        QTest::newRow(cases()[i].name.c_str()) << int(i);
}

// The stage lists of the cases are what the next test fails at; check they are exactly what the call
// programs, so no stage goes untested.
void TestEngineRollback::callStagesExactlyTheseChanges()
{
    QFETCH(int, index);
    const Case& c = cases()[std::size_t(index)];
    for (const Stage& stage : allStages()) {
        Harness h(optionsFor(c));
        Scene scene{h, {}};
        HCN_VERIFY_OK(c.setup(scene));
        h.datapath->injectFailure(stage.first, stage.second, kInjected);
        const hcn::Status status = c.call(scene);
        const bool listed = std::find(c.stages.begin(), c.stages.end(), stage) != c.stages.end();
        if (listed)
            QVERIFY2(status.code() == kInjected, qPrintable(qs("the call does not stage " + stageName(stage) +
                                                               ": " + hcn::hresultHex(status.code()))));
        else
            QVERIFY2(status.ok(), qPrintable(qs("the call stages " + stageName(stage) +
                                                " or fails on its own: " + hcn::hresultHex(status.code()) +
                                                " " + status.message())));
    }
}

void TestEngineRollback::failedCallChangesNothing_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<bool>("atCommit");
    QTest::addColumn<int>("op");
    QTest::addColumn<int>("kind");
    for (std::size_t i = 0; i < cases().size(); ++i) {
        const Case& c = cases()[i];
        for (const Stage& stage : c.stages)
            QTest::addRow("%s / %s fails", c.name.c_str(), stageName(stage).c_str())
                << int(i) << false << int(stage.first) << int(stage.second);
        QTest::addRow("%s / commit fails", c.name.c_str()) << int(i) << true << 0 << 0;
    }
}

void TestEngineRollback::failedCallChangesNothing()
{
    QFETCH(int, index);
    QFETCH(bool, atCommit);
    QFETCH(int, op);
    QFETCH(int, kind);
    const Case& c = cases()[std::size_t(index)];

    // What the call does when nothing fails.
    std::vector<hcn::NotificationType> referenceTypes;
    json referenceAddresses;
    {
        Harness h(optionsFor(c));
        Scene scene{h, {}};
        HCN_VERIFY_OK(c.setup(scene));
        NotificationRecorder recorder(h.engine);
        (void)recorder.take();
        HCN_VERIFY_OK(c.call(scene));
        referenceTypes = typesOf(recorder.take());
        referenceAddresses = addressFingerprint(h);
    }
    QVERIFY2(!referenceTypes.empty(), "a successful call is announced");

    Harness h(optionsFor(c));
    Scene scene{h, {}};
    HCN_VERIFY_OK(c.setup(scene));
    NotificationRecorder recorder(h.engine);
    (void)recorder.take();
    const std::string before = h.snapshot();
    const json plainBefore = plainDocuments(h);
    const auto countsBefore = h.engine.counts();
    const auto commitsBefore = h.datapath->commitCount();
    const auto sequenceBefore = h.engine.lastSequence();

    if (atCommit)
        h.datapath->injectCommitFailure(kInjected);
    else
        h.datapath->injectFailure(ChangeOp(op), ResourceKind(kind), kInjected);
    const hcn::Status failed = c.call(scene);
    QCOMPARE(qs(hcn::hresultHex(failed.code())), qs(hcn::hresultHex(kInjected)));

    // Every broken promise of the row is listed, not just the first one.
    QStringList problems;
    const std::string after = h.snapshot();
    if (after != before) {
        const json b = json::parse(before), a = json::parse(after);
        for (const auto& [key, value] : b.items())
            if (!a.contains(key) || a[key] != value)
                problems << qs("the snapshot's " + key + " part changed: ") +
                                describeDifference(value.dump(), a.value(key, json()).dump());
        if (a.size() != b.size() || a.dump() != after || problems.isEmpty())
            problems << "the snapshot changed: " + describeDifference(before, after);
    }
    if (const json plainAfter = plainDocuments(h); plainAfter != plainBefore)
        problems << "the objects' documents changed: " +
                        describeDifference(plainBefore.dump(), plainAfter.dump());
    if (!sameCounts(h.engine.counts(), countsBefore))
        problems << "object or open-handle counts changed";
    if (h.datapath->commitCount() != commitsBefore)
        problems << "the datapath counted a commit";
    if (const auto leaked = typesOf(recorder.take()); !leaked.empty())
        problems << "notifications of the failed call were delivered: " + typeNames(leaked);
    if (h.engine.lastSequence() != sequenceBefore)
        problems << "the notification sequence advanced";

    h.datapath->clearFailures();
    if (const hcn::Status retried = c.call(scene); !retried.ok()) {
        problems << qs("the retry failed: " + hcn::hresultHex(retried.code()) + " " + retried.message());
    } else {
        const auto retriedTypes = typesOf(recorder.take());
        if (retriedTypes != referenceTypes)
            problems << "the retry announced " + typeNames(retriedTypes) +
                            "; a run that never failed announced " + typeNames(referenceTypes);
        const json retriedAddresses = addressFingerprint(h);
        if (retriedAddresses != referenceAddresses)
            problems << "addresses after the retry differ from a run that never failed:\n  retry:     " +
                            qs(retriedAddresses.dump()) + "\n  reference: " + qs(referenceAddresses.dump());
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join("\n")));
}

void TestEngineRollback::failureIsReportedOnceThenCleared()
{
    // count = 2: two calls fail, the third succeeds; a cleared failure never fires.
    Harness h;
    HCN_VERIFY_OK(h.create(ResourceKind::Network, netA()));
    const auto net =
        h.engine.open(ResourceKind::Network, guid(h.enumerate(ResourceKind::Network)[0].get<std::string>()));
    HCN_VERIFY_OK(net);
    h.datapath->injectFailure(ChangeOp::Create, ResourceKind::Endpoint, kInjected, 2);
    QCOMPARE(statusOf(h.create(ResourceKind::Endpoint, endpoint("ep1", kEp1), *net)).code(), kInjected);
    QCOMPARE(statusOf(h.create(ResourceKind::Endpoint, endpoint("ep1", kEp1), *net)).code(), kInjected);
    HCN_VERIFY_OK(h.create(ResourceKind::Endpoint, endpoint("ep1", kEp1), *net));
    h.datapath->injectCommitFailure(kInjected);
    h.datapath->clearFailures();
    HCN_VERIFY_OK(h.create(ResourceKind::Endpoint, endpoint("ep2", kEp2), *net));
    QCOMPARE(h.engine.counts().endpoints, std::size_t(2));
}

QTEST_GUILESS_MAIN(TestEngineRollback)
#include "tst_enginerollback.moc"
