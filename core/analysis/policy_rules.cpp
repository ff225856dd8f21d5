// Rules about endpoint policies: ACL rules that never match or that block DNS, and OutBoundNAT
// exceptions on Kubernetes networks.

#include "analysis/check_model.h"

#include <algorithm>

namespace hcn::analysis {

namespace {

std::string aclSummary(const AclFact& a)
{
    std::string out = std::string(a.allow ? "Allow" : "Block") + " " + (a.inbound ? "In" : "Out") +
                      " priority " + std::to_string(a.priority);
    if (!a.ruleId.empty())
        out += " (" + a.ruleId + ")";
    return out;
}

std::string policyField(const AclFact& a)
{
    return "Policies[" + std::to_string(a.index) + "]";
}

/// The order VFP evaluates rules in: lower Priority value first, then document order.
std::vector<const AclFact*> evaluationOrder(const std::vector<AclFact>& acls)
{
    std::vector<const AclFact*> order;
    for (const AclFact& a : acls)
        order.push_back(&a);
    std::stable_sort(order.begin(), order.end(),
                     [](const AclFact* x, const AclFact* y) { return x->priority < y->priority; });
    return order;
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

} // namespace

void checkEndpointPolicies(const CheckModel&, const EndpointFacts& e, const NetworkFacts* network,
                           std::vector<Finding>& out)
{
    if (e.acls.empty())
        return;
    const std::vector<const AclFact*> order = evaluationOrder(e.acls);
    const std::vector<std::pair<std::string_view, std::string>> values{{"endpoint", e.id}};
    for (std::size_t j = 0; j < order.size(); ++j) {
        for (std::size_t i = 0; i < j; ++i) {
            const AclFact& first = *order[i];
            const AclFact& later = *order[j];
            if (first.priority >= later.priority || !aclCovers(first, later))
                continue; // equal priorities: HNS's tie order is not documented, so no claim
            out.push_back(makeFinding(
                "ACL-SHADOWED",
                "ACL " + aclSummary(later) + " never matches: " + aclSummary(first) + " covers it" +
                    (first.allow == later.allow ? " with the same action." : " with the opposite action."),
                {{ResourceKind::Endpoint, e.id}},
                {{fieldOf(ResourceKind::Endpoint, e.id, policyField(later)), aclSummary(later)},
                 {fieldOf(ResourceKind::Endpoint, e.id, policyField(first)), aclSummary(first)}},
                values));
            break;
        }
    }
    std::vector<IpAddress> servers = e.dnsServers;
    if (servers.empty() && network)
        servers = network->dnsServers;
    for (const IpAddress& server : servers) {
        for (const AclFact* acl : order) {
            if (acl->hostRule || !aclMatchesOutbound(*acl, kProtocolUdp, server, 53, true))
                continue;
            if (!aclMatchesOutbound(*acl, kProtocolUdp, server, 53))
                break; // the dump does not show all this rule matches: it may decide, so no claim
            if (!acl->allow)
                out.push_back(makeFinding(
                    "ACL-BLOCKS-DNS",
                    "ACL " + aclSummary(*acl) + " blocks UDP 53 to DNS server " + server.toString() + ".",
                    {{ResourceKind::Endpoint, e.id}},
                    {{fieldOf(ResourceKind::Endpoint, e.id, policyField(*acl)), aclSummary(*acl)},
                     {"DNS server", server.toString()}},
                    values));
            break; // the first matching rule decides
        }
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
