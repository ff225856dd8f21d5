// How the engine spells GUIDs: v2 output (queries, Enumerate, notifications) in lower case for IDs it
// generates or receives as binary, the client's spelling for IDs sent as text, one spelling per object in
// every document that references it; v1 output (SchemaVersion 1.x queries) in upper case.

#include "engine_harness.h"
#include "hcn/guid.h"
#include "hcn/host_environment.h"

#include <algorithm>

using namespace hcntest;
using hcn::ResourceKind;

Q_DECLARE_METATYPE(hcn::ResourceKind)

class TestEngineIdSpelling : public QObject
{
    Q_OBJECT
private slots:
    void binaryIdIsLowerCaseInEveryV2Output_data();
    void binaryIdIsLowerCaseInEveryV2Output();
    void generatedIdsAreLowerCase_data();
    void generatedIdsAreLowerCase();
    void referencesUseTheReferencedObjectsSpelling_data();
    void referencesUseTheReferencedObjectsSpelling();
    void v1OutputIsUpperCase_data();
    void v1OutputIsUpperCase();
};

namespace {

/// A GUID whose text has letters in every group, so its case shows.
const hcn::Guid kBinaryId{0xABCDEF01, 0xBCDE, 0x4DEF, {0x8A, 0xBC, 0xDE, 0xF0, 0x12, 0x34, 0x56, 0x78}};
const std::string kBinaryIdLower = "abcdef01-bcde-4def-8abc-def012345678";

const json kV1Query = {{"SchemaVersion", {{"Major", 1}, {"Minor", 0}}}};

bool isGuidText(const json& value)
{
    return value.is_string() && hcn::Guid::parse(value.get<std::string>()).has_value();
}

bool hasLowerCaseLetter(const std::string& text)
{
    return std::any_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool hasUpperCaseLetter(const std::string& text)
{
    return std::any_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

/// Every GUID string in a document (references "/endpoints/<guid>" included), with its JSON path.
void collectGuids(const json& value, const std::string& path,
                  std::vector<std::pair<std::string, std::string>>& out)
{
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it)
            collectGuids(*it, path + "/" + it.key(), out);
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i)
            collectGuids(value[i], path + "/" + std::to_string(i), out);
    } else if (value.is_string()) {
        std::string text = value.get<std::string>();
        if (text.rfind("/endpoints/", 0) == 0)
            text = text.substr(11);
        if (hcn::Guid::parse(text))
            out.emplace_back(path, text);
    }
}

/// A host with one of each kind; the network and the namespace have binary IDs.
struct Topology
{
    Harness h;
    hcn::Handle network = 0;
    hcn::Handle endpoint = 0;
    hcn::Handle ns = 0;
    hcn::Handle lb = 0;
    hcn::Handle route = 0;
    std::string networkId, endpointId, namespaceId;

    Topology()
    {
        json net = natNetwork("nat");
        // Client-given policy GUIDs, lower-case: v2 echoes them, v1 upper-cases them.
        net["Policies"] = {{{"Type", "InterfaceConstraint"},
                            {"Settings", {{"InterfaceGuid", "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"}}}},
                           {{"Type", "LayerConstraint"},
                            {"Settings", {{"LayerId", "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e"}}}}};
        network = *h.engine.create(ResourceKind::Network, kBinaryId, net.dump());
        networkId = h.idOf(ResourceKind::Network, network);
        endpoint = *h.create(ResourceKind::Endpoint, v2({{"Name", "pod"}}), network);
        endpointId = h.idOf(ResourceKind::Endpoint, endpoint);
        hcn::Guid nsId = kBinaryId;
        nsId.data1 = 0xFEDCBA98;
        ns = *h.engine.create(ResourceKind::Namespace, nsId, v2(json::object()).dump());
        namespaceId = h.idOf(ResourceKind::Namespace, ns);
        const std::string upperEndpoint = QString::fromStdString(endpointId).toUpper().toStdString();
        (void)h.engine.modify(ResourceKind::Namespace, ns,
                              json{{"ResourceType", "Endpoint"},
                                   {"RequestType", "Add"},
                                   {"Settings", {{"EndpointId", upperEndpoint}}}}
                                  .dump());
        lb = *h.create(
            ResourceKind::LoadBalancer,
            v2({{"HostComputeEndpoints", {upperEndpoint}},
                {"HostComputeNetwork", QString::fromStdString(networkId).toUpper().toStdString()},
                {"FrontendVIPs", {"10.96.0.10"}},
                {"PortMappings", {{{"Protocol", 6}, {"InternalPort", 80}, {"ExternalPort", 80}}}}}));
        route = *h.create(
            ResourceKind::SdnRoute,
            v2({{"HostComputeEndpoints", {upperEndpoint}},
                {"Routes", {{{"DestinationPrefix", "169.254.169.254/32"}, {"NextHop", "172.20.0.1"}}}}}));
    }

