// ACL evaluation for the trace: HNS ACL policies of one endpoint and one direction, by layer (Host
// rules in WFP, Switch rules in VFP), lowest Priority value first, the first matching rule decides; and
// its TierAcl tiers, lowest Order first, where a rule's Pass hands the packet to the next tier.

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

namespace {

/// ", Protocols 6, RemotePorts 80": the match fields a rule lists.
std::string matchText(const AclFact& acl)
{
    std::string out;
    if (!acl.protocols.empty())
        out += ", Protocols " + listText(acl.protocols, [](std::uint32_t p) { return std::to_string(p); });
    auto prefixText = [](const IpPrefix& p) { return p.toString(); };
    if (!acl.localAddresses.empty())
        out += ", LocalAddresses " + listText(acl.localAddresses, prefixText);
    if (!acl.remoteAddresses.empty())
        out += ", RemoteAddresses " + listText(acl.remoteAddresses, prefixText);
    if (!acl.localPorts.empty())
        out += ", LocalPorts " + listText(acl.localPorts, [](const PortRange& r) { return toString(r); });
    if (!acl.remotePorts.empty())
        out += ", RemotePorts " + listText(acl.remotePorts, [](const PortRange& r) { return toString(r); });
    return out;
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
    return out + matchText(acl);
}

std::string describeTier(const TierAclFact& tier)
{
    std::string out = "Policies[" + std::to_string(tier.index) + "] TierAcl";
    if (!tier.name.empty())
        out += " \"" + tier.name + "\"";
    return out + (tier.inbound ? " In" : " Out") +
           (tier.order ? ", Order " + std::to_string(*tier.order) : std::string(", Order not known"));
}

std::string describeTierRule(const TierAclFact& tier, const AclFact& rule)
{
    std::string out =
        describeTier(tier) + "; TierAclRules[" + std::to_string(rule.tierRule.value_or(0)) + "]";
    if (!rule.ruleId.empty())
        out += " Id=" + rule.ruleId;
    out += ": " +
           (aclFieldUnknown(rule, "TierAclRuleAction") ? std::string("action not known")
                                                       : std::string(aclActionName(rule))) +
           ", Priority " + std::to_string(rule.priority);
    return out + matchText(rule);
}

namespace {

/// The packet as the endpoint's rules of one direction see it: its side and the peer's, as the packet's
/// header names them (PreserveDIP keeps the VIP as the destination).
struct RuleView
{
    const Packet& packet;
    bool inbound;
    const IpAddress& local;
    const IpAddress& remote;
    std::uint16_t localPort;
    std::uint16_t remotePort;

    RuleView(const Packet& p, bool in)
        : packet(p), inbound(in), local(in ? p.headerDestination() : p.source),
          remote(in ? p.source : p.headerDestination()), localPort(in ? p.port : 0),
          remotePort(in ? 0 : p.port)
    {}

