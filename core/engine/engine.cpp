// Engine: the public HCN calls. Parses and normalizes documents outside the lock, runs the kind's
// operation inside one transaction under the state lock, publishes notifications in commit order.

#include "hcn/engine.h"

#include "common/handle_status.h"
#include "common/json_type_guard.h"
#include "common/log.h"
#include "engine/engine_state.h"
#include "engine/feature_gates.h"
#include "engine/handle_table.h"
#include "engine/notification_dispatcher.h"
#include "engine/operations.h"
#include "engine/query.h"
#include "engine/transaction.h"
#include "hcn/schema_normalizer.h"
#include "hcn/simulated_datapath.h"
#include "hcn/v1_conversion.h"

#include <algorithm>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>

namespace hcn {

// Named rather than anonymous: Engine::Impl holds a DocumentTexts, and in a batch (HCN_UNITY_BUILD) this
// file is an included one, where GCC warns about a member whose type has internal linkage.
namespace engine_detail {

/// The text of stored documents as the default Query answers them (v2, not Detailed: the document as
/// stored), so that a document nobody changed is not serialized again for every query.
///
/// Invariant: stored documents change only inside Engine::create, modify and remove (their operations
/// and rollbacks), which hold the state lock exclusively and advance the engine's generation before
/// changing anything. A query holds the state lock shared, so while it runs neither any document nor
/// the generation can change: a text stored under the current generation is the text of the document
/// as it is. Texts are keyed by the document's address, unique among the live objects of one
/// generation (deleting an object advances the generation too). Concurrent queries share the cache
/// under its own mutex, held to look up, copy or store a text but never while serializing; two that
/// miss at once store the same text.
class DocumentTexts
{
public:
    std::string get(const Json& doc, std::uint64_t generation)
    {
        {
            std::lock_guard lock(m_mutex);
            if (m_generation == generation)
                if (auto it = m_texts.find(&doc); it != m_texts.end())
                    return it->second;
        }
        std::string text = doc.dump();
        std::lock_guard lock(m_mutex);
        // The first text of a generation, or a full cache: what is kept is stale or least likely needed.
        if (m_generation != generation || m_texts.size() >= kMaxTexts) {
            m_texts.clear();
            m_generation = generation;
        }
        m_texts.emplace(&doc, text);
        return text;
    }

private:
    /// Hosts hold up to 100,000 documents: the cache keeps the texts of the ones queried lately, not all.
    static constexpr std::size_t kMaxTexts = 4096;
    std::mutex m_mutex;
    std::uint64_t m_generation = 0;
    std::unordered_map<const Json*, std::string> m_texts;
};

} // namespace engine_detail

struct Engine::Impl
{
    explicit Impl(EngineOptions options) : log(componentLogger("hcn.engine"))
    {
        datapath = options.datapath ? options.datapath : std::make_shared<SimulatedDatapath>();
        state.options = std::move(options);
        state.options.maxJsonDepth = std::clamp(state.options.maxJsonDepth, 1, kMaxConfigurableJsonDepth);
        state.options.datapath = datapath;
    }

    mutable std::shared_mutex mutex;
    EngineState state;
    HandleTable handles;
    std::shared_ptr<Datapath> datapath;
    NotificationDispatcher dispatcher;
    std::shared_ptr<spdlog::logger> log;
    bool stopped = false;
    /// Advanced (under the exclusive lock) by every call that may change a stored document; read under
    /// the shared lock by queries. See DocumentTexts.
    std::uint64_t generation = 1;
    engine_detail::DocumentTexts texts;

    Status stoppedStatus() const { return Status(hr::ManagerStopped, "the HCN service has been shut down."); }

    /// The object behind an open handle, checked for kind and for having been deleted.
    template <typename T> Result<T*> resolve(const ObjectMap<T>& map, ResourceKind kind, Handle handle) const
    {
        const auto* entry = handles.find(handle);
        if (!entry || entry->kind != kind)
            return badHandle(kind);
        auto it = map.find(entry->id);
        if (it == map.end() || it->second->serial != entry->serial)
            return Status(hr::ObjectUsedAfterUnload,
                          std::string(resourceKindName(kind)) + " " + entry->id.toString() + " was deleted.");
        return it->second.get();
    }

    /// The ID of the live object behind a handle.
    Result<Guid> resolveId(ResourceKind kind, Handle handle) const
    {
        Result<Guid> id = badHandle(kind);
        state.withObjects(kind, [&](const auto& map) {
            auto object = resolve(map, kind, handle);
            id = object.ok() ? Result<Guid>((*object)->id) : Result<Guid>(object.status());
        });
        return id;
    }

