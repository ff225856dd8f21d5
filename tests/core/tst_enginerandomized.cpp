// Randomized operation sequences: from a seed, a few hundred single-threaded steps each pick a call with
// random and often invalid arguments (bad or reserved IPs, addresses outside every subnet, duplicate names,
// ports and containers, attaching what is attached, remote-endpoint misuse, deleted handles, malformed
// JSON ...), and now and then the datapath is armed to fail the step. A failed call must leave the full
// state and the notification stream untouched, a call built to be invalid must fail, and after every step
// the cross-object invariants hold. Failures print the seed and step; HCN_RANDOM_SEED=<n>
// [HCN_RANDOM_STEPS=<n>] replays one sequence (HCN_RANDOM_VERBOSE=1 logs every step).

#include "engine_harness.h"
#include "engine_invariants.h"
#include "hcn/ip_address.h"

#include <array>
#include <map>
#include <optional>
#include <random>
#include <set>

using namespace hcntest;
using hcn::ResourceKind;

namespace {
// ---- the random walk ----

/// The full observable state, read once per step and shared with the invariant check: what
/// Harness::snapshot() holds (every object's Detailed document and the programmed datapath) plus every
/// object's plain document (what clients see without the Detailed flag).
std::string stateText(Harness& h, const World& world)
{
    json all = json::object();
    for (const auto& [kind, objects] : world)
        for (const auto& [id, both] : objects)
            all[std::string(hcn::resourceKindName(kind))][id] = both;
    all["datapath"] = json::parse(h.datapath->snapshot());
    return all.dump();
}

QString describeDifference(const std::string& before, const std::string& after)
{
    std::size_t i = 0;
    while (i < before.size() && i < after.size() && before[i] == after[i])
        ++i;
    const std::size_t from = i > 150 ? i - 150 : 0;
    return QString("snapshots differ at %1:\n  before: ...%2\n  after:  ...%3")
        .arg(i)
        .arg(qs(before.substr(from, 350)), qs(after.substr(from, 350)));
}

/// One step: what was called, what came back, and what the step knows about the arguments.
struct Outcome
{
    std::string what;
    hcn::Status status;
    /// The arguments were built to be invalid: the call must fail.
    bool mustFail = false;
};

hcn::Status statusOf(const hcn::Result<hcn::Handle>& r)
{
    return r.ok() ? hcn::Status::success() : r.status();
}

class Walk
{
public:
    Walk(Harness& harness, std::uint32_t seed) : h(harness), rng(seed) {}

    Outcome step()
    {
        switch (std::discrete_distribution<int>({3, 1, 10, 2, 5, 2, 4, 1, 3, 2, 1, 2, 1})(rng)) {
        case 0:
            return createNetwork();
        case 1:
            return deleteNetwork();
        case 2:
            return createEndpoint();
        case 3:
            return deleteEndpoint();
        case 4:
            return modifyEndpoint();
        case 5:
            return createNamespace();
        case 6:
            return modifyNamespace();
        case 7:
            return deleteNamespace();
        case 8:
            return createLoadBalancer();
        case 9:
            return replaceLoadBalancer();
        case 10:
            return deleteLoadBalancer();
        case 11:
            return queryOrReopen();
        default:
            return modifyNetwork();
        }
    }

    /// Now and then arms a datapath failure for the next step (a random change or the commit), so
    /// rollback is exercised in the middle of arbitrary states; returns what was armed, or empty.
    std::string maybeInjectFailure()
    {
        if (!chance(10))
            return {};
        constexpr hcn::HResult kInjected = hcn::makeHResult(0x8007001F); // ERROR_GEN_FAILURE
        if (chance(25)) {
            h.datapath->injectCommitFailure(kInjected);
            return "datapath commit armed to fail";
        }
        const auto op = std::array{hcn::ChangeOp::Create, hcn::ChangeOp::Modify,
                                   hcn::ChangeOp::Delete}[std::size_t(below(3))];
        const ResourceKind kind = kKinds[below(4)];
        h.datapath->injectFailure(op, kind, kInjected);
        return "datapath " + std::string(hcn::changeOpName(op)) + " " +
               std::string(hcn::resourceKindName(kind)) + " armed to fail";
    }

private:
    Harness& h;
    std::mt19937 rng;
    /// Every ID ever created, deleted ones included, in creation order (so a seed replays exactly).
    std::map<ResourceKind, std::vector<hcn::Guid>> created;
    /// The handle opened at creation (or reopened), possibly to a deleted object.
    std::map<hcn::Guid, hcn::Handle> handles;
    int counter = 0;

