// SnapshotApi: a snapshot written by an engine reads back with the engine's answers; a customer's broken
// state loads as it is; every write is refused with the one documented error; a malformed document is
// refused with a clear one.

#include "engine_harness.h"
#include "hcn/embedded_api.h"
#include "hcn/snapshot_api.h"

#include <algorithm>

using namespace hcntest;
using hcn::ResourceKind;

Q_DECLARE_METATYPE(hcn::ResourceKind)

class TestSnapshotApi : public QObject
{
    Q_OBJECT
private slots:
    void readsEqualTheEngines_data();
    void readsEqualTheEngines();
    void brokenStateLoads_data();
    void brokenStateLoads();
    void writesAreRefused_data();
    void writesAreRefused();
    void malformedDocumentIsRefused_data();
    void malformedDocumentIsRefused();
    void infoSaysOfflineReadOnly();
    void extraTopLevelMembersAreIgnored();
    void aTypeNotKnownStaysNotKnownInV1_data();
    void aTypeNotKnownStaysNotKnownInV1();
};

namespace {

const std::string kDetailed = R"({"Flags":1})";
const std::string kV1 = R"({"SchemaVersion":{"Major":1,"Minor":0}})";

std::string filterQuery(const json& filter)
{
    return json{{"Filter", filter.dump()}}.dump();
}

/// A host with two networks, endpoints (one attached to a namespace, one remote), a load balancer and
/// an SDN route, served by an embedded engine.
struct Host
{
    hcn::EmbeddedApi api;

    Host()
    {
        auto& engine = api.engine();
        const auto web = *engine.create(ResourceKind::Network, {}, natNetwork("web").dump());
        const auto db =
            *engine.create(ResourceKind::Network, {}, natNetwork("db", "10.9.0.0/24", "10.9.0.1").dump());
        const auto a = *engine.create(
            ResourceKind::Endpoint, {},
            v2({{"Name", "pod-a"}, {"IpConfigurations", {{{"IpAddress", "172.20.0.10"}}}}}).dump(), web);
        (void)*engine.create(ResourceKind::Endpoint, {}, v2({{"Name", "pod-b"}}).dump(), web);
        (void)*engine.create(ResourceKind::Endpoint, {}, v2({{"Name", "db-0"}}).dump(), db);
        (void)*engine.create(
            ResourceKind::Endpoint, {},
            v2({{"Name", "remote"}, {"Flags", 1}, {"IpConfigurations", {{{"IpAddress", "172.20.0.200"}}}}})
                .dump(),
            web);
        const std::string aId = json::parse(*engine.query(ResourceKind::Endpoint, a, ""))["ID"];
        const auto ns = *engine.create(ResourceKind::Namespace, {}, v2(json::object()).dump());
        (void)engine.modify(
            ResourceKind::Namespace, ns,
            json{{"ResourceType", "Endpoint"}, {"RequestType", "Add"}, {"Settings", {{"EndpointId", aId}}}}
                .dump());
        (void)*engine.create(
            ResourceKind::LoadBalancer, {},
            v2({{"HostComputeEndpoints", {aId}},
                {"FrontendVIPs", {"10.96.0.10"}},
                {"PortMappings", {{{"Protocol", 6}, {"InternalPort", 80}, {"ExternalPort", 80}}}}})
                .dump());
        (void)*engine.create(
            ResourceKind::SdnRoute, {},
            v2({{"HostComputeEndpoints", {aId}},
                {"Routes", {{{"DestinationPrefix", "169.254.169.254/32"}, {"NextHop", "172.20.0.1"}}}}})
                .dump());
    }
};

json sorted(json ids)
{
    std::sort(ids.begin(), ids.end());
    return ids;
}

/// Every answer an Api gives for a kind and query: {ID: document}.
json answers(hcn::Api& api, ResourceKind kind, const std::string& query)
{
    auto ids = api.enumerate(kind, query);
    if (!ids.ok())
        return json{{"error", ids.status().message()}};
    json out = json::object();
    for (const auto& id : json::parse(*ids)) {
        auto handle = api.open(kind, *hcn::Guid::parse(id.get<std::string>(), true));
        if (!handle.ok())
            return json{{"open error", handle.status().message()}};
        auto doc = api.query(kind, *handle, query);
        out[id.get<std::string>()] =
            doc.ok() ? json::parse(*doc) : json{{"query error", doc.status().message()}};
        if (!api.close(kind, *handle).ok())
            out["close failed"] = true;
    }
    return out;
}

std::shared_ptr<hcn::SnapshotApi> load(const json& document)
{
    auto api = hcn::SnapshotApi::fromDocument(document, "test.json");
    if (!api.ok())
        qWarning("%s", api.status().message().c_str());
    return api.ok() ? *api : nullptr;
}

} // namespace

