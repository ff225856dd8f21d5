// hcnctl --library: the real hcnctl binary talking to HCN through a computenetwork library loaded at run
// time, the way hcnctl.exe talks to Windows' computenetwork.dll. The library is our libcomputenetwork.so
// pointed (HCN_SERVICE_SOCKET) at a real hcnd, so the state outlives each hcnctl process and another
// client's changes reach the library's callback and the poller: the whole client path except the OS.

#include "hcnctl_runner.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QtTest>

namespace {

const QByteArray kNatNetwork = R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"lib-nat","Type":"NAT",
  "Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"172.31.0.0/24"}]}]})";

} // namespace

class TestHcnctlLibrary : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void readsMatchTheSocket_data();
    void readsMatchTheSocket();
    void writesReachTheService();
    void failuresCarryTheHresult();
    void eventsIncludePolledChanges();
    void defaultLibraryIsSearchedForByName();
    void badLibraryIsAClearError_data();
    void badLibraryIsAClearError();
    void libraryExcludesOtherBackends();

private:
    /// hcnctl with --library LIB, its library talking to the test's hcnd.
    CtlRun runLibrary(const QStringList& args, const QStringList& libraryArgs = {"--library", HCN_TEST_LIBRARY})
    {
        return runCtl(libraryArgs + args, {}, libraryOptions());
    }
    CtlRun runSocket(const QStringList& args)
    {
        return runCtl(QStringList{"--socket", m_service.socketPath()} + args);
    }
    ChildProcess::Options libraryOptions() const
    {
        ChildProcess::Options options = ctlOptions();
        options.environment.emplace_back("HCN_SERVICE_SOCKET", m_service.socketPath().toStdString());
        return options;
    }
    QString createNetwork(const QByteArray& document)
    {
        static int counter = 0;
        const QString file = m_service.filePath(QStringLiteral("network-%1.json").arg(++counter));
        if (!writeFile(file, document))
            return {};
        return createdId(runSocket({"create", "network", "-f", file}));
    }

    HcndService m_service;
    QString m_networkId;
};

void TestHcnctlLibrary::initTestCase()
{
    QVERIFY(m_service.start());
    m_networkId = createNetwork(kNatNetwork);
    QVERIFY(!m_networkId.isEmpty());
}

void TestHcnctlLibrary::readsMatchTheSocket_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("list all") << QStringList{"list", "all"};
    QTest::newRow("list networks as JSON") << QStringList{"--json", "list", "networks"};
    QTest::newRow("show a network") << QStringList{"--json", "show", "network", "@NET@"};
    QTest::newRow("show a network by its name") << QStringList{"--json", "show", "network", "lib-nat"};
    QTest::newRow("show a network by its name in another case")
        << QStringList{"--json", "show", "network", "LIB-NAT"};
    QTest::newRow("check") << QStringList{"check"};
    QTest::newRow("a raw call") << QStringList{"call", "HcnEnumerateNetworks"};
}

void TestHcnctlLibrary::readsMatchTheSocket()
{
    QFETCH(QStringList, args);
    args.replaceInStrings("@NET@", m_networkId);
    const CtlRun viaLibrary = runLibrary(args);
    const CtlRun viaSocket = runSocket(args);
    QCOMPARE(viaLibrary.exitCode, viaSocket.exitCode);
    QVERIFY2(viaLibrary.exitCode == 0, qPrintable(viaLibrary.err));
    QCOMPARE(viaLibrary.out, viaSocket.out);
    QVERIFY(viaLibrary.out.contains(m_networkId, Qt::CaseInsensitive) || args.contains("check"));
}

void TestHcnctlLibrary::writesReachTheService()
{
    const QString file = m_service.filePath("written.json");
    QVERIFY(writeFile(file, R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"lib-written","Type":"NAT"})"));
    const CtlRun created = runLibrary({"create", "network", "-f", file});
    QVERIFY2(created.exitCode == 0, qPrintable(created.err));
    const QString id = createdId(created);
    QVERIFY(!id.isEmpty());
    QVERIFY(runSocket({"list", "networks"}).out.contains("lib-written"));
    QCOMPARE(runLibrary({"delete", "network", id}).exitCode, 0);
    QVERIFY(!runSocket({"list", "networks"}).out.contains("lib-written"));
}

