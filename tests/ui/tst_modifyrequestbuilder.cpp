// ModifyRequestBuilder: the exact HCN modify requests for each kind of edit, and proof on a real engine
// that sending them turns the applied document into the edited one.

#include "editors/hcn_calls.h"
#include "editors/modify_request_builder.h"
#include "hcn/embedded_api.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace hcn;
using namespace hcn::ui;

Q_DECLARE_METATYPE(hcn::ResourceKind)

namespace {

QJsonObject obj(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

QJsonArray arr(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).array();
}

QString compact(const QJsonArray& a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

const char* kPm80 =
    R"({"Type":"PortMapping","Settings":{"Protocol":6,"InternalPort":80,"ExternalPort":8080}})";
const char* kPm81 =
    R"({"Type":"PortMapping","Settings":{"Protocol":6,"InternalPort":81,"ExternalPort":8081}})";
const char* kAcl =
    R"({"Type":"ACL","Settings":{"Action":"Block","Direction":"Out","Priority":200,"RemoteAddresses":"10.0.0.0/8"}})";

QJsonObject withPolicies(QJsonObject doc, std::initializer_list<const char*> policies)
{
    QJsonArray list;
    for (const char* p : policies)
        list.append(obj(p));
    if (list.isEmpty())
        doc.remove(QStringLiteral("Policies"));
    else
        doc.insert(QStringLiteral("Policies"), list);
    return doc;
}

/// Network policy order across types is not kept by Update (it replaces a type's policies at the
/// end); within a type it is. Sort by type, stable, to compare what HCN promises.
QJsonObject sortedNetworkPolicies(QJsonObject doc)
{
    QJsonArray policies = doc.value(QStringLiteral("Policies")).toArray();
    QList<QJsonValue> list(policies.begin(), policies.end());
    std::stable_sort(list.begin(), list.end(), [](const QJsonValue& a, const QJsonValue& b) {
        return a.toObject().value(QStringLiteral("Type")).toString() <
               b.toObject().value(QStringLiteral("Type")).toString();
    });
    QJsonArray sorted;
    for (const auto& v : list)
        sorted.append(v);
    if (!sorted.isEmpty())
        doc.insert(QStringLiteral("Policies"), sorted);
    return doc;
}

} // namespace

class TestModifyRequestBuilder : public QObject
{
    Q_OBJECT
private slots:
    void requests_data();
    void requests();
    void unsupportedChangesAreReported_data();
    void unsupportedChangesAreReported();
    void appliedToEngine_data();
    void appliedToEngine();
    void namespaceMembershipOnEngine();
    void loadBalancerReplacementOnEngine();
};

void TestModifyRequestBuilder::requests_data()
{
    QTest::addColumn<ResourceKind>("kind");
    QTest::addColumn<QJsonObject>("applied");
    QTest::addColumn<QJsonObject>("edited");
    QTest::addColumn<QJsonArray>("expected");
    const QJsonObject ep = obj(R"({"Name":"e","ID":"B4AB2D96-1D29-45B9-BA90-1466B9610CD9"})");
    const QString pm80 = QString::fromLatin1(kPm80), pm81 = QString::fromLatin1(kPm81),
                  acl = QString::fromLatin1(kAcl);
    auto req = [](const char* type, const QString& policies) {
        return QJsonDocument::fromJson(
                   QStringLiteral(
                       R"([{"ResourceType":"Policy","RequestType":"%1","Settings":{"Policies":[%2]}}])")
                       .arg(QLatin1String(type), policies)
                       .toUtf8())
            .array();
    };
    QTest::newRow("nothing changed: no request")
        << ResourceKind::Endpoint << withPolicies(ep, {kPm80}) << withPolicies(ep, {kPm80}) << QJsonArray();
    QTest::newRow("endpoint policy added: Add with the new policy")
        << ResourceKind::Endpoint << withPolicies(ep, {kPm80}) << withPolicies(ep, {kPm80, kAcl})
        << req("Add", acl);
    QTest::newRow("first endpoint policy added")
        << ResourceKind::Endpoint << ep << withPolicies(ep, {kAcl}) << req("Add", acl);
    QTest::newRow("endpoint policy removed: Remove by content")
        << ResourceKind::Endpoint << withPolicies(ep, {kPm80, kAcl}) << withPolicies(ep, {kAcl})
        << req("Remove", pm80);
    QTest::newRow("last endpoint policy removed")
        << ResourceKind::Endpoint << withPolicies(ep, {kAcl}) << ep << req("Remove", acl);
    QTest::newRow("endpoint policy changed: Update with the whole set")
        << ResourceKind::Endpoint << withPolicies(ep, {kPm80, kAcl}) << withPolicies(ep, {kPm81, kAcl})
        << req("Update", pm81 + QLatin1Char(',') + acl);
    QTest::newRow("endpoint policy inserted in the middle: Update keeps the order")
        << ResourceKind::Endpoint << withPolicies(ep, {kPm80, kAcl}) << withPolicies(ep, {kPm80, kPm81, kAcl})
        << req("Update", pm80 + QLatin1Char(',') + pm81 + QLatin1Char(',') + acl);

    const QJsonObject net = obj(R"({"Name":"ov","ID":"AEF21305-600D-4F51-AB62-05B1B844191D"})");
    const char* route1 =
        R"({"Type":"RemoteSubnetRoute","Settings":{"DestinationPrefix":"10.244.2.0/24","IsolationId":4096,"ProviderAddress":"10.0.0.5"}})";
    const char* route2 =
        R"({"Type":"RemoteSubnetRoute","Settings":{"DestinationPrefix":"10.244.3.0/24","IsolationId":4096,"ProviderAddress":"10.0.0.6"}})";
    const char* hostRoute = R"({"Type":"HostRoute","Settings":{}})";
    QTest::newRow("network policy added")
        << ResourceKind::Network << withPolicies(net, {route1}) << withPolicies(net, {route1, hostRoute})
        << req("Add", QString::fromLatin1(hostRoute));
    QTest::newRow("network policy removed")
        << ResourceKind::Network << withPolicies(net, {route1, hostRoute}) << withPolicies(net, {route1})
        << req("Remove", QString::fromLatin1(hostRoute));
    QTest::newRow("network policy changed: Update names only that type")
        << ResourceKind::Network << withPolicies(net, {hostRoute, route1})
        << withPolicies(net, {hostRoute, route2}) << req("Update", QString::fromLatin1(route2));
    QTest::newRow("network: one type removed, another changed")
        << ResourceKind::Network << withPolicies(net, {hostRoute, route1}) << withPolicies(net, {route2})
        << QJsonArray{req("Remove", QString::fromLatin1(hostRoute)).first(),
                      req("Update", QString::fromLatin1(route2)).first()};
    QJsonObject netWithDns = net;
    netWithDns.insert(QStringLiteral("Dns"), obj(R"({"ServerList":["10.0.0.10"]})"));
    QTest::newRow("network Dns set: DNS Update")
        << ResourceKind::Network << net << netWithDns
        << arr(R"([{"ResourceType":"DNS","RequestType":"Update","Settings":{"ServerList":["10.0.0.10"]}}])");

    const QJsonObject ns = obj(
        R"({"Type":"Host","Resources":[{"Type":"Endpoint","Data":{"ID":"11111111-1111-1111-1111-111111111111"}}]})");
    const QJsonObject nsEdited = obj(
        R"({"Type":"Host","Resources":[{"Type":"Endpoint","Data":{"ID":"22222222-2222-2222-2222-222222222222"}},{"Type":"Container","Data":{"ID":"c1"}}]})");
    QTest::newRow("namespace membership: detach, then attach")
        << ResourceKind::Namespace << ns << nsEdited
        << arr(R"([{"ResourceType":"Endpoint","RequestType":"Remove","Settings":{"EndpointId":"11111111-1111-1111-1111-111111111111"}},
                  {"ResourceType":"Endpoint","RequestType":"Add","Settings":{"EndpointId":"22222222-2222-2222-2222-222222222222"}},
                  {"ResourceType":"Container","RequestType":"Add","Settings":{"ContainerId":"c1"}}])");
    QTest::newRow("namespace: endpoint ID case does not count as a change")
        << ResourceKind::Namespace << ns
        << obj(R"({"Type":"Host","Resources":[{"Type":"Endpoint","Data":{"ID":"11111111-1111-1111-1111-111111111111"}}]})")
        << QJsonArray();

