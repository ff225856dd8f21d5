#include "common/log.h"
#include "hcn/rpc_client.h"
#include "hcn/rpc_server.h"
#include "rpc/connection.h"
#include "rpc/peer_credentials.h"
#include "rpc/protocol.h"
#include "rpc/service_context.h"
#include "rpc/socket_activation.h"
#include "rpc/tls_listener.h"
#include "rpc/tls_stream.h"
#include "rpc/unix_listener.h"
#include "rpc/unix_stream.h"

#include <asio.hpp>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <spdlog/spdlog.h>
#include <sstream>
#include <thread>
#include <unistd.h>
#include <unordered_map>
#include <vector>

#ifndef HCN_VERSION
#define HCN_VERSION "0.0.0"
#endif

namespace hcn::rpc {

namespace {

/// How long a stopping service waits for clients to take their last events.
constexpr auto kStopGrace = std::chrono::seconds(2);

Result<std::string> readToken(const std::string& file)
{
    std::ifstream in(file);
    if (!in)
        return Status(hr::InvalidArg, "cannot read the token file " + file + ".");
    std::stringstream text;
    text << in.rdbuf();
    std::string token = text.str();
    while (!token.empty() && (token.back() == '\n' || token.back() == '\r' || token.back() == ' '))
        token.pop_back();
    if (token.empty())
        return Status(hr::InvalidArg, "the token file " + file + " is empty.");
    return token;
}

} // namespace

struct Server::Impl
{
    ServiceOptions options;
    std::shared_ptr<spdlog::logger> log = componentLogger("hcnd");
    /// The first I/O context: listeners, signals, the stop timer and its share of the connections. Each
    /// context is run by exactly one thread, so a request is read, answered and the response written on
    /// one thread without waking another.
    asio::io_context io{1};
    /// The other I/O threads' contexts (--threads N: N - 1 of them), kept running until the stop.
    std::vector<std::unique_ptr<asio::io_context>> moreIo;
    std::vector<asio::executor_work_guard<asio::io_context::executor_type>> moreIoWork;
    std::atomic<std::size_t> nextIo{0};
    asio::signal_set signals{io};
    asio::steady_timer stopTimer{io};
    std::unique_ptr<EmbeddedApi> api;
    std::unique_ptr<ServiceContext> context;
    std::optional<AccessPolicy> access;
    std::unique_ptr<UnixListener> unixListener;
    std::unique_ptr<TlsListener> tlsListener;
    std::mutex connectionsMutex;
    std::unordered_map<Connection*, std::shared_ptr<Connection>> connections;
    std::atomic<bool> stopping{false};

