// Guest network services: lifecycle, state changes with scoped notifications, port reservations.

#include "engine_harness.h"

#include <atomic>

using namespace hcntest;
using hcn::ResourceKind;
using T = hcn::NotificationType;

namespace {

std::string stateRequest(const std::string& state)
{
    return json{{"ResourceType", "State"}, {"RequestType", "Update"}, {"Settings", {{"State", state}}}}
        .dump();
}

} // namespace

class TestEngineGuestService : public QObject
{
    Q_OBJECT

private slots:
    void lifecycleAndServiceNotifications();
    void stateChangesReachTheServicesCallbacksAsStateEvents();
    void stateRequestErrors_data();
    void stateRequestErrors();
    void portReservations_data();
    void portReservations();
    void rangeReservationsAreContiguousAndDisjoint();
    void deleteReleasesReservations();
    void networkScopedCallbacksSeeOnlyTheirNetwork();
    void endpointStatsComeFromTheDatapath();
};

void TestEngineGuestService::lifecycleAndServiceNotifications()
{
    Harness h;
    NotificationRecorder service(h.engine);
    const std::string vm = hcn::Guid::generate().toString();
    auto gns = h.create(ResourceKind::GuestNetworkService,
                        v2({{"VirtualMachineId", vm}, {"MirrorHostNetworking", true}, {"Flags", 1}}));
    HCN_VERIFY_OK(gns);
    json doc = h.query(ResourceKind::GuestNetworkService, *gns);
    QCOMPARE(doc["VirtualMachineId"].get<std::string>(), vm);
    QCOMPARE(doc["State"].get<int>(), 1); // Created
    QCOMPARE(h.enumerate(ResourceKind::GuestNetworkService).size(), std::size_t(1));
    auto id = *hcn::Guid::parse(doc["ID"].get<std::string>());
    HCN_VERIFY_OK(h.engine.remove(ResourceKind::GuestNetworkService, id));
    QCOMPARE(h.engine.remove(ResourceKind::GuestNetworkService, id).code(), hcn::hr::ElementNotFound);
    QCOMPARE(service.types(), (std::vector<T>{T::GuestNetworkServiceCreate, T::GuestNetworkServiceDelete}));
}

void TestEngineGuestService::stateChangesReachTheServicesCallbacksAsStateEvents()
{
    Harness h;
    auto net = h.create(ResourceKind::Network, natNetwork("nat"));
    auto ep = h.create(ResourceKind::Endpoint, v2({{"Name", "vnic"}}), *net);
    HCN_VERIFY_OK(ep);
    auto gns = h.create(ResourceKind::GuestNetworkService,
                        v2({{"MirroredInterfaces",
                             {{{"EndpointId", h.idOf(ResourceKind::Endpoint, *ep)},
                               {"InterfaceGuid", hcn::Guid::generate().toString()}}}}}));
    auto other = h.create(ResourceKind::GuestNetworkService, v2(json::object()));
    HCN_VERIFY_OK(gns);
    HCN_VERIFY_OK(other);
    auto gnsId = *hcn::Guid::parse(h.idOf(ResourceKind::GuestNetworkService, *gns));
    std::mutex mutex;
    std::vector<hcn::Notification> mine, others;
    auto a = h.engine.subscribe(
        [&](const hcn::Notification& n) {
            std::lock_guard l(mutex);
            mine.push_back(n);
        },
        hcn::SubscriptionScope{gnsId, std::nullopt});
    auto b = h.engine.subscribe(
        [&](const hcn::Notification& n) {
            std::lock_guard l(mutex);
            others.push_back(n);
        },
        hcn::SubscriptionScope{*hcn::Guid::parse(h.idOf(ResourceKind::GuestNetworkService, *other)),
                               std::nullopt});
    NotificationRecorder service(h.engine);
    HCN_VERIFY_OK(h.engine.modify(ResourceKind::GuestNetworkService, *gns, stateRequest("Bootstrapping")));
    HCN_VERIFY_OK(h.engine.modify(ResourceKind::GuestNetworkService, *gns, stateRequest("synchronized")));
    HCN_VERIFY_OK(
        h.engine.modify(ResourceKind::GuestNetworkService, *gns, stateRequest("Synchronized"))); // no change
    h.engine.drainNotifications();
    h.engine.unsubscribe(a);
    h.engine.unsubscribe(b);
    QVERIFY(others.empty());
    // Service-wide subscribers learn each change as the whole document after it, not as a state event.
    const auto serviceEvents = service.take();
    QCOMPARE(serviceEvents.size(), std::size_t(2));
    for (const auto& n : serviceEvents)
        QCOMPARE(n.type, T::GuestNetworkServiceModify);
    QCOMPARE(qs(json::parse(serviceEvents.back().data)["Data"].dump()),
             qs(h.query(ResourceKind::GuestNetworkService, *gns).dump()));
    std::vector<T> types;
    for (const auto& n : mine)
        types.push_back(n.type);
    QCOMPARE(types, (std::vector<T>{
                        T::GuestNetworkServiceStateChanged, T::GuestNetworkServiceInterfaceStateChanged,
                        T::GuestNetworkServiceStateChanged, T::GuestNetworkServiceInterfaceStateChanged}));
    json last = json::parse(mine[2].data);
    QCOMPARE(last["Data"]["State"].get<std::string>(), std::string("Synchronized"));
    QCOMPARE(last["Data"]["Interfaces"][0]["State"].get<std::string>(), std::string("Synchronized"));
    QCOMPARE(h.query(ResourceKind::GuestNetworkService, *gns)["State"].get<int>(), 3);
}

