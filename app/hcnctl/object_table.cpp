#include "object_table.h"

#include "hcn/namespace_member_count.h"
#include "hcn/network_endpoint_count.h"
#include "hcn/object_state.h"
#include "hcn/schema_catalog.h"
#include "kind_names.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace hcn::ctl {

namespace {

using json = nlohmann::ordered_json;

std::string text(const json& object, const char* key, const char* fallback = "")
{
    if (!object.is_object())
        return fallback;
    auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return fallback;
    if (it->is_string())
        return it->get<std::string>().empty() ? fallback : it->get<std::string>();
    return it->dump();
}

std::string join(const std::vector<std::string>& parts)
{
    std::string out;
    for (const std::string& part : parts)
        out += (out.empty() ? "" : ", ") + part;
    return out.empty() ? "-" : out;
}

const json& arrayAt(const json& object, const char* key)
{
    static const json empty = json::array();
    if (!object.is_object())
        return empty;
    auto it = object.find(key);
    return it != object.end() && it->is_array() ? *it : empty;
}

std::string protocolName(const json& protocol)
{
    if (protocol.is_number_integer()) {
        switch (protocol.get<int>()) {
        case 6:
            return "TCP";
        case 17:
            return "UDP";
        case 0:
        case 256:
            return "any";
        default:
            return std::to_string(protocol.get<int>());
        }
    }
    return protocol.is_string() ? protocol.get<std::string>() : protocol.dump();
}

/// A port mapping's Protocol cell. HNS reads a port mapping without a Protocol as any protocol (0); an
/// imported dump that showed it without its value says `"Protocol": null` (docs/import.md): unknown,
/// never any.
std::string protocolCell(const json& mapping)
{
    if (!mapping.is_object())
        return "any";
    const auto protocol = mapping.find("Protocol");
    if (protocol == mapping.end())
        return "any";
    return protocol->is_null() ? std::string("unknown") : protocolName(*protocol);
}

/// The IDs an import made up (docs/import.md: the dump does not show them), from the snapshot's
/// import report when it has one; upper case.
class MadeUpIds
{
public:
    explicit MadeUpIds(const json& snapshot)
    {
        if (!snapshot.is_object() || !snapshot.contains("Import"))
            return;
        for (const json& object : arrayAt(snapshot.at("Import"), "Objects"))
            if (auto flag = object.find("IdMadeUp");
                flag != object.end() && flag->is_boolean() && flag->get<bool>())
                m_ids.insert(upper(text(object, "ID")));
    }

    /// The ID column's cell: the ID, marked when the import made it up.
    std::string cell(const json& document)
    {
        std::string id = text(document, "ID");
        if (m_ids.empty() || !m_ids.contains(upper(id)))
            return id;
        m_used = true;
        return id + " " + kMark;
    }