void TestSnapshotApi::readsEqualTheEngines_data()
{
    QTest::addColumn<std::string>("exportQuery");
    QTest::addColumn<ResourceKind>("kind");
    QTest::addColumn<std::string>("query");

    for (ResourceKind kind : hcn::kResourceKinds) {
        const std::string name(hcn::resourceKindName(kind));
        QTest::addRow("%s all", name.c_str()) << std::string() << kind << std::string();
        QTest::addRow("%s detailed, exported detailed", name.c_str()) << kDetailed << kind << kDetailed;
    }
    for (ResourceKind kind :
         {ResourceKind::Network, ResourceKind::Endpoint, ResourceKind::Namespace, ResourceKind::LoadBalancer})
        QTest::addRow("%s v1 shape", std::string(hcn::resourceKindName(kind)).c_str())
            << std::string() << kind << kV1;
    QTest::newRow("filter by name") << std::string() << ResourceKind::Network
                                    << filterQuery({{"Name", "WEB"}});
    QTest::newRow("filter by v1 network name")
        << std::string() << ResourceKind::Endpoint << filterQuery({{"VirtualNetworkName", "web"}});
    QTest::newRow("filter by v1 IP address")
        << std::string() << ResourceKind::Endpoint << filterQuery({{"IPAddress", "172.20.0.10"}});
    QTest::newRow("filter by v1 remote flag")
        << std::string() << ResourceKind::Endpoint << filterQuery({{"IsRemoteEndpoint", true}});
    QTest::newRow("filter matching nothing")
        << std::string() << ResourceKind::Endpoint << filterQuery({{"Name", "nobody"}});
    QTest::newRow("detailed endpoints from a plain export")
        << std::string() << ResourceKind::Endpoint << std::string(R"({"Flags":1})");
}

void TestSnapshotApi::readsEqualTheEngines()
{
    QFETCH(std::string, exportQuery);
    QFETCH(ResourceKind, kind);
    QFETCH(std::string, query);

    Host host;
    auto text = host.api.snapshot(exportQuery);
    HCN_VERIFY_OK(text);
    auto loaded = hcn::SnapshotApi::fromText(*text, "host.json");
    HCN_VERIFY_OK(loaded);
    hcn::SnapshotApi& offline = **loaded;
    QVERIFY((*loaded)->loadWarnings().empty());

    const json engineIds = sorted(json::parse(*host.api.enumerate(kind, query)));
    const json offlineIds = sorted(json::parse(*offline.enumerate(kind, query)));
    QCOMPARE(qs(offlineIds.dump()), qs(engineIds.dump()));
    const bool plainExportDetailedQuery = exportQuery.empty() && query == kDetailed;
    if (plainExportDetailedQuery) {
        // Endpoints' Detailed block derives from references the snapshot keeps, except the port
        // mappings: compare the load balancers and the remote flag.
        json engine = answers(host.api, kind, query), mine = answers(offline, kind, query);
        for (auto& [id, doc] : engine.items()) {
            QCOMPARE(qs(mine[id]["Resources"]["LoadBalancers"].dump()),
                     qs(doc["Resources"]["LoadBalancers"].dump()));
            QCOMPARE(mine[id]["Resources"]["IsRemote"], doc["Resources"]["IsRemote"]);
            // Port mappings are the engine's bookkeeping: not shown as an empty list.
            QVERIFY(!mine[id]["Resources"].contains("PortMappings"));
        }
        return;
    }
    QCOMPARE(qs(answers(offline, kind, query).dump()), qs(answers(host.api, kind, query).dump()));
}

