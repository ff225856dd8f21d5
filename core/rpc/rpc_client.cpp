// RpcClient: hcn::Api over a connection to hcnd (docs/rpc.md).

#include "hcn/rpc_client.h"

#include "common/log.h"
#include "rpc/client_connection.h"
#include "rpc/json_scan.h"
#include "rpc/method_table.h"
#include "rpc/notification_delivery.h"
#include "rpc/protocol.h"

#include <charconv>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace hcn {

using rpc::ClientConnection;
using rpc::Operation;
using rpc::ParamsWriter;

namespace {

std::string endpointText(const std::string& endpoint)
{
    if (endpoint.rfind("tls://", 0) == 0)
        return "tls:" + endpoint.substr(6);
    if (endpoint.rfind("unix:", 0) == 0)
        return endpoint;
    return "unix:" + endpoint;
}

template <typename T> bool parseUnsigned(std::string_view text, T& out)
{
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && ptr == text.data() + text.size();
}

Status malformed(std::string_view method)
{
    return Status(hr::Fail, "hcnd sent a malformed result for " + std::string(method) + ".");
}

SchemaVersion versionFrom(const nlohmann::json& json)
{
    return {json.value("Major", 0u), json.value("Minor", 0u)};
}

std::uint64_t unsignedMember(const nlohmann::json& object, const char* key)
{
    auto it = object.find(key);
    return it != object.end() && it->is_number_unsigned() ? it->get<std::uint64_t>() : 0;
}

/// ApiInfo from an hcnd.info result (an object).
ApiInfo infoFrom(const nlohmann::json& reply, const std::string& endpoint)
{
    ApiInfo info;
    info.hnsVersion = versionFrom(reply.value("HnsVersion", nlohmann::json::object()));
    info.schemaVersion = versionFrom(reply.value("SchemaVersion", nlohmann::json::object()));
    info.endpoint = endpoint;
    info.datapath = reply.value("Datapath", std::string("simulated"));
    info.sequence = unsignedMember(reply, "Sequence");
    if (auto readOnly = reply.find("ReadOnly"); readOnly != reply.end() && readOnly->is_boolean())
        info.readOnly = readOnly->get<bool>();
    if (auto description = reply.find("Description"); description != reply.end() && description->is_string())
        info.description = description->get<std::string>();
    if (auto counts = reply.find("Counts"); counts != reply.end() && counts->is_object())
        info.counts = {unsignedMember(*counts, "Networks"), unsignedMember(*counts, "Endpoints"),
                       unsignedMember(*counts, "Namespaces"), unsignedMember(*counts, "LoadBalancers"),
                       unsignedMember(*counts, "OpenHandles")};
    return info;
}

} // namespace

struct RpcClient::Impl
{
    RpcClientOptions options;
    std::string endpoint; ///< "unix:/run/hcn/hcnd.sock", "tls:host:port"
    rpc::NotificationDelivery delivery;

    std::mutex mutex; ///< guards connection and the subscription maps
    std::shared_ptr<ClientConnection> connection;
    std::uint64_t nextSubscription = 0;
    /// The client's subscription ids (stable across reconnects) -> subscriber and its server number.
    std::map<SubscriptionId, std::pair<std::shared_ptr<rpc::Subscriber>, std::uint64_t>> subscribers;
    /// The current connection's subscription numbers -> subscriber (events are routed through this).
    std::map<std::uint64_t, std::shared_ptr<rpc::Subscriber>> routes;

    std::mutex idsMutex;
    /// The IDs of the handles this client created or opened by ID on the current connection, so
    /// handleId() needs no round trip for them.
    std::unordered_map<Handle, std::pair<ResourceKind, Guid>> ids;

