// Health checks: every rule fires on a host built to trigger it and stays quiet on a near miss; the
// sample host has no error; partial and odd documents (imported dumps, wrong types) never crash and
// never raise an error; and after random sequences of changes the incrementally kept findings equal
// a check from scratch. HCN_RANDOM_STEPS=<n> changes the length of each sequence.

#include "dump_files.h"
#include "hcn/dump_import.h"
#include "hcn/health_checks.h"
#include "hcn/host_state.h"

#include <QDir>
#include <QtTest>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

using nlohmann::json;

namespace {

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

/// A GUID-shaped ID from a number: readable in failures ("00000000-0000-4000-8000-0000000000NN").
std::string guid(int n)
{
    char text[40];
    std::snprintf(text, sizeof text, "00000000-0000-4000-8000-%012d", n);
    return text;
}

const std::string kNet = guid(1);
const std::string kNet2 = guid(2);
const std::string kNs = guid(10);

json subnet(const std::string& prefix, const std::string& gateway)
{
    json s{{"IpAddressPrefix", prefix}};
    s["Routes"] = json::array({{{"NextHop", gateway}, {"DestinationPrefix", "0.0.0.0/0"}}});
    return s;
}

json network(const std::string& id, const std::string& type, const std::string& prefix,
             const std::string& gateway)
{
    return {
        {"ID", id},
        {"Name", "net-" + id.substr(id.size() - 2)},
        {"Type", type},
        {"Ipams", json::array({{{"Type", "Static"}, {"Subnets", json::array({subnet(prefix, gateway)})}}})},
        {"MacPool",
         {{"Ranges", json::array({{{"StartMacAddress", "00-15-5D-52-C0-00"},
                                   {"EndMacAddress", "00-15-5D-52-CF-FF"}}})}}},
        {"Dns", {{"ServerList", json::array({"10.0.0.10"})}}}};
}

json endpoint(int n, const std::string& networkId, const std::string& ip, bool attached = true)
{
    char mac[32];
    std::snprintf(mac, sizeof mac, "00-15-5D-52-C0-%02X", n & 0xFF);
    json e{{"ID", guid(100 + n)},
           {"Name", "ep" + std::to_string(n)},
           {"HostComputeNetwork", networkId},
           {"IpConfigurations", json::array({{{"IpAddress", ip}, {"PrefixLength", 24}}})},
           {"MacAddress", mac},
           {"Flags", 0}};
    if (attached)
        e["HostComputeNamespace"] = kNs;
    return e;
}

json remoteEndpoint(int n, const std::string& networkId, const std::string& ip, const std::string& pa)
{
    json e = endpoint(n, networkId, ip, false);
    e["Flags"] = 1;
    e["MacAddress"] = "02-11-22-33-44-" + std::to_string(10 + n % 80);
    e["Policies"] = json::array({{{"Type", "ProviderAddress"}, {"Settings", {{"ProviderAddress", pa}}}}});
    return e;
}

json nameSpace(const std::string& id, const std::vector<std::string>& endpoints)
{
    json resources = json::array();
    for (const auto& e : endpoints)
        resources.push_back({{"Type", "Endpoint"}, {"Data", {{"Id", e}}}});
    return {{"ID", id}, {"Type", "Host"}, {"Resources", resources}};
}

json loadBalancer(int n, const std::vector<std::string>& backends, const std::vector<std::string>& vips,
                  int protocol, int external, int internal)
{
    return {
        {"ID", guid(500 + n)},
        {"HostComputeEndpoints", backends},
        {"FrontendVIPs", vips},
        {"PortMappings",
         json::array({{{"Protocol", protocol}, {"ExternalPort", external}, {"InternalPort", internal}}})}};
}

json policy(const std::string& type, const json& settings)
{
    return {{"Type", type}, {"Settings", settings}};
}

json tierRule(const std::string& action, int priority, const json& extra)
{
    json rule{{"TierAclRuleAction", action}, {"Priority", priority}};
    rule.update(extra);
    return rule;
}

json tierAcl(const std::string& name, const std::string& direction, int order, const std::vector<json>& rules)
{
    return policy(
        "TierAcl",
        {{"Name", name}, {"Direction", direction}, {"Order", order}, {"TierAclRules", json(rules)}});
}

/// A host: a NAT network 10.0.0.0/24 with two attached endpoints, one namespace holding them.
struct Host
{
    json networks = json::array({network(kNet, "NAT", "10.0.0.0/24", "10.0.0.1")});
    json endpoints = json::array({endpoint(1, kNet, "10.0.0.5"), endpoint(2, kNet, "10.0.0.6")});
    json namespaces = json::array({nameSpace(kNs, {guid(101), guid(102)})});
    json loadBalancers = json::array();
    json routes = json::array();
    json hnsVersion;
    json import; ///< an imported dump's report

