#pragma once
// HCN_CALLBACK values: which backend subscription each registered callback is, and through which
// family (service, network, guest network service) it was registered, so each Unregister function
// accepts only its own handles.

#include "hcn/engine.h"

#include <cstdint>
#include <mutex>
#include <optional>
#include <unordered_map>

namespace hcn::capi {

enum class CallbackFamily
{
    Service,
    Network,
    GuestNetworkService
};

class CallbackRegistry
{
public:
    static CallbackRegistry& instance();

    /// A new, never reused, non-zero handle value for the subscription.
    std::uint64_t add(CallbackFamily family, SubscriptionId subscription);
    /// Removes and returns the subscription, or nothing when the handle is unknown or of another family.
    std::optional<SubscriptionId> take(CallbackFamily family, std::uint64_t handle);

private:
    struct Entry
    {
        CallbackFamily family;
        SubscriptionId subscription;
    };
    std::mutex m_mutex;
    std::unordered_map<std::uint64_t, Entry> m_entries;
    std::uint64_t m_next = 0x1000;
};

} // namespace hcn::capi
