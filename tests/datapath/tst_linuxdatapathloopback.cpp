// Published ports on 127.0.0.1 and ::1 (docs/datapath-linux.md, section "Published ports on the loopback
// addresses"): the datapath's loopback proxy relays TCP connections and UDP flows from the host's
// loopback to the endpoint or a load balancer's backends. The suite runs in a network namespace it creates
// (initTestCase), so the loopback addresses it uses are its own; traffic flows between it and the named
// namespaces it makes, on 10.244.0.0/16 and fd68:636e::/32.

#include "datapath/linux_loopback_proxy.h"
#include "engine_harness.h"
#include "hcn/linux_datapath.h"
#include "linux_host.h"
#include "netns_probe.h"

#include <atomic>
#include <thread>

using namespace hcntest;
using hcn::Guid;
using hcn::ResourceKind;

namespace {

json portMapping(int protocol, int internal, int external)
{
    return {{"Type", "PortMapping"},
            {"Settings", {{"Protocol", protocol}, {"InternalPort", internal}, {"ExternalPort", external}}}};
}

/// A dual-stack NAT network 10.244.<third>.0/24 and fd68:636e:<third>::/64.
json dualStackNetwork(int third)
{
    const std::string v4 = "10.244." + std::to_string(third) + ".",
                      v6 = "fd68:636e:" + std::to_string(third) + "::";
    json doc = natNetwork("net" + std::to_string(third), v4 + "0/24", v4 + "1");
    doc["Ipams"][0]["Subnets"].push_back(
        {{"IpAddressPrefix", v6 + "/64"},
         {"Routes", {{{"NextHop", v6 + "1"}, {"DestinationPrefix", "::/0"}}}}});
    return doc;
}

/// What arrives on `fd` until its end (or an error, or 5 s without data: the socket's timeout).
/// `ended`: whether it ended in order (the peer's FIN) rather than an error or the timeout.
std::string readToEnd(int fd, bool* ended = nullptr)
{
    std::string out;
    char buffer[16384];
    for (;;) {
        const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
        if (n > 0) {
            out.append(buffer, std::size_t(n));
            continue;
        }
        if (ended)
            *ended = n == 0;
        return out;
    }
}

/// Bytes of a pattern no shift of itself repeats soon: a lost or reordered chunk shows.
std::string payload(std::size_t size, char seed)
{
    std::string out(size, '\0');
    std::uint32_t x = std::uint32_t(seed) * 2654435761u + 1;
    for (auto& c : out) {
        x = x * 1664525u + 1013904223u;
        c = char(x >> 24);
    }
    return out;
}

/// A UDP socket opened inside the named namespace (empty: the suite's own), bound to every address of
/// `v6`'s family at `port`, echoing each datagram back prefixed with "echo:" on a thread of its own until
/// destroyed.
struct UdpEcho
{
    int fd = -1;
    std::atomic<bool> stop{false};
    std::thread thread;
    UdpEcho(const std::string& netns, std::uint16_t port, bool v6)
    {
        auto open = [&] {
            fd = socket(v6 ? AF_INET6 : AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
            socklen_t length = 0;
            sockaddr_storage any = socketAddress(v6 ? "::" : "0.0.0.0", port, length);
            if (bind(fd, reinterpret_cast<sockaddr*>(&any), length) != 0) {
                close(fd);
                fd = -1;
            }
            return hcn::Status::success();
        };
        if (netns.empty()) {
            (void)open();
        } else if (auto ns = hcn::linuxdp::NetnsFd::openPath("/run/netns/" + netns); ns.ok()) {
            (void)hcn::linuxdp::runInNetns(ns->get(), open);
        }
        if (fd < 0)
            return;
        thread = std::thread([this] {
            char buffer[2048];
            while (!stop) {
                pollfd p{fd, POLLIN, 0};
                if (poll(&p, 1, 50) != 1)
                    continue;
                sockaddr_storage from{};
                socklen_t length = sizeof from;
                const ssize_t n =
                    recvfrom(fd, buffer, sizeof buffer, 0, reinterpret_cast<sockaddr*>(&from), &length);
                if (n < 0)
                    continue;
                const std::string reply = "echo:" + std::string(buffer, std::size_t(n));
                sendto(fd, reply.data(), reply.size(), 0, reinterpret_cast<sockaddr*>(&from), length);
            }
        });
    }
    ~UdpEcho()
    {
        stop = true;
        if (thread.joinable())
            thread.join();
        if (fd >= 0)
            close(fd);
    }
};

/// A UDP client socket of the suite's namespace; ask() sends one datagram to address:port and returns
/// the reply that arrives within timeoutMs (empty: none).
struct UdpClient
{
    Fd sock;
    explicit UdpClient(bool v6) : sock(socket(v6 ? AF_INET6 : AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0)) {}
    std::string ask(const std::string& address, std::uint16_t port, const std::string& text,
                    int timeoutMs = 2000)
    {
        socklen_t length = 0;
        const sockaddr_storage to = socketAddress(address, port, length);
        if (sendto(sock.fd, text.data(), text.size(), 0, reinterpret_cast<const sockaddr*>(&to), length) < 0)
            return {};
        pollfd p{sock.fd, POLLIN, 0};
        if (poll(&p, 1, timeoutMs) != 1)
            return {};
        char buffer[2048];
        const ssize_t n = recv(sock.fd, buffer, sizeof buffer, 0);
        return n > 0 ? std::string(buffer, std::size_t(n)) : std::string();
    }
};

/// A socket of the suite's namespace bound to loopback:port: something of the host's own using it.
int hostSocket(const std::string& protocol, const std::string& loopback, std::uint16_t port)
{
    socklen_t length = 0;
    const sockaddr_storage at = socketAddress(loopback, port, length);
    const int fd = socket(at.ss_family, (protocol == "tcp" ? SOCK_STREAM : SOCK_DGRAM) | SOCK_CLOEXEC, 0);
    if (bind(fd, reinterpret_cast<const sockaddr*>(&at), length) != 0 ||
        (protocol == "tcp" && listen(fd, 4) != 0)) {
        close(fd);
        return -1;
    }
    return fd;
}

} // namespace

class TestLinuxDatapathLoopback : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void tcpReachesTheEndpointWithHalfClose_data();
    void tcpReachesTheEndpointWithHalfClose();
    void udpRequestsGetTheirReplies_data();
    void udpRequestsGetTheirReplies();
    void refusedByTheEndpointClosesTheClient();
    void removingTheMappingClosesThePortAndItsConnections();
    void resetClosesEverything();
    void portInUseOnTheHostFailsTheCreate_data();
    void portInUseOnTheHostFailsTheCreate();
    void loadBalancerWithoutVipSpreadsOverItsBackends_data();
    void loadBalancerWithoutVipSpreadsOverItsBackends();
    void udpFlowsAreBoundedAndEndWhenIdle();
    void tcpConnectionsAreBounded();

private:
    std::string m_skip;
    LinuxHost m_host;
};

