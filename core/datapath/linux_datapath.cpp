// The Linux datapath: the Datapath interface over the operations of linux_objects.cpp, with the undo log
// that makes each engine call all or nothing.

#include "hcn/linux_datapath.h"

#include "common/log.h"
#include "datapath/linux_ruleset.h"
#include "datapath/linux_state.h"
#include "datapath/linux_undo.h"

#include <functional>
#include <nlohmann/json.hpp>
#include <unistd.h>
#include <vector>

namespace hcn {

using namespace linuxdp;

class LinuxDatapath::Transaction final : public DatapathTransaction
{
public:
    explicit Transaction(LinuxDatapath& owner) : m_owner(owner) {}

    Status stage(const DatapathChange& change) override
    {
        std::lock_guard lock(m_owner.m_mutex);
        State& s = *m_owner.m_state;
        Status result = stageLocked(s, change);
        if (!result.ok())
            componentLogger("hcn.datapath")
                ->warn("linux datapath: {} {} {} failed: {}", changeOpName(change.op),
                       resourceKindName(change.kind), change.id.toString(), result.detail());
        return result;
    }

    Status commit() override
    {
        std::lock_guard lock(m_owner.m_mutex);
        m_undo.clear();
        return Status::success();
    }

    void rollback() override
    {
        std::lock_guard lock(m_owner.m_mutex);
        for (auto it = m_undo.rbegin(); it != m_undo.rend(); ++it)
            if (Status s = (*it)(); !s.ok())
                componentLogger("hcn.datapath")->error("linux datapath: undo failed: {}", s.detail());
        m_undo.clear();
    }

private:
    using Undo = std::function<Status()>;

    Status stageLocked(State& s, const DatapathChange& c)
    {
        switch (c.kind) {
        case ResourceKind::Network:
            return stageNetwork(s, c);
        case ResourceKind::Endpoint:
            return stageEndpoint(s, c);
        case ResourceKind::Namespace:
            return stageNamespace(s, c);
        case ResourceKind::LoadBalancer:
            return stageLoadBalancer(s, c);
        case ResourceKind::SdnRoute:
            return stageSdnRoute(s, c);
        case ResourceKind::GuestNetworkService:
        case ResourceKind::Invalid:
            return Status::success(); // nothing in the datapath
        }
        return Status::success();
    }

    Status stageNetwork(State& s, const DatapathChange& c)
    {
        if (c.op == ChangeOp::Create) {
            auto plan = planNetwork(c.id, *c.after);
            if (!plan.ok())
                return plan.status();
            if (Status st = s.addNetwork(*plan); !st.ok())
                return st;
            m_undo.push_back([&s, id = c.id] { return s.removeNetwork(id); });
        } else if (c.op == ChangeOp::Delete) {
            auto it = s.networks.find(c.id);
            if (it == s.networks.end())
                return Status::success();
            NetworkPlan saved = it->second;
            if (Status st = s.removeNetwork(c.id); !st.ok())
                return st;
            m_undo.push_back([&s, saved] { return s.addNetwork(saved); });
        } else if (c.op == ChangeOp::Modify) {
            return modifyNetwork(s, c);
        }
        return Status::success();
    }

