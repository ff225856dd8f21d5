// Networks: create/open/query/modify/delete, handles, IDs, names, IPAM set-up and HNS-populated fields.

#include "engine_harness.h"
#include "hcn/network_mode.h"
#include "hcn/schema_catalog.h"

using namespace hcntest;
using hcn::ResourceKind;

class TestEngineNetwork : public QObject
{
    Q_OBJECT

private slots:
    void createThenQueryReturnsTheDocument();
    void createHonoursIds_data();
    void createHonoursIds();
    void duplicateNameIsRefused_data();
    void duplicateNameIsRefused();
    void closeKeepsTheObjectAndDeleteInvalidatesHandles();
    void openUnknownIdFails_data();
    void openUnknownIdFails();
    void natWithoutIpamsGetsAFreePrivatePrefix();
    void natPrefixesNeverOverlap();
    void adapterBinding_data();
    void adapterBinding();
    void overlayGetsProviderAddressAndDrMac();
    void v1DocumentIsAccepted();
    void queryWithV1SchemaGivesV1Shape();
    void enumerateFilters_data();
    void enumerateFilters();
    void modifyPolicyAddRemove();
    void queryFollowsEveryChange();
    void modifyRejectsBadRequests_data();
    void modifyRejectsBadRequests();
    void invalidDocumentsGetSpecificErrors_data();
    void invalidDocumentsGetSpecificErrors();
    void everyCatalogNetworkModeIsAType_data();
    void everyCatalogNetworkModeIsAType();
};

void TestEngineNetwork::createThenQueryReturnsTheDocument()
{
    Harness h;
    json input = natNetwork("nat", "172.20.0.0/24");
    input["Custom"] = {{"x", 1}};
    auto net = h.create(ResourceKind::Network, input);
    HCN_VERIFY_OK(net);
    json doc = h.query(ResourceKind::Network, *net);
    QCOMPARE(doc.value("Name", ""), std::string("nat"));
    QVERIFY2(!doc.contains("Type"), "NAT is the zero NetworkMode and is omitted, as HNS does");
    QCOMPARE(doc["Ipams"][0]["Subnets"][0]["IpAddressPrefix"].get<std::string>(),
             std::string("172.20.0.0/24"));
    QCOMPARE(doc["Custom"]["x"].get<int>(), 1); // unknown fields are echoed back
    QVERIFY(hcn::Guid::parse(doc["Health"]["Extra"]["SwitchGuid"].get<std::string>()).has_value());
    QVERIFY(!doc["MacPool"]["Ranges"].empty());
    QCOMPARE(doc["Version"].get<std::uint64_t>(), (std::uint64_t(15) << 32) | 4);
}

void TestEngineNetwork::createHonoursIds_data()
{
    QTest::addColumn<QString>("param");
    QTest::addColumn<QString>("inDocument");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero id and none in the document: generated, lower-case") << ""
                                                                             << ""
                                                                             << "";
    QTest::newRow("id parameter wins, spelled lower-case (it arrives as binary)")
        << "ABCDEF01-2222-3333-4444-55555555AAAA"
        << "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
        << "abcdef01-2222-3333-4444-55555555aaaa";
    QTest::newRow("document ID honoured as the client spelled it (v1 clients)")
        << ""
        << "AAAAAAAA-bbbb-CCCC-dddd-EEEEEEEEEEEE"
        << "AAAAAAAA-bbbb-CCCC-dddd-EEEEEEEEEEEE";
}

void TestEngineNetwork::createHonoursIds()
{
    QFETCH(QString, param);
    QFETCH(QString, inDocument);
    QFETCH(QString, expected);
    Harness h;
    json doc = natNetwork("n");
    if (!inDocument.isEmpty())
        doc["ID"] = inDocument.toStdString();
    hcn::Guid id = param.isEmpty() ? hcn::Guid{} : *hcn::Guid::parse(param.toStdString());
    auto net = h.engine.create(ResourceKind::Network, id, doc.dump());
    HCN_VERIFY_OK(net);
    std::string got = h.idOf(ResourceKind::Network, *net);
    if (expected.isEmpty()) {
        auto g = hcn::Guid::parse(got);
        QVERIFY(g && !g->isNull());
        QCOMPARE(qs(got), qs(got).toLower()); // generated IDs are lower-case in v2 output
    } else {
        QCOMPARE(qs(got), expected);
    }
    QCOMPARE(h.enumerate(ResourceKind::Network), json::array({got})); // Enumerate spells it the same way
    // The same ID a second time is refused and changes nothing.
    auto again = h.engine.create(ResourceKind::Network, *hcn::Guid::parse(got),
                                 natNetwork("other", "10.9.0.0/24", "10.9.0.1").dump());
    QCOMPARE(again.code(), hcn::hr::AlreadyExists);
    QCOMPARE(h.enumerate(ResourceKind::Network).size(), std::size_t(1));
}

