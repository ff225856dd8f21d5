// LibraryApi over our own libcomputenetwork.so, loaded at run time the way hcnctl.exe loads Windows'
// computenetwork.dll: every call behaves as the same call on an in-process EmbeddedApi (same documents,
// same HRESULTs and error records), notifications come from the library's callback and, for what
// Windows never reports, from the poller; a missing library, a library that is not a computenetwork and
// one without the optional exports give clear errors.
//
// The library's engine lives in this process for the whole run (one dlopen), so every test leaves the
// host empty again (clearHost).

#include "api_conformance.h"
#include "hcn/embedded_api.h"
#include "hcn/host_state.h"
#include "hcn/library_api.h"
#include "hcn/snapshot_diff.h"

#include <QRegularExpression>
#include <QtTest>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>

using hcn::ResourceKind;
using T = hcn::NotificationType;
using hcntest::endpointWithMapping;
using hcntest::kNat;
using hcntest::maskGuids;
using hcntest::Received;
using hcntest::Scenario;
using hcntest::statusOf;

namespace {

hcn::Guid guid(const char* text)
{
    return *hcn::Guid::parse(text);
}

/// Deletes every object, dependents first, so the next test starts from an empty host.
void clearHost(hcn::Api& api)
{
    for (ResourceKind kind : {ResourceKind::LoadBalancer, ResourceKind::SdnRoute, ResourceKind::GuestNetworkService,
                              ResourceKind::Endpoint, ResourceKind::Namespace, ResourceKind::Network}) {
        auto ids = api.enumerate(kind, "");
        if (!ids.ok())
            continue;
        for (const auto& id : nlohmann::json::parse(*ids))
            (void)api.remove(kind, *hcn::Guid::parse(id.get<std::string>()));
    }
}

/// True when a copy built from `events` holds exactly what a snapshot of `api` holds.
bool copyMatchesHost(hcn::Api& api, const std::vector<hcn::Notification>& events, const hcn::HostState& start)
{
    hcn::HostState fromEvents = start;
    for (const auto& n : events)
        (void)fromEvents.apply(n);
    auto snapshot = api.snapshot("");
    if (!snapshot.ok())
        return false;
    hcn::HostState actual;
    (void)actual.assign(*hcn::parseHostSnapshot(*snapshot));
    return hcn::diffHosts(fromEvents, actual, {false}).same();
}

std::unique_ptr<hcn::LibraryApi> loadOurs(std::chrono::milliseconds interval = std::chrono::milliseconds(50))
{
    hcn::LibraryApiOptions options;
    options.path = HCN_TEST_LIBRARY;
    options.pollInterval = interval;
    auto api = hcn::LibraryApi::load(options);
    if (!api.ok())
        qWarning("load failed: %s", api.status().message().c_str());
    return api.ok() ? std::move(*api) : nullptr;
}

} // namespace

class TestLibraryApi : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void loadFailuresAreClear_data();
    void loadFailuresAreClear();
    void missingOptionalExportsAreNotImplemented_data();
    void missingOptionalExportsAreNotImplemented();
    void errorsMatchEmbedded_data();
    void errorsMatchEmbedded();
    void eachKindMatchesEmbedded_data();
    void eachKindMatchesEmbedded();
    void createdObjectKnowsItsId();
    void portReservationsRoundTrip();
    void eventsKeepACopyCurrentWithPolledOnes();
    void callbackMayCallTheLibrary();
    void noEventAfterUnsubscribe();
    void networkScopedCallbackSeesAttachments();

private:
    std::unique_ptr<hcn::LibraryApi> m_api;
};

void TestLibraryApi::init()
{
    m_api = loadOurs();
    QVERIFY(m_api);
    clearHost(*m_api);
}

void TestLibraryApi::cleanup()
{
    if (m_api)
        clearHost(*m_api);
    m_api.reset();
}

void TestLibraryApi::loadFailuresAreClear_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<quint32>("code");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("no such file") << "/nonexistent/libcomputenetwork.so" << quint32(0x8007007E)
                                  << "/nonexistent/libcomputenetwork.so";
    QTest::newRow("a library that is not a computenetwork") << "libm.so.6" << quint32(0x8007007F)
                                                            << "does not export HcnEnumerateNetworks";
}