    std::uint64_t serialOf(ResourceKind kind, const Guid& id) const
    {
        std::uint64_t serial = 0;
        state.withObjects(kind, [&](const auto& map) {
            if (auto it = map.find(id); it != map.end())
                serial = it->second->serial;
        });
        return serial;
    }

    /// Datapath, then notifications in order (still under the state lock, so the stream follows commits).
    Status commit(Transaction& tx)
    {
        if (Status s = tx.commit(*datapath); !s.ok())
            return s;
        for (auto& n : tx.takeNotifications())
            dispatcher.post(n.type, hr::Ok, std::move(n.payload), n.scope);
        return Status::success();
    }

    Status logged(std::string_view call, ResourceKind kind, Status status) const
    {
        if (!status.ok())
            log->debug("{}{} failed: {} {}", call, resourceKindName(kind), hresultName(status.code()),
                       status.message());
        return status;
    }
};

namespace {

/// Parses a create document: v1 shapes are converted, then everything is normalized against the schema.
Status prepareCreateDocument(ResourceKind kind, std::string_view settings, int maxDepth, SchemaJson& doc)
{
    if (Status s = schema::parseObject(settings, doc, maxDepth); !s.ok())
        return s;
    if (schema::isV1Document(doc)) {
        Status s;
        if (kind == ResourceKind::Network)
            s = schema::networkFromV1(doc);
        else if (kind == ResourceKind::Endpoint)
            s = schema::endpointFromV1(doc);
        else if (kind == ResourceKind::Namespace)
            s = schema::namespaceFromV1(doc);
        else if (kind == ResourceKind::LoadBalancer)
            s = schema::loadBalancerFromV1(doc);
        if (!s.ok())
            return s;
    }
    return schema::normalize(doc, resourceKindSchemaType(kind));
}

/// The schema type of a kind's modify request: load balancers and routes take a whole replacement.
std::string_view modifyRequestType(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::Network:
        return "ModifyNetworkSettingRequest";
    case ResourceKind::Endpoint:
        return "ModifyEndpointSettingRequest";
    case ResourceKind::Namespace:
        return "ModifyNamespaceSettingRequest";
    case ResourceKind::GuestNetworkService:
        return "ModifyGuestNetworkServiceSettingRequest";
    case ResourceKind::LoadBalancer:
    case ResourceKind::SdnRoute:
        return resourceKindSchemaType(kind);
    case ResourceKind::Invalid:
        break;
    }
    return {};
}

Status invalidKind()
{
    return Status(hr::InvalidArg, "unknown resource kind.");
}

bool protocolsOverlap(PortProtocol a, PortProtocol b)
{
    return (static_cast<std::uint32_t>(a) & static_cast<std::uint32_t>(b)) != 0;
}

} // namespace

Engine::Engine(EngineOptions options) : m_impl(std::make_unique<Impl>(std::move(options))) {}

Engine::~Engine()
{
    shutdown();
}

Result<std::string> Engine::enumerate(ResourceKind kind, std::string_view queryText)
{
    auto query = parseQuery(queryText, m_impl->state.options.maxJsonDepth);
    if (!query.ok())
        return m_impl->logged("Enumerate", kind, query.status());
    std::shared_lock lock(m_impl->mutex);
    if (m_impl->stopped)
        return m_impl->stoppedStatus();
    auto ids = findObjects(m_impl->state, kind, *query);
    if (!ids.ok())
        return m_impl->logged("Enumerate", kind, ids.status());
    Json out = Json::array();
    for (const auto& id : *ids)
        out.push_back(m_impl->state.document(kind, id)->value("ID", id.toString()));
    return out.dump();
}

