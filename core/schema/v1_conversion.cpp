// v1 HNS shapes <-> v2 HCN documents. See docs in hcn/v1_conversion.h and the mapping tables in
// hns-v1-schema.md §7. Input conversion is lenient about key case and leaves value validation to the
// normalizer; it fails only when the v1 structure itself cannot be read (an array that is not an array).
//
// Choices where the tables leave room:
// - Output-only v1 diagnostics (ActivityId, CurrentEndpointCount, TotalEndpoints, NatName, Resources,
//   Version, State, CreateProcessingStartTime, IsApplied, and a v1-shaped Health {LastErrorCode, ...})
//   are dropped: they describe the Windows host that produced the dump, and the engine owns its own
//   State/Version/Health. A Health object that already looks like v2 (Data/Extra) is kept.
// - Every other v1 field without a v2 home is kept under "_v1" (per subnet too), and the *ToV1
//   functions write it back at the top level, so imports lose nothing.
// - Network-level VLAN/VSID policies become subnet policies on every subnet that lacks one of that
//   type; with no subnet to carry them they go to "_v1".Policies, like Isolation and VNET (known v1
//   policies with no v2 equivalent). Unknown policy types stay where they are so the normalizer reports them.
// - A network's InterfaceConstraint becomes an InterfaceConstraint network policy, like the endpoint one.
// - Load balancers: VIPs of all ELB entries are merged into FrontendVIPs; the first SourceVIP wins; an
//   IPv6 VIP sets the IPv6 flag (2), which v1 never spelled out. Zero Flags are left out.
// - An endpoint's Namespace keeps only a non-zero ID (as HostComputeNamespace); false v1 booleans and
//   empty strings carry no information and are dropped.
// - Output: IsRemoteEndpoint is always shown (people filter on it), DisableICC/EnableLowMetric only when
//   set; ACLs show the lossless plural Protocols/LocalPorts/RemotePorts strings; an endpoint without a
//   default route shows the gateway of the network subnet holding its address; subnet and endpoint
//   routes other than the default route have no v1 field and are not shown.

#include "hcn/v1_conversion.h"

#include "common/text.h"
#include "hcn/ip_address.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hcn::schema {

namespace {

using nlohmann::json;

constexpr std::string_view kAnnotation = "_v1";
constexpr std::string_view kZeroGuid = "00000000-0000-0000-0000-000000000000";
constexpr std::string_view kEndpointPathPrefix = "/endpoints/";

constexpr std::uint64_t kEndpointRemote = 1;
constexpr std::uint64_t kEndpointDisableIcc = 2;
constexpr std::uint64_t kEndpointLowMetric = 8;
constexpr std::uint64_t kLbDirectServerReturn = 1;
constexpr std::uint64_t kLbIpv6 = 2;
constexpr std::uint64_t kPortMappingInternalLb = 1;

constexpr std::array kNetworkModes = {"NAT",      "ICS",        "Transparent",   "L2Bridge",
                                      "L2Tunnel", "Overlay",    "Private",       "Internal",
                                      "Mirrored", "Infiniband", "ConstrainedICS"};

constexpr std::array kNetworkPolicyTypes = {
    "SourceMacAddress", "NetAdapterName", "InterfaceConstraint", "VSwitchExtension", "ProviderAddress",
    "DrMacAddress",     "AutomaticDNS",   "RemoteSubnetRoute",   "VxlanPort",        "HostRoute",
    "SetPolicy",        "L4Proxy",        "LayerConstraint",     "NetworkACL"};

constexpr std::array kEndpointPolicyTypes = {"PortMapping", "ACL",           "QOS",
                                             "L2Driver",    "OutBoundNAT",   "SDNRoute",
                                             "L4Proxy",     "L4WFPPROXY",    "ProviderAddress",
                                             "PortName",    "EncapOverhead", "InterfaceConstraint",
                                             "Encryption",  "VLAN",          "InterfaceParameters",
                                             "Iov",         "TierAcl",       "Firewall"};

// Fields of Base that every v2 resource carries; they pass through unchanged.
constexpr std::array kBaseFields = {"Owner", "AdditionalParams", "SchemaVersion", "Telemetry"};

bool startsWithIgnoreCase(std::string_view text, std::string_view prefix)
{
    return text.size() >= prefix.size() && equalsIgnoreCase(text.substr(0, prefix.size()), prefix);
}

template <std::size_t N>
std::optional<std::string_view> canonicalName(const std::array<const char*, N>& names, std::string_view name)
{
    for (const char* candidate : names) {
        if (equalsIgnoreCase(candidate, name))
            return std::string_view(candidate);
    }
    return std::nullopt;
}

std::optional<std::string_view> canonicalName(std::initializer_list<std::string_view> names,
                                              std::string_view name)
{
    for (std::string_view candidate : names) {
        if (equalsIgnoreCase(candidate, name))
            return candidate;
    }
    return std::nullopt;
}

// ---- case-insensitive key access --------------------------------------------------------------

json::iterator findKey(json& obj, std::string_view key)
{
    if (!obj.is_object())
        return obj.end();
    auto exact = obj.find(std::string(key));
    if (exact != obj.end())
        return exact;
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (equalsIgnoreCase(it.key(), key))
            return it;
    }
    return obj.end();
}

const json* findValue(const json& obj, std::string_view key)
{
    if (!obj.is_object())
        return nullptr;
    auto exact = obj.find(std::string(key));
    if (exact != obj.end())
        return &*exact;
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (equalsIgnoreCase(it.key(), key))
            return &*it;
    }
    return nullptr;
}

bool hasKey(const json& obj, std::string_view key)
{
    return findValue(obj, key) != nullptr;
}

/// Removes key (any case) from obj and returns its value.
std::optional<json> takeKey(json& obj, std::string_view key)
{
    auto it = findKey(obj, key);
    if (it == obj.end())
        return std::nullopt;
    json value = std::move(*it);
    obj.erase(it);
    return value;
}

std::string stringOr(const json* value, std::string fallback = {})
{
    return value && value->is_string() ? value->get<std::string>() : fallback;
}

bool isEmptyValue(const json& value)
{
    return value.is_null() || (value.is_string() && value.get_ref<const std::string&>().empty());
}

bool isZeroGuid(const json& value)
{
    if (!value.is_string())
        return false;
    const auto& text = value.get_ref<const std::string&>();
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == '0' || c == '-' || c == '{' || c == '}'; });
}

bool isIpv6Text(std::string_view text)
{
    return text.find(':') != std::string_view::npos;
}

std::optional<std::uint64_t> unsignedValue(const json* value)
{
    if (value && value->is_number_unsigned())
        return value->get<std::uint64_t>();
    if (value && value->is_number_integer() && value->get<std::int64_t>() >= 0)
        return static_cast<std::uint64_t>(value->get<std::int64_t>());
    return std::nullopt;
}

bool truthy(const json& value)
{
    return value.is_boolean() && value.get<bool>();
}

Status structureError(std::string detail)
{
    return Status(hr::InvalidJson, std::move(detail));
}