    json& ep(int n) { return endpoints[std::size_t(n - 1)]; }
    QByteArray text() const
    {
        json root{{"Networks", networks},
                  {"Endpoints", endpoints},
                  {"Namespaces", namespaces},
                  {"LoadBalancers", loadBalancers},
                  {"SdnRoutes", routes}};
        if (!hnsVersion.is_null())
            root["HnsVersion"] = hnsVersion;
        if (!import.is_null())
            root["Import"] = import;
        return QByteArray::fromStdString(root.dump());
    }
};

/// A Kubernetes l2bridge host: cluster CIDR 10.244.0.0/16, node range 10.244.1.0/24, a service VIP.
Host kubernetesHost(const json& exceptions)
{
    Host h;
    h.networks = json::array({network(kNet, "L2Bridge", "10.244.1.0/24", "10.244.1.1")});
    h.endpoints = json::array({endpoint(1, kNet, "10.244.1.5"), endpoint(2, kNet, "10.244.1.6")});
    for (json& e : h.endpoints)
        e["Policies"] = json::array({policy("OutBoundNAT", {{"Exceptions", exceptions}})});
    h.loadBalancers = json::array({loadBalancer(1, {guid(101)}, {"10.96.0.20"}, 6, 80, 8080)});
    return h;
}

struct Case
{
    const char* name;
    QByteArray snapshot;
    const char* rule;
    bool fires;
};

/// An imported dump's report whose objects lost what `losses` say ("ID", "loss as the import words it"):
/// the values the dump did not carry in a type HNS writes (redacted, misread).
json lostInDump(const std::vector<std::pair<std::string, std::string>>& losses)
{
    json objects = json::array();
    for (const auto& [id, loss] : losses)
        objects.push_back({{"ID", id}, {"Lost", json::array({loss})}});
    return {{"Objects", objects}};
}

std::vector<Case> cases()
{
    std::vector<Case> out;
    auto add = [&](const char* name, const Host& h, const char* rule, bool fires) {
        out.push_back({name, h.text(), rule, fires});
    };
    {
        Host h;
        h.ep(2)["IpConfigurations"][0]["IpAddress"] = "10.0.0.5";
        add("two local endpoints on one address", h, "IP-DUP-LOCAL", true);
        add("distinct local addresses", Host{}, "IP-DUP-LOCAL", false);
    }
    {
        Host h;
        h.endpoints.push_back(remoteEndpoint(3, kNet, "10.0.0.5", "192.168.1.20"));
        add("a remote endpoint on a local address", h, "IP-DUP-REMOTE", true);
        Host miss;
        miss.endpoints.push_back(remoteEndpoint(3, kNet, "10.0.0.7", "192.168.1.20"));
        add("a remote endpoint on its own address", miss, "IP-DUP-REMOTE", false);
    }
    {
        Host h;
        h.endpoints.push_back(remoteEndpoint(3, kNet, "10.0.0.70", "192.168.1.20"));
        h.endpoints.push_back(remoteEndpoint(4, kNet, "10.0.0.70", "192.168.1.21"));
        add("two remote endpoints on one address", h, "IP-DUP-REMOTES", true);
        h.endpoints[3]["IpConfigurations"][0]["IpAddress"] = "10.0.0.71";
        add("two remote endpoints on two addresses", h, "IP-DUP-REMOTES", false);
    }
    {
        Host h;
        h.ep(2)["MacAddress"] = h.ep(1)["MacAddress"];
        add("two endpoints with one MAC", h, "MAC-DUP", true);
        Host miss;
        miss.ep(2)["MacAddress"] = "00:15:5d:52:c0:09"; // colon spelling of a different MAC
        add("MACs differ (one in colon spelling)", miss, "MAC-DUP", false);
    }
    {
        Host h;
        h.ep(2)["IpConfigurations"][0]["IpAddress"] = "10.0.1.6";
        add("an address in the next /24", h, "EP-IP-OUTSIDE-SUBNET", true);
        Host miss;
        miss.ep(2)["IpConfigurations"][0]["IpAddress"] = "10.0.0.254";
        add("the last host address of the subnet", miss, "EP-IP-OUTSIDE-SUBNET", false);
        Host redacted;
        redacted.ep(2)["IpConfigurations"][0]["IpAddress"] = "10.0.1.6";
        redacted.networks[0]["Ipams"][0]["Subnets"].push_back(json{{"Routes", json::array()}});
        redacted.import =
            lostInDump({{kNet, "Subnets[1].AddressPrefix: \"10.0.x.0/24\" is not an address prefix "
                               "(redacted?); kept under \"_v1\" as given"}});
        add("a subnet whose prefix the dump did not carry may hold the address", redacted,
            "EP-IP-OUTSIDE-SUBNET", false);
    }
    {
        Host h;
        h.networks[0]["Ipams"][0]["Subnets"][0]["Routes"][0]["NextHop"] = "10.0.1.1";
        add("a gateway in another subnet", h, "NET-GATEWAY-OUTSIDE-SUBNET", true);
        Host miss;
        miss.networks[0]["Ipams"][0]["Subnets"][0]["Routes"][0]["NextHop"] = "10.0.0.254";
        add("a gateway at the top of the subnet", miss, "NET-GATEWAY-OUTSIDE-SUBNET", false);
    }
    {
        Host h;
        h.networks.push_back(network(kNet2, "NAT", "10.0.0.128/25", "10.0.0.129"));
        add("a /25 inside another network's /24", h, "NET-SUBNET-OVERLAP", true);
        Host miss;
        miss.networks.push_back(network(kNet2, "NAT", "10.0.1.0/24", "10.0.1.1"));
        add("adjacent /24s", miss, "NET-SUBNET-OVERLAP", false);
    }
    {
        // /27: 32 - network - broadcast - gateway = 29 assignable; 27 in use is 93 %.
        auto pool = [](int used, int attachedCount) {
            Host h;
            h.networks[0]["Ipams"][0]["Subnets"][0] = subnet("10.0.0.0/27", "10.0.0.1");
            h.endpoints = json::array();
            std::vector<std::string> members;
            for (int i = 0; i < used; ++i) {
                h.endpoints.push_back(
                    endpoint(i + 1, kNet, "10.0.0." + std::to_string(i + 2), i < attachedCount));
                if (i < attachedCount)
                    members.push_back(guid(101 + i));
            }
            h.namespaces = json::array({nameSpace(kNs, members)});
            for (json& e : h.endpoints)
                e.erase("HostComputeNamespace");
            return h;
        };
        add("27 of 29 addresses in use", pool(27, 27), "NET-POOL-EXHAUSTED", true);
        add("26 of 29 addresses in use (89.7 %)", pool(26, 26), "NET-POOL-EXHAUSTED", false);
        add("full pool, 5 of 27 endpoints attached", pool(27, 5), "NET-POOL-FULL-FEW-ENDPOINTS", true);
        add("full pool, every endpoint attached", pool(27, 27), "NET-POOL-FULL-FEW-ENDPOINTS", false);
        Host small;
        small.networks[0]["Ipams"][0]["Subnets"][0] = subnet("10.0.0.0/29", "10.0.0.1");
        small.endpoints = json::array();
        for (int i = 0; i < 5; ++i)
            small.endpoints.push_back(endpoint(i + 1, kNet, "10.0.0." + std::to_string(i + 2)));
        add("a /29 with 5 endpoints", small, "NET-POOL-SMALL", true);
        small.endpoints.erase(4);
        small.endpoints.erase(3);
        add("a /29 with 3 endpoints", small, "NET-POOL-SMALL", false);
    }
    {
        Host h;
        h.ep(1)["Policies"] = json::array(
            {policy("PortMapping", {{"Protocol", 6}, {"ExternalPort", 8080}, {"InternalPort", 80}})});
        h.ep(2)["Policies"] = json::array(
            {policy("PortMapping", {{"Protocol", "TCP"}, {"ExternalPort", 8080}, {"InternalPort", 81}})});
        add("two endpoints publish TCP 8080", h, "PORTMAP-CONFLICT", true);
        h.ep(2)["Policies"][0]["Settings"]["Protocol"] = 17;
        add("TCP 8080 and UDP 8080", h, "PORTMAP-CONFLICT", false);
        Host vips;
        vips.ep(1)["Policies"] = json::array(
            {policy("PortMapping", {{"Protocol", 6}, {"ExternalPort", 8080}, {"VIP", "192.168.1.10"}})});
        vips.ep(2)["Policies"] = json::array(
            {policy("PortMapping", {{"Protocol", 6}, {"ExternalPort", 8080}, {"VIP", "192.168.1.11"}})});
        add("TCP 8080 on two different host addresses", vips, "PORTMAP-CONFLICT", false);
        Host nodePort;
        nodePort.ep(1)["Policies"] =
            json::array({policy("PortMapping", {{"Protocol", 6}, {"ExternalPort", 30080}})});
        nodePort.loadBalancers = json::array({loadBalancer(1, {guid(102)}, {}, 6, 30080, 80)});
        add("a port mapping on a node port", nodePort, "PORTMAP-CONFLICT", true);
    }
    {
        Host h;
        h.loadBalancers = json::array({loadBalancer(1, {}, {"10.96.0.20"}, 6, 80, 8080)});
        add("a ClusterIP load balancer without backends", h, "LB-NO-BACKENDS", true);
        h.loadBalancers[0]["HostComputeEndpoints"] = json::array({guid(101)});
        add("a load balancer with one backend", h, "LB-NO-BACKENDS", false);
    }
    {
        Host h;
        h.loadBalancers = json::array({loadBalancer(1, {guid(101), guid(199)}, {"10.96.0.20"}, 6, 80, 8080)});
        add("one of two backends is gone", h, "LB-BACKEND-MISSING", true);
        h.loadBalancers[0]["HostComputeEndpoints"] = json::array({guid(101), guid(102)});
        add("both backends exist", h, "LB-BACKEND-MISSING", false);
    }
    {
        Host h;
        h.loadBalancers = json::array({loadBalancer(1, {guid(101)}, {"10.96.0.20"}, 6, 80, 8080),
                                       loadBalancer(2, {guid(102)}, {"10.96.0.20"}, 6, 80, 9090)});
        add("two load balancers on 10.96.0.20:80/TCP", h, "LB-DUP-FRONTEND", true);
        h.loadBalancers[1]["PortMappings"][0]["Protocol"] = 17;
        add("TCP and UDP on the same VIP and port", h, "LB-DUP-FRONTEND", false);
    }
    {
        Host h;
        h.loadBalancers = json::array({loadBalancer(1, {guid(198), guid(199)}, {}, 6, 30080, 80)});
        add("a node port whose backends are all gone", h, "LB-ORPHAN-HOST-PORT", true);
        h.loadBalancers[0]["HostComputeEndpoints"] = json::array({guid(198), guid(101)});
        add("a node port with one live backend", h, "LB-ORPHAN-HOST-PORT", false);
        Host dump;
        dump.loadBalancers = json::array({loadBalancer(1, {guid(198)}, {}, 6, 80, 8080)});
        dump.import = {
            {"Objects",
             json::array(
                 {{{"ID", guid(501)},
                   {"Lost",
                    json::array({"Policies[0].VIPs: not expanded by PowerShell (System.Object[])"})}}})}};
        add("a dump that did not carry the load balancer's VIPs", dump, "LB-ORPHAN-HOST-PORT", false);
    }
    {
        Host h;
        h.loadBalancers = json::array({loadBalancer(1, {guid(101)}, {"10.96.0.20"}, 6, 80, 8080)});
        h.loadBalancers[0]["_v1"] = {{"IsApplied", false}};
        add("a load balancer HNS has not applied", h, "LB-NOT-APPLIED", true);
        h.loadBalancers[0]["_v1"]["IsApplied"] = "False";
        add("IsApplied False as a list view writes it", h, "LB-NOT-APPLIED", true);
        h.loadBalancers[0]["_v1"] = json::object();
        h.loadBalancers[0]["IsApplied"] = false;
        add("IsApplied false at the top of the document", h, "LB-NOT-APPLIED", true);
        h.loadBalancers[0].erase("IsApplied");
        h.loadBalancers[0]["_v1"]["IsApplied"] = true;
        add("an applied load balancer", h, "LB-NOT-APPLIED", false);
        h.loadBalancers[0].erase("_v1");
        add("a document that does not say (v2)", h, "LB-NOT-APPLIED", false);
        h.loadBalancers[0]["_v1"] = {{"IsApplied", "maybe"}};
        add("an IsApplied that is neither true nor false", h, "LB-NOT-APPLIED", false);
        add("and is said unreadable", h, "DATA-UNREADABLE", true);
    }
    {
        Host h;
        h.ep(2)["HostComputeNetwork"] = guid(3);
        add("an endpoint on a deleted network", h, "EP-NETWORK-MISSING", true);
        Host miss;
        miss.networks = json::array();
        add("a dump of endpoints only (no network at all)", miss, "EP-NETWORK-MISSING", false);
    }
    {
        auto overlay = [](const std::string& pa) {
            Host h;
            h.networks[0]["Type"] = "Overlay";
            h.networks[0]["Policies"] =
                json::array({policy("RemoteSubnetRoute", {{"DestinationPrefix", "10.0.0.128/25"},
                                                          {"ProviderAddress", "192.168.1.20"}})});
            h.endpoints.push_back(remoteEndpoint(3, kNet, "10.0.0.130", pa));
            return h;
        };
        add("a remote endpoint behind an unknown host", overlay("192.168.1.99"), "REMOTE-PA-UNKNOWN", true);
        add("a remote endpoint behind its route's host", overlay("192.168.1.20"), "REMOTE-PA-UNKNOWN", false);
        Host noPa = overlay("192.168.1.20");
        noPa.endpoints[2].erase("Policies");
        add("a remote overlay endpoint without a provider address", noPa, "REMOTE-NO-PA", true);
        Host redactedPa = noPa;
        redactedPa.import = lostInDump({{guid(103), "Policies[0].PA: \"192.168.x.x\" is not an IP address "
                                                    "(redacted?); kept under \"_v1\" as given"}});
        add("a provider address the dump did not carry", redactedPa, "REMOTE-NO-PA", false);
        add("a remote overlay endpoint with its provider address", overlay("192.168.1.20"), "REMOTE-NO-PA",
            false);
    }
    {
        Host h;
        h.networks[0]["Ipams"][0]["Subnets"][0]["IpSubnets"] =
            json::array({{{"IpAddressPrefix", "10.0.0.0/26"}}});
        h.endpoints.push_back(remoteEndpoint(3, kNet, "10.0.0.40", "192.168.1.20"));
        add("a remote endpoint inside this node's range", h, "REMOTE-IP-IN-LOCAL-RANGE", true);
        h.endpoints[2]["IpConfigurations"][0]["IpAddress"] = "10.0.0.140";
        add("a remote endpoint outside this node's range", h, "REMOTE-IP-IN-LOCAL-RANGE", false);
    }
    {
        Host h;
        h.ep(2).erase("HostComputeNamespace");
        h.namespaces[0] = nameSpace(kNs, {guid(101)});
        add("an endpoint no namespace holds", h, "EP-LEAKED", true);
        Host listed;
        listed.ep(2).erase("HostComputeNamespace");
        add("an endpoint only the namespace's Resources list", listed, "EP-LEAKED", false);
        Host noNamespaces;
        noNamespaces.namespaces = json::array();
        for (json& e : noNamespaces.endpoints)
            e.erase("HostComputeNamespace");
        add("a dump without any namespace data", noNamespaces, "EP-LEAKED", false);
        Host vm = h;
        vm.networks[0]["Type"] = "ICS"; // the Default Switch: virtual machines' endpoints have no namespace
        add("a virtual machine's endpoint on the Default Switch", vm, "EP-LEAKED", false);
    }
    add("OutBoundNAT excepting only the service range", kubernetesHost(json::array({"10.96.0.0/12"})),
        "NAT-EXCEPTION-NETWORK", true);
    add("OutBoundNAT excepting the cluster and service ranges",
        kubernetesHost(json::array({"10.244.0.0/16", "10.96.0.0/12"})), "NAT-EXCEPTION-NETWORK", false);
    {
        Host redacted = kubernetesHost(json::array({"10.96.0.0/12"}));
        redacted.import =
            lostInDump({{guid(101), "Policies[0].ExceptionList[1]: \"10.x.0.0/16\" is not an "
                                    "address or a prefix (redacted?); kept under \"_v1\" as given"}});
        add("an OutBoundNAT exception the dump did not carry", redacted, "NAT-EXCEPTION-NETWORK", false);
    }
    {
        Host dualStack = kubernetesHost(json::array({"10.244.0.0/16", "10.96.0.0/12"}));
        dualStack.networks[0]["Ipams"][0]["Subnets"].push_back(subnet("fd00:244:1::/64", "fd00:244:1::1"));
        add("dual stack with IPv4-only OutBoundNAT exceptions", dualStack, "NAT-EXCEPTION-NETWORK", false);
    }
    add("OutBoundNAT excepting only the cluster range", kubernetesHost(json::array({"10.244.0.0/16"})),
        "NAT-EXCEPTION-SERVICE", true);
    add("OutBoundNAT excepting both ranges in one string", kubernetesHost("10.244.0.0/16,10.96.0.0/12"),
        "NAT-EXCEPTION-SERVICE", false);
    {
        Host h;
        h.networks[0].erase("Dns");
        add("no DNS server anywhere", h, "DNS-MISSING", true);
        Host miss;
        miss.networks[0].erase("Dns");
        miss.ep(1)["Dns"] = {{"ServerList", "10.0.0.10"}};
        miss.ep(2)["Dns"] = {{"ServerList", json::array({"10.0.0.10"})}};
        add("DNS only on the endpoints", miss, "DNS-MISSING", false);
        // An imported table without a Type column: the network's type is not known, so nothing that
        // holds for NAT only (the host's DNS for its endpoints) is asked of it.
        Host unknownType;
        unknownType.networks[0].erase("Dns");
        unknownType.networks[0]["Type"] = nullptr;
        add("no DNS server on a network whose type is not known", unknownType, "DNS-MISSING", false);
        Host redacted;
        redacted.networks[0].erase("Dns");
        const std::string loss = "DNSServerList: \"10.0.0.x\" is not an IP address (redacted?); kept under "
                                 "\"_v1\" as given";
        redacted.import = lostInDump({{guid(101), loss}, {guid(102), loss}});
        add("DNS servers the dump did not carry", redacted, "DNS-MISSING", false);
    }
    {
        Host h;
        h.loadBalancers = json::array({loadBalancer(1, {guid(199)}, {"10.0.0.10"}, 17, 53, 53)});
        add("the DNS VIP balances to a gone endpoint", h, "DNS-VIP-NO-BACKENDS", true);
        h.loadBalancers[0]["HostComputeEndpoints"] = json::array({guid(199), guid(102)});
        add("the DNS VIP has one live backend", h, "DNS-VIP-NO-BACKENDS", false);
    }
    {
        auto acl = [](const std::string& action, int priority, const json& extra) {
            json settings{
                {"Action", action}, {"Direction", "Out"}, {"Priority", priority}, {"RuleType", "Switch"}};
            settings.update(extra);
            return policy("ACL", settings);
        };
        Host h;
        h.ep(1)["Policies"] = json::array({acl("Block", 100, json::object()),
                                           acl("Allow", 200, {{"Protocols", "6"}, {"RemotePorts", "443"}})});
        add("a block-all above a specific allow", h, "ACL-SHADOWED", true);
        Host miss;
        miss.ep(1)["Policies"] =
            json::array({acl("Block", 200, json::object()),
                         acl("Allow", 100, {{"Protocols", "6"}, {"RemotePorts", "443"}})});
        add("the specific allow evaluated first", miss, "ACL-SHADOWED", false);
        Host dns;
        dns.ep(1)["Policies"] = json::array({acl("Block", 1000, {{"Protocols", "17"}})});
        add("a UDP block without a DNS allow", dns, "ACL-BLOCKS-DNS", true);
        dns.ep(1)["Policies"].push_back(acl(
            "Allow", 100, {{"Protocols", "17"}, {"RemotePorts", "53"}, {"RemoteAddresses", "10.0.0.10/32"}}));
        add("a UDP block below an allow for DNS", dns, "ACL-BLOCKS-DNS", false);
        // Protocols as HNS and the import take them: 256 among them is any protocol, names are protocols.
        Host anyProtocol;
        anyProtocol.ep(1)["Policies"] = json::array({acl("Block", 1000, {{"Protocols", "6,256"}})});
        add("a block of TCP and 256 (any protocol) without a DNS allow", anyProtocol, "ACL-BLOCKS-DNS", true);
        Host byName;
        byName.ep(1)["Policies"] = json::array({acl("Block", 1000, {{"Protocols", "ICMPv4,IGMP,ICMPv6"}})});
        add("a block of ICMPv4, IGMP and ICMPv6 by name leaves DNS alone", byName, "ACL-BLOCKS-DNS", false);
        add("a block of ICMPv4, IGMP and ICMPv6 by name is read", byName, "DATA-UNREADABLE", false);
        // An import kept a redacted list under "_v1": the rule's match is not known, so no claim.
        Host hidden = h;
        hidden.ep(1)["Policies"][0]["Settings"]["Protocols"] = "6";
        hidden.ep(1)["_v1"] = {{"Policies[0].Settings.RemoteAddresses", "10.0.X.Y"}};
        add("a block-all whose RemoteAddresses the dump does not show", hidden, "ACL-SHADOWED", false);
        Host hiddenDns;
        hiddenDns.ep(1)["Policies"] = json::array({acl("Block", 1000, {{"Protocols", "17"}})});
        hiddenDns.ep(1)["_v1"] = {{"Policies[0].Settings.RemoteAddresses", "<redacted>"}};
        add("a UDP block whose RemoteAddresses the dump does not show", hiddenDns, "ACL-BLOCKS-DNS", false);
        hiddenDns.ep(1)["Policies"][0]["Settings"]["RemoteAddresses"] = "10.0.0.10";
        hiddenDns.ep(1)["_v1"] = {{"Policies[0].Settings.RemoteAddresses", "10.0.0.10,10.0.X.Y"}};
        add("a UDP block that lists the DNS server beside a redacted address", hiddenDns, "ACL-BLOCKS-DNS",
            true);
        hiddenDns.ep(1)["Policies"][0]["Settings"]["RemoteAddresses"] = "10.0.0.0/8";
        hiddenDns.ep(1)["_v1"] = {{"Policies[0].Settings.RemotePorts", "5x"}};
        add("a UDP block to the DNS server whose ports the dump does not show", hiddenDns, "ACL-BLOCKS-DNS",
            false);
        // An import kept a protocol HNS does not take under "_v1" (and took the member out): the rule would
        // read as one for every protocol, but its match is not known.
        Host protocols;
        protocols.ep(1)["Policies"] = json::array({acl("Block", 1000, json::object())});
        add("a block of every protocol", protocols, "ACL-BLOCKS-DNS", true);
        protocols.ep(1)["_v1"] = {{"Policies[0].Settings.Protocols", "SCTP"}};
        add("a block whose Protocols are no protocol HNS takes", protocols, "ACL-BLOCKS-DNS", false);
        protocols.ep(1)["_v1"] = {{"Policies[0].Protocol", 300}};
        add("a block whose v1 Protocol is no protocol HNS takes", protocols, "ACL-BLOCKS-DNS", false);
    }
    {
        // TierAcl tiers: rules read as ACL rules are, actions Allow, Block and Pass, tiers in their Order.
        Host h;
        h.ep(1)["Policies"] = json::array({tierAcl(
            "baseline", "Out", 10,
            {tierRule("Block", 100, json::object()), tierRule("Allow", 200, {{"Protocols", "6"}})})});
        add("a tier's block-all above a specific allow", h, "TIER-RULE-SHADOWED", true);
        Host miss = h;
        miss.ep(1)["Policies"][0]["Settings"]["TierAclRules"][0]["Priority"] = 300;
        add("the tier's specific allow evaluated first", miss, "TIER-RULE-SHADOWED", false);
        add("a tier's block-all is no ordinary ACL", h, "ACL-SHADOWED", false);
        Host otherTier = h;
        otherTier.ep(1)["Policies"] =
            json::array({tierAcl("a", "Out", 10, {tierRule("Pass", 100, json::object())}),
                         tierAcl("b", "Out", 20, {tierRule("Allow", 200, {{"Protocols", "6"}})})});
        add("a covering rule in another tier", otherTier, "TIER-RULE-SHADOWED", false);
        Host hidden = h;
        hidden.ep(1)["Policies"][0]["Settings"]["TierAclRules"][0]["Protocols"] = "6";
        hidden.ep(1)["_v1"] = {{"Policies[0].Settings.TierAclRules[0].RemoteAddresses", "10.0.X.Y"}};
        add("a tier's block whose RemoteAddresses the dump does not show", hidden, "TIER-RULE-SHADOWED",
            false);

        Host dns;
        dns.ep(1)["Policies"] =
            json::array({tierAcl("baseline", "Out", 10, {tierRule("Block", 1000, {{"Protocols", "17"}})})});
        add("a tier blocking UDP", dns, "TIER-BLOCKS-DNS", true);
        add("a tier blocking UDP is no ordinary ACL", dns, "ACL-BLOCKS-DNS", false);
        Host passed = dns;
        passed.ep(1)["Policies"] =
            json::array({tierAcl("cluster", "Out", 20, {tierRule("Block", 1000, {{"Protocols", "17"}})}),
                         tierAcl("dns", "Out", 10,
                                 {tierRule("Pass", 100, {{"Protocols", "17"}, {"RemotePorts", "53"}})})});
        add("an earlier tier passes DNS on to a tier that blocks it", passed, "TIER-BLOCKS-DNS", true);
        Host allowed = passed;
        allowed.ep(1)["Policies"][1]["Settings"]["TierAclRules"][0]["TierAclRuleAction"] = "Allow";
        add("an earlier tier allows DNS: the blocking tier is not evaluated", allowed, "TIER-BLOCKS-DNS",
            false);
        Host later = passed;
        later.ep(1)["Policies"][1]["Settings"]["Order"] = 30;
        later.ep(1)["Policies"][1]["Settings"]["TierAclRules"][0]["TierAclRuleAction"] = "Allow";
        add("the allowing tier comes after the blocking one", later, "TIER-BLOCKS-DNS", true);
        Host unknownOrder = later;
        unknownOrder.ep(1)["Policies"][1]["Settings"].erase("Order");
        unknownOrder.ep(1)["_v1"] = {{"Policies[1].Settings.Order", "<redacted>"}};
        add("tiers whose Order the dump does not show", unknownOrder, "TIER-BLOCKS-DNS", false);
        Host unknownAction = dns;
        unknownAction.ep(1)["Policies"][0]["Settings"]["TierAclRules"][0].erase("TierAclRuleAction");
        unknownAction.ep(1)["_v1"] = {{"Policies[0].Settings.TierAclRules[0].TierAclRuleAction", "Bl0ck"}};
        add("a tier rule whose action the dump does not show", unknownAction, "TIER-BLOCKS-DNS", false);

        Host dup;
        dup.ep(1)["Policies"] =
            json::array({tierAcl("a", "Out", 10, {tierRule("Pass", 100, json::object())}),
                         tierAcl("b", "Out", 10, {tierRule("Allow", 100, json::object())})});
        add("two outbound tiers with Order 10", dup, "TIER-ORDER-DUP", true);
        dup.ep(1)["Policies"][1]["Settings"]["Direction"] = "In";
        add("Order 10 once per direction", dup, "TIER-ORDER-DUP", false);
    }
    {
        Host h;
        h.hnsVersion = {{"Major", 9}, {"Minor", 2}};
        h.loadBalancers = json::array({loadBalancer(1, {guid(101)}, {"10.96.0.20"}, 6, 80, 8080)});
        h.loadBalancers[0]["PortMappings"][0]["DistributionType"] = 1;
        add("session affinity on HNS 9.2", h, "FEATURE-TOO-NEW", true);
        h.hnsVersion = {{"Major", 12}, {"Minor", 0}};
        add("session affinity on HNS 12.0", h, "FEATURE-TOO-NEW", false);
        h.hnsVersion = {{"Major", 1}, {"Minor", 1}};
        add("session affinity on a v1-only HNS 1.1", h, "FEATURE-TOO-NEW", true);
        h.loadBalancers[0]["PortMappings"][0].erase("DistributionType");
        add("plain objects on a v1-only HNS 1.1", h, "FEATURE-TOO-NEW", false);
        h.hnsVersion = nullptr;
        add("session affinity, HNS version unknown", h, "FEATURE-TOO-NEW", false);
        h.hnsVersion = {{"Major", 0}, {"Minor", 0}};
        add("session affinity, HNS version 0.0 (unknown)", h, "FEATURE-TOO-NEW", false);
    }
    {
        Host h;
        h.networks[0]["Ipams"][0]["Subnets"][0]["Routes"] =
            json::array({{{"NextHop", "10.0.0.1"}, {"DestinationPrefix", "10.1.0.0/16"}}});
        add("routes without a default", h, "NET-NO-DEFAULT-ROUTE", true);
        h.networks[0]["Ipams"][0]["Subnets"][0].erase("Routes");
        add("routes absent from the document", h, "NET-NO-DEFAULT-ROUTE", false);
        Host isolated;
        isolated.networks[0]["Type"] = "Private";
        isolated.networks[0]["Ipams"][0]["Subnets"][0]["Routes"] = json::array();
        add("a Private network without routes", isolated, "NET-NO-DEFAULT-ROUTE", false);
    }
    {
        Host h;
        h.ep(2)["IpConfigurations"][0]["IpAddress"] = "10.0.0.0";
        add("an endpoint on the subnet's network address", h, "EP-IP-RESERVED", true);
        h.ep(2)["IpConfigurations"][0]["IpAddress"] = "10.0.0.255";
        add("an endpoint on the subnet's broadcast address", h, "EP-IP-RESERVED", true);
        h.ep(2)["IpConfigurations"][0]["IpAddress"] = "10.0.0.254";
        add("the subnet's last host address", h, "EP-IP-RESERVED", false);
        Host wide;
        wide.networks[0] = network(kNet, "NAT", "10.0.0.0/16", "10.0.0.1");
        wide.ep(2)["IpConfigurations"][0]["IpAddress"] = "10.0.1.0";
        add("an address ending in .0 inside a /16", wide, "EP-IP-RESERVED", false);
        Host point;
        point.networks[0] = network(kNet, "Transparent", "10.0.0.4/31", "10.0.0.5");
        point.ep(2)["IpConfigurations"][0]["IpAddress"] = "10.0.0.4";
        add("either address of a /31", point, "EP-IP-RESERVED", false);
        Host overlapping;
        overlapping.networks[0]["Ipams"][0]["Subnets"].push_back(subnet("10.0.0.0/16", "10.0.0.1"));
        overlapping.ep(2)["IpConfigurations"][0]["IpAddress"] = "10.0.0.255";
        add("the /24's broadcast address, a host's in the /16 beside it", overlapping, "EP-IP-RESERVED",
            false);
    }
    {
        Host h;
        h.ep(2)["MacAddress"] = "00-15-5D-99-00-01";
        add("a MAC outside the pool", h, "EP-MAC-OUTSIDE-POOL", true);
        h.ep(2)["MacAddress"] = "00-15-5D-52-CF-FF";
        add("the last MAC of the pool", h, "EP-MAC-OUTSIDE-POOL", false);
    }
    {
        Host h;
        h.ep(2)["HostComputeNamespace"] = guid(11);
        add("an endpoint naming a deleted namespace", h, "EP-NAMESPACE-MISSING", true);
        add("an endpoint naming its namespace", Host{}, "EP-NAMESPACE-MISSING", false);
    }
    {
        Host h;
        h.namespaces[0] = nameSpace(kNs, {guid(101), guid(102), guid(199)});
        add("a namespace listing a deleted endpoint", h, "NS-ENDPOINT-MISSING", true);
        add("a namespace listing its endpoints", Host{}, "NS-ENDPOINT-MISSING", false);
    }
    {
        Host h;
        h.ep(2).erase("IpConfigurations");
        add("an endpoint document without addresses", h, "EP-NO-ADDRESS", true);
        add("endpoints with addresses", Host{}, "EP-NO-ADDRESS", false);
        Host redacted;
        redacted.ep(2).erase("IpConfigurations");
        redacted.import = lostInDump({{guid(102), "IPAddress: \"10.0.x.x\" is not an IP address (redacted?); "
                                                  "kept under \"_v1\" as given"}});
        add("an endpoint whose address the dump did not carry", redacted, "EP-NO-ADDRESS", false);
    }
    {
        Host h;
        h.ep(2)["IpConfigurations"][0]["IpAddress"] = 167772166; // a number, not text
        add("an address written as a number", h, "DATA-UNREADABLE", true);
        add("addresses written as text", Host{}, "DATA-UNREADABLE", false);
    }
    {
        Host h;
        h.routes = json::array({{{"ID", guid(700)}, {"HostComputeEndpoints", json::array({guid(199)})}}});
        add("an SDN route for a deleted endpoint", h, "ROUTE-ENDPOINT-MISSING", true);
        h.routes[0]["HostComputeEndpoints"] = json::array({guid(101)});
        add("an SDN route for a live endpoint", h, "ROUTE-ENDPOINT-MISSING", false);
    }
    return out;
}

QStringList describe(const std::vector<hcn::Finding>& findings)
{
    QStringList out;
    for (const hcn::Finding& f : findings)
        out << qs(f.ruleId + ": " + f.message);
    return out;
}

QByteArray readSource(const QString& relative)
{
    QFile file(qEnvironmentVariable("HCN_SOURCE_DIR") + "/" + relative);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    return file.readAll();
}

std::string findingText(const std::vector<hcn::Finding>& findings)
{
    std::string out;
    for (const hcn::Finding& f : findings) {
        out += f.ruleId + " " + f.message + " [";
        for (const auto& o : f.objects)
            out += o.id + " ";
        out += "] " + f.fix + "\n";
    }
    return out;
}

/// The lines of `text`, sorted: two lists of findings compared regardless of the order of findings
/// that sort alike.
QStringList sortedLines(const std::string& text)
{
    QStringList lines = QString::fromStdString(text).split('\n');
    lines.sort();
    return lines;
}

} // namespace

