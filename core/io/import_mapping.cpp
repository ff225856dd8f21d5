// One sighting into the v2 document of its kind: PowerShell's flattened values, the spellings dumps
// use, and the v1 -> v2 mapping of hcn/v1_conversion.h, made forgiving: what the mapping cannot take
// is left out of the document with a loss (it stays in the original text), never the whole object.

#include "common/json_member.h"
#include "common/text.h"
#include "hcn/dump_formats.h"
#include "hcn/guid.h"
#include "hcn/json_limits.h"
#include "hcn/schema_catalog.h"
#include "hcn/v1_conversion.h"
#include "io/hns_property_names.h"
#include "io/import_objects.h"
#include "io/json_repair.h"
#include "io/text_scan.h"
#include "io/transfer_encodings.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

namespace hcn::io::detail {
namespace {

constexpr std::string_view kEndpointPath = "/endpoints/";


/// `@{Type=OutBoundNAT; ExceptionList=System.Object[]}`: an object ConvertTo-Json flattened to text
/// below its -Depth.
bool isFlattenedObject(std::string_view text)
{
    return text.size() >= 3 && text.starts_with("@{") && text.ends_with('}');
}

std::string childPath(const std::string& path, const std::string& key)
{
    return path.empty() ? key : path + "." + key;
}

/// The losses parsePowerShellValue found in flattened text, except unexpanded placeholders (`VIPs: not
/// expanded ...`): those stay in the parsed value and readFlattened reports them with their full path.
void keepListLosses(const std::string& where, const std::vector<std::string>& losses, std::vector<std::string>& lost)
{
    for (const std::string& loss : losses)
        if (!loss.starts_with("not expanded") && loss.find(": not expanded") == std::string::npos)
            lost.push_back(where + ": " + loss);
}

/// Members HNS writes as a list of objects: ConvertTo-Json flattens such a list below its -Depth to its
/// elements' `@{...}` texts joined by blanks (one element: its `@{...}` alone).
bool holdsObjectList(std::string_view key)
{
    static constexpr std::array kLists{"Policies", "Subnets",      "IpSubnets",    "MacPools",
                                       "Routes",   "Ipams",        "PortMappings", "IpConfigurations",
                                       "Ranges",   "ResourceList", "Extensions"};
    return std::any_of(kLists.begin(), kLists.end(),
                       [&](const char* name) { return equalsIgnoreCase(key, name); });
}

/// Members HNS writes as a list of words without blanks (paths, GUIDs, addresses, prefixes):
/// ConvertTo-Json flattens such a list below its -Depth to the words joined by blanks (one element: the
/// word alone).
bool holdsWordList(std::string_view key)
{
    static constexpr std::array kLists{"References",   "HostComputeEndpoints", "VIPs",
                                       "FrontendVIPs", "ExceptionList",        "Exceptions",
                                       "Destinations", "SharedContainers",     "ServerList"};
    return std::any_of(kLists.begin(), kLists.end(),
                       [&](const char* name) { return equalsIgnoreCase(key, name); });
}

/// `@{a=1} @{b=2}`: the `@{...}` texts of a flattened list of objects, or nothing when `text` is not
/// such a list.
std::vector<std::string_view> flattenedObjects(std::string_view text)
{
    std::vector<std::string_view> items;
    std::size_t at = 0;
    while (at < text.size()) {
        while (at < text.size() && text[at] == ' ')
            ++at;
        if (at == text.size())
            break;
        if (text.substr(at, 2) != "@{")
            return {};
        int depth = 0;
        std::size_t end = at;
        for (; end < text.size(); ++end) {
            if (text[end] == '{')
                ++depth;
            else if (text[end] == '}' && --depth == 0)
                break;
        }
        if (end == text.size())
            return {};
        items.push_back(text.substr(at, end + 1 - at));
        at = end + 1;
        if (at < text.size() && text[at] != ' ')
            return {};
    }
    return items;
}

/// A list of objects ConvertTo-Json flattened to text, read back; null when `text` is not one.
json readObjectList(std::string_view text, const std::string& where, std::vector<std::string>& lost)
{
    const std::vector<std::string_view> items = flattenedObjects(text);
    if (items.empty() && text.find_first_not_of(' ') != std::string_view::npos)
        return nullptr;
    json list = json::array();
    std::vector<std::string> itemLosses;
    for (std::size_t i = 0; i < items.size(); ++i) {
        std::vector<std::string> losses;
        json parsed = parsePowerShellValue(items[i], losses);
        if (!parsed.is_object())
            return nullptr;
        keepListLosses(items.size() == 1 ? where : where + "[" + std::to_string(i) + "]", losses, itemLosses);
        list.push_back(std::move(parsed));
    }
    lost.push_back(where + ": flattened to text by ConvertTo-Json; read back from it");
    lost.insert(lost.end(), itemLosses.begin(), itemLosses.end());
    return list;
}

/// A list of words ConvertTo-Json flattened to text (`"/endpoints/a /endpoints/b"`), read back.
json readWordList(std::string_view text)
{
    json list = json::array();
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t start = text.find_first_not_of(" \t", at);
        if (start == std::string_view::npos)
            break;
        const std::size_t end = std::min(text.find_first_of(" \t", start), text.size());
        list.push_back(std::string(text.substr(start, end - start)));
        at = end;
    }
    return list;
}

/// Reads flattened objects back and drops unexpanded placeholders, recording each as a loss. With
/// `listsFromText` (ConvertTo-Json's output), a list HNS writes that ConvertTo-Json flattened to text
/// (`"References": "/endpoints/a /endpoints/b"`, `"Policies": "@{Type=ELB; ...}"`) is read back as the
/// list.
void readFlattened(json& value, const std::string& path, std::vector<std::string>& lost, bool listsFromText,
                   int depth = 0)
{
    if (depth > kDefaultMaxJsonDepth)
        return;
    if (value.is_object()) {
        std::vector<std::string> drop;
        for (auto& [key, member] : value.items()) {
            if (!member.is_string() && !member.is_structured())
                continue; // a number, a boolean or null: nothing to read back
            // The member's path is put together only for a loss or a value to go into.
            const auto where = [&, &key = key] { return childPath(path, key); };
            if (member.is_string()) {
                const std::string& text = member.get_ref<const std::string&>();
                if (isPowerShellTypeName(text)) {
                    lost.push_back(where() + ": not expanded by PowerShell (" + text + ")");
                    drop.push_back(key);
                    continue;
                }
                if (listsFromText && holdsObjectList(key)) {
                    if (json list = readObjectList(text, where(), lost); !list.is_null())
                        member = std::move(list);
                } else if (listsFromText && holdsWordList(key)) {
                    lost.push_back(where() + ": flattened to text by ConvertTo-Json; read back from it");
                    member = readWordList(text);
                }
            }
            if (member.is_string()) {
                const std::string& text = member.get_ref<const std::string&>();
                if (isFlattenedObject(text)) {
                    std::vector<std::string> losses;
                    json parsed = parsePowerShellValue(text, losses);
                    if (parsed.is_object()) {
                        lost.push_back(where() + ": flattened to text by ConvertTo-Json; read back from it");
                        keepListLosses(where(), losses, lost);
                        member = std::move(parsed);
                    }
                }
            }
            if (member.is_structured())
                readFlattened(member, where(), lost, listsFromText, depth + 1);
        }
        for (const std::string& key : drop)
            value.erase(key);
    } else if (value.is_array()) {
        json kept = json::array();
        for (std::size_t i = 0; i < value.size(); ++i) {
            json& element = value[i];
            const auto where = [&] { return path + "[" + std::to_string(i) + "]"; };
            if (element.is_string() && isPowerShellTypeName(element.get_ref<const std::string&>())) {
                lost.push_back(where() + ": not expanded by PowerShell (" + element.get<std::string>() + ")");
                continue;
            }
            if (element.is_string() && isFlattenedObject(element.get_ref<const std::string&>())) {
                std::vector<std::string> losses;
                json parsed = parsePowerShellValue(element.get<std::string>(), losses);
                if (parsed.is_object()) {
                    lost.push_back(where() + ": flattened to text by ConvertTo-Json; read back from it");
                    keepListLosses(where(), losses, lost);
                    element = std::move(parsed);
                }
            }
            if (element.is_structured())
                readFlattened(element, where(), lost, listsFromText, depth + 1);
            kept.push_back(std::move(element));
        }
        value = std::move(kept);
    }
}

/// Members whose value is JSON `null` (ConvertTo-Json's `"Policies": null`, a list view's empty `Policies=`
/// inside `@{...}`) are absent, as HNS reads them: a list or an object HNS expects is then simply not
/// there, rather than in a wrong shape. `keep` names a top-level member whose null is kept (an imported
/// network's `"Type": null`, which says that its type is unknown).
void dropNullMembers(json& value, std::string_view keep = {}, int depth = 0)
{
    if (depth > kDefaultMaxJsonDepth)
        return;
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end();) {
            if (it->is_null() && !(depth == 0 && !keep.empty() && it.key() == keep)) {
                it = value.erase(it);
                continue;
            }
            dropNullMembers(*it, {}, depth + 1);
            ++it;
        }
    } else if (value.is_array()) {
        for (json& element : value)
            dropNullMembers(element, {}, depth + 1);
    }
}