void TestEngineNetwork::duplicateNameIsRefused_data()
{
    QTest::addColumn<QString>("second");
    QTest::newRow("same name") << "cbr0";
    QTest::newRow("same name in another case") << "CBR0";
}

void TestEngineNetwork::duplicateNameIsRefused()
{
    QFETCH(QString, second);
    Harness h;
    HCN_VERIFY_OK(h.create(ResourceKind::Network, natNetwork("cbr0")));
    const auto before = h.snapshot();
    auto dup = h.create(ResourceKind::Network, natNetwork(second.toStdString(), "10.50.0.0/24", "10.50.0.1"));
    QCOMPARE(dup.code(), hcn::hr::NetworkAlreadyExists);
    QCOMPARE(h.snapshot(), before);
}

void TestEngineNetwork::closeKeepsTheObjectAndDeleteInvalidatesHandles()
{
    Harness h;
    auto net = h.create(ResourceKind::Network, natNetwork("n"));
    HCN_VERIFY_OK(net);
    auto id = *hcn::Guid::parse(h.idOf(ResourceKind::Network, *net));
    auto second = h.engine.open(ResourceKind::Network, id);
    HCN_VERIFY_OK(second);
    HCN_VERIFY_OK(h.engine.close(ResourceKind::Network, *net));
    QCOMPARE(h.engine.query(ResourceKind::Network, *net, "").code(), hcn::hr::Handle); // closed handle
    QCOMPARE(h.enumerate(ResourceKind::Network).size(), std::size_t(1));               // object stays
    HCN_VERIFY_OK(h.engine.remove(ResourceKind::Network, id));
    QCOMPARE(h.engine.query(ResourceKind::Network, *second, "").code(), hcn::hr::ObjectUsedAfterUnload);
    // Recreating the same ID does not revive the old handle.
    HCN_VERIFY_OK(h.engine.create(ResourceKind::Network, id, natNetwork("n").dump()));
    QCOMPARE(h.engine.query(ResourceKind::Network, *second, "").code(), hcn::hr::ObjectUsedAfterUnload);
    QCOMPARE(h.engine.remove(ResourceKind::Network, *hcn::Guid::parse("00000000-0000-0000-0000-000000000001"))
                 .code(),
             hcn::hr::NetworkNotFound);
}

void TestEngineNetwork::openUnknownIdFails_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("expected");
    QTest::newRow("network") << int(ResourceKind::Network) << int(hcn::hr::NetworkNotFound);
    QTest::newRow("endpoint") << int(ResourceKind::Endpoint) << int(hcn::hr::EndpointNotFound);
    QTest::newRow("namespace: ERROR_NOT_FOUND as HNS answers")
        << int(ResourceKind::Namespace) << int(hcn::hr::ElementNotFound);
    QTest::newRow("load balancer") << int(ResourceKind::LoadBalancer) << int(hcn::hr::ElementNotFound);
}

void TestEngineNetwork::openUnknownIdFails()
{
    QFETCH(int, kind);
    QFETCH(int, expected);
    Harness h;
    auto r = h.engine.open(ResourceKind(kind), hcn::Guid::generate());
    QCOMPARE(int(r.code()), expected);
    QCOMPARE(qs(r.status().errorRecord()).contains("\"Success\":false"), true);
}

