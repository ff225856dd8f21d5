#include "method_dispatcher.h"

#include "kind_names.h"

#include <array>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>

namespace hcn::ctl {

namespace {

using json = nlohmann::ordered_json;

constexpr int kProtocolVersion = 1;

Status invalidParams(std::string_view parameter, std::string_view problem)
{
    return Status(hr::InvalidArg,
                  "invalid params: \"" + std::string(parameter) + "\" " + std::string(problem) + ".");
}

/// A required unsigned integer parameter (handles, reservations).
Status readNumber(const json& params, const char* name, std::uint64_t& out)
{
    auto it = params.find(name);
    if (it == params.end())
        return invalidParams(name, "is missing");
    if (!it->is_number_unsigned() && !(it->is_number_integer() && it->get<std::int64_t>() >= 0))
        return invalidParams(name, "must be a non-negative integer");
    out = it->get<std::uint64_t>();
    return Status::success();
}

Status readGuid(const json& params, const char* name, bool required, Guid& out)
{
    auto it = params.find(name);
    if (it == params.end() || (!required && it->is_null())) {
        if (required)
            return invalidParams(name, "is missing");
        out = Guid{};
        return Status::success();
    }
    if (!it->is_string())
        return invalidParams(name, "must be a GUID string");
    auto parsed = Guid::parse(it->get<std::string>(), true);
    if (!parsed)
        return invalidParams(name, "is not a GUID (\"" + it->get<std::string>() + "\")");
    out = *parsed;
    return Status::success();
}

/// Settings and Query take an object or a string holding JSON text; a string goes to the engine
/// verbatim so that invalid text gets the engine's HCN_E_INVALID_JSON, as over hcnd.
Status readDocument(const json& params, const char* name, bool required, std::string& out)
{
    auto it = params.find(name);
    if (it == params.end() || it->is_null()) {
        if (required)
            return invalidParams(name, "is missing");
        out.clear();
        return Status::success();
    }
    if (it->is_string())
        out = it->get<std::string>();
    else if (it->is_object())
        out = it->dump();
    else
        return invalidParams(name, "must be a JSON object or a string holding JSON text");
    return Status::success();
}

Result<std::string> nullResult(const Status& status)
{
    if (!status.ok())
        return status;
    return std::string("null");
}

json versionJson(SchemaVersion version)
{
    return {{"Major", version.major}, {"Minor", version.minor}};
}

json reservationJson(const PortReservation& r)
{
    return {{"Id", r.id},
            {"OwningPartitionId", r.owningPartitionId.toString()},
            {"TargetPartitionId", r.targetPartitionId.toString()},
            {"Protocol", static_cast<std::uint32_t>(r.protocol)},
            {"Access", static_cast<std::uint32_t>(r.access)},
            {"Priority", r.priority},
            {"ReservationType", r.reservationType},
            {"StartingPort", r.startingPort},
            {"EndingPort", r.endingPort}};
}

/// "Network" -> ResourceKind::Network for the singular spellings of computenetwork.h.
ResourceKind kindFromMethodName(std::string_view name)
{
    for (ResourceKind kind : kAllKinds)
        if (resourceKindName(kind) == name)
            return kind;
    return ResourceKind::Invalid;
}

ResourceKind kindFromPlural(std::string_view name)
{
    for (ResourceKind kind : kAllKinds)
        if (kindPlural(kind) == name)
            return kind;
    return ResourceKind::Invalid;
}

Status unknownMethod(std::string_view method)
{
    return Status(hr::NotImplemented, "unknown method \"" + std::string(method) + "\".");
}

} // namespace

MethodDispatcher::MethodDispatcher(Api& api) : m_api(api) {}

Result<std::string> MethodDispatcher::call(std::string_view method, std::string_view paramsJson)
{
    json params = json::object();
    if (!paramsJson.empty()) {
        params = json::parse(paramsJson, nullptr, false);
        if (params.is_discarded() || !params.is_object())
            return Status(hr::InvalidArg, "invalid params: the parameters must be a JSON object.");
    }
    if (method.starts_with("hcnd."))
        return callServiceMethod(method, params);
    if (method.find("GuestNetworkServicePort") != std::string_view::npos ||
        method == "HcnEnumerateGuestNetworkPortReservations" || method == "HcnQueryEndpointStats")
        return callPortMethod(method, params);
    if (method.starts_with("Hcn"))
        return callResourceMethod(method, params);
    return unknownMethod(method);
}

Result<std::string> MethodDispatcher::callResourceMethod(std::string_view method, const json& params)
{
    std::string_view rest = method.substr(3);
    if (rest.starts_with("Enumerate")) {
        const ResourceKind kind = kindFromPlural(rest.substr(9));
        if (kind == ResourceKind::Invalid)
            return unknownMethod(method);
        std::string query;
        if (Status s = readDocument(params, "Query", false, query); !s.ok())
            return s;
        return m_api.enumerate(kind, query);
    }

    static constexpr std::array<std::string_view, 6> kVerbs{"Create", "Open",   "Modify",
                                                            "Query",  "Delete", "Close"};
    std::string_view verb;
    for (std::string_view candidate : kVerbs)
        if (rest.starts_with(candidate))
            verb = candidate;
    if (verb.empty())
        return unknownMethod(method);
    std::string_view kindName = rest.substr(verb.size());
    if (verb == "Query") {
        if (!kindName.ends_with("Properties"))
            return unknownMethod(method);
        kindName.remove_suffix(std::string_view("Properties").size());
    }
    const ResourceKind kind = kindFromMethodName(kindName);
    if (kind == ResourceKind::Invalid)
        return unknownMethod(method);

    if (verb == "Create") {
        Guid id;
        std::string settings;
        std::uint64_t network = 0;
        if (Status s = readGuid(params, "Id", false, id); !s.ok())
            return s;
        if (Status s = readDocument(params, "Settings", true, settings); !s.ok())
            return s;
        if (kind == ResourceKind::Endpoint && params.contains("Network"))
            if (Status s = readNumber(params, "Network", network); !s.ok())
                return s;
        auto handle = m_api.create(kind, id, settings, network);
        if (!handle.ok())
            return handle.status();
        auto createdId = m_api.handleId(kind, *handle);
        if (!createdId.ok())
            return createdId.status();
        return json{{"Handle", *handle}, {"Id", createdId->toString()}}.dump();
    }
    if (verb == "Open" || verb == "Delete") {
        Guid id;
        if (Status s = readGuid(params, "Id", true, id); !s.ok())
            return s;
        if (verb == "Delete")
            return nullResult(m_api.remove(kind, id));
        auto handle = m_api.open(kind, id);
        if (!handle.ok())
            return handle.status();
        return json{{"Handle", *handle}}.dump();
    }

    std::uint64_t handle = 0;
    if (Status s = readNumber(params, "Handle", handle); !s.ok())
        return s;
    if (verb == "Close")
        return nullResult(m_api.close(kind, handle));
    std::string document;
    if (verb == "Modify") {
        if (Status s = readDocument(params, "Settings", true, document); !s.ok())
            return s;
        return nullResult(m_api.modify(kind, handle, document));
    }
    if (Status s = readDocument(params, "Query", false, document); !s.ok())
        return s;
    return m_api.query(kind, handle, document);
}

Result<std::string> MethodDispatcher::callPortMethod(std::string_view method, const json& params)
{
    if (method == "HcnEnumerateGuestNetworkPortReservations") {
        auto reservations = m_api.portReservations();
        if (!reservations.ok())
            return reservations.status();
        json out = json::array();
        for (const PortReservation& r : *reservations)
            out.push_back(reservationJson(r));
        return out.dump();
    }
    if (method == "HcnReleaseGuestNetworkServicePortReservationHandle") {
        std::uint64_t reservation = 0;
        if (Status s = readNumber(params, "Reservation", reservation); !s.ok())
            return s;
        return nullResult(m_api.releasePortReservation(reservation));
    }

    std::uint64_t handle = 0;
    if (Status s = readNumber(params, "Handle", handle); !s.ok())
        return s;
    if (method == "HcnQueryEndpointStats") {
        std::string query;
        if (Status s = readDocument(params, "Query", false, query); !s.ok())
            return s;
        return m_api.queryEndpointStats(handle, query);
    }
    if (method == "HcnReserveGuestNetworkServicePortRange") {
        std::uint64_t count = 0;
        if (Status s = readNumber(params, "Count", count); !s.ok())
            return s;
        if (count > std::numeric_limits<std::uint16_t>::max())
            return invalidParams("Count", "must be at most 65535");
        auto reservation = m_api.reservePortRange(handle, static_cast<std::uint16_t>(count));
        if (!reservation.ok())
            return reservation.status();
        return reservationJson(*reservation).dump();
    }
    if (method == "HcnReserveGuestNetworkServicePort") {
        std::uint64_t protocol = 0, access = 0, port = 0;
        for (auto [name, out] : {std::pair{"Protocol", &protocol}, {"Access", &access}, {"Port", &port}})
            if (Status s = readNumber(params, name, *out); !s.ok())
                return s;
        if (protocol < 1 || protocol > 3)
            return invalidParams("Protocol", "must be 1 (TCP), 2 (UDP) or 3 (both)");
        if (access < 1 || access > 2)
            return invalidParams("Access", "must be 1 (exclusive) or 2 (shared)");
        if (port > std::numeric_limits<std::uint16_t>::max())
            return invalidParams("Port", "must be at most 65535");
        auto reservation =
            m_api.reservePort(handle, static_cast<PortProtocol>(protocol), static_cast<PortAccess>(access),
                              static_cast<std::uint16_t>(port));
        if (!reservation.ok())
            return reservation.status();
        return json{{"Reservation", *reservation}}.dump();
    }
    return unknownMethod(method);
}

Result<std::string> MethodDispatcher::callServiceMethod(std::string_view method, const json& params)
{
    if (method == "hcnd.ping")
        return std::string("{}");
    if (method == "hcnd.hello")
        return serviceInfo(false);
    if (method == "hcnd.info")
        return serviceInfo(true);
    if (method == "hcnd.snapshot") {
        std::string query;
        if (Status s = readDocument(params, "Query", false, query); !s.ok())
            return s;
        return m_api.snapshot(query);
    }
    if (method == "hcnd.handleId") {
        auto kindIt = params.find("Kind");
        if (kindIt == params.end() || !kindIt->is_string())
            return invalidParams("Kind", "must be a kind name such as \"Network\"");
        const ResourceKind kind = kindFromMethodName(kindIt->get<std::string>());
        if (kind == ResourceKind::Invalid)
            return invalidParams("Kind", "is not a kind name such as \"Network\"");
        std::uint64_t handle = 0;
        if (Status s = readNumber(params, "Handle", handle); !s.ok())
            return s;
        auto id = m_api.handleId(kind, handle);
        if (!id.ok())
            return id.status();
        return json{{"Id", id->toString()}}.dump();
    }
    if (method == "hcnd.subscribe" || method == "hcnd.unsubscribe" || method == "hcnd.authenticate")
        return Status(hr::InvalidArg, "\"" + std::string(method) +
                                          "\" needs a connection to hcnd; with an embedded engine use "
                                          "`hcnctl events` against a running service instead.");
    return unknownMethod(method);
}

Result<std::string> MethodDispatcher::serviceInfo(bool withCounts)
{
    auto about = m_api.info();
    if (!about.ok())
        return about.status();
    json out{{"Protocol", kProtocolVersion},
             {"Server", about->endpoint},
             {"HnsVersion", versionJson(about->hnsVersion)},
             {"SchemaVersion", versionJson(about->schemaVersion)},
             {"Datapath", about->datapath}};
    if (withCounts) {
        json counts = json::object();
        for (ResourceKind kind : {ResourceKind::Network, ResourceKind::Endpoint, ResourceKind::Namespace,
                                  ResourceKind::LoadBalancer}) {
            auto ids = m_api.enumerate(kind, "");
            if (!ids.ok())
                return ids.status();
            counts[std::string(kindPlural(kind))] = json::parse(*ids).size();
        }
        out["Counts"] = std::move(counts);
    }
    return out.dump();
}

} // namespace hcn::ctl
