// ImportReportModel: one row per message of an import report, a severity filter that hides rows and
// leaves the counts alone, locations as an editor names them, and objects found by any spelling of
// their GUID; checked on hand-made reports and on the report the core gives for a real dump.

#include "dump_files.h"
#include "hcn/dump_import.h"
#include "models/import_report_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using hcn::ResourceKind;
using hcn::io::ImportMessage;
using hcn::io::ImportReport;
using hcn::io::ImportSeverity;
using hcn::ui::ImportReportModel;

Q_DECLARE_METATYPE(ImportMessage)

namespace {

const char* kEndpoint = "0F8E2D41-6A3B-4C5D-9E7F-8091A2B3C4D5";
const char* kLoadBalancer = "B5A4C3D2-E1F0-4A9B-8C7D-6E5F4A3B2C1D";

/// Two errors, three warnings, one info; two of them about objects.
std::shared_ptr<ImportReport> sampleReport()
{
    auto report = std::make_shared<ImportReport>();
    report->sources = {"network.txt", "endpoint.txt"};
    report->messages = {
        {ImportSeverity::Warning, "endpoint.txt", 2, 35, ResourceKind::Endpoint, kEndpoint,
         "its network is not in the dump"},
        {ImportSeverity::Error,
         "network.txt",
         80,
         80,
         ResourceKind::Invalid,
         {},
         "not valid JSON, not imported"},
        {ImportSeverity::Info, "", 0, 0, ResourceKind::Invalid, {}, "HNS version 9.2"},
        {ImportSeverity::Warning, "network.txt", 40, 61, ResourceKind::LoadBalancer, kLoadBalancer,
         "backend is not in the dump"},
        {ImportSeverity::Error, "logs.zip!x.exe", 0, 0, ResourceKind::Invalid, {}, "not text; skipped"},
        {ImportSeverity::Warning, "endpoint.txt", 7, 7, ResourceKind::Invalid, {}, "Policies: not expanded"},
    };
    hcn::io::ImportedObject endpoint;
    endpoint.kind = ResourceKind::Endpoint;
    endpoint.id = kEndpoint;
    endpoint.name = "Ethernet";
    endpoint.source = "endpoint.txt";
    hcn::io::ImportedObject balancer;
    balancer.kind = ResourceKind::LoadBalancer;
    balancer.id = "b5a4c3d2-e1f0-4a9b-8c7d-6e5f4a3b2c1d"; // as the dump spelled it
    report->objects = {endpoint, balancer};
    return report;
}

QStringList column(const ImportReportModel& model, int column)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, column).data().toString();
    return out;
}

} // namespace

class TestImportReportModel : public QObject
{
    Q_OBJECT
private slots:
    void severityFilterHidesRowsAndKeepsCounts_data()
    {
        QTest::addColumn<bool>("errors");
        QTest::addColumn<bool>("warnings");
        QTest::addColumn<bool>("infos");
        QTest::addColumn<QStringList>("messages");

        QTest::newRow("everything, in report order") << true << true << true
                                                     << QStringList{"its network is not in the dump",
                                                                    "not valid JSON, not imported",
                                                                    "HNS version 9.2",
                                                                    "backend is not in the dump",
                                                                    "not text; skipped",
                                                                    "Policies: not expanded"};
        QTest::newRow("info hidden") << true << true << false
                                     << QStringList{"its network is not in the dump",
                                                    "not valid JSON, not imported",
                                                    "backend is not in the dump", "not text; skipped",
                                                    "Policies: not expanded"};
        QTest::newRow("errors only") << true << false << false
                                     << QStringList{"not valid JSON, not imported", "not text; skipped"};
        QTest::newRow("warnings only") << false << true << false
                                       << QStringList{"its network is not in the dump",
                                                      "backend is not in the dump", "Policies: not expanded"};
        QTest::newRow("nothing") << false << false << false << QStringList{};
    }

    void severityFilterHidesRowsAndKeepsCounts()
    {
        QFETCH(bool, errors);
        QFETCH(bool, warnings);
        QFETCH(bool, infos);
        QFETCH(QStringList, messages);
        ImportReportModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReport(sampleReport());
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setSeverityShown(ImportSeverity::Error, errors);
        model.setSeverityShown(ImportSeverity::Warning, warnings);
        model.setSeverityShown(ImportSeverity::Info, infos);
        QCOMPARE(resets.count(), int(!errors) + int(!warnings) + int(!infos)); // only real changes reset
        QCOMPARE(column(model, ImportReportModel::MessageColumn), messages);
        QCOMPARE(model.count(ImportSeverity::Error), 2);
        QCOMPARE(model.count(ImportSeverity::Warning), 3);
        QCOMPARE(model.count(ImportSeverity::Info), 1);
        for (int row = 0; row < model.rowCount(); ++row) {
            const auto severity =
                ImportSeverity(model.index(row, 0).data(ImportReportModel::SeverityRole).toInt());
            QVERIFY(model.isSeverityShown(severity));
            QCOMPARE(model.index(row, ImportReportModel::SeverityColumn).data().toString(),
                     ImportReportModel::severityName(severity));
        }
    }

