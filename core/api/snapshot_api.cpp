// SnapshotApi: the documents of a snapshot in an EngineState that no engine operation touches, answered
// with the engine's own query code (engine/query.h), so Filter matching, ID spelling, v1 shaping and
// Detailed blocks are the engine's. Loading fills only what reads consult: the documents, the name
// index and the references between objects. Nothing is validated.

#include "hcn/snapshot_api.h"

#include "common/handle_status.h"
#include "common/json_member.h"
#include "common/json_type_guard.h"
#include "common/text.h"
#include "engine/engine_state.h"
#include "engine/handle_table.h"
#include "engine/query.h"
#include "hcn/endpoint_flags.h"

#include <array>
#include <atomic>
#include <mutex>
#include <nlohmann/json.hpp>

namespace hcn {

namespace {

Status readOnly(std::string_view what)
{
    return Status(kSnapshotReadOnly,
                  "This is an offline snapshot (read-only); " + std::string(what) + " cannot be changed.");
}

/// A member by exact key, else case-insensitively (customer documents may spell "Id").
const Json* member(const Json& doc, std::string_view key)
{
    return memberIgnoringCase(doc, key);
}

std::optional<Guid> guidAt(const Json& doc, std::string_view key)
{
    const Json* value = member(doc, key);
    if (!value || !value->is_string())
        return std::nullopt;
    return Guid::parse(value->get_ref<const std::string&>(), true);
}

std::string nameOf(const Json& doc)
{
    const Json* name = member(doc, "Name");
    return name && name->is_string() ? name->get<std::string>() : std::string();
}

/// The key a Detailed query adds (engine/query.cpp renderDocument).
const char* detailedKey(ResourceKind kind)
{
    return kind == ResourceKind::Namespace ? "ResourceCounts" : "Resources";
}

SchemaVersion versionAt(const Json& document, std::string_view key, SchemaVersion fallback)
{
    const Json* v = member(document, key);
    if (!v || !v->is_object())
        return fallback;
    const Json* major = member(*v, "Major");
    const Json* minor = member(*v, "Minor");
    if (!major || !minor || !major->is_number_unsigned() || !minor->is_number_unsigned())
        return fallback;
    return {major->get<std::uint32_t>(), minor->get<std::uint32_t>()};
}

} // namespace

struct SnapshotApi::Impl
{
    mutable std::mutex mutex; ///< handles only: the state never changes after loading
    EngineState state;
    HandleTable handles;
    std::vector<std::string> warnings;
    std::string source;
    SchemaVersion hnsVersion;
    SchemaVersion schemaVersion;
    std::atomic<SubscriptionId> nextSubscription{1};

    template <typename T> void add(ObjectMap<T>& map, ResourceKind kind, const Json& doc, std::size_t index)
    {
        const std::string where = std::string(resourceKindPlural(kind)) + "[" + std::to_string(index) + "]";
        if (!doc.is_object()) {
            warnings.push_back(where + ": not a JSON object; skipped.");
            return;
        }
        const auto id = guidAt(doc, "ID");
        if (!id) {
            warnings.push_back(where + ": no usable \"ID\" (a GUID string); skipped.");
            return;
        }
        if (map.count(*id)) {
            warnings.push_back(where + ": a second " + std::string(resourceKindLabel(kind)) + " with ID " +
                               id->toString() + "; skipped.");
            return;
        }
        auto object = std::make_unique<T>();
        object->id = *id;
        object->serial = state.newSerial();
        object->doc = doc;
        if (const std::string name = nameOf(doc); !name.empty())
            state.names.add(kind, name, *id);
        map.emplace(*id, std::move(object));
    }

