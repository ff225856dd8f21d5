#pragma once
// The Linux datapath (`hcnd --datapath linux`, docs/datapath-linux.md): HCN objects as real kernel
// objects. A network is a bridge, an endpoint a veth pair, a namespace a named network namespace
// (/run/netns/hcn-<guid>), an overlay network a bridge with a VXLAN port and its remote endpoints
// forwarding entries, port mappings, ACLs and OutBoundNAT are nftables rules in hcnd's own tables.
// Programmed through netlink (libnl-route) and libnftables in-process. Needs root (CAP_NET_ADMIN and
// CAP_SYS_ADMIN). Built only when those libraries are found (HCN_HAVE_LINUX_DATAPATH).

#include "hcn/datapath.h"

#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace hcn {

struct LinuxDatapathOptions
{
    /// Where named namespaces are mounted (iproute2's place).
    std::string netnsDir = "/run/netns";
    /// Where hcnd marks the namespaces it made, so a restart removes a crashed run's leftovers only.
    std::string stateDir = "/run/hcn/netns";
    /// Where a namespace's own /etc files go (iproute2's place): <dir>/<namespace>/resolv.conf holds
    /// the DNS settings of the endpoints attached to it; `ip netns exec` bind-mounts it.
    std::string etcNetnsDir = "/etc/netns";
};

class LinuxDatapath final : public Datapath
{
public:
    /// Opens the backend in the calling thread's network namespace: removes what an earlier run left
    /// there (links tagged as ours, hcnd's nftables tables, namespaces marked as made from it), then
    /// creates the empty tables.
    static Result<std::shared_ptr<LinuxDatapath>> open(LinuxDatapathOptions options = {});
    ~LinuxDatapath() override; ///< removes everything still programmed

    std::string_view name() const override { return "linux"; }
    std::unique_ptr<DatapathTransaction> begin() override;
    void reset() override;
    Result<EndpointCounters> endpointCounters(const Guid& endpoint) const override;

    /// Where an endpoint's port is. Its veth pair exists while it is attached: the host side (the name
    /// is fixed from the endpoint's GUID) and the peer's name and namespace inside.
    using Port = EndpointPort;
    std::optional<EndpointPort> endpointPort(const Guid& endpoint) const override;
    /// The bridge of a programmed network (empty when none).
    std::string networkBridge(const Guid& network) const;
    /// "hcn-<guid in lower case>".
    static std::string namespaceName(const Guid& ns);

    /// Waits until the links of detached endpoints are gone. A detach cuts its veth pair off at once
    /// (nothing passes it) and leaves the kernel's unregister, which waits for an RCU grace period, to
    /// a thread of the datapath; attaching the endpoint again and reset() wait for it themselves.
    void waitForRemovals();

    /// Makes the named step fail once, after the kernel work before it is done, to exercise the undo
    /// paths: "bridge" (network create), "rules" (endpoint create), "veth", "attach.address",
    /// "attach.route" (attach), "namespace" (namespace create), "adapter" (l2bridge network create, after the
    /// adapter joined the bridge), "vxlan" and "remotesubnet" (overlay network create), "remote" (remote
    /// endpoint create, after its forwarding entries), "sdnroute" (after an SDN route's first route),
    /// "gateway" (network modify, after a new subnet's gateway), "tunnel" (network modify, after the
    /// new VXLAN device).
    void failStepOnce(std::string step);

    struct State; // private; named here so the implementation files can share it

private:
    explicit LinuxDatapath(std::unique_ptr<State> state);
    class Transaction;
    mutable std::mutex m_mutex;
    std::unique_ptr<State> m_state;
};

} // namespace hcn
