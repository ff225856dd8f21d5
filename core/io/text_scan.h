#pragma once
// Small text tests every dump reader of core/io shares: blanks, the ellipsis people paste, lines the
// sender cut out, and the .NET type names PowerShell prints instead of a value.

#include <algorithm>
#include <array>
#include <string_view>

namespace hcn::io {

/// "…" (U+2026) in UTF-8: PowerShell 7 and chat tools cut text with it, Windows PowerShell 5.1 with "...".
inline constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

inline bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

/// `s` without leading and trailing blanks (spaces, tabs).
inline std::string_view trimBlanks(std::string_view s)
{
    while (!s.empty() && isBlank(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isBlank(s.back()))
        s.remove_suffix(1);
    return s;
}

/// `...`, `....` or `…` alone (blanks trimmed): the sender cut lines out here.
inline bool isElisionLine(std::string_view t)
{
    t = trimBlanks(t);
    if (t == kEllipsis)
        return true;
    return t.size() >= 3 && std::all_of(t.begin(), t.end(), [](char c) { return c == '.'; });
}

/// `System.Object[]`, `System.Collections.Generic.List`1[System.String]`, `Deserialized.X`: a .NET type
/// name PowerShell printed instead of expanding a value.
inline bool isPowerShellTypeName(std::string_view s)
{
    constexpr std::array<std::string_view, 3> kPrefixes{"System.", "Microsoft.Management.Infrastructure.",
                                                        "Deserialized."};
    if (s.size() > 200 || std::none_of(kPrefixes.begin(), kPrefixes.end(), [&](std::string_view prefix) {
            return s.size() > prefix.size() && s.starts_with(prefix);
        }))
        return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
               c == '_' || c == '`' || c == '[' || c == ']' || c == ',' || c == '+';
    });
}

} // namespace hcn::io
