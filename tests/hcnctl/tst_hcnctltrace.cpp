// hcnctl trace: the reachability trace over a snapshot file (tests/data/trace), an embedded engine and a
// running hcnd: exit 0 when delivered or translated, 1 when dropped or undecided, 2 for bad arguments and
// names that match nothing; the numbered hop list with its verdict line, and the JSON shape.

#include "hcnctl_runner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

namespace {

QString traceFile(const QString& name)
{
    return testDataFile(QStringLiteral("trace"), name);
}

} // namespace

class TestHcnctlTrace : public QObject
{
    Q_OBJECT

private slots:
    void exitStatusFollowsVerdict_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("verdict");
        QTest::newRow("delivered to an endpoint")
            << QStringList{"client", "server", "--port", "8090"} << 0 << "delivered";
        QTest::newRow("delivered through a VIP to two backends")
            << QStringList{"client", "10.96.0.50"} << 0 << "delivered";
        QTest::newRow("translated by OutBoundNAT")
            << QStringList{"no-exceptions", "8.8.8.8", "--port", "443"} << 0 << "translated";
        QTest::newRow("dropped by an egress ACL") << QStringList{"client", "blocked-peer"} << 1 << "dropped";
        QTest::newRow("dropped: no backends")
            << QStringList{"client", "10.96.0.60", "--proto", "tcp"} << 1 << "dropped";
        QTest::newRow("icmp without a port")
            << QStringList{"no-nat", "8.8.8.8", "--proto", "icmp"} << 0 << "delivered";
        QTest::newRow("a node port on the node's own IP, named with --host-address")
            << QStringList{"no-nat", "10.0.0.4", "--port", "30080", "--host-address", "10.0.0.4"} << 0
            << "delivered";
    }

    void exitStatusFollowsVerdict()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, verdict);
        const CtlRun run =
            runCtl(QStringList{"--snapshot", traceFile("l2bridge-host.json"), "trace", "--json"} + args);
        QVERIFY2(run.exitCode == exitCode, qPrintable(run.err + run.out));
        const QJsonObject document = parseObject(run.out);
        QCOMPARE(document.value("Verdict").toString(), verdict);
        QCOMPARE(document.value("DroppedAt").isUndefined(), verdict != "dropped");
        QVERIFY(!document.value("Summary").toString().isEmpty());
        QCOMPARE(document.value("Source").toObject().value("Kind").toString(), QString("Endpoint"));
        const QJsonArray hops = document.value("Hops").toArray();
        QVERIFY(!hops.isEmpty());
        for (int i = 0; i < hops.size(); ++i) {
            const QJsonObject hop = hops[i].toObject();
            QCOMPARE(hop.value("Index").toInt(), i + 1);
            for (const char* key : {"Name", "Outcome", "Decision", "Rule", "Detail"})
                QVERIFY2(!hop.value(key).toString().isEmpty(), key);
            QVERIFY(!hop.value("Object").toObject().value("ID").toString().isEmpty());
        }
        if (verdict == "dropped") {
            const QJsonObject dropped = hops[document.value("DroppedAt").toInt() - 1].toObject();
            QCOMPARE(dropped.value("Outcome").toString(), QString("drop"));
        }
        QVERIFY(!document.value("Path").toArray().isEmpty());
    }

    void humanOutput()
    {
        const CtlRun run =
            runCtl({"--snapshot", traceFile("l2bridge-host.json"), "trace", "client", "blocked-peer"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(" 1. source [endpoint client"), qPrintable(run.out));
        QVERIFY(run.out.contains("DROPPED, blocked"));
        QVERIFY(run.out.contains("rule: Policies[1] ACL: Block Out Switch, Priority 50"));
        QVERIFY(run.out.trimmed().split('\n').last().startsWith("Verdict: DROPPED: dropped at hop"));
    }

    /// An imported dump whose addresses or ACL lists were redacted: the hop says the dump does not show
    /// the value and the verdict is UNDECIDED (exit 1: nothing shows the packet arriving), never "DROPPED,
    /// no address".
    void whatTheDumpDoesNotShowIsUndecided_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("hop"); // the hop line
        QTest::newRow("a redacted destination address")
            << QStringList{"client", "hidden"}
            << "destination [endpoint hidden E1A0B2C3-D4E5-4F60-8172-"
               "93A4B5C6D703]: UNDECIDED, address not in the dump";
        QTest::newRow("an ACL whose RemoteAddresses are redacted")
            << QStringList{"client", "web", "--port", "80"}
            << "ingress ACL (Switch) [endpoint web E1A0B2C3-D4E5-4F60-8172-93A4B5C6D702]: UNDECIDED, cannot "
               "evaluate: RemoteAddresses not in the dump";
    }

    void whatTheDumpDoesNotShowIsUndecided()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, hop);
        QTemporaryDir dir;
        const CtlRun imported =
            runCtl({"import", "--json", testDataFile(QStringLiteral("dumps"), "json-redacted-acls.json")});
        QCOMPARE(imported.exitCode, 0);
        const QString file = dir.filePath("snapshot.json");
        QVERIFY(writeFile(file, imported.out.toUtf8()));
        CtlRun run = runCtl(QStringList{"--snapshot", file, "trace"} + args);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(hop), qPrintable(run.out));
        QVERIFY2(!run.out.contains("DROPPED") && !run.out.contains("no address"), qPrintable(run.out));
        QVERIFY2(run.out.trimmed().split('\n').last().startsWith("Verdict: UNDECIDED: cannot decide at hop"),
                 qPrintable(run.out));
        run = runCtl(QStringList{"--snapshot", file, "trace", "--json"} + args);
        QCOMPARE(run.exitCode, 1);
        const QJsonObject document = parseObject(run.out);
        QCOMPARE(document.value("Verdict").toString(), QString("undecided"));
        QVERIFY(document.value("DroppedAt").isUndefined());
        const QJsonObject undecided =
            document.value("Hops").toArray()[document.value("UndecidedAt").toInt() - 1].toObject();
        QCOMPARE(undecided.value("Outcome").toString(), QString("undecided"));
    }

    /// A load balancer whose port mapping's protocol the dump did not show (`"Protocol": null`) may
    /// answer: UNDECIDED at its hop, never a silent match or miss; one without a Protocol answers any.
    void unknownProtocolMayAnswer_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("lines"); // lines the output holds

        QTest::newRow("unknown protocol on the VIP's only port")
            << QStringList{"client", "10.96.0.80", "--proto", "udp"} << 1
            << QStringList{"load balancer [load balancer svc-unknown 7B000004-0000-4000-8000-0000000000A0]: "
                           "UNDECIDED, cannot evaluate: Protocol not in the dump",
                           "rule: PortMappings[0] Protocol unknown ExternalPort 53 InternalPort 53",
                           "it may answer 10.96.0.80:53/udp (if its protocol is udp) or not",
                           "Verdict: UNDECIDED: cannot decide at hop 3"};
        QTest::newRow("no Protocol: any protocol answers")
            << QStringList{"client", "10.96.0.81", "--proto", "udp"} << 0
            << QStringList{"Verdict: DELIVERED: delivered to endpoint backend-a"};
    }

    void unknownProtocolMayAnswer()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QStringList, lines);
        QFile source(traceFile("lb-flags-host.json"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QJsonObject host = QJsonDocument::fromJson(source.readAll()).object();
        QJsonArray balancers = host.value("LoadBalancers").toArray();
        auto add = [&](const char* id, const char* name, const char* vip, const QJsonValue& protocol) {
            QJsonObject mapping{{"InternalPort", 53}, {"ExternalPort", 53}};
            if (!protocol.isUndefined())
                mapping.insert("Protocol", protocol);
            balancers.append(
                QJsonObject{{"ID", id},
                            {"Name", name},
                            {"FrontendVIPs", QJsonArray{vip}},
                            {"HostComputeEndpoints", QJsonArray{"7B000002-0000-4000-8000-000000000040"}},
                            {"PortMappings", QJsonArray{mapping}}});
        };
        add("7B000004-0000-4000-8000-0000000000A0", "svc-unknown", "10.96.0.80", QJsonValue::Null);
        add("7B000004-0000-4000-8000-0000000000A1", "svc-any", "10.96.0.81", QJsonValue::Undefined);
        host.insert("LoadBalancers", balancers);
        QTemporaryDir dir;
        const QString file = dir.filePath("host.json");
        QVERIFY(writeFile(file, QJsonDocument(host).toJson()));
        const CtlRun run = runCtl(QStringList{"--snapshot", file, "trace"} + args);
        QVERIFY2(run.exitCode == exitCode, qPrintable(run.err + run.out));
        for (const QString& line : lines)
            QVERIFY2(run.out.contains(line), qPrintable(run.out));
    }

    /// `host` as the source: a process on the host itself, in words and in JSON.
    void fromTheHost()
    {
        CtlRun run =
            runCtl({"--snapshot", traceFile("nat-host.json"), "trace", "host", "web", "--port", "80"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith("Trace the host (172.28.160.1) -> web (172.28.160.10) tcp/80"),
                 qPrintable(run.out));
        QVERIFY(run.out.contains(" 1. source [the host]: sends from 172.28.160.1"));
        QVERIFY(run.out.contains("via the host vNIC 172.28.160.1"));

        run = runCtl(
            {"--snapshot", traceFile("nat-host.json"), "trace", "--json", "HOST", "web", "--port", "81"});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject document = parseObject(run.out);
        QCOMPARE(document.value("Source").toObject().value("Kind").toString(), QString("Host"));
        QCOMPARE(document.value("SourceAddress").toString(), QString("172.28.160.1"));
        QCOMPARE(document.value("Verdict").toString(), QString("dropped"));

        // No address of the host in the data: said plainly, with what to give.
        run = runCtl({"--snapshot", traceFile("lb-flags-host.json"), "trace", "host", "10.96.0.41"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.startsWith("Trace the host -> 10.96.0.41 tcp/80"), qPrintable(run.out));
        QVERIFY(run.out.contains("--host-address"));
        // Given, the VIP without LocalRoutedVIP does not answer the host.
        run = runCtl({"--snapshot", traceFile("lb-flags-host.json"), "trace", "host", "10.96.0.41",
                      "--host-address", "10.0.0.4"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains("not balanced for the host's own connections"), qPrintable(run.out));
    }

    /// Load balancer flags over tests/data/trace/lb-flags-host.json: the hop they add, the exit status
    /// they change, the verdict line's words for session affinity and the JSON's Affinity.
    void loadBalancerFlags_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("text");     // a line of the hop list or the verdict line holds it
        QTest::addColumn<QString>("affinity"); // the JSON's Affinity; empty: absent
        QTest::newRow("without DSR the backend sees the SourceVIP and blocks it")
            << QStringList{"client", "10.96.0.21"} << 1
            << "load balancer source NAT [load balancer svc-snat 7B000004-0000-4000-8000-000000000002]: "
               "source "
               "translated to 10.244.0.250"
            << "";
        QTest::newRow("with DSR the backend sees the client and lets it in")
            << QStringList{"client", "10.96.0.20"} << 0 << "Verdict: DELIVERED: delivered to endpoint guarded"
            << "";
        QTest::newRow("PreserveDIP: delivered still addressed to the VIP")
            << QStringList{"client", "10.96.0.30"} << 0
            << "Verdict: DELIVERED: delivered to endpoint vip-guarded "
               "(7B000002-0000-4000-8000-000000000030) at 10.96.0.30:8080"
            << "";
        QTest::newRow("session affinity: one of the backends, always the same")
            << QStringList{"client", "10.96.0.40"} << 0
            << "Verdict: DELIVERED: one of 2 backends, the same for every connection from 10.244.0.10 "
               "(session "
               "affinity SourceIP)"
            << "SourceIP";
        QTest::newRow("no affinity: every backend")
            << QStringList{"client", "10.96.0.41"} << 0 << "Verdict: DELIVERED: 2 of 2 backends: "
            << "";
    }

    void loadBalancerFlags()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, text);
        QFETCH(QString, affinity);
        const QStringList base{"--snapshot", traceFile("lb-flags-host.json"), "trace"};
        const CtlRun human = runCtl(base + args);
        QVERIFY2(human.exitCode == exitCode, qPrintable(human.err + human.out));
        QVERIFY2(human.out.contains(text), qPrintable(human.out));
        const CtlRun json = runCtl(base + args + QStringList{"--json"});
        QCOMPARE(json.exitCode, exitCode);
        const QJsonObject document = parseObject(json.out);
        QCOMPARE(document.value("Affinity").toString(), affinity);
        QCOMPARE(document.contains("Affinity"), !affinity.isEmpty());
    }

    /// TierAcl tiers over tests/data/trace/tier-acl-host.json: the hop naming the tier and the rule
    /// that decided, the exit status the verdict gives.
    void tiers_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("text"); // a line of the hop list or the verdict line holds it
        QTest::newRow("a Pass, then the next tier by Order blocks")
            << QStringList{"client", "db", "--port", "80"} << 1
            << "Verdict: DROPPED: dropped at hop 3 (egress TierAcl, client "
               "(7C000002-0000-4000-8000-000000000010)): "
               "blocked — Policies[0] TierAcl \"app\" Out, Order 20; TierAclRules[0] Id=deny-db: Block, "
               "Priority 100";
        QTest::newRow("a tier's Allow: the later tier is not evaluated")
            << QStringList{"client", "db", "--port", "8080"} << 0
            << "egress TierAcl [endpoint client 7C000002-0000-4000-8000-000000000010]: allowed";
        QTest::newRow("a tier whose Order the dump does not show")
            << QStringList{"client", "guarded", "--port", "7000"} << 1
            << "ingress TierAcl [endpoint guarded 7C000002-0000-4000-8000-000000000050]: UNDECIDED, cannot "
               "evaluate: Order not in the dump";
    }

    void tiers()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, text);
        const CtlRun run = runCtl(QStringList{"--snapshot", traceFile("tier-acl-host.json"), "trace"} + args);
        QVERIFY2(run.exitCode == exitCode, qPrintable(run.err + run.out));
        QVERIFY2(run.out.contains(text), qPrintable(run.out));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no destination") << QStringList{"trace", "client"};
        QTest::newRow("three arguments") << QStringList{"trace", "client", "server", "web"};
        QTest::newRow("unknown protocol") << QStringList{"trace", "client", "server", "--proto", "sctp"};
        QTest::newRow("port out of range") << QStringList{"trace", "client", "server", "--port", "70000"};
        QTest::newRow("port not a number") << QStringList{"trace", "client", "server", "--port", "http"};
        QTest::newRow("port with icmp")
            << QStringList{"trace", "client", "server", "--proto", "icmp", "--port", "1"};
        QTest::newRow("--port on another verb") << QStringList{"check", "--port", "80"};
        QTest::newRow("host address not an address")
            << QStringList{"trace", "client", "server", "--host-address", "node-1"};
        QTest::newRow("--host-address on another verb") << QStringList{"check", "--host-address", "10.0.0.4"};
        QTest::newRow("unknown source") << QStringList{"trace", "nobody", "server"};
        QTest::newRow("unknown destination name") << QStringList{"trace", "client", "nobody"};
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        const CtlRun run = runCtl(QStringList{"--snapshot", traceFile("l2bridge-host.json")} + args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY(!run.err.isEmpty());
    }

    void unknownObjectWithJson()
    {
        const CtlRun run =
            runCtl({"--snapshot", traceFile("nat-host.json"), "trace", "nobody", "web", "--json"});
        QCOMPARE(run.exitCode, 2);
        const QJsonObject error = parseObject(run.out).value("error").toObject();
        QVERIFY2(error.value("message").toString().contains("nobody"), qPrintable(run.out));
    }

    void emptyEmbeddedEngine()
    {
        const CtlRun run = runCtl({"--embedded", "trace", "a", "b"});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("no endpoint named \"a\""), qPrintable(run.err));
    }

    /// Against a running hcnd: two endpoints of one NAT network reach each other.
    void liveService()
    {
        HcndService service;
        QVERIFY(service.start());
        const QString socket = service.socketPath();
        const QString network = service.filePath("network.json");
        QVERIFY(writeFile(network, R"({"ID":"c4ec0000-0000-4000-8000-000000000001","Name":"web","Type":"NAT",
"Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"172.30.0.0/24","Routes":[{"NextHop":"172.30.0.1","DestinationPrefix":"0.0.0.0/0"}]}]}]})"));
        QCOMPARE(runCtl({"--socket", socket, "create", "network", "-f", network}).exitCode, 0);
        for (const char* name : {"front", "back"}) {
            const QString endpoint = service.filePath(QString(name) + ".json");
            QVERIFY(writeFile(endpoint, "{\"Name\":\"" + QByteArray(name) + "\"}"));
            const CtlRun created = runCtl({"--socket", socket, "create", "endpoint", "--network",
                                           "c4ec0000-0000-4000-8000-000000000001", "-f", endpoint});
            QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        }
        CtlRun run = runCtl({"--socket", socket, "trace", "front", "back", "--port", "8080", "--json"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QCOMPARE(
            parseObject(run.out).value("DeliveredTo").toArray().first().toObject().value("Name").toString(),
            QString("back"));
        run = runCtl({"--socket", socket, "trace", "front", "172.30.0.99"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains("no endpoint holds the address"), qPrintable(run.out));
    }
};

QTEST_GUILESS_MAIN(TestHcnctlTrace)
#include "tst_hcnctltrace.moc"
