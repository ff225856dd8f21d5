// RpcClient against a real hcnd: every call behaves as the same call on an in-process EmbeddedApi
// (same documents, same HRESULTs and error records), notifications arrive in order on a thread that may
// call back, many threads share one connection, the client knows the IDs of the handles it made, and a
// lost service fails calls and tells subscribers (or, without subscribers, is noticed all the same).

#include "api_conformance.h"
#include "hcn/embedded_api.h"
#include "hcn/rpc_client.h"
#include "hcnd_process.h"

#include <QRegularExpression>
#include <QtTest>
#include <atomic>
#include <csignal>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

using hcn::ResourceKind;
using hcntest::endpointWithMapping;
using hcntest::HcndProcess;
using hcntest::kNat;
using hcntest::maskGuids;
using hcntest::Received;
using hcntest::Scenario;
using hcntest::statusOf;

namespace {

std::string natNamed(const std::string& name)
{
    return R"({"SchemaVersion":{"Major":2,"Minor":0},"Type":"NAT","Name":")" + name + "\"}";
}

hcn::Guid idOr(const hcn::Result<hcn::Guid>& id)
{
    return id.ok() ? *id : hcn::Guid{};
}

/// The "ID" member of a properties document.
std::optional<hcn::Guid> idInDocument(const std::string& document)
{
    const auto at = document.find("\"ID\":\"");
    return at == std::string::npos ? std::nullopt : hcn::Guid::parse(document.substr(at + 6, 36));
}

std::unique_ptr<hcn::RpcClient> connectTo(const HcndProcess& hcnd,
                                          std::chrono::milliseconds callTimeout = std::chrono::seconds(30))
{
    hcn::RpcClientOptions options;
    options.endpoint = "unix:" + hcnd.socket();
    options.callTimeout = callTimeout;
    options.clientName = "tst_rpcclient/1";
    auto client = hcn::RpcClient::connect(options);
    if (!client.ok())
        qWarning("connect failed: %s", client.status().message().c_str());
    return client.ok() ? std::move(*client) : nullptr;
}

} // namespace

class TestRpcClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void errorsMatchEmbedded_data();
    void errorsMatchEmbedded();
    void documentsMatchEmbedded();
    void subscribersSeeTheSameOrderedEvents();
    void callbackMayCallTheService();
    void noEventAfterUnsubscribe();
    void portReservationsRoundTrip();
    void snapshotInOneCallMatchesTheDefault();
    void lostServiceFailsCallsAndNotifiesThenReconnects();
    void idleClientNoticesTheServiceGoing_data();
    void idleClientNoticesTheServiceGoing();
    void ownHandlesKnowTheirIdWithoutAskingTheService();
    void closingAHeldHandleDoesNotWait();
    void threadsShareOneConnection_data();
    void threadsShareOneConnection();
    void connectWithoutServiceNamesTheEndpoint();

private:
    HcndProcess m_hcnd;
    std::unique_ptr<hcn::RpcClient> m_client;
};

void TestRpcClient::initTestCase()
{
    QVERIFY(m_hcnd.start());
    m_client = connectTo(m_hcnd);
    QVERIFY(m_client);
}

void TestRpcClient::errorsMatchEmbedded_data()
{
    hcntest::addBadCallRows();
}

void TestRpcClient::errorsMatchEmbedded()
{
    QFETCH(Scenario, scenario);
    // A fresh service per row, so both sides start from the same empty state.
    HcndProcess hcnd;
    QVERIFY(hcnd.start());
    auto client = connectTo(hcnd);
    QVERIFY(client);
    hcntest::verifyFailsAsEmbedded(scenario, *client);
}