void TestSnapshotApi::brokenStateLoads_data()
{
    QTest::addColumn<std::string>("document");
    QTest::addColumn<ResourceKind>("kind");
    QTest::addColumn<int>("objects");
    QTest::addColumn<int>("warnings");

    const std::string idA = "6f1a3c2e-0b4d-4e5f-9a8b-7c6d5e4f3a2b";
    const std::string idB = "7A2B4D3F-1C5E-4F6A-8B9C-0D1E2F3A4B5C";
    const std::string missingNetwork = "00000000-dead-beef-0000-000000000001";
    QTest::newRow("endpoint pointing to a missing network")
        << json{{"Endpoints", {{{"ID", idA}, {"HostComputeNetwork", missingNetwork}, {"Name", "orphan"}}}}}
               .dump()
        << ResourceKind::Endpoint << 1 << 0;
    QTest::newRow("two endpoints with the same IP address")
        << json{{"Endpoints",
                 {{{"ID", idA}, {"IpConfigurations", {{{"IpAddress", "10.0.0.5"}}}}},
                  {{"ID", idB}, {"IpConfigurations", {{{"IpAddress", "10.0.0.5"}}}}}}}}
               .dump()
        << ResourceKind::Endpoint << 2 << 0;
    QTest::newRow("overlapping subnets, no Type")
        << json{{"Networks",
                 {{{"ID", idA}, {"Ipams", {{{"Subnets", {{{"IpAddressPrefix", "10.0.0.0/16"}}}}}}}},
                  {{"ID", idB}, {"Ipams", {{{"Subnets", {{{"IpAddressPrefix", "10.0.1.0/24"}}}}}}}}}}}
               .dump()
        << ResourceKind::Network << 2 << 0;
    QTest::newRow("upper-case and braced IDs")
        << json{{"Namespaces", {{{"ID", idB}}, {{"ID", "{" + idA + "}"}}}}}.dump() << ResourceKind::Namespace
        << 2 << 0;
    QTest::newRow("object without ID is skipped")
        << json{{"LoadBalancers", {{{"ID", idA}}, {{"Name", "no id"}}, {{"ID", "not-a-guid"}}, 42}}}.dump()
        << ResourceKind::LoadBalancer << 1 << 3;
    QTest::newRow("same ID twice keeps the first")
        << json{{"SdnRoutes", {{{"ID", idA}, {"Name", "first"}}, {{"ID", idA}, {"Name", "second"}}}}}.dump()
        << ResourceKind::SdnRoute << 1 << 1;
    QTest::newRow("member of an unexpected type")
        << json{{"Endpoints", {{{"ID", idA}, {"Flags", "remote"}, {"HostComputeNetwork", 7}}}}}.dump()
        << ResourceKind::Endpoint << 1 << 0;
}

void TestSnapshotApi::brokenStateLoads()
{
    QFETCH(std::string, document);
    QFETCH(ResourceKind, kind);
    QFETCH(int, objects);
    QFETCH(int, warnings);

    const json given = json::parse(document);
    auto api = load(given);
    QVERIFY(api);
    QCOMPARE(int(api->loadWarnings().size()), warnings);

    auto ids = api->enumerate(kind, "");
    HCN_VERIFY_OK(ids);
    const json list = json::parse(*ids);
    QCOMPARE(int(list.size()), objects);
    // Each object answers its document exactly as given, its ID spelled as given.
    for (const auto& id : list) {
        auto handle = api->open(kind, *hcn::Guid::parse(id.get<std::string>(), true));
        HCN_VERIFY_OK(handle);
        auto doc = api->query(kind, *handle, "");
        HCN_VERIFY_OK(doc);
        const json answered = json::parse(*doc);
        const auto& section = given[std::string(hcn::resourceKindPlural(kind))];
        const bool found =
            std::any_of(section.begin(), section.end(), [&](const json& d) { return d == answered; });
        QVERIFY2(found, answered.dump().c_str());
        QCOMPARE(qs(answered["ID"].get<std::string>()), qs(id.get<std::string>()));
        HCN_VERIFY_OK(api->close(kind, *handle));
        // Detailed and v1 reads of broken documents answer too, never throw.
        auto handle2 = *api->open(kind, *hcn::Guid::parse(id.get<std::string>(), true));
        QVERIFY(api->query(kind, handle2, kDetailed).ok() ||
                api->query(kind, handle2, kDetailed).code() == hcn::hr::InvalidJson);
        (void)api->query(kind, handle2, kV1);
    }
    // A filter over the broken documents answers as well.
    HCN_VERIFY_OK(api->enumerate(kind, filterQuery({{"IPAddress", "10.0.0.5"}})));
    HCN_VERIFY_OK(api->snapshot(""));
}

