// HostState: what each notification does to a copy of the host, the shared document queries, and the
// proof that a copy built from events alone always equals the engine: random sequences of calls over
// all six kinds (networks, endpoints, namespaces, load balancers, SDN routes, guest network services),
// the copy compared with the engine's snapshot after every step. HCN_RANDOM_STEPS=<n> changes the
// length of each sequence.

#include "engine_harness.h"
#include "engine_walk.h"
#include "hcn/embedded_api.h"
#include "hcn/host_state.h"
#include "hcn/open_object.h"

#include <mutex>
#include <random>
#include <set>

using namespace hcntest;
using hcn::HostChange;
using hcn::HostUpdate;
using hcn::ResourceKind;
using T = hcn::NotificationType;

Q_DECLARE_METATYPE(hcn::NotificationType)
Q_DECLARE_METATYPE(hcn::ResourceKind)

namespace {

const std::string kNet = "11111111-1111-4111-8111-111111111111";
const std::string kEp = "22222222-2222-4222-8222-222222222222";
const std::string kNs = "33333333-3333-4333-8333-333333333333";

hcn::Notification notification(T type, const std::string& id, const json& data, std::uint64_t sequence = 1)
{
    hcn::Notification n;
    n.sequence = sequence;
    n.type = type;
    n.data = json{{"ID", id}, {"Flags", 0}, {"Data", data}}.dump();
    return n;
}

/// "Create Network 1111..." per update, for readable comparisons.
QStringList describe(const std::vector<HostUpdate>& updates)
{
    static const char* const kOps[] = {"Create", "Modify", "Delete", "Expect"};
    QStringList out;
    for (const auto& u : updates)
        out << QString("%1 %2 %3")
                   .arg(kOps[int(u.op)], qs(std::string(hcn::resourceKindName(u.kind))),
                        qs(u.id.substr(0, 8)));
    return out;
}

} // namespace

class TestHostState : public QObject
{
    Q_OBJECT

private slots:
    void whatEachNotificationDoes_data();
    void whatEachNotificationDoes();
    void flagBitsAreMaskedOff();
    void unreadablePayloadChangesNothing_data();
    void unreadablePayloadChangesNothing();
    void applyReportsTheNetEffectAndSurprises();
    void membershipFollowsTheDocuments();
    void documentQueries_data();
    void documentQueries();
    void snapshotSectionsGiveEveryKind();
    void assignReportsOnlyDifferences();
    void sharedObjectsBuildAnEqualCopy();
    void eventBuiltCopyEqualsTheEngine_data();
    void eventBuiltCopyEqualsTheEngine();
};

