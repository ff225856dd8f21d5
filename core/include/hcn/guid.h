#pragma once
// GUID with the Windows 16-byte layout; text form per the HCN schema (no braces, case-insensitive in).
// Out, v2 documents (HCN queries, hcsshim) spell GUIDs in lower case and v1 (Get-Hns*) in upper case.

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace hcn {

/// Letter case of a GUID's text form.
enum class GuidCase
{
    Lower, ///< HCN v2 output: query results, enumerations, notifications
    Upper  ///< HNS v1 output (Get-Hns*)
};

struct Guid
{
    std::uint32_t data1 = 0;
    std::uint16_t data2 = 0;
    std::uint16_t data3 = 0;
    std::array<std::uint8_t, 8> data4{};

    /// Parses "8-4-4-4-12" hex, any case; braces are accepted only when allowBraces is set.
    static std::optional<Guid> parse(std::string_view text, bool allowBraces = false);
    /// A random (version 4) GUID from a thread-local generator.
    static Guid generate();

    bool isNull() const;
    /// "8-4-4-4-12" text; lower case unless asked otherwise, as HCN's v2 output spells IDs.
    std::string toString(GuidCase letterCase = GuidCase::Lower) const;

    friend bool operator==(const Guid&, const Guid&) = default;
    friend auto operator<=>(const Guid&, const Guid&) = default;
};

static_assert(sizeof(Guid) == 16, "Guid must keep the Windows GUID layout");

} // namespace hcn

template <> struct std::hash<hcn::Guid>
{
    std::size_t operator()(const hcn::Guid& g) const noexcept;
};
