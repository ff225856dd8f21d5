#include "rpc/notification_delivery.h"

namespace hcn::rpc {

NotificationDelivery::NotificationDelivery() : m_thread([this] { run(); }) {}

NotificationDelivery::~NotificationDelivery()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    if (onDeliveryThread())
        m_thread.detach(); // the client was destroyed from one of its own callbacks
    else
        m_thread.join();
}

void NotificationDelivery::post(std::shared_ptr<Subscriber> subscriber, Notification notification)
{
    {
        std::lock_guard lock(m_mutex);
        m_queue.emplace_back(std::move(subscriber), std::move(notification));
    }
    m_wake.notify_one();
}

void NotificationDelivery::waitUntilNotDelivering(const Subscriber* subscriber)
{
    if (onDeliveryThread())
        return;
    std::unique_lock lock(m_mutex);
    m_progress.wait(lock, [&] { return m_delivering != subscriber; });
}

void NotificationDelivery::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
        if (m_stopping)
            return; // pending notifications of a client being destroyed are not delivered
        auto [subscriber, notification] = std::move(m_queue.front());
        m_queue.pop_front();
        if (!subscriber->active)
            continue;
        m_delivering = subscriber.get();
        lock.unlock();
        try {
            subscriber->callback(notification);
        } catch (...) {
            // A subscriber's exception must not end delivery for the others.
        }
        lock.lock();
        m_delivering = nullptr;
        m_progress.notify_all();
    }
}

} // namespace hcn::rpc