void TestEngineNetwork::natWithoutIpamsGetsAFreePrivatePrefix()
{
    Harness h;
    auto net = h.create(ResourceKind::Network, v2({{"Name", "nat"}, {"Type", "NAT"}}));
    HCN_VERIFY_OK(net);
    json doc = h.query(ResourceKind::Network, *net);
    auto prefix = hcn::IpPrefix::parse(doc["Ipams"][0]["Subnets"][0]["IpAddressPrefix"].get<std::string>());
    QVERIFY(prefix);
    QVERIFY(hcn::IpPrefix(*hcn::IpAddress::parse("172.16.0.0"), 12).contains(prefix->network()));
    QCOMPARE(doc["Ipams"][0]["Subnets"][0]["Routes"][0]["DestinationPrefix"].get<std::string>(),
             std::string("0.0.0.0/0"));
}

void TestEngineNetwork::natPrefixesNeverOverlap()
{
    hcn::EngineOptions options;
    auto host = hcn::HostEnvironment::fromJson(
        R"({"adapters":[{"name":"Ethernet","ipv4":"172.16.5.4/24","mac":"00-0D-3A-10-20-30"}]})");
    HCN_VERIFY_OK(host);
    options.host = *host;
    Harness h(options);
    HCN_VERIFY_OK(h.create(ResourceKind::Network, natNetwork("fixed", "172.16.16.0/20", "172.16.16.1")));
    std::vector<hcn::IpPrefix> prefixes{*hcn::IpPrefix::parse("172.16.16.0/20"),
                                        *hcn::IpPrefix::parse("172.16.0.0/24")};
    for (int i = 0; i < 5; ++i) {
        auto net = h.create(ResourceKind::Network, v2({{"Name", "nat" + std::to_string(i)}}));
        HCN_VERIFY_OK(net);
        auto p = *hcn::IpPrefix::parse(
            h.query(ResourceKind::Network, *net)["Ipams"][0]["Subnets"][0]["IpAddressPrefix"]
                .get<std::string>());
        for (const auto& other : prefixes)
            QVERIFY2(!p.overlaps(other), qPrintable(qs(p.toString() + " overlaps " + other.toString())));
        prefixes.push_back(p);
    }
    // An explicit NAT prefix overlapping another network is refused.
    auto clash = h.create(ResourceKind::Network, natNetwork("clash", "172.16.20.0/24", "172.16.20.1"));
    QCOMPARE(clash.code(), hcn::hr::InvalidSubnet);
    // ... and so is another network's subnet overlapping a NAT prefix, whichever comes first.
    auto l2 = h.create(ResourceKind::Network,
                       v2({{"Name", "l2"},
                           {"Type", "L2Bridge"},
                           {"Ipams", {{{"Subnets", {{{"IpAddressPrefix", "172.16.16.0/24"}}}}}}}}));
    QCOMPARE(l2.code(), hcn::hr::InvalidSubnet);
}

void TestEngineNetwork::adapterBinding_data()
{
    QTest::addColumn<QString>("adapterPolicy");
    QTest::addColumn<int>("expected");
    QTest::addColumn<QString>("boundTo");
    QTest::newRow("no policy binds the first adapter") << "" << 0 << "Ethernet";
    QTest::newRow("named adapter, case-insensitive") << "ethernet 2" << 0 << "Ethernet 2";
    QTest::newRow("missing adapter") << "Wi-Fi" << int(hcn::hr::AdapterNotFound) << "";
}

void TestEngineNetwork::adapterBinding()
{
    QFETCH(QString, adapterPolicy);
    QFETCH(int, expected);
    QFETCH(QString, boundTo);
    hcn::EngineOptions options;
    options.host = *hcn::HostEnvironment::fromJson(
        R"({"adapters":[{"name":"Ethernet","ipv4":"10.0.0.4/24","mac":"00-0D-3A-10-20-30"},
                        {"name":"Ethernet 2","ipv4":"192.168.50.4/24","mac":"00-0D-3A-10-20-31"}]})");
    Harness h(options);
    json doc =
        v2({{"Name", "l2"},
            {"Type", "L2Bridge"},
            {"Ipams",
             {{{"Subnets",
                {{{"IpAddressPrefix", "10.244.1.0/24"},
                  {"Routes", {{{"NextHop", "10.244.1.1"}, {"DestinationPrefix", "0.0.0.0/0"}}}}}}}}}}});
    if (!adapterPolicy.isEmpty())
        doc["Policies"] = {{{"Type", "NetAdapterName"},
                            {"Settings", {{"NetworkAdapterName", adapterPolicy.toStdString()}}}}};
    auto net = h.create(ResourceKind::Network, doc);
    QCOMPARE(int(net.code()), expected);
    if (expected != 0)
        return;
    json detailed = h.query(ResourceKind::Network, *net, {{"Flags", 1}});
    QCOMPARE(detailed["Resources"]["Adapter"].get<std::string>(), boundTo.toStdString());
    QCOMPARE(detailed["Type"].get<std::string>(), std::string("L2Bridge"));
    QVERIFY(detailed["Health"]["Extra"].contains("LayeredOn"));
}

