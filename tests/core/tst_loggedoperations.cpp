// What the import report says about log lines that ask HNS to delete objects or name HNS objects without
// dumping them, and about a CNI plugin's own record of a network (docs/import.md, "Deletions and
// objects a log only names").

#include "dump_files.h"
#include "hcn/dump_import.h"
#include "import_results.h"
#include "io/powershell_commands.h"

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
    void typedDeletionReachesObjectsPrintedBeforeIt_data();
    void typedDeletionReachesObjectsPrintedBeforeIt();
    void endpointAddedAfterTheDumpIsListed();
    void endpointAddedBeforeTheDumpChangesNothing();
    void wrappedEventMessageIsReadAsHnsWroteIt_data();
    void wrappedEventMessageIsReadAsHnsWroteIt();
    void requestIsSaidWithHnsAnswer_data();
    void requestIsSaidWithHnsAnswer();
    void endpointAddedByAV2ModifyRequestIsListed();
    void requestLoggedAgainIsSaidOnce_data();
    void requestLoggedAgainIsSaidOnce();
    void gatewayHnsCannotUseIsWarned_data();
    void gatewayHnsCannotUseIsWarned();
    void felixRetriesOnlyWhenTheLogShowsIt_data();
    void felixRetriesOnlyWhenTheLogShowsIt();
    void failedLookupSaysWhatItDid_data();
    void failedLookupSaysWhatItDid();
    void goBytePoliciesWithoutOwnerAreSaid_data();
    void goBytePoliciesWithoutOwnerAreSaid();
    void saysWhatALogDoesWithHns_data();
    void saysWhatALogDoesWithHns();
    void typedCommandsOfOneLineAndTheirAnswers_data();
    void typedCommandsOfOneLineAndTheirAnswers();
    void readsDockersNetworkCommands_data();
    void readsDockersNetworkCommands();
    void splitsAPipelineIntoWords_data();
    void splitsAPipelineIntoWords();
    void readsACommandsParameters_data();
    void readsACommandsParameters();
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
    QTest::newRow("the network kube-proxy is told to use, by its variable and its flag")
        << "kube-proxy-network-name-flags.txt" << 0
        << "the log names HNS network cbr0 (the network kube-proxy is told to use) at line 1, network vxlan0 "
           "(the network kube-proxy is told to use) at line 2; no dump of them, not imported"
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
    QTest::newRow("a start script finds the network it waited for")
        << "start-script-network-found.txt" << 0
        << "the log names HNS network Calico (the network kube-proxy is told to use) at lines 2-3; no dump "
           "of it, not imported"
        << "to be created";
    QTest::newRow("flannel names a network and an endpoint without IDs")
        << "flannel-found-existing.log" << 0
        << "the log names HNS network vxlan0 at line 2, endpoint vxlan0_ep at line 3; no dump of them, not "
           "imported"
        << "";
    QTest::newRow("kube-proxy's go-spew of a service in a containerd log names its load balancer")
        << "kube-proxy-cri-serviceinfo-spew.log" << 0
        << "the log names HNS load balancer 9e93ad40-a353-4e06-a5af-eb96fda2ae54 (10.96.0.10:53/UDP) at "
           "lines "
           "1-31; no dump of it, not imported"
        << "";
    QTest::newRow("kube-proxy's record of its network names it by its id key; its remote subnets are no list "
                  "of networks")
        << "kube-proxy-hns-network-loaded.log" << 0
        << "the log names HNS network 5c0e2a17-8d94-4b3f-a6e1-2f7d9c4b8a03 (\"Calico\") at line 1; no dump "
           "of it, not imported"
        << "addresses of";
    QTest::newRow("the load balancer kube-proxy's record names, dumped: not said to be missing")
        << "kube-proxy-serviceinfo-spew-lb-dumped.log" << 1 << ""
        << "the log names";
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
           "2a7c4e91-58d3-4b0f-9e26-c1d8a3f5b740 (\"vxlan0\") at line 8, network "
           "F913FDAA-B623-4BF8-A9A9-27A6882D742F (\"antrea-hnsnetwork\") at line 9, network vxlan1 at line "
           "10, "
           "endpoint 5d2a1c3b-7e8f-4a9b-8c0d-1e2f3a4b5c6d at line 11; no dump of them, not imported"
        << "";
    QTest::newRow("HNS's answer lines after a deletion is its refusal, said once")
        << "delete-network-refused-lines-later.log" << 0
        << "HNS reported a failure: ERROR_NOT_FOUND (0x80070490), \"Element not found.\" (code from the "
           "message "
           "text) (HNS's answer to "
           "the "
           "deletion of network 5D2B8E61-0C47-4F9A-B3E2-7A18C6D40F95 at lines 1-2)"
        << "delete: network 5D2B8E61";
    QTest::newRow("an answer after another request is not the deletion's")
        << "delete-network-refused-lines-later.log" << 0
        << "HNS was asked to delete: network 8A3F1C02-E6B9-4D75-9C08-2F4E7B1D6A53 at lines 6-7"
        << "deletion of network 8A3F1C02";
    QTest::newRow("HNS's RPC request event deleting a namespace, with the event's time")
        << "eventlog-rpc-namespace-delete-query-wrapped.txt" << 1
        << "HNS was asked to delete: namespace 5e8c1f47-a2d3-4b69-9c0e-71f4d2a8b6e3 at line 5 (event 1055 of "
           "3/2/2025 4:41:07 PM), which the snapshot holds"
        << "";
    QTest::newRow("a namespace read from an RPC Query event's Data says so")
        << "eventlog-rpc-namespace-delete-query-wrapped.txt" << 1
        << "namespace 5e8c1f47-a2d3-4b69-9c0e-71f4d2a8b6e3: read from the Data of an RPC request HNS logged "
           "as "
           "an event (query namespace 5e8c1f47-a2d3-4b69-9c0e-71f4d2a8b6e3, event 1055 of 3/2/2025 4:41:06 "
           "PM, "
           "line 9): the object as that event shows it"
        << "";
    QTest::newRow("hcsshim's POST to /namespaces/ is a request to create one")
        << "hcsshim-namespace-addresource.log" << 1
        << "a request sent to HNS: create namespace; HNS did it (line 2)"
        << "the log names";
    QTest::newRow("an addresource HNS did, after the namespace's dump")
        << "hcsshim-namespace-addresource.log" << 1
        << "a request sent to HNS: add endpoint 4C9E2B71-A06D-4F38-8B15-D2E7A3C9F604 to namespace "
           "D7A41C3E-82F6-4B0D-9A57-E3C18F4B2D69; HNS did it (line 5); the snapshot's namespace (dumped at "
           "line "
           "2, before the request) lists it from the log; the endpoint itself is not in the dump"
        << "";
    QTest::newRow("an addresource without an answer is only said")
        << "hcsshim-namespace-addresource.log" << 1
        << "a request sent to HNS: add endpoint E815F3A0-6B2C-4D97-A4E1-0C5B8D7F2A36 to namespace "
           "D7A41C3E-82F6-4B0D-9A57-E3C18F4B2D69; the log shows no answer, so whether HNS did it is unknown; "
           "the "
           "snapshot's namespace stays as dumped at line 2; the endpoint itself is not in the dump"
        << "";
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

/// A command typed in the paste that deletes objects printed before it: each such object says so, as the
/// object a log line asks HNS to delete does; one printed again after it, or whose deletion is refused
/// right after, does not.
void TestLoggedOperations::typedDeletionReachesObjectsPrintedBeforeIt_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("noted");   ///< "name: note" of each object a command deletes, in order
    QTest::addColumn<QStringList>("unnoted"); ///< objects that get no such note

    QTest::newRow("Remove-ContainerNetwork after a shortened prompt; the error after it is New-'s")
        << "typed-deletion-remove-containernetwork-then-new.txt"
        << QStringList{"lab1: a command at line 11 (Remove-ContainerNetwork) deletes it after it was printed "
                       "(line 8); the snapshot shows it as printed, it may be gone"}
        << QStringList{};
    QTest::newRow("a filter by name, every endpoint; a name no object has says nothing")
        << "typed-deletion-hns-pipelines.txt"
        << QStringList{"l2net: a command at line 32 (Remove-HnsNetwork) deletes it after it was printed "
                       "(lines 3-8); the snapshot shows it as printed, it may be gone",
                       "web-ep: a command at line 33 (Remove-HnsEndpoint) deletes every endpoint, this one "
                       "too, after it was printed (lines 18-23); the snapshot shows it as printed, it may be "
                       "gone",
                       "db-ep: a command at line 33 (Remove-HnsEndpoint) deletes every endpoint, this one "
                       "too, after it was printed (lines 24-29); the snapshot shows it as printed, it may be "
                       "gone"}
        << QStringList{"nat"};
    QTest::newRow("shown again after the deletion, a deletion refused, an object printed after it")
        << "typed-deletion-printed-after-or-refused.txt" << QStringList{}
        << QStringList{"keepnet", "stuck", "late-ep"};
    QTest::newRow("docker network rm: the names it deletes, not docker's IDs")
        << "typed-deletion-docker-network-rm.txt"
        << QStringList{"natlab: a command at line 16 (docker network rm) deletes it after it was printed "
                       "(lines 3-8); the snapshot shows it as printed, it may be gone"}
        << QStringList{"l2keep"};
    QTest::newRow("the removal's own error record refuses it")
        << "typed-deletion-remove-containernetwork-refused.txt" << QStringList{} << QStringList{"labA"};
    QTest::newRow("hnsdiag delete of a GUID in any case; a placeholder deletes none")
        << "typed-deletion-hnsdiag.txt"
        << QStringList{"podA_eth0: a command at line 16 (hnsdiag delete endpoints) deletes it after it was "
                       "printed (lines 3-8); the snapshot shows it as printed, it may be gone"}
        << QStringList{"podB_eth0"};
}

