// The protocol pieces hcnd and RpcClient share, without processes: method names, error objects that
// rebuild the exact Status, raw member scanning, documents that cross as text (written by the client,
// kept by the server), the nesting check, the bounded event queue's drop accounting and hcnd's option
// parsing.

#include "hcn/embedded_api.h"
#include "hcn/rpc_in_process_connection.h"
#include "hcn/rpc_service_options.h"
#include "hcn/snapshot_api.h"
#include "rpc/event_queue.h"
#include "rpc/frame.h"
#include "rpc/json_scan.h"
#include "rpc/method_table.h"
#include "rpc/protocol.h"
#include "rpc/request_parser.h"
#include "rpc/spin_backoff.h"

#include <QtTest>
#include <nlohmann/json.hpp>

using namespace hcn::rpc;
using nlohmann::json;

namespace {

hcn::Notification notificationAt(std::uint64_t sequence)
{
    hcn::Notification n;
    n.sequence = sequence;
    n.type = hcn::NotificationType::NetworkCreate;
    n.data = R"({"ID":"x","Flags":0,"Data":{}})";
    return n;
}

/// The messages of a drained buffer, parsed.
std::vector<json> messages(const std::string& framed)
{
    FrameDecoder decoder;
    decoder.feed(framed.data(), framed.size());
    std::vector<json> out;
    while (decoder.hasMessage())
        out.push_back(json::parse(decoder.takeMessage()));
    return out;
}

} // namespace

class TestRpcProtocol : public QObject
{
    Q_OBJECT

private slots:
    void everyHcnFunctionHasAMethod_data();
    void everyHcnFunctionHasAMethod();
    void errorObjectRebuildsTheStatus();
    void protocolErrorsBecomeHresults_data();
    void protocolErrorsBecomeHresults();
    void memberScanKeepsValuesVerbatim();
    void requestsCarryAnyMethodNameAsValidJson_data();
    void requestsCarryAnyMethodNameAsValidJson();
    void memberScanRejectsBrokenObjects_data();
    void memberScanRejectsBrokenObjects();
    void nestingDepthIgnoresBracketsInStrings();
    void clientSplicesDocumentsItCanDelimit_data();
    void clientSplicesDocumentsItCanDelimit();
    void serverKeepsDocumentsAsTheyArrived();
    void serverParsesEverythingElse_data();
    void serverParsesEverythingElse();
    void fullQueueCountsDropsAndReportsTheGap();
    void forgetRemovesEverythingOfASubscription();
    void serviceDisconnectIsNeverDropped();
    void aSnapshotSaysItIsReadOnly();
    void serviceOptions_data();
    void serviceOptions();
    void spinBackoff_data();
    void spinBackoff();
};

void TestRpcProtocol::everyHcnFunctionHasAMethod_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("operation");
    QTest::addColumn<int>("kind");
    QTest::newRow("enumerate networks")
        << QString("HcnEnumerateNetworks") << int(Operation::Enumerate) << int(hcn::ResourceKind::Network);
    QTest::newRow("create endpoint") << QString("HcnCreateEndpoint") << int(Operation::Create)
                                     << int(hcn::ResourceKind::Endpoint);
    QTest::newRow("query namespace") << QString("HcnQueryNamespaceProperties") << int(Operation::Query)
                                     << int(hcn::ResourceKind::Namespace);
    QTest::newRow("modify load balancer")
        << QString("HcnModifyLoadBalancer") << int(Operation::Modify) << int(hcn::ResourceKind::LoadBalancer);
    QTest::newRow("close SDN route") << QString("HcnCloseSdnRoute") << int(Operation::Close)
                                     << int(hcn::ResourceKind::SdnRoute);
    QTest::newRow("enumerate guest network services")
        << QString("HcnEnumerateGuestNetworkServices") << int(Operation::Enumerate)
        << int(hcn::ResourceKind::GuestNetworkService);
    QTest::newRow("delete network") << QString("HcnDeleteNetwork") << int(Operation::Delete)
                                    << int(hcn::ResourceKind::Network);
    QTest::newRow("endpoint stats") << QString("HcnQueryEndpointStats") << int(Operation::QueryEndpointStats)
                                    << int(hcn::ResourceKind::Invalid);
    QTest::newRow("port reservations")
        << QString("HcnEnumerateGuestNetworkPortReservations") << int(Operation::EnumeratePortReservations)
        << int(hcn::ResourceKind::Invalid);
    QTest::newRow("snapshot") << QString("hcnd.snapshot") << int(Operation::Snapshot)
                              << int(hcn::ResourceKind::Invalid);
    QTest::newRow("unknown") << QString("HcnCreateNetworks") << int(Operation::Invalid)
                             << int(hcn::ResourceKind::Invalid);
    QTest::newRow("case matters") << QString("hcncreatenetwork") << int(Operation::Invalid)
                                  << int(hcn::ResourceKind::Invalid);
}