void TestEngineGuestService::stateRequestErrors_data()
{
    QTest::addColumn<QString>("request");
    QTest::addColumn<int>("expected");
    QTest::newRow("unknown state") << qs(stateRequest("Asleep")) << int(hcn::hr::InvalidJson);
    QTest::newRow("Remove is not a state change")
        << R"({"ResourceType":"State","RequestType":"Remove","Settings":{"State":"Paused"}})"
        << int(hcn::hr::RequestUnsupported);
    QTest::newRow("missing State") << R"({"ResourceType":"State","RequestType":"Update","Settings":{}})"
                                   << int(hcn::hr::InvalidJson);
    QTest::newRow("null State")
        << R"({"ResourceType":"State","RequestType":"Update","Settings":{"State":null}})"
        << int(hcn::hr::InvalidJson);
    QTest::newRow("after Destroyed") << "destroyed" << int(hcn::hr::DegradedOperation);
}

void TestEngineGuestService::stateRequestErrors()
{
    QFETCH(QString, request);
    QFETCH(int, expected);
    Harness h;
    auto gns = h.create(ResourceKind::GuestNetworkService, v2(json::object()));
    HCN_VERIFY_OK(gns);
    std::string text = request.toStdString();
    if (request == "destroyed") {
        HCN_VERIFY_OK(h.engine.modify(ResourceKind::GuestNetworkService, *gns, stateRequest("Destroyed")));
        text = stateRequest("Synchronized");
    }
    const auto before = h.snapshot();
    QCOMPARE(qs(hcn::hresultHex(h.engine.modify(ResourceKind::GuestNetworkService, *gns, text).code())),
             qs(hcn::hresultHex(expected)));
    QCOMPARE(h.snapshot(), before);
}

void TestEngineGuestService::portReservations_data()
{
    QTest::addColumn<int>("firstProtocol");
    QTest::addColumn<int>("firstAccess");
    QTest::addColumn<int>("secondProtocol");
    QTest::addColumn<int>("secondAccess");
    QTest::addColumn<bool>("conflict");
    using P = hcn::PortProtocol;
    using A = hcn::PortAccess;
    QTest::newRow("exclusive TCP vs exclusive TCP")
        << int(P::Tcp) << int(A::Exclusive) << int(P::Tcp) << int(A::Exclusive) << true;
    QTest::newRow("exclusive TCP vs shared TCP")
        << int(P::Tcp) << int(A::Exclusive) << int(P::Tcp) << int(A::Shared) << true;
    QTest::newRow("shared vs shared")
        << int(P::Tcp) << int(A::Shared) << int(P::Tcp) << int(A::Shared) << false;
    QTest::newRow("TCP vs UDP") << int(P::Tcp) << int(A::Exclusive) << int(P::Udp) << int(A::Exclusive)
                                << false;
    QTest::newRow("both vs UDP") << int(P::Both) << int(A::Exclusive) << int(P::Udp) << int(A::Shared)
                                 << true;
}

