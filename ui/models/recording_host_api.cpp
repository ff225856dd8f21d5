#include "recording_host_api.h"

namespace hcn::ui {

RecordingHostApi::RecordingHostApi(std::shared_ptr<Api> moment, std::string endpoint, std::string description)
    : m_moment(std::move(moment)), m_endpoint(std::move(endpoint)), m_description(std::move(description))
{}

void RecordingHostApi::setMoment(std::shared_ptr<Api> moment)
{
    std::lock_guard lock(m_mutex);
    m_moment = std::move(moment);
}

std::shared_ptr<Api> RecordingHostApi::moment() const
{
    std::lock_guard lock(m_mutex);
    return m_moment;
}

Result<std::string> RecordingHostApi::enumerate(ResourceKind kind, std::string_view query)
{
    return moment()->enumerate(kind, query);
}

Result<Handle> RecordingHostApi::create(ResourceKind kind, const Guid& id, std::string_view settings,
                                        Handle network)
{
    return moment()->create(kind, id, settings, network);
}

Result<Handle> RecordingHostApi::open(ResourceKind kind, const Guid& id)
{
    return moment()->open(kind, id);
}

Status RecordingHostApi::modify(ResourceKind kind, Handle handle, std::string_view settings)
{
    return moment()->modify(kind, handle, settings);
}

Result<std::string> RecordingHostApi::query(ResourceKind kind, Handle handle, std::string_view query)
{
    return moment()->query(kind, handle, query);
}

Status RecordingHostApi::remove(ResourceKind kind, const Guid& id)
{
    return moment()->remove(kind, id);
}

Status RecordingHostApi::close(ResourceKind kind, Handle handle)
{
    return moment()->close(kind, handle);
}

Result<Guid> RecordingHostApi::handleId(ResourceKind kind, Handle handle)
{
    return moment()->handleId(kind, handle);
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
    return moment()->reservePort(guestNetworkService, protocol, access, port);
}

Result<PortReservation> RecordingHostApi::reservePortRange(Handle guestNetworkService, std::uint16_t count)
{
    return moment()->reservePortRange(guestNetworkService, count);
}

Status RecordingHostApi::releasePortReservation(ReservationId reservation)
{
    return moment()->releasePortReservation(reservation);
}

Result<std::vector<PortReservation>> RecordingHostApi::portReservations()
{
    return moment()->portReservations();
}

Result<std::string> RecordingHostApi::queryEndpointStats(Handle endpoint, std::string_view query)
{
    return moment()->queryEndpointStats(endpoint, query);
}

Result<ApiInfo> RecordingHostApi::info()
{
    auto info = moment()->info();
    if (info.ok()) {
        info->endpoint = m_endpoint;
        info->description = m_description;
        info->readOnly = true;
    }
    return info;
}

Result<std::string> RecordingHostApi::snapshot(std::string_view query)
{
    return moment()->snapshot(query);
}

} // namespace hcn::ui
