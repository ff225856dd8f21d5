// hcnd as a process, spoken to through raw sockets: malformed and oversized input is rejected without
// harming anyone else, handles belong to their connection and die with it (kill -9 included), a stalled
// subscriber neither blocks others nor grows without bound, SIGTERM says goodbye, the socket is 0660
// and peers outside the allowed group are refused.

#include "hcn/rpc_client.h"
#include "hcnd_process.h"

#include <QtTest>
#include <grp.h>
#include <nlohmann/json.hpp>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/wait.h>

using hcntest::ChildProcess;
using hcntest::HcndProcess;
using hcntest::openHandles;
using hcntest::parsed;
using hcntest::RawConnection;
using nlohmann::json;

namespace {

int errorCode(const std::optional<std::string>& frame)
{
    const json message = parsed(frame);
    return message.contains("error") ? message["error"].value("code", 0) : 0;
}

std::string createNetworkParams(const std::string& name)
{
    return json{
        {"Settings", {{"SchemaVersion", {{"Major", 2}, {"Minor", 0}}}, {"Name", name}, {"Type", "NAT"}}}}
        .dump();
}

} // namespace

class TestRpcService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void malformedInputIsAnsweredAndTheConnectionStays_data();
    void malformedInputIsAnsweredAndTheConnectionStays();
    void hostileDocumentsGetAnHcnErrorAndTheServiceLives_data();
    void hostileDocumentsGetAnHcnErrorAndTheServiceLives();
    void oversizedFrameClosesOnlyThatConnection();
    void batchAnswersEachRequest();
    void handlesBelongToTheirConnection();
    void unsubscribeResponseIsTheLastOfTheSubscription();
    void stalledSubscriberDoesNotHoldOthersBack();
    void killedClientProcessReleasesItsHandles();
    void socketIsReadableByOwnerAndGroupOnly();
    void secondServiceRefusesALiveSocket();
    void peersOutsideTheGroupAreRefused();
    void badOptionsFailClearly_data();
    void badOptionsFailClearly();
    void sigtermSaysGoodbyeAndRemovesTheSocket();
    void idleClientsLetHcndSleep();

private:
    HcndProcess m_hcnd;
    HcndProcess m_defaultLimits; ///< started with the default message size and depth limits
};

void TestRpcService::initTestCase()
{
    QVERIFY(m_hcnd.start({"--max-message-bytes", "65536", "--max-json-depth", "16"}));
    QVERIFY(m_defaultLimits.start());
}

void TestRpcService::malformedInputIsAnsweredAndTheConnectionStays_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("parameter");
    QTest::newRow("not JSON") << QByteArray("this is not json") << -32700 << QString();
    QTest::newRow("truncated JSON") << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":)") << -32700
                                    << QString();
    QTest::newRow("nesting deeper than the limit")
        << (QByteArray(20, '[') + QByteArray(20, ']')) << -32600 << QString();
    QTest::newRow("empty frame") << QByteArray() << -32600 << QString();
    QTest::newRow("not JSON-RPC 2.0")
        << QByteArray(R"({"id":1,"method":"hcnd.ping"})") << -32600 << QString();
    QTest::newRow("unknown method") << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"HcnFrobnicate"})")
                                    << -32601 << QString();
    QTest::newRow("handle is not a number")
        << QByteArray(
               R"({"jsonrpc":"2.0","id":1,"method":"HcnQueryNetworkProperties","params":{"Handle":"7"}})")
        << -32602 << QString("Handle");
    QTest::newRow("settings missing")
        << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"HcnCreateNetwork","params":{}})") << -32602
        << QString("Settings");
    QTest::newRow("params not an object")
        << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"hcnd.ping","params":[1]})") << -32602 << QString();
    QTest::newRow("id neither number nor string")
        << QByteArray(R"({"jsonrpc":"2.0","id":{"a":1},"method":"hcnd.ping"})") << -32600 << QString();
    QTest::newRow("empty batch") << QByteArray("[]") << -32600 << QString();
}

