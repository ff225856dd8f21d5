// hcnctl against a real hcnd: every command run as its own process on a temporary socket, as a person
// or a script would run them.

#include "hcnctl_runner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest>

namespace {

const QByteArray kNatNetwork = R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"ctl-nat","Type":"NAT",
  "Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"172.30.0.0/24"}]}]})";

} // namespace

class TestHcnctl : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void networkLifecycle();
    void endpointTakesItsNetworkFromTheDocument();
    void namesStandForIds();
    void failures_data();
    void failures();
    void unreachableServiceNamesTheSocket();
    void batchRunsEveryLineInOrder();
    void eventsFollowSeesAnotherProcessCreate();
    void eventsStopsAfterCount();
    void eventsFollowEndsWhenTheServiceStops();
    void rawCall();
    void versionReportsTheService();

private:
    QStringList ctl(const QStringList& args) const
    {
        return QStringList{"--socket", m_service.socketPath()} + args;
    }
    CtlRun run(const QStringList& args, const QByteArray& input = {}) const
    {
        return runCtl(ctl(args), input);
    }
    QString createNetwork(const QByteArray& document);

    HcndService m_service;
};

void TestHcnctl::initTestCase()
{
    QVERIFY(m_service.start());
}

QString TestHcnctl::createNetwork(const QByteArray& document)
{
    static int counter = 0;
    const QString file = m_service.filePath(QStringLiteral("network-%1.json").arg(++counter));
    if (!writeFile(file, document))
        return {};
    const CtlRun created = run({"create", "network", "-f", file});
    if (created.exitCode != 0)
        qWarning("create failed: %s", qPrintable(created.err));
    return createdId(created);
}

void TestHcnctl::networkLifecycle()
{
    const QString id = createNetwork(kNatNetwork);
    QVERIFY(!id.isEmpty());

    // The table shows the network with its name, type and subnet on one row.
    const CtlRun table = run({"list", "networks"});
    QCOMPARE(table.exitCode, 0);
    const QString row = table.out.split('\n').filter(id).value(0);
    QVERIFY2(row.contains("ctl-nat") && row.contains("NAT") && row.contains("172.30.0.0/24"),
             qPrintable(table.out));
    QVERIFY(table.out.startsWith("ID"));

    const CtlRun listed = run({"--json", "list", "networks"});
    QCOMPARE(listed.exitCode, 0);
    const QJsonArray networks = parseObject(listed.out).value("Networks").toArray();
    QVERIFY(std::any_of(networks.begin(), networks.end(),
                        [&](const QJsonValue& n) { return n.toObject().value("ID").toString() == id; }));

    // A HostComputeQuery filter keeps only the matching objects.
    const CtlRun filtered = run({"--json", "list", "networks", "--filter", R"({"Name":"ctl-nat"})"});
    QCOMPARE(filtered.exitCode, 0);
    QCOMPARE(parseObject(filtered.out).value("Networks").toArray().size(), 1);
    const CtlRun none = run({"list", "networks", "--filter", R"({"Name":"no-such-network"})"});
    QCOMPARE(none.out, QStringLiteral("No networks.\n"));

    const CtlRun shown = run({"show", "network", id});
    QCOMPARE(shown.exitCode, 0);
    QCOMPARE(parseObject(shown.out).value("Name").toString(), QStringLiteral("ctl-nat"));
    // show renders with the Detailed flag: the service's Resources block is there.
    QVERIFY(parseObject(shown.out).contains("Resources"));

    const QString request = m_service.filePath("add-policy.json");
    QVERIFY(writeFile(request, R"({"ResourceType":"Policy","RequestType":"Add","Settings":{"Policies":[
        {"Type":"RemoteSubnetRoute","Settings":{"DestinationPrefix":"10.1.0.0/16","IsolationId":4096,
         "ProviderAddress":"10.0.0.9","DistributedRouterMacAddress":"00-11-22-33-44-55"}}]}})"));
    const CtlRun modified = run({"modify", "network", id, "-f", request});
    QVERIFY2(modified.exitCode == 0, qPrintable(modified.err));
    QVERIFY(modified.out.contains("Modified network " + id));
    const QJsonArray policies =
        parseObject(run({"--json", "show", "network", id}).out).value("Policies").toArray();
    QCOMPARE(policies.size(), 1);
    QCOMPARE(policies.at(0).toObject().value("Type").toString(), QStringLiteral("RemoteSubnetRoute"));

    const CtlRun deleted = run({"delete", "network", id});
    QCOMPARE(deleted.exitCode, 0);
    QCOMPARE(deleted.out.trimmed(), "Deleted network " + id);
    QVERIFY(!run({"list", "networks"}).out.contains(id));
    const CtlRun gone = run({"show", "network", id});
    QCOMPARE(gone.exitCode, 1);
    QVERIFY2(gone.err.startsWith("hcnctl: HCN_E_NETWORK_NOT_FOUND (0x803B0001): "), qPrintable(gone.err));
}

