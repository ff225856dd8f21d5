// The walk of one packet from a source endpoint: who holds the destination, which route takes it there,
// whether it is translated or encapsulated on the way, and what the receiving endpoint's ACLs say.

#include "analysis/trace_steps.h"

#include <algorithm>

namespace hcn::analysis {

namespace {

/// Port mapping Flags LocalRoutedVIP: the VIP is balanced for the host's own connections too.
constexpr std::uint32_t kLocalRoutedVipFlag = 2;

/// How many backends of one load balancer are followed hop by hop; the rest are counted.
constexpr std::size_t kBackendsFollowed = 32;

/// Networks whose segment reaches beyond the host: an unknown on-link address may live out there.
bool bridgedMode(NetworkMode mode)
{
    return mode == NetworkMode::L2Bridge || mode == NetworkMode::Transparent || mode == NetworkMode::L2Tunnel;
}

/// Why a mapping's protocol is not known: `"Protocol": null`, or `"Protocol": "SCTP"` (no protocol).
std::string unknownProtocolText(const PortMappingFact& m)
{
    return m.protocolShown.empty() ? std::string("\"Protocol\": null")
                                   : "\"Protocol\": " + m.protocolShown + ", which is no protocol";
}

} // namespace

std::string mappingText(const PortMappingFact& m)
{
    return "Protocol " + (m.protocolUnknown ? std::string("unknown") : std::to_string(m.protocol)) +
           " ExternalPort " + std::to_string(m.externalPort) + " InternalPort " +
           std::to_string(m.internalPort) + (m.vip.empty() ? "" : " VIP " + m.vip);
}

const EndpointFacts* PathWalker::holderOf(const IpAddress& address, const std::string& targetId)
{
    if (!targetId.empty())
        if (const EndpointFacts* e = m_index.endpoint(targetId))
            return e;
    const auto& holders = m_index.model.endpointsByAddress.at(address.toString());
    const EndpointFacts* best = nullptr;
    int bestRank = 99;
    std::size_t locals = 0;
    for (const std::string& id : holders) {
        const EndpointFacts* e = m_index.endpoint(id);
        if (!e)
            continue;
        locals += e->remote ? 0 : 1;
        // Local on the source's network, local elsewhere, remote on the source's network, remote elsewhere.
        const int rank = (e->remote ? 2 : 0) + (m_source && e->networkId == m_source->networkId ? 0 : 1);
        if (rank < bestRank) {
            best = e;
            bestRank = rank;
        }
    }
    if (locals > 1 && best)
        m_walk.hop("destination", m_index.object(ResourceKind::Endpoint, best->id), HopOutcome::Note,
                   "address held by " + std::to_string(locals) + " local endpoints",
                   "IpConfigurations of " + std::to_string(locals) + " endpoints",
                   address.toString() +
                       " is held by several local endpoints (IP-DUP-LOCAL): the switch delivers "
                       "to one of them; the trace follows this one.");
    return best;
}

PathEnd PathWalker::toward(Packet packet, const std::string& targetId)
{
    PathEnd stop;
    if (m_source && !passAcls(m_walk, *m_source, false, packet, stop))
        return stop;
    if (packet.balancerSource && packet.balancer) {
        // Past the source's own rules, the load balancer sends from its SourceVIP (no DSR).
        const TraceObject balancer = m_index.object(ResourceKind::LoadBalancer, packet.balancer->id);
        const std::string to = packet.balancerSource->toString();
        m_walk.translation("source", packet.source.toString(), to, balancer);
        m_walk.hop("load balancer source NAT", balancer, HopOutcome::Pass, "source translated to " + to,
                   "SourceVIP " + to + ", Flags without EnableDirectServerReturn",
                   "Without DSR the load balancer sends the packet on from its SourceVIP: the backend sees " +
                       to + ", not " + packet.source.toString() + ", and replies to " + to + ".");
        packet.source = *packet.balancerSource;
        packet.balancerSource.reset();
    }
    const EndpointFacts* target = holderOf(packet.destination, targetId);
    if (target && target->remote)
        return toRemoteEndpoint(*target, packet);
    if (!m_source)
        return fromHost(target, packet);
    const TraceObject networkObject = m_index.object(ResourceKind::Network, m_network->id);
    if (target && target->networkId == m_source->networkId) {
        const RouteChoice route = chooseRoute(m_index, *m_source, *m_network, packet.destination);
        const bool onLink = route.kind == RouteChoice::Kind::OnLink;
        m_walk.hop("route", networkObject, HopOutcome::Pass,
                   onLink ? "on-link" : "switched within the network",
                   onLink ? route.rule : "HostComputeNetwork " + m_network->id,
                   packet.destination.toString() + " is endpoint " +
                       objectLabel(m_index.object(ResourceKind::Endpoint, target->id)) +
                       " on the same network: the virtual switch delivers it directly (no NAT, no gateway).");
        return arriveLocal(*target, packet, false);
    }

    const RouteChoice route = chooseRoute(m_index, *m_source, *m_network, packet.destination);
    switch (route.kind) {
    case RouteChoice::Kind::None:
        return m_walk.drop("route", networkObject, "no route",
                           "no subnet Route, endpoint Route, SDN route or RemoteSubnetRoute covers " +
                               packet.destination.toString(),
                           "Nothing in the source's routes or its network's subnets leads to " +
                               packet.destination.toString() + " (no default route).");
    case RouteChoice::Kind::OnLink:
        if (target) // a local endpoint of another network inside this subnet's range: the host routes it
            break;
        if (bridgedMode(m_network->mode)) {
            m_walk.hop("route", networkObject, HopOutcome::Pass, "on-link", route.rule,
                       packet.destination.toString() +
                           " is inside the subnet but no endpoint of this host holds "
                           "it: it is sent onto the physical segment.");
            const int hop =
                m_walk.hop("delivery", networkObject, HopOutcome::Deliver,
                           "sent onto the physical segment of network " + objectLabel(networkObject),
                           route.rule, "Beyond this host: whether a machine answers is not in the data.");
            return {PathEnd::Kind::Wire, hop, {}, false};
        }
        return m_walk.drop(
            "route", networkObject, "no endpoint holds the address", route.rule,
            packet.destination.toString() + " is inside the " +
                std::string(networkModeName(m_network->mode)) +
                " network's subnet but no endpoint (local or remote) and no RemoteSubnetRoute has "
                "it: nothing receives the packet.");
    default:
        break;
    }
    return leave(packet, route, target);
}

PathEnd PathWalker::leave(const Packet& packet, const RouteChoice& route, const EndpointFacts* target)
{
    const TraceObject networkObject = m_index.object(ResourceKind::Network, m_network->id);
    switch (route.kind) {
    case RouteChoice::Kind::RemoteSubnet:
    case RouteChoice::Kind::SdnRoute: {
        const bool remoteSubnet = route.kind == RouteChoice::Kind::RemoteSubnet;
        const std::optional<IpAddress> to = remoteSubnet ? route.providerAddress : route.nextHop;
        if (!to)
            return m_walk.drop("route", route.object, "route without a target", route.rule,
                               "The route covering " + packet.destination.toString() +
                                   (remoteSubnet ? " has no ProviderAddress" : " has no NextHop") +
                                   ": HNS has nowhere to send the packet.");
        m_walk.hop("route", route.object, HopOutcome::Pass,
                   remoteSubnet ? "remote subnet via provider address " + to->toString()
                                : "SDN route via " + to->toString(),
                   route.rule,
                   route.candidates.empty() ? "The longest matching prefix decides."
                                            : route.candidates + ".");
        bool translated = false;
        (void)outboundNat(m_walk, *m_source, *m_network, packet, translated);
        if (route.encap)
            m_walk.hop("encapsulation", route.object, HopOutcome::Pass,
                       "encapsulated (VXLAN) to provider address " + to->toString(), route.rule,
                       "The packet is wrapped for the host at " + to->toString() + ", which owns " +
                           (route.prefix ? route.prefix->toString() : packet.destination.toString()) + ".");
        const int hop =
            m_walk.hop("delivery", route.object, HopOutcome::Deliver,
                       "handed to " + to->toString() + " (outside this host)", route.rule,
                       "What the host at " + to->toString() + " does with it is not in this host's data.");
        return {PathEnd::Kind::Wire, hop, {}, translated};
    }
    case RouteChoice::Kind::Gateway:
    case RouteChoice::Kind::OnLink: {
        if (route.kind == RouteChoice::Kind::Gateway && !route.nextHop)
            return m_walk.drop("route", route.object, "route without a next hop", route.rule,
                               "The route covering " + packet.destination.toString() + " names no NextHop.");
        const std::string via = route.nextHop ? route.nextHop->toString() : "the host";
        m_walk.hop("route", route.object, HopOutcome::Pass, "via gateway " + via, route.rule,
                   (route.candidates.empty()
                        ? std::string("The only route that covers ") + packet.destination.toString() + "."
                        : route.candidates + ".") +
                       (m_network->hostRoute ? " The network has a HostRoute policy." : ""));
        bool translated = false;
        const std::optional<IpAddress> natted =
            outboundNat(m_walk, *m_source, *m_network, packet, translated);
        if (target && !target->remote) {
            // Another network of this host: the host routes between its networks (docs/trace.md).
            const TraceObject targetNetwork = m_index.object(ResourceKind::Network, target->networkId);
            m_walk.hop("host routing", targetNetwork, HopOutcome::Pass,
                       "forwarded to network " + objectLabel(targetNetwork),
                       "HostComputeNetwork " + target->networkId,
                       "The host forwards between its networks: " + packet.destination.toString() +
                           " is endpoint " + objectLabel(m_index.object(ResourceKind::Endpoint, target->id)) +
                           " on another network.");
            Packet arriving = packet;
            if (natted)
                arriving.source = *natted;
            return arriveLocal(*target, arriving, translated);
        }
        const int hop = m_walk.hop(
            "delivery", networkObject, HopOutcome::Deliver, "leaves the host via " + via, route.rule,
            packet.destination.toString() +
                " is not an object of this host: the packet leaves through the gateway.");
        return {PathEnd::Kind::Wire, hop, {}, translated};
    }
    default:
        return m_walk.drop("route", networkObject, "no route", route.rule,
                           "No route leads to the destination.");
    }
}

PathEnd PathWalker::toRemoteEndpoint(const EndpointFacts& target, const Packet& packet)
{
    const TraceObject object = m_index.object(ResourceKind::Endpoint, target.id);
    if (!target.providerAddress)
        return m_walk.drop(
            "route", object, "remote endpoint without a provider address",
            "Flags RemoteEndpoint, no ProviderAddress policy",
            "The remote endpoint " + objectLabel(object) +
                " names no ProviderAddress: HNS does not know which host to send its traffic to.");
    const std::string pa = target.providerAddress->toString();
    m_walk.hop("route", object, HopOutcome::Pass, "remote endpoint on host " + pa,
               "Flags RemoteEndpoint, Policies ProviderAddress " + pa,
               packet.destination.toString() + " is remote endpoint " + objectLabel(object) +
                   ": a workload on the host with provider address " + pa + ".");
    bool translated = false;
    if (m_source) // the host's own packets meet no endpoint's OutBoundNAT
        (void)outboundNat(m_walk, *m_source, *m_network, packet, translated);
    const NetworkFacts* network = m_index.network(target.networkId);
    if (!network)
        network = m_network;
    const bool overlay = network && network->mode == NetworkMode::Overlay;
    m_walk.hop(
        "encapsulation", object, HopOutcome::Pass,
        overlay ? "encapsulated (VXLAN) to provider address " + pa : "forwarded to provider address " + pa,
        "ProviderAddress " + pa,
        overlay ? "On an Overlay network the packet is wrapped in VXLAN to the other host."
                : "The network is not an overlay: the packet is forwarded to the other host as it is.");
    const int hop = m_walk.hop("delivery", object, HopOutcome::Deliver,
                               "delivered to remote endpoint " + objectLabel(object) + " via " + pa,
                               "ProviderAddress " + pa,
                               "Its ingress ACLs apply on that host and are not in this host's data.");
    return {PathEnd::Kind::Endpoint, hop, target.id, translated};
}

PathEnd PathWalker::arriveLocal(const EndpointFacts& target, const Packet& packet, bool sourceTranslated)
{
    const TraceObject object = m_index.object(ResourceKind::Endpoint, target.id);
    if (m_index.detached(target))
        return m_walk.drop("destination attachment", object, "not attached",
                           "HostComputeNamespace empty and no namespace lists the endpoint",
                           "Endpoint " + objectLabel(object) +
                               " is attached to no namespace: no container receives its packets.");
    PathEnd stop;
    if (!passAcls(m_walk, target, true, packet, stop))
        return stop;
    const bool kept = packet.keptDestination.has_value();
    const int hop =
        m_walk.hop("delivery", object, HopOutcome::Deliver,
                   "delivered to endpoint " + objectLabel(object) + " at " +
                       endpointText(packet.headerDestination(), packet.port),
                   "IpConfigurations " + packet.destination.toString() +
                       (kept ? ", PreserveDIP keeps " + packet.keptDestination->toString() : std::string()),
                   kept ? "The packet reaches the endpoint's compartment still addressed to " +
                              packet.keptDestination->toString() + " (EnablePreserveDip)."
                        : std::string("The packet reaches the endpoint's compartment."));
    return {PathEnd::Kind::Endpoint, hop, target.id, sourceTranslated};
}

std::vector<PathEnd> PathWalker::towardHost(const Packet& packet, bool declared)
{
    PathEnd stop;
    if (m_source && !passAcls(m_walk, *m_source, false, packet, stop))
        return {stop};
    const TraceObject networkObject =
        m_network ? m_index.object(ResourceKind::Network, m_network->id) : traceHostObject();
    std::string rule = "the host's own address";
    if (!m_source)
        rule += " (loopback)";
    else if (m_network->hostRoute)
        rule = "HostRoute network policy";
    else if (const RouteChoice r = chooseRoute(m_index, *m_source, *m_network, packet.destination);
             r.kind != RouteChoice::Kind::None)
        rule = r.rule;
    m_walk.hop("route", networkObject, HopOutcome::Pass, m_source ? "to the host" : "to the host itself",
               rule,
               packet.destination.toString() +
                   (declared ? std::string(" is an address of this host (given with the request)")
                             : std::string(" is an address of this host (a port mapping VIP, a provider "
                                           "address or the host's gateway vNIC)")) +
                   (!m_source ? ": the packet stays in the host's own stack."
                    : m_network->hostRoute
                        ? "; the HostRoute policy routes endpoint-to-host traffic through the host."
                        : "."));
    const std::vector<PublishedPort> published =
        publishedPorts(m_index, packet.destination, packet.protocol, packet.port);
    if (published.empty())
        if (const std::vector<PublishedPort> maybe =
                unknownProtocolPublishedPorts(m_index, packet.destination, packet.port);
            !maybe.empty()) {
            const PublishedPort& p = maybe.front();
            const TraceObject object = p.endpoint
                                           ? m_index.object(ResourceKind::Endpoint, p.endpoint->id)
                                           : m_index.object(ResourceKind::LoadBalancer, p.loadBalancer->id);
            return {m_walk.undecided(
                "port mapping", object, "cannot evaluate: Protocol not in the dump",
                (p.endpoint ? "PortMapping " : "PortMappings[" + std::to_string(p.policyIndex) + "] ") +
                    mappingText(p.mapping),
                (p.endpoint ? "Endpoint " : "Load balancer ") + objectLabel(object) + " publishes port " +
                    std::to_string(packet.port) + " with a protocol the dump does not show (" +
                    unknownProtocolText(p.mapping) + "): it may claim " +
                    endpointText(packet.destination, packet.port) + "/" + protocolText(packet.protocol) +
                    " (if its protocol is " + protocolText(packet.protocol) +
                    ") or not (then the host's own services answer); the trace cannot decide.")};
        }
    if (published.empty()) {
        const int hop = m_walk.hop(
            "delivery", networkObject, HopOutcome::Deliver, "delivered to the host itself",
            "no PortMapping for " + protocolText(packet.protocol) + "/" + std::to_string(packet.port),
            "No port mapping publishes this port: the host's own services answer (not traced).");
        return {{PathEnd::Kind::Host, hop, {}, false}};
    }
    const PublishedPort& p = published.front();
    if (p.loadBalancer)
        return balance(*p.loadBalancer, p.mapping, p.policyIndex, packet);
    const EndpointFacts& target = *p.endpoint;
    const TraceObject object = m_index.object(ResourceKind::Endpoint, target.id);
    const std::optional<IpAddress> address = addressOfFamily(target, packet.destination.isV4());
    if (!address)
        return {noAddress(m_walk, "port mapping", object, target, "target without an address",
                          "Endpoint " + objectLabel(object) +
                              " publishes the port but has no address of the family.")};
    Packet mapped = packet;
    mapped.destination = *address;
    mapped.port = p.mapping.internalPort != 0 ? p.mapping.internalPort : p.mapping.externalPort;
    m_walk.translation("destination", endpointText(packet.destination, packet.port),
                       endpointText(mapped.destination, mapped.port), object);
    m_walk.hop("port mapping", object, HopOutcome::Pass,
               "mapped to " + endpointText(mapped.destination, mapped.port),
               "PortMapping " + mappingText(p.mapping),
               endpointText(packet.destination, packet.port) + "/" + protocolText(packet.protocol) +
                   " is published by endpoint " + objectLabel(object) +
                   (published.size() > 1 ? " (" + std::to_string(published.size()) +
                                               " mappings claim it: PORTMAP-CONFLICT; the first is traced)"
                                         : std::string()) +
                   ".");
    return {arriveLocal(target, mapped, false)};
}

std::vector<PathEnd> PathWalker::throughVip(const Packet& packet)
{
    const std::vector<Frontend> frontends =
        frontendsOf(m_index, packet.destination, packet.protocol, packet.port);
    // A mapping on the port whose protocol the dump does not show may answer the packet, or not.
    const std::vector<Frontend> maybe =
        packet.port ? unknownProtocolFrontendsOf(m_index, packet.destination, packet.port)
                    : std::vector<Frontend>();
    const std::string packetText =
        endpointText(packet.destination, packet.port) + "/" + protocolText(packet.protocol);
    if (frontends.empty() && !maybe.empty()) {
        const Frontend& f = maybe.front();
        const TraceObject object = m_index.object(ResourceKind::LoadBalancer, f.loadBalancer->id);
        return {m_walk.undecided(
            "load balancer", object, "cannot evaluate: Protocol not in the dump",
            "PortMappings[" + std::to_string(f.mappingIndex) + "] " + mappingText(f.mapping),
            "Load balancer " + objectLabel(object) + " listens on " +
                endpointText(packet.destination, packet.port) + " with a protocol the dump does not show (" +
                unknownProtocolText(f.mapping) + "): it may answer " + packetText + " (if its protocol is " +
                protocolText(packet.protocol) +
                ") or not (then nothing answers and the packet is dropped); the trace cannot decide.")};
    }
    if (frontends.empty()) {
        const auto& ids = m_index.model.loadBalancersByVip.at(packet.destination.toString());
        const TraceObject first = m_index.object(ResourceKind::LoadBalancer, *ids.begin());
        std::string ports;
        for (std::uint32_t protocol : {kProtocolTcp, kProtocolUdp})
            for (std::uint16_t port : frontendPorts(m_index, packet.destination, protocol))
                ports += (ports.empty() ? "" : ", ") + protocolText(protocol) + "/" + std::to_string(port);
        for (std::uint16_t port : frontendPorts(m_index, packet.destination, std::nullopt))
            ports += (ports.empty() ? "" : ", ") + std::string("unknown protocol/") + std::to_string(port);
        return {m_walk.drop(
            "load balancer", first,
            "no frontend for " + protocolText(packet.protocol) +
                (packet.port ? "/" + std::to_string(packet.port) : ""),
            "PortMappings at " + packet.destination.toString() + ": " + (ports.empty() ? "none" : ports),
            packet.destination.toString() + " is a load balancer VIP, but no port mapping matches " +
                protocolText(packet.protocol) + (packet.port ? " port " + std::to_string(packet.port) : "") +
                ": the packet is dropped (load balancers forward TCP and UDP ports only).")};
    }
    if (frontends.size() > 1)
        m_walk.hop("load balancer", m_index.object(ResourceKind::LoadBalancer, frontends[1].loadBalancer->id),
                   HopOutcome::Note, std::to_string(frontends.size()) + " load balancers share the frontend",
                   "FrontendVIPs + PortMappings",
                   "Several load balancers claim " + endpointText(packet.destination, packet.port) +
                       " (LB-DUP-FRONTEND): HNS programs one; the trace follows the first by ID.");
    if (!maybe.empty())
        m_walk.hop(
            "load balancer", m_index.object(ResourceKind::LoadBalancer, maybe.front().loadBalancer->id),
            HopOutcome::Note, "another load balancer may answer: its protocol is unknown",
            "PortMappings[" + std::to_string(maybe.front().mappingIndex) + "] " +
                mappingText(maybe.front().mapping),
            "Load balancer " +
                objectLabel(m_index.object(ResourceKind::LoadBalancer, maybe.front().loadBalancer->id)) +
                " also listens on " + endpointText(packet.destination, packet.port) +
                " with a protocol the dump does not show (" + unknownProtocolText(maybe.front().mapping) +
                "): if it is " + protocolText(packet.protocol) +
                ", the two share the frontend and HNS programs one of them; the trace follows the "
                "one whose protocol is known.");
    const Frontend& f = frontends.front();
    if (!m_source && !(f.mapping.flags & kLocalRoutedVipFlag))
        return {m_walk.drop(
            "load balancer", m_index.object(ResourceKind::LoadBalancer, f.loadBalancer->id),
            "not balanced for the host's own connections",
            "PortMappings[" + std::to_string(f.mappingIndex) + "] " + mappingText(f.mapping) + ", Flags " +
                std::to_string(f.mapping.flags) + " without LocalRoutedVIP (2)",
            "The load balancer answers " + endpointText(packet.destination, packet.port) +
                " for endpoints' packets; a connection the host itself opens to the VIP is balanced only "
                "with the LocalRoutedVIP flag: without it nothing on the host answers.")};
    return balance(*f.loadBalancer, f.mapping, f.mappingIndex, packet);
}

PathEnd PathWalker::fromHost(const EndpointFacts* target, const Packet& packet)
{
    const std::string address = packet.destination.toString();
    if (target) {
        const TraceObject endpointObject = m_index.object(ResourceKind::Endpoint, target->id);
        const NetworkFacts* network = m_index.network(target->networkId);
        if (!network)
            return m_walk.drop(
                "route", endpointObject, "network missing",
                "HostComputeNetwork " +
                    (target->networkId.empty() ? std::string("(empty)") : target->networkId),
                "Endpoint " + objectLabel(endpointObject) +
                    "'s network does not exist on this host: nothing connects the host to it.");
        const TraceObject networkObject = m_index.object(ResourceKind::Network, network->id);
        const std::string mode(networkModeName(network->mode));
        if (network->mode == NetworkMode::Private)
            return m_walk.drop("route", networkObject, "no host vNIC on a Private network", "Type Private",
                               "A Private network has no host vNIC: the host cannot reach its endpoints.");
        const std::optional<IpAddress> vnic = m_index.hostVnicAddress(*network, packet.destination);
        m_walk.hop("route", networkObject, HopOutcome::Pass,
                   vnic ? "via the host vNIC " + vnic->toString()
                        : "via the host vNIC on network " + objectLabel(networkObject),
                   vnic ? "gateway " + vnic->toString() + " of the " + mode + " network (the host's vNIC)"
                        : "Type " + mode,
                   address + " is endpoint " + objectLabel(endpointObject) + " on the " + mode +
                       " network: the host reaches it through its own vNIC on the network's virtual switch" +
                       (vnic ? "." : " (the vNIC's address is not in the data)."));
        return arriveLocal(*target, packet, false);
    }
    // No endpoint holds the address: the network whose subnet covers it most closely, else the host's
    // own routes (not in the data).
    const auto [covering, subnet] = m_index.coveringSubnet(packet.destination);
    if (!covering) {
        const int hop = m_walk.hop(
            "delivery", traceHostObject(), HopOutcome::Deliver, "leaves by the host's own routes",
            "no network's subnet covers " + address,
            address + " is in no network's subnet and no endpoint holds it: the host's own routing table, "
                      "which is not in HNS's data, decides where it goes.");
        return {PathEnd::Kind::Wire, hop, {}, false};
    }
    const TraceObject networkObject = m_index.object(ResourceKind::Network, covering->id);
    const std::string rule = "Ipams[" + std::to_string(subnet->ipamIndex) + "].Subnets[" +
                             std::to_string(subnet->subnetIndex) + "] " + subnet->prefix.toString();
    if (!bridgedMode(covering->mode))
        return m_walk.drop("route", networkObject, "no endpoint holds the address", rule,
                           address + " is inside the subnet of the " +
                               std::string(networkModeName(covering->mode)) + " network " +
                               objectLabel(networkObject) +
                               " but no endpoint has it: nothing receives the packet.");
    m_walk.hop("route", networkObject, HopOutcome::Pass, "on-link", rule,
               address + " is inside the subnet of network " + objectLabel(networkObject) +
                   " but no endpoint of this host holds it: it is sent onto the physical segment.");
    const int hop = m_walk.hop("delivery", networkObject, HopOutcome::Deliver,
                               "sent onto the physical segment of network " + objectLabel(networkObject),
                               rule, "Beyond this host: whether a machine answers is not in the data.");
    return {PathEnd::Kind::Wire, hop, {}, false};
}

std::vector<PathEnd> PathWalker::balance(const LoadBalancerFacts& lb, const PortMappingFact& mapping,
                                         std::size_t mappingIndex, const Packet& packet)
{
    const TraceObject object = m_index.object(ResourceKind::LoadBalancer, lb.id);
    std::vector<const EndpointFacts*> backends;
    std::size_t missing = 0;
    for (const std::string& id : lb.backends) {
        if (const EndpointFacts* e = m_index.endpoint(id))
            backends.push_back(e);
        else
            ++missing;
    }
    const std::string rule = "PortMappings[" + std::to_string(mappingIndex) + "] " + mappingText(mapping);
    if (backends.empty())
        return {m_walk.drop(
            "load balancer", object, "no backends",
            lb.backends.empty()
                ? "HostComputeEndpoints empty"
                : "HostComputeEndpoints: " + std::to_string(lb.backends.size()) + " listed, none exists",
            "Load balancer " + objectLabel(object) + " has no existing backend: connections to " +
                endpointText(packet.destination, packet.port) + " are dropped.")};
    const BalancerBehaviour behaviour = balancerBehaviour(lb, mapping, packet, m_source == nullptr);
    const std::uint16_t port = mapping.internalPort != 0 ? mapping.internalPort : packet.port;
    const std::size_t followed = std::min(backends.size(), kBackendsFollowed);
    const IpAddress& vip = packet.headerDestination();
    std::string fields = rule;
    if (mapping.flags)
        fields += ", Flags " + std::to_string(mapping.flags);
    if (behaviour.affinity)
        fields += ", DistributionType " + std::to_string(behaviour.affinity);
    if (lb.flags)
        fields += "; load balancer Flags " + std::to_string(lb.flags);
    if (lb.sourceVip)
        fields += "; SourceVIP " + lb.sourceVip->toString();
    std::string detail =
        behaviour.affinity
            ? "Every connection from " + packet.source.toString() +
                  (behaviour.affinity == 1 ? " over " + protocolText(packet.protocol) : std::string()) +
                  " goes to the same one backend (session affinity, DistributionType " +
                  behaviour.affinityName + "); the trace follows every candidate."
            : std::string("Each connection goes to one backend.");
    detail += " " + behaviour.sourceText;
    if (behaviour.preserveDip)
        detail += " PreserveDIP (EnablePreserveDip): the backend receives the packet still addressed to " +
                  vip.toString() + (port != packet.port ? ", port " + std::to_string(port) : std::string()) +
                  ".";
    detail += " " + behaviour.replyText;
    if (!behaviour.namedOnly.empty())
        detail += " Named, not modelled: " + behaviour.namedOnly + ".";
    if (missing)
        detail += " " + std::to_string(missing) + " listed backend(s) do not exist (LB-BACKEND-MISSING).";
    if (backends.size() > kBackendsFollowed)
        detail += " The first " + std::to_string(kBackendsFollowed) + " backends are followed.";
    m_walk.hop("load balancer", object, HopOutcome::Pass,
               "balanced to " + std::to_string(backends.size()) + " backend" +
                   (backends.size() == 1 ? "" : "s") + " on port " + std::to_string(port) +
                   (behaviour.affinity ? ", one per client (" + behaviour.affinityName + ")" : std::string()),
               fields, detail);
    if (behaviour.affinity && backends.size() > 1)
        m_walk.result.affinity = behaviour.affinityName;
    m_walk.result.backendCount = backends.size();
    std::vector<PathEnd> ends;
    for (std::size_t i = 0; i < followed; ++i) {
        const EndpointFacts& backend = *backends[i];
        const TraceObject backendObject = m_index.object(ResourceKind::Endpoint, backend.id);
        const std::optional<IpAddress> address = addressOfFamily(backend, packet.source.isV4());
        if (!address) {
            ends.push_back(
                noAddress(m_walk, "backend", backendObject, backend, "no address of the family",
                          "Backend " + objectLabel(backendObject) + " has no address the source can reach."));
            continue;
        }
        Packet toBackend = packet;
        toBackend.destination = *address;
        toBackend.port = port;
        if (behaviour.preserveDip)
            toBackend.keptDestination = vip;
        if (behaviour.sourceVip) {
            toBackend.balancerSource = behaviour.sourceVip;
            toBackend.balancer = &lb;
        }
        // The destination the backend sees: its own address, or the VIP kept (PreserveDIP).
        const std::string seen = endpointText(toBackend.headerDestination(), toBackend.port);
        if (seen != endpointText(vip, packet.port))
            m_walk.translation("destination", endpointText(vip, packet.port), seen, object);
        m_walk.hop(
            "backend", backendObject, HopOutcome::Note,
            "backend " + std::to_string(i + 1) + " of " + std::to_string(backends.size()) + ": " +
                (behaviour.preserveDip ? address->toString() + ", addressed to " + seen
                                       : endpointText(toBackend.destination, toBackend.port)),
            "HostComputeEndpoints " + backend.id,
            behaviour.preserveDip
                ? "The packet goes to the backend's address but keeps " + vip.toString() +
                      " as its destination; the hops below follow it."
                : std::string("The destination becomes the backend's address; the hops below follow it."));
        ends.push_back(toward(toBackend, backend.id));
    }
    return ends;
}

} // namespace hcn::analysis
