#pragma once
// EmbeddedApi: hcn::Api served by an hcn::Engine inside the calling process.

#include "hcn/api.h"

#include <memory>
#include <mutex>
#include <set>

namespace hcn {

class EmbeddedApi final : public Api
{
public:
    explicit EmbeddedApi(EngineOptions options = {});
    /// Drops the remaining subscriptions before the engine shuts down, so no client callback runs
    /// while the owner is being destroyed.
    ~EmbeddedApi() override;

    Result<std::string> enumerate(ResourceKind kind, std::string_view query) override;
    Result<Handle> create(ResourceKind kind, const Guid& id, std::string_view settings,
                          Handle network) override;
    Result<Handle> open(ResourceKind kind, const Guid& id) override;
    Status modify(ResourceKind kind, Handle handle, std::string_view settings) override;
    Result<std::string> query(ResourceKind kind, Handle handle, std::string_view query) override;
    Status remove(ResourceKind kind, const Guid& id) override;
    Status close(ResourceKind kind, Handle handle) override;
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
    /// Engine::snapshot: the whole state under one lock.
    Result<std::string> snapshot(std::string_view query) override;

    /// The engine itself, for the owner (hcnd, tests, benchmarks).
    Engine& engine() { return m_engine; }

private:
    Engine m_engine;
    std::string m_datapathName;
    std::mutex m_subscriptionsMutex;
    std::set<SubscriptionId> m_subscriptions;
};

/// Engine options from HCN_SIM_ENVIRONMENT, HCN_HNS_VERSION and HCN_SCHEMA_VERSION (each optional).
Result<EngineOptions> engineOptionsFromEnvironment();

} // namespace hcn
