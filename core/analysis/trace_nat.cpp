// Address translation for the trace: OutBoundNAT (and WinNAT on NAT networks) on the way out of the
// source's network, and the port mappings that publish an endpoint on a host address.

#include "analysis/trace_steps.h"
#include "common/ip_protocols.h"

#include <algorithm>

namespace hcn::analysis {

namespace {

bool isNatMode(NetworkMode mode)
{
    return mode == NetworkMode::Nat || mode == NetworkMode::Ics || mode == NetworkMode::ConstrainedIcs;
}

} // namespace

std::optional<IpAddress> outboundNat(TraceWalk& walk, const EndpointFacts& source,
                                     const NetworkFacts& network, const Packet& packet, bool& translated)
{
    translated = false;
    const TraceObject endpointObject = walk.index.object(ResourceKind::Endpoint, source.id);
    const std::string from = packet.source.toString();
    const IpAddress& destination = packet.headerDestination();
    if (source.hasOutboundNat) {
        const std::string policy = "Policies[" + std::to_string(source.natPolicyIndex) + "] OutBoundNAT";
        for (const IpPrefix& exception : source.natExceptions) {
            if (exception.family() == destination.family() && exception.contains(destination)) {
                walk.hop("outbound NAT", endpointObject, HopOutcome::Pass, "not translated (exception)",
                         policy + " Exceptions " + exception.toString(),
                         destination.toString() + " is in the exception " + exception.toString() +
                             ": the packet keeps its source " + from + ".");
                return std::nullopt;
            }
        }
        if (!source.natDestinations.empty() &&
            std::none_of(source.natDestinations.begin(), source.natDestinations.end(),
                         [&](const IpPrefix& p) {
                             return p.family() == destination.family() && p.contains(destination);
                         })) {
            walk.hop("outbound NAT", endpointObject, HopOutcome::Pass,
                     "not translated (not a NAT destination)", policy + " Destinations",
                     destination.toString() + " is in none of the policy's Destinations: no translation.");
            return std::nullopt;
        }
        std::optional<IpAddress> to = source.natVirtualIp;
        std::string which = policy + (source.natVirtualIp ? " VirtualIP" : "");
        if (!to && network.providerAddress && network.providerAddress->family() == packet.source.family()) {
            to = network.providerAddress;
            which += " (no VirtualIP: the network's ProviderAddress, the host's address)";
        }
        translated = true;
        const std::string toText = to ? to->toString() : "the host's address";
        walk.translation("source", from, toText, endpointObject);
        walk.hop("outbound NAT", endpointObject, HopOutcome::Pass, "translated to " + toText,
                 which + (source.natExceptions.empty() ? ", no Exceptions" : ", no exception matched"),
                 "The source " + from + " is translated to " + toText +
                     (to ? "" : " (the documents do not name it: no VirtualIP, no network ProviderAddress)") +
                     ".");
        return to;
    }
    if (isNatMode(network.mode)) {
        translated = true;
        walk.translation("source", from, "the host's address",
                         walk.index.object(ResourceKind::Network, network.id));
        walk.hop(
            "outbound NAT", walk.index.object(ResourceKind::Network, network.id), HopOutcome::Pass,
            "translated to the host's address (WinNAT)", "Type " + std::string(networkModeName(network.mode)),
            "Leaving a " + std::string(networkModeName(network.mode)) +
                " network through its gateway, the source is translated by WinNAT to the host's address.");
        return std::nullopt;
    }
    walk.hop("outbound NAT", endpointObject, HopOutcome::Pass, "not translated", "no OutBoundNAT policy",
             "The endpoint has no OutBoundNAT policy: the packet leaves with its own address " + from + ".");
    return std::nullopt;
}

namespace {

/// The claims of host port `port` indexed under `key` (the key's protocol part) that `takes`.
template <typename Takes>
void addPublished(const TraceIndex& index, const PortMappingFact& key, const std::string& vip, Takes takes,
                  std::vector<PublishedPort>& out)
{
    for (const std::string& id : index.model.claimsByHostPort.at(hostPortKey(key))) {
        if (const EndpointFacts* e = index.endpoint(id)) {
            for (std::size_t i = 0; i < e->portMappings.size(); ++i) {
                const PortMappingFact& m = e->portMappings[i];
                if (takes(m) && m.externalPort == key.externalPort && (m.vip.empty() || m.vip == vip))
                    out.push_back({e, nullptr, m, i});
            }
            continue;
        }
        if (auto lb = index.model.loadBalancers.find(id); lb != index.model.loadBalancers.end())
            for (std::size_t i = 0; i < lb->second.portMappings.size(); ++i) {
                const PortMappingFact& m = lb->second.portMappings[i];
                if (takes(m) && m.externalPort == key.externalPort)
                    out.push_back({nullptr, &lb->second, m, i});
            }
    }
}

void boundFirst(std::vector<PublishedPort>& out)
{
    // A mapping bound to this very address wins over one on every host address.
    std::stable_sort(out.begin(), out.end(), [](const PublishedPort& a, const PublishedPort& b) {
        return !a.mapping.vip.empty() && b.mapping.vip.empty();
    });
}

} // namespace

std::vector<PublishedPort> publishedPorts(const TraceIndex& index, const IpAddress& address,
                                          std::uint32_t protocol, std::uint16_t port)
{
    std::vector<PublishedPort> out;
    PortMappingFact key;
    key.protocol = protocol;
    key.externalPort = port;
    const std::string vip = address.toString();
    const auto exactly = [&](const PortMappingFact& m) {
        return !m.protocolUnknown && m.protocol == protocol;
    };
    addPublished(index, key, vip, exactly, out);
    // A mapping without a protocol publishes the port for any protocol.
    for (const std::uint32_t any : {0u, kAnyProtocol}) {
        if (any == protocol)
            continue;
        key.protocol = any;
        addPublished(
            index, key, vip,
            [&](const PortMappingFact& m) { return !m.protocolUnknown && m.protocol == any; }, out);
    }
    boundFirst(out);
    return out;
}

std::vector<PublishedPort> unknownProtocolPublishedPorts(const TraceIndex& index, const IpAddress& address,
                                                         std::uint16_t port)
{
    std::vector<PublishedPort> out;
    PortMappingFact key;
    key.protocolUnknown = true;
    key.externalPort = port;
    addPublished(
        index, key, address.toString(), [](const PortMappingFact& m) { return m.protocolUnknown; }, out);
    boundFirst(out);
    return out;
}

} // namespace hcn::analysis