void TestHcnctlLibrary::failuresCarryTheHresult()
{
    const QStringList args{"show", "network", "00000000-0000-0000-0000-00000000dead"};
    const CtlRun viaLibrary = runLibrary(args);
    const CtlRun viaSocket = runSocket(args);
    QCOMPARE(viaLibrary.exitCode, 1);
    QCOMPARE(viaLibrary.exitCode, viaSocket.exitCode);
    QVERIFY2(viaLibrary.err.contains("HCN_E_NETWORK_NOT_FOUND (0x803B0001)"), qPrintable(viaLibrary.err));
    QCOMPARE(viaLibrary.err, viaSocket.err);
}

void TestHcnctlLibrary::eventsIncludePolledChanges()
{
    ChildProcess watcher;
    QVERIFY(watcher.start(HCNCTL_PATH,
                          toArgs({"--library", HCN_TEST_LIBRARY, "events", "--json", "--duration", "60"}),
                          libraryOptions()));
    QByteArray err;
    QTRY_VERIFY_WITH_TIMEOUT(
        (err += QByteArray::fromStdString(watcher.readStderr())).contains("listening for events on library"), 20000);

    // An endpoint create is never reported by HCN's callback: the poller finds it (every 2 s).
    const QString file = m_service.filePath("endpoint.json");
    QVERIFY(writeFile(file, R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"lib-polled"})"));
    const CtlRun created = runSocket({"create", "endpoint", "--network", m_networkId, "-f", file});
    QVERIFY2(created.exitCode == 0, qPrintable(created.err));
    const QString endpointId = createdId(created);

    QByteArray out;
    auto sawEndpoint = [&] {
        out += QByteArray::fromStdString(watcher.readStdout());
        for (const QByteArray& line : out.split('\n')) {
            const QJsonObject event = QJsonDocument::fromJson(line).object();
            if (event.value("TypeName").toString() == "HcnExtEndpointCreate" &&
                event.value("Id").toString().compare(endpointId, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    };
    QTRY_VERIFY2_WITH_TIMEOUT(sawEndpoint(), out.constData(), 20000);
    watcher.terminate();
    QVERIFY(watcher.waitForExit(20000));
    QCOMPARE(runSocket({"delete", "endpoint", endpointId}).exitCode, 0);
}

void TestHcnctlLibrary::defaultLibraryIsSearchedForByName()
{
    // --library alone loads libcomputenetwork.so from the search path (computenetwork.dll on Windows).
    ChildProcess::Options options = libraryOptions();
    options.environment.emplace_back("LD_LIBRARY_PATH", QFileInfo(HCN_TEST_LIBRARY).path().toStdString());
    const CtlRun run = runCtl({"--library", "list", "networks"}, {}, options);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains("lib-nat"));
}

void TestHcnctlLibrary::badLibraryIsAClearError_data()
{
    QTest::addColumn<QString>("library");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing") << "/nonexistent/libcomputenetwork.so" << "0x8007007E";
    QTest::newRow("not a computenetwork") << "libm.so.6" << "does not export HcnEnumerateNetworks";
}

void TestHcnctlLibrary::badLibraryIsAClearError()
{
    QFETCH(QString, library);
    QFETCH(QString, expected);
    const CtlRun run = runLibrary({"list", "all"}, {"--library=" + library});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(expected) && run.err.contains(library), qPrintable(run.err));
}

void TestHcnctlLibrary::libraryExcludesOtherBackends()
{
    const CtlRun run = runLibrary({"--embedded", "list", "all"});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--library excludes"), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestHcnctlLibrary)
#include "tst_hcnctllibrary.moc"