void TestLoggedOperations::typedDeletionReachesObjectsPrintedBeforeIt()
{
    QFETCH(QString, file);
    QFETCH(QStringList, noted);
    QFETCH(QStringList, unnoted);
    const ImportResult result = importDumpFile(file);
    QStringList notes;
    QStringList names;
    for (const ImportedObject& o : result.report.objects) {
        names << QString::fromStdString(o.name);
        for (const std::string& note : o.notes) {
            if (!note.starts_with("a command at "))
                continue;
            notes << QString::fromStdString(o.name + ": " + note);
            // An info of its own, on the object's lines, says it too.
            const std::string said = "(" + o.id + "): " + note;
            QVERIFY2(std::any_of(result.report.messages.begin(), result.report.messages.end(),
                                 [&](const ImportMessage& m) {
                                     return m.severity == ImportSeverity::Info && m.objectId == o.id &&
                                            m.firstLine == o.firstLine && m.message.ends_with(said);
                                 }),
                     qPrintable(allText(result)));
        }
    }
    QCOMPARE(notes, noted);
    for (const QString& name : unnoted)
        QVERIFY2(names.contains(name), qPrintable(names.join(QLatin1Char(','))));
    // Typed commands are no deletions a log shows asked of HNS.
    QVERIFY2(!allText(result).contains(QStringLiteral("HNS was asked to delete")),
             qPrintable(allText(result)));
    if (file == QStringLiteral("typed-deletion-printed-after-or-refused.txt")) {
        // Printed before the deletion (the object the snapshot holds), and again after it.
        const auto keep = std::find_if(result.report.objects.begin(), result.report.objects.end(),
                                       [](const ImportedObject& o) { return o.name == "keepnet"; });
        QVERIFY(keep != result.report.objects.end());
        QVERIFY2(keep->firstLine < 14, qPrintable(QString::number(keep->firstLine)));
    }
}

void TestLoggedOperations::endpointAddedAfterTheDumpIsListed()
{
    const ImportResult result = importDumpFile(QStringLiteral("hcsshim-namespace-addresource.log"));
    QCOMPARE(result.report.objects.size(), std::size_t(1));
    const ImportedObject& ns = result.report.objects.front();
    QCOMPARE(ns.id, std::string("D7A41C3E-82F6-4B0D-9A57-E3C18F4B2D69"));
    // The endpoint HNS added is listed; the one without an answer is not.
    const nlohmann::json& resources = result.snapshot.at("Namespaces").at(0).at("Resources");
    QCOMPARE(resources.size(), std::size_t(1));
    QCOMPARE(resources.at(0).at("Data").at("ID").get<std::string>(),
             std::string("4C9E2B71-A06D-4F38-8B15-D2E7A3C9F604"));
    const std::string added =
        "endpoint 4C9E2B71-A06D-4F38-8B15-D2E7A3C9F604 was added to it after this dump, as "
        "the log shows (hcsshim-namespace-addresource.log, request at line 4, HNS's "
        "answer at line 5); listed in Resources from the log";
    const std::string asked =
        "endpoint E815F3A0-6B2C-4D97-A4E1-0C5B8D7F2A36 was asked to be added to it after "
        "this dump (hcsshim-namespace-addresource.log, line 6); the log shows no answer, so "
        "Resources stay as dumped";
    QVERIFY(std::find(ns.notes.begin(), ns.notes.end(), added) != ns.notes.end());
    QVERIFY(std::find(ns.notes.begin(), ns.notes.end(), asked) != ns.notes.end());
    // The endpoint's own lines name it for the request, not as an object the log only names.
    QVERIFY2(!allText(result).contains(QStringLiteral("the log names")), qPrintable(allText(result)));
}

void TestLoggedOperations::endpointAddedBeforeTheDumpChangesNothing()
{
    const ImportResult result =
        importDumpFile(QStringLiteral("hcsshim-namespace-addresource-before-dump.log"));
    QCOMPARE(result.report.objects.size(), std::size_t(1));
    const nlohmann::json& resources = result.snapshot.at("Namespaces").at(0).at("Resources");
    QCOMPARE(resources.size(), std::size_t(1));
    for (const std::string& note : result.report.objects.front().notes)
        QVERIFY2(note.find("from the log") == std::string::npos, note.c_str());
    QVERIFY2(
        messageTexts(result).contains(QStringLiteral(
            "a request sent to HNS: add endpoint 73D8B2E5-09A4-4C6F-B1E8-A2C7F5D3906B to namespace "
            "1A6F0D82-B4C9-4E35-8D71-5F2A9C3E7B04; HNS did it (line 2); the namespace is dumped at line 3, "
            "after the request; the endpoint itself is not in the dump")),
        qPrintable(allText(result)));
}

void TestLoggedOperations::wrappedEventMessageIsReadAsHnsWroteIt_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("name");   ///< the object's name; empty for none
    QTest::addColumn<QString>("member"); ///< a key the document holds after the wrap cut it
    QTest::addColumn<QString>("joined"); ///< the message on the wrap

    QTest::newRow("a namespace whose ID and keys the list view cut")
        << "eventlog-rpc-namespace-delete-query-wrapped.txt"
        << "5e8c1f47-a2d3-4b69-9c0e-71f4d2a8b6e3"
        << ""
        << "\"CompartmentOperationTime\":18"
        << "PowerShell's list view wrapped the value of Message (a document in it) onto 3 more lines "
           "indented "
           "to its column (18); they were joined without that indentation";
    QTest::newRow("a network whose name the list view cut")
        << "eventlog-rpc-query-network-name-wrapped.txt"
        << "0f3a7c92-5d14-4e6b-a8c1-9b2e4d7f1a05"
        << "overlay-blue"
        << "\"Name\":\"overlay-blue\""
        << "PowerShell's list view wrapped the value of Message (a document in it) onto 1 more line indented "
           "to "
           "its column (18); they were joined without that indentation";
}

void TestLoggedOperations::wrappedEventMessageIsReadAsHnsWroteIt()
{
    QFETCH(QString, file);
    QFETCH(QString, id);
    QFETCH(QString, name);
    QFETCH(QString, member);
    QFETCH(QString, joined);
    const ImportResult result = importDumpFile(file);
    QCOMPARE(result.report.objects.size(), std::size_t(1));
    const ImportedObject& o = result.report.objects.front();
    QCOMPARE(QString::fromStdString(o.id), id);
    QCOMPARE(QString::fromStdString(o.name), name);
    const char* plural = o.kind == ResourceKind::Network ? "Networks" : "Namespaces";
    const QString snapshot = QString::fromStdString(result.snapshot.at(plural).at(0).dump());
    QVERIFY2(snapshot.contains(member), qPrintable(snapshot));
    QVERIFY2(!snapshot.contains(QStringLiteral("  ")), qPrintable(snapshot)); // no indentation inside a value
    QVERIFY2(messageTexts(result).contains(joined), qPrintable(allText(result)));
}

void TestLoggedOperations::requestIsSaidWithHnsAnswer_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("message"); ///< the message about the request, whole
    QTest::addColumn<int>("firstLine");
    QTest::addColumn<int>("lastLine");

    QTest::newRow("a namespace create HNS answered with the new namespace")
        << "hcsshim-namespace-addresource.log"
        << "a request sent to HNS: create namespace; HNS did it (line 2)" << 1 << 2;
    QTest::newRow("a namespace create HNS refused")
        << "hcsshim-namespace-create-refused.log"
        << "a request sent to HNS: create namespace; HNS refused it (line 2)" << 1 << 2;
    QTest::newRow("hcsshim v2 adds an endpoint to a namespace; HNS did it")
        << "hcsshim-v2-namespace-add-endpoint.log"
        << "a request sent to HNS: add endpoint 5b8e2d14-7c39-4a06-9f1e-d3a6c0b7e842 to namespace "
           "a3f06c29-1d84-4e7b-b5c2-8e9d4f1a0736; HNS did it (line 3); the endpoint itself is not in the "
           "dump"
        << 1 << 3;
    QTest::newRow("hcsshim v2 adds an endpoint to a namespace; HNS refused it")
        << "hcsshim-v2-namespace-add-endpoint.log"
        << "a request sent to HNS: add endpoint c1e7a930-4b52-4d8f-a06e-29f3b8d5c714 to namespace "
           "a3f06c29-1d84-4e7b-b5c2-8e9d4f1a0736; HNS refused it (line 6); the endpoint itself is not in the "
           "dump"
        << 4 << 6;
    QTest::newRow("hcsshim v2 removes an endpoint from a namespace; no answer logged")
        << "hcsshim-v2-namespace-add-endpoint.log"
        << "a request sent to HNS: remove endpoint 9d2f4b61-e07a-4c35-8a19-b6e3d0c5f728 from namespace "
           "a3f06c29-1d84-4e7b-b5c2-8e9d4f1a0736; the log shows no answer, so whether HNS did it is "
           "unknown; the endpoint itself is not in the dump"
        << 7 << 8;
    QTest::newRow("a v2 modify request's document, its namespace on the line before")
        << "hcsshim-v2-modify-request-after-dump.log"
        << "a request sent to HNS: add endpoint 6A1D9E38-0F27-4B5C-93E4-D8B2A7C1F056 to namespace "
           "E2B7C05A-93D1-4F68-A4E0-1C8F6D3B2A97; HNS did it (line 4); the snapshot's namespace (dumped at "
           "line 1, before the request) lists it from the log; the endpoint itself is not in the dump"
        << 2 << 4;
    QTest::newRow("HNS's RPC request event that adds an endpoint to a namespace")
        << "eventlog-rpc-modify-namespace-add-endpoint.txt"
        << "a request HNS logged as an RPC request event (event 1055 of 3/2/2025 4:41:09 PM): add endpoint "
           "0b3e7a52-91c4-4d6f-8e20-a5d9c1f7b348 to namespace 5e8c1f47-a2d3-4b69-9c0e-71f4d2a8b6e3; the log "
           "shows no answer, so whether HNS did it is unknown; the endpoint itself is not in the dump"
        << 3 << 3;
}

void TestLoggedOperations::requestIsSaidWithHnsAnswer()
{
    QFETCH(QString, file);
    QFETCH(QString, message);
    QFETCH(int, firstLine);
    QFETCH(int, lastLine);
    const ImportResult result = importDumpFile(file);
    const auto it = std::find_if(result.report.messages.begin(), result.report.messages.end(),
                                 [&](const ImportMessage& m) { return m.message == message.toStdString(); });
    QVERIFY2(it != result.report.messages.end(), qPrintable(allText(result)));
    QCOMPARE(it->firstLine, firstLine);
    QCOMPARE(it->lastLine, lastLine);
}