void TestLinuxDatapathLoopback::initTestCase()
{
    m_skip = enterOwnNetworkNamespace();
    if (!m_skip.empty())
        QSKIP(qPrintable("SKIPPED: the Linux datapath loopback suite " + QString::fromStdString(m_skip)));
}

void TestLinuxDatapathLoopback::init()
{
    HCN_VERIFY_OK(m_host.open());
}

void TestLinuxDatapathLoopback::cleanup()
{
    if (m_host.engine)
        m_host.engine->shutdown();
    m_host.engine.reset();
    m_host.datapath.reset();
    QCOMPARE(hcnLinks(), std::set<std::string>{});
}

void TestLinuxDatapathLoopback::tcpReachesTheEndpointWithHalfClose_data()
{
    QTest::addColumn<QString>("loopback");
    QTest::addColumn<bool>("dualStack");
    QTest::addColumn<QString>("seenFrom"); // the client address the endpoint's server sees
    QTest::newRow("127.0.0.1 to the endpoint's IPv4 address") << "127.0.0.1" << false << "10.244.21.1";
    QTest::newRow("::1 to the endpoint's IPv6 address") << "::1" << true << "fd68:636e:21::1";
    QTest::newRow("::1 to an IPv4-only endpoint's IPv4 address") << "::1" << false << "10.244.21.1";
}

