// What the Linux datapath reads from documents and the nftables text it writes, without the kernel (no
// root needed): names, gateways, every check that refuses a document before anything is programmed, ACL
// order (a network's NetworkACLs with an endpoint's ACLs), and removal text that undoes exactly what the
// add text made.

#include "datapath/linux_dns.h"
#include "datapath/linux_loopback_ports.h"
#include "datapath/linux_plan.h"
#include "datapath/linux_ruleset.h"

#include <QtTest>
#include <nlohmann/json.hpp>
#include <sstream>

using hcn::Guid;
using Json = nlohmann::ordered_json;

namespace {

const Guid kNet = *Guid::parse("11111111-2222-3333-4444-555555555555");
const Guid kEp = *Guid::parse("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");

Json network(const std::string& type, Json routes = Json::array())
{
    return {{"Type", type},
            {"Ipams", {{{"Type", "Static"}, {"Subnets", {{{"IpAddressPrefix", "10.244.7.0/24"}, {"Routes", routes}}}}}}}};
}

Json endpoint(Json policies)
{
    return {{"HostComputeNetwork", kNet.toString()},
            {"MacAddress", "00-15-5D-00-00-01"},
            {"IpConfigurations", {{{"IpAddress", "10.244.7.10"}, {"PrefixLength", 24}}}},
            {"Policies", policies}};
}

Json policy(const std::string& type, Json settings)
{
    return {{"Type", type}, {"Settings", settings}};
}

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace

class TestLinuxDatapathPlan : public QObject
{
    Q_OBJECT
private slots:
    void namesFitTheKernelAndAreTagged();
    void networkGateways_data();
    void networkGateways();
    void endpointChecks_data();
    void endpointChecks();
    void portMapProtocol_data();
    void portMapProtocol();
    void settingsOfAnotherTypeAreRefused_data();
    void settingsOfAnotherTypeAreRefused();
    void aclRulesFollowPriority();
    void aclMatchesWhatItLists_data();
    void aclMatchesWhatItLists();
    void networkAclsJoinTheEndpointsChains();
    void removalUndoesTheAdd_data();
    void removalUndoesTheAdd();
    void loadBalancerChecks();
    void loadBalancersFollowABackend_data();
    void endpointMtu_data();
    void endpointMtu();
    void loadBalancersFollowABackend();
    void endpointDns_data();
    void endpointDns();
    void overlayNetworks_data();
    void overlayNetworks();
    void remoteEndpointsAndRoutes();
    void loopbackPortsOfAnEndpoint_data();
    void loopbackPortsOfAnEndpoint();
    void loopbackPortsOfALoadBalancer_data();
    void loopbackPortsOfALoadBalancer();
};

void TestLinuxDatapathPlan::namesFitTheKernelAndAreTagged()
{
    QCOMPARE(hcn::linuxdp::bridgeName(kNet), std::string("hcnb11111111222"));
    QCOMPARE(hcn::linuxdp::hostVethName(kEp), std::string("hcnvaaaaaaaabbb"));
    QCOMPARE(hcn::linuxdp::namespaceName(kEp), std::string("hcn-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"));
    QVERIFY(hcn::linuxdp::isOurLink("hcnvaaaaaaaabbb", hcn::linuxdp::linkAlias(kEp)));
    QVERIFY(!hcn::linuxdp::isOurLink("hcnvaaaaaaaabbb", "")); // a look-alike without our alias
    QVERIFY(!hcn::linuxdp::isOurLink("eth0", hcn::linuxdp::linkAlias(kEp)));
}

void TestLinuxDatapathPlan::networkGateways_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("routes");
    QTest::addColumn<QString>("gateways"); ///< comma-joined; "error" when refused
    QTest::addColumn<bool>("masquerade");
    QTest::newRow("NAT: the default route's next hop")
        << "NAT" << R"([{"DestinationPrefix":"0.0.0.0/0","NextHop":"10.244.7.254"}])" << "10.244.7.254/24" << true;
    QTest::newRow("NAT without routes: the first address") << "NAT" << "[]" << "10.244.7.1/24" << true;
    QTest::newRow("ICS like NAT") << "ICS" << "[]" << "10.244.7.1/24" << true;
    QTest::newRow("Internal like NAT") << "Internal" << "[]" << "10.244.7.1/24" << true;
    QTest::newRow("Private: no host address") << "Private" << "[]" << "" << false;
    QTest::newRow("next hop outside the subnet")
        << "NAT" << R"([{"DestinationPrefix":"0.0.0.0/0","NextHop":"10.9.9.9"}])" << "error" << false;
    QTest::newRow("Overlay without a VSID policy") << "Overlay"
                                                   << "[]"
                                                   << "error" << false;
    QTest::newRow("L2Bridge without a NetAdapterName") << "L2Bridge"
                                                       << "[]"
                                                       << "error" << false;
    QTest::newRow("L2Tunnel without a NetAdapterName") << "L2Tunnel"
                                                       << "[]"
                                                       << "error" << false;
}

void TestLinuxDatapathPlan::networkGateways()
{
    QFETCH(QString, type);
    QFETCH(QString, routes);
    QFETCH(QString, gateways);
    QFETCH(bool, masquerade);
    auto plan = hcn::linuxdp::planNetwork(kNet, network(type.toStdString(), Json::parse(routes.toStdString())));
    if (gateways == "error") {
        QVERIFY(!plan.ok());
        return;
    }
    QVERIFY2(plan.ok(), plan.status().detail().c_str());
    QStringList got;
    for (const auto& g : plan->gatewayCidrs)
        got << qs(g);
    QCOMPARE(got.join(","), gateways);
    QCOMPARE(plan->masquerade, masquerade);
}

