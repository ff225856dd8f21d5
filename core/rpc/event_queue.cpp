#include "rpc/event_queue.h"

#include "rpc/frame.h"
#include "rpc/protocol.h"

#include <algorithm>

namespace hcn::rpc {

EventQueue::EventQueue(std::size_t capacity) : m_capacity(std::max<std::size_t>(capacity, 1)) {}

void EventQueue::queueMarker(std::uint64_t subscription, const Gap& gap)
{
    Entry marker;
    marker.subscription = subscription;
    marker.dropMarker = true;
    marker.firstDropped = gap.first;
    marker.lastDropped = gap.last;
    marker.droppedCount = gap.count;
    m_entries.push_back(std::move(marker));
}

bool EventQueue::push(std::uint64_t subscription, const Notification& notification)
{
    std::lock_guard lock(m_mutex);
    const bool mustKeep = notification.type == NotificationType::ServiceDisconnect;
    if (m_entries.size() >= m_capacity && !mustKeep) {
        Gap& gap = m_gaps[subscription];
        if (gap.count == 0)
            gap.first = notification.sequence;
        gap.last = notification.sequence;
        ++gap.count;
        ++m_droppedTotal;
        return false;
    }
    if (auto it = m_gaps.find(subscription); it != m_gaps.end()) {
        queueMarker(subscription, it->second);
        m_gaps.erase(it);
    }
    m_entries.push_back(Entry{subscription, notification});
    const bool wake = !m_wakePending;
    m_wakePending = true;
    return wake;
}

std::size_t EventQueue::drainInto(std::string& out, std::size_t maxBytes)
{
    std::lock_guard lock(m_mutex);
    const std::size_t start = out.size();
    std::size_t count = 0;
    while (!m_entries.empty() && (count == 0 || out.size() - start < maxBytes)) {
        const Entry& e = m_entries.front();
        if (e.dropMarker)
            appendFrame(out,
                        eventsDroppedMessage(e.subscription, e.firstDropped, e.lastDropped, e.droppedCount));
        else
            appendFrame(out, notificationMessage(e.subscription, e.notification));
        m_entries.pop_front();
        ++count;
    }
    if (m_entries.empty()) {
        // Room again: report the gaps now rather than waiting for the subscription's next event.
        for (const auto& [subscription, gap] : m_gaps) {
            appendFrame(out, eventsDroppedMessage(subscription, gap.first, gap.last, gap.count));
            ++count;
        }
        m_gaps.clear();
        m_wakePending = false;
    }
    return count;
}

void EventQueue::forget(std::uint64_t subscription)
{
    std::lock_guard lock(m_mutex);
    std::erase_if(m_entries, [&](const Entry& e) { return e.subscription == subscription; });
    m_gaps.erase(subscription);
}

bool EventQueue::empty() const
{
    std::lock_guard lock(m_mutex);
    return m_entries.empty() && m_gaps.empty();
}

std::uint64_t EventQueue::droppedTotal() const
{
    std::lock_guard lock(m_mutex);
    return m_droppedTotal;
}

} // namespace hcn::rpc
