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

std::unordered_map<std::string, Method> buildTable()
{
    std::unordered_map<std::string, Method> methods;
    for (ResourceKind kind : kResourceKinds)
        for (Operation operation : kPerKindOperations)
            methods.emplace(perKindName(operation, kind), Method{operation, kind});
    for (const ServiceMethod& m : kServiceMethods)
        methods.emplace(m.name, Method{m.operation, ResourceKind::Invalid});
    return methods;
}

const std::unordered_map<std::string, Method>& table()
{
    static const std::unordered_map<std::string, Method> methods = buildTable();
    return methods;
}

} // namespace

Method findMethod(std::string_view name)
{
    const auto& methods = table();
    auto it = methods.find(std::string(name));
    return it == methods.end() ? Method{} : it->second;
}

std::string methodName(Operation operation, ResourceKind kind)
{
    if (kind != ResourceKind::Invalid)
        return perKindName(operation, kind);
    for (const ServiceMethod& m : kServiceMethods)
        if (m.operation == operation)
            return m.name;
    return {};
}

} // namespace hcn::rpc
