// hcnctl record against a real hcnd (docs/recordings.md): a recording made while another hcnctl creates
// and deletes objects lists those changes with their times, re-opens at any moment with --snapshot, and
// two moments of it diff into exactly what changed; polling records a change too; Ctrl-C, the duration
// and the limit finish the file, a killed recorder leaves a file that still opens and says it was cut.

#include "hcnctl_runner.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>
#include <csignal>

namespace {

QByteArray natNetwork(const QString& name, int subnet)
{
    return QStringLiteral(R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"%1","Type":"NAT",
  "Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"172.31.%2.0/24"}]}]})")
        .arg(name)
        .arg(subnet)
        .toUtf8();
}

} // namespace

class TestHcnctlRecord : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void recordingOfAnotherProcessesChanges();
    void pollingRecordsAChange();
    void durationEndsTheRecording();
    void killedRecorderLeavesAFileThatOpens();
    void usageErrors_data();
    void usageErrors();

private:
    QStringList ctl(const QStringList& args) const
    {
        return QStringList{"--socket", m_service.socketPath()} + args;
    }
    CtlRun run(const QStringList& args) const { return runCtl(ctl(args)); }
    QString createNetwork(const QString& name, int subnet);
    /// Starts `hcnctl record` with `args` and waits until it records (the test fails when it does not).
    void startRecorder(ChildProcess& recorder, const QStringList& args);
    /// The changes `record --list --json` lists.
    QJsonArray listedChanges(const QString& recording);

    HcndService m_service;
};

void TestHcnctlRecord::initTestCase()
{
    QVERIFY(m_service.start());
}

QString TestHcnctlRecord::createNetwork(const QString& name, int subnet)
{
    const QString file = m_service.filePath(name + ".json");
    if (!writeFile(file, natNetwork(name, subnet)))
        return {};
    const CtlRun created = run({"create", "network", "-f", file});
    if (created.exitCode != 0)
        qWarning("create failed: %s", qPrintable(created.err));
    return createdId(created).toUpper(); // as recordings and diffs spell IDs
}

void TestHcnctlRecord::startRecorder(ChildProcess& recorder, const QStringList& args)
{
    QVERIFY(recorder.start(HCNCTL_PATH, toArgs(ctl(args)), ctlOptions()));
    QByteArray err;
    QTRY_VERIFY_WITH_TIMEOUT(
        (err += QByteArray::fromStdString(recorder.readStderr())).contains("hcnctl: recording "), 20000);
}

QJsonArray TestHcnctlRecord::listedChanges(const QString& recording)
{
    const CtlRun listed = runCtl({"record", "--list", recording, "--json"});
    if (listed.exitCode != 0)
        qWarning("record --list failed: %s", qPrintable(listed.err));
    return parseObject(listed.out).value("Changes").toArray();
}

