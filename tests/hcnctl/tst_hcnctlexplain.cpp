// `hcnctl explain`, the error decoder, as a user runs it (the real binary, no service), and the meaning
// line hcnctl adds under every failed call.

#include "hcn/error_catalog.h"
#include "hcnctl_runner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest>

class TestHcnctlExplain : public QObject
{
    Q_OBJECT

private slots:
    void explainsCodes_data();
    void explainsCodes();
    void allExplainsTheWholeCatalog();
    void jsonCarriesEveryPart();
    void failedCallPointsAtExplain_data();
    void failedCallPointsAtExplain();
};

void TestHcnctlExplain::explainsCodes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("stdoutHas");
    QTest::addColumn<QString>("stderrPattern");

    const QStringList portText{"HCN_E_PORT_ALREADY_EXISTS (0x803B0013, -2143617005)",
                               "Message:  The specified port already exists.",
                               "Causes:",
                               "Checks:",
                               "orphaned load balancer",
                               "hnsdiag list loadbalancers"};
    QTest::newRow("hex code: name, message, meaning, causes and checks")
        << QStringList{"explain", "0x803B0013"} << 0 << portText << "^$";
    QTest::newRow("signed decimal as PowerShell shows it")
        << QStringList{"explain", "-2143617005"} << 0 << portText << "^$";
    QTest::newRow("HNS_ name from a support note")
        << QStringList{"explain", "HNS_PORT_ALREADY_EXISTS"} << 0 << portText << "^$";
    QTest::newRow("several codes, one block each")
        << QStringList{"explain", "0x803B002F", "80070490", "E_INVALIDARG"} << 0
        << QStringList{"HCN_E_ADDR_INVALID_OR_RESERVED", "ERROR_NOT_FOUND (0x80070490", "E_INVALIDARG"}
        << "^$";
    QTest::newRow("unknown Win32 code: decoded, exit 1")
        << QStringList{"explain", "0x800704D2"} << 1
        << QStringList{"0x800704D2 (-2147023662): not in the error catalog", "FACILITY_WIN32",
                       "Win32 error 1234", "net helpmsg 1234"}
        << "^$";
    QTest::newRow("one unknown among known codes: exit 1")
        << QStringList{"explain", "0x803B0001", "0x803B00FF"} << 1
        << QStringList{"HCN_E_NETWORK_NOT_FOUND", "0x803B00FF", "newer than this catalog"} << "^$";
    QTest::newRow("unreadable code: usage error naming it")
        << QStringList{"explain", "0x803B0001", "port-exists"} << 2 << QStringList{}
        << "^hcnctl: \"port-exists\" is not an error code.*\nTry 'hcnctl explain --help'";
    QTest::newRow("no code: usage error")
        << QStringList{"explain"} << 2 << QStringList{} << "^hcnctl: explain needs at least one CODE";
    QTest::newRow("missing library: what --library needs and how to check")
        << QStringList{"explain", "0x8007007E"} << 0
        << QStringList{"ERROR_MOD_NOT_FOUND (0x8007007E, -2147024770)",
                       "Message:  The specified module could not be found.", "computenetwork.dll",
                       "Containers", "Test-Path"}
        << "^$";
    QTest::newRow("missing function: an older Windows or another library")
        << QStringList{"explain", "ERROR_PROC_NOT_FOUND"} << 0
        << QStringList{"ERROR_PROC_NOT_FOUND (0x8007007F, -2147024769)",
                       "Message:  The specified procedure could not be found.", "predates", "dumpbin /exports"}
        << "^$";
    QTest::newRow("Win32 error 5010 as hcsshim logs it: the object already exists")
        << QStringList{"explain", "0x80071392"} << 0
        << QStringList{"ERROR_OBJECT_ALREADY_EXISTS (0x80071392, -2147019886)",
                       "Message:  The object already exists.", "Remove-HnsEndpoint"}
        << "^$";
    QTest::newRow("an HCS code beside HNS's: the compute system does not exist")
        << QStringList{"explain", "0xC037010E"} << 0
        << QStringList{"HCS_E_SYSTEM_NOT_FOUND (0xC037010E, -1070137074)", "not one of HNS",
                       "A Compute System with the specified identifier does not exist."}
        << "^$";
    QTest::newRow("an HCS code of a container whose utility VM did not answer")
        << QStringList{"explain", "0xc0370108"} << 0
        << QStringList{"HCS_E_CONNECT_FAILED (0xC0370108, -1070137080)", "not one of HNS",
                       "A connection could not be established with the container or virtual machine.",
                       "hosting the Container", "hcsdiag list"}
        << "^$";
    QTest::newRow("an HCS code the catalog does not name: said to be HCS's")
        << QStringList{"explain", "0xC0370199"} << 1
        << QStringList{"not in the error catalog", "HCS (compute system, 0x37)", "not one of HNS"} << "^$";
    const QStringList sharingViolation{
        "ERROR_SHARING_VIOLATION (0x80070020, -2147024864)",
        "Message:  The process cannot access the file because it is being used by another process.",
        "host port is already in use by another process", "excludedportrange", "Get-NetTCPConnection"};
    QTest::newRow("sharing violation: a port mapping's host port in use by another process")
        << QStringList{"explain", "0x80070020"} << 0 << sharingViolation << "^$";
    QTest::newRow("sharing violation by its Win32 number as hcsshim logs it (0x20)")
        << QStringList{"explain", "32"} << 0 << sharingViolation << "^$";
    QTest::newRow("device not ready: named, with the switch to look at")
        << QStringList{"explain", "0x80070015"} << 0
        << QStringList{"ERROR_NOT_READY (0x80070015, -2147024875)", "Message:  The device is not ready.",
                       "Get-VMSwitchExtension", "HNS-Network-Create"}
        << "^$";
    QTest::newRow("invalid policy: Windows' own message text")
        << QStringList{"explain", "0x803B000D"} << 0
        << QStringList{"HCN_E_INVALID_POLICY (0x803B000D, -2143617011)",
                       "Message:  The provided policy configuration is invalid or missing parameters."}
        << "^$";
    QTest::newRow("help page lists the spellings")
        << QStringList{"explain", "--help"} << 0 << QStringList{"-2143617005", "hr::", "Exit status 0"}
        << "^$";
}