void TestEngineGuestService::portReservations()
{
    QFETCH(int, firstProtocol);
    QFETCH(int, firstAccess);
    QFETCH(int, secondProtocol);
    QFETCH(int, secondAccess);
    QFETCH(bool, conflict);
    Harness h;
    auto gns = h.create(ResourceKind::GuestNetworkService, v2(json::object()));
    HCN_VERIFY_OK(gns);
    auto first =
        h.engine.reservePort(*gns, hcn::PortProtocol(firstProtocol), hcn::PortAccess(firstAccess), 8080);
    HCN_VERIFY_OK(first);
    auto second =
        h.engine.reservePort(*gns, hcn::PortProtocol(secondProtocol), hcn::PortAccess(secondAccess), 8080);
    QCOMPARE(second.ok(), !conflict);
    if (conflict)
        QCOMPARE(second.code(), hcn::hr::AddressInUse);
    QCOMPARE(h.engine.portReservations().size(), std::size_t(conflict ? 1 : 2));
    HCN_VERIFY_OK(h.engine.releasePortReservation(*first));
    QCOMPARE(h.engine.releasePortReservation(*first).code(), hcn::hr::Handle);
    // Once released, the port can be taken exclusively (if the second one was refused).
    if (conflict)
        HCN_VERIFY_OK(h.engine.reservePort(*gns, hcn::PortProtocol(secondProtocol),
                                           hcn::PortAccess(secondAccess), 8080));
    QCOMPARE(h.engine.reservePort(*gns, hcn::PortProtocol::Tcp, hcn::PortAccess::Shared, 0).code(),
             hcn::hr::InvalidArg);
}

void TestEngineGuestService::rangeReservationsAreContiguousAndDisjoint()
{
    Harness h;
    auto gns = h.create(ResourceKind::GuestNetworkService, v2(json::object()));
    HCN_VERIFY_OK(gns);
    HCN_VERIFY_OK(h.engine.reservePort(*gns, hcn::PortProtocol::Tcp, hcn::PortAccess::Exclusive, 49160));
    auto a = h.engine.reservePortRange(*gns, 8);
    auto b = h.engine.reservePortRange(*gns, 100);
    HCN_VERIFY_OK(a);
    HCN_VERIFY_OK(b);
    QCOMPARE(int(a->startingPort), 49152);
    QCOMPARE(int(a->endingPort), 49159);
    QCOMPARE(int(b->startingPort), 49161); // skips the single reservation at 49160
    QCOMPARE(int(b->endingPort), 49260);
    QCOMPARE(a->reservationType, 1u);
    QCOMPARE(h.engine.reservePortRange(*gns, 0).code(), hcn::hr::InvalidArg);
    QCOMPARE(h.engine.reservePortRange(*gns, 65000).code(), hcn::hr::AddressInUse);
}

void TestEngineGuestService::deleteReleasesReservations()
{
    Harness h;
    auto gns = h.create(ResourceKind::GuestNetworkService, v2(json::object()));
    HCN_VERIFY_OK(gns);
    HCN_VERIFY_OK(h.engine.reservePort(*gns, hcn::PortProtocol::Both, hcn::PortAccess::Exclusive, 5000));
    QCOMPARE(h.query(ResourceKind::GuestNetworkService, *gns, {{"Flags", 1}})["Resources"]["PortReservations"]
                 .size(),
             std::size_t(1));
    HCN_VERIFY_OK(h.engine.remove(ResourceKind::GuestNetworkService,
                                  *hcn::Guid::parse(h.idOf(ResourceKind::GuestNetworkService, *gns))));
    QVERIFY(h.engine.portReservations().empty());
    QCOMPARE(h.engine.reservePort(*gns, hcn::PortProtocol::Tcp, hcn::PortAccess::Exclusive, 5000).code(),
             hcn::hr::ObjectUsedAfterUnload);
}