    const QJsonObject lb =
        obj(R"({"ID":"D7461BEF-802B-48F7-83E4-A915E7295429","FrontendVIPs":["10.96.0.10"],"Flags":0})");
    QJsonObject lbEdited = lb;
    lbEdited.insert(QStringLiteral("Flags"), 1);
    QTest::newRow("load balancer: the whole edited document")
        << ResourceKind::LoadBalancer << lb << lbEdited << QJsonArray{lbEdited};
}

void TestModifyRequestBuilder::requests()
{
    QFETCH(ResourceKind, kind);
    QFETCH(QJsonObject, applied);
    QFETCH(QJsonObject, edited);
    QFETCH(QJsonArray, expected);
    const ModifyPlan plan = ModifyRequestBuilder::build(kind, applied, edited);
    QVERIFY2(plan.canApply(), qPrintable(plan.unsupported.join(QLatin1Char('\n'))));
    QJsonArray actual;
    for (const auto& r : plan.requests)
        actual.append(r);
    QCOMPARE(compact(actual), compact(expected));
    QCOMPARE(plan.replacement, kind == ResourceKind::LoadBalancer && !expected.isEmpty());
}

void TestModifyRequestBuilder::unsupportedChangesAreReported_data()
{
    QTest::addColumn<ResourceKind>("kind");
    QTest::addColumn<QJsonObject>("applied");
    QTest::addColumn<QJsonObject>("edited");
    QTest::addColumn<QString>("field");
    QTest::newRow("network rename") << ResourceKind::Network << obj(R"({"Name":"a"})")
                                    << obj(R"({"Name":"b"})") << "Name";
    QTest::newRow("endpoint MAC address")
        << ResourceKind::Endpoint << obj(R"({"MacAddress":"00-15-5D-00-00-01"})")
        << obj(R"({"MacAddress":"00-15-5D-00-00-02"})") << "MacAddress";
    QTest::newRow("namespace type") << ResourceKind::Namespace << obj(R"({"Type":"Host"})")
                                    << obj(R"({"Type":"Guest"})") << "Type";
    QTest::newRow("an unknown field added in the JSON tab")
        << ResourceKind::Endpoint << obj(R"({"Name":"e"})") << obj(R"({"Name":"e","Custom":1})") << "Custom";
    QTest::newRow("a service field") << ResourceKind::LoadBalancer << obj(R"({"Version":1})")
                                     << obj(R"({"Version":2})") << "Version";
}