void TestSnapshotApi::writesAreRefused_data()
{
    QTest::addColumn<int>("call");
    const char* names[] = {"create network", "create endpoint",     "modify endpoint",
                           "delete network", "delete missing",      "reserve port",
                           "reserve range",  "release reservation", "modify namespace"};
    for (int i = 0; i < int(std::size(names)); ++i)
        QTest::newRow(names[i]) << i;
}

void TestSnapshotApi::writesAreRefused()
{
    QFETCH(int, call);
    Host host;
    auto loaded = hcn::SnapshotApi::fromText(*host.api.snapshot(""));
    HCN_VERIFY_OK(loaded);
    hcn::SnapshotApi& api = **loaded;
    const std::string before = *api.snapshot(kDetailed);

    const auto network =
        *hcn::Guid::parse(json::parse(*api.enumerate(ResourceKind::Network, ""))[0].get<std::string>());
    const auto endpoint =
        *hcn::Guid::parse(json::parse(*api.enumerate(ResourceKind::Endpoint, ""))[0].get<std::string>());
    const auto ns =
        *hcn::Guid::parse(json::parse(*api.enumerate(ResourceKind::Namespace, ""))[0].get<std::string>());
    const auto networkHandle = *api.open(ResourceKind::Network, network);
    const auto endpointHandle = *api.open(ResourceKind::Endpoint, endpoint);
    const auto nsHandle = *api.open(ResourceKind::Namespace, ns);

    hcn::Status status;
    switch (call) {
    case 0:
        status = api.create(ResourceKind::Network, {}, natNetwork("new").dump(), 0).status();
        break;
    case 1:
        status = api.create(ResourceKind::Endpoint, {}, v2({{"Name", "x"}}).dump(), networkHandle).status();
        break;
    case 2:
        status = api.modify(ResourceKind::Endpoint, endpointHandle,
                            R"({"ResourceType":"Policy","RequestType":"Add","Settings":{}})");
        break;
    case 3:
        status = api.remove(ResourceKind::Network, network);
        break;
    case 4:
        status = api.remove(ResourceKind::Endpoint, hcn::Guid{});
        break;
    case 5:
        status = api.reservePort(endpointHandle, hcn::PortProtocol::Tcp, hcn::PortAccess::Exclusive, 8080)
                     .status();
        break;
    case 6:
        status = api.reservePortRange(endpointHandle, 10).status();
        break;
    case 7:
        status = api.releasePortReservation(1);
        break;
    case 8:
        status =
            api.modify(ResourceKind::Namespace, nsHandle,
                       R"({"ResourceType":"Container","RequestType":"Add","Settings":{"ContainerId":"c"}})");
        break;
    }
    QCOMPARE(hcn::hresultHex(status.code()), std::string("0x80070005"));
    QCOMPARE(status.code(), hcn::kSnapshotReadOnly);
    QVERIFY2(status.detail().rfind("This is an offline snapshot (read-only); ", 0) == 0,
             status.detail().c_str());
    QVERIFY2(status.detail().find("cannot be changed.") != std::string::npos, status.detail().c_str());
    QCOMPARE(qs(*api.snapshot(kDetailed)), qs(before));
}

void TestSnapshotApi::malformedDocumentIsRefused_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<std::string>("says");
    QTest::newRow("not JSON") << std::string("{\"Networks\": [") << std::string("not valid JSON");
    QTest::newRow("an array") << std::string("[]") << std::string("JSON object");
    QTest::newRow("no section") << std::string(R"({"Source":"x"})") << std::string("not a snapshot document");
    QTest::newRow("section not an array")
        << std::string(R"({"Networks":{}})") << std::string("\"Networks\" must be an array");
    QTest::newRow("too deep") << std::string(R"({"Networks":[)") + std::string(100, '[') +
                                     std::string(100, ']') + "]}"
                              << std::string("nests deeper than");
}

