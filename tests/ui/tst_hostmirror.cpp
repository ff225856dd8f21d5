// HostMirror: the console's copy of a host follows the engine through notifications, in batches,
// emitting only the net effect of each batch.

#include "engine_harness.h"
#include "hcn/embedded_api.h"
#include "hcn/open_object.h"
#include "models/api_worker.h"
#include "models/host_mirror.h"

#include <QSignalSpy>
#include <QTest>

using hcn::ResourceKind;
using hcn::ui::HostMirror;
using hcn::ui::MirrorObject;
using hcntest::json;

namespace {

struct Host
{
    std::shared_ptr<hcn::EmbeddedApi> api = std::make_shared<hcn::EmbeddedApi>();

    QString createNetwork(const std::string& name, const std::string& prefix = "172.20.0.0/24",
                          const std::string& gateway = "172.20.0.1")
    {
        auto handle = api->create(ResourceKind::Network, hcn::Guid(),
                                  hcntest::natNetwork(name, prefix, gateway).dump(), 0);
        return handle.ok() ? idOf(ResourceKind::Network, *handle) : QString();
    }
    QString createEndpoint(const QString& networkId, const std::string& name)
    {
        auto network = api->open(ResourceKind::Network, *hcn::Guid::parse(networkId.toStdString()));
        if (!network.ok())
            return {};
        json doc = hcntest::v2(json{{"Name", name}, {"HostComputeNetwork", networkId.toStdString()}});
        auto handle = api->create(ResourceKind::Endpoint, hcn::Guid(), doc.dump(), *network);
        (void)api->close(ResourceKind::Network, *network);
        return handle.ok() ? idOf(ResourceKind::Endpoint, *handle) : QString();
    }
    QString createNamespace()
    {
        auto handle =
            api->create(ResourceKind::Namespace, hcn::Guid(), hcntest::v2(json::object()).dump(), 0);
        return handle.ok() ? idOf(ResourceKind::Namespace, *handle) : QString();
    }
    bool attach(const QString& namespaceId, const QString& endpointId)
    {
        auto ns = api->open(ResourceKind::Namespace, *hcn::Guid::parse(namespaceId.toStdString()));
        if (!ns.ok())
            return false;
        const std::string request = json{{"ResourceType", "Endpoint"},
                                         {"RequestType", "Add"},
                                         {"Settings", {{"EndpointId", endpointId.toStdString()}}}}
                                        .dump();
        const bool ok = api->modify(ResourceKind::Namespace, *ns, request).ok();
        (void)api->close(ResourceKind::Namespace, *ns);
        return ok;
    }
    bool remove(ResourceKind kind, const QString& id)
    {
        return api->remove(kind, *hcn::Guid::parse(id.toStdString())).ok();
    }
    QString idOf(ResourceKind kind, hcn::Handle handle)
    {
        auto id = api->handleId(kind, handle);
        (void)api->close(kind, handle);
        return QString::fromStdString(id->toString()).toUpper();
    }
    /// Everything the engine posted is delivered and applied.
    void settle(HostMirror& mirror)
    {
        api->engine().drainNotifications();
        mirror.flushPending();
    }
};

QJsonObject engineDocument(Host& host, ResourceKind kind, const QString& id)
{
    auto text = hcn::withOpenObject(*host.api, kind, *hcn::Guid::parse(id.toStdString()),
                                    [&](hcn::Handle handle) { return host.api->query(kind, handle, ""); });
    return text.ok() ? QJsonDocument::fromJson(QByteArray::fromStdString(*text)).object() : QJsonObject();
}

} // namespace

class TestHostMirror : public QObject
{
    Q_OBJECT
private slots:
    void attachLoadsEveryObjectWithOneReset();
    void aBurstOfCreatesArrivesAsOneAdd();
    void networkDeleteRemovesChildrenFirst();
    void attachChangesEndpointAndNamespace();
    void createThenDeleteInOneBatchIsInvisible();
    void mirrorEqualsEngineAfterManyChanges();
    void guestNetworkServiceStateChangesReachTheMirror();
    void failedAttachKeepsThePreviousHost();
    void resyncEmitsOnlyDifferences();
    void detachForgetsEverything();
};

void TestHostMirror::attachLoadsEveryObjectWithOneReset()
{
    Host host;
    const QString net = host.createNetwork("nat");
    host.createEndpoint(net, "a");
    host.createEndpoint(net, "b");
    host.createNamespace();

    HostMirror mirror;
    QSignalSpy resets(&mirror, &HostMirror::reset);
    QSignalSpy added(&mirror, &HostMirror::objectsAdded);
    HCN_VERIFY_OK(mirror.attach(host.api));
    QCOMPARE(resets.count(), 1);
    QCOMPARE(added.count(), 0);
    QCOMPARE(mirror.count(ResourceKind::Network), 1);
    QCOMPARE(mirror.count(ResourceKind::Endpoint), 2);
    QCOMPARE(mirror.count(ResourceKind::Namespace), 1);
    QCOMPARE(mirror.endpointIdsOfNetwork(net).size(), 2);
    QCOMPARE(mirror.object(net)->name, QString("nat"));
    QCOMPARE(mirror.state(), hcn::ui::ConnectionState::Connected);
    QCOMPARE(mirror.info().endpoint, std::string("embedded engine"));
    const auto endpoints = mirror.objects(ResourceKind::Endpoint);
    QCOMPARE(endpoints.front()->name, QString("a")); // ordered by name
}