    hcn::Handle handle(ResourceKind kind) const
    {
        switch (kind) {
        case ResourceKind::Network:
            return network;
        case ResourceKind::Endpoint:
            return endpoint;
        case ResourceKind::Namespace:
            return ns;
        case ResourceKind::LoadBalancer:
            return lb;
        case ResourceKind::SdnRoute:
            return route;
        default:
            return 0;
        }
    }
};

} // namespace

void TestEngineIdSpelling::binaryIdIsLowerCaseInEveryV2Output_data()
{
    QTest::addColumn<ResourceKind>("kind");
    QTest::newRow("network") << ResourceKind::Network;
    QTest::newRow("endpoint") << ResourceKind::Endpoint;
    QTest::newRow("namespace") << ResourceKind::Namespace;
    QTest::newRow("load balancer") << ResourceKind::LoadBalancer;
    QTest::newRow("SDN route") << ResourceKind::SdnRoute;
    QTest::newRow("guest network service") << ResourceKind::GuestNetworkService;
}

void TestEngineIdSpelling::binaryIdIsLowerCaseInEveryV2Output()
{
    QFETCH(ResourceKind, kind);
    Harness h;
    NotificationRecorder recorder(h.engine);
    auto network = h.create(ResourceKind::Network, natNetwork("nat"));
    HCN_VERIFY_OK(network);
    const std::string endpoint =
        h.idOf(ResourceKind::Endpoint, *h.create(ResourceKind::Endpoint, v2({}), *network));
    json doc = v2(json::object());
    if (kind == ResourceKind::Network)
        doc = natNetwork("binary", "10.30.0.0/24", "10.30.0.1");
    else if (kind == ResourceKind::LoadBalancer)
        doc = v2({{"HostComputeEndpoints", {endpoint}},
                  {"PortMappings", {{{"Protocol", 6}, {"InternalPort", 80}, {"ExternalPort", 80}}}}});
    else if (kind == ResourceKind::SdnRoute)
        doc = v2({{"HostComputeEndpoints", {endpoint}},
                  {"Routes", {{{"DestinationPrefix", "169.254.169.254/32"}, {"NextHop", "172.20.0.1"}}}}});
    else if (kind == ResourceKind::GuestNetworkService)
        doc = v2({{"VirtualMachineId", "5E0A3C53-A2D6-4A8B-8E2B-9D7A2E1F0C11"}});
    (void)recorder.take();

    auto created =
        h.engine.create(kind, kBinaryId, doc.dump(), kind == ResourceKind::Endpoint ? *network : 0);
    HCN_VERIFY_OK(created);

    // What a client compares after a create with a binary GUID (Multipass looks for its ID in Enumerate).
    const json ids = h.enumerate(kind);
    QVERIFY2(std::find(ids.begin(), ids.end(), json(kBinaryIdLower)) != ids.end(),
             qPrintable(qs(ids.dump())));
    QCOMPARE(qs(h.idOf(kind, *created)), qs(kBinaryIdLower));
    bool notified = false;
    for (const auto& n : recorder.take()) {
        const json base = json::parse(n.data);
        if (hcn::Guid::parse(base.value("ID", "")) == kBinaryId) {
            QCOMPARE(qs(base["ID"].get<std::string>()), qs(kBinaryIdLower));
            notified = true;
        }
    }
    // Guest network service events go to service callbacks only (docs/inferred-behaviours.md).
    QVERIFY2(notified || kind == ResourceKind::GuestNetworkService,
             "the create notification names the new object");
}

void TestEngineIdSpelling::generatedIdsAreLowerCase_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::newRow("network ID") << "/ID";
    QTest::newRow("subnet ID") << "/Ipams/0/Subnets/0/ID";
    QTest::newRow("IP subnet ID") << "/Ipams/0/Subnets/0/IpSubnets/0/ID";
    QTest::newRow("Health.Extra.SwitchGuid") << "/Health/Extra/SwitchGuid";
    QTest::newRow("Health.Extra.LayeredOn") << "/Health/Extra/LayeredOn";
}

void TestEngineIdSpelling::generatedIdsAreLowerCase()
{
    QFETCH(QString, pointer);
    hcn::EngineOptions options;
    options.host = *hcn::HostEnvironment::fromJson(
        R"({"adapters":[{"name":"Ethernet","ipv4":"10.0.0.4/24","mac":"00-0D-3A-10-20-30"}]})");
    Harness h(options);
    auto net = h.create(ResourceKind::Network,
                        v2({{"Name", "l2"},
                            {"Type", "L2Bridge"},
                            {"Ipams",
                             {{{"Type", "Static"},
                               {"Subnets",
                                {{{"IpAddressPrefix", "10.40.0.0/24"},
                                  {"IpSubnets", {{{"IpAddressPrefix", "10.40.0.0/25"}}}}}}}}}}}));
    HCN_VERIFY_OK(net);
    const json doc = h.query(ResourceKind::Network, *net);
    const json value = doc.value(json::json_pointer(pointer.toStdString()), json());
    QVERIFY2(isGuidText(value), qPrintable(qs(doc.dump())));
    QVERIFY2(!hasUpperCaseLetter(value.get<std::string>()), qPrintable(qs(value.dump())));
}