void TestLinuxDatapathLoopback::tcpReachesTheEndpointWithHalfClose()
{
    QFETCH(QString, loopback);
    QFETCH(bool, dualStack);
    QFETCH(QString, seenFrom);
    auto net = m_host.create(ResourceKind::Network, dualStackNetwork(21));
    HCN_VERIFY_OK(net);
    json ipConfigurations = {{{"IpAddress", "10.244.21.10"}}};
    if (dualStack)
        ipConfigurations.push_back({{"IpAddress", "fd68:636e:21::10"}, {"PrefixLength", 64}});
    auto ep = m_host.create(ResourceKind::Endpoint,
                            v2({{"Name", "web"},
                                {"IpConfigurations", ipConfigurations},
                                {"Policies", {portMapping(6, 80, 8421)}}}),
                            *net);
    HCN_VERIFY_OK(ep);
    auto ns = m_host.namespaceWith(*ep);
    HCN_VERIFY_OK(ns);
    const bool v6Target = seenFrom.contains(':');
    Listener server(m_host.netnsOf(*ns), 80, v6Target);
    QVERIFY(server.fd >= 0);

    // The server reads the request to its end, then answers and closes; the client has shut its
    // writing down before the answer comes, and reads it to the end.
    const std::string request = payload(512 * 1024, 'q'), response = payload(256 * 1024, 'r');
    std::string received, peer;
    std::thread serverSide([&] {
        pollfd p{server.fd, POLLIN, 0};
        if (poll(&p, 1, 5000) != 1)
            return;
        sockaddr_storage from{};
        socklen_t length = sizeof from;
        Fd accepted(accept(server.fd, reinterpret_cast<sockaddr*>(&from), &length));
        char text[INET6_ADDRSTRLEN] = {};
        if (from.ss_family == AF_INET6)
            inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(&from)->sin6_addr, text, sizeof text);
        else
            inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(&from)->sin_addr, text, sizeof text);
        peer = text;
        timeval timeout{5, 0};
        setsockopt(accepted.fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        bool ended = false;
        received = readToEnd(accepted.fd, &ended);
        if (ended)
            sendAll(accepted.fd, response);
    });
    Fd client(tcpConnect(loopback.toStdString(), 8421));
    const bool sent = client.fd >= 0 && sendAll(client.fd, request);
    shutdown(client.fd, SHUT_WR);
    bool ended = false;
    const std::string answer = client.fd >= 0 ? readToEnd(client.fd, &ended) : std::string();
    serverSide.join();
    QVERIFY(client.fd >= 0);
    QVERIFY(sent);
    QCOMPARE(received.size(), request.size());
    QVERIFY(received == request);
    QVERIFY(ended);
    QCOMPARE(answer.size(), response.size());
    QVERIFY(answer == response);
    QCOMPARE(QString::fromStdString(peer), seenFrom);
    // The reachability trace, told that the loopback address is the host's, lands on the endpoint too
    // where it models the same thing: a published port answering in the endpoint's own family (it does
    // not cross families as the proxy does; docs/datapath-linux.md).
    if (loopback.contains(QLatin1Char(':')) == v6Target)
        QCOMPARE(m_host.predicted("host", loopback.toStdString(), 8421, true, {loopback.toStdString()}),
                 std::string("delivered to web"));
}

void TestLinuxDatapathLoopback::udpRequestsGetTheirReplies_data()
{
    QTest::addColumn<QString>("loopback");
    QTest::newRow("127.0.0.1") << "127.0.0.1";
    QTest::newRow("::1 to the endpoint's IPv6 address") << "::1";
}

void TestLinuxDatapathLoopback::udpRequestsGetTheirReplies()
{
    QFETCH(QString, loopback);
    const bool v6 = loopback.contains(':');
    auto net = m_host.create(ResourceKind::Network, dualStackNetwork(22));
    HCN_VERIFY_OK(net);
    auto ep = m_host.create(
        ResourceKind::Endpoint,
        v2({{"Name", "dns"},
            {"IpConfigurations",
             {{{"IpAddress", "10.244.22.10"}}, {{"IpAddress", "fd68:636e:22::10"}, {"PrefixLength", 64}}}},
            {"Policies", {portMapping(17, 53, 8453)}}}),
        *net);
    HCN_VERIFY_OK(ep);
    auto ns = m_host.namespaceWith(*ep);
    HCN_VERIFY_OK(ns);
    UdpEcho echo(m_host.netnsOf(*ns), 53, v6);
    QVERIFY(echo.fd >= 0);
    // Two clients, each its own flow: each gets the replies to its own requests.
    UdpClient first(v6), second(v6);
    const std::string address = loopback.toStdString();
    QCOMPARE(first.ask(address, 8453, "one"), std::string("echo:one"));
    QCOMPARE(second.ask(address, 8453, "two"), std::string("echo:two"));
    QCOMPARE(first.ask(address, 8453, "three"), std::string("echo:three"));
    // The mapping removed: no reply any more.
    json request{{"ResourceType", "Policy"},
                 {"RequestType", "Remove"},
                 {"Settings", {{"Policies", json::array({portMapping(17, 53, 8453)})}}}};
    HCN_VERIFY_OK(m_host.engine->modify(ResourceKind::Endpoint, *ep, request.dump()));
    QCOMPARE(first.ask(address, 8453, "four", 500), std::string());
}