    /// A network modify: what the new document programs differently, changed in place (the bridge and the
    /// endpoints' ports stay), as if the network had been made with it. Every step's inverse is logged.
    Status modifyNetwork(State& s, const DatapathChange& c)
    {
        auto it = s.networks.find(c.id);
        if (it == s.networks.end())
            return Status::success();
        auto next = planNetwork(c.id, *c.after);
        if (!next.ok())
            return next.status();
        const NetworkPlan& current = it->second;
        if (next->type != current.type || next->overlay.has_value() != current.overlay.has_value())
            return Status(hr::InvalidNetwork, "the linux datapath cannot change a network's type.");
        if (next->adapter != current.adapter)
            return Status(hr::InvalidPolicy, "the linux datapath cannot move a network to another adapter (" +
                                                 current.adapter + " to " + next->adapter +
                                                 "); delete the network and create it again.");
        // NetworkACL policies added or removed: the ACL chains of its endpoints, all in one nftables
        // transaction (made back by the transaction's undo when a later step fails).
        if (next->acls != current.acls) {
            const auto previous = current.acls;
            if (Status st = s.setNetworkAcls(c.id, next->acls); !st.ok())
                return st;
            m_undo.push_back([&s, id = c.id, previous] { return s.setNetworkAcls(id, previous); });
        }
        if (current.overlay) {
            const OverlayPlan previous = *current.overlay;
            const OverlayPlan& wanted = *next->overlay;
            if (wanted.vni != previous.vni || wanted.providerAddress != previous.providerAddress ||
                wanted.port != previous.port) {
                if (Status st = s.replaceTunnel(c.id, wanted); !st.ok())
                    return st;
                m_undo.push_back([&s, id = c.id, previous] { return s.replaceTunnel(id, previous); });
            }
            // No DrMacAddress any more: the bridge keeps the MAC it has, as good as the random one a
            // create without the policy gives it.
            if (wanted.routerMac && wanted.routerMac != previous.routerMac) {
                auto mac = s.host.macOf(current.bridge);
                if (!mac.ok())
                    return mac.status();
                if (Status st = s.setRouterMac(c.id, *wanted.routerMac); !st.ok())
                    return st;
                m_undo.push_back([&s, id = c.id, mac = *mac, planned = previous.routerMac] {
                    Status st = s.setRouterMac(id, mac);
                    if (auto n = s.networks.find(id); n != s.networks.end())
                        n->second.overlay->routerMac = planned;
                    return st;
                });
            }
            // flannel adds and removes RemoteSubnetRoutes with modify requests.
            if (wanted.remoteSubnets != previous.remoteSubnets) {
                if (Status st = s.setRemoteSubnets(c.id, wanted.remoteSubnets); !st.ok())
                    return st;
                m_undo.push_back([&s, id = c.id, subnets = previous.remoteSubnets] {
                    return s.setRemoteSubnets(id, subnets);
                });
            }
        }
        // Subnets added or removed: their gateways on the bridge.
        if (next->gatewayCidrs != current.gatewayCidrs) {
            const auto previous = current.gatewayCidrs;
            if (Status st = s.setGateways(c.id, next->gatewayCidrs); !st.ok())
                return st;
            m_undo.push_back([&s, id = c.id, previous] { return s.setGateways(id, previous); });
        }
        return Status::success();
    }

    Status stageSdnRoute(State& s, const DatapathChange& c)
    {
        std::optional<SdnRoutePlan> previous;
        if (auto it = s.sdnRoutes.find(c.id); it != s.sdnRoutes.end())
            previous = it->second;
        std::optional<SdnRoutePlan> next;
        if (c.op != ChangeOp::Delete) {
            auto plan = planSdnRoute(c.id, *c.after);
            if (!plan.ok())
                return plan.status();
            next = std::move(*plan);
        }
        // A change is the old routes out, the new ones in; the undo, the other way round.
        if (previous) {
            if (Status st = s.removeSdnRoute(c.id); !st.ok())
                return st;
            m_undo.push_back([&s, previous] { return s.addSdnRoute(*previous); });
        }
        if (next) {
            if (Status st = s.addSdnRoute(*next); !st.ok())
                return st;
            m_undo.push_back([&s, id = c.id] { return s.removeSdnRoute(id); });
        }
        return Status::success();
    }

