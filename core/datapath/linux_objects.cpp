// The Linux datapath's operations on kernel objects: bridges, veth pairs, attachments, namespaces.

#include "common/log.h"
#include "datapath/linux_dns.h"
#include "datapath/linux_loopback_ports.h"
#include "datapath/linux_ruleset.h"
#include "datapath/linux_state.h"
#include "datapath/linux_undo.h"

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fstream>
#include <functional>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace hcn {

using namespace linuxdp;

namespace {

Status makeDirectories(const std::string& path)
{
    std::string partial;
    for (std::size_t i = 1; i <= path.size(); ++i)
        if (i == path.size() || path[i] == '/') {
            partial = path.substr(0, i);
            if (mkdir(partial.c_str(), 0755) != 0 && errno != EEXIST)
                return Status(hr::Fail, "cannot create " + partial + ": " + std::strerror(errno) + ".");
        }
    return Status::success();
}

/// Turns duplicate address detection off on link `name` of the calling thread's network namespace
/// (docs/datapath-linux.md, section "IPv6"): its link-local address, made when it gets a carrier, is
/// usable at once. A kernel without IPv6 has no such setting, and nothing to detect.
void skipDuplicateAddressDetection(const std::string& name)
{
    std::ofstream("/proc/sys/net/ipv6/conf/" + name + "/accept_dad") << "0\n";
}

/// The inodes of the network namespaces in use: every process's, and every mounted one in /run/netns.
std::set<unsigned long> liveNetworkNamespaces()
{
    std::set<unsigned long> out;
    auto add = [&](const std::string& path) {
        struct stat st{};
        if (stat(path.c_str(), &st) == 0)
            out.insert(static_cast<unsigned long>(st.st_ino));
    };
    for (const char* dirPath : {"/proc", "/run/netns"}) {
        DIR* dir = opendir(dirPath);
        if (!dir)
            continue;
        const bool proc = std::string(dirPath) == "/proc";
        while (dirent* entry = readdir(dir)) {
            const std::string name = entry->d_name;
            if (proc && !name.empty() && name.find_first_not_of("0123456789") == std::string::npos)
                add("/proc/" + name + "/ns/net");
            else if (!proc && name != "." && name != "..")
                add(std::string(dirPath) + "/" + name);
        }
        closedir(dir);
    }
    return out;
}

} // namespace

Status LinuxDatapath::State::injected(const std::string& step)
{
    if (failSteps.erase(step))
        return Status(hr::Fail, "the linux datapath was told to fail step \"" + step + "\".");
    return Status::success();
}

Status LinuxDatapath::State::ensureTables()
{
    if (tablesReady)
        return Status::success();
    if (!bridgeSeen) {
        // Hooks of the bridge family registered in a namespace where no bridge has existed yet never
        // see a packet (kernel 6.x, found by tst_linuxdatapath): make sure one has, once.
        if (Status s = host.addBridge("hcnbinit"); !s.ok() && s.code() != hr::AlreadyExists)
            return s;
        if (Status s = host.deleteLink("hcnbinit"); !s.ok())
            return s;
        bridgeSeen = true;
    }
    if (Status s = nft.run(removeTables() + createTables()); !s.ok())
        return s;
    tablesReady = true;
    return Status::success();
}

