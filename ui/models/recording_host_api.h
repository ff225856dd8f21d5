#pragma once
// RecordingHostApi: the read-only host a recording shows (docs/recordings.md). It answers every call
// from the host at the moment chosen on the timeline: an hcn::SnapshotApi over that moment's snapshot
// (built off the GUI thread as an offline snapshot is, ui/models/offline_snapshot.h). Moving to another
// moment swaps that API in; the mirror's resync then reads it and shows only the differences, so the
// tree keeps its selection and expansion while the user scrubs. Safe from any thread.

#include "hcn/api.h"

#include <memory>
#include <mutex>
#include <string>

namespace hcn::ui {

class RecordingHostApi final : public Api
{
public:
    /// `moment` answers until setMoment() swaps another in; `endpoint` ("recording:office.hcnrec") and
    /// `description` are what info() says in the title and the status bar.
    RecordingHostApi(std::shared_ptr<Api> moment, std::string endpoint, std::string description);

    /// The host at another moment answers from now on.
    void setMoment(std::shared_ptr<Api> moment);
    std::shared_ptr<Api> moment() const;

    Result<std::string> enumerate(ResourceKind kind, std::string_view query) override;
    Result<Handle> create(ResourceKind kind, const Guid& id, std::string_view settings,
                          Handle network) override;
    Result<Handle> open(ResourceKind kind, const Guid& id) override;
    Status modify(ResourceKind kind, Handle handle, std::string_view settings) override;
    Result<std::string> query(ResourceKind kind, Handle handle, std::string_view query) override;
    Status remove(ResourceKind kind, const Guid& id) override;
    Status close(ResourceKind kind, Handle handle) override;
    Result<Guid> handleId(ResourceKind kind, Handle handle) override;
    /// Succeeds; the callback never runs: a moment changes only when the user moves to another.
    Result<SubscriptionId> subscribe(std::function<void(const Notification&)> callback,
                                     SubscriptionScope scope) override;
    void unsubscribe(SubscriptionId id) override;
    Result<ReservationId> reservePort(Handle guestNetworkService, PortProtocol protocol, PortAccess access,
                                      std::uint16_t port) override;
    Result<PortReservation> reservePortRange(Handle guestNetworkService, std::uint16_t count) override;
    Status releasePortReservation(ReservationId reservation) override;
    Result<std::vector<PortReservation>> portReservations() override;
    Result<std::string> queryEndpointStats(Handle endpoint, std::string_view query) override;
    /// The moment's info with this recording's endpoint and description.
    Result<ApiInfo> info() override;
    Result<std::string> snapshot(std::string_view query) override;

private:
    mutable std::mutex m_mutex;
    std::shared_ptr<Api> m_moment;
    const std::string m_endpoint;
    const std::string m_description;
};

} // namespace hcn::ui
