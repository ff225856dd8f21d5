#include "rpc/connection.h"

#include "common/log.h"
#include "rpc/protocol.h"

#include <thread>

namespace hcn::rpc {

namespace {

/// One write carries at most this much of the event queue (responses always go out whole).
constexpr std::size_t kMaxEventBatchBytes = 256 * 1024;
/// A client that sends requests without reading responses: stop reading its requests beyond this.
constexpr std::size_t kMaxPendingResponseBytes = 8 * 1024 * 1024;
/// How long a closing connection waits for the peer to close its side.
constexpr auto kLinger = std::chrono::seconds(2);

} // namespace

Connection::Connection(ServiceContext& context, std::unique_ptr<ByteStream> stream, Strand strand,
                       std::string peer, bool requireAuthentication,
                       std::function<void(Connection*)> onClosed)
    : m_context(context), m_stream(std::move(stream)), m_strand(std::move(strand)), m_peer(std::move(peer)),
      m_onClosed(std::move(onClosed)), m_events(context.clientQueue),
      m_handler(
          context, m_resources, m_events, [this] { wake(); }, requireAuthentication),
      m_decoder(context.maxMessageBytes), m_lingerTimer(m_strand)
{}

Connection::~Connection() = default;

void Connection::wake()
{
    // Called on the engine's dispatcher thread. close() unsubscribes before the connection can go away;
    // the weak pointer only guards against a wake-up racing the last reference being dropped.
    if (auto self = weak_from_this().lock())
        asio::post(m_strand, [self] { self->flushWrites(); });
}

void Connection::start()
{
    asio::post(m_strand, [self = shared_from_this()] { self->readMore(); });
}

void Connection::refuse(std::string message)
{
    asio::post(m_strand, [self = shared_from_this(), message = std::move(message)] {
        appendFrame(self->m_responses, message);
        self->m_closeWhenFlushed = true;
        self->flushWrites();
    });
}

void Connection::finish()
{
    asio::post(m_strand, [self = shared_from_this()] {
        self->m_closeWhenFlushed = true;
        self->flushWrites();
    });
}

void Connection::forceClose()
{
    asio::post(m_strand, [self = shared_from_this()] { self->close(); });
}

void Connection::readMore()
{
    if (m_closed || m_reading)
        return;
    m_reading = true;
    m_stream->asyncReadSome(m_readBuffer.data(), m_readBuffer.size(),
                            [self = shared_from_this()](const std::error_code& ec, std::size_t bytes) {
                                self->onRead(ec, bytes);
                            });
}

void Connection::onRead(const std::error_code& ec, std::size_t bytes)
{
    m_reading = false;
    if (ec) {
        close();
        return;
    }
    if (m_closed)
        return;
    if (m_closeWhenFlushed) {
        // Closing: what the peer still sends is read and discarded, so that closing the socket with
        // unread data does not reset the connection before the peer has read our last message.
        readMore();
        return;
    }
    const auto state = m_decoder.feed(m_readBuffer.data(), bytes);
    while (m_decoder.hasMessage() && !m_closeWhenFlushed) {
        const std::string message = m_decoder.takeMessage();
        std::string response = m_handler.handleMessage(message);
        if (!response.empty())
            appendFrame(m_responses, response);
        if (m_handler.closeRequested())
            m_closeWhenFlushed = true;
    }
    if (state == FrameDecoder::State::Empty)
        appendFrame(m_responses, errorResponse({}, error::InvalidRequest, "invalid request: empty frame"));
    if (state == FrameDecoder::State::TooLarge) {
        componentLogger("hcn.rpc")->warn("{}: message of {} bytes exceeds the limit of {}; closing", m_peer,
                                         m_decoder.announcedBytes(), m_decoder.maxMessageBytes());
        appendFrame(m_responses,
                    errorResponse({}, error::InvalidRequest,
                                  "message too large (" + std::to_string(m_decoder.announcedBytes()) +
                                      " bytes; the limit is " + std::to_string(m_decoder.maxMessageBytes()) +
                                      ")"));
        m_closeWhenFlushed = true;
    }
    flushWrites();
    if (m_responses.size() > kMaxPendingResponseBytes && !m_closeWhenFlushed)
        m_readPaused = true; // resumed when the client has read some
    else
        readMore();
    keepAwake();
}

void Connection::keepAwake()
{
    if (m_context.keepAwake.count() <= 0 || m_closed || !m_reading)
        return;
    m_awakeUntil = std::chrono::steady_clock::now() + m_context.keepAwake;
    if (m_stayingAwake) {
        m_nextRequestCame = true; // the running chain goes on to the new deadline
        return;
    }
    if (!m_awake.shouldSpin())
        return;
    m_stayingAwake = true;
    m_nextRequestCame = false;
    asio::post(m_strand, [self = shared_from_this()] { self->stayAwake(); });
}

void Connection::stayAwake()
{
    // While a handler is queued, the I/O thread polls its sockets without blocking between handlers, so
    // the next request is read as soon as it arrives. Yielding lets other work on this CPU run.
    if (m_closed || !m_reading || std::chrono::steady_clock::now() >= m_awakeUntil) {
        // A client that did not come back in time (it thinks, or the machine is busy): the next answers
        // let the thread sleep at once, then staying awake is tried again (SpinBackoff).
        if (m_nextRequestCame)
            m_awake.hit();
        else if (!m_closed)
            m_awake.miss();
        m_stayingAwake = false;
        return;
    }
    std::this_thread::yield();
    asio::post(m_strand, [self = shared_from_this()] { self->stayAwake(); });
}

void Connection::flushWrites()
{
    if (m_writing || m_closed)
        return;
    m_writeBuffer.clear();
    m_writeBuffer.swap(m_responses);
    m_events.drainInto(m_writeBuffer, kMaxEventBatchBytes);
    if (m_writeBuffer.empty()) {
        if (m_closeWhenFlushed)
            linger();
        return;
    }
    m_writing = true;
    m_stream->asyncWriteAll(
        m_writeBuffer.data(), m_writeBuffer.size(),
        [self = shared_from_this()](const std::error_code& ec, std::size_t) { self->onWritten(ec); });
}

void Connection::onWritten(const std::error_code& ec)
{
    m_writing = false;
    if (ec) {
        close();
        return;
    }
    if (m_readPaused && m_responses.size() <= kMaxPendingResponseBytes) {
        m_readPaused = false;
        readMore();
    }
    flushWrites();
}

void Connection::linger()
{
    if (m_lingering || m_closed)
        return;
    m_lingering = true;
    m_stream->shutdownSend();
    readMore(); // end-of-stream from the peer closes
    m_lingerTimer.expires_after(kLinger);
    m_lingerTimer.async_wait([self = shared_from_this()](const std::error_code& ec) {
        if (!ec)
            self->close();
    });
}

void Connection::close()
{
    if (m_closed)
        return;
    m_closed = true;
    m_lingerTimer.cancel();
    m_resources.releaseAll(m_context.api);
    m_stream->close();
    if (m_onClosed)
        m_onClosed(this);
}

} // namespace hcn::rpc