void TestEngineIdSpelling::referencesUseTheReferencedObjectsSpelling_data()
{
    QTest::addColumn<ResourceKind>("kind");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("references");
    QTest::newRow("endpoint HostComputeNetwork") << ResourceKind::Endpoint << "/HostComputeNetwork"
                                                 << "network";
    QTest::newRow("endpoint HostComputeNamespace") << ResourceKind::Endpoint << "/HostComputeNamespace"
                                                   << "namespace";
    QTest::newRow("namespace Resources (EndpointId sent upper-case)")
        << ResourceKind::Namespace << "/Resources/0/Data/ID"
        << "endpoint";
    QTest::newRow("load balancer endpoint list (sent upper-case)")
        << ResourceKind::LoadBalancer << "/HostComputeEndpoints/0"
        << "endpoint";
    QTest::newRow("load balancer HostComputeNetwork (sent upper-case)")
        << ResourceKind::LoadBalancer << "/HostComputeNetwork"
        << "network";
    QTest::newRow("SDN route endpoint list (sent upper-case)")
        << ResourceKind::SdnRoute << "/HostComputeEndpoints/0"
        << "endpoint";
}

void TestEngineIdSpelling::referencesUseTheReferencedObjectsSpelling()
{
    QFETCH(ResourceKind, kind);
    QFETCH(QString, pointer);
    QFETCH(QString, references);
    Topology t;
    const std::string expected = references == "network"     ? t.networkId
                                 : references == "namespace" ? t.namespaceId
                                                             : t.endpointId;
    QVERIFY(!hasUpperCaseLetter(expected));
    const json doc = t.h.query(kind, t.handle(kind));
    QCOMPARE(qs(doc.value(json::json_pointer(pointer.toStdString()), json("")).get<std::string>()),
             qs(expected));
}

void TestEngineIdSpelling::v1OutputIsUpperCase_data()
{
    QTest::addColumn<ResourceKind>("kind");
    QTest::addColumn<QStringList>("pointers");
    QTest::newRow("network: ID, subnet, switch and policy GUIDs")
        << ResourceKind::Network
        << QStringList{"/ID", "/Subnets/0/ID", "/SwitchGuid", "/InterfaceConstraint/InterfaceGuid",
                       "/Policies/0/LayerId"};
    QTest::newRow("endpoint: ID, VirtualNetwork, Namespace")
        << ResourceKind::Endpoint << QStringList{"/ID", "/VirtualNetwork", "/Namespace/ID"};
    QTest::newRow("namespace: ID, ResourceList")
        << ResourceKind::Namespace << QStringList{"/ID", "/ResourceList/0/Data/Id"};
    QTest::newRow("load balancer: ID, References, HostComputeNetwork")
        << ResourceKind::LoadBalancer << QStringList{"/ID", "/References/0", "/HostComputeNetwork"};
}

void TestEngineIdSpelling::v1OutputIsUpperCase()
{
    QFETCH(ResourceKind, kind);
    QFETCH(QStringList, pointers);
    Topology t;
    const json v1 = t.h.query(kind, t.handle(kind), kV1Query);
    for (const QString& pointer : pointers) {
        const json value = v1.value(json::json_pointer(pointer.toStdString()), json());
        QVERIFY2(value.is_string(), qPrintable(pointer + " is missing in " + qs(v1.dump())));
        std::string text = value.get<std::string>();
        if (text.rfind("/endpoints/", 0) == 0)
            text = text.substr(11);
        QVERIFY2(isGuidText(json(text)) && hasUpperCaseLetter(text) && !hasLowerCaseLetter(text),
                 qPrintable(pointer + " = " + qs(value.dump())));
    }
    std::vector<std::pair<std::string, std::string>> guids;
    collectGuids(v1, "", guids);
    for (const auto& [path, text] : guids)
        QVERIFY2(!hasLowerCaseLetter(text), qPrintable(qs(path + " = " + text)));
    // The v2 output of the same object keeps lower case (the client's policy GUIDs were sent that way).
    std::vector<std::pair<std::string, std::string>> v2Guids;
    collectGuids(t.h.query(kind, t.handle(kind)), "", v2Guids);
    for (const auto& [path, text] : v2Guids)
        QVERIFY2(!hasUpperCaseLetter(text), qPrintable(qs(path + " = " + text)));
}

QTEST_GUILESS_MAIN(TestEngineIdSpelling)
#include "tst_engineidspelling.moc"
