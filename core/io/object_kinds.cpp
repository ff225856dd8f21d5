// Telling an object's kind from its members (object_kinds.h).

#include "io/object_kinds.h"

#include "common/capped_list.h"
#include "common/json_member.h"
#include "common/text.h"
#include "common/utf8.h"
#include "hcn/guid.h"
#include "hcn/network_mode.h"
#include "io/non_hns_objects.h"
#include "io/object_ids.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hcn::io::detail {
namespace {

std::string stringIn(const nlohmann::json* value)
{
    return value && value->is_string() ? value->get<std::string>() : std::string();
}

bool isNamespaceType(const nlohmann::json* type)
{
    const std::string text = stringIn(type);
    for (const char* t : {"Host", "HostDefault", "Guest", "GuestDefault"})
        if (equalsIgnoreCase(text, t))
            return true;
    return false;
}

/// The Type of each entry of a Policies list.
bool hasPolicyOfType(const nlohmann::json& object, std::string_view type)
{
    const nlohmann::json* policies = memberIgnoringCase(object, "Policies");
    if (!policies || !policies->is_array())
        return false;
    return std::any_of(policies->begin(), policies->end(), [&](const nlohmann::json& p) {
        return equalsIgnoreCase(stringIn(memberIgnoringCase(p, "Type")), type);
    });
}

/// A Policies list as a network holds it: each entry an object with a Type.
bool hasNetworkPolicies(const nlohmann::json& object)
{
    const nlohmann::json* policies = memberIgnoringCase(object, "Policies");
    return policies && policies->is_array() &&
           std::all_of(policies->begin(), policies->end(),
                       [](const nlohmann::json& p) { return p.is_object() && p.contains("Type"); });
}

bool schemaVersionAtLeast2(const nlohmann::json& object)
{
    const nlohmann::json* version = memberIgnoringCase(object, "SchemaVersion");
    const nlohmann::json* major = version ? memberIgnoringCase(*version, "Major") : nullptr;
    return major && major->is_number_integer() && major->get<std::int64_t>() >= 2;
}

/// The member names of one object in lower case, sorted: the kind tests ask for many names that are
/// absent, and each question is one binary search instead of a scan of every member.
class MemberNames
{
public:
    explicit MemberNames(const nlohmann::json& object)
    {
        m_names.reserve(object.size());
        for (const auto& item : object.items())
            m_names.push_back(lowerCopy(item.key()));
        std::sort(m_names.begin(), m_names.end());
    }
    /// `lowerName` must be in lower case.
    bool has(std::string_view lowerName) const
    {
        return std::binary_search(m_names.begin(), m_names.end(), lowerName,
                                  [](std::string_view a, std::string_view b) { return a < b; });
    }

private:
    std::vector<std::string> m_names;
};

/// The members a ContainerNetwork has and an HNS network has not.
constexpr std::array kContainerNetworkMembers{"Subnets",   "SubnetPrefix", "Gateways",           "DNSServers",
                                              "IsDeleted", "SourceMac",    "NetworkAdapterName", "DNSSuffix"};

} // namespace

const nlohmann::json* hnsType(const nlohmann::json& object)
{
    const auto it = object.find("Type");
    return it == object.end() ? nullptr : &*it;
}

bool isNetworkType(const nlohmann::json* type)
{
    if (!type || !type->is_string())
        return false;
    const std::string text = type->get<std::string>();
    return networkModeFromName(text) != NetworkMode::Invalid || equalsIgnoreCase(text, "Layered");
}

bool isCniConfig(const nlohmann::json& value)
{
    if (!value.is_object())
        return false;
    if (value.contains("cniVersion") || value.contains("plugins") || value.contains("capabilities"))
        return true;
    // `"ipam": {"type": "host-local", ...}`: CNI's address plugin, lower case as CNI spells it.
    const auto ipam = value.find("ipam");
    return ipam != value.end() && ipam->is_object() && ipam->contains("type");
}