void TestRpcService::malformedInputIsAnsweredAndTheConnectionStays()
{
    QFETCH(QByteArray, payload);
    QFETCH(int, code);
    QFETCH(QString, parameter);
    RawConnection bad, bystander;
    QVERIFY(bad.connect(m_hcnd.socket()));
    QVERIFY(bystander.connect(m_hcnd.socket()));
    QVERIFY(bad.sendFrame(std::string_view(payload.constData(), static_cast<std::size_t>(payload.size()))));
    const auto answer = bad.readFrame();
    QVERIFY(answer);
    QCOMPARE(errorCode(answer), code);
    if (!parameter.isEmpty())
        QCOMPARE(QString::fromStdString(parsed(answer)["error"]["data"].value("Parameter", "")), parameter);
    // The same connection keeps working, and so does everybody else.
    QCOMPARE(errorCode(bad.call(2, "hcnd.ping")), 0);
    QCOMPARE(errorCode(bystander.call(3, "hcnd.ping")), 0);
}

// Requests that once killed hcnd: error texts cut inside a UTF-8 character, and documents nested far
// deeper than the message limit inside a string parameter. Each must come back as the HCN error a
// Windows client would get, in a message that is valid JSON (and so valid UTF-8), with hcnd still
// serving this connection and the others.
void TestRpcService::hostileDocumentsGetAnHcnErrorAndTheServiceLives_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("params");
    QTest::addColumn<QString>("hresultName");
    QTest::addColumn<QString>("messagePart");

    const std::string e = "\xC3\xA9"; // é, two bytes
    const std::string deep = std::string(60000, '[') + std::string(60000, ']');
    QTest::newRow("broken Settings ending in a two-byte character")
        << QByteArray("HcnCreateNetwork")
        << QByteArray::fromStdString(json{{"Settings", "{\"Name\":\"" + e}}.dump()) << "HCN_E_INVALID_JSON"
        << "Malformed JSON";
    QTest::newRow("broken Settings with a two-byte character before the error")
        << QByteArray("HcnCreateNetwork")
        << QByteArray::fromStdString(json{{"Settings", "{\"Name\":" + e + "}"}}.dump())
        << "HCN_E_INVALID_JSON"
        << "Malformed JSON";
    QTest::newRow("read-only enumerate whose Filter is broken with a two-byte character")
        << QByteArray("HcnEnumerateNetworks")
        << QByteArray::fromStdString(json{{"Query", json{{"Filter", "{\"Name\":\"" + e}}.dump()}}.dump())
        << "HCN_E_INVALID_JSON"
        << "Filter";
    QTest::newRow("long bad GUID cut where a character begins")
        << QByteArray("HcnCreateNetwork")
        << QByteArray::fromStdString(
               json{{"Settings", "{\"ID\":\"" + std::string(75, 'X') + e + "YYYY\",\"Type\":\"NAT\"}"}}
                   .dump())
        << "HCN_E_GUID_CONVERSION_FAILURE"
        << "XXX";
    QTest::newRow("long bad IP cut where a character begins")
        << QByteArray("HcnCreateNetwork")
        << QByteArray::fromStdString(json{
               {"Settings",
                json{{"Type", "NAT"},
                     {"Ipams", {{{"Subnets", {{{"IpAddressPrefix", std::string(76, '1') + e}}}}}}}}
                    .dump()}}.dump())
        << "HCN_E_INVALID_PREFIX"
        << "111";
    QTest::newRow("Settings string nested 60,000 deep")
        << QByteArray("HcnCreateNetwork") << QByteArray::fromStdString(json{{"Settings", deep}}.dump())
        << "HCN_E_INVALID_JSON"
        << "deeper than 64";
    QTest::newRow("Query string nested 60,000 deep")
        << QByteArray("HcnEnumerateEndpoints") << QByteArray::fromStdString(json{{"Query", deep}}.dump())
        << "HCN_E_INVALID_JSON"
        << "deeper than 64";
    QTest::newRow("Filter string nested 60,000 deep")
        << QByteArray("HcnEnumerateLoadBalancers")
        << QByteArray::fromStdString(json{{"Query", json{{"Filter", deep}}.dump()}}.dump())
        << "HCN_E_INVALID_JSON"
        << "deeper than 64";
    // Documents sent as objects reach the engine as the text they arrived in, and are judged as such.
    QTest::newRow("Settings object nested 60,000 deep")
        << QByteArray("HcnCreateNetwork") << QByteArray::fromStdString("{\"Settings\":" + deep + "}")
        << "HCN_E_INVALID_JSON"
        << "deeper than 64";
    QTest::newRow("Settings object with a broken value")
        << QByteArray("HcnCreateNetwork") << QByteArray("{\"Settings\":{\"Name\":tru}}")
        << "HCN_E_INVALID_JSON"
        << "Malformed JSON";
}

