#include "hcn/notification.h"

namespace hcn {

std::string_view notificationTypeName(NotificationType type)
{
    switch (type) {
    case NotificationType::Invalid:
        return "HcnNotificationInvalid";
    case NotificationType::NetworkPreCreate:
        return "HcnNotificationNetworkPreCreate";
    case NotificationType::NetworkCreate:
        return "HcnNotificationNetworkCreate";
    case NotificationType::NetworkPreDelete:
        return "HcnNotificationNetworkPreDelete";
    case NotificationType::NetworkDelete:
        return "HcnNotificationNetworkDelete";
    case NotificationType::NamespaceCreate:
        return "HcnNotificationNamespaceCreate";
    case NotificationType::NamespaceDelete:
        return "HcnNotificationNamespaceDelete";
    case NotificationType::GuestNetworkServiceCreate:
        return "HcnNotificationGuestNetworkServiceCreate";
    case NotificationType::GuestNetworkServiceDelete:
        return "HcnNotificationGuestNetworkServiceDelete";
    case NotificationType::NetworkEndpointAttached:
        return "HcnNotificationNetworkEndpointAttached";
    case NotificationType::NetworkEndpointDetached:
        return "HcnNotificationNetworkEndpointDetached";
    case NotificationType::GuestNetworkServiceStateChanged:
        return "HcnNotificationGuestNetworkServiceStateChanged";
    case NotificationType::GuestNetworkServiceInterfaceStateChanged:
        return "HcnNotificationGuestNetworkServiceInterfaceStateChanged";
    case NotificationType::ServiceDisconnect:
        return "HcnNotificationServiceDisconnect";
    case NotificationType::ExtensionBase:
        return "HcnExtReserved";
    case NotificationType::NetworkModify:
        return "HcnExtNetworkModify";
    case NotificationType::EndpointCreate:
        return "HcnExtEndpointCreate";
    case NotificationType::EndpointModify:
        return "HcnExtEndpointModify";
    case NotificationType::EndpointDelete:
        return "HcnExtEndpointDelete";
    case NotificationType::NamespaceModify:
        return "HcnExtNamespaceModify";
    case NotificationType::NamespaceEndpointAttach:
        return "HcnExtNamespaceEndpointAttach";
    case NotificationType::NamespaceEndpointDetach:
        return "HcnExtNamespaceEndpointDetach";
    case NotificationType::NamespaceContainerAttach:
        return "HcnExtNamespaceContainerAttach";
    case NotificationType::NamespaceContainerDetach:
        return "HcnExtNamespaceContainerDetach";
    case NotificationType::LoadBalancerCreate:
        return "HcnExtLoadBalancerCreate";
    case NotificationType::LoadBalancerModify:
        return "HcnExtLoadBalancerModify";
    case NotificationType::LoadBalancerDelete:
        return "HcnExtLoadBalancerDelete";
    case NotificationType::PolicyCreate:
        return "HcnExtPolicyCreate";
    case NotificationType::PolicyModify:
        return "HcnExtPolicyModify";
    case NotificationType::PolicyDelete:
        return "HcnExtPolicyDelete";
    case NotificationType::RouteCreate:
        return "HcnExtRouteCreate";
    case NotificationType::RouteModify:
        return "HcnExtRouteModify";
    case NotificationType::RouteDelete:
        return "HcnExtRouteDelete";
    case NotificationType::GuestNetworkServiceModify:
        return "HcnExtGuestNetworkServiceModify";
    case NotificationType::ExtensionLast:
        return "HcnExtReservedLast";
    }
    return {};
}

namespace {

using T = NotificationType;

constexpr NotificationType kTypes[] = {
    T::NetworkPreCreate,
    T::NetworkCreate,
    T::NetworkPreDelete,
    T::NetworkDelete,
    T::NamespaceCreate,
    T::NamespaceDelete,
    T::GuestNetworkServiceCreate,
    T::GuestNetworkServiceDelete,
    T::NetworkEndpointAttached,
    T::NetworkEndpointDetached,
    T::GuestNetworkServiceStateChanged,
    T::GuestNetworkServiceInterfaceStateChanged,
    T::NetworkModify,
    T::EndpointCreate,
    T::EndpointModify,
    T::EndpointDelete,
    T::NamespaceModify,
    T::NamespaceEndpointAttach,
    T::NamespaceEndpointDetach,
    T::NamespaceContainerAttach,
    T::NamespaceContainerDetach,
    T::LoadBalancerCreate,
    T::LoadBalancerModify,
    T::LoadBalancerDelete,
    T::PolicyCreate,
    T::PolicyModify,
    T::PolicyDelete,
    T::RouteCreate,
    T::RouteModify,
    T::RouteDelete,
    T::GuestNetworkServiceModify,
    T::ServiceDisconnect,
};

} // namespace

std::span<const NotificationType> notificationTypes()
{
    return kTypes;
}

NotificationType baseNotificationType(NotificationType type)
{
    return NotificationType(static_cast<std::uint32_t>(type) & ~NotificationFlagsReserved);
}

ResourceKind notificationResourceKind(NotificationType type)
{
    switch (baseNotificationType(type)) {
    case T::NetworkPreCreate:
    case T::NetworkCreate:
    case T::NetworkPreDelete:
    case T::NetworkDelete:
    case T::NetworkModify:
        return ResourceKind::Network;
    case T::NamespaceCreate:
    case T::NamespaceDelete:
    case T::NamespaceModify:
    case T::NamespaceEndpointAttach:
    case T::NamespaceEndpointDetach:
    case T::NamespaceContainerAttach:
    case T::NamespaceContainerDetach:
        return ResourceKind::Namespace;
    case T::GuestNetworkServiceCreate:
    case T::GuestNetworkServiceDelete:
    case T::GuestNetworkServiceStateChanged:
    case T::GuestNetworkServiceInterfaceStateChanged:
    case T::GuestNetworkServiceModify:
        return ResourceKind::GuestNetworkService;
    case T::NetworkEndpointAttached:
    case T::NetworkEndpointDetached:
    case T::EndpointCreate:
    case T::EndpointModify:
    case T::EndpointDelete:
        return ResourceKind::Endpoint;
    case T::LoadBalancerCreate:
    case T::LoadBalancerModify:
    case T::LoadBalancerDelete:
        return ResourceKind::LoadBalancer;
    case T::RouteCreate:
    case T::RouteModify:
    case T::RouteDelete:
        return ResourceKind::SdnRoute;
    default:
        return ResourceKind::Invalid;
    }
}

bool isExtensionNotification(NotificationType type)
{
    auto v = static_cast<std::uint32_t>(type) & ~NotificationFlagsReserved;
    return v >= static_cast<std::uint32_t>(NotificationType::ExtensionBase) &&
           v <= static_cast<std::uint32_t>(NotificationType::ExtensionLast);
}

} // namespace hcn