/// The object's ID member spelled "ID" (tables and hcsshim structs write "Id").
void spellId(json& doc)
{
    if (doc.contains("ID"))
        return;
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        if (equalsIgnoreCase(it.key(), "ID")) {
            json id = std::move(it.value());
            doc.erase(it);
            doc["ID"] = std::move(id);
            return;
        }
    }
}

/// GUIDs written in braces (`"{0a1b...}"`, PowerShell's [guid] "B" format, some tools' exports) are
/// written without them, as HNS writes every ID: the checks, the trace and the diff then find the object
/// an ID names. Only a whole value that is one braced GUID; "_v1" (the customer's own members) is kept.
/// Returns how many were changed.
std::size_t unbraceGuids(json& value)
{
    std::size_t changed = 0;
    if (value.is_string()) {
        const std::string& text = value.get_ref<const std::string&>();
        if (text.size() == 38 && text.front() == '{' && text.back() == '}' && Guid::parse(text, true)) {
            value = text.substr(1, 36);
            ++changed;
        }
    } else if (value.is_array()) {
        for (json& element : value)
            changed += unbraceGuids(element);
    } else if (value.is_object()) {
        for (auto& [key, member] : value.items())
            if (key != "_v1")
                changed += unbraceGuids(member);
    }
    return changed;
}

/// The members of `object` named in `names` (any case) that hold a number, written as the text it was.
template <std::size_t N> void numbersAsText(json& object, const std::array<const char*, N>& names)
{
    if (!object.is_object())
        return;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const std::string& key = it.key();
        if (it->is_number() && std::any_of(names.begin(), names.end(),
                                           [&](const char* name) { return equalsIgnoreCase(key, name); }))
            *it = it->dump();
    }
}

/// Names are text even when a list view or a table printed digits ("Name : 1" reads as a number).
void namesAsText(json& doc)
{
    static constexpr std::array kTextMembers{"Name", "VirtualNetworkName", "NetworkAdapterName", "DNSSuffix",
                                             "DNSDomain", "DNSServerList", "NatName", "NATName"};
    numbersAsText(doc, kTextMembers);
}

/// An ACL's protocols, ports and addresses are text in v1 and v2 ("6", "80,443"), but a list view, a
/// flattened `@{...}` or a Go `%+v` dump prints a single one as digits (`LocalPorts=80`); read as
/// numbers, the checks could not read the rule and would misjudge what it covers. v1's flat policies
/// and v2's Settings alike.
void aclListsAsText(json& doc)
{
    static constexpr std::array kLists{"Protocols", "LocalPorts", "RemotePorts", "LocalAddresses",
                                       "RemoteAddresses"};
    for (auto& [key, policies] : doc.items()) {
        if (!equalsIgnoreCase(key, "Policies") || !policies.is_array())
            continue;
        for (json& policy : policies) {
            if (!policy.is_object() || !equalsIgnoreCase(textMember(policy, "Type"), "ACL"))
                continue;
            numbersAsText(policy, kLists);
            if (auto settings = policy.find("Settings"); settings != policy.end())
                numbersAsText(*settings, kLists);
        }
    }
}

