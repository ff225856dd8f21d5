// One dispatcher: the same batch file gives the same answers from `hcnctl --embedded batch` as from
// `hcnctl --socket S batch` against a fresh hcnd, line by line, apart from the server's name. Each
// batch covers one method family with its errors; the last rows are the cases in which the two used to
// answer differently.

#include "hcnctl_runner.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

class TestHcnctlParity : public QObject
{
    Q_OBJECT

private slots:
    void batchAnswersAlike_data();
    void batchAnswersAlike();
    void helloAndInfoComeFromTheApi();
};

namespace {

QByteArray batchFile(const QString& name)
{
    QFile file(QDir(QStringLiteral(HCNCTL_BATCH_DIR)).filePath(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// The lines hcnctl answers: neither blank nor comments.
int requestCount(const QByteArray& batch)
{
    int count = 0;
    for (const QByteArray& line : batch.split('\n'))
        if (!line.trimmed().isEmpty() && !line.trimmed().startsWith('#'))
            ++count;
    return count;
}

/// The output lines with the server's identity ("Server" of hcnd.hello and hcnd.info) and history
/// (hcnd.info's "ConnectionsAccepted": hcnd has accepted the test's probes too) blanked, and
/// the GUIDs the engine generated (not named by the batch) numbered in order of appearance: two engines
/// pick different random IDs for subnets and switches, but must use them in the same places.
QStringList comparable(const QString& output, const QByteArray& batch)
{
    static const QRegularExpression server(QStringLiteral(R"("Server":"[^"]*")"));
    static const QRegularExpression accepted(QStringLiteral(R"("ConnectionsAccepted":\d+)"));
    static const QRegularExpression guid(
        QStringLiteral("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"));
    const QString given = QString::fromUtf8(batch).toUpper();
    QHash<QString, QString> generated;
    QStringList lines;
    for (QString line : output.split('\n', Qt::SkipEmptyParts)) {
        line.replace(server, QStringLiteral(R"("Server":"<server>")"));
        line.replace(accepted, QStringLiteral(R"("ConnectionsAccepted":"<count>")"));
        QString masked;
        qsizetype last = 0;
        for (auto it = guid.globalMatch(line); it.hasNext();) {
            const auto match = it.next();
            const QString id = match.captured().toUpper();
            masked += line.mid(last, match.capturedStart() - last);
            if (given.contains(id)) {
                masked += match.captured();
            } else {
                if (!generated.contains(id))
                    generated.insert(id, QStringLiteral("<generated %1>").arg(generated.size() + 1));
                masked += generated.value(id);
            }
            last = match.capturedEnd();
        }
        lines << masked + line.mid(last);
    }
    return lines;
}

} // namespace

void TestHcnctlParity::batchAnswersAlike_data()
{
    QTest::addColumn<QByteArray>("batch");
    /// For the old disagreements: what both must say in the second answer.
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("networks and service methods") << batchFile("networks.jsonl") << QStringList();
    QTest::newRow("endpoints, namespaces, load balancers, routes")
        << batchFile("endpoints.jsonl") << QStringList();
    QTest::newRow("guest network services and port reservations")
        << batchFile("guest-network-services.jsonl") << QStringList();
    QTest::newRow("malformed requests, subscriptions, authentication")
        << batchFile("requests.jsonl") << QStringList();
    QTest::newRow("results named with As and referred to as $NAME")
        << batchFile("references.jsonl") << QStringList();

    const QByteArray network =
        R"({"id":1,"method":"HcnCreateNetwork","params":{"Id":"0E000000-0000-4000-8000-000000000001","Settings":{"SchemaVersion":{"Major":2,"Minor":0},"Name":"nat","Type":"NAT"}}})"
        "\n";
    // --embedded used to pass a missing Network on as handle 0 (E_HANDLE from the engine).
    QTest::newRow("endpoint create without Network is a parameter error")
        << network +
               R"({"id":2,"method":"HcnCreateEndpoint","params":{"Settings":{"SchemaVersion":{"Major":2,"Minor":0},"Name":"e"}}})"
               "\n"
        << QStringList{R"({"id":2,"error":{"code":-2147024809,)",
                       R"(Invalid params: parameter \"Network\" is required.)"};
    // --embedded used to say: unknown method "HcnFrobnicate".
    QTest::newRow("unknown method text")
        << network + R"({"id":2,"method":"HcnFrobnicate","params":{}})"
                     "\n"
        << QStringList{R"({"id":2,"error":{"code":-2147467263,)", "Unknown method HcnFrobnicate\""};
    // --embedded used to refuse subscriptions and to leave Sequence and OpenHandles out of hcnd.info.
    QTest::newRow("subscribe, then info with sequence and open handles")
        << network + R"({"id":2,"method":"hcnd.subscribe"})"
                     "\n"
                     R"({"id":3,"method":"hcnd.info"})"
                     "\n"
        << QStringList{R"({"id":2,"result":{"Subscription":1,"Sequence":)"};
}

void TestHcnctlParity::batchAnswersAlike()
{
    QFETCH(QByteArray, batch);
    QFETCH(QStringList, expected);
    QVERIFY(!batch.isEmpty());

    HcndService service; // a fresh engine per row, as --embedded has
    QVERIFY(service.start());
    const CtlRun overSocket = runCtl({"--socket", service.socketPath(), "batch"}, batch);
    const CtlRun embedded = runCtl({"--embedded", "batch"}, batch);

    const QStringList fromService = comparable(overSocket.out, batch);
    const QStringList fromEmbedded = comparable(embedded.out, batch);
    QCOMPARE(fromService.size(), requestCount(batch));
    QCOMPARE(fromEmbedded.size(), fromService.size());
    for (int i = 0; i < fromService.size(); ++i)
        QVERIFY2(fromEmbedded[i] == fromService[i],
                 qPrintable(QStringLiteral("answer %1 differs:\n  hcnd:       %2\n"
                                           "  --embedded: %3")
                                .arg(i + 1)
                                .arg(fromService[i], fromEmbedded[i])));
    QCOMPARE(embedded.exitCode, overSocket.exitCode);
    QCOMPARE(embedded.err, overSocket.err); // the "N of M calls failed" summary names the same first failure

    for (const QString& fragment : expected)
        QVERIFY2(fromService.value(1).contains(fragment), qPrintable(fromService.value(1)));
}

void TestHcnctlParity::helloAndInfoComeFromTheApi()
{
    const QByteArray batch = R"({"id":1,"method":"hcnd.hello","params":{"Protocol":1}})"
                             "\n"
                             R"({"id":2,"method":"hcnd.info"})"
                             "\n";
    HcndService service;
    QVERIFY(service.start());
    const CtlRun overSocket = runCtl({"--socket", service.socketPath(), "batch"}, batch);
    const CtlRun embedded = runCtl({"--embedded", "batch"}, batch);
    QCOMPARE(overSocket.exitCode, 0);
    QCOMPARE(embedded.exitCode, 0);
    const QStringList a = overSocket.out.split('\n', Qt::SkipEmptyParts);
    const QStringList b = embedded.out.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(a.size(), 2);
    QCOMPARE(b.size(), 2);

    auto result = [](const QString& line) {
        return QJsonDocument::fromJson(line.toUtf8()).object().value("result").toObject();
    };
    auto keys = [](const QJsonObject& object) {
        const QStringList list = object.keys();
        return QSet<QString>(list.begin(), list.end());
    };
    const QSet<QString> helloKeys{"Protocol",      "Server",   "HnsVersion",
                                  "SchemaVersion", "Datapath", "Sequence"};
    QCOMPARE(keys(result(a[0])), helloKeys);
    QCOMPARE(keys(result(b[0])), helloKeys);
    QCOMPARE(result(b[1]).value("Counts").toObject(), result(a[1]).value("Counts").toObject());
    QCOMPARE(result(b[1]).value("Counts").toObject().keys(),
             (QStringList{"Endpoints", "LoadBalancers", "Namespaces", "Networks", "OpenHandles"}));
    // Only the identity differs: hcnd names itself, the embedded handler names hcnctl.
    QVERIFY(result(a[1]).value("Server").toString().startsWith("hcnd/"));
    QVERIFY(result(b[1]).value("Server").toString().startsWith("hcnctl/"));
    QCOMPARE(result(b[1]).value("Clients").toInt(), 1);
    QCOMPARE(result(a[1]).value("Clients").toInt(), 1);
}

QTEST_GUILESS_MAIN(TestHcnctlParity)
#include "tst_hcnctlparity.moc"
