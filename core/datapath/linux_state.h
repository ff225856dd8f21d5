#pragma once
// What the Linux datapath has programmed, and the operations that program it. Each operation either
// completes or undoes its own partial work before it returns its error; a transaction keeps the inverse
// of every completed operation (linux_datapath.cpp).

#include "datapath/linux_linkmonitor.h"
#include "datapath/linux_loopback_proxy.h"
#include "datapath/linux_netlink.h"
#include "datapath/linux_netns.h"
#include "datapath/linux_nftables.h"
#include "datapath/linux_plan.h"
#include "datapath/linux_reaper.h"
#include "datapath/linux_ruleset.h"
#include "datapath/linux_undo.h"
#include "hcn/linux_datapath.h"

#include <map>
#include <memory>
#include <set>
#include <string>

namespace hcn {

struct LinuxDatapath::State
{
    LinuxDatapathOptions options;
    linuxdp::RouteSocket host;
    linuxdp::NetnsFd hostNs;
    linuxdp::Nftables nft;
    unsigned long hostNsInode = 0;
    bool tablesReady = false;
    bool bridgeSeen = false; ///< a bridge has existed in this namespace (see ensureTables)
    bool forwardingEnabled = false;

    struct Attachment
    {
        Guid ns;
        std::string interface; ///< the peer's name inside the namespace
    };

    std::map<Guid, linuxdp::NetworkPlan> networks;
    std::map<Guid, linuxdp::EndpointPlan> endpoints;
    std::map<Guid, Attachment> attachments;
    std::map<Guid, linuxdp::ProgrammedLoadBalancer> loadBalancers;
    std::map<Guid, linuxdp::SdnRoutePlan> sdnRoutes;
    /// A namespace we made, held open: its descriptor and a route socket inside it.
    struct Namespace
    {
        linuxdp::NetnsFd fd;
        linuxdp::RouteSocket sock;
    };
    std::map<Guid, Namespace> namespaces;
    std::set<std::string> failSteps;
    std::unique_ptr<linuxdp::LinkReaper> reaper;
    /// Reports MTU changes of the links of hcnd's namespace (followUnderlay); stopped before the rest.
    std::unique_ptr<linuxdp::LinkMonitor> linkMonitor;
    /// Published ports without a VIP on 127.0.0.1 and ::1 (DNAT cannot reach them there).
    std::unique_ptr<linuxdp::LoopbackProxy> loopback;
    /// Host-side links in the nftables set `removing` (cut off, waiting for the reaper or just reaped).
    std::set<std::string> removing;

    State(LinuxDatapathOptions o, linuxdp::RouteSocket h, linuxdp::NetnsFd ns, linuxdp::Nftables n)
        : options(std::move(o)), host(std::move(h)), hostNs(std::move(ns)), nft(std::move(n))
    {
    }

    /// An injected failure of `step` (failStepOnce), else success.
    Status injected(const std::string& step);
    Status ensureTables();

    Status addNetwork(const linuxdp::NetworkPlan& plan);
    Status removeNetwork(const Guid& id);
    Status addEndpoint(const linuxdp::EndpointPlan& plan);
    Status removeEndpoint(const Guid& id);
    /// Replaces an endpoint's rules (policies changed) and, when its addresses changed, the rules of the
    /// load balancers it backs, in one nftables transaction.
    Status replaceEndpointRules(const Guid& id, const linuxdp::EndpointPlan& next);
    Status attach(const Guid& endpoint, const Guid& ns);
    Status detach(const Guid& endpoint);
    /// Adds or replaces (in one nftables transaction) a load balancer's rules.
    Status setLoadBalancer(const linuxdp::LoadBalancerPlan& plan);
    Status removeLoadBalancer(const Guid& id);
    /// An SDN route's routes in the namespace of each attached endpoint it names (the others get them
    /// when they are attached).
    Status addSdnRoute(const linuxdp::SdnRoutePlan& plan);
    Status removeSdnRoute(const Guid& id);
    /// An overlay network's RemoteSubnetRoutes become `next`: what is gone is removed, what is new added.
    Status setRemoteSubnets(const Guid& network, const std::vector<linuxdp::RemoteSubnetPlan>& next);
    /// A network's gateway addresses on its bridge become `next` (subnets added or removed by a modify):
    /// what is gone is removed, what is new added (linux_netmodify.cpp).
    Status setGateways(const Guid& network, const std::vector<std::string>& next);
    /// A network's ACLs (NetworkACL policies) become `next`: the ACL chains of all its local endpoints
    /// made again in one nftables transaction (linux_netmodify.cpp).
    Status setNetworkAcls(const Guid& network, const std::vector<linuxdp::AclPlan>& next);
    /// The ACLs of `network` that its endpoints' chains hold (none for a network not programmed).
    const std::vector<linuxdp::AclPlan>& networkAclsOf(const Guid& network) const;
    /// The commands that take the ACL chains of `network`'s local endpoints from its ACLs `from` to `to`.
    std::string networkAclMove(const Guid& network, const std::vector<linuxdp::AclPlan>& from,
                               const std::vector<linuxdp::AclPlan>& to) const;
    /// An overlay network's bridge takes `mac` (a new DrMacAddress) and announces it to its endpoints.
    Status setRouterMac(const Guid& network, std::uint64_t mac);
    /// An overlay network's VXLAN device made again with `next`'s VSID, ProviderAddress and port, its
    /// remote endpoints' and remote subnets' entries moved onto it, and the network sized after the new
    /// underlay. `next`'s remote subnets are not looked at (setRemoteSubnets).
    Status replaceTunnel(const Guid& network, const linuxdp::OverlayPlan& next);
    Status addNamespace(const Guid& id);
    Status removeNamespace(const Guid& id);
    /// Writes the namespace's resolv.conf from the Dns of the endpoint attached on its lowest-numbered
    /// interface that has any (eth0 first), or removes it when none has.
    Status syncResolvConf(const Guid& ns);

