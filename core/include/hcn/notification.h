#pragma once
// Service notifications: the HCN_NOTIFICATIONS values plus the engine's own extension events.

#include "hcn/hresult.h"
#include "hcn/resource_kind.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace hcn {

/// HCN_NOTIFICATIONS values (note 16/17/18 follow 9: the Windows header writes them in hex).
/// Extension events live in 0x00100000..0x001FFFFF, a range Windows does not use and that keeps
/// clear of ServiceDisconnect and of the reserved flag bits 0xF0000000.
enum class NotificationType : std::uint32_t
{
    Invalid = 0x00000000,
    NetworkPreCreate = 0x00000001,
    NetworkCreate = 0x00000002,
    NetworkPreDelete = 0x00000003,
    NetworkDelete = 0x00000004,
    NamespaceCreate = 0x00000005,
    NamespaceDelete = 0x00000006,
    GuestNetworkServiceCreate = 0x00000007,
    GuestNetworkServiceDelete = 0x00000008,
    NetworkEndpointAttached = 0x00000009,
    NetworkEndpointDetached = 0x00000010,
    GuestNetworkServiceStateChanged = 0x00000011,
    GuestNetworkServiceInterfaceStateChanged = 0x00000012,
    ServiceDisconnect = 0x01000000,

    ExtensionBase = 0x00100000,
    NetworkModify = 0x00100001,
    EndpointCreate = 0x00100010,
    EndpointModify = 0x00100011,
    EndpointDelete = 0x00100012,
    NamespaceModify = 0x00100020,
    NamespaceEndpointAttach = 0x00100021,
    NamespaceEndpointDetach = 0x00100022,
    NamespaceContainerAttach = 0x00100023,
    NamespaceContainerDetach = 0x00100024,
    LoadBalancerCreate = 0x00100030,
    LoadBalancerModify = 0x00100031,
    LoadBalancerDelete = 0x00100032,
    PolicyCreate = 0x00100040,
    PolicyModify = 0x00100041,
    PolicyDelete = 0x00100042,
    RouteCreate = 0x00100050,
    RouteModify = 0x00100051,
    RouteDelete = 0x00100052,
    GuestNetworkServiceModify = 0x00100061,
    ExtensionLast = 0x001FFFFF,
};

inline constexpr std::uint32_t NotificationFlagsReserved = 0xF0000000u;

/// "HcnNotificationNetworkCreate", "HcnExtEndpointCreate" ...; empty for unknown values.
std::string_view notificationTypeName(NotificationType type);
bool isExtensionNotification(NotificationType type);
/// The type with the reserved flag bits masked off.
NotificationType baseNotificationType(NotificationType type);
/// Every type notificationTypeName() names (the reserved markers aside), in value order.
std::span<const NotificationType> notificationTypes();
/// The kind of object a type is about (by its base type); Invalid for ServiceDisconnect, for the policy
/// events (their Data's ObjectType says) and for unknown values.
ResourceKind notificationResourceKind(NotificationType type);

struct Notification
{
    /// Position in the engine's notification stream, starting at 1, without gaps.
    std::uint64_t sequence = 0;
    NotificationType type = NotificationType::Invalid;
    HResult status = hr::Ok;
    /// NotificationBase JSON: {"ID":"<guid>","Flags":0,"Data":{...}} (empty for ServiceDisconnect).
    std::string data;
};

} // namespace hcn
