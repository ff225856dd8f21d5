#pragma once
// The Hcn* exports of a computenetwork library, looked up by name at load time. The types follow
// computenetwork.h: HRESULT is 32 bits, PCWSTR/PWSTR are wchar_t strings, REFGUID is a pointer to the
// 16-byte GUID (hcn::Guid has its layout), handles are void*. Output strings are freed with the
// library's allocator (CoTaskMemFree: exported by our libcomputenetwork.so, from ole32 on Windows).

#include "api/shared_library.h"
#include "hcn/guid.h"
#include "hcn/resource_kind.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#if defined(_WIN32) && !defined(_WIN64)
#define HCN_LIBRARY_CALL __stdcall
#else
#define HCN_LIBRARY_CALL
#endif

namespace hcn::library {

using HRESULT = std::int32_t;
using PWSTR = wchar_t*;
using PCWSTR = const wchar_t*;

using EnumerateFn = HRESULT(HCN_LIBRARY_CALL*)(PCWSTR query, PWSTR* ids, PWSTR* errorRecord);
using CreateFn = HRESULT(HCN_LIBRARY_CALL*)(const Guid* id, PCWSTR settings, void** handle, PWSTR* errorRecord);
using CreateEndpointFn = HRESULT(HCN_LIBRARY_CALL*)(void* network, const Guid* id, PCWSTR settings,
                                                    void** handle, PWSTR* errorRecord);
using OpenFn = HRESULT(HCN_LIBRARY_CALL*)(const Guid* id, void** handle, PWSTR* errorRecord);
using ModifyFn = HRESULT(HCN_LIBRARY_CALL*)(void* handle, PCWSTR settings, PWSTR* errorRecord);
using QueryFn = HRESULT(HCN_LIBRARY_CALL*)(void* handle, PCWSTR query, PWSTR* properties, PWSTR* errorRecord);
using DeleteFn = HRESULT(HCN_LIBRARY_CALL*)(const Guid* id, PWSTR* errorRecord);
using CloseFn = HRESULT(HCN_LIBRARY_CALL*)(void* handle);

using NotificationCallback = void(HCN_LIBRARY_CALL*)(std::uint32_t type, void* context, HRESULT status,
                                                     PCWSTR data);
using RegisterServiceFn = HRESULT(HCN_LIBRARY_CALL*)(NotificationCallback callback, void* context,
                                                     void** callbackHandle);
using RegisterScopedFn = HRESULT(HCN_LIBRARY_CALL*)(void* object, NotificationCallback callback, void* context,
                                                    void** callbackHandle);
using UnregisterFn = HRESULT(HCN_LIBRARY_CALL*)(void* callbackHandle);

/// HCN_PORT_RANGE_RESERVATION and HCN_PORT_RANGE_ENTRY.
struct PortRangeReservation
{
    std::uint16_t startingPort;
    std::uint16_t endingPort;
};
struct PortRangeEntry
{
    Guid owningPartitionId;
    Guid targetPartitionId;
    std::uint32_t protocol;
    std::uint64_t priority;
    std::uint32_t reservationType;
    std::uint32_t sharingFlags;
    std::uint32_t deliveryMode;
    std::uint16_t startingPort;
    std::uint16_t endingPort;
};
using ReservePortFn = HRESULT(HCN_LIBRARY_CALL*)(void* service, std::uint32_t protocol, std::uint32_t access,
                                                 std::uint16_t port, void** reservation);
using ReservePortRangeFn = HRESULT(HCN_LIBRARY_CALL*)(void* service, std::uint16_t count,
                                                      PortRangeReservation* range, void** reservation);
using ReleaseReservationFn = HRESULT(HCN_LIBRARY_CALL*)(void* reservation);
using EnumerateReservationsFn = HRESULT(HCN_LIBRARY_CALL*)(std::uint32_t* count, PortRangeEntry** entries);
using FreeReservationsFn = void(HCN_LIBRARY_CALL*)(PortRangeEntry* entries);
using QueryStatsFn = QueryFn;
using FreeFn = void(HCN_LIBRARY_CALL*)(void* memory);

/// The calls of one kind (null where the library does not export them).
struct KindFunctions
{
    EnumerateFn enumerate = nullptr;
    CreateFn create = nullptr; ///< every kind but endpoints
    CreateEndpointFn createEndpoint = nullptr;
    OpenFn open = nullptr;
    ModifyFn modify = nullptr;
    QueryFn query = nullptr;
    DeleteFn remove = nullptr;
    CloseFn close = nullptr;
};

struct Functions
{
    /// Indexed by ResourceKind.
    std::array<KindFunctions, 7> kinds{};
    RegisterServiceFn registerService = nullptr;
    UnregisterFn unregisterService = nullptr;
    RegisterScopedFn registerNetwork = nullptr;
    UnregisterFn unregisterNetwork = nullptr;
    RegisterScopedFn registerGuestNetworkService = nullptr;
    UnregisterFn unregisterGuestNetworkService = nullptr;
    ReservePortFn reservePort = nullptr;
    ReservePortRangeFn reservePortRange = nullptr;
    ReleaseReservationFn releaseReservation = nullptr;
    EnumerateReservationsFn enumerateReservations = nullptr;
    FreeReservationsFn freeReservations = nullptr;
    QueryStatsFn queryEndpointStats = nullptr;
    FreeFn free = nullptr;

    const KindFunctions& of(ResourceKind kind) const { return kinds[static_cast<std::size_t>(kind)]; }
};

/// Looks every function up. Fails with hr::ProcNotFound naming the first missing one of the documented
/// core (networks, endpoints, namespaces, load balancers, the service callback, the allocator); the rest
/// (SDN routes, guest network services, network callbacks, port reservations, stats) may be missing.
Result<Functions> resolveFunctions(const SharedLibrary& library);

/// The HRESULT a call to a missing optional export answers: E_NOTIMPL naming it.
Status missingExport(const SharedLibrary& library, const std::string& name);

/// The exported name of a kind's call: "HcnEnumerateNetworks", "HcnQuerySdnRouteProperties" ...
std::string exportName(std::string_view verb, ResourceKind kind);

} // namespace hcn::library