void TestHcnctlExplain::explainsCodes()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QStringList, stdoutHas);
    QFETCH(QString, stderrPattern);

    const CtlRun run = runCtl(args);
    QCOMPARE(run.exitCode, exitCode);
    for (const QString& text : stdoutHas)
        QVERIFY2(run.out.contains(text), qPrintable(text + "\n---\n" + run.out));
    QVERIFY2(QRegularExpression(stderrPattern).match(run.err).hasMatch(), qPrintable(run.err));
    if (exitCode == 2)
        QVERIFY(run.out.isEmpty());
}

void TestHcnctlExplain::allExplainsTheWholeCatalog()
{
    const CtlRun run = runCtl({"explain", "all"});
    QCOMPARE(run.exitCode, 0);
    for (hcn::HResult code : hcn::catalogedHResults()) {
        const std::string_view name = hcn::hresultName(code);
        const QString heading = QStringLiteral("\n%1 (%2,")
                                    .arg(QString::fromLatin1(name.data(), name.size()),
                                         QString::fromStdString(hcn::hresultHex(code)));
        QVERIFY2(("\n" + run.out).contains(heading), qPrintable(heading));
    }
}

void TestHcnctlExplain::jsonCarriesEveryPart()
{
    const CtlRun run = runCtl({"--json", "explain", "2151350291", "0x80991234"});
    QCOMPARE(run.exitCode, 1);
    const QJsonArray all = QJsonDocument::fromJson(run.out.toUtf8()).array();
    QCOMPARE(all.size(), 2);

    const QJsonObject port = all[0].toObject();
    QCOMPARE(port.value("HResult").toString(), QStringLiteral("0x803B0013"));
    QCOMPARE(port.value("Code").toInteger(), qint64(-2143617005));
    QCOMPARE(port.value("Unsigned").toInteger(), qint64(2151350291));
    QCOMPARE(port.value("Known").toBool(), true);
    QCOMPARE(port.value("Name").toString(), QStringLiteral("HCN_E_PORT_ALREADY_EXISTS"));
    QCOMPARE(port.value("Constant").toString(), QStringLiteral("hr::PortAlreadyExists"));
    QCOMPARE(port.value("Message").toString(), QStringLiteral("The specified port already exists."));
    QVERIFY(!port.value("Meaning").toString().isEmpty());
    QVERIFY(!port.value("Causes").toArray().isEmpty());
    QVERIFY(!port.value("Checks").toArray().isEmpty());
    QCOMPARE(port.value("Facility").toObject().value("Number").toInt(), 0x3B);
    QCOMPARE(port.value("FacilityCode").toInt(), 0x13);

    const QJsonObject unknown = all[1].toObject();
    QCOMPARE(unknown.value("Known").toBool(), false);
    QCOMPARE(unknown.value("Name").toString(), QString());
    QCOMPARE(unknown.value("Severity").toString(), QStringLiteral("Error"));
    QCOMPARE(unknown.value("Facility").toObject().value("Name").toString(),
             QStringLiteral("facility 0x99 (153)"));
    QCOMPARE(unknown.value("FacilityCode").toInt(), 0x1234);
}

