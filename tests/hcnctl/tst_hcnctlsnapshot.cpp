// hcnctl with --snapshot FILE: every read command answers offline from a snapshot document, every change
// fails with E_ACCESSDENIED "This is an offline snapshot (read-only)".

#include "hcnctl_runner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest>

namespace {

const QString kNetwork = QStringLiteral("5a1e0000-0000-4000-8000-0000000000e1");
/// Upper case, as a customer's tool may have written it.
const QString kEndpoint = QStringLiteral("5A1E0000-0000-4000-8000-0000000000E2");
const QString kOrphan = QStringLiteral("5a1e0000-0000-4000-8000-0000000000e3");

/// A host's state as a dump may hold it: an endpoint whose network is missing, two endpoints with one
/// address, an object without an ID, and members the product does not know.
QByteArray customerSnapshot()
{
    return QStringLiteral(R"({"Source":"customer dump","HnsVersion":{"Major":15,"Minor":4},
"Networks":[{"ID":"%1","Name":"web","Type":"NAT","Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"172.20.0.0/24"}]}]}],
"Endpoints":[{"ID":"%2","Name":"pod-a","HostComputeNetwork":"%1","IpConfigurations":[{"IpAddress":"172.20.0.10"}]},
             {"ID":"%3","Name":"orphan","HostComputeNetwork":"00000000-dead-beef-0000-000000000001","IpConfigurations":[{"IpAddress":"172.20.0.10"}]},
             {"Name":"no id"}],
"Namespaces":[],"LoadBalancers":[],"SdnRoutes":[],"GuestNetworkServices":[]})")
        .arg(kNetwork, kEndpoint, kOrphan)
        .toUtf8();
}

const QString kWebLower = QStringLiteral("5A1E0000-0000-4000-8000-00000000A001");
const QString kWebUpper = QStringLiteral("5A1E0000-0000-4000-8000-00000000A002");
const QString kDupFirst = QStringLiteral("5A1E0000-0000-4000-8000-00000000A003");
const QString kDupSecond = QStringLiteral("5A1E0000-0000-4000-8000-00000000A004");
const QString kBackend = QStringLiteral("5A1E0000-0000-4000-8000-00000000A005");
const QString kPod = QStringLiteral("5A1E0000-0000-4000-8000-00000000A011");

/// Names as people reuse them: "web" and "Web", two networks called "dup", one "Backend".
QByteArray namedSnapshot()
{
    return QStringLiteral(R"({"Networks":[{"ID":"%1","Name":"web","Type":"NAT"},{"ID":"%2","Name":"Web","Type":"NAT"},
{"ID":"%3","Name":"dup","Type":"NAT"},{"ID":"%4","Name":"dup","Type":"NAT"},{"ID":"%5","Name":"Backend","Type":"NAT"}],
"Endpoints":[{"ID":"%6","Name":"pod-a","HostComputeNetwork":"%5"}]})")
        .arg(kWebLower, kWebUpper, kDupFirst, kDupSecond, kBackend, kPod)
        .toUtf8();
}

} // namespace

class TestHcnctlSnapshot : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void readsAnswerOffline_data();
    void readsAnswerOffline();
    void changesAreRefused_data();
    void changesAreRefused();
    void unusableSnapshotFiles_data();
    void unusableSnapshotFiles();
    void snapshotOfAnEngineReadsBack();
    void namesStandForIds_data();
    void namesStandForIds();

private:
    QTemporaryDir m_dir;
    QString m_snapshot;
    QString m_document;
};

void TestHcnctlSnapshot::initTestCase()
{
    m_snapshot = m_dir.filePath("host.json");
    QVERIFY(writeFile(m_snapshot, customerSnapshot()));
    m_document = m_dir.filePath("network.json");
    QVERIFY(writeFile(m_document, R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"new","Type":"NAT"})"));
}

void TestHcnctlSnapshot::readsAnswerOffline_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("shows");
    QTest::addColumn<QStringList>("hides");

    QTest::newRow("list networks") << QStringList{"list", "networks"} << QStringList{"web"} << QStringList{};
    QTest::newRow("list endpoints, broken ones too")
        << QStringList{"list", "endpoints"} << QStringList{"pod-a", "orphan"} << QStringList{};
    QTest::newRow("list all detailed")
        << QStringList{"list", "all", "-d"} << QStringList{"web", "orphan"} << QStringList{};
    QTest::newRow("filter by name") << QStringList{"--json", "list", "endpoints", "--filter",
                                                   R"({"Name":"ORPHAN"})"}
                                    << QStringList{kOrphan} << QStringList{"pod-a"};
    QTest::newRow("filter by v1 network name")
        << QStringList{"--json", "list", "endpoints", "--filter", R"({"VirtualNetworkName":"web"})"}
        << QStringList{"pod-a"} << QStringList{"orphan"};
    QTest::newRow("show keeps the ID's spelling")
        << QStringList{"--json", "show", "endpoint", kEndpoint.toLower()} << QStringList{kEndpoint}
        << QStringList{};
    QTest::newRow("raw enumerate") << QStringList{"call", "HcnEnumerateEndpoints"}
                                   << QStringList{kEndpoint, kOrphan} << QStringList{};
    QTest::newRow("raw snapshot") << QStringList{"call", "hcnd.snapshot"}
                                  << QStringList{"\"Networks\"", "web"} << QStringList{"customer dump"};
    QTest::newRow("version names the snapshot")
        << QStringList{"--json", "version"}
        << QStringList{"host.json", "\"ReadOnly\":true", "offline read-only snapshot"} << QStringList{};
}