    void rememberId(Handle handle, ResourceKind kind, const Guid& id)
    {
        std::lock_guard lock(idsMutex);
        ids[handle] = {kind, id};
    }
    void forgetId(Handle handle)
    {
        std::lock_guard lock(idsMutex);
        ids.erase(handle);
    }
    /// Forgets `handle` if this client holds it as a handle of `kind` on the current connection: true
    /// when it did (closing it then cannot fail on the service).
    bool takeHeldHandle(Handle handle, ResourceKind kind)
    {
        std::lock_guard lock(idsMutex);
        const auto it = ids.find(handle);
        if (it == ids.end() || it->second.first != kind)
            return false;
        ids.erase(it);
        return true;
    }
    void forgetAllIds()
    {
        std::lock_guard lock(idsMutex);
        ids.clear();
    }
    std::optional<Guid> knownId(ResourceKind kind, Handle handle)
    {
        std::lock_guard lock(idsMutex);
        auto it = ids.find(handle);
        if (it == ids.end() || it->second.first != kind)
            return std::nullopt;
        return it->second.second;
    }
    /// Events will come: the connection reads between calls while this client has subscriptions
    /// (mutex held).
    void updateWatching()
    {
        if (connection)
            connection->setWatching(!routes.empty());
    }

    std::shared_ptr<ClientConnection> current()
    {
        std::lock_guard lock(mutex);
        return connection;
    }

    /// A request whose reply nobody waits for (ClientConnection::send).
    Status send(std::string_view method, const std::string& params)
    {
        auto c = current();
        if (!c)
            return Status(hr::ManagerStopped, "not connected to hcnd at " + endpoint + ".");
        return c->send(method, params);
    }

    Result<std::string> call(std::string_view method, const std::string& params,
                             const ClientConnection::ReplyHook& hook = {})
    {
        auto c = current();
        if (!c)
            return Status(hr::ManagerStopped, "not connected to hcnd at " + endpoint + ".");
        auto reply = c->call(method, params, hook);
        if (!reply.status.ok())
            return reply.status;
        return std::move(reply.result);
    }

    Status establish();
    void onNotification(std::string_view method, std::string_view params);
    void onLost();
};

Status RpcClient::Impl::establish()
{
    ClientConnection::Hooks hooks;
    hooks.notification = [this](std::string_view method, std::string_view params) {
        onNotification(method, params);
    };
    hooks.lost = [this] { onLost(); };
    auto opened = ClientConnection::open(options, endpoint, std::move(hooks));
    if (!opened.ok())
        return opened.status();
    std::shared_ptr<ClientConnection> c(std::move(*opened));
    if (options.endpoint.rfind("tls://", 0) == 0) {
        auto reply = c->call("hcnd.authenticate", ParamsWriter().string("Token", options.token).take());
        if (!reply.status.ok())
            return Status(reply.status.code(),
                          "hcnd at " + endpoint + " refused the token: " + reply.status.detail());
    }
    auto reply = c->call(
        "hcnd.hello",
        ParamsWriter().number("Protocol", rpc::kProtocolVersion).string("Client", options.clientName).take());
    if (!reply.status.ok())
        return Status(reply.status.code(),
                      "hcnd at " + endpoint + " refused the connection: " + reply.status.detail());
    auto hello = nlohmann::json::parse(reply.result, nullptr, false);
    if (!hello.is_object() || hello.value("Protocol", 0) != rpc::kProtocolVersion)
        return Status(hr::InvalidArg, "hcnd at " + endpoint + " speaks another protocol version.");
    forgetAllIds(); // handles belong to a connection
    std::lock_guard lock(mutex);
    connection = std::move(c);
    routes.clear();
    return Status::success();
}

void RpcClient::Impl::onNotification(std::string_view method, std::string_view params)
{
    if (method == "hcnd.eventsDropped") {
        componentLogger("hcn.rpc")->warn("hcnd at {} dropped events for a slow subscriber: {}", endpoint,
                                         params);
        return;
    }
    if (method != "hcnd.notification")
        return;
    std::uint64_t subscription = 0;
    Notification n;
    std::uint32_t type = 0;
    std::int64_t status = 0;
    rpc::forEachMember(params, [&](std::string_view key, std::string_view value) {
        if (key == "Subscription")
            parseUnsigned(value, subscription);
        else if (key == "Sequence")
            parseUnsigned(value, n.sequence);
        else if (key == "Type")
            parseUnsigned(value, type);
        else if (key == "Status")
            std::from_chars(value.data(), value.data() + value.size(), status);
        else if (key == "Data" && value != "null")
            n.data = std::string(value);
    });
    n.type = static_cast<NotificationType>(type);
    n.status = static_cast<HResult>(status);
    std::shared_ptr<rpc::Subscriber> subscriber;
    {
        std::lock_guard lock(mutex);
        auto it = routes.find(subscription);
        if (it == routes.end())
            return;
        subscriber = it->second;
        if (n.type == NotificationType::ServiceDisconnect)
            routes.erase(it); // the last event of this subscription: no second one when the socket closes
    }
    delivery.post(std::move(subscriber), std::move(n));
}

