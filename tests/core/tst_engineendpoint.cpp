// Endpoints: IPAM (explicit, automatic, dual-stack, reserved), MACs, port mappings, policies, remote
// endpoints and what delete releases.

#include "engine_harness.h"

#include <set>

using namespace hcntest;
using hcn::ResourceKind;

namespace {

json endpoint(const std::string& name, json extra = json::object())
{
    json doc = v2({{"Name", name}});
    doc.update(extra);
    return doc;
}

json portMapping(int internalPort, int externalPort, const std::string& protocol = "TCP",
                 const std::string& vip = "")
{
    json settings{{"Protocol", protocol}, {"InternalPort", internalPort}, {"ExternalPort", externalPort}};
    if (!vip.empty())
        settings["VIP"] = vip;
    return json{{"Type", "PortMapping"}, {"Settings", settings}};
}

std::string ipOf(const json& doc, std::size_t i = 0)
{
    return doc["IpConfigurations"][i]["IpAddress"].get<std::string>();
}

} // namespace

class TestEngineEndpoint : public QObject
{
    Q_OBJECT

private slots:
    void automaticAddressesSkipNetworkGatewayBroadcast();
    void explicitAddresses_data();
    void explicitAddresses();
    void exhaustionIsAnErrorThatChangesNothing();
    void dualStackEndpointGetsOneAddressPerFamily();
    void deleteReleasesAddressMacAndPorts();
    void macAddresses_data();
    void macAddresses();
    void portMappingConflicts_data();
    void portMappingConflicts();
    void policyModify_data();
    void policyModify();
    void remoteEndpoints_data();
    void remoteEndpoints();
    void v1EndpointAndFilters();
    void endpointNeedsAnOpenNetworkHandle();
    void deleteNetworkCascades();
};

void TestEngineEndpoint::automaticAddressesSkipNetworkGatewayBroadcast()
{
    Harness h;
    auto net = h.create(ResourceKind::Network, natNetwork("nat", "10.5.0.0/29", "10.5.0.1"));
    HCN_VERIFY_OK(net);
    std::set<std::string> got;
    for (int i = 0; i < 5; ++i) { // a /29 has 8 addresses: network, gateway, broadcast leave 5
        auto ep = h.create(ResourceKind::Endpoint, endpoint("c" + std::to_string(i)), *net);
        HCN_VERIFY_OK(ep);
        json doc = h.query(ResourceKind::Endpoint, *ep);
        got.insert(ipOf(doc));
        QCOMPARE(doc["IpConfigurations"][0]["PrefixLength"].get<int>(), 29);
        QCOMPARE(doc["Routes"][0]["NextHop"].get<std::string>(), std::string("10.5.0.1"));
        QCOMPARE(doc["HostComputeNetwork"].get<std::string>(), h.idOf(ResourceKind::Network, *net));
    }
    QCOMPARE(got, (std::set<std::string>{"10.5.0.2", "10.5.0.3", "10.5.0.4", "10.5.0.5", "10.5.0.6"}));
}

void TestEngineEndpoint::explicitAddresses_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("expected");
    QTest::newRow("free address inside the subnet") << "10.5.0.20" << 0;
    QTest::newRow("outside every subnet") << "192.168.1.5" << int(hcn::hr::InvalidIp);
    QTest::newRow("network address is reserved") << "10.5.0.0" << int(hcn::hr::AddrInvalidOrReserved);
    QTest::newRow("gateway is reserved") << "10.5.0.1" << int(hcn::hr::AddrInvalidOrReserved);
    QTest::newRow("broadcast is reserved") << "10.5.0.255" << int(hcn::hr::AddrInvalidOrReserved);
    QTest::newRow("already in use") << "10.5.0.10" << int(hcn::hr::AddrInvalidOrReserved);
    QTest::newRow("not an address") << "10.5.0.999" << int(hcn::hr::InvalidIp);
}