void TestEngineNetwork::overlayGetsProviderAddressAndDrMac()
{
    Harness h;
    json doc =
        v2({{"Name", "vxlan0"},
            {"Type", "Overlay"},
            {"Flags", 8},
            {"Ipams",
             {{{"Type", "Static"},
               {"Subnets",
                {{{"IpAddressPrefix", "10.244.1.0/24"},
                  {"Policies", {{{"Type", "VSID"}, {"Settings", {{"IsolationId", 4096}}}}}},
                  {"Routes", {{{"NextHop", "10.244.1.1"}, {"DestinationPrefix", "0.0.0.0/0"}}}}}}}}}}});
    auto net = h.create(ResourceKind::Network, doc);
    HCN_VERIFY_OK(net);
    json out = h.query(ResourceKind::Network, *net);
    std::string pa, dr;
    for (const auto& p : out["Policies"]) {
        if (p["Type"] == "ProviderAddress")
            pa = p["Settings"]["ProviderAddress"];
        if (p["Type"] == "DrMacAddress")
            dr = p["Settings"]["Address"];
    }
    QCOMPARE(pa, std::string("10.0.0.4")); // the default host adapter's address
    QVERIFY(hcn::MacAddress::parse(dr).has_value());
    QCOMPARE(out["Flags"].get<int>(), 8);
}

void TestEngineNetwork::v1DocumentIsAccepted()
{
    Harness h;
    json v1{{"Name", "v1nat"},
            {"Type", "nat"},
            {"Subnets", {{{"AddressPrefix", "192.168.77.0/24"}, {"GatewayAddress", "192.168.77.1"}}}}};
    auto net = h.create(ResourceKind::Network, v1);
    HCN_VERIFY_OK(net);
    json doc = h.query(ResourceKind::Network, *net);
    QCOMPARE(doc["Ipams"][0]["Subnets"][0]["IpAddressPrefix"].get<std::string>(),
             std::string("192.168.77.0/24"));
    QCOMPARE(doc["Ipams"][0]["Subnets"][0]["Routes"][0]["NextHop"].get<std::string>(),
             std::string("192.168.77.1"));
}

void TestEngineNetwork::queryWithV1SchemaGivesV1Shape()
{
    Harness h;
    auto net = h.create(ResourceKind::Network, natNetwork("nat", "172.20.0.0/24", "172.20.0.1"));
    HCN_VERIFY_OK(net);
    json v1 = h.query(ResourceKind::Network, *net, {{"SchemaVersion", {{"Major", 1}, {"Minor", 0}}}});
    QCOMPARE(v1["Subnets"][0]["AddressPrefix"].get<std::string>(), std::string("172.20.0.0/24"));
    QCOMPARE(v1["Subnets"][0]["GatewayAddress"].get<std::string>(), std::string("172.20.0.1"));
    QVERIFY(!v1.contains("Ipams"));
}

void TestEngineNetwork::enumerateFilters_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("count");
    QTest::newRow("no query: all") << "" << 3;
    QTest::newRow("empty filter string") << R"({"Filter":"{}"})" << 3;
    QTest::newRow("by name") << R"({"SchemaVersion":{"Major":2,"Minor":0},"Filter":"{\"Name\":\"b\"}"})" << 1;
    QTest::newRow("by name, key and value case-insensitive") << R"({"Filter":"{\"name\":\"B\"}"})" << 1;
    QTest::newRow("by type") << R"({"Filter":"{\"Type\":\"L2Bridge\"}"})" << 1;
    QTest::newRow("AND of two properties, no match")
        << R"({"Filter":"{\"Name\":\"a\",\"Type\":\"L2Bridge\"}"})" << 0;
    QTest::newRow("unknown name: empty list, not an error") << R"({"Filter":"{\"Name\":\"zzz\"}"})" << 0;
}

