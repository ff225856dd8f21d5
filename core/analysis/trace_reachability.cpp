// ReachabilityTracer: resolves a request (source endpoint or the host, destination endpoint / IP / VIP,
// protocol and port), checks the source (or picks the host's address), picks the kind of destination and sums
// the paths up into a verdict.

#include "analysis/trace_steps.h"
#include "common/text.h"
#include "hcn/guid.h"
#include "hcn/object_reference.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace hcn {

using namespace analysis;

struct ReachabilityTracer::Impl
{
    TraceIndex index;
};

ReachabilityTracer::ReachabilityTracer(const HostState& state) : m_impl(std::make_unique<Impl>())
{
    m_impl->index.build(state);
}

ReachabilityTracer::~ReachabilityTracer() = default;

namespace {

constexpr std::uint16_t kDefaultPort = 80;

Result<std::string> resolveEndpoint(const TraceIndex& index, const std::string& text, std::string_view role)
{
    if (text.empty())
        return Status(hr::InvalidArg, "the " + std::string(role) + " is empty");
    // The usual cases from the index: an endpoint's ID (any case, braces), else a Name exactly one
    // endpoint has. The rest (names in another case, shared names, nothing) as every ID argument.
    if (const std::string canonical = canonicalObjectId(text); index.endpoint(canonical))
        return canonical;
    if (const auto named = index.endpointsByName.find(text);
        named != index.endpointsByName.end() && named->second.size() == 1)
        return named->second.front();
    auto id = resolveObjectReference(ResourceKind::Endpoint, index.endpointNames, text);
    if (!id.ok())
        return Status(id.code(), "the " + std::string(role) + ": " + id.status().detail());
    return id;
}

void conclude(TraceResult& result, const TraceIndex& index, const std::vector<PathEnd>& ends)
{
    std::vector<const PathEnd*> endpoints, host, wire;
    const PathEnd* firstDrop = nullptr;
    const PathEnd* firstUndecided = nullptr;
    for (const PathEnd& end : ends) {
        if (end.kind == PathEnd::Kind::Endpoint)
            endpoints.push_back(&end);
        else if (end.kind == PathEnd::Kind::Host)
            host.push_back(&end);
        else if (end.kind == PathEnd::Kind::Wire)
            wire.push_back(&end);
        else if (end.kind == PathEnd::Kind::Undecided) {
            if (!firstUndecided)
                firstUndecided = &end;
        } else if (!firstDrop)
            firstDrop = &end;
    }
    auto hopDecision = [&](const PathEnd* end) {
        return end->hop >= 0 && std::size_t(end->hop) < result.hops.size()
                   ? result.hops[std::size_t(end->hop)].decision
                   : std::string();
    };
    const std::size_t reached = endpoints.size() + host.size() + wire.size();
    // "2 of 3 backends: ..." when a load balancer split the path; with session affinity the client
    // reaches one of them, always the same. Past the backends followed, the counts say so.
    const std::size_t backends = std::max(result.backendCount, ends.size());
    const std::string followed = backends > ends.size() ? " of the " + std::to_string(ends.size()) +
                                                              " followed (of " + std::to_string(backends) + ")"
                                                        : std::string();
    std::string share = ends.size() > 1
                            ? std::to_string(reached) + " of " +
                                  (followed.empty() ? std::to_string(ends.size()) + " backends"
                                                    : "the " + std::to_string(ends.size()) +
                                                          " backends followed (of " + std::to_string(backends) +
                                                          ")") +
                                  ": "
                            : std::string();
    if (ends.size() > 1 && !result.affinity.empty()) {
        share = "one of " + std::to_string(backends) + " backends, the same for every connection from " +
                result.sourceAddress +
                (result.affinity == "SourceIPProtocol"
                     ? " over " + std::string(traceProtocolName(result.protocol))
                     : std::string()) +
                " (session affinity " + result.affinity + ")";
        if (reached < ends.size() && reached > 0 && firstDrop)
            share += "; " + std::to_string(reached) +
                     (followed.empty() ? std::string(reached == 1 ? " of them accepts it, " : " of them accept it, ")
                                       : followed + (reached == 1 ? " accepts it, " : " accept it, ")) +
                     std::to_string(ends.size() - reached) +
                     (ends.size() - reached == 1 ? " drops it (first at hop " : " drop it (first at hop ") +
                     std::to_string(firstDrop->hop + 1) + ": " + hopDecision(firstDrop) +
                     "): this client always or never gets through, by the backend its address picks";
        share += ": ";
    }
    auto joinedDecisions = [&](const std::vector<const PathEnd*>& list, std::string out) {
        for (const PathEnd* end : list)
            out += (out.empty() ? "" : "; ") + hopDecision(end);
        return out;
    };
    if (!endpoints.empty() || !host.empty()) {
        result.verdict = TraceVerdict::Delivered;
        for (const PathEnd* end : endpoints)
            result.deliveredTo.push_back(index.object(ResourceKind::Endpoint, end->endpointId));
        result.summary = share + joinedDecisions(host, joinedDecisions(endpoints, {}));
        return;
    }
    if (!wire.empty()) {
        const bool translated =
            std::any_of(wire.begin(), wire.end(), [](const PathEnd* e) { return e->sourceTranslated; });
        result.verdict = translated ? TraceVerdict::Translated : TraceVerdict::Delivered;
        result.summary = share + hopDecision(wire.front());
        if (translated)
            for (const TraceTranslation& t : result.translations)
                if (t.what == "source") {
                    result.summary += ", source " + t.from + " translated to " + t.to;
                    break;
                }
        return;
    }
    // Nothing reached a target: a path the data cannot decide keeps the packet from being called dropped.
    if (firstUndecided && firstUndecided->hop >= 0 && std::size_t(firstUndecided->hop) < result.hops.size()) {
        result.verdict = TraceVerdict::Undecided;
        result.undecidedAt = firstUndecided->hop;
        const TraceHop& h = result.hops[std::size_t(firstUndecided->hop)];
        result.summary = "cannot decide at hop " + std::to_string(firstUndecided->hop + 1) + " (" + h.name +
                         ", " + objectLabel(h.object) + "): " + h.decision +
                         " — the dump does not show what " + "decides there (redacted or unreadable)";
        return;
    }
    result.verdict = TraceVerdict::Dropped;
    result.droppedAt = firstDrop ? firstDrop->hop : -1;
    if (firstDrop && firstDrop->hop >= 0) {
        const TraceHop& h = result.hops[std::size_t(firstDrop->hop)];
        result.summary = "dropped at hop " + std::to_string(firstDrop->hop + 1) + " (" + h.name + ", " +
                         objectLabel(h.object) + "): " + h.decision + " — " + h.rule;
    } else {
        result.summary = "dropped";
    }
}

/// An address the host's documents do not name may still be the node's own (an L2Bridge node's IP is
/// in no HNS document): when a node port publishes the packet's port, say how to trace it as the host's.
void noteNodePorts(TraceWalk& walk, const TraceIndex& index, const Packet& packet)
{
    for (const auto& [id, lb] : index.model.loadBalancers) {
        if (!isNodePort(lb))
            continue;
        for (const PortMappingFact& m : lb.portMappings) {
            if (!mappingServes(m, packet.protocol) || m.externalPort != packet.port)
                continue;
            const std::string address = packet.destination.toString();
            walk.hop("destination", index.object(ResourceKind::LoadBalancer, id), HopOutcome::Note,
                     "node port " + std::to_string(m.externalPort) + " on this host",
                     "no FrontendVIPs, PortMappings " + mappingText(m),
                     address +
                         " is no address this host's documents name. If it is this node's own IP "
                         "(an L2Bridge or transparent node's address is in no HNS document), trace it "
                         "as the host's: hcnctl trace ... --host-address " +
                         address + ".");
            return;
        }
    }
}

/// An endpoint as the source: the address it sends from toward `destination`, after its checks and
/// the "source" hop; nullopt after the hop that drops the packet. Sets `network` to the endpoint's.
std::optional<IpAddress> endpointSource(TraceWalk& walk, const EndpointFacts& source,
                                        const std::optional<IpAddress>& destination,
                                        const EndpointFacts* destinationEndpoint,
                                        const NetworkFacts*& network)
{
    const TraceIndex& index = walk.index;
    TraceResult& result = walk.result;
    const TraceObject sourceObject = result.source;
    if (source.remote) {
        walk.drop(
            "source", sourceObject, "remote endpoint", "Flags RemoteEndpoint",
            "Endpoint " + objectLabel(sourceObject) +
                " is a remote endpoint: its packets start on another host, which this host's data does not "
                "describe.");
        return std::nullopt;
    }
    network = index.network(source.networkId);
    if (!network) {
        walk.drop("source", sourceObject, "network missing",
                  "HostComputeNetwork " +
                      (source.networkId.empty() ? std::string("(empty)") : source.networkId),
                  "The source's network does not exist on this host: the endpoint has no switch port.");
        return std::nullopt;
    }
    const bool attached = index.model.attached(source);
    if (index.detached(source)) {
        walk.drop("source", sourceObject, "not attached",
                  "HostComputeNamespace empty and no namespace lists the endpoint",
                  "Endpoint " + objectLabel(sourceObject) +
                      " is attached to no namespace: no container sends from it (attach it: hcnctl modify "
                      "namespace).");
        return std::nullopt;
    }
    if (!destination) {
        noAddress(walk, "destination", *result.destinationObject, *destinationEndpoint, "no address",
                  "The destination endpoint has no IP address in its document.");
        return std::nullopt;
    }
    const std::optional<IpAddress> sourceAddress = addressOfFamily(source, destination->isV4());
    if (!sourceAddress) {
        noAddress(walk, "source", sourceObject, source,
                  std::string("no ") + (destination->isV4() ? "IPv4" : "IPv6") + " address",
                  "The source has no address of the destination's family.");
        return std::nullopt;
    }
    result.sourceAddress = sourceAddress->toString();
    std::string attachment;
    if (!source.namespaceId.empty())
        attachment = "HostComputeNamespace " + source.namespaceId;
    else if (const auto& namespaces = index.model.namespacesOfEndpoint.at(source.id); !namespaces.empty())
        attachment = "listed by namespace " + *namespaces.begin();
    else
        attachment = index.model.namespaceDataPresent()
                         ? "no namespace (held by a virtual machine on this network type)"
                         : "no namespace data on this host (attachment unknown)";
    walk.hop("source", sourceObject, HopOutcome::Pass,
             attached ? "attached, sends from " + result.sourceAddress : "sends from " + result.sourceAddress,
             attachment,
             "Endpoint " + objectLabel(sourceObject) + " on network " +
                 objectLabel(index.object(ResourceKind::Network, network->id)) + " (" +
                 std::string(networkModeName(network->mode)) + ").");
    return sourceAddress;
}

/// The network a packet from the host to `destination` enters: the destination endpoint's, the network
/// of a local endpoint holding the address, of a backend behind the VIP, or the one whose subnet covers
/// the address most closely; null when none.
const NetworkFacts* networkToward(const TraceIndex& index, const IpAddress& destination,
                                  const EndpointFacts* destinationEndpoint)
{
    if (destinationEndpoint)
        return index.network(destinationEndpoint->networkId);
    const std::string address = destination.toString();
    for (const std::string& id : index.model.endpointsByAddress.at(address))
        if (const EndpointFacts* e = index.endpoint(id); e && !e->remote)
            return index.network(e->networkId);
    for (const std::string& id : index.model.loadBalancersByVip.at(address))
        if (const auto lb = index.model.loadBalancers.find(id); lb != index.model.loadBalancers.end())
            for (const std::string& backend : lb->second.backends)
                if (const EndpointFacts* e = index.endpoint(backend); e && !e->remote)
                    if (const NetworkFacts* n = index.network(e->networkId))
                        return n;
    return index.coveringSubnet(destination).first;
}

/// The host as the source: the address it sends from toward `destination` (docs/trace.md, "From the
/// host"), after the "source" hop; nullopt after the hop that drops the packet.
std::optional<IpAddress> hostSource(TraceWalk& walk, const std::set<IpAddress>& declaredHost,
                                    const std::optional<IpAddress>& destination,
                                    const EndpointFacts* destinationEndpoint)
{
    const TraceIndex& index = walk.index;
    TraceResult& result = walk.result;
    const TraceObject host = result.source;
    if (!destination) {
        noAddress(walk, "destination", *result.destinationObject, *destinationEndpoint, "no address",
                  "The destination endpoint has no IP address in its document.");
        return std::nullopt;
    }
    const std::string family = destination->isV4() ? "IPv4" : "IPv6";
    auto ofFamily = [&](const IpAddress& a) { return a.family() == destination->family(); };
    std::optional<IpAddress> address;
    std::string from;
    const NetworkFacts* network = networkToward(index, *destination, destinationEndpoint);
    const std::string networkText =
        network ? " of network " + objectLabel(index.object(ResourceKind::Network, network->id))
                : std::string();
    if (network)
        if ((address = index.hostVnicAddress(*network, *destination)))
            from = "the host's vNIC" + networkText + " (its gateway)";
    if (!address)
        if (const auto it = std::find_if(declaredHost.begin(), declaredHost.end(), ofFamily);
            it != declaredHost.end()) {
            address = *it;
            from = "a host address given with the request";
        }
    if (!address && network && network->providerAddress && ofFamily(*network->providerAddress)) {
        address = network->providerAddress;
        from = "the ProviderAddress" + networkText + " (the host's address on it)";
    }
    if (!address)
        if (const auto it = std::find_if(index.hostAddresses.begin(), index.hostAddresses.end(), ofFamily);
            it != index.hostAddresses.end()) {
            address = *it;
            from = "an address of this host in its documents";
        }
    if (!address) {
        walk.drop("source", host, "no " + family + " address of the host known",
                  "no gateway vNIC, ProviderAddress or port mapping VIP of the family",
                  "Nothing in the data names an " + family +
                      " address of this host to send from: give one (hcnctl trace --host-address, or "
                      "Host addresses in the Trace panel).");
        return std::nullopt;
    }
    result.sourceAddress = address->toString();
    walk.hop("source", host, HopOutcome::Pass, "sends from " + result.sourceAddress, from,
             "A process on the host itself: no switch port, so no endpoint's ACLs or OutBoundNAT apply on "
             "the way out.");
    return address;
}

} // namespace