void TestEngineEndpoint::explicitAddresses()
{
    QFETCH(QString, address);
    QFETCH(int, expected);
    Harness h;
    auto net = h.create(ResourceKind::Network, natNetwork("nat", "10.5.0.0/24", "10.5.0.1"));
    HCN_VERIFY_OK(net);
    HCN_VERIFY_OK(h.create(ResourceKind::Endpoint,
                           endpoint("taken", {{"IpConfigurations", {{{"IpAddress", "10.5.0.10"}}}}}), *net));
    const auto before = h.snapshot();
    auto ep = h.create(ResourceKind::Endpoint,
                       endpoint("e", {{"IpConfigurations", {{{"IpAddress", address.toStdString()}}}}}), *net);
    QCOMPARE(qs(hcn::hresultHex(ep.code())), qs(hcn::hresultHex(expected)));
    if (expected == 0)
        QCOMPARE(ipOf(h.query(ResourceKind::Endpoint, *ep)), address.toStdString());
    else
        QCOMPARE(h.snapshot(), before);
}

void TestEngineEndpoint::exhaustionIsAnErrorThatChangesNothing()
{
    Harness h;
    auto net = h.create(ResourceKind::Network, natNetwork("tiny", "10.6.0.0/30", "10.6.0.1"));
    HCN_VERIFY_OK(net);
    HCN_VERIFY_OK(h.create(ResourceKind::Endpoint, endpoint("only"), *net)); // a /30 has one address left
    const auto before = h.snapshot();
    auto full = h.create(ResourceKind::Endpoint, endpoint("one-too-many"), *net);
    QCOMPARE(full.code(), hcn::hr::SubnetNotFound);
    QVERIFY(qs(full.status().message()).contains("exhausted"));
    QCOMPARE(h.snapshot(), before);
}

void TestEngineEndpoint::dualStackEndpointGetsOneAddressPerFamily()
{
    Harness h;
    json doc = v2({{"Name", "ds"},
                   {"Type", "L2Bridge"},
                   {"Ipams",
                    {{{"Type", "Static"},
                      {"Subnets",
                       {{{"IpAddressPrefix", "10.10.0.0/24"},
                         {"Routes", {{{"NextHop", "10.10.0.1"}, {"DestinationPrefix", "0.0.0.0/0"}}}}},
                        {{"IpAddressPrefix", "fd00:10::/64"},
                         {"Routes", {{{"NextHop", "fd00:10::1"}, {"DestinationPrefix", "::/0"}}}}}}}}}}});
    auto net = h.create(ResourceKind::Network, doc);
    HCN_VERIFY_OK(net);
    auto ep = h.create(ResourceKind::Endpoint, endpoint("pod"), *net);
    HCN_VERIFY_OK(ep);
    json out = h.query(ResourceKind::Endpoint, *ep);
    QCOMPARE(out["IpConfigurations"].size(), std::size_t(2));
    QCOMPARE(ipOf(out, 0), std::string("10.10.0.2"));
    QCOMPARE(ipOf(out, 1), std::string("fd00:10::2"));
    QCOMPARE(out["IpConfigurations"][1]["PrefixLength"].get<int>(), 64);
    QCOMPARE(out["Routes"].size(), std::size_t(2));
    json v1 = h.query(ResourceKind::Endpoint, *ep, {{"SchemaVersion", {{"Major", 1}, {"Minor", 0}}}});
    QCOMPARE(v1["IPv6Address"].get<std::string>(), std::string("fd00:10::2"));
}

void TestEngineEndpoint::deleteReleasesAddressMacAndPorts()
{
    Harness h;
    auto net = h.create(ResourceKind::Network, natNetwork("nat", "10.5.0.0/24", "10.5.0.1"));
    HCN_VERIFY_OK(net);
    auto ep = h.create(ResourceKind::Endpoint, endpoint("a", {{"Policies", {portMapping(80, 8080)}}}), *net);
    HCN_VERIFY_OK(ep);
    json first = h.query(ResourceKind::Endpoint, *ep);
    HCN_VERIFY_OK(h.engine.remove(ResourceKind::Endpoint, *hcn::Guid::parse(first["ID"].get<std::string>())));
    QCOMPARE(
        h.engine.remove(ResourceKind::Endpoint, *hcn::Guid::parse(first["ID"].get<std::string>())).code(),
        hcn::hr::EndpointNotFound);
    json detailed = h.query(ResourceKind::Network, *net, {{"Flags", 1}});
    QCOMPARE(detailed["Resources"]["Subnets"][0]["Allocated"].get<int>(), 0);
    QCOMPARE(detailed["Resources"]["MacPool"]["Allocated"].get<int>(), 0);
    // The port, the address and the MAC can be taken again.
    auto again = h.create(ResourceKind::Endpoint,
                          endpoint("b", {{"Policies", {portMapping(80, 8080)}},
                                         {"IpConfigurations", {{{"IpAddress", ipOf(first)}}}},
                                         {"MacAddress", first["MacAddress"]}}),
                          *net);
    HCN_VERIFY_OK(again);
}

