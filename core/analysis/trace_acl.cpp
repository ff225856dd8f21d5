// ACL evaluation for the trace: HNS ACL policies of one endpoint and one direction, by layer (Host
// rules in WFP, Switch rules in VFP), lowest Priority value first, the first matching rule decides.

#include "analysis/trace_steps.h"

#include <algorithm>

namespace hcn::analysis {

namespace {

template <typename T, typename Text> std::string listText(const std::vector<T>& items, Text text)
{
    std::string out;
    for (const T& item : items) {
        if (!out.empty())
            out += ',';
        out += text(item);
    }
    return out;
}

std::string rangeText(const PortRange& r)
{
    return r.first == r.last ? std::to_string(r.first)
                             : std::to_string(r.first) + "-" + std::to_string(r.last);
}

bool listedIn(const std::vector<IpPrefix>& prefixes, const IpAddress& address)
{
    return std::any_of(prefixes.begin(), prefixes.end(), [&](const IpPrefix& p) {
        return p.family() == address.family() && p.contains(address);
    });
}

bool listedIn(const std::vector<PortRange>& ranges, std::uint16_t port)
{
    return port != 0 && std::any_of(ranges.begin(), ranges.end(),
                                    [&](const PortRange& r) { return r.first <= port && port <= r.last; });
}

/// Why a rule does not match the packet; empty when it matches. The trace does not know the client's
/// (ephemeral) port: a rule that names the client side's ports does not match. A field the data does not
/// show (AclFact::unknown) matches when `unknownMatches`: false asks whether the rule matches for sure,
/// true whether it may.
std::string mismatch(const AclFact& acl, const IpAddress& local, const IpAddress& remote,
                     std::uint32_t protocol, std::uint16_t localPort, std::uint16_t remotePort,
                     bool unknownMatches)
{
    const bool protocolListed =
        std::find(acl.protocols.begin(), acl.protocols.end(), protocol) != acl.protocols.end();
    if (!aclFieldMatches(acl, "Protocols", protocolListed, acl.protocols.empty(), unknownMatches))
        return "protocol";
    if (!aclFieldMatches(acl, "LocalAddresses", listedIn(acl.localAddresses, local),
                         acl.localAddresses.empty(), unknownMatches))
        return "local address";
    if (!aclFieldMatches(acl, "RemoteAddresses", listedIn(acl.remoteAddresses, remote),
                         acl.remoteAddresses.empty(), unknownMatches))
        return "remote address";
    if (!aclFieldMatches(acl, "LocalPorts", listedIn(acl.localPorts, localPort), acl.localPorts.empty(),
                         unknownMatches))
        return "local port";
    if (!aclFieldMatches(acl, "RemotePorts", listedIn(acl.remotePorts, remotePort), acl.remotePorts.empty(),
                         unknownMatches))
        return "remote port";
    return {};
}

} // namespace

std::string describeAcl(const AclFact& acl)
{
    std::string out = acl.fromNetwork ? "network Policies[" + std::to_string(acl.index) + "] NetworkACL"
                                      : "Policies[" + std::to_string(acl.index) + "] ACL";
    if (!acl.ruleId.empty())
        out += " Id=" + acl.ruleId;
    out += std::string(": ") + (acl.allow ? "Allow" : "Block") + (acl.inbound ? " In " : " Out ") +
           (acl.hostRule ? "Host" : "Switch") + ", Priority " + std::to_string(acl.priority);
    if (!acl.protocols.empty())
        out += ", Protocols " + listText(acl.protocols, [](std::uint32_t p) { return std::to_string(p); });
    auto prefixText = [](const IpPrefix& p) { return p.toString(); };
    if (!acl.localAddresses.empty())
        out += ", LocalAddresses " + listText(acl.localAddresses, prefixText);
    if (!acl.remoteAddresses.empty())
        out += ", RemoteAddresses " + listText(acl.remoteAddresses, prefixText);
    if (!acl.localPorts.empty())
        out += ", LocalPorts " + listText(acl.localPorts, rangeText);
    if (!acl.remotePorts.empty())
        out += ", RemotePorts " + listText(acl.remotePorts, rangeText);
    return out;
}

bool passAcls(TraceWalk& walk, const EndpointFacts& e, bool inbound, const Packet& packet, PathEnd& stop)
{
    const std::string direction = inbound ? "ingress" : "egress";
    const TraceObject object = walk.index.object(ResourceKind::Endpoint, e.id);
    // The endpoint's side of the packet and the peer's, as the packet's header names them (PreserveDIP
    // keeps the VIP as the destination).
    const IpAddress& local = inbound ? packet.headerDestination() : packet.source;
    const IpAddress& remote = inbound ? packet.source : packet.headerDestination();
    const std::uint16_t localPort = inbound ? packet.port : 0;
    const std::uint16_t remotePort = inbound ? 0 : packet.port;

    // The network's NetworkACL policies apply to each of its local endpoints, in one Priority order with
    // the endpoint's own (at equal priorities the network's first), as the Linux datapath programs them
    // (docs/datapath-linux.md, "Network ACLs"; our choice where HCN's documentation is silent).
    std::vector<const AclFact*> rules;
    if (const NetworkFacts* network = e.remote ? nullptr : walk.index.network(e.networkId))
        for (const AclFact& acl : network->acls)
            if (acl.inbound == inbound)
                rules.push_back(&acl);
    for (const AclFact& acl : e.acls)
        if (acl.inbound == inbound)
            rules.push_back(&acl);
    if (rules.empty()) {
        walk.hop(direction + " ACL", object, HopOutcome::Pass, "allowed (no ACL)",
                 std::string("no ACL or NetworkACL policy with Direction ") + (inbound ? "In" : "Out"),
                 "The endpoint has no " + direction + " ACL rule: nothing filters the packet.");
        return true;
    }
    // Egress leaves the container's stack (WFP, Host rules) before the switch port (VFP, Switch rules);
    // ingress meets them the other way round.
    const bool layers[2] = {inbound ? false : true, inbound ? true : false};
    for (bool hostLayer : layers) {
        std::vector<const AclFact*> layer;
        for (const AclFact* acl : rules)
            if (acl->hostRule == hostLayer)
                layer.push_back(acl);
        if (layer.empty())
            continue;
        // Lower Priority value first; equal priorities the network's first, then in the order of the
        // Policies lists.
        std::stable_sort(layer.begin(), layer.end(),
                         [](const AclFact* a, const AclFact* b) { return a->priority < b->priority; });
        const std::string name = direction + " ACL (" + (hostLayer ? "Host" : "Switch") + ")";
        const AclFact* decided = nullptr;
        std::size_t skipped = 0;
        for (const AclFact* acl : layer) {
            // A rule whose match the dump does not fully show is skipped only when a field it does show
            // rules the packet out; otherwise it may be the one that decides.
            if (mismatch(*acl, local, remote, packet.protocol, localPort, remotePort, true).empty()) {
                decided = acl;
                break;
            }
            ++skipped;
        }
        if (decided &&
            !mismatch(*decided, local, remote, packet.protocol, localPort, remotePort, false).empty()) {
            std::string fields;
            for (const std::string& field : decided->unknown)
                fields += (fields.empty() ? "" : ", ") + field;
            stop = walk.undecided(
                name, object, "cannot evaluate: " + fields + " not in the dump", describeAcl(*decided),
                "The dump does not show this rule's " + fields +
                    " (redacted or unreadable; the import report says which, and keeps the text under "
                    "\"_v1\"): whether it matches " +
                    protocolText(packet.protocol) + " " + (inbound ? "from " : "to ") +
                    endpointText(remote, inbound ? 0 : packet.port) +
                    ", and so whether the packet passes, cannot be told from this data.");
            return false;
        }
        const std::string counted = std::to_string(layer.size()) + " rule" + (layer.size() == 1 ? "" : "s");
        if (!decided) {
            walk.hop(name, object, HopOutcome::Pass, "allowed (no rule matched)", counted + ", none matched",
                     "None of the " + counted + " matches " + protocolText(packet.protocol) + " " +
                         (inbound ? "from " : "to ") + endpointText(remote, inbound ? 0 : packet.port) +
                         (inbound && packet.port ? " on port " + std::to_string(packet.port) : "") +
                         "; a packet no rule matches is allowed (docs/trace.md).");
            continue;
        }
        const std::string before =
            skipped == 0 ? "first rule evaluated"
                         : std::to_string(skipped) + " rule(s) with lower Priority did not match";
        // The packet as this layer sees it: a load balancer may have changed its source (SourceVIP) or
        // kept the VIP as its destination (PreserveDIP).
        const std::string seen = protocolText(packet.protocol) + " from " +
                                 endpointText(inbound ? remote : local, 0) + " to " +
                                 endpointText(inbound ? local : remote, packet.port);
        if (decided->allow) {
            walk.hop(name, object, HopOutcome::Pass, "allowed", describeAcl(*decided),
                     "The first matching rule (" + before + ") allows " + seen + ".");
            continue;
        }
        stop = {PathEnd::Kind::Dropped,
                walk.hop(name, object, HopOutcome::Drop, "blocked", describeAcl(*decided),
                         "The first matching rule (" + before + ") blocks " + seen + "."),
                {},
                false};
        return false;
    }
    return true;
}

} // namespace hcn::analysis