void TestHostMirror::aBurstOfCreatesArrivesAsOneAdd()
{
    Host host;
    const QString net = host.createNetwork("nat");
    HostMirror mirror;
    HCN_VERIFY_OK(mirror.attach(host.api));
    QSignalSpy added(&mirror, &HostMirror::objectsAdded);
    QSignalSpy raw(&mirror, &HostMirror::notificationsArrived);
    for (int i = 0; i < 4; ++i)
        QVERIFY(!host.createEndpoint(net, "ep" + std::to_string(i)).isEmpty());
    host.settle(mirror);
    QCOMPARE(added.count(), 1);
    QCOMPARE(added.front().front().toStringList().size(), 4);
    QCOMPARE(raw.count(), 1);
    QCOMPARE(mirror.count(ResourceKind::Endpoint), 4);
    mirror.flushPending(); // nothing left: no further signal
    QCOMPARE(added.count(), 1);
}

void TestHostMirror::networkDeleteRemovesChildrenFirst()
{
    Host host;
    const QString net = host.createNetwork("nat");
    const QString ep = host.createEndpoint(net, "a");
    HostMirror mirror;
    HCN_VERIFY_OK(mirror.attach(host.api));
    QSignalSpy removed(&mirror, &HostMirror::objectsRemoved);
    QVERIFY(host.remove(ResourceKind::Endpoint, ep));
    QVERIFY(host.remove(ResourceKind::Network, net));
    host.settle(mirror);
    QCOMPARE(removed.count(), 1);
    const auto objects = removed.front().front().value<QList<MirrorObject>>();
    QCOMPARE(objects.size(), 2);
    QCOMPARE(objects[0].id, ep);
    QCOMPARE(objects[1].id, net);
    QCOMPARE(objects[1].name, QString("nat")); // the last state travels with the removal
    QVERIFY(!mirror.object(net));
}

void TestHostMirror::attachChangesEndpointAndNamespace()
{
    Host host;
    const QString net = host.createNetwork("nat");
    const QString ep = host.createEndpoint(net, "a");
    const QString ns = host.createNamespace();
    HostMirror mirror;
    HCN_VERIFY_OK(mirror.attach(host.api));
    QSignalSpy changed(&mirror, &HostMirror::objectsChanged);
    QVERIFY(host.attach(ns, ep));
    host.settle(mirror);
    QCOMPARE(changed.count(), 1);
    QStringList ids = changed.front().front().toStringList();
    ids.sort();
    QStringList expected{ep, ns};
    expected.sort();
    QCOMPARE(ids, expected);
    QCOMPARE(mirror.endpointIdsOfNamespace(ns), QStringList{ep});
}

void TestHostMirror::createThenDeleteInOneBatchIsInvisible()
{
    Host host;
    const QString net = host.createNetwork("nat");
    HostMirror mirror;
    HCN_VERIFY_OK(mirror.attach(host.api));
    QSignalSpy added(&mirror, &HostMirror::objectsAdded);
    QSignalSpy removed(&mirror, &HostMirror::objectsRemoved);
    QSignalSpy raw(&mirror, &HostMirror::notificationsArrived);
    const QString ep = host.createEndpoint(net, "short-lived");
    QVERIFY(host.remove(ResourceKind::Endpoint, ep));
    host.settle(mirror);
    QCOMPARE(raw.count(), 1); // the event log still sees both events
    const auto events = raw.front().front().value<QVector<hcn::ui::MirrorEvent>>();
    QCOMPARE(events.size(), 2);
    // Read once, on the delivery thread: the log gets the parsed payload.
    QCOMPARE(events[0].type, hcn::NotificationType::EndpointCreate);
    QCOMPARE(events[0].objectId, ep);
    QCOMPARE(events[0].data.value("Name").toString(), QString("short-lived"));
    QCOMPARE(events[1].kind, ResourceKind::Endpoint);
    QCOMPARE(added.count(), 0);
    QCOMPARE(removed.count(), 0);
}