Result<Handle> Engine::create(ResourceKind kind, const Guid& id, std::string_view settings, Handle network)
{
    SchemaJson normalized;
    if (Status s = prepareCreateDocument(kind, settings, m_impl->state.options.maxJsonDepth, normalized);
        !s.ok())
        return m_impl->logged("Create", kind, s);
    if (Status s = checkFeatureGates(m_impl->state.options.hnsVersion, kind, normalized, false); !s.ok())
        return m_impl->logged("Create", kind, s);
    Json doc = toStored(normalized);

    std::unique_lock lock(m_impl->mutex);
    if (m_impl->stopped)
        return m_impl->stoppedStatus();
    ++m_impl->generation; // documents may change: every kept document text is stale from here on
    auto& state = m_impl->state;
    Transaction tx(m_impl->dispatcher.hasSubscribers());
    Result<Guid> created = guardJsonTypes("a document", [&]() -> Result<Guid> {
        Result<Guid> result = invalidKind();
        switch (kind) {
        case ResourceKind::Network:
            result = ops::createNetwork(state, tx, id, std::move(doc));
            break;
        case ResourceKind::Endpoint: {
            auto net = m_impl->resolve(state.networks, ResourceKind::Network, network);
            result = net.ok() ? ops::createEndpoint(state, tx, **net, id, std::move(doc))
                              : Result<Guid>(net.status());
            break;
        }
        case ResourceKind::Namespace:
            result = ops::createNamespace(state, tx, id, std::move(doc));
            break;
        case ResourceKind::LoadBalancer:
            result = ops::createLoadBalancer(state, tx, id, std::move(doc));
            break;
        case ResourceKind::GuestNetworkService:
            result = ops::createGuestNetworkService(state, tx, id, std::move(doc));
            break;
        case ResourceKind::SdnRoute:
            result = ops::createRoute(state, tx, id, std::move(doc));
            break;
        case ResourceKind::Invalid:
            break;
        }
        return result;
    });
    if (!created.ok())
        return m_impl->logged("Create", kind, created.status());
    if (Status s = m_impl->commit(tx); !s.ok())
        return m_impl->logged("Create", kind, s);
    m_impl->log->debug("created {} {}", resourceKindName(kind), created->toString());
    return m_impl->handles.open(kind, *created, m_impl->serialOf(kind, *created));
}

Result<Handle> Engine::open(ResourceKind kind, const Guid& id)
{
    std::unique_lock lock(m_impl->mutex);
    if (m_impl->stopped)
        return m_impl->stoppedStatus();
    if (kind == ResourceKind::Invalid)
        return invalidKind();
    if (!m_impl->state.document(kind, id))
        return objectNotFound(kind, id);
    return m_impl->handles.open(kind, id, m_impl->serialOf(kind, id));
}

Status Engine::modify(ResourceKind kind, Handle handle, std::string_view settings)
{
    if (kind == ResourceKind::Invalid)
        return invalidKind();
    SchemaJson normalized;
    if (Status s = schema::parseObject(settings, normalized, m_impl->state.options.maxJsonDepth); !s.ok())
        return m_impl->logged("Modify", kind, s);
    if (kind == ResourceKind::LoadBalancer && schema::isV1Document(normalized)) {
        if (Status s = schema::loadBalancerFromV1(normalized); !s.ok())
            return m_impl->logged("Modify", kind, s);
    }
    if (Status s = schema::normalize(normalized, modifyRequestType(kind)); !s.ok())
        return m_impl->logged("Modify", kind, s);
    if (Status s = checkFeatureGates(m_impl->state.options.hnsVersion, kind, normalized, true); !s.ok())
        return m_impl->logged("Modify", kind, s);
    Json request = toStored(normalized);

    std::unique_lock lock(m_impl->mutex);
    if (m_impl->stopped)
        return m_impl->stoppedStatus();
    ++m_impl->generation; // documents may change: every kept document text is stale from here on
    auto& state = m_impl->state;
    Transaction tx(m_impl->dispatcher.hasSubscribers());
    Status result;
    auto run = [&](const auto& map, auto&& op) {
        auto object = m_impl->resolve(map, kind, handle);
        result = object.ok() ? guardJsonTypes("a document", [&] { return op(**object); }) : object.status();
    };
    switch (kind) {
    case ResourceKind::Network:
        run(state.networks, [&](NetworkObject& o) { return ops::modifyNetwork(state, tx, o, request); });
        break;
    case ResourceKind::Endpoint:
        run(state.endpoints, [&](EndpointObject& o) { return ops::modifyEndpoint(state, tx, o, request); });
        break;
    case ResourceKind::Namespace:
        run(state.namespaces,
            [&](NamespaceObject& o) { return ops::modifyNamespace(state, tx, o, request); });
        break;
    case ResourceKind::LoadBalancer:
        run(state.loadBalancers,
            [&](LoadBalancerObject& o) { return ops::replaceLoadBalancer(state, tx, o, request); });
        break;
    case ResourceKind::GuestNetworkService:
        run(state.guestNetworkServices, [&](GuestNetworkServiceObject& o) {
            return ops::modifyGuestNetworkService(state, tx, o, request);
        });
        break;
    case ResourceKind::SdnRoute:
        run(state.routes, [&](RouteObject& o) { return ops::replaceRoute(state, tx, o, request); });
        break;
    case ResourceKind::Invalid:
        break;
    }
    if (!result.ok())
        return m_impl->logged("Modify", kind, result);
    return m_impl->logged("Modify", kind, m_impl->commit(tx));
}

