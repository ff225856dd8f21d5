#include "analysis/host_facts.h"

#include "common/ip_protocols.h"
#include "common/json_member.h"
#include "common/text.h"
#include "hcn/host_state.h"
#include "schema/v1_to_v2_support.h"

#include <algorithm>
#include <array>
#include <charconv>

namespace hcn::analysis {

namespace {

using PlainJson = nlohmann::json;

const PlainJson* member(const PlainJson& object, std::string_view key)
{
    return memberIgnoringCase(object, key);
}

std::string text(const PlainJson& object, std::string_view key)
{
    const PlainJson* value = member(object, key);
    return value && value->is_string() ? value->get<std::string>() : std::string();
}

/// A whole number from a JSON number or decimal text; nullopt otherwise.
std::optional<std::uint64_t> number(const PlainJson& value)
{
    if (value.is_number_unsigned())
        return value.get<std::uint64_t>();
    if (value.is_number_integer()) {
        const auto n = value.get<std::int64_t>();
        return n < 0 ? std::nullopt : std::optional<std::uint64_t>(std::uint64_t(n));
    }
    if (value.is_string()) {
        const std::string& s = value.get_ref<const std::string&>();
        std::uint64_t n = 0;
        auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
        if (ec == std::errc() && end == s.data() + s.size() && !s.empty())
            return n;
    }
    return std::nullopt;
}

std::string shown(const PlainJson& value)
{
    return value.is_string() ? value.get<std::string>() : value.dump();
}

/// Records a present field whose value could not be read.
struct Reader
{
    std::vector<UnreadableField>& unreadable;

    void note(const std::string& field, const PlainJson& value)
    {
        unreadable.push_back({field, shown(value)});
    }

    std::optional<IpAddress> address(const PlainJson& object, std::string_view key, const std::string& where)
    {
        const PlainJson* value = member(object, key);
        if (!value || value->is_null() ||
            (value->is_string() && value->get_ref<const std::string&>().empty()))
            return std::nullopt;
        if (value->is_string())
            if (auto parsed = IpAddress::parse(value->get_ref<const std::string&>()))
                return parsed;
        note(where + std::string(key), *value);
        return std::nullopt;
    }

    std::optional<IpPrefix> prefix(const PlainJson& value, const std::string& where)
    {
        if (value.is_string()) {
            const std::string& s = value.get_ref<const std::string&>();
            if (s.empty())
                return std::nullopt;
            if (auto parsed = IpPrefix::parse(s, true))
                return IpPrefix(parsed->network(), parsed->length());
            if (auto single = IpAddress::parse(s))
                return IpPrefix(*single, single->bitWidth());
        }
        note(where, value);
        return std::nullopt;
    }

    std::uint16_t port(const PlainJson& object, std::string_view key, const std::string& where)
    {
        const PlainJson* value = member(object, key);
        if (!value || value->is_null())
            return 0;
        auto n = number(*value);
        if (!n || *n > 65535) {
            note(where + std::string(key), *value);
            return 0;
        }
        return std::uint16_t(*n);
    }

    /// A list given as a JSON array of strings or as one comma-separated string (the v1 converter's
    /// reading); array items may themselves be comma-separated.
    std::vector<std::string> words(const PlainJson& object, std::string_view key, const std::string& where)
    {
        std::vector<std::string> out;
        const PlainJson* value = member(object, key);
        if (!value)
            return out;
        const std::string field = where + std::string(key);
        std::vector<std::string> items;
        if (!schema::v1::splitList(*value, field.c_str(), items).ok()) {
            note(field, *value);
            return out;
        }
        for (std::string& item : items) {
            if (item.find(',') == std::string::npos)
                out.push_back(std::move(item));
            else
                (void)schema::v1::splitList(PlainJson(item), field.c_str(), out);
        }
        return out;
    }

    std::vector<IpAddress> addresses(const PlainJson& object, std::string_view key, const std::string& where)
    {
        std::vector<IpAddress> out;
        for (const std::string& word : words(object, key, where)) {
            if (auto parsed = IpAddress::parse(word))
                out.push_back(*parsed);
            else
                note(where + std::string(key), word);
        }
        return out;
    }