/// Collects v1 fields that have no v2 home; written to doc["_v1"] when non-empty.
class Leftovers
{
public:
    explicit Leftovers(json& source)
    {
        if (auto previous = takeKey(source, kAnnotation); previous && previous->is_object())
            m_fields = std::move(*previous);
    }

    void keep(const std::string& key, json value) { m_fields[key] = std::move(value); }
    void keepPolicy(json policy)
    {
        json& list = m_fields["Policies"];
        if (!list.is_array())
            list = json::array();
        list.push_back(std::move(policy));
    }

    void writeTo(json& out)
    {
        if (!m_fields.empty())
            out[std::string(kAnnotation)] = std::move(m_fields);
    }

private:
    json m_fields = json::object();
};

/// Moves whatever is left in source: dropped diagnostics vanish, v2 names stay at the top level
/// (with their documented casing), everything else becomes a leftover.
void distributeRemainder(json& source, json& out, Leftovers& leftovers,
                         std::initializer_list<std::string_view> v2Fields,
                         std::initializer_list<std::string_view> dropped)
{
    for (auto it = source.begin(); it != source.end(); ++it) {
        const std::string& key = it.key();
        if (canonicalName(dropped, key))
            continue;
        auto name = canonicalName(v2Fields, key);
        if (!name)
            name = canonicalName(kBaseFields, key);
        if (name && !out.contains(*name)) {
            out[std::string(*name)] = std::move(*it);
            continue;
        }
        leftovers.keep(key, std::move(*it));
    }
}

void moveKey(json& source, json& out, std::string_view key)
{
    if (auto value = takeKey(source, key))
        out[std::string(key)] = std::move(*value);
}

/// A v1 Health is diagnostics ({LastErrorCode, LastUpdateTime}); a v2 one carries Data/Extra.
void takeHealth(json& source, json& out)
{
    auto health = takeKey(source, "Health");
    if (!health || !health->is_object())
        return;
    if (hasKey(*health, "Extra") || hasKey(*health, "Data"))
        out["Health"] = std::move(*health);
}

/// "a, b,c" or ["a","b"] -> ["a","b","c"]; anything else is a structural error.
Status splitList(const json& value, const char* field, std::vector<std::string>& items)
{
    if (value.is_null())
        return {};
    if (value.is_array()) {
        for (const auto& entry : value) {
            if (!entry.is_string())
                return structureError(std::string(field) +
                                      " must be a comma-separated string or an array of strings.");
            if (!entry.get_ref<const std::string&>().empty())
                items.push_back(entry.get<std::string>());
        }
        return {};
    }
    if (!value.is_string())
        return structureError(std::string(field) + " must be a comma-separated string.");
    const auto& text = value.get_ref<const std::string&>();
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(',', start);
        if (end == std::string::npos)
            end = text.size();
        std::string item = text.substr(start, end - start);
        const auto first = item.find_first_not_of(" \t");
        const auto last = item.find_last_not_of(" \t");
        if (first != std::string::npos)
            items.push_back(item.substr(first, last - first + 1));
        start = end + 1;
    }
    return {};
}

std::string joinList(const json* list)
{
    if (!list || !list->is_array())
        return stringOr(list);
    std::string text;
    for (const auto& item : *list) {
        if (!item.is_string())
            continue;
        if (!text.empty())
            text += ',';
        text += item.get<std::string>();
    }
    return text;
}

/// Takes DNSServerList/DNSSuffix/DNSDomain and builds a v2 Dns object (null when all are empty).
Status dnsFromV1(json& source, json& dns)
{
    dns = json::object();
    if (auto servers = takeKey(source, "DNSServerList")) {
        std::vector<std::string> items;
        if (Status status = splitList(*servers, "DNSServerList", items); !status)
            return status;
        if (!items.empty())
            dns["ServerList"] = items;
    }
    if (auto suffix = takeKey(source, "DNSSuffix")) {
        std::vector<std::string> items;
        if (Status status = splitList(*suffix, "DNSSuffix", items); !status)
            return status;
        if (!items.empty())
            dns["Search"] = items;
    }
    if (auto domain = takeKey(source, "DNSDomain"); domain && !isEmptyValue(*domain))
        dns["Domain"] = std::move(*domain);
    if (dns.empty())
        dns = nullptr;
    return {};
}

void dnsToV1(const json& v2, json& out)
{
    const json* dns = findValue(v2, "Dns");
    if (!dns || !dns->is_object())
        return;
    if (std::string servers = joinList(findValue(*dns, "ServerList")); !servers.empty())
        out["DNSServerList"] = servers;
    if (std::string search = joinList(findValue(*dns, "Search")); !search.empty())
        out["DNSSuffix"] = search;
    if (std::string domain = stringOr(findValue(*dns, "Domain")); !domain.empty())
        out["DNSDomain"] = domain;
}

// ---- policies ------------------------------------------------------------------------------

json protocolNumber(const json& protocol)
{
    if (!protocol.is_string())
        return protocol;
    const auto& text = protocol.get_ref<const std::string&>();
    if (equalsIgnoreCase(text, "TCP"))
        return 6;
    if (equalsIgnoreCase(text, "UDP"))
        return 17;
    if (!text.empty() && text.size() <= 5 && std::all_of(text.begin(), text.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c));
        }))
        return std::stoul(text);
    return protocol; // the normalizer decides about other names
}

json protocolText(const json& protocol)
{
    if (const auto number = unsignedValue(&protocol)) {
        if (*number == 6)
            return "TCP";
        if (*number == 17)
            return "UDP";
    }
    return protocol;
}

/// The ACL v2 fields are strings ("6", "80,443"); v1 also had single numeric Protocol/LocalPort/RemotePort
/// where 0 meant "not set".
void mergeAclNumber(json& settings, const char* singular, const char* plural, bool isProtocol)
{
    auto single = takeKey(settings, singular);
    if (hasKey(settings, plural) || !single)
        return;
    json value = isProtocol ? protocolNumber(*single) : *single;
    if (const auto number = unsignedValue(&value)) {
        if (*number != 0)
            settings[plural] = std::to_string(*number);
    } else if (value.is_string() && !value.get_ref<const std::string&>().empty()) {
        settings[plural] = std::move(value);
    }
}

void renameKey(json& obj, std::string_view from, std::string_view to)
{
    auto source = findKey(obj, from);
    if (source == obj.end())
        return;
    // "ID" -> "Id" is a change of spelling only; otherwise the target spelling wins when both are present.
    const bool sameName = equalsIgnoreCase(from, to);
    if (!sameName && hasKey(obj, to)) {
        obj.erase(source);
        return;
    }
    json value = std::move(*source);
    obj.erase(source);
    obj[std::string(to)] = std::move(value);
}

/// Rewrites every key of obj whose name matches one of names (any case) to that spelling.
void canonicalizeKeys(json& obj, std::initializer_list<std::string_view> names)
{
    for (std::string_view name : names) {
        auto it = findKey(obj, name);
        if (it != obj.end() && it.key() != name) {
            json value = std::move(*it);
            obj.erase(it);
            obj[std::string(name)] = std::move(value);
        }
    }
}