Result<std::string> Engine::query(ResourceKind kind, Handle handle, std::string_view queryText)
{
    auto query = parseQuery(queryText, m_impl->state.options.maxJsonDepth);
    if (!query.ok())
        return m_impl->logged("Query", kind, query.status());
    std::shared_lock lock(m_impl->mutex);
    if (m_impl->stopped)
        return m_impl->stoppedStatus();
    const EngineState& state = m_impl->state;
    Result<std::string> text = badHandle(kind);
    state.withObjects(kind, [&](const auto& map) {
        auto object = m_impl->resolve(map, kind, handle);
        if (!object.ok()) {
            text = object.status();
            return;
        }
        const auto& o = **object;
        // The default shape (v2, not Detailed) is the stored document as it is: its text is kept.
        if (!query->v1Output() && !query->detailed)
            text = m_impl->texts.get(o.doc, m_impl->generation);
        else
            text = renderDocument(state, kind, o.id, *query).dump();
    });
    if (!text.ok())
        return m_impl->logged("Query", kind, text.status());
    return text;
}

Result<std::string> Engine::snapshot(std::string_view queryText)
{
    static constexpr std::pair<ResourceKind, const char*> kSections[] = {
        {ResourceKind::Network, "Networks"},     {ResourceKind::Endpoint, "Endpoints"},
        {ResourceKind::Namespace, "Namespaces"}, {ResourceKind::LoadBalancer, "LoadBalancers"},
        {ResourceKind::SdnRoute, "SdnRoutes"},   {ResourceKind::GuestNetworkService, "GuestNetworkServices"}};
    auto query = parseQuery(queryText, m_impl->state.options.maxJsonDepth);
    if (!query.ok())
        return query.status();
    auto version = [](SchemaVersion v) { return Json{{"Major", v.major}, {"Minor", v.minor}}; };
    Json out = Json::object();
    out["HnsVersion"] = version(hnsVersion());
    out["SchemaVersion"] = version(schemaVersion());
    {
        std::shared_lock lock(m_impl->mutex);
        if (m_impl->stopped)
            return m_impl->stoppedStatus();
        const EngineState& state = m_impl->state;
        for (const auto& [kind, key] : kSections) {
            auto ids = findObjects(state, kind, ParsedQuery{});
            if (!ids.ok())
                return ids.status();
            Json documents = Json::array();
            documents.get_ref<Json::array_t&>().reserve(ids->size());
            for (const Guid& id : *ids)
                documents.push_back(renderDocument(state, kind, id, *query));
            out[key] = std::move(documents);
        }
    }
    // The documents are copies: the text is written after the lock is released.
    return out.dump();
}

Status Engine::remove(ResourceKind kind, const Guid& id)
{
    std::unique_lock lock(m_impl->mutex);
    if (m_impl->stopped)
        return m_impl->stoppedStatus();
    ++m_impl->generation; // documents may change: every kept document text is stale from here on
    auto& state = m_impl->state;
    Transaction tx(m_impl->dispatcher.hasSubscribers());
    Status result = invalidKind();
    switch (kind) {
    case ResourceKind::Network:
        result = ops::deleteNetwork(state, tx, id);
        break;
    case ResourceKind::Endpoint:
        result = ops::deleteEndpoint(state, tx, id);
        break;
    case ResourceKind::Namespace:
        result = ops::deleteNamespace(state, tx, id);
        break;
    case ResourceKind::LoadBalancer:
        result = ops::deleteLoadBalancer(state, tx, id);
        break;
    case ResourceKind::GuestNetworkService:
        result = ops::deleteGuestNetworkService(state, tx, id);
        break;
    case ResourceKind::SdnRoute:
        result = ops::deleteRoute(state, tx, id);
        break;
    case ResourceKind::Invalid:
        break;
    }
    if (!result.ok())
        return m_impl->logged("Delete", kind, result);
    return m_impl->logged("Delete", kind, m_impl->commit(tx));
}