std::string cniDocumentSaid(const nlohmann::json& value)
{
    constexpr std::string_view kNotImported = ", not HNS state; not imported";
    // An error result: `{"cniVersion": "1.0.0", "code": 100, "msg": "...", "details": "..."}`.
    if (const auto code = value.find("code"); code != value.end() && code->is_number_integer()) {
        const std::string msg = stringIn(value.contains("msg") ? &value["msg"] : nullptr);
        return "a CNI plugin's error result (code " + std::to_string(code->get<std::int64_t>()) +
               (msg.empty() ? "" : ": \"" + std::string(utf8Prefix(msg, 200)) + "\"") + ")" +
               std::string(kNotImported);
    }
    // A result: `ips` (CNI 0.3 on: `address`, `gateway`), or 0.2's `ip4` and `ip6` (`ip`, `gateway`).
    std::vector<std::string> addresses;
    const auto add = [&](const nlohmann::json& ip, std::string_view key) {
        if (!ip.is_object() || addresses.size() >= 4)
            return;
        std::string said = stringIn(ip.contains(key) ? &ip[std::string(key)] : nullptr);
        const std::string gateway = stringIn(ip.contains("gateway") ? &ip["gateway"] : nullptr);
        if (!said.empty() && !gateway.empty())
            said += " via " + gateway;
        if (!said.empty())
            addresses.push_back(std::string(utf8Prefix(said, 100)));
    };
    if (const auto ips = value.find("ips"); ips != value.end() && ips->is_array())
        for (const nlohmann::json& ip : *ips)
            add(ip, "address");
    for (const char* version : {"ip4", "ip6"})
        if (const auto ip = value.find(version); ip != value.end())
            add(*ip, "ip");
    const bool result = value.contains("ips") || value.contains("ip4") || value.contains("ip6") ||
                        value.contains("interfaces");
    if (result && !value.contains("type") && !value.contains("plugins"))
        return "a CNI plugin's result (" +
               (addresses.empty() ? std::string("no address")
                                  : "the addresses it gave: " + listedInWords(addresses)) +
               ")" + std::string(kNotImported);
    return "a CNI configuration (what a plugin is told to create)" + std::string(kNotImported);
}

ResourceKind classifyObject(const nlohmann::json& value, ResourceKind hint, bool& isV1)
{
    if (!value.is_object())
        return ResourceKind::Invalid;
    const MemberNames names(value);
    const auto has = [&names](std::string_view lowerName) { return names.has(lowerName); };
    // v2 when it says so, or when it has members only v2 documents have.
    const bool v2Members = has("ipconfigurations") || has("ipams") || has("macpool") || has("frontendvips") ||
                           has("hostcomputeendpoints") || has("namespaceid") || has("dns") ||
                           has("portmappings");
    isV1 = !schemaVersionAtLeast2(value) && !v2Members;
    // A CNI configuration (`cniVersion`, `plugins`, `"type": "nat"`) names a network mode, but it is
    // what a plugin is told to create, never an object HNS holds.
    if (isCniConfig(value))
        return ResourceKind::Invalid;
    if (hint != ResourceKind::Invalid)
        return hint;

    const bool elb = hasPolicyOfType(value, "ELB");
    const bool routeList = has("references") && hasPolicyOfType(value, "ROUTE");
    // Get-NetAdapter and friends print MacAddress too: never an HNS object.
    if (nonHnsObjectKind(value))
        return ResourceKind::Invalid;
    const nlohmann::json* idMember = memberIgnoringCase(value, "ID");
    const bool guidId = idMember && Guid::parse(idKeyOf(*idMember), true).has_value();
    if (has("routes") && has("hostcomputeendpoints"))
        return ResourceKind::SdnRoute;
    if (has("setting") && has("hostcomputeendpoints"))
        return ResourceKind::SdnRoute;
    if (routeList && !elb)
        return ResourceKind::SdnRoute;
    // A policy list says IsApplied (Get-HnsPolicyList output), also when its Policies were cut off.
    if (has("frontendvips") || has("portmappings") || elb || (has("references") && !has("subnets")) ||
        has("hostcomputeendpoints") || has("isapplied"))
        return ResourceKind::LoadBalancer;
    if (has("ipconfigurations") || has("virtualnetwork") || has("virtualnetworkname") ||
        has("isremoteendpoint") || has("hostcomputenetwork") || has("hostcomputenamespace"))
        return ResourceKind::Endpoint;
    // An allocator of an object's Resources (`"Tag": "Endpoint Port"`, its own ID, MAC and switch) is a
    // part of one, never an object of its own: what a paste that starts inside the Resources shows.
    if (has("tag") && (has("ispolicy") || has("allocationorder")))
        return ResourceKind::Invalid;
    // An address alone (a table row) makes an endpoint only with an ID HNS gave it.
    if ((has("ipaddress") || (has("macaddress") && !has("subnets"))) && guidId)
        return ResourceKind::Endpoint;
    // A subnet (`AddressPrefix`, `GatewayAddress`, no name) is part of a network, never one: only a
    // table row names its network beside the prefix. Members only a v1 network has tell one whose ID
    // the paste cut off.
    if (has("subnets") || has("ipams") || has("macpools") || has("macpool") || has("managementip") ||
        has("networkadaptername") || (has("addressprefix") && has("name")) || has("currentendpointcount") ||
        has("totalendpoints") || has("maxconcurrentendpoints") || has("layeredon") || has("drmacaddress"))
        return ResourceKind::Network;
    // Get-ContainerNetwork names the type `Mode`, beside members of its own.
    if (isContainerNetwork(value))
        return ResourceKind::Network;
    // A Type naming a network mode alone is no network: an HNS policy (`{"Type": "NAT", "ExternalPort":
    // ...}`) or a create request says it too. An ID or a member HNS reports of a network must go with it.
    const bool hnsObjectClue = has("id") || has("activityid") || has("resources") || has("health") ||
                               has("extensions") || has("state") || has("version");
    if (isNetworkType(hnsType(value)) &&
        (hnsObjectClue || has("dnsserverlist") || has("dnssuffix") || has("sourcemac") || has("flags") ||
         has("isolationid") || hasNetworkPolicies(value)))
        return ResourceKind::Network;
    if (has("resourcelist") || has("isdefault") || has("compartmentid") || has("namespaceid") ||
        has("compartmentguid") || (isNamespaceType(hnsType(value)) && hnsObjectClue))
        return ResourceKind::Namespace;
    return ResourceKind::Invalid;
}