void TestLinuxDatapathPlan::endpointChecks_data()
{
    QTest::addColumn<QString>("policies");
    QTest::addColumn<int>("expected"); ///< HRESULT, 0 for accepted
    auto acl = [](Json extra) {
        Json settings{{"Action", "Block"}, {"Direction", "In"}, {"Priority", 100}};
        settings.update(extra);
        return QString::fromStdString(Json::array({policy("ACL", settings)}).dump());
    };
    const int invalidPolicy = int(hcn::hr::InvalidPolicy);
    QTest::newRow("no policies") << "[]" << 0;
    QTest::newRow("ACL with prefixes, ranges, protocol names") << acl({{"Protocols", "TCP,udp"}, {"RemoteAddresses", "10.0.0.0/8, 10.244.7.3"}, {"LocalPorts", "80,8000-8100"}}) << 0;
    QTest::newRow("ACL any protocol (256) and any port (0)") << acl({{"Protocols", "256"}, {"LocalPorts", "0"}}) << 0;
    QTest::newRow("ACL ICMPv4, IGMP and ICMPv6 by name") << acl({{"Protocols", "ICMPv4, IGMP, icmpv6"}}) << 0;
    QTest::newRow("ACL any protocol (256) among others, with ports")
        << acl({{"Protocols", "1,256"}, {"LocalPorts", "80"}}) << 0;
    QTest::newRow("ACL port 0 among others") << acl({{"RemotePorts", "80, 0"}}) << 0;
    QTest::newRow("ACL reversed port range") << acl({{"LocalPorts", "2000-1000"}}) << invalidPolicy;
    QTest::newRow("ACL protocol above 256") << acl({{"Protocols", "300"}}) << invalidPolicy;
    QTest::newRow("ACL action neither Allow nor Block") << acl({{"Action", "Deny"}}) << invalidPolicy;
    QTest::newRow("ACL direction neither In nor Out") << acl({{"Direction", "Both"}}) << invalidPolicy;
    QTest::newRow("ACL IPv6 address and prefix") << acl({{"RemoteAddresses", "fd00::1, fd68::/16"}}) << 0;
    QTest::newRow("ACL address that is none") << acl({{"RemoteAddresses", "10.0.0.300"}}) << invalidPolicy;
    QTest::newRow("PortMapping IPv6 VIP without an IPv6 address on the endpoint")
        << qs(Json::array(
                  {policy("PortMapping", {{"Protocol", 6}, {"InternalPort", 80}, {"VIP", "fd00::1"}})})
                  .dump())
        << invalidPolicy;
    QTest::newRow("ACL port out of range") << acl({{"LocalPorts", "70000"}}) << invalidPolicy;
    QTest::newRow("ACL ports with ICMP") << acl({{"Protocols", "1"}, {"LocalPorts", "80"}}) << invalidPolicy;
    QTest::newRow("ACL protocol that is no number") << acl({{"Protocols", "sctp-ish"}}) << invalidPolicy;
    QTest::newRow("PortMapping ICMP")
        << qs(Json::array({policy("PortMapping", {{"Protocol", 1}, {"InternalPort", 80}})}).dump()) << invalidPolicy;
    QTest::newRow("PortMapping VIP not an address")
        << qs(Json::array({policy("PortMapping", {{"Protocol", 6}, {"InternalPort", 80}, {"VIP", "nope"}})}).dump())
        << invalidPolicy;
    QTest::newRow("OutBoundNAT exception not an address")
        << qs(Json::array({policy("OutBoundNAT", {{"Exceptions", {"10.0.0.0/8", "x"}}})}).dump()) << invalidPolicy;
    QTest::newRow("SDNRoute with a next hop")
        << qs(Json::array(
                  {policy("SDNRoute", {{"DestinationPrefix", "172.30.0.0/16"}, {"NextHop", "10.244.7.1"}})})
                  .dump())
        << 0;
    QTest::newRow("SDNRoute whose prefix is none")
        << qs(Json::array(
                  {policy("SDNRoute", {{"DestinationPrefix", "172.30.0.0/33"}, {"NextHop", "10.244.7.1"}})})
                  .dump())
        << invalidPolicy;
    QTest::newRow("SDNRoute next hop of the other family")
        << qs(Json::array(
                  {policy("SDNRoute", {{"DestinationPrefix", "172.30.0.0/16"}, {"NextHop", "fd00::1"}})})
                  .dump())
        << invalidPolicy;
    QTest::newRow("QOS is not programmed")
        << qs(Json::array({policy("QOS", {{"MaximumOutgoingBandwidthInBytes", 1}})}).dump())
        << int(hcn::hr::InvalidPolicyType);
}

void TestLinuxDatapathPlan::endpointChecks()
{
    QFETCH(QString, policies);
    QFETCH(int, expected);
    auto plan = hcn::linuxdp::planEndpoint(kEp, endpoint(Json::parse(policies.toStdString())));
    if (expected == 0) {
        QVERIFY2(plan.ok(), plan.status().detail().c_str());
        QCOMPARE(plan->addressCidrs, std::vector<std::string>{"10.244.7.10/24"});
        QCOMPARE(plan->mac.value_or(0), std::uint64_t(0x00155D000001));
    } else {
        QVERIFY(!plan.ok());
        QCOMPARE(int(plan.status().code()), expected);
    }
}

void TestLinuxDatapathPlan::portMapProtocol_data()
{
    QTest::addColumn<QString>("protocol"); ///< the JSON value of the PortMapping's Protocol; empty: absent
    QTest::addColumn<QString>("expected"); ///< "tcp"/"udp" as mapped, or "<HRESULT>: part of the message"
    const QString refused = QString::number(int(hcn::hr::InvalidPolicy));
    QTest::newRow("no Protocol: TCP") << ""
                                      << "tcp";
    QTest::newRow("null: TCP") << "null"
                               << "tcp";
    QTest::newRow("6") << "6"
                       << "tcp";
    QTest::newRow("17") << "17"
                        << "udp";
    QTest::newRow("TCP by name") << R"("TCP")"
                                 << "tcp";
    QTest::newRow("udp in lower case") << R"("udp")"
                                       << "udp";
    QTest::newRow("6 written as text: no ProtocolType name")
        << R"("6")" << refused + ": Protocol \"6\" is a number written as text";
    QTest::newRow("a name that is no ProtocolType")
        << R"("SCTP")" << refused + ": Protocol \"SCTP\" is not a ProtocolType name";
    QTest::newRow("ICMP, a tool's word, not ProtocolType's")
        << R"("ICMP")" << refused + ": Protocol \"ICMP\" is not a ProtocolType name";
    QTest::newRow("ICMPv4 by name: no ports") << R"("ICMPv4")" << refused + ": Protocol 1 cannot be mapped";
    QTest::newRow("above 255") << "300" << refused + ": Protocol 300 is not a whole number from 0 to 255";
    QTest::newRow("negative") << "-6" << refused + ": Protocol -6 is not a whole number from 0 to 255";
    QTest::newRow("a fraction") << "6.5" << refused + ": Protocol 6.5 is not a whole number from 0 to 255";
    QTest::newRow("true") << "true" << refused + ": Protocol must be a ProtocolType number or name";
    QTest::newRow("an array") << "[6]" << refused + ": Protocol must be a ProtocolType number or name";
}

/// A port mapping's Protocol as HNS takes it (a number or a ProtocolType name), anything else refused
/// with InvalidPolicy and words that name it, never an exception.
void TestLinuxDatapathPlan::portMapProtocol()
{
    QFETCH(QString, protocol);
    QFETCH(QString, expected);
    Json settings{{"InternalPort", 80}};
    if (!protocol.isEmpty())
        settings["Protocol"] = Json::parse(protocol.toStdString());
    auto plan = hcn::linuxdp::planEndpoint(kEp, endpoint(Json::array({policy("PortMapping", settings)})));
    if (expected == "tcp" || expected == "udp") {
        QVERIFY2(plan.ok(), plan.status().detail().c_str());
        QCOMPARE(plan->portMaps.size(), std::size_t(1));
        QCOMPARE(qs(plan->portMaps[0].protocol), expected);
        return;
    }
    QVERIFY(!plan.ok());
    const QString got = QString::number(int(plan.status().code())) + ": " + qs(plan.status().detail());
    QVERIFY2(got.startsWith(expected.section(": ", 0, 0) + ": Policies[0]: " + expected.section(": ", 1)),
             qPrintable(got));
}