/// A table row of a network shows its prefix at the top level (`Select Name, Type, Id, AddressPrefix`),
/// and hnsdiag's per-object listing its `Subnet Address` with a `Gateway Address` beside it: one subnet,
/// the gateway with it.
void tablePrefixToSubnets(json& doc)
{
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        if (!equalsIgnoreCase(it.key(), "AddressPrefix") || doc.contains("Subnets"))
            continue;
        json prefixes = it.value().is_array() ? it.value() : json::array({it.value()});
        doc.erase(it);
        json subnets = json::array();
        for (json& prefix : prefixes)
            if (prefix.is_string() && !prefix.get_ref<const std::string&>().empty())
                subnets.push_back(json{{"AddressPrefix", std::move(prefix)}});
        if (auto gateway = doc.find("GatewayAddress");
            gateway != doc.end() && gateway->is_string() && subnets.size() == 1) {
            subnets[0]["GatewayAddress"] = std::move(*gateway);
            doc.erase(gateway);
        }
        doc["Subnets"] = std::move(subnets);
        return;
    }
}

/// A v1 namespace's `Resources` (Get-HnsNamespace -Detailed: allocators, operation times) is
/// diagnostics, kept under "_v1"; v2's `Resources` is the list of endpoints and containers, made from
/// `ResourceList` and from the endpoints that name the namespace.
void resourcesAsDiagnostics(json& doc)
{
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        if (!equalsIgnoreCase(it.key(), "Resources") || it->is_array())
            continue;
        json diagnostics = std::move(it.value());
        doc.erase(it);
        if (!diagnostics.is_null()) {
            if (!doc.contains("_v1") || !doc["_v1"].is_object())
                doc["_v1"] = json::object();
            doc["_v1"]["Resources"] = std::move(diagnostics);
        }
        return;
    }
}

/// A namespace dumped without its compartment's number, whose resources (v1 `Resources`, or v2's
/// `Health.Extra.Resources`) hold HNS's "Network Compartment" allocator: its `CompartmentId` is the
/// namespace's (v1 `CompartmentId`, v2 `NamespaceId`), with a note.
void compartmentFromAllocator(Sighting& s)
{
    if (!s.document.is_object() || memberIgnoringCase(s.document, "CompartmentId") ||
        memberIgnoringCase(s.document, "NamespaceId"))
        return;
    const json* resources = memberIgnoringCase(s.document, "Resources");
    std::string where = "Resources";
    if (!resources || !resources->is_object()) {
        const json* health = memberIgnoringCase(s.document, "Health");
        const json* extra = health && health->is_object() ? memberIgnoringCase(*health, "Extra") : nullptr;
        resources = extra && extra->is_object() ? memberIgnoringCase(*extra, "Resources") : nullptr;
        where = "Health.Extra.Resources";
    }
    const json* allocators =
        resources && resources->is_object() ? memberIgnoringCase(*resources, "Allocators") : nullptr;
    if (!allocators || !allocators->is_array())
        return;
    for (std::size_t i = 0; i < allocators->size(); ++i) {
        const json& allocator = (*allocators)[i];
        const json* tag = allocator.is_object() ? memberIgnoringCase(allocator, "Tag") : nullptr;
        const json* id = allocator.is_object() ? memberIgnoringCase(allocator, "CompartmentId") : nullptr;
        if (!tag || !tag->is_string() ||
            !equalsIgnoreCase(tag->get_ref<const std::string&>(), "Network Compartment") || !id ||
            !id->is_number_unsigned())
            continue;
        const std::string member = s.wasV1 ? "CompartmentId" : "NamespaceId";
        s.document[member] = *id;
        s.notes.push_back(member + ": " + std::to_string(id->get<std::uint64_t>()) +
                          ", the CompartmentId of its Network Compartment allocator (" + where +
                          ".Allocators[" + std::to_string(i) + "])");
        return;
    }
}

/// A v2 policy's `Settings` given as a string: hcsshim's `json.RawMessage` is a `[]byte`, and some logs
/// marshal it as such, in base64 (`"Settings": "eyJFeGNlcHRpb25zIjog..."`). Base64 of a JSON object is
/// read as that object, with a note; any other string is not settings HNS could read: kept, with a loss.
void settingsFromBase64(json& value, const std::string& path, std::vector<std::string>& lost,
                        std::vector<std::string>& notes, int depth = 0)
{
    if (depth > kDefaultMaxJsonDepth)
        return;
    if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i)
            settingsFromBase64(value[i], path + "[" + std::to_string(i) + "]", lost, notes, depth + 1);
        return;
    }
    if (!value.is_object())
        return;
    const bool policy = memberIgnoringCase(value, "Type") != nullptr;
    for (auto& [key, member] : value.items()) {
        const std::string where = childPath(path, key);
        if (!(policy && equalsIgnoreCase(key, "Settings") && member.is_string())) {
            if (key != "_v1")
                settingsFromBase64(member, where, lost, notes, depth + 1);
            continue;
        }
        const std::string& text = member.get_ref<const std::string&>();
        const std::optional<std::string> bytes = text.empty() ? std::nullopt : decodeBase64(text);
        // Within the depth every document from outside gets, counting the levels above it.
        json settings = bytes && withinJsonDepth(*bytes, kDefaultMaxJsonDepth - depth - 1)
                            ? json::parse(*bytes, nullptr, false)
                            : json();
        if (settings.is_object()) {
            notes.push_back(where + ": base64 of JSON (a json.RawMessage logged as bytes); read as the JSON");
            member = std::move(settings);
        } else {
            lost.push_back(where + ": text, not the settings object HNS writes; kept as given, not read");
        }
    }
}

