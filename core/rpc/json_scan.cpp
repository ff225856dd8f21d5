#include "rpc/json_scan.h"

#include <cstring>

namespace hcn::rpc {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::size_t skipSpace(std::string_view text, std::size_t pos)
{
    while (pos < text.size() && isSpace(text[pos]))
        ++pos;
    return pos;
}

/// Position just after the string starting at `pos` (a '"'), or npos when unterminated. Jumps from quote
/// to quote (memchr); a quote is the end unless an odd run of backslashes inside the string precedes it.
std::size_t skipString(std::string_view text, std::size_t pos)
{
    const char* const begin = text.data() + pos + 1; // the first character inside the string
    const char* const end = text.data() + text.size();
    const char* p = begin;
    while (p < end) {
        const auto* quote = static_cast<const char*>(std::memchr(p, '"', static_cast<std::size_t>(end - p)));
        if (!quote)
            return std::string_view::npos;
        std::size_t backslashes = 0;
        for (const char* b = quote; b > begin && b[-1] == '\\'; --b)
            ++backslashes;
        if (backslashes % 2 == 0)
            return static_cast<std::size_t>(quote - text.data()) + 1;
        p = quote + 1;
    }
    return std::string_view::npos;
}

/// Position just after the value starting at `pos`, or npos when it does not end.
std::size_t skipValue(std::string_view text, std::size_t pos)
{
    if (pos >= text.size())
        return std::string_view::npos;
    if (text[pos] == '"')
        return skipString(text, pos);
    if (text[pos] == '{' || text[pos] == '[') {
        int depth = 0;
        while (pos < text.size()) {
            const char c = text[pos];
            if (c == '"') {
                pos = skipString(text, pos);
                if (pos == std::string_view::npos)
                    return pos;
                continue;
            }
            if (c == '{' || c == '[')
                ++depth;
            else if (c == '}' || c == ']') {
                if (--depth == 0)
                    return pos + 1;
            }
            ++pos;
        }
        return std::string_view::npos;
    }
    // number, true, false, null
    while (pos < text.size() && !isSpace(text[pos]) && text[pos] != ',' && text[pos] != '}' &&
           text[pos] != ']')
        ++pos;
    return pos;
}

} // namespace

bool forEachMember(std::string_view text,
                   const std::function<void(std::string_view, std::string_view)>& member)
{
    std::size_t pos = skipSpace(text, 0);
    if (pos >= text.size() || text[pos] != '{')
        return false;
    pos = skipSpace(text, pos + 1);
    if (pos < text.size() && text[pos] == '}')
        return skipSpace(text, pos + 1) == text.size();
    while (pos < text.size()) {
        if (text[pos] != '"')
            return false;
        const std::size_t keyEnd = skipString(text, pos);
        if (keyEnd == std::string_view::npos)
            return false;
        const std::string_view key = text.substr(pos + 1, keyEnd - pos - 2);
        pos = skipSpace(text, keyEnd);
        if (pos >= text.size() || text[pos] != ':')
            return false;
        const std::size_t valueStart = skipSpace(text, pos + 1);
        const std::size_t valueEnd = skipValue(text, valueStart);
        if (valueEnd == std::string_view::npos || valueEnd == valueStart)
            return false;
        member(key, text.substr(valueStart, valueEnd - valueStart));
        pos = skipSpace(text, valueEnd);
        if (pos >= text.size())
            return false;
        if (text[pos] == '}')
            return skipSpace(text, pos + 1) == text.size();
        if (text[pos] != ',')
            return false;
        pos = skipSpace(text, pos + 1);
    }
    return false;
}

bool isDelimitedContainer(std::string_view text)
{
    const std::size_t start = skipSpace(text, 0);
    if (start >= text.size() || (text[start] != '{' && text[start] != '['))
        return false;
    const std::size_t end = skipValue(text, start);
    return end != std::string_view::npos && skipSpace(text, end) == text.size();
}

std::optional<std::string_view> memberText(std::string_view objectText, std::string_view key)
{
    std::optional<std::string_view> found;
    forEachMember(objectText, [&](std::string_view k, std::string_view v) {
        if (!found && k == key)
            found = v;
    });
    return found;
}

} // namespace hcn::rpc