void TestLinuxDatapathPlan::settingsOfAnotherTypeAreRefused_data()
{
    QTest::addColumn<QString>("kind"); ///< endpoint (its Policies), loadBalancer or overlay (its Policies)
    QTest::addColumn<QString>("document"); ///< the Policies, or the load balancer's PortMappings
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message"); ///< part of the refusal
    const int policyCode = int(hcn::hr::InvalidPolicy);
    const int documentCode = int(hcn::hr::InvalidJson);
    QTest::newRow("PortMapping InternalPort as text")
        << "endpoint"
        << R"([{"Type":"PortMapping","Settings":{"InternalPort":"80"}}])" << policyCode
        << "InternalPort must be a number from 0 to 65535, not the string \"80\"";
    QTest::newRow("PortMapping ExternalPort above 65535")
        << "endpoint"
        << R"([{"Type":"PortMapping","Settings":{"InternalPort":80,"ExternalPort":70000}}])" << policyCode
        << "ExternalPort 70000 is not a whole number from 0 to 65535";
    QTest::newRow("PortMapping VIP as a number")
        << "endpoint"
        << R"([{"Type":"PortMapping","Settings":{"InternalPort":80,"VIP":5}}])" << policyCode
        << "VIP must be a string, not 5";
    QTest::newRow("ACL Action as a number") << "endpoint"
                                            << R"([{"Type":"ACL","Settings":{"Action":1,"Direction":"In"}}])"
                                            << policyCode << "Action must be a string, not 1";
    QTest::newRow("ACL Priority as text")
        << "endpoint"
        << R"([{"Type":"ACL","Settings":{"Action":"Block","Priority":"high"}}])" << policyCode
        << "Priority must be a number from 0 to 65535, not the string \"high\"";
    QTest::newRow("OutBoundNAT VirtualIP as an object")
        << "endpoint"
        << R"([{"Type":"OutBoundNAT","Settings":{"VirtualIP":{}}}])" << policyCode
        << "VirtualIP must be a string, not an object";
    QTest::newRow("SDNRoute DestinationPrefix as a number")
        << "endpoint"
        << R"([{"Type":"SDNRoute","Settings":{"DestinationPrefix":10}}])" << policyCode
        << "DestinationPrefix must be a string, not 10";
    QTest::newRow("settings that are no object: nothing set")
        << "endpoint"
        << R"([{"Type":"ACL","Settings":"Block"}])" << 0 << "";
    QTest::newRow("load balancer Protocol by name") << "loadBalancer"
                                                    << R"([{"Protocol":"UDP","InternalPort":53}])" << 0 << "";
    QTest::newRow("load balancer Protocol as text")
        << "loadBalancer"
        << R"([{"Protocol":"17","InternalPort":53}])" << documentCode
        << "Protocol \"17\" is a number written as text";
    QTest::newRow("load balancer DistributionType by name")
        << "loadBalancer"
        << R"([{"Protocol":6,"InternalPort":80,"DistributionType":"SourceIP"}])" << 0 << "";
    QTest::newRow("load balancer DistributionType of no such name")
        << "loadBalancer"
        << R"([{"Protocol":6,"InternalPort":80,"DistributionType":"Fastest"}])" << documentCode
        << "DistributionType \"Fastest\" is not a LoadBalancerDistribution name";
    QTest::newRow("overlay VxlanPort as text")
        << "overlay"
        << R"([{"Type":"VxlanPort","Settings":{"Port":"4790"}}])" << policyCode
        << "VxlanPort policy: Port must be a number from 0 to 65535";
    QTest::newRow("overlay RemoteSubnetRoute IsolationId as text")
        << "overlay"
        << R"([{"Type":"RemoteSubnetRoute","Settings":{"DestinationPrefix":"10.244.9.0/24","IsolationId":"4096",
               "ProviderAddress":"192.168.250.2","DistributedRouterMacAddress":"02:00:00:00:17:01"}}])"
        << policyCode << "IsolationId must be a number from 0 to 16777215";
}

/// A member of another JSON type than the schema's, in a policy's settings or a load balancer's port
/// mapping, is refused with the engine's code and its name, never with an exception.
void TestLinuxDatapathPlan::settingsOfAnotherTypeAreRefused()
{
    QFETCH(QString, kind);
    QFETCH(QString, document);
    QFETCH(int, code);
    QFETCH(QString, message);
    const Json given = Json::parse(document.toStdString());
    hcn::Status status;
    if (kind == "endpoint") {
        status = hcn::linuxdp::planEndpoint(kEp, endpoint(given)).status();
    } else if (kind == "loadBalancer") {
        status = hcn::linuxdp::planLoadBalancer(
                     kNet, {{"HostComputeEndpoints", {kEp.toString()}}, {"PortMappings", given}})
                     .status();
    } else {
        Json doc = network("Overlay");
        doc["Ipams"][0]["Subnets"][0]["Policies"] = Json::array({policy("VSID", {{"IsolationId", 4096}})});
        doc["Policies"] = given;
        status = hcn::linuxdp::planNetwork(kNet, doc).status();
    }
    QCOMPARE(int(status.code()), code);
    QVERIFY2(qs(status.detail()).contains(message), status.detail().c_str());
}

void TestLinuxDatapathPlan::aclMatchesWhatItLists_data()
{
    QTest::addColumn<QString>("protocols");
    QTest::addColumn<QString>("localPorts");
    QTest::addColumn<QString>("match"); ///< the inbound Block rule's match, as nftables gets it

    QTest::newRow("TCP by name, a port") << "TCP"
                                         << "80"
                                         << "meta l4proto 6 th dport 80 drop";
    QTest::newRow("ICMPv6 by name") << "ICMPv6"
                                    << ""
                                    << "meta l4proto 58 drop";
    QTest::newRow("ICMPv4 and IGMP by name") << "ICMPv4, IGMP"
                                             << ""
                                             << "meta l4proto { 1, 2 } drop";
    QTest::newRow("256 among the protocols: any") << "6,256"
                                                  << ""
                                                  << "drop";
    QTest::newRow("blanks in a range, leading zeros") << "17"
                                                      << "053, 1000 - 2000"
                                                      << "meta l4proto 17 th dport { 53, 1000-2000 } drop";
    QTest::newRow("port 0 among the ports: any port") << "6"
                                                      << "80,0"
                                                      << "meta l4proto 6 drop";
}

void TestLinuxDatapathPlan::aclMatchesWhatItLists()
{
    QFETCH(QString, protocols);
    QFETCH(QString, localPorts);
    QFETCH(QString, match);
    Json settings{
        {"Action", "Block"}, {"Direction", "In"}, {"Priority", 100}, {"Protocols", protocols.toStdString()}};
    if (!localPorts.isEmpty())
        settings["LocalPorts"] = localPorts.toStdString();
    auto plan = hcn::linuxdp::planEndpoint(kEp, endpoint(Json::array({policy("ACL", settings)})));
    QVERIFY(plan.ok());
    const std::string text = hcn::linuxdp::addEndpointRules(*plan);
    const std::string expected = "-in " + match.toStdString() + "\n";
    QVERIFY2(text.find(expected) != std::string::npos, (expected + " not in:\n" + text).c_str());
}

void TestLinuxDatapathPlan::aclRulesFollowPriority()
{
    // Listed out of order; equal priorities keep the list's order.
    Json policies = Json::array({policy("ACL", {{"Action", "Block"}, {"Direction", "In"}, {"Priority", 300}, {"LocalPorts", "3"}, {"Protocols", "6"}}),
                                 policy("ACL", {{"Action", "Allow"}, {"Direction", "In"}, {"Priority", 100}, {"LocalPorts", "1"}, {"Protocols", "6"}}),
                                 policy("ACL", {{"Action", "Block"}, {"Direction", "In"}, {"Priority", 100}, {"LocalPorts", "2"}, {"Protocols", "6"}})});
    auto plan = hcn::linuxdp::planEndpoint(kEp, endpoint(policies));
    QVERIFY(plan.ok());
    const std::string text = hcn::linuxdp::addEndpointRules(*plan);
    const auto first = text.find("th dport 1 return"), second = text.find("th dport 2 drop"),
               third = text.find("th dport 3 drop");
    QVERIFY2(first != std::string::npos && second != std::string::npos && third != std::string::npos, text.c_str());
    QVERIFY(first < second && second < third);

    // Addresses of both families: one rule per family, in the ACL's place; an ACL naming IPv6 only
    // has no IPv4 rule.
    Json mixed = Json::array(
        {policy("ACL", {{"Action", "Block"},
                        {"Direction", "In"},
                        {"Priority", 1},
                        {"RemoteAddresses", "10.0.0.1, fd00::1"}}),
         policy(
             "ACL",
             {{"Action", "Allow"}, {"Direction", "In"}, {"Priority", 2}, {"RemoteAddresses", "fd00::2"}})});
    auto dual = hcn::linuxdp::planEndpoint(kEp, endpoint(mixed));
    QVERIFY2(dual.ok(), dual.status().detail().c_str());
    const std::string rules = hcn::linuxdp::addEndpointRules(*dual);
    const auto v4 = rules.find(" ip saddr 10.0.0.1 drop"), v6 = rules.find(" ip6 saddr fd00::1 drop"),
               v6only = rules.find(" ip6 saddr fd00::2 return");
    QVERIFY2(v4 != std::string::npos && v6 != std::string::npos && v6only != std::string::npos,
             rules.c_str());
    QVERIFY(v4 < v6 && v6 < v6only);
    QVERIFY2(rules.find("ip saddr fd00::2") == std::string::npos, rules.c_str());
}

