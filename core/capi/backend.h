#pragma once
// Backend: what every C API call goes through. Today the in-process engine (EngineBackend); the
// seam exists so a client of the hcnd service can take its place without touching the C functions.

#include "hcn/engine.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace hcn::capi {

class Backend
{
public:
    virtual ~Backend() = default;

    virtual Result<std::string> enumerate(ResourceKind kind, std::string_view query) = 0;
    virtual Result<Handle> create(ResourceKind kind, const Guid& id, std::string_view settings,
                                  Handle network) = 0;
    virtual Result<Handle> open(ResourceKind kind, const Guid& id) = 0;
    virtual Status modify(ResourceKind kind, Handle handle, std::string_view settings) = 0;
    virtual Result<std::string> query(ResourceKind kind, Handle handle, std::string_view query) = 0;
    virtual Status remove(ResourceKind kind, const Guid& id) = 0;
    virtual Status close(ResourceKind kind, Handle handle) = 0;
    /// The ID of the object an open handle names.
    virtual Result<Guid> handleId(ResourceKind kind, Handle handle) = 0;

    /// The callback runs on the backend's delivery thread, never under a backend lock.
    virtual Result<SubscriptionId> subscribe(std::function<void(const Notification&)> callback,
                                             SubscriptionScope scope) = 0;
    /// Returns once the callback is not running (unless called from inside it) and will not run again.
    virtual void unsubscribe(SubscriptionId id) = 0;

    virtual Result<ReservationId> reservePort(Handle guestNetworkService, PortProtocol protocol,
                                              PortAccess access, std::uint16_t port) = 0;
    virtual Result<PortReservation> reservePortRange(Handle guestNetworkService, std::uint16_t count) = 0;
    virtual Status releasePortReservation(ReservationId reservation) = 0;
    virtual Result<std::vector<PortReservation>> portReservations() = 0;

    virtual Result<std::string> queryEndpointStats(Handle endpoint, std::string_view query) = 0;
};

/// The process-wide backend, created on first use (thread-safe). Fails, without caching the failure,
/// when the environment that configures it is invalid.
Result<Backend*> backend();

} // namespace hcn::capi
