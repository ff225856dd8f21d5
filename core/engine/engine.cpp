// Engine: the public HCN calls. Parses and normalizes documents outside the lock, runs the kind's
// operation inside one transaction under the state lock, publishes notifications in commit order.

#include "hcn/engine.h"

#include "common/log.h"
#include "engine/engine_state.h"
#include "engine/handle_table.h"
#include "engine/notification_dispatcher.h"
#include "engine/operations.h"
#include "engine/query.h"
#include "engine/transaction.h"
#include "hcn/schema_normalizer.h"
#include "hcn/simulated_datapath.h"
#include "hcn/v1_conversion.h"

#include <shared_mutex>

namespace hcn {

struct Engine::Impl
{
    explicit Impl(EngineOptions options) : log(componentLogger("hcn.engine"))
    {
        datapath = options.datapath ? options.datapath : std::make_shared<SimulatedDatapath>();
        state.options = std::move(options);
        state.options.datapath = datapath;
    }

    mutable std::shared_mutex mutex;
    EngineState state;
    HandleTable handles;
    std::shared_ptr<Datapath> datapath;
    NotificationDispatcher dispatcher;
    std::shared_ptr<spdlog::logger> log;
    bool stopped = false;

    Status stoppedStatus() const { return Status(hr::ManagerStopped, "the HCN service has been shut down."); }

    /// The object behind an open handle, checked for kind and for having been deleted.
    template <typename T>
    Result<T*> resolve(const ObjectMap<T>& map, ResourceKind kind, Handle handle) const
    {
        const auto* entry = handles.find(handle);
        if (!entry || entry->kind != kind)
            return Status(hr::Handle, "the handle is not an open " + std::string(resourceKindName(kind)) + " handle.");
        auto it = map.find(entry->id);
        if (it == map.end() || it->second->serial != entry->serial)
            return Status(hr::ObjectUsedAfterUnload, std::string(resourceKindName(kind)) + " " +
                                                         entry->id.toString() + " was deleted.");
        return it->second.get();
    }

    std::uint64_t serialOf(ResourceKind kind, const Guid& id) const
    {
        switch (kind) {
        case ResourceKind::Network:
            return state.networks.at(id)->serial;
        case ResourceKind::Endpoint:
            return state.endpoints.at(id)->serial;
        case ResourceKind::Namespace:
            return state.namespaces.at(id)->serial;
        case ResourceKind::LoadBalancer:
            return state.loadBalancers.at(id)->serial;
        case ResourceKind::Invalid:
            break;
        }
        return 0;
    }

    /// Datapath, then notifications in order (still under the state lock, so the stream follows commits).
    Status commit(Transaction& tx)
    {
        if (Status s = tx.commit(*datapath); !s.ok())
            return s;
        for (auto& n : tx.takeNotifications())
            dispatcher.post(n.type, hr::Ok, std::move(n.data));
        return Status::success();
    }

    Status logged(std::string_view call, Status status) const
    {
        if (!status.ok())
            log->debug("{} failed: {} {}", call, hresultName(status.code()), status.message());
        return status;
    }
};

namespace {

/// Parses a create document: v1 shapes are converted, then everything is normalized against the schema.
Status prepareCreateDocument(ResourceKind kind, std::string_view settings, Json& doc)
{
    if (Status s = schema::parseObject(settings, doc); !s.ok())
        return s;
    if (schema::isV1Document(doc)) {
        Status s;
        switch (kind) {
        case ResourceKind::Network:
            s = schema::networkFromV1(doc);
            break;
        case ResourceKind::Endpoint:
            s = schema::endpointFromV1(doc);
            break;
        case ResourceKind::Namespace:
            s = schema::namespaceFromV1(doc);
            break;
        case ResourceKind::LoadBalancer:
            s = schema::loadBalancerFromV1(doc);
            break;
        case ResourceKind::Invalid:
            break;
        }
        if (!s.ok())
            return s;
    }
    return schema::normalize(doc, resourceKindSchemaType(kind));
}

std::string_view modifyRequestType(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::Network:
        return "ModifyNetworkSettingRequest";
    case ResourceKind::Endpoint:
        return "ModifyEndpointSettingRequest";
    case ResourceKind::Namespace:
        return "ModifyNamespaceSettingRequest";
    case ResourceKind::LoadBalancer:
        return "HostComputeLoadBalancer";
    case ResourceKind::Invalid:
        break;
    }
    return {};
}

Status invalidKind() { return Status(hr::InvalidArg, "unknown resource kind."); }

} // namespace

Engine::Engine(EngineOptions options) : m_impl(std::make_unique<Impl>(std::move(options))) {}

Engine::~Engine() { shutdown(); }

