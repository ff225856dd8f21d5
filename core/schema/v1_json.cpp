#include "schema/v1_json.h"

#include "common/text.h"
#include "hcn/guid.h"

#include <algorithm>

namespace hcn::schema::v1 {

json::iterator findKey(json& obj, std::string_view key)
{
    if (!obj.is_object())
        return obj.end();
    auto exact = obj.find(std::string(key));
    if (exact != obj.end())
        return exact;
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (equalsIgnoreCase(it.key(), key))
            return it;
    }
    return obj.end();
}

const json* findValue(const json& obj, std::string_view key)
{
    if (!obj.is_object())
        return nullptr;
    auto exact = obj.find(std::string(key));
    if (exact != obj.end())
        return &*exact;
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (equalsIgnoreCase(it.key(), key))
            return &*it;
    }
    return nullptr;
}

bool hasKey(const json& obj, std::string_view key)
{
    return findValue(obj, key) != nullptr;
}

std::optional<json> takeKey(json& obj, std::string_view key)
{
    auto it = findKey(obj, key);
    if (it == obj.end())
        return std::nullopt;
    json value = std::move(*it);
    obj.erase(it);
    return value;
}

void renameKey(json& obj, std::string_view from, std::string_view to)
{
    auto source = findKey(obj, from);
    if (source == obj.end())
        return;
    if (!equalsIgnoreCase(from, to) && hasKey(obj, to)) {
        obj.erase(source);
        return;
    }
    json value = std::move(*source);
    obj.erase(source);
    obj[std::string(to)] = std::move(value);
}

void canonicalizeKeys(json& obj, std::initializer_list<std::string_view> names)
{
    for (std::string_view name : names) {
        auto it = findKey(obj, name);
        if (it != obj.end() && it.key() != name) {
            json value = std::move(*it);
            obj.erase(it);
            obj[std::string(name)] = std::move(value);
        }
    }
}

std::optional<std::string_view> canonicalName(std::initializer_list<std::string_view> names,
                                              std::string_view name)
{
    for (std::string_view candidate : names) {
        if (equalsIgnoreCase(candidate, name))
            return candidate;
    }
    return std::nullopt;
}

bool startsWithIgnoreCase(std::string_view text, std::string_view prefix)
{
    return text.size() >= prefix.size() && equalsIgnoreCase(text.substr(0, prefix.size()), prefix);
}

std::string stringOr(const json* value, std::string fallback)
{
    return value && value->is_string() ? value->get<std::string>() : fallback;
}

bool isEmptyValue(const json& value)
{
    return value.is_null() || (value.is_string() && value.get_ref<const std::string&>().empty());
}

bool isZeroGuid(const json& value)
{
    if (!value.is_string())
        return false;
    const auto& text = value.get_ref<const std::string&>();
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == '0' || c == '-' || c == '{' || c == '}'; });
}

bool isIpv6Text(std::string_view text)
{
    return text.find(':') != std::string_view::npos;
}

std::optional<std::uint64_t> unsignedValue(const json* value)
{
    if (value && value->is_number_unsigned())
        return value->get<std::uint64_t>();
    if (value && value->is_number_integer() && value->get<std::int64_t>() >= 0)
        return static_cast<std::uint64_t>(value->get<std::int64_t>());
    return std::nullopt;
}

bool truthy(const json& value)
{
    return value.is_boolean() && value.get<bool>();
}

Status structureError(std::string detail)
{
    return Status(hr::InvalidJson, std::move(detail));
}

json upperGuid(const json& value)
{
    if (!value.is_string())
        return value;
    const auto guid = Guid::parse(value.get_ref<const std::string&>());
    return guid ? json(guid->toString(GuidCase::Upper)) : value;
}

} // namespace hcn::schema::v1
