#pragma once
// A (Major, Minor) version pair: schema versions (2.0 .. 2.16) and HNS service versions (9.2, 15.4 ...).

// clang-format off
// <string> before <compare>: Qt 6.4's moc cannot parse <compare> when it is the first standard header
// it meets in a Q_OBJECT header that includes this one.
#include <string>
#include <compare>
// clang-format on
#include <cstdint>
#include <optional>
#include <string_view>

namespace hcn {

struct SchemaVersion
{
    std::uint32_t major = 0;
    std::uint32_t minor = 0;

    /// "2.11" -> {2, 11}.
    static std::optional<SchemaVersion> parse(std::string_view text);
    std::string toString() const { return std::to_string(major) + "." + std::to_string(minor); }

    friend bool operator==(const SchemaVersion&, const SchemaVersion&) = default;
    friend auto operator<=>(const SchemaVersion&, const SchemaVersion&) = default;
};

} // namespace hcn
