// Load balancers: create with backend references, frontend conflicts, replace, delete, endpoint removal.

#include "engine_harness.h"

using namespace hcntest;
using hcn::ResourceKind;

namespace {

struct ClusterHost
{
    Harness h;
    hcn::Handle net = 0;
    std::vector<std::string> pods;

    ClusterHost()
    {
        net = *h.create(
            ResourceKind::Network,
            v2({{"Name", "vxlan0"},
                {"Type", "Overlay"},
                {"Ipams",
                 {{{"Subnets",
                    {{{"IpAddressPrefix", "10.244.1.0/24"},
                      {"Routes", {{{"NextHop", "10.244.1.1"}, {"DestinationPrefix", "0.0.0.0/0"}}}}}}}}}}}));
        for (int i = 0; i < 3; ++i)
            pods.push_back(
                h.idOf(ResourceKind::Endpoint,
                       *h.create(ResourceKind::Endpoint, v2({{"Name", "pod" + std::to_string(i)}}), net)));
    }

    json lb(std::vector<std::string> backends, const std::string& vip, int port, int protocol = 6,
            int flags = 0)
    {
        json doc = v2(
            {{"HostComputeEndpoints", backends},
             {"PortMappings", {{{"Protocol", protocol}, {"InternalPort", port}, {"ExternalPort", port}}}}});
        if (!vip.empty())
            doc["FrontendVIPs"] = {vip};
        if (flags)
            doc["Flags"] = flags;
        return doc;
    }
};

} // namespace

class TestEngineLoadBalancer : public QObject
{
    Q_OBJECT

private slots:
    void createAndQuery();
    void createErrors_data();
    void createErrors();
    void portMappingMembersOfTheWrongType_data();
    void portMappingMembersOfTheWrongType();
    void replaceKeepsIdAndUpdatesReferences();
    void deletingABackendUpdatesTheLoadBalancer();
    void v1PolicyListIsAccepted();
};

void TestEngineLoadBalancer::createAndQuery()
{
    ClusterHost c;
    auto lb = c.h.create(ResourceKind::LoadBalancer, c.lb({c.pods[0], c.pods[1]}, "10.96.0.10", 80, 6, 1));
    HCN_VERIFY_OK(lb);
    json doc = c.h.query(ResourceKind::LoadBalancer, *lb);
    QCOMPARE(doc["HostComputeEndpoints"].size(), std::size_t(2));
    QCOMPARE(doc["FrontendVIPs"][0].get<std::string>(), std::string("10.96.0.10"));
    QCOMPARE(doc["PortMappings"][0]["Protocol"].get<int>(), 6);
    QCOMPARE(doc["Flags"].get<int>(), 1); // DSR
    json detailed = c.h.query(ResourceKind::LoadBalancer, *lb, {{"Flags", 1}});
    QCOMPARE(detailed["Resources"]["BackendCount"].get<int>(), 2);
    json v1 = c.h.query(ResourceKind::LoadBalancer, *lb, {{"SchemaVersion", {{"Major", 1}, {"Minor", 0}}}});
    QCOMPARE(qs(v1["References"][0].get<std::string>()),
             "/endpoints/" + qs(c.pods[0]).toUpper()); // v1 (Get-HnsPolicyList) spells IDs upper-case
    QCOMPARE(v1["Policies"][0]["Type"].get<std::string>(), std::string("ELB"));
    QCOMPARE(v1["Policies"][0]["IsDSR"].get<bool>(), true);
}

void TestEngineLoadBalancer::createErrors_data()
{
    QTest::addColumn<QString>("variant");
    QTest::addColumn<int>("expected");
    QTest::newRow("backend endpoint does not exist") << "missing-backend" << int(hcn::hr::EndpointNotFound);
    QTest::newRow("same VIP and port as another load balancer")
        << "same-frontend" << int(hcn::hr::PortAlreadyExists);
    QTest::newRow("same port on another VIP") << "other-vip" << 0;
    QTest::newRow("same VIP, UDP instead of TCP") << "udp" << 0;
    QTest::newRow("internal port zero") << "zero-port" << int(hcn::hr::InvalidInternalPort);
    QTest::newRow("bad VIP") << "bad-vip" << int(hcn::hr::InvalidIp);
    QTest::newRow("unknown network") << "bad-network" << int(hcn::hr::NetworkNotFound);
    QTest::newRow("distribution type by name") << "distribution" << 0;
}