class TestHealthChecks : public QObject
{
    Q_OBJECT

private slots:
    void rule_data()
    {
        QTest::addColumn<QByteArray>("snapshot");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<bool>("fires");
        for (const Case& c : cases())
            QTest::newRow(qPrintable(QString("%1 %2").arg(c.rule, c.name)))
                << c.snapshot << c.rule << c.fires;
    }

    void rule()
    {
        QFETCH(QByteArray, snapshot);
        QFETCH(QString, rule);
        QFETCH(bool, fires);
        auto findings = hcn::checkSnapshot(snapshot.toStdString());
        QVERIFY2(findings.ok(), qPrintable(qs(findings.status().message())));
        bool found = false;
        for (const hcn::Finding& f : *findings) {
            if (qs(f.ruleId) != rule)
                continue;
            found = true;
            // Every finding names its objects and says what to do.
            QVERIFY(!f.objects.empty());
            QVERIFY(!f.title.empty() && !f.cause.empty() && !f.fix.empty() && !f.message.empty());
            QVERIFY2(f.fix.find("{endpoint}") == std::string::npos &&
                         f.fix.find("{lb}") == std::string::npos &&
                         f.fix.find("{network}") == std::string::npos,
                     f.fix.c_str());
            for (const auto& o : f.objects)
                QVERIFY(!o.id.empty());
        }
        QVERIFY2(found == fires, qPrintable(describe(*findings).join("\n")));
    }

