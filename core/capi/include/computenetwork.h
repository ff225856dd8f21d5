/*
 * computenetwork.h - the Host Compute Network (HCN) C API on Linux.
 *
 * Same function names, parameter lists, types and constants as Windows' computenetwork.h, so a C or
 * C++ program written against the Windows header builds unchanged with `#include <computenetwork.h>`
 * and links with -lcomputenetwork. Every call goes to one process-wide HCN engine that the library
 * starts on first use (see "Runtime" below).
 *
 * Windows basic types
 *   On _WIN32 the Windows SDK provides them (this header includes <windows.h>).
 *   Elsewhere this header defines them with the Windows sizes: HRESULT is a 32-bit signed int,
 *   DWORD/ULONG/UINT32 are 32-bit, USHORT/UINT16 16-bit, UINT64 64-bit, HANDLE is void*, WCHAR is
 *   wchar_t (so PCWSTR/PWSTR are UTF-32 on Linux), GUID has the 16-byte Windows layout and REFGUID is
 *   `const GUID*` in C and `const GUID&` in C++, as in Windows' guiddef.h. CALLBACK and WINAPI are
 *   empty. GUID, REFGUID and HRESULT honour the usual GUID_DEFINED / _REFGUID_DEFINED /
 *   _HRESULT_DEFINED guards, and the S_OK/E_xxx/HCN_E_xxx constants are only defined when absent.
 *   A program that already has its own definitions of the Windows types defines
 *   HCN_NO_WINDOWS_TYPES before including this header; one that declares CoTaskMemAlloc/CoTaskMemFree
 *   itself defines HCN_NO_COTASKMEM_DECLARATIONS.
 *
 * Conventions (as on Windows)
 *   - Every function returns an HRESULT, except HcnFreeGuestNetworkPortReservations.
 *   - PWSTR outputs (documents, ErrorRecord) are allocated by the library; free them with CoTaskMemFree.
 *     Strings cross the API as wchar_t; the library converts to and from UTF-8 and rejects a string that
 *     is not valid Unicode (a surrogate or a value above 0x10FFFF) with E_INVALIDARG.
 *   - ErrorRecord is optional. It is set to NULL on entry and stays NULL on success; on failure it
 *     receives {"Success":false,"Error":"<message>","ErrorCode":<HRESULT as unsigned decimal>}.
 *   - Output pointers are set to NULL on entry and on failure. A NULL required pointer (an output, a
 *     Settings document, a REFGUID) fails with E_POINTER. A NULL Query means the default query.
 *   - Handles are pointer-sized values that name an object the library opened (the engine's handle
 *     number, which is never 0). A handle that is not open, or is of another kind, fails with E_HANDLE;
 *     a handle whose object was deleted fails with HCN_E_OBJECT_USED_AFTER_UNLOAD. Close* never deletes.
 *   - Callbacks run on the library's notification thread, never while the library holds a lock, so
 *     they may call back into the API. Unregister* returns only after a running callback has returned
 *     (except when called from inside that callback). Besides the HCN_NOTIFICATIONS values a service
 *     callback also receives the engine's extension events 0x00100000-0x001FFFFF (modifications,
 *     endpoint and load balancer lifecycle); a program written for Windows ignores unknown values.
 *
 * Runtime
 *   HCN_SIM_ENVIRONMENT  inline JSON describing the simulated host's adapters (default: one "Ethernet")
 *   HCN_HNS_VERSION      the emulated HNS service version, e.g. "10.3" (default 15.4)
 *   HCN_SCHEMA_VERSION   the schema version the service speaks, e.g. "2.11" (default 2.16)
 *   The engine is created on the first call. If the environment is invalid that call fails (E_INVALIDARG,
 *   or HCN_E_INVALID_JSON for malformed HCN_SIM_ENVIRONMENT) with an ErrorRecord naming the variable,
 *   and the next call tries again.
 */
#ifndef HCN_COMPUTENETWORK_H
#define HCN_COMPUTENETWORK_H

