#pragma once
// What the datapath suites observe from outside the datapath: the test's own network namespace, the
// links and nftables ruleset in it, named namespaces, and TCP connections made from inside namespaces.

#include "datapath/linux_netlink.h"
#include "datapath/linux_netns.h"
#include "datapath/linux_nftables.h"
#include "datapath/linux_plan.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sched.h>
#include <set>
#include <string>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
#include <vector>

namespace hcntest {

/// Moves the calling process (its main thread, before any other starts) into a new network namespace
/// with its loopback up. Returns an empty string, or why it could not (then the suite skips).
inline std::string enterOwnNetworkNamespace()
{
    if (geteuid() != 0)
        return "needs root (CAP_NET_ADMIN, CAP_SYS_ADMIN) to create network namespaces";
    if (unshare(CLONE_NEWNET) != 0)
        return std::string("cannot create a network namespace: ") + std::strerror(errno);
    auto sock = hcn::linuxdp::RouteSocket::open();
    if (!sock.ok())
        return sock.status().detail();
    if (hcn::Status s = sock->setUp("lo"); !s.ok())
        return s.detail();
    return {};
}

/// Names of the links in the calling thread's namespace that start with "hcn".
inline std::set<std::string> hcnLinks()
{
    std::set<std::string> out;
    auto sock = hcn::linuxdp::RouteSocket::open();
    if (!sock.ok())
        return {"<cannot list links: " + sock.status().detail() + ">"};
    auto links = sock->links();
    if (!links.ok())
        return {"<cannot list links: " + links.status().detail() + ">"};
    for (const auto& link : *links)
        if (link.name.rfind("hcn", 0) == 0)
            out.insert(link.name);
    return out;
}

/// The whole nftables ruleset of the calling thread's namespace, as `nft list ruleset` prints it.
inline std::string nftRuleset()
{
    auto nft = hcn::linuxdp::Nftables::open();
    if (!nft.ok())
        return "<" + nft.status().detail() + ">";
    auto text = nft->list("list ruleset");
    return text.ok() ? *text : "<" + text.status().detail() + ">";
}

/// `ruleset` (as nftRuleset() prints it) with each table's sets, maps and chains in name order: the kernel
/// lists them in the order they were made, which an undo that makes a chain again changes, not what
/// they do.
inline std::string rulesetByName(const std::string& ruleset)
{
    std::string out;
    std::vector<std::string> blocks;
    std::string block;
    std::size_t start = 0;
    while (start < ruleset.size()) {
        std::size_t end = ruleset.find('\n', start);
        if (end == std::string::npos)
            end = ruleset.size();
        const std::string line = ruleset.substr(start, end - start);
        start = end + 1;
        if (line.empty())
            continue;
        if (line[0] != '\t') { // a table's first or last line
            std::sort(blocks.begin(), blocks.end());
            for (const auto& b : blocks)
                out += b;
            blocks.clear();
            out += line + "\n";
            continue;
        }
        block += line + "\n";
        if (line == "\t}") {
            blocks.push_back(std::move(block));
            block.clear();
        }
    }
    return out;
}

inline bool namedNetnsExists(const std::string& name)
{
    return access(("/run/netns/" + name).c_str(), F_OK) == 0;
}

/// address:port as a socket address of its family ("fd00::1" is IPv6); `length` receives its size.
inline sockaddr_storage socketAddress(const std::string& address, std::uint16_t port, socklen_t& length)
{
    sockaddr_storage storage{};
    if (address.find(':') != std::string::npos) {
        auto* a = reinterpret_cast<sockaddr_in6*>(&storage);
        a->sin6_family = AF_INET6;
        a->sin6_port = htons(port);
        inet_pton(AF_INET6, address.c_str(), &a->sin6_addr);
        length = sizeof *a;
    } else {
        auto* a = reinterpret_cast<sockaddr_in*>(&storage);
        a->sin_family = AF_INET;
        a->sin_port = htons(port);
        inet_pton(AF_INET, address.c_str(), &a->sin_addr);
        length = sizeof *a;
    }
    return storage;
}

/// Which of the listeners (index) has a connection waiting; accepts it and closes it. -1: none within
/// timeoutMs.
inline int acceptedBy(const std::vector<int>& listeners, int timeoutMs = 2000)
{
    std::vector<pollfd> fds;
    for (int fd : listeners)
        fds.push_back({fd, POLLIN, 0});
    if (poll(fds.data(), fds.size(), timeoutMs) <= 0)
        return -1;
    for (std::size_t i = 0; i < fds.size(); ++i)
        if (fds[i].revents & POLLIN) {
            int accepted = accept(listeners[i], nullptr, nullptr);
            if (accepted >= 0)
                close(accepted);
            return static_cast<int>(i);
        }
    return -1;
}

/// A listening TCP socket opened inside the named namespace (empty name: the test's own), on every
/// IPv4 address, or with `v6` on every IPv6 address.
inline int listenIn(const std::string& netns, std::uint16_t port, bool v6 = false)
{
    int fd = -1;
    auto open = [&] {
        fd = socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        int one = 1;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (v6)
            setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
        socklen_t length = 0;
        sockaddr_storage storage = socketAddress(v6 ? "::" : "0.0.0.0", port, length);
        if (bind(fd, reinterpret_cast<sockaddr*>(&storage), length) != 0 || listen(fd, 16) != 0) {
            close(fd);
            fd = -1;
        }
        return hcn::Status::success();
    };
    if (netns.empty()) {
        (void)open();
        return fd;
    }
    auto ns = hcn::linuxdp::NetnsFd::openPath("/run/netns/" + netns);
    if (!ns.ok())
        return -1;
    (void)hcn::linuxdp::runInNetns(ns->get(), open);
    return fd;
}

/// A listening socket closed at scope exit.
struct Listener
{
    int fd = -1;
    Listener(const std::string& netns, std::uint16_t port, bool v6 = false) : fd(listenIn(netns, port, v6)) {}
    ~Listener()
    {
        if (fd >= 0)
            close(fd);
    }
};

/// A descriptor closed at scope exit.
struct Fd
{
    int fd = -1;
    explicit Fd(int f = -1) : fd(f) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd()
    {
        if (fd >= 0)
            close(fd);
    }
};

/// The next connection `listener` accepts within 5 s, kept open; -1 when none comes.
inline int acceptOne(int listener)
{
    pollfd p{listener, POLLIN, 0};
    return poll(&p, 1, 5000) == 1 ? accept(listener, nullptr, nullptr) : -1;
}

/// A blocking TCP connection from the suite's namespace to address:port; -1 (errno set) when it fails.
inline int tcpConnect(const std::string& address, std::uint16_t port)
{
    socklen_t length = 0;
    const sockaddr_storage to = socketAddress(address, port, length);
    const int fd = socket(to.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    timeval timeout{5, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    if (connect(fd, reinterpret_cast<const sockaddr*>(&to), length) != 0) {
        const int error = errno;
        close(fd);
        errno = error;
        return -1;
    }
    return fd;
}

inline bool sendAll(int fd, const std::string& data)
{
    std::size_t sent = 0;
    while (sent < data.size()) {
        const ssize_t n = send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        sent += std::size_t(n);
    }
    return true;
}

/// How long a probe that should go unanswered (a ping, a TCP connection to a blocked or closed port) is
/// waited for before it counts as lost. On these links (veth pairs, bridges, VXLAN between namespaces of
/// this host) the kernel answers in well under a millisecond, sanitizers or not, so an answer that should
/// not come would come within this time; the probes expected to be answered keep their seconds.
constexpr int kLostAfterMs = 500;

/// Whether a TCP connection from inside `netns` (empty: the test's own) to address:port completes
/// within timeoutMs; `peer` (optional) receives the address the listener saw, when `listener` >= 0.
inline bool tcpConnects(const std::string& netns, const std::string& address, std::uint16_t port,
                        int timeoutMs = 2000, int listener = -1, std::string* peer = nullptr)
{
    bool connected = false;
    auto attempt = [&] {
        socklen_t length = 0;
        sockaddr_storage storage = socketAddress(address, port, length);
        int fd = socket(storage.ss_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        int rc = connect(fd, reinterpret_cast<sockaddr*>(&storage), length);
        if (rc != 0 && errno == EINPROGRESS) {
            pollfd p{fd, POLLOUT, 0};
            if (poll(&p, 1, timeoutMs) == 1) {
                int error = 0;
                socklen_t len = sizeof error;
                getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &len);
                connected = error == 0;
            }
        } else {
            connected = rc == 0;
        }
        close(fd);
        return hcn::Status::success();
    };
    if (netns.empty()) {
        (void)attempt();
    } else {
        auto ns = hcn::linuxdp::NetnsFd::openPath("/run/netns/" + netns);
        if (!ns.ok())
            return false;
        (void)hcn::linuxdp::runInNetns(ns->get(), attempt);
    }
    if (connected && listener >= 0) {
        pollfd p{listener, POLLIN, 0};
        if (poll(&p, 1, timeoutMs) != 1)
            return false;
        sockaddr_storage from{};
        socklen_t len = sizeof from;
        int accepted = accept(listener, reinterpret_cast<sockaddr*>(&from), &len);
        if (accepted < 0)
            return false;
        close(accepted);
        if (peer) {
            char text[INET6_ADDRSTRLEN] = {};
            if (from.ss_family == AF_INET6)
                inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(&from)->sin6_addr, text, sizeof text);
            else
                inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(&from)->sin_addr, text, sizeof text);
            *peer = text;
        }
    }
    return connected;
}

/// The local address (the one the client connected to) of the next connection `listener` accepts within
/// timeoutMs; empty when none arrives.
inline std::string acceptedAt(int listener, int timeoutMs = 2000)
{
    pollfd p{listener, POLLIN, 0};
    if (poll(&p, 1, timeoutMs) != 1)
        return {};
    int accepted = accept(listener, nullptr, nullptr);
    if (accepted < 0)
        return {};
    sockaddr_storage local{};
    socklen_t len = sizeof local;
    char text[INET6_ADDRSTRLEN] = {};
    if (getsockname(accepted, reinterpret_cast<sockaddr*>(&local), &len) == 0) {
        if (local.ss_family == AF_INET6)
            inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(&local)->sin6_addr, text, sizeof text);
        else
            inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(&local)->sin_addr, text, sizeof text);
    }
    close(accepted);
    return text;
}

} // namespace hcntest