void TestHcnctlSnapshot::readsAnswerOffline()
{
    QFETCH(QStringList, args);
    QFETCH(QStringList, shows);
    QFETCH(QStringList, hides);

    const CtlRun run = runCtl(QStringList{"--snapshot", m_snapshot} + args);
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    for (const QString& text : shows)
        QVERIFY2(run.out.contains(text), qPrintable(text + " missing from: " + run.out));
    for (const QString& text : hides)
        QVERIFY2(!run.out.contains(text), qPrintable(text + " shown in: " + run.out));
    // The object without an ID is reported, once per command.
    QCOMPARE(run.err.count("host.json: Endpoints[2]: no usable \"ID\""), 1);
}

void TestHcnctlSnapshot::changesAreRefused_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("create") << QStringList{"create", "network", "-f", m_document};
    QTest::newRow("delete") << QStringList{"delete", "network", kNetwork};
    QTest::newRow("modify") << QStringList{"modify", "network", kNetwork, "-f", m_document};
    QTest::newRow("raw delete") << QStringList{"call", "HcnDeleteEndpoint",
                                               QStringLiteral(R"({"Id":"%1"})").arg(kOrphan)};
}

void TestHcnctlSnapshot::changesAreRefused()
{
    QFETCH(QStringList, args);
    const CtlRun run = runCtl(QStringList{"--snapshot", m_snapshot} + args);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("E_ACCESSDENIED (0x80070005)"), qPrintable(run.err));
    QVERIFY2(run.err.contains("This is an offline snapshot (read-only)"), qPrintable(run.err));
    // The file is never written.
    QFile file(m_snapshot);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), customerSnapshot());
}

void TestHcnctlSnapshot::unusableSnapshotFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says");

    QTest::newRow("missing file") << QByteArray()
                                  << QStringList{"--snapshot", m_dir.filePath("none.json"), "list", "all"}
                                  << 1 << "none.json";
    QTest::newRow("not a snapshot") << QByteArray(R"({"Name":"a network"})") << QStringList{"list", "all"}
                                    << 1 << "not a snapshot document";
    QTest::newRow("malformed JSON") << QByteArray(R"({"Networks":[)") << QStringList{"list", "all"} << 1
                                    << "bad.json";
    QTest::newRow("with --embedded") << QByteArray("{}") << QStringList{"--embedded", "list", "all"} << 2
                                     << "--snapshot excludes --embedded";
    QTest::newRow("events") << QByteArray(R"({"Networks":[]})") << QStringList{"events"} << 2
                            << "nothing in a snapshot changes";
}

void TestHcnctlSnapshot::unusableSnapshotFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, says);

    QStringList all = args;
    if (!args.contains("--snapshot")) {
        const QString path = m_dir.filePath("bad.json");
        QVERIFY(writeFile(path, content));
        all = QStringList{"--snapshot", path} + args;
    }
    const CtlRun run = runCtl(all);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(says), qPrintable(run.err));
}

void TestHcnctlSnapshot::snapshotOfAnEngineReadsBack()
{
    // An engine's own snapshot (hcnd.snapshot) is a snapshot file as it is.
    const QByteArray input =
        R"({"id":1,"method":"HcnCreateNetwork","params":{"Id":"5A1E0000-0000-4000-8000-0000000000F1","Settings":{"SchemaVersion":{"Major":2,"Minor":0},"Name":"nat","Type":"NAT"}}}
{"id":2,"method":"hcnd.snapshot","params":{}}
)";
    const CtlRun batch = runCtl({"--embedded", "batch"}, input);
    QCOMPARE(batch.exitCode, 0);
    const QStringList lines = batch.out.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    const QJsonObject snapshot = parseObject(lines[1]).value("result").toObject();
    QCOMPARE(snapshot.value("Networks").toArray().size(), 1);
    const QString path = m_dir.filePath("engine.json");
    QVERIFY(writeFile(path, QJsonDocument(snapshot).toJson()));

    const CtlRun shown =
        runCtl({"--snapshot", path, "--json", "show", "network", "5a1e0000-0000-4000-8000-0000000000f1"});
    QVERIFY2(shown.exitCode == 0, qPrintable(shown.err));
    // show asks for Detailed: the engine's document plus what the snapshot's references tell.
    QJsonObject document = parseObject(shown.out);
    QCOMPARE(document.value("Resources").toObject(), QJsonObject({{"EndpointCount", 0}}));
    document.remove("Resources");
    QCOMPARE(document, snapshot.value("Networks").toArray().at(0).toObject());
    QVERIFY(shown.err.isEmpty());
}

