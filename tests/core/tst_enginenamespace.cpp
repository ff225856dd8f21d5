// Namespaces: create with compartment IDs and types, endpoint and container attach/detach, delete.

#include "engine_harness.h"

using namespace hcntest;
using hcn::ResourceKind;

namespace {

std::string attachRequest(const std::string& requestType, const std::string& endpointId)
{
    return json{{"ResourceType", "Endpoint"},
                {"RequestType", requestType},
                {"Settings", {{"EndpointId", endpointId}}}}
        .dump();
}

struct NamespaceHost
{
    Harness h;
    hcn::Handle net = 0;
    hcn::Handle ep = 0;
    std::string epId;

    NamespaceHost()
    {
        net = *h.create(ResourceKind::Network, natNetwork("nat"));
        ep = *h.create(ResourceKind::Endpoint, v2({{"Name", "c1"}}), net);
        epId = h.idOf(ResourceKind::Endpoint, ep);
    }
};

} // namespace

class TestEngineNamespace : public QObject
{
    Q_OBJECT

private slots:
    void createDefaults();
    void compartmentsAndDefaultTypes_data();
    void compartmentsAndDefaultTypes();
    void attachDetachEndpoint();
    void attachErrors_data();
    void attachErrors();
    void containers();
    void createWithResourcesAttaches();
    void deleteDetachesEndpoints();
    void v1NamespaceShape();
};

void TestEngineNamespace::createDefaults()
{
    Harness h;
    auto ns = h.create(ResourceKind::Namespace, json::object()); // hcsshim sends no Type
    HCN_VERIFY_OK(ns);
    json doc = h.query(ResourceKind::Namespace, *ns);
    QCOMPARE(doc["Type"].get<std::string>(), std::string("Host"));
    QVERIFY(doc["NamespaceId"].get<int>() >= 2);
    QVERIFY(doc["Resources"].empty());
}

void TestEngineNamespace::compartmentsAndDefaultTypes_data()
{
    QTest::addColumn<QString>("second");
    QTest::addColumn<int>("expected");
    QTest::newRow("explicit compartment id")
        << R"({"SchemaVersion":{"Major":2,"Minor":0},"NamespaceId":5})" << 0;
    QTest::newRow("compartment id taken")
        << R"({"SchemaVersion":{"Major":2,"Minor":0},"NamespaceId":7})" << int(hcn::hr::AlreadyExists);
    QTest::newRow("second HostDefault") << R"({"SchemaVersion":{"Major":2,"Minor":0},"Type":"HostDefault"})"
                                        << int(hcn::hr::GcnDefaultNamespaceExists);
    QTest::newRow("unknown type") << R"({"SchemaVersion":{"Major":2,"Minor":0},"Type":"Pod"})"
                                  << int(hcn::hr::InvalidJson);
    QTest::newRow("type in another case") << R"({"SchemaVersion":{"Major":2,"Minor":0},"Type":"guest"})" << 0;
}

void TestEngineNamespace::compartmentsAndDefaultTypes()
{
    QFETCH(QString, second);
    QFETCH(int, expected);
    Harness h;
    HCN_VERIFY_OK(h.create(ResourceKind::Namespace, v2({{"Type", "HostDefault"}})));
    HCN_VERIFY_OK(h.create(ResourceKind::Namespace, v2({{"NamespaceId", 7}})));
    const auto before = h.snapshot();
    auto r = h.engine.create(ResourceKind::Namespace, {}, second.toStdString());
    QCOMPARE(qs(hcn::hresultHex(r.code())), qs(hcn::hresultHex(expected)));
    if (expected != 0)
        QCOMPARE(h.snapshot(), before);
}