Status LinuxDatapath::State::addNetwork(const NetworkPlan& plan)
{
    if (networks.count(plan.id))
        return Status(hr::NetworkAlreadyExists, "network " + plan.id.toString() + " is already programmed.");
    if (Status s = ensureTables(); !s.ok())
        return s;
    NetworkPlan programmed = plan;
    if (plan.overlay) {
        // The tunnel's source must be this host's: the kernel would accept any, and send nothing. Its
        // interface is the underlay: the tunnel carries its MTU less the VXLAN headers.
        programmed.underlayMtu = kEthernetMtu;
        if (!plan.overlay->providerAddress.empty()) {
            auto local = host.linkOfAddress(plan.overlay->providerAddress);
            if (!local.ok())
                return local.status();
            if (!*local)
                return Status(hr::InvalidNetwork,
                              "the network's ProviderAddress " + plan.overlay->providerAddress +
                                  " is not an address of this host; VXLAN needs it as its source.");
            programmed.underlayMtu = (*local)->mtu;
            programmed.underlayIndex = (*local)->index;
        }
        auto tunnel = tunnelMtu(*plan.overlay, programmed.underlayMtu);
        if (!tunnel.ok())
            return tunnel.status();
        programmed.mtu = *tunnel;
    }
    std::vector<RemoteSubnetPlan> added; // outlives the undo steps that use it
    LocalUndo undo;
    if (Status s = host.addBridge(plan.bridge); !s.ok())
        return s;
    undo.add([&] { logFailure(host.deleteLink(plan.bridge)); });
    if (Status s = host.setAlias(plan.bridge, linkAlias(plan.id)); !s.ok())
        return s;
    // Set, not left to follow its ports: the host's own packets into the overlay fit the tunnel too.
    if (programmed.mtu)
        if (Status s = host.setMtu(plan.bridge, programmed.mtu); !s.ok())
            return s;
    if (plan.overlay && plan.overlay->routerMac)
        if (Status s = host.setMac(plan.bridge, *plan.overlay->routerMac); !s.ok())
            return s;
    for (const auto& cidr : plan.gatewayCidrs)
        if (Status s = host.addAddress(plan.bridge, cidr); !s.ok())
            return s;
    // A bridge of hcnd's own segment (no adapter): its link-local address is the source of the
    // neighbour solicitations for the endpoints it routes to, which the kernel holds back while the
    // address is tentative. A bridge on the adapter's network keeps the check, as the adapter had it.
    if (plan.adapter.empty())
        skipDuplicateAddressDetection(plan.bridge);
    if (Status s = host.setUp(plan.bridge); !s.ok())
        return s;
    if (!plan.adapter.empty())
        if (Status s = joinAdapter(programmed, undo); !s.ok())
            return s;
    if (plan.overlay) {
        const OverlayPlan& o = *plan.overlay;
        if (Status s = host.addVxlan(o.vxlan, plan.bridge, o.vni, o.providerAddress, o.port, programmed.mtu);
            !s.ok())
            return s;
        undo.add([&] { logFailure(host.deleteLink(o.vxlan)); });
        if (Status s = host.setAlias(o.vxlan, linkAlias(plan.id)); !s.ok())
            return s;
        if (Status s = injected("vxlan"); !s.ok())
            return s;
        for (const auto& remote : o.remoteSubnets) {
            if (Status s = addRemoteSubnet(plan, remote, added); !s.ok())
                return s;
            added.push_back(remote);
            undo.add([&, remote] {
                added.pop_back();
                logFailure(removeRemoteSubnet(plan, remote, added));
            });
        }
    }
    if (Status s = injected("bridge"); !s.ok())
        return s;
    // NAT networks route outbound traffic; an overlay routes between its subnets on different hosts.
    if ((plan.masquerade || plan.overlay) && !forwardingEnabled) {
        // Outbound NAT and published ports from other hosts are routed: the host must forward.
        std::ofstream forward("/proc/sys/net/ipv4/ip_forward");
        forward << "1\n";
        forwardingEnabled = static_cast<bool>(forward);
    }
    // Endpoints of the network already programmed (a delete undone) get its ACLs in the same change.
    if (Status s = nft.run(addNetworkRules(plan) + networkAclMove(plan.id, {}, plan.acls)); !s.ok())
        return s;
    networks.emplace(plan.id, std::move(programmed));
    undo.done();
    return Status::success();
}

Status LinuxDatapath::State::removeNetwork(const Guid& id)
{
    auto it = networks.find(id);
    if (it == networks.end())
        return Status::success();
    // Endpoints still programmed on it (the engine deletes them first) lose its ACLs with it.
    const std::string restore = addNetworkRules(it->second) + networkAclMove(id, {}, it->second.acls);
    if (Status s = nft.run(removeNetworkRules(it->second) + networkAclMove(id, it->second.acls, {})); !s.ok())
        return s;
    // The VXLAN device takes its forwarding and neighbour entries along, the bridge its routes.
    if (it->second.overlay)
        if (Status s = host.deleteLink(it->second.overlay->vxlan);
            !s.ok() && s.code() != hr::ElementNotFound) {
            logFailure(nft.run(restore));
            return s;
        }
    // The adapter, with its addressing, goes back (or to the next network sharing it) before the bridge
    // that holds it goes.
    if (!it->second.adapter.empty())
        if (Status s = leaveAdapter(it->second); !s.ok()) {
            logFailure(nft.run(restore));
            return s;
        }
    if (Status s = host.deleteLink(it->second.bridge); !s.ok()) {
        logFailure(nft.run(restore));
        return s;
    }
    networks.erase(it);
    return Status::success();
}

