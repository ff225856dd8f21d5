// What the import report says about log lines that ask HNS to delete objects or name HNS objects without
// dumping them, and about a CNI plugin's own record of a network (docs/import.md, "Deletions and
// objects a log only names").

#include "dump_files.h"
#include "hcn/dump_import.h"

#include <QtTest>

using namespace hcn;
using namespace hcn::io;

namespace {

ImportResult importDumpFile(const QString& name)
{
    const QByteArray bytes = readDump(QStringLiteral("logged/") + name);
    Result<ImportResult> imported = importBytes(name.toStdString(), std::string(bytesView(bytes)));
    if (!imported)
        qFatal("import failed");
    return std::move(*imported);
}

QStringList messageTexts(const ImportResult& result)
{
    QStringList texts;
    for (const ImportMessage& m : result.report.messages)
        texts << QString::fromStdString(m.message);
    return texts;
}

QString allText(const ImportResult& result)
{
    QStringList texts;
    for (const ImportMessage& m : result.report.messages)
        texts << QString::fromStdString(m.message);
    return texts.join(QLatin1Char('\n'));
}

} // namespace

class TestLoggedOperations : public QObject
{
    Q_OBJECT

private slots:
    void reportsWhatTheLogSays_data();
    void reportsWhatTheLogSays();
    void deletedObjectOfTheSnapshotSaysSo();
    void deletionByNameReachesAnObjectDumpedWithoutItsId_data();
    void deletionByNameReachesAnObjectDumpedWithoutItsId();
    void capsTheListOfDeletions();
};

void TestLoggedOperations::reportsWhatTheLogSays_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("objects");
    QTest::addColumn<QString>("message"); ///< a message the report holds, whole
    QTest::addColumn<QString>("absent"); ///< text no message holds; empty for none

    QTest::newRow("hcsshim deletes two networks, each logged twice, named by the line before")
        << "logrus-delete-networks.log" << 0
        << "HNS was asked to delete: network 3C1A7E90-5B2D-4F61-9A0E-7D2C4B8E1F35 (\"Blue\", as line 1 names "
           "it) at lines 2-3, network 9B04D6E2-1C7F-4A38-B5D9-E2F61A3C7048 (\"Green\", as line 4 names it) "
           "at lines 5-6"
        << "";
    QTest::newRow("azure-vnet's DELETE request is reported; its docker network ID is no name")
        << "azure-vnet-delete-network.log" << 0
        << "HNS was asked to delete: network d41f6a2c-8e73-4b05-9c1a-3f7e2b6d8a90 at line 2"
        << "5e0c41d7a2b39f8e6d1c07b4a5f2e9d8c3b6a1f0e7d4c2b9a8f5e3d1c0b7a6f4\"";
    QTest::newRow("azure-vnet's record of a deleted network is named, not imported")
        << "azure-vnet-delete-network.log" << 0
        << "azure-vnet's record of network d41f6a2c-8e73-4b05-9c1a-3f7e2b6d8a90 (deleted), not an HNS "
           "object; "
           "not imported"
        << "made up";
    QTest::newRow("endpoint, policy list and HCN deletions; the refused one only as a refusal")
        << "delete-endpoint-policylist-refused.log" << 0
        << "HNS was asked to delete: endpoint A7E2C9F1-3B64-4D08-8E15-0C9B7D2F4A63 at lines 1-2, load "
           "balancer 61F0B3D8-7A29-4C5E-9D14-B8E3A6C2F075 at line 3, load balancer "
           "0D5C8B2E-F471-4A9B-83E6-1C7A9F2B5D40 at line 4"
        << "E3B9A0C7-52D8-4F16-A4C2-9D0E7B1F6A38";
    QTest::newRow("the refused deletion is reported as refused")
        << "delete-endpoint-policylist-refused.log" << 0
        << "HNS refused a request: hcnDeleteNetwork failed: HCN_E_NETWORK_NOT_FOUND (0x803B0001), \"The "
           "network was not found.\""
        << "";
    QTest::newRow("felix names an endpoint by ID and address on three lines; no object is made up")
        << "felix-found-endpoint.log" << 0
        << "the log names HNS endpoint C58E1A3D-2F94-4B07-8D6C-A1E03F7B92D4 (10.244.3.7/32) at lines 1, 3-4; "
           "no dump of it, not imported"
        << "";
    QTest::newRow("flannel names a network and an endpoint without IDs")
        << "flannel-found-existing.log" << 0
        << "the log names HNS network vxlan0 at line 2, endpoint vxlan0_ep at line 3; no dump of them, not "
           "imported"
        << "";
    QTest::newRow("prose around an HNS word names no object") << "prose-hns-network.txt" << 0 << ""
                                                              << "the log names";
    QTest::newRow("hns in file names, paths and longer words names no object")
        << "hns-in-paths-and-words.log" << 0 << ""
        << "the log names";
    QTest::newRow("what flannel, kube-proxy and hcsshim's callers say of objects they made or looked up")
        << "named-objects-wordings.log" << 0
        << "the log names HNS network cbr0 at lines 1, 4, endpoint cbr0_ep at line 2, endpoint "
           "1b8e4f2a-6c3d-4e71-9a05-b2d7c8e1f346 (10.244.1.5) at line 3, endpoint "
           "4e7a0c13-95b2-4d68-a1f7-3c8e2b6d0a59 at line 5, endpoint 9c2d5e70-1b84-4f3a-8e69-d0a7b3c5f218 "
           "(10.244.1.9) at line 6, load balancer 6f3b9d12-47a8-4c05-b1e6-8d2a9c7f0e34 at line 7, network "
           "2a7c4e91-58d3-4b0f-9e26-c1d8a3f5b740 (\"vxlan0\") at line 8; no dump of them, not imported"
        << "";
    QTest::newRow("HNS's answer lines after a deletion is its refusal, said once")
        << "delete-network-refused-lines-later.log" << 0
        << "HNS reported a failure: ERROR_NOT_FOUND (0x80070490), \"Element not found.\" (HNS's answer to "
           "the "
           "deletion of network 5D2B8E61-0C47-4F9A-B3E2-7A18C6D40F95 at lines 1-2)"
        << "delete: network 5D2B8E61";
    QTest::newRow("an answer after another request is not the deletion's")
        << "delete-network-refused-lines-later.log" << 0
        << "HNS was asked to delete: network 8A3F1C02-E6B9-4D75-9C08-2F4E7B1D6A53 at lines 6-7"
        << "deletion of network 8A3F1C02";
    QTest::newRow("an endpoint the log names and the dump shows is not reported as missing")
        << "felix-found-endpoint-in-dump.txt" << 1 << ""
        << "the log names";
}