void TestHcnctl::endpointTakesItsNetworkFromTheDocument()
{
    const QString network =
        createNetwork(R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"ctl-ep-net","Type":"NAT",
      "Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"172.31.0.0/24"}]}]})");
    QVERIFY(!network.isEmpty());
    const QString file = m_service.filePath("endpoint.json");
    QVERIFY(writeFile(file, QStringLiteral(R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"ctl-web",
        "HostComputeNetwork":"%1","IpConfigurations":[{"IpAddress":"172.31.0.10"}]})")
                                .arg(network)
                                .toUtf8()));
    const CtlRun created = run({"create", "endpoint", "-f", file});
    QVERIFY2(created.exitCode == 0, qPrintable(created.err));
    const QString endpoint = createdId(created);
    QVERIFY(!endpoint.isEmpty());

    // The endpoint row names its network by name and shows the address it asked for.
    const QString row = run({"list", "endpoints"}).out.split('\n').filter(endpoint).value(0);
    QVERIFY2(row.contains("ctl-web") && row.contains("ctl-ep-net") && row.contains("172.31.0.10"),
             qPrintable(row));

    // `list all` has a section per kind, the endpoint among them.
    const CtlRun all = run({"list", "all"});
    QCOMPARE(all.exitCode, 0);
    QVERIFY(all.out.contains("Networks (") && all.out.contains("Endpoints (") &&
            all.out.contains("Load balancers ("));
    QCOMPARE(run({"delete", "endpoint", endpoint}).exitCode, 0);
    QCOMPARE(run({"delete", "network", network}).exitCode, 0);
}

/// Against the service: the network and the endpoint by their names, from create to delete.
void TestHcnctl::namesStandForIds()
{
    const QString network =
        createNetwork(R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"ctl-named","Type":"NAT",
      "Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"172.29.0.0/24"}]}]})");
    QVERIFY(!network.isEmpty());
    const QString file = m_service.filePath("named-endpoint.json");
    QVERIFY(writeFile(file, R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"ctl-named-ep"})"));
    const CtlRun created = run({"create", "endpoint", "--network", "CTL-NAMED", "-f", file});
    QVERIFY2(created.exitCode == 0, qPrintable(created.err));
    const QString endpoint = createdId(created);
    QVERIFY(!endpoint.isEmpty());

    const CtlRun shown = run({"--json", "show", "endpoint", "ctl-named-ep"});
    QVERIFY2(shown.exitCode == 0, qPrintable(shown.err));
    QCOMPARE(parseObject(shown.out).value("HostComputeNetwork").toString().toUpper(), network.toUpper());

    const CtlRun deletedEndpoint = run({"delete", "endpoint", "ctl-named-ep"});
    QVERIFY2(deletedEndpoint.exitCode == 0, qPrintable(deletedEndpoint.err));
    QCOMPARE(deletedEndpoint.out.trimmed(), "Deleted endpoint " + endpoint);
    const CtlRun deletedNetwork = run({"delete", "network", "ctl-named"});
    QVERIFY2(deletedNetwork.exitCode == 0, qPrintable(deletedNetwork.err));
    QCOMPARE(deletedNetwork.out.trimmed(), "Deleted network " + network);
    QCOMPARE(run({"show", "network", "ctl-named"}).exitCode, 1);
}

