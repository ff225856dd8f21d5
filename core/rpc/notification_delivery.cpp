#include "rpc/notification_delivery.h"

namespace hcn::rpc {

NotificationDelivery::NotificationDelivery() : m_thread([state = m_state] { run(state); }) {}

NotificationDelivery::~NotificationDelivery()
{
    {
        std::lock_guard lock(m_state->mutex);
        m_state->stopping = true;
    }
    m_state->wake.notify_one();
    if (onDeliveryThread())
        m_thread.detach(); // the client was destroyed from one of its own callbacks
    else
        m_thread.join();
}

void NotificationDelivery::post(std::shared_ptr<Subscriber> subscriber, Notification notification)
{
    {
        std::lock_guard lock(m_state->mutex);
        m_state->queue.emplace_back(std::move(subscriber), std::move(notification));
    }
    m_state->wake.notify_one();
}

void NotificationDelivery::waitUntilNotDelivering(const Subscriber* subscriber)
{
    if (onDeliveryThread())
        return;
    std::unique_lock lock(m_state->mutex);
    m_state->progress.wait(lock, [&] { return m_state->delivering != subscriber; });
}

void NotificationDelivery::run(const std::shared_ptr<State>& state)
{
    State& d = *state;
    std::unique_lock lock(d.mutex);
    for (;;) {
        d.wake.wait(lock, [&] { return d.stopping || !d.queue.empty(); });
        if (d.stopping)
            return; // pending notifications of a client being destroyed are not delivered
        auto [subscriber, notification] = std::move(d.queue.front());
        d.queue.pop_front();
        if (!subscriber->active)
            continue;
        d.delivering = subscriber.get();
        lock.unlock();
        try {
            subscriber->callback(notification);
        } catch (...) {
            // A subscriber's exception must not end delivery for the others.
        }
        lock.lock();
        d.delivering = nullptr;
        d.progress.notify_all();
    }
}

} // namespace hcn::rpc
