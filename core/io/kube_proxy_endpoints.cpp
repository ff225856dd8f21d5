// kube-proxy's records of HNS endpoints read for the endpoints they name (see kube_proxy_endpoints.h).

#include "io/kube_proxy_endpoints.h"

#include "common/capped_list.h"
#include "common/json_member.h"
#include "common/text.h"
#include "hcn/guid.h"
#include "io/object_ids.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

namespace hcn::io {

bool isKubeProxyEndpointType(std::string_view type)
{
    while (!type.empty() && (type.front() == '&' || type.front() == '*'))
        type.remove_prefix(1);
    return type == "winkernel.endpointsInfo" || type == "winkernel.endpointInfo";
}

bool isKubeProxyServiceType(std::string_view type)
{
    while (!type.empty() && (type.front() == '&' || type.front() == '*'))
        type.remove_prefix(1);
    return type == "winkernel.serviceInfo";
}

bool isKubeProxyEndpointMember(std::string_view name)
{
    static constexpr std::array<std::string_view, 12> kMembers{
        "ip",  "port",  "isLocal", "macAddress",  "hnsID",    "hnsId",
        "hns", "ready", "serving", "terminating", "refCount", "providerAddress"};
    return std::find(kMembers.begin(), kMembers.end(), name) != kMembers.end();
}

namespace {

/// How the notes of a dump filled from such a record name it.
constexpr std::string_view kRecordPlace = "kube-proxy's record of the endpoint (";

/// A member in its own case: kube-proxy's records are told by the names Go gives their fields.
const nlohmann::json* exactMember(const nlohmann::json& object, const char* key)
{
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

std::string kubeProxyString(const nlohmann::json* value)
{
    return value && value->is_string() ? std::string(trimBlanks(value->get_ref<const std::string&>()))
                                       : std::string();
}

std::optional<bool> kubeProxyBool(const nlohmann::json* value)
{
    if (value && value->is_boolean())
        return value->get<bool>();
    if (value && value->is_string()) {
        const std::string_view text = trimBlanks(value->get_ref<const std::string&>());
        if (equalsIgnoreCase(text, "true") || equalsIgnoreCase(text, "false"))
            return equalsIgnoreCase(text, "true");
    }
    return std::nullopt;
}

/// "kube-proxy's record of the endpoint (lines 1-7)", "(line 3 of kube-proxy.log)".
std::string kubeProxyRecordPlace(const KubeProxyEndpoint& r)
{
    const std::string lines = r.firstLine == r.lastLine
                                  ? "line " + std::to_string(r.firstLine)
                                  : "lines " + std::to_string(r.firstLine) + "-" + std::to_string(r.lastLine);
    return std::string(kRecordPlace) + lines + (r.source.empty() ? std::string() : " of " + r.source) + ")";
}

std::string macDigits(std::string_view mac)
{
    std::string digits;
    for (const char c : mac)
        if (c != '-' && c != ':' && c != '.')
            digits += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return digits;
}

/// HNS spells a MAC address with dashes (`00-15-5D-...`); kube-proxy keeps the one HNS gave it, or
/// prints it with colons.
std::string hnsMac(std::string_view mac)
{
    std::string spelled(mac);
    std::replace(spelled.begin(), spelled.end(), ':', '-');
    return spelled;
}

/// The text of a member as a dump gives it: `"10.244.1.5"` as 10.244.1.5, `true` as true.
std::string shownValue(const nlohmann::json& value)
{
    return value.is_string() ? value.get<std::string>() : value.dump();
}

} // namespace

std::optional<KubeProxyEndpoint> kubeProxyEndpointIn(const nlohmann::json& value)
{
    if (!value.is_object())
        return std::nullopt;
    const auto exact = [&](const char* key) { return exactMember(value, key); };
    const nlohmann::json* id = exact("hnsID") ? exact("hnsID") : exact("hnsId");
    if (!id || !id->is_string() || !(exact("ip") || exact("isLocal") || exact("macAddress")))
        return std::nullopt;
    KubeProxyEndpoint record;
    record.id = kubeProxyString(id);
    if (!Guid::parse(record.id, true))
        return std::nullopt;
    record.ip = kubeProxyString(exact("ip"));
    record.mac = kubeProxyString(exact("macAddress"));
    if (const std::optional<bool> local = kubeProxyBool(exact("isLocal")))
        record.remote = !*local;
    return record;
}

namespace {

/// Members only winkernel's serviceInfo has (beside `hnsID`): a record the paste cut before its cluster
/// IP, port and protocol is told by them.
bool hasServiceInfoMember(const nlohmann::json& value)
{
    for (const char* own : {"policyApplied", "nodePorthnsID", "loadBalancerIngressIPs"})
        if (exactMember(value, own))
            return true;
    return false;
}

/// "10.96.0.10:53/UDP" from a service record's cluster IP, port and protocol (on it or on the base it
/// embeds); "port 53/UDP" without the IP; empty when it shows none of them.
std::string serviceAddress(const nlohmann::json& value)
{
    const nlohmann::json* base = &value;
    for (const char* embedded : {"BaseServiceInfo", "BaseServicePortInfo"})
        if (const nlohmann::json* b = exactMember(value, embedded); b && b->is_object())
            base = b;
    const nlohmann::json* port = exactMember(*base, "port");
    std::string address = kubeProxyString(exactMember(*base, "clusterIP"));
    if (address.find(':') != std::string::npos)
        address = "[" + address + "]"; // IPv6
    if (port && port->is_number_integer())
        address += ":" + std::to_string(port->get<long long>());
    else if (const std::string text = kubeProxyString(port); !text.empty())
        address += ":" + text;
    if (const std::string text = kubeProxyString(exactMember(*base, "protocol")); !text.empty())
        address += "/" + text;
    if (!address.empty() && address.front() == ':')
        address.replace(0, 1, "port ");
    return address;
}

} // namespace

std::optional<KubeProxyService> kubeProxyServiceIn(const nlohmann::json& value)
{
    if (!value.is_object())
        return std::nullopt;
    const nlohmann::json* id = exactMember(value, "hnsID");
    if (!id || !id->is_string())
        return std::nullopt;
    // The service's own fields, on the record or on the base it embeds.
    const nlohmann::json* base = &value;
    for (const char* embedded : {"BaseServiceInfo", "BaseServicePortInfo"})
        if (const nlohmann::json* b = exactMember(value, embedded); b && b->is_object())
            base = b;
    if (!exactMember(*base, "clusterIP") && !exactMember(*base, "port") && !exactMember(*base, "protocol") &&
        !exactMember(value, "targetPort") && !hasServiceInfoMember(value))
        return std::nullopt;
    KubeProxyService record;
    record.id = kubeProxyString(id);
    if (!Guid::parse(record.id, true))
        return std::nullopt;
    record.address = serviceAddress(value);
    return record;
}

std::optional<std::string> unprogrammedServiceIn(const nlohmann::json& value)
{
    if (!value.is_object() || !hasServiceInfoMember(value))
        return std::nullopt;
    const nlohmann::json* id = exactMember(value, "hnsID");
    if (!id || !id->is_string())
        return std::nullopt;
    std::vector<std::string> missing;
    const std::optional<bool> applied = kubeProxyBool(exactMember(value, "policyApplied"));
    if (applied == false)
        missing.push_back("policyApplied false");
    const std::string lb = kubeProxyString(id);
    if (lb.empty())
        missing.push_back("no HNS load balancer for its cluster IP (hnsID empty)");
    // Its load balancer ingress and external IPs: each gets a load balancer of its own.
    for (const auto& [list, what] :
         {std::pair{"loadBalancerIngressIPs", "ingress IP "}, std::pair{"externalIPs", "external IP "}}) {
        const nlohmann::json* ips = exactMember(value, list);
        if (!ips || !ips->is_array())
            continue;
        for (const nlohmann::json& ip : *ips) {
            const nlohmann::json* ipId = ip.is_object() ? exactMember(ip, "hnsID") : nullptr;
            if (ipId && ipId->is_string() && kubeProxyString(ipId).empty())
                missing.push_back(what + kubeProxyString(exactMember(ip, "ip")) +
                                  " has no HNS load balancer (its hnsID is empty)");
        }
    }
    if (missing.empty())
        return std::nullopt;
    const std::string address = serviceAddress(value);
    // Its load balancer's ID is said too: the warning stands for the line naming it on the record's lines.
    std::string service = !address.empty() ? "service " + address
                          : !lb.empty()    ? "the service whose cluster IP has HNS load balancer " + lb
                                           : "a service";
    if (!address.empty() && !lb.empty())
        service += " (HNS load balancer " + lb + ")";
    // A service with a load balancer for its cluster IP was programmed in part.
    return std::string(lb.empty() ? "kube-proxy had not programmed "
                                  : "kube-proxy had not finished programming ") +
           service + " in HNS when it logged this record of it: " + joinedList(missing, "; ");
}

bool looksLikeV1Endpoint(const nlohmann::json& object)
{
    if (!object.is_object())
        return false;
    for (const char* v2 : {"HostComputeNetwork", "HostComputeNamespace", "IpConfigurations", "SchemaVersion"})
        if (object.contains(v2))
            return false;
    return true;
}

void fillFromKubeProxy(nlohmann::json& doc, EndpointDump dump, const KubeProxyEndpoint& r,
                       std::vector<std::string>& notes)
{
    if (!doc.is_object())
        return;
    std::vector<std::string> taken;
    std::vector<std::string> differing;
    // Its address: v1 IPAddress, v2 the first of IpConfigurations.
    if (!r.ip.empty()) {
        nlohmann::json* shown = nullptr;
        if (dump.v1)
            shown = memberIgnoringCase(doc, "IPAddress");
        else if (nlohmann::json* configs = memberIgnoringCase(doc, "IpConfigurations");
                 configs && configs->is_array() && !configs->empty() && (*configs)[0].is_object())
            shown = memberIgnoringCase((*configs)[0], "IpAddress");
        if (!shown || shown->is_null()) {
            if (dump.v1)
                doc["IPAddress"] = r.ip;
            else
                doc["IpConfigurations"] = nlohmann::json::array({{{"IpAddress", r.ip}}});
            taken.push_back((dump.v1 ? "IPAddress " : "IpConfigurations ") + r.ip);
        } else if (!equalsIgnoreCase(trimBlanks(shownValue(*shown)), r.ip)) {
            differing.push_back("ip " + r.ip + " where the dump gives " + shownValue(*shown));
        }
    }
    if (!r.mac.empty()) {
        nlohmann::json* shown = memberIgnoringCase(doc, "MacAddress");
        if (!shown || shown->is_null()) {
            doc["MacAddress"] = hnsMac(r.mac);
            taken.push_back("MacAddress " + hnsMac(r.mac));
        } else if (macDigits(shownValue(*shown)) != macDigits(r.mac)) {
            differing.push_back("macAddress " + r.mac + " where the dump gives " + shownValue(*shown));
        }
    }
    // Whether it is remote: v1 IsRemoteEndpoint, v2 Flags' RemoteEndpoint (1).
    if (r.remote) {
        const nlohmann::json* shown = memberIgnoringCase(doc, dump.v1 ? "IsRemoteEndpoint" : "Flags");
        std::optional<bool> remote;
        if (shown && dump.v1)
            remote = kubeProxyBool(shown);
        else if (shown && shown->is_number_unsigned())
            remote = (shown->get<std::uint64_t>() & 1u) != 0;
        else if (!shown && dump.leftOutIsFalse)
            remote = false;
        if (!remote && !shown) {
            if (dump.v1)
                doc["IsRemoteEndpoint"] = *r.remote;
            else
                doc["Flags"] = *r.remote ? 1 : 0;
            taken.push_back(dump.v1 ? std::string("IsRemoteEndpoint ") + (*r.remote ? "true" : "false")
                                    : std::string(*r.remote ? "Flags RemoteEndpoint" : "Flags None"));
        } else if (remote && *remote != *r.remote) {
            differing.push_back(std::string("isLocal ") + (*r.remote ? "false" : "true") +
                                " where the dump has it " + (*remote ? "remote" : "local"));
        }
    }
    const std::string place = kubeProxyRecordPlace(r);
    if (!taken.empty())
        notes.push_back(joinedList(taken, ", ") + ": not in this dump of it; taken from " + place);
    if (!differing.empty())
        notes.push_back(place + " gives " + joinedList(differing, "; ") +
                        "; the snapshot keeps what the dump of HNS gives");
    if (taken.empty() && differing.empty())
        notes.push_back("also shown in " + place + ", which agrees");
}

void fillEndpointsFromKubeProxyRecords(std::vector<FoundValue>& values)
{
    // The records by the ID they name (several: kube-proxy logs one on every sync).
    std::multimap<std::string, std::size_t> records;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (const std::optional<KubeProxyEndpoint> record = kubeProxyEndpointIn(values[i].value))
            records.emplace(detail::idKey(record->id), i);
    if (records.empty())
        return;
    std::vector<bool> used(values.size(), false);
    for (FoundValue& found : values) {
        // An object of any kind the text does not tell (`&{Id:...}`) the record names is its endpoint.
        if ((found.kindHint != ResourceKind::Endpoint && found.kindHint != ResourceKind::Invalid) ||
            !found.value.is_object() || kubeProxyEndpointIn(found.value))
            continue;
        const nlohmann::json* id = memberIgnoringCase(found.value, "ID");
        if (!id || !id->is_string())
            continue;
        const auto [first, last] = records.equal_range(detail::idKey(id->get_ref<const std::string&>()));
        if (first == last)
            continue;
        // The record nearest before the dump (kube-proxy logs it as it looks the endpoint up), else the
        // first after it; the others repeat it.
        auto nearest = first;
        for (auto it = first; it != last; ++it)
            if (values[it->second].firstLine <= found.firstLine)
                nearest = it;
        const FoundValue& recordValue = values[nearest->second];
        KubeProxyEndpoint record = *kubeProxyEndpointIn(recordValue.value);
        record.firstLine = recordValue.firstLine;
        record.lastLine = recordValue.lastLine;
        fillFromKubeProxy(found.value, {looksLikeV1Endpoint(found.value), false}, record, found.repairs);
        for (auto it = first; it != last; ++it)
            used[it->second] = true;
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (used[i])
            continue;
        if (kept != i)
            values[kept] = std::move(values[i]);
        ++kept;
    }
    values.resize(kept);
}

} // namespace hcn::io