void TestLibraryApi::loadFailuresAreClear()
{
    QFETCH(QString, path);
    QFETCH(quint32, code);
    QFETCH(QString, mentions);
    hcn::LibraryApiOptions options;
    options.path = path.toStdString();
    auto api = hcn::LibraryApi::load(options);
    QVERIFY(!api.ok());
    QCOMPARE(static_cast<quint32>(api.code()), code);
    QVERIFY2(QString::fromStdString(api.status().message()).contains(mentions), api.status().message().c_str());
}

void TestLibraryApi::missingOptionalExportsAreNotImplemented_data()
{
    QTest::addColumn<Scenario>("scenario");
    QTest::addColumn<QString>("missing");
    QTest::newRow("SDN route open") << Scenario([](hcn::Api& api) {
        return statusOf(api.open(ResourceKind::SdnRoute, guid("00000000-0000-0000-0000-000000000001")));
    }) << "HcnOpenSdnRoute";
    QTest::newRow("guest network service create") << Scenario([](hcn::Api& api) {
        return statusOf(api.create(ResourceKind::GuestNetworkService, {}, "{}", 0));
    }) << "HcnCreateGuestNetworkService";
    QTest::newRow("network callback") << Scenario([](hcn::Api& api) {
        hcn::SubscriptionScope scope;
        scope.network = guid("00000000-0000-0000-0000-000000000002");
        return statusOf(api.subscribe([](const hcn::Notification&) {}, scope));
    }) << "HcnRegisterNetworkCallback";
    QTest::newRow("port reservations") << Scenario([](hcn::Api& api) { return statusOf(api.portReservations()); })
                                       << "HcnEnumerateGuestNetworkPortReservations";
}

void TestLibraryApi::missingOptionalExportsAreNotImplemented()
{
    QFETCH(Scenario, scenario);
    QFETCH(QString, missing);
    hcn::LibraryApiOptions options;
    options.path = HCN_TEST_MINIMAL_LIBRARY;
    auto api = hcn::LibraryApi::load(options);
    QVERIFY2(api.ok(), api.ok() ? "" : api.status().message().c_str());
    const hcn::Status status = scenario(**api);
    QCOMPARE(status.code(), hcn::hr::NotImplemented);
    QVERIFY2(QString::fromStdString(status.message()).contains(missing), status.message().c_str());
    // The documented calls reach the library and carry its HRESULT back.
    QCOMPARE((*api)->enumerate(ResourceKind::Network, "").code(), hcn::hr::ManagerStopped);
}

void TestLibraryApi::errorsMatchEmbedded_data()
{
    hcntest::addBadCallRows();
}

void TestLibraryApi::errorsMatchEmbedded()
{
    QFETCH(Scenario, scenario);
    hcntest::verifyFailsAsEmbedded(scenario, *m_api);
}

void TestLibraryApi::eachKindMatchesEmbedded_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("settings");
    QTest::addColumn<QString>("modification");
    const QString v2 = R"("SchemaVersion":{"Major":2,"Minor":0})";
    QTest::newRow("network") << int(ResourceKind::Network) << QString(kNat)
                             << R"({"ResourceType":"Policy","RequestType":"Add","Settings":{"Policies":[{"Type":"VxlanPort","Settings":{"Port":4790}}]}})";
    QTest::newRow("endpoint") << int(ResourceKind::Endpoint)
                              << "{" + v2 + R"(,"Name":"web","IpConfigurations":[{"IpAddress":"172.20.0.9"}]})"
                              << R"({"ResourceType":"Policy","RequestType":"Add","Settings":{"Policies":[{"Type":"PortMapping","Settings":{"Protocol":"TCP","InternalPort":80,"ExternalPort":8081}}]}})";
    QTest::newRow("namespace") << int(ResourceKind::Namespace) << "{" + v2 + R"(,"Type":"HostDefault"})"
                               << R"({"ResourceType":"Container","RequestType":"Add","Settings":{"ContainerId":"c0ffee"}})";
    QTest::newRow("load balancer")
        << int(ResourceKind::LoadBalancer)
        << "{" + v2 + R"(,"HostComputeEndpoints":["@EP@"],"FrontendVIPs":["10.96.0.10"],"PortMappings":[{"Protocol":6,"InternalPort":80,"ExternalPort":80}]})"
        << "{" + v2 + R"(,"HostComputeEndpoints":["@EP@"],"FrontendVIPs":["10.96.0.11"],"PortMappings":[{"Protocol":6,"InternalPort":80,"ExternalPort":80}]})";
    QTest::newRow("SDN route")
        << int(ResourceKind::SdnRoute)
        << "{" + v2 + R"(,"HostComputeEndpoints":["@EP@"],"Routes":[{"DestinationPrefix":"169.254.169.254/32","NextHop":"172.20.0.1","NeedEncap":false}]})"
        << "{" + v2 + R"(,"HostComputeEndpoints":["@EP@"],"Routes":[{"DestinationPrefix":"10.0.0.0/8","NextHop":"172.20.0.1","NeedEncap":false}]})";
    QTest::newRow("guest network service")
        << int(ResourceKind::GuestNetworkService) << "{" + v2 + R"(,"MirrorHostNetworking":true})"
        << R"({"ResourceType":"State","RequestType":"Update","Settings":{"State":"Synchronized"}})";
}