void TestModifyRequestBuilder::unsupportedChangesAreReported()
{
    QFETCH(ResourceKind, kind);
    QFETCH(QJsonObject, applied);
    QFETCH(QJsonObject, edited);
    QFETCH(QString, field);
    const ModifyPlan plan = ModifyRequestBuilder::build(kind, applied, edited);
    QVERIFY(!plan.canApply());
    QCOMPARE(plan.unsupported.size(), 1);
    QVERIFY2(plan.unsupported.front().startsWith(field + QLatin1Char(':')),
             qPrintable(plan.unsupported.front()));
    QVERIFY(!ModifyRequestBuilder::lockedReason(kind, field).isEmpty());
}

void TestModifyRequestBuilder::appliedToEngine_data()
{
    QTest::addColumn<ResourceKind>("kind");
    QTest::addColumn<QJsonArray>("initial");
    QTest::addColumn<QJsonArray>("edited");
    const char* route1 =
        R"({"Type":"RemoteSubnetRoute","Settings":{"DestinationPrefix":"10.244.2.0/24","IsolationId":4096,"ProviderAddress":"10.0.0.5"}})";
    const char* route2 =
        R"({"Type":"RemoteSubnetRoute","Settings":{"DestinationPrefix":"10.244.3.0/24","IsolationId":4096,"ProviderAddress":"10.0.0.6"}})";
    const char* hostRoute = R"({"Type":"HostRoute","Settings":{}})";
    auto list = [](std::initializer_list<const char*> items) {
        QJsonArray a;
        for (const char* i : items)
            a.append(obj(i));
        return a;
    };
    QTest::newRow("endpoint: add") << ResourceKind::Endpoint << list({kPm80}) << list({kPm80, kAcl});
    QTest::newRow("endpoint: remove") << ResourceKind::Endpoint << list({kPm80, kAcl}) << list({kAcl});
    QTest::newRow("endpoint: change the port")
        << ResourceKind::Endpoint << list({kPm80, kAcl}) << list({kPm81, kAcl});
    QTest::newRow("endpoint: remove everything")
        << ResourceKind::Endpoint << list({kPm80, kAcl}) << QJsonArray();
    QTest::newRow("endpoint: reorder and add")
        << ResourceKind::Endpoint << list({kPm80, kAcl}) << list({kAcl, kPm81, kPm80});
    QTest::newRow("network: add") << ResourceKind::Network << list({route1}) << list({route1, hostRoute});
    QTest::newRow("network: remove") << ResourceKind::Network << list({route1, hostRoute})
                                     << list({hostRoute});
    QTest::newRow("network: change a route")
        << ResourceKind::Network << list({hostRoute, route1}) << list({hostRoute, route2});
    QTest::newRow("network: remove one type, change another")
        << ResourceKind::Network << list({hostRoute, route1}) << list({route2});
    QTest::newRow("network: two of a type become one")
        << ResourceKind::Network << list({route1, route2}) << list({route2});
}