    void locationNamesSourceAndLines_data()
    {
        QTest::addColumn<ImportMessage>("message");
        QTest::addColumn<QString>("location");
        QTest::newRow("a range") << ImportMessage{ImportSeverity::Warning, "network.txt", 12, 40, {}, {}, "m"}
                                 << QStringLiteral("network.txt:12-40");
        QTest::newRow("one line") << ImportMessage{ImportSeverity::Warning, "network.txt", 7, 7, {}, {}, "m"}
                                  << QStringLiteral("network.txt:7");
        QTest::newRow("a file as a whole")
            << ImportMessage{ImportSeverity::Error, "logs.zip!collectlogs/x.exe", 0, 0, {}, {}, "m"}
            << QStringLiteral("logs.zip!collectlogs/x.exe");
        QTest::newRow("the import as a whole")
            << ImportMessage{ImportSeverity::Info, "", 0, 0, {}, {}, "m"} << QString();
    }

    void locationNamesSourceAndLines()
    {
        QFETCH(ImportMessage, message);
        QFETCH(QString, location);
        auto report = std::make_shared<ImportReport>();
        report->messages = {message};
        ImportReportModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReport(report);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, ImportReportModel::LocationColumn).data().toString(), location);
    }

    void objectsAreFoundByAnySpellingOfTheirId_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("name"); ///< "-": not found
        QTest::newRow("as the report spells it") << QString(kEndpoint) << QStringLiteral("Ethernet");
        QTest::newRow("lower case") << QString(kEndpoint).toLower() << QStringLiteral("Ethernet");
        QTest::newRow("in braces") << QStringLiteral("{%1}").arg(kEndpoint) << QStringLiteral("Ethernet");
        QTest::newRow("upper case of a lower-case id") << QString(kLoadBalancer) << QString();
        QTest::newRow("unknown") << QStringLiteral("DEADBEEF-0000-4000-8000-000000000001")
                                 << QStringLiteral("-");
    }

    void objectsAreFoundByAnySpellingOfTheirId()
    {
        QFETCH(QString, id);
        QFETCH(QString, name);
        ImportReportModel model;
        model.setReport(sampleReport());
        const hcn::io::ImportedObject* object = model.object(id);
        if (name == QLatin1String("-")) {
            QVERIFY(!object);
            return;
        }
        QVERIFY(object);
        QCOMPARE(QString::fromStdString(object->name), name);
    }

    void rowsAboutAnObjectFollowTheFilter()
    {
        ImportReportModel model;
        model.setReport(sampleReport());
        QModelIndex index = model.indexOfObject(QString(kLoadBalancer).toLower());
        QCOMPARE(index.row(), 3);
        QCOMPARE(index.data(ImportReportModel::ObjectIdRole).toString(), QString(kLoadBalancer));
        QCOMPARE(index.data(ImportReportModel::ObjectKindRole).toInt(), int(ResourceKind::LoadBalancer));
        model.setSeverityShown(ImportSeverity::Error, false);
        QCOMPARE(model.indexOfObject(kLoadBalancer).row(), 2);
        model.setSeverityShown(ImportSeverity::Warning, false);
        QVERIFY(!model.indexOfObject(kLoadBalancer).isValid());
    }

    void severityIsShownWithIconAndColour()
    {
        ImportReportModel model;
        model.setReport(sampleReport());
        const QModelIndex warning = model.index(0, ImportReportModel::SeverityColumn);
        const QModelIndex error = model.index(1, ImportReportModel::SeverityColumn);
        const QModelIndex info = model.index(2, ImportReportModel::SeverityColumn);
        QVERIFY(!warning.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(error.data(Qt::ForegroundRole).isValid());
        QVERIFY(warning.data(Qt::ForegroundRole) != error.data(Qt::ForegroundRole));
        QVERIFY(!info.data(Qt::ForegroundRole).isValid()); // the palette's own text colour
    }

    void clearingEmptiesTheModelInOneReset()
    {
        ImportReportModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReport(sampleReport());
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.clear();
        QCOMPARE(resets.count(), 1);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.count(ImportSeverity::Warning), 0);
        QVERIFY(!model.report());
        QVERIFY(!model.object(kEndpoint));
    }

    void theCoreReportOfARealDump()
    {
        // The report the core writes for ConvertTo-Json endpoints at -Depth 2 and a network with its
        // policy lists, read back from the snapshot's "Import" member as File > Open Snapshot does.
        auto imported =
            hcn::io::importDump({{"import-endpoints-depth2.json",
                                  readDump(QStringLiteral("import-endpoints-depth2.json")).toStdString()},
                                 {"import-network-policylists.txt",
                                  readDump(QStringLiteral("import-network-policylists.txt")).toStdString()}});
        QVERIFY(imported.ok());
        auto report =
            std::make_shared<ImportReport>(hcn::io::importReportFromJson(imported->snapshot["Import"]));
        ImportReportModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReport(report);
        QCOMPARE(model.rowCount(), int(imported->report.messages.size()));
        QVERIFY(model.count(ImportSeverity::Warning) > 0); // the load balancer's missing backend
        QVERIFY(model.indexOfObject(kLoadBalancer).isValid());
        const QModelIndex about = model.indexOfObject(kEndpoint);
        QVERIFY(about.isValid());
        QVERIFY2(model.index(about.row(), ImportReportModel::LocationColumn)
                     .data()
                     .toString()
                     .startsWith("import-endpoints-depth2.json:"),
                 qPrintable(model.index(about.row(), ImportReportModel::LocationColumn).data().toString()));
        const hcn::io::ImportedObject* endpoint = model.object(kEndpoint);
        QVERIFY(endpoint);
        QCOMPARE(endpoint->firstLine, 2);
        QVERIFY(QString::fromStdString(endpoint->originalText).contains("\"IPAddress\":  \"10.244.1.17\""));
    }
};

QTEST_MAIN(TestImportReportModel)
#include "tst_importreportmodel.moc"
