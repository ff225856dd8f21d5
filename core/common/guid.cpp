#include "hcn/guid.h"

#include "common/text.h"

#include <random>

namespace hcn {
namespace {

// Reads exactly `digits` hex digits starting at `pos`; no sign, no prefix, no whitespace.
bool readHex(std::string_view text, std::size_t pos, std::size_t digits, std::uint64_t& out)
{
    out = 0;
    for (std::size_t i = 0; i < digits; ++i) {
        const int d = hexDigit(text[pos + i]);
        if (d < 0)
            return false;
        out = (out << 4) | static_cast<std::uint64_t>(d);
    }
    return true;
}

std::mt19937_64& generator()
{
    // One engine per thread so generate() needs no lock; seeded once from the OS entropy source.
    thread_local std::mt19937_64 engine = [] {
        std::random_device device;
        std::seed_seq seed{device(), device(), device(), device(), device(), device(), device(), device()};
        return std::mt19937_64(seed);
    }();
    return engine;
}

} // namespace

std::optional<Guid> Guid::parse(std::string_view text, bool allowBraces)
{
    if (allowBraces && text.size() == 38 && text.front() == '{' && text.back() == '}')
        text = text.substr(1, 36);
    if (text.size() != 36)
        return std::nullopt;
    if (text[8] != '-' || text[13] != '-' || text[18] != '-' || text[23] != '-')
        return std::nullopt;

    Guid guid;
    std::uint64_t value = 0;
    if (!readHex(text, 0, 8, value))
        return std::nullopt;
    guid.data1 = static_cast<std::uint32_t>(value);
    if (!readHex(text, 9, 4, value))
        return std::nullopt;
    guid.data2 = static_cast<std::uint16_t>(value);
    if (!readHex(text, 14, 4, value))
        return std::nullopt;
    guid.data3 = static_cast<std::uint16_t>(value);
    // data4 is the last two groups: 2 bytes, then 6 bytes, in text order.
    constexpr std::size_t kData4Offsets[8] = {19, 21, 24, 26, 28, 30, 32, 34};
    for (std::size_t i = 0; i < 8; ++i) {
        if (!readHex(text, kData4Offsets[i], 2, value))
            return std::nullopt;
        guid.data4[i] = static_cast<std::uint8_t>(value);
    }
    return guid;
}

Guid Guid::generate()
{
    auto& engine = generator();
    const std::uint64_t high = engine();
    const std::uint64_t low = engine();

    Guid guid;
    guid.data1 = static_cast<std::uint32_t>(high >> 32);
    guid.data2 = static_cast<std::uint16_t>(high >> 16);
    // Version 4 in the top nibble of data3, RFC 4122 variant (10xx) in the top bits of data4[0].
    guid.data3 = static_cast<std::uint16_t>((high & 0x0FFF) | 0x4000);
    for (std::size_t i = 0; i < 8; ++i)
        guid.data4[i] = static_cast<std::uint8_t>(low >> (56 - 8 * i));
    guid.data4[0] = static_cast<std::uint8_t>((guid.data4[0] & 0x3F) | 0x80);
    return guid;
}

bool Guid::isNull() const
{
    return *this == Guid{};
}

std::string Guid::toString(GuidCase letterCase) const
{
    // Hand-rolled hex: IDs are formatted on every create and notification, snprintf showed in profiles.
    const char* const hex = letterCase == GuidCase::Upper ? "0123456789ABCDEF" : "0123456789abcdef";
    std::string text(36, '-');
    auto put = [&](std::size_t at, std::uint64_t value, int digits) {
        for (int i = digits - 1; i >= 0; --i, value >>= 4)
            text[at + static_cast<std::size_t>(i)] = hex[value & 0xF];
    };
    put(0, data1, 8);
    put(9, data2, 4);
    put(14, data3, 4);
    put(19, (std::uint64_t{data4[0]} << 8) | data4[1], 4);
    std::uint64_t node = 0;
    for (int i = 2; i < 8; ++i)
        node = (node << 8) | data4[static_cast<std::size_t>(i)];
    put(24, node, 12);
    return text;
}

} // namespace hcn

std::size_t std::hash<hcn::Guid>::operator()(const hcn::Guid& g) const noexcept
{
    std::uint64_t high = (std::uint64_t{g.data1} << 32) | (std::uint64_t{g.data2} << 16) | g.data3;
    std::uint64_t low = 0;
    for (auto byte : g.data4)
        low = (low << 8) | byte;
    // Generated GUIDs are already random, but client-chosen ones may differ in a few bits only; mix both
    // halves.
    std::uint64_t h = high * 0x9E3779B97F4A7C15ull ^ low;
    h ^= h >> 31;
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 29;
    return static_cast<std::size_t>(h);
}
