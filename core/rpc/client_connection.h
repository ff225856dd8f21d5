#pragma once
// ClientConnection: one connection of an RpcClient to hcnd. A single I/O thread reads and writes the
// socket; calls from any thread are framed into a shared outgoing buffer (one write carries whatever
// has accumulated) and matched to their responses by id. Notifications are handed to a callback on
// the I/O thread, which must not block. When the connection is lost every pending and later call fails.

#include "hcn/rpc_client.h"
#include "rpc/byte_stream.h"
#include "rpc/frame.h"

#include <asio.hpp>
#include <asio/ssl.hpp>
#include <atomic>
#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>

namespace hcn::rpc {

class ClientConnection
{
public:
    struct Reply
    {
        Status status;      ///< failed: the call's error
        std::string result; ///< the result's JSON text, verbatim
    };
    /// Runs on the I/O thread when a reply arrives, before the caller wakes and before any later message
    /// is read (a subscription is routed before its first event can arrive).
    using ReplyHook = std::function<void(const Reply&)>;

    struct Hooks
    {
        /// A server notification: method and params text (I/O thread).
        std::function<void(std::string_view method, std::string_view params)> notification;
        /// The connection is gone (once, I/O thread).
        std::function<void()> lost;
    };

    static Result<std::unique_ptr<ClientConnection>> open(const RpcClientOptions& options,
                                                          std::string endpointText, Hooks hooks);
    ~ClientConnection();

    /// Sends one request and waits for its reply (or the timeout, or the connection's loss).
    Reply call(std::string_view method, std::string_view paramsText, const ReplyHook& hook = {});
    bool connected() const { return !m_lost; }
    /// Closes the socket and stops the I/O thread.
    void close();

private:
    struct Pending
    {
        std::promise<Reply> promise;
        ReplyHook hook;
    };

    ClientConnection(const RpcClientOptions& options, std::string endpointText, Hooks hooks);
    Status connectSocket();
    void readMore();
    void onRead(const std::error_code& ec, std::size_t bytes);
    void handleMessage(std::string_view text);
    void send(std::string frame);
    void writeMore();
    void fail(Status status);

    RpcClientOptions m_options;
    std::string m_endpointText;
    Hooks m_hooks;
    asio::io_context m_io;
    asio::executor_work_guard<asio::io_context::executor_type> m_work;
    std::unique_ptr<asio::ssl::context> m_tls;
    std::unique_ptr<ByteStream> m_stream;
    std::thread m_thread;
    FrameDecoder m_decoder;
    std::array<char, 65536> m_readBuffer{};

    std::mutex m_outMutex;
    std::string m_out;
    std::string m_writing;
    bool m_writeActive = false;

    std::mutex m_pendingMutex;
    std::unordered_map<std::uint64_t, std::shared_ptr<Pending>> m_pending;
    std::atomic<std::uint64_t> m_nextId{0};
    std::atomic<bool> m_lost{false};
    Status m_lostStatus; ///< guarded by m_pendingMutex
};

} // namespace hcn::rpc
