// Numbers and booleans a dump gives as text, read as the numbers and booleans HNS writes.
// `Import-Csv` reads every cell as text, so `Import-Csv ... | ConvertTo-Json` writes `"State": "3"`; people
// editing JSON by hand quote numbers too. Only members that HNS writes as a number or a boolean in every
// version (hns-v1-schema.md, hcn-schema.json) are read so; a name or an address that happens to be made
// of digits stays text.

#include "common/text.h"
#include "hcn/json_limits.h"
#include "io/import_objects.h"

#include <algorithm>
#include <array>
#include <charconv>
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

/// `text` as the boolean PowerShell prints (`True`, `False`, any case).
std::optional<bool> booleanText(std::string_view text)
{
    text = trimSpace(text);
    if (equalsIgnoreCase(text, "true"))
        return true;
    if (equalsIgnoreCase(text, "false"))
        return false;
    return std::nullopt;
}

/// `text` as a whole unsigned decimal number.
std::optional<std::uint64_t> numberText(std::string_view text)
{
    text = trimSpace(text);
    std::uint64_t value = 0;
    if (text.empty() || text.size() > 20)
        return std::nullopt;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
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
            const std::string& text = member.get_ref<const std::string&>();
            if (named(kBooleanMembers, key)) {
                if (auto b = booleanText(text)) {
                    member = *b;
                    typed.insert(key);
                }
            } else if (named(kNumberMembers, key)) {
                if (auto n = numberText(text)) {
                    member = *n;
                    typed.insert(key);
                }
            }
            continue;
        }
        typeMembers(member, typed, depth + 1);
    }
}

} // namespace

std::vector<std::string> typeTextValues(json& document)
{
    std::set<std::string> typed;
    typeMembers(document, typed, 0);
    return {typed.begin(), typed.end()};
}

} // namespace hcn::io::detail