#if defined(_WIN32)
#include <objbase.h>
#include <windows.h>
#if defined(__cplusplus) && defined(HCN_CAPI_IMPLEMENTATION)
/* The library's own sources see the pointer form so they can reject NULL; the ABI is the same as
   guiddef.h's `const GUID&`. */
#undef REFGUID
#define REFGUID const GUID*
#endif
#else
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#ifndef HCN_NO_WINDOWS_TYPES
typedef uint32_t DWORD;
typedef uint32_t ULONG;
typedef uint16_t USHORT;
typedef uint16_t UINT16;
typedef uint32_t UINT32;
typedef uint64_t UINT64;
typedef size_t SIZE_T;
typedef void* LPVOID;
typedef void* HANDLE;
typedef wchar_t WCHAR;
typedef WCHAR* PWSTR;
typedef const WCHAR* PCWSTR;
#endif /* HCN_NO_WINDOWS_TYPES */

#ifndef VOID
#define VOID void
#endif

#ifndef _HRESULT_DEFINED
#define _HRESULT_DEFINED
typedef int32_t HRESULT;
#endif

#ifndef GUID_DEFINED
#define GUID_DEFINED
/* The Windows GUID: 16 bytes, Data1..Data3 in host byte order, Data4 as bytes. */
typedef struct _GUID
{
    uint32_t Data1;
    uint16_t Data2;
    uint16_t Data3;
    unsigned char Data4[8];
} GUID;
#endif

#ifndef _REFGUID_DEFINED
#define _REFGUID_DEFINED
/* The library's own sources see the pointer form so they can reject NULL; the ABI is the same. */
#if defined(__cplusplus) && !defined(HCN_CAPI_IMPLEMENTATION)
#define REFGUID const GUID&
#else
#define REFGUID const GUID*
#endif
#endif

#ifndef CALLBACK
#define CALLBACK
#endif
#ifndef WINAPI
#define WINAPI
#endif

/* HRESULT helpers and the generic codes the API returns. */
#ifndef SUCCEEDED
#define SUCCEEDED(hr) (((HRESULT)(hr)) >= 0)
#endif
#ifndef FAILED
#define FAILED(hr) (((HRESULT)(hr)) < 0)
#endif
#ifndef S_OK
#define S_OK ((HRESULT)0x00000000)
#endif
#ifndef S_FALSE
#define S_FALSE ((HRESULT)0x00000001)
#endif
#ifndef E_NOTIMPL
#define E_NOTIMPL ((HRESULT)0x80004001)
#endif
#ifndef E_POINTER
#define E_POINTER ((HRESULT)0x80004003)
#endif
#ifndef E_UNEXPECTED
#define E_UNEXPECTED ((HRESULT)0x8000FFFF)
#endif
#ifndef E_HANDLE
#define E_HANDLE ((HRESULT)0x80070006)
#endif
#ifndef E_OUTOFMEMORY
#define E_OUTOFMEMORY ((HRESULT)0x8007000E)
#endif
#ifndef E_INVALIDARG
#define E_INVALIDARG ((HRESULT)0x80070057)
#endif
#endif /* !_WIN32 */

