#pragma once
// The property names of the v1 objects the Get-Hns* cmdlets print (and hnsdiag shows): what tells an
// HNS object printed as text (a list view block, a CSV header) from other output of the same shape.

#include "common/text.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace hcn::io {

inline constexpr std::array<std::string_view, 76> kHnsPropertyNames = {
    "ActivityId",
    "AdditionalParams",
    "AutomaticDNS",
    "CompartmentGuid",
    "CompartmentId",
    "ComputedPolicies",
    "Containers",
    "CreateProcessingStartTime",
    "CurrentEndpointCount",
    "DisableICC",
    "DNSDomain",
    "DNSServerCompartment",
    "DNSServerList",
    "DNSSuffix",
    "DrMacAddress",
    "EnableInternalDNS",
    "EnableLowMetric",
    "EncapOverhead",
    "Extensions",
    "ExternalInterfaceAddress",
    "ExternalInterfaceConstraint",
    "Flags",
    "GatewayAddress",
    "GatewayAddressV6",
    "GatewayMac",
    "Health",
    "HostComputeNetwork",
    "ID",
    "InterfaceConstraint",
    "IPAddress",
    "IPSubnetId",
    "IPv6",
    "IPv6Address",
    "IPv6PrefixLength",
    "IsApplied",
    "IsDefault",
    "IsolateSwitch",
    "IsRemoteEndpoint",
    "LayeredOn",
    "MacAddress",
    "MacPools",
    "ManagementIP",
    "MaxConcurrentEndpoints",
    "Name",
    "Namespace",
    "NatName",
    "NetworkAdapterName",
    "Policies",
    "PortFriendlyName",
    "PrefixLength",
    "References",
    "ResourceList",
    "Resources",
    "SchemaVersion",
    "SharedContainers",
    "SourceMac",
    "StartTime",
    "State",
    "Subnets",
    "SwitchGuid",
    "SwitchName", // a v1 network's switch, beside SwitchGuid (dockerd's network responses)
    "TotalEndpoints",
    "Type",
    "Version",
    "VirtualNetwork",
    "VirtualNetworkName",
    "IsolationId",
    "ProviderAddress",
    "DestinationPrefix",
    "NextHop",
    "NeedEncap",
    "SourceVIP",
    "VIPs",
    "ExternalPort",
    "InternalPort",
    "Protocol",
};

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
