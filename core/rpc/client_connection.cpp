#include "rpc/client_connection.h"

#include "common/log.h"
#include "rpc/json_scan.h"
#include "rpc/protocol.h"
#include "rpc/tls_stream.h"
#include "rpc/unix_stream.h"

#include <charconv>
#include <nlohmann/json.hpp>

namespace hcn::rpc {

namespace {

constexpr HResult kTimeout = makeHResult(0x800705B4); // HRESULT_FROM_WIN32(ERROR_TIMEOUT)

/// "tls://HOST:PORT" -> host, port.
bool splitHostPort(std::string_view text, std::string& host, std::string& port)
{
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size())
        return false;
    host = std::string(text.substr(0, colon));
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    port = std::string(text.substr(colon + 1));
    return true;
}

} // namespace

ClientConnection::ClientConnection(const RpcClientOptions& options, std::string endpointText, Hooks hooks)
    : m_options(options), m_endpointText(std::move(endpointText)), m_hooks(std::move(hooks)),
      m_work(asio::make_work_guard(m_io)), m_decoder(options.maxMessageBytes)
{}

Result<std::unique_ptr<ClientConnection>> ClientConnection::open(const RpcClientOptions& options,
                                                                 std::string endpointText, Hooks hooks)
{
    std::unique_ptr<ClientConnection> connection(
        new ClientConnection(options, std::move(endpointText), std::move(hooks)));
    if (Status s = connection->connectSocket(); !s.ok())
        return s;
    connection->readMore();
    connection->m_thread = std::thread([c = connection.get()] { c->m_io.run(); });
    return connection;
}

Status ClientConnection::connectSocket()
{
    const std::string& endpoint = m_options.endpoint;
    std::error_code ec;
    if (endpoint.rfind("tls://", 0) == 0) {
        std::string host, port;
        if (!splitHostPort(std::string_view(endpoint).substr(6), host, port))
            return Status(hr::InvalidArg, "\"" + endpoint + "\" is not tls://HOST:PORT.");
        m_tls = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_client);
        if (!m_options.caFile.empty())
            m_tls->load_verify_file(m_options.caFile, ec);
        else
            m_tls->set_default_verify_paths(ec);
        if (ec)
            return Status(hr::InvalidArg,
                          "cannot load the CA file " + m_options.caFile + ": " + ec.message() + ".");
        asio::ip::tcp::resolver resolver(m_io);
        auto endpoints = resolver.resolve(host, port, ec);
        if (ec)
            return Status(hr::ManagerStopped, "cannot resolve " + host + ": " + ec.message() + ".");
        asio::ip::tcp::socket socket(m_io);
        asio::connect(socket, endpoints, ec);
        if (ec)
            return Status(hr::ManagerStopped, "cannot connect to hcnd at " + m_endpointText + ": " +
                                                  ec.message() + " (is hcnd running?).");
        socket.set_option(asio::ip::tcp::no_delay(true), ec);
        auto stream = std::make_unique<TlsStream>(std::move(socket), *m_tls);
        if (m_options.verifyPeer) {
            stream->stream().set_verify_mode(asio::ssl::verify_peer);
            stream->stream().set_verify_callback(asio::ssl::host_name_verification(host));
        } else {
            stream->stream().set_verify_mode(asio::ssl::verify_none);
        }
        SSL_set_tlsext_host_name(stream->stream().native_handle(), host.c_str());
        if (auto handshakeError = stream->handshake(asio::ssl::stream_base::client))
            return Status(hr::ManagerStopped, "TLS handshake with hcnd at " + m_endpointText +
                                                  " failed: " + handshakeError.message() + ".");
        m_stream = std::move(stream);
        return Status::success();
    }
    const std::string path = endpoint.rfind("unix:", 0) == 0 ? endpoint.substr(5) : endpoint;
    asio::local::stream_protocol::socket socket(m_io);
    socket.connect(asio::local::stream_protocol::endpoint(path), ec);
    if (ec)
        return Status(hr::ManagerStopped, "cannot connect to hcnd at " + m_endpointText + ": " +
                                              ec.message() + " (is hcnd running?).");
    m_stream = std::make_unique<UnixStream>(std::move(socket));
    return Status::success();
}

ClientConnection::~ClientConnection()
{
    close();
}

void ClientConnection::close()
{
    if (!m_thread.joinable()) {
        if (m_stream)
            m_stream->close();
        return;
    }
    asio::post(m_io, [this] {
        m_stream->close();
        m_work.reset();
    });
    if (std::this_thread::get_id() == m_thread.get_id()) {
        m_thread.detach(); // closed from the I/O thread itself (a hook): it ends on its own
        return;
    }
    m_thread.join();
    fail(Status(hr::ManagerStopped, "the connection to hcnd at " + m_endpointText + " was closed."));
}

void ClientConnection::readMore()
{
    m_stream->asyncReadSome(m_readBuffer.data(), m_readBuffer.size(),
                            [this](const std::error_code& ec, std::size_t bytes) { onRead(ec, bytes); });
}