void TestEngineEndpoint::macAddresses_data()
{
    QTest::addColumn<QString>("mac");
    QTest::addColumn<int>("expected");
    QTest::addColumn<QString>("stored");
    QTest::newRow("none: taken from the pool") << "" << 0 << "00-15-5D-AA-00-00";
    QTest::newRow("dash spelling") << "00-15-5d-aa-00-10" << 0 << "00-15-5D-AA-00-10";
    QTest::newRow("colon spelling") << "00:15:5d:aa:00:11" << 0 << "00-15-5D-AA-00-11";
    QTest::newRow("outside the pool is allowed") << "02-00-00-00-00-01" << 0 << "02-00-00-00-00-01";
    QTest::newRow("already used") << "00-15-5D-AA-00-01" << int(hcn::hr::AddrInvalidOrReserved) << "";
    QTest::newRow("malformed") << "00-15-5D-AA-00" << int(hcn::hr::InvalidEndpoint) << "";
}

void TestEngineEndpoint::macAddresses()
{
    QFETCH(QString, mac);
    QFETCH(int, expected);
    QFETCH(QString, stored);
    Harness h;
    json doc = natNetwork("nat");
    doc["MacPool"] = {
        {"Ranges", {{{"StartMacAddress", "00-15-5D-AA-00-00"}, {"EndMacAddress", "00-15-5D-AA-00-FF"}}}}};
    auto net = h.create(ResourceKind::Network, doc);
    HCN_VERIFY_OK(net);
    if (!mac.isEmpty())
        HCN_VERIFY_OK(
            h.create(ResourceKind::Endpoint, endpoint("first", {{"MacAddress", "00-15-5D-AA-00-01"}}), *net));
    const auto before = h.snapshot();
    json input = endpoint("e");
    if (!mac.isEmpty())
        input["MacAddress"] = mac.toStdString();
    auto ep = h.create(ResourceKind::Endpoint, input, *net);
    QCOMPARE(qs(hcn::hresultHex(ep.code())), qs(hcn::hresultHex(expected)));
    if (expected == 0)
        QCOMPARE(qs(h.query(ResourceKind::Endpoint, *ep)["MacAddress"].get<std::string>()), stored);
    else
        QCOMPARE(h.snapshot(), before);
}

void TestEngineEndpoint::portMappingConflicts_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::addColumn<int>("expected");
    auto pm = [](int in, int out, const char* proto = "TCP", const char* vip = "") {
        return qs(json::array({portMapping(in, out, proto, vip)}).dump());
    };
    QTest::newRow("same protocol and external port")
        << pm(80, 8080) << pm(81, 8080) << int(hcn::hr::PortAlreadyExists);
    QTest::newRow("protocol given as a number")
        << pm(80, 8080)
        << qs(R"([{"Type":"PortMapping","Settings":{"Protocol":6,"InternalPort":80,"ExternalPort":8080}}])")
        << int(hcn::hr::PortAlreadyExists);
    QTest::newRow("UDP and TCP on one port coexist") << pm(53, 53, "UDP") << pm(53, 53, "TCP") << 0;
    QTest::newRow("different VIPs coexist")
        << pm(80, 80, "TCP", "10.0.0.4") << pm(80, 80, "TCP", "10.0.0.5") << 0;
    QTest::newRow("any-address mapping conflicts with a VIP one")
        << pm(80, 80) << pm(80, 80, "TCP", "10.0.0.5") << int(hcn::hr::PortAlreadyExists);
    QTest::newRow("internal port zero") << pm(80, 81) << pm(0, 82) << int(hcn::hr::InvalidInternalPort);
    QTest::newRow("unknown protocol")
        << pm(80, 81)
        << qs(R"([{"Type":"PortMapping","Settings":{"Protocol":"SCTP","InternalPort":1,"ExternalPort":2}}])")
        << int(hcn::hr::InvalidPolicy);
}