void TestRpcClient::documentsMatchEmbedded()
{
    HcndProcess hcnd;
    QVERIFY(hcnd.start());
    auto client = connectTo(hcnd);
    QVERIFY(client);
    hcn::EmbeddedApi embedded;
    const auto networkId = *hcn::Guid::parse("6F2A1C00-0000-4000-8000-000000000001");
    const auto endpointId = *hcn::Guid::parse("6F2A1C00-0000-4000-8000-000000000002");

    std::vector<QString> results[2];
    hcn::Api* apis[2] = {&embedded, client.get()};
    for (int side = 0; side < 2; ++side) {
        hcn::Api& api = *apis[side];
        auto& out = results[side];
        auto net = api.create(ResourceKind::Network, networkId, kNat, 0);
        QVERIFY(net.ok());
        auto ep = api.create(
            ResourceKind::Endpoint, endpointId,
            R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"web","IpConfigurations":[{"IpAddress":"172.20.0.9"}]})",
            *net);
        QVERIFY(ep.ok());
        out.push_back(maskGuids(*api.query(ResourceKind::Network, *net, "")));
        out.push_back(
            maskGuids(*api.query(ResourceKind::Endpoint, *ep, R"({"SchemaVersion":{"Major":1,"Minor":0}})")));
        out.push_back(QString::fromStdString(*api.enumerate(ResourceKind::Endpoint, "")));
        QVERIFY(
            api.modify(
                   ResourceKind::Endpoint, *ep,
                   R"({"ResourceType":"Policy","RequestType":"Add","Settings":{"Policies":[{"Type":"PortMapping","Settings":{"Protocol":"TCP","InternalPort":80,"ExternalPort":8081}}]}})")
                .ok());
        out.push_back(maskGuids(*api.query(ResourceKind::Endpoint, *ep, "")));
        out.push_back(maskGuids(*api.queryEndpointStats(*ep, "")));
        QCOMPARE(*api.handleId(ResourceKind::Endpoint, *ep), endpointId);
        QVERIFY(api.close(ResourceKind::Endpoint, *ep).ok());
        QVERIFY(api.remove(ResourceKind::Endpoint, endpointId).ok());
        out.push_back(QString::fromStdString(*api.enumerate(ResourceKind::Endpoint, "")));
        QVERIFY(api.remove(ResourceKind::Network, networkId).ok());
        out.push_back(QString::number(api.query(ResourceKind::Network, *net, "").code()));
    }
    QCOMPARE(results[1].size(), results[0].size());
    for (std::size_t i = 0; i < results[0].size(); ++i)
        QCOMPARE(results[1][i], results[0][i]);
    // Endpoint document came back with the address we asked for (the comparison is not vacuous).
    QVERIFY(results[1][1].contains("172.20.0.9"));
}

void TestRpcClient::subscribersSeeTheSameOrderedEvents()
{
    auto other = connectTo(m_hcnd);
    QVERIFY(other);
    Received first, second;
    auto a = m_client->subscribe(first.callback(), {});
    auto b = other->subscribe(second.callback(), {});
    QVERIFY(a.ok() && b.ok());
    for (const char* name : {"ev1", "ev2", "ev3"}) {
        const std::string doc =
            std::string(R"({"SchemaVersion":{"Major":2,"Minor":0},"Type":"NAT","Name":")") + name + "\"}";
        auto net = m_client->create(ResourceKind::Network, {}, doc, 0);
        QVERIFY(net.ok());
        QVERIFY(
            m_client->remove(ResourceKind::Network, *m_client->handleId(ResourceKind::Network, *net)).ok());
    }
    // Each network: PreCreate, Create, PreDelete, Delete.
    QTRY_COMPARE_WITH_TIMEOUT(first.size(), std::size_t(12), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(second.size(), std::size_t(12), 10000);
    const auto x = first.copy(), y = second.copy();
    for (std::size_t i = 0; i < x.size(); ++i) {
        QCOMPARE(y[i].sequence, x[i].sequence);
        QCOMPARE(y[i].type, x[i].type);
        QCOMPARE(QString::fromStdString(y[i].data), QString::fromStdString(x[i].data));
        if (i > 0)
            QCOMPARE(x[i].sequence, x[i - 1].sequence + 1);
    }
    QCOMPARE(x[1].type, hcn::NotificationType::NetworkCreate);
    QVERIFY(QString::fromStdString(x[1].data).contains("\"ev1\""));
    m_client->unsubscribe(*a);
    other->unsubscribe(*b);
}

void TestRpcClient::callbackMayCallTheService()
{
    std::mutex mutex;
    QString seen;
    hcn::RpcClient* client = m_client.get();
    auto id = client->subscribe(
        [&](const hcn::Notification& n) {
            if (n.type != hcn::NotificationType::NetworkCreate)
                return;
            auto ids = client->enumerate(ResourceKind::Network, "");
            std::lock_guard lock(mutex);
            seen = ids.ok() ? QString::fromStdString(*ids) : QString("failed");
        },
        {});
    QVERIFY(id.ok());
    auto net = client->create(ResourceKind::Network, {},
                              R"({"SchemaVersion":{"Major":2,"Minor":0},"Type":"NAT","Name":"callback"})", 0);
    QVERIFY(net.ok());
    const QString created = QString::fromStdString(client->handleId(ResourceKind::Network, *net)->toString());
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                 std::lock_guard lock(mutex);
                                 return seen.contains(created);
                             }()),
                             10000);
    client->unsubscribe(*id);
    QVERIFY(client->remove(ResourceKind::Network, *hcn::Guid::parse(created.toStdString())).ok());
}