void TestLinuxDatapathLoopback::refusedByTheEndpointClosesTheClient()
{
    // Nothing listens on the endpoint's port: the proxy accepted the client, its connection to the
    // endpoint is refused, and the client's connection is reset at once rather than left hanging.
    auto net = m_host.network(23);
    HCN_VERIFY_OK(net);
    auto ep = m_host.attachedEndpoint(*net, "10.244.23.10", json::array({portMapping(6, 80, 8423)}));
    HCN_VERIFY_OK(ep);
    Fd client(tcpConnect("127.0.0.1", 8423));
    if (client.fd < 0) { // the reset came before connect() returned
        QCOMPARE(errno, ECONNRESET);
        return;
    }
    char byte = 0;
    errno = 0;
    const ssize_t n = recv(client.fd, &byte, 1, 0);
    QCOMPARE(n, ssize_t(-1));
    QCOMPARE(errno, ECONNRESET);
}

void TestLinuxDatapathLoopback::removingTheMappingClosesThePortAndItsConnections()
{
    auto net = m_host.network(24);
    HCN_VERIFY_OK(net);
    auto ep = m_host.attachedEndpoint(*net, "10.244.24.10", json::array({portMapping(6, 80, 8424)}));
    HCN_VERIFY_OK(ep);
    Listener server(ep->netns, 80);
    QVERIFY(server.fd >= 0);
    Fd client(tcpConnect("127.0.0.1", 8424));
    QVERIFY(client.fd >= 0);
    Fd accepted(acceptOne(server.fd));
    QVERIFY(accepted.fd >= 0);
    QVERIFY(sendAll(client.fd, "ping"));
    char buffer[8] = {};
    QCOMPARE(recv(accepted.fd, buffer, sizeof buffer, 0), ssize_t(4));

    json request{{"ResourceType", "Policy"},
                 {"RequestType", "Remove"},
                 {"Settings", {{"Policies", json::array({portMapping(6, 80, 8424)})}}}};
    HCN_VERIFY_OK(m_host.engine->modify(ResourceKind::Endpoint, ep->endpoint, request.dump()));
    // The live connection is cut (both of its sides), and the port no longer answers.
    bool ended = true;
    readToEnd(client.fd, &ended);
    QVERIFY(!ended); // reset
    QVERIFY(tcpConnect("127.0.0.1", 8424) < 0);
    QVERIFY(tcpConnect("::1", 8424) < 0);
    // Published again, it answers again.
    json add = request;
    add["RequestType"] = "Add";
    HCN_VERIFY_OK(m_host.engine->modify(ResourceKind::Endpoint, ep->endpoint, add.dump()));
    QVERIFY(tcpConnects("", "127.0.0.1", 8424, 2000, server.fd));
    // Deleting the endpoint closes it too.
    HCN_VERIFY_OK(
        m_host.engine->remove(ResourceKind::Endpoint, m_host.idOf(ResourceKind::Endpoint, ep->endpoint)));
    QVERIFY(tcpConnect("127.0.0.1", 8424) < 0);
}

void TestLinuxDatapathLoopback::resetClosesEverything()
{
    auto net = m_host.network(25);
    HCN_VERIFY_OK(net);
    auto ep = m_host.attachedEndpoint(*net, "10.244.25.10",
                                      json::array({portMapping(6, 80, 8425), portMapping(17, 53, 8425)}));
    HCN_VERIFY_OK(ep);
    Listener server(ep->netns, 80);
    QVERIFY(server.fd >= 0);
    Fd client(tcpConnect("127.0.0.1", 8425));
    QVERIFY(client.fd >= 0);
    Fd accepted(acceptOne(server.fd));
    QVERIFY(accepted.fd >= 0); // the connection stays open on the endpoint's side
    m_host.datapath->reset();
    bool ended = true;
    readToEnd(client.fd, &ended);
    QVERIFY(!ended);
    QVERIFY(tcpConnect("127.0.0.1", 8425) < 0);
    // Every port is free again: the host itself can use them.
    for (const char* protocol : {"tcp", "udp"})
        for (const char* loopback : {"127.0.0.1", "::1"}) {
            Fd mine(hostSocket(protocol, loopback, 8425));
            QVERIFY2(mine.fd >= 0, protocol);
        }
}