void TestEngineEndpoint::portMappingConflicts()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    QFETCH(int, expected);
    Harness h;
    auto net = h.create(ResourceKind::Network, natNetwork("nat"));
    HCN_VERIFY_OK(net);
    HCN_VERIFY_OK(h.create(ResourceKind::Endpoint,
                           endpoint("a", {{"Policies", json::parse(first.toStdString())}}), *net));
    const auto before = h.snapshot();
    auto b = h.create(ResourceKind::Endpoint,
                      endpoint("b", {{"Policies", json::parse(second.toStdString())}}), *net);
    QCOMPARE(qs(hcn::hresultHex(b.code())), qs(hcn::hresultHex(expected)));
    if (expected != 0)
        QCOMPARE(h.snapshot(), before);
}

void TestEngineEndpoint::policyModify_data()
{
    QTest::addColumn<QString>("request");
    QTest::addColumn<int>("expected");
    QTest::addColumn<int>("policiesAfter");
    const json acl{{"Type", "ACL"},
                   {"Settings",
                    {{"Action", "Block"},
                     {"Direction", "Out"},
                     {"RemoteAddresses", "10.0.0.0/8"},
                     {"Protocols", "6"},
                     {"Priority", 200}}}};
    auto req = [](const char* type, json policies) {
        return qs(
            json{{"ResourceType", "Policy"}, {"RequestType", type}, {"Settings", {{"Policies", policies}}}}
                .dump());
    };
    QTest::newRow("add an ACL") << req("Add", json::array({acl})) << 0 << 2;
    QTest::newRow("add the existing port mapping again")
        << req("Add", json::array({portMapping(80, 8080)})) << int(hcn::hr::PolicyAlreadyExists) << 1;
    QTest::newRow("remove the port mapping by content")
        << req("Remove", json::array({portMapping(80, 8080)})) << 0 << 0;
    QTest::newRow("remove a policy that is not there")
        << req("Remove", json::array({acl})) << int(hcn::hr::PolicyNotFound) << 1;
    QTest::newRow("update replaces the set") << req("Update", {acl, acl}) << 0 << 2;
    QTest::newRow("two InterfaceParameters")
        << req("Add", {json{{"Type", "InterfaceParameters"}, {"Settings", {{"Mtu", 1400}}}},
                       json{{"Type", "InterfaceParameters"}, {"Settings", {{"Mtu", 1450}}}}})
        << int(hcn::hr::InterfaceParametersAlreadyApplied) << 1;
    QTest::newRow("ACL with Any address")
        << req("Add", json::array({json{{"Type", "ACL"},
                                        {"Settings", {{"Action", "Allow"}, {"LocalAddresses", "Any"}}}}}))
        << int(hcn::hr::InvalidPolicy) << 1;
    QTest::newRow("unknown policy type")
        << req("Add", json::array({json{{"Type", "Nope"}}})) << int(hcn::hr::InvalidPolicyType) << 1;
    QTest::newRow("port conflict with another endpoint")
        << req("Add", json::array({portMapping(90, 9090)})) << int(hcn::hr::PortAlreadyExists) << 1;
    QTest::newRow("Refresh is not supported")
        << req("Refresh", json::array({acl})) << int(hcn::hr::RequestUnsupported) << 1;
}

void TestEngineEndpoint::policyModify()
{
    QFETCH(QString, request);
    QFETCH(int, expected);
    QFETCH(int, policiesAfter);
    Harness h;
    auto net = h.create(ResourceKind::Network, natNetwork("nat"));
    HCN_VERIFY_OK(net);
    HCN_VERIFY_OK(
        h.create(ResourceKind::Endpoint, endpoint("other", {{"Policies", {portMapping(90, 9090)}}}), *net));
    auto ep = h.create(ResourceKind::Endpoint, endpoint("e", {{"Policies", {portMapping(80, 8080)}}}), *net);
    HCN_VERIFY_OK(ep);
    NotificationRecorder events(h.engine);
    const auto before = h.snapshot();
    auto s = h.engine.modify(ResourceKind::Endpoint, *ep, request.toStdString());
    QCOMPARE(qs(hcn::hresultHex(s.code())), qs(hcn::hresultHex(expected)));
    QCOMPARE(int(h.query(ResourceKind::Endpoint, *ep).value("Policies", json::array()).size()),
             policiesAfter);
    auto types = events.types();
    if (expected != 0) {
        QCOMPARE(h.snapshot(), before);
        QVERIFY(types.empty());
    } else {
        QVERIFY(std::count(types.begin(), types.end(), hcn::NotificationType::EndpointModify) == 1);
    }
}