    void acceptUnix(asio::local::stream_protocol::socket socket, Connection::Strand strand);
    void acceptTls(std::unique_ptr<TlsStream> stream, Connection::Strand strand, std::string peer);
    std::shared_ptr<Connection> addConnection(std::unique_ptr<ByteStream> stream, Connection::Strand strand,
                                              std::string peer, bool requireAuthentication);
    void connectionClosed(Connection* connection);
    void beginStop();
    /// The context the next connection is served on (round robin over the I/O threads).
    asio::io_context& pickIo();
    /// Runs one I/O loop until it stops. A handler that throws is logged and the loop goes on: one bad
    /// request never takes the service down.
    void runLoop(asio::io_context& context);
};

asio::io_context& Server::Impl::pickIo()
{
    const std::size_t n = nextIo++ % (moreIo.size() + 1);
    return n == 0 ? io : *moreIo[n - 1];
}

void Server::Impl::runLoop(asio::io_context& context)
{
    for (;;) {
        try {
            context.run();
            return;
        } catch (const std::exception& error) {
            log->error("an I/O handler failed: {}; serving on", error.what());
        } catch (...) {
            log->error("an I/O handler failed with an unknown exception; serving on");
        }
    }
}

void Server::Impl::acceptUnix(asio::local::stream_protocol::socket socket, Connection::Strand strand)
{
    const int fd = socket.native_handle();
    const auto credentials = readPeerCredentials(fd);
    std::string peer = credentials ? "pid=" + std::to_string(credentials->pid) +
                                         " uid=" + std::to_string(credentials->uid) +
                                         " gid=" + std::to_string(credentials->gid)
                                   : std::string("unknown peer");
    const bool allowed = credentials && access->allows(*credentials);
    auto connection = addConnection(std::make_unique<UnixStream>(std::move(socket)), strand, peer, false);
    if (!connection)
        return;
    if (!allowed) {
        log->warn("refused connection from {}: not root, not uid {} and not in group {}", peer, getuid(),
                  access->groupName());
        nlohmann::ordered_json data{{"Uid", credentials ? credentials->uid : 0},
                                    {"Gid", credentials ? credentials->gid : 0},
                                    {"Group", access->groupName()}};
        connection->refuse(errorResponse({}, error::PermissionDenied,
                                         "permission denied: the peer is not in group " + access->groupName(),
                                         data.dump()));
        return;
    }
    log->info("connection from {}", peer);
    connection->start();
}

void Server::Impl::acceptTls(std::unique_ptr<TlsStream> stream, Connection::Strand strand, std::string peer)
{
    log->info("TLS connection from {}", peer);
    if (auto connection = addConnection(std::move(stream), strand, peer, true))
        connection->start();
}

std::shared_ptr<Connection> Server::Impl::addConnection(std::unique_ptr<ByteStream> stream,
                                                        Connection::Strand strand, std::string peer,
                                                        bool requireAuthentication)
{
    if (stopping) {
        stream->close();
        return nullptr;
    }
    auto connection =
        std::make_shared<Connection>(*context, std::move(stream), strand, std::move(peer),
                                     requireAuthentication, [this](Connection* c) { connectionClosed(c); });
    std::lock_guard lock(connectionsMutex);
    connections.emplace(connection.get(), connection);
    context->clients = connections.size();
    ++context->connectionsAccepted;
    return connection;
}

void Server::Impl::connectionClosed(Connection* connection)
{
    std::shared_ptr<Connection> keep; // released outside the lock
    std::lock_guard lock(connectionsMutex);
    auto it = connections.find(connection);
    if (it == connections.end())
        return;
    log->info("{} disconnected", connection->peer());
    keep = std::move(it->second);
    connections.erase(it);
    context->clients = connections.size();
    if (stopping && connections.empty())
        asio::post(io, [this] { stopTimer.cancel(); });
}

void Server::Impl::beginStop()
{
    if (stopping.exchange(true))
        return;
    log->info("stopping");
    std::error_code ignored;
    signals.cancel(ignored);
    if (unixListener)
        unixListener->closeAsync();
    if (tlsListener)
        tlsListener->closeAsync();
    // Every subscriber gets ServiceDisconnect (it lands in each connection's event queue), the datapath is
    // reset.
    api->engine().shutdown();
    std::vector<std::shared_ptr<Connection>> open;
    {
        std::lock_guard lock(connectionsMutex);
        for (const auto& [raw, connection] : connections)
            open.push_back(connection);
    }
    for (const auto& connection : open)
        connection->finish();
    if (open.empty())
        return;
    stopTimer.expires_after(kStopGrace);
    stopTimer.async_wait([this](const std::error_code& ec) {
        if (ec)
            return;
        std::vector<std::shared_ptr<Connection>> remaining;
        {
            std::lock_guard lock(connectionsMutex);
            for (const auto& [raw, connection] : connections)
                remaining.push_back(connection);
        }
        for (const auto& connection : remaining) {
            log->warn("{} did not take its last events in time; closing", connection->peer());
            connection->forceClose();
        }
    });
}

Server::Server(ServiceOptions options) : m_impl(std::make_unique<Impl>())
{
    m_impl->options = std::move(options);
    if (m_impl->options.socketPath.empty())
        m_impl->options.socketPath = defaultSocketPath();
}

Server::~Server()
{
    // Connections hold references into the context: they go first, then the engine.
    m_impl->connections.clear();
    m_impl->unixListener.reset();
    m_impl->tlsListener.reset();
    m_impl->context.reset();
    m_impl->api.reset();
}

Status Server::start()
{
    Impl& d = *m_impl;
    const ServiceOptions& o = d.options;
    spdlog::set_level(spdlog::level::from_str(o.logLevel));
    d.log->set_level(spdlog::level::from_str(o.logLevel));

    auto group = resolveServiceGroup(o.group);
    if (!group)
        return Status(hr::InvalidArg, "there is no group named \"" + o.group + "\".");
    d.access.emplace(getuid(), group->first, group->second);

    std::string token;
    if (o.tcpEnabled()) {
        auto read = readToken(o.tokenFile);
        if (!read.ok())
            return read.status();
        token = std::move(*read);
    }

    auto engineOptions = engineOptionsFromEnvironment();
    if (!engineOptions.ok())
        return engineOptions.status();
    // Documents nested inside a message (Settings, Query) get the same depth limit as the message.
    engineOptions->maxJsonDepth = o.maxJsonDepth;
    auto datapath = makeServiceDatapath(o.datapath);
    if (!datapath.ok())
        return datapath.status();
    engineOptions->datapath = std::move(*datapath);
    if (engineOptions->datapath)
        d.log->info("datapath: {}", engineOptions->datapath->name());
    d.api = std::make_unique<EmbeddedApi>(std::move(*engineOptions));
    d.context.reset(new ServiceContext{*d.api, std::string("hcnd/") + HCN_VERSION, token, o.maxMessageBytes,
                                       o.maxJsonDepth, o.clientQueue});
    d.context->keepAwake = o.keepAwake;

    for (unsigned i = 1; i < o.threads; ++i) {
        d.moreIo.push_back(std::make_unique<asio::io_context>(1));
        d.moreIoWork.push_back(asio::make_work_guard(*d.moreIo.back()));
    }
    auto pick = [&d]() -> asio::io_context& { return d.pickIo(); };
    // Started by hcnd.socket: serve on the service manager's socket instead of binding --socket.
    auto inherited = takeInheritedUnixSocket();
    if (!inherited.ok())
        return inherited.status();
    d.unixListener = std::make_unique<UnixListener>(d.io, o.socketPath, group->first, pick);
    if (Status s = *inherited >= 0 ? d.unixListener->adopt(*inherited) : d.unixListener->open(); !s.ok())
        return s;
    d.options.socketPath = d.unixListener->path();
    if (o.tcpEnabled()) {
        d.tlsListener = std::make_unique<TlsListener>(d.io, o.tcpHost, o.tcpPort, pick);
        if (Status s = d.tlsListener->open(o.tlsCertFile, o.tlsKeyFile); !s.ok()) {
            d.unixListener->close();
            return s;
        }
    }

    d.signals.add(SIGTERM);
    d.signals.add(SIGINT);
    d.signals.async_wait([&d](const std::error_code& ec, int signal) {
        if (ec)
            return;
        d.log->info("received signal {}", signal);
        d.beginStop();
    });
    d.unixListener->startAccepting(
        [&d](asio::local::stream_protocol::socket socket, Connection::Strand strand) {
            d.acceptUnix(std::move(socket), strand);
        });
    if (d.tlsListener)
        d.tlsListener->startAccepting(
            [&d](std::unique_ptr<TlsStream> stream, Connection::Strand strand, std::string peer) {
                d.acceptTls(std::move(stream), strand, peer);
            });
    d.log->info("hcnd {} serving on {}{} (group {}){}", HCN_VERSION, o.socketPath,
                *inherited >= 0 ? " (from the service manager)" : "", group->second,
                d.tlsListener ? " and TLS on " + o.tcpHost + ":" + std::to_string(d.tlsListener->port())
                              : "");
    return Status::success();
}

int Server::run()
{
    Impl& d = *m_impl;
    std::vector<std::thread> pool;
    for (const auto& context : d.moreIo)
        pool.emplace_back([&d, c = context.get()] { d.runLoop(*c); });
    d.runLoop(d.io);
    // The first context ran out of work: listeners closed, every connection closed or forced to close.
    // What the other threads still have queued (the last closes) runs, then they end.
    d.moreIoWork.clear();
    for (auto& thread : pool)
        thread.join();
    if (d.unixListener)
        d.unixListener->close(); // removes the socket file
    d.log->info("stopped");
    return 0;
}

void Server::stop()
{
    asio::post(m_impl->io, [this] { m_impl->beginStop(); });
}

const std::string& Server::socketPath() const
{
    return m_impl->options.socketPath;
}

unsigned short Server::tcpPort() const
{
    return m_impl->tlsListener ? m_impl->tlsListener->port() : 0;
}

} // namespace hcn::rpc
