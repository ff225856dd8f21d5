#include "rpc/client_connection.h"

#include "common/log.h"
#include "rpc/json_scan.h"
#include "rpc/protocol.h"

#include <cerrno>
#include <charconv>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <sys/eventfd.h>
#include <thread>
#include <unistd.h>

namespace hcn::rpc {

namespace {

/// Polls `fd` without blocking for up to `budget` (yielding the CPU in between) and returns as soon as it
/// is readable: a caller waiting for a small call's answer stays on its CPU instead of sleeping. False
/// when the budget ran out first.
bool spinUntilReadable(int fd, std::chrono::microseconds budget)
{
    const auto until = std::chrono::steady_clock::now() + budget;
    do {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 0) != 0)
            return true;
        std::this_thread::yield();
    } while (std::chrono::steady_clock::now() < until);
    return false;
}

/// poll()'s timeout for `deadline`: whole milliseconds, rounded up, at most a minute per wait.
int pollTimeout(std::chrono::steady_clock::time_point deadline)
{
    const auto left =
        std::chrono::ceil<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
    return static_cast<int>(std::clamp<long long>(left, 0, 60000));
}

} // namespace

ClientConnection::ClientConnection(const RpcClientOptions& options, std::string endpointText, Hooks hooks)
    : m_options(options), m_endpointText(std::move(endpointText)), m_hooks(std::move(hooks)),
      m_decoder(options.maxMessageBytes)
{}

Result<std::unique_ptr<ClientConnection>> ClientConnection::open(const RpcClientOptions& options,
                                                                 std::string endpointText, Hooks hooks)
{
    std::unique_ptr<ClientConnection> connection(
        new ClientConnection(options, std::move(endpointText), std::move(hooks)));
    auto transport = ClientTransport::connect(options, connection->m_endpointText);
    if (!transport.ok())
        return transport.status();
    connection->m_transport = std::move(*transport);
    connection->m_wakeFd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (connection->m_wakeFd < 0)
        return Status(hr::OutOfMemory, "cannot create an eventfd for the connection to hcnd.");
    connection->m_watcher = std::thread([c = connection.get()] { c->runWatcher(); });
    return connection;
}

ClientConnection::~ClientConnection()
{
    close();
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
}

void ClientConnection::close()
{
    if (!m_transport)
        return; // never connected
    {
        std::lock_guard lock(m_mutex);
        m_closing = true;
    }
    fail(Status(hr::ManagerStopped, "the connection to hcnd at " + m_endpointText + " was closed."));
    if (m_watcher.joinable()) {
        if (std::this_thread::get_id() == m_watcher.get_id())
            m_watcher.detach(); // closed from a hook on the watcher itself: it ends on its own
        else
            m_watcher.join();
    }
}

void ClientConnection::setWatching(bool watching)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_watching == watching)
            return;
        m_watching = watching;
        if (watching && !m_readerBusy)
            m_watcherWake.notify_one();
        else if (!watching && !m_readerBusy)
            passReaderRole(); // callers that waited for the watcher's reading read themselves again
    }
    wakeWatcher();
}

void ClientConnection::wakeWatcher()
{
    const std::uint64_t one = 1;
    [[maybe_unused]] const auto written = ::write(m_wakeFd, &one, sizeof one);
}

ClientConnection::Reply ClientConnection::call(std::string_view method, std::string_view paramsText,
                                               const ReplyHook& hook)
{
    const auto deadline = Clock::now() + m_options.callTimeout;
    const std::uint64_t id = ++m_nextId;
    Pending pending;
    pending.hook = hook ? &hook : nullptr;
    {
        std::lock_guard lock(m_mutex);
        if (m_lost)
            return {m_lostStatus, {}};
        m_pending.emplace(id, &pending);
    }
    std::string frame;
    appendRequestFrame(frame, id, method, paramsText);
    Status writeError;
    const bool sent = writeFrame(frame, deadline, writeError);

    std::unique_lock lock(m_mutex);
    if (!sent && m_pending.erase(id) == 1)
        return {writeError, {}};
    bool timedOut = !sent;
    while (!pending.done) {
        if (!timedOut && Clock::now() >= deadline) {
            if (m_pending.erase(id) == 1)
                return {Status(hr::Timeout, "hcnd at " + m_endpointText + " did not answer " +
                                             std::string(method) + " within " +
                                             std::to_string(m_options.callTimeout.count()) + " ms."),
                        {}};
            timedOut = true; // being answered right now: the reader completes it in a moment
        }
        if (!timedOut && !m_readerBusy && !m_watching) {
            m_readerBusy = true;
            lock.unlock();
            readTurn(&pending, deadline);
            lock.lock();
            m_readerBusy = false;
            passReaderRole();
            continue;
        }
        if (timedOut) {
            pending.wake.wait(lock);
            continue;
        }
        pending.waiting = true; // passReaderRole may hand this caller the role
        pending.wake.wait_until(lock, deadline);
        pending.waiting = false;
    }
    return std::move(pending.reply);
}