    /// The references reads consult (Detailed counts, v1 shapes), taken from the documents as they are;
    /// a reference to an object the snapshot lacks is kept in the document and otherwise ignored.
    void link()
    {
        for (auto& [id, endpoint] : state.endpoints) {
            const Json* flags = member(endpoint->doc, "Flags");
            endpoint->remote = flags && flags->is_number_unsigned() &&
                               (flags->get<std::uint32_t>() & kRemoteEndpointFlag) != 0;
            if (auto network = guidAt(endpoint->doc, "HostComputeNetwork")) {
                endpoint->network = *network;
                if (auto it = state.networks.find(*network); it != state.networks.end())
                    it->second->endpoints.insert(id);
            }
            if (auto ns = guidAt(endpoint->doc, "HostComputeNamespace"); ns && state.namespaces.count(*ns))
                endpoint->namespaceId = *ns;
        }
        for (auto& [id, ns] : state.namespaces) {
            const Json* resources = member(ns->doc, "Resources");
            if (!resources || !resources->is_array())
                continue;
            for (const Json& resource : *resources) {
                const Json* type = member(resource, "Type");
                const Json* data = member(resource, "Data");
                if (!type || !type->is_string() || !data)
                    continue;
                if (equalsIgnoreCase(type->get_ref<const std::string&>(), "Endpoint")) {
                    if (auto ep = guidAt(*data, "ID"); ep && state.endpoints.count(*ep))
                        ns->endpoints.push_back(*ep);
                } else if (equalsIgnoreCase(type->get_ref<const std::string&>(), "Container")) {
                    if (const Json* container = member(*data, "ID"); container && container->is_string())
                        ns->containers.push_back(container->get<std::string>());
                }
            }
        }
        auto linkEndpoints = [&](const Json& doc, std::vector<Guid>& out, auto&& onEndpoint) {
            const Json* list = member(doc, "HostComputeEndpoints");
            if (!list || !list->is_array())
                return;
            for (const Json& entry : *list) {
                if (!entry.is_string())
                    continue;
                auto ep = Guid::parse(entry.get_ref<const std::string&>(), true);
                if (!ep)
                    continue;
                out.push_back(*ep);
                if (auto it = state.endpoints.find(*ep); it != state.endpoints.end())
                    onEndpoint(*it->second);
            }
        };
        for (auto& [id, lb] : state.loadBalancers)
            linkEndpoints(lb->doc, lb->endpoints,
                          [&, lbId = id](EndpointObject& ep) { ep.loadBalancers.insert(lbId); });
        for (auto& [id, route] : state.routes)
            linkEndpoints(route->doc, route->endpoints,
                          [&, routeId = id](EndpointObject& ep) { ep.routes.insert(routeId); });
    }

    Result<Guid> resolve(ResourceKind kind, Handle handle) const
    {
        const auto* entry = handles.find(handle);
        if (!entry || entry->kind != kind)
            return badHandle(kind);
        return entry->id;
    }

    Json render(ResourceKind kind, const Guid& id, const ParsedQuery& query) const
    {
        Json out = renderDocument(state, kind, id, query);
        if (!query.detailed)
            return out;
        // A snapshot exported with Detailed recorded the block as the host had it: that stays.
        const Json* stored = state.document(kind, id);
        if (auto it = stored->find(detailedKey(kind)); it != stored->end()) {
            out[detailedKey(kind)] = *it;
            return out;
        }
        // Otherwise the block holds what the references give. Pool usage, port mappings and port
        // reservations are the engine's bookkeeping, not in the documents: left out rather than shown
        // as empty.
        if (auto block = out.find(detailedKey(kind)); block != out.end() && block->is_object()) {
            const auto unknown = unknownDetails(kind);
            for (const char* key : unknown)
                if (key)
                    block->erase(key);
        }
        return out;
    }