void TestHcnctl::failures_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stderrPattern");

    const QString unknown = QStringLiteral("00000000-0000-0000-0000-00000000dead");
    QTest::newRow("unknown network")
        << QStringList{"show", "network", unknown} << QByteArray() << 1
        << "^hcnctl: HCN_E_NETWORK_NOT_FOUND \\(0x803B0001\\): The network was not found";
    QTest::newRow("delete unknown endpoint") << QStringList{"delete", "endpoint", unknown} << QByteArray()
                                             << 1 << "^hcnctl: HCN_E_ENDPOINT_NOT_FOUND \\(0x803B0002\\)";
    QTest::newRow("modify unknown load balancer")
        << QStringList{"modify", "lb", unknown, "-f", "FILE"} << QByteArray(R"({"FrontendVIPs":[]})") << 1
        << "^hcnctl: \\S+ \\(0x[0-9A-F]{8}\\): ";
    QTest::newRow("bad JSON file names file and line")
        << QStringList{"create", "network", "-f", "FILE"} << QByteArray("{\n  \"Name\": \"x\",\n  oops\n}")
        << 1 << "^hcnctl: HCN_E_INVALID_JSON \\(0x803B001B\\): .*doc\\.json: .*line 3";
    QTest::newRow("JSON that is not an object") << QStringList{"create", "network", "-f", "FILE"}
                                                << QByteArray("[1,2]") << 1 << "must be a JSON object";
    QTest::newRow("missing file")
        << QStringList{"create", "network", "-f", "/nonexistent/net.json"} << QByteArray() << 1
        << "^hcnctl: E_INVALIDARG \\(0x80070057\\): .*[Cc]annot read /nonexistent/net.json: No such file";
    QTest::newRow("engine rejects the document")
        << QStringList{"create", "network", "-f", "FILE"}
        << QByteArray(R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"bad","Type":"NoSuchType"})") << 1
        << "^hcnctl: HCN_E_\\w+ \\(0x803B00[0-9A-F]{2}\\): ";
    QTest::newRow("unknown command") << QStringList{"frobnicate"} << QByteArray() << 2
                                     << "unknown command \"frobnicate\"\nTry 'hcnctl --help'";
    QTest::newRow("unknown kind") << QStringList{"list", "widgets"} << QByteArray() << 2
                                  << "unknown object kind \"widgets\".*\nTry 'hcnctl list --help'";
    QTest::newRow("a name no network has")
        << QStringList{"show", "network", "nat"} << QByteArray() << 1
        << "^hcnctl: HCN_E_NETWORK_NOT_FOUND \\(0x803B0001\\): .*No network named \"nat\"";
    QTest::newRow("create --network with a name no network has")
        << QStringList{"create", "endpoint", "--network", "nat", "-f", "FILE"} << QByteArray(R"({"Name":"lonely"})")
        << 1 << "No network named \"nat\"";
    QTest::newRow("new ID that is not a GUID")
        << QStringList{"create", "network", "--id", "nat", "-f", "FILE"} << QByteArray(R"({"Name":"x"})") << 2
        << "\"nat\" is not an object ID";
    QTest::newRow("create without a file")
        << QStringList{"create", "network"} << QByteArray() << 2 << "create needs the document: -f FILE";
    QTest::newRow("option of another command") << QStringList{"delete", "network", unknown, "--follow"}
                                               << QByteArray() << 2 << "\"delete\" does not take --follow";
    QTest::newRow("unknown option") << QStringList{"list", "networks", "--colour"} << QByteArray() << 2
                                    << "unknown option --colour";
    QTest::newRow("endpoint without a network")
        << QStringList{"create", "endpoint", "-f", "FILE"} << QByteArray(R"({"Name":"lonely"})") << 2
        << "an endpoint needs its network";
}

void TestHcnctl::failures()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, file);
    QFETCH(int, exitCode);
    QFETCH(QString, stderrPattern);

    const QString path = m_service.filePath("doc.json");
    if (!file.isEmpty())
        QVERIFY(writeFile(path, file));
    args.replaceInStrings(QRegularExpression("^FILE$"), path);
    const QString before = run({"--json", "list", "all"}).out;

    const CtlRun failed = run(args);
    QCOMPARE(failed.exitCode, exitCode);
    QVERIFY2(QRegularExpression(stderrPattern).match(failed.err).hasMatch(), qPrintable(failed.err));
    if (exitCode == 1) // a failed call is two lines: the HRESULT, then what it means
        QCOMPARE(failed.err.count('\n'), 2);
    QVERIFY(failed.out.isEmpty());
    QCOMPARE(run({"--json", "list", "all"}).out, before); // nothing changed
}

void TestHcnctl::unreachableServiceNamesTheSocket()
{
    const QString socket = m_service.filePath("nobody-here.sock");
    const CtlRun failed = runCtl({"--socket", socket, "list", "networks"});
    QCOMPARE(failed.exitCode, 3);
    QVERIFY2(failed.err.contains(socket) && failed.err.contains("--embedded") && failed.err.contains("hcnd"),
             qPrintable(failed.err));
    QCOMPARE(failed.err.count('\n'), 1);
}

