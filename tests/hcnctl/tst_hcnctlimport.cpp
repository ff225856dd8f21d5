// `hcnctl import`: the real hcnctl reads dumps from files, folders and standard input, prints tables or
// a snapshot document, reports on stderr, and what it writes opens with `hcnctl --snapshot`.

#include "dump_files.h"
#include "hcnctl_runner.h"
#include "hcnd_child_process.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest>

namespace {

int sectionSize(const QJsonObject& snapshot, const char* section)
{
    return snapshot.value(QLatin1String(section)).toArray().size();
}

const QString kLocalEndpoint = QStringLiteral("0F8E2D41-6A3B-4C5D-9E7F-8091A2B3C4D5");

} // namespace

class TestHcnctlImport : public QObject
{
    Q_OBJECT

private slots:
    void importsFilesAsOneSnapshot()
    {
        const CtlRun run = runCtl({"import", "--json", dumpPath("import-endpoints-depth2.json"),
                                   dumpPath("import-network-policylists.txt")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject snapshot = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(sectionSize(snapshot, "Networks"), 1);
        QCOMPARE(sectionSize(snapshot, "Endpoints"), 3);
        QCOMPARE(sectionSize(snapshot, "Namespaces"), 1);
        QCOMPARE(sectionSize(snapshot, "LoadBalancers"), 1);
        QCOMPARE(sectionSize(snapshot, "SdnRoutes"), 1);
        QCOMPARE(snapshot.value("HnsVersion").toObject().value("Major").toInt(), 9);
        QCOMPARE(snapshot.value("Import").toObject().value("Objects").toArray().size(), 7);
        // The report on stderr names file, lines and the problem.
        QVERIFY2(run.err.contains("import-network-policylists.txt:") &&
                     run.err.contains("warning: load balancer B5A4C3D2-E1F0-4A9B-8C7D-6E5F4A3B2C1D: backend "
                                      "DEADBEEF-0000-4000-8000-000000000001 is not in the dump"),
                 qPrintable(run.err));
    }

    void tablesAndSummaryWithoutJson()
    {
        const CtlRun run = runCtl({"import", dumpPath("import-endpoints-depth2.json")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("Endpoints (3)") && run.out.contains(kLocalEndpoint) &&
                     run.out.contains("4 objects from 1 source"),
                 qPrintable(run.out));
    }

    void readsAFileAppendedToInAnotherEncoding()
    {
        // cmd.exe's `>>` wrote a network, PowerShell's `>>` appended an endpoint in UTF-16 LE: the file is
        // text, both are read, and the report says why the encoding changes.
        const CtlRun run = runCtl({"import", "--json", dumpPath("cmd-then-powershell-appended.txt")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject snapshot = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(sectionSize(snapshot, "Networks"), 1);
        QCOMPARE(sectionSize(snapshot, "Endpoints"), 1);
        QVERIFY2(run.err.contains(
                     "the file holds text in more than one encoding (UTF-8, then from byte 115 UTF-16 LE)"),
                 qPrintable(run.err));
    }

    void readsStandardInput()
    {
        const CtlRun run = runCtl({"import", "--json", "-"}, readDump("import-v2-logs.log"));
        QCOMPARE(run.exitCode, 0);
        const QJsonObject snapshot = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(sectionSize(snapshot, "Endpoints"), 1);
        QCOMPARE(sectionSize(snapshot, "LoadBalancers"), 1);
        QVERIFY2(run.err.contains("info: the dump shows no networks; 1 endpoint names 1 network it does not show"),
                 qPrintable(run.err));
    }

    void readsAFolder()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath("collectlogs"));
        QVERIFY(QFile::copy(dumpPath("import-endpoints-depth2.json"), dir.filePath("collectlogs/endpoint.txt")));
        QVERIFY(QFile::copy(dumpPath("import-network-policylists.txt"), dir.filePath("collectlogs/network.txt")));
        const CtlRun run = runCtl({"import", "--json", dir.filePath("collectlogs")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject snapshot = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(sectionSize(snapshot, "Endpoints"), 3);
        QCOMPARE(sectionSize(snapshot, "Networks"), 1);
    }

    void readsAnArchiveOfACollectlogsFolder()
    {
        QTemporaryDir dir;
        const QString archive = dir.filePath("logs.tar.gz");
        hcntest::ChildProcess tar;
        const QString dumps = qEnvironmentVariable("HCN_SOURCE_DIR") + "/tests/data/dumps";
        QVERIFY(tar.start("tar", {"czf", archive.toStdString(), "-C", dumps.toStdString(), "collectlogs"}));
        QVERIFY(tar.waitForExit(30000));
        QCOMPARE(tar.exitCode(), 0);
        const CtlRun run = runCtl({"import", "--json", archive});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject snapshot = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(sectionSize(snapshot, "Networks"), 2);
        QCOMPARE(sectionSize(snapshot, "Endpoints"), 3);
        QCOMPARE(sectionSize(snapshot, "LoadBalancers"), 2);
        QVERIFY2(run.err.contains("logs.tar.gz!collectlogs/policy.txt:"), qPrintable(run.err));
    }

    void whatItWritesOpensAsASnapshot()
    {
        QTemporaryDir dir;
        const CtlRun imported = runCtl({"import", "--json", dumpPath("import-endpoints-depth2.json"),
                                        dumpPath("import-network-policylists.txt")});
        QCOMPARE(imported.exitCode, 0);
        const QString file = dir.filePath("snapshot.json");
        QVERIFY(writeFile(file, imported.out.toUtf8()));
        const CtlRun shown = runCtl({"--snapshot", file, "--json", "show", "endpoint", kLocalEndpoint});
        QCOMPARE(shown.exitCode, 0);
        const QJsonObject endpoint = QJsonDocument::fromJson(shown.out.toUtf8()).object();
        QCOMPARE(endpoint.value("IpConfigurations").toArray().at(0).toObject().value("IpAddress").toString(),
                 QStringLiteral("10.244.1.17"));
        const CtlRun listed = runCtl({"--snapshot", file, "list", "loadbalancers"});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY(listed.out.contains("10.96.0.1"));
    }

    /// What `hcnctl --snapshot` lists from an import agrees with the import: a reference spelled in
    /// another case than the object it names counts and names that object, and a network whose type
    /// the dump does not show is of an unknown type, never NAT (also in the import's own summary).
    void listsWhatTheImportFound_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("command"); ///< after `--snapshot FILE`; empty: `import FILE` itself
        QTest::addColumn<QString>("row");         ///< a regular expression one line matches
        QTest::addColumn<QString>("absent");      ///< a regular expression no line matches

        const QString guids = "guid-case-across-objects.txt";
        QTest::newRow("the network counts the endpoint that names it in upper case")
            << guids << QStringList{"list", "networks"}
            << "^c4d5e6f7-0819-4a2b-8c3d-4e5f60718293 +azure +L2Bridge +10\\.240\\.0\\.0/16 +1$" << QString();
        QTest::newRow("the endpoint names its network by name")
            << guids << QStringList{"list", "endpoints"}
            << "^E6F70819-2A3B-4C4D-8E5F-607182930415 +azure-vnet-ep1 +azure +10\\.240\\.0\\.17/16 "
            << "C4D5E6F7-0819-4A2B-8C3D-4E5F60718293";
        // A v1 endpoint gives its network's name with the ID (`VirtualNetworkName`): the table shows the
        // name though the dump does not show the network; `show` keeps the ID.
        const QString v1Name = "endpoint-v1-network-by-name.json";
        const QString v1Row = "^2B3C4D5E-6F70-4A81-9B92-A3B4C5D6E7F8 +pod-x_cbr0 +cbr0 +10\\.244\\.3\\.7/24 ";
        QTest::newRow("a v1 endpoint's network by the name it gives, in the import's summary")
            << v1Name << QStringList{} << v1Row << "1A2B3C4D-5E6F-4A70-8B81-92A3B4C5D6E7";
        QTest::newRow("and listed from the saved snapshot")
            << v1Name << QStringList{"list", "endpoints"} << v1Row << "1A2B3C4D-5E6F-4A70-8B81-92A3B4C5D6E7";
        QTest::newRow("and the ID in show")
            << v1Name << QStringList{"show", "endpoint", "2B3C4D5E-6F70-4A81-9B92-A3B4C5D6E7F8"}
            << "1A2B3C4D-5E6F-4A70-8B81-92A3B4C5D6E7" << QString();
        const QString textValues = "import-csv-text-values.json";
        QTest::newRow("states are named, a state given as a name is shown as given")
            << textValues << QStringList{}
            << "^7EA50426-B18F-4D5C-806A-2CF5B841AED7 +8b0d3e5f_cbr0 +cbr0 +10\\.244\\.9\\.15/24 +- +- "
               "+Attached$"
            << QString();
        QTest::newRow("a state number 3 is named")
            << textValues << QStringList{"list", "endpoints"}
            << "^5C83E204-9F6D-4B3A-8E47-0AD3962F8CB5 .* Attached \\(shared\\)$" << QString();
        QTest::newRow("IsRemoteEndpoint given as text marks the endpoint remote")
            << textValues << QStringList{"list", "endpoints"}
            << "^6D94F315-A07E-4C4B-9F58-1BE4A7309DC6 .* Remote$" << QString();
        const QString untyped = "hnsdiag-networks-without-type.txt";
        QTest::newRow("a network without a type column lists as unknown")
            << untyped << QStringList{"list", "networks"}
            << "^5C2E8A14-93B7-4D60-A1F2-7E9B3C4D5A68 +cbr0 +unknown +- +0$"
            << " NAT ";
        QTest::newRow("and so in the import's summary")
            << untyped << QStringList{} << "^8F5B1D47-C6EA-4093-9425-AB2E6F708D91 +nat +unknown +- +0$"
            << " NAT ";
        const QString containers = "namespace-v1-containers.json";
        QTest::newRow("a v1 namespace's containers are counted")
            << containers << QStringList{"list", "namespaces"}
            << "^4462EBFC-5F91-4EF0-9CFB-AC6E7687A66E +Host +7 +1 +3$" << QString();
        QTest::newRow("and in the import's summary")
            << containers << QStringList{} << "^4462EBFC-5F91-4EF0-9CFB-AC6E7687A66E +Host +7 +1 +3$"
            << QString();
        const QString flattened = "listview-namespace-flattened-members.txt";
        const QString unnamedMembers =
            "^3A6F9C12-D84B-4E71-B2A5-07E9C3D1F6B8 +Host +3 +2 \\(2 not shown\\) +1 \\(1 not shown\\)$";
        QTest::newRow("members the list view flattened are counted as not shown")
            << flattened << QStringList{"list", "namespaces"} << unnamedMembers << QString();
        QTest::newRow("and in the import's summary")
            << flattened << QStringList{} << unnamedMembers << QString();
        // A dump of networks alone: the host's count (v1 CurrentEndpointCount) beside the snapshot's 0.
        const QString networksOnly = "listview-networks.txt";
        QTest::newRow("a network whose endpoints are not in the dump: the host's count beside 0")
            << networksOnly << QStringList{}
            << "^7C2E5A90-1F4B-4D86-93AE-B05D8C7F2E61 +nat +NAT +172\\.26\\.80\\.0/20 +0 \\(2 on the host\\)$"
            << " 0$";
        QTest::newRow("and listed from the saved snapshot")
            << networksOnly << QStringList{"list", "networks"}
            << "^E3A07B5C-2D91-4F68-B4C3-07F5D2E91A6B +cbr0 +L2Bridge +10\\.244\\.3\\.0/24 +0 \\(5 on the "
               "host\\)$"
            << " 0$";
        QTest::newRow("a network whose endpoints are all in the dump: the count alone")
            << "export-csv-networks-endpoints.csv" << QStringList{"list", "networks"}
            << "^4E7A1C93-8B25-4F60-9D1E-2A3B4C5D6E7F +cbr0 +L2Bridge +- +2$"
            << "on the host";
        QTest::newRow("a dump stating fewer than it holds: the count of what it holds")
            << "listview-paragraphs.txt" << QStringList{"list", "networks"}
            << "^6E1D8A35-F29C-4B07-A5D4-3C8F0B6E2A91 +l2b +L2Bridge +10\\.60\\.1\\.0/24 +2$"
            << "on the host";
        // A namespace in another State than 1 (one that cannot be deleted) shows the State column.
        const QString stuck = "hnsdiag-namespace-detailed-stuck-state.txt";
        QTest::newRow("a namespace in State 4: the State column, in the import's summary")
            << stuck << QStringList{} << "^6B0D4E2A-91C3-4F57-8A1E-3D5C7B9F0A24 +Host +12 +0 +1 +4$"
            << QString();
        QTest::newRow("and listed from the saved snapshot, the one in State 1 too")
            << stuck << QStringList{"list", "namespaces"}
            << "^9E2C4A61-7D35-4B08-B1F9-5A3C7E0D2B46 +HostDefault +1 +0 +0 +1$" << QString();
        QTest::newRow("namespaces all in State 1: no State column")
            << "namespace-v1-containers.json" << QStringList{} << "Containers$"
            << "State";
        QTest::newRow("the older per-object load balancer listing: VIPs and backends")
            << "hnsdiag-list-loadbalancers-per-object.txt" << QStringList{}
            << "^bc1e3ac1-c27d-44ec-b72c-2c2678629522 +10\\.96\\.0\\.10, fd00::a +- +2$" << QString();
    }

    void listsWhatTheImportFound()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, command);
        QFETCH(QString, row);
        QFETCH(QString, absent);
        CtlRun run = runCtl({"import", "--json", dumpPath(file)});
        QCOMPARE(run.exitCode, 0);
        if (command.isEmpty()) {
            run = runCtl({"import", dumpPath(file)});
        } else {
            QTemporaryDir dir;
            const QString snapshot = dir.filePath("snapshot.json");
            QVERIFY(writeFile(snapshot, run.out.toUtf8()));
            run = runCtl(QStringList{"--snapshot", snapshot} + command);
        }
        QCOMPARE(run.exitCode, 0);
        const QRegularExpression::PatternOption lines = QRegularExpression::MultilineOption;
        QVERIFY2(QRegularExpression(row, lines).match(run.out).hasMatch(), qPrintable(run.out));
        if (!absent.isEmpty())
            QVERIFY2(!QRegularExpression(absent, lines).match(run.out).hasMatch(), qPrintable(run.out));
    }

    /// A load balancer whose port mapping's protocol the dump shows without its value (a placeholder, a
    /// cut) lists its protocol as unknown, never as any (HNS's protocol of a mapping without one), in the
    /// import's summary and from the saved snapshot; the checks, the trace, the diff and `show` read the
    /// snapshot's `"Protocol": null` without failing. A mapping without a protocol is any; one shown is
    /// kept.
    void unknownProtocolsListAsUnknown_data()
    {
        QTest::addColumn<QByteArray>("dump");
        QTest::addColumn<QStringList>("command"); ///< after `--snapshot FILE`; empty: `import -` itself
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("row");    ///< a regular expression one line matches
        QTest::addColumn<QString>("absent"); ///< a regular expression no line matches

        const QByteArray lb = "{\"ID\":\"5F1E3B2A-9C4D-4E6F-8A1B-2C3D4E5F6A7B\",\"HostComputeEndpoints\":[],"
                              "\"FrontendVIPs\":[\"10.96.0.10\"],\"PortMappings\":[";
        const QByteArray end = "],\"SchemaVersion\":{\"Major\":2,\"Minor\":0}}";
        const QByteArray placeholder =
            lb + "{\"Protocol\": <enum>,\"InternalPort\":53,\"ExternalPort\":53}" + end;
        const QByteArray cut = lb + "{\"InternalPort\":53,\"ExternalPort\":53,\"Protocol\": 1";
        const QString unknownRow =
            "^5F1E3B2A-9C4D-4E6F-8A1B-2C3D4E5F6A7B +10\\.96\\.0\\.10 +unknown 53->53 +0$";
        QTest::newRow("a placeholder for the protocol: unknown in the import's summary")
            << placeholder << QStringList{} << 0 << unknownRow << "any 53";
        QTest::newRow("and listed from the saved snapshot")
            << placeholder << QStringList{"list", "loadbalancers"} << 0 << unknownRow << "any 53";
        QTest::newRow("the paste cut after the protocol's first digit: unknown")
            << cut << QStringList{} << 0 << unknownRow << "any 53";
        QTest::newRow("and listed from the saved snapshot, cut")
            << cut << QStringList{"list", "all"} << 0 << unknownRow << "any 53";
        QTest::newRow("show gives the snapshot's null")
            << placeholder << QStringList{"show", "loadbalancer", "5F1E3B2A-9C4D-4E6F-8A1B-2C3D4E5F6A7B"} << 0
            << "\"Protocol\": null" << QString();
        QTest::newRow("the checks read it")
            << placeholder << QStringList{"check"} << -1 << "^Summary: \\d+ errors?, \\d+ warnings?"
            << "type_error|exception";
        QTest::newRow("the trace to the VIP reads it")
            << placeholder << QStringList{"trace", "host", "10.96.0.10", "--port", "53", "--proto", "udp"}
            << -1 << "10\\.96\\.0\\.10"
            << "type_error|exception";
        QTest::newRow("the diff reads it")
            << placeholder << QStringList{"diff", "SNAPSHOT", "SNAPSHOT"} << 0 << "."
            << "type_error|exception";
        QTest::newRow("a mapping without a protocol is any")
            << lb + "{\"InternalPort\":53,\"ExternalPort\":53}" + end << QStringList{"list", "loadbalancers"}
            << 0 << "^5F1E3B2A-9C4D-4E6F-8A1B-2C3D4E5F6A7B +10\\.96\\.0\\.10 +any 53->53 +0$"
            << "unknown";
        QTest::newRow("a protocol shown is kept")
            << lb + "{\"Protocol\":17,\"InternalPort\":53,\"ExternalPort\":53}" + end << QStringList{} << 0
            << "^5F1E3B2A-9C4D-4E6F-8A1B-2C3D4E5F6A7B +10\\.96\\.0\\.10 +UDP 53->53 +0$"
            << "unknown|any 53";
    }

    void unknownProtocolsListAsUnknown()
    {
        QFETCH(QByteArray, dump);
        QFETCH(QStringList, command);
        QFETCH(int, exitCode);
        QFETCH(QString, row);
        QFETCH(QString, absent);
        CtlRun run = runCtl({"import", "--json", "-"}, dump);
        QCOMPARE(run.exitCode, 0);
        if (command.isEmpty()) {
            run = runCtl({"import", "-"}, dump);
        } else {
            QTemporaryDir dir;
            const QString snapshot = dir.filePath("snapshot.json");
            QVERIFY(writeFile(snapshot, run.out.toUtf8()));
            command.replaceInStrings(QRegularExpression("^SNAPSHOT$"), snapshot);
            run = runCtl(QStringList{"--snapshot", snapshot} + command);
        }
        // -1: the findings decide (0 or 1), never a failure of the command itself.
        if (exitCode >= 0)
            QVERIFY2(run.exitCode == exitCode, qPrintable(run.err + run.out));
        else
            QVERIFY2(run.exitCode == 0 || run.exitCode == 1, qPrintable(run.err + run.out));
        const QRegularExpression::PatternOption lines = QRegularExpression::MultilineOption;
        QVERIFY2(QRegularExpression(row, lines).match(run.out).hasMatch(), qPrintable(run.out + run.err));
        if (!absent.isEmpty())
            QVERIFY2(!QRegularExpression(absent, lines).match(run.out + run.err).hasMatch(),
                     qPrintable(run.out + run.err));
    }

    /// A snapshot saved by another tool spells a network's ID otherwise than the endpoints that name it
    /// (braces, lower case): `list` still names the network and counts its endpoints.
    void listsNetworksByNameInASnapshot_data()
    {
        QTest::addColumn<QStringList>("command"); ///< after `--snapshot FILE`
        QTest::addColumn<QString>("row");         ///< a regular expression one line matches
        QTest::addColumn<QString>("absent");      ///< a regular expression no line matches

        QTest::newRow("the endpoint names its network")
            << QStringList{"list", "endpoints"}
            << "^4D5E6F70-8192-4AA3-9CB4-C5D6E7F8091A +pod-y_flannel +flannel-vxlan +10\\.244\\.5\\.9/24 "
            << "3C4D5E6F-7081-4A92-8BA3-B4C5D6E7F809";
        QTest::newRow("the network counts the endpoint")
            << QStringList{"list", "networks"}
            << "^\\{3c4d5e6f-7081-4a92-8ba3-b4c5d6e7f809\\} +flannel-vxlan +Overlay +10\\.244\\.5\\.0/24 +1$"
            << QString();
    }

    void listsNetworksByNameInASnapshot()
    {
        QFETCH(QStringList, command);
        QFETCH(QString, row);
        QFETCH(QString, absent);
        const CtlRun run = runCtl(
            QStringList{"--snapshot", testDataFile("checks", "network-id-spelled-otherwise.json")} + command);
        QCOMPARE(run.exitCode, 0);
        const QRegularExpression::PatternOption lines = QRegularExpression::MultilineOption;
        QVERIFY2(QRegularExpression(row, lines).match(run.out).hasMatch(), qPrintable(run.out));
        if (!absent.isEmpty())
            QVERIFY2(!QRegularExpression(absent, lines).match(run.out).hasMatch(), qPrintable(run.out));
    }

    /// An ID the dump does not show (none, `<redacted>`) is one the import made up: the tables mark it
    /// and say so under the table, in the import's summary and in `hcnctl --snapshot` on what it saved;
    /// the report says it in "IdMadeUp". IDs the dump shows are not marked.
    void madeUpIdsAreMarked_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("command"); ///< after `--snapshot FILE`; empty: `import FILE` itself
        QTest::addColumn<QString>("id");          ///< the made-up ID
        QTest::addColumn<QString>("marked");      ///< a regular expression its row matches
        QTest::addColumn<QString>("shown");       ///< a row of an ID the dump shows, unmarked ("": none)

        const QString cut = "network-json-cut-before-id.txt";
        const QString cutId = "7023F838-A441-4D34-BE06-89CC5CF3BB18";
        QTest::newRow("no ID: the import's summary")
            << cut << QStringList{} << cutId << "^" + cutId + " \\(\\*\\) +- +unknown" << QString();
        QTest::newRow("no ID: listed from the saved snapshot")
            << cut << QStringList{"list", "networks"} << cutId << "^" + cutId + " \\(\\*\\) +- +unknown"
            << QString();
        const QString redacted = "redacted-network-id.json";
        const QString redactedId = "D44A723E-16BE-4B44-9C84-ED01A685E288";
        QTest::newRow("a redacted ID: the import's summary")
            << redacted << QStringList{} << redactedId << "^" + redactedId + " \\(\\*\\) +cbr0 +L2Bridge"
            << "^4B852197-C2A3-46F8-9D14-95E3F2074A8C +7e2d91c0a4b3_cbr0 +cbr0 ";
        QTest::newRow("a redacted ID: listed from the saved snapshot")
            << redacted << QStringList{"list", "all"} << redactedId
            << "^" + redactedId + " \\(\\*\\) +cbr0 +L2Bridge"
            << "^4B852197-C2A3-46F8-9D14-95E3F2074A8C +7e2d91c0a4b3_cbr0 +cbr0 ";
    }

    void madeUpIdsAreMarked()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, command);
        QFETCH(QString, id);
        QFETCH(QString, marked);
        QFETCH(QString, shown);
        CtlRun run = runCtl({"import", "--json", dumpPath(file)});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject snapshot = QJsonDocument::fromJson(run.out.toUtf8()).object();
        for (const QJsonValue& object : snapshot.value("Import").toObject().value("Objects").toArray())
            QCOMPARE(object.toObject().value("IdMadeUp").toBool(),
                     object.toObject().value("ID").toString() == id);
        if (command.isEmpty()) {
            run = runCtl({"import", dumpPath(file)});
        } else {
            QTemporaryDir dir;
            const QString saved = dir.filePath("snapshot.json");
            QVERIFY(writeFile(saved, run.out.toUtf8()));
            run = runCtl(QStringList{"--snapshot", saved} + command);
        }
        QCOMPARE(run.exitCode, 0);
        const QRegularExpression::PatternOption lines = QRegularExpression::MultilineOption;
        QVERIFY2(QRegularExpression(marked, lines).match(run.out).hasMatch(), qPrintable(run.out));
        QVERIFY2(QRegularExpression(
                     "^\\(\\*\\) made up by the import: the dump does not show this object's ID", lines)
                     .match(run.out)
                     .hasMatch(),
                 qPrintable(run.out));
        if (!shown.isEmpty())
            QVERIFY2(QRegularExpression(shown, lines).match(run.out).hasMatch(), qPrintable(run.out));
        QCOMPARE(run.out.count("(*)"), 2); // the one row and the footnote
    }

    /// A log of requests HNS refused: the report on stderr names what failed, the code and the message,
    /// also for a line the console wrapped.
    void reportsRequestsHnsRefused()
    {
        const CtlRun run = runCtl({"import", dumpPath("kube-proxy-refused-requests.log")});
        // A log alone is no failed import: what it logs of HNS is what was recovered.
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(
            run.err.startsWith("hcnctl: import: info: the dump shows no HNS network, endpoint, namespace, "
                               "load balancer or route; it is read as a log: this report says what it "
                               "logs of HNS\n"),
            qPrintable(run.err));
        QVERIFY2(run.out.startsWith("0 objects from 1 source; 3 warnings, 1 info on stderr."),
                 qPrintable(run.out));
        const QString file = "kube-proxy-refused-requests.log";
        for (const QString& line :
             {file + ":3: warning: HNS reported a failure: hcnCreateLoadBalancer failed: "
                     "HCN_E_INVALID_JSON_REFERENCE (0x803B001C), \"The provided JSON reference is invalid.\" "
                     "(logged as \"Policy creation failed\")\n",
              file +
                  ":4-5: warning: HNS refused a request: hcnCreateEndpoint failed: HCN_E_PORT_ALREADY_EXISTS "
                  "(0x803B0013), \"The specified port already exists.\" (logged as \"Remote endpoint "
                  "creation "
                  "failed\")\n",
              file + ":6: warning: HNS refused a request: HNS call POST /endpoints failed: HCN_E_INVALID_IP "
                     "(0x803B001E), \"The IP address is invalid or is not in any configured subnet.\"\n"})
            QVERIFY2(run.err.contains("hcnctl: import: " + line), qPrintable(run.err));
        QCOMPARE(run.err.count("HNS re"), 3);
    }

    /// HNS's messages logged without their codes: the report names the code of each from Windows' own
    /// message text, also for a message logged without its final period.
    void namesCodesOfWindowsMessages()
    {
        const QString file = "hns-failures-windows-wording.txt";
        const CtlRun run = runCtl({"import", dumpPath(file)});
        for (const QString& line :
             {file + ":4: warning: HNS refused a request: attach endpoint web to network nat failed: "
                     "HCN_E_ENDPOINT_ALREADY_ATTACHED (0x803B0014), \"This endpoint is already attached to "
                     "the switch.\" (code from the message text) (the command at line 3: docker network "
                     "connect nat web)\n",
              file + ":7: warning: HNS refused a request: create endpoint web2 on network nat failed: "
                     "ERROR_SHARING_VIOLATION (0x80070020), \"The process cannot access the file because it "
                     "is being used by another process.\" (code from the message text) (the command at line "
                     "6: docker run -d -p 8080:80 --name web2 mcr.microsoft.com/windows/servercore/iis)\n",
              file + ":10: warning: HNS refused a request: create endpoint web3 on network acl-net failed: "
                     "HCN_E_INVALID_POLICY (0x803B000D), \"The provided policy configuration is invalid or "
                     "missing parameters.\" (code from the message text) (the command at line 9: docker run "
                     "-d --name web3 ...)\n",
              file + ":12: warning: HNS reported a failure: hcnCreateLoadBalancer failed: "
                     "HCN_E_INVALID_JSON_REFERENCE (0x803B001C), \"The reference is invalid in the JSON "
                     "document.\" (code from the message text) (logged as \"Policy creation failed\")\n"})
            QVERIFY2(run.err.contains("hcnctl: import: " + line), qPrintable(run.err));
        QCOMPARE(run.err.count("HNS re"), 4);
    }

    /// A log that shows HNS at work without an object (kube-proxy's queries, PowerShell commands, a CNI
    /// plugin's ADD, counts over time) is what the import recovered: exit 0, with what it says.
    void aLogOfHnsActivityIsRecovered_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message"); ///< a line on stderr, after the file and its lines

        QTest::newRow("kube-proxy's queries exported as CSV")
            << "logged/kube-proxy-hns-queries-csv-quoted.log"
            << "info: kube-proxy queried HNS network vpcbr0f3e9a21c for its endpoints (3 endpoints) and 5 "
               "load balancers, and synced its policies once (lines 5-6, 9-10)\n";
        QTest::newRow("azure-vnet's ADD as a zap record")
            << "logged/azure-vnet-zap-add-cut.log"
            << "info: a CNI ADD request for pod shop/cart-5f7c9 to the CNI plugin that makes the pod's HNS "
               "endpoint: endpoint policy OutBoundNAT (ExceptionList=10.224.0.0/12) (the line ends inside "
               "the configuration: what follows there is not shown)\n";
        QTest::newRow("commands that delete objects")
            << "logged/hns-cleanup-script-shown-twice.txt"
            << "info: a command (Remove-HnsPolicyList) that asks HNS to delete every policy list (2 times, "
               "lines 4, 13)\n";
        QTest::newRow("docker's command that creates a network, pasted alone")
            << "logged/docker-network-create-l2bridge-alone.txt"
            << "info: a command (docker network create) that asks HNS to create network myl2bridge "
               "(L2Bridge, "
               "10.123.6.0/23 via 10.123.6.1) on adapter Ethernet at line 1\n";
        QTest::newRow("counts of load balancers over time")
            << "logged/hnsdiag-counts-over-time.txt"
            << "info: HNS load balancers counted 6 times, 11-02 21:14 to 11-02 21:31: 212 (2 times), 3 (2 "
               "times), 48, 211; the count fell from 212 to 3 at line 5\n";
    }

    void aLogOfHnsActivityIsRecovered()
    {
        QFETCH(QString, file);
        QFETCH(QString, message);
        const CtlRun run = runCtl({"import", dumpPath(file)});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains("it is read as a log: this report says what it logs of HNS\n"),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY2(!run.err.contains("error:"), qPrintable(run.err));
    }

    void nothingRecovered_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");

        QTest::newRow("binary file") << QStringList{"import", dumpPath("garbage.bin")} << QByteArray() << 1
                                     << QString("garbage.bin: skipped: not text");
        QTest::newRow("prose on stdin") << QStringList{"import", "-"} << QByteArray("no objects here\n") << 1
                                        << QString("nothing in the dump could be read");
        QTest::newRow("missing path")
            << QStringList{"import", "/nonexistent/dump.txt"} << QByteArray() << 1
            << QString("hcnctl: import: /nonexistent/dump.txt: no such file or folder\n");
        QTest::newRow("a count of load balancers once, in prose")
            << QStringList{"import", dumpPath("logged/counts-once-and-prose.txt")} << QByteArray() << 1
            << QString("nothing in the dump could be read");
        QTest::newRow("docker's network commands in prose, on Linux's drivers")
            << QStringList{"import", dumpPath("logged/docker-network-prose-and-linux-drivers.txt")}
            << QByteArray() << 1 << QString("nothing in the dump could be read");
        QTest::newRow("no path") << QStringList{"import"} << QByteArray() << 2
                                 << QString("import needs at least one PATH");
        QTest::newRow("with --embedded") << QStringList{"--embedded", "import", "x"} << QByteArray() << 2
                                         << QString("import reads files offline");
    }

    void nothingRecovered()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, input);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const CtlRun run = runCtl(arguments, input);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        // The summary counts the error that says nothing was recovered.
        if (!run.out.isEmpty())
            QVERIFY2(run.out.startsWith("0 objects from 1 source; 1 error, 0 warnings"), qPrintable(run.out));
    }
};

QTEST_GUILESS_MAIN(TestHcnctlImport)
#include "tst_hcnctlimport.moc"
