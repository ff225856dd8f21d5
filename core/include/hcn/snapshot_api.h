#pragma once
// SnapshotApi: a read-only hcn::Api over a snapshot document, the way an offline dump of a host is
// served (Api::snapshot(), hcnd.snapshot, the console's File > Export all). The format is described in
// docs/snapshots.md. Objects are kept exactly as the document gives them: a host's broken state
// (dangling references, duplicate addresses, missing fields, IDs in any case) loads; only an object
// without a usable "ID" is skipped, with a load warning. Reads answer as the engine's do (the same
// Filter matching and query shaping); every write fails with kSnapshotReadOnly.

#include "hcn/api.h"
#include "hcn/json_limits.h"

#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace hcn {

/// The one error every write to a snapshot answers (E_ACCESSDENIED, see docs/inferred-behaviours.md).
inline constexpr HResult kSnapshotReadOnly = hr::AccessDenied;

class SnapshotApi final : public Api
{
public:
    /// Loads a parsed snapshot document. `source` names where it came from (a file name) in info().
    /// Fails with HCN_E_INVALID_JSON when the document is not an object or a section is not an array.
    static Result<std::shared_ptr<SnapshotApi>> fromDocument(const nlohmann::json& document,
                                                             std::string source = {});
    /// Parses snapshot text with the JSON depth limit every outside document gets, then loads it.
    static Result<std::shared_ptr<SnapshotApi>> fromText(std::string_view text, std::string source = {},
                                                         int maxDepth = kDefaultMaxJsonDepth);

    ~SnapshotApi() override;

    /// Why objects of the document were skipped ("Endpoints[3]: no usable \"ID\"; skipped."), in order.
    const std::vector<std::string>& loadWarnings() const;

    Result<std::string> enumerate(ResourceKind kind, std::string_view query) override;
    /// Fails with kSnapshotReadOnly.
    Result<Handle> create(ResourceKind kind, const Guid& id, std::string_view settings,
                          Handle network) override;
    Result<Handle> open(ResourceKind kind, const Guid& id) override;
    /// Fails with kSnapshotReadOnly.
    Status modify(ResourceKind kind, Handle handle, std::string_view settings) override;
    /// With Detailed: the Resources (namespaces: ResourceCounts) block the document recorded when it was
    /// exported with Detailed, else the one the engine derives from the snapshot's references, without
    /// what only the engine's bookkeeping knows (subnet and MAC pool usage, port mappings, reservations).
    Result<std::string> query(ResourceKind kind, Handle handle, std::string_view query) override;
    /// Fails with kSnapshotReadOnly.
    Status remove(ResourceKind kind, const Guid& id) override;
    Status close(ResourceKind kind, Handle handle) override;
    Result<Guid> handleId(ResourceKind kind, Handle handle) override;

    /// Succeeds; the callback never runs, since nothing in a snapshot changes.
    Result<SubscriptionId> subscribe(std::function<void(const Notification&)> callback,
                                     SubscriptionScope scope) override;
    void unsubscribe(SubscriptionId id) override;

    /// Fail with kSnapshotReadOnly.
    Result<ReservationId> reservePort(Handle guestNetworkService, PortProtocol protocol, PortAccess access,
                                      std::uint16_t port) override;
    Result<PortReservation> reservePortRange(Handle guestNetworkService, std::uint16_t count) override;
    Status releasePortReservation(ReservationId reservation) override;
    /// Empty: a snapshot does not record port reservations as such.
    Result<std::vector<PortReservation>> portReservations() override;

    /// Fails with kSnapshotReadOnly: a snapshot holds no datapath counters.
    Result<std::string> queryEndpointStats(Handle endpoint, std::string_view query) override;

    /// readOnly, a description naming the source, the document's HnsVersion/SchemaVersion (the engine's
    /// defaults when absent), sequence 0 and the object counts.
    Result<ApiInfo> info() override;
    /// Every object's document rendered with `query`, as Engine::snapshot lays it out.
    Result<std::string> snapshot(std::string_view query) override;

private:
    struct Impl;
    explicit SnapshotApi(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace hcn