void TestHostState::whatEachNotificationDoes_data()
{
    QTest::addColumn<T>("type");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("data");
    QTest::addColumn<ResourceKind>("kind");
    QTest::addColumn<QStringList>("updates");
    const QString doc = R"({"Name":"x"})";
    QTest::newRow("network create stores the network")
        << T::NetworkCreate << qs(kNet) << doc << ResourceKind::Network
        << QStringList{"Create Network 11111111"};
    QTest::newRow("network pre-create waits for the create")
        << T::NetworkPreCreate << qs(kNet) << doc << ResourceKind::Network << QStringList{};
    QTest::newRow("network modify") << T::NetworkModify << qs(kNet) << doc << ResourceKind::Network
                                    << QStringList{"Modify Network 11111111"};
    QTest::newRow("network pre-delete names a known network")
        << T::NetworkPreDelete << qs(kNet) << R"({"Name":"x"})" << ResourceKind::Network
        << QStringList{"Expect Network 11111111"};
    QTest::newRow("network delete") << T::NetworkDelete << qs(kNet) << R"({"Name":"x"})"
                                    << ResourceKind::Network << QStringList{"Delete Network 11111111"};
    QTest::newRow("endpoint create") << T::EndpointCreate << qs(kEp) << doc << ResourceKind::Endpoint
                                     << QStringList{"Create Endpoint 22222222"};
    QTest::newRow("endpoint modify") << T::EndpointModify << qs(kEp) << doc << ResourceKind::Endpoint
                                     << QStringList{"Modify Endpoint 22222222"};
    QTest::newRow("endpoint delete") << T::EndpointDelete << qs(kEp) << R"({"Name":"x"})"
                                     << ResourceKind::Endpoint << QStringList{"Delete Endpoint 22222222"};
    QTest::newRow("namespace create") << T::NamespaceCreate << qs(kNs) << doc << ResourceKind::Namespace
                                      << QStringList{"Create Namespace 33333333"};
    QTest::newRow("namespace modify") << T::NamespaceModify << qs(kNs) << doc << ResourceKind::Namespace
                                      << QStringList{"Modify Namespace 33333333"};
    QTest::newRow("namespace delete") << T::NamespaceDelete << qs(kNs) << R"({"Type":"Host"})"
                                      << ResourceKind::Namespace << QStringList{"Delete Namespace 33333333"};
    const QString attach = qs(
        json{{"EndpointId", kEp}, {"Endpoint", {{"Name", "e"}}}, {"Namespace", {{"Type", "Host"}}}}.dump());
    QTest::newRow("endpoint attach changes the endpoint and the namespace")
        << T::NamespaceEndpointAttach << qs(kNs) << attach << ResourceKind::Namespace
        << QStringList{"Modify Endpoint 22222222", "Modify Namespace 33333333"};
    QTest::newRow("endpoint detach as well")
        << T::NamespaceEndpointDetach << qs(kNs) << attach << ResourceKind::Namespace
        << QStringList{"Modify Endpoint 22222222", "Modify Namespace 33333333"};
    QTest::newRow("container attach changes the namespace")
        << T::NamespaceContainerAttach << qs(kNs) << R"({"ContainerId":"c","Namespace":{"Type":"Host"}})"
        << ResourceKind::Namespace << QStringList{"Modify Namespace 33333333"};
    QTest::newRow("network endpoint attached names both")
        << T::NetworkEndpointAttached << qs(kEp) << qs(json{{"NetworkId", kNet}, {"NamespaceId", kNs}}.dump())
        << ResourceKind::Endpoint << QStringList{"Expect Endpoint 22222222", "Expect Namespace 33333333"};
    QTest::newRow("load balancer create")
        << T::LoadBalancerCreate << qs(kNet) << doc << ResourceKind::LoadBalancer
        << QStringList{"Create LoadBalancer 11111111"};
    QTest::newRow("load balancer delete")
        << T::LoadBalancerDelete << qs(kNet) << "{}" << ResourceKind::LoadBalancer
        << QStringList{"Delete LoadBalancer 11111111"};
    QTest::newRow("route create") << T::RouteCreate << qs(kNet) << doc << ResourceKind::SdnRoute
                                  << QStringList{"Create SdnRoute 11111111"};
    QTest::newRow("route modify") << T::RouteModify << qs(kNet) << doc << ResourceKind::SdnRoute
                                  << QStringList{"Modify SdnRoute 11111111"};
    QTest::newRow("route delete") << T::RouteDelete << qs(kNet) << "{}" << ResourceKind::SdnRoute
                                  << QStringList{"Delete SdnRoute 11111111"};
    QTest::newRow("guest network service create")
        << T::GuestNetworkServiceCreate << qs(kNet) << doc << ResourceKind::GuestNetworkService
        << QStringList{"Create GuestNetworkService 11111111"};
    QTest::newRow("guest network service modify carries the document")
        << T::GuestNetworkServiceModify << qs(kNet) << doc << ResourceKind::GuestNetworkService
        << QStringList{"Modify GuestNetworkService 11111111"};
    QTest::newRow("guest network service state change: the modify carries it")
        << T::GuestNetworkServiceStateChanged << qs(kNet) << R"({"State":"Paused","Interfaces":[]})"
        << ResourceKind::GuestNetworkService << QStringList{};
    QTest::newRow("guest network service delete")
        << T::GuestNetworkServiceDelete << qs(kNet) << "{}" << ResourceKind::GuestNetworkService
        << QStringList{"Delete GuestNetworkService 11111111"};
    QTest::newRow("policy events: the owner's modify carries them")
        << T::PolicyCreate << qs(kEp) << R"({"ObjectId":"x","ObjectType":"Endpoint","Policies":[]})"
        << ResourceKind::Endpoint << QStringList{};
    QTest::newRow("lower-case IDs are keyed in upper case")
        << T::EndpointCreate << "22222222-2222-4222-8222-22222222222a" << doc << ResourceKind::Endpoint
        << QStringList{"Create Endpoint 22222222"};
}