void TestEngineNamespace::attachDetachEndpoint()
{
    NamespaceHost host;
    auto& h = host.h;
    auto ns = h.create(ResourceKind::Namespace, v2(json::object()));
    HCN_VERIFY_OK(ns);
    NotificationRecorder events(h.engine);
    HCN_VERIFY_OK(h.engine.modify(ResourceKind::Namespace, *ns, attachRequest("Add", host.epId)));
    json nsDoc = h.query(ResourceKind::Namespace, *ns);
    QCOMPARE(nsDoc["Resources"].size(), std::size_t(1));
    QCOMPARE(nsDoc["Resources"][0]["Type"].get<std::string>(), std::string("Endpoint"));
    QCOMPARE(nsDoc["Resources"][0]["Data"]["ID"].get<std::string>(), host.epId);
    json epDoc = h.query(ResourceKind::Endpoint, host.ep);
    QCOMPARE(epDoc["HostComputeNamespace"].get<std::string>(), nsDoc["ID"].get<std::string>());
    QCOMPARE(epDoc["State"].get<int>(), 2);
    HCN_VERIFY_OK(h.engine.modify(ResourceKind::Namespace, *ns, attachRequest("Remove", host.epId)));
    QVERIFY(h.query(ResourceKind::Namespace, *ns)["Resources"].empty());
    QVERIFY(!h.query(ResourceKind::Endpoint, host.ep).contains("HostComputeNamespace"));
    using T = hcn::NotificationType;
    QCOMPARE(events.types(),
             (std::vector<T>{T::NetworkEndpointAttached, T::NamespaceEndpointAttach, T::NamespaceModify,
                             T::NetworkEndpointDetached, T::NamespaceEndpointDetach, T::NamespaceModify}));
}

void TestEngineNamespace::attachErrors_data()
{
    QTest::addColumn<QString>("request");
    QTest::addColumn<int>("expected");
    QTest::newRow("already attached elsewhere") << "attached" << int(hcn::hr::EndpointNamespaceAlreadyExists);
    QTest::newRow("unknown endpoint") << "unknown" << int(hcn::hr::EndpointNotFound);
    QTest::newRow("detach an endpoint that is not attached")
        << "detach-loose" << int(hcn::hr::EndpointNotAttached);
    QTest::newRow("endpoint id is not a GUID") << "bad-guid" << int(hcn::hr::GuidConversionFailure);
    QTest::newRow("unknown resource type") << "bad-type" << int(hcn::hr::InvalidJson);
}

void TestEngineNamespace::attachErrors()
{
    QFETCH(QString, request);
    QFETCH(int, expected);
    NamespaceHost host;
    auto& h = host.h;
    auto first = h.create(ResourceKind::Namespace, v2(json::object()));
    auto second = h.create(ResourceKind::Namespace, v2(json::object()));
    HCN_VERIFY_OK(first);
    HCN_VERIFY_OK(second);
    HCN_VERIFY_OK(h.engine.modify(ResourceKind::Namespace, *first, attachRequest("Add", host.epId)));
    auto loose = h.create(ResourceKind::Endpoint, v2({{"Name", "loose"}}), host.net);
    HCN_VERIFY_OK(loose);
    std::string text;
    if (request == "attached")
        text = attachRequest("Add", host.epId);
    else if (request == "unknown")
        text = attachRequest("Add", hcn::Guid::generate().toString());
    else if (request == "detach-loose")
        text = attachRequest("Remove", h.idOf(ResourceKind::Endpoint, *loose));
    else if (request == "bad-guid")
        text = attachRequest("Add", "nope");
    else
        text = R"({"ResourceType":"Volume","RequestType":"Add","Settings":{}})";
    const auto before = h.snapshot();
    auto s = h.engine.modify(ResourceKind::Namespace, *second, text);
    QCOMPARE(qs(hcn::hresultHex(s.code())), qs(hcn::hresultHex(expected)));
    QCOMPARE(h.snapshot(), before);
}

void TestEngineNamespace::containers()
{
    Harness h;
    auto ns = h.create(ResourceKind::Namespace, v2(json::object()));
    HCN_VERIFY_OK(ns);
    const std::string add =
        R"({"ResourceType":"Container","RequestType":"Add","Settings":{"ContainerId":"c0ffee"}})";
    const std::string remove =
        R"({"ResourceType":"Container","RequestType":"Remove","Settings":{"ContainerId":"c0ffee"}})";
    HCN_VERIFY_OK(h.engine.modify(ResourceKind::Namespace, *ns, add));
    QCOMPARE(h.engine.modify(ResourceKind::Namespace, *ns, add).code(), hcn::hr::AlreadyExists);
    json doc = h.query(ResourceKind::Namespace, *ns);
    QCOMPARE(doc["Resources"][0]["Type"].get<std::string>(), std::string("Container"));
    QCOMPARE(doc["Resources"][0]["Data"]["ID"].get<std::string>(), std::string("c0ffee"));
    HCN_VERIFY_OK(h.engine.modify(ResourceKind::Namespace, *ns, remove));
    QCOMPARE(h.engine.modify(ResourceKind::Namespace, *ns, remove).code(), hcn::hr::ElementNotFound);
}

