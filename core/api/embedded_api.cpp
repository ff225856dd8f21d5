// EmbeddedApi: each call forwards to the in-process engine.

#include "hcn/embedded_api.h"

#include <cstdlib>

namespace hcn {

namespace {

/// An optional version variable: unset or empty keeps the default.
Status readVersion(const char* variable, const char* example, SchemaVersion& out)
{
    const char* text = std::getenv(variable);
    if (!text || !*text)
        return Status::success();
    auto parsed = SchemaVersion::parse(text);
    if (!parsed)
        return Status(hr::InvalidArg, std::string(variable) + " \"" + text + "\" is not a version such as " +
                                          example + " (major.minor).");
    out = *parsed;
    return Status::success();
}

} // namespace

Result<EngineOptions> engineOptionsFromEnvironment()
{
    EngineOptions options;
    auto host = HostEnvironment::load(); // HCN_SIM_ENVIRONMENT, else the default host
    if (!host.ok())
        return host.status();
    options.host = std::move(*host);
    if (Status s = readVersion("HCN_HNS_VERSION", "15.4", options.hnsVersion); !s.ok())
        return s;
    if (Status s = readVersion("HCN_SCHEMA_VERSION", "2.11", options.schemaVersion); !s.ok())
        return s;
    return options;
}

EmbeddedApi::EmbeddedApi(EngineOptions options)
    : m_engine(options),
      m_datapathName(options.datapath ? std::string(options.datapath->name()) : "simulated")
{}

EmbeddedApi::~EmbeddedApi()
{
    std::set<SubscriptionId> remaining;
    {
        std::lock_guard lock(m_subscriptionsMutex);
        remaining.swap(m_subscriptions);
    }
    for (SubscriptionId id : remaining)
        m_engine.unsubscribe(id);
}

Result<std::string> EmbeddedApi::enumerate(ResourceKind kind, std::string_view query)
{
    return m_engine.enumerate(kind, query);
}

Result<Handle> EmbeddedApi::create(ResourceKind kind, const Guid& id, std::string_view settings,
                                   Handle network)
{
    return m_engine.create(kind, id, settings, network);
}

Result<Handle> EmbeddedApi::open(ResourceKind kind, const Guid& id)
{
    return m_engine.open(kind, id);
}

Status EmbeddedApi::modify(ResourceKind kind, Handle handle, std::string_view settings)
{
    return m_engine.modify(kind, handle, settings);
}

Result<std::string> EmbeddedApi::query(ResourceKind kind, Handle handle, std::string_view query)
{
    return m_engine.query(kind, handle, query);
}

Status EmbeddedApi::remove(ResourceKind kind, const Guid& id)
{
    return m_engine.remove(kind, id);
}

Status EmbeddedApi::close(ResourceKind kind, Handle handle)
{
    return m_engine.close(kind, handle);
}

Result<Guid> EmbeddedApi::handleId(ResourceKind kind, Handle handle)
{
    return m_engine.handleId(kind, handle);
}

Result<SubscriptionId> EmbeddedApi::subscribe(std::function<void(const Notification&)> callback,
                                              SubscriptionScope scope)
{
    // Under the mutex, so the destructor cannot miss a subscription made concurrently.
    std::lock_guard lock(m_subscriptionsMutex);
    const SubscriptionId id = m_engine.subscribe(std::move(callback), std::move(scope));
    m_subscriptions.insert(id);
    return id;
}

void EmbeddedApi::unsubscribe(SubscriptionId id)
{
    {
        std::lock_guard lock(m_subscriptionsMutex);
        m_subscriptions.erase(id);
    }
    // Outside the mutex: this waits for a running callback, which may itself subscribe.
    m_engine.unsubscribe(id);
}

Result<ReservationId> EmbeddedApi::reservePort(Handle guestNetworkService, PortProtocol protocol,
                                               PortAccess access, std::uint16_t port)
{
    return m_engine.reservePort(guestNetworkService, protocol, access, port);
}

Result<PortReservation> EmbeddedApi::reservePortRange(Handle guestNetworkService, std::uint16_t count)
{
    return m_engine.reservePortRange(guestNetworkService, count);
}

Status EmbeddedApi::releasePortReservation(ReservationId reservation)
{
    return m_engine.releasePortReservation(reservation);
}

Result<std::vector<PortReservation>> EmbeddedApi::portReservations()
{
    return m_engine.portReservations();
}

Result<std::string> EmbeddedApi::queryEndpointStats(Handle endpoint, std::string_view query)
{
    return m_engine.queryEndpointStats(endpoint, query);
}

Result<ApiInfo> EmbeddedApi::info()
{
    ApiInfo about;
    about.hnsVersion = m_engine.hnsVersion();
    about.schemaVersion = m_engine.schemaVersion();
    about.endpoint = "embedded engine";
    about.datapath = m_datapathName;
    about.sequence = m_engine.lastSequence();
    about.counts = m_engine.counts();
    return about;
}

Result<std::string> EmbeddedApi::snapshot(std::string_view query)
{
    return m_engine.snapshot(query);
}

} // namespace hcn