    Status stageEndpoint(State& s, const DatapathChange& c)
    {
        if (c.op == ChangeOp::Create) {
            auto plan = planEndpoint(c.id, *c.after);
            if (!plan.ok())
                return plan.status();
            plan->ns.reset(); // attachments arrive as their own changes
            if (Status st = s.addEndpoint(*plan); !st.ok())
                return st;
            m_undo.push_back([&s, id = c.id] { return s.removeEndpoint(id); });
            return Status::success();
        }
        auto it = s.endpoints.find(c.id);
        if (it == s.endpoints.end())
            return c.op == ChangeOp::Delete ? Status::success()
                                            : Status(hr::EndpointNotFound, "the linux datapath has no port for "
                                                                           "endpoint " + c.id.toString() + ".");
        if (c.op == ChangeOp::Delete) {
            EndpointPlan saved = it->second;
            std::optional<Guid> ns = saved.ns;
            saved.ns.reset();
            if (Status st = s.removeEndpoint(c.id); !st.ok())
                return st;
            m_undo.push_back([&s, saved, ns] {
                Status st = s.addEndpoint(saved);
                return st.ok() && ns ? s.attach(saved.id, *ns) : st;
            });
            return Status::success();
        }
        // Modify: policies, then the attachment.
        auto next = planEndpoint(c.id, *c.after);
        if (!next.ok())
            return next.status();
        if (it->second.remote)
            return modifyRemoteEndpoint(s, it->second, *next);
        EndpointPlan previous = it->second;
        // New addresses, routes, MAC or MTU on an attached endpoint: its pair is made again with them (attach
        // programs them in one go; the old ones go with the old pair). Detached before its plan changes
        // and attached after, so the undo (newest first) attaches again with the previous plan. Its rules
        // and those of the load balancers it backs change in one nftables transaction in between.
        if (auto network = s.networks.find(next->network); network != s.networks.end())
            if (auto mtu = endpointMtu(network->second, *next); !mtu.ok())
                return mtu.status();
        const bool remake = (previous.addressCidrs != next->addressCidrs || previous.routes != next->routes ||
                             previous.mac != next->mac || previous.mtu != next->mtu ||
                             previous.encapOverhead != next->encapOverhead) &&
                            previous.ns && previous.ns == next->ns;
        if (remake) {
            if (Status st = s.detach(c.id); !st.ok())
                return st;
            m_undo.push_back([&s, id = c.id, ns = *previous.ns] { return s.attach(id, ns); });
        }
        if (Status st = s.replaceEndpointRules(c.id, *next); !st.ok())
            return st;
        m_undo.push_back([&s, previous] { return s.replaceEndpointRules(previous.id, previous); });
        if (remake) {
            if (Status st = s.attach(c.id, *previous.ns); !st.ok())
                return st;
            m_undo.push_back([&s, id = c.id] { return s.detach(id); });
        }
        if (previous.ns != next->ns) {
            if (previous.ns) {
                if (Status st = s.detach(c.id); !st.ok())
                    return st;
                m_undo.push_back([&s, id = c.id, ns = *previous.ns] { return s.attach(id, ns); });
            }
            if (next->ns) {
                if (Status st = s.attach(c.id, *next->ns); !st.ok())
                    return st;
                m_undo.push_back([&s, id = c.id] { return s.detach(id); });
            }
        }
        return Status::success();
    }

    /// A remote endpoint whose MAC, address or provider address changed: its entries made again, and the
    /// load balancers it backs pointed at its new address (one nftables transaction).
    Status modifyRemoteEndpoint(State& s, EndpointPlan& current, const EndpointPlan& next)
    {
        if (current.mac == next.mac && current.ipv4 == next.ipv4 &&
            current.providerAddress == next.providerAddress && current.ipv6 == next.ipv6)
            return Status::success();
        const EndpointPlan previous = current;
        auto replace = [&s](const EndpointPlan& from, const EndpointPlan& to) {
            s.removeRemoteEndpoint(from);
            if (Status st = s.addRemoteEndpoint(to); !st.ok()) {
                logFailure(s.addRemoteEndpoint(from));
                return st;
            }
            if (Status st = s.replaceEndpointRules(to.id, to); !st.ok()) {
                s.removeRemoteEndpoint(to);
                logFailure(s.addRemoteEndpoint(from));
                return st;
            }
            return Status::success();
        };
        if (Status st = replace(previous, next); !st.ok())
            return st;
        m_undo.push_back([replace, previous, next] { return replace(next, previous); });
        return Status::success();
    }

    Status stageLoadBalancer(State& s, const DatapathChange& c)
    {
        auto current = s.loadBalancers.find(c.id);
        std::optional<LoadBalancerPlan> previous;
        if (current != s.loadBalancers.end())
            previous = current->second.plan;
        if (c.op == ChangeOp::Delete) {
            if (!previous)
                return Status::success();
            if (Status st = s.removeLoadBalancer(c.id); !st.ok())
                return st;
        } else {
            auto plan = planLoadBalancer(c.id, *c.after);
            if (!plan.ok())
                return plan.status();
            if (Status st = s.setLoadBalancer(*plan); !st.ok())
                return st;
        }
        m_undo.push_back([&s, id = c.id, previous] {
            return previous ? s.setLoadBalancer(*previous) : s.removeLoadBalancer(id);
        });
        return Status::success();
    }

    Status stageNamespace(State& s, const DatapathChange& c)
    {
        if (c.op == ChangeOp::Create) {
            if (Status st = s.addNamespace(c.id); !st.ok())
                return st;
            m_undo.push_back([&s, id = c.id] { return s.removeNamespace(id); });
        } else if (c.op == ChangeOp::Delete) {
            if (!s.namespaces.count(c.id))
                return Status::success();
            if (Status st = s.removeNamespace(c.id); !st.ok())
                return st;
            // A namespace cannot come back: its undo is a new, empty one under the same name.
            m_undo.push_back([&s, id = c.id] { return s.addNamespace(id); });
        }
        return Status::success();
    }