    int below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); }
    bool chance(int percent) { return below(100) < percent; }

    hcn::Guid newGuid()
    {
        char text[40];
        std::snprintf(text, sizeof text, "%08X-%04X-4%03X-8%03X-%04X%08X", unsigned(rng()),
                      unsigned(rng() & 0xFFFF), unsigned(rng() & 0xFFF), unsigned(rng() & 0xFFF),
                      unsigned(rng() & 0xFFFF), unsigned(rng()));
        return *hcn::Guid::parse(text);
    }

    /// Mostly a live object; now and then any object ever created, so deleted ones get used too.
    std::optional<hcn::Guid> pick(ResourceKind kind)
    {
        const auto& all = created[kind];
        if (all.empty())
            return std::nullopt;
        std::vector<hcn::Guid> alive;
        if (chance(85)) {
            std::set<hcn::Guid> listed;
            for (const auto& id : h.enumerate(kind))
                listed.insert(*hcn::Guid::parse(id.get<std::string>()));
            // Creation order, not enumeration order: a seed must replay the same walk.
            for (const auto& id : all)
                if (listed.count(id))
                    alive.push_back(id);
        }
        const auto& list = alive.empty() ? all : alive;
        return list[std::size_t(below(int(list.size())))];
    }

    /// The object's current plain document, or nothing when it does not exist (any more).
    std::optional<json> live(ResourceKind kind, const hcn::Guid& id)
    {
        auto handle = h.engine.open(kind, id);
        if (!handle.ok())
            return std::nullopt;
        json doc = h.query(kind, *handle);
        (void)h.engine.close(kind, *handle);
        return doc;
    }

    void remember(ResourceKind kind, const hcn::Result<hcn::Handle>& r)
    {
        if (!r.ok())
            return;
        auto id = h.engine.handleId(kind, *r);
        if (!id.ok())
            return;
        created[kind].push_back(*id);
        handles[*id] = *r;
    }

    hcn::Result<hcn::Handle> create(ResourceKind kind, const hcn::Guid& id, const std::string& text,
                                    hcn::Handle network = 0)
    {
        auto r = h.engine.create(kind, id, text, network);
        remember(kind, r);
        return r;
    }

    /// Truncated JSON (built from a json value so no unbalanced bracket appears in the source for moc).
    static std::string malformed()
    {
        const std::string text = json{{"Name", "broken"}, {"Policies", json::array()}}.dump();
        return text.substr(0, text.size() - 2);
    }

    // ---- networks ----

    Outcome createNetwork()
    {
        const int k = 1 + below(5);
        const std::string name = "net" + std::to_string(below(5));
        const std::string prefix = "10." + std::to_string(k) + ".0.0/24";
        const std::string gateway = "10." + std::to_string(k) + ".0.1";
        json doc = natNetwork(name, prefix, gateway);
        bool mustFail = false;
        std::string variant = "NAT " + name + " " + prefix;
        switch (below(10)) {
        case 6:
            variant = "L2Bridge with two subnets";
            doc = v2({{"Name", name},
                      {"Type", "L2Bridge"},
                      {"Ipams",
                       {{{"Type", "Static"},
                         {"Subnets",
                          {{{"IpAddressPrefix", "10.10" + std::to_string(k) + ".1.0/24"},
                            {"Routes",
                             {{{"NextHop", "10.10" + std::to_string(k) + ".1.1"},
                               {"DestinationPrefix", "0.0.0.0/0"}}}}},
                           {{"IpAddressPrefix", "10.10" + std::to_string(k) + ".2.0/24"},
                            {"Routes",
                             {{{"NextHop", "10.10" + std::to_string(k) + ".2.1"},
                               {"DestinationPrefix", "0.0.0.0/0"}}}}}}}}}}});
            break;
        case 7:
            variant = "NAT " + name + " picking its own prefix";
            doc = v2({{"Name", name}});
            break;
        case 8:
            variant = "NAT with prefix length 33";
            doc["Ipams"][0]["Subnets"][0]["IpAddressPrefix"] = "10." + std::to_string(k) + ".0.0/33";
            mustFail = true;
            break;
        case 9: {
            Outcome o{"create network from malformed JSON",
                      statusOf(create(ResourceKind::Network, newGuid(), malformed())), true};
            return o;
        }
        default:
            if (chance(50))
                doc["MacPool"] = {{"Ranges",
                                   {{{"StartMacAddress", "00-15-5D-4" + std::to_string(k) + "-00-00"},
                                     {"EndMacAddress", "00-15-5D-4" + std::to_string(k) + "-00-0F"}}}}};
            break;
        }
        return {"create network " + variant, statusOf(create(ResourceKind::Network, newGuid(), doc.dump())),
                mustFail};
    }

    Outcome deleteNetwork()
    {
        const hcn::Guid id = chance(85) ? pick(ResourceKind::Network).value_or(newGuid()) : newGuid();
        const bool exists = live(ResourceKind::Network, id).has_value();
        return {"delete network " + id.toString(), h.engine.remove(ResourceKind::Network, id), !exists};
    }

    Outcome modifyNetwork()
    {
        auto id = pick(ResourceKind::Network);
        if (!id)
            return createNetwork();
        const auto doc = live(ResourceKind::Network, *id);
        const json policy{{"Type", "AutomaticDNS"}, {"Settings", {{"Enable", chance(50)}}}};
        bool present = false;
        if (doc)
            for (const auto& p : doc->value("Policies", json::array()))
                present = present || p == policy;
        const bool add = chance(60);
        json request{{"ResourceType", "Policy"},
                     {"RequestType", add ? "Add" : "Remove"},
                     {"Settings", {{"Policies", {policy}}}}};
        return {std::string("network policy ") + (add ? "add " : "remove ") + policy.dump() + " on " +
                    id->toString(),
                h.engine.modify(ResourceKind::Network, handles.at(*id), request.dump()),
                !doc || (add ? present : !present)};
    }

    // ---- endpoints ----

    Outcome createEndpoint()
    {
        auto netId = pick(ResourceKind::Network);
        if (!netId)
            return createNetwork();
        const auto netDoc = live(ResourceKind::Network, *netId);
        bool mustFail = !netDoc;
        std::string what = "create endpoint on " + netId->toString() + (netDoc ? "" : " (deleted)");

        std::vector<hcn::IpPrefix> prefixes;
        std::vector<hcn::IpAddress> gateways;
        if (netDoc)
            for (const auto& ipam : netDoc->value("Ipams", json::array()))
                for (const auto& s : ipam.value("Subnets", json::array())) {
                    if (auto p = hcn::IpPrefix::parse(s.value("IpAddressPrefix", "")))
                        prefixes.push_back(*p);
                    for (const auto& r : s.value("Routes", json::array()))
                        if (auto g = hcn::IpAddress::parse(r.value("NextHop", "")))
                            gateways.push_back(*g);
                }

        hcn::Guid id = newGuid();
        if (chance(5)) {
            if (auto existing = pick(ResourceKind::Endpoint);
                existing && live(ResourceKind::Endpoint, *existing)) {
                id = *existing;
                what += ", reusing the ID of a live endpoint";
                mustFail = true;
            }
        }
        json doc = v2({{"Name", "ep" + std::to_string(++counter)}});
        const bool remote = chance(12);
        if (remote) {
            doc["Flags"] = 1;
            what += ", remote";
        }

        std::optional<std::string> address;
        const int ipChoice =
            std::max(3, below(11)) + (remote && chance(80) ? 1 : 0); // remote endpoints mostly get an address
        if (ipChoice == 4 && !prefixes.empty()) {
            address = hcn::IpAddress::fromValue(prefixes[0].family(),
                                                prefixes[0].network().value() + 2 + below(250))
                          .toString();
            what += ", random IP " + *address; // may collide: either outcome is fine
        } else if (ipChoice == 5 && !gateways.empty()) {
            address = gateways[0].toString();
            what += ", the gateway " + *address;
            mustFail = true;
        } else if (ipChoice == 6 && !prefixes.empty() && prefixes[0].family() == hcn::IpFamily::V4) {
            address = chance(50) ? prefixes[0].network().toString() : prefixes[0].last().toString();
            what += ", the network or broadcast address " + *address;
            mustFail = true;
        } else if (ipChoice == 7) {
            address = "192.168.250." + std::to_string(2 + below(200));
            what += ", outside every subnet " + *address;
            mustFail = mustFail || !remote;
        } else if (ipChoice == 8 && chance(40)) {
            address = "300.1.1." + std::to_string(below(250));
            what += ", the non-address " + *address;
            mustFail = true;
        } else if (ipChoice == 9 && netDoc && chance(50)) {
            // An address another endpoint of the same network holds.
            for (const auto& epId : created[ResourceKind::Endpoint]) {
                auto ep = live(ResourceKind::Endpoint, epId);
                if (ep && hcn::Guid::parse(ep->value("HostComputeNetwork", "")) == *netId &&
                    !ep->value("IpConfigurations", json::array()).empty()) {
                    address = ep->at("IpConfigurations")[0].value("IpAddress", "");
                    what += ", the address " + *address + " in use";
                    mustFail = true;
                    break;
                }
            }
        }
        if (address)
            doc["IpConfigurations"] = {{{"IpAddress", *address}}};
        else if (remote) {
            what += " without an address";
            mustFail = true;
        }

        if (chance(25)) {
            json policies = json::array();
            std::set<int> ports;
            for (int n = 1 + below(2); n > 0; --n) {
                const int port = 8000 + below(6);
                if (!ports.insert(port).second) {
                    what += ", port " + std::to_string(port) + " mapped twice";
                    mustFail = true;
                }
                policies.push_back(
                    {{"Type", "PortMapping"},
                     {"Settings", {{"Protocol", 6}, {"InternalPort", 80}, {"ExternalPort", port}}}});
            }
            doc["Policies"] = policies;
            what += ", port mappings";
            mustFail = mustFail || remote;
        }
        if (chance(20)) {
            const bool bad = chance(20);
            doc["MacAddress"] =
                bad ? std::string("zz-15-5D-99-00-00") : "00-15-5D-99-00-0" + std::to_string(below(6));
            what += ", MAC " + doc["MacAddress"].get<std::string>();
            mustFail = mustFail || bad;
        }
        if (chance(10)) {
            if (auto ns = pick(ResourceKind::Namespace)) {
                doc["HostComputeNamespace"] = ns->toString();
                const bool nsLive = live(ResourceKind::Namespace, *ns).has_value();
                what += ", straight into namespace " + ns->toString() + (nsLive ? "" : " (deleted)");
                mustFail = mustFail || !nsLive || remote;
            }
        }
        if (chance(3))
            return {what + ", as malformed JSON",
                    statusOf(create(ResourceKind::Endpoint, id, malformed(), handles.at(*netId))), true};
        return {what, statusOf(create(ResourceKind::Endpoint, id, doc.dump(), handles.at(*netId))), mustFail};
    }

    Outcome deleteEndpoint()
    {
        const hcn::Guid id = chance(90) ? pick(ResourceKind::Endpoint).value_or(newGuid()) : newGuid();
        const bool exists = live(ResourceKind::Endpoint, id).has_value();
        return {"delete endpoint " + id.toString(), h.engine.remove(ResourceKind::Endpoint, id), !exists};
    }

    static json mapping(int port)
    {
        return {{"Type", "PortMapping"},
                {"Settings", {{"Protocol", 6}, {"InternalPort", 80}, {"ExternalPort", port}}}};
    }

    Outcome modifyEndpoint()
    {
        auto id = pick(ResourceKind::Endpoint);
        if (!id)
            return createEndpoint();
        const auto doc = live(ResourceKind::Endpoint, *id);
        const bool remote = doc && (doc->value("Flags", 0u) & 1u) != 0;
        const json policies = doc ? doc->value("Policies", json::array()) : json::array();
        std::string what =
            "modify endpoint " + id->toString() + (doc ? "" : " (deleted)") + (remote ? " (remote)" : "");
        bool mustFail = !doc;
        json request;
        switch (below(8)) {
        case 0: {
            json add = json::array({mapping(8000 + below(6))});
            if (chance(20)) {
                add.push_back(add[0]);
                what += ", adding the same policy twice";
                mustFail = true;
            }
            request = {{"ResourceType", "Policy"}, {"RequestType", "Add"}, {"Settings", {{"Policies", add}}}};
            what += ", policy add " + add.dump();
            mustFail = mustFail || remote;
            break;
        }
        case 1:
            if (!policies.empty()) {
                request = {{"ResourceType", "Policy"},
                           {"RequestType", "Add"},
                           {"Settings", {{"Policies", {policies[0]}}}}};
                what += ", re-adding its policy " + policies[0].dump();
                mustFail = true;
                break;
            }
            [[fallthrough]];
        case 2: {
            const json remove = policies.empty() || chance(30) ? mapping(9000) : policies[0];
            request = {{"ResourceType", "Policy"},
                       {"RequestType", "Remove"},
                       {"Settings", {{"Policies", {remove}}}}};
            const bool has = std::find(policies.begin(), policies.end(), remove) != policies.end();
            what += std::string(", policy remove ") + (has ? "" : "of a missing policy ") + remove.dump();
            mustFail = mustFail || !has;
            break;
        }
        case 3: {
            json update = json::array();
            if (chance(70))
                update.push_back(mapping(8000 + below(6)));
            request = {
                {"ResourceType", "Policy"}, {"RequestType", "Update"}, {"Settings", {{"Policies", update}}}};
            what += ", policy update " + update.dump();
            mustFail = mustFail || (remote && !update.empty());
            break;
        }
        case 4:
        case 5: {
            const bool add = chance(50);
            request = {{"ResourceType", "Port"},
                       {"RequestType", add ? "Add" : "Remove"},
                       {"Settings", {{"PortName", "p" + std::to_string(below(3))}}}};
            what += add ? ", VM port bind" : ", VM port unbind";
            mustFail = mustFail || remote;
            break;
        }
        case 6:
            request = {{"ResourceType", "Bogus"}, {"RequestType", "Add"}, {"Settings", json::object()}};
            what += ", unknown resource type";
            mustFail = true;
            break;
        default:
            return {what + ", malformed JSON",
                    h.engine.modify(ResourceKind::Endpoint, handles.at(*id), malformed()), true};
        }
        return {what, h.engine.modify(ResourceKind::Endpoint, handles.at(*id), request.dump()), mustFail};
    }

    // ---- namespaces ----

    /// Why attaching this endpoint must fail, or empty when it may succeed.
    std::string attachBlocker(const hcn::Guid& epId)
    {
        const auto doc = live(ResourceKind::Endpoint, epId);
        if (!doc)
            return "deleted";
        if ((doc->value("Flags", 0u) & 1u) != 0)
            return "remote";
        if (doc->contains("HostComputeNamespace"))
            return "already attached";
        return {};
    }

    Outcome createNamespace()
    {
        bool mustFail = false;
        std::string what = "create namespace";
        json resources = json::array();
        std::set<hcn::Guid> endpoints;
        for (int n = below(3); n > 0; --n) {
            auto ep = pick(ResourceKind::Endpoint);
            if (!ep)
                break;
            const std::string blocker = attachBlocker(*ep);
            const bool repeated = !endpoints.insert(*ep).second;
            what += ", endpoint " + ep->toString() + (blocker.empty() ? "" : " (" + blocker + ")") +
                    (repeated ? " (twice)" : "");
            mustFail = mustFail || !blocker.empty() || repeated;
            resources.push_back({{"Type", "Endpoint"}, {"Data", {{"Id", ep->toString()}}}});
        }
        std::set<std::string> containers;
        for (int n = below(3); n > 0; --n) {
            const std::string c = "c" + std::to_string(below(3));
            if (!containers.insert(c).second) {
                what += ", container " + c + " twice";
                mustFail = true;
            }
            resources.push_back({{"Type", "Container"}, {"Data", {{"Id", c}}}});
        }
        if (chance(8)) {
            resources.push_back({{"Type", "Endpoint"}, {"Data", {{"Id", "not-a-guid"}}}});
            what += ", an endpoint that is no GUID";
            mustFail = true;
        }
        json doc = v2({{"Name", "ns" + std::to_string(++counter)}, {"Resources", resources}});
        if (chance(15)) {
            doc["NamespaceId"] =
                2 + below(4); // may already belong to another namespace: either outcome is fine
            what += ", compartment " + doc["NamespaceId"].dump();
        }
        return {what, statusOf(create(ResourceKind::Namespace, newGuid(), doc.dump())), mustFail};
    }

    Outcome modifyNamespace()
    {
        auto nsId = pick(ResourceKind::Namespace);
        if (!nsId)
            return createNamespace();
        const auto ns = live(ResourceKind::Namespace, *nsId);
        std::string what = "modify namespace " + nsId->toString() + (ns ? "" : " (deleted)");
        bool mustFail = !ns;
        json request;
        const int choice = below(10);
        if (choice < 4) {
            auto ep = pick(ResourceKind::Endpoint).value_or(newGuid());
            const std::string blocker = attachBlocker(ep);
            request = {{"ResourceType", "Endpoint"},
                       {"RequestType", "Add"},
                       {"Settings", {{"EndpointId", ep.toString()}}}};
            what += ", attach " + ep.toString() + (blocker.empty() ? "" : " (" + blocker + ")");
            mustFail = mustFail || !blocker.empty();
        } else if (choice < 7) {
            auto ep = pick(ResourceKind::Endpoint).value_or(newGuid());
            const auto epDoc = live(ResourceKind::Endpoint, ep);
            const bool attachedHere =
                epDoc && hcn::Guid::parse(epDoc->value("HostComputeNamespace", "")) == *nsId;
            request = {{"ResourceType", "Endpoint"},
                       {"RequestType", "Remove"},
                       {"Settings", {{"EndpointId", ep.toString()}}}};
            what += ", detach " + ep.toString() + (attachedHere ? "" : " (not attached here)");
            mustFail = mustFail || !attachedHere;
        } else if (choice < 9) {
            const std::string c = "c" + std::to_string(below(3));
            bool present = false;
            if (ns)
                for (const auto& r : ns->value("Resources", json::array()))
                    present =
                        present || (r.value("Type", "") == "Container" && r["Data"].value("ID", "") == c);
            const bool add = chance(50);
            request = {{"ResourceType", "Container"},
                       {"RequestType", add ? "Add" : "Remove"},
                       {"Settings", {{"ContainerId", c}}}};
            what += std::string(add ? ", add container " : ", remove container ") + c +
                    (present ? " (present)" : " (absent)");
            mustFail = mustFail || (add == present);
        } else {
            request = {
                {"ResourceType", "Endpoint"}, {"RequestType", "Add"}, {"Settings", {{"EndpointId", "xyz"}}}};
            what += ", attach of an endpoint that is no GUID";
            mustFail = true;
        }
        return {what, h.engine.modify(ResourceKind::Namespace, handles.at(*nsId), request.dump()), mustFail};
    }

    Outcome deleteNamespace()
    {
        const hcn::Guid id = chance(90) ? pick(ResourceKind::Namespace).value_or(newGuid()) : newGuid();
        const bool exists = live(ResourceKind::Namespace, id).has_value();
        return {"delete namespace " + id.toString(), h.engine.remove(ResourceKind::Namespace, id), !exists};
    }

    // ---- load balancers ----

    json lbDocument(std::string& what, bool& mustFail)
    {
        json backends = json::array();
        for (int n = below(4); n > 0; --n) {
            auto ep = pick(ResourceKind::Endpoint);
            if (!ep)
                break;
            const bool exists = live(ResourceKind::Endpoint, *ep).has_value();
            backends.push_back(ep->toString());
            what += ", back end " + ep->toString() + (exists ? "" : " (deleted)");
            mustFail = mustFail || !exists;
        }
        if (chance(5)) {
            backends.push_back("not-a-guid");
            what += ", a back end that is no GUID";
            mustFail = true;
        }
        json mappings = json::array();
        std::set<int> ports;
        for (int n = 1 + below(2); n > 0; --n) {
            const int port = 80 + below(3);
            int internal = 8080;
            if (chance(5)) {
                internal = 0;
                what += ", internal port 0";
                mustFail = true;
            }
            if (!ports.insert(port).second) {
                what += ", frontend port " + std::to_string(port) + " twice";
                mustFail = true;
            }
            mappings.push_back({{"Protocol", 6}, {"InternalPort", internal}, {"ExternalPort", port}});
        }
        json doc = v2({{"HostComputeEndpoints", backends}, {"PortMappings", mappings}});
        const int vip = below(3);
        if (vip < 2)
            doc["FrontendVIPs"] = {"10.0.0.10" + std::to_string(vip)};
        what += ", ports " + mappings.dump() +
                (vip < 2 ? " on 10.0.0.10" + std::to_string(vip) : " on every address");
        return doc;
    }

    Outcome createLoadBalancer()
    {
        std::string what = "create load balancer";
        bool mustFail = false;
        json doc = lbDocument(what, mustFail);
        return {what, statusOf(create(ResourceKind::LoadBalancer, newGuid(), doc.dump())), mustFail};
    }

    Outcome replaceLoadBalancer()
    {
        auto id = pick(ResourceKind::LoadBalancer);
        if (!id)
            return createLoadBalancer();
        const bool exists = live(ResourceKind::LoadBalancer, *id).has_value();
        std::string what = "replace load balancer " + id->toString() + (exists ? "" : " (deleted)");
        bool mustFail = !exists;
        json doc = lbDocument(what, mustFail);
        if (chance(10)) {
            doc["ID"] = newGuid().toString();
            what += ", naming another ID";
            mustFail = true;
        }
        return {what, h.engine.modify(ResourceKind::LoadBalancer, handles.at(*id), doc.dump()), mustFail};
    }

    Outcome deleteLoadBalancer()
    {
        const hcn::Guid id = chance(90) ? pick(ResourceKind::LoadBalancer).value_or(newGuid()) : newGuid();
        const bool exists = live(ResourceKind::LoadBalancer, id).has_value();
        return {"delete load balancer " + id.toString(), h.engine.remove(ResourceKind::LoadBalancer, id),
                !exists};
    }

    // ---- reads and handles ----

    Outcome queryOrReopen()
    {
        const ResourceKind kind = kKinds[below(4)];
        auto id = pick(kind);
        const std::string name(hcn::resourceKindName(kind));
        if (!id) {
            const json query{{"Filter", json{{"Name", "ep1"}}.dump()}};
            auto r = h.engine.enumerate(kind, query.dump());
            return {"enumerate " + name + "s by name", r.ok() ? hcn::Status::success() : r.status(), false};
        }
        const bool exists = live(kind, *id).has_value();
        switch (below(3)) {
        case 0: {
            auto r = h.engine.query(kind, handles.at(*id), R"({"Flags":1})");
            return {"query " + name + " " + id->toString() + (exists ? "" : " (deleted)"),
                    r.ok() ? hcn::Status::success() : r.status(), !exists};
        }
        case 1: {
            auto r = h.engine.query(kind, handles.at(*id), std::string(R"({"Flags":1})").substr(0, 9));
            return {"query " + name + " with malformed JSON", r.ok() ? hcn::Status::success() : r.status(),
                    true};
        }
        default: {
            // Close the creation handle and open a fresh one: the old one must stop working.
            if (!exists) {
                auto reopened = h.engine.open(kind, *id);
                return {"open deleted " + name + " " + id->toString(), statusOf(reopened), true};
            }
            const hcn::Handle old = handles.at(*id);
            const hcn::Status closed = h.engine.close(kind, old);
            if (!closed.ok())
                return {"close " + name + " handle", closed, false};
            if (h.engine.query(kind, old, "").code() != hcn::hr::Handle)
                return {"query through a closed handle",
                        hcn::Status(hcn::hr::Unexpected, "a closed handle still answers"), false};
            auto reopened = h.engine.open(kind, *id);
            if (reopened.ok())
                handles[*id] = *reopened;
            return {"reopen " + name + " " + id->toString(), statusOf(reopened), false};
        }
        }
    }
};