/// A v1 policy list of ROUTE entries is an SDN route object (HostComputeRoute).
Status routeFromV1(json& doc)
{
    json out = json::object();
    json leftovers = json::object();
    for (auto& [key, value] : doc.items()) {
        if (equalsIgnoreCase(key, "ID")) {
            out["ID"] = value;
        } else if (equalsIgnoreCase(key, "References")) {
            if (!value.is_array())
                return Status(hr::InvalidJson, "References must be an array.");
            json endpoints = json::array();
            for (const json& reference : value) {
                if (!reference.is_string())
                    return Status(hr::InvalidJson, "References entries must be strings.");
                std::string_view text = reference.get_ref<const std::string&>();
                if (text.size() > kEndpointPath.size() && equalsIgnoreCase(text.substr(0, kEndpointPath.size()), kEndpointPath))
                    text.remove_prefix(kEndpointPath.size());
                endpoints.push_back(std::string(text));
            }
            out["HostComputeEndpoints"] = std::move(endpoints);
        } else if (equalsIgnoreCase(key, "Policies")) {
            if (!value.is_array())
                return Status(hr::InvalidJson, "Policies must be an array.");
            json routes = json::array();
            for (const json& policy : value) {
                json route = json::object();
                for (const auto& [field, v] : policy.items())
                    if (!equalsIgnoreCase(field, "Type"))
                        route[field] = v;
                routes.push_back(std::move(route));
            }
            out["Routes"] = std::move(routes);
        } else if (equalsIgnoreCase(key, "HostComputeNetwork") || equalsIgnoreCase(key, "Name")) {
            out[key] = value;
        } else if (equalsIgnoreCase(key, "State")) {
            out["State"] = value; // v2's Base State, what a support engineer looks for
        } else if (!equalsIgnoreCase(key, "ActivityId") && !equalsIgnoreCase(key, "Resources")) {
            leftovers[key] = value;
        }
    }
    if (!leftovers.empty())
        out["_v1"] = std::move(leftovers);
    doc = std::move(out);
    return {};
}

Status fromV1(ResourceKind kind, json& doc)
{
    switch (kind) {
    case ResourceKind::Network:
        return schema::networkFromV1(doc);
    case ResourceKind::Endpoint:
        return schema::endpointFromV1(doc);
    case ResourceKind::Namespace:
        return schema::namespaceFromV1(doc);
    case ResourceKind::LoadBalancer:
        return schema::loadBalancerFromV1(doc);
    case ResourceKind::SdnRoute:
        return routeFromV1(doc);
    default:
        return Status(hr::InvalidArg, "no v1 shape for this kind");
    }
}

/// A v1 network's `NatName` when it is `<prefix><GUID>`: `NAT` for the WinNAT instance HNS made for a
/// NAT network (hns-v1-schema.md section 2), `ICS` where Internet Connection Sharing does the NAT (an
/// ICS network, or a client's `nat` network). Empty for any other value (one the paste cut).
std::string natInstanceName(const json& network, std::string_view prefix)
{
    const json* name = memberIgnoringCase(network, "NatName");
    if (!name || !name->is_string())
        return {};
    const std::string& text = name->get_ref<const std::string&>();
    return text.size() > prefix.size() && text.starts_with(prefix) &&
                   Guid::parse(std::string_view(text).substr(prefix.size()))
               ? text
               : std::string();
}

/// The members of a v1 object that tell what state HNS had it in: `State` (v2's Base State: 5 Degraded,
/// a policy list's 4), `IsApplied`, the packed `Version`, a v1-shaped `Health` (`LastErrorCode`,
/// `LastUpdateTime`), and the host's own diagnostics: the WinNAT instance a NAT network uses (`NatName`),
/// its endpoint counts, the `ActivityId` HNS's event log names, an endpoint's FILETIME stamps
/// (`CreateProcessingStartTime`, `StartTime`), the allocators of `Resources`. The
/// v1 → v2 mapping the engine uses drops them (the engine owns its own state); a customer's dump is read
/// for exactly them, so they are taken out before it and put back after.
json takeStateMembers(json& v1)
{
    static constexpr std::array kDiagnostics{"ActivityId",     "CreateProcessingStartTime",
                                             "StartTime",      "CurrentEndpointCount",
                                             "TotalEndpoints", "NatName"};
    json taken = json::object();
    for (auto it = v1.begin(); it != v1.end();) {
        const std::string& key = it.key();
        const bool v1Health = equalsIgnoreCase(key, "Health") && it->is_object() && !it->contains("Extra") &&
                              !it->contains("Data");
        const bool v1Resources = equalsIgnoreCase(key, "Resources") && !it->is_array(); // v2's is a list
        const bool diagnostic = std::any_of(kDiagnostics.begin(), kDiagnostics.end(),
                                            [&](const char* name) { return equalsIgnoreCase(key, name); });
        if (equalsIgnoreCase(key, "State") || equalsIgnoreCase(key, "IsApplied") ||
            equalsIgnoreCase(key, "Version") || v1Health || v1Resources || diagnostic) {
            if (!it->is_null())
                taken[key] = std::move(it.value());
            it = v1.erase(it);
        } else {
            ++it;
        }
    }
    return taken;
}

/// Puts back what takeStateMembers took: `State` as v2's, the others under "_v1" as the customer had them
/// (a namespace's v1 `Resources` as well, see resourcesAsDiagnostics).
void putBackStateMembers(json& v2, json taken)
{
    for (auto& [key, value] : taken.items()) {
        if (equalsIgnoreCase(key, "State") && !v2.contains("State")) {
            v2["State"] = std::move(value);
            continue;
        }
        if (!v2.contains("_v1") || !v2["_v1"].is_object())
            v2["_v1"] = json::object();
        if (!v2["_v1"].contains(key))
            v2["_v1"][key] = std::move(value);
    }
}

/// The v1 → v2 mapping of one object; a member the mapping refuses is kept under "_v1" alone, and an
/// object it refuses whole keeps its ID and Name with the rest under "_v1".
void mapV1Shape(Sighting& s)
{
    json attempt = s.document;
    const Status status = fromV1(s.kind, attempt);
    if (status) {
        s.document = std::move(attempt);
        return;
    }
    for (const auto& item : s.document.items()) {
        if (item.key() == "ID" || equalsIgnoreCase(item.key(), "Name"))
            continue;
        json trial = s.document;
        trial.erase(item.key());
        if (!fromV1(s.kind, trial))
            continue;
        s.lost.push_back(item.key() + ": not in a shape HNS writes (" + status.detail() +
                         "); kept under \"_v1\" as given");
        if (!trial.contains("_v1") || !trial["_v1"].is_object())
            trial["_v1"] = json::object();
        trial["_v1"][item.key()] = item.value();
        s.document = std::move(trial);
        return;
    }
    json out = json::object();
    json rest = s.document;
    for (const char* key : {"ID", "Name"})
        if (rest.contains(key)) {
            out[key] = rest[key];
            rest.erase(key);
        }
    out["_v1"] = std::move(rest);
    s.lost.push_back("the object could not be mapped to v2 (" + status.detail() +
                     "); its members are kept under \"_v1\" as given");
    s.document = std::move(out);
}

