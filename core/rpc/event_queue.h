#pragma once
// EventQueue: a connection's bounded queue of outgoing events. The engine's dispatcher thread pushes
// (never waiting), the connection's strand drains. When the queue is full further events are counted
// per subscription instead of queued; the next drain or push with room emits one hcnd.eventsDropped
// marker for the gap, ahead of that subscription's next event.

#include "hcn/notification.h"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace hcn::rpc {

class EventQueue
{
public:
    explicit EventQueue(std::size_t capacity);

    /// Queues one event (or counts it as dropped). ServiceDisconnect is never dropped: it is the last
    /// event and a client must see it. Returns true when the consumer must be woken (the first event
    /// since the last drain), so the producer posts one wake-up per batch, not per event.
    bool push(std::uint64_t subscription, const Notification& notification);

    /// Appends up to `maxBytes` (at least one message) of framed messages to `out`, oldest first, then
    /// any pending eventsDropped markers. Returns the number of messages appended.
    std::size_t drainInto(std::string& out, std::size_t maxBytes);

    /// Removes the subscription's queued events and drop record (hcnd.unsubscribe: nothing of it may
    /// follow the response).
    void forget(std::uint64_t subscription);

    bool empty() const;
    std::uint64_t droppedTotal() const;

private:
    struct Entry
    {
        std::uint64_t subscription = 0;
        Notification notification;
        /// A marker instead of an event: the gap [first, last] with count.
        bool dropMarker = false;
        std::uint64_t firstDropped = 0;
        std::uint64_t lastDropped = 0;
        std::uint64_t droppedCount = 0;
    };
    struct Gap
    {
        std::uint64_t first = 0;
        std::uint64_t last = 0;
        std::uint64_t count = 0;
    };

    void queueMarker(std::uint64_t subscription, const Gap& gap);

    mutable std::mutex m_mutex;
    std::size_t m_capacity;
    std::deque<Entry> m_entries;
    std::map<std::uint64_t, Gap> m_gaps;
    std::uint64_t m_droppedTotal = 0;
    bool m_wakePending = false;
};

} // namespace hcn::rpc