void TestRpcProtocol::everyHcnFunctionHasAMethod()
{
    QFETCH(QString, name);
    QFETCH(int, operation);
    QFETCH(int, kind);
    const Method method = findMethod(name.toStdString());
    QCOMPARE(int(method.operation), operation);
    QCOMPARE(int(method.kind), kind);
    if (method.operation != Operation::Invalid)
        QCOMPARE(QString::fromStdString(methodName(method.operation, method.kind)), name);
}

void TestRpcProtocol::errorObjectRebuildsTheStatus()
{
    const hcn::Status original(hcn::hr::PortAlreadyExists,
                               "port 8080/TCP is already mapped by endpoint \"a\".");
    const json response = json::parse(statusResponse("7", original));
    QCOMPARE(response["id"].get<int>(), 7);
    QCOMPARE(response["error"]["code"].get<int>(), -2143617005);
    QCOMPARE(response["error"]["data"]["HResult"].get<std::string>(), std::string("0x803B0013"));
    QCOMPARE(response["error"]["data"]["Name"].get<std::string>(), std::string("HCN_E_PORT_ALREADY_EXISTS"));
    QCOMPARE(response["error"]["data"]["ErrorRecord"].dump(), json::parse(original.errorRecord()).dump());
    const hcn::Status rebuilt = statusFromError(response["error"]);
    QCOMPARE(rebuilt.code(), original.code());
    QCOMPARE(QString::fromStdString(rebuilt.message()), QString::fromStdString(original.message()));
    QCOMPARE(QString::fromStdString(rebuilt.errorRecord()), QString::fromStdString(original.errorRecord()));

    // A server that does not send Detail: the system text is stripped from the message.
    json withoutDetail = response["error"];
    withoutDetail["data"].erase("Detail");
    QCOMPARE(QString::fromStdString(statusFromError(withoutDetail).message()),
             QString::fromStdString(original.message()));
}

void TestRpcProtocol::protocolErrorsBecomeHresults_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("hresult");
    QTest::newRow("parse error") << -32700 << int(hcn::hr::InvalidArg);
    QTest::newRow("invalid params") << -32602 << int(hcn::hr::InvalidArg);
    QTest::newRow("unknown method") << -32601 << int(hcn::hr::NotImplemented);
    QTest::newRow("permission denied") << -32001 << int(hcn::makeHResult(0x80070005));
    QTest::newRow("internal") << -32603 << int(hcn::makeHResult(0x80004005));
}

void TestRpcProtocol::protocolErrorsBecomeHresults()
{
    QFETCH(int, code);
    QFETCH(int, hresult);
    const json response = json::parse(errorResponse("1", code, "what the server said"));
    const hcn::Status status = statusFromError(response["error"]);
    QCOMPARE(int(status.code()), hresult);
    QCOMPARE(QString::fromStdString(status.detail()), QString("what the server said"));
}

void TestRpcProtocol::memberScanKeepsValuesVerbatim()
{
    const std::string text = " {\"id\" : 12, \"result\":{\"Name\":\"a}b\\\"{\",\"List\":[1, "
                             "{\"x\":[]}],\"N\":null} , \"s\":\"\\\\\"} ";
    std::vector<std::pair<std::string, std::string>> members;
    QVERIFY(forEachMember(text, [&](std::string_view k, std::string_view v) { members.emplace_back(k, v); }));
    QCOMPARE(members.size(), std::size_t(3));
    QCOMPARE(QString::fromStdString(members[0].second), QString("12"));
    QCOMPARE(QString::fromStdString(members[1].second),
             QString("{\"Name\":\"a}b\\\"{\",\"List\":[1, {\"x\":[]}],\"N\":null}"));
    QCOMPARE(QString::fromStdString(members[2].second), QString("\"\\\\\""));
    QCOMPARE(QString::fromStdString(std::string(*memberText(text, "result"))),
             QString::fromStdString(members[1].second));
    QVERIFY(!memberText(text, "error"));
}