/// The policies of a v1 object that have no Type (the paste cut the policy before it, a chat message
/// split the JSON inside it): nothing HNS could apply, so v2's Policies hold only mapped policies (a
/// policy list's mapping does the same with what is no ELB policy). Each is taken out before the
/// mapping, with a loss, and kept under "_v1" as given after it.
json takeUntypedPolicies(json& doc, std::vector<std::string>& lost)
{
    json untyped = json::array();
    for (auto& [key, policies] : doc.items()) {
        if (!equalsIgnoreCase(key, "Policies") || !policies.is_array())
            continue;
        json kept = json::array();
        for (std::size_t i = 0; i < policies.size(); ++i) {
            json& policy = policies[i];
            const json* type = memberIgnoringCase(policy, "Type");
            if (policy.is_object() &&
                (!type || !type->is_string() || type->get_ref<const std::string&>().empty())) {
                lost.push_back(
                    key + "[" + std::to_string(i) +
                    "]: a policy without its Type (the dump cut it off); kept under \"_v1\" as given");
                untyped.push_back(std::move(policy));
            } else {
                kept.push_back(std::move(policy));
            }
        }
        policies = std::move(kept);
    }
    return untyped;
}

void putBackUntypedPolicies(json& v2, json untyped)
{
    if (untyped.empty() || !v2.is_object())
        return;
    if (!v2.contains("_v1") || !v2["_v1"].is_object())
        v2["_v1"] = json::object();
    json& parked = v2["_v1"]["Policies"];
    if (!parked.is_array())
        parked = parked.is_null() ? json::array() : json::array({std::move(parked)});
    for (json& policy : untyped)
        parked.push_back(std::move(policy));
}

/// An older v2 endpoint document gives its address at the top (`"IPAddress": "172.16.0.10",
/// "PrefixLength": 12`), as v1 does: read as its IpConfigurations when it has none.
void topLevelAddressOfV2(Sighting& s)
{
    json& doc = s.document;
    if (!doc.is_object() || memberIgnoringCase(doc, "IpConfigurations"))
        return;
    const auto address = doc.find("IPAddress");
    if (address == doc.end() || !address->is_string() || address->get_ref<const std::string&>().empty())
        return;
    json config = {{"IpAddress", *address}};
    doc.erase(address);
    if (const auto length = doc.find("PrefixLength"); length != doc.end()) {
        config["PrefixLength"] = *length;
        doc.erase(length);
    }
    doc["IpConfigurations"] = json::array({std::move(config)});
    s.notes.push_back("IPAddress and PrefixLength at the top of the document (an older v2 form) read as its "
                      "IpConfigurations");
}

/// The v1 mapping reads a Transparent network without subnets as taking its addresses from DHCP, as
/// HNS's own v1 document means. Said as read so; withheld where the dump cannot tell: a ContainerNetwork's
/// `{}`, and a network whose text is cut (its subnets may be what the cut took).
void dhcpOfTransparent(Sighting& s, bool containerNetwork)
{
    if (!s.document.is_object() || !s.document.contains("Ipams") ||
        s.document["Ipams"] != json::array({json{{"Type", "Dhcp"}}}))
        return;
    if (containerNetwork) {
        s.document.erase("Ipams");
        return;
    }
    if (s.cutOff || s.startCut) {
        s.document.erase("Ipams");
        s.notes.push_back("Ipams: none: a Transparent network without subnets takes its addresses from DHCP, "
                          "but the cut may have taken its subnets");
        return;
    }
    s.notes.push_back("Ipams: DHCP, as HNS reads a Transparent network that has no subnets");
}

/// A v1 namespace never carries v2's `Type` (hns-v1-schema.md section 5): the mapping takes Host or
/// HostDefault from its `IsDefault`. A note says it was assumed (a dump of v1 namespaces lacks it by its
/// shape, so it is no loss); a namespace member found on its own (`namespaceReference`) is no object to
/// say it of.
void typeOfV1Namespace(Sighting& s, bool typeGiven)
{
    if (typeGiven || s.namespaceReference || !s.document.is_object())
        return;
    const auto type = s.document.find("Type");
    if (type == s.document.end() || !type->is_string()) {
        s.notes.push_back("Type: not in the dump (a v1 namespace shows none), nor IsDefault; the namespace's "
                          "type is unknown");
        return;
    }
    const bool isDefault = type->get_ref<const std::string&>() == "HostDefault";
    s.notes.push_back("Type: not in the dump (a v1 namespace shows none); " + type->get<std::string>() +
                      " assumed from its IsDefault " + (isDefault ? "true" : "false"));
}

/// The member a loss is about: its text up to the first `:` when that is a member's path (names joined
/// by dots, list elements by index: `PortMappings[0].Protocol`), as every reader names it first; empty
/// for a loss about the whole object ("the dump ends inside this value after line 4; ...").
std::string lossMember(std::string_view loss)
{
    const std::size_t colon = loss.find(':');
    if (colon == std::string_view::npos || colon == 0)
        return {};
    const std::string_view path = loss.substr(0, colon);
    const bool isPath = std::all_of(path.begin(), path.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '[' || c == ']';
    });
    return isPath && path.front() != '.' && path.front() != '[' ? std::string(path) : std::string();
}

/// Whether `lostMembers` holds `path` (member names in any letter case).
bool memberLost(const Sighting& s, std::string_view path)
{
    return std::any_of(s.lostMembers.begin(), s.lostMembers.end(),
                       [&](const std::string& member) { return equalsIgnoreCase(member, path); });
}

void addLostMember(Sighting& s, std::string path)
{
    if (!memberLost(s, path))
        s.lostMembers.push_back(std::move(path));
}

/// The members the losses from `from` on are about, into `lostMembers`.
void readLostMembers(Sighting& s, std::size_t from)
{
    for (std::size_t i = from; i < s.lost.size(); ++i)
        if (std::string member = lossMember(s.lost[i]); !member.empty())
            addLostMember(s, std::move(member));
}

