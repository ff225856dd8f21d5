// ScenarioLoader: the shipped scenarios load into a real engine; a bad scenario names the entry and the
// HRESULT that failed and leaves the host exactly as it was.

#include "hcn/embedded_api.h"
#include "models/console_resources.h"
#include "models/scenario_loader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using hcn::ResourceKind;
using hcn::ui::ScenarioLoader;

namespace {

QString scenarioPath(const QString& name)
{
    return qEnvironmentVariable("HCN_SOURCE_DIR") + QStringLiteral("/resources/scenarios/") + name;
}

QJsonObject readScenario(const QString& name)
{
    QFile file(scenarioPath(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QJsonArray queryAll(hcn::Api& api, ResourceKind kind)
{
    auto ids = api.enumerate(kind, "");
    QJsonArray documents;
    for (const QJsonValue& id : QJsonDocument::fromJson(QByteArray::fromStdString(*ids)).array()) {
        auto handle = api.open(kind, *hcn::Guid::parse(id.toString().toStdString()));
        auto text = api.query(kind, *handle, "");
        documents.append(QJsonDocument::fromJson(QByteArray::fromStdString(*text)).object());
        (void)api.close(kind, *handle);
    }
    return documents;
}

QJsonObject byName(const QJsonArray& documents, const QString& name)
{
    for (const QJsonValue& document : documents)
        if (document.toObject().value(QLatin1String("Name")).toString() == name)
            return document.toObject();
    return {};
}

const char* kTwoEndpoints = R"({
  "Networks": [{"Name": "nat", "Type": "NAT", "Ipams": [{"Type": "Static", "Subnets": [
      {"IpAddressPrefix": "172.30.0.0/24", "Routes": [{"NextHop": "172.30.0.1", "DestinationPrefix": "0.0.0.0/0"}]}]}]}],
  "Endpoints": [
    {"Name": "web", "HostComputeNetwork": "nat",
     "Policies": [{"Type": "PortMapping", "Settings": {"Protocol": "TCP", "InternalPort": 80, "ExternalPort": 8080}}]},
    %1
  ],
  "Namespaces": [{"ID": "0D5B8E1A-2C3F-4A6B-9D7E-8F9A0B1C2D3E"}],
  "Attach": [{"Namespace": "0D5B8E1A-2C3F-4A6B-9D7E-8F9A0B1C2D3E", "Endpoint": "web"} %2],
  "LoadBalancers": [{"FrontendVIPs": ["10.96.0.1"], "HostComputeEndpoints": [%3],
                     "PortMappings": [{"Protocol": 6, "InternalPort": 80, "ExternalPort": 80}]}]
})";

QByteArray twoEndpoints(const QString& secondEndpoint, const QString& extraAttach = {},
                        const QString& backends = QStringLiteral("\"web\""))
{
    return QString::fromLatin1(kTwoEndpoints).arg(secondEndpoint, extraAttach, backends).toUtf8();
}

} // namespace

class TestScenarioLoader : public QObject
{
    Q_OBJECT
private slots:
    void shippedScenarioLoadsCompletely_data();
    void shippedScenarioLoadsCompletely();
    void sampleHostShowsWhatTheDocsPromise();
    void failedEntryIsNamedAndTheHostIsUnchanged_data();
    void failedEntryIsNamedAndTheHostIsUnchanged();
    void resourceScenarioLoads();
    void snapshotLoadsAsAScenario();
};

void TestScenarioLoader::shippedScenarioLoadsCompletely_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("sample host (the default at startup)") << QStringLiteral("sample-host.json");
    QTest::newRow("empty host") << QStringLiteral("empty.json");
}

void TestScenarioLoader::shippedScenarioLoadsCompletely()
{
    QFETCH(QString, file);
    const QJsonObject scenario = readScenario(file);
    QVERIFY2(!scenario.isEmpty(), qPrintable(scenarioPath(file)));

    auto api = std::make_shared<hcn::EmbeddedApi>();
    ScenarioLoader loader(*api);
    QVERIFY2(loader.loadFile(scenarioPath(file)), qPrintable(loader.error().text()));
    QVERIFY(!loader.description().isEmpty());

    const auto counts = api->engine().counts();
    QCOMPARE(qsizetype(counts.networks), scenario.value("Networks").toArray().size());
    QCOMPARE(qsizetype(counts.endpoints), scenario.value("Endpoints").toArray().size());
    QCOMPARE(qsizetype(counts.namespaces), scenario.value("Namespaces").toArray().size());
    QCOMPARE(qsizetype(counts.loadBalancers), scenario.value("LoadBalancers").toArray().size());
    QCOMPARE(loader.createdCount(),
             int(counts.networks + counts.endpoints + counts.namespaces + counts.loadBalancers));
    // The loader closes every handle it opened.
    QCOMPARE(counts.openHandles, std::size_t(0));
}

