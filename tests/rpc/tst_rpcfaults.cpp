// Faults around a real hcnd: clients that go away in the middle of a call leave nothing behind, and a
// service killed in the middle of a stream of changes is survived: callers get HCN_E_MANAGER_STOPPED,
// subscribers a ServiceDisconnect, and after a restart both reconnect, a subscriber's copy resyncs to the
// new (empty: HCN keeps no state across restarts) service and follows it again, with no descriptor leaked
// over repeated kills.

#include "hcn/host_state.h"
#include "hcn/rpc_client.h"
#include "hcnd_process.h"

#include <QtTest>
#include <atomic>
#include <dirent.h>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

using hcn::ResourceKind;
using hcntest::HcndProcess;
using hcntest::openHandles;
using hcntest::parsed;
using hcntest::RawConnection;
using nlohmann::json;

namespace {

std::string request(int id, const std::string& method, const json& params)
{
    return json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}}.dump();
}

json v2(json document)
{
    document["SchemaVersion"] = {{"Major", 2}, {"Minor", 0}};
    return document;
}

std::string natNetwork(const std::string& name)
{
    return v2({{"Name", name},
               {"Type", "NAT"},
               {"Ipams", json::array({{{"Type", "Static"},
                                       {"Subnets", json::array({{{"IpAddressPrefix", "10.200.0.0/16"}}})}}})}})
        .dump();
}

/// Descriptors this process holds right now.
int openDescriptors()
{
    DIR* dir = opendir("/proc/self/fd");
    if (!dir)
        return -1;
    int n = 0;
    while (const dirent* entry = readdir(dir))
        n += entry->d_name[0] != '.';
    closedir(dir);
    return n - 1; // the directory stream itself
}

std::unique_ptr<hcn::RpcClient> connectTo(const HcndProcess& hcnd, const char* name)
{
    hcn::RpcClientOptions options;
    options.endpoint = "unix:" + hcnd.socket();
    options.clientName = name;
    auto client = hcn::RpcClient::connect(options);
    if (!client.ok())
        qWarning("connect failed: %s", client.status().message().c_str());
    return client.ok() ? std::move(*client) : nullptr;
}

/// A subscriber's copy of the host, fed by its notification callback.
struct Copy
{
    std::mutex mutex;
    hcn::HostState host;
    std::uint64_t lastSequence = 0;
    int gaps = 0;
    bool disconnected = false;

    std::function<void(const hcn::Notification&)> callback()
    {
        return [this](const hcn::Notification& n) {
            std::lock_guard lock(mutex);
            if (n.type == hcn::NotificationType::ServiceDisconnect) {
                disconnected = true;
                return;
            }
            if (lastSequence != 0 && n.sequence != lastSequence + 1)
                ++gaps;
            lastSequence = n.sequence;
            (void)host.apply(n);
        };
    }
    bool isDisconnected()
    {
        std::lock_guard lock(mutex);
        return disconnected;
    }
    std::size_t endpoints()
    {
        std::lock_guard lock(mutex);
        return host.count(ResourceKind::Endpoint);
    }
    /// Subscribes anew and replaces the copy with the service's snapshot (subscribe first, then snapshot:
    /// events after the cut apply on top).
    bool resync(hcn::RpcClient& client)
    {
        {
            std::lock_guard lock(mutex);
            disconnected = false;
            lastSequence = 0;
        }
        if (!client.subscribe(callback(), {}).ok())
            return false;
        auto snapshot = client.snapshot("");
        if (!snapshot.ok())
            return false;
        auto objects = hcn::parseHostSnapshot(*snapshot);
        if (!objects.ok())
            return false;
        std::lock_guard lock(mutex);
        (void)host.assign(std::move(*objects));
        return true;
    }
};

} // namespace

class TestRpcFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void clientGoneMidCallLeavesNothingBehind_data();
    void clientGoneMidCallLeavesNothingBehind();
    void killedMidStreamClientsReconnectAndResync();

private:
    HcndProcess m_hcnd;
};

void TestRpcFaults::initTestCase()
{
    QVERIFY(m_hcnd.start());
}

void TestRpcFaults::clientGoneMidCallLeavesNothingBehind_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const std::string network = request(1, "HcnCreateNetwork", {{"Settings", json::parse(natNetwork("gone-1"))}});
    QTest::newRow("create, gone before the answer") << QByteArray::fromStdString(hcn::rpc::encodeFrame(network));
    std::string burst;
    for (int i = 0; i < 20; ++i)
        burst += hcn::rpc::encodeFrame(
            request(10 + i, "HcnCreateNetwork", {{"Settings", json::parse(natNetwork("gone-burst-" + std::to_string(i)))}}));
    QTest::newRow("twenty creates, gone before the answers") << QByteArray::fromStdString(burst);
    QTest::newRow("subscribe, gone before the answer")
        << QByteArray::fromStdString(hcn::rpc::encodeFrame(request(2, "hcnd.subscribe", json::object())));
    const std::string half = hcn::rpc::encodeFrame(network);
    QTest::newRow("half a frame, then gone") << QByteArray::fromStdString(half.substr(0, half.size() / 2));
    QTest::newRow("a frame header only") << QByteArray::fromStdString(half.substr(0, 4));
}