void TestRpcClient::noEventAfterUnsubscribe()
{
    auto witnessClient = connectTo(m_hcnd);
    QVERIFY(witnessClient);
    Received gone, witness;
    auto a = m_client->subscribe(gone.callback(), {});
    auto w = witnessClient->subscribe(witness.callback(), {});
    QVERIFY(a.ok() && w.ok());
    m_client->unsubscribe(*a);
    const std::size_t before = gone.size();
    auto net = m_client->create(ResourceKind::Network, {},
                                R"({"SchemaVersion":{"Major":2,"Minor":0},"Type":"NAT","Name":"after"})", 0);
    QVERIFY(net.ok());
    // The witness, subscribed the whole time, proves the events went out.
    QTRY_VERIFY_WITH_TIMEOUT(witness.has(hcn::NotificationType::NetworkCreate), 10000);
    QCOMPARE(gone.size(), before);
    QVERIFY(m_client->remove(ResourceKind::Network, *m_client->handleId(ResourceKind::Network, *net)).ok());
    witnessClient->unsubscribe(*w);
}

void TestRpcClient::portReservationsRoundTrip()
{
    auto gns = m_client->create(ResourceKind::GuestNetworkService, {},
                                R"({"SchemaVersion":{"Major":2,"Minor":0},"MirrorHostNetworking":true})", 0);
    QVERIFY2(gns.ok(), gns.ok() ? "" : gns.status().message().c_str());
    auto single = m_client->reservePort(*gns, hcn::PortProtocol::Tcp, hcn::PortAccess::Exclusive, 5000);
    QVERIFY(single.ok());
    auto conflict = m_client->reservePort(*gns, hcn::PortProtocol::Tcp, hcn::PortAccess::Exclusive, 5000);
    QCOMPARE(conflict.code(), hcn::hr::AddressInUse);
    auto range = m_client->reservePortRange(*gns, 10);
    QVERIFY(range.ok());
    QCOMPARE(range->endingPort - range->startingPort, 9);
    auto all = m_client->portReservations();
    QVERIFY(all.ok());
    QCOMPARE(all->size(), std::size_t(2));
    QVERIFY(m_client->releasePortReservation(*single).ok());
    QVERIFY(m_client->releasePortReservation(range->id).ok());
    QCOMPARE(m_client->releasePortReservation(range->id).code(), hcn::hr::Handle);
    QVERIFY(m_client->close(ResourceKind::GuestNetworkService, *gns).ok());
}

void TestRpcClient::snapshotInOneCallMatchesTheDefault()
{
    auto net = m_client->create(ResourceKind::Network, {},
                                R"({"SchemaVersion":{"Major":2,"Minor":0},"Type":"NAT","Name":"snap"})", 0);
    QVERIFY(net.ok());
    auto oneCall = m_client->snapshot("");
    auto piecewise = m_client->hcn::Api::snapshot(""); // enumerate/open/query over the wire
    QVERIFY(oneCall.ok() && piecewise.ok());
    QCOMPARE(QString::fromStdString(*oneCall), QString::fromStdString(*piecewise));
    QVERIFY(QString::fromStdString(*oneCall).contains("\"snap\""));
    QVERIFY(m_client->remove(ResourceKind::Network, *m_client->handleId(ResourceKind::Network, *net)).ok());
}

void TestRpcClient::lostServiceFailsCallsAndNotifiesThenReconnects()
{
    HcndProcess hcnd;
    QVERIFY(hcnd.start());
    auto client = connectTo(hcnd);
    QVERIFY(client);
    Received events;
    QVERIFY(client->subscribe(events.callback(), {}).ok());
    QVERIFY(client->info().ok());

    QVERIFY(hcnd.kill()); // SIGKILL: no goodbye from the service
    QTRY_VERIFY_WITH_TIMEOUT(events.has(hcn::NotificationType::ServiceDisconnect), 10000);
    QCOMPARE(events.size(), std::size_t(1));
    QVERIFY(!client->connected());
    QCOMPARE(client->enumerate(ResourceKind::Network, "").code(), hcn::hr::ManagerStopped);
    QCOMPARE(client->info().code(), hcn::hr::ManagerStopped);

    // The killed service left its socket file behind: a new one replaces it, the client reconnects.
    QVERIFY(hcnd.start());
    QVERIFY(client->reconnect().ok());
    QVERIFY(client->connected());
    auto ids = client->enumerate(ResourceKind::Network, "");
    QVERIFY(ids.ok());
    QCOMPARE(QString::fromStdString(*ids), QString("[]"));
}