void TestEngineNetwork::enumerateFilters()
{
    QFETCH(QString, filter);
    QFETCH(int, count);
    Harness h;
    HCN_VERIFY_OK(h.create(ResourceKind::Network, natNetwork("a", "10.1.0.0/24", "10.1.0.1")));
    HCN_VERIFY_OK(h.create(ResourceKind::Network, natNetwork("b", "10.2.0.0/24", "10.2.0.1")));
    HCN_VERIFY_OK(h.create(ResourceKind::Network, v2({{"Name", "c"}, {"Type", "L2Bridge"}})));
    json ids = h.enumerate(ResourceKind::Network, filter.toStdString());
    QVERIFY2(ids.is_array(), qPrintable(qs(ids.dump())));
    QCOMPARE(int(ids.size()), count);
}

namespace {

/// A network Modify that adds one RemoteSubnetRoute policy (colon MAC spelling; the engine stores dashes).
json addRemoteSubnetRoute()
{
    const json route{{"Type", "RemoteSubnetRoute"},
                     {"Settings",
                      {{"DestinationPrefix", "10.244.2.0/24"},
                       {"IsolationId", 4096},
                       {"ProviderAddress", "10.0.0.5"},
                       {"DistributedRouterMacAddress", "0e:2a:0a:00:00:05"}}}};
    return {{"ResourceType", "Policy"},
            {"RequestType", "Add"},
            {"Settings", {{"Policies", json::array({route})}}}};
}

} // namespace

void TestEngineNetwork::modifyPolicyAddRemove()
{
    Harness h;
    auto net = h.create(ResourceKind::Network, v2({{"Name", "ov"}, {"Type", "Overlay"}}));
    HCN_VERIFY_OK(net);
    const json add = addRemoteSubnetRoute();
    HCN_VERIFY_OK(h.engine.modify(ResourceKind::Network, *net, add.dump()));
    json doc = h.query(ResourceKind::Network, *net);
    bool found = false;
    for (const auto& p : doc["Policies"])
        if (p["Type"] == "RemoteSubnetRoute") {
            found = true;
            QCOMPARE(p["Settings"]["DistributedRouterMacAddress"].get<std::string>(),
                     std::string("0E-2A-0A-00-00-05"));
        }
    QVERIFY(found);
    QCOMPARE(h.engine.modify(ResourceKind::Network, *net, add.dump()).code(), hcn::hr::PolicyAlreadyExists);
    json remove = add;
    remove["RequestType"] = "Remove";
    HCN_VERIFY_OK(
        h.engine.modify(ResourceKind::Network, *net, remove.dump())); // by content, colon MAC spelling
    QCOMPARE(h.engine.modify(ResourceKind::Network, *net, remove.dump()).code(), hcn::hr::PolicyNotFound);
}

