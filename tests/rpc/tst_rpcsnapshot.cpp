// Api::snapshot in one engine call: equal to what the per-object queries return (enumerate, open, query,
// close; the default Api::snapshot), in-process and over hcnd, and a consistent cut while other threads
// or connections change the host: every object a snapshot's documents name is in the same snapshot.

#include "hcn/embedded_api.h"
#include "hcn/rpc_client.h"
#include "hcnd_process.h"

#include <QtTest>
#include <atomic>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

using hcn::ResourceKind;
using hcntest::HcndProcess;
using nlohmann::json;

namespace {

const json kV2 = {{"Major", 2}, {"Minor", 0}};

json natNetwork(const std::string& name, int subnet)
{
    const std::string prefix = "10." + std::to_string(subnet / 250) + "." + std::to_string(subnet % 250);
    return {{"SchemaVersion", kV2},
            {"Name", name},
            {"Type", "NAT"},
            {"Ipams",
             {{{"Type", "Static"},
               {"Subnets",
                {{{"IpAddressPrefix", prefix + ".0/24"},
                  {"Routes", {{{"NextHop", prefix + ".1"}, {"DestinationPrefix", "0.0.0.0/0"}}}}}}}}}}};
}

json attachRequest(const std::string& endpointId, const char* requestType = "Add")
{
    return {{"ResourceType", "Endpoint"},
            {"RequestType", requestType},
            {"Settings", {{"EndpointId", endpointId}}}};
}

std::string idOf(hcn::Api& api, ResourceKind kind, hcn::Handle handle)
{
    auto id = api.handleId(kind, handle);
    return id.ok() ? id->toString() : std::string();
}

/// Fills a host with one object or more of every kind, related as a real host's are.
hcn::Status populate(hcn::Api& api)
{
    auto net = api.create(ResourceKind::Network, {}, natNetwork("snap", 1).dump(), 0);
    if (!net.ok())
        return net.status();
    std::vector<std::string> endpoints;
    for (int i = 0; i < 3; ++i) {
        json doc{{"SchemaVersion", kV2}, {"Name", "ep" + std::to_string(i)}};
        if (i == 0)
            doc["Policies"] = {
                {{"Type", "PortMapping"},
                 {"Settings", {{"Protocol", "TCP"}, {"InternalPort", 80}, {"ExternalPort", 8080}}}}};
        auto ep = api.create(ResourceKind::Endpoint, {}, doc.dump(), *net);
        if (!ep.ok())
            return ep.status();
        endpoints.push_back(idOf(api, ResourceKind::Endpoint, *ep));
    }
    auto ns = api.create(ResourceKind::Namespace, {}, json{{"SchemaVersion", kV2}}.dump(), 0);
    if (!ns.ok())
        return ns.status();
    if (hcn::Status s = api.modify(ResourceKind::Namespace, *ns, attachRequest(endpoints[1]).dump()); !s.ok())
        return s;
    json lb{{"SchemaVersion", kV2},
            {"HostComputeEndpoints", {endpoints[0], endpoints[2]}},
            {"FrontendVIPs", {"10.96.0.10"}},
            {"PortMappings", {{{"Protocol", 6}, {"InternalPort", 80}, {"ExternalPort", 80}}}}};
    if (auto h = api.create(ResourceKind::LoadBalancer, {}, lb.dump(), 0); !h.ok())
        return h.status();
    json route{
        {"SchemaVersion", kV2},
        {"HostComputeEndpoints", {endpoints[0]}},
        {"Routes",
         {{{"DestinationPrefix", "169.254.169.254/32"}, {"NextHop", "10.0.1.1"}, {"NeedEncap", false}}}}};
    if (auto h = api.create(ResourceKind::SdnRoute, {}, route.dump(), 0); !h.ok())
        return h.status();
    json gns{{"SchemaVersion", kV2},
             {"VirtualMachineId", "5A000000-0000-4000-8000-0000000000AA"},
             {"MirrorHostNetworking", true},
             {"Flags", 1}};
    if (auto h = api.create(ResourceKind::GuestNetworkService, {}, gns.dump(), 0); !h.ok())
        return h.status();
    return hcn::Status::success();
}

std::set<std::string> idsIn(const json& snapshot, const char* key)
{
    std::set<std::string> ids;
    for (const json& doc : snapshot.value(key, json::array()))
        ids.insert(hcn::Guid::parse(doc.value("ID", "")).value_or(hcn::Guid{}).toString());
    return ids;
}

std::string canonical(const std::string& idText)
{
    return hcn::Guid::parse(idText).value_or(hcn::Guid{}).toString();
}

/// What a consistent cut guarantees: every object a document names is in the same snapshot, and
/// namespace membership reads the same from both sides. One line per violation.
QStringList inconsistencies(const json& snapshot)
{
    QStringList problems;
    const auto networks = idsIn(snapshot, "Networks");
    const auto endpoints = idsIn(snapshot, "Endpoints");
    const auto namespaces = idsIn(snapshot, "Namespaces");
    std::set<std::pair<std::string, std::string>> listed; // (namespace, endpoint) from the namespaces
    for (const json& ns : snapshot.at("Namespaces"))
        for (const json& resource : ns.value("Resources", json::array()))
            if (resource.value("Type", "") == "Endpoint") {
                const json data = resource.value("Data", json::object());
                const std::string ep = canonical(data.value("ID", data.value("Id", "")));
                listed.emplace(canonical(ns.value("ID", "")), ep);
                if (!endpoints.count(ep))
                    problems << QString::fromStdString("namespace lists endpoint " + ep + ", missing");
            }
    for (const json& ep : snapshot.at("Endpoints")) {
        const std::string id = canonical(ep.value("ID", ""));
        const std::string net = canonical(ep.value("HostComputeNetwork", ""));
        if (!networks.count(net))
            problems << QString::fromStdString("endpoint " + id + " is on network " + net + ", missing");
        if (ep.contains("HostComputeNamespace")) {
            const std::string ns = canonical(ep["HostComputeNamespace"].get<std::string>());
            if (!namespaces.count(ns) || !listed.count({ns, id}))
                problems << QString::fromStdString("endpoint " + id + " names namespace " + ns +
                                                   ", which does not list it");
        }
    }
    for (const auto& [ns, ep] : listed) {
        bool named = false;
        for (const json& doc : snapshot.at("Endpoints"))
            named = named || (canonical(doc.value("ID", "")) == ep &&
                              canonical(doc.value("HostComputeNamespace", "")) == ns);
        if (!named)
            problems << QString::fromStdString("namespace " + ns + " lists endpoint " + ep +
                                               ", which names another namespace");
    }
    for (const char* key : {"LoadBalancers", "SdnRoutes"})
        for (const json& doc : snapshot.at(key))
            for (const json& ep : doc.value("HostComputeEndpoints", json::array()))
                if (!endpoints.count(canonical(ep.get<std::string>())))
                    problems << QString::fromStdString(std::string(key) + " entry names endpoint " +
                                                       ep.get<std::string>() + ", missing");
    return problems;
}

/// One round of the writer: a network with two endpoints, a namespace holding the first, a load
/// balancer over both; the round `round - 2` is torn down again in reverse order.
struct Round
{
    hcn::Handle network = 0, namespaceHandle = 0;
    std::string networkId, namespaceId, lbId;
    std::vector<std::string> endpoints;
};

hcn::Status buildRound(hcn::Api& api, int number, Round& round)
{
    auto net = api.create(ResourceKind::Network, {},
                          natNetwork("round" + std::to_string(number), 10 + number).dump(), 0);
    if (!net.ok())
        return net.status();
    round.network = *net;
    round.networkId = idOf(api, ResourceKind::Network, *net);
    for (int i = 0; i < 2; ++i) {
        auto ep =
            api.create(ResourceKind::Endpoint, {},
                       json{{"SchemaVersion", kV2}, {"Name", "r" + std::to_string(number)}}.dump(), *net);
        if (!ep.ok())
            return ep.status();
        round.endpoints.push_back(idOf(api, ResourceKind::Endpoint, *ep));
        (void)api.close(ResourceKind::Endpoint, *ep);
    }
    auto ns = api.create(ResourceKind::Namespace, {}, json{{"SchemaVersion", kV2}}.dump(), 0);
    if (!ns.ok())
        return ns.status();
    round.namespaceHandle = *ns;
    round.namespaceId = idOf(api, ResourceKind::Namespace, *ns);
    if (hcn::Status s = api.modify(ResourceKind::Namespace, *ns, attachRequest(round.endpoints[0]).dump());
        !s.ok())
        return s;
    json lb{{"SchemaVersion", kV2},
            {"HostComputeEndpoints", round.endpoints},
            {"FrontendVIPs", {"10.96.1." + std::to_string(number % 250)}},
            {"PortMappings", {{{"Protocol", 6}, {"InternalPort", 80}, {"ExternalPort", 1000 + number}}}}};
    auto h = api.create(ResourceKind::LoadBalancer, {}, lb.dump(), 0);
    if (!h.ok())
        return h.status();
    round.lbId = idOf(api, ResourceKind::LoadBalancer, *h);
    (void)api.close(ResourceKind::LoadBalancer, *h);
    return hcn::Status::success();
}

hcn::Status tearDown(hcn::Api& api, const Round& round)
{
    auto guid = [](const std::string& text) { return *hcn::Guid::parse(text); };
    if (hcn::Status s = api.remove(ResourceKind::LoadBalancer, guid(round.lbId)); !s.ok())
        return s;
    if (hcn::Status s = api.modify(ResourceKind::Namespace, round.namespaceHandle,
                                   attachRequest(round.endpoints[0], "Remove").dump());
        !s.ok())
        return s;
    (void)api.close(ResourceKind::Namespace, round.namespaceHandle);
    if (hcn::Status s = api.remove(ResourceKind::Namespace, guid(round.namespaceId)); !s.ok())
        return s;
    for (const std::string& ep : round.endpoints)
        if (hcn::Status s = api.remove(ResourceKind::Endpoint, guid(ep)); !s.ok())
            return s;
    (void)api.close(ResourceKind::Network, round.network);
    return api.remove(ResourceKind::Network, guid(round.networkId));
}

std::unique_ptr<hcn::RpcClient> connectTo(const HcndProcess& hcnd)
{
    hcn::RpcClientOptions options;
    options.endpoint = "unix:" + hcnd.socket();
    options.clientName = "tst_rpcsnapshot/1";
    auto client = hcn::RpcClient::connect(options);
    if (!client.ok())
        qWarning("connect failed: %s", client.status().message().c_str());
    return client.ok() ? std::move(*client) : nullptr;
}

/// Where the calls go: an engine in this process, or hcnd (a fresh one per test).
struct Host
{
    std::unique_ptr<hcn::EmbeddedApi> embedded;
    std::unique_ptr<HcndProcess> hcnd;
    std::unique_ptr<hcn::RpcClient> reader, writer;