void TestLoggedOperations::endpointAddedByAV2ModifyRequestIsListed()
{
    const ImportResult result = importDumpFile(QStringLiteral("hcsshim-v2-modify-request-after-dump.log"));
    QCOMPARE(result.report.objects.size(), std::size_t(1));
    const nlohmann::json& resources = result.snapshot.at("Namespaces").at(0).at("Resources");
    QCOMPARE(resources.size(), std::size_t(1));
    QCOMPARE(resources.at(0).at("Data").at("ID").get<std::string>(),
             std::string("6A1D9E38-0F27-4B5C-93E4-D8B2A7C1F056"));
    const std::vector<std::string>& notes = result.report.objects.front().notes;
    const std::string added =
        "endpoint 6A1D9E38-0F27-4B5C-93E4-D8B2A7C1F056 was added to it after this dump, as "
        "the log shows (hcsshim-v2-modify-request-after-dump.log, request at line 3, HNS's "
        "answer at line 4); listed in Resources from the log";
    QVERIFY(std::find(notes.begin(), notes.end(), added) != notes.end());
}

void TestLoggedOperations::requestLoggedAgainIsSaidOnce_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("message"); ///< one message about a request, whole
    QTest::addColumn<int>("firstLine");
    QTest::addColumn<int>("lastLine");
    QTest::addColumn<int>("requests"); ///< how many messages say "a request sent to HNS: "

    QTest::newRow("dockerd's request, then hcsshim's POST of it twice: one create, counted")
        << "dockerd-network-request-logged-three-times.log"
        << "a request sent to HNS: create network natlab (NAT, 172.28.16.0/20 via 172.28.16.0); not an "
           "object it holds, not imported (logged 3 times, lines 1-3)"
        << 1 << 3 << 1;
    QTest::newRow("the same request after HNS refused it is a request of its own")
        << "dockerd-network-request-retried-after-refusal.log"
        << "a request sent to HNS: create network l2web (L2Bridge, 10.88.4.0/24 via 10.88.4.1); not an "
           "object it holds, not imported"
        << 1 << 1 << 2;
    QTest::newRow("the same network asked with another gateway is a request of its own")
        << "dockerd-network-requests-gateways.log"
        << "a request sent to HNS: create network labnat (NAT, 10.91.0.0/24 via 10.91.0.1); not an object "
           "it holds, not imported"
        << 2 << 2 << 4;
    QTest::newRow("hcsshim logs one create twice, then HNS's answer: one request")
        << "hcsshim-namespace-create-logged-twice.log"
        << "a request sent to HNS: create namespace (logged 2 times, lines 1-2); HNS did it (line 3)" << 1
        << 3 << 3;
    QTest::newRow("a create after HNS answered the one before is a request of its own")
        << "hcsshim-namespace-create-logged-twice.log"
        << "a request sent to HNS: create namespace; HNS did it (line 5)" << 4 << 5 << 3;
    QTest::newRow("the same create logged after that answer is a request of its own")
        << "hcsshim-namespace-create-logged-twice.log"
        << "a request sent to HNS: create namespace" << 6 << 6 << 3;
    QTest::newRow("a POST to one network modifies it")
        << "invoke-hnsrequest-modify-network.txt"
        << "a request sent to HNS: modify network overlay7 (Overlay, 10.240.0.0/16 via 10.240.0.1); not an "
           "object it holds, not imported"
        << 1 << 1 << 2;
    QTest::newRow("another method is said as it is")
        << "invoke-hnsrequest-modify-network.txt"
        << "a request sent to HNS: PUT network overlay8 (Overlay); not an object it holds, not imported" << 2
        << 2 << 2;
    QTest::newRow("a traced POST, method and path on lines of their own; the poster's bold left out")
        << "http-trace-requests.txt"
        << "a request sent to HNS: create endpoint web-7d9f_cbr0 (10.244.3.2) on network cbr0 "
           "(3F2A9C41-6B0E-4D85-A7C2-91E5D0B4F638); not an object it holds, not imported"
        << 5 << 5 << 2;
    QTest::newRow("a traced POST on one line with its HTTP version")
        << "http-trace-requests.txt"
        << "a request sent to HNS: create network cbr1 (L2Bridge, 10.244.4.0/24 via 10.244.4.1); not an "
           "object it holds, not imported"
        << 8 << 8 << 2;
}

void TestLoggedOperations::requestLoggedAgainIsSaidOnce()
{
    QFETCH(QString, file);
    QFETCH(QString, message);
    QFETCH(int, firstLine);
    QFETCH(int, lastLine);
    QFETCH(int, requests);
    const ImportResult result = importDumpFile(file);
    const auto it = std::find_if(result.report.messages.begin(), result.report.messages.end(),
                                 [&](const ImportMessage& m) { return m.message == message.toStdString(); });
    QVERIFY2(it != result.report.messages.end(), qPrintable(allText(result)));
    QCOMPARE(it->severity, ImportSeverity::Info);
    QCOMPARE(it->firstLine, firstLine);
    QCOMPARE(it->lastLine, lastLine);
    QCOMPARE(
        messageTexts(result).filter(QRegularExpression(QStringLiteral("^a request sent to HNS: "))).size(),
        requests);
}

void TestLoggedOperations::gatewayHnsCannotUseIsWarned_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("warnings"); ///< "first-last: text" of each warning about a gateway

    QTest::newRow("the network address as gateway, a request logged three times: one warning")
        << "dockerd-network-request-logged-three-times.log"
        << QStringList{
               "1-3: a request sent to HNS to create network natlab asks for gateway 172.28.16.0, the "
               "network address of subnet 172.28.16.0/20: HNS refuses the request, or the network "
               "has no gateway endpoints can use"};
    QTest::newRow("network address, outside the subnet; a usable gateway and a /31 are not warned about")
        << "dockerd-network-requests-gateways.log"
        << QStringList{"1-1: a request sent to HNS to create network labnat asks for gateway 10.91.0.0, the "
                       "network address of subnet 10.91.0.0/24: HNS refuses the request, or the network has "
                       "no gateway endpoints can use",
                       "5-5: a request sent to HNS to create network ext asks for gateway 10.92.1.1, outside "
                       "subnet 10.92.0.0/24 (NET-GATEWAY-OUTSIDE-SUBNET: Endpoints get a default gateway "
                       "they cannot reach on-link: nothing leaves the subnet.)"};
    QTest::newRow("a gateway inside the subnet")
        << "dockerd-network-request-retried-after-refusal.log" << QStringList{};
    QTest::newRow("an endpoint asking for its gateway's address; a GET's answer is no request")
        << "http-trace-requests.txt"
        << QStringList{"5-5: a request sent to HNS to create endpoint web-7d9f_cbr0 asks for address "
                       "10.244.3.2, its own gateway: the network's gateway address given to an endpoint; the "
                       "endpoint cannot reach past it, and the gateway's traffic goes to the endpoint"};
}

void TestLoggedOperations::gatewayHnsCannotUseIsWarned()
{
    QFETCH(QString, file);
    QFETCH(QStringList, warnings);
    const ImportResult result = importDumpFile(file);
    QStringList said;
    for (const ImportMessage& m : result.report.messages)
        if (m.message.find(" asks for ") != std::string::npos) {
            QCOMPARE(m.severity, ImportSeverity::Warning);
            said << QString::number(m.firstLine) + QLatin1Char('-') + QString::number(m.lastLine) +
                        QStringLiteral(": ") + QString::fromStdString(m.message);
        }
    QCOMPARE(said, warnings);
}

void TestLoggedOperations::felixRetriesOnlyWhenTheLogShowsIt_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("message"); ///< the info, whole

    QTest::newRow("one lookup: no retry is said")
        << "felix-one-lookup.log"
        << "Calico felix could not find the HNS endpoint of workload web/front-6c4; its cache of HNS's "
           "endpoints held 3 at line 2 (line 3)";
    QTest::newRow("the same workload looked up again: it retries")
        << "felix-lookup-repeated.log"
        << "Calico felix could not find the HNS endpoint of workload web/front-6c4 and retries (lines 1, 3)";
}

void TestLoggedOperations::felixRetriesOnlyWhenTheLogShowsIt()
{
    QFETCH(QString, file);
    QFETCH(QString, message);
    const ImportResult result = importDumpFile(file);
    QVERIFY2(messageTexts(result).contains(message), qPrintable(allText(result)));
}

