#include "rpc/connection_resources.h"

namespace hcn::rpc {

SubscriptionId ConnectionResources::engineSubscription(std::uint64_t number) const
{
    auto it = m_subscriptions.find(number);
    return it == m_subscriptions.end() ? 0 : it->second;
}

void ConnectionResources::releaseAll(Api& api)
{
    for (const auto& [number, engineId] : m_subscriptions)
        api.unsubscribe(engineId);
    m_subscriptions.clear();
    for (const auto& [handle, kind] : m_handles)
        (void)api.close(kind, handle);
    m_handles.clear();
    for (ReservationId id : m_reservations)
        (void)api.releasePortReservation(id);
    m_reservations.clear();
}

} // namespace hcn::rpc