    bool start(bool service)
    {
        if (!service) {
            embedded = std::make_unique<hcn::EmbeddedApi>();
            return true;
        }
        hcnd = std::make_unique<HcndProcess>();
        if (!hcnd->start())
            return false;
        reader = connectTo(*hcnd);
        writer = connectTo(*hcnd);
        return reader && writer;
    }
    hcn::Api& readerApi() { return embedded ? static_cast<hcn::Api&>(*embedded) : *reader; }
    hcn::Api& writerApi() { return embedded ? static_cast<hcn::Api&>(*embedded) : *writer; }
};

} // namespace

class TestRpcSnapshot : public QObject
{
    Q_OBJECT

private slots:
    void equalsThePerObjectQueries_data();
    void equalsThePerObjectQueries();
    void badQueryFailsLikeAQuery_data();
    void badQueryFailsLikeAQuery();
    void consistentWhileTheHostChanges_data();
    void consistentWhileTheHostChanges();
};

void TestRpcSnapshot::equalsThePerObjectQueries_data()
{
    QTest::addColumn<bool>("service");
    QTest::addColumn<QString>("query");
    for (bool service : {false, true}) {
        const char* where = service ? "hcnd" : "embedded";
        QTest::addRow("%s, v2 documents", where) << service << QString();
        QTest::addRow("%s, detailed", where) << service << QString(R"({"Flags":1})");
        QTest::addRow("%s, v1 documents", where)
            << service << QString(R"({"SchemaVersion":{"Major":1,"Minor":0}})");
    }
}