void TestRpcProtocol::memberScanRejectsBrokenObjects_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("array") << QString("[1,2]");
    QTest::newRow("unterminated string") << QString("{\"a\":\"b");
    QTest::newRow("missing colon") << QString("{\"a\" 1}");
    QTest::newRow("unclosed object") << QString("{\"a\":{\"b\":1}");
    QTest::newRow("trailing garbage") << QString("{\"a\":1} x");
    QTest::newRow("missing value") << QString("{\"a\":}");
}

void TestRpcProtocol::memberScanRejectsBrokenObjects()
{
    QFETCH(QString, text);
    QVERIFY(!forEachMember(text.toStdString(), [](std::string_view, std::string_view) {}));
}

void TestRpcProtocol::nestingDepthIgnoresBracketsInStrings()
{
    // (Plain string literals: moc's preprocessor stumbles over raw strings with unbalanced brackets.)
    QVERIFY(hcn::withinJsonDepth("{\"a\":[[1]]}", 3));
    QVERIFY(!hcn::withinJsonDepth("{\"a\":[[1]]}", 2));
    QVERIFY(hcn::withinJsonDepth("{\"a\":\"[[[[[[[[\\\"{{{{\"}", 1));
    QVERIFY(!hcn::withinJsonDepth(std::string(100000, '['), 64));
}

void TestRpcProtocol::clientSplicesDocumentsItCanDelimit_data()
{
    QTest::addColumn<QString>("settings");
    QTest::addColumn<QString>("params");
    QTest::newRow("object goes in as it is")
        << QString(R"({"Name":"a", "Type" : "NAT"})")
        << QString(R"({"Handle":7,"Settings":{"Name":"a", "Type" : "NAT"}})");
    QTest::newRow("array goes in as it is")
        << QString(R"([{"Op":1}])") << QString(R"({"Handle":7,"Settings":[{"Op":1}]})");
    QTest::newRow("surrounding whitespace is harmless")
        << QString(" {\"A\":1}\n") << QString("{\"Handle\":7,\"Settings\": {\"A\":1}\n}");
    // (Plain literals: moc's preprocessor stumbles over raw strings with unbalanced brackets.)
    QTest::newRow("brackets inside strings do not count")
        << QString("{\"Name\":\"}]\\\"{\"}") << QString("{\"Handle\":7,\"Settings\":{\"Name\":\"}]\\\"{\"}}");
    QTest::newRow("unterminated object travels as a string")
        << QString("{\"Name\": \"x\", oops")
        << QString("{\"Handle\":7,\"Settings\":\"{\\\"Name\\\": \\\"x\\\", oops\"}");
    QTest::newRow("two objects travel as a string")
        << QString(R"({"A":1}{"B":2})")
        << QString("{\"Handle\":7,\"Settings\":\"{\\\"A\\\":1}{\\\"B\\\":2}\"}");
    QTest::newRow("a scalar travels as a string")
        << QString("42") << QString(R"({"Handle":7,"Settings":"42"})");
    QTest::newRow("empty text travels as a string")
        << QString("") << QString(R"({"Handle":7,"Settings":""})");
}

void TestRpcProtocol::clientSplicesDocumentsItCanDelimit()
{
    QFETCH(QString, settings);
    QFETCH(QString, params);
    const std::string text =
        ParamsWriter().number("Handle", 7).document("Settings", settings.toStdString()).take();
    QCOMPARE(QString::fromStdString(text), params);
    // Whatever the document, the message around it reads the same: one Handle, one Settings.
    int members = 0;
    QVERIFY(forEachMember(text, [&](std::string_view, std::string_view) { ++members; }));
    QCOMPARE(members, 2);
}