void TestEngineGuestService::networkScopedCallbacksSeeOnlyTheirNetwork()
{
    Harness h;
    auto a = h.create(ResourceKind::Network, natNetwork("a", "10.1.0.0/24", "10.1.0.1"));
    auto b = h.create(ResourceKind::Network, natNetwork("b", "10.2.0.0/24", "10.2.0.1"));
    auto epA = h.create(ResourceKind::Endpoint, v2({{"Name", "ea"}}), *a);
    auto epB = h.create(ResourceKind::Endpoint, v2({{"Name", "eb"}}), *b);
    auto ns = h.create(ResourceKind::Namespace, v2(json::object()));
    HCN_VERIFY_OK(ns);
    std::mutex mutex;
    std::vector<hcn::Notification> seen;
    auto sub = h.engine.subscribe(
        [&](const hcn::Notification& n) {
            std::lock_guard l(mutex);
            seen.push_back(n);
        },
        hcn::SubscriptionScope{std::nullopt, *hcn::Guid::parse(h.idOf(ResourceKind::Network, *a))});
    for (auto ep : {*epA, *epB})
        HCN_VERIFY_OK(h.engine.modify(ResourceKind::Namespace, *ns,
                                      json{{"ResourceType", "Endpoint"},
                                           {"RequestType", "Add"},
                                           {"Settings", {{"EndpointId", h.idOf(ResourceKind::Endpoint, ep)}}}}
                                          .dump()));
    h.engine.drainNotifications();
    h.engine.unsubscribe(sub);
    QCOMPARE(seen.size(), std::size_t(1));
    QCOMPARE(seen[0].type, T::NetworkEndpointAttached);
    QCOMPARE(json::parse(seen[0].data)["ID"].get<std::string>(), h.idOf(ResourceKind::Endpoint, *epA));
}

void TestEngineGuestService::endpointStatsComeFromTheDatapath()
{
    Harness h;
    auto net = h.create(ResourceKind::Network, natNetwork("nat"));
    auto ep = h.create(ResourceKind::Endpoint, v2({{"Name", "e"}}), *net);
    HCN_VERIFY_OK(ep);
    auto id = *hcn::Guid::parse(h.idOf(ResourceKind::Endpoint, *ep));
    hcn::EndpointCounters traffic;
    traffic.bytesReceived = 1500;
    traffic.packetsReceived = 1;
    traffic.droppedPacketsOutgoing = 2;
    HCN_VERIFY_OK(h.datapath->addTraffic(id, traffic));
    auto stats = h.engine.queryEndpointStats(*ep, "");
    HCN_VERIFY_OK(stats);
    json s = json::parse(*stats);
    QCOMPARE(s["BytesReceived"].get<int>(), 1500);
    QCOMPARE(s["PacketsReceived"].get<int>(), 1);
    QCOMPARE(s["DroppedPacketsOutgoing"].get<int>(), 2);
    QCOMPARE(s["BytesSent"].get<int>(), 0);
    QCOMPARE(s["EndpointId"].get<std::string>(), id.toString());
    // The datapath's own part: the simulated backend, no Linux names, not in a namespace yet.
    QVERIFY2(s["Datapath"] == json({{"Backend", "simulated"}, {"Attached", false}}), stats->c_str());
    auto ns = h.create(ResourceKind::Namespace, v2(json::object()));
    HCN_VERIFY_OK(ns);
    HCN_VERIFY_OK(h.engine.modify(ResourceKind::Namespace, *ns,
                                  json{{"ResourceType", "Endpoint"},
                                       {"RequestType", "Add"},
                                       {"Settings", {{"EndpointId", id.toString()}}}}
                                      .dump()));
    auto attached = h.engine.queryEndpointStats(*ep, "");
    HCN_VERIFY_OK(attached);
    QVERIFY2(json::parse(*attached)["Datapath"] == json({{"Backend", "simulated"}, {"Attached", true}}),
             attached->c_str());
    HCN_VERIFY_OK(h.engine.remove(ResourceKind::Endpoint, id));
    QCOMPARE(h.engine.queryEndpointStats(*ep, "").code(), hcn::hr::ObjectUsedAfterUnload);
}

QTEST_GUILESS_MAIN(TestEngineGuestService)
#include "tst_engineguestservice.moc"
