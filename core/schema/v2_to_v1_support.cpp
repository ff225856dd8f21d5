#include "schema/v2_to_v1_support.h"

#include <string>

namespace hcn::schema::v1 {
namespace {

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

} // namespace

void copyIfPresent(const json& from, json& to, std::string_view key, std::string_view as)
{
    if (const json* value = findValue(from, key))
        to[std::string(as.empty() ? key : as)] = *value;
}

void copyGuidIfPresent(const json& from, json& to, std::string_view key, std::string_view as)
{
    if (const json* value = findValue(from, key))
        to[std::string(as.empty() ? key : as)] = upperGuid(*value);
}

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

const json* subnetGateway(const json& subnet)
{
    const json* routes = findValue(subnet, "Routes");
    if (!routes || !routes->is_array())
        return nullptr;
    for (const auto& route : *routes) {
        const std::string destination = stringOr(findValue(route, "DestinationPrefix"));
        if (destination == "0.0.0.0/0" || destination == "::/0")
            return findValue(route, "NextHop");
    }
    return nullptr;
}

} // namespace hcn::schema::v1