/* The HCN error codes (facility 0x3B), as winerror.h defines them. */
#ifndef HCN_E_NETWORK_NOT_FOUND
#define HCN_E_NETWORK_NOT_FOUND ((HRESULT)0x803B0001L)
#define HCN_E_ENDPOINT_NOT_FOUND ((HRESULT)0x803B0002L)
#define HCN_E_LAYER_NOT_FOUND ((HRESULT)0x803B0003L)
#define HCN_E_SWITCH_NOT_FOUND ((HRESULT)0x803B0004L)
#define HCN_E_SUBNET_NOT_FOUND ((HRESULT)0x803B0005L)
#define HCN_E_ADAPTER_NOT_FOUND ((HRESULT)0x803B0006L)
#define HCN_E_PORT_NOT_FOUND ((HRESULT)0x803B0007L)
#define HCN_E_POLICY_NOT_FOUND ((HRESULT)0x803B0008L)
#define HCN_E_VFP_PORTSETTING_NOT_FOUND ((HRESULT)0x803B0009L)
#define HCN_E_INVALID_NETWORK ((HRESULT)0x803B000AL)
#define HCN_E_INVALID_NETWORK_TYPE ((HRESULT)0x803B000BL)
#define HCN_E_INVALID_ENDPOINT ((HRESULT)0x803B000CL)
#define HCN_E_INVALID_POLICY ((HRESULT)0x803B000DL)
#define HCN_E_INVALID_POLICY_TYPE ((HRESULT)0x803B000EL)
#define HCN_E_INVALID_REMOTE_ENDPOINT_OPERATION ((HRESULT)0x803B000FL)
#define HCN_E_NETWORK_ALREADY_EXISTS ((HRESULT)0x803B0010L)
#define HCN_E_LAYER_ALREADY_EXISTS ((HRESULT)0x803B0011L)
#define HCN_E_POLICY_ALREADY_EXISTS ((HRESULT)0x803B0012L)
#define HCN_E_PORT_ALREADY_EXISTS ((HRESULT)0x803B0013L)
#define HCN_E_ENDPOINT_ALREADY_ATTACHED ((HRESULT)0x803B0014L)
#define HCN_E_REQUEST_UNSUPPORTED ((HRESULT)0x803B0015L)
#define HCN_E_MAPPING_NOT_SUPPORTED ((HRESULT)0x803B0016L)
#define HCN_E_DEGRADED_OPERATION ((HRESULT)0x803B0017L)
#define HCN_E_SHARED_SWITCH_MODIFICATION ((HRESULT)0x803B0018L)
#define HCN_E_GUID_CONVERSION_FAILURE ((HRESULT)0x803B0019L)
#define HCN_E_REGKEY_FAILURE ((HRESULT)0x803B001AL)
#define HCN_E_INVALID_JSON ((HRESULT)0x803B001BL)
#define HCN_E_INVALID_JSON_REFERENCE ((HRESULT)0x803B001CL)
#define HCN_E_ENDPOINT_SHARING_DISABLED ((HRESULT)0x803B001DL)
#define HCN_E_INVALID_IP ((HRESULT)0x803B001EL)
#define HCN_E_SWITCH_EXTENSION_NOT_FOUND ((HRESULT)0x803B001FL)
#define HCN_E_MANAGER_STOPPED ((HRESULT)0x803B0020L)
#define GCN_E_MODULE_NOT_FOUND ((HRESULT)0x803B0021L)
#define GCN_E_NO_REQUEST_HANDLERS ((HRESULT)0x803B0022L)
#define GCN_E_REQUEST_UNSUPPORTED ((HRESULT)0x803B0023L)
#define GCN_E_RUNTIMEKEYS_FAILED ((HRESULT)0x803B0024L)
#define GCN_E_NETADAPTER_TIMEOUT ((HRESULT)0x803B0025L)
#define GCN_E_NETADAPTER_NOT_FOUND ((HRESULT)0x803B0026L)
#define GCN_E_NETCOMPARTMENT_NOT_FOUND ((HRESULT)0x803B0027L)
#define GCN_E_NETINTERFACE_NOT_FOUND ((HRESULT)0x803B0028L)
#define GCN_E_DEFAULTNAMESPACE_EXISTS ((HRESULT)0x803B0029L)
#define HCN_E_ICS_DISABLED ((HRESULT)0x803B002AL)
#define HCN_E_ENDPOINT_NAMESPACE_ALREADY_EXISTS ((HRESULT)0x803B002BL)
#define HCN_E_ENTITY_HAS_REFERENCES ((HRESULT)0x803B002CL)
#define HCN_E_INVALID_INTERNAL_PORT ((HRESULT)0x803B002DL)
#define HCN_E_NAMESPACE_ATTACH_FAILED ((HRESULT)0x803B002EL)
#define HCN_E_ADDR_INVALID_OR_RESERVED ((HRESULT)0x803B002FL)
#define HCN_E_INVALID_PREFIX ((HRESULT)0x803B0030L)
#define HCN_E_OBJECT_USED_AFTER_UNLOAD ((HRESULT)0x803B0031L)
#define HCN_E_INVALID_SUBNET ((HRESULT)0x803B0032L)
#define HCN_E_INVALID_IP_SUBNET ((HRESULT)0x803B0033L)
#define HCN_E_ENDPOINT_NOT_ATTACHED ((HRESULT)0x803B0034L)
#define HCN_E_ENDPOINT_NOT_LOCAL ((HRESULT)0x803B0035L)
#define HCN_INTERFACEPARAMETERS_ALREADY_APPLIED ((HRESULT)0x803B0036L)
#define HCN_E_VFP_NOT_ALLOWED ((HRESULT)0x803B0037L)
#endif