Status Engine::close(ResourceKind kind, Handle handle)
{
    std::unique_lock lock(m_impl->mutex);
    if (m_impl->stopped)
        return m_impl->stoppedStatus();
    const auto* entry = m_impl->handles.find(handle);
    if (!entry || entry->kind != kind)
        return badHandle(kind);
    m_impl->handles.close(handle);
    return Status::success();
}

Result<Guid> Engine::handleId(ResourceKind kind, Handle handle) const
{
    std::shared_lock lock(m_impl->mutex);
    const auto* entry = m_impl->handles.find(handle);
    if (!entry || entry->kind != kind)
        return badHandle(kind);
    return entry->id;
}

SubscriptionId Engine::subscribe(std::function<void(const Notification&)> callback, SubscriptionScope scope)
{
    // Under the state lock: a mutating call decides whether to build payloads while holding it
    // exclusively, so no subscriber can appear between that decision and the post.
    std::shared_lock lock(m_impl->mutex);
    NotificationDispatcher::Scope s{NotificationDispatcher::ScopeKind::Service, Guid{}};
    if (scope.guestNetworkService)
        s = {NotificationDispatcher::ScopeKind::GuestNetworkService, *scope.guestNetworkService};
    else if (scope.network)
        s = {NotificationDispatcher::ScopeKind::Network, *scope.network};
    return m_impl->dispatcher.subscribe(std::move(callback), s);
}

void Engine::unsubscribe(SubscriptionId id)
{
    m_impl->dispatcher.unsubscribe(id);
}

Result<ReservationId> Engine::reservePort(Handle guestNetworkService, PortProtocol protocol,
                                          PortAccess access, std::uint16_t port)
{
    if (port == 0)
        return Status(hr::InvalidArg, "port 0 cannot be reserved.");
    if (protocol < PortProtocol::Tcp || protocol > PortProtocol::Both || access < PortAccess::Exclusive ||
        access > PortAccess::Shared)
        return Status(hr::InvalidArg, "unknown port protocol or access value.");
    std::unique_lock lock(m_impl->mutex);
    if (m_impl->stopped)
        return m_impl->stoppedStatus();
    auto& state = m_impl->state;
    auto gns =
        m_impl->resolve(state.guestNetworkServices, ResourceKind::GuestNetworkService, guestNetworkService);
    if (!gns.ok())
        return gns.status();
    for (const auto& [id, record] : state.portReservations) {
        const auto& other = record.info;
        const bool overlaps = port >= other.startingPort && port <= other.endingPort;
        const bool exclusive = access == PortAccess::Exclusive || other.access == PortAccess::Exclusive;
        if (overlaps && exclusive && protocolsOverlap(protocol, other.protocol))
            return Status(hr::AddressInUse,
                          "port " + std::to_string(port) + " is already reserved" +
                              (other.access == PortAccess::Exclusive ? " exclusively" : "") + ".");
    }
    PortReservationRecord record;
    record.service = (*gns)->id;
    record.info.id = state.nextReservation++;
    record.info.targetPartitionId = (*gns)->id;
    record.info.owningPartitionId =
        Guid::parse((*gns)->doc.value("VirtualMachineId", "")).value_or((*gns)->id);
    record.info.protocol = protocol;
    record.info.access = access;
    record.info.startingPort = record.info.endingPort = port;
    state.portReservations.emplace(record.info.id, record);
    return record.info.id;
}

Result<PortReservation> Engine::reservePortRange(Handle guestNetworkService, std::uint16_t count)
{
    constexpr std::uint32_t kFirstDynamic = 49152, kLastDynamic = 65535;
    if (count == 0)
        return Status(hr::InvalidArg, "a port range needs at least one port.");
    std::unique_lock lock(m_impl->mutex);
    if (m_impl->stopped)
        return m_impl->stoppedStatus();
    auto& state = m_impl->state;
    auto gns =
        m_impl->resolve(state.guestNetworkServices, ResourceKind::GuestNetworkService, guestNetworkService);
    if (!gns.ok())
        return gns.status();
    // First fit: walk the reservations in port order and take the first gap that is large enough.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> taken;
    for (const auto& [id, record] : state.portReservations)
        taken.emplace_back(record.info.startingPort, record.info.endingPort);
    std::sort(taken.begin(), taken.end());
    std::uint32_t start = kFirstDynamic;
    for (const auto& [first, last] : taken) {
        if (last < start)
            continue;
        if (first >= start + count)
            break;
        start = last + 1;
    }
    if (start + count - 1 > kLastDynamic)
        return Status(hr::AddressInUse,
                      "no " + std::to_string(count) + " contiguous free ports are left in 49152-65535.");
    PortReservationRecord record;
    record.service = (*gns)->id;
    record.info.id = state.nextReservation++;
    record.info.targetPartitionId = (*gns)->id;
    record.info.owningPartitionId =
        Guid::parse((*gns)->doc.value("VirtualMachineId", "")).value_or((*gns)->id);
    record.info.protocol = PortProtocol::Both;
    record.info.access = PortAccess::Exclusive;
    record.info.reservationType = 1;
    record.info.startingPort = static_cast<std::uint16_t>(start);
    record.info.endingPort = static_cast<std::uint16_t>(start + count - 1);
    state.portReservations.emplace(record.info.id, record);
    return record.info;
}

