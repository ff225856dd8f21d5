// Notifications: values, order, payloads, a subscriber's copy of the state built from events alone,
// callbacks that call back into the engine, unsubscribe, and ServiceDisconnect on shutdown.

#include "engine_harness.h"
#include "hcn/host_state.h"

#include <atomic>
#include <map>

using namespace hcntest;
using hcn::NotificationType;
using hcn::ResourceKind;
using T = hcn::NotificationType;

class TestEngineNotifications : public QObject
{
    Q_OBJECT

private slots:
    void valuesMatchTheWindowsHeader_data();
    void valuesMatchTheWindowsHeader();
    void orderAndPayloadOfALifecycle();
    void sequenceNumbersHaveNoGaps();
    void mirrorFromEventsEqualsTheEngine();
    void callbackMayCallTheEngine();
    void unsubscribeStopsDelivery();
    void shutdownSendsServiceDisconnectToEverySubscriber();
    void shutdownFromACallbackThenDestroy();
};

void TestEngineNotifications::valuesMatchTheWindowsHeader_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<quint32>("value");
    QTest::addColumn<QString>("name");
    QTest::newRow("NetworkPreCreate") << int(T::NetworkPreCreate) << 1u << "HcnNotificationNetworkPreCreate";
    QTest::newRow("NamespaceDelete") << int(T::NamespaceDelete) << 6u << "HcnNotificationNamespaceDelete";
    QTest::newRow("EndpointAttached")
        << int(T::NetworkEndpointAttached) << 9u << "HcnNotificationNetworkEndpointAttached";
    QTest::newRow("EndpointDetached is 0x10, not 10")
        << int(T::NetworkEndpointDetached) << 16u << "HcnNotificationNetworkEndpointDetached";
    QTest::newRow("GNS state changed is 0x11")
        << int(T::GuestNetworkServiceStateChanged) << 17u << "HcnNotificationGuestNetworkServiceStateChanged";
    QTest::newRow("ServiceDisconnect")
        << int(T::ServiceDisconnect) << 0x01000000u << "HcnNotificationServiceDisconnect";
    QTest::newRow("extension events are in the reserved range")
        << int(T::EndpointCreate) << 0x00100010u << "HcnExtEndpointCreate";
}

void TestEngineNotifications::valuesMatchTheWindowsHeader()
{
    QFETCH(int, type);
    QFETCH(quint32, value);
    QFETCH(QString, name);
    QCOMPARE(static_cast<quint32>(type), value);
    QCOMPARE(qs(std::string(hcn::notificationTypeName(NotificationType(type)))), name);
    QCOMPARE(hcn::isExtensionNotification(NotificationType(type)), name.startsWith("HcnExt"));
    QVERIFY((value & hcn::NotificationFlagsReserved) == 0);
}

void TestEngineNotifications::orderAndPayloadOfALifecycle()
{
    Harness h;
    NotificationRecorder events(h.engine);
    auto net = h.create(ResourceKind::Network, natNetwork("nat"));
    HCN_VERIFY_OK(net);
    auto ep = h.create(ResourceKind::Endpoint, v2({{"Name", "c1"}}), *net);
    HCN_VERIFY_OK(ep);
    auto ns = h.create(ResourceKind::Namespace, v2(json::object()));
    HCN_VERIFY_OK(ns);
    const std::string netId = h.idOf(ResourceKind::Network, *net);
    const std::string epId = h.idOf(ResourceKind::Endpoint, *ep);
    const std::string nsId = h.idOf(ResourceKind::Namespace, *ns);
    HCN_VERIFY_OK(h.engine.modify(
        ResourceKind::Namespace, *ns,
        json{{"ResourceType", "Endpoint"}, {"RequestType", "Add"}, {"Settings", {{"EndpointId", epId}}}}
            .dump()));
    HCN_VERIFY_OK(h.engine.remove(ResourceKind::Namespace, *hcn::Guid::parse(nsId)));
    HCN_VERIFY_OK(h.engine.remove(ResourceKind::Network, *hcn::Guid::parse(netId)));

    auto received = events.take();
    std::vector<T> types;
    for (const auto& n : received)
        types.push_back(n.type);
    QCOMPARE(types,
             (std::vector<T>{T::NetworkPreCreate, T::NetworkCreate, T::EndpointCreate, T::NamespaceCreate,
                             T::NetworkEndpointAttached, T::NamespaceEndpointAttach, T::NamespaceModify,
                             T::NetworkEndpointDetached, T::NamespaceEndpointDetach, T::NamespaceDelete,
                             T::NetworkPreDelete, T::EndpointDelete, T::NetworkDelete}));
    auto payload = [&](std::size_t i) { return json::parse(received[i].data); };
    QCOMPARE(payload(1)["ID"].get<std::string>(), netId);
    QCOMPARE(payload(1)["Flags"].get<int>(), 0);
    QCOMPARE(payload(1)["Data"]["Name"].get<std::string>(), std::string("nat"));
    QCOMPARE(payload(4)["ID"].get<std::string>(), epId);
    QCOMPARE(payload(4)["Data"]["NetworkId"].get<std::string>(), netId);
    QCOMPARE(payload(4)["Data"]["NamespaceId"].get<std::string>(), nsId);
    QCOMPARE(payload(9)["ID"].get<std::string>(), nsId);
    for (const auto& n : received)
        QCOMPARE(n.status, hcn::hr::Ok);
}

