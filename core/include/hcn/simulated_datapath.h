#pragma once
// The default datapath: records what a real backend would program (one switch per network, one port per
// local endpoint, NAT and load-balancer rules) so tests and the console can inspect it, and can be told to
// fail chosen operations to exercise rollback.

#include "hcn/datapath.h"

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace hcn {

class SimulatedDatapath final : public Datapath
{
public:
    SimulatedDatapath();
    ~SimulatedDatapath() override;

    std::string_view name() const override { return "simulated"; }
    std::unique_ptr<DatapathTransaction> begin() override;
    void reset() override;
    Result<EndpointCounters> endpointCounters(const Guid& endpoint) const override;
    /// No interface names (the simulated host has none); attached when the programmed port names a
    /// namespace.
    std::optional<EndpointPort> endpointPort(const Guid& endpoint) const override;

    /// Adds traffic to a programmed endpoint's counters (the simulated host has no packets of its own).
    Status addTraffic(const Guid& endpoint, const EndpointCounters& delta);

    /// Makes the next staged change matching (op, kind) fail with code; count = how many times.
    void injectFailure(ChangeOp op, ResourceKind kind, HResult code, int count = 1);
    /// Makes the next commit fail with code.
    void injectCommitFailure(HResult code, int count = 1);
    void clearFailures();

    /// What is programmed, as JSON text:
    /// {"Network":[...],"Endpoint":[...],"Namespace":[...],"LoadBalancer":[...]}.
    std::string snapshot() const;
    /// Number of programmed objects of a kind.
    std::size_t programmedCount(ResourceKind kind) const;
    /// Committed transactions so far.
    std::uint64_t commitCount() const;

private:
    class Transaction;
    struct Programmed;
    struct Failure
    {
        std::optional<ChangeOp> op; ///< unset: a commit failure
        ResourceKind kind = ResourceKind::Invalid;
        HResult code = 0;
        int remaining = 0;
    };

    std::optional<HResult> takeFailure(std::optional<ChangeOp> op, ResourceKind kind);

    mutable std::mutex m_mutex;
    std::unique_ptr<Programmed> m_programmed;
    std::vector<Failure> m_failures;
    std::uint64_t m_commits = 0;
};

} // namespace hcn