Status LinuxDatapath::State::addEndpoint(const EndpointPlan& plan)
{
    if (endpoints.count(plan.id))
        return Status(hr::PortAlreadyExists, "endpoint " + plan.id.toString() + " is already programmed.");
    if (plan.remote) {
        if (Status s = addRemoteEndpoint(plan); !s.ok())
            return s;
        endpoints.emplace(plan.id, plan);
        return Status::success();
    }
    auto network = networks.find(plan.network);
    if (network == networks.end())
        return Status(hr::NetworkNotFound, "the linux datapath has no bridge for network " +
                                               plan.network.toString() + ".");
    if (auto mtu = endpointMtu(network->second, plan); !mtu.ok()) // refused now, not at the attach
        return mtu.status();
    if (Status s = ensureTables(); !s.ok())
        return s;
    // The veth pair is made when the endpoint is attached (in one request, the peer straight inside the
    // namespace); its rules name it already.
    // The loopback listeners are bound first: a port the host already uses there fails the create
    // before any rule exists, and a failure of the rules closes them again.
    auto loopbackChange = loopback->prepare(plan.id, loopbackPorts(plan));
    if (!loopbackChange.ok())
        return loopbackChange.status();
    if (Status s = injected("rules"); !s.ok())
        return s;
    if (Status s = nft.run(addEndpointRules(plan, networkAclsOf(plan.network))); !s.ok())
        return s;
    loopback->commit(std::move(*loopbackChange));
    endpoints.emplace(plan.id, plan);
    return Status::success();
}

Status LinuxDatapath::State::removeEndpoint(const Guid& id)
{
    auto it = endpoints.find(id);
    if (it == endpoints.end())
        return Status::success();
    if (it->second.remote) {
        removeRemoteEndpoint(it->second);
        endpoints.erase(it);
        return Status::success();
    }
    if (attachments.count(id))
        if (Status s = detach(id); !s.ok())
            return s;
    if (Status s = nft.run(removeEndpointRules(it->second, networkAclsOf(it->second.network))); !s.ok())
        return s;
    loopback->withdraw(id);
    endpoints.erase(it);
    return Status::success();
}

Status LinuxDatapath::State::replaceEndpointRules(const Guid& id, const EndpointPlan& next)
{
    auto it = endpoints.find(id);
    if (it == endpoints.end())
        return Status(hr::EndpointNotFound, "the linux datapath has no port for endpoint " + id.toString() + ".");
    const auto& networkAcls = networkAclsOf(next.network);
    const std::string before = addEndpointRules(it->second, networkAcls);
    const std::string after = addEndpointRules(next, networkAcls);
    // The load balancers it backs translate to its new addresses in the same transaction.
    auto moved = followBackend(loadBalancers, endpoints, next);
    if (!moved.ok())
        return moved.status();
    const std::string commands =
        (before != after ? removeEndpointRules(it->second, networkAcls) + after : std::string()) +
        moved->commands;
    // Its loopback ports, and those of the load balancers that follow it, staged with the rules: new
    // listeners bound now, everything applied once the rules are in.
    std::vector<LoopbackProxy::Change> loopbackChanges;
    auto stageLoopback = [&](const Guid& owner, const std::vector<LoopbackPort>& ports) {
        auto change = loopback->prepare(owner, ports);
        if (!change.ok())
            return change.status();
        loopbackChanges.push_back(std::move(*change));
        return Status::success();
    };
    if (!next.remote)
        if (Status s = stageLoopback(id, loopbackPorts(next)); !s.ok())
            return s;
    for (const auto& [lb, ips] : moved->backendIps)
        if (Status s = stageLoopback(lb, loopbackPorts(loadBalancers.at(lb).plan, ips)); !s.ok())
            return s;
    if (!moved->commands.empty())
        if (Status s = injected("backends"); !s.ok())
            return s;
    if (!commands.empty())
        if (Status s = nft.run(commands); !s.ok())
            return s;
    for (auto& change : loopbackChanges)
        loopback->commit(std::move(change));
    for (auto& [lb, ips] : moved->backendIps)
        loadBalancers[lb].backendIps = std::move(ips);
    const auto ns = it->second.ns;
    const bool dnsChanged = resolvConfText(it->second.dns, id) != resolvConfText(next.dns, id);
    it->second = next;
    it->second.ns = ns; // attachment changes go through attach/detach
    if (auto a = attachments.find(id); a != attachments.end() && dnsChanged)
        return syncResolvConf(a->second.ns);
    return Status::success();
}