Status ClientConnection::send(std::string_view method, std::string_view paramsText)
{
    const auto deadline = Clock::now() + m_options.callTimeout;
    const std::uint64_t id = ++m_nextId;
    {
        std::lock_guard lock(m_mutex);
        if (m_lost)
            return m_lostStatus;
        m_detached.insert(id);
    }
    std::string frame;
    appendRequestFrame(frame, id, method, paramsText);
    Status writeError;
    if (writeFrame(frame, deadline, writeError))
        return Status::success();
    std::lock_guard lock(m_mutex);
    m_detached.erase(id);
    return writeError;
}

bool ClientConnection::writeFrame(const std::string& frame, Clock::time_point deadline, Status& error)
{
    std::lock_guard lock(m_writeMutex);
    std::size_t offset = 0;
    for (;;) {
        const auto io = offset < frame.size()
                            ? m_transport->write(frame.data() + offset, frame.size() - offset)
                            : m_transport->flush();
        if (io.state == ClientTransport::State::Done) {
            if (offset == frame.size())
                return true;
            offset += io.bytes;
            continue;
        }
        if (io.state == ClientTransport::State::WantWrite || io.state == ClientTransport::State::WantRead) {
            pollfd p{m_transport->fd(),
                     io.state == ClientTransport::State::WantWrite ? short(POLLOUT) : short(POLLIN), 0};
            const int ready = ::poll(&p, 1, pollTimeout(deadline));
            if (ready != 0 || Clock::now() < deadline)
                continue;
            error = Status(hr::Timeout, "hcnd at " + m_endpointText + " did not take a request within " +
                                         std::to_string(m_options.callTimeout.count()) + " ms.");
            if (offset > 0)
                fail(error); // half a frame is out: the stream cannot be continued
            return false;
        }
        fail(Status(hr::ManagerStopped, "the connection to hcnd at " + m_endpointText + " was lost (" +
                                            (io.error.empty() ? std::string("End of file") : io.error) +
                                            ")."));
        std::lock_guard state(m_mutex);
        error = m_lostStatus;
        return false;
    }
}

void ClientConnection::readTurn(const Pending* until, Clock::time_point deadline,
                                const std::function<bool()>& stop)
{
    for (;;) {
        {
            std::lock_guard lock(m_mutex);
            if (m_lost || (until && until->done) || (stop && stop()))
                return;
        }
        if (!m_transport->hasBufferedInput()) {
            if (until && m_options.spinBeforeBlocking.count() > 0 && m_spin.shouldSpin()) {
                if (spinUntilReadable(m_transport->fd(), m_options.spinBeforeBlocking))
                    m_spin.hit();
                else
                    m_spin.miss();
            }
            pollfd fds[2] = {{m_transport->fd(), POLLIN, 0}, {m_wakeFd, POLLIN, 0}};
            const int timeout = until ? pollTimeout(deadline) : -1;
            if (until && timeout == 0)
                return;
            const int ready = ::poll(fds, until ? 1 : 2, timeout);
            if (ready == 0)
                return; // the deadline: the caller decides
            if (ready < 0) {
                if (errno == EINTR)
                    continue;
                fail(Status(hr::ManagerStopped, "waiting for hcnd at " + m_endpointText + " failed."));
                return;
            }
            if (!until && fds[1].revents) {
                std::uint64_t count = 0;
                [[maybe_unused]] const auto got = ::read(m_wakeFd, &count, sizeof count);
            }
            if (!fds[0].revents)
                continue;
        }
        if (!readAvailable())
            return;
    }
}