Result<std::string> Engine::enumerate(ResourceKind kind, std::string_view queryText)
{
    auto query = parseQuery(queryText);
    if (!query.ok())
        return m_impl->logged("Enumerate", query.status());
    std::shared_lock lock(m_impl->mutex);
    if (m_impl->stopped)
        return m_impl->stoppedStatus();
    Json ids = Json::array();
    auto collect = [&](const auto& map) {
        for (const auto& [id, object] : map)
            if (query->filter.empty() || matchesFilter(m_impl->state, kind, object->doc, query->filter))
                ids.push_back(object->doc.value("ID", id.toString()));
    };
    switch (kind) {
    case ResourceKind::Network:
        collect(m_impl->state.networks);
        break;
    case ResourceKind::Endpoint:
        collect(m_impl->state.endpoints);
        break;
    case ResourceKind::Namespace:
        collect(m_impl->state.namespaces);
        break;
    case ResourceKind::LoadBalancer:
        collect(m_impl->state.loadBalancers);
        break;
    case ResourceKind::Invalid:
        return invalidKind();
    }
    return ids.dump();
}

Result<Handle> Engine::create(ResourceKind kind, const Guid& id, std::string_view settings, Handle network)
{
    Json doc;
    if (Status s = prepareCreateDocument(kind, settings, doc); !s.ok())
        return m_impl->logged("Create", s);

    std::unique_lock lock(m_impl->mutex);
    if (m_impl->stopped)
        return m_impl->stoppedStatus();
    auto& state = m_impl->state;
    Transaction tx;
    Result<Guid> created = invalidKind();
    switch (kind) {
    case ResourceKind::Network:
        created = ops::createNetwork(state, tx, id, std::move(doc));
        break;
    case ResourceKind::Endpoint: {
        auto net = m_impl->resolve(state.networks, ResourceKind::Network, network);
        if (!net.ok())
            return m_impl->logged("CreateEndpoint", net.status());
        created = ops::createEndpoint(state, tx, **net, id, std::move(doc));
        break;
    }
    case ResourceKind::Namespace:
        created = ops::createNamespace(state, tx, id, std::move(doc));
        break;
    case ResourceKind::LoadBalancer:
        created = ops::createLoadBalancer(state, tx, id, std::move(doc));
        break;
    case ResourceKind::Invalid:
        break;
    }
    if (!created.ok())
        return m_impl->logged("Create", created.status());
    if (Status s = m_impl->commit(tx); !s.ok())
        return m_impl->logged("Create", s);
    m_impl->log->debug("created {} {}", resourceKindName(kind), created->toString());
    return m_impl->handles.open(kind, *created, m_impl->serialOf(kind, *created));
}

Result<Handle> Engine::open(ResourceKind kind, const Guid& id)
{
    std::unique_lock lock(m_impl->mutex);
    if (m_impl->stopped)
        return m_impl->stoppedStatus();
    const auto& state = m_impl->state;
    bool exists = false;
    HResult notFound = hr::ElementNotFound;
    switch (kind) {
    case ResourceKind::Network:
        exists = state.networks.count(id) != 0;
        notFound = hr::NetworkNotFound;
        break;
    case ResourceKind::Endpoint:
        exists = state.endpoints.count(id) != 0;
        notFound = hr::EndpointNotFound;
        break;
    case ResourceKind::Namespace:
        exists = state.namespaces.count(id) != 0;
        break;
    case ResourceKind::LoadBalancer:
        exists = state.loadBalancers.count(id) != 0;
        break;
    case ResourceKind::Invalid:
        return invalidKind();
    }
    if (!exists)
        return Status(notFound, "no " + std::string(resourceKindName(kind)) + " has ID " + id.toString() + ".");
    return m_impl->handles.open(kind, id, m_impl->serialOf(kind, id));
}

Status Engine::modify(ResourceKind kind, Handle handle, std::string_view settings)
{
    Json request;
    if (Status s = schema::parseObject(settings, request); !s.ok())
        return m_impl->logged("Modify", s);
    if (kind == ResourceKind::LoadBalancer && schema::isV1Document(request)) {
        if (Status s = schema::loadBalancerFromV1(request); !s.ok())
            return m_impl->logged("Modify", s);
    }
    if (kind != ResourceKind::Invalid)
        if (Status s = schema::normalize(request, modifyRequestType(kind)); !s.ok())
            return m_impl->logged("Modify", s);

    std::unique_lock lock(m_impl->mutex);
    if (m_impl->stopped)
        return m_impl->stoppedStatus();
    auto& state = m_impl->state;
    Transaction tx;
    Status result = invalidKind();
    switch (kind) {
    case ResourceKind::Network: {
        auto net = m_impl->resolve(state.networks, kind, handle);
        result = net.ok() ? ops::modifyNetwork(state, tx, **net, request) : net.status();
        break;
    }
    case ResourceKind::Endpoint: {
        auto ep = m_impl->resolve(state.endpoints, kind, handle);
        result = ep.ok() ? ops::modifyEndpoint(state, tx, **ep, request) : ep.status();
        break;
    }
    case ResourceKind::Namespace: {
        auto ns = m_impl->resolve(state.namespaces, kind, handle);
        result = ns.ok() ? ops::modifyNamespace(state, tx, **ns, request) : ns.status();
        break;
    }
    case ResourceKind::LoadBalancer: {
        auto lb = m_impl->resolve(state.loadBalancers, kind, handle);
        result = lb.ok() ? ops::replaceLoadBalancer(state, tx, **lb, std::move(request)) : lb.status();
        break;
    }
    case ResourceKind::Invalid:
        break;
    }
    if (!result.ok())
        return m_impl->logged("Modify", result);
    return m_impl->logged("Modify", m_impl->commit(tx));
}

