#pragma once
// 48-bit MAC addresses: parsed from dash or colon spelling, printed dash-separated upper-case.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hcn {

class MacAddress
{
public:
    MacAddress() = default;
    explicit MacAddress(std::uint64_t value) : m_value(value & 0xFFFFFFFFFFFFull) {}
    /// "00-15-5D-52-C0-00" or "00:15:5d:52:c0:00" (any case).
    static std::optional<MacAddress> parse(std::string_view text);

    std::uint64_t value() const { return m_value; }
    bool isMulticast() const { return (m_value >> 40) & 0x01; }
    /// "00-15-5D-52-C0-00".
    std::string toString() const;

    friend bool operator==(const MacAddress&, const MacAddress&) = default;
    friend auto operator<=>(const MacAddress&, const MacAddress&) = default;

private:
    std::uint64_t m_value = 0;
};

} // namespace hcn
