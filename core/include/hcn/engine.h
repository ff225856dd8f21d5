#pragma once
// The HCN engine: the semantics of Windows' Host Compute Network service behind plain C++ calls.
// Documents in and out are HCN JSON text, exactly as the computenetwork.h functions take and return them.
// Thread-safe; a failed call changes nothing.

#include "hcn/datapath.h"
#include "hcn/guid.h"
#include "hcn/host_environment.h"
#include "hcn/json_limits.h"
#include "hcn/notification.h"
#include "hcn/resource_kind.h"
#include "hcn/schema_version.h"
#include "hcn/status.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hcn {

/// An open handle (HCN_NETWORK, HCN_ENDPOINT ...). 0 is never a valid handle.
using Handle = std::uint64_t;
using SubscriptionId = std::uint64_t;
/// A guest port reservation (HcnReserveGuestNetworkServicePort*). 0 is never valid.
using ReservationId = std::uint64_t;

/// HCN_PORT_PROTOCOL and HCN_PORT_ACCESS values.
enum class PortProtocol : std::uint32_t
{
    Tcp = 1,
    Udp = 2,
    Both = 3
};
enum class PortAccess : std::uint32_t
{
    Exclusive = 1,
    Shared = 2
};

/// One reservation as HcnEnumerateGuestNetworkPortReservations reports it (HCN_PORT_RANGE_ENTRY).
struct PortReservation
{
    ReservationId id = 0;
    Guid owningPartitionId; ///< the guest network service's VirtualMachineId (its ID when it has none)
    Guid targetPartitionId; ///< the guest network service's ID
    PortProtocol protocol = PortProtocol::Both;
    PortAccess access = PortAccess::Exclusive;
    std::uint64_t priority = 0;
    std::uint32_t reservationType = 0; ///< 0 single port, 1 range
    std::uint16_t startingPort = 0;
    std::uint16_t endingPort = 0; ///< inclusive
};

/// Which notifications a subscription receives.
struct SubscriptionScope
{
    /// Unset: the service-wide stream (HcnRegisterServiceCallback). Set: only that guest network
    /// service's StateChanged / InterfaceStateChanged notifications (HcnRegisterGuestNetworkServiceCallback).
    std::optional<Guid> guestNetworkService;
    /// Set: only NetworkEndpointAttached / NetworkEndpointDetached for endpoints of that network
    /// (the notifications Windows raises "for HCN_NETWORK handles", HcnRegisterNetworkCallback).
    std::optional<Guid> network;
};

struct EngineOptions
{
    HostEnvironment host = HostEnvironment::defaultHost();
    /// Null: a SimulatedDatapath.
    std::shared_ptr<Datapath> datapath;
    /// The emulated HNS service version (GET /globals/version) and the schema version it speaks.
    SchemaVersion hnsVersion{15, 4};
    SchemaVersion schemaVersion{2, 16};
    /// Deleting a network whose endpoints are attached to a namespace: refuse with
    /// HCN_E_ENTITY_HAS_REFERENCES (default) or detach and delete them.
    bool cascadeAttachedEndpointsOnNetworkDelete = false;
    /// Deepest nesting accepted in a Settings or Query document (hcn/json_limits.h).
    int maxJsonDepth = kDefaultMaxJsonDepth;
};

struct EngineCounts
{
    std::size_t networks = 0;
    std::size_t endpoints = 0;
    std::size_t namespaces = 0;
    std::size_t loadBalancers = 0;
    std::size_t openHandles = 0;
};

