#include "rpc/method_table.h"

#include <array>
#include <string>
#include <unordered_map>

namespace hcn::rpc {

namespace {

constexpr std::array<Operation, 7> kPerKindOperations{
    Operation::Enumerate, Operation::Create, Operation::Open, Operation::Modify,
    Operation::Query,     Operation::Delete, Operation::Close};

struct ServiceMethod
{
    const char* name;
    Operation operation;
};

constexpr std::array<ServiceMethod, 13> kServiceMethods{{
    {"HcnQueryEndpointStats", Operation::QueryEndpointStats},
    {"HcnReserveGuestNetworkServicePort", Operation::ReservePort},
    {"HcnReserveGuestNetworkServicePortRange", Operation::ReservePortRange},
    {"HcnReleaseGuestNetworkServicePortReservationHandle", Operation::ReleasePortReservation},
    {"HcnEnumerateGuestNetworkPortReservations", Operation::EnumeratePortReservations},
    {"hcnd.hello", Operation::Hello},
    {"hcnd.authenticate", Operation::Authenticate},
    {"hcnd.info", Operation::Info},
    {"hcnd.snapshot", Operation::Snapshot},
    {"hcnd.handleId", Operation::HandleId},
    {"hcnd.subscribe", Operation::Subscribe},
    {"hcnd.unsubscribe", Operation::Unsubscribe},
    {"hcnd.ping", Operation::Ping},
}};

std::string perKindName(Operation operation, ResourceKind kind)
{
    const std::string k(resourceKindName(kind));
    switch (operation) {
    case Operation::Enumerate:
        return "HcnEnumerate" + k + "s";
    case Operation::Create:
        return "HcnCreate" + k;
    case Operation::Open:
        return "HcnOpen" + k;
    case Operation::Modify:
        return "HcnModify" + k;
    case Operation::Query:
        return "HcnQuery" + k + "Properties";
    case Operation::Delete:
        return "HcnDelete" + k;
    case Operation::Close:
        return "HcnClose" + k;
    default:
        return {};
    }
}

/// Lookups by string_view: the name of a request is looked up without copying it.
struct NameHash
{
    using is_transparent = void;
    std::size_t operator()(std::string_view name) const noexcept { return std::hash<std::string_view>{}(name); }
};

struct Tables
{
    std::unordered_map<std::string, Method, NameHash, std::equal_to<>> methods;
    /// Wire names by [operation][kind], built once: callers get a reference, not a new string per call.
    std::array<std::array<std::string, 7>, static_cast<std::size_t>(Operation::Ping) + 1> names;
};

Tables buildTables()
{
    Tables t;
    for (ResourceKind kind : kResourceKinds)
        for (Operation operation : kPerKindOperations) {
            std::string name = perKindName(operation, kind);
            t.names[static_cast<std::size_t>(operation)][static_cast<std::size_t>(kind)] = name;
            t.methods.emplace(std::move(name), Method{operation, kind});
        }
    for (const ServiceMethod& m : kServiceMethods) {
        t.names[static_cast<std::size_t>(m.operation)][static_cast<std::size_t>(ResourceKind::Invalid)] = m.name;
        t.methods.emplace(m.name, Method{m.operation, ResourceKind::Invalid});
    }
    return t;
}

const Tables& tables()
{
    static const Tables t = buildTables();
    return t;
}

} // namespace

Method findMethod(std::string_view name)
{
    const auto& methods = tables().methods;
    auto it = methods.find(name);
    return it == methods.end() ? Method{} : it->second;
}

const std::string& methodName(Operation operation, ResourceKind kind)
{
    static const std::string none;
    const auto op = static_cast<std::size_t>(operation);
    const auto k = static_cast<std::size_t>(kind);
    const auto& names = tables().names;
    return op < names.size() && k < names[op].size() ? names[op][k] : none;
}

} // namespace hcn::rpc