/// `list[index]` of `document`'s member `list` (any letter case) when it is an object; else null.
json* elementObject(json& document, std::string_view list, std::size_t index)
{
    json* members = memberIgnoringCase(document, list);
    if (!members || !members->is_array() || index >= members->size() || !(*members)[index].is_object())
        return nullptr;
    return &(*members)[index];
}

/// A path into an element of `list` (`Policies[3]`, `Policies[3].Protocol`; the name in any letter
/// case): the element's index, and where the rest of the path starts.
struct ElementPath
{
    std::size_t index = 0;
    std::size_t rest = 0;
};
std::optional<ElementPath> elementPath(std::string_view path, std::string_view list)
{
    if (path.size() < list.size() + 3 || !equalsIgnoreCase(path.substr(0, list.size()), list) ||
        path[list.size()] != '[')
        return std::nullopt;
    const std::size_t close = path.find(']', list.size());
    if (close == std::string_view::npos)
        return std::nullopt;
    const std::string_view digits = path.substr(list.size() + 1, close - list.size() - 1);
    if (digits.empty() || digits.size() > 6 ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    return ElementPath{std::stoul(std::string(digits)), close + 1};
}

/// `List[3].Member` as {3, true} when `path` is so (names in any letter case); else {0, false}.
std::pair<std::size_t, bool> elementMember(std::string_view path, std::string_view list,
                                           std::string_view member)
{
    const std::optional<ElementPath> element = elementPath(path, list);
    if (!element || path.substr(element->rest, 1) != "." ||
        !equalsIgnoreCase(path.substr(element->rest + 1), member))
        return {0, false};
    return {element->index, true};
}

/// The port mappings' list of a load balancer, by the version of its document: v2's `PortMappings`, a
/// v1 policy list's `Policies` (its ELB policies are port mappings).
std::string_view portMappingList(const Sighting& s)
{
    return s.wasV1 ? "Policies" : "PortMappings";
}

/// The port mapping a path into the load balancer's document names, when it is one
/// (`PortMappings[0].Protocol`, a v1 `Policies[1].Protocol` of an ELB policy) and it shows no
/// `Protocol`; else null.
json* mappingWithoutProtocol(Sighting& s, std::string_view path)
{
    const std::string_view list = portMappingList(s);
    const auto [index, isProtocol] = elementMember(path, list, "Protocol");
    json* mapping = isProtocol ? elementObject(s.document, list, index) : nullptr;
    if (!mapping || memberIgnoringCase(*mapping, "Protocol") ||
        (s.wasV1 && !equalsIgnoreCase(textMember(*mapping, "Type"), "ELB")))
        return nullptr;
    return mapping;
}

/// A load balancer whose text the paste cut inside a port mapping's `Protocol` (`"Protocol": 1`, which
/// may have gone on as 17; `"Protocol": "UD`): the cut left the member out (closeTruncatedJson), so the
/// loss names it, "PortMappings[0].Protocol: cut off after "1"; the protocol is unknown", and the member
/// is lost by the path cutMember gives from the object. A part of a split policy list has it from the
/// list already (splitPolicyLists).
void cutProtocolLoss(Sighting& s)
{
    if (s.kind != ResourceKind::LoadBalancer || !s.cutOff || s.format != DumpFormat::Json ||
        s.lostMembersRead)
        return;
    std::optional<CutMember> cut = cutMember(s.originalText);
    if (!cut || !mappingWithoutProtocol(s, cut->objectPath))
        return;
    s.lost.push_back(
        cut->objectPath +
        (cut->shown.empty() ? ": cut off before its value" : ": cut off after \"" + cut->shown + "\"") +
        "; the protocol is unknown");
    addLostMember(s, std::move(cut->objectPath));
}

/// A load balancer's port mapping whose protocol the dump shows without its value (a placeholder in its
/// place, `"Protocol": <enum>`; the paste's cut in it: any loss on its path) has
/// `"Protocol": null`, which hcnctl shows as `unknown`: HNS reads a port mapping without a Protocol as
/// any protocol (0), which the dump does not say. Of a v1 policy list the ELB policy gets the null, which
/// the mapping carries into its port mapping. One without a Protocol member keeps none.
void protocolUnknownAsNull(Sighting& s)
{
    if (s.kind != ResourceKind::LoadBalancer || !s.document.is_object())
        return;
    for (const std::string& member : s.lostMembers)
        if (json* mapping = mappingWithoutProtocol(s, member))
            (*mapping)["Protocol"] = nullptr;
}

/// The port mappings of a v2 load balancer whose own `"Protocol"` is null (a saved import's unknown
/// protocol), by index: kept through dropNullMembers, so a saved import imports again the same.
std::vector<std::size_t> nullProtocols(const Sighting& s)
{
    std::vector<std::size_t> out;
    if (s.kind != ResourceKind::LoadBalancer || s.wasV1 || !s.document.is_object())
        return out;
    const json* mappings = memberIgnoringCase(s.document, "PortMappings");
    if (!mappings || !mappings->is_array())
        return out;
    for (std::size_t i = 0; i < mappings->size(); ++i)
        if (const json& m = (*mappings)[i]; m.is_object())
            if (const json* protocol = memberIgnoringCase(m, "Protocol"); protocol && protocol->is_null())
                out.push_back(i);
    return out;
}

/// A network whose type the dump does not give has `"Type": null`, which hcnctl shows as `unknown`: HCN
/// reads a network without a Type as NAT (NetworkMode 0), which the dump does not say. So has a v1 one
/// without a Type (`untypedV1`: Get-HnsNetwork always prints one, the paste cut it off), and one of either
/// version whose Type the dump shows without its value: a placeholder in its place (`"Type": <enum>`),
/// the paste's cut inside it (`"Type": "L2`), a damaged member, each a loss on Type (`lostMembers`, never
/// a loss that only mentions it). A v2 document without a Type member is HCN's NAT network and keeps none.
void typeUnknownAsNull(Sighting& s, bool untypedV1)
{
    if (s.kind != ResourceKind::Network || !s.document.is_object() || memberIgnoringCase(s.document, "Type"))
        return;
    if (untypedV1 || memberLost(s, "Type"))
        s.document["Type"] = nullptr;
}

void mapV1(Sighting& s)
{
    json state = takeStateMembers(s.document);
    json untyped = s.kind == ResourceKind::SdnRoute ? json::array() : takeUntypedPolicies(s.document, s.lost);
    mapV1Shape(s);
    putBackStateMembers(s.document, std::move(state));
    putBackUntypedPolicies(s.document, std::move(untyped));
}

} // namespace

