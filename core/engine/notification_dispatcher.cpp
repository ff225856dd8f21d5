#include "engine/notification_dispatcher.h"

#include <vector>

namespace hcn {

NotificationDispatcher::NotificationDispatcher()
{
    m_thread = std::thread([this] { run(); });
    std::lock_guard lock(m_mutex);
    m_threadId = m_thread.get_id();
}

NotificationDispatcher::~NotificationDispatcher()
{
    stop();
    if (m_thread.joinable())
        m_thread.detach(); // destroyed from inside its own callback: nothing else can join it
}

bool NotificationDispatcher::hasSubscribers() const
{
    std::lock_guard lock(m_mutex);
    return !m_subscribers.empty();
}

std::uint64_t NotificationDispatcher::post(NotificationType type, HResult status, nlohmann::json payload,
                                           std::optional<Guid> scope)
{
    std::lock_guard lock(m_mutex);
    if (m_stopping)
        return m_posted;
    Notification n;
    n.sequence = ++m_posted;
    n.type = type;
    n.status = status;
    m_queue.push_back({std::move(n), std::move(payload), scope});
    m_wake.notify_one();
    return m_posted;
}

std::uint64_t NotificationDispatcher::lastSequence() const
{
    std::lock_guard lock(m_mutex);
    return m_posted;
}

std::uint64_t NotificationDispatcher::subscribe(Callback callback, Scope scope)
{
    std::lock_guard lock(m_mutex);
    auto id = m_nextSubscriber++;
    m_subscribers.emplace(id, Subscriber{std::make_shared<Callback>(std::move(callback)), m_posted, scope});
    return id;
}

bool NotificationDispatcher::wants(const Subscriber& subscriber, const Queued& queued)
{
    const auto type = queued.notification.type;
    if (type == NotificationType::ServiceDisconnect)
        return true;
    const bool guestScoped = type == NotificationType::GuestNetworkServiceStateChanged ||
                             type == NotificationType::GuestNetworkServiceInterfaceStateChanged;
    const bool networkScoped = type == NotificationType::NetworkEndpointAttached ||
                               type == NotificationType::NetworkEndpointDetached;
    switch (subscriber.scope.kind) {
    case ScopeKind::Service:
        // The service's own callbacks get the state changes; service-wide subscribers learn the same
        // change from GuestNetworkServiceModify, which carries the whole document.
        return !guestScoped;
    case ScopeKind::Network:
        return networkScoped && queued.scope == subscriber.scope.id;
    case ScopeKind::GuestNetworkService:
        return guestScoped && queued.scope == subscriber.scope.id;
    }
    return false;
}

void NotificationDispatcher::unsubscribe(std::uint64_t id)
{
    std::unique_lock lock(m_mutex);
    m_subscribers.erase(id);
    if (std::this_thread::get_id() == m_threadId)
        return; // called from a callback: the running call finishes, no later one starts
    m_progress.wait(lock, [&] { return m_delivering != id; });
}

void NotificationDispatcher::drain()
{
    std::unique_lock lock(m_mutex);
    if (std::this_thread::get_id() == m_threadId)
        return;
    const auto target = m_posted;
    m_progress.wait(lock, [&] { return m_delivered >= target || m_finished; });
}

void NotificationDispatcher::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_wake.notify_one();
    }
    // Called from a callback (a subscriber shutting the engine down), the thread cannot join itself: it
    // finishes the queue and is joined by the next stop() or the destructor.
    if (m_thread.joinable() && std::this_thread::get_id() != m_threadId)
        m_thread.join();
}

void NotificationDispatcher::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
        if (m_queue.empty() && m_stopping)
            break;
        Queued queued = std::move(m_queue.front());
        m_queue.pop_front();
        Notification& n = queued.notification;
        std::vector<std::pair<std::uint64_t, std::shared_ptr<Callback>>> targets;
        for (const auto& [id, subscriber] : m_subscribers)
            if (n.sequence > subscriber.after && wants(subscriber, queued))
                targets.emplace_back(id, subscriber.callback);
        if (!targets.empty() && !queued.payload.is_null()) {
            lock.unlock();
            n.data = queued.payload.dump();
            lock.lock();
        }
        for (auto& [id, callback] : targets) {
            if (!m_subscribers.count(id))
                continue; // unsubscribed by an earlier callback of this round
            m_delivering = id;
            lock.unlock();
            try {
                (*callback)(n);
            } catch (...) {
                // A subscriber's exception must not take the dispatcher (and every other subscriber) down.
            }
            lock.lock();
            m_delivering = 0;
            m_progress.notify_all();
        }
        m_delivered = n.sequence;
        m_progress.notify_all();
    }
    m_finished = true;
    m_progress.notify_all();
}

} // namespace hcn
