// hcnctl with --embedded: the same commands on an engine inside the hcnctl process, no service.

#include "hcnctl_runner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

namespace {

CtlRun embedded(const QStringList& args, const QByteArray& input = {})
{
    return runCtl(QStringList{"--embedded"} + args, input);
}

} // namespace

class TestHcnctlEmbedded : public QObject
{
    Q_OBJECT

private slots:
    void batchKeepsOneEngineAcrossLines();
    void batchReportsMalformedRequests_data();
    void batchReportsMalformedRequests();
    void batchRefersToEarlierResults_data();
    void batchRefersToEarlierResults();
    void eachCommandStartsFromAnEmptyEngine();
    void callAnswersAsHcndDoes_data();
    void callAnswersAsHcndDoes();
    void helpPerCommand_data();
    void helpPerCommand();
    void eventsNeedsTheService();
    void simulatedHostFromTheEnvironment();
    void outputThatCannotBeWrittenFails_data();
    void outputThatCannotBeWrittenFails();

private:
    QTemporaryDir m_dir;
};

void TestHcnctlEmbedded::batchKeepsOneEngineAcrossLines()
{
    const QByteArray input =
        R"({"id":1,"method":"HcnCreateNetwork","params":{"Id":"5A1E0000-0000-4000-8000-0000000000E1","Settings":{"SchemaVersion":{"Major":2,"Minor":0},"Name":"nat","Type":"NAT"}}}
{"id":2,"method":"HcnCreateNetwork","params":{"Settings":"{not json"}}
{"id":3,"method":"HcnOpenNetwork","params":{"Id":"5A1E0000-0000-4000-8000-0000000000E1"}}
{"id":4,"method":"hcnd.info","params":{}}
{"id":5,"method":"HcnDeleteNetwork","params":{"Id":"5A1E0000-0000-4000-8000-0000000000E1"}}
{"id":6,"method":"HcnEnumerateNetworks"}
)";
    const CtlRun batch = embedded({"batch"}, input);
    QCOMPARE(batch.exitCode, 1);
    QVERIFY(batch.err.contains("1 of 6 calls failed"));
    const QStringList lines = batch.out.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 6);
    for (int i = 0; i < lines.size(); ++i)
        QCOMPARE(parseObject(lines[i]).value("id").toInt(), i + 1);

    // The Id parameter is a binary GUID on Windows: the engine spells it in lower case.
    QCOMPARE(parseObject(lines[0]).value("result").toObject().value("Id").toString(),
             QStringLiteral("5a1e0000-0000-4000-8000-0000000000e1"));
    // Invalid JSON text in Settings reaches the engine verbatim, which answers as Windows does.
    QCOMPARE(
        parseObject(lines[1]).value("error").toObject().value("data").toObject().value("Name").toString(),
        QStringLiteral("HCN_E_INVALID_JSON"));
    // Later lines see what earlier lines did: one engine for the whole batch.
    QVERIFY(parseObject(lines[2]).value("result").toObject().value("Handle").toInteger() > 0);
    QCOMPARE(
        parseObject(lines[3]).value("result").toObject().value("Counts").toObject().value("Networks").toInt(),
        1);
    QVERIFY(parseObject(lines[4]).contains("result"));
    QCOMPARE(parseObject(lines[5]).value("result").toArray(), QJsonArray());
}

void TestHcnctlEmbedded::batchReportsMalformedRequests_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");

    QTest::newRow("not JSON") << QByteArray("{\"method\":") << -32700 << "line 1 is not JSON";
    QTest::newRow("not an object") << QByteArray("[1]") << -32600 << "must be a JSON object";
    QTest::newRow("no method") << QByteArray(R"({"id":9,"params":{}})") << -32600
                               << "\"method\" must be a string";
    QTest::newRow("params not an object")
        << QByteArray(R"({"method":"hcnd.ping","params":[1]})") << -32602 << "\"params\" must be an object";
    QTest::newRow("unknown method") << QByteArray(R"({"method":"HcnFrobnicate"})") << int(0x80004001)
                                    << "Unknown method HcnFrobnicate";
    QTest::newRow("missing parameter") << QByteArray(R"({"method":"HcnCloseNetwork","params":{}})")
                                       << int(0x80070057) << "parameter \"Handle\" is required";
}

void TestHcnctlEmbedded::batchReportsMalformedRequests()
{
    QFETCH(QByteArray, line);
    QFETCH(int, code);
    QFETCH(QString, message);

    const CtlRun batch = embedded({"batch"}, line + "\n" + R"({"id":"after","method":"hcnd.ping"})" + "\n");
    QCOMPARE(batch.exitCode, 1);
    const QStringList lines = batch.out.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    const QJsonObject error = parseObject(lines[0]).value("error").toObject();
    QCOMPARE(error.value("code").toInt(), code);
    QVERIFY2(error.value("message").toString().contains(message), qPrintable(lines[0]));
    QCOMPARE(parseObject(lines[1]).value("result").toObject(), QJsonObject());
}