void TestModifyRequestBuilder::appliedToEngine()
{
    QFETCH(ResourceKind, kind);
    QFETCH(QJsonArray, initial);
    QFETCH(QJsonArray, edited);
    EmbeddedApi api;
    QJsonObject netDoc = obj(R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"ov","Type":"Overlay",
        "Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"10.244.1.0/24","Routes":[{"NextHop":"10.244.1.1","DestinationPrefix":"0.0.0.0/0"}]}]}]})");
    if (kind == ResourceKind::Network)
        netDoc.insert(QStringLiteral("Policies"), initial);
    auto net = HcnCalls::create(&api, ResourceKind::Network, {}, netDoc);
    QVERIFY2(net.ok(), net.status().message().c_str());
    QString id = *net;
    if (kind == ResourceKind::Endpoint) {
        QJsonObject epDoc = obj(R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"e"})");
        epDoc.insert(QStringLiteral("Policies"), initial);
        auto ep = HcnCalls::create(&api, ResourceKind::Endpoint, {}, epDoc, *net);
        QVERIFY2(ep.ok(), ep.status().message().c_str());
        id = *ep;
    }
    const auto applied = HcnCalls::query(&api, kind, id);
    QVERIFY(applied.ok());
    QJsonObject target = *applied;
    if (edited.isEmpty())
        target.remove(QStringLiteral("Policies"));
    else
        target.insert(QStringLiteral("Policies"), edited);

    const ModifyPlan plan = ModifyRequestBuilder::build(kind, *applied, target);
    QVERIFY(plan.canApply());
    QVERIFY(!plan.requests.isEmpty());
    for (const auto& request : plan.requests) {
        const Status s = HcnCalls::modify(&api, kind, id, request);
        QVERIFY2(s.ok(), s.message().c_str());
    }
    const auto after = HcnCalls::query(&api, kind, id);
    QVERIFY(after.ok());
    if (kind == ResourceKind::Network)
        QCOMPARE(sortedNetworkPolicies(*after), sortedNetworkPolicies(target));
    else
        QCOMPARE(*after, target);
    // And back: the inverse plan restores the applied document.
    const ModifyPlan back = ModifyRequestBuilder::build(kind, *after, *applied, true);
    for (const auto& request : back.requests)
        QVERIFY(HcnCalls::modify(&api, kind, id, request).ok());
    const auto restored = HcnCalls::query(&api, kind, id);
    QCOMPARE(kind == ResourceKind::Network ? sortedNetworkPolicies(*restored) : *restored,
             kind == ResourceKind::Network ? sortedNetworkPolicies(*applied) : *applied);
}

