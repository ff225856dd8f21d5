#pragma once
// CheckModel: the facts of every object of a host and the indices the health rules look things up by
// (address -> endpoints, MAC -> endpoints, VIP:port:protocol -> load balancers, host port -> claims,
// DNS server -> users, endpoint -> the objects naming it ...). The checker keeps it in step with the
// host's changes, and asks it which scopes a change touches.

#include "analysis/host_facts.h"
#include "hcn/health_checks.h"
#include "hcn/host_state.h"

#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace hcn::analysis {

/// What a rule evaluation covers; a scope key is the letter followed by the key text.
enum class Scope : char
{
    Endpoint = 'E',
    Network = 'N',
    LoadBalancer = 'L',
    Namespace = 'S',
    SdnRoute = 'R',
    Address = 'I',   ///< one IP address (duplicate IPs)
    Mac = 'M',       ///< one MAC (duplicate MACs)
    Frontend = 'F',  ///< "VIP|protocol|port" of load balancers
    HostPort = 'P',  ///< "protocol|port" claims of port mappings and node ports
    DnsServer = 'D', ///< one DNS server address
    NatGroup = 'T',  ///< "network\nexceptions": endpoints with the same OutBoundNAT exceptions
    Overlaps = 'O',  ///< every network's subnets against each other
};

std::string scopeKey(Scope scope, std::string_view key);

/// Object IDs per key; a key disappears with its last ID.
class MultiIndex
{
public:
    void add(const std::string& key, const std::string& id) { m_map[key].insert(id); }
    void remove(const std::string& key, const std::string& id);
    const std::set<std::string>& at(const std::string& key) const;
    const std::unordered_map<std::string, std::set<std::string>>& all() const { return m_map; }
    void clear() { m_map.clear(); }

private:
    std::unordered_map<std::string, std::set<std::string>> m_map;
};

struct CheckModel
{
    const HostState* state = nullptr; ///< the host the facts were read from (documents, endpointsOfNetwork)
    std::optional<SchemaVersion> hnsVersion;
    UnknownFields unknownFields;
    /// The version has every gated feature: the feature rule cannot fire (saves reading each document).
    bool allFeaturesSupported = false;

    std::unordered_map<std::string, EndpointFacts> endpoints;
    std::unordered_map<std::string, NetworkFacts> networks;
    std::unordered_map<std::string, LoadBalancerFacts> loadBalancers;
    std::unordered_map<std::string, ReferenceFacts> namespaces;
    std::unordered_map<std::string, ReferenceFacts> sdnRoutes;

    MultiIndex endpointsByAddress;
    MultiIndex endpointsByMac;
    MultiIndex loadBalancersByFrontend;
    MultiIndex claimsByHostPort; ///< endpoint port mappings and node-port load balancers
    MultiIndex loadBalancersByVip;
    /// Every frontend VIP as an address, with the number of load balancers using it (the service
    /// range check walks these without parsing text).
    std::map<IpAddress, std::size_t> vips;
    MultiIndex dnsUsersByServer;        ///< endpoints and networks naming the server
    MultiIndex loadBalancersOfEndpoint; ///< backend ID -> load balancers listing it
    MultiIndex namespacesOfEndpoint;    ///< endpoint ID -> namespaces whose Resources list it
    MultiIndex sdnRoutesOfEndpoint;
    MultiIndex natGroups;          ///< NatGroup key -> endpoints
    MultiIndex natGroupsOfNetwork; ///< network -> NatGroup keys
    std::size_t endpointsNamingNamespace = 0;
    /// Local endpoints per network: a pool cannot be over 90 % used by fewer (skips the pool walk).
    std::unordered_map<std::string, std::size_t> localEndpointsOfNetwork;

    void clear();
    /// Adds (or removes) an object's facts to the maps and indices; adds the scopes it touches to
    /// `dirty`, before removal and after addition (null: the caller evaluates everything anyway).
    void insert(const HostObject& object, std::set<std::string>* dirty);
    void erase(ResourceKind kind, const std::string& id, std::set<std::string>* dirty);

