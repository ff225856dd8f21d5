#include "rpc/request_handler.h"

#include "hcn/json_limits.h"
#include "rpc/json_scan.h"
#include "rpc/protocol.h"
#include "rpc/request_parser.h"

#include <nlohmann/json.hpp>
#include <openssl/crypto.h>

namespace hcn::rpc {

namespace {

using Json = nlohmann::ordered_json;

/// A missing or mistyped parameter: answered with -32602 and {"Parameter": name}.
struct ParamError
{
    std::string name;
    std::string message;
};

[[noreturn]] void badParam(const char* name, const std::string& what)
{
    throw ParamError{name, std::string("parameter \"") + name + "\" " + what};
}

const Json* find(const Json& params, const char* name)
{
    auto it = params.find(name);
    return it == params.end() || it->is_null() ? nullptr : &*it;
}

std::uint64_t unsignedParam(const Json& params, const char* name, std::uint64_t max = UINT64_MAX)
{
    const Json* value = find(params, name);
    if (!value)
        badParam(name, "is required.");
    if (!value->is_number_unsigned() || value->get<std::uint64_t>() > max)
        badParam(name, "must be a number from 0 to " + std::to_string(max) + ".");
    return value->get<std::uint64_t>();
}

std::optional<Guid> guidParam(const Json& params, const char* name, bool required)
{
    const Json* value = find(params, name);
    if (!value) {
        if (required)
            badParam(name, "is required.");
        return std::nullopt;
    }
    if (!value->is_string())
        badParam(name, "must be a GUID string.");
    auto guid = Guid::parse(value->get_ref<const std::string&>(), true);
    if (!guid)
        badParam(name, "\"" + value->get<std::string>() + "\" is not a GUID.");
    return guid;
}

/// A document parameter: JSON text passed verbatim, an object/array as the exact text it arrived in
/// (parseRequestMessage kept it), or (inside a batch) a parsed object/array serialized for the engine.
std::string documentParam(const Json& params, const char* name, bool required)
{
    const Json* value = find(params, name);
    if (!value) {
        if (required)
            badParam(name, "is required.");
        return {};
    }
    if (auto kept = keptDocumentText(*value))
        return std::move(*kept);
    if (value->is_string())
        return value->get<std::string>();
    if (value->is_object() || value->is_array())
        return value->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    badParam(name, "must be a JSON object or a string holding JSON text.");
}

std::string handleResult(Handle handle)
{
    return R"({"Handle":)" + std::to_string(handle) + "}";
}

Status foreignHandle(ResourceKind kind)
{
    // The engine's own wording for a handle it does not know, so both cases read the same.
    return Status(hr::Handle,
                  "the handle is not an open " + std::string(resourceKindName(kind)) + " handle.");
}

} // namespace

RequestHandler::RequestHandler(ServiceContext& context, ConnectionResources& resources, EventQueue& events,
                               std::function<void()> wake, bool requireAuthentication)
    : m_context(context), m_resources(resources), m_events(events), m_wake(std::move(wake)),
      m_requireAuthentication(requireAuthentication)
{}

std::string RequestHandler::handleMessage(std::string_view text)
{
    try {
        return handleMessageUnguarded(text);
    } catch (const std::exception& e) {
        // Nothing the handler does should throw; if it does, the client still gets an answer and the
        // service keeps serving.
        return errorResponse({}, error::Internal, std::string("internal error: ") + e.what());
    } catch (...) {
        return errorResponse({}, error::Internal, "internal error");
    }
}

std::string RequestHandler::handleMessageUnguarded(std::string_view text)
{
    Json message;
    switch (parseRequestMessage(text, m_context.maxJsonDepth, message)) {
    case MessageProblem::TooDeep:
        return errorResponse({}, error::InvalidRequest,
                             "nesting too deep (more than " + std::to_string(m_context.maxJsonDepth) +
                                 " levels)");
    case MessageProblem::NotJson:
        return errorResponse({}, error::ParseError, "parse error: the message is not JSON");
    case MessageProblem::None:
        break;
    }
    if (!message.is_array())
        return guardedRequest(message);
    if (message.empty())
        return errorResponse({}, error::InvalidRequest, "invalid request: empty batch");
    std::string out = "[";
    for (const Json& request : message) {
        std::string response = guardedRequest(request);
        if (response.empty())
            continue;
        if (out.size() > 1)
            out += ',';
        out += response;
        if (m_closeRequested)
            break;
    }
    if (out.size() == 1)
        return {};
    out += ']';
    return out;
}

std::string RequestHandler::guardedRequest(const Json& request)
{
    try {
        return handleRequest(request);
    } catch (const std::exception& e) {
        const auto id = request.is_object() ? request.find("id") : request.end();
        const bool answerable = id != request.end() && (id->is_number() || id->is_string() || id->is_null());
        if (request.is_object() && id == request.end())
            return {}; // a notification gets no answer, not even this one
        return errorResponse(answerable ? id->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                                        : std::string(),
                             error::Internal, std::string("internal error: ") + e.what());
    }
}

std::string RequestHandler::handleRequest(const Json& request)
{
    if (!request.is_object())
        return errorResponse({}, error::InvalidRequest, "invalid request: not a JSON-RPC 2.0 object");
    auto idIt = request.find("id");
    const bool isNotification = idIt == request.end();
    std::string idText = "null";
    if (!isNotification) {
        if (!idIt->is_number() && !idIt->is_string() && !idIt->is_null())
            return errorResponse({}, error::InvalidRequest,
                                 "invalid request: id must be a number or a string");
        idText = idIt->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    auto versionIt = request.find("jsonrpc");
    auto methodIt = request.find("method");
    if (versionIt == request.end() || *versionIt != "2.0" || methodIt == request.end() ||
        !methodIt->is_string())
        return errorResponse(idText, error::InvalidRequest,
                             "invalid request: not JSON-RPC 2.0 (needs \"jsonrpc\":\"2.0\" and a method)");
    const auto& name = methodIt->get_ref<const std::string&>();
    const Method method = findMethod(name);
    if (m_requireAuthentication && !m_authenticated && method.operation != Operation::Authenticate) {
        m_closeRequested = true;
        return errorResponse(idText, error::AuthenticationRequired,
                             "authentication required: call hcnd.authenticate first");
    }
    if (method.operation == Operation::Invalid)
        return isNotification ? std::string()
                              : errorResponse(idText, error::MethodNotFound, "unknown method " + name);

    static const Json emptyParams = Json::object();
    auto paramsIt = request.find("params");
    const Json& params = paramsIt == request.end() ? emptyParams : *paramsIt;
    if (!params.is_object())
        return isNotification
                   ? std::string()
                   : errorResponse(idText, error::InvalidParams, "invalid params: params must be an object");
    Reply reply;
    try {
        reply = dispatch(method, params);
    } catch (const ParamError& e) {
        return isNotification ? std::string()
                              : errorResponse(idText, error::InvalidParams, "invalid params: " + e.message,
                                              R"({"Parameter":)" + jsonQuoted(e.name) + "}");
    } catch (const std::exception& e) {
        return isNotification
                   ? std::string()
                   : errorResponse(idText, error::Internal, std::string("internal error: ") + e.what());
    }
    if (isNotification)
        return {};
    if (!reply.status.ok()) {
        // Protocol-level failures use the JSON-RPC codes (negative and small); HCN failures the HRESULT.
        if (reply.status.code() > -33000 && reply.status.code() <= -32000)
            return errorResponse(idText, reply.status.code(), reply.status.detail());
        return statusResponse(idText, reply.status);
    }
    return resultResponse(idText, reply.result);
}

Result<Handle> RequestHandler::ownedHandle(const Json& params, const char* name, ResourceKind kind) const
{
    const Handle handle = unsignedParam(params, name);
    if (!m_resources.ownsHandle(handle))
        return foreignHandle(kind);
    return handle;
}

RequestHandler::Reply RequestHandler::dispatch(const Method& method, const Json& params)
{
    switch (method.operation) {
    case Operation::Enumerate:
    case Operation::Create:
    case Operation::Open:
    case Operation::Modify:
    case Operation::Query:
    case Operation::Delete:
    case Operation::Close:
    case Operation::QueryEndpointStats:
        return perKind(method, params);
    case Operation::ReservePort:
    case Operation::ReservePortRange:
    case Operation::ReleasePortReservation:
    case Operation::EnumeratePortReservations:
        return portReservation(method, params);
    default:
        return service(method, params);
    }
}

RequestHandler::Reply RequestHandler::perKind(const Method& method, const Json& params)
{
    Api& api = m_context.api;
    const ResourceKind kind =
        method.operation == Operation::QueryEndpointStats ? ResourceKind::Endpoint : method.kind;
    switch (method.operation) {
    case Operation::Enumerate: {
        auto ids = api.enumerate(kind, documentParam(params, "Query", false));
        return ids.ok() ? Reply{std::move(*ids), {}} : Reply{{}, ids.status()};
    }
    case Operation::Create: {
        const auto id = guidParam(params, "Id", false);
        const std::string settings = documentParam(params, "Settings", true);
        Handle network = 0;
        if (kind == ResourceKind::Endpoint) {
            auto owned = ownedHandle(params, "Network", ResourceKind::Network);
            if (!owned.ok())
                return {{}, owned.status()};
            network = *owned;
        }
        auto handle = api.create(kind, id.value_or(Guid{}), settings, network);
        if (!handle.ok())
            return {{}, handle.status()};
        m_resources.addHandle(kind, *handle);
        auto created = api.handleId(kind, *handle);
        const std::string idText = created.ok() ? created->toString() : std::string();
        return {R"({"Handle":)" + std::to_string(*handle) + R"(,"Id":")" + idText + "\"}", {}};
    }
    case Operation::Open: {
        auto handle = api.open(kind, *guidParam(params, "Id", true));
        if (!handle.ok())
            return {{}, handle.status()};
        m_resources.addHandle(kind, *handle);
        return {handleResult(*handle), {}};
    }
    case Operation::Delete: {
        Status s = api.remove(kind, *guidParam(params, "Id", true));
        return {"null", s};
    }
    default:
        break;
    }
    auto handle = ownedHandle(params, "Handle", kind);
    if (!handle.ok())
        return {{}, handle.status()};
    switch (method.operation) {
    case Operation::Modify: {
        Status s = api.modify(kind, *handle, documentParam(params, "Settings", true));
        return {"null", s};
    }
    case Operation::Query: {
        auto document = api.query(kind, *handle, documentParam(params, "Query", false));
        return document.ok() ? Reply{std::move(*document), {}} : Reply{{}, document.status()};
    }
    case Operation::QueryEndpointStats: {
        auto stats = api.queryEndpointStats(*handle, documentParam(params, "Query", false));
        return stats.ok() ? Reply{std::move(*stats), {}} : Reply{{}, stats.status()};
    }
    case Operation::Close: {
        Status s = api.close(kind, *handle);
        if (s.ok())
            m_resources.removeHandle(*handle);
        return {"null", s};
    }
    default:
        return {{}, Status(hr::Unexpected, "unhandled operation")};
    }
}

RequestHandler::Reply RequestHandler::portReservation(const Method& method, const Json& params)
{
    Api& api = m_context.api;
    switch (method.operation) {
    case Operation::ReservePort: {
        auto handle = ownedHandle(params, "Handle", ResourceKind::GuestNetworkService);
        if (!handle.ok())
            return {{}, handle.status()};
        const auto protocol = static_cast<PortProtocol>(unsignedParam(params, "Protocol", UINT32_MAX));
        const auto access = static_cast<PortAccess>(unsignedParam(params, "Access", UINT32_MAX));
        const auto port = static_cast<std::uint16_t>(unsignedParam(params, "Port", 65535));
        auto reservation = api.reservePort(*handle, protocol, access, port);
        if (!reservation.ok())
            return {{}, reservation.status()};
        m_resources.addReservation(*reservation);
        return {R"({"Reservation":)" + std::to_string(*reservation) + "}", {}};
    }
    case Operation::ReservePortRange: {
        auto handle = ownedHandle(params, "Handle", ResourceKind::GuestNetworkService);
        if (!handle.ok())
            return {{}, handle.status()};
        const auto count = static_cast<std::uint16_t>(unsignedParam(params, "Count", 65535));
        auto reservation = api.reservePortRange(*handle, count);
        if (!reservation.ok())
            return {{}, reservation.status()};
        m_resources.addReservation(reservation->id);
        return {reservationToJson(*reservation).dump(), {}};
    }
    case Operation::ReleasePortReservation: {
        const ReservationId id = unsignedParam(params, "Reservation");
        if (!m_resources.ownsReservation(id))
            return {{}, Status(hr::Handle, "no port reservation has this handle.")};
        Status s = api.releasePortReservation(id);
        if (s.ok())
            m_resources.removeReservation(id);
        return {"null", s};
    }
    default: {
        auto all = api.portReservations();
        if (!all.ok())
            return {{}, all.status()};
        Json list = Json::array();
        for (const PortReservation& r : *all)
            list.push_back(reservationToJson(r));
        return {list.dump(), {}};
    }
    }
}

RequestHandler::Reply RequestHandler::hello(bool withCounts) const
{
    // Everything but the service's own identity comes from the Api, so hcnd and `hcnctl --embedded`
    // answer alike.
    auto about = m_context.api.info();
    if (!about.ok())
        return {{}, about.status()};
    Json out;
    out["Protocol"] = kProtocolVersion;
    out["Server"] = m_context.serverName;
    out["HnsVersion"] = versionToJson(about->hnsVersion);
    out["SchemaVersion"] = versionToJson(about->schemaVersion);
    out["Datapath"] = about->datapath;
    out["Sequence"] = about->sequence;
    if (about->readOnly) { // an offline snapshot: clients turn their changing actions off
        out["ReadOnly"] = true;
        out["Description"] = about->description;
    }
    if (withCounts) {
        const EngineCounts& counts = about->counts;
        out["Counts"] = {{"Networks", counts.networks},
                         {"Endpoints", counts.endpoints},
                         {"Namespaces", counts.namespaces},
                         {"LoadBalancers", counts.loadBalancers},
                         {"OpenHandles", counts.openHandles}};
        out["Clients"] = m_context.clients.load();
        out["ConnectionsAccepted"] = m_context.connectionsAccepted.load();
    }
    return {out.dump(), {}};
}

RequestHandler::Reply RequestHandler::service(const Method& method, const Json& params)
{
    switch (method.operation) {
    case Operation::Hello: {
        if (const Json* protocol = find(params, "Protocol")) {
            if (!protocol->is_number_integer())
                badParam("Protocol", "must be a number.");
            if (protocol->get<std::int64_t>() != kProtocolVersion)
                return {{},
                        Status(error::InvalidRequest, "protocol version " + protocol->dump() +
                                                          " is not supported (hcnd speaks version " +
                                                          std::to_string(kProtocolVersion) + ")")};
        }
        return hello(false);
    }
    case Operation::Authenticate: {
        const Json* token = find(params, "Token");
        if (!token || !token->is_string())
            badParam("Token", "must be a string.");
        const auto& given = token->get_ref<const std::string&>();
        const std::string& expected = m_context.token;
        const bool match =
            !m_requireAuthentication || (given.size() == expected.size() &&
                                         CRYPTO_memcmp(given.data(), expected.data(), expected.size()) == 0);
        if (!match) {
            m_closeRequested = true;
            return {{}, Status(error::AuthenticationRequired, "authentication failed: wrong token")};
        }
        m_authenticated = true;
        return {"null", {}};
    }
    case Operation::Info:
        return hello(true);
    case Operation::Snapshot: {
        auto snapshot = m_context.api.snapshot(documentParam(params, "Query", false));
        return snapshot.ok() ? Reply{std::move(*snapshot), {}} : Reply{{}, snapshot.status()};
    }
    case Operation::HandleId: {
        const Json* kindName = find(params, "Kind");
        const ResourceKind kind = kindName && kindName->is_string()
                                      ? resourceKindFromName(kindName->get_ref<const std::string&>())
                                      : ResourceKind::Invalid;
        if (kind == ResourceKind::Invalid)
            badParam("Kind", "must be one of Network, Endpoint, Namespace, LoadBalancer, SdnRoute, "
                             "GuestNetworkService.");
        auto handle = ownedHandle(params, "Handle", kind);
        if (!handle.ok())
            return {{}, handle.status()};
        auto id = m_context.api.handleId(kind, *handle);
        if (!id.ok())
            return {{}, id.status()};
        return {R"({"Id":")" + id->toString() + "\"}", {}};
    }
    case Operation::Subscribe:
        return subscribe(params);
    case Operation::Unsubscribe:
        return unsubscribe(params);
    case Operation::Ping:
        return {"{}", {}};
    default:
        return {{}, Status(hr::Unexpected, "unhandled operation")};
    }
}