void TestRpcProtocol::serverKeepsDocumentsAsTheyArrived()
{
    const std::string settings = "{ \"Name\" : \"kept\",\"Unknown\":[1, 2 ,{}]}";
    std::string frame;
    appendRequestFrame(frame, 41, "HcnModifyNetwork",
                       ParamsWriter().number("Handle", 3).document("Settings", settings).take());
    FrameDecoder decoder;
    QCOMPARE(decoder.feed(frame.data(), frame.size()), FrameDecoder::State::Ok);
    const std::string message = decoder.takeMessage();
    nlohmann::ordered_json request;
    QCOMPARE(parseRequestMessage(message, 64, request), MessageProblem::None);
    QCOMPARE(request["id"].get<int>(), 41);
    QCOMPARE(QString::fromStdString(request["method"].get<std::string>()), QString("HcnModifyNetwork"));
    QVERIFY(request["params"]["Handle"].is_number_unsigned());
    QCOMPARE(request["params"]["Handle"].get<int>(), 3);
    // Byte for byte, spacing and unknown members included: the engine parses it, nobody else.
    const auto kept = keptDocumentText(request["params"]["Settings"]);
    QVERIFY(kept);
    QCOMPARE(QString::fromStdString(*kept), QString::fromStdString(settings));
    // A document sent as a string stays a string.
    const std::string stringQuery =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"m\",\"params\":{\"Query\":\"{\\\"A\\\":1}\"}}";
    QCOMPARE(parseRequestMessage(stringQuery, 64, request), MessageProblem::None);
    QVERIFY(!keptDocumentText(request["params"]["Query"]));
    QCOMPARE(QString::fromStdString(request["params"]["Query"].get<std::string>()), QString(R"({"A":1})"));
}

void TestRpcProtocol::serverParsesEverythingElse_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("maxDepth");
    QTest::addColumn<int>("problem");
    const QString deep4 = "[[[[1]]]]";
    QTest::newRow("truncated") << QString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":") << 64
                               << int(MessageProblem::NotJson);
    QTest::newRow("broken literal in a parameter")
        << QString(R"({"jsonrpc":"2.0","id":1,"method":"m","params":{"Handle":tru}})") << 64
        << int(MessageProblem::NotJson);
    QTest::newRow("invalid UTF-8 in a parameter")
        << QString::fromLatin1("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"m\",\"params\":{\"Id\":\"\xff\"}}")
        << 64 << int(MessageProblem::NotJson);
    QTest::newRow("envelope deeper than the limit")
        << ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"m\",\"params\":{\"Scope\":" + deep4 + "}}") << 4
        << int(MessageProblem::TooDeep);
    QTest::newRow("document nests from its own top")
        << ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"m\",\"params\":{\"Settings\":" + deep4 + "}}") << 4
        << int(MessageProblem::None);
    QTest::newRow("batch") << QString(R"([{"jsonrpc":"2.0","id":1,"method":"m"}])") << 64
                           << int(MessageProblem::None);
    QTest::newRow("escaped key") << QString("{\"jsonrpc\":\"2.0\",\"id\":1,\"\\u006dethod\":\"m\"}") << 64
                                 << int(MessageProblem::None);
}

void TestRpcProtocol::serverParsesEverythingElse()
{
    QFETCH(QString, message);
    QFETCH(int, maxDepth);
    QFETCH(int, problem);
    nlohmann::ordered_json request;
    const QByteArray bytes = message.toLatin1();
    QCOMPARE(
        int(parseRequestMessage(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                                maxDepth, request)),
        problem);
    if (problem == int(MessageProblem::None) && request.is_object())
        QCOMPARE(QString::fromStdString(request.value("method", "")), QString("m"));
}