void TestRpcService::hostileDocumentsGetAnHcnErrorAndTheServiceLives()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, params);
    QFETCH(QString, hresultName);
    QFETCH(QString, messagePart);
    RawConnection hostile, bystander;
    QVERIFY(hostile.connect(m_defaultLimits.socket()));
    QVERIFY(bystander.connect(m_defaultLimits.socket()));
    const auto answer = hostile.call(1, method.toStdString(), params.toStdString());
    QVERIFY2(answer, "hcnd did not answer");
    // A strict parse: invalid UTF-8 anywhere in the answer would make it fail.
    const json message = json::parse(*answer, nullptr, false);
    QVERIFY2(!message.is_discarded(), answer->c_str());
    const json& error = message["error"];
    QCOMPARE(QString::fromStdString(error["data"].value("Name", "")), hresultName);
    QVERIFY2(QString::fromStdString(error.value("message", "")).contains(messagePart), error.dump().c_str());
    const json record = json::parse(error["data"]["ErrorRecord"].dump(), nullptr, false);
    QCOMPARE(record.value("Success", true), false);
    QCOMPARE(QString::fromStdString(record.value("Error", "")), QString::fromStdString(error["message"]));
    // Still serving, this connection and everyone else.
    QCOMPARE(errorCode(hostile.call(2, "hcnd.ping")), 0);
    QCOMPARE(errorCode(bystander.call(3, "hcnd.ping")), 0);
    QVERIFY(m_defaultLimits.running());
}

void TestRpcService::oversizedFrameClosesOnlyThatConnection()
{
    RawConnection big, bystander;
    QVERIFY(big.connect(m_hcnd.socket()));
    QVERIFY(bystander.connect(m_hcnd.socket()));
    // A header announcing 1 MiB against the 64 KiB limit: rejected before a byte of the body is read.
    QVERIFY(big.sendBytes(std::string("\x00\x10\x00\x00", 4) + std::string(100, 'x')));
    const auto answer = big.readFrame();
    QCOMPARE(errorCode(answer), -32600);
    QVERIFY(QString::fromStdString(parsed(answer)["error"].value("message", "")).contains("too large"));
    QVERIFY(big.waitClosed());
    QCOMPARE(errorCode(bystander.call(1, "hcnd.ping")), 0);
}

void TestRpcService::batchAnswersEachRequest()
{
    RawConnection c;
    QVERIFY(c.connect(m_hcnd.socket()));
    QVERIFY(c.sendFrame(R"([{"jsonrpc":"2.0","id":1,"method":"hcnd.ping"},)"
                        R"({"jsonrpc":"2.0","id":2,"method":"HcnNope"},)"
                        R"({"jsonrpc":"2.0","method":"hcnd.ping"}])"));
    const json answer = parsed(c.readFrame());
    QVERIFY(answer.is_array());
    QCOMPARE(answer.size(), std::size_t(2)); // the notification gets no response
    QCOMPARE(answer[0]["id"].get<int>(), 1);
    QVERIFY(answer[0].contains("result"));
    QCOMPARE(answer[1]["error"]["code"].get<int>(), -32601);
}

void TestRpcService::handlesBelongToTheirConnection()
{
    RawConnection a, b;
    QVERIFY(a.connect(m_hcnd.socket()));
    QVERIFY(b.connect(m_hcnd.socket()));
    const std::uint64_t baseline = openHandles(b, 1);
    const json created = parsed(a.call(2, "HcnCreateNetwork", createNetworkParams("owned")));
    QVERIFY2(created.contains("result"), created.dump().c_str());
    const auto handle = created["result"]["Handle"].get<std::uint64_t>();
    QCOMPARE(openHandles(b, 3), baseline + 1);

    // B cannot use A's handle: E_HANDLE, exactly as for a handle nobody opened.
    const auto foreign = b.call(4, "HcnQueryNetworkProperties", json{{"Handle", handle}}.dump());
    QCOMPARE(errorCode(foreign), int(hcn::hr::Handle));
    QCOMPARE(QString::fromStdString(parsed(foreign)["error"]["data"].value("Name", "")), QString("E_HANDLE"));
    QCOMPARE(errorCode(b.call(5, "HcnCloseNetwork", json{{"Handle", handle}}.dump())), int(hcn::hr::Handle));
    QCOMPARE(errorCode(a.call(6, "HcnQueryNetworkProperties", json{{"Handle", handle}}.dump())), 0);

    a.close();
    QTRY_COMPARE_WITH_TIMEOUT(openHandles(b, 7), baseline, 10000);
    // The object stays: only its handle went.
    const json ids = parsed(b.call(8, "HcnEnumerateNetworks"));
    QVERIFY(ids["result"].dump().find(created["result"]["Id"].get<std::string>()) != std::string::npos);
    const json id{{"Id", created["result"]["Id"]}};
    QCOMPARE(errorCode(b.call(9, "HcnDeleteNetwork", id.dump())), 0);
}

