#pragma once
// IPv4/IPv6 addresses and prefixes as values, with the arithmetic IPAM needs.

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace hcn {

enum class IpFamily : std::uint8_t
{
    V4,
    V6
};

// __extension__ keeps -Wpedantic quiet about the GCC/Clang 128-bit integer in every includer.
__extension__ typedef unsigned __int128 Uint128;

class IpAddress
{
public:
    IpAddress() = default;
    static std::optional<IpAddress> parse(std::string_view text);
    static IpAddress fromV4(std::uint32_t hostOrder);
    static IpAddress fromValue(IpFamily family, Uint128 value);

    IpFamily family() const { return m_family; }
    bool isV4() const { return m_family == IpFamily::V4; }
    int bitWidth() const { return isV4() ? 32 : 128; }
    /// The address as an integer (IPv4 in the low 32 bits).
    Uint128 value() const { return m_value; }
    /// Canonical text: dotted quad, or RFC 5952 IPv6.
    std::string toString() const;

    friend bool operator==(const IpAddress&, const IpAddress&) = default;
    friend auto operator<=>(const IpAddress&, const IpAddress&) = default;

private:
    IpFamily m_family = IpFamily::V4;
    Uint128 m_value = 0;
};

class IpPrefix
{
public:
    IpPrefix() = default;
    /// "a.b.c.d/n" or "x::/n". Host bits set are an error unless allowHostBits (then they are kept in
    /// address()).
    static std::optional<IpPrefix> parse(std::string_view text, bool allowHostBits = false);
    IpPrefix(IpAddress address, int length);

    const IpAddress& address() const { return m_address; }
    int length() const { return m_length; }
    IpFamily family() const { return m_address.family(); }
    IpAddress network() const;
    /// Last address of the prefix (the IPv4 broadcast address).
    IpAddress last() const;
    /// Number of addresses, saturated at 2^64 for huge IPv6 prefixes.
    std::uint64_t size() const;
    bool contains(const IpAddress& a) const;
    bool overlaps(const IpPrefix& other) const;
    /// "network/length" text.
    std::string toString() const;

    friend bool operator==(const IpPrefix&, const IpPrefix&) = default;

private:
    IpAddress m_address;
    int m_length = 0;
};

} // namespace hcn

template <> struct std::hash<hcn::IpAddress>
{
    std::size_t operator()(const hcn::IpAddress& a) const noexcept;
};
