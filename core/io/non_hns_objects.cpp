// The known kinds of objects that are no HNS object, and their telltale members (see non_hns_objects.h).

#include "io/non_hns_objects.h"

#include "common/text.h"
#include "io/hns_property_names.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

namespace hcn::io {

namespace {

constexpr std::string_view kSwitchExtension = "a Hyper-V switch extension";
constexpr std::string_view kDockerCreateRequest = "a request to Docker to create a network";

struct KnownKind
{
    NonHnsObjectKind kind;
    /// Members of its default list view (and of its JSON) that no HNS object has; names the Get-Hns*
    /// cmdlets print as well (kHnsPropertyNames: Name, MacAddress, IPAddress, NextHop, NatName,
    /// SwitchName, ...) are not among them, nor words other output uses alike (ComputerName, Dhcp,
    /// Status, Store, Active).
    std::vector<std::string_view> telltales;
    /// Members HNS objects have too that the kind's own output shows beside its telltales (a route's
    /// DestinationPrefix and NextHop): they count for it only where one of its telltales is there, so
    /// a row cut after them tells a route from the adapter whose ifIndex it names.
    std::vector<std::string_view> companions{};
    /// Whether it is the kind where others have as many telltales: the one of them that shows fewest
    /// members (azure-vnet's record of a network holds HnsId alone in the state file).
    bool winsTies = false;
};

const std::array<KnownKind, 17> kKnownKinds{{
    {{"a Hyper-V virtual switch", "Get-VMSwitch", false, "", "", "Id", "Name", true},
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
      "DriverInformation", "ConnectorPresent", "NdisPhysicalMedium"},
     {"MacAddress"}},
    // Its SwitchId tells nothing: an HNS endpoint's port allocator (Resources) has one too.
    {{"a virtual machine's network adapter", "Get-VMNetworkAdapter", false, "", "", "SwitchId", "SwitchName"},
     {"VMName", "VMId", "IsManagementOs", "IsLegacy", "DynamicMacAddressEnabled", "MacAddressSpoofing",
      "AllowTeaming"}},
    {{kSwitchExtension, "Get-VMSwitchExtension"},
     {"Vendor", "ExtensionType", "ParentExtensionId", "ParentExtensionName", "Running"}},
    {{"an IP address", "Get-NetIPAddress"},
     {"InterfaceIndex", "InterfaceAlias", "AddressFamily", "PrefixOrigin", "SuffixOrigin", "AddressState",
      "ValidLifetime", "PreferredLifetime", "SkipAsSource", "PolicyStore"},
     {"IPAddress", "PrefixLength"}},
    {{"an IP interface", "Get-NetIPInterface"},
     {"ifIndex", "InterfaceIndex", "InterfaceAlias", "AddressFamily", "NlMtu", "InterfaceMetric",
      "PolicyStore", "AutomaticMetric", "RouterDiscovery", "NeighborDiscoverySupported", "WeakHostSend",
      "WeakHostReceive", "AdvertiseDefaultRoute"}},
    {{"a route of the host's IP stack", "Get-NetRoute"},
     {"ifIndex", "InterfaceIndex", "InterfaceAlias", "AddressFamily", "RouteMetric", "InterfaceMetric",
      "ifMetric", "TypeOfRoute", "AdminDistance", "PolicyStore"},
     {"DestinationPrefix", "NextHop"}},
    {{"an IP configuration", "Get-NetIPConfiguration"},
     {"InterfaceAlias", "InterfaceIndex", "InterfaceDescription", "IPv4Address", "IPv4DefaultGateway",
      "IPv6DefaultGateway", "IPv6LinkLocalAddress", "DNSServer"}},
    {{"a network compartment", "Get-NetCompartment"}, {"CompartmentDescription"}},
    {{"a connection test", "Test-NetConnection"},
     {"RemoteAddress", "RemotePort", "InterfaceAlias", "SourceAddress", "PingSucceeded", "PingReplyDetails",
      "TcpTestSucceeded", "NameResolutionSucceeded"}},
    // `docker network inspect`: Docker's network over an HNS network (on Windows its Options name it).
    {{"a Docker network", "docker network inspect", false, "", "", "", "", false,
      "com.docker.network.windowsshim.hnsid"},
     {"IPAM", "EnableIPv6", "ConfigFrom", "ConfigOnly", "Attachable", "Ingress"},
     {},
     true},
    // Docker API's request to create a network, as dockerd's debug log prints its form data: what was
    // asked, no network Docker or HNS holds. Its CheckDuplicate tells it from an inspected network, which
    // wins when the members tell them alike.
    {{kDockerCreateRequest, "POST /networks/create"},
     {"CheckDuplicate", "IPAM", "EnableIPv6", "ConfigFrom", "ConfigOnly", "Attachable", "Ingress"}},
    // `docker inspect`: a container's NetworkSettings, or one network's entry of its Networks.
    {{"a container's network settings", "docker inspect"},
     {"SandboxID", "HairpinMode", "LinkLocalIPv6Address", "LinkLocalIPv6PrefixLen", "SecondaryIPAddresses",
      "SecondaryIPv6Addresses", "GlobalIPv6Address", "GlobalIPv6PrefixLen", "IPv6Gateway", "IPPrefixLen",
      "IPAMConfig", "NetworkID", "DriverOpts"}},
    // Azure CNI's own records (its Go structs in azure-vnet's log, its state file): the HNS object is the
    // one its HnsId names, `extIf` a pointer to its external interface. A network's record wins ties,
    // as it holds HnsId alone in the state file.
    {{"azure-vnet's record of a network", "", true, "HnsId", "azure-vnet's record of network"},
     {"HnsId", "extIf"},
     {},
     true},
    {{"azure-vnet's record of an endpoint", "", true, "HnsId", "azure-vnet's record of endpoint"},
     {"HnsId", "SandboxKey", "NetNsPath", "HostIfName", "InfraVnetIP"}},
}};

/// What an object whose telltales tell several kinds alike is (a Get-NetRoute row cut after its
/// ifIndex, which Get-NetAdapter and Get-NetIPInterface print too): no kind is named for it.
const NonHnsObjectKind kUntoldKind{"an object of a network cmdlet whose members do not tell which",
                                   "",
                                   false,
                                   "",
                                   "",
                                   "",
                                   "",
                                   false,
                                   "",
                                   true};

/// Each telltale (and companion) once, sorted, with the kinds it tells (bit k: kKnownKinds[k]) and
/// those it goes with (`companionOf`): an object's names are looked up, not compared with every kind's
/// list (imports read tens of thousands of objects).
struct Telltale
{
    std::string_view name;
    std::uint32_t kinds = 0;
    std::uint32_t companionOf = 0;
    bool operator<(const Telltale& other) const { return name < other.name; }
};

const std::vector<Telltale>& telltaleIndex()
{
    static_assert(kKnownKinds.size() <= 32);
    static const std::vector<Telltale> index = [] {
        std::vector<Telltale> all;
        for (std::size_t k = 0; k < kKnownKinds.size(); ++k)
            for (const std::string_view name : kKnownKinds[k].telltales) {
                assert(!isHnsProperty(name)); // an HNS object's member never tells another kind
                all.push_back({name, std::uint32_t(1) << k});
            }
        for (std::size_t k = 0; k < kKnownKinds.size(); ++k)
            for (const std::string_view name : kKnownKinds[k].companions)
                all.push_back({name, 0, std::uint32_t(1) << k});
        std::sort(all.begin(), all.end());
        std::vector<Telltale> merged;
        for (const Telltale& t : all) {
            if (!merged.empty() && merged.back().name == t.name) {
                merged.back().kinds |= t.kinds;
                merged.back().companionOf |= t.companionOf;
            } else
                merged.push_back(t);
        }
        return merged;
    }();
    return index;
}

/// A string member of `object` (any case), blanks trimmed; empty when it has none.
std::string stringMember(const nlohmann::json& object, std::string_view key)
{
    if (!object.is_object())
        return {};
    for (const auto& [name, value] : object.items())
        if (equalsIgnoreCase(name, key) && value.is_string())
            return std::string(trimBlanks(value.get_ref<const std::string&>()));
    return {};
}

/// "a Hyper-V switch extension (Get-VMSwitchExtension), not an HNS object; not imported: 'Cloudbase Open
/// vSwitch Extension' (Forwarding) on switch nat, not enabled": a forwarding extension that is off is why
/// a switch forwards nothing.
std::string switchExtensionText(const NonHnsObjectKind& kind, const nlohmann::json& object)
{
    std::string text =
        std::string(kind.what) + " (" + std::string(kind.command) + ")" + std::string(kNotHnsNotImported);
    std::string shown;
    if (const std::string name = stringMember(object, "Name"); !name.empty())
        shown = "'" + name + "'";
    if (const std::string type = stringMember(object, "ExtensionType"); !type.empty())
        shown += (shown.empty() ? "" : " ") + ("(" + type + ")");
    if (const std::string switchName = stringMember(object, "SwitchName"); !switchName.empty())
        shown += (shown.empty() ? "on switch " : " on switch ") + switchName;
    std::string enabled = lowerCopy(stringMember(object, "Enabled"));
    for (const auto& [name, value] : object.items())
        if (equalsIgnoreCase(name, "Enabled") && value.is_boolean())
            enabled = value.get<bool>() ? "true" : "false";
    if (enabled == "true" || enabled == "false")
        shown += (shown.empty() ? "" : ", ") + std::string(enabled == "true" ? "enabled" : "not enabled");
    return shown.empty() ? text : text + ": " + shown;
}

std::string dockerNetworkText(const NonHnsObjectKind& kind, const nlohmann::json& object)
{
    std::string text =
        std::string(kind.what) + " (" + std::string(kind.command) + ")" + std::string(kNotHnsNotImported);
    const std::string name = stringMember(object, "Name");
    const std::string driver = stringMember(object, "Driver");
    std::string shown = name.empty() ? std::string() : "'" + name + "'";
    std::string details = driver.empty() ? std::string() : "driver " + driver;
    // Its subnets, as Docker's IPAM configuration gives them.
    for (const auto& [key, ipam] : object.items())
        if (equalsIgnoreCase(key, "IPAM") && ipam.is_object())
            for (const auto& [member, config] : ipam.items())
                if (equalsIgnoreCase(member, "Config") && config.is_array())
                    for (const nlohmann::json& pool : config)
                        if (const std::string subnet = stringMember(pool, "Subnet"); !subnet.empty())
                            details += (details.empty() ? "subnet " : ", subnet ") + subnet;
    if (!details.empty())
        shown += shown.empty() ? details : " (" + details + ")";
    if (!shown.empty())
        text += ": " + shown;
    if (const std::string id = hnsNetworkIdOf(kind, object); !id.empty())
        text += "; its HNS network is " + id;
    return text;
}

} // namespace