    /// What a TierAcl finding says: the tier, the rule (its action, priority, Id) and what it does.
    void tierFindingWording_data()
    {
        QTest::addColumn<QByteArray>("snapshot");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("evidence"); // a field the finding's evidence names

        Host shadow;
        shadow.ep(1)["Policies"] = json::array(
            {policy("ACL", {{"Action", "Allow"}, {"Direction", "Out"}, {"Priority", 5}}),
             tierAcl("baseline", "Out", 10,
                     {tierRule("Pass", 100, {{"Id", "to-next"}}),
                      tierRule("Block", 200, {{"Id", "web"}, {"Protocols", "6"}, {"RemotePorts", "80"}})})});
        QTest::newRow("a Pass rule covers a later Block in its tier")
            << shadow.text() << "TIER-RULE-SHADOWED"
            << "TierAcl \"baseline\" Out Order 10 rule Block Out priority 200 (web) never matches: Pass Out "
               "priority 100 (to-next) covers it with action Pass instead."
            << "Policies[1].Settings.TierAclRules[1]";
        Host dns;
        dns.ep(1)["Policies"] = json::array(
            {tierAcl("dns", "Out", 10, {tierRule("Pass", 100, {{"Protocols", "17"}, {"RemotePorts", "53"}})}),
             tierAcl("cluster", "Out", 20,
                     {tierRule("Block", 1000, {{"Id", "deny-udp"}, {"Protocols", "17"}})})});
        QTest::newRow("the tier a Pass hands DNS to blocks it")
            << dns.text() << "TIER-BLOCKS-DNS"
            << "TierAcl \"cluster\" Out Order 20 rule Block Out priority 1000 (deny-udp) blocks UDP 53 to "
               "DNS "
               "server 10.0.0.10."
            << "Policies[1].Settings.TierAclRules[0]";
        Host dup;
        dup.ep(1)["Policies"] = json::array({tierAcl("a", "In", 10, {}), tierAcl("b", "In", 10, {})});
        QTest::newRow("two inbound tiers with one Order")
            << dup.text() << "TIER-ORDER-DUP"
            << "TierAcl \"b\" In Order 10 has the same Order as TierAcl \"a\" In Order 10: which of the two "
               "is "
               "evaluated first is not documented."
            << "Policies[1]";
    }