void TestRpcService::unsubscribeResponseIsTheLastOfTheSubscription()
{
    RawConnection subscriber, actor;
    QVERIFY(subscriber.connect(m_hcnd.socket()));
    QVERIFY(actor.connect(m_hcnd.socket()));
    const json sub = parsed(subscriber.call(1, "hcnd.subscribe"));
    const auto number = sub["result"]["Subscription"].get<std::uint64_t>();
    QVERIFY(actor.call(2, "HcnCreateNetwork", createNetworkParams("unsub")));
    // Ask for the unsubscribe without reading the events first: they may be queued ahead of it.
    QVERIFY(subscriber.sendFrame(json{
        {"jsonrpc", "2.0"}, {"id", 3}, {"method", "hcnd.unsubscribe"}, {"params", {{"Subscription", number}}}}
                                     .dump()));
    QVERIFY(subscriber.readResponse(3));
    QVERIFY(actor.call(4, "HcnDeleteNetwork",
                       json{{"Id", parsed(actor.call(5, "HcnEnumerateNetworks"))["result"][0]}}.dump()));
    // Nothing of the subscription comes after its response: the next frame is the ping's answer.
    QVERIFY(subscriber.sendFrame(R"({"jsonrpc":"2.0","id":6,"method":"hcnd.ping"})"));
    const json next = parsed(subscriber.readFrame());
    QCOMPARE(next.value("id", 0), 6);
}

void TestRpcService::stalledSubscriberDoesNotHoldOthersBack()
{
    HcndProcess hcnd;
    QVERIFY(hcnd.start({"--client-queue", "1000"}));
    RawConnection stalled;
    QVERIFY(stalled.connect(hcnd.socket()));
    const int small = 4096;
    ::setsockopt(stalled.fd(), SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
    QVERIFY(errorCode(stalled.call(1, "hcnd.subscribe")) == 0);

    hcn::RpcClientOptions options;
    options.endpoint = hcnd.socket();
    auto client = hcn::RpcClient::connect(options);
    QVERIFY(client.ok());
    std::mutex mutex;
    std::vector<std::uint64_t> sequences;
    QVERIFY((*client)
                ->subscribe(
                    [&](const hcn::Notification& n) {
                        std::lock_guard lock(mutex);
                        sequences.push_back(n.sequence);
                    },
                    {})
                .ok());
    const int networks = 1000; // 4 events each, far beyond the stalled peer's socket buffers and queue
    for (int i = 0; i < networks; ++i) {
        const std::string doc = R"({"SchemaVersion":{"Major":2,"Minor":0},"Type":"NAT","Name":"stall)" +
                                std::to_string(i) + "\"}";
        auto net = (*client)->create(hcn::ResourceKind::Network, {}, doc, 0);
        QVERIFY(net.ok());
        QVERIFY(
            (*client)
                ->remove(hcn::ResourceKind::Network, *(*client)->handleId(hcn::ResourceKind::Network, *net))
                .ok());
    }
    QTRY_COMPARE_WITH_TIMEOUT(([&] {
                                  std::lock_guard lock(mutex);
                                  return sequences.size();
                              }()),
                              std::size_t(networks * 4), 20000);
    {
        std::lock_guard lock(mutex);
        for (std::size_t i = 1; i < sequences.size(); ++i)
            QCOMPARE(sequences[i], sequences[i - 1] + 1);
    }

    // The stalled peer reads again: events up to the gap, one eventsDropped for it, nothing lost silently.
    std::uint64_t received = 0, dropped = 0, lastSequence = 0;
    bool sawMarker = false;
    while (received + dropped < std::uint64_t(networks * 4)) {
        const json frame = parsed(stalled.readFrame());
        QVERIFY2(frame.is_object(), "the stalled subscriber's stream ended early");
        const json& params = frame["params"];
        if (frame.value("method", "") == "hcnd.eventsDropped") {
            sawMarker = true;
            QCOMPARE(params["FirstSequence"].get<std::uint64_t>(), lastSequence + 1);
            dropped += params["Count"].get<std::uint64_t>();
            lastSequence = params["LastSequence"].get<std::uint64_t>();
        } else if (frame.value("method", "") == "hcnd.notification") {
            QCOMPARE(params["Sequence"].get<std::uint64_t>(), lastSequence + 1);
            lastSequence = params["Sequence"].get<std::uint64_t>();
            ++received;
        }
    }
    QVERIFY(sawMarker);
    QVERIFY(dropped > 0);
    QVERIFY(received >= 1000);
    QCOMPARE(errorCode(stalled.call(2, "hcnd.ping")), 0);
}