void TestLinuxDatapathPlan::networkAclsJoinTheEndpointsChains()
{
    auto rule = [](const std::string& action, int priority, int port) {
        return Json{{"Action", action},
                    {"Direction", "In"},
                    {"Priority", priority},
                    {"Protocols", "6"},
                    {"LocalPorts", std::to_string(port)}};
    };
    // The network's NetworkACLs, listed out of order, are read in priority order.
    Json doc = network("NAT");
    doc["Policies"] = Json::array(
        {policy("NetworkACL", rule("Block", 200, 3)), policy("NetworkACL", rule("Allow", 100, 1))});
    auto net = hcn::linuxdp::planNetwork(kNet, doc);
    QVERIFY2(net.ok(), net.status().detail().c_str());
    QCOMPARE(net->acls.size(), std::size_t(2));
    QCOMPARE(net->acls[0].priority, 100u);
    QVERIFY(net->acls[0].allow);

    // With the endpoint's own ACL in one priority order: at equal priorities the network's first.
    auto ep = hcn::linuxdp::planEndpoint(kEp, endpoint(Json::array({policy("ACL", rule("Block", 100, 2))})));
    QVERIFY(ep.ok());
    const std::string text = hcn::linuxdp::addEndpointRules(*ep, net->acls);
    const auto first = text.find("th dport 1 return"), second = text.find("th dport 2 drop"),
               third = text.find("th dport 3 drop");
    QVERIFY2(first != std::string::npos && second != std::string::npos && third != std::string::npos,
             text.c_str());
    QVERIFY(first < second && second < third);
    Json tie = network("NAT");
    tie["Policies"] = Json::array({policy("NetworkACL", rule("Allow", 100, 2))});
    auto tied = hcn::linuxdp::planNetwork(kNet, tie);
    QVERIFY(tied.ok());
    const std::string tiedText = hcn::linuxdp::addEndpointRules(*ep, tied->acls);
    QVERIFY2(tiedText.find("th dport 2 return") < tiedText.find("th dport 2 drop"), tiedText.c_str());

    // An endpoint without ACLs of its own has chains only for its network's; the removal names them.
    auto plain = hcn::linuxdp::planEndpoint(kEp, endpoint(Json::array()));
    QVERIFY(plain.ok());
    QVERIFY(hcn::linuxdp::addEndpointRules(*plain).find("acl-") == std::string::npos);
    const std::string add = hcn::linuxdp::addEndpointRules(*plain, net->acls);
    const std::string remove = hcn::linuxdp::removeEndpointRules(*plain, net->acls);
    QVERIFY2(add.find("add chain bridge hcn acl-") != std::string::npos, add.c_str());
    QVERIFY2(remove.find("delete chain bridge hcn acl-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee-in") !=
                     std::string::npos &&
                 remove.find("delete element bridge hcn aclout") != std::string::npos,
             remove.c_str());

    // A network modify's text per endpoint: nothing when its chains stay, else the old chains out and
    // the new in; to no ACL at all, the chains only go.
    QCOMPARE(hcn::linuxdp::replaceAclRules(*plain, net->acls, net->acls), std::string());
    QCOMPARE(hcn::linuxdp::replaceAclRules(*plain, {}, net->acls), add);
    QCOMPARE(hcn::linuxdp::replaceAclRules(*plain, net->acls, {}), remove);
    QCOMPARE(hcn::linuxdp::replaceAclRules(*ep, net->acls, tied->acls),
             hcn::linuxdp::removeEndpointRules(*ep, net->acls) +
                 hcn::linuxdp::addEndpointRules(*ep, tied->acls));
    Json remoteDoc =
        endpoint(Json::array({policy("ProviderAddress", {{"ProviderAddress", "192.168.250.2"}})}));
    remoteDoc["Flags"] = 1;
    auto remote = hcn::linuxdp::planEndpoint(kEp, remoteDoc);
    QVERIFY2(remote.ok(), remote.status().detail().c_str());
    QCOMPARE(hcn::linuxdp::replaceAclRules(*remote, {}, net->acls), std::string()); // another host's port

    // A NetworkACL is checked as an ACL is.
    Json bad = network("NAT");
    bad["Policies"] = Json::array({policy("NetworkACL", {{"Action", "Deny"}})});
    auto refused = hcn::linuxdp::planNetwork(kNet, bad);
    QVERIFY(!refused.ok());
    QCOMPARE(int(refused.status().code()), int(hcn::hr::InvalidPolicy));
}

void TestLinuxDatapathPlan::removalUndoesTheAdd_data()
{
    QTest::addColumn<QString>("policies");
    QTest::newRow("port mappings, one port twice on two VIPs")
        << qs(Json::array({policy("PortMapping", {{"Protocol", 6}, {"InternalPort", 80}, {"ExternalPort", 8080}, {"VIP", "10.0.0.1"}}),
                           policy("PortMapping", {{"Protocol", 6}, {"InternalPort", 80}, {"ExternalPort", 8080}, {"VIP", "10.0.0.2"}}),
                           policy("PortMapping", {{"Protocol", 17}, {"InternalPort", 53}}) })
                  .dump());
    QTest::newRow(
        "dual stack: mappings on both families and an IPv6 VIP, OutBoundNAT with exceptions of both")
        << qs(Json::array(
                  {policy("PortMapping", {{"Protocol", 6}, {"InternalPort", 80}, {"ExternalPort", 8080}}),
                   policy(
                       "PortMapping",
                       {{"Protocol", 6}, {"InternalPort", 80}, {"ExternalPort", 8081}, {"VIP", "fd00::1"}}),
                   policy("OutBoundNAT", {{"Exceptions", {"10.0.0.0/8", "fd00::/8"}}}),
                   policy("ACL", {{"Action", "Block"},
                                  {"Direction", "In"},
                                  {"Priority", 1},
                                  {"RemoteAddresses", "10.0.0.1,fd00::1"}})})
                  .dump());
    QTest::newRow("ACLs both ways and OutBoundNAT")
        << qs(Json::array({policy("ACL", {{"Action", "Block"}, {"Direction", "Out"}, {"Priority", 1}}),
                           policy("OutBoundNAT", {{"Exceptions", {"10.0.0.0/8"}}})})
                  .dump());
}

void TestLinuxDatapathPlan::removalUndoesTheAdd()
{
    QFETCH(QString, policies);
    Json doc = endpoint(Json::parse(policies.toStdString()));
    doc["IpConfigurations"].push_back({{"IpAddress", "fd00::10"}, {"PrefixLength", 64}});
    auto plan = hcn::linuxdp::planEndpoint(kEp, doc);
    QVERIFY2(plan.ok(), plan.status().detail().c_str());
    const std::string add = hcn::linuxdp::addEndpointRules(*plan), remove = hcn::linuxdp::removeEndpointRules(*plan);
    // Every chain and element the add makes, the removal deletes (elements by key).
    std::istringstream lines(add);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("add chain ", 0) == 0) {
            const std::string deletion = "delete chain " + line.substr(10);
            QVERIFY2(remove.find(deletion) != std::string::npos, line.c_str());
        } else if (line.rfind("add element ", 0) == 0) {
            std::string key = line.substr(12, line.find(" : ") - 12) + " }";
            QVERIFY2(remove.find("delete element " + key) != std::string::npos, line.c_str());
        }
    }
}