void TestRpcFaults::clientGoneMidCallLeavesNothingBehind()
{
    QFETCH(QByteArray, bytes);
    RawConnection observer;
    QVERIFY(observer.connect(m_hcnd.socket()));
    const std::uint64_t baseline = openHandles(observer, 1);
    const auto info = [&observer] { return parsed(observer.call(2, "hcnd.info"))["result"]; };
    const auto accepted = [&info] { return info().value("ConnectionsAccepted", std::uint64_t(0)); };
    const std::uint64_t acceptedBefore = accepted();
    for (int round = 0; round < 5; ++round) {
        RawConnection gone;
        QVERIFY(gone.connect(m_hcnd.socket()));
        QVERIFY(gone.sendBytes(std::string_view(bytes.constData(), std::size_t(bytes.size()))));
        gone.close(); // without reading a byte
    }
    // Settled once the service has accepted every vanished connection (a connect completes in the listen
    // backlog, before hcnd accepts it) and let go of it again (only the observer is left): a connection's
    // requests are handled before its end is, so from then on nothing of theirs can change.
    QCOMPARE(hcntest::pollUntilEquals(accepted, acceptedBefore + 5, 30000), acceptedBefore + 5);
    const auto clients = [&info] { return info().value("Clients", -1); };
    QCOMPARE(hcntest::pollUntilEquals(clients, 1, 30000), 1);
    QCOMPARE(openHandles(observer, 2), baseline);
    const json ping = parsed(observer.call(3, "hcnd.ping"));
    QVERIFY2(ping.contains("result"), ping.dump().c_str());
    // Every network a vanished client created can still be deleted (nothing holds it).
    const json ids = parsed(observer.call(4, "HcnEnumerateNetworks"))["result"];
    QVERIFY(ids.is_array());
    for (const auto& id : ids) {
        const json removed = parsed(observer.call(5, "HcnDeleteNetwork", json{{"Id", id}}.dump()));
        QVERIFY2(!removed.contains("error"), removed.dump().c_str());
    }
}

void TestRpcFaults::killedMidStreamClientsReconnectAndResync()
{
    HcndProcess hcnd;
    QVERIFY(hcnd.start());
    auto writer = connectTo(hcnd, "tst_rpcfaults/writer");
    auto subscriber = connectTo(hcnd, "tst_rpcfaults/subscriber");
    QVERIFY(writer && subscriber);
    Copy copy;
    QVERIFY(copy.resync(*subscriber));
    const int descriptorsBefore = openDescriptors();

    for (int cycle = 0; cycle < 3; ++cycle) {
        auto network = writer->create(ResourceKind::Network, {}, natNetwork("stream"), 0);
        QVERIFY2(network.ok(), network.status().message().c_str());

        // A stream of changes; the service dies in the middle of it.
        std::atomic<bool> stop{false};
        std::atomic<int> created{0};
        hcn::HResult failure = hcn::hr::Ok;
        std::thread stream([&] {
            for (int i = 0; !stop; ++i) {
                auto endpoint = writer->create(ResourceKind::Endpoint, {},
                                               v2({{"Name", "ep-" + std::to_string(i)}}).dump(), *network);
                if (!endpoint.ok()) {
                    failure = endpoint.status().code();
                    return;
                }
                (void)writer->close(ResourceKind::Endpoint, *endpoint);
                ++created;
            }
        });
        QTRY_VERIFY_WITH_TIMEOUT(copy.endpoints() >= 20, 20000);
        QVERIFY(hcnd.kill());
        stream.join(); // ends at its first failed call
        QCOMPARE(failure, hcn::hr::ManagerStopped);
        QTRY_VERIFY_WITH_TIMEOUT(copy.isDisconnected(), 10000);
        {
            std::lock_guard lock(copy.mutex);
            QCOMPARE(copy.gaps, 0);
            // The last create may have happened (and been announced) with its answer lost in the kill.
            QVERIFY(copy.host.count(ResourceKind::Endpoint) <= std::size_t(created.load()) + 1);
        }
        QCOMPARE(writer->enumerate(ResourceKind::Network, "").code(), hcn::hr::ManagerStopped);

        // The killed service left its socket behind; the new one takes the path over.
        QVERIFY(hcnd.start());
        QVERIFY(writer->reconnect().ok());
        QVERIFY(subscriber->reconnect().ok());
        QVERIFY(copy.resync(*subscriber));
        {
            std::lock_guard lock(copy.mutex);
            QCOMPARE(copy.host.size(), std::size_t(0)); // HCN keeps nothing across a restart
        }

        // The copy follows the new service.
        auto again = writer->create(ResourceKind::Network, {}, natNetwork("after"), 0);
        QVERIFY(again.ok());
        for (int i = 0; i < 5; ++i) {
            auto endpoint =
                writer->create(ResourceKind::Endpoint, {}, v2({{"Name", "after-" + std::to_string(i)}}).dump(), *again);
            QVERIFY(endpoint.ok());
            QVERIFY(writer->close(ResourceKind::Endpoint, *endpoint).ok());
        }
        QTRY_COMPARE_WITH_TIMEOUT(copy.endpoints(), std::size_t(5), 10000);
        auto info = writer->info();
        QVERIFY(info.ok());
        QCOMPARE(info->counts.openHandles, std::size_t(1)); // the writer's network handle only
        QVERIFY(writer->close(ResourceKind::Network, *again).ok());
        {
            std::lock_guard lock(copy.mutex);
            QCOMPARE(copy.gaps, 0);
        }
        // Clean slate for the next cycle's stream.
        QVERIFY(hcnd.kill());
        QTRY_VERIFY_WITH_TIMEOUT(copy.isDisconnected(), 10000);
        QVERIFY(hcnd.start());
        QVERIFY(writer->reconnect().ok());
        QVERIFY(subscriber->reconnect().ok());
        QVERIFY(copy.resync(*subscriber));
    }
    // Three kills and six reconnects later this process holds no more descriptors than before.
    QCOMPARE(openDescriptors(), descriptorsBefore);
}

QTEST_GUILESS_MAIN(TestRpcFaults)
#include "tst_rpcfaults.moc"