Status LinuxDatapath::State::attach(const Guid& endpointId, const Guid& nsId)
{
    auto ep = endpoints.find(endpointId);
    if (ep == endpoints.end() || ep->second.remote)
        return Status(hr::EndpointNotFound, "the linux datapath has no port for endpoint " +
                                                endpointId.toString() + ".");
    if (attachments.count(endpointId))
        return Status(hr::EndpointAlreadyAttached, "endpoint " + endpointId.toString() + " is already attached.");
    auto ns = namespaces.find(nsId);
    if (ns == namespaces.end())
        return Status(hr::GcnNetCompartmentNotFound, "the linux datapath has no namespace " + nsId.toString() + ".");
    auto network = networks.find(ep->second.network);
    if (network == networks.end())
        return Status(hr::NetworkNotFound, "the linux datapath has no bridge for network " +
                                               ep->second.network.toString() + ".");
    const EndpointPlan& plan = ep->second;
    auto mtu = endpointMtu(network->second, plan);
    if (!mtu.ok())
        return mtu.status();
    if (Status s = reclaimName(plan.hostVeth); !s.ok())
        return s;
    // eth0, eth1, ...: the first name no other endpoint of this namespace holds.
    std::string ifname;
    std::uint32_t number = 0;
    for (std::uint32_t i = 0; ifname.empty(); ++i) {
        const std::string candidate = "eth" + std::to_string(i);
        bool taken = false;
        for (const auto& [id, a] : attachments)
            taken = taken || (a.ns == nsId && a.interface == candidate);
        if (!taken) {
            ifname = candidate;
            number = i;
        }
    }
    LocalUndo undo;
    if (Status s = host.addVethInto(plan.hostVeth, network->second.bridge, ifname, ns->second.fd.get(),
                                    plan.mac, *mtu);
        !s.ok())
        return s;
    undo.add([&] { logFailure(host.deleteLink(plan.hostVeth)); }); // takes the peer with it
    if (Status s = host.setAlias(plan.hostVeth, linkAlias(plan.id)); !s.ok())
        return s;
    if (network->second.isolatedPorts)
        if (Status s = host.setPortIsolated(plan.hostVeth); !s.ok())
            return s;
    if (Status s = injected("veth"); !s.ok())
        return s;
    RouteSocket& inside = ns->second.sock;
    if (Status s = inside.setUp(ifname); !s.ok())
        return s;
    for (const auto& cidr : plan.addressCidrs)
        if (Status s = inside.addAddress(ifname, cidr); !s.ok())
            return s;
    if (Status s = injected("attach.address"); !s.ok())
        return s;
    for (const auto& [destination, nextHop] : plan.routes) {
        if (destination.empty())
            continue;
        if (Status s = injected("attach.route"); !s.ok())
            return s;
        // Metric by interface number: eth0's routes win, a later endpoint's equal routes (its own
        // default route) stay behind them instead of being refused.
        if (Status s = inside.addRoute(ifname, destination, nextHop, number); !s.ok())
            return s;
    }
    attachments[endpointId] = {nsId, ifname};
    for (const auto& [id, route] : sdnRoutes)
        if (Status s = addSdnRoutesOf(endpointId, route); !s.ok()) {
            attachments.erase(endpointId);
            return s;
        }
    ep->second.ns = nsId;
    if (Status s = syncResolvConf(nsId); !s.ok()) {
        attachments.erase(endpointId);
        ep->second.ns.reset();
        logFailure(syncResolvConf(nsId));
        return s;
    }
    undo.done();
    return Status::success();
}

