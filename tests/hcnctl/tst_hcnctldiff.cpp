// hcnctl diff: the real binary over the host pairs of tests/data/diff, dumps and standard input, the
// live host (an embedded engine, a snapshot session, a running hcnd) against a saved snapshot: diff(1)
// exit statuses (0 same, 1 different, 2 trouble), the human lines and the --json shape.

#include "hcnctl_runner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

namespace {

QString diffFile(const QString& name)
{
    return testDataFile(QStringLiteral("diff"), name);
}

const QByteArray kNatNetwork = R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"diff-nat","Type":"NAT",
  "Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"172.31.0.0/24"}]}]})";

} // namespace

class TestHcnctlDiff : public QObject
{
    Q_OBJECT

private slots:
    void exitStatus_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        const QString identical = diffFile("identical/a.json");
        QTest::newRow("same host: 0") << QStringList{identical, diffFile("identical/b.json")} << 0;
        QTest::newRow("objects in another order: 0")
            << QStringList{diffFile("reordered/a.json"), diffFile("reordered/b.json")} << 0;
        QTest::newRow("endpoint added: 1")
            << QStringList{diffFile("endpoint-added/a.json"), diffFile("endpoint-added/b.json")} << 1;
        QTest::newRow("v1 dump against the v2 snapshot of the host: 0")
            << QStringList{diffFile("v1-dump-vs-v2-snapshot/a.json"),
                           diffFile("v1-dump-vs-v2-snapshot/b.json")}
            << 0;
        const QString folder = qEnvironmentVariable("HCN_SOURCE_DIR") + "/tests/data/dumps/collectlogs";
        QTest::newRow("collectlogs folder against itself: 0") << QStringList{folder, folder} << 0;
        QTest::newRow("missing file: 2") << QStringList{identical, "/nonexistent/host.json"} << 2;
        QTest::newRow("nothing HCN in the file: 2")
            << QStringList{identical,
                           qEnvironmentVariable("HCN_SOURCE_DIR") + "/tests/data/dumps/garbage.bin"}
            << 2;
        QTest::newRow("one host only: 2") << QStringList{identical} << 2;
        QTest::newRow("three hosts: 2") << QStringList{identical, identical, identical} << 2;
        QTest::newRow("both from standard input: 2") << QStringList{"-", "-"} << 2;
        QTest::newRow("standard input twice through --snapshot -: 2")
            << QStringList{"--snapshot", "-", "live", "-"} << 2;
        QTest::newRow("unknown option: 2") << QStringList{"--severity", "error", identical, identical} << 2;
    }

    void exitStatus()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        const CtlRun run = runCtl(QStringList{"diff"} + args);
        QVERIFY2(run.exitCode == exitCode, qPrintable(run.err + run.out));
        if (exitCode == 2)
            QVERIFY(run.err.startsWith("hcnctl: "));
    }

    void humanOutputNamesObjectsAndMembers()
    {
        const CtlRun run = runCtl({"diff", diffFile("policy-added/a.json"), diffFile("policy-added/b.json")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains("endpoints               3 → 3  (2 changed)"), qPrintable(run.out));
        QVERIFY2(run.out.contains("~ endpoint web (C0FFEE02-0001-4001-8001-000000000001)\n"
                                  "    /Policies: added OutBoundNAT {\"Exceptions\":[\"10.0.0.0/8\"]}\n"),
                 qPrintable(run.out));
        QVERIFY(run.out.contains("/Policies[Type=ACL,Id=allow-web]/Settings/Action: \"Allow\" → \"Block\""));

        const CtlRun shrunk =
            runCtl({"diff", diffFile("lb-backends-shrunk/a.json"), diffFile("lb-backends-shrunk/b.json")});
        QCOMPARE(shrunk.exitCode, 1);
        QVERIFY2(shrunk.out.contains(
                     "    /HostComputeEndpoints: removed C0FFEE02-0001-4001-8001-000000000001 (web), "
                     "C0FFEE02-0003-4003-8003-000000000003 (cache)"),
                 qPrintable(shrunk.out));

        const CtlRun same = runCtl({"diff", diffFile("identical/a.json"), diffFile("identical/b.json")});
        QVERIFY(same.out.contains("No differences (6 objects)."));
    }

    /// A load balancer's port mapping with `"Protocol": null` (an import's unknown protocol) against the
    /// same mapping without a Protocol (any protocol): a difference, in words and in JSON.
    void unknownProtocolAgainstAny()
    {
        const QByteArray unknown = R"({"LoadBalancers":[{"ID":"C0FFEE05-0001-4001-8001-000000000001",
          "FrontendVIPs":["10.96.0.10"],"PortMappings":[{"Protocol":null,"InternalPort":53,"ExternalPort":53}]}]})";
        QByteArray any = unknown;
        any.replace("\"Protocol\":null,", "");
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath("a.json"), unknown) && writeFile(dir.filePath("b.json"), any));
        const CtlRun run = runCtl({"diff", dir.filePath("a.json"), dir.filePath("b.json")});
        QVERIFY2(run.exitCode == 1, qPrintable(run.err + run.out));
        QVERIFY2(
            run.out.contains(
                "    /PortMappings[InternalPort=53,ExternalPort=53]/Protocol: unknown (null) → any (none)\n"),
            qPrintable(run.out));
        const CtlRun json = runCtl({"diff", "--json", dir.filePath("a.json"), dir.filePath("b.json")});
        const QJsonObject change = parseObject(json.out)
                                       .value("Objects")
                                       .toArray()[0]
                                       .toObject()
                                       .value("Changes")
                                       .toArray()[0]
                                       .toObject();
        QCOMPARE(change.value("Change").toString(), QString("removed"));
        QCOMPARE(change.value("Path").toString(),
                 QString("/PortMappings[InternalPort=53,ExternalPort=53]/Protocol"));
        QVERIFY(change.value("Old").isNull());
        const CtlRun same = runCtl({"diff", dir.filePath("a.json"), dir.filePath("a.json")});
        QCOMPARE(same.exitCode, 0);
    }

    void jsonShape()
    {
        const CtlRun run = runCtl(
            {"diff", "--json", diffFile("lb-backends-shrunk/a.json"), diffFile("lb-backends-shrunk/b.json")});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject document = parseObject(run.out);
        QCOMPARE(document.value("Same").toBool(true), false);
        const QJsonArray summary = document.value("Summary").toArray();
        QCOMPARE(summary.size(), 6);
        for (const auto& value : summary) {
            const QJsonObject row = value.toObject();
            for (const char* key :
                 {"Kind", "Before", "After", "Added", "Removed", "Changed", "MatchedByName"})
                QVERIFY2(row.contains(key), key);
        }
        const QJsonArray objects = document.value("Objects").toArray();
        QCOMPARE(objects.size(), 1);
        const QJsonObject lb = objects[0].toObject();
        QCOMPARE(lb.value("Change").toString(), QString("changed"));
        QCOMPARE(lb.value("Kind").toString(), QString("LoadBalancer"));
        QCOMPARE(lb.value("ID").toString(), QString("7C1B0E55-9A3D-4B21-8F00-000000000001"));
        const QJsonObject change = lb.value("Changes").toArray()[0].toObject();
        QCOMPARE(change.value("Path").toString(), QString("/HostComputeEndpoints"));
        QCOMPARE(change.value("Change").toString(), QString("items"));
        QCOMPARE(change.value("Removed").toArray().size(), 2);
        QCOMPARE(change.value("Added").toArray().size(), 0);
        QVERIFY(document.value("Ignored").isObject());

        // An added object carries its document; trouble is an error object on stdout too.
        const CtlRun added =
            runCtl({"diff", "--json", diffFile("endpoint-added/a.json"), diffFile("endpoint-added/b.json")});
        const QJsonObject db = parseObject(added.out).value("Objects").toArray()[0].toObject();
        QCOMPARE(db.value("Change").toString(), QString("added"));
        QCOMPARE(db.value("Document").toObject().value("Name").toString(), QString("db"));
        const CtlRun trouble =
            runCtl({"diff", "--json", diffFile("identical/a.json"), "/nonexistent/host.json"});
        QCOMPARE(trouble.exitCode, 2);
        QVERIFY(parseObject(trouble.out).value("error").toObject().contains("code"));
    }

    void standardInputIsOneSide()
    {
        const CtlRun run = runCtl({"diff", "-", diffFile("endpoint-added/b.json")},
                                  readFile(diffFile("endpoint-added/a.json")));
        QVERIFY2(run.exitCode == 1, qPrintable(run.err));
        QVERIFY(run.out.contains("+ endpoint db (C0FFEE02-0004-4004-8004-000000000004)"));
    }

    void embeddedLiveAgainstSavedSnapshot()
    {
        QTemporaryDir dir;
        const QString saved = dir.filePath("saved.json");
        const CtlRun listed = runCtl({"--embedded", "list", "all", "--json"});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY(writeFile(saved, listed.out.toUtf8()));
        const CtlRun same = runCtl({"--embedded", "diff", "live", saved});
        QVERIFY2(same.exitCode == 0, qPrintable(same.err + same.out));

        // The embedded engine starts empty: every object of the saved host is missing from it.
        const CtlRun differs = runCtl({"--embedded", "diff", diffFile("identical/a.json"), "live"});
        QCOMPARE(differs.exitCode, 1);
        QVERIFY(differs.out.contains("- endpoint web (C0FFEE02-0001-4001-8001-000000000001)"));
        QVERIFY(differs.out.contains("load balancers          1 → 0  (1 removed)"));
    }

    void snapshotSessionIsLive()
    {
        const QString a = diffFile("ip-changed/a.json");
        QCOMPARE(runCtl({"--snapshot", a, "diff", "live", a}).exitCode, 0);
        QCOMPARE(runCtl({"--snapshot", a, "diff", "live", diffFile("ip-changed/b.json")}).exitCode, 1);
    }

    void serviceLiveAgainstSavedSnapshot()
    {
        HcndService service;
        QVERIFY(service.start());
        const QStringList socket{"--socket", service.socketPath()};
        const QString saved = service.filePath("saved.json");
        const CtlRun listed = runCtl(socket + QStringList{"list", "all", "--json"});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY(writeFile(saved, listed.out.toUtf8()));
        QCOMPARE(runCtl(socket + QStringList{"diff", saved, "live"}).exitCode, 0);

        const QString network = service.filePath("net.json");
        QVERIFY(writeFile(network, kNatNetwork));
        const CtlRun created = runCtl(socket + QStringList{"create", "network", "-f", network});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        const CtlRun run = runCtl(socket + QStringList{"diff", "--json", saved, "live"});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject added = parseObject(run.out).value("Objects").toArray()[0].toObject();
        QCOMPARE(added.value("Change").toString(), QString("added"));
        QCOMPARE(added.value("Kind").toString(), QString("Network"));
        QCOMPARE(added.value("Name").toString(), QString("diff-nat"));
    }

    void unreachableServiceIsTrouble()
    {
        const CtlRun run =
            runCtl({"--socket", "/nonexistent/hcnd.sock", "diff", "live", diffFile("identical/a.json")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("--embedded"), qPrintable(run.err)); // says what to do about it
    }
};

QTEST_GUILESS_MAIN(TestHcnctlDiff)
#include "tst_hcnctldiff.moc"
