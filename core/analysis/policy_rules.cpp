// Rules about endpoint policies: ACL and TierAcl rules that never match or that block DNS, tiers with
// one Order, and OutBoundNAT exceptions on Kubernetes networks.

#include "analysis/check_model.h"

#include <algorithm>

namespace hcn::analysis {

namespace {

std::string aclSummary(const AclFact& a)
{
    std::string out = std::string(aclActionName(a)) + " " + (a.inbound ? "In" : "Out") + " priority " +
                      std::to_string(a.priority);
    if (!a.ruleId.empty())
        out += " (" + a.ruleId + ")";
    return out;
}

std::string policyField(const AclFact& a)
{
    std::string out = "Policies[" + std::to_string(a.index) + "]";
    if (a.tierRule)
        out += ".Settings.TierAclRules[" + std::to_string(*a.tierRule) + "]";
    return out;
}

std::string tierSummary(const TierAclFact& t)
{
    std::string out = "TierAcl";
    if (!t.name.empty())
        out += " \"" + t.name + "\"";
    return out + (t.inbound ? " In" : " Out") + (t.order ? " Order " + std::to_string(*t.order) : "");
}

/// Calls `shadowed(later, first)` for each rule of `order` (evaluation order) fully covered by a rule
/// evaluated before it with a lower Priority value (equal priorities: HNS's tie order is not documented,
/// so no claim), the first such rule only.
template <typename Shadowed> void forEachShadowed(const std::vector<const AclFact*>& order, Shadowed shadowed)
{
    for (std::size_t j = 0; j < order.size(); ++j)
        for (std::size_t i = 0; i < j; ++i)
            if (order[i]->priority < order[j]->priority && aclCovers(*order[i], *order[j])) {
                shadowed(*order[j], *order[i]);
                break;
            }
}

/// The rule of `order` (Switch rules only) that decides an outbound UDP packet to `server`:53, the
/// first that matches; null when none does, or when the first that may match is not known to match
/// (the dump does not show all it matches: it may decide, so no claim). `undecided` says which.
const AclFact* decidesDns(const std::vector<const AclFact*>& order, const IpAddress& server, bool& undecided)
{
    undecided = false;
    for (const AclFact* acl : order) {
        if (acl->hostRule || !aclMatchesOutbound(*acl, kProtocolUdp, server, 53, true))
            continue;
        undecided = !aclMatchesOutbound(*acl, kProtocolUdp, server, 53);
        return undecided ? nullptr : acl;
    }
    return nullptr;
}

bool kubernetesMode(NetworkMode mode)
{
    return mode == NetworkMode::L2Bridge || mode == NetworkMode::L2Tunnel || mode == NetworkMode::Overlay;
}

bool covered(const std::vector<IpPrefix>& exceptions, const IpPrefix& range)
{
    return std::any_of(exceptions.begin(), exceptions.end(), [&](const IpPrefix& x) {
        return x.family() == range.family() && x.length() <= range.length() && x.contains(range.address());
    });
}

/// TIER-ORDER-DUP: two tiers of one direction with the same Order.
void checkTierOrders(const EndpointFacts& e,
                     const std::vector<std::pair<std::string_view, std::string>>& values,
                     std::vector<Finding>& out)
{
    for (std::size_t j = 0; j < e.tierAcls.size(); ++j)
        for (std::size_t i = 0; i < j; ++i) {
            const TierAclFact& first = e.tierAcls[i];
            const TierAclFact& later = e.tierAcls[j];
            if (!first.order || first.order != later.order || first.inbound != later.inbound)
                continue;
            out.push_back(makeFinding(
                "TIER-ORDER-DUP",
                tierSummary(later) + " has the same Order as " + tierSummary(first) +
                    ": which of the two is evaluated first is not documented.",
                {{ResourceKind::Endpoint, e.id}},
                {{fieldOf(ResourceKind::Endpoint, e.id, "Policies[" + std::to_string(later.index) + "]"),
                  tierSummary(later)},
                 {fieldOf(ResourceKind::Endpoint, e.id, "Policies[" + std::to_string(first.index) + "]"),
                  tierSummary(first)}},
                values));
            break;
        }
}

/// TIER-BLOCKS-DNS: the outbound tiers, in their Order, hand UDP 53 to `server` to a Block rule. No
/// claim when what decides is not known: a rule that may match but is not known to, a rule's action or,
/// with several tiers, a tier's Order the dump does not show, or two tiers with one Order.
void checkTiersDns(const EndpointFacts& e, const IpAddress& server,
                   const std::vector<std::pair<std::string_view, std::string>>& values,
                   std::vector<Finding>& out)
{
    const std::vector<const TierAclFact*> tiers = tierEvaluationOrder(e, false);
    for (std::size_t i = 0; i < tiers.size(); ++i) {
        if (tiers.size() > 1 && (!tiers[i]->order || (i > 0 && tiers[i - 1]->order == tiers[i]->order)))
            return;
    }
    for (const TierAclFact* tier : tiers) {
        bool undecided = false;
        const AclFact* rule = decidesDns(ruleEvaluationOrder(tier->rules), server, undecided);
        if (undecided || (rule && aclFieldUnknown(*rule, "TierAclRuleAction")))
            return;
        if (!rule || rule->pass)
            continue; // the next tier decides
        if (!rule->allow)
            out.push_back(
                makeFinding("TIER-BLOCKS-DNS",
                            tierSummary(*tier) + " rule " + aclSummary(*rule) +
                                " blocks UDP 53 to DNS server " + server.toString() + ".",
                            {{ResourceKind::Endpoint, e.id}},
                            {{fieldOf(ResourceKind::Endpoint, e.id, policyField(*rule)), aclSummary(*rule)},
                             {"DNS server", server.toString()}},
                            values));
        return;
    }
}

} // namespace

void checkEndpointPolicies(const CheckModel&, const EndpointFacts& e, const NetworkFacts* network,
                           std::vector<Finding>& out)
{
    if (e.acls.empty() && e.tierAcls.empty())
        return;
    const std::vector<const AclFact*> order = ruleEvaluationOrder(e.acls);
    const std::vector<std::pair<std::string_view, std::string>> values{{"endpoint", e.id}};
    auto rule = [&](const AclFact& a) {
        return std::pair<std::string, std::string>{fieldOf(ResourceKind::Endpoint, e.id, policyField(a)),
                                                   aclSummary(a)};
    };
    forEachShadowed(order, [&](const AclFact& later, const AclFact& first) {
        out.push_back(makeFinding(
            "ACL-SHADOWED",
            "ACL " + aclSummary(later) + " never matches: " + aclSummary(first) + " covers it" +
                (first.allow == later.allow ? " with the same action." : " with the opposite action."),
            {{ResourceKind::Endpoint, e.id}}, {rule(later), rule(first)}, values));
    });
    for (const TierAclFact& tier : e.tierAcls)
        forEachShadowed(ruleEvaluationOrder(tier.rules), [&](const AclFact& later, const AclFact& first) {
            const bool same = aclActionName(first) == aclActionName(later);
            out.push_back(
                makeFinding("TIER-RULE-SHADOWED",
                            tierSummary(tier) + " rule " + aclSummary(later) +
                                " never matches: " + aclSummary(first) + " covers it" +
                                (same ? " with the same action."
                                      : " with action " + std::string(aclActionName(first)) + " instead."),
                            {{ResourceKind::Endpoint, e.id}}, {rule(later), rule(first)}, values));
        });
    checkTierOrders(e, values, out);
    std::vector<IpAddress> servers = e.dnsServers;
    if (servers.empty() && network)
        servers = network->dnsServers;
    for (const IpAddress& server : servers) {
        bool undecided = false;
        if (const AclFact* acl = decidesDns(order, server, undecided); acl && !acl->allow)
            out.push_back(makeFinding(
                "ACL-BLOCKS-DNS",
                "ACL " + aclSummary(*acl) + " blocks UDP 53 to DNS server " + server.toString() + ".",
                {{ResourceKind::Endpoint, e.id}}, {rule(*acl), {"DNS server", server.toString()}}, values));
        checkTiersDns(e, server, values, out);
    }
}

void checkNatGroup(const CheckModel& model, const std::string& key, std::vector<Finding>& out)
{
    const std::set<std::string>& members = model.natGroups.at(key);
    if (members.empty())
        return;
    const std::string networkId = key.substr(0, key.find('\n'));
    auto n = model.networks.find(networkId);
    auto first = model.endpoints.find(*members.begin());
    if (n == model.networks.end() || !kubernetesMode(n->second.mode) || first == model.endpoints.end())
        return;
    // An exception the dump did not carry may cover what the others leave out.
    for (const std::string& id : members)
        if (model.lost(id, {"ExceptionList", "Exceptions"}))
            return;
    const NetworkFacts& network = n->second;
    const EndpointFacts& sample = first->second; // every member has these exceptions
    // Built only when a rule fires: a group can hold every endpoint of a network.
    auto objects = [&] {
        std::vector<FindingObject> list{{ResourceKind::Network, networkId}};
        list.reserve(members.size() + 1);
        for (const std::string& id : members)
            list.push_back({ResourceKind::Endpoint, id});
        return list;
    };
    const std::string exceptions = sample.natExceptionText.empty() ? "(none)" : sample.natExceptionText;
    const std::string count = std::to_string(members.size()) + " endpoint(s)";

    // IPv6 subnets count only when the exceptions speak IPv6: dual-stack NAT lists are often IPv4 only.
    const bool v6Exceptions = std::any_of(sample.natExceptions.begin(), sample.natExceptions.end(),
                                          [](const IpPrefix& x) { return x.family() == IpFamily::V6; });
    std::vector<std::string> uncovered;
    for (const SubnetFact& s : network.subnets)
        if ((s.prefix.family() == IpFamily::V4 || v6Exceptions) && !covered(sample.natExceptions, s.prefix))
            uncovered.push_back(s.prefix.toString());
    if (!uncovered.empty()) {
        const std::string ranges = joined(uncovered);
        out.push_back(makeFinding(
            "NAT-EXCEPTION-NETWORK",
            count + " NAT traffic to the network's own range " + ranges +
                " (OutBoundNAT exceptions: " + exceptions + ").",
            objects(),
            {{fieldOf(ResourceKind::Endpoint, sample.id, "Policies.OutBoundNAT.Exceptions"), exceptions},
             {fieldOf(ResourceKind::Network, networkId, "Ipams.Subnets.IpAddressPrefix"), ranges},
             {"Endpoints with these exceptions", std::to_string(members.size())}},
            {{"endpoint", sample.id}, {"network", networkId}}));
    }

    // The service range is not in the documents; the load balancers' VIPs outside the network show it.
    std::vector<IpAddress> vips; // sorted: model.vips is ordered
    for (const auto& entry : model.vips) {
        const IpAddress& vip = entry.first; // a named reference: lambdas cannot capture bindings in clang 14
        if (std::any_of(network.subnets.begin(), network.subnets.end(), [&](const SubnetFact& s) {
                return s.prefix.family() == vip.family() && s.prefix.contains(vip);
            }))
            continue;
        if (std::any_of(sample.natExceptions.begin(), sample.natExceptions.end(),
                        [&](const IpPrefix& x) { return x.family() == vip.family() && x.contains(vip); }))
            return; // some service VIP is excepted: the service range is there
        vips.push_back(vip);
    }
    if (vips.empty())
        return;
    out.push_back(makeFinding(
        "NAT-EXCEPTION-SERVICE",
        count + " NAT traffic to the service VIPs (e.g. " + vips.front().toString() +
            "): no OutBoundNAT exception covers any of the host's " + std::to_string(vips.size()) +
            " VIP(s).",
        objects(),
        {{fieldOf(ResourceKind::Endpoint, sample.id, "Policies.OutBoundNAT.Exceptions"), exceptions},
         {"Load balancer VIPs", std::to_string(vips.size())}},
        {{"endpoint", sample.id}, {"network", networkId}}));
}

} // namespace hcn::analysis