/// Flat {"Type":T, a, b} -> {"Type":T, "Settings":{a, b}}.
json wrapSettings(std::string_view type, json flat)
{
    takeKey(flat, "Type");
    return json{{"Type", std::string(type)}, {"Settings", std::move(flat)}};
}

std::optional<std::string> policyType(const json& policy)
{
    const json* type = findValue(policy, "Type");
    if (!type || !type->is_string())
        return std::nullopt;
    return type->get<std::string>();
}

bool isV2Policy(const json& policy)
{
    return hasKey(policy, "Settings");
}

/// v1 policy types with no v2 equivalent; kept as annotations rather than failing the whole document.
bool isV1OnlyPolicy(std::string_view type)
{
    return equalsIgnoreCase(type, "Isolation") || equalsIgnoreCase(type, "VNET");
}

/// Subnet policies: {"Type":"VSID","VSID":4096} -> {"Type":"VSID","Settings":{"IsolationId":4096}}.
void subnetPolicyFromV1(json& policy)
{
    if (!policy.is_object() || isV2Policy(policy))
        return;
    const auto type = policyType(policy);
    const auto name = type ? canonicalName({"VLAN", "VSID"}, *type) : std::nullopt;
    if (!name)
        return;
    json flat = policy;
    renameKey(flat, *name, "IsolationId");
    policy = wrapSettings(*name, std::move(flat));
}

void forEachPolicyArray(const json* policies, auto&& visit)
{
    if (!policies || !policies->is_array())
        return;
    for (const auto& policy : *policies) {
        if (policy.is_object())
            visit(policy);
    }
}

/// {"Type":T,"Settings":{...}} -> {"Type":T, ...}, with the v2 names turned back into v1 ones.
json policyToV1(const json& policy)
{
    const std::string type = policyType(policy).value_or("");
    json flat = json::object();
    if (const json* settings = findValue(policy, "Settings"); settings && settings->is_object())
        flat = *settings;
    std::string v1Type = type;
    if (equalsIgnoreCase(type, "PortMapping")) {
        v1Type = "NAT";
        if (auto it = findKey(flat, "Protocol"); it != flat.end())
            *it = protocolText(*it);
    } else if (equalsIgnoreCase(type, "OutBoundNAT")) {
        renameKey(flat, "VirtualIP", "VIP");
        renameKey(flat, "Exceptions", "ExceptionList");
    } else if (equalsIgnoreCase(type, "SDNRoute")) {
        v1Type = "ROUTE";
    } else if (equalsIgnoreCase(type, "L4Proxy")) {
        v1Type = "PROXY";
        renameKey(flat, "Exceptions", "ExceptionList");
        renameKey(flat, "OutboundNAT", "OutboundNat");
    } else if (equalsIgnoreCase(type, "ProviderAddress")) {
        v1Type = "PA";
        renameKey(flat, "ProviderAddress", "PA");
    } else if (equalsIgnoreCase(type, "VLAN") || equalsIgnoreCase(type, "VSID")) {
        v1Type = equalsIgnoreCase(type, "VLAN") ? "VLAN" : "VSID";
        renameKey(flat, "IsolationId", v1Type);
    }
    json out = json{{"Type", v1Type}};
    for (auto it = flat.begin(); it != flat.end(); ++it)
        out[it.key()] = *it;
    return out;
}

// ---- networks ------------------------------------------------------------------------------

/// One v1 subnet entry into a v2 Subnet.
Status subnetFromV1(json& subnet, std::size_t index)
{
    if (!subnet.is_object())
        return structureError("Subnets[" + std::to_string(index) + "] must be an object.");
    json source = std::move(subnet);
    json out = json::object();
    Leftovers leftovers(source);

    if (auto prefix = takeKey(source, "AddressPrefix"); prefix && !isEmptyValue(*prefix)) {
        if (!hasKey(source, "IpAddressPrefix"))
            out["IpAddressPrefix"] = std::move(*prefix);
        else
            leftovers.keep("AddressPrefix", std::move(*prefix));
    }
    if (auto gateway = takeKey(source, "GatewayAddress"); gateway && !isEmptyValue(*gateway)) {
        if (!hasKey(source, "Routes")) {
            const std::string familyHint =
                out.contains("IpAddressPrefix") ? stringOr(&out["IpAddressPrefix"]) : stringOr(&*gateway);
            json route = {{"NextHop", std::move(*gateway)},
                          {"DestinationPrefix", isIpv6Text(familyHint) ? "::/0" : "0.0.0.0/0"}};
            out["Routes"] = json::array({std::move(route)});
        } else {
            leftovers.keep("GatewayAddress", std::move(*gateway));
        }
    }
    if (auto policies = takeKey(source, "Policies")) {
        if (!policies->is_array())
            return structureError("Subnets[" + std::to_string(index) + "].Policies must be an array.");
        for (auto& policy : *policies)
            subnetPolicyFromV1(policy);
        out["Policies"] = std::move(*policies);
    }
    if (auto ipSubnets = takeKey(source, "IpSubnets")) {
        if (!ipSubnets->is_array())
            return structureError("Subnets[" + std::to_string(index) + "].IpSubnets must be an array.");
        for (auto& ipSubnet : *ipSubnets) {
            if (!ipSubnet.is_object())
                return structureError("Subnets[" + std::to_string(index) +
                                      "].IpSubnets entries must be objects.");
            for (const char* diagnostic : {"State", "Health", "ObjectType", "AdditionalParams"})
                takeKey(ipSubnet, diagnostic);
            canonicalizeKeys(ipSubnet, {"IpAddressPrefix", "Flags", "ID"});
        }
        out["IpSubnets"] = std::move(*ipSubnets);
    }
    distributeRemainder(source, out, leftovers, {"ID", "IpAddressPrefix", "Routes", "Flags"},
                        {"State", "Health", "ObjectType", "AdditionalParams"});
    leftovers.writeTo(out);
    subnet = std::move(out);
    return {};
}

bool hasPolicyOfType(const json& policies, std::string_view type)
{
    if (!policies.is_array())
        return false;
    return std::any_of(policies.begin(), policies.end(), [&](const json& policy) {
        const auto own = policyType(policy);
        return own && equalsIgnoreCase(*own, type);
    });
}

/// A top-level v1 network field that HNS v2 models as a network policy.
struct FieldPolicy
{
    const char* field;
    const char* type;
    const char* setting; ///< nullptr: the value is the whole Settings object
};

constexpr std::array kNetworkFieldPolicies = {
    FieldPolicy{"NetworkAdapterName", "NetAdapterName", "NetworkAdapterName"},
    FieldPolicy{"SourceMac", "SourceMacAddress", "SourceMacAddress"},
    FieldPolicy{"ManagementIP", "ProviderAddress", "ProviderAddress"},
    FieldPolicy{"DrMacAddress", "DrMacAddress", "Address"},
    FieldPolicy{"AutomaticDNS", "AutomaticDNS", "Enable"},
    FieldPolicy{"InterfaceConstraint", "InterfaceConstraint", nullptr},
};

} // namespace

