// SDN routes and feature gating by the emulated HNS version.

#include "engine_harness.h"

using namespace hcntest;
using hcn::ResourceKind;
using T = hcn::NotificationType;

class TestEngineRoutes : public QObject
{
    Q_OBJECT

private slots:
    void routeLifecycle();
    void routeErrors_data();
    void routeErrors();
    void deletingAnEndpointUpdatesItsRoutes();
    void featureGates_data();
    void featureGates();
};

namespace {

struct RouteHost
{
    Harness h;
    hcn::Handle net = 0;
    std::string ep;
    explicit RouteHost(hcn::EngineOptions options = {}) : h(std::move(options))
    {
        net = *h.create(ResourceKind::Network, natNetwork("nat"));
        ep = h.idOf(ResourceKind::Endpoint, *h.create(ResourceKind::Endpoint, v2({{"Name", "e"}}), net));
    }
    json route(const std::string& key = "Routes") const
    {
        return v2({{"HostComputeEndpoints", {ep}},
                   {key,
                    {{{"DestinationPrefix", "169.254.169.254/32"},
                      {"NextHop", "172.20.0.1"},
                      {"NeedEncap", false}}}}});
    }
};

} // namespace

void TestEngineRoutes::routeLifecycle()
{
    RouteHost r;
    NotificationRecorder events(r.h.engine);
    auto route = r.h.create(ResourceKind::SdnRoute, r.route());
    HCN_VERIFY_OK(route);
    auto hcsshimShape =
        r.h.create(ResourceKind::SdnRoute, r.route("Setting")); // hcsshim names the list Setting
    HCN_VERIFY_OK(hcsshimShape);
    QCOMPARE(r.h.query(ResourceKind::SdnRoute, *hcsshimShape)["Setting"][0]["NextHop"].get<std::string>(),
             std::string("172.20.0.1"));
    QCOMPARE(r.h.enumerate(ResourceKind::SdnRoute).size(), std::size_t(2));
    json replacement = r.route();
    replacement["Routes"][0]["DestinationPrefix"] = "10.0.0.0/8";
    HCN_VERIFY_OK(r.h.engine.modify(ResourceKind::SdnRoute, *route, replacement.dump()));
    QCOMPARE(r.h.query(ResourceKind::SdnRoute, *route)["Routes"][0]["DestinationPrefix"].get<std::string>(),
             std::string("10.0.0.0/8"));
    auto id = *hcn::Guid::parse(r.h.idOf(ResourceKind::SdnRoute, *route));
    HCN_VERIFY_OK(r.h.engine.remove(ResourceKind::SdnRoute, id));
    QCOMPARE(r.h.engine.remove(ResourceKind::SdnRoute, id).code(), hcn::hr::ElementNotFound);
    QCOMPARE(events.types(),
             (std::vector<T>{T::RouteCreate, T::RouteCreate, T::RouteModify, T::RouteDelete}));
}

void TestEngineRoutes::routeErrors_data()
{
    QTest::addColumn<QString>("variant");
    QTest::addColumn<int>("expected");
    QTest::newRow("no routes") << "empty" << int(hcn::hr::InvalidPolicy);
    QTest::newRow("unknown endpoint") << "endpoint" << int(hcn::hr::EndpointNotFound);
    QTest::newRow("bad next hop") << "nexthop" << int(hcn::hr::InvalidIp);
    QTest::newRow("missing destination") << "destination" << int(hcn::hr::InvalidPolicy);
}

void TestEngineRoutes::routeErrors()
{
    QFETCH(QString, variant);
    QFETCH(int, expected);
    RouteHost r;
    json doc = r.route();
    if (variant == "empty")
        doc["Routes"] = json::array();
    else if (variant == "endpoint")
        doc["HostComputeEndpoints"].push_back(hcn::Guid::generate().toString());
    else if (variant == "nexthop")
        doc["Routes"][0]["NextHop"] = "172.20.0.300";
    else
        doc["Routes"][0].erase("DestinationPrefix");
    const auto before = r.h.snapshot();
    QCOMPARE(qs(hcn::hresultHex(r.h.create(ResourceKind::SdnRoute, doc).code())),
             qs(hcn::hresultHex(expected)));
    QCOMPARE(r.h.snapshot(), before);
}