void splitPolicyLists(std::vector<Sighting>& sightings)
{
    const std::size_t count = sightings.size();
    for (std::size_t i = 0; i < count; ++i) {
        if (sightings[i].kind != ResourceKind::LoadBalancer || !sightings[i].wasV1 ||
            !sightings[i].document.is_object())
            continue;
        auto policies = sightings[i].document.end();
        for (auto it = sightings[i].document.begin(); it != sightings[i].document.end(); ++it)
            if (equalsIgnoreCase(it.key(), "Policies"))
                policies = it;
        if (policies == sightings[i].document.end())
            continue;
        // The policies as the mapping will read them (a flattened `@{...}` read back, a list
        // ConvertTo-Json flattened to text read as the list), to compare.
        const bool listGiven = policies->is_array();
        json shownIn = json{{policies.key(), *policies}};
        std::vector<std::string> shownLosses;
        readFlattened(shownIn, {}, shownLosses, sightings[i].format == DumpFormat::Json);
        json shown = std::move(shownIn[policies.key()]);
        if (!shown.is_array() || shown.size() < 2 || (listGiven && shown.size() != policies->size()))
            continue;
        std::vector<std::size_t> elbs;
        std::set<std::string> frontends;
        for (std::size_t k = 0; k < shown.size(); ++k) {
            const json& p = shown[k];
            if (!p.is_object() || !equalsIgnoreCase(textMember(p, "Type"), "ELB"))
                continue;
            elbs.push_back(k);
            json frontend = json::object();
            for (const auto& [key, value] : p.items())
                if (equalsIgnoreCase(key, "VIPs") || equalsIgnoreCase(key, "IsDSR") ||
                    equalsIgnoreCase(key, "ILB"))
                    frontend[key] = value;
            frontends.insert(frontend.dump());
        }
        if (elbs.size() < 2 || frontends.size() < 2)
            continue; // several ports of the same frontends: one load balancer
        const std::string policiesKey = policies.key();
        Sighting base = sightings[i];
        if (!listGiven) {
            // Read from text here: each part gets its own policies, and the losses of reading them.
            base.document[policiesKey] = shown;
            base.lost.insert(base.lost.end(), shownLosses.begin(), shownLosses.end());
        }
        const json& whole = base.document;
        const std::string listId = idKeyOf(whole.value("ID", json()));
        cutProtocolLoss(base);
        readLostMembers(base, 0);
        for (std::size_t n = 0; n < elbs.size(); ++n) {
            Sighting part = base;
            json kept = json::array();
            // The members the list's losses are about, each of a policy by its place in the part.
            part.lostMembers.clear();
            part.lostMembersRead = true;
            for (const std::string& member : base.lostMembers)
                if (const auto element = elementPath(member, policiesKey); !element)
                    part.lostMembers.push_back(member);
            std::vector<std::size_t> keptFrom; // the list's index of each policy the part keeps
            for (std::size_t k = 0; k < shown.size(); ++k) {
                if (k != elbs[n] && (n != 0 || std::find(elbs.begin(), elbs.end(), k) != elbs.end()))
                    continue;
                for (const std::string& member : base.lostMembers)
                    if (const auto element = elementPath(member, policiesKey); element && element->index == k)
                        part.lostMembers.push_back(policiesKey + "[" + std::to_string(kept.size()) + "]" +
                                                   member.substr(element->rest));
                keptFrom.push_back(k);
                kept.push_back(whole[policiesKey][k]);
            }
            part.document[policiesKey] = std::move(kept);
            // A loss about a policy goes with the part that keeps it, named by its place there.
            part.lost.clear();
            for (const std::string& loss : base.lost) {
                const std::string member = lossMember(loss);
                const auto element = elementPath(member, policiesKey);
                if (!element) {
                    part.lost.push_back(loss);
                    continue;
                }
                const auto at = std::find(keptFrom.begin(), keptFrom.end(), element->index);
                if (at != keptFrom.end())
                    part.lost.push_back(policiesKey + "[" + std::to_string(at - keptFrom.begin()) + "]" +
                                        loss.substr(element->rest));
            }
            const std::string what = "ELB policy " + std::to_string(n + 1) + " of " +
                                     std::to_string(elbs.size()) + " in policy list " +
                                     (listId.empty() ? std::string("without an ID") : listId);
            if (n > 0) {
                part.document["ID"] = stableGuid("policy list " + listId + " ELB " + std::to_string(elbs[n]) +
                                                 "\n" + part.source + "\n" + std::to_string(part.firstLine));
                part.idMadeUp = true;
                part.document["_v1"] = json{{"PolicyList", whole.value("ID", json())}};
                part.ownV1Members.push_back("PolicyList");
                part.notes.push_back(what + ", whose ELB policies have different frontends: a load balancer "
                                            "of its own, with an ID made from the list's");
            } else {
                part.notes.push_back(what +
                                     ", whose ELB policies have different frontends: the others are load "
                                     "balancers of their own");
            }
            if (n == 0)
                sightings[i] = std::move(part);
            else
                sightings.push_back(std::move(part));
        }
    }
}

