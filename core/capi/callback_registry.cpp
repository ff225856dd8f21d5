#include "callback_registry.h"

namespace hcn::capi {

CallbackRegistry& CallbackRegistry::instance()
{
    static CallbackRegistry registry;
    return registry;
}

std::uint64_t CallbackRegistry::add(CallbackFamily family, SubscriptionId subscription)
{
    std::lock_guard lock(m_mutex);
    const std::uint64_t handle = m_next;
    m_next += 8; // pointer-aligned values, like the object handles
    m_entries.emplace(handle, Entry{family, subscription});
    return handle;
}

std::optional<SubscriptionId> CallbackRegistry::take(CallbackFamily family, std::uint64_t handle)
{
    std::lock_guard lock(m_mutex);
    auto it = m_entries.find(handle);
    if (it == m_entries.end() || it->second.family != family)
        return std::nullopt;
    const SubscriptionId subscription = it->second.subscription;
    m_entries.erase(it);
    return subscription;
}

} // namespace hcn::capi