void TestLinuxDatapathPlan::loadBalancerChecks()
{
    const Json backends = Json::array({kEp.toString()});
    auto ok = hcn::linuxdp::planLoadBalancer(kNet, {{"FrontendVIPs", {"10.96.0.1"}},
                                                    {"HostComputeEndpoints", backends},
                                                    {"PortMappings", {{{"Protocol", 6}, {"InternalPort", 80}, {"DistributionType", 2}}}}});
    QVERIFY(ok.ok());
    const std::string rules = hcn::linuxdp::addLoadBalancerRules(*ok, {"10.244.7.10", "10.244.7.11"});
    QVERIFY2(rules.find("jhash ip saddr mod 2") != std::string::npos, rules.c_str());
    QVERIFY2(rules.find("lbfrontends { 10.96.0.1 . tcp . 80 ") != std::string::npos, rules.c_str());
    auto nodePort = hcn::linuxdp::planLoadBalancer(kNet, {{"HostComputeEndpoints", backends},
                                                          {"PortMappings", {{{"Protocol", 17}, {"InternalPort", 53}, {"ExternalPort", 30053}}}}});
    QVERIFY(nodePort.ok());
    QVERIFY(hcn::linuxdp::addLoadBalancerRules(*nodePort, {"10.244.7.10"}).find("portmaps { udp . 30053 ") != std::string::npos);
    QVERIFY(!hcn::linuxdp::planLoadBalancer(kNet, {{"FrontendVIPs", {"fd00::1"}}})
                 .ok()); // IPv6 VIP without Flags 2
    QVERIFY(!hcn::linuxdp::planLoadBalancer(kNet, {{"Flags", 2}, {"FrontendVIPs", {"10.96.0.1"}}})
                 .ok()); // IPv4 VIP, Flags 2
    auto v6 = hcn::linuxdp::planLoadBalancer(
        kNet, {{"Flags", 2},
               {"FrontendVIPs", {"fd00::96"}},
               {"HostComputeEndpoints", backends},
               {"PortMappings", {{{"Protocol", 6}, {"InternalPort", 80}, {"DistributionType", 2}}}}});
    QVERIFY2(v6.ok(), v6.status().detail().c_str());
    const std::string v6rules = hcn::linuxdp::addLoadBalancerRules(*v6, {"fd00::10", "fd00::11"});
    QVERIFY2(v6rules.find("add rule ip6 hcn lb-") != std::string::npos, v6rules.c_str());
    QVERIFY2(v6rules.find("jhash ip6 saddr mod 2") != std::string::npos, v6rules.c_str());
    QVERIFY2(v6rules.find("ip6 hcn lbfrontends { fd00::96 . tcp . 80 ") != std::string::npos,
             v6rules.c_str());
    QVERIFY(hcn::linuxdp::addLoadBalancerRules(*v6, {"fd00::10"}).find("dnat ip6 to [fd00::10]:80") !=
            std::string::npos);
    QVERIFY(!hcn::linuxdp::planLoadBalancer(kNet, {{"PortMappings", {{{"Protocol", 1}}}}}).ok()); // ICMP
    QVERIFY(!hcn::linuxdp::planLoadBalancer(kNet, {{"PortMappings", {{{"Protocol", 6}, {"InternalPort", 80}, {"DistributionType", 7}}}}}).ok());
}

void TestLinuxDatapathPlan::loadBalancersFollowABackend_data()
{
    QTest::addColumn<QString>("change");   ///< the endpoint's document after the modify
    QTest::addColumn<QString>("expected"); ///< the load balancers programmed again, or "error"
    const Json moved = {{"IpAddress", "10.244.7.20"}, {"PrefixLength", 24}};
    const Json v6 = {{"IpAddress", "fd00::10"}, {"PrefixLength", 64}};
    QTest::newRow("new IPv4 address: the IPv4 load balancers it backs")
        << qs(Json{{"IpConfigurations", {moved, v6}}}.dump()) << "nodeport vip";
    QTest::newRow("new IPv6 address: the IPv6 load balancer only")
        << qs(Json{{"IpConfigurations", {{{"IpAddress", "10.244.7.10"}}, {{"IpAddress", "fd00::20"}}}}}
                  .dump())
        << "v6";
    QTest::newRow("new MAC only: nothing") << qs(Json{{"MacAddress", "00-15-5D-00-00-09"}}.dump()) << "";
    QTest::newRow("remote endpoint moved to a new address and host")
        << qs(Json{{"Flags", 1},
                   {"IpConfigurations", {moved, v6}},
                   {"Policies", {policy("ProviderAddress", {{"ProviderAddress", "192.168.250.3"}})}}}
                  .dump())
        << "nodeport vip";
    QTest::newRow("IPv4 address removed: refused, nothing to translate to")
        << qs(Json{{"IpConfigurations", {v6}}}.dump()) << "error";
}

void TestLinuxDatapathPlan::loadBalancersFollowABackend()
{
    QFETCH(QString, change);
    QFETCH(QString, expected);
    using hcn::linuxdp::EndpointPlan;
    const Guid other = *Guid::parse("aaaaaaaa-bbbb-cccc-dddd-ffffffffffff");
    std::map<Guid, EndpointPlan> endpoints;
    Json doc = endpoint(Json::array());
    doc["IpConfigurations"].push_back({{"IpAddress", "fd00::10"}, {"PrefixLength", 64}});
    endpoints[kEp] = *hcn::linuxdp::planEndpoint(kEp, doc);
    Json otherDoc = doc;
    otherDoc["IpConfigurations"] = {{{"IpAddress", "10.244.7.11"}}, {{"IpAddress", "fd00::11"}}};
    endpoints[other] = *hcn::linuxdp::planEndpoint(other, otherDoc);

    // Four load balancers: a VIP and a node port on both, an IPv6 one on both, one on the other only.
    std::map<Guid, hcn::linuxdp::ProgrammedLoadBalancer> lbs;
    std::map<Guid, std::string> names;
    auto add = [&](const std::string& name, const std::string& guid, Json lbDoc, std::vector<Guid> backends) {
        const Guid id = *Guid::parse(guid);
        for (const auto& b : backends)
            lbDoc["HostComputeEndpoints"].push_back(b.toString());
        lbDoc["PortMappings"] = {{{"Protocol", 6}, {"InternalPort", 80}, {"ExternalPort", 8080}}};
        auto plan = hcn::linuxdp::planLoadBalancer(id, lbDoc);
        QVERIFY2(plan.ok(), plan.status().detail().c_str());
        auto ips = hcn::linuxdp::backendAddresses(*plan, endpoints);
        QVERIFY2(ips.ok(), ips.status().detail().c_str());
        lbs[id] = {*plan, *ips};
        names[id] = name;
    };
    add("vip", "10000000-0000-0000-0000-000000000001", {{"FrontendVIPs", {"10.96.0.1"}}}, {kEp, other});
    add("nodeport", "10000000-0000-0000-0000-000000000002", Json::object(), {kEp});
    add("v6", "10000000-0000-0000-0000-000000000003", {{"Flags", 2}, {"FrontendVIPs", {"fd00::96"}}},
        {kEp, other});
    add("other", "10000000-0000-0000-0000-000000000004", {{"FrontendVIPs", {"10.96.0.4"}}}, {other});

    Json next = doc;
    next.update(Json::parse(change.toStdString()));
    auto plan = hcn::linuxdp::planEndpoint(kEp, next);
    QVERIFY2(plan.ok(), plan.status().detail().c_str());
    auto move = hcn::linuxdp::followBackend(lbs, endpoints, *plan);
    if (expected == "error") {
        QVERIFY(!move.ok());
        QCOMPARE(move.status().code(), hcn::hr::EndpointNotFound);
        return;
    }
    QVERIFY2(move.ok(), move.status().detail().c_str());
    QStringList programmed;
    for (const auto& [id, ips] : move->backendIps) {
        programmed << qs(names[id]);
        // Each is removed and added again in the same buffer, with the endpoint's new address.
        const std::string chain = "lb-" + id.toString(hcn::GuidCase::Lower);
        const auto removal = move->commands.find(
            "delete chain " + std::string(lbs[id].plan.ipv6 ? "ip6" : "ip") + " hcn " + chain);
        const auto addition = move->commands.find(
            "add chain " + std::string(lbs[id].plan.ipv6 ? "ip6" : "ip") + " hcn " + chain);
        QVERIFY2(removal != std::string::npos && addition != std::string::npos && removal < addition,
                 move->commands.c_str());
        QVERIFY(std::find(ips.begin(), ips.end(), lbs[id].plan.ipv6 ? plan->ipv6 : plan->ipv4) != ips.end());
    }
    programmed.sort();
    QCOMPARE(programmed.join(' '), expected);
    QCOMPARE(move->commands.empty(), expected.isEmpty());
    if (plan->ipv4 != "10.244.7.10")
        QVERIFY2(move->commands.find("10.244.7.10") == std::string::npos, move->commands.c_str());
    QVERIFY2(move->commands.find("10.96.0.4") == std::string::npos,
             move->commands.c_str()); // not its backend
}