class Engine
{
public:
    explicit Engine(EngineOptions options = {});
    /// Shuts down (ServiceDisconnect to every subscriber) if shutdown() was not called.
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    /// HcnEnumerate*: a JSON array of GUID strings matching the HostComputeQuery (empty: all).
    Result<std::string> enumerate(ResourceKind kind, std::string_view query);
    /// HcnCreate*: id may be null (the engine or the document's "ID" picks it). Endpoints need the
    /// network handle; other kinds ignore it. Returns an open handle.
    Result<Handle> create(ResourceKind kind, const Guid& id, std::string_view settings, Handle network = 0);
    /// HcnOpen*: unknown namespace -> ERROR_NOT_FOUND (0x80070490); other kinds -> HCN_E_*_NOT_FOUND.
    Result<Handle> open(ResourceKind kind, const Guid& id);
    /// HcnModify*: the kind's modify request (§3); a load balancer takes a whole replacement document.
    Status modify(ResourceKind kind, Handle handle, std::string_view settings);
    /// HcnQuery*Properties: the object's document; the query's SchemaVersion picks v1 or v2 output.
    Result<std::string> query(ResourceKind kind, Handle handle, std::string_view query);
    /// Every object's document in one JSON object, read under one lock (a consistent cut of the state):
    /// {"HnsVersion":{"Major","Minor"},"SchemaVersion":{..},"Networks":[..],"Endpoints":[..],
    ///  "Namespaces":[..],"LoadBalancers":[..],"SdnRoutes":[..],"GuestNetworkServices":[..]}, each array in
    /// HcnEnumerate* order, each document as HcnQuery*Properties renders it with `query`.
    Result<std::string> snapshot(std::string_view query);
    /// HcnDelete*: by ID, no handle needed. Handles to the object then fail with
    /// HCN_E_OBJECT_USED_AFTER_UNLOAD.
    Status remove(ResourceKind kind, const Guid& id);
    /// HcnClose*: releases the handle; the object stays.
    Status close(ResourceKind kind, Handle handle);

    /// The object a handle refers to (for clients that need the ID of what they opened).
    Result<Guid> handleId(ResourceKind kind, Handle handle) const;

    /// Service callbacks. The callback receives every notification posted after subscribe() returns,
    /// on the engine's dispatcher thread, in stream order, never while an engine lock is held, so it
    /// may call back into the engine. Subscribe, then enumerate, to keep a complete copy of the state.
    SubscriptionId subscribe(std::function<void(const Notification&)> callback, SubscriptionScope scope = {});
    /// After this returns the callback is not running and will not run again (unless called from
    /// inside that same callback, where it takes effect after the callback returns).
    void unsubscribe(SubscriptionId id);

    /// Reserves one host port for a guest network service. Exclusive conflicts with any overlapping
    /// reservation of a shared protocol; shared conflicts only with exclusive ones. A conflict fails with
    /// WSAEADDRINUSE (0x80072740).
    Result<ReservationId> reservePort(Handle guestNetworkService, PortProtocol protocol, PortAccess access,
                                      std::uint16_t port);
    /// Reserves `count` contiguous ports (TCP and UDP, exclusive) from the dynamic range 49152-65535;
    /// the reservation's startingPort/endingPort say which.
    Result<PortReservation> reservePortRange(Handle guestNetworkService, std::uint16_t count);
    Status releasePortReservation(ReservationId reservation);
    std::vector<PortReservation> portReservations() const;

    /// Counters of an endpoint's port from the datapath (HcnQueryEndpointStats): JSON
    /// {"EndpointId","BytesReceived","BytesSent","PacketsReceived","PacketsSent","DroppedPacketsIncoming",
    /// "DroppedPacketsOutgoing","Datapath":{"Backend","Attached","HostInterface"?,"Namespace"?,"Interface"?}}
    /// (the "Datapath" member is ours: docs/inferred-behaviours.md).
    Result<std::string> queryEndpointStats(Handle endpoint, std::string_view query);

    /// Stops the service: later calls fail with HCN_E_MANAGER_STOPPED, every subscriber receives
    /// ServiceDisconnect, the datapath is reset. Idempotent.
    void shutdown();

    SchemaVersion hnsVersion() const;
    SchemaVersion schemaVersion() const;
    const HostEnvironment& host() const;
    EngineCounts counts() const;
    /// The sequence number of the last notification queued.
    std::uint64_t lastSequence() const;
    /// Blocks until every queued notification has been delivered (tests, orderly shutdown).
    void drainNotifications();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace hcn
