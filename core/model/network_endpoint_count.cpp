#include "hcn/network_endpoint_count.h"

#include "common/json_member.h"

#include <charconv>
#include <string>

namespace hcn {

namespace {

/// A count as a dump writes it: a non-negative whole number, or text of digits ("4", as CSV exports
/// write every value).
template <typename JsonType> std::optional<std::size_t> countValue(const JsonType& value)
{
    if (value.is_number_unsigned())
        return std::size_t(value.template get<std::uint64_t>());
    if (value.is_number_integer()) {
        const auto number = value.template get<std::int64_t>();
        return number >= 0 ? std::optional<std::size_t>(std::size_t(number)) : std::nullopt;
    }
    if (!value.is_string())
        return std::nullopt;
    const std::string& text = value.template get_ref<const std::string&>();
    std::size_t count = 0;
    const char* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, count);
    if (text.empty() || error != std::errc() || stop != end)
        return std::nullopt;
    return count;
}

template <typename JsonType> std::optional<std::size_t> statedCount(const JsonType& network)
{
    constexpr std::string_view kKey = "CurrentEndpointCount";
    if (const JsonType* v1 = memberIgnoringCase(network, "_v1"))
        if (const JsonType* value = memberIgnoringCase(*v1, kKey))
            return countValue(*value);
    if (const JsonType* value = memberIgnoringCase(network, kKey))
        return countValue(*value);
    return std::nullopt;
}

} // namespace

NetworkEndpointCount networkEndpointCount(const nlohmann::json& network, std::size_t held)
{
    return {held, statedCount(network)};
}

NetworkEndpointCount networkEndpointCount(const nlohmann::ordered_json& network, std::size_t held)
{
    return {held, statedCount(network)};
}

} // namespace hcn