void TestEngineNetwork::queryFollowsEveryChange()
{
    // The engine keeps the text of queried documents: every change, failed call and new incarnation of an
    // ID must still be answered from the document as it is.
    Harness h;
    const auto id = hcn::Guid::parse("5e1e0000-0000-4000-8000-0000000000a1");
    QVERIFY(id.has_value());
    const std::string settings = v2({{"Name", "texts"}, {"Type", "Overlay"}}).dump();
    auto net = h.engine.create(ResourceKind::Network, *id, settings, 0);
    HCN_VERIFY_OK(net);
    auto other = h.engine.open(ResourceKind::Network, *id);
    HCN_VERIFY_OK(other);
    auto text = [&](hcn::Handle handle) {
        auto r = h.engine.query(ResourceKind::Network, handle, "");
        return r.ok() ? *r : std::string("error");
    };
    const std::string first = text(*net);
    QCOMPARE(text(*net), first);
    QCOMPARE(text(*other), first);

    const json add = addRemoteSubnetRoute();
    HCN_VERIFY_OK(h.engine.modify(ResourceKind::Network, *net, add.dump()));
    const std::string added = text(*other);
    QVERIFY(added != first);
    QVERIFY(added.find("RemoteSubnetRoute") != std::string::npos);
    QCOMPARE(text(*net), added);
    QCOMPARE(json::parse(added), h.query(ResourceKind::Network, *net));

    // A failed modify changes nothing, and the answer stays the same.
    QCOMPARE(h.engine.modify(ResourceKind::Network, *net, add.dump()).code(), hcn::hr::PolicyAlreadyExists);
    QCOMPARE(text(*net), added);
    // Detailed and v1 queries are shaped per call, beside the kept text.
    auto detailed = h.engine.query(ResourceKind::Network, *net, R"({"Flags":1})");
    HCN_VERIFY_OK(detailed);
    QVERIFY(detailed->find("\"Resources\"") != std::string::npos);
    QCOMPARE(text(*net), added);

    // The same ID deleted and created again: a new document behind the same name.
    HCN_VERIFY_OK(h.engine.remove(ResourceKind::Network, *id));
    QCOMPARE(h.engine.query(ResourceKind::Network, *net, "").code(), hcn::hr::ObjectUsedAfterUnload);
    auto again = h.engine.create(ResourceKind::Network, *id, settings, 0);
    HCN_VERIFY_OK(again);
    const std::string recreated = text(*again);
    QVERIFY(recreated.find("RemoteSubnetRoute") == std::string::npos);
    QCOMPARE(json::parse(recreated), h.query(ResourceKind::Network, *again));
}

void TestEngineNetwork::modifyRejectsBadRequests_data()
{
    QTest::addColumn<QString>("request");
    QTest::addColumn<int>("expected");
    QTest::newRow("malformed JSON") << "{\"ResourceType\":" << int(hcn::hr::InvalidJson);
    QTest::newRow("unknown resource type")
        << R"({"ResourceType":"Bogus","RequestType":"Add","Settings":{}})" << int(hcn::hr::InvalidJson);
    QTest::newRow("subnet add on a NAT network")
        << R"({"ResourceType":"Subnet","RequestType":"Add","Settings":{"Subnets":[{"IpAddressPrefix":"10.3.0.0/24"}]}})"
        << int(hcn::hr::RequestUnsupported);
    QTest::newRow("remove a policy that is not there")
        << R"({"ResourceType":"Policy","RequestType":"Remove","Settings":{"Policies":[{"Type":"HostRoute","Settings":{}}]}})"
        << int(hcn::hr::PolicyNotFound);
    QTest::newRow("IP subnet on a NAT network")
        << R"({"ResourceType":"IPSubnet","RequestType":"Add","Settings":{"SubnetId":"00000000-0000-0000-0000-000000000001","IpSubnets":[{"IpAddressPrefix":"172.20.0.0/25"}]}})"
        << int(hcn::hr::RequestUnsupported);
    QTest::newRow("extension id of the wrong JSON type")
        << R"({"ResourceType":"Extension","RequestType":"Add","Settings":{"Extensions":[{"Id":5}]}})"
        << int(hcn::hr::GuidConversionFailure);
    QTest::newRow("policy settings that are not an object")
        << R"({"ResourceType":"Policy","RequestType":"Add","Settings":5})" << int(hcn::hr::InvalidJson);
    QTest::newRow("unknown policy type")
        << R"({"ResourceType":"Policy","RequestType":"Add","Settings":{"Policies":[{"Type":"Teleport","Settings":{}}]}})"
        << int(hcn::hr::InvalidPolicyType);
}

void TestEngineNetwork::modifyRejectsBadRequests()
{
    QFETCH(QString, request);
    QFETCH(int, expected);
    Harness h;
    auto net = h.create(ResourceKind::Network, natNetwork("n"));
    HCN_VERIFY_OK(net);
    const auto before = h.snapshot();
    auto s = h.engine.modify(ResourceKind::Network, *net, request.toStdString());
    QCOMPARE(hcn::hresultHex(s.code()), hcn::hresultHex(expected));
    QVERIFY(!s.detail().empty());
    QCOMPARE(h.snapshot(), before);
}

