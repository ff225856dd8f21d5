// Rules about load balancers and the ports and names they serve: backends, duplicate frontends,
// host port claims, orphaned node ports, DNS behind a VIP, and the objects that name missing endpoints.

#include "analysis/check_model.h"

#include <algorithm>

namespace hcn::analysis {

namespace {

std::string protocolName(std::uint32_t protocol)
{
    PortMappingFact mapping;
    mapping.protocol = protocol;
    return mappingProtocolName(mapping);
}

/// LB-NOT-APPLIED: the document says HNS has not applied the load balancer; names it by its VIPs, ports
/// and protocols.
void checkApplied(const LoadBalancerFacts& lb, std::vector<Finding>& out)
{
    if (!lb.applied || *lb.applied)
        return;
    std::vector<std::string> vips, ports;
    for (const IpAddress& vip : lb.vips)
        vips.push_back(vip.toString());
    for (const PortMappingFact& m : lb.portMappings)
        ports.push_back(mappingProtocolName(m) + " " + std::to_string(m.externalPort) + "->" +
                        std::to_string(m.internalPort));
    const std::string frontend = !vips.empty()    ? joined(vips)
                                 : lb.vipsUnknown ? std::string("(VIPs not shown by the dump)")
                                                  : std::string("node port");
    std::string message = "The load balancer for " + frontend;
    if (!ports.empty())
        message += " " + joined(ports);
    message +=
        " is not applied: the dump says IsApplied False; HNS has not programmed it into the data path.";
    std::vector<std::pair<std::string, std::string>> evidence{
        {fieldOf(ResourceKind::LoadBalancer, lb.id, lb.appliedField), "False"},
        {fieldOf(ResourceKind::LoadBalancer, lb.id, "FrontendVIPs"), vips.empty() ? "(none)" : joined(vips)},
        {fieldOf(ResourceKind::LoadBalancer, lb.id, "PortMappings"),
         ports.empty() ? "(none)" : joined(ports)}};
    out.push_back(makeFinding("LB-NOT-APPLIED", std::move(message), {{ResourceKind::LoadBalancer, lb.id}},
                              std::move(evidence), {{"lb", lb.id}}));
}

} // namespace

void checkLoadBalancer(const CheckModel& model, const LoadBalancerFacts& lb, std::vector<Finding>& out)
{
    checkDocument(model, ResourceKind::LoadBalancer, lb.id, lb.unreadable, out);
    checkApplied(lb, out);
    // A host without endpoints is a partial dump: missing backends prove nothing there.
    const bool endpointsKnown = !model.endpoints.empty();
    std::vector<std::string> missing;
    if (endpointsKnown)
        for (const std::string& backend : lb.backends)
            if (!model.endpoints.count(backend))
                missing.push_back(backend);
    const std::size_t existing = lb.backends.size() - missing.size();
    const std::vector<std::pair<std::string_view, std::string>> values{{"lb", lb.id}};
    std::vector<std::pair<std::string, std::string>> evidence{
        {fieldOf(ResourceKind::LoadBalancer, lb.id, "HostComputeEndpoints"),
         lb.backends.empty() ? "(none)" : joined(lb.backends)}};

    if (isNodePort(lb) && existing == 0 && (endpointsKnown || lb.backends.empty())) {
        std::vector<std::string> ports;
        for (const PortMappingFact& m : lb.portMappings)
            if (m.externalPort != 0)
                ports.push_back(mappingProtocolName(m) + " " + std::to_string(m.externalPort));
        evidence.emplace_back(fieldOf(ResourceKind::LoadBalancer, lb.id, "PortMappings.ExternalPort"),
                              joined(ports));
        evidence.emplace_back(fieldOf(ResourceKind::LoadBalancer, lb.id, "FrontendVIPs"), "(none)");
        out.push_back(makeFinding("LB-ORPHAN-HOST-PORT",
                                  "The node-port load balancer holds host port(s) " + joined(ports) +
                                      " with no existing backend.",
                                  {{ResourceKind::LoadBalancer, lb.id}}, std::move(evidence), values));
        return;
    }
    if (lb.backends.empty()) {
        out.push_back(makeFinding("LB-NO-BACKENDS", "The load balancer has no backends.",
                                  {{ResourceKind::LoadBalancer, lb.id}}, std::move(evidence), values));
        return;
    }
    if (!missing.empty())
        out.push_back(makeFinding("LB-BACKEND-MISSING",
                                  std::to_string(missing.size()) + " of " +
                                      std::to_string(lb.backends.size()) +
                                      " backends do not exist: " + joined(missing) + ".",
                                  {{ResourceKind::LoadBalancer, lb.id}}, std::move(evidence), values));
}

void checkFrontend(const CheckModel& model, const std::string& key, std::vector<Finding>& out)
{
    const std::set<std::string>& lbs = model.loadBalancersByFrontend.at(key);
    if (lbs.size() < 2)
        return;
    const auto bar = key.find('|');
    const auto bar2 = key.find('|', bar + 1);
    // Load balancers whose protocol the dump does not show share the frontend only if their protocols
    // are the same: nothing proves it.
    if (key.substr(bar + 1, bar2 - bar - 1) == kUnknownProtocolKey)
        return;
    const std::string vip = key.substr(0, bar);
    const std::string protocol = protocolName(std::uint32_t(std::stoul(key.substr(bar + 1, bar2 - bar - 1))));
    const std::string frontend =
        (vip.empty() ? std::string("node port") : vip) + ":" + key.substr(bar2 + 1) + "/" + protocol;
    std::vector<FindingObject> objects;
    std::vector<std::pair<std::string, std::string>> evidence;
    for (const std::string& id : lbs) {
        objects.push_back({ResourceKind::LoadBalancer, id});
        evidence.emplace_back(fieldOf(ResourceKind::LoadBalancer, id, "FrontendVIPs/PortMappings"), frontend);
    }
    // The one without existing backends is the likely stale one.
    std::string stale = objects.back().id;
    for (const std::string& id : lbs)
        if (auto it = model.loadBalancers.find(id);
            it != model.loadBalancers.end() && model.existing(it->second.backends) == 0)
            stale = id;
    out.push_back(makeFinding("LB-DUP-FRONTEND",
                              std::to_string(lbs.size()) + " load balancers serve " + frontend + ".",
                              std::move(objects), std::move(evidence), {{"lb", stale}}));
}

void checkHostPort(const CheckModel& model, const std::string& key, std::vector<Finding>& out)
{
    const std::set<std::string>& claimants = model.claimsByHostPort.at(key);
    if (claimants.size() < 2)
        return;
    const auto bar = key.find('|');
    if (key.substr(0, bar) == kUnknownProtocolKey)
        return; // the claims conflict only if their protocols, which the dump does not show, are the same
    const std::uint32_t protocol = std::uint32_t(std::stoul(key.substr(0, bar)));
    const std::uint16_t port = std::uint16_t(std::stoul(key.substr(bar + 1)));
    struct Claim
    {
        FindingObject object;
        std::string vip;
    };
    std::vector<Claim> claims;
    for (const std::string& id : claimants) {
        Claim claim;
        claim.object.id = id;
        if (auto e = model.endpoints.find(id); e != model.endpoints.end()) {
            claim.object.kind = ResourceKind::Endpoint;
            for (const PortMappingFact& m : e->second.portMappings)
                if (!m.protocolUnknown && m.protocol == protocol && m.externalPort == port) {
                    claim.vip = m.vip;
                    claims.push_back(claim);
                }
        } else if (model.loadBalancers.count(id)) {
            claim.object.kind = ResourceKind::LoadBalancer;
            claims.push_back(claim);
        }
    }
    std::set<FindingObject> conflicting;
    for (std::size_t i = 0; i < claims.size(); ++i)
        for (std::size_t j = i + 1; j < claims.size(); ++j) {
            const Claim& a = claims[i];
            const Claim& b = claims[j];
            if (a.object == b.object)
                continue;
            // Conflicts among load balancers alone are LB-DUP-FRONTEND's.
            if (a.object.kind != ResourceKind::Endpoint && b.object.kind != ResourceKind::Endpoint)
                continue;
            if (a.vip.empty() || b.vip.empty() || a.vip == b.vip) {
                conflicting.insert(a.object);
                conflicting.insert(b.object);
            }
        }
    if (conflicting.empty())
        return;
    std::vector<FindingObject> objects(conflicting.begin(), conflicting.end());
    std::vector<std::pair<std::string, std::string>> evidence;
    for (const Claim& c : claims)
        if (conflicting.count(c.object))
            evidence.emplace_back(fieldOf(c.object.kind, c.object.id, "PortMapping"),
                                  protocolName(protocol) + " " + std::to_string(port) +
                                      (c.vip.empty() ? " on every host address" : " on " + c.vip));
    std::string endpoint;
    for (const FindingObject& o : objects)
        if (o.kind == ResourceKind::Endpoint)
            endpoint = o.id;
    std::string message = std::to_string(objects.size()) + " objects claim host port " +
                          protocolName(protocol) + " " + std::to_string(port) + ".";
    out.push_back(makeFinding("PORTMAP-CONFLICT", std::move(message), std::move(objects), std::move(evidence),
                              {{"endpoint", endpoint}, {"port", std::to_string(port)}}));
}

void checkDnsServer(const CheckModel& model, const std::string& server, std::vector<Finding>& out)
{
    const std::set<std::string>& users = model.dnsUsersByServer.at(server);
    const std::set<std::string>& lbs = model.loadBalancersByVip.at(server);
    if (users.empty() || lbs.empty() || model.endpoints.empty())
        return;
    for (const std::string& id : lbs)
        if (auto it = model.loadBalancers.find(id);
            it == model.loadBalancers.end() || model.existing(it->second.backends) > 0)
            return;
    std::vector<FindingObject> objects;
    std::vector<std::pair<std::string, std::string>> evidence;
    for (const std::string& id : lbs) {
        objects.push_back({ResourceKind::LoadBalancer, id});
        evidence.emplace_back(fieldOf(ResourceKind::LoadBalancer, id, "FrontendVIPs"), server);
    }
    for (const std::string& id : users) {
        const ResourceKind kind = model.networks.count(id) ? ResourceKind::Network : ResourceKind::Endpoint;
        objects.push_back({kind, id});
    }
    evidence.emplace_back("Objects using the server", std::to_string(users.size()));
    out.push_back(makeFinding("DNS-VIP-NO-BACKENDS",
                              "DNS server " + server + " is a load balancer VIP with no existing backend; " +
                                  std::to_string(users.size()) + " object(s) use it.",
                              std::move(objects), std::move(evidence), {{"lb", *lbs.begin()}}));
}

void checkReferences(const CheckModel& model, ResourceKind kind, const ReferenceFacts& facts,
                     std::vector<Finding>& out)
{
    if (model.endpoints.empty())
        return; // a partial dump without endpoints
    std::vector<std::string> missing;
    for (const std::string& id : facts.endpoints)
        if (!model.endpoints.count(id))
            missing.push_back(id);
    if (missing.empty())
        return;
    const bool isNamespace = kind == ResourceKind::Namespace;
    out.push_back(makeFinding(
        isNamespace ? "NS-ENDPOINT-MISSING" : "ROUTE-ENDPOINT-MISSING",
        "Endpoint(s) " + joined(missing) + " do not exist.", {{kind, facts.id}},
        {{fieldOf(kind, facts.id, isNamespace ? "Resources" : "HostComputeEndpoints"), joined(missing)}},
        {{isNamespace ? "namespace" : "route", facts.id}}));
}

} // namespace hcn::analysis