    void tierFindingWording()
    {
        QFETCH(QByteArray, snapshot);
        QFETCH(QString, rule);
        QFETCH(QString, message);
        QFETCH(QString, evidence);
        auto findings = hcn::checkSnapshot(snapshot.toStdString());
        QVERIFY(findings.ok());
        QStringList seen;
        for (const hcn::Finding& f : *findings) {
            if (qs(f.ruleId) != rule)
                continue;
            seen << qs(f.message);
            QVERIFY2(std::any_of(f.evidence.begin(), f.evidence.end(),
                                 [&](const auto& e) { return qs(e.first).endsWith(evidence); }),
                     qPrintable(qs(f.message)));
        }
        QCOMPARE(seen, QStringList{message});
    }

    /// What LB-NOT-APPLIED says: which load balancer (VIPs, ports, protocols) and where the dump says it.
    void notAppliedWording_data()
    {
        QTest::addColumn<QByteArray>("snapshot");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QStringList>("evidence"); // "field = value", the field's end

        Host vip;
        vip.loadBalancers = json::array({loadBalancer(1, {guid(101)}, {"10.96.0.10"}, 17, 53, 53)});
        vip.loadBalancers[0]["_v1"] = {{"IsApplied", false}};
        QTest::newRow("a VIP")
            << vip.text()
            << "The load balancer for 10.96.0.10 UDP 53->53 is not applied: the dump says IsApplied False; "
               "HNS has not programmed it into the data path."
            << QStringList{"_v1.IsApplied = False", "FrontendVIPs = 10.96.0.10", "PortMappings = UDP 53->53"};
        Host nodePort;
        nodePort.loadBalancers = json::array({loadBalancer(1, {guid(101)}, {}, 6, 30080, 80)});
        nodePort.loadBalancers[0]["IsApplied"] = "false";
        QTest::newRow("a node port, said at the top")
            << nodePort.text()
            << "The load balancer for node port TCP 30080->80 is not applied: the dump says IsApplied "
               "False; HNS has not programmed it into the data path."
            << QStringList{"IsApplied = False", "FrontendVIPs = (none)", "PortMappings = TCP 30080->80"};
        Host hidden = nodePort;
        hidden.loadBalancers[0].erase("IsApplied");
        hidden.loadBalancers[0]["_v1"] = {{"IsApplied", false}};
        hidden.import =
            lostInDump({{guid(501), "Policies[0].VIPs: not expanded by PowerShell (System.Object[])"}});
        QTest::newRow("VIPs the dump did not carry")
            << hidden.text()
            << "The load balancer for (VIPs not shown by the dump) TCP 30080->80 is not applied: the dump "
               "says IsApplied False; HNS has not programmed it into the data path."
            << QStringList{"_v1.IsApplied = False"};
    }