    /// Namespace data is present on the host (some namespace, or an endpoint naming one): without it an
    /// unattached endpoint proves nothing (a dump of endpoints only).
    bool namespaceDataPresent() const { return !namespaces.empty() || endpointsNamingNamespace > 0; }
    /// Attached to a namespace by its own field or by a namespace's Resources.
    bool attached(const EndpointFacts& endpoint) const;
    /// Endpoints that exist among `ids`.
    std::size_t existing(const std::vector<std::string>& ids) const;
    const nlohmann::json* document(const std::string& id) const;
    /// The dump did not carry one of `members` of the object (its import's Lost list names it as the
    /// last member of a path: `Subnets[0].AddressPrefix: "10.244.0.0/xx" is not an address prefix ...`):
    /// a rule that reads it does not apply.
    bool lost(const std::string& id, std::initializer_list<std::string_view> members) const;

private:
    void dirtyEndpoint(const EndpointFacts& e, std::set<std::string>& dirty) const;
    void dirtyNetwork(const NetworkFacts& n, std::set<std::string>& dirty) const;
    void dirtyLoadBalancer(const LoadBalancerFacts& lb, std::set<std::string>& dirty) const;
    /// The scopes that read whether a load balancer's backends exist.
    void dirtyBackendsOf(const LoadBalancerFacts& lb, std::set<std::string>& dirty) const;
    void dirtyNamespace(const ReferenceFacts& ns, std::set<std::string>& dirty) const;
    void indexEndpoint(const EndpointFacts& e, bool add);
    void indexLoadBalancer(const LoadBalancerFacts& lb, bool add);
};

/// The protocol part of a Frontend or HostPort key for a port mapping whose protocol is not known.
inline constexpr std::string_view kUnknownProtocolKey = "unknown";
/// Index keys of an object's facts.
std::string frontendKey(const std::string& vip, const PortMappingFact& mapping);
std::string hostPortKey(const PortMappingFact& mapping);
std::string natGroupKey(const EndpointFacts& e);
/// A node-port load balancer: no FrontendVIPs, so its external ports are claimed on every host address.
bool isNodePort(const LoadBalancerFacts& lb);

/// Appends the findings of one scope (the part after the letter in `key`).
void evaluateScope(const CheckModel& model, const std::string& key, std::vector<Finding>& out);

// The rule families, one per file.
void checkEndpoint(const CheckModel& model, const EndpointFacts& e, std::vector<Finding>& out);
void checkEndpointPolicies(const CheckModel& model, const EndpointFacts& e, const NetworkFacts* network,
                           std::vector<Finding>& out);
void checkNetwork(const CheckModel& model, const NetworkFacts& n, std::vector<Finding>& out);
void checkAddress(const CheckModel& model, const std::string& address, std::vector<Finding>& out);
void checkMac(const CheckModel& model, const std::string& mac, std::vector<Finding>& out);
void checkOverlaps(const CheckModel& model, std::vector<Finding>& out);
void checkLoadBalancer(const CheckModel& model, const LoadBalancerFacts& lb, std::vector<Finding>& out);
void checkFrontend(const CheckModel& model, const std::string& key, std::vector<Finding>& out);
void checkHostPort(const CheckModel& model, const std::string& key, std::vector<Finding>& out);
void checkDnsServer(const CheckModel& model, const std::string& server, std::vector<Finding>& out);
void checkNatGroup(const CheckModel& model, const std::string& key, std::vector<Finding>& out);
void checkReferences(const CheckModel& model, ResourceKind kind, const ReferenceFacts& facts,
                     std::vector<Finding>& out);
/// DATA-UNREADABLE and FEATURE-TOO-NEW for one object.
void checkDocument(const CheckModel& model, ResourceKind kind, const std::string& id,
                   const std::vector<UnreadableField>& unreadable, std::vector<Finding>& out);

/// A finding of `ruleId` with the table's severity, title and cause, the fix template filled in from
/// `values` ({"endpoint", id} replaces "{endpoint}").
Finding makeFinding(std::string_view ruleId, std::string message, std::vector<FindingObject> objects,
                    std::vector<std::pair<std::string, std::string>> evidence,
                    const std::vector<std::pair<std::string_view, std::string>>& values);
/// "a, b, c": lists of values in messages and evidence.
std::string joined(const std::vector<std::string>& words);
/// "Endpoint 1234ABCD-...": how evidence names an object's field.
std::string fieldOf(ResourceKind kind, const std::string& id, std::string_view field);

} // namespace hcn::analysis