const NonHnsObjectKind* nonHnsObjectKind(const std::vector<std::string_view>& names)
{
    const std::vector<Telltale>& index = telltaleIndex();
    std::array<std::size_t, kKnownKinds.size()> counts{};
    std::array<std::size_t, kKnownKinds.size()> companions{};
    bool any = false;
    for (std::string_view name : names) {
        name = name.substr(0, name.find_first_of(" (")); // without a unit: `LinkSpeed(Gbps)`
        const auto found = std::lower_bound(index.begin(), index.end(), Telltale{name});
        if (found == index.end() || found->name != name)
            continue;
        any = any || found->kinds != 0;
        for (std::size_t k = 0; k < kKnownKinds.size(); ++k) {
            counts[k] += (found->kinds >> k) & 1u;
            companions[k] += (found->companionOf >> k) & 1u;
        }
    }
    if (!any)
        return nullptr;
    for (std::size_t k = 0; k < kKnownKinds.size(); ++k)
        if (counts[k] > 0)
            counts[k] += companions[k];
    // The kind with the most; where several have as many, the object does not tell which it is, unless
    // the first of them wins ties.
    const auto best = std::max_element(counts.begin(), counts.end());
    const KnownKind& first = kKnownKinds[std::size_t(best - counts.begin())];
    if (std::count(counts.begin(), counts.end(), *best) > 1 && !first.winsTies)
        return &kUntoldKind;
    return &first.kind;
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

std::string hnsNetworkIdOf(const NonHnsObjectKind& kind, const nlohmann::json& object)
{
    if (kind.hnsIdOption.empty() || !object.is_object())
        return {};
    for (const auto& [key, value] : object.items())
        if (equalsIgnoreCase(key, "Options") && value.is_object())
            return stringMember(value, kind.hnsIdOption);
    return {};
}

std::string nonHnsObjectText(const NonHnsObjectKind& kind, const nlohmann::json& object,
                             std::string_view context)
{
    if (!kind.hnsIdOption.empty() || kind.what == kDockerCreateRequest)
        return dockerNetworkText(kind, object);
    if (kind.what == kSwitchExtension)
        return switchExtensionText(kind, object);
    std::string text(kind.what);
    const auto id = kind.hnsIdMember.empty() || !object.is_object()
                        ? object.end()
                        : object.find(std::string(kind.hnsIdMember));
    if (id != object.end() && id->is_string() && !id->get_ref<const std::string&>().empty()) {
        text = std::string(kind.recordOf) + " " + id->get<std::string>();
        // `[net] Deleted network &{...}`: the record of what the plugin has just deleted.
        const std::string lower = lowerCopy(context);
        if (lower.find("deleted") != std::string::npos || lower.find("deleting") != std::string::npos)
            text += " (deleted)";
    }
    if (!kind.command.empty())
        text += " (" + std::string(kind.command) + ")";
    return text + std::string(kNotHnsNotImported);
}

std::optional<NamedSwitch> namedSwitch(const NonHnsObjectKind& kind, const nlohmann::json& object)
{
    if (kind.switchIdMember.empty() || !object.is_object())
        return std::nullopt;
    // A list view shows an unset member empty.
    NamedSwitch named{
        stringMember(object, kind.switchIdMember), stringMember(object, kind.switchNameMember), {}};
    if (!kind.isSwitch) {
        named.adapter = stringMember(object, "VMName");
        if (named.adapter.empty())
            named.adapter = stringMember(object, "Name");
    }
    if (named.id.empty() && named.name.empty())
        return std::nullopt;
    return named;
}

namespace {

/// Whether every member of `object` is named in camel case: a lower-case letter first.
bool camelCaseMembers(const nlohmann::json& object)
{
    return std::all_of(object.items().begin(), object.items().end(), [](const auto& item) {
        const std::string& key = item.key();
        return !key.empty() && key.front() >= 'a' && key.front() <= 'z';
    });
}

bool isNetworkControllerResource(const nlohmann::json& value, bool inList)
{
    if (value.is_array())
        return !inList && !value.empty() &&
               std::all_of(value.begin(), value.end(),
                           [](const nlohmann::json& e) { return isNetworkControllerResource(e, true); });
    if (!value.is_object() || value.empty() || !camelCaseMembers(value))
        return false;
    if (value.contains("resourceRef") || value.contains("instanceId") || value.contains("etag") ||
        (value.contains("resourceId") && value.contains("properties")))
        return true;
    // The API's answer listing resources: `{"value": [ ... ], "nextLink": ""}`.
    const auto list = value.find("value");
    return !inList && list != value.end() && list->is_array() && isNetworkControllerResource(*list, false);
}

} // namespace

bool isNetworkControllerResource(const nlohmann::json& value)
{
    return isNetworkControllerResource(value, false);
}

} // namespace hcn::io
