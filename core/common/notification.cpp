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
    case NotificationType::ExtensionLast:
        return "HcnExtReservedLast";
    }
    return {};
}

bool isExtensionNotification(NotificationType type)
{
    auto v = static_cast<std::uint32_t>(type) & ~NotificationFlagsReserved;
    return v >= static_cast<std::uint32_t>(NotificationType::ExtensionBase) &&
           v <= static_cast<std::uint32_t>(NotificationType::ExtensionLast);
}

} // namespace hcn