void TestRpcSnapshot::equalsThePerObjectQueries()
{
    QFETCH(bool, service);
    QFETCH(QString, query);
    Host host;
    QVERIFY(host.start(service));
    hcn::Api& api = host.readerApi();
    const hcn::Status populated = populate(api);
    QVERIFY2(populated.ok(), populated.message().c_str());

    auto whole = api.snapshot(query.toStdString());
    auto perObject = api.hcn::Api::snapshot(query.toStdString());
    QVERIFY2(whole.ok(), whole.ok() ? "" : whole.status().message().c_str());
    QVERIFY(perObject.ok());
    QCOMPARE(QString::fromStdString(*whole), QString::fromStdString(*perObject));

    const json parsed = json::parse(*whole);
    for (const char* key :
         {"Networks", "Endpoints", "Namespaces", "LoadBalancers", "SdnRoutes", "GuestNetworkServices"})
        QVERIFY2(!parsed.value(key, json::array()).empty(), key);
    QCOMPARE(parsed["Endpoints"].size(), std::size_t(3));
    if (!query.contains(R"("Major":1)")) // the cross references below are read from v2 documents
        QVERIFY2(inconsistencies(parsed).isEmpty(), qPrintable(inconsistencies(parsed).join('\n')));
    // The snapshot opened nothing: no handle is left behind, and none was needed.
    auto about = api.info();
    QVERIFY(about.ok());
    QCOMPARE(about->counts.endpoints, std::size_t(3));
}

