#pragma once
// RecordingHostApi: the read-only host a recording shows (docs/recordings.md). It answers every call
// from the host at one moment of the recording, an hcn::Api (a SnapshotApi over that moment's snapshot);
// setMoment() swaps another moment in. A moment can be given as the way to build its Api: the build
// then runs on the first call that needs it (on the caller's thread), so a viewer that takes the
// moment's HostState straight from the RecordingReader (the console's timeline) pays for a snapshot
// only when something asks the host a question. Safe from any thread; writes fail as the moment's Api
// fails them (kSnapshotReadOnly).

#include "hcn/api.h"

#include <functional>
#include <memory>
#include <mutex>
#include <string>

namespace hcn {

class RecordingHostApi final : public Api
{
public:
    /// Builds a moment's Api.
    using MomentBuilder = std::function<Result<std::shared_ptr<Api>>()>;

    /// `moment` answers until setMoment() swaps another in; `endpoint` ("recording:office.hcnrec") and
    /// `description` are what info() says in the title and the status bar.
    RecordingHostApi(std::shared_ptr<Api> moment, std::string endpoint, std::string description);

    /// The host at another moment answers from now on.
    void setMoment(std::shared_ptr<Api> moment);
    /// The same, built by `build` on the first call that needs it; a failed build fails that call and
    /// is tried again by the next.
    void setMoment(MomentBuilder build);
    /// The moment's Api (built now when it was given as a builder).
    Result<std::shared_ptr<Api>> moment();

    Result<std::string> enumerate(ResourceKind kind, std::string_view query) override;
    Result<Handle> create(ResourceKind kind, const Guid& id, std::string_view settings,
                          Handle network) override;
    Result<Handle> open(ResourceKind kind, const Guid& id) override;
    Status modify(ResourceKind kind, Handle handle, std::string_view settings) override;
    Result<std::string> query(ResourceKind kind, Handle handle, std::string_view query) override;
    Status remove(ResourceKind kind, const Guid& id) override;
    Status close(ResourceKind kind, Handle handle) override;
    Result<Guid> handleId(ResourceKind kind, Handle handle) override;
    /// Succeeds; the callback never runs: a moment changes only when the viewer moves to another.
    Result<SubscriptionId> subscribe(std::function<void(const Notification&)> callback,
                                     SubscriptionScope scope) override;
    void unsubscribe(SubscriptionId id) override;
    Result<ReservationId> reservePort(Handle guestNetworkService, PortProtocol protocol, PortAccess access,
                                      std::uint16_t port) override;
    Result<PortReservation> reservePortRange(Handle guestNetworkService, std::uint16_t count) override;
    Status releasePortReservation(ReservationId reservation) override;
    Result<std::vector<PortReservation>> portReservations() override;
    Result<std::string> queryEndpointStats(Handle endpoint, std::string_view query) override;
    /// The moment's info with this recording's endpoint and description, read-only.
    Result<ApiInfo> info() override;
    Result<std::string> snapshot(std::string_view query) override;

private:
    std::mutex m_mutex;
    std::shared_ptr<Api> m_moment;
    MomentBuilder m_build;          ///< set while the moment is not built yet
    std::uint64_t m_generation = 0; ///< counts setMoment() calls
    const std::string m_endpoint;
    const std::string m_description;
};

} // namespace hcn
