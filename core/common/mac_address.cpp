#include "hcn/mac_address.h"

#include <cstdio>

namespace hcn {
namespace {

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

std::optional<MacAddress> MacAddress::parse(std::string_view text)
{
    // Exactly "XX?XX?XX?XX?XX?XX" with one separator kind throughout: a mixed spelling is more likely a
    // typo than an intent, and HNS only ever prints the dash form.
    if (text.size() != 17)
        return std::nullopt;
    const char separator = text[2];
    if (separator != '-' && separator != ':')
        return std::nullopt;

    std::uint64_t value = 0;
    for (std::size_t group = 0; group < 6; ++group) {
        const std::size_t pos = group * 3;
        if (group > 0 && text[pos - 1] != separator)
            return std::nullopt;
        const int high = hexDigit(text[pos]);
        const int low = hexDigit(text[pos + 1]);
        if (high < 0 || low < 0)
            return std::nullopt;
        value = (value << 8) | static_cast<std::uint64_t>(high << 4 | low);
    }
    return MacAddress(value);
}

std::string MacAddress::toString() const
{
    char text[18];
    std::snprintf(text, sizeof text, "%02X-%02X-%02X-%02X-%02X-%02X",
                  static_cast<unsigned>(m_value >> 40) & 0xFF, static_cast<unsigned>(m_value >> 32) & 0xFF,
                  static_cast<unsigned>(m_value >> 24) & 0xFF, static_cast<unsigned>(m_value >> 16) & 0xFF,
                  static_cast<unsigned>(m_value >> 8) & 0xFF, static_cast<unsigned>(m_value) & 0xFF);
    return text;
}

} // namespace hcn