void TestLibraryApi::eachKindMatchesEmbedded()
{
    QFETCH(int, kind);
    QFETCH(QString, settings);
    QFETCH(QString, modification);
    const auto k = static_cast<ResourceKind>(kind);
    const auto networkId = guid("6F2A1C00-0000-4000-8000-000000000001");
    const auto endpointId = guid("6F2A1C00-0000-4000-8000-000000000002");
    const auto objectId = guid("6F2A1C00-0000-4000-8000-0000000000A1");
    hcn::EmbeddedApi embedded;
    hcn::Api* apis[2] = {&embedded, m_api.get()};
    std::vector<QString> results[2];
    for (int side = 0; side < 2; ++side) {
        hcn::Api& api = *apis[side];
        auto& out = results[side];
        hcn::Handle net = 0;
        if (k != ResourceKind::Network) {
            net = *api.create(ResourceKind::Network, networkId, kNat, 0);
            QVERIFY(api.create(ResourceKind::Endpoint, endpointId,
                               R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"backend"})", net)
                        .ok());
        }
        const auto fill = [&](QString text) {
            return text.replace("@EP@", QString::fromStdString(endpointId.toString())).toStdString();
        };
        const auto id = k == ResourceKind::Endpoint ? guid("6F2A1C00-0000-4000-8000-0000000000A2") : objectId;
        auto handle = api.create(k, id, fill(settings), net);
        QVERIFY2(handle.ok(), handle.ok() ? "" : handle.status().message().c_str());
        out.push_back(maskGuids(*api.query(k, *handle, "")));
        out.push_back(maskGuids(*api.query(k, *handle, R"({"SchemaVersion":{"Major":1,"Minor":0}})")));
        const hcn::Status modified = api.modify(k, *handle, fill(modification));
        QVERIFY2(modified.ok(), modified.message().c_str());
        out.push_back(maskGuids(*api.query(k, *handle, "")));
        out.push_back(QString::fromStdString(*api.enumerate(k, "")));
        QCOMPARE(*api.handleId(k, *handle), id);
        QVERIFY(api.close(k, *handle).ok());
        auto reopened = api.open(k, id);
        QVERIFY(reopened.ok());
        QVERIFY(api.close(k, *reopened).ok());
        QVERIFY(api.remove(k, id).ok());
        out.push_back(QString::fromStdString(*api.enumerate(k, "")));
        out.push_back(QString::fromStdString(hcn::hresultHex(api.open(k, id).code())));
        if (net)
            (void)api.close(ResourceKind::Network, net);
    }
    QCOMPARE(results[1].size(), results[0].size());
    for (std::size_t i = 0; i < results[0].size(); ++i)
        QCOMPARE(results[1][i], results[0][i]);
}

