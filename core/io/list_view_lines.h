#pragma once
// One `Name : value` line of PowerShell's list view (Format-List), as the list view reader and the reader
// of HNS's answer printed as a list (powershell_hns_answers.cpp) take it (internal to core/io).

#include "common/text.h"

#include <cstddef>
#include <optional>
#include <string_view>

namespace hcn::io {

inline std::size_t indentation(std::string_view s)
{
    std::size_t n = 0;
    while (n < s.size() && (s[n] == ' ' || s[n] == '\t'))
        ++n;
    return n;
}

inline bool isIdentStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

inline bool isIdentChar(char c)
{
    return isIdentStart(c) || (c >= '0' && c <= '9');
}

/// `Name : value`, `Name: value` or `Name :` whatever the blanks before the colon: a list view line
/// whose blank runs a rendered page, a mail client or a hand copy collapsed.
struct LooseLine
{
    std::string_view name;
    std::string_view value; ///< trimmed
    std::size_t colon = 0;
    bool spaced = false; ///< a blank before the colon, as PowerShell writes it
};

inline std::optional<LooseLine> readLooseLine(std::string_view text)
{
    const std::size_t start = indentation(text);
    if (start >= text.size() || !isIdentStart(text[start]))
        return std::nullopt;
    std::size_t i = start + 1;
    while (i < text.size() && isIdentChar(text[i]))
        ++i;
    // A unit after the name, as the network cmdlets print some: `LinkSpeed(Gbps)`, `PingReplyDetails (RTT)`.
    if (const std::size_t open = i < text.size() && text[i] == ' ' ? i + 1 : i;
        open + 2 < text.size() && text[open] == '(' && isIdentStart(text[open + 1])) {
        std::size_t close = open + 2;
        while (close < text.size() && isIdentChar(text[close]))
            ++close;
        if (close < text.size() && text[close] == ')')
            i = close + 1;
    }
    const std::size_t nameEnd = i;
    while (i < text.size() && text[i] == ' ')
        ++i;
    if (i >= text.size() || text[i] != ':' || (i + 1 < text.size() && text[i + 1] != ' '))
        return std::nullopt;
    return LooseLine{text.substr(start, nameEnd - start), trimBlanks(text.substr(i + 1)), i, i > nameEnd};
}

} // namespace hcn::io
