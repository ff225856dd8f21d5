#include "event_watcher.h"

#include "event_formatter.h"
#include "interrupt_guard.h"
#include "status_format.h"

#include <chrono>
#include <ostream>

namespace hcn::ctl {

EventWatcher::EventWatcher(Api& api, std::ostream& out, std::ostream& err, Settings settings)
    : m_api(api), m_out(out), m_err(err), m_settings(settings)
{}

void EventWatcher::deliver(const Notification& notification)
{
    const auto received = EventClock::now();
    std::lock_guard lock(m_mutex);
    if (m_enough || m_disconnected)
        return;
    const bool disconnect = notification.type == NotificationType::ServiceDisconnect;
    // The service-wide stream has no gaps; one here means the service dropped events for us.
    if (!disconnect && m_lastSequence != 0 && notification.sequence > m_lastSequence + 1)
        m_out << gapLine(m_lastSequence + 1, notification.sequence - 1, m_settings.json, received) << '\n';
    if (notification.sequence != 0)
        m_lastSequence = notification.sequence;
    m_out << (m_settings.json ? eventJsonLine(notification, received) : eventLine(notification, received))
          << std::endl;
    ++m_printed;
    if (disconnect)
        m_disconnected = true;
    else if (m_settings.count && m_printed >= *m_settings.count)
        m_enough = true;
    m_changed.notify_all();
}

int EventWatcher::run(const std::string& where)
{
    InterruptGuard interrupts;
    auto subscription = m_api.subscribe([this](const Notification& n) { deliver(n); }, SubscriptionScope{});
    if (!subscription.ok()) {
        writeStatus(m_err, "hcnctl: ", subscription.status());
        return 1;
    }
    // On stderr, so scripts reading stdout see only events, and anyone waiting for us knows from when
    // on a change is seen.
    m_err << "hcnctl: listening for events on " << where
          << (m_settings.follow ? " until interrupted (Ctrl-C)" : "") << std::endl;

    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                               std::chrono::duration<double>(m_settings.durationSeconds));
    bool disconnected = false;
    {
        std::unique_lock lock(m_mutex);
        while (!m_enough && !m_disconnected && !InterruptGuard::interrupted()) {
            const auto now = std::chrono::steady_clock::now();
            if (!m_settings.follow && now >= deadline)
                break;
            auto wakeAt = now + InterruptGuard::kPoll;
            if (!m_settings.follow && deadline < wakeAt)
                wakeAt = deadline;
            m_changed.wait_until(lock, wakeAt);
        }
        disconnected = m_disconnected;
    }
    // Outside the lock: unsubscribe waits for a running callback, which takes the lock.
    m_api.unsubscribe(*subscription);
    m_out.flush();
    if (disconnected) {
        m_err << "hcnctl: the service closed the event stream (ServiceDisconnect)\n";
        return 1;
    }
    return 0;
}

} // namespace hcn::ctl