    /// Why `acl` does not match; empty when it does (or, `unknownMatches`, may).
    std::string mismatchOf(const AclFact& acl, bool unknownMatches) const
    {
        return mismatch(acl, local, remote, packet.protocol, localPort, remotePort, unknownMatches);
    }
    /// The first rule of `order` (evaluation order) that matches or, when the dump does not show all of
    /// its match, may match: a rule the dump does not fully show is skipped only when a field it does
    /// show rules the packet out, since it may be the one that decides. `skipped` counts the rules
    /// before it. Null when none does.
    const AclFact* firstMatch(const std::vector<const AclFact*>& order, std::size_t& skipped) const
    {
        skipped = 0;
        for (const AclFact* acl : order) {
            if (mismatchOf(*acl, true).empty())
                return acl;
            ++skipped;
        }
        return nullptr;
    }
    /// "tcp from 10.0.0.5 to 10.0.0.6:80"
    std::string seen() const
    {
        return protocolText(packet.protocol) + " from " + endpointText(inbound ? remote : local, 0) + " to " +
               endpointText(inbound ? local : remote, packet.port);
    }
};

std::string joinedFields(const std::vector<std::string>& fields)
{
    std::string out;
    for (const std::string& field : fields)
        out += (out.empty() ? "" : ", ") + field;
    return out;
}

/// The endpoint's TierAcl tiers of one direction (docs/trace.md, "Tiered ACLs"): lower Order first, in
/// each tier the first matching rule by Priority decides: Pass hands the packet to the next tier, Block
/// drops it, Allow accepts it (the later tiers are not evaluated). One hop per tier evaluated. False
/// when a tier blocked, or when what the data does not show may decide.
bool passTiers(TraceWalk& walk, const EndpointFacts& e, const RuleView& view, PathEnd& stop)
{
    const std::vector<const TierAclFact*> tiers = tierEvaluationOrder(e, view.inbound);
    if (tiers.empty())
        return true;
    const std::string name = std::string(view.inbound ? "ingress" : "egress") + " TierAcl";
    const TraceObject object = walk.index.object(ResourceKind::Endpoint, e.id);
    auto mayMatch = [&](const TierAclFact& tier) {
        return std::any_of(tier.rules.begin(), tier.rules.end(),
                           [&](const AclFact& rule) { return view.mismatchOf(rule, true).empty(); });
    };
    // A tier whose Order the dump does not show may come anywhere among the others.
    if (tiers.size() > 1)
        for (const TierAclFact* tier : tiers)
            if (!tier->order && mayMatch(*tier)) {
                stop = walk.undecided(
                    name, object, "cannot evaluate: Order not in the dump", describeTier(*tier),
                    "The dump does not show this tier's Order (absent, redacted or unreadable) and a rule of "
                    "it may match " +
                        view.seen() + ": where it comes among the endpoint's " +
                        std::to_string(tiers.size()) +
                        " tiers, and so which tier decides, cannot be told from this data.");
                return false;
            }
    for (std::size_t i = 0; i < tiers.size(); ++i) {
        const TierAclFact& tier = *tiers[i];
        const std::string next =
            i + 1 < tiers.size() ? "the next tier decides" : "no tier follows, so the tiers let it through";
        std::size_t skipped = 0;
        const AclFact* decided = view.firstMatch(ruleEvaluationOrder(tier.rules), skipped);
        const std::string counted =
            std::to_string(tier.rules.size()) + " rule" + (tier.rules.size() == 1 ? "" : "s");
        if (!decided) {
            walk.hop(name, object, HopOutcome::Pass, "no rule matched",
                     describeTier(tier) + ": " + counted + ", none matched",
                     "None of the tier's " + counted + " matches " + view.seen() + "; " + next +
                         " (docs/trace.md).");
            continue;
        }
        const std::string rule = describeTierRule(tier, *decided);
        if (!view.mismatchOf(*decided, false).empty() || aclFieldUnknown(*decided, "TierAclRuleAction")) {
            const std::string fields = joinedFields(decided->unknown);
            stop = walk.undecided(name, object, "cannot evaluate: " + fields + " not in the dump", rule,
                                  "The dump does not show this tier rule's " + fields +
                                      " (redacted or unreadable; the import report says which, and keeps the "
                                      "text under \"_v1\"): what it does with " +
                                      view.seen() + " cannot be told from this data.");
            return false;
        }
        const std::string before =
            skipped == 0 ? "first rule of the tier"
                         : std::to_string(skipped) + " rule(s) of the tier with lower Priority did not match";
        if (decided->pass) {
            walk.hop(name, object, HopOutcome::Pass, "passed to the next tier", rule,
                     "The first matching rule (" + before + ") passes " + view.seen() + " on: " + next + ".");
            continue;
        }
        if (decided->allow) {
            walk.hop(name, object, HopOutcome::Pass, "allowed", rule,
                     "The first matching rule (" + before + ") allows " + view.seen() +
                         "; the tiers after it are not evaluated.");
            return true;
        }
        stop = {PathEnd::Kind::Dropped,
                walk.hop(name, object, HopOutcome::Drop, "blocked", rule,
                         "The first matching rule (" + before + ") blocks " + view.seen() + "."),
                {},
                false};
        return false;
    }
    return true;
}

} // namespace

bool passAcls(TraceWalk& walk, const EndpointFacts& e, bool inbound, const Packet& packet, PathEnd& stop)
{
    const std::string direction = inbound ? "ingress" : "egress";
    const TraceObject object = walk.index.object(ResourceKind::Endpoint, e.id);
    const RuleView view(packet, inbound);
    const IpAddress& remote = view.remote;

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
    const bool tiered = std::any_of(e.tierAcls.begin(), e.tierAcls.end(),
                                    [&](const TierAclFact& tier) { return tier.inbound == inbound; });
    if (rules.empty() && !tiered) {
        walk.hop(direction + " ACL", object, HopOutcome::Pass, "allowed (no ACL)",
                 std::string("no ACL or NetworkACL policy with Direction ") + (inbound ? "In" : "Out"),
                 "The endpoint has no " + direction + " ACL rule: nothing filters the packet.");
        return true;
    }
    // Egress leaves the container's stack (WFP, Host rules) before the switch port (VFP, Switch rules);
    // ingress meets them the other way round.
    const bool layers[2] = {inbound ? false : true, inbound ? true : false};
    for (bool hostLayer : layers) {
        // TierAcl policies carry no RuleType: tiers are taken for switch-port (VFP) rules, evaluated just
        // before the Switch ACL rules (docs/trace.md, "Tiered ACLs"; our choice).
        if (!hostLayer && !passTiers(walk, e, view, stop))
            return false;
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
        std::size_t skipped = 0;
        const AclFact* decided = view.firstMatch(layer, skipped);
        if (decided && !view.mismatchOf(*decided, false).empty()) {
            const std::string fields = joinedFields(decided->unknown);
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
        const std::string seen = view.seen();
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