void TestRpcClient::idleClientNoticesTheServiceGoing_data()
{
    QTest::addColumn<bool>("kill");
    QTest::newRow("killed") << true;
    QTest::newRow("stopped with SIGTERM") << false;
}

// Without subscriptions no thread reads between calls; the end of the connection is noticed anyway, and
// a stopping service is not kept waiting for the client to close its side.
void TestRpcClient::idleClientNoticesTheServiceGoing()
{
    QFETCH(bool, kill);
    HcndProcess hcnd;
    QVERIFY(hcnd.start());
    auto client = connectTo(hcnd);
    QVERIFY(client);
    QVERIFY(client->enumerate(ResourceKind::Network, "").ok());
    if (kill) {
        QVERIFY(hcnd.kill());
    } else {
        QCOMPARE(hcnd.terminate(), 0);
    }
    QTRY_VERIFY_WITH_TIMEOUT(!client->connected(), 10000);
    QCOMPARE(client->enumerate(ResourceKind::Network, "").code(), hcn::hr::ManagerStopped);
}

void TestRpcClient::ownHandlesKnowTheirIdWithoutAskingTheService()
{
    constexpr hcn::HResult kTimeout = hcn::makeHResult(0x800705B4);
    HcndProcess hcnd;
    QVERIFY(hcnd.start());
    // Short enough to wait out once below, long enough for a slow (sanitized) service to answer the rest.
    auto client = connectTo(hcnd, std::chrono::seconds(3));
    QVERIFY(client);
    const auto given = *hcn::Guid::parse("6F2A1C00-0000-4000-8000-0000000000e1");
    auto chosen = client->create(ResourceKind::Network, {}, natNamed("chosen-by-the-service"), 0);
    auto named = client->create(ResourceKind::Network, given, natNamed("chosen-by-the-caller"), 0);
    QVERIFY(chosen.ok() && named.ok());
    auto opened = client->open(ResourceKind::Network, given);
    QVERIFY(opened.ok());
    const auto chosenId = idInDocument(*client->query(ResourceKind::Network, *chosen, ""));
    QVERIFY(chosenId);

    // The service is frozen: whatever needs it times out, what the client knows does not.
    QVERIFY(hcnd.freeze());
    QCOMPARE(idOr(client->handleId(ResourceKind::Network, *chosen)), *chosenId);
    QCOMPARE(idOr(client->handleId(ResourceKind::Network, *named)), given);
    QCOMPARE(idOr(client->handleId(ResourceKind::Network, *opened)), given);
    QCOMPARE(client->handleId(ResourceKind::Endpoint, *chosen).code(), kTimeout); // the service's to judge
    QVERIFY(hcnd.thaw());

    // The service's own answers where the client knows nothing (any more).
    QCOMPARE(client->handleId(ResourceKind::Endpoint, *chosen).code(), hcn::hr::Handle);
    QVERIFY(client->close(ResourceKind::Network, *opened).ok());
    QCOMPARE(client->handleId(ResourceKind::Network, *opened).code(), hcn::hr::Handle);
    QCOMPARE(idOr(client->handleId(ResourceKind::Network, *named)), given);
    QVERIFY(client->reconnect().ok()); // handles belong to the connection
    QCOMPARE(client->handleId(ResourceKind::Network, *named).code(), hcn::hr::Handle);
}

void TestRpcClient::closingAHeldHandleDoesNotWait()
{
    HcndProcess hcnd;
    QVERIFY(hcnd.start());
    auto client = connectTo(hcnd, std::chrono::seconds(3));
    QVERIFY(client);
    auto created = client->create(ResourceKind::Network, {}, natNamed("closed-without-waiting"), 0);
    QVERIFY(created.ok());
    auto id = client->handleId(ResourceKind::Network, *created);
    QVERIFY(id.ok());
    auto opened = client->open(ResourceKind::Network, *id);
    QVERIFY(opened.ok());
    auto openHandles = [&] {
        auto info = client->call("hcnd.info", "{}");
        return info.ok() ? nlohmann::json::parse(*info)["Counts"]["OpenHandles"].get<int>() : -1;
    };
    const int before = openHandles();
    QVERIFY(before >= 2);

    // The service is frozen: closing a handle this client holds needs no answer from it.
    QVERIFY(hcnd.freeze());
    QVERIFY(client->close(ResourceKind::Network, *opened).ok());
    QVERIFY(hcnd.thaw());
    // The close was sent: the next request sees the handle closed, a second close is the service's.
    QCOMPARE(openHandles(), before - 1);
    QCOMPARE(client->close(ResourceKind::Network, *opened).code(), hcn::hr::Handle);
    // A handle of another kind, and one never given, get the service's own answer.
    QCOMPARE(client->close(ResourceKind::Endpoint, *created).code(), hcn::hr::Handle);
    QCOMPARE(client->close(ResourceKind::Network, *created + 1000).code(), hcn::hr::Handle);
    QVERIFY(client->close(ResourceKind::Network, *created).ok());
    QCOMPARE(openHandles(), before - 2);
}

