// HcnRegister/UnregisterXxxCallback: client callbacks on the backend's notification stream. The
// client's function runs on the backend's delivery thread with the data converted to wide text.

#include "backend.h"
#include "callback_registry.h"
#include "common/wide_text.h"
#include "computenetwork.h"
#include "error_record.h"
#include "handles.h"
#include "wide_string.h"

#include <string>

using hcn::Status;
using namespace hcn::capi;

namespace {

/// What the backend calls for each notification: converts, then calls the client.
std::function<void(const hcn::Notification&)> deliverTo(HCN_NOTIFICATION_CALLBACK callback, void* context)
{
    return [callback, context](const hcn::Notification& n) {
        HRESULT status = n.status;
        std::wstring data;
        bool hasData = false;
        try {
            if (!n.data.empty()) {
                auto wide = hcn::wideFromUtf8(n.data, "The UTF-8 text");
                if (wide.ok()) {
                    data = std::move(*wide);
                    hasData = true;
                } else {
                    status = wide.code();
                }
            }
        } catch (...) {
            status = statusOfCurrentException().code();
        }
        callback(static_cast<DWORD>(n.type), context, status, hasData ? data.c_str() : nullptr);
    };
}

HRESULT registerCallback(CallbackFamily family, hcn::ResourceKind kind, void* object,
                         HCN_NOTIFICATION_CALLBACK callback, void* context,
                         HCN_CALLBACK* callbackHandle) noexcept
{
    if (callbackHandle)
        *callbackHandle = nullptr;
    return apiCall([&]() -> Status {
        if (!callback)
            return nullPointer("Callback");
        if (!callbackHandle)
            return nullPointer("CallbackHandle");
        auto service = backend();
        if (!service.ok())
            return service.status();
        hcn::SubscriptionScope scope;
        if (family != CallbackFamily::Service) {
            // A live object only: a handle whose object was deleted fails like any other call on it.
            auto alive = (*service)->query(kind, fromCHandle(object), {});
            if (!alive.ok())
                return alive.status();
            auto id = (*service)->handleId(kind, fromCHandle(object));
            if (!id.ok())
                return id.status();
            if (family == CallbackFamily::Network)
                scope.network = *id;
            else
                scope.guestNetworkService = *id;
        }
        auto subscription = (*service)->subscribe(deliverTo(callback, context), scope);
        if (!subscription.ok())
            return subscription.status();
        *callbackHandle = toCHandle(CallbackRegistry::instance().add(family, *subscription));
        return Status::success();
    });
}

HRESULT unregisterCallback(CallbackFamily family, HCN_CALLBACK callbackHandle) noexcept
{
    return apiCall([&]() -> Status {
        auto subscription = CallbackRegistry::instance().take(family, fromCHandle(callbackHandle));
        if (!subscription)
            return Status(hcn::hr::Handle, "the handle is not a registered callback of this kind.");
        auto service = backend();
        if (!service.ok())
            return service.status();
        (*service)->unsubscribe(*subscription); // waits for a running delivery to finish
        return Status::success();
    });
}

} // namespace

extern "C" {

HRESULT WINAPI HcnRegisterServiceCallback(HCN_NOTIFICATION_CALLBACK Callback, void* Context,
                                          HCN_CALLBACK* CallbackHandle)
{
    return registerCallback(CallbackFamily::Service, hcn::ResourceKind::Invalid, nullptr, Callback, Context,
                            CallbackHandle);
}

HRESULT WINAPI HcnUnregisterServiceCallback(HCN_CALLBACK CallbackHandle)
{
    return unregisterCallback(CallbackFamily::Service, CallbackHandle);
}

HRESULT WINAPI HcnRegisterNetworkCallback(HCN_NETWORK Network, HCN_NOTIFICATION_CALLBACK Callback,
                                          void* Context, HCN_CALLBACK* CallbackHandle)
{
    return registerCallback(CallbackFamily::Network, hcn::ResourceKind::Network, Network, Callback, Context,
                            CallbackHandle);
}

HRESULT WINAPI HcnUnregisterNetworkCallback(HCN_CALLBACK CallbackHandle)
{
    return unregisterCallback(CallbackFamily::Network, CallbackHandle);
}

HRESULT WINAPI HcnRegisterGuestNetworkServiceCallback(HCN_GUESTNETWORKSERVICE GuestNetworkService,
                                                      HCN_NOTIFICATION_CALLBACK Callback, void* Context,
                                                      HCN_CALLBACK* CallbackHandle)
{
    return registerCallback(CallbackFamily::GuestNetworkService, hcn::ResourceKind::GuestNetworkService,
                            GuestNetworkService, Callback, Context, CallbackHandle);
}

HRESULT WINAPI HcnUnregisterGuestNetworkServiceCallback(HCN_CALLBACK CallbackHandle)
{
    return unregisterCallback(CallbackFamily::GuestNetworkService, CallbackHandle);
}

} // extern "C"