void TestEngineLoadBalancer::createErrors()
{
    QFETCH(QString, variant);
    QFETCH(int, expected);
    ClusterHost c;
    HCN_VERIFY_OK(c.h.create(ResourceKind::LoadBalancer, c.lb({c.pods[0]}, "10.96.0.10", 80)));
    json doc = c.lb({c.pods[1]}, "10.96.0.10", 80);
    if (variant == "missing-backend")
        doc["HostComputeEndpoints"].push_back(hcn::Guid::generate().toString());
    else if (variant == "other-vip")
        doc["FrontendVIPs"] = {"10.96.0.11"};
    else if (variant == "udp")
        doc["PortMappings"][0]["Protocol"] = 17;
    else if (variant == "zero-port")
        doc["PortMappings"][0]["InternalPort"] = 0;
    else if (variant == "bad-vip")
        doc["FrontendVIPs"] = {"10.96.0.300"};
    else if (variant == "bad-network")
        doc["HostComputeNetwork"] = hcn::Guid::generate().toString();
    else if (variant == "distribution") {
        doc["FrontendVIPs"] = {"10.96.0.12"};
        doc["PortMappings"][0]["DistributionType"] = "SourceIP";
    }
    const auto before = c.h.snapshot();
    auto r = c.h.create(ResourceKind::LoadBalancer, doc);
    QCOMPARE(qs(hcn::hresultHex(r.code())), qs(hcn::hresultHex(expected)));
    if (expected != 0) {
        QCOMPARE(c.h.snapshot(), before);
    } else if (variant == "distribution") {
        QCOMPARE(c.h.query(ResourceKind::LoadBalancer, *r)["PortMappings"][0]["DistributionType"].get<int>(),
                 2);
    }
}

/// A port mapping whose Protocol is null (what an imported snapshot writes for a protocol its dump did
/// not show) or of the wrong type is refused in the engine's words, naming the member, with the code a
/// member of the wrong type gets there; nothing changes. Null ports read as absent ones.
void TestEngineLoadBalancer::portMappingMembersOfTheWrongType_data()
{
    QTest::addColumn<QString>(
        "kind"); // "lb": a load balancer's PortMappings; "endpoint": a PortMapping policy
    QTest::addColumn<QString>("member");
    QTest::addColumn<QString>("value"); // JSON text
    QTest::addColumn<int>("expected");
    QTest::addColumn<QString>("message"); // the error's detail starts with it; empty: created

    const QString lbNull = "PortMappings[0].Protocol is null: a port mapping needs an IP protocol number "
                           "(6 for TCP, 17 for UDP), or no Protocol member for TCP.";
    QTest::newRow("load balancer: Protocol null") << "lb"
                                                  << "Protocol"
                                                  << "null" << int(hcn::hr::InvalidJson) << lbNull;
    QTest::newRow("load balancer: Protocol of the wrong type, the same code")
        << "lb"
        << "Protocol"
        << "true" << int(hcn::hr::InvalidJson) << "PortMappings[0].Protocol: ";
    QTest::newRow("load balancer: ExternalPort null reads as absent") << "lb"
                                                                      << "ExternalPort"
                                                                      << "null" << 0 << "";
    QTest::newRow("load balancer: InternalPort null reads as absent")
        << "lb"
        << "InternalPort"
        << "null" << int(hcn::hr::InvalidInternalPort) << "PortMappings[0].InternalPort must be 1-65535.";
    QTest::newRow("endpoint policy: Protocol null")
        << "endpoint"
        << "Protocol"
        << "null" << int(hcn::hr::InvalidPolicy)
        << "Policies[0].Settings.Protocol is null: a port mapping needs an IP protocol number (6 for TCP, 17 "
           "for UDP), or no Protocol member for TCP.";
    QTest::newRow("endpoint policy: Protocol of the wrong type, the same code")
        << "endpoint"
        << "Protocol"
        << "true" << int(hcn::hr::InvalidPolicy) << "Policies[0].Settings.Protocol: ";
}

void TestEngineLoadBalancer::portMappingMembersOfTheWrongType()
{
    QFETCH(QString, kind);
    QFETCH(QString, member);
    QFETCH(QString, value);
    const json parsed = json::parse(value.toStdString());
    QFETCH(int, expected);
    QFETCH(QString, message);
    ClusterHost c;
    const auto before = c.h.snapshot();
    hcn::Result<hcn::Handle> r = hcn::Status(hcn::hr::Unexpected);
    if (kind == "lb") {
        json doc = c.lb({c.pods[0]}, "10.96.0.10", 53, 17);
        doc["PortMappings"][0][member.toStdString()] = parsed;
        r = c.h.create(ResourceKind::LoadBalancer, doc);
    } else {
        json settings{{"Protocol", 6}, {"InternalPort", 80}, {"ExternalPort", 8080}};
        settings[member.toStdString()] = parsed;
        r = c.h.create(
            ResourceKind::Endpoint,
            v2({{"Name", "published"}, {"Policies", {{{"Type", "PortMapping"}, {"Settings", settings}}}}}),
            c.net);
    }
    QCOMPARE(qs(hcn::hresultHex(r.code())), qs(hcn::hresultHex(expected)));
    if (expected == 0) {
        json doc = c.h.query(ResourceKind::LoadBalancer, *r);
        QCOMPARE(doc["PortMappings"][0]["ExternalPort"].get<int>(), 53);
        return;
    }
    const QString detail = qs(r.status().detail());
    QVERIFY2(detail.startsWith(message), qPrintable(detail));
    QVERIFY2(!detail.contains("json.exception") && !detail.contains("type must be"), qPrintable(detail));
    QCOMPARE(c.h.snapshot(), before);
}