void ClientConnection::onRead(const std::error_code& ec, std::size_t bytes)
{
    if (ec) {
        m_stream->close(); // the service lingers until our side is closed too
        fail(Status(hr::ManagerStopped,
                    "the connection to hcnd at " + m_endpointText + " was lost (" + ec.message() + ")."));
        return;
    }
    const auto state = m_decoder.feed(m_readBuffer.data(), bytes);
    while (m_decoder.hasMessage())
        handleMessage(m_decoder.takeMessage());
    if (state == FrameDecoder::State::TooLarge) {
        m_stream->close();
        fail(Status(hr::ManagerStopped, "hcnd at " + m_endpointText + " sent a message larger than " +
                                            std::to_string(m_decoder.maxMessageBytes()) + " bytes."));
        return;
    }
    readMore();
}

void ClientConnection::handleMessage(std::string_view text)
{
    std::string_view id, method, params, result, error;
    const bool wellFormed = forEachMember(text, [&](std::string_view key, std::string_view value) {
        if (key == "id")
            id = value;
        else if (key == "method")
            method = value;
        else if (key == "params")
            params = value;
        else if (key == "result")
            result = value;
        else if (key == "error")
            error = value;
    });
    if (!wellFormed) {
        componentLogger("hcn.rpc")->warn("ignoring a malformed message from hcnd at {}", m_endpointText);
        return;
    }
    if (!method.empty()) {
        if (method.size() >= 2 && m_hooks.notification)
            m_hooks.notification(method.substr(1, method.size() - 2), params);
        return;
    }
    Reply reply;
    if (!error.empty()) {
        auto parsed = nlohmann::json::parse(error, nullptr, false);
        reply.status = statusFromError(parsed);
        if (!reply.status.ok() && reply.status.detail().empty())
            reply.status = Status(reply.status.code(), "hcnd reported an error without a message.");
    } else {
        reply.result = std::string(result.empty() ? std::string_view("null") : result);
    }
    std::uint64_t number = 0;
    auto [ptr, ec] = std::from_chars(id.data(), id.data() + id.size(), number);
    if (ec != std::errc() || ptr != id.data() + id.size()) {
        // An error without an id: the service refused the connection or the stream; it closes next.
        if (!error.empty()) {
            componentLogger("hcn.rpc")->warn("hcnd at {}: {}", m_endpointText, reply.status.detail());
            std::lock_guard lock(m_pendingMutex);
            m_lostStatus = reply.status;
        }
        return;
    }
    std::shared_ptr<Pending> pending;
    {
        std::lock_guard lock(m_pendingMutex);
        auto it = m_pending.find(number);
        if (it == m_pending.end())
            return; // the caller timed out
        pending = std::move(it->second);
        m_pending.erase(it);
    }
    if (pending->hook)
        pending->hook(reply);
    pending->promise.set_value(std::move(reply));
}

ClientConnection::Reply ClientConnection::call(std::string_view method, std::string_view paramsText,
                                               const ReplyHook& hook)
{
    auto pending = std::make_shared<Pending>();
    pending->hook = hook;
    auto future = pending->promise.get_future();
    const std::uint64_t id = ++m_nextId;
    {
        std::lock_guard lock(m_pendingMutex);
        if (m_lost)
            return {m_lostStatus, {}};
        m_pending.emplace(id, pending);
    }
    std::string frame;
    const std::string request = requestMessage(id, method, paramsText);
    frame.reserve(request.size() + kFrameHeaderBytes);
    appendFrame(frame, request);
    send(std::move(frame));
    if (future.wait_for(m_options.callTimeout) == std::future_status::ready)
        return future.get();
    {
        std::lock_guard lock(m_pendingMutex);
        if (m_pending.erase(id) == 0) // answered in the meantime
            return future.get();
    }
    return {Status(kTimeout, "hcnd at " + m_endpointText + " did not answer " + std::string(method) +
                                 " within " + std::to_string(m_options.callTimeout.count()) + " ms."),
            {}};
}

void ClientConnection::send(std::string frame)
{
    bool start = false;
    {
        std::lock_guard lock(m_outMutex);
        m_out += frame;
        if (!m_writeActive) {
            m_writeActive = true;
            start = true;
        }
    }
    if (start)
        asio::post(m_io, [this] { writeMore(); });
}

void ClientConnection::writeMore()
{
    {
        std::lock_guard lock(m_outMutex);
        m_writing.clear();
        m_writing.swap(m_out);
        if (m_writing.empty()) {
            m_writeActive = false;
            return;
        }
    }
    m_stream->asyncWriteAll(
        m_writing.data(), m_writing.size(), [this](const std::error_code& ec, std::size_t) {
            if (ec) {
                fail(Status(hr::ManagerStopped, "the connection to hcnd at " + m_endpointText +
                                                    " was lost (" + ec.message() + ")."));
                std::lock_guard lock(m_outMutex);
                m_writeActive = false;
                m_out.clear();
                return;
            }
            writeMore();
        });
}

void ClientConnection::fail(Status status)
{
    std::unordered_map<std::uint64_t, std::shared_ptr<Pending>> pending;
    Status reason;
    {
        std::lock_guard lock(m_pendingMutex);
        if (m_lost)
            return;
        m_lost = true;
        if (m_lostStatus.ok())
            m_lostStatus = std::move(status);
        reason = m_lostStatus;
        pending.swap(m_pending);
    }
    for (auto& [id, call] : pending)
        call->promise.set_value(Reply{reason, {}});
    if (m_hooks.lost)
        m_hooks.lost();
}

} // namespace hcn::rpc