void RpcClient::Impl::onLost()
{
    std::map<std::uint64_t, std::shared_ptr<rpc::Subscriber>> orphaned;
    {
        std::lock_guard lock(mutex);
        orphaned.swap(routes);
    }
    for (auto& [number, subscriber] : orphaned) {
        Notification n;
        n.type = NotificationType::ServiceDisconnect;
        delivery.post(subscriber, std::move(n));
    }
}

RpcClient::RpcClient() : m_impl(std::make_unique<Impl>()) {}

RpcClient::~RpcClient()
{
    std::shared_ptr<ClientConnection> c;
    {
        // No callback may run while the owner is destroying the client: not even the ServiceDisconnect
        // that closing the connection would otherwise deliver.
        std::lock_guard lock(m_impl->mutex);
        for (auto& [id, entry] : m_impl->subscribers)
            entry.first->active = false;
        m_impl->routes.clear();
        c = std::move(m_impl->connection);
    }
    if (c)
        c->close();
}

Result<std::unique_ptr<RpcClient>> RpcClient::connect(RpcClientOptions options)
{
    if (options.endpoint.empty())
        options.endpoint = defaultSocketPath();
    std::unique_ptr<RpcClient> client(new RpcClient());
    client->m_impl->options = std::move(options);
    client->m_impl->endpoint = endpointText(client->m_impl->options.endpoint);
    if (Status s = client->m_impl->establish(); !s.ok())
        return s;
    return client;
}

Status RpcClient::reconnect()
{
    std::shared_ptr<ClientConnection> old;
    {
        std::lock_guard lock(m_impl->mutex);
        old = std::move(m_impl->connection);
    }
    if (old)
        old->close();
    return m_impl->establish();
}

bool RpcClient::connected() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->connection && m_impl->connection->connected();
}

const RpcClientOptions& RpcClient::options() const
{
    return m_impl->options;
}

Result<std::string> RpcClient::call(std::string_view method, std::string_view paramsJson)
{
    if (paramsJson.empty())
        paramsJson = "{}";
    return m_impl->call(method, std::string(paramsJson));
}

Result<std::string> RpcClient::enumerate(ResourceKind kind, std::string_view query)
{
    ParamsWriter params;
    if (!query.empty())
        params.document("Query", query);
    return m_impl->call(rpc::methodName(Operation::Enumerate, kind), params.take());
}

Result<Handle> RpcClient::create(ResourceKind kind, const Guid& id, std::string_view settings, Handle network)
{
    ParamsWriter params;
    if (!id.isNull())
        params.string("Id", id.toString());
    params.document("Settings", settings);
    if (kind == ResourceKind::Endpoint)
        params.number("Network", network);
    const std::string method = rpc::methodName(Operation::Create, kind);
    auto result = m_impl->call(method, params.take());
    if (!result.ok())
        return result.status();
    Handle handle = 0;
    std::optional<Guid> created;
    rpc::forEachMember(*result, [&](std::string_view key, std::string_view value) {
        if (key == "Handle")
            parseUnsigned(value, handle);
        else if (key == "Id" && value.size() > 2)
            created = Guid::parse(value.substr(1, value.size() - 2));
    });
    if (handle == 0)
        return malformed(method);
    if (created)
        m_impl->rememberId(handle, kind, *created);
    return handle;
}

Result<Handle> RpcClient::open(ResourceKind kind, const Guid& id)
{
    const std::string method = rpc::methodName(Operation::Open, kind);
    auto result = m_impl->call(method, ParamsWriter().string("Id", id.toString()).take());
    if (!result.ok())
        return result.status();
    Handle handle = 0;
    auto text = rpc::memberText(*result, "Handle");
    if (!text || !parseUnsigned(*text, handle))
        return malformed(method);
    m_impl->rememberId(handle, kind, id);
    return handle;
}