    void notAppliedWording()
    {
        QFETCH(QByteArray, snapshot);
        QFETCH(QString, message);
        QFETCH(QStringList, evidence);
        auto findings =
            hcn::checkSnapshot(snapshot.toStdString(), hcn::unknownFieldsOfSnapshot(snapshot.toStdString()));
        QVERIFY(findings.ok());
        QStringList seen;
        for (const hcn::Finding& f : *findings) {
            if (f.ruleId != "LB-NOT-APPLIED")
                continue;
            seen << qs(f.message);
            QCOMPARE(f.objects.size(), std::size_t(1));
            QCOMPARE(qs(f.objects.front().id), qs(guid(501)));
            QCOMPARE(f.severity, hcn::Severity::Error);
            QVERIFY2(qs(f.fix).contains(qs(guid(501))), f.fix.c_str());
            QStringList given;
            for (const auto& [field, value] : f.evidence)
                given << qs(field + " = " + value);
            for (const QString& expected : evidence)
                QVERIFY2(std::any_of(given.begin(), given.end(),
                                     [&](const QString& line) { return line.endsWith("." + expected); }),
                         qPrintable(given.join("\n")));
        }
        QCOMPARE(seen, QStringList{message});
    }

    /// A port mapping whose protocol the dump did not show (an import's `"Protocol": null`) is neither
    /// any protocol (no Protocol member) nor a specific one: no conflict that holds only for some
    /// protocol, and the messages say "unknown" where they name the protocol.
    void unknownProtocol_data()
    {
        QTest::addColumn<QByteArray>("snapshot");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QStringList>("messages"); // every finding of the rule; empty: it does not fire

        auto twoBalancers = [](const json& first, const json& second) {
            Host h;
            h.loadBalancers = json::array({loadBalancer(1, {guid(101)}, {"10.96.0.20"}, 6, 80, 8080),
                                           loadBalancer(2, {guid(102)}, {"10.96.0.20"}, 6, 80, 9090)});
            for (auto [lb, protocol] : {std::pair{0, first}, std::pair{1, second}}) {
                json& mapping = h.loadBalancers[std::size_t(lb)]["PortMappings"][0];
                if (protocol.is_string() && protocol == "absent")
                    mapping.erase("Protocol");
                else
                    mapping["Protocol"] = protocol;
            }
            return h.text();
        };
        QTest::newRow("TCP and unknown on one VIP and port: no duplicate frontend")
            << twoBalancers(6, nullptr) << "LB-DUP-FRONTEND" << QStringList{};
        QTest::newRow("two unknown on one VIP and port: no duplicate frontend")
            << twoBalancers(nullptr, nullptr) << "LB-DUP-FRONTEND" << QStringList{};
        QTest::newRow("unknown and no Protocol (any): no duplicate frontend")
            << twoBalancers(nullptr, "absent") << "LB-DUP-FRONTEND" << QStringList{};
        QTest::newRow("two without a Protocol: any, said so")
            << twoBalancers("absent", "absent") << "LB-DUP-FRONTEND"
            << QStringList{"2 load balancers serve 10.96.0.20:80/any."};
        QTest::newRow("two with Protocol 0: any, said so")
            << twoBalancers(0, 0) << "LB-DUP-FRONTEND"
            << QStringList{"2 load balancers serve 10.96.0.20:80/any."};
        QTest::newRow("a protocol that is none: unreadable, not TCP")
            << twoBalancers(6, "SCTP") << "LB-DUP-FRONTEND" << QStringList{};
        QTest::newRow("a protocol that is none: the field named unreadable")
            << twoBalancers(6, "SCTP") << "DATA-UNREADABLE"
            << QStringList{
                   "The load balancer has fields the checks could not read: PortMappings[0].Protocol."};

        Host ports;
        ports.ep(1)["Policies"] = json::array(
            {policy("PortMapping", {{"Protocol", 6}, {"ExternalPort", 8080}, {"InternalPort", 80}})});
        ports.ep(2)["Policies"] = json::array(
            {policy("PortMapping", {{"Protocol", nullptr}, {"ExternalPort", 8080}, {"InternalPort", 81}})});
        QTest::newRow("TCP 8080 and unknown 8080 on two endpoints: no conflict")
            << ports.text() << "PORTMAP-CONFLICT" << QStringList{};
        ports.ep(1)["Policies"][0]["Settings"]["Protocol"] = nullptr;
        QTest::newRow("unknown 8080 twice: no conflict")
            << ports.text() << "PORTMAP-CONFLICT" << QStringList{};

        Host notApplied;
        notApplied.loadBalancers = json::array({loadBalancer(1, {guid(101)}, {"10.96.0.10"}, 17, 53, 53)});
        notApplied.loadBalancers[0]["PortMappings"][0]["Protocol"] = nullptr;
        notApplied.loadBalancers[0]["_v1"] = {{"IsApplied", false}};
        QTest::newRow("not applied: the protocol said unknown")
            << notApplied.text() << "LB-NOT-APPLIED"
            << QStringList{"The load balancer for 10.96.0.10 unknown 53->53 is not applied: the dump says "
                           "IsApplied False; HNS has not programmed it into the data path."};
        notApplied.loadBalancers[0]["PortMappings"][0].erase("Protocol");
        QTest::newRow("not applied: no Protocol said any")
            << notApplied.text() << "LB-NOT-APPLIED"
            << QStringList{"The load balancer for 10.96.0.10 any 53->53 is not applied: the dump says "
                           "IsApplied False; HNS has not programmed it into the data path."};

        Host orphan;
        orphan.loadBalancers = json::array({loadBalancer(1, {guid(198)}, {}, 6, 30080, 80)});
        orphan.loadBalancers[0]["PortMappings"][0]["Protocol"] = nullptr;
        QTest::newRow("an orphaned node port of unknown protocol")
            << orphan.text() << "LB-ORPHAN-HOST-PORT"
            << QStringList{
                   "The node-port load balancer holds host port(s) unknown 30080 with no existing backend."};
    }

    void unknownProtocol()
    {
        QFETCH(QByteArray, snapshot);
        QFETCH(QString, rule);
        QFETCH(QStringList, messages);
        auto findings =
            hcn::checkSnapshot(snapshot.toStdString(), hcn::unknownFieldsOfSnapshot(snapshot.toStdString()));
        QVERIFY(findings.ok());
        QStringList seen;
        for (const hcn::Finding& f : *findings)
            if (qs(f.ruleId) == rule)
                seen << qs(f.message);
        QCOMPARE(seen, messages);
    }