bool isContainerNetwork(const nlohmann::json& object)
{
    if (!object.is_object() || memberIgnoringCase(object, "Type"))
        return false;
    const nlohmann::json* mode = memberIgnoringCase(object, "Mode");
    if (!mode || !mode->is_string() ||
        networkModeFromName(mode->get_ref<const std::string&>()) == NetworkMode::Invalid)
        return false;
    // Mode and one of the object's own members: a network mode alone (a policy, a request) is none.
    return std::any_of(kContainerNetworkMembers.begin(), kContainerNetworkMembers.end(),
                       [&](const char* key) { return memberIgnoringCase(object, key) != nullptr; });
}

bool isHcsComputeSystem(const nlohmann::json& value)
{
    bool isV1 = false;
    if (!value.is_object() || classifyObject(value, ResourceKind::Invalid, isV1) != ResourceKind::Invalid)
        return false;
    const auto any = [&](std::initializer_list<std::string_view> names) {
        return std::any_of(names.begin(), names.end(),
                           [&](std::string_view name) { return memberIgnoringCase(value, name) != nullptr; });
    };
    // Schema v2 (hcsshim's ComputeSystem): what it hosts, beside who asked for it.
    const nlohmann::json* container = memberIgnoringCase(value, "Container");
    const nlohmann::json* machine = memberIgnoringCase(value, "VirtualMachine");
    if (((container && container->is_object()) || (machine && machine->is_object()) ||
         any({"HostedSystem"})) &&
        any({"Owner", "SchemaVersion", "HostingSystemId", "ShouldTerminateOnLastHandleClosed"}))
        return true;
    // Schema v1 (hcsshim's ContainerConfig): the system's type and its storage.
    const std::string type = stringIn(memberIgnoringCase(value, "SystemType"));
    return (equalsIgnoreCase(type, "Container") || equalsIgnoreCase(type, "VirtualMachine")) &&
           any({"LayerFolderPath", "VolumePath", "Layers", "HvPartition", "IgnoreFlushesDuringBoot"});
}

} // namespace hcn::io::detail
