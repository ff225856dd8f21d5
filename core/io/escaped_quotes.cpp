// Quotes as logs escape them (see escaped_quotes.h).

#include "io/escaped_quotes.h"

#include <bit>

namespace hcn::io {

std::size_t openingQuoteSize(std::string_view text, std::size_t at)
{
    std::size_t end = at;
    while (end < text.size() && text[end] == '\\')
        ++end;
    return end < text.size() && text[end] == '"' ? end + 1 - at : 0;
}

int quoteLevelAt(std::string_view text, std::size_t at)
{
    if (at >= text.size() || text[at] != '"')
        return -1;
    std::size_t slashes = 0;
    while (slashes < at && text[at - slashes - 1] == '\\')
        ++slashes;
    return std::bit_width(slashes + 1) - 1;
}

std::string unescapedQuotes(std::string_view text, int level)
{
    std::string out(text);
    for (int round = 0; round < level && out.find('\\') != std::string::npos; ++round) {
        std::string next;
        next.reserve(out.size());
        for (std::size_t i = 0; i < out.size(); ++i) {
            if (out[i] == '\\' && i + 1 < out.size() && (out[i + 1] == '"' || out[i + 1] == '\\'))
                ++i;
            next += out[i];
        }
        out = std::move(next);
    }
    return out;
}

} // namespace hcn::io