void TestHcnctlRecord::recordingOfAnotherProcessesChanges()
{
    const QString before = createNetwork("rec-before", 1);
    QVERIFY(!before.isEmpty());
    const QString recording = m_service.filePath("changes.hcnrec");
    ChildProcess recorder;
    startRecorder(recorder, {"record", recording});
    if (QTest::currentTestFailed())
        return;

    const QString added = createNetwork("rec-added", 2);
    QVERIFY(!added.isEmpty());
    QCOMPARE(run({"delete", "network", before}).exitCode, 0);

    // Ctrl-C finishes the file and prints the summary. Wait for the delete to be recorded first.
    QTRY_VERIFY_WITH_TIMEOUT(readFile(recording).contains("HcnNotificationNetworkDelete"), 20000);
    QVERIFY(recorder.signal(SIGINT));
    QVERIFY(recorder.waitForExit(20000));
    QCOMPARE(recorder.exitCode(), 0);
    const QString summary = QString::fromStdString(recorder.readStdout());
    QVERIFY2(summary.startsWith("Recorded ") && summary.contains("ended: interrupted") &&
                 summary.contains("events") && summary.contains(recording),
             qPrintable(summary));

    // The list names both changes with their times, in order.
    const CtlRun list = runCtl({"record", "--list", recording});
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.out.contains("capture   events"), qPrintable(list.out));
    QVERIFY2(list.out.contains("(interrupted)"), qPrintable(list.out));
    const QStringList lines = list.out.split('\n');
    const int createLine =
        lines.indexOf(QRegularExpression(".*HcnNotificationNetworkCreate  Network " + added + ".*"));
    const int deleteLine =
        lines.indexOf(QRegularExpression(".*HcnNotificationNetworkDelete  Network " + before + ".*"));
    QVERIFY2(createLine > 0 && deleteLine > createLine, qPrintable(list.out));
    QVERIFY2(
        QRegularExpression("^#\\d+  \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z  \\+\\d+\\.\\d  ")
            .match(lines[createLine])
            .hasMatch(),
        qPrintable(lines[createLine]));

    int createNumber = 0;
    QString createTime;
    for (const QJsonValue& value : listedChanges(recording)) {
        const QJsonObject change = value.toObject();
        if (change.value("Type").toString() == "HcnNotificationNetworkCreate" &&
            change.value("ID").toString() == added) {
            createNumber = change.value("Change").toInt();
            createTime = change.value("Time").toString();
        }
    }
    QVERIFY(createNumber > 0);

    // The host at a moment: after the create both networks are there, at the end only the new one.
    const CtlRun atCreate =
        runCtl({"--snapshot", recording + "#" + QString::number(createNumber), "list", "networks"});
    QCOMPARE(atCreate.exitCode, 0);
    QVERIFY2(atCreate.out.contains("rec-before") && atCreate.out.contains("rec-added"),
             qPrintable(atCreate.out));
    QVERIFY2(atCreate.err.contains("the host after change " + QString::number(createNumber)),
             qPrintable(atCreate.err));
    const CtlRun atTime = runCtl({"--snapshot", recording + "@" + createTime, "list", "networks"});
    QCOMPARE(atTime.exitCode, 0);
    QVERIFY2(atTime.out.contains("rec-before") && atTime.out.contains("rec-added"), qPrintable(atTime.out));
    const CtlRun atEnd = runCtl({"--snapshot", recording, "list", "networks"});
    QCOMPARE(atEnd.exitCode, 0);
    QVERIFY2(!atEnd.out.contains("rec-before") && atEnd.out.contains("rec-added"), qPrintable(atEnd.out));
    const CtlRun atStart = runCtl({"--snapshot", recording + "@+0", "show", "network", "rec-before"});
    QCOMPARE(atStart.exitCode, 0);

    // Two moments diff into what changed between them.
    const CtlRun whole = runCtl({"diff", recording + "#0", recording});
    QCOMPARE(whole.exitCode, 1);
    QVERIFY2(whole.out.contains("+ network rec-added (" + added + ")"), qPrintable(whole.out));
    QVERIFY2(whole.out.contains("- network rec-before (" + before + ")"), qPrintable(whole.out));
    const CtlRun firstPart =
        runCtl({"diff", recording + "@+0", recording + "#" + QString::number(createNumber)});
    QCOMPARE(firstPart.exitCode, 1);
    QVERIFY2(firstPart.out.contains("+ network rec-added") && !firstPart.out.contains("rec-before"),
             qPrintable(firstPart.out));
    const CtlRun same =
        runCtl({"diff", recording + "#" + QString::number(createNumber), recording + "@" + createTime});
    QCOMPARE(same.exitCode, 0);
    QCOMPARE(run({"delete", "network", added}).exitCode, 0);
}

void TestHcnctlRecord::pollingRecordsAChange()
{
    const QString recording = m_service.filePath("polled.hcnrec");
    ChildProcess recorder;
    startRecorder(recorder,
                  {"record", recording, "--poll", "0.2", "--max-changes", "1", "--duration", "120"});
    if (QTest::currentTestFailed())
        return;
    const QString added = createNetwork("rec-polled", 3);
    QVERIFY(!added.isEmpty());
    // The first poll after the create finds it and the limit ends the recording.
    QVERIFY(recorder.waitForExit(60000));
    QCOMPARE(recorder.exitCode(), 0);
    const QString summary = QString::fromStdString(recorder.readStdout());
    QVERIFY2(summary.contains("Recorded 1 change ") && summary.contains("polling every 200 ms") &&
                 summary.contains("ended: max-changes"),
             qPrintable(summary));

    const CtlRun list = runCtl({"record", "--list", recording});
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.out.contains("capture   polling every 200 ms"), qPrintable(list.out));
    QVERIFY2(list.out.contains("HcnNotificationNetworkCreate  Network " + added + "  (polled)"),
             qPrintable(list.out));
    const CtlRun diff = runCtl({"diff", recording + "#0", recording + "#1"});
    QCOMPARE(diff.exitCode, 1);
    QVERIFY2(diff.out.contains("+ network rec-polled (" + added + ")"), qPrintable(diff.out));
    QCOMPARE(run({"delete", "network", added}).exitCode, 0);
}

