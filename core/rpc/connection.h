#pragma once
// Connection: one client of hcnd. Reads frames, answers them through its RequestHandler and writes
// responses and events back, several frames per write. Everything runs on the connection's strand;
// the engine's dispatcher thread only pushes into the EventQueue and posts a wake-up.

#include "rpc/byte_stream.h"
#include "rpc/connection_resources.h"
#include "rpc/event_queue.h"
#include "rpc/frame.h"
#include "rpc/request_handler.h"
#include "rpc/spin_backoff.h"

#include <array>
#include <asio.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <string>

namespace hcn::rpc {

class Connection : public std::enable_shared_from_this<Connection>
{
public:
    using Strand = asio::strand<asio::io_context::executor_type>;

    Connection(ServiceContext& context, std::unique_ptr<ByteStream> stream, Strand strand, std::string peer,
               bool requireAuthentication, std::function<void(Connection*)> onClosed);
    ~Connection();

    /// Starts reading (posts onto the strand).
    void start();
    /// Sends one message, then closes (a refused peer).
    void refuse(std::string message);
    /// Service stop: no more requests are read; what is queued (ServiceDisconnect events) is written,
    /// then the connection closes.
    void finish();
    /// Closes now, whatever is still queued (a peer that stopped reading during service stop).
    void forceClose();

    const std::string& peer() const { return m_peer; }

private:
    void readMore();
    void onRead(const std::error_code& ec, std::size_t bytes);
    void flushWrites();
    void onWritten(const std::error_code& ec);
    void wake();
    /// After answering: keep this I/O thread polling for the client's next request for
    /// ServiceContext::keepAwake instead of letting it sleep (a sleeping CPU takes tens of microseconds
    /// to wake, more than the work of a small call).
    void keepAwake();
    void stayAwake();
    /// The last message is out: end our side and wait (briefly) for the peer to end its side.
    void linger();
    void close();

    ServiceContext& m_context;
    std::unique_ptr<ByteStream> m_stream;
    Strand m_strand;
    std::string m_peer;
    std::function<void(Connection*)> m_onClosed;
    ConnectionResources m_resources;
    EventQueue m_events;
    RequestHandler m_handler;
    FrameDecoder m_decoder;
    std::array<char, 65536> m_readBuffer{};
    std::string m_responses;   ///< framed responses not yet handed to a write
    std::string m_writeBuffer; ///< the frames of the write in flight
    bool m_writing = false;
    bool m_readPaused = false;
    bool m_reading = false;
    bool m_closeWhenFlushed = false;
    bool m_lingering = false;
    asio::steady_timer m_lingerTimer;
    bool m_closed = false;
    bool m_stayingAwake = false;
    bool m_nextRequestCame = false;       ///< a request arrived while staying awake
    SpinBackoff m_awake;                  ///< whether an answer keeps the thread awake
    std::chrono::steady_clock::time_point m_awakeUntil{};
};

} // namespace hcn::rpc