void mapToV2(Sighting& s)
{
    if (!s.document.is_object())
        return;
    if (const json* computer = memberIgnoringCase(s.document, "PSComputerName");
        computer && computer->is_string())
        s.computer = computer->get<std::string>();
    // A table may show just these two columns; JSON shows a namespace whole, or an endpoint's member.
    s.namespaceReference = s.kind == ResourceKind::Namespace && s.wasV1 && s.format == DumpFormat::Json &&
                           s.document.size() == 2 && memberIgnoringCase(s.document, "ID") &&
                           memberIgnoringCase(s.document, "IsDefault");
    if (s.format == DumpFormat::Json)
        for (std::string& loss : duplicateKeys(s.originalText))
            s.lost.push_back(std::move(loss));
    readFlattened(s.document, {}, s.lost, s.format == DumpFormat::Json);
    cutProtocolLoss(s);
    // A v2 network's `"Type": null` is what an import writes for a type it could not read: kept. So is a
    // v2 load balancer's port mapping's `"Protocol": null`.
    const std::vector<std::size_t> givenNullProtocols = nullProtocols(s);
    dropNullMembers(s.document, s.kind == ResourceKind::Network && !s.wasV1 ? "Type" : "");
    for (const std::size_t index : givenNullProtocols)
        if (json* mapping = elementObject(s.document, "PortMappings", index))
            (*mapping)["Protocol"] = nullptr;
    // A reader and readFlattened may both name one placeholder: each loss once, in order.
    std::vector<std::string> unique;
    for (std::string& loss : s.lost)
        if (std::find(unique.begin(), unique.end(), loss) == unique.end())
            unique.push_back(std::move(loss));
    s.lost = std::move(unique);
    // A part of a split policy list has the members of its own policies already; the losses mapping it
    // finds from here on are about its document.
    const std::size_t lossesRead = s.lostMembersRead ? s.lost.size() : 0;
    settingsFromBase64(s.document, {}, s.lost, s.notes);
    if (const auto typed = typeTextValues(s.document); !typed.empty()) {
        std::string names;
        for (const std::string& name : typed)
            names += (names.empty() ? "" : ", ") + name;
        s.notes.push_back("numbers and booleans given as text (Import-Csv writes every value so) read as "
                          "HNS writes them: " +
                          names);
    }
    spellId(s.document);
    aclListsAsText(s.document);
    if (const std::size_t braced = unbraceGuids(s.document))
        s.notes.push_back("IDs: written without the braces around " + std::to_string(braced) +
                          (braced == 1 ? " GUID" : " GUIDs"));
    // Taken out before the v1 mapping (which would carry them into v2 fields) and kept after it.
    json mistyped = takeMistypedValues(s.document, s.lost, s.notes);
    readLostMembers(s, lossesRead);
    s.lostMembersRead = true;
    if (!s.wasV1 && s.kind == ResourceKind::Endpoint)
        topLevelAddressOfV2(s);
    if (s.kind == ResourceKind::Namespace)
        compartmentFromAllocator(s);
    if (s.wasV1) {
        bool untyped = false;
        bool containerNetwork = false;
        namesAsText(s.document);
        if (s.kind == ResourceKind::Namespace)
            resourcesAsDiagnostics(s.document);
        if (s.kind == ResourceKind::Network) {
            tablePrefixToSubnets(s.document);
            containerNetwork = containerNetworkAsV1(s);
            // Get-HnsNetwork always prints a Type: without one the paste cut it off (or the table had no
            // Type column). HCN reads a network without a Type as NAT, so the snapshot says `"Type":
            // null`: the type is unknown, and nothing shows it as NAT.
            untyped = std::none_of(s.document.items().begin(), s.document.items().end(),
                                   [](const auto& item) { return equalsIgnoreCase(item.key(), "Type"); });
            const bool said = memberLost(s, "Type");
            const std::string natName = untyped ? natInstanceName(s.document, "NAT") : std::string();
            const std::string icsName = untyped ? natInstanceName(s.document, "ICS") : std::string();
            if (!natName.empty()) {
                s.document["Type"] = "NAT";
                untyped = false;
                const std::string inferred = "NAT, inferred from its NatName " + natName +
                                             " (HNS names a NAT network's WinNAT instance NAT<GUID>)";
                s.lost.push_back(said ? "Type: " + inferred : "Type: not in the dump; " + inferred);
            } else if (!icsName.empty() && !said) {
                s.lost.push_back("Type: not in the dump; the network's type is unknown: its NatName " +
                                 icsName +
                                 " shows that Internet Connection Sharing does its NAT (an ICS network, or a "
                                 "client's NAT network)");
            } else if (untyped && !said) {
                s.lost.push_back("Type: not in the dump; the network's type is unknown");
            }
            if (untyped || !natName.empty())
                addLostMember(s, "Type");
        }
        const bool namespaceTyped =
            s.kind == ResourceKind::Namespace &&
            std::any_of(s.document.items().begin(), s.document.items().end(),
                        [](const auto& item) { return equalsIgnoreCase(item.key(), "Type"); });
        protocolUnknownAsNull(s); // on the ELB policies, which the mapping makes port mappings
        mapV1(s);
        if (s.kind == ResourceKind::Namespace)
            typeOfV1Namespace(s, namespaceTyped);
        dhcpOfTransparent(s, containerNetwork);
        typeUnknownAsNull(s, untyped);
    } else {
        typeUnknownAsNull(s, false);
        protocolUnknownAsNull(s);
    }
    keepMistypedValues(s.document, std::move(mistyped), s.ownV1Members);
}

namespace {

/// Members the v1 objects have (hns_property_names.h; hns-v1-schema.md sections 2-5, inputs and outputs)
/// that have no v2 home, and those PowerShell adds (remoting's, the allocator key HNS misspells): known,
/// so not reported as unknown when they are kept under "_v1".
bool isKnownV1Member(std::string_view key)
{
    static constexpr std::array kAdded{"CompartmendId", "RunspaceId", "PSComputerName"};
    return isHnsProperty(key) ||
           std::any_of(kAdded.begin(), kAdded.end(), [&](const char* k) { return equalsIgnoreCase(key, k); });
}

} // namespace

std::vector<std::string> unknownFields(ResourceKind kind, const json& document,
                                       const std::vector<std::string>& ownV1Members)
{
    std::vector<std::string> unknown;
    const schema::TypeDef* type = schema::Catalog::builtin().type(resourceKindSchemaType(kind));
    if (!type || !document.is_object())
        return unknown;
    for (const auto& [key, value] : document.items()) {
        if (key == "_v1" && value.is_object()) {
            for (const auto& item : value.items())
                if (!isKnownV1Member(item.key()) &&
                    std::find(ownV1Members.begin(), ownV1Members.end(), item.key()) == ownV1Members.end())
                    unknown.push_back(item.key());
        } else if (key != "_v1" && !type->field(key)) {
            unknown.push_back(key);
        }
    }
    return unknown;
}

} // namespace hcn::io::detail