int envInt(const char* name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok ? value : fallback;
}

} // namespace

class TestEngineRandomized : public QObject
{
    Q_OBJECT

private slots:
    void randomOperationsKeepTheEngineConsistent_data();
    void randomOperationsKeepTheEngineConsistent();
};

void TestEngineRandomized::randomOperationsKeepTheEngineConsistent_data()
{
    QTest::addColumn<uint>("seed");
    QTest::addColumn<bool>("cascade");
    bool ok = false;
    const uint replay = qEnvironmentVariable("HCN_RANDOM_SEED").toUInt(&ok);
    if (ok) {
        QTest::addRow("replay seed %u", replay) << replay << (replay % 2 == 1);
        return;
    }
    for (uint seed : {1u, 2u, 42u, 4711u, 20261125u})
        QTest::addRow("seed %u", seed) << seed << (seed % 2 == 1);
}

void TestEngineRandomized::randomOperationsKeepTheEngineConsistent()
{
    QFETCH(uint, seed);
    QFETCH(bool, cascade);
    const int steps = envInt("HCN_RANDOM_STEPS", 250);
    hcn::EngineOptions options;
    options.cascadeAttachedEndpointsOnNetworkDelete = cascade;
    Harness h(options);
    Mirror mirror(h.engine);
    Walk walk(h, seed);
    int failures = 0;
    const bool verbose = qEnvironmentVariableIsSet("HCN_RANDOM_VERBOSE");
    std::string before = stateText(h, readWorld(h));
    for (int step = 0; step < steps; ++step) {
        const auto sequenceBefore = h.engine.lastSequence();
        const auto handlesBefore = h.engine.counts().openHandles;
        const std::string armed = walk.maybeInjectFailure();
        const Outcome o = walk.step();
        h.datapath->clearFailures();
        const QString where =
            QString("seed %1 step %2 (replay: HCN_RANDOM_SEED=%1 HCN_RANDOM_STEPS=%3): %4%5 -> %6 %7")
                .arg(seed)
                .arg(step)
                .arg(step + 1)
                .arg(qs(armed.empty() ? std::string() : "[" + armed + "] "), qs(o.what),
                     qs(hcn::hresultHex(o.status.code())), qs(o.status.message()));
        if (verbose)
            qInfo("%s", qPrintable(where));
        const World world = readWorld(h);
        const std::string after = stateText(h, world);
        if (!o.status.ok()) {
            ++failures;
            if (after != before)
                QFAIL(qPrintable(where + "\n" + describeDifference(before, after)));
            h.engine.drainNotifications();
            QVERIFY2(h.engine.lastSequence() == sequenceBefore,
                     qPrintable(where + "\nthe failed call queued notifications"));
            QVERIFY2(h.engine.counts().openHandles == handlesBefore,
                     qPrintable(where + "\nthe failed call leaked a handle"));
        }
        before = after;
        QVERIFY2(!o.mustFail || !o.status.ok(),
                 qPrintable(where + "\nthe arguments are invalid but the call succeeded"));
        const QStringList problems = checkInvariants(h, &mirror, &world);
        QVERIFY2(problems.isEmpty(), qPrintable(where + "\n" + problems.mid(0, 20).join('\n')));
    }
    const auto counts = h.engine.counts();
    qInfo("seed %u: %d steps, %d failed calls; %zu networks, %zu endpoints, %zu namespaces, %zu load "
          "balancers remain",
          seed, steps, failures, counts.networks, counts.endpoints, counts.namespaces, counts.loadBalancers);
    // A walk where nothing succeeds or nothing fails would prove little.
    QVERIFY(failures > steps / 10);
    QVERIFY(failures < steps * 9 / 10);
}

QTEST_GUILESS_MAIN(TestEngineRandomized)
#include "tst_enginerandomized.moc"
