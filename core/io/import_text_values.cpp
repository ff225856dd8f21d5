// Numbers and booleans a dump gives as text, read as the numbers and booleans HNS writes.
// `Import-Csv` reads every cell as text, so `Import-Csv ... | ConvertTo-Json` writes `"State": "3"`; people
// editing JSON by hand quote numbers too. Only members that HNS writes as a number or a boolean in every
// version (hns-v1-schema.md, hcn-schema.json) are read so; a name or an address that happens to be made
// of digits stays text.

#include "common/text.h"
#include "hcn/dump_formats.h"
#include "hcn/json_limits.h"
#include "io/import_objects.h"

#include <algorithm>
#include <array>
#include <optional>
#include <set>

namespace hcn::io::detail {
namespace {

constexpr std::array kBooleanMembers{"AutomaticDNS", "DisableICC",    "EnableInternalDNS", "EnableLowMetric",
                                     "ILB",          "IPv6",          "IsApplied",         "IsDefault",
                                     "IsDSR",        "IsolateSwitch", "IsRemoteEndpoint",  "NeedEncap"};

constexpr std::array kNumberMembers{"CompartmentId",
                                    "CurrentEndpointCount",
                                    "DistributionType",
                                    "DNSServerCompartment",
                                    "EncapOverhead",
                                    "ExternalPort",
                                    "Flags",
                                    "InternalPort",
                                    "IPv6PrefixLength",
                                    "MaxConcurrentEndpoints",
                                    "PrefixLength",
                                    "Priority",
                                    "Protocol",
                                    "State",
                                    "TotalEndpoints",
                                    "VSID"};

template <std::size_t N> bool named(const std::array<const char*, N>& names, std::string_view key)
{
    return std::any_of(names.begin(), names.end(),
                       [&](const char* name) { return equalsIgnoreCase(key, name); });
}

/// `0x14`: a number written in hex, as a Go `%#v` dump, a debugger or a hand edit writes it; `007`: in
/// decimal with leading zeros.
std::optional<json> hexOrPaddedNumber(std::string_view text)
{
    const bool hex = text.size() >= 3 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
    const std::string_view digits = hex ? text.substr(2) : text;
    if (digits.empty() || digits.size() > (hex ? 16 : 19) || (!hex && digits.front() != '0'))
        return std::nullopt;
    std::uint64_t value = 0;
    for (char c : digits) {
        const int digit = hex ? hexDigit(c) : (c >= '0' && c <= '9' ? c - '0' : -1);
        if (digit < 0)
            return std::nullopt;
        value = value * (hex ? 16 : 10) + std::uint64_t(digit);
    }
    return json(value);
}

/// `text` as the scalar PowerShell prints for a boolean or a number (`True`, `3`), read by the list
/// view's value reader, or a number in hex or with leading zeros; nothing for anything else.
std::optional<json> printedScalar(const std::string& text)
{
    if (text.empty() || text.front() == '@' || text.front() == '{')
        return std::nullopt;
    if (auto number = hexOrPaddedNumber(text))
        return number;
    std::vector<std::string> losses;
    json value = parsePowerShellValue(text, losses);
    if (value.is_boolean() || value.is_number_integer())
        return value;
    return std::nullopt;
}

void typeMembers(json& value, std::set<std::string>& typed, int depth)
{
    if (depth > kDefaultMaxJsonDepth)
        return;
    if (value.is_array()) {
        for (json& element : value)
            typeMembers(element, typed, depth + 1);
        return;
    }
    if (!value.is_object())
        return;
    for (auto& [key, member] : value.items()) {
        if (member.is_string()) {
            const bool wanted = named(kBooleanMembers, key) || named(kNumberMembers, key);
            if (auto scalar = wanted ? printedScalar(member.get_ref<const std::string&>()) : std::nullopt;
                scalar && scalar->is_boolean() == named(kBooleanMembers, key)) {
                member = std::move(*scalar);
                typed.insert(key);
            }
            continue;
        }
        typeMembers(member, typed, depth + 1);
    }
}

} // namespace

bool holdsNumber(std::string_view key)
{
    return named(kNumberMembers, key);
}

std::vector<std::string> typeTextValues(json& document)
{
    std::set<std::string> typed;
    typeMembers(document, typed, 0);
    return {typed.begin(), typed.end()};
}

} // namespace hcn::io::detail