void TestHcnctlSnapshot::namesStandForIds_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("outHas");
    QTest::addColumn<QStringList>("errHas");

    QTest::newRow("show by name") << QStringList{"--json", "show", "network", "Backend"} << 0
                                  << QStringList{kBackend} << QStringList{};
    QTest::newRow("show by name, other case") << QStringList{"--json", "show", "network", "BACKEND"} << 0
                                              << QStringList{kBackend} << QStringList{};
    QTest::newRow("exact case wins over ignoring case")
        << QStringList{"--json", "show", "network", "Web"} << 0 << QStringList{kWebUpper} << QStringList{};
    QTest::newRow("the other exact case") << QStringList{"--json", "show", "network", "web"} << 0
                                          << QStringList{kWebLower} << QStringList{};
    QTest::newRow("ignoring case matches two: ambiguous")
        << QStringList{"show", "network", "WEB"} << 1 << QStringList{}
        << QStringList{"E_INVALIDARG", "\"WEB\" is held by 2 networks", kWebLower, kWebUpper, "give the ID"};
    QTest::newRow("two objects share the name: ambiguous, with --json")
        << QStringList{"--json", "show", "network", "dup"} << 1 << QStringList{"\"error\"", kDupFirst, kDupSecond}
        << QStringList{"is held by 2 networks", kDupFirst, kDupSecond};
    QTest::newRow("unknown network name") << QStringList{"show", "network", "nobody"} << 1 << QStringList{}
                                          << QStringList{"HCN_E_NETWORK_NOT_FOUND", "No network named \"nobody\""};
    QTest::newRow("unknown endpoint name") << QStringList{"show", "endpoint", "Backend"} << 1 << QStringList{}
                                           << QStringList{"HCN_E_ENDPOINT_NOT_FOUND", "No endpoint named \"Backend\""};
    QTest::newRow("endpoint by name") << QStringList{"--json", "show", "endpoint", "POD-A"} << 0
                                      << QStringList{kPod, "pod-a"} << QStringList{};
    QTest::newRow("an ID in braces still reads as the ID")
        << QStringList{"--json", "show", "network", "{" + kBackend.toLower() + "}"} << 0 << QStringList{kBackend}
        << QStringList{};
    QTest::newRow("delete by name reaches the read-only host")
        << QStringList{"delete", "network", "backend"} << 1 << QStringList{} << QStringList{"E_ACCESSDENIED"};
    QTest::newRow("delete an unknown name") << QStringList{"delete", "network", "nobody"} << 1
                                            << QStringList{} << QStringList{"No network named \"nobody\""};
    QTest::newRow("modify an ambiguous name")
        << QStringList{"modify", "network", "dup", "-f", "DOCUMENT"} << 1 << QStringList{}
        << QStringList{"is held by 2 networks"};
    QTest::newRow("create --network by name reaches the read-only host")
        << QStringList{"create", "endpoint", "--network", "backend", "-f", "DOCUMENT"} << 1 << QStringList{}
        << QStringList{"E_ACCESSDENIED"};
    QTest::newRow("create --network with an unknown name")
        << QStringList{"create", "endpoint", "--network", "nobody", "-f", "DOCUMENT"} << 1 << QStringList{}
        << QStringList{"No network named \"nobody\""};
    QTest::newRow("create --network with an ambiguous name")
        << QStringList{"create", "endpoint", "--network", "dup", "-f", "DOCUMENT"} << 1 << QStringList{}
        << QStringList{"is held by 2 networks", kDupFirst};
}

void TestHcnctlSnapshot::namesStandForIds()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QStringList, outHas);
    QFETCH(QStringList, errHas);

    const QString snapshot = m_dir.filePath("named.json");
    QVERIFY(writeFile(snapshot, namedSnapshot()));
    args.replaceInStrings(QRegularExpression("^DOCUMENT$"), m_document);
    const CtlRun run = runCtl(QStringList{"--snapshot", snapshot} + args);
    QVERIFY2(run.exitCode == exitCode, qPrintable(QString::number(run.exitCode) + run.out + run.err));
    for (const QString& text : outHas)
        QVERIFY2(run.out.contains(text), qPrintable(text + " missing from: " + run.out));
    for (const QString& text : errHas)
        QVERIFY2(run.err.contains(text), qPrintable(text + " missing from: " + run.err));
}

QTEST_GUILESS_MAIN(TestHcnctlSnapshot)
#include "tst_hcnctlsnapshot.moc"