    static std::array<const char*, 2> unknownDetails(ResourceKind kind)
    {
        switch (kind) {
        case ResourceKind::Network:
            return {"Subnets", "MacPool"};
        case ResourceKind::Endpoint:
            return {"PortMappings", nullptr};
        case ResourceKind::GuestNetworkService:
            return {"PortReservations", nullptr};
        default:
            return {nullptr, nullptr};
        }
    }
};

SnapshotApi::SnapshotApi(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

SnapshotApi::~SnapshotApi() = default;

Result<std::shared_ptr<SnapshotApi>> SnapshotApi::fromDocument(const nlohmann::json& document,
                                                               std::string source)
{
    if (!document.is_object())
        return Status(hr::InvalidJson, "a snapshot document is a JSON object with the sections Networks, "
                                       "Endpoints, Namespaces, LoadBalancers, SdnRoutes and "
                                       "GuestNetworkServices.");
    const Json doc = document; // stored documents are ordered_json
    auto impl = std::make_unique<Impl>();
    impl->source = std::move(source);
    impl->hnsVersion = versionAt(doc, "HnsVersion", EngineOptions{}.hnsVersion);
    impl->schemaVersion = versionAt(doc, "SchemaVersion", EngineOptions{}.schemaVersion);
    bool anySection = false;
    for (ResourceKind kind : kResourceKinds) {
        const std::string key(resourceKindPlural(kind));
        auto section = doc.find(key);
        if (section == doc.end() || section->is_null())
            continue;
        if (!section->is_array())
            return Status(hr::InvalidJson, "snapshot section \"" + key + "\" must be an array of " +
                                               std::string(resourceKindLabel(kind)) + " documents.");
        anySection = true;
        impl->state.withObjects(kind, [&](auto& map) {
            std::size_t index = 0;
            for (const Json& object : *section)
                impl->add(map, kind, object, index++);
        });
    }
    if (!anySection)
        return Status(hr::InvalidJson, "not a snapshot document: none of the sections Networks, Endpoints, "
                                       "Namespaces, LoadBalancers, SdnRoutes, GuestNetworkServices is "
                                       "present.");
    impl->link();
    return std::shared_ptr<SnapshotApi>(new SnapshotApi(std::move(impl)));
}

Result<std::shared_ptr<SnapshotApi>> SnapshotApi::fromText(std::string_view text, std::string source,
                                                           int maxDepth)
{
    const std::string origin = source.empty() ? std::string("the snapshot") : source;
    if (!withinJsonDepth(text, maxDepth))
        return Status(hr::InvalidJson,
                      origin + ": the document nests deeper than " + std::to_string(maxDepth) + " levels.");
    nlohmann::json document;
    try {
        document = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& error) {
        return Status(hr::InvalidJson, origin + " is not valid JSON (" + error.what() + ").");
    }
    return fromDocument(document, std::move(source));
}

const std::vector<std::string>& SnapshotApi::loadWarnings() const
{
    return m_impl->warnings;
}

Result<std::string> SnapshotApi::enumerate(ResourceKind kind, std::string_view queryText)
{
    auto query = parseQuery(queryText, m_impl->state.options.maxJsonDepth);
    if (!query.ok())
        return query.status();
    return guardJsonTypes("a snapshot document", [&]() -> Result<std::string> {
        auto ids = findObjects(m_impl->state, kind, *query);
        if (!ids.ok())
            return ids.status();
        Json out = Json::array();
        for (const auto& id : *ids)
            out.push_back(m_impl->state.document(kind, id)->value("ID", id.toString()));
        return out.dump();
    });
}

Result<Handle> SnapshotApi::create(ResourceKind kind, const Guid&, std::string_view, Handle)
{
    return readOnly(std::string(resourceKindLabel(kind)) + "s");
}

Result<Handle> SnapshotApi::open(ResourceKind kind, const Guid& id)
{
    if (kind == ResourceKind::Invalid)
        return Status(hr::InvalidArg, "unknown resource kind.");
    if (!m_impl->state.document(kind, id))
        return objectNotFound(kind, id);
    std::lock_guard lock(m_impl->mutex);
    return m_impl->handles.open(kind, id, 0);
}

Status SnapshotApi::modify(ResourceKind kind, Handle, std::string_view)
{
    return readOnly(std::string(resourceKindLabel(kind)) + "s");
}

Result<std::string> SnapshotApi::query(ResourceKind kind, Handle handle, std::string_view queryText)
{
    auto query = parseQuery(queryText, m_impl->state.options.maxJsonDepth);
    if (!query.ok())
        return query.status();
    Result<Guid> id = Status(hr::Unexpected);
    {
        std::lock_guard lock(m_impl->mutex);
        id = m_impl->resolve(kind, handle);
    }
    if (!id.ok())
        return id.status();
    return guardJsonTypes("a snapshot document",
                          [&]() -> Result<std::string> { return m_impl->render(kind, *id, *query).dump(); });
}

Status SnapshotApi::remove(ResourceKind kind, const Guid&)
{
    return readOnly(std::string(resourceKindLabel(kind)) + "s");
}

Status SnapshotApi::close(ResourceKind kind, Handle handle)
{
    std::lock_guard lock(m_impl->mutex);
    const auto* entry = m_impl->handles.find(handle);
    if (!entry || entry->kind != kind)
        return badHandle(kind);
    m_impl->handles.close(handle);
    return Status::success();
}

Result<Guid> SnapshotApi::handleId(ResourceKind kind, Handle handle)
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->resolve(kind, handle);
}

Result<SubscriptionId> SnapshotApi::subscribe(std::function<void(const Notification&)>, SubscriptionScope)
{
    return m_impl->nextSubscription.fetch_add(1);
}

void SnapshotApi::unsubscribe(SubscriptionId) {}

Result<ReservationId> SnapshotApi::reservePort(Handle, PortProtocol, PortAccess, std::uint16_t)
{
    return readOnly("port reservations");
}

Result<PortReservation> SnapshotApi::reservePortRange(Handle, std::uint16_t)
{
    return readOnly("port reservations");
}

Status SnapshotApi::releasePortReservation(ReservationId)
{
    return readOnly("port reservations");
}

Result<std::vector<PortReservation>> SnapshotApi::portReservations()
{
    return std::vector<PortReservation>{};
}

Result<std::string> SnapshotApi::queryEndpointStats(Handle, std::string_view)
{
    return Status(kSnapshotReadOnly,
                  "This is an offline snapshot (read-only); it holds no endpoint statistics.");
}

Result<ApiInfo> SnapshotApi::info()
{
    ApiInfo about;
    about.hnsVersion = m_impl->hnsVersion;
    about.schemaVersion = m_impl->schemaVersion;
    about.endpoint = m_impl->source.empty() ? std::string("snapshot") : "snapshot:" + m_impl->source;
    about.datapath = "none (offline snapshot)";
    about.sequence = 0;
    const EngineState& s = m_impl->state;
    about.counts.networks = s.networks.size();
    about.counts.endpoints = s.endpoints.size();
    about.counts.namespaces = s.namespaces.size();
    about.counts.loadBalancers = s.loadBalancers.size();
    {
        std::lock_guard lock(m_impl->mutex);
        about.counts.openHandles = m_impl->handles.size();
    }
    about.readOnly = true;
    about.description =
        "offline read-only snapshot" + (m_impl->source.empty() ? std::string() : " (" + m_impl->source + ")");
    return about;
}

Result<std::string> SnapshotApi::snapshot(std::string_view queryText)
{
    auto query = parseQuery(queryText, m_impl->state.options.maxJsonDepth);
    if (!query.ok())
        return query.status();
    auto version = [](SchemaVersion v) { return Json{{"Major", v.major}, {"Minor", v.minor}}; };
    Json out = Json::object();
    out["HnsVersion"] = version(m_impl->hnsVersion);
    out["SchemaVersion"] = version(m_impl->schemaVersion);
    return guardJsonTypes("a snapshot document", [&]() -> Result<std::string> {
        for (ResourceKind kind : kResourceKinds) {
            auto ids = findObjects(m_impl->state, kind, ParsedQuery{});
            if (!ids.ok())
                return ids.status();
            Json documents = Json::array();
            for (const Guid& id : *ids)
                documents.push_back(m_impl->render(kind, id, *query));
            out[std::string(resourceKindPlural(kind))] = std::move(documents);
        }
        return out.dump();
    });
}

} // namespace hcn