void TestEngineRoutes::deletingAnEndpointUpdatesItsRoutes()
{
    RouteHost r;
    auto route = r.h.create(ResourceKind::SdnRoute, r.route());
    HCN_VERIFY_OK(route);
    HCN_VERIFY_OK(r.h.engine.remove(ResourceKind::Endpoint, *hcn::Guid::parse(r.ep)));
    QVERIFY(r.h.query(ResourceKind::SdnRoute, *route)["HostComputeEndpoints"].empty());
}

void TestEngineRoutes::featureGates_data()
{
    QTest::addColumn<QString>("hns");
    QTest::addColumn<QString>("variant");
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("DSR on 9.2") << "9.2"
                                << "dsr" << false << "10.2 or later";
    QTest::newRow("DSR on 9.3") << "9.3"
                                << "dsr" << true << "";
    QTest::newRow("DSR on 10.1") << "10.1"
                                 << "dsr" << false << "9.3-9.x";
    QTest::newRow("DSR on 10.2") << "10.2"
                                 << "dsr" << true << "";
    QTest::newRow("session affinity on 11.0") << "11.0"
                                              << "affinity" << false << "12.0 or later";
    QTest::newRow("session affinity on 12.0") << "12.0"
                                              << "affinity" << true << "";
    QTest::newRow("dual stack on 11.9") << "11.9"
                                        << "ipv6" << false << "11.10 or later";
    QTest::newRow("dual stack on 11.10") << "11.10"
                                         << "ipv6" << true << "";
    QTest::newRow("SetPolicy on 12.1") << "12.1"
                                       << "setpolicy" << false << "13.0 or later";
    QTest::newRow("NetworkACL on 14.0") << "14.0"
                                        << "networkacl" << false << "15.0 or later";
    QTest::newRow("TierAcl on 13.2") << "13.2"
                                     << "tieracl" << false << "14.0 or later";
    QTest::newRow("TierAcl on 14.0") << "14.0"
                                     << "tieracl" << true << "";
    QTest::newRow("TierAcl with lower-case keys on 13.2") << "13.2"
                                                          << "tieracl-lowercase" << false << "14.0 or later";
    QTest::newRow("IPv6 subnet added later on 11.9") << "11.9"
                                                     << "ipv6-subnet" << false << "11.10 or later";
    QTest::newRow("IPv6 subnet added later on 11.10") << "11.10"
                                                      << "ipv6-subnet" << true << "";
    QTest::newRow("modify load balancer on 15.3") << "15.3"
                                                  << "modifylb" << false << "15.4 or later";
    QTest::newRow("modify load balancer on 15.4") << "15.4"
                                                  << "modifylb" << true << "";
    QTest::newRow("L4Proxy on 10.4") << "10.4"
                                     << "l4proxy" << false << "10.5-10.x";
    QTest::newRow("L4Proxy on 11.11") << "11.11"
                                      << "l4proxy" << true << "";
    QTest::newRow("v2 API on 9.1") << "9.1"
                                   << "namespace" << false << "9.2 or later";
}

