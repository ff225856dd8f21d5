// Guest port reservations: single ports and ranges a guest network service holds on the host.

#include "backend.h"
#include "computenetwork.h"
#include "error_record.h"
#include "handles.h"

#include <cstring>

using hcn::Status;
using namespace hcn::capi;

namespace {

HCN_PORT_RANGE_ENTRY toEntry(const hcn::PortReservation& r)
{
    HCN_PORT_RANGE_ENTRY entry;
    std::memset(&entry, 0, sizeof entry);
    entry.OwningPartitionId = toCGuid(r.owningPartitionId);
    entry.TargetPartitionId = toCGuid(r.targetPartitionId);
    entry.Protocol = static_cast<HCN_PORT_PROTOCOL>(r.protocol);
    entry.Priority = r.priority;
    entry.ReservationType = r.reservationType;
    entry.SharingFlags = static_cast<UINT32>(r.access);
    entry.DeliveryMode = 0;
    entry.StartingPort = r.startingPort;
    entry.EndingPort = r.endingPort;
    return entry;
}

} // namespace

extern "C" {

HRESULT WINAPI HcnReserveGuestNetworkServicePort(HCN_GUESTNETWORKSERVICE GuestNetworkService,
                                                 HCN_PORT_PROTOCOL Protocol, HCN_PORT_ACCESS Access,
                                                 USHORT Port, HANDLE* PortReservationHandle)
{
    if (PortReservationHandle)
        *PortReservationHandle = nullptr;
    return apiCall([&]() -> Status {
        if (!PortReservationHandle)
            return nullPointer("PortReservationHandle");
        auto service = backend();
        if (!service.ok())
            return service.status();
        auto reservation = (*service)->reservePort(fromCHandle(GuestNetworkService),
                                                   static_cast<hcn::PortProtocol>(Protocol),
                                                   static_cast<hcn::PortAccess>(Access), Port);
        if (!reservation.ok())
            return reservation.status();
        *PortReservationHandle = toCHandle(*reservation);
        return Status::success();
    });
}

HRESULT WINAPI HcnReserveGuestNetworkServicePortRange(HCN_GUESTNETWORKSERVICE GuestNetworkService,
                                                      USHORT PortCount,
                                                      HCN_PORT_RANGE_RESERVATION* PortRangeReservation,
                                                      HANDLE* PortReservationHandle)
{
    if (PortReservationHandle)
        *PortReservationHandle = nullptr;
    if (PortRangeReservation)
        *PortRangeReservation = HCN_PORT_RANGE_RESERVATION{0, 0};
    return apiCall([&]() -> Status {
        if (!PortRangeReservation)
            return nullPointer("PortRangeReservation");
        if (!PortReservationHandle)
            return nullPointer("PortReservationHandle");
        auto service = backend();
        if (!service.ok())
            return service.status();
        auto reservation = (*service)->reservePortRange(fromCHandle(GuestNetworkService), PortCount);
        if (!reservation.ok())
            return reservation.status();
        PortRangeReservation->startingPort = reservation->startingPort;
        PortRangeReservation->endingPort = reservation->endingPort;
        *PortReservationHandle = toCHandle(reservation->id);
        return Status::success();
    });
}

HRESULT WINAPI HcnReleaseGuestNetworkServicePortReservationHandle(HANDLE PortReservationHandle)
{
    return apiCall([&]() -> Status {
        auto service = backend();
        if (!service.ok())
            return service.status();
        return (*service)->releasePortReservation(fromCHandle(PortReservationHandle));
    });
}

HRESULT WINAPI HcnEnumerateGuestNetworkPortReservations(ULONG* ReturnCount,
                                                        HCN_PORT_RANGE_ENTRY** PortEntries)
{
    if (ReturnCount)
        *ReturnCount = 0;
    if (PortEntries)
        *PortEntries = nullptr;
    return apiCall([&]() -> Status {
        if (!ReturnCount)
            return nullPointer("ReturnCount");
        if (!PortEntries)
            return nullPointer("PortEntries");
        auto service = backend();
        if (!service.ok())
            return service.status();
        auto reservations = (*service)->portReservations();
        if (!reservations.ok())
            return reservations.status();
        if (reservations->empty())
            return Status::success();
        const std::size_t bytes = reservations->size() * sizeof(HCN_PORT_RANGE_ENTRY);
        auto* entries = static_cast<HCN_PORT_RANGE_ENTRY*>(CoTaskMemAlloc(bytes));
        if (!entries)
            return Status(hcn::hr::OutOfMemory);
        for (std::size_t i = 0; i < reservations->size(); ++i)
            entries[i] = toEntry((*reservations)[i]);
        *PortEntries = entries;
        *ReturnCount = static_cast<ULONG>(reservations->size());
        return Status::success();
    });
}

VOID WINAPI HcnFreeGuestNetworkPortReservations(HCN_PORT_RANGE_ENTRY* PortEntries)
{
    CoTaskMemFree(PortEntries);
}

} // extern "C"