void TestLinuxDatapathLoopback::portInUseOnTheHostFailsTheCreate_data()
{
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<QString>("loopback");
    QTest::newRow("tcp, a listener on 127.0.0.1") << "tcp"
                                                  << "127.0.0.1";
    QTest::newRow("tcp, a listener on ::1") << "tcp"
                                            << "::1";
    QTest::newRow("udp, a socket on 127.0.0.1") << "udp"
                                                << "127.0.0.1";
}

void TestLinuxDatapathLoopback::portInUseOnTheHostFailsTheCreate()
{
    QFETCH(QString, protocol);
    QFETCH(QString, loopback);
    auto net = m_host.network(26);
    HCN_VERIFY_OK(net);
    const std::string rulesBefore = nftRuleset();
    const auto linksBefore = hcnLinks();
    Fd hostService(hostSocket(protocol.toStdString(), loopback.toStdString(), 8426));
    QVERIFY(hostService.fd >= 0);
    const json mapping = portMapping(protocol == "tcp" ? 6 : 17, 80, 8426);
    auto ep = m_host.endpoint(*net, "10.244.26.10", json::array({mapping}));
    QVERIFY(!ep.ok());
    QCOMPARE(ep.status().code(), hcn::hr::AddressInUse);
    const std::string where = loopback == "::1" ? "[::1]:8426" : "127.0.0.1:8426";
    QVERIFY2(ep.status().detail().find(protocol.toStdString() + " " + where) != std::string::npos,
             ep.status().detail().c_str());
    // Nothing else changed: no rule, no link, no endpoint; the other loopback address is not held.
    QCOMPARE(nftRuleset(), rulesBefore);
    QCOMPARE(hcnLinks(), linksBefore);
    QCOMPARE(m_host.engine->enumerate(ResourceKind::Endpoint, "").value(), std::string("[]"));
    Fd other(hostSocket(protocol.toStdString(), loopback == "::1" ? "127.0.0.1" : "::1", 8426));
    QVERIFY(other.fd >= 0);
    close(other.fd);
    other.fd = -1;
    // The host's program gone, the same create goes through.
    close(hostService.fd);
    hostService.fd = -1;
    HCN_VERIFY_OK(m_host.endpoint(*net, "10.244.26.10", json::array({mapping})));
}

void TestLinuxDatapathLoopback::loadBalancerWithoutVipSpreadsOverItsBackends_data()
{
    QTest::addColumn<int>("distribution");
    QTest::addColumn<bool>("spread");
    QTest::newRow("round robin") << 0 << true;
    QTest::newRow("source IP affinity") << 2 << false;
}

void TestLinuxDatapathLoopback::loadBalancerWithoutVipSpreadsOverItsBackends()
{
    QFETCH(int, distribution);
    QFETCH(bool, spread);
    auto net = m_host.network(27);
    HCN_VERIFY_OK(net);
    auto a = m_host.attachedEndpoint(*net, "10.244.27.10");
    auto b = m_host.attachedEndpoint(*net, "10.244.27.11");
    HCN_VERIFY_OK(a);
    HCN_VERIFY_OK(b);
    Listener first(a->netns, 80), second(b->netns, 80);
    QVERIFY(first.fd >= 0 && second.fd >= 0);
    json lb = v2({{"HostComputeEndpoints",
                   {m_host.idOf(ResourceKind::Endpoint, a->endpoint).toString(),
                    m_host.idOf(ResourceKind::Endpoint, b->endpoint).toString()}},
                  {"PortMappings",
                   {{{"Protocol", 6},
                     {"InternalPort", 80},
                     {"ExternalPort", 30427},
                     {"DistributionType", distribution}}}}});
    auto balancer = m_host.create(ResourceKind::LoadBalancer, lb);
    HCN_VERIFY_OK(balancer);
    int hits[2] = {0, 0};
    for (int i = 0; i < 6; ++i) {
        QVERIFY(tcpConnects("", "127.0.0.1", 30427));
        const int which = acceptedBy({first.fd, second.fd});
        QVERIFY(which >= 0);
        ++hits[which];
    }
    if (spread) {
        QCOMPARE(hits[0], 3);
        QCOMPARE(hits[1], 3);
    } else {
        QVERIFY2(hits[0] == 6 || hits[1] == 6, qPrintable(QString("%1/%2").arg(hits[0]).arg(hits[1])));
    }
    QCOMPARE(m_host.predicted("host", "127.0.0.1", 30427, false, {"127.0.0.1"}), std::string("delivered"));
    // An IPv4 load balancer is published on 127.0.0.1 only, as its rules are in the IPv4 table.
    QVERIFY(tcpConnect("::1", 30427) < 0);
    // A backend deleted: the other one serves every connection.
    HCN_VERIFY_OK(
        m_host.engine->remove(ResourceKind::Endpoint, m_host.idOf(ResourceKind::Endpoint, b->endpoint)));
    for (int i = 0; i < 3; ++i) {
        QVERIFY(tcpConnects("", "127.0.0.1", 30427));
        QCOMPARE(acceptedBy({first.fd, second.fd}), 0);
    }
    HCN_VERIFY_OK(m_host.engine->remove(ResourceKind::LoadBalancer,
                                        m_host.idOf(ResourceKind::LoadBalancer, *balancer)));
    QVERIFY(tcpConnect("127.0.0.1", 30427) < 0);
}