    std::vector<IpPrefix> prefixes(const PlainJson& object, std::string_view key, const std::string& where)
    {
        std::vector<IpPrefix> out;
        for (const std::string& word : words(object, key, where))
            if (auto parsed = prefix(PlainJson(word), where + std::string(key)))
                out.push_back(*parsed);
        return out;
    }
};

/// PortMapping / LB Protocol: a number (6, 17) or a name ("TCP", "udp"); nullopt when it is neither.
std::optional<std::uint32_t> protocolNumber(const PlainJson& value)
{
    if (auto n = number(value))
        return n <= kAnyProtocol ? std::optional<std::uint32_t>(std::uint32_t(*n)) : std::nullopt;
    if (value.is_string()) {
        const ProtocolReading reading = parseProtocol(value.get_ref<const std::string&>());
        if (reading.ok())
            return reading.number;
    }
    return std::nullopt;
}

PortMappingFact portMapping(Reader& r, const PlainJson& settings, const std::string& where)
{
    PortMappingFact m;
    // No member: HNS's zero, any protocol. Null (an import whose dump lost the value) or a value that is
    // no protocol: not known.
    if (const PlainJson* protocol = member(settings, "Protocol")) {
        if (protocol->is_null()) {
            m.protocolUnknown = true;
        } else if (const auto n = protocolNumber(*protocol)) {
            m.protocol = *n;
        } else {
            m.protocolUnknown = true;
            m.protocolShown = protocol->dump(-1, ' ', false, PlainJson::error_handler_t::replace);
            r.note(where + "Protocol", *protocol);
        }
    }
    m.internalPort = r.port(settings, "InternalPort", where);
    m.externalPort = r.port(settings, "ExternalPort", where);
    if (auto vip = r.address(settings, "VIP", where))
        m.vip = vip->toString();
    if (const PlainJson* flags = member(settings, "Flags"))
        m.flags = std::uint32_t(number(*flags).value_or(0));
    if (const PlainJson* distribution = member(settings, "DistributionType")) {
        if (auto n = number(*distribution))
            m.distribution = std::uint32_t(*n);
        else if (distribution->is_string())
            m.distribution = equalsIgnoreCase(distribution->get_ref<const std::string&>(), "SourceIP") ? 2
                             : equalsIgnoreCase(distribution->get_ref<const std::string&>(), "SourceIPProtocol")
                                 ? 1
                                 : 0;
    }
    return m;
}

/// A true boolean, or its text ("true", "True").
bool flag(const PlainJson& object, std::string_view key)
{
    const PlainJson* value = member(object, key);
    if (!value)
        return false;
    if (value->is_boolean())
        return value->get<bool>();
    return value->is_string() && equalsIgnoreCase(value->get_ref<const std::string&>(), "true");
}

RouteEntryFact routeEntry(Reader& r, const PlainJson& item, std::size_t index, const std::string& where)
{
    RouteEntryFact route;
    route.index = index;
    if (const PlainJson* destination = member(item, "DestinationPrefix");
        destination && !destination->is_null())
        route.destination = r.prefix(*destination, where + "DestinationPrefix");
    route.nextHop = r.address(item, "NextHop", where);
    route.needEncap = flag(item, "NeedEncap");
    return route;
}

/// The words of a list member (a comma-separated string or an array) as one comma-separated list, the
/// form the shared port and protocol readers take.
std::string memberListText(Reader& r, const PlainJson& settings, std::string_view key,
                           const std::string& where)
{
    std::string text;
    for (const std::string& word : r.words(settings, key, where))
        text += (text.empty() ? "" : ",") + word;
    return text;
}

std::vector<PortRange> portRanges(Reader& r, const PlainJson& settings, std::string_view key,
                                  const std::string& where)
{
    PortList list = parsePortList(memberListText(r, settings, key, where));
    for (const PortListError& error : list.errors)
        r.note(where + std::string(key), error.element);
    return std::move(list.ranges);
}

/// An ACL's Protocols (empty: any protocol); notes the elements that are no protocol.
std::vector<std::uint32_t> protocolNumbers(Reader& r, const PlainJson& settings, const std::string& where)
{
    ProtocolList list = parseProtocolList(memberListText(r, settings, "Protocols", where));
    for (const ProtocolListError& error : list.errors)
        r.note(where + "Protocols", error.element);
    return std::move(list.numbers);
}

/// The paths an import kept under the document's "_v1" because their values were not of their type
/// (`Policies[2].Settings.RemoteAddresses`, `IpConfigurations[0].IpAddress`, v1's `IPAddress`).
std::vector<std::string> keptPaths(const PlainJson& document)
{
    std::vector<std::string> out;
    const PlainJson* v1 = document.is_object() ? member(document, "_v1") : nullptr;
    if (v1 && v1->is_object())
        for (const auto& item : v1->items())
            out.push_back(item.key());
    return out;
}

/// The last member a path names, without its index: `Policies[2].Settings.LocalPorts` -> `LocalPorts`.
std::string_view lastMember(std::string_view path)
{
    while (path.ends_with(']') && path.find('[') != std::string_view::npos)
        path = path.substr(0, path.rfind('['));
    return path.substr(path.rfind('.') + 1);
}

/// The match fields of the rule at `policy` ("Policies[2].", "Policies[2].Settings.TierAclRules[0].")
/// whose values the document does not show.
void keptAclFields(const std::vector<std::string>& kept, const std::string& policy, AclFact& a)
{
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kFields{{
        {"LocalAddresses", "LocalAddresses"},
        {"RemoteAddresses", "RemoteAddresses"},
        {"LocalPorts", "LocalPorts"},
        {"RemotePorts", "RemotePorts"},
        {"LocalPort", "LocalPorts"},
        {"RemotePort", "RemotePorts"},
        {"Protocols", "Protocols"},
        {"Protocol", "Protocols"},
    }};
    for (const std::string& path : kept) {
        if (!path.starts_with(policy))
            continue;
        const std::string_view last = lastMember(path);
        for (const auto& [name, field] : kFields)
            if (equalsIgnoreCase(last, name) &&
                std::find(a.unknown.begin(), a.unknown.end(), field) == a.unknown.end())
                a.unknown.emplace_back(field);
    }
}

AclFact acl(Reader& r, const PlainJson& settings, std::size_t index, const std::string& where)
{
    AclFact a;
    a.index = index;
    a.ruleId = text(settings, "Id");
    a.allow = !equalsIgnoreCase(text(settings, "Action"), "Block");
    a.inbound = equalsIgnoreCase(text(settings, "Direction"), "In");
    a.hostRule = equalsIgnoreCase(text(settings, "RuleType"), "Host");
    if (const PlainJson* priority = member(settings, "Priority"))
        a.priority = std::uint32_t(number(*priority).value_or(0));
    // A list with an element that cannot be read no longer says what the rule matches.
    auto read = [&](auto&& list, std::string_view field) {
        const std::size_t before = r.unreadable.size();
        auto out = list();
        if (r.unreadable.size() != before)
            a.unknown.emplace_back(field);
        return out;
    };
    a.protocols = read([&] { return protocolNumbers(r, settings, where); }, "Protocols");
    a.remoteAddresses =
        read([&] { return r.prefixes(settings, "RemoteAddresses", where); }, "RemoteAddresses");
    a.localAddresses = read([&] { return r.prefixes(settings, "LocalAddresses", where); }, "LocalAddresses");
    a.remotePorts = read([&] { return portRanges(r, settings, "RemotePorts", where); }, "RemotePorts");
    a.localPorts = read([&] { return portRanges(r, settings, "LocalPorts", where); }, "LocalPorts");
    return a;
}

/// Calls `each(type, settings, where)` for every policy of a Policies list.
template <typename Each> void forEachPolicy(Reader& r, const PlainJson& document, Each each)
{
    const PlainJson* policies = member(document, "Policies");
    if (!policies || policies->is_null())
        return;
    if (!policies->is_array()) {
        r.note("Policies", *policies);
        return;
    }
    for (std::size_t i = 0; i < policies->size(); ++i) {
        const PlainJson& policy = (*policies)[i];
        const std::string where = "Policies[" + std::to_string(i) + "].Settings.";
        const PlainJson* settings = member(policy, "Settings");
        static const PlainJson kEmpty = PlainJson::object();
        each(text(policy, "Type"), settings && settings->is_object() ? *settings : kEmpty, i, where);
    }
}

/// The items of an array member; notes a present member that is no array.
const PlainJson& arrayMember(Reader& r, const PlainJson& object, std::string_view key,
                             const std::string& where)
{
    static const PlainJson kEmpty = PlainJson::array();
    const PlainJson* value = member(object, key);
    if (!value || value->is_null())
        return kEmpty;
    if (!value->is_array()) {
        r.note(where + std::string(key), *value);
        return kEmpty;
    }
    return *value;
}

/// A TierAcl policy: the tier's Name, Direction and Order, each of its TierAclRules read as an ACL is
/// (the same match fields), with the tier's direction and the rule's TierAclRuleAction (Allow, Block,
/// Pass). An Order or action the document does not show (absent, unreadable, kept under "_v1") is not
/// known: no claim is made from it.
TierAclFact tierAcl(Reader& r, const std::vector<std::string>& kept, const PlainJson& settings,
                    std::size_t index, const std::string& where)
{
    TierAclFact tier;
    tier.index = index;
    tier.name = text(settings, "Name");
    tier.inbound = equalsIgnoreCase(text(settings, "Direction"), "In");
    if (const PlainJson* order = member(settings, "Order"); order && !order->is_null()) {
        auto n = number(*order);
        if (n && *n <= 65535)
            tier.order = std::uint32_t(*n);
        else
            r.note(where + "Order", *order);
    }
    const PlainJson& rules = arrayMember(r, settings, "TierAclRules", where);
    for (std::size_t k = 0; k < rules.size(); ++k) {
        static const PlainJson kEmpty = PlainJson::object();
        const PlainJson& item = rules[k].is_object() ? rules[k] : kEmpty;
        const std::string ruleWhere = where + "TierAclRules[" + std::to_string(k) + "].";
        if (!rules[k].is_object())
            r.note(where + "TierAclRules[" + std::to_string(k) + "]", rules[k]);
        AclFact a = acl(r, item, index, ruleWhere);
        a.tierRule = k;
        a.inbound = tier.inbound;
        a.hostRule = false;
        const PlainJson* action = member(item, "TierAclRuleAction");
        const std::string word = action && action->is_string() ? action->get<std::string>() : std::string();
        a.allow = equalsIgnoreCase(word, "Allow");
        a.pass = equalsIgnoreCase(word, "Pass");
        if (!a.allow && !a.pass && !equalsIgnoreCase(word, "Block")) {
            if (action && !action->is_null())
                r.note(ruleWhere + "TierAclRuleAction", *action);
            a.unknown.emplace_back("TierAclRuleAction");
        }
        keptAclFields(
            kept, "Policies[" + std::to_string(index) + "].Settings.TierAclRules[" + std::to_string(k) + "].",
            a);
        tier.rules.push_back(std::move(a));
    }
    const std::string orderPath = "Policies[" + std::to_string(index) + "].Settings.Order";
    if (std::any_of(kept.begin(), kept.end(), [&](const std::string& path) { return path == orderPath; }))
        tier.order.reset();
    return tier;
}

std::vector<std::string> idList(const PlainJson& value)
{
    std::vector<std::string> out;
    if (!value.is_array())
        return out;
    for (const PlainJson& item : value) {
        std::string id;
        if (item.is_string())
            id = item.get<std::string>();
        else if (item.is_object())
            id = text(item, "ID").empty() ? text(item, "Id") : text(item, "ID");
        if (auto slash = id.rfind('/'); slash != std::string::npos)
            id = id.substr(slash + 1); // v1 "/endpoints/<guid>"
        id = canonicalObjectId(id);
        if (!id.empty())
            out.push_back(std::move(id));
    }
    return out;
}

/// An empty match list matches everything: `outer` covers `inner` when it is empty, or when every item
/// of a non-empty `inner` lies inside some item of `outer`.
template <typename T, typename Inside>
bool listCovers(const std::vector<T>& outer, const std::vector<T>& inner, Inside inside)
{
    if (outer.empty())
        return true;
    if (inner.empty())
        return false;
    return std::all_of(inner.begin(), inner.end(), [&](const T& in) {
        return std::any_of(outer.begin(), outer.end(), [&](const T& out) { return inside(in, out); });
    });
}

bool rangesCover(const std::vector<PortRange>& outer, const std::vector<PortRange>& inner)
{
    return listCovers(outer, inner, [](const PortRange& in, const PortRange& out) {
        return out.first <= in.first && in.last <= out.last;
    });
}

bool prefixesCover(const std::vector<IpPrefix>& outer, const std::vector<IpPrefix>& inner)
{
    return listCovers(outer, inner, [](const IpPrefix& in, const IpPrefix& out) {
        return out.family() == in.family() && out.length() <= in.length() && out.contains(in.address());
    });
}

bool protocolsCover(const std::vector<std::uint32_t>& outer, const std::vector<std::uint32_t>& inner)
{
    return listCovers(outer, inner, [](std::uint32_t in, std::uint32_t out) { return in == out; });
}

} // namespace

EndpointFacts readEndpoint(const std::string& id, const PlainJson& document)
{
    EndpointFacts e;
    e.id = id;
    Reader r{e.unreadable};
    e.networkId = endpointNetworkId(document);
    e.namespaceId = endpointNamespaceId(document);
    e.remote = isRemoteEndpoint(document);
    e.name = text(document, "Name");
    const PlainJson& routes = arrayMember(r, document, "Routes", "");
    for (std::size_t i = 0; i < routes.size(); ++i)
        e.routes.push_back(routeEntry(r, routes[i], i, "Routes[" + std::to_string(i) + "]."));
    const std::vector<std::string> kept = keptPaths(document);
    const PlainJson& configs = arrayMember(r, document, "IpConfigurations", "");
    const std::size_t unreadableBefore = e.unreadable.size();
    for (std::size_t i = 0; i < configs.size(); ++i) {
        e.addressesPresent = true;
        if (auto address = r.address(configs[i], "IpAddress", "IpConfigurations[" + std::to_string(i) + "]."))
            e.addresses.push_back(*address);
    }
    e.addressesLost =
        e.unreadable.size() != unreadableBefore ||
        std::any_of(kept.begin(), kept.end(), [](const std::string& path) {
            const std::string_view last = lastMember(path);
            return (path.starts_with("IpConfigurations[") || path.find('.') == std::string::npos) &&
                   (equalsIgnoreCase(last, "IpAddress") || equalsIgnoreCase(last, "IPv6Address"));
        });
    if (const PlainJson* mac = member(document, "MacAddress"); mac && !mac->is_null()) {
        if (mac->is_string() && !mac->get_ref<const std::string&>().empty()) {
            e.mac = MacAddress::parse(mac->get_ref<const std::string&>());
            if (!e.mac)
                r.note("MacAddress", *mac);
        } else if (!mac->is_string()) {
            r.note("MacAddress", *mac);
        }
    }
    if (const PlainJson* dns = member(document, "Dns"))
        e.dnsServers = r.addresses(*dns, "ServerList", "Dns.");
    forEachPolicy(
        r, document,
        [&](const std::string& type, const PlainJson& settings, std::size_t index, const std::string& where) {
            if (equalsIgnoreCase(type, "PortMapping")) {
                e.portMappings.push_back(portMapping(r, settings, where));
            } else if (equalsIgnoreCase(type, "ProviderAddress")) {
                if (auto pa = r.address(settings, "ProviderAddress", where))
                    e.providerAddress = pa;
            } else if (equalsIgnoreCase(type, "OutBoundNAT")) {
                e.hasOutboundNat = true;
                e.natPolicyIndex = index;
                e.natVirtualIp = r.address(settings, "VirtualIP", where);
                if (!e.natVirtualIp)
                    e.natVirtualIp = r.address(settings, "VIP", where);
                e.natDestinations = r.prefixes(settings, "Destinations", where);
                for (const std::string& word : r.words(settings, "Exceptions", where)) {
                    if (!e.natExceptionText.empty())
                        e.natExceptionText += ',';
                    e.natExceptionText += word;
                    if (auto parsed = r.prefix(PlainJson(word), where + "Exceptions"))
                        e.natExceptions.push_back(*parsed);
                }
            } else if (equalsIgnoreCase(type, "ACL")) {
                e.acls.push_back(acl(r, settings, index, where));
                keptAclFields(kept, "Policies[" + std::to_string(index) + "].", e.acls.back());
            } else if (equalsIgnoreCase(type, "TierAcl")) {
                e.tierAcls.push_back(tierAcl(r, kept, settings, index, where));
            } else if (equalsIgnoreCase(type, "SDNRoute")) {
                e.sdnRoutePolicies.push_back(routeEntry(r, settings, index, where));
            }
        });
    return e;
}

NetworkFacts readNetwork(const std::string& id, const PlainJson& document)
{
    NetworkFacts n;
    n.id = id;
    Reader r{n.unreadable};
    n.name = text(document, "Name");
    if (const PlainJson* type = member(document, "Type"); type && type->is_string()) {
        n.mode = networkModeFromName(type->get<std::string>());
        if (n.mode == NetworkMode::Invalid)
            r.note("Type", *type);
    } else if (type && type->is_null()) {
        n.mode = NetworkMode::Invalid; // a snapshot's "not known": the dump did not show it
    } else if (type) {
        n.mode = NetworkMode::Invalid;
        r.note("Type", *type);
    }
    const PlainJson& ipams = arrayMember(r, document, "Ipams", "");
    for (std::size_t i = 0; i < ipams.size(); ++i) {
        const std::string ipamWhere = "Ipams[" + std::to_string(i) + "].";
        const PlainJson& subnets = arrayMember(r, ipams[i], "Subnets", ipamWhere);
        for (std::size_t s = 0; s < subnets.size(); ++s) {
            const std::string where = ipamWhere + "Subnets[" + std::to_string(s) + "].";
            const PlainJson* prefixValue = member(subnets[s], "IpAddressPrefix");
            if (!prefixValue || prefixValue->is_null())
                continue;
            auto prefix = r.prefix(*prefixValue, where + "IpAddressPrefix");
            if (!prefix)
                continue;
            SubnetFact subnet;
            subnet.ipamIndex = i;
            subnet.subnetIndex = s;
            subnet.prefix = *prefix;
            const PlainJson* routes = member(subnets[s], "Routes");
            subnet.routesPresent = routes && routes->is_array();
            const PlainJson& routeList = arrayMember(r, subnets[s], "Routes", where);
            for (std::size_t k = 0; k < routeList.size(); ++k) {
                const std::string routeWhere = where + "Routes[" + std::to_string(k) + "].";
                RouteFact route;
                if (const PlainJson* destination = member(routeList[k], "DestinationPrefix"))
                    route.destination = r.prefix(*destination, routeWhere + "DestinationPrefix");
                route.nextHop = r.address(routeList[k], "NextHop", routeWhere);
                subnet.routes.push_back(route);
            }
            const PlainJson& ipSubnets = arrayMember(r, subnets[s], "IpSubnets", where);
            for (std::size_t k = 0; k < ipSubnets.size(); ++k)
                if (const PlainJson* p = member(ipSubnets[k], "IpAddressPrefix"))
                    if (auto parsed =
                            r.prefix(*p, where + "IpSubnets[" + std::to_string(k) + "].IpAddressPrefix"))
                        subnet.ipSubnets.push_back(*parsed);
            n.subnets.push_back(std::move(subnet));
        }
    }
    if (const PlainJson* pool = member(document, "MacPool")) {
        const PlainJson& ranges = arrayMember(r, *pool, "Ranges", "MacPool.");
        for (std::size_t i = 0; i < ranges.size(); ++i) {
            auto first = MacAddress::parse(text(ranges[i], "StartMacAddress"));
            auto last = MacAddress::parse(text(ranges[i], "EndMacAddress"));
            if (first && last && *first <= *last)
                n.macRanges.push_back({*first, *last});
            else
                r.note("MacPool.Ranges[" + std::to_string(i) + "]", ranges[i]);
        }
    }
    if (const PlainJson* dns = member(document, "Dns"))
        n.dnsServers = r.addresses(*dns, "ServerList", "Dns.");
    forEachPolicy(
        r, document,
        [&](const std::string& type, const PlainJson& settings, std::size_t index, const std::string& where) {
            if (equalsIgnoreCase(type, "ProviderAddress")) {
                n.providerAddress = r.address(settings, "ProviderAddress", where);
                return;
            }
            if (equalsIgnoreCase(type, "NetworkACL")) {
                n.acls.push_back(acl(r, settings, index, where));
                n.acls.back().fromNetwork = true;
                keptAclFields(keptPaths(document), "Policies[" + std::to_string(index) + "].", n.acls.back());
                return;
            }
            if (equalsIgnoreCase(type, "HostRoute")) {
                n.hostRoute = true;
                return;
            }
            if (!equalsIgnoreCase(type, "RemoteSubnetRoute"))
                return;
            RemoteSubnetRouteFact route;
            if (const PlainJson* destination = member(settings, "DestinationPrefix"))
                route.destination = r.prefix(*destination, where + "DestinationPrefix");
            route.providerAddress = r.address(settings, "ProviderAddress", where);
            n.remoteSubnetRoutes.push_back(route);
        });
    return n;
}

namespace {

/// v1's `IsApplied` of a policy list: under "_v1" (as an import keeps it) or at the top; true or false,
/// or that word as text (`IsApplied : False` read from a list view).
void readApplied(Reader& r, const PlainJson& document, LoadBalancerFacts& lb)
{
    const PlainJson* v1 = member(document, "_v1");
    const PlainJson* value = v1 ? member(*v1, "IsApplied") : nullptr;
    lb.appliedField = value ? "_v1.IsApplied" : "IsApplied";
    if (!value)
        value = member(document, "IsApplied");
    if (!value || value->is_null() || (value->is_string() && value->get_ref<const std::string&>().empty()))
        return;
    if (value->is_boolean())
        lb.applied = value->get<bool>();
    else if (value->is_string() && equalsIgnoreCase(value->get_ref<const std::string&>(), "True"))
        lb.applied = true;
    else if (value->is_string() && equalsIgnoreCase(value->get_ref<const std::string&>(), "False"))
        lb.applied = false;
    else
        r.note(lb.appliedField, *value);
}

} // namespace

LoadBalancerFacts readLoadBalancer(const std::string& id, const PlainJson& document)
{
    LoadBalancerFacts lb;
    lb.id = id;
    Reader r{lb.unreadable};
    lb.networkId = canonicalObjectId(text(document, "HostComputeNetwork"));
    if (const PlainJson* backends = member(document, "HostComputeEndpoints")) {
        if (backends->is_array())
            lb.backends = idList(*backends);
        else if (!backends->is_null())
            r.note("HostComputeEndpoints", *backends);
    }
    lb.vips = r.addresses(document, "FrontendVIPs", "");
    const PlainJson& mappings = arrayMember(r, document, "PortMappings", "");
    for (std::size_t i = 0; i < mappings.size(); ++i)
        lb.portMappings.push_back(portMapping(r, mappings[i], "PortMappings[" + std::to_string(i) + "]."));
    if (const PlainJson* flags = member(document, "Flags"))
        lb.flags = std::uint32_t(number(*flags).value_or(0));
    lb.sourceVip = r.address(document, "SourceVIP", "");
    readApplied(r, document, lb);
    return lb;
}

ReferenceFacts readNamespace(const std::string& id, const PlainJson& document)
{
    return {id, namespaceEndpointIds(document)};
}

ReferenceFacts readSdnRoute(const std::string& id, const PlainJson& document)
{
    const PlainJson* endpoints = member(document, "HostComputeEndpoints");
    return {id, endpoints ? idList(*endpoints) : std::vector<std::string>()};
}

std::vector<RouteEntryFact> readSdnRouteEntries(const PlainJson& document)
{
    std::vector<UnreadableField> unreadable;
    Reader r{unreadable};
    std::vector<RouteEntryFact> out;
    for (const char* key : {"Routes", "Setting"}) {
        const PlainJson& list = arrayMember(r, document, key, "");
        for (std::size_t i = 0; i < list.size(); ++i)
            if (list[i].is_object())
                out.push_back(routeEntry(r, list[i], i, std::string(key) + "[" + std::to_string(i) + "]."));
    }
    return out;
}

bool aclCovers(const AclFact& outer, const AclFact& inner)
{
    return outer.unknown.empty() && inner.unknown.empty() && outer.inbound == inner.inbound &&
           outer.hostRule == inner.hostRule && protocolsCover(outer.protocols, inner.protocols) &&
           prefixesCover(outer.remoteAddresses, inner.remoteAddresses) &&
           prefixesCover(outer.localAddresses, inner.localAddresses) &&
           rangesCover(outer.remotePorts, inner.remotePorts) &&
           rangesCover(outer.localPorts, inner.localPorts);
}

std::string_view aclActionName(const AclFact& acl)
{
    return acl.pass ? "Pass" : acl.allow ? "Allow" : "Block";
}

std::vector<const TierAclFact*> tierEvaluationOrder(const EndpointFacts& e, bool inbound)
{
    std::vector<const TierAclFact*> order;
    for (const TierAclFact& tier : e.tierAcls)
        if (tier.inbound == inbound)
            order.push_back(&tier);
    std::stable_sort(order.begin(), order.end(), [](const TierAclFact* a, const TierAclFact* b) {
        return a->order && (!b->order || *a->order < *b->order);
    });
    return order;
}

std::vector<const AclFact*> ruleEvaluationOrder(const std::vector<AclFact>& rules)
{
    std::vector<const AclFact*> order;
    for (const AclFact& a : rules)
        order.push_back(&a);
    std::stable_sort(order.begin(), order.end(),
                     [](const AclFact* x, const AclFact* y) { return x->priority < y->priority; });
    return order;
}

bool aclFieldUnknown(const AclFact& acl, std::string_view field)
{
    return std::find(acl.unknown.begin(), acl.unknown.end(), field) != acl.unknown.end();
}

bool aclFieldMatches(const AclFact& acl, std::string_view field, bool listed, bool empty, bool unknownMatches)
{
    if (listed)
        return true;
    if (aclFieldUnknown(acl, field))
        return unknownMatches;
    return empty;
}

bool aclMatchesOutbound(const AclFact& acl, std::uint32_t protocol, const IpAddress& address,
                        std::uint16_t port, bool unknownMatches)
{
    if (acl.inbound)
        return false;
    const bool protocolListed =
        std::find(acl.protocols.begin(), acl.protocols.end(), protocol) != acl.protocols.end();
    const bool addressListed = std::any_of(acl.remoteAddresses.begin(), acl.remoteAddresses.end(),
                                           [&](const IpPrefix& p) { return p.contains(address); });
    const bool portListed =
        std::any_of(acl.remotePorts.begin(), acl.remotePorts.end(),
                    [&](const PortRange& r) { return r.first <= port && port <= r.last; });
    return aclFieldMatches(acl, "Protocols", protocolListed, acl.protocols.empty(), unknownMatches) &&
           aclFieldMatches(acl, "RemoteAddresses", addressListed, acl.remoteAddresses.empty(),
                           unknownMatches) &&
           aclFieldMatches(acl, "RemotePorts", portListed, acl.remotePorts.empty(), unknownMatches);
}

bool mappingServes(const PortMappingFact& mapping, std::uint32_t protocol)
{
    if (mapping.protocolUnknown)
        return false;
    return mapping.protocol == protocol || mapping.protocol == 0 || mapping.protocol == kAnyProtocol;
}

std::string mappingProtocolName(const PortMappingFact& mapping)
{
    if (mapping.protocolUnknown)
        return "unknown";
    if (mapping.protocol == 0 || mapping.protocol == kAnyProtocol)
        return "any";
    const std::string_view name = knownProtocolName(mapping.protocol);
    return name.empty() ? std::to_string(mapping.protocol) : std::string(name);
}

} // namespace hcn::analysis
