#include "hcn/ip_address.h"

#include "common/text.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <vector>

namespace hcn {
namespace {

constexpr Uint128 kAllOnes = ~Uint128{0};

Uint128 widthMask(int width)
{
    return width >= 128 ? kAllOnes : ((Uint128{1} << width) - 1);
}

/// The network mask of a prefix of `length` bits inside a `width`-bit address.
Uint128 prefixMask(int width, int length)
{
    if (length <= 0)
        return 0;
    return (kAllOnes << (width - length)) & widthMask(width);
}

/// A decimal number without sign, spaces or superfluous leading zeros ("0" is fine, "00" and "010" are not).
std::optional<unsigned> parseStrictDecimal(std::string_view text, std::size_t maxDigits)
{
    if (text.empty() || text.size() > maxDigits)
        return std::nullopt;
    if (text.size() > 1 && text.front() == '0')
        return std::nullopt;
    unsigned value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + static_cast<unsigned>(c - '0');
    }
    return value;
}

// Leading zeros are refused because inet_aton and some Windows tools read "010" as octal 8: accepting it
// would silently give a different address than the user meant.
std::optional<std::uint32_t> parseV4(std::string_view text)
{
    std::uint32_t value = 0;
    for (int octet = 0; octet < 4; ++octet) {
        const std::size_t dot = text.find('.');
        const bool last = octet == 3;
        if (last != (dot == std::string_view::npos))
            return std::nullopt; // too few or too many octets
        const auto part = parseStrictDecimal(last ? text : text.substr(0, dot), 3);
        if (!part || *part > 255)
            return std::nullopt;
        value = (value << 8) | *part;
        if (!last)
            text.remove_prefix(dot + 1);
    }
    return value;
}

/// Parses colon-separated groups (no "::" inside) into 16-bit words; the last piece may be an IPv4 tail
/// when allowV4Tail. An empty text yields no words.
bool parseV6Groups(std::string_view text, bool allowV4Tail, std::vector<std::uint16_t>& words)
{
    if (text.empty())
        return true;
    while (true) {
        const std::size_t colon = text.find(':');
        const std::string_view piece = text.substr(0, colon);
        if (colon == std::string_view::npos && allowV4Tail && piece.find('.') != std::string_view::npos) {
            const auto v4 = parseV4(piece);
            if (!v4)
                return false;
            words.push_back(static_cast<std::uint16_t>(*v4 >> 16));
            words.push_back(static_cast<std::uint16_t>(*v4 & 0xFFFF));
            return true;
        }
        if (piece.empty() || piece.size() > 4)
            return false;
        unsigned word = 0;
        for (char c : piece) {
            const int d = hexDigit(c);
            if (d < 0)
                return false;
            word = (word << 4) | static_cast<unsigned>(d);
        }
        words.push_back(static_cast<std::uint16_t>(word));
        if (colon == std::string_view::npos)
            return true;
        text.remove_prefix(colon + 1);
        if (text.empty())
            return false; // trailing single colon
    }
}

std::optional<Uint128> parseV6(std::string_view text)
{
    std::vector<std::uint16_t> head;
    std::vector<std::uint16_t> tail;
    head.reserve(8);
    tail.reserve(8);

    const std::size_t gap = text.find("::");
    if (gap == std::string_view::npos) {
        if (!parseV6Groups(text, true, head) || head.size() != 8)
            return std::nullopt;
    } else {
        const std::string_view before = text.substr(0, gap);
        const std::string_view after = text.substr(gap + 2);
        // A second "::" or a ":::" shows up here as an empty piece and is refused by parseV6Groups.
        if (!parseV6Groups(before, false, head) || !parseV6Groups(after, true, tail))
            return std::nullopt;
        // "::" stands for at least one zero group.
        if (head.size() + tail.size() > 7)
            return std::nullopt;
    }

    Uint128 value = 0;
    for (auto word : head)
        value = (value << 16) | word;
    const std::size_t zeros = 8 - head.size() - tail.size();
    if (zeros < 8) // "::" alone: shifting a 128-bit value by 128 is undefined, and the value is 0 anyway
        value <<= 16 * zeros;
    for (auto word : tail)
        value = (value << 16) | word;
    return value;
}

std::string v4ToString(std::uint32_t value)
{
    // Formatted by hand: addresses are printed on every endpoint create (snprintf showed in profiles).
    std::string text;
    text.reserve(15);
    for (int shift = 24; shift >= 0; shift -= 8) {
        const unsigned octet = (value >> shift) & 0xFF;
        if (octet >= 100)
            text += static_cast<char>('0' + octet / 100);
        if (octet >= 10)
            text += static_cast<char>('0' + octet / 10 % 10);
        text += static_cast<char>('0' + octet % 10);
        if (shift > 0)
            text += '.';
    }
    return text;
}

// RFC 5952: lower-case hex without leading zeros, the longest run of two or more zero groups (the first
// one on a tie) replaced by "::", and IPv4-mapped addresses (section 5) in mixed notation.
std::string v6ToString(Uint128 value)
{
    std::uint16_t words[8];
    for (int i = 0; i < 8; ++i)
        words[i] = static_cast<std::uint16_t>(value >> (16 * (7 - i)));

    const bool v4Mapped = (value >> 32) == 0xFFFF;
    const int hexWords = v4Mapped ? 6 : 8;

    int bestStart = -1;
    int bestLength = 0;
    for (int i = 0; i < hexWords;) {
        if (words[i] != 0) {
            ++i;
            continue;
        }
        int j = i;
        while (j < hexWords && words[j] == 0)
            ++j;
        if (j - i > bestLength) {
            bestStart = i;
            bestLength = j - i;
        }
        i = j;
    }
    if (bestLength < 2)
        bestStart = -1;

    std::string text;
    text.reserve(45);
    for (int i = 0; i < hexWords; ++i) {
        if (i == bestStart) {
            text += "::";
            i += bestLength - 1;
            continue;
        }
        if (!text.empty() && text.back() != ':')
            text += ':';
        char group[5];
        std::snprintf(group, sizeof group, "%x", static_cast<unsigned>(words[i]));
        text += group;
    }
    if (v4Mapped) {
        if (text.back() != ':')
            text += ':';
        text += v4ToString(static_cast<std::uint32_t>(value));
    }
    return text;
}

} // namespace