    /// A policy list the dump shows with `IsApplied : False`, imported: the load balancer is reported,
    /// the applied one beside it is not.
    void notAppliedInImportedDump()
    {
        QByteArray dump = readDump("listview-policylists.txt");
        const int at =
            dump.indexOf("IsApplied          : True", dump.indexOf("E6A90D43-7C15-4B2E-8F06-A1B5C3D79E28"));
        QVERIFY(at > 0);
        dump.replace(at, int(strlen("IsApplied          : True")), "IsApplied          : False");
        auto imported = hcn::io::importBytes("policylists.txt", dump.toStdString());
        QVERIFY(imported.ok());
        const std::string text = imported->snapshot.dump();
        auto findings = hcn::checkSnapshot(text, hcn::unknownFieldsOfSnapshot(text));
        QVERIFY(findings.ok());
        QStringList seen;
        for (const hcn::Finding& f : *findings)
            if (f.ruleId == "LB-NOT-APPLIED")
                seen << qs(f.objects.front().id + ": " + f.message);
        QCOMPARE(seen, QStringList{"E6A90D43-7C15-4B2E-8F06-A1B5C3D79E28: The load balancer for 10.112.0.10 "
                                   "UDP 53->53 is not applied: the dump says IsApplied False; HNS has not "
                                   "programmed it into the data path."});
    }

    void everyRuleHasATriggerAndANearMiss()
    {
        std::map<std::string, std::pair<int, int>> seen;
        for (const Case& c : cases())
            (c.fires ? seen[c.rule].first : seen[c.rule].second)++;
        QVERIFY(hcn::healthRules().size() >= 25);
        std::set<std::string> ids;
        for (const hcn::HealthRule& r : hcn::healthRules()) {
            QVERIFY2(ids.insert(std::string(r.id)).second, "rule IDs are unique");
            QVERIFY2(seen[std::string(r.id)].first > 0, r.id.data());
            QVERIFY2(seen[std::string(r.id)].second > 0, r.id.data());
            QVERIFY(!r.title.empty() && !r.what.empty() && !r.why.empty() && !r.cause.empty() &&
                    !r.fix.empty());
        }
    }

    /// The sample host (resources/scenarios/sample-host.json with IDs): one container left without a
    /// namespace on purpose, nothing else.
    void sampleHostHasNoError()
    {
        auto findings = hcn::checkSnapshot(readSource("tests/data/checks/healthy-host.json").toStdString());
        QVERIFY(findings.ok());
        QCOMPARE(hcn::countFindings(*findings).errors, std::size_t(0));
        QStringList rules;
        for (const auto& f : *findings)
            rules << qs(f.ruleId);
        QCOMPARE(rules, QStringList{"EP-LEAKED"});
    }

    void findingsAreSorted()
    {
        Host h;
        h.ep(2)["IpConfigurations"][0]["IpAddress"] = "10.0.0.5";
        h.ep(2)["MacAddress"] = "00-15-5D-99-00-01";
        h.networks[0]["Ipams"][0]["Subnets"][0]["IpSubnets"] = "wrong";
        auto findings = hcn::checkSnapshot(h.text().toStdString());
        QVERIFY(findings.ok());
        QVERIFY(findings->size() >= 3);
        QVERIFY(std::is_sorted(findings->begin(), findings->end(), hcn::findingBefore));
        QCOMPARE(findings->front().severity, hcn::Severity::Error);
        QCOMPARE(findings->back().severity, hcn::Severity::Info);
    }

    /// Documents with every field of the wrong type: no crash, no error, the unreadable fields named.
    void oddDocumentsNeverRaiseErrors()
    {
        const json wrong = json::array({1, "x", true});
        json root;
        root["HnsVersion"] = "fifteen";
        root["Networks"] = json::array(
            {{{"ID", kNet},
              {"Type", 7},
              {"Ipams", "Static"},
              {"Dns", 5},
              {"MacPool", {{"Ranges", wrong}}},
              {"Policies", {{"Type", 3}}}},
             {{"ID", kNet2},
              {"Ipams",
               json::array({{{"Subnets", json::array({{{"IpAddressPrefix", 10}, {"Routes", 1}}})}}})}}});
        root["Endpoints"] = json::array(
            {{{"ID", guid(101)},
              {"HostComputeNetwork", 12},
              {"IpConfigurations", {{"IpAddress", "10.0.0.5"}}},
              {"MacAddress", json::array()},
              {"Flags", "remote"},
              {"Policies", wrong},
              {"Dns", {{"ServerList", 1}}}},
             {{"ID", guid(102)},
              {"HostComputeNetwork", kNet},
              {"IpConfigurations", json::array({{{"IpAddress", "banana"}}})},
              {"Policies",
               json::array(
                   {{{"Type", "ACL"},
                     {"Settings",
                      {{"Protocols", json::object()}, {"Priority", "high"}, {"RemotePorts", "70000"}}}},
                    {{"Type", "PortMapping"}, {"Settings", "TCP 80"}},
                    {{"Type", "OutBoundNAT"}, {"Settings", {{"Exceptions", 5}}}}})}}});
        root["Namespaces"] = json::array({{{"ID", kNs}, {"Resources", "none"}}});
        root["LoadBalancers"] =
            json::array({{{"ID", guid(500)},
                          {"HostComputeEndpoints", "all"},
                          {"FrontendVIPs", 10},
                          {"PortMappings", json::array({{{"Protocol", "SCTP"}, {"ExternalPort", -1}}})}}});
        root["SdnRoutes"] = json::array({{{"ID", guid(700)}, {"HostComputeEndpoints", 1}}});
        auto findings = hcn::checkSnapshot(root.dump());
        QVERIFY(findings.ok());
        QVERIFY2(hcn::countFindings(*findings).errors == 0, findingText(*findings).c_str());
        bool unreadable = false;
        for (const auto& f : *findings)
            unreadable = unreadable || f.ruleId == "DATA-UNREADABLE";
        QVERIFY(unreadable);
    }

    void notASnapshotFails()
    {
        QVERIFY(!hcn::checkSnapshot("[1,2").ok());
        QVERIFY(!hcn::checkSnapshot("\"text\"").ok());
        auto empty = hcn::checkSnapshot("{}");
        QVERIFY(empty.ok());
        QVERIFY(empty->empty());
    }

    /// Every dump the importer reads (partial, v1, damaged): checking the result never throws.
    /// A TierAcl that came through an import is checked as written: its rules, their actions, a rule
    /// address the dump hid (no claim where it may decide).
    void tiersOfImportedDumps_data()
    {
        QTest::addColumn<QByteArray>("dump");
        QTest::addColumn<QStringList>("rules"); // the finding IDs
        auto endpoint = [](const QByteArray& policies) {
            return "[{\"ID\":\"5A1B2C3D-0000-4000-8000-000000000001\",\"Name\":\"ep-tier\","
                   "\"SchemaVersion\":{\"Major\":2,\"Minor\":16},\"Dns\":{\"ServerList\":[\"10.96.0.10\"]},"
                   "\"IpConfigurations\":[{\"IpAddress\":\"10.244.1.7\",\"PrefixLength\":24}],"
                   "\"Policies\":[" +
                   policies + "]}]";
        };
        const QByteArray block =
            "{\"Type\":\"TierAcl\",\"Settings\":{\"Name\":\"baseline\",\"Direction\":"
            "\"Out\",\"Order\":10,\"TierAclRules\":[{\"Id\":\"deny\",\"Protocols\":\"17\","
            "\"RemoteAddresses\":\"ADDRESSES\",\"Priority\":200,\"TierAclRuleAction\":\"Block\"}]}}";
        QTest::newRow("v2: a tier blocking DNS")
            << endpoint(QByteArray(block).replace("ADDRESSES", "10.96.0.0/12"))
            << QStringList{"TIER-BLOCKS-DNS"};
        QTest::newRow("v2: the rule's addresses redacted beside the DNS server's range")
            << endpoint(QByteArray(block).replace("ADDRESSES", "10.96.0.0/12,10.x.x.x"))
            << QStringList{"TIER-BLOCKS-DNS"};
        QTest::newRow("v2: the rule's addresses redacted: it may or may not block DNS")
            << endpoint(QByteArray(block).replace("ADDRESSES", "10.x.x.x")) << QStringList{};
        QTest::newRow("v1: a tier written flat blocking DNS")
            << QByteArray("[{\"ID\":\"5A1B2C3D-0000-4000-8000-000000000002\",\"Name\":\"ep-v1\","
                          "\"IPAddress\":\"10.244.1.8\",\"DNSServerList\":\"10.96.0.10\",\"Policies\":["
                          "{\"Type\":\"TierAcl\",\"Name\":\"baseline\",\"Direction\":\"Out\",\"Order\":10,"
                          "\"TierAclRules\":[{\"Id\":\"deny\",\"Protocols\":\"17\",\"Priority\":200,"
                          "\"TierAclRuleAction\":\"Block\"}]}]}]")
            << QStringList{"TIER-BLOCKS-DNS"};
    }

