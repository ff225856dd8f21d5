#pragma once
// The method names of docs/rpc.md and what each one does: HcnCreateNetwork -> (Create, Network) ...

#include "hcn/resource_kind.h"

#include <string>
#include <string_view>

namespace hcn::rpc {

enum class Operation
{
    Invalid,
    Enumerate,
    Create,
    Open,
    Modify,
    Query,
    Delete,
    Close,
    QueryEndpointStats,
    ReservePort,
    ReservePortRange,
    ReleasePortReservation,
    EnumeratePortReservations,
    Hello,
    Authenticate,
    Info,
    Snapshot,
    HandleId,
    Subscribe,
    Unsubscribe,
    Ping
};

struct Method
{
    Operation operation = Operation::Invalid;
    /// The resource kind of the Hcn* per-kind methods; Invalid for the others.
    ResourceKind kind = ResourceKind::Invalid;
};

/// The method a name denotes; operation Invalid for unknown names. Case-sensitive, as JSON-RPC is.
Method findMethod(std::string_view name);
/// The wire name of an operation on a kind ("HcnQueryEndpointProperties"); empty when there is none.
const std::string& methodName(Operation operation, ResourceKind kind = ResourceKind::Invalid);

} // namespace hcn::rpc