Status LinuxDatapath::State::detach(const Guid& endpointId)
{
    auto a = attachments.find(endpointId);
    if (a == attachments.end())
        return Status::success();
    auto ep = endpoints.find(endpointId);
    // The pair goes, its peer with its addresses and routes: cut off now (nothing passes a port in
    // `removing`), deleted by the reaper. Names the reaper has finished leave the set in the same change.
    const std::string& name = ep->second.hostVeth;
    std::vector<std::string> finished;
    for (auto& done : reaper->takeFinished())
        if (removing.count(done) && done != name)
            finished.push_back(std::move(done));
    if (Status s = nft.run(setRemoving({name}, finished)); !s.ok()) {
        // Without the cut-off, delete it here and now.
        if (Status d = host.deleteLink(name); !d.ok() && d.code() != hr::ElementNotFound)
            return d;
    } else {
        for (const auto& done : finished)
            removing.erase(done);
        removing.insert(name);
        reaper->remove(name);
    }
    const Guid nsId = a->second.ns;
    attachments.erase(a);
    ep->second.ns.reset();
    // The port is gone either way; a resolv.conf that cannot be rewritten is logged, not a failed detach.
    logFailure(syncResolvConf(nsId));
    return Status::success();
}

Status LinuxDatapath::State::setLoadBalancer(const LoadBalancerPlan& plan)
{
    if (Status s = ensureTables(); !s.ok())
        return s;
    auto backendIps = backendAddresses(plan, endpoints);
    if (!backendIps.ok())
        return backendIps.status();
    auto current = loadBalancers.find(plan.id);
    const std::string previous = current == loadBalancers.end() ? std::string() : removeLoadBalancerRules(current->second.plan);
    auto loopbackChange = loopback->prepare(plan.id, loopbackPorts(plan, *backendIps));
    if (!loopbackChange.ok())
        return loopbackChange.status();
    if (Status s = nft.run(previous + addLoadBalancerRules(plan, *backendIps)); !s.ok())
        return s;
    loopback->commit(std::move(*loopbackChange));
    loadBalancers[plan.id] = {plan, std::move(*backendIps)};
    return Status::success();
}

Status LinuxDatapath::State::removeLoadBalancer(const Guid& id)
{
    auto it = loadBalancers.find(id);
    if (it == loadBalancers.end())
        return Status::success();
    if (Status s = nft.run(removeLoadBalancerRules(it->second.plan)); !s.ok())
        return s;
    loopback->withdraw(id);
    loadBalancers.erase(it);
    return Status::success();
}

Status LinuxDatapath::State::reclaimName(const std::string& name)
{
    if (!removing.count(name))
        return Status::success();
    reaper->waitFor(name);
    if (Status s = nft.run(setRemoving({}, {name})); !s.ok())
        return s;
    removing.erase(name);
    return Status::success();
}

Status LinuxDatapath::State::addNamespace(const Guid& id)
{
    if (namespaces.count(id))
        return Status(hr::AlreadyExists, "namespace " + id.toString() + " is already programmed.");
    const std::string name = namespaceName(id);
    if (Status s = makeDirectories(options.stateDir); !s.ok())
        return s;
    // The mark first: a crash between the two leaves a mark without a namespace, never the reverse.
    const std::string mark = options.stateDir + "/" + name;
    {
        std::ofstream out(mark);
        out << hostNsInode << "\n";
        if (!out)
            return Status(hr::Fail, "cannot write " + mark + ".");
    }
    LocalUndo undo;
    undo.add([mark] { ::unlink(mark.c_str()); });
    if (Status s = createNamedNetns(options.netnsDir, name); !s.ok())
        return s;
    undo.add([&] { logFailure(removeNamedNetns(options.netnsDir, name)); });
    auto fd = NetnsFd::openPath(options.netnsDir + "/" + name);
    if (!fd.ok())
        return fd.status();
    auto sock = RouteSocket::openIn(fd->get());
    if (!sock.ok())
        return sock.status();
    if (Status s = injected("namespace"); !s.ok())
        return s;
    namespaces.emplace(id, Namespace{std::move(*fd), std::move(*sock)});
    undo.done();
    return Status::success();
}