bool isV1Document(const json& doc)
{
    if (!doc.is_object())
        return false;
    const json* version = findValue(doc, "SchemaVersion");
    if (!version)
        return true;
    const json* major = findValue(*version, "Major");
    if (!major)
        return false;
    if (major->is_number())
        return major->get<double>() == 1.0;
    return major->is_string() && major->get<std::string>() == "1";
}

Status networkFromV1(json& doc)
{
    if (!doc.is_object())
        return structureError("A v1 network must be a JSON object.");
    json source = std::move(doc);
    json out = json::object();
    Leftovers leftovers(source);
    const bool hasIpams = hasKey(source, "Ipams");
    const bool hasMacPool = hasKey(source, "MacPool");

    moveKey(source, out, "ID");
    moveKey(source, out, "Name");
    if (auto type = takeKey(source, "Type")) {
        if (type->is_string()) {
            // Unknown modes (including v1's Layered) stay as given so the normalizer rejects them.
            if (auto name = canonicalName(kNetworkModes, type->get_ref<const std::string&>()))
                *type = *name;
        }
        out["Type"] = std::move(*type);
    }
    const bool transparent = out.contains("Type") && out["Type"] == "Transparent";

    // Policies: v2-shaped entries pass, flat ones are converted or parked.
    json policies = json::array();
    json subnetWidePolicies = json::array(); // network-level VLAN/VSID to push onto each subnet
    if (auto v1Policies = takeKey(source, "Policies")) {
        if (!v1Policies->is_array())
            return structureError("Policies must be an array.");
        for (std::size_t i = 0; i < v1Policies->size(); ++i) {
            json& policy = (*v1Policies)[i];
            if (!policy.is_object())
                return structureError("Policies[" + std::to_string(i) + "] must be an object.");
            const auto type = policyType(policy);
            if (isV2Policy(policy) || !type) {
                policies.push_back(std::move(policy));
            } else if (canonicalName({"VLAN", "VSID"}, *type)) {
                subnetPolicyFromV1(policy);
                subnetWidePolicies.push_back(std::move(policy));
            } else if (isV1OnlyPolicy(*type)) {
                leftovers.keepPolicy(std::move(policy));
            } else if (auto name = canonicalName(kNetworkPolicyTypes, *type)) {
                policies.push_back(wrapSettings(*name, std::move(policy)));
            } else {
                policies.push_back(std::move(policy)); // unknown: the normalizer reports it
            }
        }
    }
    for (const FieldPolicy& mapping : kNetworkFieldPolicies) {
        auto value = takeKey(source, mapping.field);
        if (!value || isEmptyValue(*value) || (value->is_boolean() && !value->get<bool>()))
            continue;
        if (hasPolicyOfType(policies, mapping.type)) {
            leftovers.keep(mapping.field, std::move(*value));
            continue;
        }
        json settings = mapping.setting ? json{{mapping.setting, std::move(*value)}} : std::move(*value);
        policies.push_back(json{{"Type", mapping.type}, {"Settings", std::move(settings)}});
    }

    // Subnets, or the single AddressPrefix/GatewayAddress pair older dumps show at the top level.
    auto subnets = takeKey(source, "Subnets");
    auto topPrefix = takeKey(source, "AddressPrefix");
    auto topGateway = takeKey(source, "GatewayAddress");
    if (subnets && !subnets->is_array())
        return structureError("Subnets must be an array.");
    if ((!subnets || subnets->empty()) && topPrefix && !isEmptyValue(*topPrefix)) {
        json single = {{"AddressPrefix", std::move(*topPrefix)}};
        if (topGateway)
            single["GatewayAddress"] = std::move(*topGateway);
        subnets = json::array({std::move(single)});
    } else if (subnets && !subnets->empty()) {
        // A summary of Subnets[0] says nothing new; a different value is kept.
        const json& first = (*subnets)[0];
        if (topPrefix && !isEmptyValue(*topPrefix) &&
            (!first.is_object() || !hasKey(first, "AddressPrefix") ||
             *findValue(first, "AddressPrefix") != *topPrefix))
            leftovers.keep("AddressPrefix", std::move(*topPrefix));
        if (topGateway && !isEmptyValue(*topGateway) &&
            (!first.is_object() || !hasKey(first, "GatewayAddress") ||
             *findValue(first, "GatewayAddress") != *topGateway))
            leftovers.keep("GatewayAddress", std::move(*topGateway));
    }
    if (hasIpams) {
        if (subnets)
            leftovers.keep("Subnets", std::move(*subnets));
        for (auto& policy : subnetWidePolicies)
            leftovers.keepPolicy(policyToV1(policy));
    } else if (subnets && !subnets->empty()) {
        for (std::size_t i = 0; i < subnets->size(); ++i) {
            json& subnet = (*subnets)[i];
            if (Status status = subnetFromV1(subnet, i); !status)
                return status;
            for (const auto& policy : subnetWidePolicies) {
                json& own = subnet["Policies"];
                if (!own.is_array())
                    own = json::array();
                if (!hasPolicyOfType(own, policy["Type"].get<std::string>()))
                    own.push_back(policy);
            }
        }
        out["Ipams"] = json::array({json{{"Type", "Static"}, {"Subnets", std::move(*subnets)}}});
    } else {
        if (transparent)
            out["Ipams"] = json::array({json{{"Type", "Dhcp"}}});
        for (auto& policy : subnetWidePolicies)
            leftovers.keepPolicy(policyToV1(policy));
    }

    if (auto pools = takeKey(source, "MacPools")) {
        if (!pools->is_array())
            return structureError("MacPools must be an array.");
        for (auto& range : *pools) {
            if (!range.is_object())
                return structureError("MacPools entries must be objects.");
            canonicalizeKeys(range, {"StartMacAddress", "EndMacAddress"});
        }
        if (hasMacPool)
            leftovers.keep("MacPools", std::move(*pools));
        else if (!pools->empty())
            out["MacPool"] = json{{"Ranges", std::move(*pools)}};
    }

    if (hasKey(source, "Dns")) {
        for (const char* field : {"DNSServerList", "DNSSuffix", "DNSDomain"}) {
            if (auto value = takeKey(source, field))
                leftovers.keep(field, std::move(*value));
        }
    } else {
        json dns;
        if (Status status = dnsFromV1(source, dns); !status)
            return status;
        if (!dns.is_null())
            out["Dns"] = std::move(dns);
    }

    takeHealth(source, out);
    for (const char* field : {"LayeredOn", "SwitchGuid"}) {
        if (auto value = takeKey(source, field)) {
            json& extra = out["Health"]["Extra"];
            if (!extra.contains(field))
                extra[field] = std::move(*value);
        }
    }

    if (!policies.empty())
        out["Policies"] = std::move(policies);
    distributeRemainder(
        source, out, leftovers, {"Flags", "Ipams", "MacPool", "Dns"},
        {"ActivityId", "CurrentEndpointCount", "TotalEndpoints", "NatName", "Resources", "Version", "State"});
    leftovers.writeTo(out);
    doc = std::move(out);
    return {};
}

