#pragma once
// NotificationDelivery: the RpcClient's delivery thread. Notifications arrive on the socket thread and
// are handed over here, so subscriber callbacks run in order but never on the socket thread: a callback
// may make calls on the same client (their responses are read while it runs).

#include "hcn/notification.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace hcn::rpc {

struct Subscriber
{
    std::uint64_t id = 0;
    std::function<void(const Notification&)> callback;
    /// Cleared by unsubscribe: queued notifications of an inactive subscriber are skipped.
    std::atomic<bool> active{true};
};

class NotificationDelivery
{
public:
    NotificationDelivery();
    /// Joins the thread; from inside a callback (the client destroyed by its own subscriber) the thread
    /// is left to end by itself once that callback returns, delivering nothing more.
    ~NotificationDelivery();
    NotificationDelivery(const NotificationDelivery&) = delete;
    NotificationDelivery& operator=(const NotificationDelivery&) = delete;

    void post(std::shared_ptr<Subscriber> subscriber, Notification notification);
    /// Returns once `subscriber`'s callback is not running (immediately on the delivery thread itself).
    void waitUntilNotDelivering(const Subscriber* subscriber);
    bool onDeliveryThread() const { return std::this_thread::get_id() == m_thread.get_id(); }

private:
    /// Everything the thread touches; the thread holds its own reference, so it outlives a
    /// NotificationDelivery destroyed from one of the callbacks.
    struct State
    {
        std::mutex mutex;
        std::condition_variable wake;
        std::condition_variable progress;
        std::deque<std::pair<std::shared_ptr<Subscriber>, Notification>> queue;
        const Subscriber* delivering = nullptr;
        bool stopping = false;
    };
    static void run(const std::shared_ptr<State>& state);

    std::shared_ptr<State> m_state = std::make_shared<State>();
    std::thread m_thread;
};

} // namespace hcn::rpc
