// LibraryApi's guest port reservations: HcnReserveGuestNetworkServicePort(Range), the release and the
// enumeration (optional exports).

#include "api/library_api_impl.h"

namespace hcn {

namespace {

ReservationId reservationValue(void* handle)
{
    return static_cast<ReservationId>(reinterpret_cast<std::uintptr_t>(handle));
}

PortReservation fromEntry(const library::PortRangeEntry& entry)
{
    PortReservation r;
    r.owningPartitionId = entry.owningPartitionId;
    r.targetPartitionId = entry.targetPartitionId;
    r.protocol = static_cast<PortProtocol>(entry.protocol);
    r.access = static_cast<PortAccess>(entry.sharingFlags == 2 ? 2 : 1);
    r.priority = entry.priority;
    r.reservationType = entry.reservationType;
    r.startingPort = entry.startingPort;
    r.endingPort = entry.endingPort;
    return r;
}

} // namespace

Result<ReservationId> LibraryApi::reservePort(Handle guestNetworkService, PortProtocol protocol,
                                              PortAccess access, std::uint16_t port)
{
    auto service = m_impl->resolve(ResourceKind::GuestNetworkService, guestNetworkService);
    if (!service.ok())
        return service.status();
    if (!m_impl->fn.reservePort)
        return library::missingExport(m_impl->library, "HcnReserveGuestNetworkServicePort");
    void* handle = nullptr;
    const auto result = m_impl->fn.reservePort(*service, static_cast<std::uint32_t>(protocol),
                                               static_cast<std::uint32_t>(access), port, &handle);
    Status status = m_impl->statusOf(result, nullptr);
    if (!status.ok())
        return status;
    PortReservation r;
    r.id = reservationValue(handle);
    r.protocol = protocol;
    r.access = access;
    r.startingPort = r.endingPort = port;
    std::lock_guard lock(m_impl->handlesMutex);
    m_impl->reservations[r.id] = r;
    return r.id;
}

Result<PortReservation> LibraryApi::reservePortRange(Handle guestNetworkService, std::uint16_t count)
{
    auto service = m_impl->resolve(ResourceKind::GuestNetworkService, guestNetworkService);
    if (!service.ok())
        return service.status();
    if (!m_impl->fn.reservePortRange)
        return library::missingExport(m_impl->library, "HcnReserveGuestNetworkServicePortRange");
    void* handle = nullptr;
    library::PortRangeReservation range{0, 0};
    const auto result = m_impl->fn.reservePortRange(*service, count, &range, &handle);
    Status status = m_impl->statusOf(result, nullptr);
    if (!status.ok())
        return status;
    PortReservation r;
    r.id = reservationValue(handle);
    r.protocol = PortProtocol::Both;
    r.access = PortAccess::Exclusive;
    r.reservationType = 1;
    r.startingPort = range.startingPort;
    r.endingPort = range.endingPort;
    // The library reports the partitions only through the enumeration.
    if (auto all = portReservations(); all.ok())
        for (const auto& entry : *all)
            if (entry.reservationType == 1 && entry.startingPort == r.startingPort && entry.endingPort == r.endingPort) {
                r.owningPartitionId = entry.owningPartitionId;
                r.targetPartitionId = entry.targetPartitionId;
                r.priority = entry.priority;
            }
    std::lock_guard lock(m_impl->handlesMutex);
    m_impl->reservations[r.id] = r;
    return r;
}

Status LibraryApi::releasePortReservation(ReservationId reservation)
{
    if (!m_impl->fn.releaseReservation)
        return library::missingExport(m_impl->library, "HcnReleaseGuestNetworkServicePortReservationHandle");
    {
        std::lock_guard lock(m_impl->handlesMutex);
        if (!m_impl->reservations.erase(reservation))
            return Status(hr::Handle, "no port reservation has this handle."); // the engine's wording
    }
    const auto result =
        m_impl->fn.releaseReservation(reinterpret_cast<void*>(static_cast<std::uintptr_t>(reservation)));
    return m_impl->statusOf(result, nullptr);
}

Result<std::vector<PortReservation>> LibraryApi::portReservations()
{
    if (!m_impl->fn.enumerateReservations || !m_impl->fn.freeReservations)
        return library::missingExport(m_impl->library, "HcnEnumerateGuestNetworkPortReservations");
    std::uint32_t count = 0;
    library::PortRangeEntry* entries = nullptr;
    const auto result = m_impl->fn.enumerateReservations(&count, &entries);
    Status status = m_impl->statusOf(result, nullptr);
    std::vector<PortReservation> out;
    if (status.ok() && entries)
        for (std::uint32_t i = 0; i < count; ++i)
            out.push_back(fromEntry(entries[i]));
    if (entries)
        m_impl->fn.freeReservations(entries);
    if (!status.ok())
        return status;
    std::lock_guard lock(m_impl->handlesMutex);
    for (auto& entry : out)
        for (const auto& [id, mine] : m_impl->reservations)
            if (mine.startingPort == entry.startingPort && mine.endingPort == entry.endingPort &&
                mine.protocol == entry.protocol)
                entry.id = id;
    return out;
}

} // namespace hcn
