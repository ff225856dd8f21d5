#include "redact_internal.h"

#include <algorithm>
#include <cstring>

namespace hcn::io::detail {

namespace {

constexpr std::uint64_t rotl(std::uint64_t x, int b)
{
    return (x << b) | (x >> (64 - b));
}

std::uint64_t load64(const std::uint8_t* p)
{
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}

Uint128 top(Uint128 value, int width, int bits)
{
    if (bits <= 0)
        return 0;
    return value >> (width - bits);
}

constexpr Uint128 v6(std::uint64_t high)
{
    return Uint128(high) << 64;
}

} // namespace

std::uint64_t sipHash(const Key128& key, const std::uint8_t* data, std::size_t size)
{
    const std::uint64_t k0 = load64(key.data()), k1 = load64(key.data() + 8);
    std::uint64_t v0 = 0x736f6d6570736575ull ^ k0, v1 = 0x646f72616e646f6dull ^ k1;
    std::uint64_t v2 = 0x6c7967656e657261ull ^ k0, v3 = 0x7465646279746573ull ^ k1;
    auto round = [&] {
        v0 += v1;
        v1 = rotl(v1, 13);
        v1 ^= v0;
        v0 = rotl(v0, 32);
        v2 += v3;
        v3 = rotl(v3, 16);
        v3 ^= v2;
        v0 += v3;
        v3 = rotl(v3, 21);
        v3 ^= v0;
        v2 += v1;
        v1 = rotl(v1, 17);
        v1 ^= v2;
        v2 = rotl(v2, 32);
    };
    const std::size_t whole = size - size % 8;
    for (std::size_t i = 0; i < whole; i += 8) {
        const std::uint64_t m = load64(data + i);
        v3 ^= m;
        round();
        round();
        v0 ^= m;
    }
    std::uint64_t last = std::uint64_t(size & 0xff) << 56;
    for (std::size_t i = 0; i < size % 8; ++i)
        last |= std::uint64_t(data[whole + i]) << (8 * i);
    v3 ^= last;
    round();
    round();
    v0 ^= last;
    v2 ^= 0xff;
    round();
    round();
    round();
    round();
    return v0 ^ v1 ^ v2 ^ v3;
}

Uint128 preservePrefix(const Key128& key, std::uint8_t domain, Uint128 value, int width,
                       std::span<const KeptBlock> kept, std::uint64_t keptBits)
{
    // The deepest node on the way to a kept block: bits up to and including it are never flipped.
    int forcedThrough = -1;
    for (const KeptBlock& block : kept) {
        int common = 0;
        while (common < block.length &&
               top(value, width, common + 1) == top(block.prefix, width, common + 1))
            ++common;
        if (common == block.length)
            return value; // inside a kept block
        forcedThrough = std::max(forcedThrough, common);
    }
    Uint128 out = value;
    std::uint8_t input[19] = {};
    input[0] = domain;
    for (int i = forcedThrough + 1; i < width; ++i) {
        if (i < 64 && ((keptBits >> i) & 1))
            continue;
        // The hash input: the family, the position, and the i leading bits (left-aligned, rest zero).
        const Uint128 prefix = i == 0 ? Uint128(0) : (top(value, width, i) << (128 - i));
        input[1] = std::uint8_t(i);
        for (int b = 0; b < 16; ++b)
            input[2 + b] = std::uint8_t(prefix >> (120 - 8 * b));
        if (sipHash(key, input, sizeof input) & 1)
            out ^= Uint128(1) << (width - 1 - i);
    }
    return out;
}

std::span<const KeptBlock> keptIpv4Blocks()
{
    // 0/8 "this network", 127/8 loopback, 169.254/16 link-local, 224/4 multicast, 240/4 reserved (with
    // the broadcast address and every netmask of /4 or longer).
    static const KeptBlock blocks[] = {
        {0x00000000u, 8}, {0x7F000000u, 8}, {0xA9FE0000u, 16}, {0xE0000000u, 4}, {0xF0000000u, 4}};
    return blocks;
}

std::span<const KeptBlock> keptIpv6Blocks()
{
    // :: unspecified, ::1 loopback, fe80::/10 link-local, ff00::/8 multicast.
    static const KeptBlock blocks[] = {
        {0, 128}, {1, 128}, {v6(0xFE80000000000000ull), 10}, {v6(0xFF00000000000000ull), 8}};
    return blocks;
}

std::span<const KeptBlock> keptMacBlocks()
{
    // All zero and broadcast.
    static const KeptBlock blocks[] = {{0, 48}, {0xFFFFFFFFFFFFull, 48}};
    return blocks;
}

} // namespace hcn::io::detail