void TestEngineNotifications::sequenceNumbersHaveNoGaps()
{
    Harness h;
    NotificationRecorder events(h.engine);
    auto net = h.create(ResourceKind::Network, natNetwork("nat"));
    HCN_VERIFY_OK(net);
    for (int i = 0; i < 20; ++i)
        HCN_VERIFY_OK(h.create(ResourceKind::Endpoint, v2({{"Name", "e" + std::to_string(i)}}), *net));
    (void)h.create(ResourceKind::Network, natNetwork("nat")); // fails: no notification, no gap
    auto received = events.take();
    QCOMPARE(received.size(), std::size_t(22));
    for (std::size_t i = 1; i < received.size(); ++i)
        QCOMPARE(received[i].sequence, received[i - 1].sequence + 1);
    QCOMPARE(received.back().sequence, h.engine.lastSequence());
}

void TestEngineNotifications::mirrorFromEventsEqualsTheEngine()
{
    Harness h;
    hcn::HostState mirror;
    std::vector<std::string> surprises;
    std::mutex mutex;
    auto sub = h.engine.subscribe([&](const hcn::Notification& n) {
        std::lock_guard lock(mutex);
        (void)mirror.apply(n, &surprises);
    });
    auto nat = h.create(ResourceKind::Network, natNetwork("nat"));
    auto overlay = h.create(ResourceKind::Network,
                            v2({{"Name", "ov"},
                                {"Type", "Overlay"},
                                {"Ipams", {{{"Subnets", {{{"IpAddressPrefix", "10.244.1.0/24"}}}}}}}}));
    HCN_VERIFY_OK(nat);
    HCN_VERIFY_OK(overlay);
    std::vector<std::string> eps;
    for (int i = 0; i < 4; ++i)
        eps.push_back(h.idOf(ResourceKind::Endpoint,
                             *h.create(ResourceKind::Endpoint, v2({{"Name", "p" + std::to_string(i)}}),
                                       i < 2 ? *nat : *overlay)));
    auto ns = h.create(ResourceKind::Namespace, v2(json::object()));
    HCN_VERIFY_OK(ns);
    HCN_VERIFY_OK(h.engine.modify(
        ResourceKind::Namespace, *ns,
        json{{"ResourceType", "Endpoint"}, {"RequestType", "Add"}, {"Settings", {{"EndpointId", eps[0]}}}}
            .dump()));
    HCN_VERIFY_OK(h.engine.modify(
        ResourceKind::Namespace, *ns,
        R"({"ResourceType":"Container","RequestType":"Add","Settings":{"ContainerId":"ctr"}})"));
    auto lb = h.create(ResourceKind::LoadBalancer,
                       v2({{"HostComputeEndpoints", {eps[2], eps[3]}},
                           {"FrontendVIPs", {"10.96.0.10"}},
                           {"PortMappings", {{{"Protocol", 6}, {"InternalPort", 80}}}}}));
    HCN_VERIFY_OK(lb);
    auto ep1 = *h.engine.open(ResourceKind::Endpoint, *hcn::Guid::parse(eps[1]));
    HCN_VERIFY_OK(h.engine.modify(
        ResourceKind::Endpoint, ep1,
        R"({"ResourceType":"Policy","RequestType":"Add","Settings":{"Policies":[{"Type":"PortMapping","Settings":{"InternalPort":80,"ExternalPort":8080}}]}})"));
    HCN_VERIFY_OK(h.engine.modify(
        ResourceKind::Network, *overlay,
        R"({"ResourceType":"Policy","RequestType":"Add","Settings":{"Policies":[{"Type":"HostRoute","Settings":{}}]}})"));
    HCN_VERIFY_OK(h.engine.remove(ResourceKind::Endpoint, *hcn::Guid::parse(eps[3]))); // updates the LB too
    HCN_VERIFY_OK(
        h.engine.remove(ResourceKind::Network, *hcn::Guid::parse(h.idOf(ResourceKind::Network, *nat)))
                    .code() == hcn::hr::EntityHasReferences
            ? hcn::Status()
            : hcn::Status(hcn::hr::Unexpected, "attached endpoint should block the delete"));
    h.engine.drainNotifications();
    h.engine.unsubscribe(sub);

    QVERIFY2(surprises.empty(), surprises.empty() ? "" : surprises.front().c_str());
    for (auto kind : hcn::kResourceKinds) {
        json ids = h.enumerate(kind);
        QCOMPARE(mirror.count(kind), ids.size());
        for (const auto& id : ids) {
            const hcn::HostObject* copy = mirror.find(id.get<std::string>());
            QVERIFY(copy);
            auto handle = *h.engine.open(kind, *hcn::Guid::parse(id.get<std::string>()));
            QCOMPARE(qs(copy->document->dump()), qs(h.query(kind, handle).dump()));
        }
    }
}

