#pragma once
// The pieces of hcn/redaction.h shared by its files: the keyed hash and the prefix-preserving map.

#include "hcn/ip_address.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace hcn::io::detail {

using Key128 = std::array<std::uint8_t, 16>;

/// SipHash-2-4 of `data` under `key`: the keyed function every pseudonym is derived from.
std::uint64_t sipHash(const Key128& key, const std::uint8_t* data, std::size_t size);

/// A range kept as it is: the `length` leading bits of `prefix` (left-aligned in a `width`-bit value).
struct KeptBlock
{
    Uint128 prefix = 0;
    int length = 0;
};

/// The prefix-preserving map of a `width`-bit value (32, 48 or 128): bit i of the result is bit i of
/// `value` flipped by a keyed hash of the i leading bits, so values sharing exactly N leading bits map to
/// values sharing exactly N. Values inside a kept block map to themselves, and no other value maps into
/// one: the bits on the way to a kept block are never flipped. `keptBits` marks positions (bit i of the
/// mask = position i from the left) never flipped either (a MAC's group and local bits).
Uint128 preservePrefix(const Key128& key, std::uint8_t domain, Uint128 value, int width,
                       std::span<const KeptBlock> kept, std::uint64_t keptBits = 0);

/// The kept ranges of each family (docs/bundles.md).
std::span<const KeptBlock> keptIpv4Blocks();
std::span<const KeptBlock> keptIpv6Blocks();
std::span<const KeptBlock> keptMacBlocks();
/// A MAC's group (I/G) and locally administered (U/L) bits: positions 7 and 6 from the left.
inline constexpr std::uint64_t kMacKeptBits = (std::uint64_t(1) << 6) | (std::uint64_t(1) << 7);

} // namespace hcn::io::detail