void TestEngineNamespace::createWithResourcesAttaches()
{
    NamespaceHost host;
    auto& h = host.h;
    auto ns = h.create(ResourceKind::Namespace, v2({{"Resources",
                                                     {{{"Type", "Endpoint"}, {"Data", {{"Id", host.epId}}}},
                                                      {{"Type", "Container"}, {"Data", {{"Id", "abc"}}}}}}}));
    HCN_VERIFY_OK(ns);
    QCOMPARE(h.query(ResourceKind::Namespace, *ns)["Resources"].size(), std::size_t(2));
    QCOMPARE(h.query(ResourceKind::Endpoint, host.ep)["HostComputeNamespace"].get<std::string>(),
             h.idOf(ResourceKind::Namespace, *ns));
    // A failing resource fails the whole create.
    const auto before = h.snapshot();
    auto bad = h.create(ResourceKind::Namespace,
                        v2({{"Resources", {{{"Type", "Endpoint"}, {"Data", {{"ID", host.epId}}}}}}}));
    QCOMPARE(bad.code(), hcn::hr::EndpointNamespaceAlreadyExists);
    QCOMPARE(h.snapshot(), before);
    // Data is free-form in the schema: the wrong JSON type is an error value, not an exception.
    for (const json& data : {json("abc"), json{{"ID", 5}}}) {
        auto wrong =
            h.create(ResourceKind::Namespace, v2({{"Resources", {{{"Type", "Endpoint"}, {"Data", data}}}}}));
        QCOMPARE(wrong.code(), hcn::hr::InvalidJson);
    }
    QCOMPARE(h.snapshot(), before);
}

void TestEngineNamespace::deleteDetachesEndpoints()
{
    NamespaceHost host;
    auto& h = host.h;
    auto ns = h.create(ResourceKind::Namespace, v2(json::object()));
    HCN_VERIFY_OK(ns);
    HCN_VERIFY_OK(h.engine.modify(ResourceKind::Namespace, *ns, attachRequest("Add", host.epId)));
    auto id = *hcn::Guid::parse(h.idOf(ResourceKind::Namespace, *ns));
    NotificationRecorder events(h.engine);
    HCN_VERIFY_OK(h.engine.remove(ResourceKind::Namespace, id));
    QVERIFY(!h.query(ResourceKind::Endpoint, host.ep).contains("HostComputeNamespace"));
    QCOMPARE(h.engine.remove(ResourceKind::Namespace, id).code(), hcn::hr::ElementNotFound);
    QCOMPARE(h.engine.open(ResourceKind::Namespace, id).code(), hcn::hr::ElementNotFound);
    auto types = events.types();
    QCOMPARE(types.back(), hcn::NotificationType::NamespaceDelete);
    QCOMPARE(types.front(), hcn::NotificationType::NetworkEndpointDetached);
}

void TestEngineNamespace::v1NamespaceShape()
{
    NamespaceHost host;
    auto& h = host.h;
    auto ns = h.create(ResourceKind::Namespace, json{{"IsDefault", false}, {"CompartmentId", 9}}); // v1 body
    HCN_VERIFY_OK(ns);
    HCN_VERIFY_OK(h.engine.modify(ResourceKind::Namespace, *ns, attachRequest("Add", host.epId)));
    json v1 = h.query(ResourceKind::Namespace, *ns, {{"SchemaVersion", {{"Major", 1}, {"Minor", 0}}}});
    QCOMPARE(v1["CompartmentId"].get<int>(), 9);
    QCOMPARE(v1["IsDefault"].get<bool>(), false);
    QCOMPARE(qs(v1["ResourceList"][0]["Data"]["Id"].get<std::string>()),
             qs(host.epId).toUpper()); // Get-HnsNamespace spells IDs upper-case
}

QTEST_GUILESS_MAIN(TestEngineNamespace)
#include "tst_enginenamespace.moc"