Status endpointPolicyFromV1(json& policy)
{
    if (!policy.is_object())
        return structureError("A policy must be a JSON object.");
    const auto type = policyType(policy);
    if (!type || isV2Policy(policy))
        return {};

    json flat = policy;
    takeKey(flat, "Type");
    if (equalsIgnoreCase(*type, "NAT")) {
        if (auto it = findKey(flat, "Protocol"); it != flat.end())
            *it = protocolNumber(*it);
        takeKey(flat, "ExternalPortReserved");
        canonicalizeKeys(flat, {"Protocol", "InternalPort", "ExternalPort"});
        policy = wrapSettings("PortMapping", std::move(flat));
    } else if (equalsIgnoreCase(*type, "ACL")) {
        mergeAclNumber(flat, "Protocol", "Protocols", true);
        mergeAclNumber(flat, "LocalPort", "LocalPorts", false);
        mergeAclNumber(flat, "RemotePort", "RemotePorts", false);
        takeKey(flat, "InternalPort");
        takeKey(flat, "ServiceName");
        canonicalizeKeys(flat, {"Id", "Protocols", "Action", "Direction", "LocalAddresses", "RemoteAddresses",
                                "LocalPorts", "RemotePorts", "RuleType", "Priority"});
        policy = wrapSettings("ACL", std::move(flat));
    } else if (equalsIgnoreCase(*type, "OutBoundNAT")) {
        renameKey(flat, "VIP", "VirtualIP");
        renameKey(flat, "ExceptionList", "Exceptions");
        canonicalizeKeys(flat, {"Destinations", "MaxPortPoolUsage"});
        policy = wrapSettings("OutBoundNAT", std::move(flat));
    } else if (equalsIgnoreCase(*type, "ROUTE")) {
        canonicalizeKeys(flat, {"DestinationPrefix", "NextHop", "NeedEncap"});
        policy = wrapSettings("SDNRoute", std::move(flat));
    } else if (equalsIgnoreCase(*type, "PROXY")) {
        canonicalizeKeys(flat, {"IP", "Port", "ExceptionList", "Destination", "OutboundNat"});
        policy = wrapSettings("L4Proxy", std::move(flat));
    } else if (equalsIgnoreCase(*type, "PA")) {
        renameKey(flat, "PA", "ProviderAddress");
        policy = wrapSettings("ProviderAddress", std::move(flat));
    } else if (equalsIgnoreCase(*type, "VLAN")) {
        renameKey(flat, "VLAN", "IsolationId");
        policy = wrapSettings("VLAN", std::move(flat));
    } else if (auto name = canonicalName(kEndpointPolicyTypes, *type)) {
        // QOS, L2Driver and flat spellings of v2 types: the fields become Settings unchanged.
        policy = wrapSettings(*name, std::move(flat));
    }
    // Anything else is left alone so the normalizer reports HCN_E_INVALID_POLICY_TYPE.
    return {};
}

Status endpointFromV1(json& doc)
{
    if (!doc.is_object())
        return structureError("A v1 endpoint must be a JSON object.");
    json source = std::move(doc);
    json out = json::object();
    Leftovers leftovers(source);

    moveKey(source, out, "ID");
    moveKey(source, out, "Name");
    moveKey(source, out, "MacAddress");
    if (auto network = takeKey(source, "VirtualNetwork"); network && !isEmptyValue(*network)) {
        if (hasKey(source, "HostComputeNetwork"))
            leftovers.keep("VirtualNetwork", std::move(*network));
        else
            out["HostComputeNetwork"] = std::move(*network);
    }

    // Addresses: IPv4 first, then IPv6, as Get-HnsEndpoint lists them. When the client already gave
    // IpConfigurations the v1 fields stay behind and end up under "_v1".
    if (!hasKey(source, "IpConfigurations")) {
        json ipConfigurations = json::array();
        json v4 = json::object();
        if (auto address = takeKey(source, "IPAddress"); address && !isEmptyValue(*address)) {
            v4["IpAddress"] = std::move(*address);
            if (auto length = takeKey(source, "PrefixLength"))
                v4["PrefixLength"] = std::move(*length);
        }
        if (auto subnetId = takeKey(source, "IPSubnetId");
            subnetId && !isEmptyValue(*subnetId) && !isZeroGuid(*subnetId))
            v4["IpSubnetId"] = std::move(*subnetId);
        if (!v4.empty())
            ipConfigurations.push_back(std::move(v4));
        if (auto address = takeKey(source, "IPv6Address"); address && !isEmptyValue(*address)) {
            json v6 = {{"IpAddress", std::move(*address)}};
            if (auto length = takeKey(source, "IPv6PrefixLength"))
                v6["PrefixLength"] = std::move(*length);
            ipConfigurations.push_back(std::move(v6));
        }
        if (!ipConfigurations.empty())
            out["IpConfigurations"] = std::move(ipConfigurations);
    }

    if (!hasKey(source, "Routes")) {
        json routes = json::array();
        for (const char* field : {"GatewayAddress", "GatewayAddressV6"}) {
            auto gateway = takeKey(source, field);
            if (!gateway || isEmptyValue(*gateway))
                continue;
            const bool v6 = gateway->is_string() && isIpv6Text(gateway->get_ref<const std::string&>());
            routes.push_back(
                json{{"NextHop", std::move(*gateway)}, {"DestinationPrefix", v6 ? "::/0" : "0.0.0.0/0"}});
        }
        if (!routes.empty())
            out["Routes"] = std::move(routes);
    }

    if (hasKey(source, "Dns")) {
        for (const char* field : {"DNSServerList", "DNSSuffix", "DNSDomain"}) {
            if (auto value = takeKey(source, field))
                leftovers.keep(field, std::move(*value));
        }
    } else {
        json dns;
        if (Status status = dnsFromV1(source, dns); !status)
            return status;
        if (!dns.is_null())
            out["Dns"] = std::move(dns);
    }

    // Boolean v1 fields become EndpointFlags bits, merged into a numeric Flags when one is given.
    std::uint64_t flags = 0;
    json flagFields = json::object();
    for (const auto& [field, bit] :
         {std::pair{"IsRemoteEndpoint", kEndpointRemote}, std::pair{"DisableICC", kEndpointDisableIcc},
          std::pair{"EnableLowMetric", kEndpointLowMetric}}) {
        auto value = takeKey(source, field);
        if (!value)
            continue;
        if (truthy(*value))
            flags |= bit;
        if (!value->is_boolean() || truthy(*value))
            flagFields[field] = std::move(*value);
    }
    if (auto given = takeKey(source, "Flags"); given && !unsignedValue(&*given)) {
        // A spelled-out Flags value is the normalizer's business; the v1 booleans stay as annotations.
        out["Flags"] = std::move(*given);
        for (auto it = flagFields.begin(); it != flagFields.end(); ++it)
            leftovers.keep(it.key(), *it);
    } else {
        flags |= given ? *unsignedValue(&*given) : 0;
        for (auto it = flagFields.begin(); it != flagFields.end(); ++it) {
            if (!it->is_boolean())
                leftovers.keep(it.key(), *it);
        }
        if (flags != 0)
            out["Flags"] = flags;
    }

    json policies = json::array();
    if (auto v1Policies = takeKey(source, "Policies")) {
        if (!v1Policies->is_array())
            return structureError("Policies must be an array.");
        for (std::size_t i = 0; i < v1Policies->size(); ++i) {
            json& policy = (*v1Policies)[i];
            if (!policy.is_object())
                return structureError("Policies[" + std::to_string(i) + "] must be an object.");
            const auto type = policyType(policy);
            if (type && !isV2Policy(policy) && isV1OnlyPolicy(*type)) {
                leftovers.keepPolicy(std::move(policy));
                continue;
            }
            if (Status status = endpointPolicyFromV1(policy); !status)
                return status;
            policies.push_back(std::move(policy));
        }
    }
    if (auto overhead = takeKey(source, "EncapOverhead")) {
        if (unsignedValue(&*overhead).value_or(1) != 0 && !hasPolicyOfType(policies, "EncapOverhead"))
            policies.push_back(
                json{{"Type", "EncapOverhead"}, {"Settings", {{"Overhead", std::move(*overhead)}}}});
    }
    if (auto constraint = takeKey(source, "InterfaceConstraint"); constraint && constraint->is_object()) {
        if (!hasPolicyOfType(policies, "InterfaceConstraint"))
            policies.push_back(json{{"Type", "InterfaceConstraint"}, {"Settings", std::move(*constraint)}});
        else
            leftovers.keep("InterfaceConstraint", std::move(*constraint));
    } else if (constraint) {
        leftovers.keep("InterfaceConstraint", std::move(*constraint));
    }
    if (!policies.empty())
        out["Policies"] = std::move(policies);

    if (auto ns = takeKey(source, "Namespace")) {
        // Zero GUIDs mean "not attached"; a depth-truncated PowerShell string is kept as opaque text.
        const json* id = ns->is_object() ? findValue(*ns, "ID") : nullptr;
        if (!ns->is_object())
            leftovers.keep("Namespace", std::move(*ns));
        else if (id && !isEmptyValue(*id) && !isZeroGuid(*id) && !hasKey(source, "HostComputeNamespace"))
            out["HostComputeNamespace"] = *id;
    }

    takeHealth(source, out);
    distributeRemainder(source, out, leftovers,
                        {"HostComputeNetwork", "HostComputeNamespace", "Policies", "IpConfigurations", "Dns",
                         "Routes", "MacAddress", "Flags"},
                        {"ActivityId", "CreateProcessingStartTime", "Resources", "Version", "State"});
    leftovers.writeTo(out);
    doc = std::move(out);
    return {};
}