Status RpcClient::modify(ResourceKind kind, Handle handle, std::string_view settings)
{
    return m_impl
        ->call(rpc::methodName(Operation::Modify, kind),
               ParamsWriter().number("Handle", handle).document("Settings", settings).take())
        .status();
}

Result<std::string> RpcClient::query(ResourceKind kind, Handle handle, std::string_view query)
{
    ParamsWriter params;
    params.number("Handle", handle);
    if (!query.empty())
        params.document("Query", query);
    return m_impl->call(rpc::methodName(Operation::Query, kind), params.take());
}

Status RpcClient::remove(ResourceKind kind, const Guid& id)
{
    return m_impl
        ->call(rpc::methodName(Operation::Delete, kind), ParamsWriter().string("Id", id.toString()).take())
        .status();
}

Status RpcClient::close(ResourceKind kind, Handle handle)
{
    // A handle this client created or opened on the current connection (and has not closed) is one
    // the service closes without fail: the request goes out and the caller goes on, one round trip
    // saved (hcsshim closes every handle right after its create and query). Requests on a connection
    // are answered in order, so nothing sent later can see the handle open. Any other handle gets the
    // service's own answer (E_HANDLE for a stale one).
    if (m_impl->takeHeldHandle(handle, kind))
        return m_impl->send(rpc::methodName(Operation::Close, kind),
                            ParamsWriter().number("Handle", handle).take());
    Status s =
        m_impl->call(rpc::methodName(Operation::Close, kind), ParamsWriter().number("Handle", handle).take())
            .status();
    if (s.ok() || s.code() == hr::ManagerStopped)
        m_impl->forgetId(handle);
    return s;
}

Result<Guid> RpcClient::handleId(ResourceKind kind, Handle handle)
{
    // Handles this client created or opened by ID: answered here, as long as the connection that owns
    // them is up (a lost one fails every call alike).
    if (auto known = m_impl->knownId(kind, handle); known && connected())
        return *known;
    auto result =
        m_impl->call("hcnd.handleId",
                     ParamsWriter().string("Kind", resourceKindName(kind)).number("Handle", handle).take());
    if (!result.ok())
        return result.status();
    auto text = rpc::memberText(*result, "Id");
    std::optional<Guid> id;
    if (text && text->size() > 2)
        id = Guid::parse(text->substr(1, text->size() - 2));
    if (!id)
        return malformed("hcnd.handleId");
    return *id;
}

Result<SubscriptionId> RpcClient::subscribe(std::function<void(const Notification&)> callback,
                                            SubscriptionScope scope)
{
    auto subscriber = std::make_shared<rpc::Subscriber>();
    subscriber->callback = std::move(callback);
    ParamsWriter params;
    if (scope.guestNetworkService || scope.network) {
        ParamsWriter scopeParams;
        if (scope.guestNetworkService)
            scopeParams.string("GuestNetworkService", scope.guestNetworkService->toString());
        if (scope.network)
            scopeParams.string("Network", scope.network->toString());
        params.raw("Scope", scopeParams.take());
    }
    std::uint64_t number = 0;
    Impl& d = *m_impl;
    // Routed on the I/O thread as the response is read, so the subscription's first event finds it.
    auto hook = [&d, subscriber, &number](const ClientConnection::Reply& reply) {
        if (!reply.status.ok())
            return;
        auto text = rpc::memberText(reply.result, "Subscription");
        if (!text || !parseUnsigned(*text, number))
            return;
        std::lock_guard lock(d.mutex);
        d.routes[number] = subscriber;
    };
    auto result = d.call("hcnd.subscribe", params.take(), hook);
    if (!result.ok())
        return result.status();
    if (number == 0)
        return malformed("hcnd.subscribe");
    std::lock_guard lock(d.mutex);
    subscriber->id = ++d.nextSubscription;
    d.subscribers[subscriber->id] = {subscriber, number};
    d.updateWatching();
    return subscriber->id;
}