void TestLinuxDatapathPlan::endpointMtu_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("underlay"); ///< the MTU read from the kernel when the network was programmed
    QTest::addColumn<QString>("policies");
    QTest::addColumn<bool>("ipv6");
    QTest::addColumn<QString>("expected"); ///< the MTU (0: the kernel's default), or "error"
    auto mtu = [](int value) {
        return qs(Json::array({policy("InterfaceParameters", {{"Mtu", value}})}).dump());
    };
    auto overhead = [](int value) {
        return qs(Json::array({policy("EncapOverhead", {{"Overhead", value}})}).dump());
    };
    QTest::newRow("overlay: the underlay less VXLAN's 50 bytes")
        << "Overlay" << 1500 << "[]" << false << "1450";
    QTest::newRow("overlay on jumbo frames") << "Overlay" << 9000 << "[]" << false << "8950";
    QTest::newRow("overlay over an IPv6 underlay: 70 bytes") << "Overlay6" << 1500 << "[]" << false << "1430";
    QTest::newRow("overlay over IPv6, InterfaceParameters 1450: more than the tunnel carries")
        << "Overlay6" << 1500 << mtu(1450) << false << "error";
    QTest::newRow("overlay, EncapOverhead 50 as flannel sets it")
        << "Overlay" << 1500 << overhead(50) << false << "1450";
    QTest::newRow("overlay, EncapOverhead 100") << "Overlay" << 1500 << overhead(100) << false << "1400";
    QTest::newRow("overlay, EncapOverhead 20: more than the tunnel carries")
        << "Overlay" << 1500 << overhead(20) << false << "error";
    QTest::newRow("overlay, InterfaceParameters 1300") << "Overlay" << 1500 << mtu(1300) << false << "1300";
    QTest::newRow("overlay, InterfaceParameters 1500: more than the tunnel carries")
        << "Overlay" << 1500 << mtu(1500) << false << "error";
    QTest::newRow("NAT: the kernel's default") << "NAT" << 0 << "[]" << false << "0";
    QTest::newRow("L2Bridge: its adapter's") << "L2Bridge" << 1400 << "[]" << false << "1400";
    QTest::newRow("L2Bridge, InterfaceParameters beyond its adapter's")
        << "L2Bridge" << 1400 << mtu(1500) << false << "error";
    QTest::newRow("NAT, InterfaceParameters 9000") << "NAT" << 0 << mtu(9000) << false << "9000";
    QTest::newRow("NAT, EncapOverhead 100 off Ethernet's 1500")
        << "NAT" << 0 << overhead(100) << false << "1400";
    QTest::newRow("NAT, InterfaceParameters 0: not set") << "NAT" << 0 << mtu(0) << false << "0";
    QTest::newRow("below IPv4's 68") << "NAT" << 0 << mtu(60) << false << "error";
    QTest::newRow("below IPv6's 1280 with an IPv6 address") << "NAT" << 0 << mtu(1200) << true << "error";
    QTest::newRow("Mtu beyond 16 bits") << "NAT" << 0 << mtu(70000) << false << "error";
}

void TestLinuxDatapathPlan::endpointMtu()
{
    QFETCH(QString, type);
    QFETCH(int, underlay);
    QFETCH(QString, policies);
    QFETCH(bool, ipv6);
    QFETCH(QString, expected);
    const bool overIpv6 = type == "Overlay6";
    if (overIpv6)
        type = "Overlay";
    Json netDoc = network(type.toStdString());
    if (overIpv6)
        netDoc["Policies"] = Json::array({policy("ProviderAddress", {{"ProviderAddress", "fd00:250::1"}})});
    if (type == "L2Bridge")
        netDoc["Policies"] = Json::array({policy("NetAdapterName", {{"NetworkAdapterName", "eth9"}})});
    if (type == "Overlay")
        netDoc["Ipams"][0]["Subnets"][0]["Policies"] = Json::array({policy("VSID", {{"IsolationId", 4096}})});
    auto net = hcn::linuxdp::planNetwork(kNet, netDoc);
    QVERIFY2(net.ok(), net.status().detail().c_str());
    // As programming the network fills them in.
    net->underlayMtu = static_cast<std::uint32_t>(underlay);
    if (net->overlay)
        net->mtu = net->underlayMtu - hcn::linuxdp::vxlanOverhead(*net->overlay);
    else if (!net->adapter.empty())
        net->mtu = net->underlayMtu;
    Json doc = endpoint(Json::parse(policies.toStdString()));
    if (ipv6)
        doc["IpConfigurations"].push_back({{"IpAddress", "fd00::10"}, {"PrefixLength", 64}});
    auto ep = hcn::linuxdp::planEndpoint(kEp, doc);
    hcn::Result<std::uint32_t> mtu =
        ep.ok() ? hcn::linuxdp::endpointMtu(*net, *ep) : hcn::Result<std::uint32_t>(ep.status());
    if (expected == "error") {
        QVERIFY(!mtu.ok());
        QCOMPARE(mtu.status().code(), hcn::hr::InvalidPolicy);
        return;
    }
    QVERIFY2(mtu.ok(), mtu.status().detail().c_str());
    QCOMPARE(QString::number(*mtu), expected);
}

void TestLinuxDatapathPlan::endpointDns_data()
{
    QTest::addColumn<QString>("dns");
    QTest::addColumn<QString>("resolvConf"); ///< without the comment line; "error" when refused
    QTest::newRow("servers, domain first in the search list, options")
        << R"({"Domain":"svc.local","Search":["a.local","svc.local"],"ServerList":["10.244.7.53","fd00::53"],"Options":["ndots:5"]})"
        << "search svc.local a.local\nnameserver 10.244.7.53\nnameserver fd00::53\noptions ndots:5\n";
    QTest::newRow("HNS v1 style comma lists") << R"({"ServerList":"10.0.0.1, 10.0.0.2","Search":"x.local"})"
                                              << "search x.local\nnameserver 10.0.0.1\nnameserver 10.0.0.2\n";
    QTest::newRow("no Dns: no file") << "{}"
                                     << "";
    QTest::newRow("a server that is no address") << R"({"ServerList":["dns.local"]})"
                                                 << "error";
    QTest::newRow("a search domain that would add a line") << R"({"Search":["a.local\nnameserver 1.2.3.4"]})"
                                                           << "error";
}