void TestHcnctlExplain::failedCallPointsAtExplain_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("firstLine");
    QTest::addColumn<QString>("secondLine");
    QTest::newRow("missing network: meaning and the explain command")
        << QStringList{"--embedded", "show", "network", "5A1E0000-0000-4000-8000-00000000E404"}
        << "hcnctl: HCN_E_NETWORK_NOT_FOUND (0x803B0001): The network was not found."
        << "hcnctl: The network named in the call does not exist on the host. Run `hcnctl explain "
           "0x803B0001` "
           "for causes and checks.";
    QTest::newRow("read-only snapshot: access denied explained")
        << QStringList{"--snapshot", "SNAPSHOT", "delete", "network", "5A1E0000-0000-4000-8000-00000000E404"}
        << "hcnctl: E_ACCESSDENIED (0x80070005): Access is denied."
        << "hcnctl: The caller may not do this: not elevated, not authorised, or the host is read-only. Run "
           "`hcnctl explain 0x80070005` for causes and checks.";
    QTest::newRow("missing library: meaning and the explain command")
        << QStringList{"--library=/nonexistent/libcomputenetwork.so", "list", "networks"}
        << "hcnctl: ERROR_MOD_NOT_FOUND (0x8007007E): "
        << "hcnctl: ERROR_MOD_NOT_FOUND: a library (DLL) could not be loaded; for `hcnctl --library`, "
           "computenetwork.dll (or the PATH given) is missing, or a library it depends on is. Run `hcnctl "
           "explain 0x8007007E` for causes and checks.";
}

void TestHcnctlExplain::failedCallPointsAtExplain()
{
    QFETCH(QStringList, args);
    QFETCH(QString, firstLine);
    QFETCH(QString, secondLine);
    QTemporaryDir dir;
    const QString snapshot = dir.filePath("host.json");
    QVERIFY(writeFile(snapshot, R"({"Networks":[],"Endpoints":[]})"));
    args.replaceInStrings(QRegularExpression("^SNAPSHOT$"), snapshot);

    const CtlRun run = runCtl(args);
    QCOMPARE(run.exitCode, 1);
    const QStringList lines = run.err.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines[0].startsWith(firstLine), qPrintable(lines[0]));
    QCOMPARE(lines[1], secondLine);
}

QTEST_GUILESS_MAIN(TestHcnctlExplain)
#include "tst_hcnctlexplain.moc"
