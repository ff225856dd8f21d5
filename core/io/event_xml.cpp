// Windows event XML: the character references in its `<Data>` values decoded in place.

#include "io/event_xml.h"

#include "io/character_references.h"

#include <algorithm>

namespace hcn::io {

namespace {

/// Where a `<Data>` or `<Data ...>` start tag is in `text` from `from` (not `<DataItem`), or npos.
std::size_t findDataTag(std::string_view text, std::size_t from, std::size_t until)
{
    for (std::size_t at = text.find("<Data", from); at < until; at = text.find("<Data", at + 1)) {
        const std::size_t after = at + 5;
        if (after < text.size() && (text[after] == '>' || text[after] == ' ' || text[after] == '\t'))
            return at;
    }
    return std::string_view::npos;
}

} // namespace

std::optional<DecodedEventData> decodeEventData(std::string_view text)
{
    if (text.find("<EventData") == std::string_view::npos || text.find('&') == std::string_view::npos)
        return std::nullopt;
    DecodedEventData result;
    std::size_t copied = 0;
    for (std::size_t block = text.find("<EventData"); block != std::string_view::npos;
         block = text.find("<EventData", block)) {
        std::size_t blockEnd = text.find("</EventData>", block);
        blockEnd = blockEnd == std::string_view::npos ? text.size() : blockEnd;
        for (std::size_t tag = findDataTag(text, block, blockEnd); tag != std::string_view::npos;
             tag = findDataTag(text, tag, blockEnd)) {
            const std::size_t open = text.find('>', tag);
            if (open == std::string_view::npos || open >= blockEnd)
                break;
            if (text[open - 1] == '/') { // <Data Name="x"/>: no value
                tag = open;
                continue;
            }
            const std::size_t close = std::min(text.find('<', open), blockEnd);
            const std::string_view value = text.substr(open + 1, close - open - 1);
            tag = close;
            if (value.find('&') == std::string_view::npos)
                continue;
            std::string decoded = decodeCharacterReferences(value);
            // A line break or tab the value holds as a reference keeps the file's lines as they are.
            std::replace_if(
                decoded.begin(), decoded.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; },
                ' ');
            result.text += text.substr(copied, open + 1 - copied);
            result.text += decoded;
            copied = close;
            ++result.values;
        }
        block = blockEnd == text.size() ? std::string_view::npos : blockEnd + 1;
    }
    if (result.values == 0)
        return std::nullopt;
    result.text += text.substr(copied);
    return result;
}

} // namespace hcn::io