void TestHostState::whatEachNotificationDoes()
{
    QFETCH(T, type);
    QFETCH(QString, id);
    QFETCH(QString, data);
    QFETCH(ResourceKind, kind);
    QFETCH(QStringList, updates);
    const auto parsed =
        hcn::parseNotification(notification(type, id.toStdString(), json::parse(data.toStdString())));
    QVERIFY(parsed.error.empty());
    QCOMPARE(parsed.kind, kind);
    QCOMPARE(parsed.objectId, hcn::canonicalObjectId(id.toStdString()));
    QCOMPARE(describe(parsed.updates), updates);
    for (const auto& update : parsed.updates) {
        const bool stores = update.op == HostUpdate::Op::Create || update.op == HostUpdate::Op::Modify;
        QCOMPARE(bool(update.document), stores);
        QCOMPARE(update.id, hcn::canonicalObjectId(update.id)); // upper case
    }
}

void TestHostState::flagBitsAreMaskedOff()
{
    hcn::Notification n = notification(T::EndpointCreate, kEp, {{"Name", "e"}});
    n.type = T(std::uint32_t(T::EndpointCreate) | 0x80000000u);
    const auto parsed = hcn::parseNotification(n);
    QCOMPARE(parsed.type, T::EndpointCreate);
    QCOMPARE(describe(parsed.updates), QStringList{"Create Endpoint 22222222"});
}

void TestHostState::unreadablePayloadChangesNothing_data()
{
    QTest::addColumn<QString>("payload");
    QTest::addColumn<bool>("error");
    QTest::newRow("truncated JSON") << R"({"ID":"x","Data":{)" << true;
    QTest::newRow("an array") << "[1,2]" << true;
    QTest::newRow("a create without Data") << qs(json{{"ID", kEp}}.dump()) << false;
    QTest::newRow("a create without ID") << R"({"Data":{"Name":"e"}})" << false;
    QTest::newRow("a create whose Data is no object") << qs(json{{"ID", kEp}, {"Data", "e"}}.dump()) << false;
}

void TestHostState::unreadablePayloadChangesNothing()
{
    QFETCH(QString, payload);
    QFETCH(bool, error);
    hcn::Notification n;
    n.sequence = 1;
    n.type = T::EndpointCreate;
    n.data = payload.toStdString();
    const auto parsed = hcn::parseNotification(n);
    QCOMPARE(!parsed.error.empty(), error);
    QVERIFY(parsed.updates.empty());
    hcn::HostState state;
    QVERIFY(state.apply(parsed).empty());
    QCOMPARE(state.size(), std::size_t(0));
}

void TestHostState::applyReportsTheNetEffectAndSurprises()
{
    hcn::HostState state;
    std::vector<std::string> surprises;
    auto changes = state.apply(notification(T::EndpointCreate, kEp, {{"Name", "e"}}), &surprises);
    QCOMPARE(changes.size(), std::size_t(1));
    QCOMPARE(changes[0].type, HostChange::Type::Added);
    QCOMPARE((*changes[0].document)["Name"].get<std::string>(), std::string("e"));
    // The same document again changes nothing.
    QVERIFY(state.apply(notification(T::EndpointModify, kEp, {{"Name", "e"}})).empty());
    changes = state.apply(notification(T::EndpointModify, kEp, {{"Name", "f"}}));
    QCOMPARE(changes.size(), std::size_t(1));
    QCOMPARE(changes[0].type, HostChange::Type::Changed);
    changes = state.apply(notification(T::EndpointDelete, kEp, {{"Name", "f"}}));
    QCOMPARE(changes.size(), std::size_t(1));
    QCOMPARE(changes[0].type, HostChange::Type::Removed);
    QCOMPARE((*changes[0].document)["Name"].get<std::string>(), std::string("f")); // the last state
    QVERIFY(surprises.empty());

    // A copy that missed events says so, and follows the event anyway.
    QVERIFY(state.apply(notification(T::EndpointDelete, kEp, {{"Name", "f"}}), &surprises).empty());
    changes = state.apply(notification(T::NetworkModify, kNet, {{"Name", "n"}}), &surprises);
    QCOMPARE(changes.size(), std::size_t(1));
    QCOMPARE(changes[0].type, HostChange::Type::Added);
    QCOMPARE(surprises.size(), std::size_t(2));
    QVERIFY(surprises[0].find("deletes the unknown Endpoint") != std::string::npos);
    QVERIFY(surprises[1].find("modifies the unknown Network") != std::string::npos);

    // An event whose ID names an object of another kind: that one goes and this one comes, as from a
    // snapshot (assign), so whoever follows networks lets the network go.
    surprises.clear();
    changes = state.apply(notification(T::NamespaceCreate, kNet, {{"Type", "Host"}}), &surprises);
    QCOMPARE(changes.size(), std::size_t(2));
    QCOMPARE(changes[0].type, HostChange::Type::Removed);
    QCOMPARE(changes[0].kind, ResourceKind::Network);
    QCOMPARE(changes[1].type, HostChange::Type::Added);
    QCOMPARE(changes[1].kind, ResourceKind::Namespace);
    QCOMPARE(state.count(ResourceKind::Network), std::size_t(0));
    QCOMPARE(state.count(ResourceKind::Namespace), std::size_t(1));
    QCOMPARE(surprises.size(), std::size_t(1));
    QVERIFY(surprises[0].find("reuses another kind's ID for Namespace") != std::string::npos);
    // Deleting the other kind's object under that ID leaves the namespace alone.
    QVERIFY(state.apply(notification(T::NetworkDelete, kNet, {{"Name", "n"}}), &surprises).empty());
    QCOMPARE(state.count(ResourceKind::Namespace), std::size_t(1));
    QCOMPARE(surprises.size(), std::size_t(2));
    QVERIFY(surprises[1].find("deletes the unknown Network") != std::string::npos);
}