void TestRpcProtocol::fullQueueCountsDropsAndReportsTheGap()
{
    EventQueue queue(3);
    QVERIFY(queue.push(1, notificationAt(1)));  // the first event wakes the consumer
    QVERIFY(!queue.push(1, notificationAt(2))); // later ones ride on the same wake-up
    QVERIFY(!queue.push(1, notificationAt(3)));
    for (std::uint64_t s = 4; s <= 10; ++s)
        QVERIFY(!queue.push(1, notificationAt(s))); // full: counted, not queued
    QCOMPARE(queue.droppedTotal(), std::uint64_t(7));

    std::string out;
    QCOMPARE(queue.drainInto(out, 1 << 20), std::size_t(4));
    const auto drained = messages(out);
    QCOMPARE(drained[2]["params"]["Sequence"].get<int>(), 3);
    QCOMPARE(drained[3]["method"].get<std::string>(), std::string("hcnd.eventsDropped"));
    QCOMPARE(drained[3]["params"]["FirstSequence"].get<int>(), 4);
    QCOMPARE(drained[3]["params"]["LastSequence"].get<int>(), 10);
    QCOMPARE(drained[3]["params"]["Count"].get<int>(), 7);
    QVERIFY(queue.empty());
    QVERIFY(queue.push(1, notificationAt(11))); // drained: the next event wakes again
}

void TestRpcProtocol::forgetRemovesEverythingOfASubscription()
{
    EventQueue queue(2);
    (void)queue.push(1, notificationAt(1));
    (void)queue.push(2, notificationAt(1));
    (void)queue.push(1, notificationAt(2)); // dropped for 1
    queue.forget(1);
    std::string out;
    QCOMPARE(queue.drainInto(out, 1 << 20), std::size_t(1));
    QCOMPARE(messages(out)[0]["params"]["Subscription"].get<int>(), 2);
}

void TestRpcProtocol::serviceDisconnectIsNeverDropped()
{
    EventQueue queue(1);
    (void)queue.push(1, notificationAt(1));
    hcn::Notification bye;
    bye.sequence = 2;
    bye.type = hcn::NotificationType::ServiceDisconnect;
    (void)queue.push(1, bye);
    std::string out;
    (void)queue.drainInto(out, 1 << 20);
    const auto drained = messages(out);
    QCOMPARE(drained.size(), std::size_t(2));
    QCOMPARE(drained[1]["params"]["Type"].get<std::uint32_t>(), std::uint32_t(0x01000000));
    QVERIFY(drained[1]["params"]["Data"].is_null());
}

void TestRpcProtocol::serviceOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("valid");
    QTest::newRow("defaults") << QStringList{} << true;
    QTest::newRow("all local options") << QStringList{"--socket",
                                                      "/tmp/x.sock",
                                                      "--group=wheel",
                                                      "--threads",
                                                      "4",
                                                      "--client-queue",
                                                      "10",
                                                      "--max-json-depth",
                                                      "8",
                                                      "--max-message-bytes",
                                                      "4096",
                                                      "--log-level",
                                                      "debug",
                                                      "--keep-awake",
                                                      "20"}
                                       << true;
    QTest::newRow("TCP with TLS and token")
        << QStringList{"--tcp", "[::1]:7443", "--tls-cert", "c", "--tls-key", "k", "--token-file", "t"}
        << true;
    QTest::newRow("TCP without token")
        << QStringList{"--tcp", "0.0.0.0:7443", "--tls-cert", "c", "--tls-key", "k"} << false;
    QTest::newRow("TLS files without TCP") << QStringList{"--tls-cert", "c"} << false;
    QTest::newRow("port out of range") << QStringList{"--tcp", "host:70000"} << false;
    QTest::newRow("negative queue") << QStringList{"--client-queue", "-1"} << false;
    QTest::newRow("empty socket path") << QStringList{"--socket="} << false;
    QTest::newRow("keep awake too long") << QStringList{"--keep-awake", "20000"} << false;
    QTest::newRow("keep awake not a number") << QStringList{"--keep-awake", "50us"} << false;
}

void TestRpcProtocol::serviceOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, valid);
    std::vector<std::string> args;
    for (const QString& a : arguments)
        args.push_back(a.toStdString());
    auto options = parseServiceOptions(args);
    QCOMPARE(options.ok(), valid);
    if (!valid) {
        QCOMPARE(options.code(), hcn::hr::InvalidArg);
        QVERIFY(!options.status().detail().empty());
    } else if (arguments.contains("--threads")) {
        QCOMPARE(options->threads, 4u);
        QCOMPARE(options->group, std::string("wheel"));
        QCOMPARE(options->clientQueue, std::size_t(10));
        QCOMPARE(options->keepAwake.count(), 20);
    } else if (arguments.isEmpty()) {
        QCOMPARE(options->keepAwake.count(), 50); // staying awake is the default
    } else if (arguments.contains("--tcp")) {
        QCOMPARE(options->tcpHost, std::string("::1"));
        QCOMPARE(options->tcpPort, static_cast<unsigned short>(7443));
    }
}