void TestRpcService::killedClientProcessReleasesItsHandles()
{
    RawConnection observer;
    QVERIFY(observer.connect(m_hcnd.socket()));
    const std::uint64_t baseline = openHandles(observer, 1);
    ChildProcess child;
    ChildProcess::Options options;
    options.stderrMode = ChildProcess::Output::Inherit;
    QVERIFY2(child.start(RPC_TEST_CLIENT_PATH, {m_hcnd.socket(), "killed"}, options), child.error().c_str());
    std::string out;
    QTRY_VERIFY_WITH_TIMEOUT((out += child.readStdout()).find('\n') != std::string::npos, 15000);
    QVERIFY(out.starts_with("ready"));
    QVERIFY(child.running());
    QCOMPARE(openHandles(observer, 2), baseline + 3); // network, endpoint, network again

    QVERIFY(child.kill()); // SIGKILL: no close, no unsubscribe
    QTRY_COMPARE_WITH_TIMEOUT(openHandles(observer, 3), baseline, 10000);
    const json info = parsed(observer.call(4, "hcnd.info"));
    QCOMPARE(info["result"]["Counts"]["Networks"].get<int>() >= 1, true); // the objects stay
    QCOMPARE(errorCode(observer.call(5, "hcnd.ping")), 0);
}

void TestRpcService::socketIsReadableByOwnerAndGroupOnly()
{
    struct stat info
    {
    };
    QCOMPARE(::stat(m_hcnd.socket().c_str(), &info), 0);
    QVERIFY(S_ISSOCK(info.st_mode));
    QCOMPARE(info.st_mode & 0777, mode_t(0660));
}

void TestRpcService::secondServiceRefusesALiveSocket()
{
    ChildProcess second;
    QVERIFY(second.start(HCND_PATH, {"--socket", m_hcnd.socket()}));
    QVERIFY(second.waitForExit(15000));
    QVERIFY(second.exitCode() != 0);
    QVERIFY(QString::fromStdString(second.readStderr()).contains("already serving"));
    RawConnection c;
    QVERIFY(c.connect(m_hcnd.socket()));
    QCOMPARE(errorCode(c.call(1, "hcnd.ping")), 0);
}

void TestRpcService::peersOutsideTheGroupAreRefused()
{
    if (::geteuid() != 0)
        QSKIP("needs root to run a peer as another user (covered: group membership is checked in code paths "
              "only)");
    passwd* nobody = ::getpwnam("nobody");
    group* nogroup = ::getgrgid(nobody ? nobody->pw_gid : 0);
    if (!nobody || !nogroup || nobody->pw_uid == 0)
        QSKIP("no unprivileged 'nobody' user on this machine");
    const uid_t uid = nobody->pw_uid;
    const gid_t gid = nobody->pw_gid;
    const QString groupName = QString::fromLocal8Bit(nogroup->gr_name);

    // hello from `nobody`; returns the error code of the answer (0: accepted), or 1 when nothing came.
    auto helloAs = [&](const std::string& socket) {
        int pipeFds[2];
        if (::pipe(pipeFds) != 0)
            return -1;
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::close(pipeFds[0]);
            int code = 1;
            if (::setgroups(0, nullptr) == 0 && ::setgid(gid) == 0 && ::setuid(uid) == 0) {
                RawConnection c;
                if (!c.connect(socket))
                    code = 2;
                else if (c.sendFrame(
                             R"({"jsonrpc":"2.0","id":1,"method":"hcnd.hello","params":{"Protocol":1}})"))
                    if (auto answer = c.readFrame())
                        code = errorCode(answer);
            }
            (void)!::write(pipeFds[1], &code, sizeof code);
            ::_exit(0);
        }
        ::close(pipeFds[1]);
        int code = -1;
        (void)!::read(pipeFds[0], &code, sizeof code);
        ::close(pipeFds[0]);
        ::waitpid(pid, nullptr, 0);
        return code;
    };

    // The socket's 0660 mode keeps `nobody` out already; open it up (as a careless admin might) to
    // reach the second line of defence, the peer credential check.
    for (const bool inGroup : {false, true}) {
        HcndProcess hcnd;
        QVERIFY(hcnd.start(inGroup ? QStringList{"--group", groupName} : QStringList{"--group", "root"}));
        QCOMPARE(::chmod(hcnd.dir().toLocal8Bit().constData(), 0711), 0);
        QCOMPARE(::chmod(hcnd.socket().c_str(), 0666), 0);
        QCOMPARE(helloAs(hcnd.socket()), inGroup ? 0 : -32001);
    }
}