Status namespaceFromV1(json& doc)
{
    if (!doc.is_object())
        return structureError("A v1 namespace must be a JSON object.");
    json source = std::move(doc);
    json out = json::object();
    Leftovers leftovers(source);

    moveKey(source, out, "ID");
    if (auto compartment = takeKey(source, "CompartmentId")) {
        if (hasKey(source, "NamespaceId"))
            leftovers.keep("CompartmentId", std::move(*compartment));
        else
            out["NamespaceId"] = std::move(*compartment);
    }
    if (auto isDefault = takeKey(source, "IsDefault")) {
        if (isDefault->is_boolean() && !hasKey(source, "Type"))
            out["Type"] = isDefault->get<bool>() ? "HostDefault" : "Host";
        else
            leftovers.keep("IsDefault", std::move(*isDefault));
    }
    if (auto list = takeKey(source, "ResourceList")) {
        if (!list->is_array())
            return structureError("ResourceList must be an array.");
        for (std::size_t i = 0; i < list->size(); ++i) {
            json& resource = (*list)[i];
            if (!resource.is_object())
                return structureError("ResourceList[" + std::to_string(i) + "] must be an object.");
            canonicalizeKeys(resource, {"Type", "Data"});
            if (auto it = resource.find("Type"); it != resource.end() && it->is_string()) {
                if (auto name = canonicalName({"Endpoint", "Container"}, it->get_ref<const std::string&>()))
                    *it = *name;
            }
            if (auto it = resource.find("Data"); it != resource.end()) {
                if (!it->is_object())
                    return structureError("ResourceList[" + std::to_string(i) + "].Data must be an object.");
                canonicalizeKeys(*it, {"ID"}); // v1 spells it "Id"
            }
        }
        if (hasKey(source, "Resources"))
            leftovers.keep("ResourceList", std::move(*list));
        else
            out["Resources"] = std::move(*list);
    }

    takeHealth(source, out);
    distributeRemainder(source, out, leftovers, {"NamespaceId", "NamespaceGuid", "Type", "Resources"},
                        {"ActivityId", "Version", "State"});
    leftovers.writeTo(out);
    doc = std::move(out);
    return {};
}

Status loadBalancerFromV1(json& doc)
{
    if (!doc.is_object())
        return structureError("A v1 policy list must be a JSON object.");
    json source = std::move(doc);
    json out = json::object();
    Leftovers leftovers(source);

    moveKey(source, out, "ID");
    if (auto references = takeKey(source, "References")) {
        if (!references->is_array())
            return structureError("References must be an array.");
        json endpoints = json::array();
        for (const auto& reference : *references) {
            if (!reference.is_string())
                return structureError("References entries must be strings like \"/endpoints/<guid>\".");
            std::string_view text = reference.get_ref<const std::string&>();
            if (startsWithIgnoreCase(text, kEndpointPathPrefix))
                text.remove_prefix(kEndpointPathPrefix.size());
            endpoints.push_back(std::string(text));
        }
        if (hasKey(source, "HostComputeEndpoints"))
            leftovers.keep("References", std::move(*references));
        else
            out["HostComputeEndpoints"] = std::move(endpoints);
    }

    const bool hasPortMappings = hasKey(source, "PortMappings");
    std::uint64_t flags = 0;
    json portMappings = json::array();
    json frontends = json::array();
    json sourceVip;
    if (auto policies = takeKey(source, "Policies")) {
        if (!policies->is_array())
            return structureError("Policies must be an array.");
        for (std::size_t i = 0; i < policies->size(); ++i) {
            json& policy = (*policies)[i];
            if (!policy.is_object())
                return structureError("Policies[" + std::to_string(i) + "] must be an object.");
            const auto type = policyType(policy);
            if (!type || !equalsIgnoreCase(*type, "ELB") || hasPortMappings) {
                leftovers.keepPolicy(std::move(policy)); // ROUTE lists are not load balancers
                continue;
            }
            json mapping = json::object();
            if (const json* protocol = findValue(policy, "Protocol"))
                mapping["Protocol"] = protocolNumber(*protocol);
            for (const char* port : {"InternalPort", "ExternalPort"}) {
                if (const json* value = findValue(policy, port))
                    mapping[port] = *value;
            }
            if (const json* ilb = findValue(policy, "ILB"); ilb && truthy(*ilb))
                mapping["Flags"] = kPortMappingInternalLb;
            if (!mapping.empty())
                portMappings.push_back(std::move(mapping));

            if (const json* vips = findValue(policy, "VIPs")) {
                json list = vips->is_array() ? *vips : json::array({*vips});
                for (auto& vip : list) {
                    if (!isEmptyValue(vip) &&
                        std::find(frontends.begin(), frontends.end(), vip) == frontends.end())
                        frontends.push_back(vip);
                }
            }
            if (const json* vip = findValue(policy, "SourceVIP");
                vip && !isEmptyValue(*vip) && sourceVip.is_null())
                sourceVip = *vip;
            if (const json* dsr = findValue(policy, "IsDSR"); dsr && truthy(*dsr))
                flags |= kLbDirectServerReturn;
        }
    }
    if (!portMappings.empty())
        out["PortMappings"] = std::move(portMappings);
    if (!frontends.empty() && !hasKey(source, "FrontendVIPs"))
        out["FrontendVIPs"] = frontends;
    if (!sourceVip.is_null() && !hasKey(source, "SourceVIP"))
        out["SourceVIP"] = sourceVip;

    // v1 inferred the address family from the VIPs; v2 wants the IPv6 flag.
    const auto v6 = [](const json& vip) {
        return vip.is_string() && isIpv6Text(vip.get_ref<const std::string&>());
    };
    if (std::any_of(frontends.begin(), frontends.end(), v6) || v6(sourceVip))
        flags |= kLbIpv6;
    if (auto given = takeKey(source, "Flags"); given && !unsignedValue(&*given)) {
        out["Flags"] = std::move(*given); // spelled out: left to the normalizer
        if (flags & kLbDirectServerReturn)
            leftovers.keep("IsDSR", true);
    } else {
        flags |= given ? *unsignedValue(&*given) : 0;
        if (flags != 0) // zero Flags is the default; leaving it out keeps v1 -> v2 -> v1 -> v2 stable
            out["Flags"] = flags;
    }

    takeHealth(source, out);
    distributeRemainder(
        source, out, leftovers,
        {"HostComputeEndpoints", "SourceVIP", "FrontendVIPs", "PortMappings", "Flags", "HostComputeNetwork"},
        {"ActivityId", "IsApplied", "Resources", "Version", "State"});
    leftovers.writeTo(out);
    doc = std::move(out);
    return {};
}

