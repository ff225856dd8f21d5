#pragma once
// The interface the engine programs for every change. Backends (the simulated default; later Linux
// namespaces/bridges/nftables, or Windows' own HCN) plug in here without touching the engine.
//
// Every engine call that changes state opens one transaction, stages each object change in order, then
// commits. A stage or commit failure makes the engine roll the transaction back and undo its own state,
// so a failed call leaves both the engine and the datapath exactly as before.

#include "hcn/guid.h"
#include "hcn/resource_kind.h"
#include "hcn/status.h"

#include <cstdint>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace hcn {

enum class ChangeOp
{
    Create,
    Modify,
    Delete
};

std::string_view changeOpName(ChangeOp op);

/// One object change. The documents are the engine's normalized v2 documents; they stay valid until
/// the transaction's commit() or rollback() returns. `after` is the object's document as the whole call
/// leaves it: when one call changes an object twice (a network delete removing two of a load balancer's
/// backends), each staged change shows that final document.
struct DatapathChange
{
    ChangeOp op = ChangeOp::Create;
    ResourceKind kind = ResourceKind::Invalid;
    Guid id;
    const nlohmann::ordered_json* before = nullptr; ///< null for Create
    const nlohmann::ordered_json* after = nullptr;  ///< null for Delete
};

/// Traffic counters of one endpoint's port.
struct EndpointCounters
{
    std::uint64_t bytesReceived = 0;
    std::uint64_t bytesSent = 0;
    std::uint64_t packetsReceived = 0;
    std::uint64_t packetsSent = 0;
    std::uint64_t droppedPacketsIncoming = 0;
    std::uint64_t droppedPacketsOutgoing = 0;
};

/// Where an endpoint's port is, in the backend's own names (the "Datapath" object of the stats
/// document, docs/datapath-linux.md). Backends without host interfaces leave the names empty.
struct EndpointPort
{
    std::string hostInterface;      ///< the host side ("hcnv<11 hex>" on Linux)
    std::string namespaceInterface; ///< the interface inside the namespace ("eth0"); empty while detached
    std::string namespaceName;      ///< the namespace's name ("hcn-<guid>" on Linux); empty while detached
    bool attached = false;          ///< in a namespace: the port exists and its counters count
};

class DatapathTransaction
{
public:
    virtual ~DatapathTransaction() = default;
    /// Programs one change tentatively. A failure leaves earlier stages in place for rollback().
    virtual Status stage(const DatapathChange& change) = 0;
    /// Makes every staged change final. On failure the backend has undone all of them.
    virtual Status commit() = 0;
    /// Undoes every staged change; called instead of commit(), or after a failed stage().
    virtual void rollback() = 0;
};

class Datapath
{
public:
    virtual ~Datapath() = default;
    /// "simulated", "linux", ...
    virtual std::string_view name() const = 0;
    virtual std::unique_ptr<DatapathTransaction> begin() = 0;
    /// Removes everything the backend programmed (service stop: HCN is stateless).
    virtual void reset() = 0;
    /// The port counters of a programmed endpoint; HCN_E_ENDPOINT_NOT_FOUND when it has no port.
    virtual Result<EndpointCounters> endpointCounters(const Guid& endpoint) const = 0;
    /// Where a programmed local endpoint's port is; nullopt when the backend has no port for it.
    virtual std::optional<EndpointPort> endpointPort(const Guid& endpoint) const = 0;
};

} // namespace hcn