void TestLinuxDatapathPlan::endpointDns()
{
    QFETCH(QString, dns);
    QFETCH(QString, resolvConf);
    Json doc = endpoint(Json::array());
    doc["Dns"] = Json::parse(dns.toStdString());
    auto plan = hcn::linuxdp::planEndpoint(kEp, doc);
    if (resolvConf == "error") {
        QVERIFY(!plan.ok());
        return;
    }
    QVERIFY2(plan.ok(), plan.status().detail().c_str());
    QCOMPARE(plan->dns.empty(), resolvConf.isEmpty());
    if (resolvConf.isEmpty())
        return;
    std::string text = hcn::linuxdp::resolvConfText(plan->dns, kEp);
    QVERIFY(text.rfind("# written by hcnd", 0) == 0);
    text = text.substr(text.find('\n') + 1);
    QCOMPARE(qs(text), resolvConf);
}

void TestLinuxDatapathPlan::overlayNetworks_data()
{
    QTest::addColumn<QString>("subnetPolicies");
    QTest::addColumn<QString>("policies");
    QTest::addColumn<QString>("expected"); ///< "vni local port routerMac remoteSubnets", or "error <HRESULT>"
    const QString vsid = R"([{"Type":"VSID","Settings":{"IsolationId":4096}}])";
    QTest::newRow("VSID only: no source, port 4789") << vsid << "[]"
                                                     << "4096  4789 0 0";
    QTest::newRow("provider address, DR MAC, VXLAN port")
        << vsid << R"([{"Type":"ProviderAddress","Settings":{"ProviderAddress":"192.168.250.1"}},
               {"Type":"DrMacAddress","Settings":{"Address":"02-00-00-00-16-01"}},
               {"Type":"VxlanPort","Settings":{"Port":4790}}])"
        << "4096 192.168.250.1 4790 0x20000001601 0";
    QTest::newRow("remote subnet route, flannel's colon MAC")
        << vsid
        << R"([{"Type":"RemoteSubnetRoute","Settings":{"DestinationPrefix":"10.244.9.0/24","IsolationId":4096,
               "ProviderAddress":"192.168.250.2","DistributedRouterMacAddress":"02:00:00:00:17:01"}}])"
        << "4096  4789 0 1";
    QTest::newRow("IPv4 and IPv6 remote subnets behind one router")
        << vsid
        << R"([{"Type":"RemoteSubnetRoute","Settings":{"DestinationPrefix":"10.244.9.0/24","IsolationId":4096,
               "ProviderAddress":"192.168.250.2","DistributedRouterMacAddress":"02:00:00:00:17:01"}},
               {"Type":"RemoteSubnetRoute","Settings":{"DestinationPrefix":"fd68:636e:9::/64",
               "ProviderAddress":"192.168.250.2","DistributedRouterMacAddress":"02-00-00-00-17-01"}}])"
        << "4096  4789 0 2";
    QTest::newRow("one router MAC behind two provider addresses")
        << vsid << R"([{"Type":"RemoteSubnetRoute","Settings":{"DestinationPrefix":"10.244.9.0/24",
               "ProviderAddress":"192.168.250.2","DistributedRouterMacAddress":"02:00:00:00:17:01"}},
               {"Type":"RemoteSubnetRoute","Settings":{"DestinationPrefix":"fd68:636e:9::/64",
               "ProviderAddress":"192.168.250.3","DistributedRouterMacAddress":"02-00-00-00-17-01"}}])"
        << QString("error %1").arg(int(hcn::hr::InvalidPolicy));
    QTest::newRow("remote subnet that is no prefix")
        << vsid << R"([{"Type":"RemoteSubnetRoute","Settings":{"DestinationPrefix":"fd68:636e:9::/129",
               "ProviderAddress":"192.168.250.2","DistributedRouterMacAddress":"02:00:00:00:17:01"}}])"
        << QString("error %1").arg(int(hcn::hr::InvalidPolicy));
    QTest::newRow("no VSID") << "[]"
                             << "[]" << QString("error %1").arg(int(hcn::hr::InvalidNetwork));
    QTest::newRow("VSID beyond 24 bits") << R"([{"Type":"VSID","Settings":{"IsolationId":16777216}}])"
                                         << "[]" << QString("error %1").arg(int(hcn::hr::InvalidPolicy));
    QTest::newRow("remote subnet of another VSID")
        << vsid
        << R"([{"Type":"RemoteSubnetRoute","Settings":{"DestinationPrefix":"10.244.9.0/24","IsolationId":5000,
               "ProviderAddress":"192.168.250.2","DistributedRouterMacAddress":"02-00-00-00-17-01"}}])"
        << QString("error %1").arg(int(hcn::hr::InvalidPolicy));
    QTest::newRow("remote subnet without a router MAC")
        << vsid << R"([{"Type":"RemoteSubnetRoute","Settings":{"DestinationPrefix":"10.244.9.0/24",
               "ProviderAddress":"192.168.250.2"}}])"
        << QString("error %1").arg(int(hcn::hr::InvalidPolicy));
    QTest::newRow("provider address that is none")
        << vsid << R"([{"Type":"ProviderAddress","Settings":{"ProviderAddress":"host-a"}}])"
        << QString("error %1").arg(int(hcn::hr::InvalidPolicy));
}

void TestLinuxDatapathPlan::overlayNetworks()
{
    QFETCH(QString, subnetPolicies);
    QFETCH(QString, policies);
    QFETCH(QString, expected);
    Json doc = network("Overlay");
    doc["Ipams"][0]["Subnets"][0]["Policies"] = Json::parse(subnetPolicies.toStdString());
    doc["Policies"] = Json::parse(policies.toStdString());
    auto plan = hcn::linuxdp::planNetwork(kNet, doc);
    if (expected.startsWith("error")) {
        QVERIFY(!plan.ok());
        QCOMPARE(QString("error %1").arg(int(plan.status().code())), expected);
        return;
    }
    QVERIFY2(plan.ok(), plan.status().detail().c_str());
    QVERIFY(plan->overlay);
    const auto& o = *plan->overlay;
    QCOMPARE(o.vxlan, std::string("hcnx11111111222"));
    QCOMPARE(QString("%1 %2 %3 %4 %5")
                 .arg(o.vni)
                 .arg(qs(o.providerAddress))
                 .arg(o.port)
                 .arg(o.routerMac ? "0x" + QString::number(*o.routerMac, 16) : "0")
                 .arg(o.remoteSubnets.size()),
             expected);
    QCOMPARE(plan->gatewayCidrs, std::vector<std::string>{"10.244.7.1/24"}); // the distributed router
    QVERIFY(!plan->masquerade);
    if (!o.remoteSubnets.empty()) {
        QCOMPARE(o.remoteSubnets[0].prefix, std::string("10.244.9.0/24"));
        QCOMPARE(o.remoteSubnets[0].nextHop, std::string("10.244.9.0"));
        QCOMPARE(o.remoteSubnets[0].routerMac, std::uint64_t(0x020000001701));
    }
    if (o.remoteSubnets.size() == 2) { // an IPv6 prefix: routed the same way, its first address the next hop
        QCOMPARE(o.remoteSubnets[1].prefix, std::string("fd68:636e:9::/64"));
        QCOMPARE(o.remoteSubnets[1].nextHop, std::string("fd68:636e:9::"));
        QCOMPARE(o.remoteSubnets[1].routerMac, std::uint64_t(0x020000001701));
    }
}