void TestEngineNetwork::invalidDocumentsGetSpecificErrors_data()
{
    QTest::addColumn<QString>("doc");
    QTest::addColumn<int>("expected");
    QTest::newRow("malformed JSON") << R"({"Name":)" << int(hcn::hr::InvalidJson);
    QTest::newRow("top level is not an object") << R"([1,2])" << int(hcn::hr::InvalidJson);
    QTest::newRow("unknown network type")
        << R"({"SchemaVersion":{"Major":2,"Minor":0},"Type":"Teleport"})" << int(hcn::hr::InvalidNetworkType);
    QTest::newRow("v1 Layered type has no v2 value")
        << R"({"Type":"Layered"})" << int(hcn::hr::InvalidNetworkType);
    QTest::newRow("wrong JSON type") << R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":42})"
                                     << int(hcn::hr::InvalidJson);
    QTest::newRow("bad prefix")
        << R"({"SchemaVersion":{"Major":2,"Minor":0},"Ipams":[{"Subnets":[{"IpAddressPrefix":"10.0.0.0/33"}]}]})"
        << int(hcn::hr::InvalidPrefix);
    QTest::newRow("bad gateway")
        << R"({"SchemaVersion":{"Major":2,"Minor":0},"Ipams":[{"Subnets":[{"IpAddressPrefix":"10.7.0.0/24","Routes":[{"NextHop":"10.7.0.300","DestinationPrefix":"0.0.0.0/0"}]}]}]})"
        << int(hcn::hr::InvalidIp);
    QTest::newRow("bad MAC range")
        << R"({"SchemaVersion":{"Major":2,"Minor":0},"MacPool":{"Ranges":[{"StartMacAddress":"00-15-5D-ZZ-00-00","EndMacAddress":"00-15-5D-00-00-FF"}]}})"
        << int(hcn::hr::InvalidNetwork);
    QTest::newRow("bad ID GUID") << R"({"SchemaVersion":{"Major":2,"Minor":0},"ID":"not-a-guid"})"
                                 << int(hcn::hr::GuidConversionFailure);
    QTest::newRow("subnet without prefix")
        << R"({"SchemaVersion":{"Major":2,"Minor":0},"Ipams":[{"Type":"Static","Subnets":[{}]}]})"
        << int(hcn::hr::InvalidSubnet);
}

void TestEngineNetwork::invalidDocumentsGetSpecificErrors()
{
    QFETCH(QString, doc);
    QFETCH(int, expected);
    Harness h;
    HCN_VERIFY_OK(h.create(ResourceKind::Network, natNetwork("existing")));
    const auto before = h.snapshot();
    auto r = h.engine.create(ResourceKind::Network, hcn::Guid{}, doc.toStdString());
    QCOMPARE(qs(hcn::hresultHex(r.code())), qs(hcn::hresultHex(expected)));
    json record = json::parse(r.status().errorRecord());
    QCOMPARE(record["Success"].get<bool>(), false);
    QCOMPARE(record["ErrorCode"].get<std::uint32_t>(), static_cast<std::uint32_t>(expected));
    QVERIFY(!record["Error"].get<std::string>().empty());
    QCOMPARE(h.snapshot(), before);
}

void TestEngineNetwork::everyCatalogNetworkModeIsAType_data()
{
    QTest::addColumn<QString>("name");
    const auto* modes = hcn::schema::Catalog::builtin().enumeration("NetworkMode");
    QVERIFY(modes && !modes->values.empty());
    for (const auto& value : modes->values)
        QTest::newRow(value.name.c_str()) << qs(value.name);
}

void TestEngineNetwork::everyCatalogNetworkModeIsAType()
{
    QFETCH(QString, name);
    // The engine parses Type once into a NetworkMode; a mode the catalog accepts must never be Invalid.
    const hcn::NetworkMode mode = hcn::networkModeFromName(name.toLower().toStdString());
    QVERIFY(mode != hcn::NetworkMode::Invalid);
    QCOMPARE(qs(std::string(hcn::networkModeName(mode))), name); // spelled as the catalog spells it
    QCOMPARE(hcn::networkModeFromName("Layered"), hcn::NetworkMode::Invalid); // v1's mode has no v2 value
}

QTEST_GUILESS_MAIN(TestEngineNetwork)
#include "tst_enginenetwork.moc"