void TestScenarioLoader::sampleHostShowsWhatTheDocsPromise()
{
    auto api = std::make_shared<hcn::EmbeddedApi>();
    ScenarioLoader loader(*api);
    QVERIFY2(loader.loadFile(scenarioPath("sample-host.json")), qPrintable(loader.error().text()));

    const QJsonArray networks = queryAll(*api, ResourceKind::Network);
    const QJsonArray endpoints = queryAll(*api, ResourceKind::Endpoint);
    const QJsonArray loadBalancers = queryAll(*api, ResourceKind::LoadBalancer);

    const QJsonObject overlay = byName(networks, "vxlan0");
    QCOMPARE(overlay.value("Type").toString(), QStringLiteral("Overlay"));
    const QJsonObject subnet = overlay["Ipams"][0]["Subnets"][0].toObject();
    QCOMPARE(subnet["Policies"][0]["Type"].toString(), QStringLiteral("VSID"));

    // Containers on the NAT network publish ports and sit in their namespaces.
    const QJsonObject web = byName(endpoints, "web-frontend");
    QCOMPARE(web["Policies"][0]["Type"].toString(), QStringLiteral("PortMapping"));
    QVERIFY(!web.value("HostComputeNamespace").toString().isEmpty());

    // Remote pods: the RemoteEndpoint flag and the node's provider address.
    int remote = 0;
    for (const QJsonValue& endpoint : endpoints)
        if (endpoint["Flags"].toInt() & 1) {
            ++remote;
            QCOMPARE(endpoint["Policies"][0]["Type"].toString(), QStringLiteral("ProviderAddress"));
        }
    QVERIFY(remote >= 2);

    int dsr = 0;
    for (const QJsonValue& lb : loadBalancers) {
        QVERIFY(!lb["FrontendVIPs"].toArray().isEmpty());
        QVERIFY(!lb["HostComputeEndpoints"].toArray().isEmpty());
        dsr += lb["Flags"].toInt() & 1;
    }
    QCOMPARE(dsr, 1);
}

void TestScenarioLoader::failedEntryIsNamedAndTheHostIsUnchanged_data()
{
    QTest::addColumn<QByteArray>("scenario");
    QTest::addColumn<QString>("entry");
    QTest::addColumn<QString>("hresult");

    QTest::newRow("endpoint address outside every subnet")
        << twoEndpoints(
               R"({"Name": "db", "HostComputeNetwork": "nat", "IpConfigurations": [{"IpAddress": "8.8.8.8"}]})")
        << "Endpoints[1] (db)"
        << "HCN_E_INVALID_IP";
    QTest::newRow("second endpoint publishes the same host port")
        << twoEndpoints(R"({"Name": "web2", "HostComputeNetwork": "nat", "Policies": [{"Type": "PortMapping",
                          "Settings": {"Protocol": "TCP", "InternalPort": 81, "ExternalPort": 8080}}]})")
        << "Endpoints[1] (web2)"
        << "HCN_E_PORT_ALREADY_EXISTS";
    QTest::newRow("endpoint attached twice")
        << twoEndpoints(R"({"Name": "db", "HostComputeNetwork": "nat"})",
                        R"(, {"Namespace": "0D5B8E1A-2C3F-4A6B-9D7E-8F9A0B1C2D3E", "Endpoint": "web"})")
        << "Attach[1] (web -> 0D5B8E1A-2C3F-4A6B-9D7E-8F9A0B1C2D3E)"
        << "HCN_E_ENDPOINT_NAMESPACE_ALREADY_EXISTS";
    QTest::newRow("load balancer backend the scenario does not define")
        << twoEndpoints(R"({"Name": "db", "HostComputeNetwork": "nat"})", {}, R"("web", "cache")")
        << "LoadBalancers[0]"
        << "E_INVALIDARG";
    QTest::newRow("endpoint on a network the scenario does not define")
        << twoEndpoints(R"({"Name": "db", "HostComputeNetwork": "overlay"})") << "Endpoints[1] (db)"
        << "E_INVALIDARG";
    QTest::newRow("malformed JSON") << QByteArray("{\n  \"Networks\": [\n    {\"Name\": \"nat\",,}\n  ]\n}")
                                    << ""
                                    << "HCN_E_INVALID_JSON";
    QTest::newRow("unknown section") << QByteArray(R"({"Networks": [], "Containers": []})") << "Containers"
                                     << "E_INVALIDARG";
}