void TestHostState::membershipFollowsTheDocuments()
{
    hcn::HostState state;
    (void)state.apply(notification(T::NetworkCreate, kNet, {{"Name", "n"}}));
    (void)state.apply(notification(T::NamespaceCreate, kNs, {{"Type", "Host"}}));
    // The lower-case reference still finds the network.
    json endpoint{{"Name", "e"}, {"HostComputeNetwork", "11111111-1111-4111-8111-111111111111"}};
    (void)state.apply(notification(T::EndpointCreate, kEp, endpoint));
    QCOMPARE(state.endpointsOfNetwork(kNet), std::vector<std::string>{kEp});
    QVERIFY(state.endpointsOfNamespace(kNs).empty());
    endpoint["HostComputeNamespace"] = kNs;
    (void)state.apply(notification(
        T::NamespaceEndpointAttach, kNs,
        {{"EndpointId", kEp},
         {"Endpoint", endpoint},
         {"Namespace",
          {{"Type", "Host"}, {"Resources", {{{"Type", "Endpoint"}, {"Data", {{"ID", kEp}}}}}}}}}));
    QCOMPARE(state.endpointsOfNamespace(kNs), std::vector<std::string>{kEp});
    QCOMPARE(hcn::namespaceEndpointIds(*state.find(kNs)->document), std::vector<std::string>{kEp});
    QCOMPARE(state.count(ResourceKind::Endpoint), std::size_t(1));
    (void)state.apply(notification(T::EndpointDelete, kEp, {{"Name", "e"}}));
    QVERIFY(state.endpointsOfNetwork(kNet).empty());
    QVERIFY(state.endpointsOfNamespace(kNs).empty());
    QCOMPARE(state.count(ResourceKind::Endpoint), std::size_t(0));
}

void TestHostState::documentQueries_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("network");
    QTest::addColumn<QString>("ns");
    QTest::addColumn<bool>("remote");
    QTest::newRow("plain") << qs(json{{"HostComputeNetwork", kNet}}.dump()) << qs(kNet) << "" << false;
    QTest::newRow("attached, lower case")
        << R"({"HostComputeNetwork":"11111111-1111-4111-8111-111111111111","HostComputeNamespace":"33333333-3333-4333-8333-333333333333"})"
        << qs(kNet) << qs(kNs) << false;
    QTest::newRow("null namespace GUID is no namespace")
        << R"({"HostComputeNamespace":"00000000-0000-0000-0000-000000000000"})"
        << ""
        << "" << false;
    QTest::newRow("remote flag") << R"({"Flags":1})"
                                 << ""
                                 << "" << true;
    QTest::newRow("remote among other flags") << R"({"Flags":1025})"
                                              << ""
                                              << "" << true;
    QTest::newRow("other flags only") << R"({"Flags":1024})"
                                      << ""
                                      << "" << false;
    QTest::newRow("flags spelled as text are no number") << R"({"Flags":"RemoteEndpoint"})"
                                                         << ""
                                                         << "" << false;
    QTest::newRow("no object") << "[]"
                               << ""
                               << "" << false;
}

