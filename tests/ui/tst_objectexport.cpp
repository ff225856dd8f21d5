// ObjectExport: what lands in a file or on the clipboard is what the service says about the objects:
// the v2 document as queried, the v1 Get-Hns* shape, or the snapshot of the whole host.

#include "hcn/embedded_api.h"
#include "models/object_export.h"
#include "models/scenario_loader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using hcn::ResourceKind;
using hcn::ui::ExportSchema;
using hcn::ui::ExportTarget;
using hcn::ui::ObjectExport;

namespace {

struct SampleHost
{
    std::shared_ptr<hcn::EmbeddedApi> api = std::make_shared<hcn::EmbeddedApi>();

    bool load()
    {
        hcn::ui::ScenarioLoader loader(*api);
        return loader.loadFile(qEnvironmentVariable("HCN_SOURCE_DIR") +
                               "/resources/scenarios/sample-host.json");
    }
    /// The ID of the object of `kind` named `name`.
    QString idByName(ResourceKind kind, const QString& name)
    {
        const std::string filter =
            QJsonDocument(QJsonObject{{"Filter", QString::fromUtf8(QJsonDocument(QJsonObject{{"Name", name}})
                                                                       .toJson(QJsonDocument::Compact))}})
                .toJson(QJsonDocument::Compact)
                .toStdString();
        auto ids = api->enumerate(kind, filter);
        return QJsonDocument::fromJson(QByteArray::fromStdString(*ids)).array().at(0).toString();
    }
    QJsonObject query(ResourceKind kind, const QString& id, const std::string& query = {})
    {
        auto handle = api->open(kind, *hcn::Guid::parse(id.toStdString()));
        auto text = api->query(kind, *handle, query);
        (void)api->close(kind, *handle);
        return QJsonDocument::fromJson(QByteArray::fromStdString(*text)).object();
    }
};

} // namespace

class TestObjectExport : public QObject
{
    Q_OBJECT
private slots:
    void oneObjectIsItsDocument_data();
    void oneObjectIsItsDocument();
    void severalObjectsAreAnArrayInSelectionOrder();
    void everythingIsTheSnapshot();
    void unknownObjectFailsWithTheEnginesError();
    void emptySelectionIsAnError();
};

void TestObjectExport::oneObjectIsItsDocument_data()
{
    QTest::addColumn<int>("schema");
    QTest::addColumn<QString>("networkField"); // the field that names the endpoint's network
    QTest::newRow("v2 as queried") << int(ExportSchema::V2) << "HostComputeNetwork";
    QTest::newRow("v1 as Get-HnsEndpoint shows it") << int(ExportSchema::V1) << "VirtualNetwork";
}

void TestObjectExport::oneObjectIsItsDocument()
{
    QFETCH(int, schema);
    QFETCH(QString, networkField);
    SampleHost host;
    QVERIFY(host.load());
    const QString web = host.idByName(ResourceKind::Endpoint, "web-frontend");
    QVERIFY(!web.isEmpty());

    auto exported = ObjectExport(*host.api).objects({{ResourceKind::Endpoint, web}}, ExportSchema(schema));
    QVERIFY2(exported.ok(), exported.status().message().c_str());
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*exported, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(document.isObject());
    // Indented for people, and exactly what the service answers for that query.
    QVERIFY(exported->contains("\n  \""));
    QCOMPARE(document.object(),
             host.query(ResourceKind::Endpoint, web, ObjectExport::queryFor(ExportSchema(schema))));
    QVERIFY(document.object().contains(networkField));
}

void TestObjectExport::severalObjectsAreAnArrayInSelectionOrder()
{
    SampleHost host;
    QVERIFY(host.load());
    const QString lb = host.idByName(ResourceKind::LoadBalancer, "kube-dns");
    const QString network = host.idByName(ResourceKind::Network, "vxlan0");
    auto exported = ObjectExport(*host.api).objects(
        {{ResourceKind::LoadBalancer, lb}, {ResourceKind::Network, network}}, ExportSchema::V2);
    QVERIFY(exported.ok());
    const QJsonArray array = QJsonDocument::fromJson(*exported).array();
    QCOMPARE(array.size(), 2);
    QCOMPARE(array[0].toObject(), host.query(ResourceKind::LoadBalancer, lb));
    QCOMPARE(array[1].toObject(), host.query(ResourceKind::Network, network));
}

void TestObjectExport::everythingIsTheSnapshot()
{
    SampleHost host;
    QVERIFY(host.load());
    auto exported = ObjectExport(*host.api).everything();
    QVERIFY(exported.ok());
    auto snapshot = host.api->snapshot("");
    QVERIFY(snapshot.ok());
    const QJsonObject all = QJsonDocument::fromJson(*exported).object();
    QCOMPARE(all, QJsonDocument::fromJson(QByteArray::fromStdString(*snapshot)).object());
    QCOMPARE(all["Endpoints"].toArray().size(), 11);
    QVERIFY(all.contains("HnsVersion"));
    // Members keep the service's order (ID first), not alphabetical order.
    const QByteArray text = *exported;
    const qsizetype firstNetwork = text.indexOf("\"Networks\"");
    QVERIFY(firstNetwork > 0);
    QVERIFY(text.indexOf("\"HnsVersion\"") < firstNetwork);
}

void TestObjectExport::unknownObjectFailsWithTheEnginesError()
{
    SampleHost host;
    auto exported = ObjectExport(*host.api).objects(
        {{ResourceKind::Network, "0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0"}}, ExportSchema::V2);
    QVERIFY(!exported.ok());
    QCOMPARE(exported.code(), hcn::hr::NetworkNotFound);
}

void TestObjectExport::emptySelectionIsAnError()
{
    SampleHost host;
    auto exported = ObjectExport(*host.api).objects({}, ExportSchema::V2);
    QVERIFY(!exported.ok());
    QVERIFY(!exported.status().message().empty());
}

QTEST_GUILESS_MAIN(TestObjectExport)
#include "tst_objectexport.moc"