void TestScenarioLoader::failedEntryIsNamedAndTheHostIsUnchanged()
{
    QFETCH(QByteArray, scenario);
    QFETCH(QString, entry);
    QFETCH(QString, hresult);

    auto api = std::make_shared<hcn::EmbeddedApi>();
    // Something the user already has on the host must survive the failed load.
    auto existing = api->create(ResourceKind::Network, {},
                                R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"existing","Type":"Internal",
                                   "Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"192.168.77.0/24"}]}]})",
                                0);
    QVERIFY(existing.ok());
    (void)api->close(ResourceKind::Network, *existing);

    ScenarioLoader loader(*api);
    QVERIFY(!loader.load(scenario));
    QCOMPARE(loader.error().entry, entry);
    QCOMPARE(QString::fromLatin1(hcn::hresultName(loader.error().code)), hresult);
    QVERIFY(loader.error().text().contains(hresult));
    QVERIFY(!loader.error().message.isEmpty());
    if (hresult == "HCN_E_INVALID_JSON")
        QVERIFY2(loader.error().message.contains("line 3"), qPrintable(loader.error().message));

    const auto counts = api->engine().counts();
    QCOMPARE(counts.networks, std::size_t(1));
    QCOMPARE(counts.endpoints, std::size_t(0));
    QCOMPARE(counts.namespaces, std::size_t(0));
    QCOMPARE(counts.loadBalancers, std::size_t(0));
    QCOMPARE(counts.openHandles, std::size_t(0));
}

void TestScenarioLoader::resourceScenarioLoads()
{
    // The startup scenario comes from the console's resources, compiled into hcn_ui.
    hcn::ui::initConsoleResources();
    auto api = std::make_shared<hcn::EmbeddedApi>();
    ScenarioLoader loader(*api);
    QVERIFY2(loader.loadFile(QStringLiteral(":/scenarios/sample-host.json")),
             qPrintable(loader.error().text()));
    QVERIFY(api->engine().counts().endpoints > 0);
}

void TestScenarioLoader::snapshotLoadsAsAScenario()
{
    // What File > Export all and hcnd.snapshot write: a header, every section, endpoints that name
    // their namespace while the namespace lists them in Resources.
    auto source = std::make_shared<hcn::EmbeddedApi>();
    ScenarioLoader first(*source);
    QVERIFY2(first.load(twoEndpoints(QStringLiteral(R"({"Name": "db", "HostComputeNetwork": "nat"})"))),
             qPrintable(first.error().text()));
    auto snapshot = source->snapshot("");
    QVERIFY(snapshot.ok());
    const QByteArray text = QByteArray::fromStdString(*snapshot);
    const QJsonObject document = QJsonDocument::fromJson(text).object();
    for (const char* key : {"HnsVersion", "SchemaVersion", "SdnRoutes", "GuestNetworkServices"})
        QVERIFY2(document.contains(QLatin1String(key)), key);

    auto copy = std::make_shared<hcn::EmbeddedApi>();
    ScenarioLoader again(*copy);
    QVERIFY2(again.load(text), qPrintable(again.error().text()));
    const QJsonObject web = byName(queryAll(*copy, ResourceKind::Endpoint), QStringLiteral("web"));
    QCOMPARE(web.value("ID").toString(),
             byName(queryAll(*source, ResourceKind::Endpoint), QStringLiteral("web")).value("ID").toString());
    QCOMPARE(web.value("HostComputeNamespace").toString().toUpper(),
             QStringLiteral("0D5B8E1A-2C3F-4A6B-9D7E-8F9A0B1C2D3E"));
    QCOMPARE(copy->engine().counts().loadBalancers, std::size_t(1));
    QCOMPARE(copy->engine().counts().openHandles, std::size_t(0));

    // A header key is accepted; any other unknown section is still an error.
    ScenarioLoader typo(*copy);
    QVERIFY(!typo.load(R"({"HnsVersion": {"Major": 15, "Minor": 4}, "Endpionts": []})"));
    QCOMPARE(typo.error().entry, QStringLiteral("Endpionts"));
}

QTEST_GUILESS_MAIN(TestScenarioLoader)
#include "tst_scenarioloader.moc"