    /// Marks `table`'s footnote when a row was marked.
    void explain(TablePrinter& table) const
    {
        if (m_used)
            table.setFootnote(std::string(kMark) +
                              " made up by the import: the dump does not show this object's ID (the import "
                              "report says why)");
    }

private:
    static constexpr const char* kMark = "(*)";
    static std::string upper(std::string text)
    {
        for (char& c : text)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return text;
    }
    std::set<std::string> m_ids;
    bool m_used = false;
};

/// How a GUID reference is compared: upper case, without braces (a snapshot saved from another tool
/// may spell a network's ID otherwise than the objects that name it).
std::string idKey(std::string id)
{
    if (id.size() > 2 && id.front() == '{' && id.back() == '}')
        id = id.substr(1, id.size() - 2);
    for (char& c : id)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return id;
}

/// Network names by ID (idKey), for the endpoint and route tables.
std::map<std::string, std::string> networkNames(const json& snapshot)
{
    std::map<std::string, std::string> names;
    for (const json& network : arrayAt(snapshot, "Networks"))
        names[idKey(text(network, "ID"))] = text(network, "Name");
    return names;
}

/// The Network cell: the name of the network `object` names when the snapshot holds it, else the name
/// a v1 dump gave with the reference (`VirtualNetworkName`, kept under "_v1"), else the ID; `show`
/// gives the ID.
std::string networkLabel(const std::map<std::string, std::string>& names, const json& object)
{
    const std::string id = text(object, "HostComputeNetwork");
    if (auto it = names.find(idKey(id)); !id.empty() && it != names.end() && !it->second.empty())
        return it->second;
    if (auto v1 = object.find("_v1"); v1 != object.end()) {
        if (std::string name = text(*v1, "VirtualNetworkName"); !name.empty())
            return name;
    }
    return id.empty() ? "-" : id;
}

std::string endpointState(const json& endpoint)
{
    // Members of an imported document may hold anything (docs/import.md): read, never thrown on.
    if (auto flags = endpoint.find("Flags");
        flags != endpoint.end() && flags->is_number_integer() && (flags->get<std::int64_t>() & 1) != 0)
        return "Remote";
    if (auto it = endpoint.find("State"); it != endpoint.end() && it->is_number_integer())
        return objectStateName(it->get<std::int64_t>());
    return text(endpoint, "State", "-");
}

/// The Endpoints cell of a network: those the snapshot holds, and when the dump states the host had
/// more (a dump of networks alone), that number too: "0 (4 on the host)".
std::string endpointsCell(const NetworkEndpointCount& count)
{
    std::string cell = std::to_string(count.held);
    if (count.hostHadMore())
        cell += " (" + std::to_string(*count.onHost) + " on the host)";
    return cell;
}

TablePrinter networkTable(const json& documents, const json& snapshot, MadeUpIds& ids)
{
    std::map<std::string, std::size_t> endpointCounts;
    for (const json& endpoint : arrayAt(snapshot, "Endpoints"))
        ++endpointCounts[idKey(text(endpoint, "HostComputeNetwork"))];
    TablePrinter table({"ID", "Name", "Type", "Subnets", "Endpoints"});
    for (const json& network : documents) {
        std::vector<std::string> subnets;
        for (const json& ipam : arrayAt(network, "Ipams"))
            for (const json& subnet : arrayAt(ipam, "Subnets"))
                subnets.push_back(text(subnet, "IpAddressPrefix", "?"));
        const std::string id = text(network, "ID");
        // HCN omits Type for NAT (NetworkMode 0), as Windows does: a missing Type is NAT. An imported
        // dump that did not show the type says `"Type": null` (docs/import.md): unknown, never NAT.
        const auto type = network.is_object() ? network.find("Type") : network.end();
        const bool unknownType = type != network.end() && type->is_null();
        table.addRow({ids.cell(network), text(network, "Name", "-"),
                      unknownType ? "unknown" : text(network, "Type", "NAT"), join(subnets),
                      endpointsCell(networkEndpointCount(network, endpointCounts[idKey(id)]))});
    }
    return table;
}

TablePrinter endpointTable(const json& documents, const json& snapshot, MadeUpIds& ids)
{
    const auto names = networkNames(snapshot);
    TablePrinter table({"ID", "Name", "Network", "IP addresses", "MAC", "Namespace", "State"});
    for (const json& endpoint : documents) {
        std::vector<std::string> addresses;
        for (const json& config : arrayAt(endpoint, "IpConfigurations")) {
            std::string address = text(config, "IpAddress", "?");
            if (config.contains("PrefixLength"))
                address += "/" + text(config, "PrefixLength");
            addresses.push_back(address);
        }
        table.addRow({ids.cell(endpoint), text(endpoint, "Name", "-"), networkLabel(names, endpoint),
                      join(addresses), text(endpoint, "MacAddress", "-"),
                      text(endpoint, "HostComputeNamespace", "-"), endpointState(endpoint)});
    }
    return table;
}

/// Whether a namespace is in a State other than 1, the one of a namespace HNS set up (HNS's documents
/// name no namespace states; docs/import.md).
bool unusualNamespaceState(const json& ns)
{
    const auto it = ns.is_object() ? ns.find("State") : ns.end();
    return it != ns.end() && !it->is_null() && *it != json(1);
}

TablePrinter namespaceTable(const json& documents, MadeUpIds& ids)
{
    // The State column shows when a namespace is in another state than the usual one, as a namespace
    // that cannot be deleted is: a column of 1s would tell nothing.
    const bool states = std::any_of(documents.begin(), documents.end(), unusualNamespaceState);
    std::vector<std::string> headers{"ID", "Type", "Compartment", "Endpoints", "Containers"};
    if (states)
        headers.push_back("State");
    TablePrinter table(std::move(headers));
    for (const json& ns : documents) {
        // Members the dump showed without saying which are counted, as not shown.
        const NamespaceMemberCount n = namespaceMemberCount(ns);
        auto count = [](std::size_t named, std::size_t unnamed) {
            return unnamed == 0
                       ? std::to_string(named)
                       : std::to_string(named + unnamed) + " (" + std::to_string(unnamed) + " not shown)";
        };
        std::vector<std::string> row{ids.cell(ns), text(ns, "Type", "-"), text(ns, "NamespaceId", "-"),
                                     count(n.endpoints, n.unnamedEndpoints),
                                     n.containers > 0 ? std::to_string(n.containers)
                                                      : count(0, n.unnamedContainers)};
        if (states)
            row.push_back(text(ns, "State", "-")); // the number as the dump gives it
        table.addRow(std::move(row));
    }
    return table;
}

TablePrinter loadBalancerTable(const json& documents, MadeUpIds& ids)
{
    TablePrinter table({"ID", "Frontend VIPs", "Ports", "Backends"});
    for (const json& lb : documents) {
        std::vector<std::string> vips, ports;
        for (const json& vip : arrayAt(lb, "FrontendVIPs"))
            vips.push_back(vip.is_string() ? vip.get<std::string>() : vip.dump());
        for (const json& mapping : arrayAt(lb, "PortMappings"))
            ports.push_back(protocolCell(mapping) + " " + text(mapping, "ExternalPort", "0") + "->" +
                            text(mapping, "InternalPort", "0"));
        table.addRow({ids.cell(lb), join(vips), join(ports),
                      std::to_string(arrayAt(lb, "HostComputeEndpoints").size())});
    }
    return table;
}

TablePrinter routeTable(const json& documents, const json& snapshot, MadeUpIds& ids)
{
    const auto names = networkNames(snapshot);
    TablePrinter table({"ID", "Name", "Network", "Routes", "Endpoints"});
    for (const json& route : documents) {
        std::vector<std::string> routes;
        // The documented "Routes", or hcsshim's "Setting" (the same entries).
        for (const char* key : {"Routes", "Setting"})
            for (const json& entry : arrayAt(route, key))
                routes.push_back(text(entry, "DestinationPrefix", "?") + " via " +
                                 text(entry, "NextHop", "?"));
        table.addRow({ids.cell(route), text(route, "Name", "-"), networkLabel(names, route), join(routes),
                      std::to_string(arrayAt(route, "HostComputeEndpoints").size())});
    }
    return table;
}

TablePrinter guestServiceTable(const json& documents, MadeUpIds& ids)
{
    const schema::EnumDef* states = schema::Catalog::builtin().enumeration("GuestNetworkServiceState");
    TablePrinter table({"ID", "Name", "State", "Virtual machine", "Mirrored interfaces"});
    for (const json& service : documents) {
        std::string state = text(service, "State", "-");
        if (auto it = service.find("State"); states && it != service.end() && it->is_number_integer())
            if (const schema::EnumValue* value = states->findNumeric(it->get<std::int64_t>()))
                state = value->name;
        table.addRow({ids.cell(service), text(service, "Name", "-"), state,
                      text(service, "VirtualMachineId", "-"),
                      std::to_string(arrayAt(service, "MirroredInterfaces").size())});
    }
    return table;
}

} // namespace

TablePrinter objectTable(ResourceKind kind, const json& documents, const json& snapshot)
{
    MadeUpIds ids(snapshot);
    TablePrinter table = [&] {
        switch (kind) {
        case ResourceKind::Network:
            return networkTable(documents, snapshot, ids);
        case ResourceKind::Endpoint:
            return endpointTable(documents, snapshot, ids);
        case ResourceKind::Namespace:
            return namespaceTable(documents, ids);
        case ResourceKind::LoadBalancer:
            return loadBalancerTable(documents, ids);
        case ResourceKind::SdnRoute:
            return routeTable(documents, snapshot, ids);
        case ResourceKind::GuestNetworkService:
            return guestServiceTable(documents, ids);
        case ResourceKind::Invalid:
            break;
        }
        return TablePrinter({"ID"});
    }();
    ids.explain(table);
    return table;
}

} // namespace hcn::ctl