/// A failed lookup on a fatal line stops its program, one retried again and again keeps it waiting, one
/// on an error line naming an operation fails that operation: each a warning saying so. A lookup once
/// on any other line stays an info. `text`: a file under logged/ or, when it holds a line break, the
/// log itself.
void TestLoggedOperations::failedLookupSaysWhatItDid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("messages"); ///< the messages about lines, whole

    QTest::newRow("kube-proxy's fatal lookup of KUBE_NETWORK's network; its retries stay infos")
        << "kube-proxy-fatal-network-lookup.log"
        << QStringList{
               "4 info: the log says HNS has no network \"cbr0\" (looked up by name) at line 4 (3 times, "
               "lines 4, 6, 8)",
               "9 warning: kube-proxy exited at line 9 (a fatal log line): HNS has no network \"cbr0\" "
               "(the one KUBE_NETWORK names); no service on the node works while kube-proxy is down"};
    QTest::newRow("flannel could not register its network: the lookup failed that step")
        << "E0306 16:43:21.218797    2576 main.go:289] Error registering network: Cannot find network with "
           "Management IP 10.0.0.5.\n"
        << QStringList{
               "1 warning: register network failed: HNS has no network with Management IP 10.0.0.5 at "
               "line 1"};
    QTest::newRow("the management IP the poster replaced by a placeholder")
        << "E0306 16:43:21.218797    2576 main.go:289] Error registering network: Cannot find network with "
           "Management IP [IPAddrofWorkerNIC].\n"
        << QStringList{"1 warning: register network failed: HNS has no network with Management IP "
                       "[IPAddrofWorkerNIC] ([IPAddrofWorkerNIC] is a placeholder, not a value) "
                       "at line 1"};
    QTest::newRow("the fatal line in containerd's CRI log")
        << "2023-05-18T10:01:02.123500000Z stderr F F0518 10:01:02.123500    4312 proxier.go:477] Unable to "
           "find "
           "Hns Network speficied by cbr0. Please check environment variable KUBE_NETWORK\n"
        << QStringList{
               "1 warning: kube-proxy exited at line 1 (a fatal log line): HNS has no network \"cbr0\" "
               "(the one KUBE_NETWORK names); no service on the node works while kube-proxy is down"};
    QTest::newRow("a fatal lookup worded \"Can not found\"")
        << "F0518 10:01:02.123500    4312 proxier.go:477] Can not found HNS network cbr0\n"
        << QStringList{
               "1 warning: kube-proxy exited at line 1 (a fatal log line): HNS has no network \"cbr0\"; "
               "no service on the node works while kube-proxy is down"};
    QTest::newRow("the fatal line hard-wrapped: its name on the next line")
        << "F0609 01:20:44.451041    1496 proxier.go:474] Unable to find Hns Network\nspecified by cbr0. "
           "Please check environment variable KUBE_NETWORK\n"
        << QStringList{"1-2 warning: kube-proxy exited at line 1 (a fatal log line): HNS has no network "
                       "\"cbr0\" (the one KUBE_NETWORK names); no service on the node works while kube-proxy "
                       "is down"};
    QTest::newRow("kubelet's CNI ADD failed on an endpoint HNS does not have")
        << "E1215 22:16:56.958611    1760 cni.go:361] \"Error adding pod to network\" err=\"Endpoint "
           "ab013a1c79bac957c378d892d76d7e64a2705f3638e3806e40f74f334e42b4e7 not found\"\n"
        << QStringList{"1 warning: the CNI ADD failed: HNS has no endpoint "
                       "\"ab013a1c79bac957c378d892d76d7e64a2705f3638e3806e40f74f334e42b4e7\" at line 1"};
    QTest::newRow("dockershim's CNI DEL, the pod named")
        << "E1215 22:17:01.000000    1760 cni.go:385] Error deleting pod demo_web-0 from network "
           "{cni calico}: Endpoint web-0_calico not found\n"
        << QStringList{"1 warning: the CNI DEL failed: HNS has no endpoint \"web-0_calico\" at line 1"};
    QTest::newRow("a fatal logrus line of a program the line does not name")
        << "time=\"2026-12-05T10:00:05Z\" level=fatal msg=\"cannot start\" error=\"Network name "
           "\\\"l2net\\\" not "
           "found\"\n"
        << QStringList{"1 warning: the program that logs line 1 exited there (a fatal log line): HNS has no "
                       "network \"l2net\""};
    QTest::newRow("klog's error line without an operation stays an info")
        << "E0518 10:01:00.002301    4312 proxier.go:470] Network cbr0 not found\n"
        << QStringList{"1 info: the log says HNS has no network \"cbr0\" (looked up by name) at line 1"};
    QTest::newRow("rke2 waits for Calico's External endpoint, three times")
        << "rke2-calico-waits-for-external-endpoint.log"
        << QStringList{
               "2-5 warning: the program that logs it waits for HNS endpoint \"External\", which HNS does "
               "not have: it looked for it 3 times, retrying each time, and has not started (lines 2-5)"};
    QTest::newRow("a retry logged once stays an info")
        << "time=\"2024-02-11T09:00:06Z\" level=warning msg=\"can't find HNS endpoint for network, "
           "retrying\" "
           "error=\"Endpoint External not found\"\n"
        << QStringList{"1 info: the log says HNS has no endpoint \"External\" (looked up by name) at line 1"};
    QTest::newRow("felix waits for a network matching its expression")
        << "2025-04-11 08:02:13.502 [WARNING][2210] felix/win_dataplane.go 340: CompleteDeferredWork "
           "returned an "
           "error - scheduling a retry error=didn't find any HNS networks matching regular expression "
           "(?i)calico.*\n"
           "2025-04-11 08:02:13.502 [INFO][2210] felix/win_dataplane.go 306: Finished applying updates\n"
           "2025-04-11 08:02:15.120 [WARNING][2210] felix/win_dataplane.go 340: CompleteDeferredWork "
           "returned an "
           "error - scheduling a retry error=didn't find any HNS networks matching regular expression "
           "(?i)calico.*\n"
        << QStringList{
               "1-3 warning: Calico felix waits for HNS network matching \"(?i)calico.*\", which HNS does "
               "not have: it looked for it 2 times, retrying each time, and has not started (lines 1-3)"};
    QTest::newRow("vpc-shared-eni's ADD of a container sharing the infra container's endpoint, twice; a DEL")
        << "vpc-shared-eni-add-shared-endpoint-missing.log"
        << QStringList{
               "2-7 info: a CNI ADD request for pod default/web-7d4b9 to vpc-shared-eni, the CNI plugin that "
               "makes the pod's HNS endpoint: network vpc (logged 2 times, lines 2, 7)",
               "3 info: the log names HNS network vpcbr0a1b2c3d4 at line 3; no dump of it, not imported",
               "4-5 warning: the CNI ADD for container "
               "e19f978e52d4c1b0a9f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6b5a4938 failed (create endpoint): "
               "endpoint \"cid-6465a0fa3c2b9d8e7f1a0b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a\", the one "
               "it "
               "should share with infra container "
               "6465a0fa3c2b9d8e7f1a0b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a (it joins that container's "
               "network namespace), does not exist in HNS (2 times, lines 4-5, 8-9)",
               "11 info: a CNI DEL request for container 0b7c2f61d9e8 to vpc-shared-eni, the CNI plugin that "
               "deletes the pod's HNS endpoint: network vpc",
               "12 warning: the CNI DEL for container "
               "0b7c2f61d9e84a35b1c60f27e8d94a5b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f failed (delete endpoint) at "
               "line 12: HNS has no endpoint "
               "\"cid-0b7c2f61d9e84a35b1c60f27e8d94a5b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f\" to delete: it was "
               "deleted before (outside this teardown, or by an earlier one that did not finish)"};
    QTest::newRow("crictl cannot remove a sandbox whose endpoint is gone; containerd's error line too")
        << "containerd-remove-sandbox-endpoint-gone.log"
        << QStringList{
               "2 warning: delete endpoint failed for pod sandbox "
               "7c3e9a51d20b4f86a1c2e3d4b5a697881726354a5b6c7d8e9f00112233445566 at line 2: HNS has no "
               "endpoint \"5d2a7e10-3c4b-4f6a-9e8d-0a1b2c3d4e5f\" to delete: it was deleted before "
               "(outside this teardown, or by an earlier one that did not finish), so removing the "
               "sandbox failed; line 7 logs the sandbox's teardown failing too"};
    QTest::newRow("a Go error chain of the operation on a line of no level; the lookup's own object kind")
        << "Error: failed to remove network for container 9f8e7d6c5b4a3: Failed to detach endpoint: "
           "Endpoint ID \"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\" not found\n"
        << QStringList{"1 warning: detach endpoint failed: HNS has no endpoint "
                       "\"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\" at line 1"};
    QTest::newRow("prose naming the failed operation stays an info")
        << "The teardown fails with Failed to delete endpoint because Endpoint ID "
           "\"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\" not found\n"
        << QStringList{"1 info: the log says HNS has no endpoint \"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\" "
                       "(looked up by ID) at line 1"};
    QTest::newRow("an operation failing on a lookup without a CNI command before it")
        << "time=\"2026-12-05T10:00:05Z\" level=error msg=\"Failed to attach endpoint\" error=\"failed to "
           "find "
           "endpoint web_ep: Endpoint web_ep not found\"\n"
        << QStringList{"1 warning: attach endpoint failed: HNS has no endpoint \"web_ep\" at line 1"};
    QTest::newRow("the lookup, then the operation that failed on it: the operation is named")
        << "2019-05-09T18:41:40Z [ERROR] Failed to find endpoint cid-6465a0fa for container e19f978e.\n"
           "2019-05-09T18:41:40Z [ERROR] Failed to create endpoint: failed to find endpoint cid-6465a0fa: "
           "Endpoint cid-6465a0fa not found.\n"
           "2019-05-09T18:41:40Z [ERROR] CNI command failed: Endpoint cid-6465a0fa not found\n"
        << QStringList{
               "1-3 warning: create endpoint failed: HNS has no endpoint \"cid-6465a0fa\" at lines 1-3"};
    QTest::newRow("an info line quoting an error line is an info line")
        << "2023-04-30T10:00:00.121Z [INFO] The last command said: [ERROR] Failed to create endpoint: "
           "Endpoint "
           "cid-41 not found.\n"
        << QStringList{"1 info: the log says HNS has no endpoint \"cid-41\" (looked up by name) at line 1"};
    QTest::newRow("a lookup on an error line naming no operation stays an info")
        << "2023-04-30T10:00:00.121Z [ERROR] Endpoint cid-41 not found.\n"
        << QStringList{"1 info: the log says HNS has no endpoint \"cid-41\" (looked up by name) at line 1"};
}

void TestLoggedOperations::failedLookupSaysWhatItDid()
{
    QFETCH(QString, text);
    QFETCH(QStringList, messages);
    ImportResult result;
    if (text.contains(QLatin1Char('\n'))) {
        Result<ImportResult> imported = importBytes("paste", text.toStdString());
        QVERIFY(imported.ok());
        result = std::move(*imported);
    } else {
        result = importDumpFile(text);
    }
    QCOMPARE(importLineMessages(result), messages);
}

/// HNS policies a Go log printed as bytes (go-spew's hex dump, `%v`'s decimal bytes) outside any object
/// read are one info; inside a dump of an endpoint they are its policies and said no more.
void TestLoggedOperations::goBytePoliciesWithoutOwnerAreSaid_data()
{
    QTest::addColumn<QString>("text");    ///< the log, or (without a line break) a file under dumps/
    QTest::addColumn<QString>("message"); ///< the info, whole; empty: none

    QTest::newRow("go-spew's hex dumps and decimal bytes, no object")
        << "logged/go-policy-bytes-without-owner.log"
        << "3 HNS policies (PA, RemoteSubnetRoute, OutBoundNAT) found as Go byte arrays at lines 4-6, 9-19, "
           "22; their owner is not in the dump";
    QTest::newRow("one policy in decimal bytes")
        << "I0612 10:02:14.210331    5212 hnsV1.go:230] policies=[[123 34 84 121 112 101 34 58 34 76 50 68 "
           "114 105 118 101 114 34 125]]\n"
        << "1 HNS policy (L2Driver) found as Go byte arrays at line 1; its owner is not in the dump";
    QTest::newRow("bytes of JSON that is no policy") << "payload=[123 34 97 34 58 49 125]\n"
                                                     << "";
    QTest::newRow("the policies of an endpoint go-spew dumps are its own")
        << "kube-proxy-endpointsinfo-spew-cut.log"
        << "";
}

void TestLoggedOperations::goBytePoliciesWithoutOwnerAreSaid()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    const std::string bytes =
        text.contains(QLatin1Char('\n')) ? text.toStdString() : std::string(bytesView(readDump(text)));
    Result<ImportResult> imported = importBytes("kube-proxy.log", bytes);
    QVERIFY(imported.ok());
    QStringList said;
    for (const ImportMessage& m : imported->report.messages)
        if (m.message.find("as Go byte arrays") != std::string::npos) {
            QCOMPARE(m.severity, ImportSeverity::Info);
            said << QString::fromStdString(m.message);
        }
    QCOMPARE(said, message.isEmpty() ? QStringList{} : QStringList{message});
}

