#pragma once
// Delivers notifications to subscribers on one dispatcher thread, in sequence order, without holding
// any engine lock, so a callback may call back into the engine.

#include "hcn/guid.h"
#include "hcn/notification.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

namespace hcn {

class NotificationDispatcher
{
public:
    using Callback = std::function<void(const Notification&)>;

    /// Who a subscription listens to: the whole service, or one network's / guest network service's
    /// scoped notifications.
    enum class ScopeKind
    {
        Service,
        Network,
        GuestNetworkService
    };
    struct Scope
    {
        ScopeKind kind;
        Guid id;
    };

    NotificationDispatcher();
    ~NotificationDispatcher();

    /// Assigns the next sequence number and queues the notification. Callers that must keep the
    /// stream in commit order post while still holding their own state lock (this lock is separate).
    /// The payload is serialized on the dispatcher thread, and only when someone receives it.
    std::uint64_t post(NotificationType type, HResult status, nlohmann::json payload,
                       std::optional<Guid> scope = {});
    /// True when at least one subscription exists (callers skip building payloads otherwise).
    bool hasSubscribers() const;
    std::uint64_t lastSequence() const;

    /// The subscriber receives the notifications posted after this call, not those already queued.
    std::uint64_t subscribe(Callback callback, Scope scope = Scope{ScopeKind::Service, Guid{}});
    void unsubscribe(std::uint64_t id);
    /// Waits until everything posted so far was delivered.
    void drain();
    /// Delivers what is queued, then stops the thread. Later posts are dropped.
    void stop();

private:
    struct Subscriber
    {
        std::shared_ptr<Callback> callback;
        std::uint64_t after = 0; ///< receives only notifications posted after it subscribed
        Scope scope;
    };
    struct Queued
    {
        Notification notification;
        nlohmann::json payload;
        std::optional<Guid> scope;
    };
    /// Everything the dispatcher thread touches. The thread holds its own reference, so the dispatcher
    /// may be destroyed from inside one of its callbacks: the thread then finishes the queue on the
    /// state it keeps alive and ends without touching the destroyed object.
    struct State
    {
        mutable std::mutex mutex;
        std::condition_variable wake;
        std::condition_variable progress;
        std::deque<Queued> queue;
        std::map<std::uint64_t, Subscriber> subscribers;
        std::uint64_t nextSubscriber = 1;
        std::uint64_t posted = 0;
        std::uint64_t delivered = 0;
        std::uint64_t delivering = 0; ///< subscriber whose callback is running, 0 if none
        bool stopping = false;
        bool finished = false;
    };
    static void run(const std::shared_ptr<State>& state);
    static bool wants(const Subscriber& subscriber, const Queued& queued);
    bool onDispatcherThread() const;

    std::shared_ptr<State> m_state = std::make_shared<State>();
    std::thread m_thread;
};

} // namespace hcn
