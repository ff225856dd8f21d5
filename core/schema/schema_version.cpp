#include "hcn/schema_version.h"

#include <charconv>

namespace hcn {

namespace {

// Digits only: no sign, no spaces, no hex, so "2.11" and " 2.11" are not the same version by accident.
std::optional<std::uint32_t> parseNumber(std::string_view text)
{
    if (text.empty())
        return std::nullopt;
    std::uint32_t value = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end)
        return std::nullopt;
    return value;
}

} // namespace

std::optional<SchemaVersion> SchemaVersion::parse(std::string_view text)
{
    const auto dot = text.find('.');
    if (dot == std::string_view::npos)
        return std::nullopt;
    const auto major = parseNumber(text.substr(0, dot));
    const auto minor = parseNumber(text.substr(dot + 1));
    if (!major || !minor)
        return std::nullopt;
    return SchemaVersion{*major, *minor};
}

} // namespace hcn
