#pragma once
// The property names of the v1 objects the Get-Hns* cmdlets print (and hnsdiag shows): what tells an
// HNS object printed as text (a list view block, a CSV header) from other output of the same shape; and
// the properties each kind's cmdlet prints, which tell the kind of a table's rows under a listing.

#include "common/text.h"
#include "hcn/resource_kind.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <iterator>
#include <string_view>

namespace hcn::io {

/// What the table below says of a property: the kinds of object whose Get-Hns* cmdlet prints it (v1, with
/// the v2 names of the same members and hns.psm1's additions: a table whose every column is one of a
/// kind's, under a listing of that kind, shows objects of it), and whether it is one of the names the v1
/// objects print (kHnsPropertyNames).
enum HnsPropertyFact : unsigned
{
    kOfNetwork = 1u << 0,
    kOfEndpoint = 1u << 1,
    kOfNamespace = 1u << 2,
    kOfLoadBalancer = 1u << 3,
    kOfEvery = kOfNetwork | kOfEndpoint | kOfNamespace | kOfLoadBalancer,
    kV1Name = 1u << 4,
};

struct HnsProperty
{
    std::string_view name;
    unsigned facts; ///< HnsPropertyFact bits
};

/// Each property once, spelled as HNS spells it.
inline constexpr HnsProperty kHnsProperties[] = {
    {"ActivityId", kV1Name | kOfEvery},
    {"AdditionalParams", kV1Name | kOfNetwork | kOfEndpoint},
    {"AutomaticDNS", kV1Name | kOfNetwork},
    {"CompartmentGuid", kV1Name | kOfNamespace},
    {"CompartmentId", kV1Name | kOfNamespace},
    {"ComputedPolicies", kV1Name},
    {"Containers", kV1Name | kOfNamespace},
    {"CreateProcessingStartTime", kV1Name | kOfNetwork | kOfEndpoint},
    {"CurrentEndpointCount", kV1Name | kOfNetwork},
    {"DisableICC", kV1Name | kOfEndpoint},
    {"DNSDomain", kV1Name | kOfNetwork | kOfEndpoint},
    {"DNSServerCompartment", kV1Name | kOfNetwork},
    {"DNSServerList", kV1Name | kOfNetwork | kOfEndpoint},
    {"DNSSuffix", kV1Name | kOfNetwork | kOfEndpoint},
    {"DrMacAddress", kV1Name | kOfNetwork},
    {"EnableInternalDNS", kV1Name | kOfEndpoint},
    {"EnableLowMetric", kV1Name | kOfEndpoint},
    {"EncapOverhead", kV1Name | kOfEndpoint},
    {"Extensions", kV1Name | kOfNetwork},
    {"ExternalInterfaceAddress", kV1Name},
    {"ExternalInterfaceConstraint", kV1Name | kOfNetwork},
    {"Flags", kV1Name | kOfNetwork | kOfEndpoint | kOfLoadBalancer},
    {"GatewayAddress", kV1Name | kOfEndpoint},
    {"GatewayAddressV6", kV1Name | kOfEndpoint},
    {"GatewayMac", kV1Name},
    {"Health", kV1Name | kOfEvery},
    {"HostComputeNetwork", kV1Name | kOfEndpoint},
    {"ID", kV1Name | kOfEvery},
    {"InterfaceConstraint", kV1Name | kOfNetwork},
    {"IPAddress", kV1Name | kOfEndpoint},
    {"IPSubnetId", kV1Name | kOfEndpoint},
    {"IPv6", kV1Name | kOfNetwork},
    {"IPv6Address", kV1Name | kOfEndpoint},
    {"IPv6PrefixLength", kV1Name | kOfEndpoint},
    {"IsApplied", kV1Name | kOfLoadBalancer},
    {"IsDefault", kV1Name | kOfNamespace},
    {"IsolateSwitch", kV1Name | kOfNetwork},
    {"IsRemoteEndpoint", kV1Name | kOfEndpoint},
    {"LayeredOn", kV1Name | kOfNetwork},
    {"MacAddress", kV1Name | kOfEndpoint},
    {"MacPools", kV1Name | kOfNetwork},
    {"ManagementIP", kV1Name | kOfNetwork},
    {"MaxConcurrentEndpoints", kV1Name | kOfNetwork},
    {"Name", kV1Name | kOfNetwork | kOfEndpoint | kOfNamespace},
    {"Namespace", kV1Name | kOfEndpoint},
    {"NatName", kV1Name | kOfNetwork},
    {"NetworkAdapterName", kV1Name | kOfNetwork},
    {"Policies", kV1Name | kOfNetwork | kOfEndpoint | kOfLoadBalancer},
    {"PortFriendlyName", kV1Name | kOfEndpoint},
    {"PrefixLength", kV1Name | kOfEndpoint},
    {"References", kV1Name | kOfLoadBalancer},
    {"ResourceList", kV1Name | kOfNamespace},
    {"Resources", kV1Name | kOfEvery},
    {"SchemaVersion", kV1Name | kOfEvery},
    {"SharedContainers", kV1Name | kOfEndpoint},
    {"SourceMac", kV1Name | kOfNetwork},
    {"StartTime", kV1Name | kOfNetwork | kOfEndpoint},
    {"State", kV1Name | kOfEvery},
    {"Subnets", kV1Name | kOfNetwork},
    {"SwitchGuid", kV1Name | kOfNetwork},
    {"SwitchName",
     kV1Name | kOfNetwork}, // a v1 network's switch, beside SwitchGuid (dockerd's network responses)
    {"TotalEndpoints", kV1Name | kOfNetwork},
    {"Type", kV1Name | kOfNetwork | kOfEndpoint | kOfNamespace},
    {"Version", kV1Name | kOfEvery},
    {"VirtualNetwork", kV1Name | kOfEndpoint},
    {"VirtualNetworkName", kV1Name | kOfEndpoint},
    {"IsolationId", kV1Name},
    {"ProviderAddress", kV1Name},
    {"DestinationPrefix", kV1Name},
    {"NextHop", kV1Name},
    {"NeedEncap", kV1Name},
    {"SourceVIP", kV1Name | kOfLoadBalancer},
    {"VIPs", kV1Name | kOfLoadBalancer},
    {"ExternalPort", kV1Name | kOfLoadBalancer},
    {"InternalPort", kV1Name | kOfLoadBalancer},
    {"Protocol", kV1Name | kOfLoadBalancer},
    {"Ipams", kOfNetwork},
    {"MacPool", kOfNetwork},
    {"Dns", kOfNetwork | kOfEndpoint},
    {"IpConfigurations", kOfEndpoint},
    {"Routes", kOfEndpoint},
    {"HostComputeNamespace", kOfEndpoint},
    {"NamespaceId", kOfNamespace},
    {"FrontendVIPs", kOfLoadBalancer},
    {"HostComputeEndpoints", kOfLoadBalancer},
    {"PortMappings", kOfLoadBalancer},
};

inline constexpr std::size_t kHnsV1NameCount =
    std::size_t(std::count_if(std::begin(kHnsProperties), std::end(kHnsProperties),
                              [](const HnsProperty& p) { return (p.facts & kV1Name) != 0; }));

/// The names the v1 objects print, in the order of kHnsProperties.
inline constexpr std::array<std::string_view, kHnsV1NameCount> kHnsPropertyNames = [] {
    std::array<std::string_view, kHnsV1NameCount> names{};
    std::size_t n = 0;
    for (const HnsProperty& p : kHnsProperties)
        if ((p.facts & kV1Name) != 0)
            names[n++] = p.name;
    return names;
}();

/// The fact of kHnsProperties for objects of `kind`; 0 for a kind no Get-Hns* cmdlet lists.
constexpr unsigned hnsPropertyKindFact(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::Network:
        return kOfNetwork;
    case ResourceKind::Endpoint:
        return kOfEndpoint;
    case ResourceKind::Namespace:
        return kOfNamespace;
    case ResourceKind::LoadBalancer:
        return kOfLoadBalancer;
    default:
        return 0;
    }
}

