// Networks as Windows Server 2016's Containers PowerShell module shows them (Get-ContainerNetwork,
// New-ContainerNetwork): a ContainerNetwork object over HNS's network, with its own names for some
// members. Its list view (`Get-ContainerNetwork | fl`) shows Name, SubnetPrefix, Gateways, Id, Mode,
// NetworkAdapterName, SourceMac, DNSServers, DNSSuffix and IsDeleted; its table shows Name, Id, Subnets,
// Mode, SourceMac, DNSServers and DNSSuffix. Mode holds the network's type (NAT, Transparent, L2Bridge,
// L2Tunnel), the lists are PowerShell's `{a, b}`.

#include "common/capped_list.h"
#include "common/json_member.h"
#include "common/text.h"
#include "hcn/network_mode.h"
#include "io/import_objects.h"

#include <algorithm>

namespace hcn::io::detail {

namespace {

/// A list member as the list view or a table cell read it: the strings of `{a, b}` (a list), a single
/// value (one item PowerShell printed bare), none for `{}` or an empty cell.
std::vector<std::string> listItems(const json& value)
{
    std::vector<std::string> items;
    const auto take = [&](const json& item) {
        if (item.is_string() && !trimBlanks(item.get_ref<const std::string&>()).empty())
            items.emplace_back(trimBlanks(item.get_ref<const std::string&>()));
    };
    if (value.is_array())
        std::for_each(value.begin(), value.end(), take);
    else
        take(value);
    return items;
}

/// Takes the member `key` (any case) out of `doc`; null when it is not there.
json takeMember(json& doc, std::string_view key)
{
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        if (equalsIgnoreCase(it.key(), key)) {
            json value = std::move(it.value());
            doc.erase(it);
            return value;
        }
    }
    return nullptr;
}

/// The document's "_v1", made an object when it is not one.
json& v1Members(json& doc)
{
    json& v1 = doc["_v1"];
    if (!v1.is_object())
        v1 = json::object();
    return v1;
}

} // namespace

bool containerNetworkAsV1(Sighting& s)
{
    json& doc = s.document;
    if (!isContainerNetwork(doc))
        return false;
    const json mode = takeMember(doc, "Mode");
    doc["Type"] = std::string(networkModeName(networkModeFromName(mode.get_ref<const std::string&>())));
    std::vector<std::string> read{"Mode as its Type"};

    // The table's Subnets and the list view's SubnetPrefix: the address prefixes of its subnets.
    std::vector<std::string> prefixes;
    for (const char* key : {"Subnets", "SubnetPrefix"}) {
        const json* given = memberIgnoringCase(doc, key);
        if (!given || (given->is_array() && std::any_of(given->begin(), given->end(),
                                                        [](const json& item) { return item.is_object(); })))
            continue; // subnets as objects: HNS's own shape
        const bool emptyList = given->is_array() && given->empty();
        std::vector<std::string> items = listItems(takeMember(doc, key));
        // `{}`: the module shows no subnets (a Transparent network whose containers take their addresses
        // from DHCP shows so too, but the listing does not say how they get them).
        if (!items.empty())
            read.push_back(std::string(key) + " as its subnets' prefixes");
        else if (emptyList)
            read.push_back(std::string(key) + " {} as no subnets");
        prefixes.insert(prefixes.end(), items.begin(), items.end());
    }
    json gateways = takeMember(doc, "Gateways");
    const std::vector<std::string> gatewayItems = listItems(gateways);
    if (!prefixes.empty() || memberIgnoringCase(doc, "Subnets") == nullptr) {
        json subnets = json::array();
        for (const std::string& prefix : prefixes)
            subnets.push_back(json{{"AddressPrefix", prefix}});
        // One subnet and one gateway go together; several of each are not paired by the listing.
        if (subnets.size() == 1 && gatewayItems.size() == 1) {
            subnets[0]["GatewayAddress"] = gatewayItems.front();
            read.push_back("Gateways as its subnet's gateway");
            gateways = nullptr;
        }
        if (!subnets.empty())
            doc["Subnets"] = std::move(subnets);
    }
    if (!gatewayItems.empty() && !gateways.is_null()) {
        s.lost.push_back("Gateways: " + joinedList(gatewayItems, ", ") + " for " +
                         std::to_string(prefixes.size()) +
                         " subnets; which subnet each serves is not shown; kept under \"_v1\" as given");
        v1Members(doc)["Gateways"] = std::move(gateways);
        s.ownV1Members.push_back("Gateways");
    }
    if (json servers = takeMember(doc, "DNSServers"); !servers.is_null()) {
        // v1's DNSServerList is one comma-separated string.
        if (const std::vector<std::string> items = listItems(servers); !items.empty()) {
            doc["DNSServerList"] = joinedList(items, ",");
            read.push_back("DNSServers as its DNSServerList");
        }
    }
    // The module's own state of its object: kept as shown.
    if (json deleted = takeMember(doc, "IsDeleted"); !deleted.is_null()) {
        v1Members(doc)["IsDeleted"] = std::move(deleted);
        s.ownV1Members.push_back("IsDeleted");
    }
    s.notes.push_back(
        "a ContainerNetwork (Get-ContainerNetwork, Windows Server 2016's Containers module): read " +
        joinedList(read, ", "));
    return true;
}

} // namespace hcn::io::detail
