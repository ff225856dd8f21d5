// The console attached to a running hcnd: it sees other clients' changes live, and after the service
// restarts it reconnects by itself and resynchronizes, emitting only what changed.

#include "engine_harness.h"
#include "hcn/rpc_client.h"
#include "hcnd_process.h"
#include "models/host_mirror.h"

#include <QSignalSpy>
#include <QTest>

using hcn::ResourceKind;
using hcn::ui::ConnectionState;
using hcn::ui::HostMirror;
using hcn::ui::MirrorObject;

namespace {

std::shared_ptr<hcn::RpcClient> connectTo(const hcntest::HcndProcess& service)
{
    hcn::RpcClientOptions options;
    options.endpoint = service.socket();
    options.clientName = "tst_serviceconnection";
    auto client = hcn::RpcClient::connect(options);
    if (!client.ok())
        return {};
    return std::shared_ptr<hcn::RpcClient>(std::move(*client));
}

QString createNetwork(hcn::Api& api, const std::string& name, const std::string& prefix)
{
    auto handle =
        api.create(ResourceKind::Network, hcn::Guid(), hcntest::natNetwork(name, prefix + ".0/24", prefix + ".1").dump(), 0);
    if (!handle.ok())
        return {};
    auto id = api.handleId(ResourceKind::Network, *handle);
    (void)api.close(ResourceKind::Network, *handle);
    return QString::fromStdString(id->toString()).toUpper();
}

} // namespace

class TestServiceConnection : public QObject
{
    Q_OBJECT
private slots:
    void consoleSeesAnotherClientsChangesLive();
    void twoConsolesSeeEachOther();
    void reconnectsAfterServiceRestartAndResyncs();
};

void TestServiceConnection::consoleSeesAnotherClientsChangesLive()
{
    hcntest::HcndProcess service;
    QVERIFY(service.start());
    auto consoleApi = connectTo(service);
    auto otherClient = connectTo(service); // stands for hcnctl
    QVERIFY(consoleApi && otherClient);

    HostMirror mirror;
    HCN_VERIFY_OK(mirror.attach(consoleApi));
    QCOMPARE(mirror.state(), ConnectionState::Connected);
    QVERIFY(QString::fromStdString(mirror.info().endpoint).contains("hcnd.sock"));

    QSignalSpy added(&mirror, &HostMirror::objectsAdded);
    const QString id = createNetwork(*otherClient, "from-hcnctl", "10.50.0");
    QVERIFY(!id.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(mirror.object(id) != nullptr, 10000);
    QCOMPARE(mirror.object(id)->name, QString("from-hcnctl"));
    QCOMPARE(added.count(), 1);

    QVERIFY(otherClient->remove(ResourceKind::Network, *hcn::Guid::parse(id.toStdString())).ok());
    QTRY_VERIFY_WITH_TIMEOUT(mirror.object(id) == nullptr, 10000);
}

void TestServiceConnection::twoConsolesSeeEachOther()
{
    hcntest::HcndProcess service;
    QVERIFY(service.start());
    auto apiA = connectTo(service);
    auto apiB = connectTo(service);
    QVERIFY(apiA && apiB);
    HostMirror a;
    HostMirror b;
    HCN_VERIFY_OK(a.attach(apiA));
    HCN_VERIFY_OK(b.attach(apiB));

    const QString fromA = createNetwork(*a.api(), "made-in-a", "10.51.0");
    const QString fromB = createNetwork(*b.api(), "made-in-b", "10.52.0");
    QTRY_VERIFY_WITH_TIMEOUT(b.object(fromA) && a.object(fromB), 10000);
    QCOMPARE(a.count(ResourceKind::Network), 2);
    QCOMPARE(b.count(ResourceKind::Network), 2);
    QCOMPARE(a.object(fromB)->document, b.object(fromB)->document);
}

void TestServiceConnection::reconnectsAfterServiceRestartAndResyncs()
{
    hcntest::HcndProcess service;
    QVERIFY(service.start());
    auto consoleApi = connectTo(service);
    QVERIFY(consoleApi);
    HostMirror mirror;
    HCN_VERIFY_OK(mirror.attach(consoleApi));
    const QString before = createNetwork(*consoleApi, "before-restart", "10.53.0");
    QTRY_VERIFY_WITH_TIMEOUT(mirror.object(before) != nullptr, 10000);

    QSignalSpy states(&mirror, &HostMirror::connectionStateChanged);
    QSignalSpy removed(&mirror, &HostMirror::objectsRemoved);
    QSignalSpy added(&mirror, &HostMirror::objectsAdded);
    QSignalSpy resets(&mirror, &HostMirror::reset);

    QCOMPARE(service.terminate(), 0); // subscribers get ServiceDisconnect
    QTRY_COMPARE_WITH_TIMEOUT(mirror.state(), ConnectionState::Disconnected, 10000);
    QVERIFY(mirror.object(before) != nullptr); // the last known state stays visible

    // The service comes back empty (HCN keeps no state); someone creates a network before we return.
    QVERIFY(service.start());
    auto otherClient = connectTo(service);
    QVERIFY(otherClient);
    const QString after = createNetwork(*otherClient, "after-restart", "10.54.0");

    QTRY_COMPARE_WITH_TIMEOUT(mirror.state(), ConnectionState::Connected, 15000);
    QVERIFY(mirror.object(before) == nullptr);
    QVERIFY(mirror.object(after) != nullptr);
    QCOMPARE(resets.count(), 0); // differences, not a reset
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.front().front().value<QList<MirrorObject>>().front().id, before);
    QVERIFY(added.count() >= 1);
    QCOMPARE(states.count(), 2); // Disconnected, then Connected

    // And it follows the new service live.
    const QString later = createNetwork(*otherClient, "later", "10.55.0");
    QTRY_VERIFY_WITH_TIMEOUT(mirror.object(later) != nullptr, 10000);
}

QTEST_MAIN(TestServiceConnection)
#include "tst_serviceconnection.moc"