void TestModifyRequestBuilder::namespaceMembershipOnEngine()
{
    EmbeddedApi api;
    auto net = HcnCalls::create(&api, ResourceKind::Network, {},
                                obj(R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"nat","Type":"NAT"})"));
    QVERIFY(net.ok());
    const QJsonObject epDoc = obj(R"({"SchemaVersion":{"Major":2,"Minor":0}})");
    auto a = HcnCalls::create(&api, ResourceKind::Endpoint, {}, epDoc, *net);
    auto b = HcnCalls::create(&api, ResourceKind::Endpoint, {}, epDoc, *net);
    auto ns = HcnCalls::create(&api, ResourceKind::Namespace, {},
                               obj(R"({"SchemaVersion":{"Major":2,"Minor":0}})"));
    QVERIFY(a.ok() && b.ok() && ns.ok());
    QVERIFY(HcnCalls::setNamespaceMembership(&api, *ns, *a, true).ok());
    const auto applied = HcnCalls::query(&api, ResourceKind::Namespace, *ns);
    QJsonObject edited = *applied;
    edited.insert(QStringLiteral("Resources"),
                  QJsonArray{QJsonObject{{QStringLiteral("Type"), QStringLiteral("Endpoint")},
                                         {QStringLiteral("Data"), QJsonObject{{QStringLiteral("ID"), *b}}}}});
    const ModifyPlan plan = ModifyRequestBuilder::build(ResourceKind::Namespace, *applied, edited);
    QCOMPARE(plan.requests.size(), 2);
    for (const auto& request : plan.requests)
        QVERIFY(HcnCalls::modify(&api, ResourceKind::Namespace, *ns, request).ok());
    QCOMPARE(*HcnCalls::query(&api, ResourceKind::Namespace, *ns), edited);
    QVERIFY(
        !HcnCalls::query(&api, ResourceKind::Endpoint, *a)->contains(QStringLiteral("HostComputeNamespace")));
    QCOMPARE(HcnCalls::query(&api, ResourceKind::Endpoint, *b)
                 ->value(QStringLiteral("HostComputeNamespace"))
                 .toString(),
             *ns);
}

void TestModifyRequestBuilder::loadBalancerReplacementOnEngine()
{
    EmbeddedApi api;
    auto lb = HcnCalls::create(
        &api, ResourceKind::LoadBalancer, {},
        obj(R"({"SchemaVersion":{"Major":2,"Minor":0},"FrontendVIPs":["10.96.0.10"],"HostComputeEndpoints":[],
                                       "PortMappings":[{"Protocol":6,"InternalPort":80,"ExternalPort":80}]})"));
    QVERIFY(lb.ok());
    const auto applied = HcnCalls::query(&api, ResourceKind::LoadBalancer, *lb);
    QJsonObject edited = *applied;
    edited.insert(QStringLiteral("Flags"), 1);
    edited.insert(QStringLiteral("FrontendVIPs"), QJsonArray{QStringLiteral("10.96.0.11")});
    const ModifyPlan plan = ModifyRequestBuilder::build(ResourceKind::LoadBalancer, *applied, edited);
    QVERIFY(plan.replacement);
    QCOMPARE(plan.requests.size(), 1);
    QVERIFY(HcnCalls::modify(&api, ResourceKind::LoadBalancer, *lb, plan.requests.front()).ok());
    QCOMPARE(*HcnCalls::query(&api, ResourceKind::LoadBalancer, *lb), edited);
}

QTEST_GUILESS_MAIN(TestModifyRequestBuilder)
#include "tst_modifyrequestbuilder.moc"