void TestEngineEndpoint::remoteEndpoints_data()
{
    QTest::addColumn<QString>("doc");
    QTest::addColumn<int>("expected");
    QTest::newRow("remote pod on another node's subnet")
        << R"({"SchemaVersion":{"Major":2,"Minor":0},"Flags":1,"IpConfigurations":[{"IpAddress":"10.244.2.7"}],"MacAddress":"0E-2A-0A-F4-02-07","Policies":[{"Type":"ProviderAddress","Settings":{"ProviderAddress":"10.0.0.5"}}]})"
        << 0;
    QTest::newRow("remote endpoint without an address")
        << R"({"SchemaVersion":{"Major":2,"Minor":0},"Flags":1})" << int(hcn::hr::InvalidEndpoint);
    QTest::newRow("remote endpoint mapping a port")
        << R"({"SchemaVersion":{"Major":2,"Minor":0},"Flags":1,"IpConfigurations":[{"IpAddress":"10.244.2.8"}],"Policies":[{"Type":"PortMapping","Settings":{"InternalPort":80}}]})"
        << int(hcn::hr::InvalidRemoteEndpointOperation);
    QTest::newRow("remote endpoint reusing a local pod's address")
        << R"({"SchemaVersion":{"Major":2,"Minor":0},"Flags":1,"IpConfigurations":[{"IpAddress":"10.244.1.2"}]})"
        << int(hcn::hr::AddrInvalidOrReserved);
    QTest::newRow("v1 remote endpoint with PA policy")
        << R"({"Name":"r","IsRemoteEndpoint":true,"IPAddress":"10.244.3.9","MacAddress":"0E-2A-0A-F4-03-09","Policies":[{"Type":"PA","PA":"10.0.0.6"}]})"
        << 0;
}

void TestEngineEndpoint::remoteEndpoints()
{
    QFETCH(QString, doc);
    QFETCH(int, expected);
    Harness h;
    auto net = h.create(
        ResourceKind::Network,
        v2({{"Name", "vxlan0"},
            {"Type", "Overlay"},
            {"Ipams",
             {{{"Subnets",
                {{{"IpAddressPrefix", "10.244.1.0/24"},
                  {"Routes", {{{"NextHop", "10.244.1.1"}, {"DestinationPrefix", "0.0.0.0/0"}}}}}}}}}}}));
    HCN_VERIFY_OK(net);
    HCN_VERIFY_OK(h.create(ResourceKind::Endpoint, endpoint("local"), *net)); // takes 10.244.1.2
    const auto before = h.snapshot();
    auto ep = h.engine.create(ResourceKind::Endpoint, {}, doc.toStdString(), *net);
    QCOMPARE(qs(hcn::hresultHex(ep.code())), qs(hcn::hresultHex(expected)));
    if (expected != 0) {
        QCOMPARE(h.snapshot(), before);
        return;
    }
    json out = h.query(ResourceKind::Endpoint, *ep);
    QCOMPARE(out["Flags"].get<int>() & 1, 1);
    QVERIFY(!out.contains("Routes"));
    bool hasPa = false;
    for (const auto& p : out["Policies"])
        hasPa |= p["Type"] == "ProviderAddress";
    QVERIFY(hasPa);
    // A remote endpoint cannot join a namespace.
    auto ns = h.create(ResourceKind::Namespace, v2(json::object()));
    HCN_VERIFY_OK(ns);
    auto attach = h.engine.modify(
        ResourceKind::Namespace, *ns,
        json{{"ResourceType", "Endpoint"}, {"RequestType", "Add"}, {"Settings", {{"EndpointId", out["ID"]}}}}
            .dump());
    QCOMPARE(attach.code(), hcn::hr::InvalidRemoteEndpointOperation);
}

