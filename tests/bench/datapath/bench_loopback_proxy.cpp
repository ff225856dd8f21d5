// The loopback proxy against the paths without it: a published port reached on 127.0.0.1 (the proxy)
// compared with the endpoint reached directly and with the same published port on the host's address
// on the network (nftables DNAT, in the kernel). Per path: TCP connection setup (connect, one byte each
// way, close), the round trip of a small request on an open connection, the throughput of one
// connection in each direction, and a UDP request/response.
//
// Runs as root in a network namespace it creates; the endpoint's server runs in the endpoint's named
// namespace (threads of this program whose sockets were opened there).
// Usage: bench_loopback_proxy [ROUNDS=2000] [MEGABYTES=512]

#include "../bench_timing.h"
#include "datapath/linux_loopback_proxy.h"
#include "hcn/engine.h"
#include "hcn/linux_datapath.h"
#include "netns_probe.h"

#include <cstdio>
#include <cstring>
#include <netinet/tcp.h>
#include <nlohmann/json.hpp>
#include <thread>

using namespace hcntest;
using hcn::ResourceKind;
using hcnbench::Clock;
using hcnbench::millisecondsSince;

namespace {

using json = nlohmann::json;

constexpr std::uint16_t kPort = 8080;
constexpr std::size_t kChunk = 64 * 1024;

[[noreturn]] void fail(const std::string& what)
{
    std::fprintf(stderr, "bench_loopback_proxy: %s\n", what.c_str());
    std::exit(1);
}

json v2(json doc)
{
    doc["SchemaVersion"] = {{"Major", 2}, {"Minor", 0}};
    return doc;
}

bool readExactly(int fd, char* out, std::size_t n)
{
    std::size_t got = 0;
    while (got < n) {
        const ssize_t r = recv(fd, out + got, n - got, 0);
        if (r <= 0)
            return false;
        got += std::size_t(r);
    }
    return true;
}

bool writeAll(int fd, const char* data, std::size_t n)
{
    std::size_t sent = 0;
    while (sent < n) {
        const ssize_t w = send(fd, data + sent, n - sent, MSG_NOSIGNAL);
        if (w <= 0)
            return false;
        sent += std::size_t(w);
    }
    return true;
}

/// One connection of the endpoint's server. Its first byte says what it wants: 'e' echo every byte
/// back, 's' swallow everything to the end then answer with the count, 'g' + 8 bytes: send that many.
void serve(int fd)
{
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    char mode = 0;
    if (!readExactly(fd, &mode, 1)) {
        close(fd);
        return;
    }
    std::vector<char> buffer(kChunk);
    if (mode == 'e') {
        writeAll(fd, &mode, 1);
        for (;;) {
            const ssize_t n = recv(fd, buffer.data(), buffer.size(), 0);
            if (n <= 0 || !writeAll(fd, buffer.data(), std::size_t(n)))
                break;
        }
    } else if (mode == 's') {
        std::uint64_t total = 0;
        for (;;) {
            const ssize_t n = recv(fd, buffer.data(), buffer.size(), 0);
            if (n <= 0)
                break;
            total += std::uint64_t(n);
        }
        writeAll(fd, reinterpret_cast<const char*>(&total), sizeof total);
    } else if (mode == 'g') {
        std::uint64_t total = 0;
        if (readExactly(fd, reinterpret_cast<char*>(&total), sizeof total))
            for (std::uint64_t sent = 0; sent < total;) {
                const std::size_t n = std::size_t(std::min<std::uint64_t>(kChunk, total - sent));
                if (!writeAll(fd, buffer.data(), n))
                    break;
                sent += n;
            }
    }
    close(fd);
}

int connectTo(const std::string& address, std::uint16_t port)
{
    socklen_t length = 0;
    const sockaddr_storage to = socketAddress(address, port, length);
    const int fd = socket(to.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (connect(fd, reinterpret_cast<const sockaddr*>(&to), length) != 0)
        fail("cannot connect to " + address + ":" + std::to_string(port) + ": " + std::strerror(errno));
    return fd;
}

struct Path
{
    const char* name;
    std::string address;
    std::uint16_t port;
};

void report(const char* what, const Path& path, const std::vector<double>& ms)
{
    std::printf("%-28s %-34s median %8.1f us  p90 %8.1f us  p99 %8.1f us\n", what, path.name,
                hcnbench::median(ms) * 1000, hcnbench::percentile(ms, 0.9) * 1000,
                hcnbench::percentile(ms, 0.99) * 1000);
}

/// connect, 'e', its echo, close: what a client of a short-lived connection waits for.
void connectionSetup(const Path& path, int rounds, bool print = true)
{
    std::vector<double> ms;
    for (int i = 0; i < rounds; ++i) {
        const auto start = Clock::now();
        const int fd = connectTo(path.address, path.port);
        char mode = 'e';
        if (!writeAll(fd, &mode, 1) || !readExactly(fd, &mode, 1))
            fail("no answer through " + std::string(path.name));
        close(fd);
        ms.push_back(millisecondsSince(start));
    }
    if (print)
        report("TCP connect + first byte", path, ms);
}

void requestRoundTrip(const Path& path, int rounds)
{
    const int fd = connectTo(path.address, path.port);
    char buffer[64] = {'e'};
    if (!writeAll(fd, buffer, 1) || !readExactly(fd, buffer, 1))
        fail("no echo through " + std::string(path.name));
    std::vector<double> ms;
    for (int i = 0; i < rounds; ++i) {
        const auto start = Clock::now();
        if (!writeAll(fd, buffer, sizeof buffer) || !readExactly(fd, buffer, sizeof buffer))
            fail("echo lost through " + std::string(path.name));
        ms.push_back(millisecondsSince(start));
    }
    close(fd);
    report("TCP 64-byte round trip", path, ms);
}

void throughput(const Path& path, std::uint64_t bytes)
{
    std::vector<char> buffer(kChunk, 'x');
    // Client to endpoint.
    {
        const int fd = connectTo(path.address, path.port);
        const auto start = Clock::now();
        char mode = 's';
        writeAll(fd, &mode, 1);
        for (std::uint64_t sent = 0; sent < bytes; sent += kChunk)
            if (!writeAll(fd, buffer.data(), kChunk))
                fail("upload cut through " + std::string(path.name));
        shutdown(fd, SHUT_WR);
        std::uint64_t received = 0;
        if (!readExactly(fd, reinterpret_cast<char*>(&received), sizeof received) || received != bytes)
            fail("upload incomplete through " + std::string(path.name));
        const double ms = millisecondsSince(start);
        close(fd);
        std::printf("%-28s %-34s %8.0f MB/s  (%llu MB in %.0f ms)\n", "TCP upload, one connection", path.name,
                    double(bytes) / 1e6 / (ms / 1e3), static_cast<unsigned long long>(bytes >> 20), ms);
    }
    // Endpoint to client.
    {
        const int fd = connectTo(path.address, path.port);
        const auto start = Clock::now();
        char request[9] = {'g'};
        std::memcpy(request + 1, &bytes, sizeof bytes);
        writeAll(fd, request, sizeof request);
        std::uint64_t received = 0;
        for (;;) {
            const ssize_t n = recv(fd, buffer.data(), buffer.size(), 0);
            if (n <= 0)
                break;
            received += std::uint64_t(n);
        }
        const double ms = millisecondsSince(start);
        close(fd);
        if (received != bytes)
            fail("download incomplete through " + std::string(path.name));
        std::printf("%-28s %-34s %8.0f MB/s  (%llu MB in %.0f ms)\n", "TCP download, one connection",
                    path.name, double(bytes) / 1e6 / (ms / 1e3), static_cast<unsigned long long>(bytes >> 20),
                    ms);
    }
}

void udpRoundTrip(const Path& path, int rounds)
{
    socklen_t length = 0;
    const sockaddr_storage to = socketAddress(path.address, path.port, length);
    const int fd = socket(to.ss_family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (connect(fd, reinterpret_cast<const sockaddr*>(&to), length) != 0)
        fail("udp connect");
    timeval timeout{2, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    char buffer[64] = {};
    std::vector<double> ms;
    for (int i = 0; i < rounds; ++i) {
        const auto start = Clock::now();
        if (send(fd, buffer, sizeof buffer, 0) != sizeof buffer ||
            recv(fd, buffer, sizeof buffer, 0) != sizeof buffer)
            fail("udp reply lost through " + std::string(path.name));
        ms.push_back(millisecondsSince(start));
    }
    close(fd);
    report("UDP 64-byte round trip", path, ms);
}

} // namespace

int main(int argc, char** argv)
{
    const int rounds = argc > 1 ? std::atoi(argv[1]) : 2000;
    const std::uint64_t megabytes = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 512;
    if (const std::string why = enterOwnNetworkNamespace(); !why.empty())
        fail(why);
    auto datapath = hcn::LinuxDatapath::open();
    if (!datapath.ok())
        fail(datapath.status().detail());
    hcn::EngineOptions options;
    options.datapath = *datapath;
    hcn::Engine engine(std::move(options));

    json net =
        v2({{"Name", "bench"},
            {"Type", "NAT"},
            {"Ipams",
             {{{"Type", "Static"},
               {"Subnets",
                {{{"IpAddressPrefix", "10.244.40.0/24"},
                  {"Routes", {{{"NextHop", "10.244.40.1"}, {"DestinationPrefix", "0.0.0.0/0"}}}}}}}}}}});
    auto network = engine.create(ResourceKind::Network, {}, net.dump(), 0);
    if (!network.ok())
        fail(network.status().detail());
    json mappings = json::array();
    for (int protocol : {6, 17})
        mappings.push_back(
            {{"Type", "PortMapping"},
             {"Settings", {{"Protocol", protocol}, {"InternalPort", 80}, {"ExternalPort", kPort}}}});
    json ep = v2({{"Name", "server"},
                  {"IpConfigurations", {{{"IpAddress", "10.244.40.10"}}}},
                  {"Policies", mappings}});
    auto endpoint = engine.create(ResourceKind::Endpoint, {}, ep.dump(), *network);
    if (!endpoint.ok())
        fail(endpoint.status().detail());
    json nsDoc =
        v2({{"Type", "Host"},
            {"Resources",
             {{{"Type", "Endpoint"},
               {"Data", {{"ID", engine.handleId(ResourceKind::Endpoint, *endpoint)->toString()}}}}}}});
    auto ns = engine.create(ResourceKind::Namespace, {}, nsDoc.dump(), 0);
    if (!ns.ok())
        fail(ns.status().detail());
    const std::string netns =
        hcn::LinuxDatapath::namespaceName(*engine.handleId(ResourceKind::Namespace, *ns));

    // The endpoint's servers: TCP (a thread per connection) and a UDP echo, their sockets opened inside.
    const int listener = listenIn(netns, 80);
    int udp = -1;
    auto nsFd = hcn::linuxdp::NetnsFd::openPath("/run/netns/" + netns);
    if (listener < 0 || !nsFd.ok())
        fail("cannot listen in " + netns);
    (void)hcn::linuxdp::runInNetns(nsFd->get(), [&] {
        udp = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        socklen_t length = 0;
        const sockaddr_storage any = socketAddress("0.0.0.0", 80, length);
        if (bind(udp, reinterpret_cast<const sockaddr*>(&any), length) != 0)
            udp = -1;
        return hcn::Status::success();
    });
    if (udp < 0)
        fail("cannot bind UDP in " + netns);
    std::thread([listener] {
        for (;;) {
            const int fd = accept(listener, nullptr, nullptr);
            if (fd < 0)
                return;
            std::thread(serve, fd).detach();
        }
    }).detach();
    std::thread([udp] {
        char buffer[2048];
        for (;;) {
            sockaddr_storage from{};
            socklen_t length = sizeof from;
            const ssize_t n =
                recvfrom(udp, buffer, sizeof buffer, 0, reinterpret_cast<sockaddr*>(&from), &length);
            if (n < 0)
                return;
            sendto(udp, buffer, std::size_t(n), 0, reinterpret_cast<sockaddr*>(&from), length);
        }
    }).detach();

    const Path paths[] = {{"direct to the endpoint (10.244.40.10:80)", "10.244.40.10", 80},
                          {"DNAT on the host address (.1:8080)", "10.244.40.1", kPort},
                          {"loopback proxy (127.0.0.1:8080)", "127.0.0.1", kPort},
                          {"loopback proxy (::1:8080)", "::1", kPort}};
    std::printf("rounds %d, %llu MB per throughput run\n", rounds,
                static_cast<unsigned long long>(megabytes));
    for (const Path& p : paths)
        connectionSetup(p, rounds / 10 > 0 ? rounds / 10 : 1, false); // warm-up
    for (const Path& p : paths)
        connectionSetup(p, rounds);
    for (const Path& p : paths)
        requestRoundTrip(p, rounds);
    for (const Path& p : paths)
        udpRoundTrip(p, rounds);
    // The process's CPU per run: client, server and (in process) the proxy; the proxy's share is the
    // difference to the direct path.
    for (const Path& p : paths) {
        const double cpuStart = hcnbench::cpuMilliseconds();
        throughput(p, megabytes << 20);
        std::printf("%-28s %-34s %8.0f ms CPU for both runs\n", "", p.name,
                    hcnbench::cpuMilliseconds() - cpuStart);
    }
    // The proxy's buffer per direction (LoopbackLimits::bufferBytes, 32 KiB in the datapath): a proxy
    // of its own per size, on 127.0.0.1:9000 + i, to the same endpoint.
    const std::size_t sizes[] = {16 * 1024, 32 * 1024, 64 * 1024, 256 * 1024};
    for (std::size_t i = 0; i < std::size(sizes); ++i) {
        hcn::linuxdp::LoopbackLimits limits;
        limits.bufferBytes = sizes[i];
        auto proxy = hcn::linuxdp::LoopbackProxy::start(limits);
        if (!proxy.ok())
            fail(proxy.status().detail());
        const auto port = std::uint16_t(9000 + i);
        auto change = (*proxy)->prepare(hcn::Guid::generate(),
                                        {{"tcp", "127.0.0.1", port, 80, {"10.244.40.10"}, false}});
        if (!change.ok())
            fail(change.status().detail());
        (*proxy)->commit(std::move(*change));
        const std::string name = "proxy, " + std::to_string(sizes[i] / 1024) + " KiB buffers";
        throughput({name.c_str(), "127.0.0.1", port}, megabytes << 20);
    }
    engine.shutdown();
    return 0;
}