void TestEngineNotifications::callbackMayCallTheEngine()
{
    Harness h;
    std::atomic<int> seen{0};
    h.engine.subscribe([&](const hcn::Notification& n) {
        if (n.type != T::NetworkCreate)
            return;
        // Calling back into the engine from a callback must not deadlock.
        auto id = json::parse(n.data)["ID"].get<std::string>();
        auto handle = h.engine.open(ResourceKind::Network, *hcn::Guid::parse(id));
        if (handle.ok() && h.engine.query(ResourceKind::Network, *handle, "").ok())
            ++seen;
        (void)h.engine.close(ResourceKind::Network, *handle);
    });
    HCN_VERIFY_OK(h.create(ResourceKind::Network, natNetwork("nat")));
    h.engine.drainNotifications();
    QCOMPARE(seen.load(), 1);
}

void TestEngineNotifications::unsubscribeStopsDelivery()
{
    Harness h;
    std::atomic<int> outside{0}, inside{0};
    auto a = h.engine.subscribe([&](const hcn::Notification&) { ++outside; });
    hcn::SubscriptionId self = 0;
    self = h.engine.subscribe([&](const hcn::Notification&) {
        ++inside;
        h.engine.unsubscribe(self); // from inside its own callback
    });
    HCN_VERIFY_OK(h.create(ResourceKind::Network, natNetwork("nat"))); // two notifications
    h.engine.drainNotifications();
    QCOMPARE(inside.load(), 1);
    QCOMPARE(outside.load(), 2);
    h.engine.unsubscribe(a);
    HCN_VERIFY_OK(h.create(ResourceKind::Network, natNetwork("nat2", "10.3.0.0/24", "10.3.0.1")));
    h.engine.drainNotifications();
    QCOMPARE(outside.load(), 2);
}

void TestEngineNotifications::shutdownSendsServiceDisconnectToEverySubscriber()
{
    Harness h;
    auto net = h.create(ResourceKind::Network, natNetwork("nat"));
    HCN_VERIFY_OK(net);
    NotificationRecorder first(h.engine), second(h.engine);
    h.engine.shutdown();
    for (auto* r : {&first, &second}) {
        auto got = r->take();
        QCOMPARE(got.size(), std::size_t(1));
        QCOMPARE(got[0].type, T::ServiceDisconnect);
        QVERIFY(got[0].data.empty());
    }
    QCOMPARE(h.engine.query(ResourceKind::Network, *net, "").code(), hcn::hr::ManagerStopped);
    QCOMPARE(h.create(ResourceKind::Network, natNetwork("again")).code(), hcn::hr::ManagerStopped);
    QCOMPARE(h.datapath->programmedCount(ResourceKind::Network), std::size_t(0)); // stateless: cleaned up
    h.engine.shutdown();                                                          // idempotent
}

void TestEngineNotifications::shutdownFromACallbackThenDestroy()
{
    std::atomic<int> disconnects{0};
    {
        auto engine = std::make_unique<hcn::Engine>();
        engine->subscribe([&](const hcn::Notification& n) {
            if (n.type == T::NetworkCreate)
                engine->shutdown(); // a subscriber that stops the service from its callback
            if (n.type == T::ServiceDisconnect)
                ++disconnects;
        });
        HCN_VERIFY_OK(engine->create(ResourceKind::Network, {}, natNetwork("nat").dump()));
        engine->drainNotifications();
        // Destroying the engine now must wait for the dispatcher instead of freeing it under its feet.
    }
    QCOMPARE(disconnects.load(), 1);
}

QTEST_GUILESS_MAIN(TestEngineNotifications)
#include "tst_enginenotifications.moc"
