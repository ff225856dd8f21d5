// The loopback proxy (linux_loopback_proxy.h): listeners on 127.0.0.1 and ::1, each TCP connection
// relayed to a target with a bounded buffer per direction, each UDP client a flow of its own with an
// idle timeout. Everything but the binding runs on one Asio event thread.

#include "datapath/linux_loopback_proxy.h"

#include "common/log.h"

#include <algorithm>
#include <asio.hpp>
#include <cerrno>
#include <cstring>
#include <future>
#include <netinet/in.h>
#include <optional>
#include <set>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace hcn::linuxdp {

namespace {

using asio::ip::tcp;
using asio::ip::udp;
using Clock = std::chrono::steady_clock;

/// The largest UDP payload (IPv4's; IPv6 jumbograms are not relayed).
constexpr std::size_t kLoopbackDatagram = 65536;

auto proxyLog()
{
    return componentLogger("hcn.datapath");
}

bool sameListener(const LoopbackPort& a, const LoopbackPort& b)
{
    return a.protocol == b.protocol && a.loopback == b.loopback && a.port == b.port;
}

/// Binds (and for TCP, listens on) `port`'s loopback address; the descriptor, or why not. EADDRNOTAVAIL
/// comes back as hr::ElementNotFound: the host has no such address (IPv6 turned off).
Result<int> bindLoopback(const LoopbackPort& port)
{
    const bool v6 = port.loopback.find(':') != std::string::npos;
    const bool stream = port.protocol == "tcp";
    const int fd = ::socket(v6 ? AF_INET6 : AF_INET,
                            (stream ? SOCK_STREAM : SOCK_DGRAM) | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return Status(hr::Fail,
                      "cannot open a socket for " + port.text() + ": " + std::strerror(errno) + ".");
    int one = 1;
    // TCP: a port closed a moment ago (connections in TIME_WAIT) can be published again. Not for UDP,
    // where it would let two sockets share the port.
    if (stream)
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_storage storage{};
    socklen_t length = 0;
    if (v6) {
        ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
        auto* a = reinterpret_cast<sockaddr_in6*>(&storage);
        a->sin6_family = AF_INET6;
        a->sin6_port = htons(port.port);
        a->sin6_addr = in6addr_loopback;
        length = sizeof *a;
    } else {
        auto* a = reinterpret_cast<sockaddr_in*>(&storage);
        a->sin_family = AF_INET;
        a->sin_port = htons(port.port);
        a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        length = sizeof *a;
    }
    if (::bind(fd, reinterpret_cast<sockaddr*>(&storage), length) != 0 ||
        (stream && ::listen(fd, SOMAXCONN) != 0)) {
        const int error = errno;
        ::close(fd);
        if (error == EADDRINUSE)
            return Status(hr::AddressInUse,
                          port.text() +
                              " is in use by another program of the host, so the published port cannot "
                              "answer there; free it or publish another port.");
        if (error == EADDRNOTAVAIL)
            return Status(hr::ElementNotFound, "the host has no address " + port.loopback + ".");
        return Status(hr::Fail, "cannot listen on " + port.text() + ": " + std::strerror(error) + ".");
    }
    return fd;
}

/// A listener and its relays, on the event thread.
class ProxyListener : public std::enable_shared_from_this<ProxyListener>
{
public:
    ProxyListener(const LoopbackLimits& limits, LoopbackPort route) : m_limits(limits)
    {
        retarget(std::move(route));
    }
    virtual ~ProxyListener() = default;
    virtual void serve() = 0;
    /// Closes the listener and every connection or flow it has.
    virtual void close() = 0;
    virtual std::size_t live() const = 0;

    const LoopbackPort& route() const { return m_route; }
    /// New targets for the connections accepted from now on (the live ones keep theirs).
    void retarget(LoopbackPort route)
    {
        m_route = std::move(route);
        m_targets.clear();
        for (const auto& text : m_route.targets) {
            std::error_code ec;
            const auto address = asio::ip::make_address(text, ec);
            if (!ec)
                m_targets.push_back(address);
        }
    }

protected:
    /// The target of a new connection or flow from `client`; nullopt when there is none.
    std::optional<asio::ip::address> pick(const asio::ip::address& client)
    {
        if (m_targets.empty())
            return std::nullopt;
        std::size_t i = 0;
        if (m_targets.size() > 1)
            i = m_route.bySource ? std::hash<std::string>{}(client.to_string()) % m_targets.size()
                                 : m_next++ % m_targets.size();
        return m_targets[i];
    }

    const LoopbackLimits& m_limits;

private:
    LoopbackPort m_route;
    std::vector<asio::ip::address> m_targets;
    std::size_t m_next = 0;
};

/// One TCP connection: the accepted client and its connection to the target, a bounded buffer per
/// direction; an end read on one side is a shutdown of writing on the other.
class TcpRelay : public std::enable_shared_from_this<TcpRelay>
{
public:
    using Ended = std::function<void(TcpRelay*)>;
    TcpRelay(tcp::socket client, std::size_t bufferBytes, Ended ended)
        : m_client(std::move(client)), m_backend(m_client.get_executor()), m_bufferBytes(bufferBytes),
          m_ended(std::move(ended))
    {
        for (auto& d : m_directions)
            d.buffer = std::make_unique<char[]>(bufferBytes);
    }

    void start(const tcp::endpoint& target)
    {
        m_backend.async_connect(target, [self = shared_from_this()](std::error_code ec) {
            if (self->m_closed)
                return;
            if (ec) { // refused, unreachable: the client sees its connection reset
                self->finish(true);
                return;
            }
            std::error_code ignored;
            self->m_client.set_option(tcp::no_delay(true), ignored);
            self->m_backend.set_option(tcp::no_delay(true), ignored);
            self->pump(0);
            self->pump(1);
        });
    }

    /// Closes both sockets; `reset`: with a reset rather than an orderly end. Tells no one.
    void close(bool reset)
    {
        if (m_closed)
            return;
        m_closed = true;
        std::error_code ignored;
        for (tcp::socket* s : {&m_client, &m_backend}) {
            if (reset && s->is_open())
                s->set_option(asio::socket_base::linger(true, 0), ignored);
            s->close(ignored);
        }
    }

private:
    struct Direction
    {
        std::unique_ptr<char[]> buffer;
        bool ended = false;
    };
    // Direction 0: client to backend; 1: backend to client.
    tcp::socket& from(int d) { return d == 0 ? m_client : m_backend; }
    tcp::socket& to(int d) { return d == 0 ? m_backend : m_client; }

    void pump(int d)
    {
        from(d).async_read_some(asio::buffer(m_directions[d].buffer.get(), m_bufferBytes),
                                [self = shared_from_this(), d](std::error_code ec, std::size_t n) {
                                    if (self->m_closed)
                                        return;
                                    if (ec == asio::error::eof) {
                                        std::error_code ignored;
                                        self->to(d).shutdown(tcp::socket::shutdown_send, ignored);
                                        self->m_directions[d].ended = true;
                                        if (self->m_directions[0].ended && self->m_directions[1].ended)
                                            self->finish(false);
                                        return;
                                    }
                                    if (ec) {
                                        self->finish(true);
                                        return;
                                    }
                                    self->forward(d, n);
                                });
    }

    void forward(int d, std::size_t n)
    {
        asio::async_write(to(d), asio::buffer(m_directions[d].buffer.get(), n),
                          [self = shared_from_this(), d](std::error_code ec, std::size_t) {
                              if (self->m_closed)
                                  return;
                              if (ec) {
                                  self->finish(true);
                                  return;
                              }
                              self->pump(d);
                          });
    }

    void finish(bool reset)
    {
        close(reset);
        if (m_ended)
            m_ended(this);
    }

    tcp::socket m_client, m_backend;
    std::size_t m_bufferBytes;
    Direction m_directions[2];
    bool m_closed = false;
    Ended m_ended;
};

class TcpListener final : public ProxyListener
{
public:
    TcpListener(asio::io_context& io, int fd, const LoopbackLimits& limits, LoopbackPort route)
        : ProxyListener(limits, std::move(route)), m_acceptor(io), m_retry(io)
    {
        const bool v6 = this->route().loopback.find(':') != std::string::npos;
        std::error_code ec;
        m_acceptor.assign(v6 ? tcp::v6() : tcp::v4(), fd, ec);
        if (ec)
            ::close(fd);
    }

    void serve() override { accept(); }

    void close() override
    {
        std::error_code ignored;
        m_acceptor.close(ignored);
        m_retry.cancel();
        for (const auto& relay : m_relays)
            relay->close(true);
        m_relays.clear();
    }

    std::size_t live() const override { return m_relays.size(); }

private:
    void accept()
    {
        // At the bound, the next connections wait in the kernel's accept queue until one ends.
        if (m_accepting || !m_acceptor.is_open() || m_relays.size() >= m_limits.maxConnections)
            return;
        m_accepting = true;
        m_acceptor.async_accept([self = shared(), this](std::error_code ec, tcp::socket client) {
            m_accepting = false;
            if (!m_acceptor.is_open())
                return;
            if (ec) {
                // Out of descriptors or memory: try again shortly rather than spin.
                proxyLog()->warn("loopback proxy: accept on {} failed: {}", route().text(), ec.message());
                m_retry.expires_after(std::chrono::milliseconds(100));
                m_retry.async_wait([self](std::error_code waited) {
                    if (!waited)
                        self->accept();
                });
                return;
            }
            relay(std::move(client));
            accept();
        });
    }

    void relay(tcp::socket client)
    {
        std::error_code ec;
        const auto peer = client.remote_endpoint(ec);
        const auto target = ec ? std::nullopt : pick(peer.address());
        if (!target) {
            client.set_option(asio::socket_base::linger(true, 0), ec);
            return; // closed, reset
        }
        auto connection =
            std::make_shared<TcpRelay>(std::move(client), m_limits.bufferBytes,
                                       [weak = std::weak_ptr<TcpListener>(shared())](TcpRelay* done) {
                                           if (auto self = weak.lock())
                                               self->ended(done);
                                       });
        m_relays.insert(connection);
        connection->start(tcp::endpoint(*target, route().targetPort));
    }

    void ended(TcpRelay* relay)
    {
        for (auto it = m_relays.begin(); it != m_relays.end(); ++it)
            if (it->get() == relay) {
                m_relays.erase(it);
                break;
            }
        accept(); // resumes when it was at the bound
    }

    std::shared_ptr<TcpListener> shared()
    {
        return std::static_pointer_cast<TcpListener>(shared_from_this());
    }

    tcp::acceptor m_acceptor;
    asio::steady_timer m_retry;
    std::set<std::shared_ptr<TcpRelay>> m_relays;
    bool m_accepting = false;
};

class UdpListener;

/// One UDP client: a socket connected to its target, replies sent back from the listener's socket.
class UdpFlow : public std::enable_shared_from_this<UdpFlow>
{
public:
    using Reply = std::function<void(const udp::endpoint& client, const char* data, std::size_t n)>;
    using Ended = std::function<void(const udp::endpoint& client)>;
    UdpFlow(asio::io_context& io, udp::endpoint client, std::chrono::milliseconds idle, Reply reply,
            Ended ended)
        : m_client(std::move(client)), m_upstream(io), m_idle(io), m_idleLimit(idle),
          m_buffer(std::make_unique<char[]>(kLoopbackDatagram)), m_reply(std::move(reply)),
          m_ended(std::move(ended))
    {}

    bool open(const udp::endpoint& target)
    {
        std::error_code ec;
        m_upstream.open(target.protocol(), ec);
        if (!ec)
            m_upstream.non_blocking(true, ec);
        if (!ec)
            m_upstream.connect(target, ec); // no packet: it fixes the peer
        if (ec)
            proxyLog()->warn("loopback proxy: cannot open a flow to {}: {}", target.address().to_string(),
                             ec.message());
        return !ec;
    }

    void start()
    {
        m_last = Clock::now();
        receive();
        arm(m_idleLimit);
    }

    void toTarget(const char* data, std::size_t n)
    {
        m_last = Clock::now();
        std::error_code ec;
        m_upstream.send(asio::buffer(data, n), 0, ec); // a full send buffer drops it, as the network may
    }

    void close()
    {
        if (m_closed)
            return;
        m_closed = true;
        std::error_code ignored;
        m_upstream.close(ignored);
        m_idle.cancel();
    }

private:
    void receive()
    {
        m_upstream.async_receive(asio::buffer(m_buffer.get(), kLoopbackDatagram),
                                 [self = shared_from_this()](std::error_code ec, std::size_t n) {
                                     if (self->m_closed)
                                         return;
                                     if (!ec) {
                                         self->m_last = Clock::now();
                                         self->m_reply(self->m_client, self->m_buffer.get(), n);
                                     } else if (ec != asio::error::connection_refused) {
                                         self->end(); // refused: an ICMP error for one datagram
                                         return;
                                     }
                                     self->receive();
                                 });
    }

    void arm(Clock::duration after)
    {
        m_idle.expires_after(after);
        m_idle.async_wait([self = shared_from_this()](std::error_code ec) {
            if (ec || self->m_closed)
                return;
            const auto idle = Clock::now() - self->m_last;
            if (idle >= self->m_idleLimit)
                self->end();
            else
                self->arm(self->m_idleLimit - idle);
        });
    }

    void end()
    {
        close();
        m_ended(m_client);
    }

    udp::endpoint m_client;
    udp::socket m_upstream;
    asio::steady_timer m_idle;
    Clock::duration m_idleLimit;
    Clock::time_point m_last;
    std::unique_ptr<char[]> m_buffer;
    Reply m_reply;
    Ended m_ended;
    bool m_closed = false;
};

class UdpListener final : public ProxyListener
{
public:
    UdpListener(asio::io_context& io, int fd, const LoopbackLimits& limits, LoopbackPort route)
        : ProxyListener(limits, std::move(route)), m_io(io), m_socket(io),
          m_buffer(std::make_unique<char[]>(kLoopbackDatagram))
    {
        const bool v6 = this->route().loopback.find(':') != std::string::npos;
        std::error_code ec;
        m_socket.assign(v6 ? udp::v6() : udp::v4(), fd, ec);
        if (ec)
            ::close(fd);
        else
            m_socket.non_blocking(true, ec); // replies are sent synchronously; a full buffer drops one
    }

    void serve() override { receive(); }

    void close() override
    {
        std::error_code ignored;
        m_socket.close(ignored);
        for (const auto& [client, flow] : m_flows)
            flow->close();
        m_flows.clear();
    }

    std::size_t live() const override { return m_flows.size(); }

private:
    void receive()
    {
        if (!m_socket.is_open())
            return;
        m_socket.async_receive_from(asio::buffer(m_buffer.get(), kLoopbackDatagram), m_sender,
                                    [self = shared(), this](std::error_code ec, std::size_t n) {
                                        if (!m_socket.is_open() || ec == asio::error::operation_aborted)
                                            return;
                                        if (!ec)
                                            forward(n);
                                        receive();
                                    });
    }

    void forward(std::size_t n)
    {
        auto it = m_flows.find(m_sender);
        if (it == m_flows.end()) {
            if (m_flows.size() >= m_limits.maxUdpFlows)
                return; // dropped: a new client waits for an idle flow to end
            const auto target = pick(m_sender.address());
            if (!target)
                return;
            std::weak_ptr<UdpListener> weak = shared();
            auto flow = std::make_shared<UdpFlow>(
                m_io, m_sender, m_limits.udpIdle,
                [weak](const udp::endpoint& client, const char* data, std::size_t size) {
                    if (auto self = weak.lock()) {
                        std::error_code ignored;
                        self->m_socket.send_to(asio::buffer(data, size), client, 0, ignored);
                    }
                },
                [weak](const udp::endpoint& client) {
                    if (auto self = weak.lock())
                        self->m_flows.erase(client);
                });
            if (!flow->open(udp::endpoint(*target, route().targetPort)))
                return;
            it = m_flows.emplace(m_sender, flow).first;
            flow->start();
        }
        it->second->toTarget(m_buffer.get(), n);
    }

    std::shared_ptr<UdpListener> shared()
    {
        return std::static_pointer_cast<UdpListener>(shared_from_this());
    }

    asio::io_context& m_io;
    udp::socket m_socket;
    std::unique_ptr<char[]> m_buffer;
    udp::endpoint m_sender;
    std::map<udp::endpoint, std::shared_ptr<UdpFlow>> m_flows;
};

} // namespace

std::string LoopbackPort::text() const
{
    const bool v6 = loopback.find(':') != std::string::npos;
    return protocol + " " + (v6 ? "[" + loopback + "]" : loopback) + ":" + std::to_string(port);
}

struct LoopbackProxy::Loop
{
    asio::io_context io{1};
    asio::executor_work_guard<asio::io_context::executor_type> work{io.get_executor()};
    LoopbackLimits limits;
    std::thread thread;
    /// Event thread only: each owner's listeners.
    std::map<Guid, std::vector<std::shared_ptr<ProxyListener>>> owners;

