#pragma once
// LibraryApi's state, shared by its call half (library_api.cpp) and its notification half
// (library_api_notifications.cpp).

#include "api/library_functions.h"
#include "api/shared_library.h"
#include "engine/notification_dispatcher.h"
#include "hcn/host_state.h"
#include "hcn/library_api.h"

#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

namespace hcn {

struct LibraryApi::Impl
{
    Impl(SharedLibrary lib, library::Functions functions, std::chrono::milliseconds interval)
        : library(std::move(lib)), fn(functions), pollInterval(interval)
    {}

    // Declared first: unloaded last, after every thread that could call into it has ended.
    SharedLibrary library;
    library::Functions fn;
    std::chrono::milliseconds pollInterval;
    LibraryApi* self = nullptr;

    /// The handles this Api opened: the library is only ever given a handle it handed out, of the kind it
    /// was made for (a stale or foreign pointer could crash a real computenetwork.dll).
    struct OpenHandle
    {
        ResourceKind kind = ResourceKind::Invalid;
        void* handle = nullptr;
        std::optional<Guid> id; ///< unknown for a create without ID until asked
    };
    std::mutex handlesMutex;
    std::unordered_map<Handle, OpenHandle> handles;
    std::map<ReservationId, PortReservation> reservations; ///< under handlesMutex

    /// The handle's library pointer, or the engine's E_HANDLE status.
    Result<void*> resolve(ResourceKind kind, Handle handle);
    Handle remember(ResourceKind kind, void* handle, std::optional<Guid> id);

    /// A returned string in UTF-8, freed with the library's allocator.
    std::string take(library::PWSTR text) const;
    /// The Status of a call: its HRESULT and the ErrorRecord (freed here).
    Status statusOf(library::HRESULT result, library::PWSTR errorRecord) const;

    // ---- notifications (library_api_notifications.cpp) ----

    /// The poller of the service-wide registration: a snapshot every pollInterval, diffed against the last.
    struct Poller
    {
        std::mutex mutex;
        std::condition_variable wake;
        bool stop = false;
        std::thread thread;
        HostState copy; ///< the poller thread's own
    };

    /// One library callback registration and the subscribers it feeds, numbered on its own dispatcher.
    struct Registration
    {
        NotificationDispatcher::Scope scope{NotificationDispatcher::ScopeKind::Service, Guid{}};
        std::optional<Guid> postScope;
        bool dropExtensions = false;
        void* callbackHandle = nullptr;
        library::UnregisterFn unregister = nullptr;
        Handle object = 0; ///< the open network / guest network service handle the callback is on
        ResourceKind objectKind = ResourceKind::Invalid;
        std::shared_ptr<NotificationDispatcher> dispatcher = std::make_shared<NotificationDispatcher>();
        std::size_t users = 0;
        Poller poller;
    };
    using RegistrationKey = std::pair<int, Guid>;
    struct Subscription
    {
        RegistrationKey key;
        std::uint64_t dispatcherId = 0;
    };
    std::mutex subscriptionsMutex;
    std::map<RegistrationKey, std::unique_ptr<Registration>> registrations;
    std::map<SubscriptionId, Subscription> subscriptions;
    SubscriptionId nextSubscription = 1;

    static RegistrationKey keyOf(const SubscriptionScope& scope);
    /// The registration of `scope`, made on first use (under subscriptionsMutex).
    Result<Registration*> registration(const SubscriptionScope& scope);
    /// Ends a registration taken out of the map: polling, the library callback, its object, its thread.
    void teardown(Registration& r);
    void shutdownNotifications();

    void startPolling(Registration& service);
    static void stopPolling(Poller& poller);
    void pollOnce(Registration& service);
    Result<std::vector<HostObject>> collect();
};

} // namespace hcn