void TestHcnctlRecord::durationEndsTheRecording()
{
    const QString recording = m_service.filePath("short.hcnrec");
    const CtlRun recorded = run({"record", recording, "--duration", "0.3", "--json"});
    QCOMPARE(recorded.exitCode, 0);
    const QJsonObject summary = parseObject(recorded.out);
    QCOMPARE(summary.value("Reason").toString(), QStringLiteral("duration"));
    QCOMPARE(summary.value("Changes").toInt(), 0);
    QCOMPARE(summary.value("File").toString(), recording);
    QCOMPARE(qint64(summary.value("Bytes").toInteger()), QFileInfo(recording).size());
    const CtlRun list = runCtl({"record", "--list", recording});
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.out.contains("No changes."), qPrintable(list.out));
    QVERIFY2(list.err.isEmpty(), qPrintable(list.err));
}

void TestHcnctlRecord::killedRecorderLeavesAFileThatOpens()
{
    const QString recording = m_service.filePath("killed.hcnrec");
    ChildProcess recorder;
    startRecorder(recorder, {"record", recording});
    if (QTest::currentTestFailed())
        return;
    const QString added = createNetwork("rec-killed", 4);
    QVERIFY(!added.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(readFile(recording).contains("HcnNotificationNetworkCreate"), 20000);
    QVERIFY(recorder.kill());

    const CtlRun list = runCtl({"record", "--list", recording});
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.err.contains("it was cut"), qPrintable(list.err));
    QVERIFY2(list.out.contains("none: cut") && list.out.contains(added), qPrintable(list.out));
    const CtlRun atEnd = runCtl({"--snapshot", recording, "list", "networks"});
    QCOMPARE(atEnd.exitCode, 0);
    QVERIFY2(atEnd.out.contains("rec-killed"), qPrintable(atEnd.out));
    QVERIFY2(atEnd.err.contains("it was cut"), qPrintable(atEnd.err));
    QCOMPARE(run({"delete", "network", added}).exitCode, 0);
}

void TestHcnctlRecord::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("no file") << QStringList{"record"} << 2 << "record needs the file to write: OUT";
    QTest::newRow("two files") << QStringList{"record", "a", "b"} << 2 << "record needs the file to write";
    QTest::newRow("standard output") << QStringList{"record", "-"} << 2 << "not standard output";
    QTest::newRow("a snapshot never changes") << QStringList{"--snapshot", "x.json", "record", "out.hcnrec"}
                                              << 2 << "nothing in a snapshot changes";
    QTest::newRow("zero poll") << QStringList{"record", "out.hcnrec", "--poll", "0"} << 2
                               << "--poll needs a positive number of seconds";
    QTest::newRow("zero limit") << QStringList{"record", "out.hcnrec", "--max-changes", "0"} << 2
                                << "--max-changes needs a positive whole number";
    QTest::newRow("list without a file")
        << QStringList{"record", "--list"} << 2 << "record --list needs one recording";
    QTest::newRow("list with a limit") << QStringList{"record", "--list", "r.hcnrec", "--max-changes", "3"}
                                       << 2 << "takes no --duration, --poll or --max-changes";
    QTest::newRow("list of a missing file") << QStringList{"record", "--list", "/nonexistent/r.hcnrec"} << 1
                                            << "annot read /nonexistent/r.hcnrec";
    QTest::newRow("other verbs take no --poll")
        << QStringList{"events", "--poll", "1"} << 2 << "\"events\" does not take --poll";
}

void TestHcnctlRecord::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const CtlRun result = runCtl(args);
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
}

QTEST_GUILESS_MAIN(TestHcnctlRecord)
#include "tst_hcnctlrecord.moc"