Status Engine::releasePortReservation(ReservationId reservation)
{
    std::unique_lock lock(m_impl->mutex);
    if (m_impl->stopped)
        return m_impl->stoppedStatus();
    if (m_impl->state.portReservations.erase(reservation) == 0)
        return Status(hr::Handle, "no port reservation has this handle.");
    return Status::success();
}

std::vector<PortReservation> Engine::portReservations() const
{
    std::shared_lock lock(m_impl->mutex);
    std::vector<PortReservation> out;
    for (const auto& [id, record] : m_impl->state.portReservations)
        out.push_back(record.info);
    return out;
}

Result<std::string> Engine::queryEndpointStats(Handle endpoint, std::string_view queryText)
{
    if (auto query = parseQuery(queryText, m_impl->state.options.maxJsonDepth); !query.ok())
        return query.status();
    std::shared_lock lock(m_impl->mutex);
    if (m_impl->stopped)
        return m_impl->stoppedStatus();
    auto ep = m_impl->resolve(m_impl->state.endpoints, ResourceKind::Endpoint, endpoint);
    if (!ep.ok())
        return ep.status();
    if ((*ep)->remote)
        return Status(hr::InvalidRemoteEndpointOperation, "a remote endpoint has no local port to count.");
    auto counters = m_impl->datapath->endpointCounters((*ep)->id);
    if (!counters.ok())
        return counters.status();
    Json stats{{"EndpointId", (*ep)->doc.value("ID", (*ep)->id.toString())},
               {"BytesReceived", counters->bytesReceived},
               {"BytesSent", counters->bytesSent},
               {"PacketsReceived", counters->packetsReceived},
               {"PacketsSent", counters->packetsSent},
               {"DroppedPacketsIncoming", counters->droppedPacketsIncoming},
               {"DroppedPacketsOutgoing", counters->droppedPacketsOutgoing}};
    // An extension of Windows' document: which backend counts, and where the port is in its own names
    // (docs/inferred-behaviours.md). Names a backend does not have are left out.
    Json datapath{{"Backend", std::string(m_impl->datapath->name())}};
    if (auto port = m_impl->datapath->endpointPort((*ep)->id)) {
        datapath["Attached"] = port->attached;
        for (const auto& [key, value] :
             {std::pair{"HostInterface", &port->hostInterface}, std::pair{"Namespace", &port->namespaceName},
              std::pair{"Interface", &port->namespaceInterface}})
            if (!value->empty())
                datapath[key] = *value;
    }
    stats["Datapath"] = std::move(datapath);
    return stats.dump();
}

void Engine::shutdown()
{
    {
        std::unique_lock lock(m_impl->mutex);
        if (m_impl->stopped)
            return;
        m_impl->stopped = true;
        m_impl->datapath->reset();
        m_impl->dispatcher.post(NotificationType::ServiceDisconnect, hr::Ok, nullptr);
    }
    m_impl->dispatcher.drain();
    m_impl->dispatcher.stop();
}

SchemaVersion Engine::hnsVersion() const
{
    return m_impl->state.options.hnsVersion;
}
SchemaVersion Engine::schemaVersion() const
{
    return m_impl->state.options.schemaVersion;
}
const HostEnvironment& Engine::host() const
{
    return m_impl->state.options.host;
}

EngineCounts Engine::counts() const
{
    std::shared_lock lock(m_impl->mutex);
    const auto& s = m_impl->state;
    return {s.networks.size(), s.endpoints.size(), s.namespaces.size(), s.loadBalancers.size(),
            m_impl->handles.size()};
}

std::uint64_t Engine::lastSequence() const
{
    return m_impl->dispatcher.lastSequence();
}

void Engine::drainNotifications()
{
    m_impl->dispatcher.drain();
}

} // namespace hcn