bool ClientConnection::readAvailable()
{
    const auto io = m_transport->read(m_readBuffer.data(), m_readBuffer.size());
    switch (io.state) {
    case ClientTransport::State::Done:
        break;
    case ClientTransport::State::WantRead:
    case ClientTransport::State::WantWrite:
        return true;
    case ClientTransport::State::Closed:
    case ClientTransport::State::Failed:
        fail(Status(hr::ManagerStopped, "the connection to hcnd at " + m_endpointText + " was lost (" +
                                            (io.error.empty() ? std::string("End of file") : io.error) +
                                            ")."));
        return false;
    }
    const auto state = m_decoder.feed(m_readBuffer.data(), io.bytes);
    while (m_decoder.hasMessage())
        dispatch(m_decoder.takeMessage());
    if (state == FrameDecoder::State::TooLarge) {
        fail(Status(hr::ManagerStopped, "hcnd at " + m_endpointText + " sent a message larger than " +
                                            std::to_string(m_decoder.maxMessageBytes()) + " bytes."));
        return false;
    }
    return true;
}

void ClientConnection::dispatch(std::string_view text)
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
            std::lock_guard lock(m_mutex);
            m_lostStatus = reply.status;
        }
        return;
    }
    Pending* pending = nullptr;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_pending.find(number);
        if (it == m_pending.end()) {
            if (m_detached.erase(number) == 1 && !reply.status.ok())
                componentLogger("hcn.rpc")->warn("hcnd at {} refused a request sent without waiting: {}",
                                                 m_endpointText, reply.status.detail());
            return; // sent without waiting, or the caller timed out
        }
        pending = it->second;
        m_pending.erase(it);
    }
    // Off the map, the caller waits for `done` whatever its deadline: `pending` stays valid until then.
    if (pending->hook)
        (*pending->hook)(reply);
    std::lock_guard lock(m_mutex);
    pending->reply = std::move(reply);
    pending->done = true;
    pending->wake.notify_one();
}

void ClientConnection::passReaderRole()
{
    if (m_lost)
        return; // every caller has its answer
    if (m_watching || m_watcherWaits) {
        m_watcherWake.notify_one();
        return;
    }
    for (auto& [id, pending] : m_pending) {
        if (pending->waiting) {
            pending->wake.notify_one();
            return;
        }
    }
}

void ClientConnection::runWatcher()
{
    bool ended = false; // the service ended its side: read what is left, then the end of the stream
    std::unique_lock lock(m_mutex);
    for (;;) {
        if (m_closing || m_lost)
            return;
        if (m_watching || ended) {
            if (m_readerBusy) {
                m_watcherWaits = true;
                m_watcherWake.wait(lock);
                m_watcherWaits = false;
                continue;
            }
            m_readerBusy = true;
            lock.unlock();
            readTurn(nullptr, {}, [this, &ended] { return m_closing || (!m_watching && !ended); });
            lock.lock();
            m_readerBusy = false;
            passReaderRole();
            continue;
        }
        // The role may have come here after the last subscription went: a waiting caller takes it.
        if (!m_readerBusy)
            passReaderRole();
        lock.unlock();
        // Between calls without subscriptions nothing is expected but the end of the stream: wait for
        // that alone, so responses read by callers do not wake this thread.
        pollfd fds[2] = {{m_transport->fd(), POLLRDHUP, 0}, {m_wakeFd, POLLIN, 0}};
        const int ready = ::poll(fds, 2, -1);
        if (ready > 0 && fds[1].revents) {
            std::uint64_t count = 0;
            [[maybe_unused]] const auto got = ::read(m_wakeFd, &count, sizeof count);
        }
        if (ready > 0 && (fds[0].revents & (POLLRDHUP | POLLHUP | POLLERR)))
            ended = true;
        lock.lock();
    }
}

void ClientConnection::fail(Status status)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_lost)
            return;
        m_lost = true;
        if (m_lostStatus.ok())
            m_lostStatus = std::move(status);
        for (auto& [id, pending] : m_pending) {
            pending->reply = Reply{m_lostStatus, {}};
            pending->done = true;
            pending->wake.notify_one();
        }
        m_pending.clear();
        m_detached.clear();
        m_watcherWake.notify_one();
    }
    // The service lingers until our side is closed too; every thread waiting on the socket wakes up.
    m_transport->shutdown();
    wakeWatcher();
    if (m_hooks.lost)
        m_hooks.lost();
}

} // namespace hcn::rpc
