// hcnd's TCP listener: TLS with a throwaway self-signed certificate made by the openssl CLI, and a
// token. The right token works, a wrong one is refused, a request before hcnd.authenticate is refused
// and the connection closed, a plain TCP client gets no JSON at all, an untrusted certificate fails,
// and threads and events share one TLS connection.

#include "hcn/rpc_client.h"
#include "hcnd_process.h"
#include "rpc/tls_stream.h"

#include <QtTest>
#include <arpa/inet.h>
#include <atomic>
#include <netinet/in.h>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

using hcntest::HcndProcess;

namespace {

/// A port nobody listens on right now (bind to 0, read it, release it).
unsigned short freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t size = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
    ::close(fd);
    return ntohs(address.sin_port);
}

bool tcpAccepts(unsigned short port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    return ok;
}

} // namespace

class TestRpcTls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rightTokenWorks();
    void threadsAndEventsShareOneTlsConnection();
    void wrongTokenIsRefused();
    void requestBeforeAuthenticateIsRefused();
    void plainTcpClientCannotTalk();
    void untrustedCertificateFails();
    void hcnctlReachesTheTlsListener();

private:
    hcn::RpcClientOptions options(const std::string& token) const;

    QTemporaryDir m_files;
    HcndProcess m_hcnd;
    unsigned short m_port = 0;
};

void TestRpcTls::initTestCase()
{
    hcntest::ChildProcess openssl;
    hcntest::ChildProcess::Options options;
    options.workingDirectory = m_files.path().toStdString();
    if (!openssl.start("openssl",
                       {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                        "-keyout", "key.pem", "-out", "cert.pem", "-days", "1", "-subj", "/CN=localhost",
                        "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"},
                       options))
        QSKIP("the openssl command is not available");
    QVERIFY(openssl.waitForExit(30000));
    QCOMPARE(openssl.exitCode(), 0);
    QFile token(m_files.filePath("token"));
    QVERIFY(token.open(QIODevice::WriteOnly));
    token.write("s3cret-token\n");
    token.close();

    m_port = freePort();
    QVERIFY(m_hcnd.start({"--tcp", QString("127.0.0.1:%1").arg(m_port), "--tls-cert",
                          m_files.filePath("cert.pem"), "--tls-key", m_files.filePath("key.pem"),
                          "--token-file", m_files.filePath("token")}));
    QTRY_VERIFY_WITH_TIMEOUT(tcpAccepts(m_port), 10000);
}

hcn::RpcClientOptions TestRpcTls::options(const std::string& token) const
{
    hcn::RpcClientOptions o;
    o.endpoint = "tls://127.0.0.1:" + std::to_string(m_port);
    o.caFile = m_files.filePath("cert.pem").toStdString();
    o.token = token;
    return o;
}

void TestRpcTls::rightTokenWorks()
{
    auto client = hcn::RpcClient::connect(options("s3cret-token"));
    QVERIFY2(client.ok(), client.ok() ? "" : client.status().message().c_str());
    auto net =
        (*client)->create(hcn::ResourceKind::Network, {},
                          R"({"SchemaVersion":{"Major":2,"Minor":0},"Type":"NAT","Name":"overtls"})", 0);
    QVERIFY(net.ok());
    auto doc = (*client)->query(hcn::ResourceKind::Network, *net, "");
    QVERIFY(doc.ok());
    QVERIFY(QString::fromStdString(*doc).contains("\"overtls\""));
    auto about = (*client)->info();
    QVERIFY(about.ok());
    QCOMPARE(QString::fromStdString(about->endpoint), QString("tls:127.0.0.1:%1").arg(m_port));
}