// ---- v2 -> v1 --------------------------------------------------------------------------------

namespace {

void copyIfPresent(const json& from, json& to, std::string_view key, std::string_view as = {})
{
    if (const json* value = findValue(from, key))
        to[std::string(as.empty() ? key : as)] = *value;
}

/// Fields parked under "_v1" on input come back at the top level; parked policies join the list.
void restoreAnnotation(const json& from, json& out)
{
    const json* parked = findValue(from, kAnnotation);
    if (!parked || !parked->is_object())
        return;
    for (auto it = parked->begin(); it != parked->end(); ++it) {
        if (it.key() == "Policies" && it->is_array()) {
            json& list = out["Policies"];
            if (!list.is_array())
                list = json::array();
            for (const auto& policy : *it)
                list.push_back(policy);
        } else if (!out.contains(it.key())) {
            out[it.key()] = *it;
        }
    }
}

json subnetToV1(const json& subnet)
{
    json out = json::object();
    copyIfPresent(subnet, out, "IpAddressPrefix", "AddressPrefix");
    if (const json* routes = findValue(subnet, "Routes"); routes && routes->is_array()) {
        for (const auto& route : *routes) {
            const std::string destination = stringOr(findValue(route, "DestinationPrefix"));
            if (destination == "0.0.0.0/0" || destination == "::/0") {
                copyIfPresent(route, out, "NextHop", "GatewayAddress");
                break;
            }
        }
    }
    json policies = json::array();
    forEachPolicyArray(findValue(subnet, "Policies"),
                       [&](const json& policy) { policies.push_back(policyToV1(policy)); });
    out["Policies"] = std::move(policies);
    copyIfPresent(subnet, out, "IpSubnets");
    copyIfPresent(subnet, out, "ID");
    copyIfPresent(subnet, out, "Flags");
    restoreAnnotation(subnet, out);
    return out;
}

/// The gateway Get-HnsEndpoint shows when the endpoint has no default route of its own: the one of the
/// network subnet that holds the address.
std::string gatewayFromNetwork(const json* network, const std::string& address)
{
    const auto ip = IpAddress::parse(address);
    const json* ipams = network ? findValue(*network, "Ipams") : nullptr;
    if (!ip || !ipams || !ipams->is_array())
        return {};
    for (const auto& ipam : *ipams) {
        const json* subnets = findValue(ipam, "Subnets");
        if (!subnets || !subnets->is_array())
            continue;
        for (const auto& subnet : *subnets) {
            const auto prefix = IpPrefix::parse(stringOr(findValue(subnet, "IpAddressPrefix")), true);
            if (!prefix || !prefix->contains(*ip))
                continue;
            const json v1 = subnetToV1(subnet);
            return stringOr(findValue(v1, "GatewayAddress"));
        }
    }
    return {};
}

} // namespace

json networkToV1(const json& network)
{
    json out = json::object();
    copyIfPresent(network, out, "ID");
    copyIfPresent(network, out, "Name");
    // HNS omits Type when it is NAT (enum value 0).
    out["Type"] = stringOr(findValue(network, "Type"), "NAT");

    json subnets = json::array();
    if (const json* ipams = findValue(network, "Ipams"); ipams && ipams->is_array()) {
        for (const auto& ipam : *ipams) {
            const json* list = findValue(ipam, "Subnets");
            if (!list || !list->is_array())
                continue;
            for (const auto& subnet : *list)
                subnets.push_back(subnetToV1(subnet));
        }
    }
    out["Subnets"] = std::move(subnets);

    if (const json* pool = findValue(network, "MacPool"); pool && pool->is_object())
        copyIfPresent(*pool, out, "Ranges", "MacPools");
    dnsToV1(network, out);

    json policies = json::array();
    forEachPolicyArray(findValue(network, "Policies"), [&](const json& policy) {
        const std::string type = policyType(policy).value_or("");
        const json* settings = findValue(policy, "Settings");
        for (const FieldPolicy& mapping : kNetworkFieldPolicies) {
            if (!equalsIgnoreCase(type, mapping.type) || out.contains(mapping.field) || !settings)
                continue;
            const json* value = mapping.setting ? findValue(*settings, mapping.setting) : settings;
            if (value) {
                out[mapping.field] = *value;
                return;
            }
        }
        policies.push_back(policyToV1(policy));
    });
    out["Policies"] = std::move(policies);

    copyIfPresent(network, out, "Flags");
    if (const json* health = findValue(network, "Health")) {
        if (const json* extra = findValue(*health, "Extra")) {
            copyIfPresent(*extra, out, "LayeredOn");
            copyIfPresent(*extra, out, "SwitchGuid");
        }
    }
    copyIfPresent(network, out, "AdditionalParams");
    copyIfPresent(network, out, "State");
    copyIfPresent(network, out, "Version");
    restoreAnnotation(network, out);
    return out;
}

