#pragma once
// Address bookkeeping for one subnet of a network: which addresses are handed out, which are reserved.

#include "hcn/ip_address.h"

#include <cstdint>
#include <optional>
#include <unordered_set>

namespace hcn {

class SubnetPool
{
public:
    enum class Check
    {
        Free,          ///< inside the subnet and assignable
        OutsideSubnet, ///< not inside this subnet (HCN_E_INVALID_IP)
        Reserved,      ///< network, broadcast or gateway address (HCN_E_ADDR_INVALID_OR_RESERVED)
        InUse          ///< already assigned to another endpoint
    };

    /// gateway may be absent (no default route); it is never handed out when present.
    SubnetPool(IpPrefix prefix, std::optional<IpAddress> gateway);

    const IpPrefix& prefix() const { return m_prefix; }
    const std::optional<IpAddress>& gateway() const { return m_gateway; }

    Check check(const IpAddress& address) const;
    /// Marks an explicit address as used; false unless check() == Free.
    bool reserve(const IpAddress& address);
    /// Hands out the next free assignable address (next-fit), or nothing when the subnet is exhausted.
    std::optional<IpAddress> allocate();
    /// Returns an address to the pool; false when it was not in use.
    bool release(const IpAddress& address);

    /// Where the next-fit search resumes; saved before an allocation so a rolled-back call can put the
    /// pool back exactly as it was (the retry then gets the same address).
    Uint128 cursor() const { return m_cursor; }
    void restoreCursor(Uint128 cursor) { m_cursor = cursor; }

    /// Addresses that may be assigned at all (size minus network, broadcast, gateway), saturated at 2^64.
    std::uint64_t capacity() const;
    std::uint64_t used() const { return m_used.size(); }

private:
    bool isReservedAddress(Uint128 value) const;

    IpPrefix m_prefix;
    std::optional<IpAddress> m_gateway;
    Uint128 m_first = 0; ///< network address value
    Uint128 m_last = 0;  ///< last address value
    Uint128 m_cursor = 0;
    std::unordered_set<IpAddress> m_used;
};

} // namespace hcn