void TestRpcProtocol::requestsCarryAnyMethodNameAsValidJson_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::newRow("one of ours") << QByteArray("HcnQueryNetworkProperties");
    QTest::newRow("service method") << QByteArray("hcnd.info");
    QTest::newRow("quote typed by a user") << QByteArray("a\"b");
    QTest::newRow("backslash and control character") << QByteArray("a\\b\n");
    QTest::newRow("non-ASCII") << QByteArray("H\xC3\xA9llo");
}

void TestRpcProtocol::requestsCarryAnyMethodNameAsValidJson()
{
    QFETCH(QByteArray, method);
    const std::string name = method.toStdString();
    const auto message = nlohmann::json::parse(hcn::rpc::requestMessage(7, name, "{}"), nullptr, false);
    QVERIFY(!message.is_discarded());
    QCOMPARE(message.value("method", ""), name);
    std::string frame;
    hcn::rpc::appendRequestFrame(frame, 8, name, "{}");
    const auto framed = nlohmann::json::parse(frame.substr(4), nullptr, false);
    QVERIFY(!framed.is_discarded());
    QCOMPARE(framed.value("method", ""), name);
    QCOMPARE(framed.value("id", 0), 8);
}

// hcnd.hello and hcnd.info say when the host is an offline snapshot, so a remote console turns its
// changing actions off; a live host's answers do not change.
void TestRpcProtocol::aSnapshotSaysItIsReadOnly()
{
    hcn::EmbeddedApi live;
    auto snapshot = hcn::SnapshotApi::fromText(R"({"Networks":[],"Endpoints":[]})", "customer.json");
    QVERIFY(snapshot.ok());
    for (const char* method : {"hcnd.hello", "hcnd.info"}) {
        hcn::rpc::InProcessConnection offline(**snapshot, "test");
        auto answer = offline.call(method, "{}");
        QVERIFY(answer.ok());
        const auto info = nlohmann::json::parse(*answer);
        QCOMPARE(info.value("ReadOnly", false), true);
        QCOMPARE(info.value("Description", std::string()), std::string("offline read-only snapshot (customer.json)"));

        hcn::rpc::InProcessConnection online(live, "test");
        answer = online.call(method, "{}");
        QVERIFY(answer.ok());
        QVERIFY(!nlohmann::json::parse(*answer).contains("ReadOnly"));
    }
}

void TestRpcProtocol::spinBackoff_data()
{
    // Events: 'm' a poll that ran out, 'h' one that saw the answer. After each miss: how many waits
    // sleep at once before the next poll.
    QTest::addColumn<QString>("events");
    QTest::addColumn<QList<int>>("sleepsAfterEachMiss");
    QTest::newRow("no miss: every wait polls") << QString("hhh") << QList<int>{};
    QTest::newRow("one miss") << QString("m") << QList<int>{16};
    QTest::newRow("misses in a row double") << QString("mmmm") << QList<int>{16, 32, 64, 128};
    QTest::newRow("a hit starts over") << QString("mmhm") << QList<int>{16, 32, 16};
    QTest::newRow("at most 4096") << QString("mmmmmmmmmmm")
                                  << QList<int>{16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 4096, 4096};
}

void TestRpcProtocol::spinBackoff()
{
    QFETCH(QString, events);
    QFETCH(QList<int>, sleepsAfterEachMiss);
    hcn::rpc::SpinBackoff backoff;
    QList<int> sleeps;
    for (const QChar event : events) {
        QVERIFY(backoff.shouldSpin());
        if (event == 'h') {
            backoff.hit();
            continue;
        }
        backoff.miss();
        int count = 0;
        while (!backoff.shouldSpin() && count < 100000)
            ++count;
        sleeps << count;
    }
    QCOMPARE(sleeps, sleepsAfterEachMiss);
}

QTEST_GUILESS_MAIN(TestRpcProtocol)
#include "tst_rpcprotocol.moc"
