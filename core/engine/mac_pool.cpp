#include "engine/mac_pool.h"

#include <algorithm>
#include <utility>

namespace hcn {
namespace {

/// A range whose start lies after its end holds no addresses (the schema layer rejects it before here).
bool isEmpty(const MacRange& range)
{
    return range.start.value() > range.end.value();
}

} // namespace

MacPool::MacPool(std::vector<MacRange> ranges) : m_ranges(std::move(ranges))
{
    if (!m_ranges.empty())
        m_cursor = m_ranges.front().start.value();
}

bool MacPool::contains(MacAddress mac) const
{
    return std::any_of(m_ranges.begin(), m_ranges.end(), [mac](const MacRange& range) {
        return mac.value() >= range.start.value() && mac.value() <= range.end.value();
    });
}

bool MacPool::reserve(MacAddress mac)
{
    return m_used.insert(mac.value()).second;
}

std::optional<MacAddress> MacPool::allocate()
{
    if (m_ranges.empty())
        return std::nullopt;

    // Scan cap by pigeonhole: a used address is met at most once per range containing it, so within
    // used() * ranges + 1 candidates a free one appears unless all are taken. This keeps exhaustion
    // and crowded pools cheap even for a range spanning the whole 48-bit space.
    std::uint64_t total = 0;
    for (const auto& range : m_ranges)
        if (!isEmpty(range))
            total += range.end.value() - range.start.value() + 1;
    const std::uint64_t limit = std::min<std::uint64_t>(total, m_used.size() * m_ranges.size() + 1);

    // The cursor may be stale (first call, or pointing just past a range's end): move it to a valid spot.
    auto advanceToValid = [this] {
        for (std::size_t hops = 0; hops <= m_ranges.size(); ++hops) {
            const auto& range = m_ranges[m_rangeCursor];
            if (!isEmpty(range) && m_cursor >= range.start.value() && m_cursor <= range.end.value())
                return;
            if (!isEmpty(range) && m_cursor < range.start.value()) {
                m_cursor = range.start.value();
                return;
            }
            m_rangeCursor = (m_rangeCursor + 1) % m_ranges.size();
            m_cursor = 0;
        }
    };

    for (std::uint64_t i = 0; i < limit; ++i) {
        advanceToValid();
        const std::uint64_t candidate = m_cursor;
        ++m_cursor; // past end is fixed by advanceToValid on the next step
        if (m_used.insert(candidate).second)
            return MacAddress(candidate);
    }
    return std::nullopt;
}

bool MacPool::release(MacAddress mac)
{
    return m_used.erase(mac.value()) != 0;
}

std::uint64_t MacPool::capacity() const
{
    // Distinct addresses: overlapping or repeated ranges must not be counted twice.
    std::vector<std::pair<std::uint64_t, std::uint64_t>> spans;
    for (const auto& range : m_ranges)
        if (!isEmpty(range))
            spans.emplace_back(range.start.value(), range.end.value());
    std::sort(spans.begin(), spans.end());

    std::uint64_t count = 0;
    std::uint64_t coveredUpTo = 0; // one past the highest address counted so far
    bool any = false;
    for (const auto& [start, end] : spans) {
        const std::uint64_t from = any ? std::max(start, coveredUpTo) : start;
        if (end + 1 > from)
            count += end + 1 - from;
        coveredUpTo = any ? std::max(coveredUpTo, end + 1) : end + 1;
        any = true;
    }
    return count;
}

} // namespace hcn
