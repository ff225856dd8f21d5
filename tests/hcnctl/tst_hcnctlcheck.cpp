// hcnctl check: the health checks over a snapshot file (tests/data/checks), an embedded engine and a
// running hcnd: exit 1 exactly when an error-severity finding is present, every finding naming its
// objects, the --severity filter, and the JSON shape.

#include "hcnctl_runner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

namespace {

QString checksFile(const QString& name)
{
    return testDataFile(QStringLiteral("checks"), name);
}

QStringList ruleIds(const QJsonObject& document)
{
    QStringList ids;
    for (const auto& finding : document.value("Findings").toArray())
        ids << finding.toObject().value("RuleId").toString();
    return ids;
}

} // namespace

class TestHcnctlCheck : public QObject
{
    Q_OBJECT

private slots:
    void exitStatusFollowsErrors_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("rules");
        QTest::newRow("healthy host: exit 0") << "healthy-host.json" << 0 << QStringList{"EP-LEAKED"};
        QTest::newRow("warnings only: exit 0")
            << "warnings-host.json" << 0 << QStringList{"EP-LEAKED", "LB-NO-BACKENDS"};
        // Without the import report the same load balancer would be an orphaned node port.
        QTest::newRow("imported load balancer whose VIPs the dump lost: a missing backend, no node port")
            << "imported-host.json" << 1 << QStringList{"LB-BACKEND-MISSING", "EP-LEAKED"};
        QTest::newRow("duplicate IP and orphaned node port: exit 1")
            << "faulty-host.json" << 1 << QStringList{"IP-DUP-LOCAL", "LB-ORPHAN-HOST-PORT", "EP-LEAKED"};
    }

    void exitStatusFollowsErrors()
    {
        QFETCH(QString, file);
        QFETCH(int, exitCode);
        QFETCH(QStringList, rules);
        const CtlRun run = runCtl({"--snapshot", checksFile(file), "check", "--json"});
        QVERIFY2(run.exitCode == exitCode, qPrintable(run.err + run.out));
        const QJsonObject document = parseObject(run.out);
        QCOMPARE(ruleIds(document), rules);
        int errors = 0;
        for (const auto& value : document.value("Findings").toArray()) {
            const QJsonObject finding = value.toObject();
            errors += finding.value("Severity").toString() == "error";
            // Every finding names the IDs of the objects involved, and says what to do.
            const QJsonArray objects = finding.value("Objects").toArray();
            QVERIFY(!objects.isEmpty());
            for (const auto& object : objects) {
                QVERIFY(!object.toObject().value("ID").toString().isEmpty());
                QVERIFY(!object.toObject().value("Kind").toString().isEmpty());
            }
            QVERIFY(!finding.value("Fix").toString().isEmpty());
            QVERIFY(!finding.value("Cause").toString().isEmpty());
            QVERIFY(!finding.value("Evidence").toArray().isEmpty());
        }
        QCOMPARE(document.value("Counts").toObject().value("Error").toInt(), errors);
    }

    void humanOutputGroupsBySeverity()
    {
        const CtlRun run = runCtl({"--snapshot", checksFile("faulty-host.json"), "check"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.contains("Errors (2)"));
        QVERIFY(run.out.contains("Warnings (1)"));
        QVERIFY(run.out.indexOf("Errors (2)") < run.out.indexOf("Warnings (1)"));
        QVERIFY(run.out.contains("LB-ORPHAN-HOST-PORT"));
        QVERIFY(run.out.contains("load balancer C0FFEE04-0009-4009-8009-000000000009"));
        QVERIFY(run.out.contains("fix:     hcnctl delete loadbalancer C0FFEE04-0009-4009-8009-000000000009"));
        QVERIFY(run.out.contains("cause:"));
        QVERIFY(run.out.contains("Summary: 2 errors, 1 warning, 0 info"));
    }

    void severityFilter_data()
    {
        QTest::addColumn<QString>("severity");
        QTest::addColumn<QStringList>("rules");
        QTest::newRow("error") << "error" << QStringList{"IP-DUP-LOCAL", "LB-ORPHAN-HOST-PORT"};
        QTest::newRow("warning") << "warning"
                                 << QStringList{"IP-DUP-LOCAL", "LB-ORPHAN-HOST-PORT", "EP-LEAKED"};
        QTest::newRow("info (any case)")
            << "INFO" << QStringList{"IP-DUP-LOCAL", "LB-ORPHAN-HOST-PORT", "EP-LEAKED"};
    }

    void severityFilter()
    {
        QFETCH(QString, severity);
        QFETCH(QStringList, rules);
        const CtlRun run =
            runCtl({"--snapshot", checksFile("faulty-host.json"), "check", "--json", "--severity", severity});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(ruleIds(parseObject(run.out)), rules);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("unknown severity") << QStringList{"--embedded", "check", "--severity", "fatal"};
        QTest::newRow("an argument") << QStringList{"--embedded", "check", "all"};
        QTest::newRow("--severity on another verb")
            << QStringList{"--embedded", "list", "all", "--severity", "error"};
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        const CtlRun run = runCtl(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
    }

    void emptyEmbeddedEngineIsHealthy()
    {
        const CtlRun run = runCtl({"--embedded", "check"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("No findings: 0 errors, 0 warnings, 0 info"));
    }

    /// Against a running hcnd: a load balancer created without backends is reported as a warning
    /// (exit 0), and once it holds a node port for an endpoint that is deleted, as an error (exit 1).
    void liveService()
    {
        HcndService service;
        QVERIFY(service.start());
        const QString socket = service.socketPath();
        const QString network = service.filePath("network.json");
        QVERIFY(writeFile(network, R"({"ID":"c4ec0000-0000-4000-8000-000000000001","Name":"web","Type":"NAT",
"Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"172.30.0.0/24","Routes":[{"NextHop":"172.30.0.1","DestinationPrefix":"0.0.0.0/0"}]}]}]})"));
        QCOMPARE(runCtl({"--socket", socket, "create", "network", "-f", network}).exitCode, 0);
        const QString lb = service.filePath("lb.json");
        QVERIFY(writeFile(lb, R"({"ID":"c4ec0000-0000-4000-8000-000000000005","FrontendVIPs":["10.96.0.30"],
"PortMappings":[{"Protocol":6,"InternalPort":80,"ExternalPort":80}]})"));
        CtlRun created = runCtl({"--socket", socket, "create", "loadbalancer", "-f", lb});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        CtlRun run = runCtl({"--socket", socket, "check", "--json"});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(ruleIds(parseObject(run.out)), QStringList{"LB-NO-BACKENDS"});

        const QString endpoint = service.filePath("endpoint.json");
        QVERIFY(writeFile(endpoint, R"({"ID":"c4ec0000-0000-4000-8000-000000000002","Name":"pod"})"));
        created = runCtl({"--socket", socket, "create", "endpoint", "--network",
                          "c4ec0000-0000-4000-8000-000000000001", "-f", endpoint});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        const QString nodePort = service.filePath("nodeport.json");
        QVERIFY(writeFile(nodePort, R"({"ID":"c4ec0000-0000-4000-8000-000000000006",
"HostComputeEndpoints":["c4ec0000-0000-4000-8000-000000000002"],
"PortMappings":[{"Protocol":6,"InternalPort":80,"ExternalPort":30080}]})"));
        created = runCtl({"--socket", socket, "create", "loadbalancer", "-f", nodePort});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        const CtlRun removed =
            runCtl({"--socket", socket, "delete", "endpoint", "c4ec0000-0000-4000-8000-000000000002"});
        if (removed.exitCode != 0)
            QSKIP("the engine keeps endpoints a load balancer uses; the orphan cannot arise here");
        run = runCtl({"--socket", socket, "check"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains("LB-ORPHAN-HOST-PORT") &&
                     run.out.contains("C4EC0000-0000-4000-8000-000000000006"),
                 qPrintable(run.out));
    }
};

QTEST_GUILESS_MAIN(TestHcnctlCheck)
#include "tst_hcnctlcheck.moc"