void TestHostState::documentQueries()
{
    QFETCH(QString, endpoint);
    QFETCH(QString, network);
    QFETCH(QString, ns);
    QFETCH(bool, remote);
    const json doc = json::parse(endpoint.toStdString());
    QCOMPARE(qs(hcn::endpointNetworkId(doc)), network);
    QCOMPARE(qs(hcn::endpointNamespaceId(doc)), ns);
    QCOMPARE(hcn::isRemoteEndpoint(doc), remote);
}

void TestHostState::snapshotSectionsGiveEveryKind()
{
    json snapshot{{"HnsVersion", {{"Major", 15}, {"Minor", 4}}}};
    int n = 0;
    for (auto kind : hcn::kResourceKinds) {
        char id[40];
        std::snprintf(id, sizeof id, "%08d-0000-4000-8000-000000000000", ++n);
        snapshot[std::string(hcn::resourceKindPlural(kind))] = {{{"ID", id}, {"Name", "x"}}};
    }
    auto objects = hcn::parseHostSnapshot(snapshot.dump());
    HCN_VERIFY_OK(objects);
    QCOMPARE(objects->size(), hcn::kResourceKinds.size());
    for (std::size_t i = 0; i < objects->size(); ++i)
        QCOMPARE((*objects)[i].kind, hcn::kResourceKinds[i]);
    QCOMPARE(hcn::parseHostSnapshot("{").code(), hcn::hr::InvalidJson);
}

void TestHostState::assignReportsOnlyDifferences()
{
    hcn::HostState state;
    auto object = [](ResourceKind kind, const std::string& id, const json& doc) {
        return hcn::HostObject{kind, id, std::make_shared<const json>(doc)};
    };
    auto changes = state.assign({object(ResourceKind::Endpoint, kEp, {{"HostComputeNetwork", kNet}}),
                                 object(ResourceKind::Network, kNet, {{"Name", "n"}})});
    QCOMPARE(changes.size(), std::size_t(2));
    QCOMPARE(changes[0].kind, ResourceKind::Network); // parents first
    QCOMPARE(state.endpointsOfNetwork(kNet).size(), std::size_t(1));
    changes = state.assign({object(ResourceKind::Endpoint, kEp, {{"HostComputeNetwork", kNet}}),
                            object(ResourceKind::Network, kNet, {{"Name", "renamed"}})});
    QCOMPARE(changes.size(), std::size_t(1));
    QCOMPARE(changes[0].type, HostChange::Type::Changed);
    changes = state.assign({});
    QCOMPARE(changes.size(), std::size_t(2));
    QCOMPARE(changes[0].kind, ResourceKind::Endpoint); // children first
    QCOMPARE(state.size(), std::size_t(0));

    // An ID that now names an object of another kind (a hostile or broken snapshot): the old object is
    // removed and the new one added, so whoever follows the old kind lets it go (found by fuzzing: the
    // health checks kept the endpoint's findings).
    (void)state.assign({object(ResourceKind::Endpoint, kEp, {{"Name", "e"}})});
    changes = state.assign({object(ResourceKind::Namespace, kEp, {{"Type", "Host"}})});
    QCOMPARE(changes.size(), std::size_t(2));
    QCOMPARE(changes[0].type, HostChange::Type::Removed);
    QCOMPARE(changes[0].kind, ResourceKind::Endpoint);
    QCOMPARE(changes[1].type, HostChange::Type::Added);
    QCOMPARE(changes[1].kind, ResourceKind::Namespace);
    QCOMPARE(state.count(ResourceKind::Endpoint), std::size_t(0));
    QCOMPARE(state.count(ResourceKind::Namespace), std::size_t(1));
}