Status LinuxDatapath::State::removeNamespace(const Guid& id)
{
    auto ns = namespaces.find(id);
    if (ns == namespaces.end())
        return Status::success();
    for (auto it = attachments.begin(); it != attachments.end();) {
        auto next = std::next(it);
        if (it->second.ns == id)
            if (Status s = detach(it->first); !s.ok())
                return s;
        it = next;
    }
    const std::string name = namespaceName(id);
    if (Status s = removeNamedNetns(options.netnsDir, name); !s.ok())
        return s;
    logFailure(removeNetnsResolvConf(options.etcNetnsDir, name));
    ::unlink((options.stateDir + "/" + name).c_str());
    namespaces.erase(ns); // closes our descriptor and socket: the kernel frees the namespace
    return Status::success();
}

Status LinuxDatapath::State::syncResolvConf(const Guid& nsId)
{
    const EndpointPlan* chosen = nullptr;
    std::string chosenInterface;
    for (const auto& [id, a] : attachments) {
        if (a.ns != nsId)
            continue;
        auto ep = endpoints.find(id);
        if (ep == endpoints.end() || ep->second.dns.empty())
            continue;
        // eth2 before eth10: by the number after "eth".
        auto number = [](const std::string& name) { return std::stoi(name.substr(3)); };
        if (!chosen || number(a.interface) < number(chosenInterface)) {
            chosen = &ep->second;
            chosenInterface = a.interface;
        }
    }
    const std::string name = namespaceName(nsId);
    if (!chosen)
        return removeNetnsResolvConf(options.etcNetnsDir, name);
    return writeNetnsResolvConf(options.etcNetnsDir, name, resolvConfText(chosen->dns, chosen->id));
}

void LinuxDatapath::State::removeAll()
{
    // Every veth (with its peer) and bridge in one request, then the namespaces (empty by then).
    reaper->drain();
    (void)reaper->takeFinished();
    removing.clear();
    if (!attachments.empty() || !networks.empty())
        logFailure(host.deleteGroup(kLinkGroup));
    attachments.clear();
    endpoints.clear();
    networks.clear();
    for (const auto& [id, ns] : namespaces) {
        logFailure(removeNamedNetns(options.netnsDir, namespaceName(id)));
        logFailure(removeNetnsResolvConf(options.etcNetnsDir, namespaceName(id)));
        ::unlink((options.stateDir + "/" + namespaceName(id)).c_str());
    }
    namespaces.clear();
    loadBalancers.clear();
    sdnRoutes.clear();
    loopback->clear(); // its listeners and every connection through them
    logFailure(nft.run(removeTables()));
    tablesReady = false;
}

void LinuxDatapath::State::removeLeftovers()
{
    auto log = componentLogger("hcn.datapath");
    giveBackAdapterAddressing();
    logFailure(host.deleteGroup(kLinkGroup));
    logFailure(host.deleteGroup(kReapGroup));
    if (auto links = host.links(); links.ok()) {
        // Endpoints first (their peers go with them), then bridges.
        for (const char kind : {'v', 't', 'x', 'b'})
            for (const auto& link : *links)
                if (isOurLink(link.name, link.alias) && link.name[3] == kind) {
                    log->info("removing leftover link {} ({})", link.name, link.alias);
                    if (Status s = host.deleteLink(link.name); !s.ok() && s.code() != hr::ElementNotFound)
                        logFailure(s);
                }
    } else {
        logFailure(links.status());
    }
    if (DIR* dir = opendir(options.stateDir.c_str())) {
        std::vector<std::string> marks;
        while (dirent* entry = readdir(dir))
            if (std::string(entry->d_name).rfind("hcn-", 0) == 0)
                marks.push_back(entry->d_name);
        closedir(dir);
        const std::set<unsigned long> live = marks.empty() ? std::set<unsigned long>{} : liveNetworkNamespaces();
        for (const auto& name : marks) {
            const std::string mark = options.stateDir + "/" + name;
            unsigned long owner = 0;
            std::ifstream(mark) >> owner;
            // Ours, or an orphan: the namespace of the hcnd that made it is gone (a test that crashed).
            // A live one belongs to another namespace's hcnd.
            if (owner != hostNsInode && live.count(owner))
                continue;
            log->info("removing leftover namespace {}", name);
            logFailure(removeNamedNetns(options.netnsDir, name));
            logFailure(removeNetnsResolvConf(options.etcNetnsDir, name));
            ::unlink(mark.c_str());
        }
    }
    logFailure(nft.run(removeTables()));
    tablesReady = false;
}

} // namespace hcn