void TestRpcClient::threadsShareOneConnection_data()
{
    QTest::addColumn<int>("subscriptions");
    QTest::newRow("no subscription: callers read for each other") << 0;
    QTest::newRow("subscribed: events and responses interleave") << 1;
    QTest::newRow("subscribing and unsubscribing meanwhile") << 2;
}

// Eight threads call through one client at once (the connection carries their requests pipelined);
// each gets its own answers, while events arrive or subscriptions come and go.
void TestRpcClient::threadsShareOneConnection()
{
    QFETCH(int, subscriptions);
    HcndProcess hcnd;
    QVERIFY(hcnd.start());
    auto client = connectTo(hcnd);
    QVERIFY(client);
    Received events;
    std::optional<hcn::SubscriptionId> subscription;
    if (subscriptions == 1) {
        auto s = client->subscribe(events.callback(), {});
        QVERIFY(s.ok());
        subscription = *s;
    }
    constexpr int kThreads = 8;
    constexpr int kRounds = 150;
    std::atomic<int> wrong{0};
    std::mutex firstWrongMutex;
    std::string firstWrong;
    auto fail = [&](const std::string& what) {
        ++wrong;
        std::lock_guard lock(firstWrongMutex);
        if (firstWrong.empty())
            firstWrong = what;
    };
    std::atomic<bool> done{false};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            const std::string name = "shared-" + std::to_string(t);
            auto net = client->create(ResourceKind::Network, {}, natNamed(name), 0);
            if (!net.ok())
                return fail("create: " + net.status().message());
            const auto id = client->handleId(ResourceKind::Network, *net);
            if (!id.ok())
                return fail("handleId: " + id.status().message());
            for (int i = 0; i < kRounds; ++i) {
                auto document = client->query(ResourceKind::Network, *net, "");
                if (!document.ok())
                    fail("query: " + document.status().message());
                else if (document->find("\"" + name + "\"") == std::string::npos)
                    fail("query of " + name + " answered " + document->substr(0, 200));
                auto again = client->open(ResourceKind::Network, *id);
                if (!again.ok())
                    fail("open: " + again.status().message());
                else if (auto closed = client->close(ResourceKind::Network, *again); !closed.ok())
                    fail("close: " + closed.message());
            }
            if (auto removed = client->remove(ResourceKind::Network, *id); !removed.ok())
                fail("delete: " + removed.message());
        });
    }
    std::thread churn;
    if (subscriptions == 2) {
        churn = std::thread([&] {
            while (!done) {
                auto s = client->subscribe([](const hcn::Notification&) {}, {});
                if (!s.ok())
                    fail("subscribe: " + s.status().message());
                else
                    client->unsubscribe(*s);
            }
        });
    }
    for (auto& thread : threads)
        thread.join();
    done = true;
    if (churn.joinable())
        churn.join();
    QVERIFY2(wrong.load() == 0,
             (std::to_string(wrong.load()) + " wrong answers; the first: " + firstWrong).c_str());
    if (subscription) {
        // Every network was created and deleted while subscribed: PreCreate, Create, PreDelete, Delete.
        QTRY_COMPARE_WITH_TIMEOUT(events.size(), std::size_t(4 * kThreads), 10000);
        client->unsubscribe(*subscription);
    }
    QCOMPARE(QString::fromStdString(*client->enumerate(ResourceKind::Network, "")), QString("[]"));
}

void TestRpcClient::connectWithoutServiceNamesTheEndpoint()
{
    hcn::RpcClientOptions options;
    options.endpoint = m_hcnd.dir().toStdString() + "/nobody-here.sock";
    auto client = hcn::RpcClient::connect(options);
    QVERIFY(!client.ok());
    QCOMPARE(client.code(), hcn::hr::ManagerStopped);
    QVERIFY(QString::fromStdString(client.status().message()).contains("nobody-here.sock"));
}

QTEST_GUILESS_MAIN(TestRpcClient)
#include "tst_rpcclient.moc"