void TestHostMirror::mirrorEqualsEngineAfterManyChanges()
{
    Host host;
    HostMirror mirror;
    HCN_VERIFY_OK(mirror.attach(host.api));
    const QString a = host.createNetwork("a", "10.1.0.0/24", "10.1.0.1");
    const QString b = host.createNetwork("b", "10.2.0.0/24", "10.2.0.1");
    QStringList endpoints;
    for (int i = 0; i < 20; ++i)
        endpoints << host.createEndpoint(i % 2 ? a : b, "ep" + std::to_string(i));
    const QString ns = host.createNamespace();
    for (int i = 0; i < 5; ++i)
        QVERIFY(host.attach(ns, endpoints[i]));
    for (int i = 15; i < 20; ++i)
        QVERIFY(host.remove(ResourceKind::Endpoint, endpoints[i]));
    host.settle(mirror);

    QCOMPARE(mirror.count(ResourceKind::Network), 2);
    QCOMPARE(mirror.count(ResourceKind::Endpoint), 15);
    for (const QString& id : endpoints.mid(0, 15))
        QCOMPARE(mirror.object(id)->document, engineDocument(host, ResourceKind::Endpoint, id));
    QCOMPARE(mirror.object(ns)->document, engineDocument(host, ResourceKind::Namespace, ns));
    QCOMPARE(mirror.object(a)->document, engineDocument(host, ResourceKind::Network, a));
}

void TestHostMirror::guestNetworkServiceStateChangesReachTheMirror()
{
    Host host;
    HostMirror mirror;
    HCN_VERIFY_OK(mirror.attach(host.api));
    auto created = host.api->create(ResourceKind::GuestNetworkService, hcn::Guid(),
                                    hcntest::v2(json{{"Name", "wsl"}}).dump(), 0);
    HCN_VERIFY_OK(created);
    const QString gns =
        QString::fromStdString(host.api->handleId(ResourceKind::GuestNetworkService, *created)->toString());
    host.settle(mirror);
    QVERIFY(mirror.object(gns));
    QSignalSpy changed(&mirror, &HostMirror::objectsChanged);
    HCN_VERIFY_OK(host.api->modify(
        ResourceKind::GuestNetworkService, *created,
        json{{"ResourceType", "State"}, {"RequestType", "Update"}, {"Settings", {{"State", "Synchronized"}}}}
            .dump()));
    (void)host.api->close(ResourceKind::GuestNetworkService, *created);
    host.settle(mirror);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.front().front().toStringList(), QStringList{gns.toUpper()}); // the console keys IDs in upper case
    QCOMPARE(mirror.object(gns)->document.value("State").toInt(), 3); // Synchronized
    QCOMPARE(mirror.object(gns)->document, engineDocument(host, ResourceKind::GuestNetworkService, gns));
}

void TestHostMirror::failedAttachKeepsThePreviousHost()
{
    Host first;
    const QString net = first.createNetwork("kept");
    HostMirror mirror;
    HCN_VERIFY_OK(mirror.attach(first.api));

    auto stopped = std::make_shared<hcn::EmbeddedApi>();
    stopped->engine().shutdown();
    QSignalSpy resets(&mirror, &HostMirror::reset);
    const hcn::Status status = mirror.attach(stopped);
    QVERIFY(!status.ok());
    QCOMPARE(status.code(), hcn::hr::ManagerStopped);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(mirror.worker()->sharedApi().get(), first.api.get());
    QVERIFY(mirror.object(net));

    // Still following the first host.
    first.createEndpoint(net, "after");
    first.settle(mirror);
    QCOMPARE(mirror.count(ResourceKind::Endpoint), 1);
}

void TestHostMirror::resyncEmitsOnlyDifferences()
{
    Host host;
    const QString net = host.createNetwork("nat");
    host.createEndpoint(net, "a");
    HostMirror mirror;
    HCN_VERIFY_OK(mirror.attach(host.api));
    QSignalSpy added(&mirror, &HostMirror::objectsAdded);
    QSignalSpy changed(&mirror, &HostMirror::objectsChanged);
    QSignalSpy removed(&mirror, &HostMirror::objectsRemoved);
    QSignalSpy resets(&mirror, &HostMirror::reset);
    QSignalSpy resynced(&mirror, &HostMirror::resyncFinished);
    mirror.resync(); // the snapshot is read on the mirror's worker
    QVERIFY(resynced.wait(10000));
    HCN_VERIFY_OK(resynced.front().front().value<hcn::Status>());
    QCOMPARE(added.count() + changed.count() + removed.count() + resets.count(), 0);
}

void TestHostMirror::detachForgetsEverything()
{
    Host host;
    host.createNetwork("nat");
    HostMirror mirror;
    HCN_VERIFY_OK(mirror.attach(host.api));
    QSignalSpy resets(&mirror, &HostMirror::reset);
    mirror.detach();
    QCOMPARE(resets.count(), 1);
    QCOMPARE(mirror.count(ResourceKind::Network), 0);
    QCOMPARE(mirror.state(), hcn::ui::ConnectionState::Detached);
    QVERIFY(!mirror.worker());
}

QTEST_MAIN(TestHostMirror)
#include "tst_hostmirror.moc"