void TestLoggedOperations::reportsWhatTheLogSays()
{
    QFETCH(QString, file);
    QFETCH(int, objects);
    QFETCH(QString, message);
    QFETCH(QString, absent);
    const ImportResult result = importDumpFile(file);
    QCOMPARE(int(result.report.objects.size()), objects);
    if (!message.isEmpty())
        QVERIFY2(messageTexts(result).contains(message), qPrintable(allText(result)));
    if (!absent.isEmpty())
        QVERIFY2(!allText(result).contains(absent), qPrintable(allText(result)));
}

void TestLoggedOperations::deletedObjectOfTheSnapshotSaysSo()
{
    const ImportResult result = importDumpFile(QStringLiteral("deleted-network-in-dump.txt"));
    QCOMPARE(result.report.objects.size(), std::size_t(1));
    const ImportedObject& network = result.report.objects.front();
    QCOMPARE(network.name, std::string("Orange"));
    const std::string said = "HNS was asked to delete it (deleted-network-in-dump.txt, line 17): it was "
                             "printed before that, or the deletion failed";
    QVERIFY(std::find(network.notes.begin(), network.notes.end(), said) != network.notes.end());
    bool onTheObject = false;
    for (const ImportMessage& m : result.report.messages)
        onTheObject = onTheObject || (m.objectId == network.id &&
                                      m.message == "network Orange (" + network.id + "): " + said);
    QVERIFY2(onTheObject, qPrintable(allText(result)));
    QVERIFY2(
        messageTexts(result).contains(QStringLiteral(
            "HNS was asked to delete: network 2f8d6c41-9e0b-4a75-b3c2-71e4a5d9f806 (\"Orange\") at line 17, "
            "which the snapshot holds")),
        qPrintable(allText(result)));
}

void TestLoggedOperations::deletionByNameReachesAnObjectDumpedWithoutItsId_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("objects");
    QTest::addColumn<int>("noted"); ///< how many objects carry the note of the deletion

    QTest::newRow("one network of that name, its ID not dumped")
        << "deleted-network-id-not-dumped.txt" << 1 << 1;
    QTest::newRow("two networks of that name: neither") << "deleted-network-name-twice.txt" << 2 << 0;
}

void TestLoggedOperations::deletionByNameReachesAnObjectDumpedWithoutItsId()
{
    QFETCH(QString, file);
    QFETCH(int, objects);
    QFETCH(int, noted);
    const ImportResult result = importDumpFile(file);
    QCOMPARE(int(result.report.objects.size()), objects);
    int madeUp = 0;
    int withNote = 0;
    for (const ImportedObject& o : result.report.objects) {
        QCOMPARE(o.name, std::string("Orange"));
        madeUp += o.idMadeUp ? 1 : 0;
        const std::string said =
            "HNS was asked to delete it (" + file.toStdString() +
            ", line 13, by its name; the ID the log gives it is 2f8d6c41-9e0b-4a75-b3c2-71e4a5d9f806): it "
            "was printed before that, or the deletion failed";
        withNote += std::count(o.notes.begin(), o.notes.end(), said) > 0 ? 1 : 0;
    }
    QCOMPARE(madeUp, int(result.report.objects.size()));
    QCOMPARE(withNote, noted);
    const QString listed =
        QStringLiteral("HNS was asked to delete: network 2f8d6c41-9e0b-4a75-b3c2-71e4a5d9f806 "
                       "(\"Orange\", as line 12 names it) at line 13");
    QVERIFY2(messageTexts(result).contains(noted == 1 ? listed + ", which the snapshot holds under that name "
                                                                 "(its ID not dumped)"
                                                      : listed),
             qPrintable(allText(result)));
}

void TestLoggedOperations::capsTheListOfDeletions()
{
    std::string log;
    for (int i = 0; i < 25; ++i) {
        char id[40];
        std::snprintf(id, sizeof id, "0000%04X-1111-4222-8333-444455556666", i);
        log += "time=\"2025-01-01T00:00:00Z\" level=debug msg=\"hcsshim::HNSEndpoint::Delete id=" +
               std::string(id) + "\"\n";
    }
    Result<ImportResult> imported = importBytes("many.log", log);
    QVERIFY(imported.ok());
    const QStringList texts = messageTexts(*imported);
    const auto it = std::find_if(texts.begin(), texts.end(), [](const QString& t) {
        return t.startsWith(QStringLiteral("HNS was asked to delete: "));
    });
    QVERIFY(it != texts.end());
    QVERIFY2(it->endsWith(QStringLiteral(", and 5 more")), qPrintable(*it));
    QCOMPARE(it->count(QStringLiteral("endpoint ")), 20);
}

QTEST_GUILESS_MAIN(TestLoggedOperations)
#include "tst_loggedoperations.moc"