    void closeOwner(const Guid& owner)
    {
        auto it = owners.find(owner);
        if (it == owners.end())
            return;
        for (const auto& listener : it->second)
            listener->close();
        owners.erase(it);
    }
};

LoopbackProxy::Change::~Change()
{
    for (const auto& bound : m_ports)
        if (bound.fd >= 0)
            ::close(bound.fd);
}

Result<std::unique_ptr<LoopbackProxy>> LoopbackProxy::start(LoopbackLimits limits)
{
    auto loop = std::make_unique<Loop>();
    loop->limits = limits;
    try {
        loop->thread = std::thread([raw = loop.get()] {
            // A handler that throws would stop the loop; log it and go on.
            for (;;) {
                try {
                    raw->io.run();
                    return;
                } catch (const std::exception& e) {
                    proxyLog()->error("loopback proxy: {}", e.what());
                }
            }
        });
    } catch (const std::system_error& e) {
        return Status(hr::Fail, std::string("cannot start the loopback proxy's thread: ") + e.what() + ".");
    }
    return std::unique_ptr<LoopbackProxy>(new LoopbackProxy(std::move(loop)));
}

LoopbackProxy::LoopbackProxy(std::unique_ptr<Loop> loop) : m_loop(std::move(loop)) {}

LoopbackProxy::~LoopbackProxy()
{
    clear();
    m_loop->work.reset();
    m_loop->io.stop();
    if (m_loop->thread.joinable())
        m_loop->thread.join();
}

void LoopbackProxy::runAndWait(std::function<void()> task)
{
    std::promise<void> done;
    asio::post(m_loop->io, [&] {
        task();
        done.set_value();
    });
    done.get_future().wait();
}

Result<LoopbackProxy::Change> LoopbackProxy::prepare(const Guid& owner,
                                                     const std::vector<LoopbackPort>& ports)
{
    std::lock_guard lock(m_mutex);
    Change change;
    change.m_owner = owner;
    const auto current = m_published.find(owner);
    change.m_touches = current != m_published.end() && !current->second.empty();
    for (const LoopbackPort& port : ports) {
        const auto held = [&](const std::vector<LoopbackPort>& list) {
            return std::any_of(list.begin(), list.end(),
                               [&](const LoopbackPort& p) { return sameListener(p, port); });
        };
        if (current != m_published.end() && held(current->second)) {
            change.m_ports.push_back({port, -1});
            continue;
        }
        for (const auto& [other, list] : m_published)
            if (other != owner && held(list))
                return Status(hr::AddressInUse,
                              port.text() + " is already published by " + other.toString() + ".");
        auto fd = bindLoopback(port);
        if (!fd.ok()) {
            if (fd.code() == hr::ElementNotFound && port.loopback == "::1") {
                proxyLog()->info("loopback proxy: {} skipped: {}", port.text(), fd.status().detail());
                continue;
            }
            return fd.status(); // the change's destructor closes what it bound
        }
        change.m_ports.push_back({port, *fd});
    }
    return change;
}

void LoopbackProxy::commit(Change change)
{
    if (change.m_ports.empty() && !change.m_touches)
        return; // nothing published before or after
    std::vector<LoopbackPort> ports;
    for (const auto& bound : change.m_ports)
        ports.push_back(bound.port);
    {
        std::lock_guard lock(m_mutex);
        if (ports.empty())
            m_published.erase(change.m_owner);
        else
            m_published[change.m_owner] = ports;
    }
    const bool wait = change.m_touches;
    auto apply = [loop = m_loop.get(), owner = change.m_owner, bound = std::move(change.m_ports)]() mutable {
        auto& listeners = loop->owners[owner];
        std::vector<std::shared_ptr<ProxyListener>> next;
        for (auto& b : bound) {
            if (b.fd < 0) { // kept: new targets for new connections
                for (const auto& l : listeners)
                    if (sameListener(l->route(), b.port)) {
                        l->retarget(b.port);
                        next.push_back(l);
                    }
                continue;
            }
            std::shared_ptr<ProxyListener> l;
            if (b.port.protocol == "tcp")
                l = std::make_shared<TcpListener>(loop->io, b.fd, loop->limits, b.port);
            else
                l = std::make_shared<UdpListener>(loop->io, b.fd, loop->limits, b.port);
            b.fd = -1; // the listener owns it now
            l->serve();
            next.push_back(l);
        }
        for (const auto& l : listeners)
            if (std::find(next.begin(), next.end(), l) == next.end())
                l->close();
        if (next.empty())
            loop->owners.erase(owner);
        else
            listeners = std::move(next);
    };
    change.m_ports.clear();
    if (wait)
        runAndWait(std::move(apply));
    else
        asio::post(m_loop->io, std::move(apply));
}

void LoopbackProxy::withdraw(const Guid& owner)
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_published.erase(owner))
            return;
    }
    runAndWait([loop = m_loop.get(), owner] { loop->closeOwner(owner); });
}

void LoopbackProxy::clear()
{
    {
        std::lock_guard lock(m_mutex);
        m_published.clear();
    }
    runAndWait([loop = m_loop.get()] {
        while (!loop->owners.empty())
            loop->closeOwner(loop->owners.begin()->first);
    });
}

std::size_t LoopbackProxy::liveRelays()
{
    std::size_t n = 0;
    runAndWait([&] {
        for (const auto& [owner, listeners] : m_loop->owners)
            for (const auto& l : listeners)
                n += l->live();
    });
    return n;
}

} // namespace hcn::linuxdp
