// RecordingHostApi (hcn/recording_host_api.h): every call forwarded to the moment's Api. A moment given
// as a builder is built outside the lock, so setMoment() never waits for a build in progress; a build
// whose moment was replaced meanwhile answers its own call and is dropped.

#include "hcn/recording_host_api.h"

namespace hcn {

RecordingHostApi::RecordingHostApi(std::shared_ptr<Api> moment, std::string endpoint, std::string description)
    : m_moment(std::move(moment)), m_endpoint(std::move(endpoint)), m_description(std::move(description))
{}

void RecordingHostApi::setMoment(std::shared_ptr<Api> moment)
{
    std::lock_guard lock(m_mutex);
    m_moment = std::move(moment);
    m_build = nullptr;
    ++m_generation;
}

void RecordingHostApi::setMoment(MomentBuilder build)
{
    std::lock_guard lock(m_mutex);
    m_moment = nullptr;
    m_build = std::move(build);
    ++m_generation;
}

Result<std::shared_ptr<Api>> RecordingHostApi::moment()
{
    MomentBuilder build;
    std::uint64_t generation = 0;
    {
        std::lock_guard lock(m_mutex);
        if (m_moment)
            return m_moment;
        if (!m_build)
            return Status(hr::Handle, "The recording shows no moment.");
        build = m_build;
        generation = m_generation;
    }
    auto built = build();
    if (!built.ok())
        return built;
    if (!*built)
        return Status(hr::Pointer, "The recording's moment could not be built.");
    std::lock_guard lock(m_mutex);
    if (generation == m_generation && !m_moment) {
        m_moment = *built;
        m_build = nullptr;
    }
    return built;
}

Result<std::string> RecordingHostApi::enumerate(ResourceKind kind, std::string_view query)
{
    auto m = moment();
    if (!m.ok())
        return m.status();
    return (*m)->enumerate(kind, query);
}

Result<Handle> RecordingHostApi::create(ResourceKind kind, const Guid& id, std::string_view settings,
                                        Handle network)
{
    auto m = moment();
    if (!m.ok())
        return m.status();
    return (*m)->create(kind, id, settings, network);
}

Result<Handle> RecordingHostApi::open(ResourceKind kind, const Guid& id)
{
    auto m = moment();
    if (!m.ok())
        return m.status();
    return (*m)->open(kind, id);
}

Status RecordingHostApi::modify(ResourceKind kind, Handle handle, std::string_view settings)
{
    auto m = moment();
    if (!m.ok())
        return m.status();
    return (*m)->modify(kind, handle, settings);
}

Result<std::string> RecordingHostApi::query(ResourceKind kind, Handle handle, std::string_view query)
{
    auto m = moment();
    if (!m.ok())
        return m.status();
    return (*m)->query(kind, handle, query);
}

Status RecordingHostApi::remove(ResourceKind kind, const Guid& id)
{
    auto m = moment();
    if (!m.ok())
        return m.status();
    return (*m)->remove(kind, id);
}

Status RecordingHostApi::close(ResourceKind kind, Handle handle)
{
    auto m = moment();
    if (!m.ok())
        return m.status();
    return (*m)->close(kind, handle);
}

Result<Guid> RecordingHostApi::handleId(ResourceKind kind, Handle handle)
{
    auto m = moment();
    if (!m.ok())
        return m.status();
    return (*m)->handleId(kind, handle);
}

Result<SubscriptionId> RecordingHostApi::subscribe(std::function<void(const Notification&)>,
                                                   SubscriptionScope)
{
    return SubscriptionId(1);
}

void RecordingHostApi::unsubscribe(SubscriptionId) {}

Result<ReservationId> RecordingHostApi::reservePort(Handle guestNetworkService, PortProtocol protocol,
                                                    PortAccess access, std::uint16_t port)
{
    auto m = moment();
    if (!m.ok())
        return m.status();
    return (*m)->reservePort(guestNetworkService, protocol, access, port);
}

Result<PortReservation> RecordingHostApi::reservePortRange(Handle guestNetworkService, std::uint16_t count)
{
    auto m = moment();
    if (!m.ok())
        return m.status();
    return (*m)->reservePortRange(guestNetworkService, count);
}

Status RecordingHostApi::releasePortReservation(ReservationId reservation)
{
    auto m = moment();
    if (!m.ok())
        return m.status();
    return (*m)->releasePortReservation(reservation);
}

Result<std::vector<PortReservation>> RecordingHostApi::portReservations()
{
    auto m = moment();
    if (!m.ok())
        return m.status();
    return (*m)->portReservations();
}

Result<std::string> RecordingHostApi::queryEndpointStats(Handle endpoint, std::string_view query)
{
    auto m = moment();
    if (!m.ok())
        return m.status();
    return (*m)->queryEndpointStats(endpoint, query);
}

Result<ApiInfo> RecordingHostApi::info()
{
    auto m = moment();
    if (!m.ok())
        return m.status();
    auto info = (*m)->info();
    if (info.ok()) {
        info->endpoint = m_endpoint;
        info->description = m_description;
        info->readOnly = true;
    }
    return info;
}

Result<std::string> RecordingHostApi::snapshot(std::string_view query)
{
    auto m = moment();
    if (!m.ok())
        return m.status();
    return (*m)->snapshot(query);
}

} // namespace hcn
