// LibraryApi's notifications: the library's callbacks for what HCN reports, and the poller that finds
// by diffing snapshots what it never reports (see hcn/library_api.h).

#include "api/library_api_impl.h"
#include "common/wide_text.h"

#include <nlohmann/json.hpp>

namespace hcn {

namespace {

using ScopeKind = NotificationDispatcher::ScopeKind;

/// The library's callback: hands the notification to the registration's dispatcher and returns.
void HCN_LIBRARY_CALL onLibraryNotification(std::uint32_t type, void* context, library::HRESULT status,
                                            library::PCWSTR data)
{
    try {
        auto* registration = static_cast<LibraryApi::Impl::Registration*>(context);
        const auto notificationType = static_cast<NotificationType>(type);
        if (registration->dropExtensions && isExtensionNotification(baseNotificationType(notificationType)))
            return; // the poller reports these, for every library alike
        nlohmann::json payload;
        const std::string text = utf8FromWideReplacing(data);
        if (!text.empty()) {
            payload = nlohmann::json::parse(text, nullptr, false);
            if (payload.is_discarded())
                payload = text;
        }
        registration->dispatcher->post(notificationType, status, std::move(payload), registration->postScope);
    } catch (...) {
        // Nothing may unwind into the library.
    }
}

/// HCN itself reports these (the library's callback); the poller reports everything else.
bool reportedByHcn(NotificationType type)
{
    using T = NotificationType;
    return type == T::NetworkCreate || type == T::NetworkDelete || type == T::NamespaceCreate ||
           type == T::NamespaceDelete || type == T::GuestNetworkServiceCreate ||
           type == T::GuestNetworkServiceDelete;
}

} // namespace

Result<std::vector<HostObject>> LibraryApi::Impl::collect()
{
    std::vector<HostObject> objects;
    for (ResourceKind kind : kResourceKinds) {
        if (!fn.of(kind).enumerate || !fn.of(kind).open || !fn.of(kind).query)
            continue; // a kind this library cannot list (old builds: SDN routes, guest network services)
        auto ids = self->enumerate(kind, "");
        if (!ids.ok())
            return ids.status();
        const auto list = nlohmann::json::parse(*ids, nullptr, false);
        if (!list.is_array())
            continue;
        for (const auto& item : list) {
            const auto id = item.is_string() ? Guid::parse(item.get<std::string>()) : std::nullopt;
            if (!id)
                continue;
            auto handle = self->open(kind, *id);
            if (!handle.ok())
                continue; // deleted since the enumeration
            auto document = self->query(kind, *handle, "");
            (void)self->close(kind, *handle);
            if (!document.ok())
                continue;
            auto json = nlohmann::json::parse(*document, nullptr, false);
            if (json.is_discarded())
                continue;
            objects.push_back(HostObject{kind, canonicalObjectId(id->toString()),
                                         std::make_shared<const nlohmann::json>(std::move(json))});
        }
    }
    return objects;
}

void LibraryApi::Impl::pollOnce(Registration& service)
{
    auto objects = collect();
    if (!objects.ok())
        return; // the service is unreachable this round: its callback reports a disconnect; try again
    for (ChangeNotification& change :
         notificationsForChanges(service.poller.copy.assign(std::move(*objects))))
        if (!reportedByHcn(change.type))
            service.dispatcher->post(change.type, hr::Ok, std::move(change.base));
}

void LibraryApi::Impl::startPolling(Registration& service)
{
    if (pollInterval.count() <= 0)
        return;
    // The baseline is taken now, so every change after subscribe() returns is reported.
    if (auto baseline = collect(); baseline.ok())
        (void)service.poller.copy.assign(std::move(*baseline));
    service.poller.thread = std::thread([this, &service] {
        Poller& p = service.poller;
        std::unique_lock lock(p.mutex);
        while (!p.stop) {
            p.wake.wait_for(lock, pollInterval, [&p] { return p.stop; });
            if (p.stop)
                break;
            lock.unlock();
            pollOnce(service);
            lock.lock();
        }
    });
}

void LibraryApi::Impl::stopPolling(Poller& poller)
{
    {
        std::lock_guard lock(poller.mutex);
        poller.stop = true;
    }
    poller.wake.notify_all();
    if (poller.thread.joinable())
        poller.thread.join();
}

LibraryApi::Impl::RegistrationKey LibraryApi::Impl::keyOf(const SubscriptionScope& scope)
{
    if (scope.guestNetworkService)
        return {2, *scope.guestNetworkService};
    if (scope.network)
        return {1, *scope.network};
    return {0, Guid{}};
}

Result<LibraryApi::Impl::Registration*> LibraryApi::Impl::registration(const SubscriptionScope& scope)
{
    const RegistrationKey key = keyOf(scope);
    if (auto it = registrations.find(key); it != registrations.end()) {
        ++it->second->users;
        return it->second.get();
    }
    auto r = std::make_unique<Registration>();
    void* callbackHandle = nullptr;
    library::HRESULT result = 0;
    if (key.first == 0) {
        r->unregister = fn.unregisterService;
        r->dropExtensions = pollInterval.count() > 0;
        result = fn.registerService(&onLibraryNotification, r.get(), &callbackHandle);
    } else {
        const bool network = key.first == 1;
        const auto registerFn = network ? fn.registerNetwork : fn.registerGuestNetworkService;
        r->unregister = network ? fn.unregisterNetwork : fn.unregisterGuestNetworkService;
        if (!registerFn || !r->unregister)
            return library::missingExport(library, network ? "HcnRegisterNetworkCallback"
                                                           : "HcnRegisterGuestNetworkServiceCallback");
        r->objectKind = network ? ResourceKind::Network : ResourceKind::GuestNetworkService;
        auto object = self->open(r->objectKind, key.second);
        if (!object.ok())
            return object.status();
        auto pointer = resolve(r->objectKind, *object);
        r->object = *object;
        r->scope = {network ? ScopeKind::Network : ScopeKind::GuestNetworkService, key.second};
        r->postScope = key.second;
        result = registerFn(*pointer, &onLibraryNotification, r.get(), &callbackHandle);
        if (result < 0)
            (void)self->close(r->objectKind, r->object);
    }
    Status status = statusOf(result, nullptr);
    if (!status.ok())
        return status;
    r->callbackHandle = callbackHandle;
    r->users = 1;
    if (key.first == 0)
        startPolling(*r);
    Registration* out = r.get();
    registrations.emplace(key, std::move(r));
    return out;
}

void LibraryApi::Impl::teardown(Registration& r)
{
    stopPolling(r.poller);
    (void)r.unregister(r.callbackHandle); // returns once a running library callback has returned
    if (r.object)
        (void)self->close(r.objectKind, r.object);
    r.dispatcher->stop(); // delivers what is queued (unless called from one of its callbacks)
}

void LibraryApi::Impl::shutdownNotifications()
{
    std::map<RegistrationKey, std::unique_ptr<Registration>> ending;
    {
        std::lock_guard lock(subscriptionsMutex);
        ending.swap(registrations);
        subscriptions.clear();
    }
    for (auto& [key, r] : ending)
        teardown(*r);
}

Result<SubscriptionId> LibraryApi::subscribe(std::function<void(const Notification&)> callback,
                                             SubscriptionScope scope)
{
    std::lock_guard lock(m_impl->subscriptionsMutex);
    auto registration = m_impl->registration(scope);
    if (!registration.ok())
        return registration.status();
    Impl::Registration& r = **registration;
    const auto dispatcherId = r.dispatcher->subscribe(std::move(callback), r.scope);
    const SubscriptionId id = m_impl->nextSubscription++;
    m_impl->subscriptions[id] = Impl::Subscription{Impl::keyOf(scope), dispatcherId};
    return id;
}

void LibraryApi::unsubscribe(SubscriptionId id)
{
    std::shared_ptr<NotificationDispatcher> dispatcher;
    std::uint64_t dispatcherId = 0;
    std::unique_ptr<Impl::Registration> ending;
    {
        std::lock_guard lock(m_impl->subscriptionsMutex);
        auto it = m_impl->subscriptions.find(id);
        if (it == m_impl->subscriptions.end())
            return;
        dispatcherId = it->second.dispatcherId;
        auto r = m_impl->registrations.find(it->second.key);
        m_impl->subscriptions.erase(it);
        if (r == m_impl->registrations.end())
            return;
        dispatcher = r->second->dispatcher;
        if (--r->second->users == 0) {
            ending = std::move(r->second);
            m_impl->registrations.erase(r);
        }
    }
    // Outside the lock: waiting for a running callback must not block its calls into this Api.
    dispatcher->unsubscribe(dispatcherId);
    if (ending)
        m_impl->teardown(*ending);
}

} // namespace hcn
