#pragma once
// ClientConnection: one connection of an RpcClient to hcnd, without an I/O thread in the path of a
// call. The calling thread writes its request itself, then reads the socket itself until its response
// has come (dispatching any other responses and notifications it reads on the way). When several
// threads wait, one of them reads (the reader role) and hands each response to its caller; when it has
// its own, the role passes to another waiting caller. A sequential caller thus costs one wake-up of the
// service and one of the caller per call.
//
// The watcher thread covers the time between calls: while the client has subscriptions it holds the
// reader role itself (events arrive at any time, and a subscriber callback must not wait for the next
// call); without subscriptions it only waits for the service to end the connection, so that a lost
// service is noticed and the socket is closed on our side too.
// When the connection is lost every pending and later call fails.

#include "hcn/rpc_client.h"
#include "rpc/client_transport.h"
#include "rpc/frame.h"
#include "rpc/spin_backoff.h"

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>

namespace hcn::rpc {

class ClientConnection
{
public:
    struct Reply
    {
        Status status;      ///< failed: the call's error
        std::string result; ///< the result's JSON text, verbatim
    };
    /// Runs on the reading thread when a reply arrives, before the caller wakes and before any later
    /// message is dispatched (a subscription is routed before its first event can arrive).
    using ReplyHook = std::function<void(const Reply&)>;

    struct Hooks
    {
        /// A server notification: method and params text (on the reading thread; must not block).
        std::function<void(std::string_view method, std::string_view params)> notification;
        /// The connection is gone (once, on the thread that noticed).
        std::function<void()> lost;
    };

    static Result<std::unique_ptr<ClientConnection>> open(const RpcClientOptions& options,
                                                          std::string endpointText, Hooks hooks);
    ~ClientConnection();
    ClientConnection(const ClientConnection&) = delete;
    ClientConnection& operator=(const ClientConnection&) = delete;

    /// Sends one request and waits for its reply (or the timeout, or the connection's loss).
    Reply call(std::string_view method, std::string_view paramsText, const ReplyHook& hook = {});
    /// Sends one request without waiting for its reply: whoever reads next drops the reply (logging a
    /// failure). Only for requests the service cannot refuse (closing a handle this connection holds);
    /// fails only when the request cannot be written.
    Status send(std::string_view method, std::string_view paramsText);
    /// Events are expected (the client has subscriptions): keep reading between calls.
    void setWatching(bool watching);
    bool connected() const { return !m_lost; }
    /// Closes the socket and stops the watcher; pending calls fail.
    void close();

private:
    using Clock = std::chrono::steady_clock;

    struct Pending
    {
        std::condition_variable wake;
        const ReplyHook* hook = nullptr;
        Reply reply;
        bool done = false;
        bool waiting = false; ///< blocked on `wake` (can take over the reader role)
    };

    ClientConnection(const RpcClientOptions& options, std::string endpointText, Hooks hooks);
    /// Writes one whole frame; false (and the connection failed) when it could not.
    bool writeFrame(const std::string& frame, Clock::time_point deadline, Status& error);
    /// Reads (holding the reader role) until `until` is done, the deadline passes, `stop` says so or
    /// the connection is lost. `until` null: reads until `stop`.
    void readTurn(const Pending* until, Clock::time_point deadline, const std::function<bool()>& stop = {});
    /// Reads once what the socket has and dispatches every complete message; false when lost.
    bool readAvailable();
    void dispatch(std::string_view text);
    /// Under m_mutex, after a reader gave the role up: wakes the thread that should read next.
    void passReaderRole();
    void runWatcher();
    void wakeWatcher();
    void fail(Status status);

    RpcClientOptions m_options;
    std::string m_endpointText;
    Hooks m_hooks;
    std::unique_ptr<ClientTransport> m_transport;
    int m_wakeFd = -1; ///< eventfd: wakes the watcher out of poll()

    std::mutex m_writeMutex; ///< one frame at a time on the socket

    // The reader role's own state: only the thread holding the role touches these.
    FrameDecoder m_decoder;
    std::array<char, 65536> m_readBuffer{};

    mutable std::mutex m_mutex; ///< guards everything below
    std::unordered_map<std::uint64_t, Pending*> m_pending;
    /// Requests sent with send(), whose replies nobody waits for.
    std::unordered_set<std::uint64_t> m_detached;
    bool m_readerBusy = false;   ///< some thread holds the reader role
    bool m_watching = false;     ///< the watcher reads between calls (subscriptions exist)
    bool m_watcherWaits = false; ///< the watcher waits for the role
    bool m_closing = false;
    std::condition_variable m_watcherWake;
    Status m_lostStatus;
    std::atomic<bool> m_lost{false};
    std::atomic<std::uint64_t> m_nextId{0};
    /// Whether a wait for a response polls first (spinBeforeBlocking).
    SpinBackoff m_spin;
    std::thread m_watcher;
};

} // namespace hcn::rpc
