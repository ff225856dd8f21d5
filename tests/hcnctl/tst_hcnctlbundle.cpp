// hcnctl bundle: the real binary writes bug-report bundles of a running hcnd, an embedded engine and a
// snapshot file; they re-open with --snapshot, import and diff; --redact with a key file gives the same
// pseudonyms twice and a mapping beside (never inside) the bundle; exit statuses as the other commands.

#include "hcnctl_runner.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

namespace {

QString checksHost(const QString& name)
{
    return testDataFile(QStringLiteral("checks"), name);
}

const QByteArray kNatNetwork = R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"bundle-nat","Type":"NAT",
  "Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"172.31.7.0/24"}]}]})";

} // namespace

class TestHcnctlBundle : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void exitStatus_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        const QString host = checksHost("faulty-host.json");
        const QString out = m_dir.filePath("status.zip");
        QTest::newRow("snapshot to zip: 0") << QStringList{"--snapshot", host, "bundle", out} << 0;
        QTest::newRow("embedded to tar.gz: 0") << QStringList{"--embedded", "bundle", m_dir.filePath("e.tar.gz")} << 0;
        QTest::newRow("no OUT: 2") << QStringList{"--snapshot", host, "bundle"} << 2;
        QTest::newRow("two OUTs: 2") << QStringList{"--snapshot", host, "bundle", out, out} << 2;
        QTest::newRow("unknown suffix: 2") << QStringList{"--snapshot", host, "bundle", m_dir.filePath("x.rar")} << 2;
        QTest::newRow("mapping without redact: 2")
            << QStringList{"--snapshot", host, "bundle", "--mapping", m_dir.filePath("m.json"), out} << 2;
        QTest::newRow("severity is not a bundle option: 2")
            << QStringList{"--snapshot", host, "bundle", "--severity", "error", out} << 2;
        QTest::newRow("missing key file: 1")
            << QStringList{"--snapshot", host, "bundle", "--redact", "--key-file", "/nonexistent/key", out} << 1;
        QTest::newRow("missing snapshot: 1") << QStringList{"--snapshot", "/nonexistent/h.json", "bundle", out} << 1;
        QTest::newRow("unwritable OUT: 4")
            << QStringList{"--snapshot", host, "bundle", "/nonexistent/dir/out.zip"} << 4;
        QTest::newRow("unreachable service: 3")
            << QStringList{"--socket", "/nonexistent/hcnd.sock", "bundle", out} << 3;
    }
    void exitStatus()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        const CtlRun run = runCtl(args);
        QVERIFY2(run.exitCode == exitCode, qPrintable(QString::number(run.exitCode) + run.err + run.out));
        if (exitCode != 0)
            QVERIFY2(run.err.startsWith("hcnctl: "), qPrintable(run.err));
    }

    void bundleReopensAsTheSameHost()
    {
        const QString host = checksHost("warnings-host.json");
        const QString out = m_dir.filePath("reopen.tar.gz");
        const CtlRun written = runCtl({"--snapshot", host, "bundle", out});
        QVERIFY2(written.exitCode == 0, qPrintable(written.err));
        QVERIFY(written.out.startsWith("Wrote "));
        QCOMPARE(runCtl({"diff", out, host}).exitCode, 0);
        QCOMPARE(runCtl({"--snapshot", out, "diff", "live", host}).exitCode, 0);
        const CtlRun listed = runCtl({"--snapshot", out, "list", "networks"});
        QCOMPARE(listed.exitCode, 0);
        // The same rows (a snapshot lists objects in the order its file gives them).
        QStringList rows = listed.out.split('\n'), expected = runCtl({"--snapshot", host, "list", "networks"}).out.split('\n');
        rows.sort();
        expected.sort();
        QCOMPARE(rows, expected);
        const CtlRun imported = runCtl({"import", out});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY2(imported.err.contains("bug-report bundle"), qPrintable(imported.err));
        QCOMPARE(runCtl({"--snapshot", out, "check"}).out, runCtl({"--snapshot", host, "check"}).out);
    }

    void serviceHostBundled()
    {
        HcndService service;
        QVERIFY(service.start());
        const QStringList socket{"--socket", service.socketPath()};
        const QString network = service.filePath("net.json");
        QVERIFY(writeFile(network, kNatNetwork));
        QCOMPARE(runCtl(socket + QStringList{"create", "network", "-f", network}).exitCode, 0);
        const QString out = m_dir.filePath("service.zip");
        const CtlRun written = runCtl(socket + QStringList{"bundle", out});
        QVERIFY2(written.exitCode == 0, qPrintable(written.err));
        QCOMPARE(runCtl(socket + QStringList{"diff", out, "live"}).exitCode, 0);
        const CtlRun listed = runCtl({"--snapshot", out, "list", "networks"});
        QVERIFY(listed.out.contains("bundle-nat"));
    }

    void redactedWithKeyFileIsRepeatable()
    {
        const QString host = checksHost("faulty-host.json");
        const QString key = m_dir.filePath("key.txt");
        QVERIFY(writeFile(key, "correct horse battery staple\n"));
        const QString first = m_dir.filePath("r1.zip"), second = m_dir.filePath("r2.zip");
        const QString mapping = m_dir.filePath("mapping.json");
        const CtlRun run = runCtl({"--snapshot", host, "bundle", "--redact", "--key-file", key, "--mapping", mapping, first});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains("redacted"));
        QCOMPARE(runCtl({"--snapshot", host, "bundle", "--redact", "--key-file", key, second}).exitCode, 0);

        // Same key: the same hosts (the diff sees no difference); names and addresses are gone.
        QCOMPARE(runCtl({"diff", first, second}).exitCode, 0);
        const CtlRun listed = runCtl({"--snapshot", first, "list", "networks"});
        QVERIFY(listed.out.contains("network-"));
        QVERIFY(!listed.out.contains("vxlan0"));
        QVERIFY(!listed.out.contains("10.244.1.0/24"));

        // The mapping translates back; the bundle holds no part of it.
        const QJsonObject map = QJsonDocument::fromJson(readFile(mapping)).object();
        QVERIFY(map.value("Names").toObject().contains("vxlan0"));
        QVERIFY(map.value("IPv4").toObject().contains("10.244.1.5"));
        const QString pseudonym = map.value("Names").toObject().value("vxlan0").toString();
        QVERIFY(listed.out.contains(pseudonym));

        // The checks find the same problems (same rule counts in the summary line).
        const QString summary = runCtl({"--snapshot", host, "check"}).out.section('\n', -2);
        QCOMPARE(runCtl({"--snapshot", first, "check"}).out.section('\n', -2), summary);
    }

    void helpListsTheCommand()
    {
        QVERIFY(runCtl({"--help"}).out.contains("bundle [--redact] OUT"));
        const CtlRun help = runCtl({"bundle", "--help"});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--key-file FILE"));
        QVERIFY(help.out.contains("--mapping FILE"));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestHcnctlBundle)
#include "tst_hcnctlbundle.moc"
