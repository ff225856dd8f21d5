#pragma once
// MAC address allocation from a network's MacPool ranges (or the host-wide default pool).

#include "hcn/mac_address.h"

#include <cstdint>
#include <optional>
#include <unordered_set>
#include <utility>
#include <vector>

namespace hcn {

struct MacRange
{
    MacAddress start;
    MacAddress end; ///< inclusive
};

class MacPool
{
public:
    MacPool() = default;
    explicit MacPool(std::vector<MacRange> ranges);

    const std::vector<MacRange>& ranges() const { return m_ranges; }
    bool contains(MacAddress mac) const;
    bool isUsed(MacAddress mac) const { return m_used.count(mac.value()) != 0; }
    /// Marks an explicit address as used (it may lie outside the ranges); false if already used.
    bool reserve(MacAddress mac);
    /// Next free address inside the ranges (next-fit), or nothing when every range is full.
    std::optional<MacAddress> allocate();
    bool release(MacAddress mac);

    /// Where the next-fit search resumes (range index, address); see SubnetPool::cursor().
    std::pair<std::size_t, std::uint64_t> cursor() const { return {m_rangeCursor, m_cursor}; }
    void restoreCursor(std::pair<std::size_t, std::uint64_t> cursor)
    {
        m_rangeCursor = cursor.first;
        m_cursor = cursor.second;
    }

    std::uint64_t capacity() const;
    std::uint64_t used() const { return m_used.size(); }

private:
    std::vector<MacRange> m_ranges;
    std::size_t m_rangeCursor = 0;
    std::uint64_t m_cursor = 0;
    std::unordered_set<std::uint64_t> m_used;
};

} // namespace hcn