RequestHandler::Reply RequestHandler::subscribe(const Json& params)
{
    SubscriptionScope scope;
    if (const Json* scopeJson = find(params, "Scope")) {
        if (!scopeJson->is_object())
            badParam("Scope", "must be an object.");
        scope.guestNetworkService = guidParam(*scopeJson, "GuestNetworkService", false);
        scope.network = guidParam(*scopeJson, "Network", false);
    }
    // The connection's own number, known before the engine can call back with the first event.
    const std::uint64_t number = m_resources.nextSubscriptionNumber();
    EventQueue* events = &m_events;
    auto callback = [events, wake = m_wake, number](const Notification& n) {
        if (events->push(number, n))
            wake();
    };
    auto engineId = m_context.api.subscribe(std::move(callback), std::move(scope));
    if (!engineId.ok())
        return {{}, engineId.status()};
    m_resources.addSubscription(number, *engineId);
    auto about = m_context.api.info();
    if (!about.ok())
        return {{}, about.status()};
    return {R"({"Subscription":)" + std::to_string(number) + R"(,"Sequence":)" +
                std::to_string(about->sequence) + "}",
            {}};
}

RequestHandler::Reply RequestHandler::unsubscribe(const Json& params)
{
    const std::uint64_t number = unsignedParam(params, "Subscription");
    const SubscriptionId engineId = m_resources.engineSubscription(number);
    if (engineId == 0)
        badParam("Subscription", std::to_string(number) + " is not a subscription of this connection.");
    // After this the callback neither runs nor will: then nothing of it is left queued either.
    m_context.api.unsubscribe(engineId);
    m_events.forget(number);
    m_resources.removeSubscription(number);
    return {"null", {}};
}

} // namespace hcn::rpc