/// A log that shows HNS at work without dumping an object (kube-proxy's queries, a CNI plugin's commands,
/// PowerShell commands that create or delete objects, counts of objects over time) says so in infos
/// marked as logged, so the import counts as recovered; a text with nothing of HNS in it does not.
void TestLoggedOperations::saysWhatALogDoesWithHns_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("messages"); ///< the messages about lines, whole

    QTest::newRow("kube-proxy's queries exported as CSV fields, read as klog wrote them")
        << "kube-proxy-hns-queries-csv-quoted.log"
        << QStringList{"5-10 info: kube-proxy queried HNS network vpcbr0f3e9a21c for its endpoints (3 "
                       "endpoints) and 5 load balancers, and synced its policies once (lines 5-6, 9-10)"};
    QTest::newRow(
        "kube-proxy's queries as JSON log records, with a blank after a colon or not, counts in order")
        << "kube-proxy-hns-queries-json.log"
        << QStringList{
               "1-6 info: kube-proxy queried HNS network cbr0 for its endpoints (2 times, 4 endpoints) "
               "and load balancers 3 times (12, 12, 14) (lines 1, 3-6)"};
    QTest::newRow("azure-vnet's zap records: ADD with its endpoint policies, then DEL")
        << "azure-vnet-zap-add-stdindata.log"
        << QStringList{"2 info: a CNI configuration (what a plugin is told to create), not HNS state; not "
                       "imported",
                       "2 info: a CNI ADD request for pod shop/cart-5f7c9 to azure-vnet, the CNI plugin that "
                       "makes the pod's HNS endpoint: network azure, endpoint policies OutBoundNAT "
                       "(ExceptionList=10.224.0.0/12,10.0.0.0/8), ACL (Action=Block, Direction=Out, "
                       "Priority=200, RemoteAddresses=168.63.129.16/32, RemotePorts=80, Protocols=6), ROUTE "
                       "(DestinationPrefix=10.0.0.0/16, NeedEncap=true)",
                       "4 info: a CNI DEL request for pod shop/cart-5f7c9 to azure-vnet, the CNI plugin that "
                       "deletes the pod's HNS endpoint: network azure"};
    QTest::newRow("a zap record cut inside its configuration: the policies before the cut")
        << "azure-vnet-zap-add-cut.log"
        << QStringList{"1 info: a CNI ADD request for pod shop/cart-5f7c9 to the CNI plugin that makes the "
                       "pod's HNS endpoint: endpoint policy OutBoundNAT (ExceptionList=10.224.0.0/12) (the "
                       "line ends inside the configuration: what follows there is not shown)"};
    QTest::newRow("azure-vnet's text log: the same ADD retried is said once")
        << "azure-vnet-text-add-retried.log"
        << QStringList{"1 info: a CNI configuration (what a plugin is told to create), not HNS state; not "
                       "imported",
                       "1-5 info: a CNI ADD request for pod kube-system/coredns-7b4d9 to azure-vnet, the CNI "
                       "plugin that makes the pod's HNS endpoint: network azure, endpoint policy OutBoundNAT "
                       "(ExceptionList=10.240.0.0/16) (logged 2 times, lines 1, 5)"};
    QTest::newRow("hns.psm1 commands that create objects; prose naming a command asks nothing")
        << "hns-psm1-create-commands.txt"
        << QStringList{"7 info: a command (New-HnsNetwork) that asks HNS to create network labl2 (L2Bridge, "
                       "10.0.7.0/24 via 10.0.7.1) on adapter Ethernet 2 at line 7",
                       "8 info: a command (New-HnsEndpoint) that asks HNS to create endpoint lab-ep "
                       "(10.0.7.20) on network labl2 (as $network holds it) at line 8",
                       "9-11 info: a command (New-HnsNetwork) that asks HNS to create network overlay1 "
                       "(Overlay, 192.168.40.0/24 via 192.168.40.1, 192.168.41.0/24 via 192.168.41.1) at "
                       "lines 9-11",
                       "15 info: a command (New-HnsEndpoint) that asks HNS to create endpoint (10.0.7.21) on "
                       "network 3a9c0e57-1b2d-4f68-8e4a-c7d05b1f9e32 at line 15",
                       // A variable the paste does not set.
                       "19 info: a command (New-HnsEndpoint) that asks HNS to create endpoint VIPEndpoint "
                       "(10.0.7.30) on the network $hns_network holds at line 19"};
    QTest::newRow("a script's deletions shown twice are said once each")
        << "hns-cleanup-script-shown-twice.txt"
        << QStringList{
               "3-12 info: a command (Remove-HnsNetwork) that asks HNS to delete the networks named "
               "l2net (2 times, lines 3, 12)",
               "4-13 info: a command (Remove-HnsPolicyList) that asks HNS to delete every policy list "
               "(2 times, lines 4, 13)",
               "5-14 info: a command (Remove-HnsEndpoint) that asks HNS to delete the endpoints whose "
               "IsRemoteEndpoint is true (2 times, lines 5, 14)"};
    QTest::newRow("commands behind indented prompts and a diff's marker; a variable set by a filter on the "
                  "name; every filter of a pipeline")
        << "hns-commands-indented-prompts-diff-filters.txt"
        << QStringList{
               "3 info: a command (Remove-HnsPolicyList) that asks HNS to delete every policy list at line 3",
               "5 info: a command (Remove-HnsNetwork) that asks HNS to delete network azure (as $hnsNetwork "
               "holds it) at line 5",
               "9 info: a command (Remove-HnsEndpoint) that asks HNS to delete every endpoint at line 9",
               "13 info: a command (Remove-HnsEndpoint) that asks HNS to delete the endpoints named cbr0_ep "
               "whose VirtualNetworkName is cbr0 at line 13"};
    QTest::newRow("an ID the poster wrote as a placeholder; a code span's closing backtick continues "
                  "nothing; prose and a table row naming a cmdlet ask nothing; an en dash; a span of three "
                  "backticks ends the name")
        << "hns-delete-endpoint-by-id.txt"
        << QStringList{
               "3 info: a command (Remove-HnsEndpoint) that asks HNS to delete the endpoint whose ID is "
               "given as EndpointID at line 3",
               "5 info: a command (Remove-HnsEndpoint) that asks HNS to delete endpoint "
               "3a9c0e57-1b2d-4f68-8e4a-c7d05b1f9e32 at line 5",
               // A parameter with the en dash a web page made of the hyphen.
               "11 info: a command (Remove-HnsNetwork) that asks HNS to delete the networks named lab3 at "
               "line 11",
               "13 info: a command (New-HnsNetwork) that asks HNS to create network nat (NAT) at line 13"};
    QTest::newRow("hns.psm1 commands with parameters shortened to a unique prefix, -Name:value; an "
                  "ambiguous prefix is not guessed")
        << "hns-psm1-abbreviated-parameters.txt"
        << QStringList{
               "4 info: a command (New-HnsNetwork) that asks HNS to create network winl2 (L2Bridge, "
               "10.0.3.0/24 via 10.0.3.1) at line 4",
               // -N may be -Name or -NetworkSpecificParams, -A one of three: neither is read.
               "5 info: a command (New-HnsNetwork) that asks HNS to create network (L2Bridge) at line 5",
               "6 info: a command (New-HnsNetwork) that asks HNS to create network OverLab (Overlay, "
               "10.0.5.0/24) at line 6",
               "7 info: a command (New-HnsEndpoint) that asks HNS to create endpoint (10.0.3.5) on "
               "network 3a9c0e57-1b2d-4f68-8e4a-c7d05b1f9e32 at line 7",
               "8 info: a command (Remove-HnsNetwork) that asks HNS to delete network winl2 at line 8"};
    QTest::newRow("a command cut by the paste's end inside its continuation says so")
        << "hns-psm1-command-cut-at-paste-end.txt"
        << QStringList{
               "1-2 info: a command (New-HnsNetwork) that asks HNS to create network cutnet (L2Bridge, "
               "10.0.8.0/24) (the paste ends inside the command: what follows is not shown) at lines "
               "1-2"};
    QTest::newRow("counts of load balancers and endpoints over time, a cut line left out")
        << "hnsdiag-counts-over-time.txt"
        << QStringList{"3-8 info: HNS load balancers counted 6 times, 11-02 21:14 to 11-02 21:31: 212 (2 "
                       "times), 3 (2 times), 48, 211; the count fell from 212 to 3 at line 5",
                       "13-14 info: HNS endpoints counted 2 times, 11-02 21:14 to 11-02 21:16: 60, 58"};
    QTest::newRow("a count once, in prose: nothing of HNS") << "counts-once-and-prose.txt" << QStringList{};
    // hnsdiag's deletions are typed deletions: the object of the ID given, or a word written in the ID's
    // place (`<namespace-id>`, `endpoint_id`, `EndpointId`), which names none; the tool's path and the ID
    // may be quoted, and a redirection is no argument; prose naming hnsdiag, its listings and `reset` ask
    // nothing.
    QTest::newRow("hnsdiag delete of each kind, by GUID, variable or placeholder; prose asks nothing")
        << "hnsdiag-delete-commands.txt"
        << QStringList{
               "3 info: a command (hnsdiag delete endpoints) that asks HNS to delete endpoint endpoint_id (a "
               "template: endpoint_id is a placeholder, not a value) at line 3",
               "6 info: a command (hnsdiag delete networks) that asks HNS to delete network "
               "4c0e2a7b-91d3-4f6e-8a25-b7d1c9e03f48 at line 6",
               "7 info: a command (hnsdiag delete namespaces) that asks HNS to delete namespace "
               "<namespace-id> (a template: <namespace-id> is a placeholder, not a value) at line 7",
               "8 info: a command (hnsdiag delete loadbalancers) that asks HNS to delete the load balancer "
               "$lb holds at line 8",
               "9 info: a command (hnsdiag delete endpoints) that asks HNS to delete endpoint EndpointId (a "
               "template: EndpointId is a placeholder, not a value) at line 9",
               "14 info: a command (hnsdiag delete endpoints) that asks HNS to delete endpoint "
               "9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f at line 14"};
    // Commands on the HNS service (PowerShell's cmdlets, a pipeline from Get-Service, a list of services,
    // net with its switches, sc) and on its store are said, each once with its repeats; a failure to stop
    // or start it is a warning, said once with its repeats; prose, other services and other files say
    // nothing.
    QTest::newRow("the HNS service stopped, started, its store deleted; a stop or start that failed")
        << "hns-service-commands.txt"
        << QStringList{
               "1 info: a command (Stop-Service hns -Force) that stops HNS at line 1 (2 times, lines 1, 18)",
               "2 info: a command (Remove-Item -Path C:\\ProgramData\\Microsoft\\Windows\\HNS\\HNS.data "
               "-Force) "
               "that deletes HNS's store of its networks and policies (HNS.data) at line 2: HNS forgets the "
               "networks it stored when it starts again",
               "3 info: a command (Start-Service -Name \"hns\") that starts HNS at line 3",
               "4 info: a command (Get-Service hns | Restart-Service) that restarts HNS at line 4",
               "5 info: a command (net stop hns) that stops HNS at line 5",
               "6 info: a command (sc.exe start hns) that starts HNS at line 6",
               "7 warning: the HNS service could not be stopped (Restart-Service says \"Service 'Host "
               "Network "
               "Service (hns)' stop failed.\") at line 7: HNS was not restarted (2 times, lines 7, 14)",
               "8-9 info: PowerShell waited for the HNS service to stop at lines 8-9",
               "10 warning: the HNS service could not be started (net says \"The Host Network Service "
               "service "
               "could not be started.\") at line 10: HNS did not start, and no HNS answered requests after "
               "it",
               "15 info: a command (net stop hns /y) that stops HNS at line 15",
               "16 info: a command (Get-Service -Name hns | Stop-Service -PassThru) that stops HNS at line "
               "16",
               "17 info: a command (Restart-Service -Name hns,vmcompute -Force) that restarts HNS at line "
               "17"};
    // A typed command's refusal with prose or a fence between them names the command it answers, at the
    // line of its last showing before the refusal.
    QTest::newRow("docker's refusal after prose and fences names the command it answers")
        << "docker-command-refused-after-prose.txt"
        << QStringList{
               "5-20 info: a command (docker network create) that asks HNS to create network ext40 "
               "(Transparent, 10.40.0.0/24 via 10.40.0.1) (2 times, lines 5, 14); HNS refused it (line 20)",
               "20 warning: HNS refused a request: hnsCall failed: HCN_E_ADAPTER_NOT_FOUND (0x803B0006), "
               "\"An "
               "adapter was not found.\" (the command at line 14: docker network create, to create network "
               "ext40 (Transparent, 10.40.0.0/24 via 10.40.0.1))",
               "25-27 info: a command (docker network rm) that asks HNS to delete network ext39 at line 25; "
               "HNS "
               "refused it (line 27)",
               "27 warning: HNS refused a request: E_INVALIDARG (0x80070057), \"The parameter is "
               "incorrect.\" "
               "(code from the message text) (the command at line 25: docker network rm, to delete network "
               "ext39)"};
    // A network docker printed the ID of was made: a refusal of the next command is that one's.
    QTest::newRow("a network docker made, then another command refused")
        << "docker-network-made-then-run-refused.txt"
        << QStringList{
               "1-2 info: a command (docker network create) that asks HNS to create network ext40 "
               "(Transparent, 10.40.0.0/24 via 10.40.0.1) at line 1; HNS did it (line 2)",
               "4 warning: HNS refused a request: hnsCall failed: E_INVALIDARG (0x80070057), \"The parameter "
               "is incorrect.\" (the command at line 3: docker run -it --network ext40 ... cmd)"};
    // hnsdiag's list of the host's adapters: one info for each run of adapter blocks (prose between two
    // runs parts them), no object; an indented `Adapter :` line or an ID cut short starts none.
    QTest::newRow("hnsdiag list adapters: the host's adapters said, not imported")
        << "hnsdiag-list-adapters.txt"
        << QStringList{
               "5-14 info: hnsdiag list adapters shows 2 host network adapters: vEthernet (nat) "
               "{5C1F0E2A-7B3D-4E69-8A14-2F6B9D0C3E71} (ethernet, Hyper-V Virtual Ethernet Adapter), "
               "Loopback "
               "Pseudo-Interface 1 {A84CCFE6-4DD1-11EA-88E2-806E6F6E6963} (loopback); adapters are no HNS "
               "objects, not imported",
               "18-20 info: hnsdiag list adapters shows 1 host network adapter: Ethernet 2 "
               "{0B7E3C9D-2A41-4F58-9C6E-1D8A5B3F2E04}; adapters are no HNS objects, not imported"};
    // A listing whose output is empty (the next prompt, or a blank line, and then the end of its block or
    // of the paste) tells HNS held none of them, or none matched its filter.
    QTest::newRow("HNS listings that printed nothing: none held, none matched")
        << "get-hns-listings-empty-output.txt"
        << QStringList{
               "3-4 info: a command (Get-HnsNetwork) that asks HNS to list every network, which printed "
               "nothing: HNS held no network when it was typed at line 3",
               "8-9 info: a command (Get-HnsEndpoint) that asks HNS to list the endpoints named cbr0_ep, "
               "which printed nothing: none of HNS's endpoints matched when it was typed at line 8",
               "12-13 info: a command (Get-HnsPolicyList) that asks HNS to list policy list "
               "5b1d8e3a-70c4-4f29-a6e5-2c9f0b7d4a13, which printed nothing: none of HNS's policy lists "
               "matched when it was typed at line 12",
               "16-17 info: a command (Get-HnsNamespace) that asks HNS to list the namespaces whose "
               "IsDefault is true, which printed nothing: none of HNS's namespaces matched when it was "
               "typed at line 16",
               "19-20 info: a command (Get-HnsEndpoint) that asks HNS to list the endpoints whose IPAddress "
               "is like 10.244.*, which printed nothing: none of HNS's endpoints matched when it was typed "
               "at line 19",
               "22-23 info: a command (Get-HnsLoadBalancer) that asks HNS to list every load balancer, which "
               "printed nothing: HNS held no load balancer when it was typed at line 22"};
    // Output the poster did not paste (a fence, prose or the paste's end right after the command), a
    // listing assigned, redirected or piped on, prose naming a cmdlet, and a script's lines (no prompt,
    // a blank line before its fence closes) say nothing of what HNS held.
    QTest::newRow("HNS listings whose output is not pasted, or printed elsewhere: nothing said")
        << "get-hns-listings-output-not-pasted.txt"
        << QStringList{
               "27 info: a command (Remove-HnsNetwork) that asks HNS to delete every network at line 27"};
    // A prose or console copy of a failure, before or after the log record holding HNS's answer to it
    // (`{"Success":false,...}` in klog's `err=` field, after a klog or logrus message): one failure, said
    // at the record, the copy named apart, as beside a record without an answer.
    QTest::newRow(
        "an issue's words quoting the code above kube-proxy's record with HNS's answer: one failure")
        << "answer-quoted-in-prose-before-klog.txt"
        << QStringList{
               "5 warning: HNS reported a failure: hcnCreateLoadBalancer failed: HCN_E_PORT_ALREADY_EXISTS "
               "(0x803B0013), \"The specified port already exists.\" (logged as \"Healthcheck "
               "loadbalancer policy creation failed\") (also quoted at line 1)"};
    QTest::newRow("the code quoted after two klog records with HNS's answer: counted apart from them")
        << "answer-quoted-in-prose-after-klog.log"
        << QStringList{
               "1 warning: HNS reported a failure: hcnCreateLoadBalancer failed: "
               "HCN_E_PORT_ALREADY_EXISTS (0x803B0013), \"The specified port already exists.\" (logged "
               "as \"Policy creation failed\") (2 times, lines 1-2) (also quoted at lines 4-5)"};
    // A line holding HNS's answer is a program's, with its record's header or without it (an issue's paste
    // starting at `proxier.go: 1756]`), or the answer's JSON alone: the words beside it quote it.
    QTest::newRow("prose beside a headerless klog line and beside JSON, each holding HNS's answer")
        << "answer-quoted-beside-headerless-klog.txt"
        << QStringList{
               "7 warning: HNS reported a failure: hcnCreateLoadBalancer failed: HCN_E_PORT_ALREADY_EXISTS "
               "(0x803B0013), \"The specified port already exists.\" (also quoted at line 3)",
               "14 warning: HNS reported a failure: HCN_E_NETWORK_NOT_FOUND (0x803B0001), \"The network "
               "was not found.\" (also quoted at line 13)"};
    // The answer's line names no operation (`HNS request failed: {...}`): the quote that names one gives it.
    // Another error quoted stays a failure of its own.
    QTest::newRow("logrus records with HNS's answers, quoted in a title and in prose")
        << "answer-quoted-in-title-logrus.txt"
        << QStringList{
               "3 warning: HNS reported a failure: hcnCreateEndpoint failed: HCN_E_PORT_ALREADY_EXISTS "
               "(0x803B0013), \"The specified port already exists.\" (also quoted at line 1)",
               "4 warning: HNS reported a failure: hcnCreateEndpoint failed: HCN_E_NETWORK_NOT_FOUND "
               "(0x803B0001), \"The network was not found.\" (also quoted at line 6)",
               "7 warning: HNS refused a request: HCN_E_ENDPOINT_ALREADY_ATTACHED (0x803B0014), \"This "
               "endpoint is already attached to the switch.\""};
    // HNS's older messages have no full stop: one that ends the paste is whole, unless it ends on a word no
    // sentence ends on or inside a word of a known code's Windows message.
    QTest::newRow("docker's error with HNS's old message on the paste's last line: whole")
        << "docker-endpoint-old-hns-message-ends-paste.txt"
        << QStringList{
               "2 warning: HNS refused a request: create endpoint web on network nat failed: \"Failed to "
               "create endpoint\" (no error code in the log) (the command at line 1: docker run -it "
               "--network nat ... cmd)"};
    QTest::newRow("HNS's message ending the paste on a word no sentence ends on: cut")
        << "docker-network-hns-message-cut-on-a-word.txt"
        << QStringList{
               "1 warning: HNS refused a request: create network lab failed: \"The network could not be "
               "created on the\" (cut)"};
    QTest::newRow("HNS's message ending the paste on a comma: cut")
        << "docker-network-hns-message-cut-after-a-comma.txt"
        << QStringList{"1 warning: HNS refused a request: create network lab failed: \"Failed to create "
                       "network\" (cut)"};
    QTest::newRow("HNS's message ending the paste inside a word of a known message: cut, with that code")
        << "docker-endpoint-hns-message-cut-in-a-word.txt"
        << QStringList{"1 warning: HNS refused a request: create endpoint web on network nat failed: \"The "
                       "specified port already exi\" (cut; HCN_E_PORT_ALREADY_EXISTS (0x803B0013)? the text "
                       "matches the start of its message)"};
    // `HSN failed with error :`, a common typo of docker's HNS error in pastes, is HNS's error; HSN in other
    // words is no failure.
    QTest::newRow("docker's HNS error with HNS misspelled HSN: read as HNS's")
        << "docker-endpoint-hsn-typo.txt"
        << QStringList{
               "3 warning: HNS refused a request: create endpoint web on network nat failed: E_INVALIDARG "
               "(0x80070057), \"The parameter is incorrect.\" (code from the message text)",
               "5 warning: HNS refused a request: create network lab failed: \"Failed to create "
               "network\" (no error code in the log)"};
}