void TestRpcSnapshot::badQueryFailsLikeAQuery_data()
{
    QTest::addColumn<bool>("service");
    QTest::newRow("embedded") << false;
    QTest::newRow("hcnd") << true;
}

void TestRpcSnapshot::badQueryFailsLikeAQuery()
{
    QFETCH(bool, service);
    Host host;
    QVERIFY(host.start(service));
    hcn::Api& api = host.readerApi();
    auto net = api.create(ResourceKind::Network, {}, natNetwork("q", 1).dump(), 0);
    QVERIFY(net.ok());
    auto snapshot = api.snapshot("{not json");
    auto query = api.query(ResourceKind::Network, *net, "{not json");
    QVERIFY(!snapshot.ok());
    QCOMPARE(snapshot.status().code(), query.status().code());
    QCOMPARE(snapshot.status().detail(), query.status().detail());
}

void TestRpcSnapshot::consistentWhileTheHostChanges_data()
{
    QTest::addColumn<bool>("service");
    QTest::newRow("embedded, writer on another thread") << false;
    QTest::newRow("hcnd, writer on another connection") << true;
}

void TestRpcSnapshot::consistentWhileTheHostChanges()
{
    QFETCH(bool, service);
    Host host;
    QVERIFY(host.start(service));
    hcn::Api& reader = host.readerApi();
    hcn::Api& writer = host.writerApi();

    // The writer keeps going until the reader has seen enough snapshots with the writer's objects in
    // them, and the reader until the writer is done: the two overlap however the threads are scheduled.
    constexpr int kMinRounds = 40, kMinSnapshots = 20, kMaxRounds = 2000;
    std::atomic<int> snapshotsTaken{0};
    std::atomic<int> withLoadBalancers{0};
    std::atomic<bool> writerDone{false};
    hcn::Status writerStatus;
    int rounds = 0;
    std::thread writerThread([&] {
        std::vector<Round> live;
        for (; rounds < kMaxRounds && (rounds < kMinRounds || withLoadBalancers < kMinSnapshots); ++rounds) {
            Round round;
            if (writerStatus = buildRound(writer, rounds, round); !writerStatus.ok())
                break;
            live.push_back(std::move(round));
            if (live.size() > 2) {
                if (writerStatus = tearDown(writer, live.front()); !writerStatus.ok())
                    break;
                live.erase(live.begin());
            }
        }
        writerDone = true;
    });

    QStringList problems;
    while (!writerDone || snapshotsTaken == 0) {
        auto text = reader.snapshot("");
        if (!text.ok()) {
            problems << QString::fromStdString("snapshot failed: " + text.status().message());
            break;
        }
        const json snapshot = json::parse(*text);
        for (const QString& problem : inconsistencies(snapshot))
            problems << QStringLiteral("snapshot %1: %2").arg(snapshotsTaken.load()).arg(problem);
        withLoadBalancers += snapshot.at("LoadBalancers").empty() ? 0 : 1;
        ++snapshotsTaken;
        if (problems.size() > 20)
            break;
    }
    writerThread.join();
    QVERIFY2(writerStatus.ok(), writerStatus.message().c_str());
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
    QVERIFY(rounds >= kMinRounds);
    QVERIFY(withLoadBalancers >= kMinSnapshots); // the snapshots did see the writer's objects
}

QTEST_GUILESS_MAIN(TestRpcSnapshot)
#include "tst_rpcsnapshot.moc"