// Calls from several threads and a subscription's events over one TLS connection: reads and writes of
// different threads meet in one TLS session.
void TestRpcTls::threadsAndEventsShareOneTlsConnection()
{
    auto connected = hcn::RpcClient::connect(options("s3cret-token"));
    QVERIFY2(connected.ok(), connected.ok() ? "" : connected.status().message().c_str());
    hcn::RpcClient& client = **connected;
    std::atomic<int> creates{0};
    auto subscription = client.subscribe(
        [&](const hcn::Notification& n) {
            if (n.type == hcn::NotificationType::NetworkCreate)
                ++creates;
        },
        {});
    QVERIFY(subscription.ok());
    constexpr int kThreads = 4;
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            const std::string name = "tls-shared-" + std::to_string(t);
            auto net = client.create(
                hcn::ResourceKind::Network, {},
                R"({"SchemaVersion":{"Major":2,"Minor":0},"Type":"NAT","Name":")" + name + "\"}", 0);
            if (!net.ok()) {
                ++wrong;
                return;
            }
            for (int i = 0; i < 100; ++i) {
                auto doc = client.query(hcn::ResourceKind::Network, *net, "");
                if (!doc.ok() || doc->find("\"" + name + "\"") == std::string::npos)
                    ++wrong;
            }
            auto id = client.handleId(hcn::ResourceKind::Network, *net);
            if (!id.ok() || !client.remove(hcn::ResourceKind::Network, *id).ok())
                ++wrong;
        });
    }
    for (auto& thread : threads)
        thread.join();
    QCOMPARE(wrong.load(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(creates.load(), kThreads, 10000);
    client.unsubscribe(*subscription);
}

void TestRpcTls::wrongTokenIsRefused()
{
    auto client = hcn::RpcClient::connect(options("guess"));
    QVERIFY(!client.ok());
    QCOMPARE(client.code(), hcn::makeHResult(0x80070005)); // E_ACCESSDENIED
    QVERIFY(QString::fromStdString(client.status().message()).contains("token"));
}

void TestRpcTls::requestBeforeAuthenticateIsRefused()
{
    asio::io_context io;
    asio::ssl::context tls(asio::ssl::context::tls_client);
    tls.load_verify_file(m_files.filePath("cert.pem").toStdString());
    asio::ip::tcp::socket socket(io);
    socket.connect({asio::ip::make_address("127.0.0.1"), m_port});
    hcn::rpc::TlsStream stream(std::move(socket), tls);
    stream.stream().set_verify_mode(asio::ssl::verify_peer);
    QVERIFY(!stream.handshake(asio::ssl::stream_base::client));
    asio::write(stream.stream(),
                asio::buffer(hcn::rpc::encodeFrame(R"({"jsonrpc":"2.0","id":1,"method":"hcnd.ping"})")));
    hcn::rpc::FrameDecoder decoder;
    char buffer[4096];
    std::error_code ec;
    while (!decoder.hasMessage() && !ec) {
        const auto n = stream.stream().read_some(asio::buffer(buffer), ec);
        decoder.feed(buffer, n);
    }
    QVERIFY(decoder.hasMessage());
    const auto answer = nlohmann::json::parse(decoder.takeMessage());
    QCOMPARE(answer["error"]["code"].get<int>(), -32002);
    // Then the service closes the connection.
    while (!ec)
        stream.stream().read_some(asio::buffer(buffer), ec);
    QVERIFY(ec);
}

void TestRpcTls::plainTcpClientCannotTalk()
{
    asio::io_context io;
    asio::ip::tcp::socket socket(io);
    socket.connect({asio::ip::make_address("127.0.0.1"), m_port});
    asio::write(socket,
                asio::buffer(hcn::rpc::encodeFrame(R"({"jsonrpc":"2.0","id":1,"method":"hcnd.ping"})")));
    std::string received;
    char buffer[4096];
    std::error_code ec;
    while (!ec) {
        const auto n = socket.read_some(asio::buffer(buffer), ec);
        received.append(buffer, n);
    }
    // At most a TLS alert; never a JSON-RPC answer.
    QVERIFY(received.find("jsonrpc") == std::string::npos);
}

void TestRpcTls::untrustedCertificateFails()
{
    auto o = options("s3cret-token");
    o.caFile.clear(); // the system store does not know the throwaway certificate
    auto client = hcn::RpcClient::connect(o);
    QVERIFY(!client.ok());
    QVERIFY(QString::fromStdString(client.status().message()).contains("TLS handshake"));
}

void TestRpcTls::hcnctlReachesTheTlsListener()
{
    const QString endpoint = QString("tls://127.0.0.1:%1").arg(m_port);
    auto run = [&](const QString& tokenFile) {
        hcntest::ChildProcess hcnctl;
        hcnctl.start(HCNCTL_PATH, hcntest::args({"--socket", endpoint, "--token-file", tokenFile, "--ca-file",
                                                 m_files.filePath("cert.pem"), "version"}));
        hcnctl.waitForExit(30000);
        return std::make_pair(hcnctl.exitCode(),
                              QString::fromStdString(hcnctl.readStdout() + hcnctl.readStderr()));
    };
    const auto [okCode, okText] = run(m_files.filePath("token"));
    QCOMPARE(okCode, 0);
    QVERIFY2(okText.contains("15.4"), qPrintable(okText));

    QFile wrong(m_files.filePath("wrong-token"));
    QVERIFY(wrong.open(QIODevice::WriteOnly));
    wrong.write("guess\n");
    wrong.close();
    const auto [badCode, badText] = run(wrong.fileName());
    QVERIFY(badCode != 0);
    QVERIFY2(badText.contains("token"), qPrintable(badText));
}

QTEST_GUILESS_MAIN(TestRpcTls)
#include "tst_rpctls.moc"
