#pragma once
// hcn::Api: the HCN call surface every client of the product programs against. Two implementations:
// EmbeddedApi (an engine inside the process, hcn/embedded_api.h) and RpcClient (a connection to a
// running hcnd, hcn/rpc_client.h). The C API, hcnctl and the console take an Api and never care which.
// Documents in and out are HCN JSON text, the HRESULTs and error messages are the engine's.

#include "hcn/engine.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace hcn {

/// What a client learns about the service it talks to.
struct ApiInfo
{
    SchemaVersion hnsVersion;
    SchemaVersion schemaVersion;
    /// "embedded engine", "unix:/run/hcn/hcnd.sock", "tls:host:port" ...
    std::string endpoint;
    /// The datapath backend the service programs ("simulated" ...).
    std::string datapath;
    /// The sequence number of the last notification the service queued (Engine::lastSequence).
    std::uint64_t sequence = 0;
    /// How many objects and open handles the service holds right now (Engine::counts).
    EngineCounts counts;
    /// True when every write fails (an offline snapshot, hcn/snapshot_api.h).
    bool readOnly = false;
    /// One line for users about what answers, e.g. "offline read-only snapshot of host X (file.json)".
    std::string description;
};

class Api
{
public:
    virtual ~Api() = default;

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

    /// The callback runs on the implementation's delivery thread, never under one of its locks, in
    /// stream order. A lost service connection is reported as a ServiceDisconnect notification.
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

    /// Versions, where the calls go, and the service's current sequence number and counts. Fails only
    /// when a service cannot be reached.
    virtual Result<ApiInfo> info() = 0;

    /// Every object's document in one JSON object:
    /// {"HnsVersion":{"Major","Minor"},"SchemaVersion":{..},"Networks":[..],"Endpoints":[..],
    ///  "Namespaces":[..],"LoadBalancers":[..],"SdnRoutes":[..],"GuestNetworkServices":[..]}
    /// `query` is the HostComputeQuery each document is rendered with (its SchemaVersion picks v1 or v2
    /// output; empty: v2). EmbeddedApi and RpcClient answer it from one engine call under one lock (a
    /// consistent cut; a service in one round trip). This default, for other implementations, enumerates,
    /// opens and queries object by object and is not atomic across objects. Either way: subscribe first
    /// and apply later events on top to converge.
    virtual Result<std::string> snapshot(std::string_view query);

    /// Re-establishes a lost service connection. Subscriptions and handles of the old connection are
    /// gone: subscribe again. An embedded engine has nothing to re-establish and reports success.
    virtual Status reconnect() { return Status::success(); }
};

} // namespace hcn