void TestLibraryApi::createdObjectKnowsItsId()
{
    auto net = m_api->create(ResourceKind::Network, {}, kNat, 0);
    QVERIFY(net.ok());
    auto id = m_api->handleId(ResourceKind::Network, *net);
    QVERIFY(id.ok());
    QCOMPARE(QString::fromStdString(*m_api->enumerate(ResourceKind::Network, "")),
             "[\"" + QString::fromStdString(id->toString()) + "\"]");
    auto about = m_api->info();
    QVERIFY(about.ok());
    QCOMPARE(about->counts.networks, std::size_t(1));
    QVERIFY(QString::fromStdString(about->endpoint).startsWith("library:"));
}

void TestLibraryApi::portReservationsRoundTrip()
{
    auto gns = m_api->create(ResourceKind::GuestNetworkService, {},
                             R"({"SchemaVersion":{"Major":2,"Minor":0},"MirrorHostNetworking":true})", 0);
    QVERIFY2(gns.ok(), gns.ok() ? "" : gns.status().message().c_str());
    auto single = m_api->reservePort(*gns, hcn::PortProtocol::Tcp, hcn::PortAccess::Exclusive, 5000);
    QVERIFY(single.ok());
    auto conflict = m_api->reservePort(*gns, hcn::PortProtocol::Tcp, hcn::PortAccess::Exclusive, 5000);
    QCOMPARE(conflict.code(), hcn::hr::AddressInUse);
    auto range = m_api->reservePortRange(*gns, 10);
    QVERIFY(range.ok());
    QCOMPARE(range->endingPort - range->startingPort, 9);
    QCOMPARE(range->targetPartitionId, *m_api->handleId(ResourceKind::GuestNetworkService, *gns));
    auto all = m_api->portReservations();
    QVERIFY(all.ok());
    QCOMPARE(all->size(), std::size_t(2));
    for (const auto& entry : *all)
        QVERIFY(entry.id == *single || entry.id == range->id);
    QVERIFY(m_api->releasePortReservation(*single).ok());
    QVERIFY(m_api->releasePortReservation(range->id).ok());
    QCOMPARE(m_api->releasePortReservation(range->id).code(), hcn::hr::Handle);
    QVERIFY(m_api->close(ResourceKind::GuestNetworkService, *gns).ok());
}

void TestLibraryApi::eventsKeepACopyCurrentWithPolledOnes()
{
    Received received;
    auto subscription = m_api->subscribe(received.callback(), {});
    QVERIFY(subscription.ok());
    const hcn::HostState empty;

    auto net = m_api->create(ResourceKind::Network, {}, kNat, 0);
    QVERIFY(net.ok());
    auto ep = m_api->create(ResourceKind::Endpoint, {},
                            R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"web","IpConfigurations":[{"IpAddress":"172.20.0.7"}]})",
                            *net);
    QVERIFY(ep.ok());
    const auto epId = *m_api->handleId(ResourceKind::Endpoint, *ep);
    auto lb = m_api->create(
        ResourceKind::LoadBalancer, {},
        R"({"SchemaVersion":{"Major":2,"Minor":0},"HostComputeEndpoints":[")" + epId.toString() +
            R"("],"FrontendVIPs":["10.96.0.10"],"PortMappings":[{"Protocol":6,"InternalPort":80,"ExternalPort":80}]})",
        0);
    QVERIFY(lb.ok());
    QTRY_VERIFY_WITH_TIMEOUT(received.has(T::LoadBalancerCreate), 10000);
    QVERIFY(m_api
                ->modify(ResourceKind::Endpoint, *ep,
                         R"({"ResourceType":"Policy","RequestType":"Add","Settings":{"Policies":[{"Type":"PortMapping","Settings":{"Protocol":"TCP","InternalPort":80,"ExternalPort":8081}}]}})")
                .ok());
    QTRY_VERIFY_WITH_TIMEOUT(received.has(T::EndpointModify), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(copyMatchesHost(*m_api, received.copy(), empty), 10000);

    QVERIFY(m_api->remove(ResourceKind::LoadBalancer, *m_api->handleId(ResourceKind::LoadBalancer, *lb)).ok());
    QVERIFY(m_api->remove(ResourceKind::Network, *m_api->handleId(ResourceKind::Network, *net)).ok());
    QTRY_VERIFY_WITH_TIMEOUT(received.has(T::EndpointDelete) && received.has(T::LoadBalancerDelete), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(copyMatchesHost(*m_api, received.copy(), empty), 10000);
    m_api->unsubscribe(*subscription);

    const auto events = received.copy();
    bool sawReported = false;
    for (std::size_t i = 0; i < events.size(); ++i) {
        QCOMPARE(events[i].sequence, std::uint64_t(i + 1)); // numbered by the Api, without gaps
        sawReported = sawReported || events[i].type == T::NetworkCreate;
        // The library's own extension events are replaced by the poller's: each change is reported once.
        if (events[i].type == T::NamespaceEndpointAttach || events[i].type == T::PolicyCreate)
            QFAIL("an extension event of the library passed through");
    }
    QVERIFY(sawReported);
    int endpointCreates = 0;
    for (const auto& n : events)
        endpointCreates += n.type == T::EndpointCreate;
    QCOMPARE(endpointCreates, 1);
}

void TestLibraryApi::callbackMayCallTheLibrary()
{
    std::mutex mutex;
    std::vector<std::string> seen;
    auto subscription = m_api->subscribe(
        [&](const hcn::Notification& n) {
            if (n.type != T::NetworkCreate)
                return;
            auto ids = m_api->enumerate(ResourceKind::Network, "");
            std::lock_guard lock(mutex);
            seen.push_back(ids.ok() ? *ids : std::string("failed"));
        },
        {});
    QVERIFY(subscription.ok());
    QVERIFY(m_api->create(ResourceKind::Network, {}, kNat, 0).ok());
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                 std::lock_guard lock(mutex);
                                 return !seen.empty();
                             }()),
                             10000);
    std::lock_guard lock(mutex);
    QVERIFY(seen[0].find('-') != std::string::npos);
    m_api->unsubscribe(*subscription);
}