void TestSnapshotApi::malformedDocumentIsRefused()
{
    QFETCH(std::string, text);
    QFETCH(std::string, says);
    auto api = hcn::SnapshotApi::fromText(text, "dump.json");
    QVERIFY(!api.ok());
    QCOMPARE(api.code(), hcn::hr::InvalidJson);
    QVERIFY2(api.status().detail().find(says) != std::string::npos, api.status().detail().c_str());
}

void TestSnapshotApi::infoSaysOfflineReadOnly()
{
    Host host;
    auto api = hcn::SnapshotApi::fromText(*host.api.snapshot(""), "host.json");
    HCN_VERIFY_OK(api);
    auto about = (*api)->info();
    HCN_VERIFY_OK(about);
    QVERIFY(about->readOnly);
    QVERIFY(about->description.find("offline read-only snapshot") != std::string::npos);
    QVERIFY(about->description.find("host.json") != std::string::npos);
    QCOMPARE(about->counts.networks, std::size_t(2));
    QCOMPARE(about->counts.endpoints, std::size_t(4));
    QCOMPARE(about->hnsVersion.major, host.api.engine().hnsVersion().major);
    QVERIFY(!host.api.info()->readOnly);
    // Subscribing succeeds; nothing is ever delivered.
    auto subscription =
        (*api)->subscribe([](const hcn::Notification&) { QFAIL("a snapshot never changes"); }, {});
    HCN_VERIFY_OK(subscription);
    (*api)->unsubscribe(*subscription);
}

void TestSnapshotApi::extraTopLevelMembersAreIgnored()
{
    Host host;
    json document = json::parse(*host.api.snapshot(""));
    document["Source"] = "customer-42";
    document["Report"] = {{"Checks", json::array()}};
    auto api = load(document);
    QVERIFY(api);
    json again = json::parse(*api->snapshot(""));
    document.erase("Source");
    document.erase("Report");
    for (ResourceKind kind : hcn::kResourceKinds) {
        const std::string key(hcn::resourceKindPlural(kind));
        QCOMPARE(again[key].size(), document[key].size());
    }
}

void TestSnapshotApi::aTypeNotKnownStaysNotKnownInV1_data()
{
    QTest::addColumn<QString>("network"); ///< the network's document
    QTest::addColumn<QString>("v1Type");  ///< its v1 Type as JSON
    QTest::newRow("no Type: HNS omits NAT") << R"({"ID":"5C2E8A14-93B7-4D60-A1F2-7E9B3C4D5A68","Name":"nat"})"
                                            << R"("NAT")";
    QTest::newRow("Type null: an imported table did not show it")
        << R"({"ID":"5C2E8A14-93B7-4D60-A1F2-7E9B3C4D5A68","Name":"cbr0","Type":null})"
        << "null";
    QTest::newRow("Type given")
        << R"({"ID":"5C2E8A14-93B7-4D60-A1F2-7E9B3C4D5A68","Name":"cbr0","Type":"L2Bridge"})"
        << R"("L2Bridge")";
}

void TestSnapshotApi::aTypeNotKnownStaysNotKnownInV1()
{
    QFETCH(QString, network);
    QFETCH(QString, v1Type);
    auto api = load(json{{"Networks", json::array({json::parse(network.toStdString())})}});
    QVERIFY(api);
    auto handle =
        api->open(ResourceKind::Network, *hcn::Guid::parse("5C2E8A14-93B7-4D60-A1F2-7E9B3C4D5A68", true));
    HCN_VERIFY_OK(handle);
    auto doc = api->query(ResourceKind::Network, *handle, kV1);
    HCN_VERIFY_OK(doc);
    QCOMPARE(json::parse(*doc)["Type"], json::parse(v1Type.toStdString()));
}

QTEST_GUILESS_MAIN(TestSnapshotApi)
#include "tst_snapshotapi.moc"
