// What the Linux datapath reads from documents and the nftables text it writes, without the kernel (no
// root needed): names, gateways, every check that refuses a document before anything is programmed, ACL
// order, and removal text that undoes exactly what the add text made.

#include "datapath/linux_plan.h"
#include "datapath/linux_ruleset.h"

#include <QtTest>
#include <sstream>
#include <nlohmann/json.hpp>

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
    void aclRulesFollowPriority();
    void removalUndoesTheAdd_data();
    void removalUndoesTheAdd();
    void loadBalancerChecks();
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
    QTest::newRow("Overlay is not supported yet") << "Overlay" << "[]" << "error" << false;
    QTest::newRow("L2Bridge is not supported yet") << "L2Bridge" << "[]" << "error" << false;
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
    QTest::newRow("ACL action neither Allow nor Block") << acl({{"Action", "Deny"}}) << invalidPolicy;
    QTest::newRow("ACL direction neither In nor Out") << acl({{"Direction", "Both"}}) << invalidPolicy;
    QTest::newRow("ACL IPv6 address") << acl({{"RemoteAddresses", "fd00::1"}}) << invalidPolicy;
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
}

void TestLinuxDatapathPlan::removalUndoesTheAdd_data()
{
    QTest::addColumn<QString>("policies");
    QTest::newRow("port mappings, one port twice on two VIPs")
        << qs(Json::array({policy("PortMapping", {{"Protocol", 6}, {"InternalPort", 80}, {"ExternalPort", 8080}, {"VIP", "10.0.0.1"}}),
                           policy("PortMapping", {{"Protocol", 6}, {"InternalPort", 80}, {"ExternalPort", 8080}, {"VIP", "10.0.0.2"}}),
                           policy("PortMapping", {{"Protocol", 17}, {"InternalPort", 53}}) })
                  .dump());
    QTest::newRow("ACLs both ways and OutBoundNAT")
        << qs(Json::array({policy("ACL", {{"Action", "Block"}, {"Direction", "Out"}, {"Priority", 1}}),
                           policy("OutBoundNAT", {{"Exceptions", {"10.0.0.0/8"}}})})
                  .dump());
}

void TestLinuxDatapathPlan::removalUndoesTheAdd()
{
    QFETCH(QString, policies);
    auto plan = hcn::linuxdp::planEndpoint(kEp, endpoint(Json::parse(policies.toStdString())));
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
    QVERIFY(!hcn::linuxdp::planLoadBalancer(kNet, {{"Flags", 2}}).ok());                      // IPv6
    QVERIFY(!hcn::linuxdp::planLoadBalancer(kNet, {{"FrontendVIPs", {"fd00::1"}}}).ok());     // IPv6 VIP
    QVERIFY(!hcn::linuxdp::planLoadBalancer(kNet, {{"PortMappings", {{{"Protocol", 1}}}}}).ok()); // ICMP
    QVERIFY(!hcn::linuxdp::planLoadBalancer(kNet, {{"PortMappings", {{{"Protocol", 6}, {"InternalPort", 80}, {"DistributionType", 7}}}}}).ok());
}

QTEST_GUILESS_MAIN(TestLinuxDatapathPlan)
#include "tst_linuxdatapathplan.moc"