void TestEngineEndpoint::v1EndpointAndFilters()
{
    Harness h;
    auto a = h.create(ResourceKind::Network, natNetwork("a", "10.1.0.0/24", "10.1.0.1"));
    auto b = h.create(ResourceKind::Network, natNetwork("b", "10.2.0.0/24", "10.2.0.1"));
    HCN_VERIFY_OK(a);
    HCN_VERIFY_OK(b);
    std::string aId = h.idOf(ResourceKind::Network, *a);
    for (int i = 0; i < 3; ++i)
        HCN_VERIFY_OK(h.create(ResourceKind::Endpoint, endpoint("a" + std::to_string(i)), *a));
    HCN_VERIFY_OK(h.create(ResourceKind::Endpoint,
                           json{{"Name", "v1ep"},
                                {"IPAddress", "10.2.0.50"},
                                {"VirtualNetwork", h.idOf(ResourceKind::Network, *b)}},
                           *b));
    auto count = [&](const json& filter) {
        return int(h.enumerate(ResourceKind::Endpoint, json{{"Filter", filter.dump()}}.dump()).size());
    };
    QCOMPARE(count({{"VirtualNetwork", aId}}), 3);                             // hcsshim's v1 name
    QCOMPARE(count({{"VirtualNetwork", qs(aId).toLower().toStdString()}}), 3); // GUIDs case-insensitive
    QCOMPARE(count({{"HostComputeNetwork", aId}}), 3);
    QCOMPARE(count({{"VirtualNetworkName", "b"}}), 1);
    QCOMPARE(count({{"IPAddress", "10.2.0.50"}}), 1);
    QCOMPARE(count({{"Name", "v1ep"}, {"IsRemoteEndpoint", false}}), 1);
    QCOMPARE(count({{"Name", "a1"}, {"VirtualNetworkName", "b"}}), 0);
}

void TestEngineEndpoint::endpointNeedsAnOpenNetworkHandle()
{
    Harness h;
    auto net = h.create(ResourceKind::Network, natNetwork("nat"));
    HCN_VERIFY_OK(net);
    QCOMPARE(h.engine.create(ResourceKind::Endpoint, {}, endpoint("e").dump(), 0).code(), hcn::hr::Handle);
    auto ns = h.create(ResourceKind::Namespace, v2(json::object()));
    HCN_VERIFY_OK(ns);
    QCOMPARE(h.engine.create(ResourceKind::Endpoint, {}, endpoint("e").dump(), *ns).code(), hcn::hr::Handle);
    json mismatched = endpoint("e", {{"HostComputeNetwork", hcn::Guid::generate().toString()}});
    QCOMPARE(h.engine.create(ResourceKind::Endpoint, {}, mismatched.dump(), *net).code(),
             hcn::hr::InvalidJsonReference);
}

void TestEngineEndpoint::deleteNetworkCascades()
{
    Harness h;
    auto net = h.create(ResourceKind::Network, natNetwork("nat"));
    HCN_VERIFY_OK(net);
    auto attached = h.create(ResourceKind::Endpoint, endpoint("attached"), *net);
    HCN_VERIFY_OK(attached);
    HCN_VERIFY_OK(h.create(ResourceKind::Endpoint, endpoint("loose"), *net));
    auto ns = h.create(ResourceKind::Namespace, v2(json::object()));
    HCN_VERIFY_OK(ns);
    HCN_VERIFY_OK(
        h.engine.modify(ResourceKind::Namespace, *ns,
                        json{{"ResourceType", "Endpoint"},
                             {"RequestType", "Add"},
                             {"Settings", {{"EndpointId", h.idOf(ResourceKind::Endpoint, *attached)}}}}
                            .dump()));
    auto netId = *hcn::Guid::parse(h.idOf(ResourceKind::Network, *net));
    const auto before = h.snapshot();
    QCOMPARE(h.engine.remove(ResourceKind::Network, netId).code(), hcn::hr::EntityHasReferences);
    QCOMPARE(h.snapshot(), before);
    HCN_VERIFY_OK(
        h.engine.modify(ResourceKind::Namespace, *ns,
                        json{{"ResourceType", "Endpoint"},
                             {"RequestType", "Remove"},
                             {"Settings", {{"EndpointId", h.idOf(ResourceKind::Endpoint, *attached)}}}}
                            .dump()));
    HCN_VERIFY_OK(h.engine.remove(ResourceKind::Network, netId));
    QCOMPARE(h.engine.counts().endpoints, std::size_t(0));
    QCOMPARE(h.engine.query(ResourceKind::Endpoint, *attached, "").code(), hcn::hr::ObjectUsedAfterUnload);
}

QTEST_GUILESS_MAIN(TestEngineEndpoint)
#include "tst_engineendpoint.moc"
