#include "engine/notification_dispatcher.h"

#include <vector>

namespace hcn {

NotificationDispatcher::NotificationDispatcher()
{
    m_thread = std::thread([state = m_state] { run(state); });
}

NotificationDispatcher::~NotificationDispatcher()
{
    stop();
    // Destroyed from inside its own callback: the thread cannot be joined from itself. It keeps the
    // state alive, delivers what is queued (ServiceDisconnect among it) and ends on its own.
    if (m_thread.joinable())
        m_thread.detach();
}

bool NotificationDispatcher::onDispatcherThread() const
{
    return std::this_thread::get_id() == m_thread.get_id();
}

bool NotificationDispatcher::hasSubscribers() const
{
    std::lock_guard lock(m_state->mutex);
    return !m_state->subscribers.empty();
}

std::uint64_t NotificationDispatcher::post(NotificationType type, HResult status, nlohmann::json payload,
                                           std::optional<Guid> scope)
{
    State& d = *m_state;
    std::lock_guard lock(d.mutex);
    if (d.stopping)
        return d.posted;
    if (d.subscribers.empty() && d.delivered == d.posted) {
        // Nobody to deliver to and nothing ahead of it: the sequence number advances and counts as
        // delivered at once, without waking the dispatcher thread for every change of an unwatched engine.
        d.delivered = ++d.posted;
        d.progress.notify_all();
        return d.posted;
    }
    Notification n;
    n.sequence = ++d.posted;
    n.type = type;
    n.status = status;
    d.queue.push_back({std::move(n), std::move(payload), scope});
    d.wake.notify_one();
    return d.posted;
}

std::uint64_t NotificationDispatcher::lastSequence() const
{
    std::lock_guard lock(m_state->mutex);
    return m_state->posted;
}

std::uint64_t NotificationDispatcher::subscribe(Callback callback, Scope scope)
{
    State& d = *m_state;
    std::lock_guard lock(d.mutex);
    auto id = d.nextSubscriber++;
    d.subscribers.emplace(id, Subscriber{std::make_shared<Callback>(std::move(callback)), d.posted, scope});
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
    State& d = *m_state;
    std::unique_lock lock(d.mutex);
    d.subscribers.erase(id);
    if (onDispatcherThread())
        return; // called from a callback: the running call finishes, no later one starts
    d.progress.wait(lock, [&] { return d.delivering != id; });
}

void NotificationDispatcher::drain()
{
    State& d = *m_state;
    std::unique_lock lock(d.mutex);
    if (onDispatcherThread())
        return;
    const auto target = d.posted;
    d.progress.wait(lock, [&] { return d.delivered >= target || d.finished; });
}

void NotificationDispatcher::stop()
{
    {
        std::lock_guard lock(m_state->mutex);
        m_state->stopping = true;
        m_state->wake.notify_one();
    }
    // Called from a callback (a subscriber shutting the engine down), the thread cannot join itself: it
    // finishes the queue and is joined by the next stop() or detached by the destructor.
    if (m_thread.joinable() && !onDispatcherThread())
        m_thread.join();
}

void NotificationDispatcher::run(const std::shared_ptr<State>& state)
{
    State& d = *state;
    std::unique_lock lock(d.mutex);
    for (;;) {
        d.wake.wait(lock, [&] { return d.stopping || !d.queue.empty(); });
        if (d.queue.empty() && d.stopping)
            break;
        Queued queued = std::move(d.queue.front());
        d.queue.pop_front();
        Notification& n = queued.notification;
        std::vector<std::pair<std::uint64_t, std::shared_ptr<Callback>>> targets;
        for (const auto& [id, subscriber] : d.subscribers)
            if (n.sequence > subscriber.after && wants(subscriber, queued))
                targets.emplace_back(id, subscriber.callback);
        if (!targets.empty() && !queued.payload.is_null()) {
            lock.unlock();
            n.data = queued.payload.dump();
            lock.lock();
        }
        for (auto& [id, callback] : targets) {
            if (!d.subscribers.count(id))
                continue; // unsubscribed by an earlier callback of this round
            d.delivering = id;
            lock.unlock();
            try {
                (*callback)(n);
            } catch (...) {
                // A subscriber's exception must not take the dispatcher (and every other subscriber) down.
            }
            lock.lock();
            d.delivering = 0;
            d.progress.notify_all();
        }
        d.delivered = n.sequence;
        d.progress.notify_all();
    }
    d.finished = true;
    d.progress.notify_all();
}

} // namespace hcn