void TestLibraryApi::noEventAfterUnsubscribe()
{
    Received gone, witness;
    auto subscription = m_api->subscribe(gone.callback(), {});
    auto witnessing = m_api->subscribe(witness.callback(), {});
    QVERIFY(subscription.ok() && witnessing.ok());
    m_api->unsubscribe(*subscription);
    auto net = m_api->create(ResourceKind::Network, {}, kNat, 0);
    QVERIFY(net.ok());
    QVERIFY(m_api->create(ResourceKind::Endpoint, {}, R"({"SchemaVersion":{"Major":2,"Minor":0}})", *net).ok());
    // The witness, subscribed the whole time, proves both the callback's and the poller's events went out.
    QTRY_VERIFY_WITH_TIMEOUT(witness.has(T::NetworkCreate) && witness.has(T::EndpointCreate), 10000);
    QCOMPARE(gone.copy().size(), std::size_t(0));
    m_api->unsubscribe(*witnessing);
}

void TestLibraryApi::networkScopedCallbackSeesAttachments()
{
    const auto networkId = guid("6F2A1C00-0000-4000-8000-000000000011");
    auto net = m_api->create(ResourceKind::Network, networkId, kNat, 0);
    QVERIFY(net.ok());
    Received received;
    hcn::SubscriptionScope scope;
    scope.network = networkId;
    auto subscription = m_api->subscribe(received.callback(), scope);
    QVERIFY2(subscription.ok(), subscription.ok() ? "" : subscription.status().message().c_str());
    auto ep = m_api->create(ResourceKind::Endpoint, {}, R"({"SchemaVersion":{"Major":2,"Minor":0}})", *net);
    auto ns = m_api->create(ResourceKind::Namespace, {}, R"({"SchemaVersion":{"Major":2,"Minor":0}})", 0);
    QVERIFY(ep.ok() && ns.ok());
    const std::string attach = R"({"ResourceType":"Endpoint","RequestType":"Add","Settings":{"EndpointId":")" +
                               m_api->handleId(ResourceKind::Endpoint, *ep)->toString() + "\"}}";
    QVERIFY(m_api->modify(ResourceKind::Namespace, *ns, attach).ok());
    QTRY_VERIFY_WITH_TIMEOUT(received.has(T::NetworkEndpointAttached), 10000);
    for (const auto& n : received.copy())
        QVERIFY(n.type == T::NetworkEndpointAttached);
    m_api->unsubscribe(*subscription);
}

QTEST_GUILESS_MAIN(TestLibraryApi)
#include "tst_libraryapi.moc"