void TestLoggedOperations::saysWhatALogDoesWithHns()
{
    QFETCH(QString, file);
    QFETCH(QStringList, messages);
    const ImportResult result = importDumpFile(file);
    QCOMPARE(importLineMessages(result), messages);
    QCOMPARE(result.recoveredAnything(), !messages.isEmpty());
    // What a pasted CNI configuration is, is said of the paste; everything else is what the log says.
    for (const ImportMessage& m : result.report.messages)
        if (m.firstLine > 0 && !m.message.starts_with("a CNI configuration"))
            QVERIFY2(m.logged, m.message.c_str());
}

/// Each command typed on a line is a request of its own, in the order typed; an error record naming one of
/// them is that one's answer, not the others'; the same command shown twice, once with its answer, is one
/// request that says both lines and the answer.
void TestLoggedOperations::typedCommandsOfOneLineAndTheirAnswers_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("messages"); ///< the messages about lines, whole

    QTest::newRow("two cmdlets after `;` on one line: both asked")
        << "sameline-two-hns-commands.txt"
        << QStringList{
               "1 info: a command (New-HnsNetwork) that asks HNS to create network a (L2Bridge, "
               "10.0.1.0/24 via 10.0.1.1) at line 1",
               "1 info: a command (New-HnsEndpoint) that asks HNS to create endpoint ep1 on network a "
               "(as $n holds it) at line 1"};
    QTest::newRow("docker network rm of two networks: one request naming both")
        << "sameline-docker-rm-two-networks.txt"
        << QStringList{
               "1 info: a command (docker network rm) that asks HNS to delete networks net1 and net2 at "
               "line 1"};
    QTest::newRow("the second cmdlet's error record answers it, not the first")
        << "sameline-refusal-names-the-second-cmdlet.txt"
        << QStringList{
               "1 info: a command (New-HnsNetwork) that asks HNS to create network n2 (L2Bridge, "
               "10.0.4.0/24 via 10.0.4.1) at line 1",
               "1-2 info: a command (New-HnsEndpoint) that asks HNS to create endpoint ep2 on network "
               "n2 (as $n holds it) at line 1; HNS refused it (line 2)",
               "2-7 warning: HNS refused a request: New-HnsEndpoint (create endpoint ep2) failed: "
               "ERROR_NOT_FOUND (0x80070490), \"Element not found.\" (code from the message text)"};
    // A template's placeholders are no values: said so, also quoted words in angle brackets, as in a
    // request document; the words of prose after a kind name nothing.
    QTest::newRow("commands of a template, in prose that names no network")
        << "commands-template-placeholders.txt"
        << QStringList{
               "3 info: a command (New-HnsNetwork) that asks HNS to create network {{ sdn_network_name }} "
               "(Transparent, {{ subnet }} via {{ gateway }}) on adapter {{ interface_name }} (a template: 4 "
               "placeholders, not values) at line 3",
               "5 info: a command (New-HnsNetwork) that asks HNS to create network <network-name> (L2Bridge, "
               "10.0.0.0/24 via 10.0.0.1) (a template: <network-name> is a placeholder, not a value) at line "
               "5",
               "6 info: a command (Remove-HnsNetwork) that asks HNS to delete network {{ net }} (a template: "
               "{{ net }} is a placeholder, not a value) at line 6",
               "7 info: a command (docker network create) that asks HNS to create network tnet (Transparent) "
               "on adapter {{ nic }} (a template: {{ nic }} is a placeholder, not a value) at line 7",
               "8 info: a command (docker network create) that asks HNS to create network l2svc (L2Bridge, "
               "<your service cidr>) (a template: <your service cidr> is a placeholder, not a value) at line "
               "8"};
    // hns.psm1 prints a -Verbose command's request (`VERBOSE: Invoke-HNSRequest ...`), which then says
    // it; a document the poster pasted after the command is no such print.
    QTest::newRow("an address written as letters is a placeholder")
        << "docker-network-create-address-placeholder.txt"
        << QStringList{
               "1 info: a command (docker network create) that asks HNS to create network repro "
               "(Transparent, x.x.x.x) (a template: x.x.x.x is a placeholder, not a value) at line 1"};
    QTest::newRow("a -Verbose command, then a create document of the poster's: both asked")
        << "verbose-command-then-pasted-create-document.txt"
        << QStringList{"1 info: a command (New-HnsNetwork) that asks HNS to create network vxlan7 (Overlay, "
                       "10.61.1.0/24 via 10.61.1.1) at line 1",
                       "3-13 info: a network as a create request gives it (no ID, only what a caller sets): "
                       "create network uplink7 (L2Bridge, 192.168.77.0/30 via 192.168.77.1) on adapter "
                       "Ethernet 4; not an object HNS holds, not imported"};
    QTest::newRow("an issue's command and its step to reproduce, each refused: one request, both answers")
        << "command-and-its-repro-step-each-refused.txt"
        << QStringList{"1-6 info: a command (docker network create) that asks HNS to create network ingtest "
                       "(Overlay) (2 times, lines 1, 5); HNS refused it (lines 2, 6)",
                       "2 warning: HNS refused a request: E_INVALIDARG (0x80070057), \"The parameter is "
                       "incorrect.\" (code from the message text) (2 times, lines 2, 6)"};
    QTest::newRow("a network ID under the expected behaviour's heading is no answer of HNS's")
        << "docker-command-actual-and-expected-behavior.txt"
        << QStringList{
               "3-9 info: a command (docker network create) that asks HNS to create network tnet9 "
               "(Transparent) (2 times, lines 3, 9); HNS refused it (line 4)",
               "4 warning: HNS refused a request: hnsCall failed: E_INVALIDARG (0x80070057), \"The "
               "parameter is incorrect.\" (the command at line 3: docker network create -d transparent "
               "tnet9)"};
    QTest::newRow("a command PowerShell did not run asked HNS nothing")
        << "command-not-run-missing-module.txt"
        << QStringList{
               "1-2 info: a command (Remove-HnsNetwork) that asks HNS to delete network l2 at line 1; "
               "PowerShell did not run it (line 2)",
               "2-7 warning: PowerShell did not run the command, so nothing was asked of HNS (no such "
               "command: misspelled, or its module not imported): Remove-HnsNetwork (delete network l2) "
               "failed: \"The term 'Remove-HnsNetwork' is not recognized as the name of a cmdlet, "
               "function, script file, or operable program.\""};
    QTest::newRow("a script's comment in a fenced block is no heading: the network ID is HNS's answer")
        << "docker-create-comment-in-fenced-script.txt"
        << QStringList{"5-6 info: a command (docker network create) that asks HNS to create network tnet4 "
                       "(Transparent) at line 5; HNS did it (line 6)"};
    QTest::newRow("a command shown as expected and again with its error: one request, both lines")
        << "sameline-command-expected-and-actual.txt"
        << QStringList{
               "2-6 info: a command (New-HnsNetwork) that asks HNS to create network same1 (L2Bridge, "
               "10.0.2.0/24 via 10.0.2.1) (2 times, lines 2, 5); HNS refused it (line 6)",
               "6-11 warning: HNS refused a request: New-HnsNetwork (create network same1, L2Bridge, "
               "10.0.2.0/24, gateway 10.0.2.1) failed: E_INVALIDARG (0x80070057), \"The parameter is "
               "incorrect.\" (code from the message text)"};
    QTest::newRow("hnsdiag's deletion refused: its answer, and the failure names the command")
        << "hnsdiag-delete-refused.txt"
        << QStringList{"1-2 info: a command (hnsdiag delete endpoints) that asks HNS to delete endpoint "
                       "6d2f8a90-3b1c-4e57-9f04-c8a1e5b7d362 at line 1; HNS refused it (line 2)",
                       "2 warning: HNS refused a request: hnsCall failed: ERROR_NOT_FOUND (0x80070490), "
                       "\"Element not "
                       "found.\" (the command at line 1: hnsdiag.exe delete endpoints "
                       "6d2f8a90-3b1c-4e57-9f04-c8a1e5b7d362)"};
}