void TestEngineLoadBalancer::replaceKeepsIdAndUpdatesReferences()
{
    ClusterHost c;
    auto lb = c.h.create(ResourceKind::LoadBalancer, c.lb({c.pods[0]}, "10.96.0.10", 80));
    HCN_VERIFY_OK(lb);
    std::string id = c.h.idOf(ResourceKind::LoadBalancer, *lb);
    HCN_VERIFY_OK(c.h.engine.modify(ResourceKind::LoadBalancer, *lb,
                                    c.lb({c.pods[1], c.pods[2]}, "10.96.0.10", 80).dump()));
    json doc = c.h.query(ResourceKind::LoadBalancer, *lb);
    QCOMPARE(doc["ID"].get<std::string>(), id);
    QCOMPARE(doc["HostComputeEndpoints"].size(), std::size_t(2));
    // The old frontend is free for another load balancer after a replace to a new VIP.
    HCN_VERIFY_OK(
        c.h.engine.modify(ResourceKind::LoadBalancer, *lb, c.lb({c.pods[1]}, "10.96.0.20", 80).dump()));
    HCN_VERIFY_OK(c.h.create(ResourceKind::LoadBalancer, c.lb({c.pods[0]}, "10.96.0.10", 80)));
    // A replace naming another ID, or a missing backend, is refused and changes nothing.
    const auto before = c.h.snapshot();
    json other = c.lb({c.pods[0]}, "10.96.0.20", 80);
    other["ID"] = hcn::Guid::generate().toString();
    QCOMPARE(c.h.engine.modify(ResourceKind::LoadBalancer, *lb, other.dump()).code(),
             hcn::hr::InvalidJsonReference);
    QCOMPARE(c.h.engine
                 .modify(ResourceKind::LoadBalancer, *lb,
                         c.lb({hcn::Guid::generate().toString()}, "10.96.0.20", 80).dump())
                 .code(),
             hcn::hr::EndpointNotFound);
    QCOMPARE(c.h.snapshot(), before);
}

void TestEngineLoadBalancer::deletingABackendUpdatesTheLoadBalancer()
{
    ClusterHost c;
    auto lb = c.h.create(ResourceKind::LoadBalancer, c.lb({c.pods[0], c.pods[1]}, "10.96.0.10", 80));
    HCN_VERIFY_OK(lb);
    NotificationRecorder events(c.h.engine);
    HCN_VERIFY_OK(c.h.engine.remove(ResourceKind::Endpoint, *hcn::Guid::parse(c.pods[0])));
    json doc = c.h.query(ResourceKind::LoadBalancer, *lb);
    QCOMPARE(doc["HostComputeEndpoints"], json({c.pods[1]}));
    using T = hcn::NotificationType;
    QCOMPARE(events.types(), (std::vector<T>{T::LoadBalancerModify, T::EndpointDelete}));
    auto lbId = *hcn::Guid::parse(c.h.idOf(ResourceKind::LoadBalancer, *lb));
    HCN_VERIFY_OK(c.h.engine.remove(ResourceKind::LoadBalancer, lbId));
    QCOMPARE(c.h.engine.remove(ResourceKind::LoadBalancer, lbId).code(), hcn::hr::ElementNotFound);
    QCOMPARE(c.h.engine.query(ResourceKind::LoadBalancer, *lb, "").code(), hcn::hr::ObjectUsedAfterUnload);
}

void TestEngineLoadBalancer::v1PolicyListIsAccepted()
{
    ClusterHost c;
    json policyList{{"References", {"/endpoints/" + c.pods[0], "/endpoints/" + c.pods[1]}},
                    {"Policies",
                     {{{"Type", "ELB"},
                       {"Protocol", 6},
                       {"InternalPort", 8080},
                       {"ExternalPort", 80},
                       {"VIPs", {"10.96.0.50"}},
                       {"ILB", true}}}}};
    auto lb = c.h.create(ResourceKind::LoadBalancer, policyList);
    HCN_VERIFY_OK(lb);
    json doc = c.h.query(ResourceKind::LoadBalancer, *lb);
    QCOMPARE(doc["HostComputeEndpoints"].size(), std::size_t(2));
    QCOMPARE(doc["FrontendVIPs"][0].get<std::string>(), std::string("10.96.0.50"));
    QCOMPARE(doc["PortMappings"][0]["Flags"].get<int>() & 1, 1); // ILB
}

QTEST_GUILESS_MAIN(TestEngineLoadBalancer)
#include "tst_engineloadbalancer.moc"
