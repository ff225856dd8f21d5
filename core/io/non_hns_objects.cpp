// The known kinds of objects that are no HNS object, and their telltale members (see non_hns_objects.h).

#include "io/non_hns_objects.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <vector>

namespace hcn::io {

namespace {

struct KnownKind
{
    NonHnsObjectKind kind;
    /// Members of its default list view (and of its JSON) that no HNS object has; names the Get-Hns*
    /// cmdlets print as well (Name, MacAddress, IPAddress, NextHop, NatName, ...) are not among them, nor
    /// words other output uses alike (ComputerName, Dhcp, Status, Store, Active).
    std::vector<std::string_view> telltales;
};

const std::array<KnownKind, 11> kKnownKinds{{
    {{"a Hyper-V virtual switch", "Get-VMSwitch"},
     {"SwitchType", "NetAdapterInterfaceDescription", "NetAdapterInterfaceDescriptions",
      "BandwidthReservationMode", "AllowManagementOS", "IovEnabled", "IovSupport", "IovSupportReasons",
      "EmbeddedTeamingEnabled", "PacketDirectEnabled", "DefaultFlowMinimumBandwidthAbsolute",
      "DefaultFlowMinimumBandwidthWeight", "AvailableVMQueues", "NumberVmqAllocated"}},
    {{"a WinNAT instance", "Get-NetNat"},
     {"InternalIPInterfaceAddressPrefix", "ExternalIPInterfaceAddressPrefix", "IcmpQueryTimeout",
      "TcpEstablishedConnectionTimeout", "TcpTransientConnectionTimeout", "TcpFilteringBehavior",
      "UdpFilteringBehavior", "UdpIdleSessionTimeout", "UdpInboundRefresh"}},
    {{"a WinNAT static mapping", "Get-NetNatStaticMapping"},
     {"StaticMappingID", "ExternalIPAddress", "InternalIPAddress", "RemoteExternalIPAddressPrefix",
      "InternalRoutingDomainId"}},
    {{"a network adapter", "Get-NetAdapter"},
     {"InterfaceDescription", "ifDesc", "ifIndex", "ifAlias", "InterfaceIndex", "InterfaceAlias", "LinkSpeed",
      "MediaConnectionState", "PhysicalMediaType", "InterfaceOperationalStatus", "AdminStatus",
      "DriverInformation", "ConnectorPresent", "NdisPhysicalMedium"}},
    {{"a virtual machine's network adapter", "Get-VMNetworkAdapter"},
     {"VMName", "VMId", "SwitchName", "SwitchId", "IsManagementOs", "IsLegacy", "DynamicMacAddressEnabled",
      "MacAddressSpoofing", "AllowTeaming"}},
    {{"an IP address", "Get-NetIPAddress"},
     {"InterfaceIndex", "InterfaceAlias", "AddressFamily", "PrefixOrigin", "SuffixOrigin", "AddressState",
      "ValidLifetime", "PreferredLifetime", "SkipAsSource", "PolicyStore"}},
    {{"an IP interface", "Get-NetIPInterface"},
     {"ifIndex", "InterfaceIndex", "InterfaceAlias", "AddressFamily", "NlMtu", "InterfaceMetric",
      "PolicyStore", "AutomaticMetric", "RouterDiscovery", "NeighborDiscoverySupported", "WeakHostSend",
      "WeakHostReceive", "AdvertiseDefaultRoute"}},
    {{"a route of the host's IP stack", "Get-NetRoute"},
     {"ifIndex", "InterfaceIndex", "InterfaceAlias", "AddressFamily", "RouteMetric", "InterfaceMetric",
      "TypeOfRoute", "AdminDistance", "PolicyStore"}},
    {{"an IP configuration", "Get-NetIPConfiguration"},
     {"InterfaceAlias", "InterfaceIndex", "InterfaceDescription", "IPv4Address", "IPv4DefaultGateway",
      "IPv6DefaultGateway", "IPv6LinkLocalAddress", "DNSServer"}},
    {{"a network compartment", "Get-NetCompartment"}, {"CompartmentDescription"}},
    {{"a connection test", "Test-NetConnection"},
     {"RemoteAddress", "RemotePort", "InterfaceAlias", "SourceAddress", "PingSucceeded", "PingReplyDetails",
      "TcpTestSucceeded", "NameResolutionSucceeded"}},
}};

} // namespace

const NonHnsObjectKind* nonHnsObjectKind(const std::vector<std::string_view>& names)
{
    const NonHnsObjectKind* best = nullptr;
    std::size_t bestCount = 0;
    for (const KnownKind& known : kKnownKinds) {
        const auto count = std::size_t(std::count_if(names.begin(), names.end(), [&](std::string_view name) {
            name = name.substr(0, name.find_first_of(" (")); // without a unit: `LinkSpeed(Gbps)`
            return std::any_of(known.telltales.begin(), known.telltales.end(),
                               [name](std::string_view telltale) { return telltale == name; });
        }));
        if (count > bestCount) {
            best = &known.kind;
            bestCount = count;
        }
    }
    return best;
}

const NonHnsObjectKind* nonHnsObjectKind(const nlohmann::json& object)
{
    if (!object.is_object())
        return nullptr;
    std::vector<std::string_view> names;
    names.reserve(object.size());
    for (const auto& item : object.items())
        names.emplace_back(item.key());
    return nonHnsObjectKind(names);
}

} // namespace hcn::io