void TestHcnctlEmbedded::batchRefersToEarlierResults_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("lastLineHas");
    QTest::addColumn<QString>("errHas");

    const QByteArray network = R"({"id":1,"method":"HcnCreateNetwork","params":{"Id":"5A1E0000-0000-4000-8000-0000000000E1","Settings":{"SchemaVersion":{"Major":2,"Minor":0},"Name":"nat","Type":"NAT","Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"172.30.0.0/24","Routes":[{"NextHop":"172.30.0.1","DestinationPrefix":"0.0.0.0/0"}]}]}]}},"As":"net1"})";
    QTest::newRow("an endpoint joins the network a line named")
        << network + "\n" +
               R"({"id":2,"method":"HcnCreateEndpoint","params":{"Network":"$net1","Settings":{"SchemaVersion":{"Major":2,"Minor":0},"Name":"e1"}},"As":"ep"}
{"id":3,"method":"HcnQueryEndpointProperties","params":{"Handle":"$ep"}})"
        << 0 << QStringList{"\"id\":3", "e1", "HostComputeNetwork"} << QString();
    QTest::newRow("a member of a named result")
        << network + "\n" + R"({"id":2,"method":"HcnOpenNetwork","params":{"Id":"$net1.Id"}})" << 0
        << QStringList{"\"id\":2", "\"Handle\""} << QString();
    QTest::newRow("$$ is a literal dollar")
        << QByteArray(R"({"method":"HcnCreateNetwork","params":{"Settings":{"SchemaVersion":{"Major":2,"Minor":0},"Name":"$$cash","Type":"NAT"}},"As":"n"}
{"method":"HcnQueryNetworkProperties","params":{"Handle":"$n"}})")
        << 0 << QStringList{"$cash"} << QString();
    QTest::newRow("an unknown reference fails its line, naming it")
        << QByteArray(R"({"id":1,"method":"hcnd.ping"}
{"id":2,"method":"HcnCreateEndpoint","params":{"Network":"$net9","Settings":{}}})")
        << 1 << QStringList{"-32602", "line 2: \\\"$net9\\\" names no earlier result", "\\\"As\\\":\\\"net9\\\""}
        << "the first: line 2: \"$net9\" names no earlier result";
    QTest::newRow("a reference to a failed line")
        << QByteArray(R"({"id":1,"method":"HcnCreateNetwork","params":{"Settings":5},"As":"bad"}
{"id":2,"method":"HcnOpenNetwork","params":{"Id":"$bad.Id"}})")
        << 1 << QStringList{"-32602", "refers to line 1, which failed"} << "2 of 2 calls failed";
    QTest::newRow("a member the result lacks")
        << QByteArray(R"({"method":"hcnd.ping","As":"p"}
{"method":"HcnOpenNetwork","params":{"Id":"$p.Id"}})")
        << 1 << QStringList{"-32602", "the result of line 1 has no member \\\"Id\\\""} << "1 of 2 calls failed";
    QTest::newRow("a reference that is no name")
        << QByteArray(R"({"method":"HcnOpenNetwork","params":{"Id":"$ 1"}})") << 1
        << QStringList{"-32602", "is no reference"} << "1 of 1 calls failed";
    QTest::newRow("As must be a name")
        << QByteArray(R"({"method":"hcnd.ping","As":"1x"})") << 1
        << QStringList{"-32600", "\\\"As\\\" must be a name"} << "1 of 1 calls failed";
}

void TestHcnctlEmbedded::batchRefersToEarlierResults()
{
    QFETCH(QByteArray, input);
    QFETCH(int, exitCode);
    QFETCH(QStringList, lastLineHas);
    QFETCH(QString, errHas);

    const CtlRun batch = embedded({"batch"}, input + "\n");
    QVERIFY2(batch.exitCode == exitCode, qPrintable(batch.out + batch.err));
    const QStringList lines = batch.out.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), input.count('\n') + 1);
    for (const QString& text : lastLineHas)
        QVERIFY2(lines.last().contains(text), qPrintable(text + " missing from: " + lines.last()));
    QVERIFY2(batch.err.contains(errHas), qPrintable(batch.err));
}

void TestHcnctlEmbedded::eachCommandStartsFromAnEmptyEngine()
{
    const QString file = m_dir.filePath("net.json");
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"nat","Type":"NAT"})");
    out.close();
    const CtlRun created = embedded({"create", "network", "-f", file});
    QCOMPARE(created.exitCode, 0);
    QVERIFY(created.out.startsWith("Created network "));

    const CtlRun listed = embedded({"list", "networks"});
    QCOMPARE(listed.exitCode, 0);
    QCOMPARE(listed.out, QStringLiteral("No networks.\n"));
    // A document from stdin ("-") works like a file.
    const CtlRun fromStdin =
        embedded({"--json", "create", "network", "-f", "-"},
                 R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"piped","Type":"NAT"})");
    QCOMPARE(fromStdin.exitCode, 0);
    QCOMPARE(parseObject(fromStdin.out).value("Name").toString(), QStringLiteral("piped"));
}

