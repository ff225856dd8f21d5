// hcnd started the way systemd starts it from hcnd.socket (socket_activation_launcher: a listening
// socket on descriptor 3, LISTEN_PID and LISTEN_FDS): it serves on the inherited socket, never binds its
// own --socket path, leaves the manager's socket file in place when it stops, and refuses what it
// cannot serve on with a clear message instead of quietly listening elsewhere.

#include "hcnd_process.h"

#include <QtTest>
#include <nlohmann/json.hpp>

using hcntest::ChildProcess;
using hcntest::RawConnection;
using nlohmann::json;

class TestRpcSocketActivation : public QObject
{
    Q_OBJECT

private slots:
    void servesOnTheInheritedSocket();
    void refusesWhatItCannotServeOn_data();
    void refusesWhatItCannotServeOn();
    void ignoresSocketsMeantForAnotherProcess();

private:
    /// Starts hcnd through the launcher; `socket` is the inherited socket, `own` its --socket.
    static bool startActivated(ChildProcess& hcnd, const QString& mode, const QString& socket,
                               const QString& own)
    {
        QStringList arguments;
        if (!mode.isEmpty())
            arguments << mode;
        arguments << socket << HCND_PATH << "--socket" << own << "--log-level"
                  << "warn";
        return hcnd.start(SOCKET_ACTIVATION_LAUNCHER_PATH, hcntest::args(arguments));
    }
};

void TestRpcSocketActivation::servesOnTheInheritedSocket()
{
    QTemporaryDir dir;
    const QString socket = dir.filePath("activated.sock");
    const QString own = dir.filePath("own.sock");
    ChildProcess hcnd;
    QVERIFY2(startActivated(hcnd, {}, socket, own), hcnd.error().c_str());

    // The socket listens before hcnd runs: the first connection waits in its backlog until hcnd answers.
    RawConnection client;
    QVERIFY(QTest::qWaitFor([&] { return client.connect(socket.toStdString()); }, 15000));
    const auto info = client.call(1, "hcnd.info");
    QVERIFY2(info, hcnd.readStderr().c_str());
    const json answer = json::parse(*info, nullptr, false);
    QVERIFY2(answer.contains("result"), info->c_str());
    QVERIFY(!QFile::exists(own));

    client.close();
    hcnd.terminate();
    QVERIFY(hcnd.waitForExit(15000));
    QCOMPARE(hcnd.exitCode(), 0);
    // The socket file belongs to the service manager: hcnd leaves it for the next activation.
    QVERIFY(QFileInfo(socket).exists());
}

void TestRpcSocketActivation::refusesWhatItCannotServeOn_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("a socket that does not listen") << "--not-listening"
                                                   << "not a listening socket";
    QTest::newRow("two sockets") << "--two"
                                 << "one inherited socket, but 2 were passed";
}

void TestRpcSocketActivation::refusesWhatItCannotServeOn()
{
    QFETCH(QString, mode);
    QFETCH(QString, mentions);
    QTemporaryDir dir;
    const QString own = dir.filePath("own.sock");
    ChildProcess hcnd;
    QVERIFY2(startActivated(hcnd, mode, dir.filePath("activated.sock"), own), hcnd.error().c_str());
    QVERIFY(hcnd.waitForExit(15000));
    QCOMPARE(hcnd.exitCode(), 1);
    const QString error = QString::fromStdString(hcnd.readStderr());
    QVERIFY2(error.contains("hcnd: socket activation: ") && error.contains(mentions), qPrintable(error));
    QVERIFY(!QFile::exists(own));
}

void TestRpcSocketActivation::ignoresSocketsMeantForAnotherProcess()
{
    QTemporaryDir dir;
    const QString own = dir.filePath("own.sock");
    ChildProcess hcnd;
    QVERIFY2(startActivated(hcnd, "--other-pid", dir.filePath("activated.sock"), own), hcnd.error().c_str());
    RawConnection client;
    QVERIFY(QTest::qWaitFor([&] { return !hcnd.running() || client.connect(own.toStdString()); }, 15000));
    QVERIFY2(hcnd.running(), hcnd.readStderr().c_str());
    QVERIFY(client.call(1, "hcnd.info"));
    client.close();
    hcnd.terminate();
    QVERIFY(hcnd.waitForExit(15000));
    QCOMPARE(hcnd.exitCode(), 0);
    QVERIFY(!QFile::exists(own));
}

QTEST_GUILESS_MAIN(TestRpcSocketActivation)
#include "tst_rpcsocketactivation.moc"
