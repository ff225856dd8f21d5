#pragma once
// ConnectionResources: what one client connection holds in the engine: open handles, port
// reservations and subscriptions. A handle or reservation of another connection is not found here,
// which hcnd answers with E_HANDLE. Everything is released when the connection ends. Used only on
// the connection's strand: no locking.

#include "hcn/embedded_api.h"

#include <cstdint>
#include <unordered_map>
#include <unordered_set>

namespace hcn::rpc {

class ConnectionResources
{
public:
    void addHandle(ResourceKind kind, Handle handle) { m_handles[handle] = kind; }
    bool ownsHandle(Handle handle) const { return m_handles.count(handle) != 0; }
    void removeHandle(Handle handle) { m_handles.erase(handle); }

    void addReservation(ReservationId id) { m_reservations.insert(id); }
    bool ownsReservation(ReservationId id) const { return m_reservations.count(id) != 0; }
    void removeReservation(ReservationId id) { m_reservations.erase(id); }

    /// `number` is the connection's own subscription number (what the client sees).
    void addSubscription(std::uint64_t number, SubscriptionId engineId)
    {
        m_subscriptions[number] = engineId;
    }
    /// The engine's id of the connection's subscription `number`, 0 when it has none.
    SubscriptionId engineSubscription(std::uint64_t number) const;
    void removeSubscription(std::uint64_t number) { m_subscriptions.erase(number); }
    std::uint64_t nextSubscriptionNumber() { return ++m_lastSubscriptionNumber; }

    std::size_t handleCount() const { return m_handles.size(); }

    /// Unsubscribes first (no event can race the cleanup), then closes the handles and releases the
    /// reservations. Failures (an engine already shut down) are irrelevant here and ignored.
    void releaseAll(Api& api);

private:
    std::unordered_map<Handle, ResourceKind> m_handles;
    std::unordered_set<ReservationId> m_reservations;
    std::unordered_map<std::uint64_t, SubscriptionId> m_subscriptions;
    std::uint64_t m_lastSubscriptionNumber = 0;
};

} // namespace hcn::rpc