void TestHcnctl::batchRunsEveryLineInOrder()
{
    const QString id = QStringLiteral("5A1E0000-0000-4000-8000-0000000000B1");
    const QByteArray input =
        QStringLiteral(
            R"({"id":1,"method":"HcnCreateNetwork","params":{"Id":"%1","Settings":{"SchemaVersion":{"Major":2,"Minor":0},"Name":"ctl-batch","Type":"NAT"}}}
{"id":"two","method":"HcnOpenNetwork","params":{"Id":"00000000-0000-0000-0000-00000000dead"}}

# comments and blank lines are skipped
{"id":3,"method":"HcnOpenNetwork","params":{"Id":"%1"}}
not json at all
{"method":"HcnEnumerateNetworks","params":{"Query":{"Filter":"{\"Name\":\"ctl-batch\"}"}}}
)")
            .arg(id)
            .toUtf8();
    const CtlRun batch = run({"batch"}, input);
    QCOMPARE(batch.exitCode, 1);
    QVERIFY2(batch.err.contains("2 of 5 calls failed") && batch.err.contains("HCN_E_NETWORK_NOT_FOUND"),
             qPrintable(batch.err));
    // The summary's first failure is explained like any failed call.
    QVERIFY2(batch.err.contains("hcnctl: batch: The network named in the call does not exist on the host. Run "
                                "`hcnctl explain 0x803B0001` for causes and checks."),
             qPrintable(batch.err));
    const QStringList lines = batch.out.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5);
    const QJsonObject created = parseObject(lines[0]);
    QCOMPARE(created.value("id").toInt(), 1);
    QCOMPARE(created.value("result").toObject().value("Id").toString(), id.toLower()); // a binary GUID in HCN
    const QJsonObject missing = parseObject(lines[1]);
    QCOMPARE(missing.value("id").toString(), QStringLiteral("two"));
    QCOMPARE(missing.value("error").toObject().value("code").toInt(), int(0x803B0001));
    QCOMPARE(missing.value("error").toObject().value("data").toObject().value("Name").toString(),
             QStringLiteral("HCN_E_NETWORK_NOT_FOUND"));
    QVERIFY(parseObject(lines[2]).value("result").toObject().value("Handle").toInteger() > 0);
    QCOMPARE(parseObject(lines[3]).value("error").toObject().value("code").toInt(), -32700);
    const QJsonObject enumerated = parseObject(lines[4]);
    QVERIFY(!enumerated.contains("id"));
    QCOMPARE(enumerated.value("result").toArray(), QJsonArray{id.toLower()});

    // The calls reached the service: another process sees the network.
    QVERIFY(run({"list", "networks"}).out.contains(id, Qt::CaseInsensitive));
    QCOMPARE(run({"delete", "network", id}).exitCode, 0);
}

void TestHcnctl::eventsFollowSeesAnotherProcessCreate()
{
    ChildProcess watcher;
    QVERIFY(watcher.start(HCNCTL_PATH, toArgs(ctl({"events", "--follow", "--json"})), ctlOptions()));
    QByteArray err;
    QTRY_VERIFY_WITH_TIMEOUT(
        (err += QByteArray::fromStdString(watcher.readStderr())).contains("listening for events"), 20000);

    const QString id =
        createNetwork(R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"ctl-watched","Type":"NAT"})");
    QVERIFY(!id.isEmpty());

    // The PreCreate event names the network too: wait for the whole Create line.
    QByteArray out;
    QJsonObject createEvent;
    auto sawCreate = [&] {
        out += QByteArray::fromStdString(watcher.readStdout());
        for (const QByteArray& line : out.split('\n')) {
            const QJsonObject event = QJsonDocument::fromJson(line).object();
            if (event.value("TypeName").toString() == "HcnNotificationNetworkCreate" &&
                event.value("Id").toString() == id)
                createEvent = event;
        }
        return !createEvent.isEmpty();
    };
    QTRY_VERIFY2_WITH_TIMEOUT(sawCreate(), out.constData(), 20000);
    QCOMPARE(createEvent.value("Type").toInt(), 2);
    QCOMPARE(createEvent.value("Data").toObject().value("Data").toObject().value("Name").toString(),
             QStringLiteral("ctl-watched"));
    QVERIFY(createEvent.value("Sequence").toInteger() > 0);

    // SIGTERM ends a follow cleanly.
    watcher.terminate();
    QVERIFY(watcher.waitForExit(20000));
    QVERIFY(watcher.normalExit());
    QCOMPARE(watcher.exitCode(), 0);
    QCOMPARE(run({"delete", "network", id}).exitCode, 0);
}