    LinuxDatapath& m_owner;
    std::vector<Undo> m_undo;
};

Result<std::shared_ptr<LinuxDatapath>> LinuxDatapath::open(LinuxDatapathOptions options)
{
    if (geteuid() != 0)
        return Status(hr::AccessDenied, "the linux datapath needs root (CAP_NET_ADMIN and CAP_SYS_ADMIN).");
    auto host = RouteSocket::open();
    if (!host.ok())
        return host.status();
    auto hostNs = NetnsFd::current();
    if (!hostNs.ok())
        return hostNs.status();
    auto inode = currentNetnsInode();
    if (!inode.ok())
        return inode.status();
    auto nft = Nftables::open();
    if (!nft.ok())
        return nft.status();
    auto reaper = LinkReaper::start();
    if (!reaper.ok())
        return reaper.status();
    auto loopback = LoopbackProxy::start();
    if (!loopback.ok())
        return loopback.status();
    auto state = std::make_unique<State>(std::move(options), std::move(*host), std::move(*hostNs), std::move(*nft));
    state->hostNsInode = *inode;
    state->reaper = std::move(*reaper);
    state->loopback = std::move(*loopback);
    state->removeLeftovers();
    if (Status s = state->ensureTables(); !s.ok())
        return s;
    std::shared_ptr<LinuxDatapath> datapath(new LinuxDatapath(std::move(state)));
    // Its calls take the datapath's lock; the destructor stops it before anything else goes.
    auto monitor = LinkMonitor::start([raw = datapath.get()](int ifindex) {
        std::lock_guard lock(raw->m_mutex);
        raw->m_state->followUnderlay(ifindex);
    });
    if (!monitor.ok())
        return monitor.status();
    datapath->m_state->linkMonitor = std::move(*monitor);
    return datapath;
}

LinuxDatapath::LinuxDatapath(std::unique_ptr<State> state) : m_state(std::move(state)) {}

LinuxDatapath::~LinuxDatapath()
{
    m_state->linkMonitor.reset(); // joined: it may be waiting for the lock
    reset();
}

std::unique_ptr<DatapathTransaction> LinuxDatapath::begin()
{
    return std::make_unique<Transaction>(*this);
}

void LinuxDatapath::reset()
{
    std::lock_guard lock(m_mutex);
    m_state->removeAll();
}

Result<EndpointCounters> LinuxDatapath::endpointCounters(const Guid& endpoint) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_state->endpoints.find(endpoint);
    if (it == m_state->endpoints.end() || it->second.remote)
        return Status(hr::EndpointNotFound, "the linux datapath has no port for endpoint " + endpoint.toString() + ".");
    if (!m_state->attachments.count(endpoint))
        return EndpointCounters{}; // detached: its veth pair does not exist, nothing has passed
    auto stats = m_state->host.stats(it->second.hostVeth);
    if (!stats.ok())
        return stats.status();
    // The host side of the pair sends what the endpoint receives.
    EndpointCounters c;
    c.bytesReceived = stats->txBytes;
    c.packetsReceived = stats->txPackets;
    c.bytesSent = stats->rxBytes;
    c.packetsSent = stats->rxPackets;
    c.droppedPacketsIncoming = stats->txDropped;
    c.droppedPacketsOutgoing = stats->rxDropped;
    return c;
}

std::optional<EndpointPort> LinuxDatapath::endpointPort(const Guid& endpoint) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_state->endpoints.find(endpoint);
    if (it == m_state->endpoints.end() || it->second.remote)
        return std::nullopt;
    EndpointPort port;
    port.hostInterface = it->second.hostVeth;
    if (auto a = m_state->attachments.find(endpoint); a != m_state->attachments.end()) {
        port.namespaceInterface = a->second.interface;
        port.namespaceName = linuxdp::namespaceName(a->second.ns);
        port.attached = true;
    }
    return port;
}

std::string LinuxDatapath::networkBridge(const Guid& network) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_state->networks.find(network);
    return it == m_state->networks.end() ? std::string() : it->second.bridge;
}

std::string LinuxDatapath::namespaceName(const Guid& ns)
{
    return linuxdp::namespaceName(ns);
}

void LinuxDatapath::waitForRemovals()
{
    std::lock_guard lock(m_mutex);
    m_state->reaper->drain();
}

void LinuxDatapath::failStepOnce(std::string step)
{
    std::lock_guard lock(m_mutex);
    m_state->failSteps.insert(std::move(step));
}

} // namespace hcn
