#include "engine/subnet_pool.h"

#include <limits>

namespace hcn {
namespace {

constexpr std::uint64_t kUint64Max = std::numeric_limits<std::uint64_t>::max();

/// Network and IPv4 broadcast addresses exist only on prefixes with at least two host bits.
bool hasNetworkAndBroadcast(const IpPrefix& prefix)
{
    return prefix.address().bitWidth() - prefix.length() >= 2;
}

} // namespace

// Which addresses are never assignable:
//  - the network address: on IPv4 by convention, on IPv6 because it is the subnet-router anycast address;
//  - on IPv4 the last (broadcast) address;
//  - the gateway, when it lies inside the subnet.
// Point-to-point prefixes have no network or broadcast address: IPv4 /31 (RFC 3021) and IPv6 /127
// (RFC 6164, which also rules out the anycast address there) use both addresses, and a host prefix
// (/32, /128) has its single address usable. Only the gateway is withheld on those prefixes, so a
// /32 whose address is the gateway has no capacity at all.
SubnetPool::SubnetPool(IpPrefix prefix, std::optional<IpAddress> gateway)
    : m_prefix(prefix.network(), prefix.length()), m_gateway(gateway), m_first(prefix.network().value()),
      m_last(prefix.last().value()), m_cursor(m_first)
{}

bool SubnetPool::isReservedAddress(Uint128 value) const
{
    if (hasNetworkAndBroadcast(m_prefix)) {
        if (value == m_first)
            return true;
        if (m_prefix.address().isV4() && value == m_last)
            return true;
    }
    return m_gateway && m_gateway->family() == m_prefix.family() && m_gateway->value() == value;
}

SubnetPool::Check SubnetPool::check(const IpAddress& address) const
{
    if (!m_prefix.contains(address))
        return Check::OutsideSubnet;
    if (isReservedAddress(address.value()))
        return Check::Reserved;
    if (m_used.count(address) != 0)
        return Check::InUse;
    return Check::Free;
}

bool SubnetPool::reserve(const IpAddress& address)
{
    if (check(address) != Check::Free)
        return false;
    m_used.insert(address);
    return true;
}

std::optional<IpAddress> SubnetPool::allocate()
{
    // Every entry of m_used is an assignable address of this subnet (reserve() and allocate() only add
    // Free ones), so "used == capacity" means exhausted and no scan is needed.
    const std::uint64_t assignable = capacity();
    if (m_used.size() >= assignable)
        return std::nullopt;

    // Scan cap by pigeonhole rather than by a guessed constant: among any run of consecutive candidates at
    // most used() + 3 (network, broadcast, gateway) are unavailable, so a free address turns up within
    // used() + 4 steps. The scan therefore costs O(used) in the worst case (a wrap over a crowded subnet)
    // and never approaches 2^64 steps on a huge IPv6 prefix, whose used set is bounded by memory.
    const Uint128 span = m_last - m_first; // addresses - 1; cannot overflow even for ::/0
    const Uint128 limit = static_cast<Uint128>(m_used.size()) + 4;
    const Uint128 steps = span < limit ? span + 1 : limit;

    const IpFamily family = m_prefix.family();
    Uint128 candidate = m_cursor;
    for (Uint128 i = 0; i < steps; ++i) {
        const Uint128 next = candidate == m_last ? m_first : candidate + 1;
        if (!isReservedAddress(candidate)) {
            const IpAddress address = IpAddress::fromValue(family, candidate);
            if (m_used.insert(address).second) {
                m_cursor = next;
                return address;
            }
        }
        candidate = next;
    }
    return std::nullopt; // unreachable while the invariant above holds
}

bool SubnetPool::release(const IpAddress& address)
{
    return m_used.erase(address) != 0;
}

std::uint64_t SubnetPool::capacity() const
{
    const Uint128 span = m_last - m_first;
    if (span >= kUint64Max)
        return kUint64Max; // 2^64 addresses or more: saturated, the few reserved ones do not matter

    std::uint64_t count = static_cast<std::uint64_t>(span) + 1;
    std::uint64_t reserved = 0;
    if (hasNetworkAndBroadcast(m_prefix))
        reserved = m_prefix.address().isV4() ? 2 : 1;
    // A gateway on the network or broadcast address is already counted; one outside the subnet costs nothing.
    if (m_gateway && m_prefix.contains(*m_gateway)) {
        const Uint128 gateway = m_gateway->value();
        const bool alreadyReserved = hasNetworkAndBroadcast(m_prefix) &&
                                     (gateway == m_first || (m_prefix.address().isV4() && gateway == m_last));
        if (!alreadyReserved)
            ++reserved;
    }
    count -= reserved;
    return count;
}

} // namespace hcn