void TestHostState::sharedObjectsBuildAnEqualCopy()
{
    hcn::HostState state;
    (void)state.apply(notification(T::NetworkCreate, kNet, {{"Name", "n"}}));
    (void)state.apply(notification(T::NamespaceCreate, kNs, {{"Type", "Host"}}));
    (void)state.apply(
        notification(T::EndpointCreate, kEp,
                     {{"Name", "e"}, {"HostComputeNetwork", kNet}, {"HostComputeNamespace", kNs}}));
    // An object replaced many times (its entry rebuilt each time) is still found by any spelling.
    for (int i = 0; i < 50; ++i)
        (void)state.apply(notification(T::NetworkModify, kNet, {{"Name", "n" + std::to_string(i)}}));
    QCOMPARE(state.find("11111111-1111-4111-8111-111111111111")->document->at("Name"), json("n49"));

    const hcn::SharedHostObjects shared = state.shared();
    QCOMPARE(shared.size(), std::size_t(3));
    // The objects are the copy's own, not copies of them.
    QVERIFY(std::any_of(shared.begin(), shared.end(),
                        [&](const auto& object) { return object.get() == state.find(kEp); }));

    hcn::HostState rebuilt(shared);
    QCOMPARE(rebuilt.size(), state.size());
    for (ResourceKind kind : hcn::kResourceKinds)
        QCOMPARE(rebuilt.count(kind), state.count(kind));
    QCOMPARE(rebuilt.endpointsOfNetwork(kNet), std::vector<std::string>{kEp});
    QCOMPARE(rebuilt.endpointsOfNamespace(kNs), std::vector<std::string>{kEp});
    QCOMPARE(rebuilt.find(kNet)->document->at("Name"), json("n49"));

    // Changes after the hand-over reach neither side from the other.
    (void)state.apply(notification(T::EndpointDelete, kEp, {{"Name", "e"}}));
    (void)rebuilt.apply(notification(T::NetworkModify, kNet, {{"Name", "other"}}));
    QVERIFY(!state.find(kEp));
    QVERIFY(rebuilt.find(kEp));
    QCOMPARE(rebuilt.endpointsOfNetwork(kNet), std::vector<std::string>{kEp});
    QCOMPARE(state.find(kNet)->document->at("Name"), json("n49"));
    QCOMPARE(rebuilt.find(kNet)->document->at("Name"), json("other"));
    // A plain copy after the hand-over is independent as well.
    hcn::HostState copy = rebuilt;
    (void)rebuilt.apply(notification(T::NetworkDelete, kNet, {{"Name", "other"}}));
    QVERIFY(copy.find(kNet));
    QVERIFY(!rebuilt.find(kNet));
}

void TestHostState::eventBuiltCopyEqualsTheEngine_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed : {1u, 2u, 3u, 7u, 42u, 1234u, 99991u, 271828u})
        QTest::newRow(qPrintable(QString("seed %1").arg(seed))) << seed;
}

void TestHostState::eventBuiltCopyEqualsTheEngine()
{
    QFETCH(quint32, seed);
    const int steps = qEnvironmentVariableIsSet("HCN_RANDOM_STEPS")
                          ? qEnvironmentVariableIntValue("HCN_RANDOM_STEPS")
                          : 250;
    hcn::EmbeddedApi api;
    std::mutex mutex;
    hcn::HostState copy;
    std::vector<std::string> surprises;
    // Subscribed before the first call: every object arrives as events.
    const auto subscription = api.engine().subscribe([&](const hcn::Notification& n) {
        std::lock_guard lock(mutex);
        (void)copy.apply(n, &surprises);
    });
    Walk walk(api.engine(), seed);
    std::set<ResourceKind> reached;
    for (int step = 1; step <= steps; ++step) {
        const std::string what = walk.step();
        api.engine().drainNotifications();
        auto snapshot = api.snapshot("");
        HCN_VERIFY_OK(snapshot);
        auto objects = hcn::parseHostSnapshot(*snapshot);
        HCN_VERIFY_OK(objects);
        hcn::HostState engine;
        (void)engine.assign(std::move(*objects));
        for (auto kind : hcn::kResourceKinds)
            if (engine.count(kind) > 0)
                reached.insert(kind);

        std::lock_guard lock(mutex);
        QStringList problems = hostDifferences(copy, engine);
        for (const auto& surprise : surprises)
            problems << qs(surprise);
        // Namespace membership read from endpoints agrees with the namespaces' own lists.
        for (const hcn::HostObject* ns : engine.objects(ResourceKind::Namespace)) {
            auto listed = hcn::namespaceEndpointIds(*ns->document);
            std::sort(listed.begin(), listed.end());
            if (listed != engine.endpointsOfNamespace(ns->id))
                problems << qs("namespace " + ns->id + " lists endpoints its endpoints do not name");
        }
        if (!problems.isEmpty())
            QFAIL(qPrintable(QString("seed %1, step %2 (%3):\n%4")
                                 .arg(seed)
                                 .arg(step)
                                 .arg(qs(what), problems.join('\n'))));
    }
    api.engine().unsubscribe(subscription);
    // The walk held objects of every kind at some point, or the comparison proved less than it claims.
    QCOMPARE(reached.size(), hcn::kResourceKinds.size());
}

QTEST_GUILESS_MAIN(TestHostState)
#include "tst_hoststate.moc"
