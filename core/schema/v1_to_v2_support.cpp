#include "schema/v1_to_v2_support.h"

#include <array>

namespace hcn::schema::v1 {
namespace {

// Fields of Base that every v2 resource carries; they pass through unchanged.
const std::initializer_list<std::string_view> kBaseFields = {"Owner", "AdditionalParams", "SchemaVersion",
                                                             "Telemetry"};

} // namespace

Leftovers::Leftovers(json& source)
{
    if (auto previous = takeKey(source, kAnnotation); previous && previous->is_object())
        m_fields = std::move(*previous);
}

void Leftovers::keep(const std::string& key, json value)
{
    m_fields[key] = std::move(value);
}

void Leftovers::keepPolicy(json policy)
{
    json& list = m_fields["Policies"];
    if (!list.is_array())
        list = json::array();
    list.push_back(std::move(policy));
}

void Leftovers::writeTo(json& out)
{
    if (!m_fields.empty())
        out[std::string(kAnnotation)] = std::move(m_fields);
}

void distributeRemainder(json& source, json& out, Leftovers& leftovers,
                         std::initializer_list<std::string_view> v2Fields,
                         std::initializer_list<std::string_view> dropped)
{
    for (auto it = source.begin(); it != source.end(); ++it) {
        const std::string& key = it.key();
        if (canonicalName(dropped, key))
            continue;
        auto name = canonicalName(v2Fields, key);
        if (!name)
            name = canonicalName(kBaseFields, key);
        if (name && !out.contains(*name)) {
            out[std::string(*name)] = std::move(*it);
            continue;
        }
        leftovers.keep(key, std::move(*it));
    }
}

void moveKey(json& source, json& out, std::string_view key)
{
    if (auto value = takeKey(source, key))
        out[std::string(key)] = std::move(*value);
}

void takeHealth(json& source, json& out)
{
    auto health = takeKey(source, "Health");
    if (!health || !health->is_object())
        return;
    if (hasKey(*health, "Extra") || hasKey(*health, "Data"))
        out["Health"] = std::move(*health);
}

Status splitList(const json& value, const char* field, std::vector<std::string>& items)
{
    if (value.is_null())
        return {};
    if (value.is_array()) {
        for (const auto& entry : value) {
            if (!entry.is_string())
                return structureError(std::string(field) +
                                      " must be a comma-separated string or an array of strings.");
            if (!entry.get_ref<const std::string&>().empty())
                items.push_back(entry.get<std::string>());
        }
        return {};
    }
    if (!value.is_string())
        return structureError(std::string(field) + " must be a comma-separated string.");
    const auto& text = value.get_ref<const std::string&>();
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(',', start);
        if (end == std::string::npos)
            end = text.size();
        std::string item = text.substr(start, end - start);
        const auto first = item.find_first_not_of(" \t");
        const auto last = item.find_last_not_of(" \t");
        if (first != std::string::npos)
            items.push_back(item.substr(first, last - first + 1));
        start = end + 1;
    }
    return {};
}

Status takeDns(json& source, json& out, Leftovers& leftovers)
{
    constexpr std::array kV1DnsFields = {"DNSServerList", "DNSSuffix", "DNSDomain"};
    if (hasKey(source, "Dns")) {
        for (const char* field : kV1DnsFields) {
            if (auto value = takeKey(source, field))
                leftovers.keep(field, std::move(*value));
        }
        return {};
    }
    json dns = json::object();
    if (auto servers = takeKey(source, "DNSServerList")) {
        std::vector<std::string> items;
        if (Status status = splitList(*servers, "DNSServerList", items); !status)
            return status;
        if (!items.empty())
            dns["ServerList"] = items;
    }
    if (auto suffix = takeKey(source, "DNSSuffix")) {
        std::vector<std::string> items;
        if (Status status = splitList(*suffix, "DNSSuffix", items); !status)
            return status;
        if (!items.empty())
            dns["Search"] = items;
    }
    if (auto domain = takeKey(source, "DNSDomain"); domain && !isEmptyValue(*domain))
        dns["Domain"] = std::move(*domain);
    if (!dns.empty())
        out["Dns"] = std::move(dns);
    return {};
}

} // namespace hcn::schema::v1