void TestLinuxDatapathLoopback::udpFlowsAreBoundedAndEndWhenIdle()
{
    // The proxy alone, with small bounds, relaying to a UDP echo of the suite's own namespace.
    hcn::linuxdp::LoopbackLimits limits;
    limits.maxUdpFlows = 2;
    limits.udpIdle = std::chrono::milliseconds(1000); // longer than the asks below take
    auto proxy = hcn::linuxdp::LoopbackProxy::start(limits);
    HCN_VERIFY_OK(proxy);
    UdpEcho echo("", 8553, false);
    QVERIFY(echo.fd >= 0);
    const Guid owner = Guid::generate();
    auto change = (*proxy)->prepare(owner, {{"udp", "127.0.0.1", 8554, 8553, {"127.0.0.1"}, false}});
    HCN_VERIFY_OK(change);
    (*proxy)->commit(std::move(*change));
    UdpClient a(false), b(false), c(false);
    QCOMPARE(a.ask("127.0.0.1", 8554, "a"), std::string("echo:a"));
    QCOMPARE(b.ask("127.0.0.1", 8554, "b"), std::string("echo:b"));
    // A third client while two flows live: dropped.
    QCOMPARE(c.ask("127.0.0.1", 8554, "c", 200), std::string());
    QCOMPARE((*proxy)->liveRelays(), std::size_t(2));
    // Once the two are idle long enough they end, and the third gets its flow.
    for (int i = 0; i < 200 && (*proxy)->liveRelays() > 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    QCOMPARE((*proxy)->liveRelays(), std::size_t(0));
    QCOMPARE(c.ask("127.0.0.1", 8554, "c"), std::string("echo:c"));
    (*proxy)->withdraw(owner);
    QCOMPARE(c.ask("127.0.0.1", 8554, "c", 200), std::string());
}

void TestLinuxDatapathLoopback::tcpConnectionsAreBounded()
{
    // The proxy alone with room for one connection, relaying to a listener of the suite's own
    // namespace: a second client waits in the accept queue until the first connection has ended.
    hcn::linuxdp::LoopbackLimits limits;
    limits.maxConnections = 1;
    auto proxy = hcn::linuxdp::LoopbackProxy::start(limits);
    HCN_VERIFY_OK(proxy);
    Fd server(hostSocket("tcp", "127.0.0.1", 8555));
    QVERIFY(server.fd >= 0);
    auto change =
        (*proxy)->prepare(Guid::generate(), {{"tcp", "127.0.0.1", 8556, 8555, {"127.0.0.1"}, false}});
    HCN_VERIFY_OK(change);
    (*proxy)->commit(std::move(*change));
    Fd first(tcpConnect("127.0.0.1", 8556));
    QVERIFY(first.fd >= 0);
    Fd firstRelayed(acceptOne(server.fd));
    QVERIFY(firstRelayed.fd >= 0);
    Fd second(tcpConnect("127.0.0.1", 8556)); // the kernel completes the handshake
    QVERIFY(second.fd >= 0);
    QCOMPARE(acceptedBy({server.fd}, 300), -1); // not relayed while the first lives
    QCOMPARE((*proxy)->liveRelays(), std::size_t(1));
    // Both sides of the first end: the second is relayed.
    close(first.fd);
    first.fd = -1;
    close(firstRelayed.fd);
    firstRelayed.fd = -1;
    Fd secondRelayed(acceptOne(server.fd));
    QVERIFY(secondRelayed.fd >= 0);
}

QTEST_GUILESS_MAIN(TestLinuxDatapathLoopback)
#include "tst_linuxdatapathloopback.moc"
