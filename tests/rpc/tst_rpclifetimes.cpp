// An RpcClient deleted from inside its own notification callback, against a real hcnd: the delivery
// thread must not touch the freed client, and the service and other clients carry on (run under
// AddressSanitizer, where a use after free is a report).

#include "hcn/rpc_client.h"
#include "hcnd_process.h"

#include <QtTest>
#include <atomic>

using hcntest::HcndProcess;

namespace {

std::unique_ptr<hcn::RpcClient> connectTo(const HcndProcess& hcnd)
{
    hcn::RpcClientOptions options;
    options.endpoint = "unix:" + hcnd.socket();
    auto client = hcn::RpcClient::connect(options);
    return client.ok() ? std::move(*client) : nullptr;
}

const char* natNetwork(int n)
{
    static const std::string documents[] = {
        R"({"SchemaVersion":{"Major":2,"Minor":0},"Type":"NAT","Name":"lifetime-0"})",
        R"({"SchemaVersion":{"Major":2,"Minor":0},"Type":"NAT","Name":"lifetime-1"})",
        R"({"SchemaVersion":{"Major":2,"Minor":0},"Type":"NAT","Name":"lifetime-2"})"};
    return documents[n % 3].c_str();
}

} // namespace

class TestRpcLifetimes : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_hcnd.start()); }
    void clientDeletedFromItsOwnCallback_data();
    void clientDeletedFromItsOwnCallback();

private:
    HcndProcess m_hcnd;
};

void TestRpcLifetimes::clientDeletedFromItsOwnCallback_data()
{
    QTest::addColumn<int>("queuedBehind");
    QTest::newRow("alone") << 0;
    QTest::newRow("with notifications queued behind") << 2;
}

void TestRpcLifetimes::clientDeletedFromItsOwnCallback()
{
    QFETCH(int, queuedBehind);
    auto other = connectTo(m_hcnd);
    QVERIFY(other);
    hcn::RpcClient* doomed = connectTo(m_hcnd).release();
    QVERIFY(doomed);
    std::atomic<bool> release{queuedBehind == 0};
    std::atomic<bool> deleted{false};
    auto subscribed = doomed->subscribe(
        [&, doomed](const hcn::Notification& n) {
            if (n.type != hcn::NotificationType::NetworkCreate || deleted.load())
                return;
            while (!release.load())
                std::this_thread::yield(); // more notifications reach the client meanwhile
            delete doomed;                 // the subscriber tears its own client down
            deleted = true;
        },
        {});
    QVERIFY(subscribed.ok());
    std::vector<hcn::Guid> created;
    for (int i = 0; i <= queuedBehind; ++i) {
        auto network = other->create(hcn::ResourceKind::Network, hcn::Guid::generate(), natNetwork(i), 0);
        QVERIFY2(network.ok(), network.ok() ? "" : network.status().message().c_str());
        created.push_back(*other->handleId(hcn::ResourceKind::Network, *network));
    }
    release = true;
    QTRY_VERIFY_WITH_TIMEOUT(deleted.load(), 20000);
    // The service and the other client are unaffected; what the deleted client had is released.
    for (const hcn::Guid& id : created)
        QVERIFY(other->remove(hcn::ResourceKind::Network, id).ok());
    auto info = other->info();
    QVERIFY(info.ok());
    QVERIFY(m_hcnd.running());
}

QTEST_GUILESS_MAIN(TestRpcLifetimes)
#include "tst_rpclifetimes.moc"