Result<TraceResult> ReachabilityTracer::trace(const TraceRequest& request) const
{
    const TraceIndex& index = m_impl->index;
    const bool fromHost = equalsIgnoreCase(trimSpace(request.source), kTraceHostSource);
    const EndpointFacts* sourceEndpoint = nullptr;
    if (!fromHost) {
        auto sourceId = resolveEndpoint(index, std::string(trimSpace(request.source)), "source");
        if (!sourceId.ok())
            return sourceId.status();
        sourceEndpoint = index.endpoint(*sourceId);
    }

    TraceResult result;
    result.source = fromHost ? traceHostObject() : index.object(ResourceKind::Endpoint, sourceEndpoint->id);
    result.destination = std::string(trimSpace(request.destination));
    result.protocol = request.protocol;

    std::set<IpAddress> declaredHost;
    for (const std::string& text : request.hostAddresses) {
        const auto address = IpAddress::parse(trimSpace(text));
        if (!address)
            return Status(hr::InvalidArg, "the host address \"" + text + "\" is not an IP address");
        declaredHost.insert(*address);
    }
    auto isHostAddress = [&](const IpAddress& a) {
        return index.hostAddresses.contains(a) || declaredHost.contains(a);
    };

    // The destination: an address, else an endpoint by ID or name.
    std::optional<IpAddress> destination = IpAddress::parse(result.destination);
    const EndpointFacts* destinationEndpoint = nullptr;
    if (!destination) {
        auto destinationId = resolveEndpoint(index, result.destination, "destination");
        if (!destinationId.ok())
            return destinationId.status();
        destinationEndpoint = index.endpoint(*destinationId);
        result.destinationObject = index.object(ResourceKind::Endpoint, destinationEndpoint->id);
        // The family the source has, else the other one (the host: IPv4 first).
        const bool preferV4 =
            fromHost || sourceEndpoint->addresses.empty() || sourceEndpoint->addresses.front().isV4();
        destination = addressOfFamily(*destinationEndpoint, preferV4);
        if (!fromHost && (!destination || !addressOfFamily(*sourceEndpoint, destination->isV4())))
            if (auto other = addressOfFamily(*destinationEndpoint, !preferV4);
                other && addressOfFamily(*sourceEndpoint, !preferV4))
                destination = other;
        if (fromHost && !destination)
            destination = addressOfFamily(*destinationEndpoint, false);
    }

    TraceWalk walk{index, result};
    const TraceObject sourceObject = result.source;

    if (destination)
        result.destinationAddress = destination->toString();
    const std::uint32_t protocol = request.protocol == TraceProtocol::Icmp
                                       ? (destination && !destination->isV4() ? 58u : 1u)
                                       : std::uint32_t(request.protocol);
    // The port: as given, else the destination's only frontend or published port, else 80.
    if (request.protocol == TraceProtocol::Icmp) {
        result.port = 0;
    } else if (request.port) {
        result.port = *request.port;
    } else {
        result.portDefaulted = true;
        result.port = kDefaultPort;
        if (destination) {
            // A mapping whose protocol the dump does not show may serve the protocol: its port counts.
            std::vector<std::uint16_t> ports = frontendPorts(index, *destination, protocol);
            for (std::uint16_t port : frontendPorts(index, *destination, std::nullopt))
                ports.push_back(port);
            std::sort(ports.begin(), ports.end());
            ports.erase(std::unique(ports.begin(), ports.end()), ports.end());
            if (ports.empty() && isHostAddress(*destination)) {
                for (const auto& [id, e] : index.model.endpoints)
                    for (const PortMappingFact& m : e.portMappings)
                        if (mappingServes(m, protocol) && m.externalPort != 0 &&
                            (m.vip.empty() || m.vip == destination->toString()))
                            ports.push_back(m.externalPort);
                std::sort(ports.begin(), ports.end());
                ports.erase(std::unique(ports.begin(), ports.end()), ports.end());
            }
            if (ports.size() == 1)
                result.port = ports.front();
        }
    }

    // The source: the host with an address toward the destination, or a local endpoint on an existing
    // network, attached, with an address of the destination's family.
    const NetworkFacts* network = nullptr;
    const std::optional<IpAddress> sourceAddress =
        fromHost ? hostSource(walk, declaredHost, destination, destinationEndpoint)
                 : endpointSource(walk, *sourceEndpoint, destination, destinationEndpoint, network);
    if (!sourceAddress) {
        const bool undecided = !result.hops.empty() && result.hops.back().outcome == HopOutcome::Undecided;
        conclude(result, index,
                 {{undecided ? PathEnd::Kind::Undecided : PathEnd::Kind::Dropped,
                   undecided ? int(result.hops.size()) - 1 : 0,
                   {},
                   false}});
        return result;
    }
    if (result.portDefaulted)
        walk.hop("request", sourceObject, HopOutcome::Note,
                 "port " + std::to_string(result.port) + " assumed", "no --port given",
                 "No port was given: the destination's only frontend or published port for " +
                     protocolText(protocol) + " is used, else 80.");

    Packet packet;
    packet.source = *sourceAddress;
    packet.destination = *destination;
    packet.protocol = protocol;
    packet.port = result.port;
    PathWalker walker = fromHost ? PathWalker(walk) : PathWalker(walk, *sourceEndpoint, *network);
    std::vector<PathEnd> ends;
    if (!destinationEndpoint && !index.model.loadBalancersByVip.at(destination->toString()).empty())
        ends = walker.throughVip(packet);
    else if (!destinationEndpoint && index.model.endpointsByAddress.at(destination->toString()).empty() &&
             isHostAddress(*destination))
        ends = walker.towardHost(packet, !index.hostAddresses.contains(*destination));
    else {
        if (!destinationEndpoint && index.model.endpointsByAddress.at(destination->toString()).empty())
            noteNodePorts(walk, index, packet);
        ends.push_back(walker.toward(packet, destinationEndpoint ? destinationEndpoint->id : std::string()));
    }
    conclude(result, index, ends);
    return result;
}

Result<TraceResult> traceSnapshot(std::string_view snapshotText, const TraceRequest& request)
{
    auto objects = parseHostSnapshot(snapshotText);
    if (!objects.ok())
        return objects.status();
    HostState state;
    (void)state.assign(std::move(*objects));
    ReachabilityTracer tracer(state);
    return tracer.trace(request);
}

} // namespace hcn