/// `label` as the Get-Hns* cmdlet of `kind` spells the property, in any letter case; empty when objects of
/// that kind have no such property.
inline std::string_view hnsKindProperty(ResourceKind kind, std::string_view label)
{
    const unsigned fact = hnsPropertyKindFact(kind);
    if (fact == 0)
        return {};
    for (const HnsProperty& p : kHnsProperties)
        if ((p.facts & fact) != 0 && equalsIgnoreCase(p.name, label))
            return p.name;
    return {};
}

/// `name` is one of kHnsPropertyNames, in any letter case.
inline bool isHnsProperty(std::string_view name)
{
    return std::any_of(kHnsPropertyNames.begin(), kHnsPropertyNames.end(),
                       [name](std::string_view known) { return equalsIgnoreCase(known, name); });
}

/// HNS property names any struct or log record holds as well: not evidence of an HNS object on their own.
inline bool isGenericPropertyName(std::string_view name)
{
    static constexpr std::string_view kNames[] = {"ID",    "Name",    "Type",     "Flags",
                                                  "State", "Version", "StartTime"};
    return std::any_of(std::begin(kNames), std::end(kNames),
                       [name](std::string_view known) { return equalsIgnoreCase(known, name); });
}

/// The generic names and those other cmdlets' list views print as well (a VM's, a container's, a ticket's
/// fields, a pod's description): a list view block showing only these shows nothing of HNS's.
inline bool isListViewGenericName(std::string_view name)
{
    static constexpr std::string_view kNames[] = {"Namespace",  "Health",    "Policies",  "Extensions",
                                                  "Containers", "Resources", "References"};
    return isGenericPropertyName(name) ||
           std::any_of(std::begin(kNames), std::end(kNames),
                       [name](std::string_view known) { return equalsIgnoreCase(known, name); });
}

} // namespace hcn::io