void TestLoggedOperations::typedCommandsOfOneLineAndTheirAnswers()
{
    QFETCH(QString, file);
    QFETCH(QStringList, messages);
    const ImportResult result = importDumpFile(file);
    QCOMPARE(importLineMessages(result), messages);
    QCOMPARE(int(result.report.objects.size()), 0);
}

/// docker's network commands on Windows are requests to HNS as the cmdlets are: `docker network create`
/// with the HNS network type its driver makes, its subnets, gateways and windowsshim options, `docker
/// network rm` with the networks it names, wherever they are typed; prose, other docker commands and
/// Linux's drivers ask HNS nothing.
void TestLoggedOperations::readsDockersNetworkCommands_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("messages"); ///< the messages about lines, whole

    QTest::newRow("each Windows driver, prompts, --opt=k=v, quoted values, continuations, a code span, "
                  "teamed adapters")
        << "docker-network-commands-windows-drivers.txt"
        << QStringList{
               // docker printed the new network's ID.
               "1-2 info: a command (docker network create) that asks HNS to create network myl2bridge "
               "(L2Bridge, 10.123.6.0/23 via 10.123.6.1) on adapter Ethernet at line 1; HNS did it (line 2)",
               "4 info: a command (docker network create) that asks HNS to create network tlan (Transparent, "
               "192.168.40.0/24 via 192.168.40.1), VLAN 12, DNS servers 10.0.0.10,10.0.0.11 at line 4",
               // windowsshim.networkname names the HNS network apart from docker's.
               "6-10 info: a command (docker network create) that asks HNS to create network ovl-hns "
               "(Overlay, 10.244.0.0/24 via 10.244.0.1, 10.245.0.0/24 via 10.245.0.1) for docker network ovl "
               "at lines 6-10",
               "12 info: a command (docker network create) that asks HNS to create network natlab (NAT, "
               "172.30.0.0/16) at line 12",
               "13 info: a command (docker network rm) that asks HNS to delete networks natlab and old-l2 at "
               "line 13",
               "14-15 info: a command (docker network create) that asks HNS to create network tun1 "
               "(L2Tunnel), no DNS from the gateway at lines 14-15",
               "16 info: a command (docker network create) that asks HNS to create network icsnet (ICS, "
               "172.31.0.0/24) at line 16",
               // No driver: docker's default on Windows; a redirection and a pipe after it.
               "17 info: a command (docker network create) that asks HNS to create network mydefault (NAT) "
               "at "
               "line 17",
               "18 info: a command (docker network create) that asks HNS to query network "
               "3A9C0E57-1B2D-4F68-8E4A-C7D05B1F9E32 for docker network adopted (docker takes that network "
               "as it is and creates none) at line 18",
               "19 info: a command (docker network create) that asks HNS to create network commented (NAT, "
               "172.29.0.0/24) at line 19",
               // Prompts without a path.
               "20 info: a command (docker network rm) that asks HNS to delete network adopted at line 20",
               "21 info: a command (docker network create) that asks HNS to create network short (NAT) at "
               "line 21",
               // Two adapters teamed, as Windows' docs write them and in one value.
               "22 info: a command (docker network create) that asks HNS to create network TeamedNet "
               "(Transparent) on adapters Ethernet 2 and Ethernet 3 (teamed) at line 22",
               "23 info: a command (docker network create) that asks HNS to create network team2 "
               "(Transparent) on adapters Ethernet 4 and Ethernet 5 (teamed) at line 23",
               // A quote the poster left open: read up to it.
               "24 info: a command (docker network create) that asks HNS to create network (Transparent) (a "
               "quote in the command never closes: what follows it is not clear) at line 24",
               // Another option's comma joins no word; a removal's open quote holds its name.
               "26 info: a command (docker network create) that asks HNS to create network tnet "
               "(Transparent), VLAN 11, at line 26",
               "27 info: a command (docker network rm) that asks HNS to delete network mynet at line 27"};
    QTest::newRow("prose, docker's other commands, Linux's drivers and a table's row ask HNS nothing")
        << "docker-network-prose-and-linux-drivers.txt" << QStringList{};
    QTest::newRow("a command the paste cuts inside its continuation: what it holds, said cut")
        << "docker-network-create-cut-at-paste-end.txt"
        << QStringList{
               "3-4 info: a command (docker network create) that asks HNS to create network "
               "(L2Bridge, 10.0.9.0/24 via 10.0.9.1) (the paste ends inside the command: what follows "
               "is not shown) at lines 3-4"};
    QTest::newRow("docker's error after the command is HNS's answer to it")
        << "docker-network-create-refused-continued.txt"
        << QStringList{"1-3 info: a command (docker network create) that asks HNS to create network prod4 "
                       "(Transparent) on adapter Ethernet 2 at lines 1-2; HNS refused it (line 3)",
                       "3 warning: HNS refused a request: docker network create -d transparent ... prod4 "
                       "failed: E_INVALIDARG (0x80070057), \"The parameter is incorrect.\" (code from the "
                       "message text)"};
}