json endpointToV1(const json& endpoint, const json* network)
{
    json out = json::object();
    copyIfPresent(endpoint, out, "ID");
    copyIfPresent(endpoint, out, "Name");
    copyIfPresent(endpoint, out, "HostComputeNetwork", "VirtualNetwork");
    if (network && network->is_object())
        copyIfPresent(*network, out, "Name", "VirtualNetworkName");

    if (const json* configs = findValue(endpoint, "IpConfigurations"); configs && configs->is_array()) {
        for (const auto& config : *configs) {
            const std::string address = stringOr(findValue(config, "IpAddress"));
            const bool v6 = isIpv6Text(address);
            const char* addressKey = v6 ? "IPv6Address" : "IPAddress";
            if (address.empty() || out.contains(addressKey))
                continue;
            out[addressKey] = address;
            copyIfPresent(config, out, "PrefixLength", v6 ? "IPv6PrefixLength" : "PrefixLength");
            if (!v6)
                copyIfPresent(config, out, "IpSubnetId", "IPSubnetId");
        }
    }
    if (const json* routes = findValue(endpoint, "Routes"); routes && routes->is_array()) {
        for (const auto& route : *routes) {
            const std::string destination = stringOr(findValue(route, "DestinationPrefix"));
            const char* key = destination == "0.0.0.0/0" ? "GatewayAddress"
                              : destination == "::/0"    ? "GatewayAddressV6"
                                                         : nullptr;
            if (key && !out.contains(key))
                copyIfPresent(route, out, "NextHop", key);
        }
    }
    for (const auto& [addressKey, gatewayKey] :
         {std::pair{"IPAddress", "GatewayAddress"}, std::pair{"IPv6Address", "GatewayAddressV6"}}) {
        if (out.contains(addressKey) && !out.contains(gatewayKey)) {
            if (std::string gateway = gatewayFromNetwork(network, out[addressKey].get<std::string>());
                !gateway.empty())
                out[gatewayKey] = gateway;
        }
    }
    copyIfPresent(endpoint, out, "MacAddress");
    dnsToV1(endpoint, out);

    const std::uint64_t flags = unsignedValue(findValue(endpoint, "Flags")).value_or(0);
    out["IsRemoteEndpoint"] = (flags & kEndpointRemote) != 0;
    if (flags & kEndpointDisableIcc)
        out["DisableICC"] = true;
    if (flags & kEndpointLowMetric)
        out["EnableLowMetric"] = true;

    json policies = json::array();
    forEachPolicyArray(findValue(endpoint, "Policies"), [&](const json& policy) {
        const std::string type = policyType(policy).value_or("");
        const json* settings = findValue(policy, "Settings");
        if (equalsIgnoreCase(type, "EncapOverhead") && settings && hasKey(*settings, "Overhead") &&
            !out.contains("EncapOverhead")) {
            out["EncapOverhead"] = *findValue(*settings, "Overhead");
            return;
        }
        if (equalsIgnoreCase(type, "InterfaceConstraint") && settings &&
            !out.contains("InterfaceConstraint")) {
            out["InterfaceConstraint"] = *settings;
            return;
        }
        policies.push_back(policyToV1(policy));
    });
    out["Policies"] = std::move(policies);

    const json* ns = findValue(endpoint, "HostComputeNamespace");
    out["Namespace"] =
        json{{"ID", ns && ns->is_string() && !ns->get<std::string>().empty() ? *ns : json(kZeroGuid)}};
    copyIfPresent(endpoint, out, "AdditionalParams");
    copyIfPresent(endpoint, out, "State");
    copyIfPresent(endpoint, out, "Version");
    restoreAnnotation(endpoint, out);
    return out;
}

json namespaceToV1(const json& ns)
{
    json out = json::object();
    copyIfPresent(ns, out, "ID");
    const std::string type = stringOr(findValue(ns, "Type"));
    out["IsDefault"] = equalsIgnoreCase(type, "HostDefault") || equalsIgnoreCase(type, "GuestDefault");
    copyIfPresent(ns, out, "NamespaceId", "CompartmentId");
    json resources = json::array();
    if (const json* list = findValue(ns, "Resources"); list && list->is_array()) {
        for (const auto& resource : *list) {
            json entry = json::object();
            copyIfPresent(resource, entry, "Type");
            if (const json* data = findValue(resource, "Data"); data && data->is_object()) {
                json v1Data = *data;
                renameKey(v1Data, "ID", "Id");
                entry["Data"] = std::move(v1Data);
            }
            resources.push_back(std::move(entry));
        }
    }
    out["ResourceList"] = std::move(resources);
    copyIfPresent(ns, out, "AdditionalParams");
    copyIfPresent(ns, out, "State");
    copyIfPresent(ns, out, "Version");
    restoreAnnotation(ns, out);
    return out;
}

json loadBalancerToV1(const json& lb)
{
    json out = json::object();
    copyIfPresent(lb, out, "ID");
    json references = json::array();
    if (const json* endpoints = findValue(lb, "HostComputeEndpoints"); endpoints && endpoints->is_array()) {
        for (const auto& endpoint : *endpoints) {
            if (endpoint.is_string())
                references.push_back(std::string(kEndpointPathPrefix) + endpoint.get<std::string>());
        }
    }
    out["References"] = std::move(references);

    const std::uint64_t flags = unsignedValue(findValue(lb, "Flags")).value_or(0);
    const json* frontends = findValue(lb, "FrontendVIPs");
    const json* sourceVip = findValue(lb, "SourceVIP");
    const auto elbEntry = [&](const json* mapping) {
        json elb = {{"Type", "ELB"}};
        if (mapping) {
            copyIfPresent(*mapping, elb, "Protocol");
            copyIfPresent(*mapping, elb, "InternalPort");
            copyIfPresent(*mapping, elb, "ExternalPort");
        }
        if (sourceVip && !isEmptyValue(*sourceVip))
            elb["SourceVIP"] = *sourceVip;
        if (frontends && frontends->is_array() && !frontends->empty())
            elb["VIPs"] = *frontends;
        if (mapping && (unsignedValue(findValue(*mapping, "Flags")).value_or(0) & kPortMappingInternalLb))
            elb["ILB"] = true;
        if (flags & kLbDirectServerReturn)
            elb["IsDSR"] = true;
        return elb;
    };
    json policies = json::array();
    const json* mappings = findValue(lb, "PortMappings");
    if (mappings && mappings->is_array() && !mappings->empty()) {
        for (const auto& mapping : *mappings)
            policies.push_back(elbEntry(&mapping));
    } else if ((frontends && frontends->is_array() && !frontends->empty()) ||
               (sourceVip && !isEmptyValue(*sourceVip))) {
        policies.push_back(elbEntry(nullptr));
    }
    out["Policies"] = std::move(policies);
    copyIfPresent(lb, out, "HostComputeNetwork");
    copyIfPresent(lb, out, "AdditionalParams");
    copyIfPresent(lb, out, "State");
    copyIfPresent(lb, out, "Version");
    restoreAnnotation(lb, out);
    return out;
}

} // namespace hcn::schema