void TestEngineRoutes::featureGates()
{
    QFETCH(QString, hns);
    QFETCH(QString, variant);
    QFETCH(bool, allowed);
    QFETCH(QString, mentions);
    hcn::EngineOptions options;
    options.hnsVersion = *hcn::SchemaVersion::parse(hns.toStdString());
    Harness h(options);
    // Objects the variants need, made while the gate is open.
    auto net = h.create(ResourceKind::Network, natNetwork("nat"));
    hcn::Handle ep = net.ok() ? h.create(ResourceKind::Endpoint, v2({{"Name", "e"}}), *net).value() : 0;
    const std::string epId = ep ? h.idOf(ResourceKind::Endpoint, ep) : std::string();
    hcn::Status result;
    if (variant == "dsr" || variant == "affinity" || variant == "modifylb") {
        json lb = v2({{"HostComputeEndpoints", {epId}},
                      {"FrontendVIPs", {"10.96.0.10"}},
                      {"PortMappings", {{{"Protocol", 6}, {"InternalPort", 80}}}}});
        if (variant == "dsr")
            lb["Flags"] = 1;
        if (variant == "affinity")
            lb["PortMappings"][0]["DistributionType"] = 2;
        auto created = h.create(ResourceKind::LoadBalancer, lb);
        result = created.status();
        if (variant == "modifylb" && created.ok())
            result = h.engine.modify(ResourceKind::LoadBalancer, *created, lb.dump());
    } else if (variant == "ipv6") {
        result = h.create(ResourceKind::Network,
                          v2({{"Name", "v6"},
                              {"Type", "L2Bridge"},
                              {"Ipams", {{{"Subnets", {{{"IpAddressPrefix", "fd00::/64"}}}}}}}}))
                     .status();
    } else if (variant == "setpolicy" || variant == "networkacl" || variant == "l4proxy") {
        json policy =
            variant == "setpolicy"
                ? json{{"Type", "SetPolicy"},
                       {"Settings",
                        {{"Id", "s1"}, {"Name", "s1"}, {"PolicyType", "IPSET"}, {"Values", "10.0.0.1"}}}}
            : variant == "networkacl" ? json{{"Type", "NetworkACL"}, {"Settings", json::object()}}
                                      : json{{"Type", "L4Proxy"}, {"Settings", {{"Port", "15001"}}}};
        result = h.engine.modify(
            ResourceKind::Network, *net,
            json{{"ResourceType", "Policy"}, {"RequestType", "Add"}, {"Settings", {{"Policies", {policy}}}}}
                .dump());
    } else if (variant == "tieracl-lowercase") {
        result = h.engine.modify(
            ResourceKind::Endpoint, ep,
            R"({"resourcetype":"Policy","requesttype":"Add","settings":{"policies":[{"type":"tieracl","settings":{"Name":"t"}}]}})");
    } else if (variant == "ipv6-subnet") {
        auto l2 = h.create(ResourceKind::Network,
                           v2({{"Name", "l2"},
                               {"Type", "L2Bridge"},
                               {"Ipams", {{{"Subnets", {{{"IpAddressPrefix", "10.9.0.0/24"}}}}}}}}));
        result =
            l2.ok()
                ? h.engine.modify(
                      ResourceKind::Network, *l2,
                      R"({"ResourceType":"Subnet","RequestType":"Add","Settings":{"Subnets":[{"IpAddressPrefix":"fd00:9::/64"}]}})")
                : l2.status();
    } else if (variant == "tieracl") {
        result =
            h.engine.modify(ResourceKind::Endpoint, ep,
                            json{{"ResourceType", "Policy"},
                                 {"RequestType", "Add"},
                                 {"Settings",
                                  {{"Policies",
                                    {{{"Type", "TierAcl"},
                                      {"Settings", {{"Name", "t"}, {"Direction", "In"}, {"Order", 1}}}}}}}}}
                                .dump());
    } else {
        result = h.create(ResourceKind::Namespace, v2(json::object())).status();
    }
    QVERIFY2(result.ok() == allowed, qPrintable(qs(result.message())));
    if (!allowed) {
        QCOMPARE(result.code(), hcn::hr::RequestUnsupported);
        QVERIFY2(qs(result.message()).contains(mentions), qPrintable(qs(result.message())));
        QVERIFY(qs(result.message()).contains(hns));
    }
}

QTEST_GUILESS_MAIN(TestEngineRoutes)
#include "tst_engineroutes.moc"