Result<std::string> Engine::query(ResourceKind kind, Handle handle, std::string_view queryText)
{
    auto query = parseQuery(queryText);
    if (!query.ok())
        return m_impl->logged("Query", query.status());
    std::shared_lock lock(m_impl->mutex);
    if (m_impl->stopped)
        return m_impl->stoppedStatus();
    const auto& state = m_impl->state;
    Result<Guid> id = invalidKind();
    auto pick = [&](const auto& map) -> Result<Guid> {
        auto object = m_impl->resolve(map, kind, handle);
        if (!object.ok())
            return object.status();
        return (*object)->id;
    };
    switch (kind) {
    case ResourceKind::Network:
        id = pick(state.networks);
        break;
    case ResourceKind::Endpoint:
        id = pick(state.endpoints);
        break;
    case ResourceKind::Namespace:
        id = pick(state.namespaces);
        break;
    case ResourceKind::LoadBalancer:
        id = pick(state.loadBalancers);
        break;
    case ResourceKind::Invalid:
        break;
    }
    if (!id.ok())
        return m_impl->logged("Query", id.status());
    return renderDocument(state, kind, *id, *query).dump();
}

Status Engine::remove(ResourceKind kind, const Guid& id)
{
    std::unique_lock lock(m_impl->mutex);
    if (m_impl->stopped)
        return m_impl->stoppedStatus();
    auto& state = m_impl->state;
    Transaction tx;
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
    case ResourceKind::Invalid:
        break;
    }
    if (!result.ok())
        return m_impl->logged("Delete", result);
    return m_impl->logged("Delete", m_impl->commit(tx));
}

Status Engine::close(ResourceKind kind, Handle handle)
{
    std::unique_lock lock(m_impl->mutex);
    const auto* entry = m_impl->handles.find(handle);
    if (!entry || entry->kind != kind)
        return Status(hr::Handle, "the handle is not an open " + std::string(resourceKindName(kind)) + " handle.");
    m_impl->handles.close(handle);
    return Status::success();
}

Result<Guid> Engine::handleId(ResourceKind kind, Handle handle) const
{
    std::shared_lock lock(m_impl->mutex);
    const auto* entry = m_impl->handles.find(handle);
    if (!entry || entry->kind != kind)
        return Status(hr::Handle, "the handle is not an open " + std::string(resourceKindName(kind)) + " handle.");
    return entry->id;
}

SubscriptionId Engine::subscribe(std::function<void(const Notification&)> callback)
{
    return m_impl->dispatcher.subscribe(std::move(callback));
}

void Engine::unsubscribe(SubscriptionId id) { m_impl->dispatcher.unsubscribe(id); }

void Engine::shutdown()
{
    {
        std::unique_lock lock(m_impl->mutex);
        if (m_impl->stopped)
            return;
        m_impl->stopped = true;
        m_impl->datapath->reset();
        m_impl->dispatcher.post(NotificationType::ServiceDisconnect, hr::Ok, std::string());
    }
    m_impl->dispatcher.drain();
    m_impl->dispatcher.stop();
}

SchemaVersion Engine::hnsVersion() const { return m_impl->state.options.hnsVersion; }
SchemaVersion Engine::schemaVersion() const { return m_impl->state.options.schemaVersion; }
const HostEnvironment& Engine::host() const { return m_impl->state.options.host; }

EngineCounts Engine::counts() const
{
    std::shared_lock lock(m_impl->mutex);
    const auto& s = m_impl->state;
    return {s.networks.size(), s.endpoints.size(), s.namespaces.size(), s.loadBalancers.size(), m_impl->handles.size()};
}

std::uint64_t Engine::lastSequence() const { return m_impl->dispatcher.lastSequence(); }

void Engine::drainNotifications() { m_impl->dispatcher.drain(); }

} // namespace hcn