void RpcClient::unsubscribe(SubscriptionId id)
{
    Impl& d = *m_impl;
    std::shared_ptr<rpc::Subscriber> subscriber;
    std::uint64_t number = 0;
    bool routed = false;
    {
        std::lock_guard lock(d.mutex);
        auto it = d.subscribers.find(id);
        if (it == d.subscribers.end())
            return;
        subscriber = it->second.first;
        number = it->second.second;
        d.subscribers.erase(it);
        auto route = d.routes.find(number);
        routed = route != d.routes.end() && route->second == subscriber;
        if (routed)
            d.routes.erase(route);
        d.updateWatching();
    }
    subscriber->active = false;
    if (routed)
        (void)d.call("hcnd.unsubscribe", ParamsWriter().number("Subscription", number).take());
    d.delivery.waitUntilNotDelivering(subscriber.get());
}

Result<ReservationId> RpcClient::reservePort(Handle guestNetworkService, PortProtocol protocol,
                                             PortAccess access, std::uint16_t port)
{
    auto result = m_impl->call(rpc::methodName(Operation::ReservePort),
                               ParamsWriter()
                                   .number("Handle", guestNetworkService)
                                   .number("Protocol", static_cast<std::uint32_t>(protocol))
                                   .number("Access", static_cast<std::uint32_t>(access))
                                   .number("Port", port)
                                   .take());
    if (!result.ok())
        return result.status();
    ReservationId reservation = 0;
    auto text = rpc::memberText(*result, "Reservation");
    if (!text || !parseUnsigned(*text, reservation))
        return malformed("HcnReserveGuestNetworkServicePort");
    return reservation;
}

Result<PortReservation> RpcClient::reservePortRange(Handle guestNetworkService, std::uint16_t count)
{
    auto result =
        m_impl->call(rpc::methodName(Operation::ReservePortRange),
                     ParamsWriter().number("Handle", guestNetworkService).number("Count", count).take());
    if (!result.ok())
        return result.status();
    PortReservation reservation;
    if (!rpc::reservationFromJson(nlohmann::json::parse(*result, nullptr, false), reservation))
        return malformed("HcnReserveGuestNetworkServicePortRange");
    return reservation;
}

Status RpcClient::releasePortReservation(ReservationId reservation)
{
    return m_impl
        ->call(rpc::methodName(Operation::ReleasePortReservation),
               ParamsWriter().number("Reservation", reservation).take())
        .status();
}

Result<std::vector<PortReservation>> RpcClient::portReservations()
{
    auto result = m_impl->call(rpc::methodName(Operation::EnumeratePortReservations), "{}");
    if (!result.ok())
        return result.status();
    auto list = nlohmann::json::parse(*result, nullptr, false);
    if (!list.is_array())
        return malformed("HcnEnumerateGuestNetworkPortReservations");
    std::vector<PortReservation> out;
    for (const auto& entry : list) {
        PortReservation r;
        if (!rpc::reservationFromJson(entry, r))
            return malformed("HcnEnumerateGuestNetworkPortReservations");
        out.push_back(r);
    }
    return out;
}

Result<std::string> RpcClient::queryEndpointStats(Handle endpoint, std::string_view query)
{
    ParamsWriter params;
    params.number("Handle", endpoint);
    if (!query.empty())
        params.document("Query", query);
    return m_impl->call(rpc::methodName(Operation::QueryEndpointStats), params.take());
}

Result<ApiInfo> RpcClient::info()
{
    // Asked each time: the sequence number and the counts are the service's current ones.
    auto result = m_impl->call("hcnd.info", "{}");
    if (!result.ok())
        return result.status();
    const auto reply = nlohmann::json::parse(*result, nullptr, false);
    if (!reply.is_object())
        return malformed("hcnd.info");
    try {
        return infoFrom(reply, m_impl->endpoint);
    } catch (const nlohmann::json::exception&) {
        return malformed("hcnd.info"); // a member of another type
    }
}

Result<std::string> RpcClient::snapshot(std::string_view query)
{
    ParamsWriter params;
    if (!query.empty())
        params.document("Query", query);
    return m_impl->call("hcnd.snapshot", params.take());
}

} // namespace hcn