void TestHcnctlEmbedded::callAnswersAsHcndDoes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected");

    QTest::newRow("enumerate") << QStringList{"HcnEnumerateLoadBalancers"} << 0 << "[]";
    QTest::newRow("ping") << QStringList{"hcnd.ping"} << 0 << "{}";
    QTest::newRow("snapshot") << QStringList{"hcnd.snapshot"} << 0 << "\"Networks\":[]";
    QTest::newRow("port reservations")
        << QStringList{"HcnEnumerateGuestNetworkPortReservations"} << 0 << "[]";
    QTest::newRow("open unknown namespace")
        << QStringList{"HcnOpenNamespace", R"({"Id":"00000000-0000-0000-0000-00000000dead"})"} << 1
        << "ERROR_NOT_FOUND (0x80070490)";
    QTest::newRow("handle of the wrong type")
        << QStringList{"HcnCloseEndpoint", R"({"Handle":"one"})"} << 1 << "\"Handle\" must be a number";
    QTest::newRow("handle this command did not open")
        << QStringList{"HcnCloseEndpoint", R"({"Handle":4096})"} << 1 << "E_HANDLE";
    // The events have nowhere to go, as with `hcnctl call` over a socket; the call itself works alike.
    QTest::newRow("subscribe") << QStringList{"hcnd.subscribe"} << 0 << R"({"Subscription":1,"Sequence":0})";
    QTest::newRow("info names the embedded handler")
        << QStringList{"hcnd.info"} << 0 << R"("Server":"hcnctl/)";
}

void TestHcnctlEmbedded::callAnswersAsHcndDoes()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);

    const CtlRun call = embedded(QStringList{"--json", "call"} + args);
    QCOMPARE(call.exitCode, exitCode);
    QVERIFY2((exitCode == 0 ? call.out : call.err).contains(expected), qPrintable(call.out + call.err));
}

void TestHcnctlEmbedded::helpPerCommand_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");
    QTest::newRow("overview") << QStringList{"--help"} << "Usage: hcnctl [global options] COMMAND";
    QTest::newRow("list") << QStringList{"list", "--help"} << "Usage: hcnctl list";
    QTest::newRow("events") << QStringList{"events", "-h"} << "--follow";
    QTest::newRow("batch via help") << QStringList{"help", "batch"} << "Usage: hcnctl batch";
    QTest::newRow("batch help: results named with As")
        << QStringList{"batch", "--help"} << "\"Network\":\"$net1\"";
    QTest::newRow("show help: a Name for the ID") << QStringList{"show", "--help"}
                                                  << "an exact match first, then one that ignores case";
}

void TestHcnctlEmbedded::helpPerCommand()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    const CtlRun help = runCtl(args);
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.contains(expected), qPrintable(help.out));
    QVERIFY(help.err.isEmpty());
}

void TestHcnctlEmbedded::eventsNeedsTheService()
{
    const CtlRun events = embedded({"events"});
    QCOMPARE(events.exitCode, 2);
    QVERIFY(events.err.contains("events needs a running hcnd"));
}

void TestHcnctlEmbedded::simulatedHostFromTheEnvironment()
{
    ChildProcess process;
    ChildProcess::Options options = ctlOptions();
    options.environment = {{"HCN_HNS_VERSION", "10.3"}};
    QVERIFY(process.start(HCNCTL_PATH, {"--embedded", "--json", "version"}, options));
    QVERIFY(process.waitForExit(30000));
    QCOMPARE(process.exitCode(), 0);
    const QJsonObject about =
        QJsonDocument::fromJson(QByteArray::fromStdString(process.readStdout())).object();
    QCOMPARE(about.value("HnsVersion").toObject().value("Major").toInt(), 10);
    QCOMPARE(about.value("Endpoint").toString(), QStringLiteral("embedded engine"));

    options.environment = {{"HCN_HNS_VERSION", "bogus"}};
    QVERIFY(process.start(HCNCTL_PATH, {"--embedded", "list", "all"}, options));
    QVERIFY(process.waitForExit(30000));
    QCOMPARE(process.exitCode(), 1);
    QVERIFY(process.readStderr().find("HCN_HNS_VERSION") != std::string::npos);
}

void TestHcnctlEmbedded::outputThatCannotBeWrittenFails_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("list") << QStringList{"--embedded", "list", "all"};
    QTest::newRow("list as JSON") << QStringList{"--embedded", "--json", "list", "all"};
    QTest::newRow("explain every code") << QStringList{"explain", "all"};
    QTest::newRow("version") << QStringList{"--embedded", "version"};
}

// A full disk (/dev/full) must not pass for success: the command says the output was lost, exit 4.
void TestHcnctlEmbedded::outputThatCannotBeWrittenFails()
{
    QFETCH(QStringList, args);
    ChildProcess::Options options = ctlOptions();
    options.stdoutMode = ChildProcess::Output::File;
    options.stdoutFile = "/dev/full";
    const CtlRun run = runCtl(args, {}, options);
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains("hcnctl: cannot write the output: No space left on device"), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestHcnctlEmbedded)
#include "tst_hcnctlembedded.moc"