void TestLoggedOperations::readsDockersNetworkCommands()
{
    QFETCH(QString, file);
    QFETCH(QStringList, messages);
    const ImportResult result = importDumpFile(file);
    QCOMPARE(importLineMessages(result), messages);
    QCOMPARE(int(result.report.objects.size()), 0);
    QCOMPARE(result.recoveredAnything(), !messages.isEmpty());
}

/// A statement's pipeline as the readers of typed commands and error records see it: one entry an element,
/// its words each in brackets.
void TestLoggedOperations::splitsAPipelineIntoWords_data()
{
    QTest::addColumn<QString>("statement");
    QTest::addColumn<QStringList>("elements");

    QTest::newRow("a filter's quoted value holds a pipe")
        << R"(Get-HnsNetwork | ? Name -eq "a|b" | Remove-HnsNetwork)"
        << QStringList{"[Get-HnsNetwork]", R"([?] [Name] [-eq] ["a|b"])", "[Remove-HnsNetwork]"};
    QTest::newRow("a script block and a list are one word each")
        << R"(Get-HnsEndpoint | Where-Object { $_.IsRemoteEndpoint -eq $true } | Remove-HnsEndpoint)"
        << QStringList{"[Get-HnsEndpoint]", "[Where-Object] [{ $_.IsRemoteEndpoint -eq $true }]",
                       "[Remove-HnsEndpoint]"};
    QTest::newRow("an array subexpression and a comma list with blanks")
        << R"(New-HnsNetwork -AddressPrefix @('10.0.1.0/24', '10.0.2.0/24') -Gateway "10.0.1.1", "10.0.2.1")"
        << QStringList{R"([New-HnsNetwork] [-AddressPrefix] [@('10.0.1.0/24', '10.0.2.0/24')] [-Gateway] )"
                       R"(["10.0.1.1","10.0.2.1"])"};
}

void TestLoggedOperations::splitsAPipelineIntoWords()
{
    QFETCH(QString, statement);
    QFETCH(QStringList, elements);
    QStringList shown;
    for (const std::vector<std::string>& words : pipelineWords(statement.toStdString())) {
        QStringList bracketed;
        for (const std::string& w : words)
            bracketed << QStringLiteral("[%1]").arg(QString::fromStdString(w));
        shown << bracketed.join(QLatin1Char(' '));
    }
    QCOMPARE(shown, elements);
}

/// A command's parameters as both readers take them: by the cmdlet's full names where the command shortened
/// them to a unique prefix (never an ambiguous one), with the values' items; its positional arguments last.
void TestLoggedOperations::readsACommandsParameters_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("arguments"); ///< "name: item, item", sorted by name; "positional: ..."

    QTest::newRow("full names")
        << "New-HnsNetwork -Type L2Bridge -Name winl2 -AddressPrefix 10.0.3.0/24 -Gateway 10.0.3.1"
        << QStringList{"addressprefix: 10.0.3.0/24", "gateway: 10.0.3.1", "name: winl2", "type: L2Bridge"};
    QTest::newRow("unique prefixes read as the full names")
        << "New-HnsNetwork -Ty L2Bridge -Na winl2 -Addr 10.0.3.0/24 -Gate 10.0.3.1"
        << QStringList{"addressprefix: 10.0.3.0/24", "gateway: 10.0.3.1", "name: winl2", "type: L2Bridge"};
    QTest::newRow("ambiguous prefixes are kept as given")
        << "New-HnsNetwork -Type L2Bridge -N winl3 -A 10.0.4.0/24"
        << QStringList{"a: 10.0.4.0/24", "n: winl3", "type: L2Bridge"};
    QTest::newRow("a prefix of a common parameter")
        << "Remove-HnsEndpoint -Id $ep.ID -Verb" << QStringList{"id: $ep.ID", "common verbose:"};
    QTest::newRow("common parameters with their values, kept apart")
        << "Remove-HnsEndpoint -Id $ep.ID -ErrorAction Stop -ov removed"
        << QStringList{"id: $ep.ID", "common erroraction: Stop", "common outvariable: removed"};
    QTest::newRow("-Name:value keeps the value's case")
        << "New-HnsNetwork -Type:Overlay -Na:OverLab -AddressPrefix:10.0.5.0/24"
        << QStringList{"addressprefix: 10.0.5.0/24", "name: OverLab", "type: Overlay"};
    QTest::newRow("en and em dashes")
        << "New-ContainerNetwork \u2013Name natlab \u2014Mo NAT \u2013SubnetPrefix 172.28.16.0/20"
        << QStringList{"mode: NAT", "name: natlab", "subnetprefix: 172.28.16.0/20"};
    QTest::newRow("quoted values, an array subexpression and a comma list")
        << R"(New-HnsNetwork -Name "lab net" -AddressPrefix @('10.0.1.0/24','10.0.2.0/24') -Gateway '10.0.1.1', "10.0.2.1")"
        << QStringList{"addressprefix: 10.0.1.0/24, 10.0.2.0/24", "gateway: 10.0.1.1, 10.0.2.1",
                       "name: lab net"};
    QTest::newRow("a switch takes no value; the word after it is positional")
        << "Remove-ContainerNetwork -Force labNet" << QStringList{"force:", "positional: labNet"};
    QTest::newRow("a parameter given twice: its first value")
        << "Get-HnsNetwork -Name a -Name b" << QStringList{"name: a"};
    QTest::newRow("another command's parameters by the names given")
        << "Get-VMSwitch -Na external -SwitchType External"
        << QStringList{"na: external", "switchtype: External"};
    QTest::newRow("the command ends at its pipe or at the block it stands in")
        << "New-ContainerNetwork -Name lab -Mode NAT } | Out-Null" << QStringList{"mode: NAT", "name: lab"};
}

void TestLoggedOperations::readsACommandsParameters()
{
    QFETCH(QString, command);
    QFETCH(QStringList, arguments);
    const std::string text = command.toStdString();
    const std::vector<std::string> words = commandWords(commandExtent(text));
    QVERIFY(!words.empty());
    const CommandArguments read = argumentsOf(words, 1, hnsCmdletNamed(words.front()));
    QStringList shown;
    for (const auto& [name, items] : read.named) {
        QStringList values;
        for (const std::string& item : items)
            values << QString::fromStdString(item);
        shown << (QString::fromStdString(name) + QLatin1Char(':') +
                  (values.isEmpty() ? QString() : QLatin1Char(' ') + values.join(QStringLiteral(", "))));
    }
    for (const auto& [name, items] : read.common)
        shown << (QStringLiteral("common ") + QString::fromStdString(name) + QLatin1Char(':') +
                  (items.empty() ? QString() : QLatin1Char(' ') + QString::fromStdString(items.front())));
    for (const std::string& p : read.positional)
        shown << QStringLiteral("positional: ") + QString::fromStdString(p);
    QCOMPARE(shown, arguments);
}

QTEST_GUILESS_MAIN(TestLoggedOperations)
#include "tst_loggedoperations.moc"