void TestRpcService::badOptionsFailClearly_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("unknown option") << QStringList{"--frobnicate"} << QString("--frobnicate");
    QTest::newRow("missing value") << QStringList{"--socket"} << QString("--socket");
    QTest::newRow("threads zero") << QStringList{"--threads", "0"} << QString("--threads");
    QTest::newRow("queue not a number") << QStringList{"--client-queue", "lots"} << QString("--client-queue");
    QTest::newRow("unknown datapath") << QStringList{"--datapath", "vfp"} << "vfp";
    QTest::newRow("TCP without TLS") << QStringList{"--tcp", "127.0.0.1:0"} << QString("--tls-cert");
    QTest::newRow("unknown group") << QStringList{"--group", "no-such-group-hcn"} << "no-such-group-hcn";
    QTest::newRow("bad log level") << QStringList{"--log-level", "loud"} << QString("--log-level");
}

void TestRpcService::badOptionsFailClearly()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    QTemporaryDir dir;
    ChildProcess hcnd;
    QVERIFY(
        hcnd.start(HCND_PATH, hcntest::args(QStringList{"--socket", dir.filePath("x.sock")} + arguments)));
    QVERIFY(hcnd.waitForExit(15000));
    QVERIFY(hcnd.exitCode() != 0);
    QVERIFY2(QString::fromStdString(hcnd.readStderr()).contains(mentions), qPrintable(mentions));
    QVERIFY(!QFile::exists(dir.filePath("x.sock")));

    ChildProcess help;
    QVERIFY(help.start(HCND_PATH, {"--help"}));
    QVERIFY(help.waitForExit(15000));
    QCOMPARE(help.exitCode(), 0);
    QVERIFY(help.readStdout().find("Usage: hcnd") != std::string::npos);
}

void TestRpcService::sigtermSaysGoodbyeAndRemovesTheSocket()
{
    HcndProcess hcnd;
    QVERIFY(hcnd.start());
    RawConnection subscriber;
    QVERIFY(subscriber.connect(hcnd.socket()));
    QCOMPARE(errorCode(subscriber.call(1, "hcnd.subscribe")), 0);
    QCOMPARE(errorCode(subscriber.call(2, "HcnCreateNetwork", createNetworkParams("bye"))), 0);

    QCOMPARE(hcnd.terminate(), 0);
    bool sawDisconnect = false;
    while (auto frame = subscriber.readFrame()) {
        const json message = parsed(frame);
        if (message.value("method", "") == "hcnd.notification" && message["params"]["Type"] == 16777216) {
            sawDisconnect = true;
            QVERIFY(message["params"]["Data"].is_null());
        }
    }
    QVERIFY(sawDisconnect);
    QVERIFY(!QFile::exists(hcnd.socketPath()));
}

void TestRpcService::idleClientsLetHcndSleep()
{
    // A connection polls briefly for the client's next request after answering (the default
    // --keep-awake 50); once its clients go quiet, hcnd must sleep again and use no CPU.
    HcndProcess awake;
    QVERIFY(awake.start({}));
    RawConnection caller, subscriber;
    QVERIFY(caller.connect(awake.socket()));
    QVERIFY(subscriber.connect(awake.socket()));
    QCOMPARE(errorCode(subscriber.call(1, "hcnd.subscribe")), 0);
    for (int id = 1; id <= 2000; ++id)
        QVERIFY(caller.call(id, "hcnd.ping").has_value());
    QTest::qWait(100);
    const long long before = awake.cpuTicks();
    QVERIFY(before >= 0);
    QTest::qWait(1000);
    const long long used = awake.cpuTicks() - before;
    // An I/O thread left polling would use most of a CPU (about 100 ticks a second); idle is 0 or 1.
    QVERIFY2(used <= 10, qPrintable(QStringLiteral("hcnd used %1 ticks of CPU while idle").arg(used)));
}

QTEST_GUILESS_MAIN(TestRpcService)
#include "tst_rpcservice.moc"