/* Only the API functions leave the shared library; everything else in it is hidden. */
#if !defined(_WIN32) && (defined(__GNUC__) || defined(__clang__))
#define HCN_CAPI_EXPORT __attribute__((visibility("default")))
#elif defined(_WIN32) && defined(HCN_CAPI_IMPLEMENTATION)
/* Our computenetwork.dll exports them by name, like Windows' own. */
#define HCN_CAPI_EXPORT __declspec(dllexport)
#else
#define HCN_CAPI_EXPORT
#endif

#ifdef __cplusplus
extern "C" {
#endif

#if !defined(_WIN32) && !defined(HCN_NO_COTASKMEM_DECLARATIONS)
/* The allocator of every PWSTR and HCN_PORT_RANGE_ENTRY array the API returns. */
HCN_CAPI_EXPORT LPVOID WINAPI CoTaskMemAlloc(SIZE_T cb);
/* Frees what CoTaskMemAlloc (or the API) allocated; NULL is ignored. */
HCN_CAPI_EXPORT void WINAPI CoTaskMemFree(LPVOID pv);
#endif

/* Notification types passed to HCN_NOTIFICATION_CALLBACK (16, 17, 18 follow 9: they are hex). */
typedef enum HCN_NOTIFICATIONS
{
    HcnNotificationInvalid = 0x00000000,
    /* service callbacks */
    HcnNotificationNetworkPreCreate = 0x00000001,
    HcnNotificationNetworkCreate = 0x00000002,
    HcnNotificationNetworkPreDelete = 0x00000003,
    HcnNotificationNetworkDelete = 0x00000004,
    HcnNotificationNamespaceCreate = 0x00000005,
    HcnNotificationNamespaceDelete = 0x00000006,
    HcnNotificationGuestNetworkServiceCreate = 0x00000007,
    HcnNotificationGuestNetworkServiceDelete = 0x00000008,
    /* network callbacks */
    HcnNotificationNetworkEndpointAttached = 0x00000009,
    HcnNotificationNetworkEndpointDetached = 0x00000010,
    /* guest network service callbacks */
    HcnNotificationGuestNetworkServiceStateChanged = 0x00000011,
    HcnNotificationGuestNetworkServiceInterfaceStateChanged = 0x00000012,
    /* every callback: the service went away */
    HcnNotificationServiceDisconnect = 0x01000000,
    /* the upper four bits are flags: mask them off before comparing (int-typed, as on Windows) */
    HcnNotificationFlagsReserved = (int)0xF0000000
} HCN_NOTIFICATIONS;

/* NotificationData is NotificationBase JSON {"ID":"<guid>","Flags":0,"Data":{...}}, or NULL. It is
   valid only during the call. */
typedef void(CALLBACK* HCN_NOTIFICATION_CALLBACK)(DWORD NotificationType, void* Context,
                                                  HRESULT NotificationStatus, PCWSTR NotificationData);

typedef void* HCN_CALLBACK;
typedef void* HCN_SERVICE;
typedef HCN_SERVICE* PHCN_SERVICE;

/* ---- Networks ------------------------------------------------------------------------------- */

typedef void* HCN_NETWORK;
typedef HCN_NETWORK* PHCN_NETWORK;

/* Networks receives a JSON array of the IDs matching the HostComputeQuery (NULL: all). */
HCN_CAPI_EXPORT HRESULT WINAPI HcnEnumerateNetworks(PCWSTR Query, PWSTR* Networks, PWSTR* ErrorRecord);
/* Settings is a HostComputeNetwork (or v1 HNSNetwork) document; a zero Id lets the service pick one. */
HCN_CAPI_EXPORT HRESULT WINAPI HcnCreateNetwork(REFGUID Id, PCWSTR Settings, PHCN_NETWORK Network,
                                                PWSTR* ErrorRecord);
HCN_CAPI_EXPORT HRESULT WINAPI HcnOpenNetwork(REFGUID Id, PHCN_NETWORK Network, PWSTR* ErrorRecord);
/* Settings is a ModifyNetworkSettingRequest. */
HCN_CAPI_EXPORT HRESULT WINAPI HcnModifyNetwork(HCN_NETWORK Network, PCWSTR Settings, PWSTR* ErrorRecord);
/* The query's SchemaVersion picks the v2 (default) or v1 shape of Properties. */
HCN_CAPI_EXPORT HRESULT WINAPI HcnQueryNetworkProperties(HCN_NETWORK Network, PCWSTR Query, PWSTR* Properties,
                                                         PWSTR* ErrorRecord);
HCN_CAPI_EXPORT HRESULT WINAPI HcnDeleteNetwork(REFGUID Id, PWSTR* ErrorRecord);
HCN_CAPI_EXPORT HRESULT WINAPI HcnCloseNetwork(HCN_NETWORK Network);

/* ---- Namespaces ----------------------------------------------------------------------------- */

typedef void* HCN_NAMESPACE;
typedef HCN_NAMESPACE* PHCN_NAMESPACE;

HCN_CAPI_EXPORT HRESULT WINAPI HcnEnumerateNamespaces(PCWSTR Query, PWSTR* Namespaces, PWSTR* ErrorRecord);
HCN_CAPI_EXPORT HRESULT WINAPI HcnCreateNamespace(REFGUID Id, PCWSTR Settings, PHCN_NAMESPACE Namespace,
                                                  PWSTR* ErrorRecord);
HCN_CAPI_EXPORT HRESULT WINAPI HcnOpenNamespace(REFGUID Id, PHCN_NAMESPACE Namespace, PWSTR* ErrorRecord);
/* Settings is a ModifyNamespaceSettingRequest (attach or detach an endpoint or container). */
HCN_CAPI_EXPORT HRESULT WINAPI HcnModifyNamespace(HCN_NAMESPACE Namespace, PCWSTR Settings,
                                                  PWSTR* ErrorRecord);
HCN_CAPI_EXPORT HRESULT WINAPI HcnQueryNamespaceProperties(HCN_NAMESPACE Namespace, PCWSTR Query,
                                                           PWSTR* Properties, PWSTR* ErrorRecord);
HCN_CAPI_EXPORT HRESULT WINAPI HcnDeleteNamespace(REFGUID Id, PWSTR* ErrorRecord);
HCN_CAPI_EXPORT HRESULT WINAPI HcnCloseNamespace(HCN_NAMESPACE Namespace);

/* ---- Endpoints ------------------------------------------------------------------------------ */

typedef void* HCN_ENDPOINT;
typedef HCN_ENDPOINT* PHCN_ENDPOINT;

HCN_CAPI_EXPORT HRESULT WINAPI HcnEnumerateEndpoints(PCWSTR Query, PWSTR* Endpoints, PWSTR* ErrorRecord);
/* Creates the endpoint on the network behind an open network handle. */
HCN_CAPI_EXPORT HRESULT WINAPI HcnCreateEndpoint(HCN_NETWORK Network, REFGUID Id, PCWSTR Settings,
                                                 PHCN_ENDPOINT Endpoint, PWSTR* ErrorRecord);
HCN_CAPI_EXPORT HRESULT WINAPI HcnOpenEndpoint(REFGUID Id, PHCN_ENDPOINT Endpoint, PWSTR* ErrorRecord);
/* Settings is a ModifyEndpointSettingRequest. */
HCN_CAPI_EXPORT HRESULT WINAPI HcnModifyEndpoint(HCN_ENDPOINT Endpoint, PCWSTR Settings, PWSTR* ErrorRecord);
HCN_CAPI_EXPORT HRESULT WINAPI HcnQueryEndpointProperties(HCN_ENDPOINT Endpoint, PCWSTR Query,
                                                          PWSTR* Properties, PWSTR* ErrorRecord);
HCN_CAPI_EXPORT HRESULT WINAPI HcnDeleteEndpoint(REFGUID Id, PWSTR* ErrorRecord);
HCN_CAPI_EXPORT HRESULT WINAPI HcnCloseEndpoint(HCN_ENDPOINT Endpoint);
/* Port counters: {"EndpointId","BytesReceived","BytesSent","PacketsReceived","PacketsSent",
   "DroppedPacketsIncoming","DroppedPacketsOutgoing"}, plus the datapath's own "Datapath" member
   {"Backend","Attached","HostInterface"?,"Namespace"?,"Interface"?} (docs/inferred-behaviours.md). */
HCN_CAPI_EXPORT HRESULT WINAPI HcnQueryEndpointStats(HCN_ENDPOINT Endpoint, PCWSTR Query, PWSTR* Stats,
                                                     PWSTR* ErrorRecord);
/* The endpoint's addresses: {"EndpointId","MacAddress","IpConfigurations":[{"IpAddress","PrefixLength"}]}. */
HCN_CAPI_EXPORT HRESULT WINAPI HcnQueryEndpointAddresses(HCN_ENDPOINT Endpoint, PCWSTR Query,
                                                         PWSTR* Addresses, PWSTR* ErrorRecord);

/* ---- Load balancers ------------------------------------------------------------------------- */

typedef void* HCN_LOADBALANCER;
typedef HCN_LOADBALANCER* PHCN_LOADBALANCER;

HCN_CAPI_EXPORT HRESULT WINAPI HcnEnumerateLoadBalancers(PCWSTR Query, PWSTR* LoadBalancer,
                                                         PWSTR* ErrorRecord);
HCN_CAPI_EXPORT HRESULT WINAPI HcnCreateLoadBalancer(REFGUID Id, PCWSTR Settings,
                                                     PHCN_LOADBALANCER LoadBalancer, PWSTR* ErrorRecord);
HCN_CAPI_EXPORT HRESULT WINAPI HcnOpenLoadBalancer(REFGUID Id, PHCN_LOADBALANCER LoadBalancer,
                                                   PWSTR* ErrorRecord);
/* Settings is a complete HostComputeLoadBalancer that replaces the current one. */
HCN_CAPI_EXPORT HRESULT WINAPI HcnModifyLoadBalancer(HCN_LOADBALANCER LoadBalancer, PCWSTR Settings,
                                                     PWSTR* ErrorRecord);
HCN_CAPI_EXPORT HRESULT WINAPI HcnQueryLoadBalancerProperties(HCN_LOADBALANCER LoadBalancer, PCWSTR Query,
                                                              PWSTR* Properties, PWSTR* ErrorRecord);
HCN_CAPI_EXPORT HRESULT WINAPI HcnDeleteLoadBalancer(REFGUID Id, PWSTR* ErrorRecord);
HCN_CAPI_EXPORT HRESULT WINAPI HcnCloseLoadBalancer(HCN_LOADBALANCER LoadBalancer);

/* ---- SDN routes (HostComputeRoute; exported by Windows, not declared in its header) ------------ */

typedef void* HCN_SDNROUTE;
typedef HCN_SDNROUTE* PHCN_SDNROUTE;

HCN_CAPI_EXPORT HRESULT WINAPI HcnEnumerateSdnRoutes(PCWSTR Query, PWSTR* Routes, PWSTR* ErrorRecord);
HCN_CAPI_EXPORT HRESULT WINAPI HcnCreateSdnRoute(REFGUID Id, PCWSTR Settings, PHCN_SDNROUTE Route,
                                                 PWSTR* ErrorRecord);
HCN_CAPI_EXPORT HRESULT WINAPI HcnOpenSdnRoute(REFGUID Id, PHCN_SDNROUTE Route, PWSTR* ErrorRecord);
/* Settings is a complete HostComputeRoute that replaces the current one. */
HCN_CAPI_EXPORT HRESULT WINAPI HcnModifySdnRoute(HCN_SDNROUTE Route, PCWSTR Settings, PWSTR* ErrorRecord);
HCN_CAPI_EXPORT HRESULT WINAPI HcnQuerySdnRouteProperties(HCN_SDNROUTE Route, PCWSTR Query, PWSTR* Properties,
                                                          PWSTR* ErrorRecord);
HCN_CAPI_EXPORT HRESULT WINAPI HcnDeleteSdnRoute(REFGUID Id, PWSTR* ErrorRecord);
HCN_CAPI_EXPORT HRESULT WINAPI HcnCloseSdnRoute(HCN_SDNROUTE Route);

/* ---- Service and network notifications -------------------------------------------------------- */

/* Service-wide notifications. */
HCN_CAPI_EXPORT HRESULT WINAPI HcnRegisterServiceCallback(HCN_NOTIFICATION_CALLBACK Callback, void* Context,
                                                          HCN_CALLBACK* CallbackHandle);
HCN_CAPI_EXPORT HRESULT WINAPI HcnUnregisterServiceCallback(HCN_CALLBACK CallbackHandle);
/* Endpoint attach/detach notifications for the endpoints of one network (exported, undeclared on Windows). */
HCN_CAPI_EXPORT HRESULT WINAPI HcnRegisterNetworkCallback(HCN_NETWORK Network,
                                                          HCN_NOTIFICATION_CALLBACK Callback, void* Context,
                                                          HCN_CALLBACK* CallbackHandle);
HCN_CAPI_EXPORT HRESULT WINAPI HcnUnregisterNetworkCallback(HCN_CALLBACK CallbackHandle);

/* ---- Guest network services ----------------------------------------------------------------- */

typedef void* HCN_GUESTNETWORKSERVICE;
typedef HCN_GUESTNETWORKSERVICE* PHCN_GUESTNETWORKSERVICE;

/* State and interface-state notifications of one guest network service. */
HCN_CAPI_EXPORT HRESULT WINAPI HcnRegisterGuestNetworkServiceCallback(
    HCN_GUESTNETWORKSERVICE GuestNetworkService, HCN_NOTIFICATION_CALLBACK Callback, void* Context,
    HCN_CALLBACK* CallbackHandle);
HCN_CAPI_EXPORT HRESULT WINAPI HcnUnregisterGuestNetworkServiceCallback(HCN_CALLBACK CallbackHandle);
HCN_CAPI_EXPORT HRESULT WINAPI HcnCreateGuestNetworkService(REFGUID Id, PCWSTR Settings,
                                                            PHCN_GUESTNETWORKSERVICE GuestNetworkService,
                                                            PWSTR* ErrorRecord);
HCN_CAPI_EXPORT HRESULT WINAPI HcnCloseGuestNetworkService(HCN_GUESTNETWORKSERVICE GuestNetworkService);
/* Settings is a ModifyGuestNetworkServiceSettingRequest. */
HCN_CAPI_EXPORT HRESULT WINAPI HcnModifyGuestNetworkService(HCN_GUESTNETWORKSERVICE GuestNetworkService,
                                                            PCWSTR Settings, PWSTR* ErrorRecord);
HCN_CAPI_EXPORT HRESULT WINAPI HcnDeleteGuestNetworkService(REFGUID Id, PWSTR* ErrorRecord);
/* Exported by Windows but not declared in its header. */
HCN_CAPI_EXPORT HRESULT WINAPI HcnEnumerateGuestNetworkServices(PCWSTR Query, PWSTR* GuestNetworkServices,
                                                                PWSTR* ErrorRecord);
HCN_CAPI_EXPORT HRESULT WINAPI HcnOpenGuestNetworkService(REFGUID Id,
                                                          PHCN_GUESTNETWORKSERVICE GuestNetworkService,
                                                          PWSTR* ErrorRecord);
HCN_CAPI_EXPORT HRESULT WINAPI HcnQueryGuestNetworkServiceProperties(
    HCN_GUESTNETWORKSERVICE GuestNetworkService, PCWSTR Query, PWSTR* Properties, PWSTR* ErrorRecord);

/* ---- Guest port reservations ---------------------------------------------------------------- */

typedef enum tagHCN_PORT_PROTOCOL
{
    HCN_PORT_PROTOCOL_TCP = 0x01,
    HCN_PORT_PROTOCOL_UDP = 0x02,
    HCN_PORT_PROTOCOL_BOTH = 0x03
} HCN_PORT_PROTOCOL;

typedef enum tagHCN_PORT_ACCESS
{
    HCN_PORT_ACCESS_EXCLUSIVE = 0x01,
    HCN_PORT_ACCESS_SHARED = 0x02
} HCN_PORT_ACCESS;

/* A reserved block of ports, both ends inclusive. */
typedef struct tagHCN_PORT_RANGE_RESERVATION
{
    USHORT startingPort;
    USHORT endingPort;
} HCN_PORT_RANGE_RESERVATION;

/* One reservation as HcnEnumerateGuestNetworkPortReservations reports it. OwningPartitionId is the
   service's VirtualMachineId (its ID when it has none), TargetPartitionId the service's ID,
   ReservationType 0 for a single port and 1 for a range, SharingFlags the HCN_PORT_ACCESS value. */
typedef struct tagHCN_PORT_RANGE_ENTRY
{
    GUID OwningPartitionId;
    GUID TargetPartitionId;
    HCN_PORT_PROTOCOL Protocol;
    UINT64 Priority;
    UINT32 ReservationType;
    UINT32 SharingFlags;
    UINT32 DeliveryMode;
    UINT16 StartingPort;
    UINT16 EndingPort;
} HCN_PORT_RANGE_ENTRY, *PHCN_PORT_RANGE_ENTRY;

/* Reserves one host port; a conflicting reservation fails with HRESULT_FROM_WIN32(WSAEADDRINUSE). The
   handle is released with HcnReleaseGuestNetworkServicePortReservationHandle. */
HCN_CAPI_EXPORT HRESULT WINAPI HcnReserveGuestNetworkServicePort(HCN_GUESTNETWORKSERVICE GuestNetworkService,
                                                                 HCN_PORT_PROTOCOL Protocol,
                                                                 HCN_PORT_ACCESS Access, USHORT Port,
                                                                 HANDLE* PortReservationHandle);
/* Reserves PortCount contiguous ports (TCP and UDP, exclusive) and reports which. */
HCN_CAPI_EXPORT HRESULT WINAPI HcnReserveGuestNetworkServicePortRange(
    HCN_GUESTNETWORKSERVICE GuestNetworkService, USHORT PortCount,
    HCN_PORT_RANGE_RESERVATION* PortRangeReservation, HANDLE* PortReservationHandle);
HCN_CAPI_EXPORT HRESULT WINAPI
HcnReleaseGuestNetworkServicePortReservationHandle(HANDLE PortReservationHandle);
/* Every reservation of the host; free PortEntries with HcnFreeGuestNetworkPortReservations. With no
   reservations ReturnCount is 0 and PortEntries NULL. */
HCN_CAPI_EXPORT HRESULT WINAPI HcnEnumerateGuestNetworkPortReservations(ULONG* ReturnCount,
                                                                        HCN_PORT_RANGE_ENTRY** PortEntries);
HCN_CAPI_EXPORT VOID WINAPI HcnFreeGuestNetworkPortReservations(HCN_PORT_RANGE_ENTRY* PortEntries);

#ifdef __cplusplus
}
#endif

#endif /* HCN_COMPUTENETWORK_H */