    /// A remote subnet's route, neighbour and forwarding entries on an overlay network; each undoes its
    /// partial work. `others`: the network's remote subnets programmed besides it, with which it shares
    /// the forwarding entries of their router (its MAC behind its provider address).
    Status addRemoteSubnet(const linuxdp::NetworkPlan& network, const linuxdp::RemoteSubnetPlan& remote,
                           const std::vector<linuxdp::RemoteSubnetPlan>& others);
    Status removeRemoteSubnet(const linuxdp::NetworkPlan& network, const linuxdp::RemoteSubnetPlan& remote,
                              const std::vector<linuxdp::RemoteSubnetPlan>& others);
    /// A remote endpoint's forwarding and neighbour entries on its overlay network's VXLAN device;
    /// nothing when its network is no overlay or it lacks a MAC, IPv4 address or ProviderAddress.
    Status addRemoteEndpoint(const linuxdp::EndpointPlan& plan);
    /// Moves link `from`'s global addresses and the routes out of it to link `to`, all or nothing: an
    /// L2Bridge or Transparent network's adapter gives them to the bridge that enslaves it, and gets
    /// them back when the network goes (linux_adapter.cpp).
    Status moveAddressing(const std::string& from, const std::string& to);
    /// An L2Bridge or Transparent network's bridge takes its adapter: enslaves it and takes its
    /// addressing, or, when another L2Bridge network's bridge holds it already, joins that bridge by a
    /// veth pair (HNS's several networks on one vSwitch); Transparent needs an adapter of its own. Fills
    /// in `network`'s MTU and underlay; the steps to undo go into `undo` (linux_adapter.cpp).
    Status joinAdapter(linuxdp::NetworkPlan& network, linuxdp::LocalUndo& undo);
    /// The reverse when the network goes: its trunk goes, or the adapter and its addressing go to the
    /// next network sharing it, or back to the adapter.
    Status leaveAdapter(const linuxdp::NetworkPlan& network);
    void removeRemoteEndpoint(const linuxdp::EndpointPlan& plan);
    /// Adds (or deletes) the routes of every SDN route naming the attached endpoint in its namespace.
    Status addSdnRoutesOf(const Guid& endpoint, const linuxdp::SdnRoutePlan& route);
    void removeSdnRoutesOf(const Guid& endpoint, const linuxdp::SdnRoutePlan& route);

    /// Makes `name` usable again if it is being removed: waits for the reaper, drops it from `removing`.
    Status reclaimName(const std::string& name);

    /// Removes everything programmed and hcnd's tables; best effort, logs what fails.
    void removeAll();
    /// Removes what an earlier run left: tagged links, the tables, namespaces marked with our host.
    void removeLeftovers();
    /// Before leftover bridges go: each one's addressing back to the adapter it still holds.
    void giveBackAdapterAddressing();

    /// The networks over link `ifindex` (0: over any link) whose underlay's MTU is no longer the one they
    /// were sized for are sized again (setUnderlayMtu); failures are logged (linux_mtu.cpp).
    void followUnderlay(int ifindex);
    /// An overlay's VXLAN device and bridge to the tunnel's MTU over `underlayMtu`, and each attached
    /// endpoint's pair (both ends) to the MTU its attach would give it now.
    Status setUnderlayMtu(linuxdp::NetworkPlan& network, std::uint32_t underlayMtu);
};

} // namespace hcn