    void tiersOfImportedDumps()
    {
        QFETCH(QByteArray, dump);
        QFETCH(QStringList, rules);
        auto imported = hcn::io::importBytes("paste", dump.toStdString());
        QVERIFY(imported.ok());
        auto findings = hcn::checkSnapshot(imported->snapshot.dump());
        QVERIFY(findings.ok());
        QStringList seen;
        for (const hcn::Finding& f : *findings)
            if (qs(f.ruleId).startsWith("TIER-") || qs(f.ruleId).startsWith("ACL-"))
                seen << qs(f.ruleId);
        QVERIFY2(seen == rules, qPrintable(describe(*findings).join("\n")));
    }

    void importedDumpsAreChecked()
    {
        const QDir dir(dumpPath(QString()));
        int checked = 0;
        for (const QString& name : dir.entryList(QDir::Files)) {
            const QByteArray bytes = readDump(name);
            auto imported = hcn::io::importBytes(name.toStdString(), bytes.toStdString());
            if (!imported.ok())
                continue;
            auto findings = hcn::checkSnapshot(imported->snapshot.dump());
            QVERIFY2(findings.ok(), qPrintable(name));
            ++checked;
        }
        QVERIFY(checked > 10);
    }

    void incrementalEqualsFullCheck_data()
    {
        QTest::addColumn<unsigned>("seed");
        for (unsigned seed : {1u, 2u, 3u, 4u, 5u, 6u, 7u, 8u})
            QTest::newRow(qPrintable(QString("seed %1").arg(seed))) << seed;
    }

    /// Random changes applied one at a time (as HostState reports them) keep the same findings as a
    /// check from scratch after every step.
    void incrementalEqualsFullCheck()
    {
        QFETCH(unsigned, seed);
        std::mt19937 random(seed);
        auto pick = [&](int n) { return int(random() % unsigned(n)); };
        const int steps = qEnvironmentVariableIsSet("HCN_RANDOM_STEPS")
                              ? qEnvironmentVariableIntValue("HCN_RANDOM_STEPS")
                              : 150;

        std::map<std::string, std::pair<hcn::ResourceKind, json>> objects;
        const std::vector<std::string> networkIds{kNet, kNet2, guid(3)};
        auto randomNetwork = [&](const std::string& id) {
            static const char* const kTypes[] = {"NAT", "L2Bridge", "Overlay"};
            static const char* const kPrefixes[] = {"10.0.0.0/28", "10.0.0.0/24", "10.0.1.0/24",
                                                    "10.0.0.0/16"};
            json n = network(id, kTypes[pick(3)], kPrefixes[pick(4)], pick(5) ? "10.0.0.1" : "10.9.9.9");
            if (pick(3) == 0)
                n["Policies"] =
                    json::array({policy("RemoteSubnetRoute", {{"DestinationPrefix", "10.0.1.0/24"},
                                                              {"ProviderAddress", "192.168.1.20"}})});
            if (pick(4) == 0)
                n.erase("Dns");
            return n;
        };
        auto randomEndpoint = [&](int n) {
            const std::string net = pick(8) == 0 ? guid(9) : networkIds[std::size_t(pick(3))];
            const std::string ip = "10.0." + std::to_string(pick(2)) + "." + std::to_string(2 + pick(12));
            json e = pick(4) == 0 ? remoteEndpoint(n, net, ip, pick(2) ? "192.168.1.20" : "192.168.1.30")
                                  : endpoint(n, net, ip, pick(3) != 0);
            if (pick(3) == 0)
                e["MacAddress"] = "00-15-5D-52-C0-0" + std::to_string(pick(4));
            if (pick(4) == 0)
                e["HostComputeNamespace"] = guid(10 + pick(3));
            json policies = json::array();
            if (pick(3) == 0)
                policies.push_back(
                    policy("PortMapping", {{"Protocol", 6}, {"ExternalPort", 8080 + pick(2)}}));
            if (pick(3) == 0)
                policies.push_back(policy(
                    "OutBoundNAT",
                    {{"Exceptions", pick(2) ? json::array({"10.0.0.0/8"}) : json::array({"10.96.0.0/12"})}}));
            if (pick(4) == 0)
                policies.push_back(policy("ACL", {{"Action", "Block"},
                                                  {"Direction", "Out"},
                                                  {"Priority", 100 + pick(3)},
                                                  {"Protocols", "17"}}));
            if (!policies.empty() && !e.contains("Policies"))
                e["Policies"] = policies;
            if (pick(5) == 0)
                e["Dns"] = {{"ServerList", json::array({pick(2) ? "10.96.0.10" : "10.0.0.10"})}};
            return e;
        };
        auto randomEndpointIds = [&](int count) {
            std::vector<std::string> out;
            for (int i = 0; i < count; ++i)
                out.push_back(guid(100 + pick(30)));
            return out;
        };

        hcn::HostState state;
        hcn::HealthChecker checker;
        checker.setHnsVersion(hcn::SchemaVersion{11, 0});
        checker.assign(state);
        // What a view keeps: the first list, then only what each update says changed.
        std::vector<hcn::Finding> followed = checker.findings();
        for (int step = 0; step < steps; ++step) {
            const int op = pick(10);
            if (op <= 3) {
                const int n = pick(30);
                objects[guid(100 + n)] = {hcn::ResourceKind::Endpoint, randomEndpoint(n)};
            } else if (op == 4) {
                objects.erase(guid(100 + pick(30)));
            } else if (op == 5) {
                const std::string id = networkIds[std::size_t(pick(3))];
                if (pick(4) == 0)
                    objects.erase(id);
                else
                    objects[id] = {hcn::ResourceKind::Network, randomNetwork(id)};
            } else if (op == 6) {
                const std::string id = guid(10 + pick(3));
                if (pick(4) == 0)
                    objects.erase(id);
                else
                    objects[id] = {hcn::ResourceKind::Namespace, nameSpace(id, randomEndpointIds(pick(4)))};
            } else if (op <= 8) {
                const int n = pick(6);
                if (pick(5) == 0) {
                    objects.erase(guid(500 + n));
                } else {
                    std::vector<std::string> vips;
                    if (pick(3))
                        vips.push_back(pick(2) ? "10.96.0.10" : "10.96.0.20");
                    json lb = loadBalancer(n, randomEndpointIds(pick(3)), vips, pick(2) ? 6 : 17,
                                           pick(2) ? 53 : 8080, 80);
                    if (pick(5) == 0)
                        lb["PortMappings"][0]["DistributionType"] = 1;
                    objects[guid(500 + n)] = {hcn::ResourceKind::LoadBalancer, lb};
                }
            } else {
                const std::string id = guid(700 + pick(2));
                objects[id] = {hcn::ResourceKind::SdnRoute,
                               {{"ID", id}, {"HostComputeEndpoints", randomEndpointIds(1)}}};
            }

            std::vector<hcn::HostObject> list;
            for (const auto& [id, object] : objects)
                list.push_back(
                    {object.first, hcn::canonicalObjectId(id), std::make_shared<const json>(object.second)});
            const auto changes = state.assign(std::move(list));
            const hcn::FindingChanges delta = checker.update(state, changes);
            QVERIFY(std::is_sorted(delta.removed.begin(), delta.removed.end(), hcn::findingBefore));
            QVERIFY(std::is_sorted(delta.added.begin(), delta.added.end(), hcn::findingBefore));
            if (delta.everything) {
                followed = checker.findings();
            } else {
                for (const hcn::Finding& gone : delta.removed) {
                    const auto at = std::find(followed.begin(), followed.end(), gone);
                    QVERIFY2(at != followed.end(),
                             ("removed but never listed: " + findingText({gone})).c_str());
                    followed.erase(at);
                }
                for (const hcn::Finding& came : delta.added)
                    followed.insert(
                        std::upper_bound(followed.begin(), followed.end(), came, hcn::findingBefore), came);
            }
            QCOMPARE(sortedLines(findingText(followed)), sortedLines(findingText(checker.findings())));

            hcn::HealthChecker fresh;
            fresh.setHnsVersion(hcn::SchemaVersion{11, 0});
            fresh.assign(state);
            const auto incremental = checker.findings();
            const auto full = fresh.findings();
            if (incremental != full)
                QFAIL(qPrintable(QString("step %1 differs\nincremental:\n%2\nfull:\n%3")
                                     .arg(step)
                                     .arg(qs(findingText(incremental)), qs(findingText(full)))));
        }
    }
};

QTEST_GUILESS_MAIN(TestHealthChecks)
#include "tst_healthchecks.moc"