void TestHcnctl::eventsStopsAfterCount()
{
    ChildProcess watcher;
    QVERIFY(watcher.start(HCNCTL_PATH, toArgs(ctl({"events", "--count", "2", "--duration", "60"})),
                          ctlOptions()));
    QByteArray err;
    QTRY_VERIFY_WITH_TIMEOUT(
        (err += QByteArray::fromStdString(watcher.readStderr())).contains("listening for events"), 20000);

    // A network create raises PreCreate and Create: two events, then the watcher exits by itself.
    const QString id =
        createNetwork(R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"ctl-counted","Type":"NAT"})");
    QVERIFY(!id.isEmpty());
    QVERIFY(watcher.waitForExit(20000));
    QCOMPARE(watcher.exitCode(), 0);
    const QStringList lines = QString::fromStdString(watcher.readStdout()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines[0].contains("HcnNotificationNetworkPreCreate") && lines[0].contains(id),
             qPrintable(lines[0]));
    QVERIFY2(lines[1].contains("HcnNotificationNetworkCreate") && lines[1].contains("Name=ctl-counted"),
             qPrintable(lines[1]));
    QVERIFY(QRegularExpression("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z  #\\d+  ")
                .match(lines[0])
                .hasMatch());
    QCOMPARE(run({"delete", "network", id}).exitCode, 0);
}

void TestHcnctl::eventsFollowEndsWhenTheServiceStops()
{
    HcndService stopping; // a service of its own, so the others keep running
    QVERIFY(stopping.start());
    ChildProcess watcher;
    QVERIFY(watcher.start(HCNCTL_PATH, toArgs({"--socket", stopping.socketPath(), "events", "--follow"}),
                          ctlOptions()));
    QByteArray err;
    QTRY_VERIFY_WITH_TIMEOUT(
        (err += QByteArray::fromStdString(watcher.readStderr())).contains("listening for events"), 20000);

    stopping.process().terminate();
    QVERIFY(stopping.process().waitForExit(20000));
    QVERIFY(watcher.waitForExit(20000));
    QCOMPARE(watcher.exitCode(), 1);
    QVERIFY(watcher.readStdout().find("HcnNotificationServiceDisconnect") != std::string::npos);
    err += QByteArray::fromStdString(watcher.readStderr());
    QVERIFY2(err.contains("the service closed the event stream"), err.constData());
}

void TestHcnctl::rawCall()
{
    const CtlRun enumerated = run({"call", "HcnEnumerateNetworks"});
    QCOMPARE(enumerated.exitCode, 0);
    QVERIFY(QJsonDocument::fromJson(enumerated.out.toUtf8()).isArray());

    const CtlRun info = run({"--json", "call", "hcnd.info"});
    QCOMPARE(info.exitCode, 0);
    QVERIFY(parseObject(info.out).value("Server").toString().startsWith("hcnd/"));

    const CtlRun failed =
        run({"--json", "call", "HcnOpenNetwork", R"({"Id":"00000000-0000-0000-0000-00000000dead"})"});
    QCOMPARE(failed.exitCode, 1);
    QVERIFY(failed.err.contains("HCN_E_NETWORK_NOT_FOUND (0x803B0001)"));
    // --json puts the error object on stdout as well, for scripts, with what the code means.
    const QJsonObject errorData = parseObject(failed.out).value("error").toObject().value("data").toObject();
    QCOMPARE(errorData.value("HResult").toString(), QStringLiteral("0x803B0001"));
    QVERIFY2(errorData.value("Meaning").toString().contains("network", Qt::CaseInsensitive),
             qPrintable(failed.out));

    const CtlRun badParams = run({"call", "HcnOpenNetwork", "{not json"});
    QCOMPARE(badParams.exitCode, 2);
}

void TestHcnctl::versionReportsTheService()
{
    const CtlRun version = run({"--json", "version"});
    QCOMPARE(version.exitCode, 0);
    const QJsonObject about = parseObject(version.out);
    QVERIFY(!about.value("Hcnctl").toString().isEmpty());
    QVERIFY(about.value("Server").toString().startsWith("hcnd/"));
    QCOMPARE(about.value("HnsVersion").toObject().value("Major").toInt(), 15);
    QCOMPARE(about.value("Datapath").toString(), QStringLiteral("simulated"));
    QVERIFY(about.value("Endpoint").toString().contains(m_service.socketPath()));

    const CtlRun text = run({"version"});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.startsWith("hcnctl ") && text.out.contains("HNS version     15.4"));
}

QTEST_GUILESS_MAIN(TestHcnctl)
#include "tst_hcnctl.moc"