std::optional<IpAddress> IpAddress::parse(std::string_view text)
{
    if (text.find(':') != std::string_view::npos) {
        if (const auto value = parseV6(text))
            return fromValue(IpFamily::V6, *value);
        return std::nullopt;
    }
    if (const auto value = parseV4(text))
        return fromV4(*value);
    return std::nullopt;
}

IpAddress IpAddress::fromV4(std::uint32_t hostOrder)
{
    return fromValue(IpFamily::V4, hostOrder);
}

IpAddress IpAddress::fromValue(IpFamily family, Uint128 value)
{
    IpAddress address;
    address.m_family = family;
    address.m_value = family == IpFamily::V4 ? (value & widthMask(32)) : value;
    return address;
}

std::string IpAddress::toString() const
{
    return isV4() ? v4ToString(static_cast<std::uint32_t>(m_value)) : v6ToString(m_value);
}

std::optional<IpPrefix> IpPrefix::parse(std::string_view text, bool allowHostBits)
{
    const std::size_t slash = text.find('/');
    if (slash == std::string_view::npos)
        return std::nullopt;
    const auto address = IpAddress::parse(text.substr(0, slash));
    if (!address)
        return std::nullopt;
    const auto length = parseStrictDecimal(text.substr(slash + 1), 3);
    if (!length || static_cast<int>(*length) > address->bitWidth())
        return std::nullopt;

    IpPrefix prefix(*address, static_cast<int>(*length));
    if (!allowHostBits && prefix.network() != *address)
        return std::nullopt;
    return prefix;
}

// Out-of-range lengths are clamped: the constructor cannot report errors, and a clamped prefix keeps
// every arithmetic function well-defined. Callers with untrusted input go through parse().
IpPrefix::IpPrefix(IpAddress address, int length)
    : m_address(address), m_length(std::clamp(length, 0, address.bitWidth()))
{}

IpAddress IpPrefix::network() const
{
    const Uint128 mask = prefixMask(m_address.bitWidth(), m_length);
    return IpAddress::fromValue(family(), m_address.value() & mask);
}

IpAddress IpPrefix::last() const
{
    const int width = m_address.bitWidth();
    const Uint128 mask = prefixMask(width, m_length);
    return IpAddress::fromValue(family(), (m_address.value() & mask) | (~mask & widthMask(width)));
}

std::uint64_t IpPrefix::size() const
{
    const int hostBits = m_address.bitWidth() - m_length;
    if (hostBits >= 64)
        return std::numeric_limits<std::uint64_t>::max();
    return std::uint64_t{1} << hostBits;
}

bool IpPrefix::contains(const IpAddress& a) const
{
    if (a.family() != family())
        return false;
    const Uint128 mask = prefixMask(m_address.bitWidth(), m_length);
    return (a.value() & mask) == (m_address.value() & mask);
}

bool IpPrefix::overlaps(const IpPrefix& other) const
{
    if (other.family() != family())
        return false;
    // Two prefixes overlap exactly when the shorter one contains the other's network.
    const int shorter = std::min(m_length, other.m_length);
    const Uint128 mask = prefixMask(m_address.bitWidth(), shorter);
    return (m_address.value() & mask) == (other.m_address.value() & mask);
}

std::string IpPrefix::toString() const
{
    return network().toString() + '/' + std::to_string(m_length);
}

} // namespace hcn

std::size_t std::hash<hcn::IpAddress>::operator()(const hcn::IpAddress& a) const noexcept
{
    const auto high = static_cast<std::uint64_t>(a.value() >> 64);
    const auto low = static_cast<std::uint64_t>(a.value());
    // splitmix64 finaliser: sequential addresses (what IPAM produces) must not cluster in the buckets.
    std::uint64_t h = low ^ (high * 0x9E3779B97F4A7C15ull) ^ (a.isV4() ? 0 : 0xD6E8FEB86659FD93ull);
    h ^= h >> 30;
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 27;
    h *= 0x94D049BB133111EBull;
    h ^= h >> 31;
    return static_cast<std::size_t>(h);
}
