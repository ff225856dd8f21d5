#include "hcn/mac_address.h"

#include "common/text.h"

namespace hcn {
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
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string text(17, '-');
    for (int i = 0; i < 6; ++i) {
        const auto octet = static_cast<unsigned>(m_value >> (40 - 8 * i)) & 0xFF;
        text[static_cast<std::size_t>(3 * i)] = kHex[octet >> 4];
        text[static_cast<std::size_t>(3 * i + 1)] = kHex[octet & 0xF];
    }
    return text;
}

} // namespace hcn