void TestLinuxDatapathPlan::remoteEndpointsAndRoutes()
{
    // A remote endpoint: its MAC, address and ProviderAddress; its other policies are the other host's.
    Json remote = endpoint(Json::array({policy("ProviderAddress", {{"ProviderAddress", "192.168.250.2"}}),
                                        policy("QOS", {{"MaximumOutgoingBandwidthInBytes", 1}})}));
    remote["Flags"] = 1;
    auto plan = hcn::linuxdp::planEndpoint(kEp, remote);
    QVERIFY2(plan.ok(), plan.status().detail().c_str());
    QVERIFY(plan->remote);
    QCOMPARE(plan->providerAddress, std::string("192.168.250.2"));
    QCOMPARE(plan->mac.value_or(0), std::uint64_t(0x00155D000001));
    QCOMPARE(plan->ipv4, std::string("10.244.7.10"));
    remote["Policies"] = Json::array({policy("ProviderAddress", {{"ProviderAddress", "nowhere"}})});
    QCOMPARE(hcn::linuxdp::planEndpoint(kEp, remote).status().code(), hcn::hr::InvalidPolicy);

    // An SDN route: the documented Routes and hcsshim's Setting; NeedEncap without a next hop is on-link.
    Json route = {{"HostComputeEndpoints", {kEp.toString()}},
                  {"Routes", {{{"DestinationPrefix", "172.30.0.0/16"}, {"NextHop", "10.244.7.1"}}}},
                  {"Setting", {{{"DestinationPrefix", "172.31.0.0/16"}, {"NeedEncap", true}}}}};
    auto sdn = hcn::linuxdp::planSdnRoute(kNet, route);
    QVERIFY2(sdn.ok(), sdn.status().detail().c_str());
    QCOMPARE(sdn->endpoints, std::vector<Guid>{kEp});
    const std::vector<std::pair<std::string, std::string>> routes{{"172.30.0.0/16", "10.244.7.1"},
                                                                  {"172.31.0.0/16", ""}};
    QCOMPARE(sdn->routes, routes);
    route["Routes"][0]["DestinationPrefix"] = "172.30.0.5/16"; // host bits: not a prefix
    QCOMPARE(hcn::linuxdp::planSdnRoute(kNet, route).status().code(), hcn::hr::InvalidPolicy);
}

namespace {

/// Loopback ports as "protocol loopback:port>target,target:port" lines, one per port, for comparing.
QStringList loopbackText(const std::vector<hcn::linuxdp::LoopbackPort>& ports)
{
    QStringList out;
    for (const auto& p : ports) {
        std::string targets;
        for (const auto& t : p.targets)
            targets += (targets.empty() ? "" : ",") + t;
        out << qs(p.text() + ">" + targets + ":" + std::to_string(p.targetPort) +
                  (p.bySource ? " by source" : ""));
    }
    return out;
}

} // namespace

void TestLinuxDatapathPlan::loopbackPortsOfAnEndpoint_data()
{
    QTest::addColumn<bool>("ipv4");
    QTest::addColumn<bool>("ipv6");
    QTest::addColumn<QString>("vip");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("IPv4 endpoint: both loopbacks to its IPv4 address")
        << true << false << QString()
        << QStringList{"tcp 127.0.0.1:8080>10.244.7.10:80", "tcp [::1]:8080>10.244.7.10:80"};
    QTest::newRow("dual-stack endpoint: each loopback to its own family")
        << true << true << QString()
        << QStringList{"tcp 127.0.0.1:8080>10.244.7.10:80", "tcp [::1]:8080>fd68:636e:7::10:80"};
    QTest::newRow("IPv6-only endpoint: both loopbacks to its IPv6 address")
        << false << true << QString()
        << QStringList{"tcp 127.0.0.1:8080>fd68:636e:7::10:80", "tcp [::1]:8080>fd68:636e:7::10:80"};
    QTest::newRow("a mapping on a VIP: not on the loopback")
        << true << false << "10.244.7.1" << QStringList{};
}

void TestLinuxDatapathPlan::loopbackPortsOfAnEndpoint()
{
    QFETCH(bool, ipv4);
    QFETCH(bool, ipv6);
    QFETCH(QString, vip);
    QFETCH(QStringList, expected);
    Json settings{{"Protocol", 6}, {"InternalPort", 80}, {"ExternalPort", 8080}};
    if (!vip.isEmpty())
        settings["VIP"] = vip.toStdString();
    Json doc = endpoint(Json::array({policy("PortMapping", settings)}));
    doc["IpConfigurations"] = Json::array();
    if (ipv4)
        doc["IpConfigurations"].push_back({{"IpAddress", "10.244.7.10"}, {"PrefixLength", 24}});
    if (ipv6)
        doc["IpConfigurations"].push_back({{"IpAddress", "fd68:636e:7::10"}, {"PrefixLength", 64}});
    auto plan = hcn::linuxdp::planEndpoint(kEp, doc);
    QVERIFY2(plan.ok(), plan.status().detail().c_str());
    QCOMPARE(loopbackText(hcn::linuxdp::loopbackPorts(*plan)), expected);
}

void TestLinuxDatapathPlan::loopbackPortsOfALoadBalancer_data()
{
    QTest::addColumn<QString>("docText"); // the load balancer's document but its backends
    QTest::addColumn<QStringList>("backendIps");
    QTest::addColumn<QStringList>("expected");
    const Json udp = {{"Protocol", 17}, {"InternalPort", 53}, {"ExternalPort", 30053}};
    const Json affinity = {
        {"Protocol", 6}, {"InternalPort", 80}, {"ExternalPort", 30080}, {"DistributionType", 2}};
    QTest::newRow("IPv4, round robin: 127.0.0.1 over the backends")
        << qs(Json{{"PortMappings", {udp}}}.dump()) << QStringList{"10.244.7.10", "10.244.7.11"}
        << QStringList{"udp 127.0.0.1:30053>10.244.7.10,10.244.7.11:53"};
    QTest::newRow("IPv4, source affinity")
        << qs(Json{{"PortMappings", {affinity}}}.dump()) << QStringList{"10.244.7.10"}
        << QStringList{"tcp 127.0.0.1:30080>10.244.7.10:80 by source"};
    QTest::newRow("IPv6 (Flags 2): ::1")
        << qs(Json{{"Flags", 2}, {"PortMappings", {udp}}}.dump()) << QStringList{"fd68:636e:7::10"}
        << QStringList{"udp [::1]:30053>fd68:636e:7::10:53"};
    QTest::newRow("with a VIP: not on the loopback")
        << qs(Json{{"FrontendVIPs", {"10.96.0.1"}}, {"PortMappings", {udp}}}.dump())
        << QStringList{"10.244.7.10"} << QStringList{};
}

void TestLinuxDatapathPlan::loopbackPortsOfALoadBalancer()
{
    QFETCH(QString, docText);
    QFETCH(QStringList, backendIps);
    QFETCH(QStringList, expected);
    Json doc = Json::parse(docText.toStdString());
    doc["HostComputeEndpoints"] = Json::array();
    for (int i = 0; i < backendIps.size(); ++i)
        doc["HostComputeEndpoints"].push_back(Guid::generate().toString());
    auto plan = hcn::linuxdp::planLoadBalancer(kNet, doc);
    QVERIFY2(plan.ok(), plan.status().detail().c_str());
    std::vector<std::string> ips;
    for (const auto& ip : backendIps)
        ips.push_back(ip.toStdString());
    QCOMPARE(loopbackText(hcn::linuxdp::loopbackPorts(*plan, ips)), expected);
}

QTEST_GUILESS_MAIN(TestLinuxDatapathPlan)
#include "tst_linuxdatapathplan.moc"
