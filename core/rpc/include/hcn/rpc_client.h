#pragma once
// RpcClient: hcn::Api over a connection to a running hcnd (docs/rpc.md). Thread-safe: any thread may
// call; calls from several threads are pipelined on the one connection, and each call is written and
// its response read on the calling thread itself. Notifications are delivered on the client's own
// delivery thread, so a callback may make calls. A lost connection fails pending and later calls with
// HCN_E_MANAGER_STOPPED and delivers ServiceDisconnect to every subscriber; reconnect() re-establishes it.

#include "hcn/api.h"

#include <chrono>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

namespace hcn {

struct RpcClientOptions
{
    /// "unix:PATH", a plain PATH, or "tls://HOST:PORT". Empty: defaultSocketPath().
    std::string endpoint;
    /// Bearer token for the TLS listener (hcnd.authenticate); ignored on a Unix socket.
    std::string token;
    /// PEM file of the CA that signed the server's certificate (TLS). Empty: the system store.
    std::string caFile;
    /// Verify the server's certificate and host name (TLS).
    bool verifyPeer = true;
    /// How long a call waits for its response before failing with HRESULT_FROM_WIN32(ERROR_TIMEOUT).
    std::chrono::milliseconds callTimeout{30000};
    std::size_t maxMessageBytes = 16u * 1024u * 1024u;
    /// After sending a request, how long the caller polls for the response before sleeping in poll()
    /// (0: sleep at once). It pays where a sleeping CPU wakes more slowly than a small call is answered;
    /// a caller whose responses do not come in time backs off. docs/rpc.md, "Staying awake".
    std::chrono::microseconds spinBeforeBlocking{50};
    /// Reported to the service in hcnd.hello ("hcnctl/1.0", "hcn-console/1.0" ...).
    std::string clientName = "hcn-client";
};

/// /run/hcn/hcnd.sock for root, $XDG_RUNTIME_DIR/hcnd.sock otherwise (/tmp/hcnd-UID.sock without it).
std::string defaultSocketPath();

class RpcClient final : public Api
{
public:
    /// Connects and says hello. Fails with a readable message naming the endpoint when the service
    /// is not there, refuses the peer, or speaks another protocol version.
    static Result<std::unique_ptr<RpcClient>> connect(RpcClientOptions options);
    ~RpcClient() override;

    Result<std::string> enumerate(ResourceKind kind, std::string_view query) override;
    Result<Handle> create(ResourceKind kind, const Guid& id, std::string_view settings,
                          Handle network) override;
    Result<Handle> open(ResourceKind kind, const Guid& id) override;
    Status modify(ResourceKind kind, Handle handle, std::string_view settings) override;
    Result<std::string> query(ResourceKind kind, Handle handle, std::string_view query) override;
    Status remove(ResourceKind kind, const Guid& id) override;
    Status close(ResourceKind kind, Handle handle) override;
    /// Answered without a round trip for handles this client created, or opened by ID.
    Result<Guid> handleId(ResourceKind kind, Handle handle) override;

    Result<SubscriptionId> subscribe(std::function<void(const Notification&)> callback,
                                     SubscriptionScope scope) override;
    void unsubscribe(SubscriptionId id) override;

    Result<ReservationId> reservePort(Handle guestNetworkService, PortProtocol protocol, PortAccess access,
                                      std::uint16_t port) override;
    Result<PortReservation> reservePortRange(Handle guestNetworkService, std::uint16_t count) override;
    Status releasePortReservation(ReservationId reservation) override;
    Result<std::vector<PortReservation>> portReservations() override;

    Result<std::string> queryEndpointStats(Handle endpoint, std::string_view query) override;
    Result<ApiInfo> info() override;
    /// One hcnd.snapshot round trip.
    Result<std::string> snapshot(std::string_view query) override;
    Status reconnect() override;

    /// A raw JSON-RPC call (hcnctl call/batch): `params` and the result as JSON text. A JSON-RPC error
    /// comes back as a failed Result carrying the HRESULT (or the protocol error as E_INVALIDARG/E_FAIL
    /// with the server's message).
    Result<std::string> call(std::string_view method, std::string_view paramsJson);

    bool connected() const;
    const RpcClientOptions& options() const;

private:
    RpcClient();
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace hcn
