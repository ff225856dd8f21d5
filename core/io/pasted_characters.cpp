// Characters that a terminal, a chat window or a mail client put into pasted text: escape sequences,
// zero-width characters, typographic quotes, non-breaking spaces as padding, tabs before a colon.

#include "io/pasted_characters.h"

#include <algorithm>
#include <array>

namespace hcn::io {

namespace {

constexpr char kEscape = '\x1b';
constexpr std::string_view kNbsp = "\xC2\xA0";

/// U+200B ZERO WIDTH SPACE, U+200C ZWNJ, U+200D ZWJ, U+2060 WORD JOINER, U+FEFF ZERO WIDTH NO-BREAK
/// SPACE (a byte order mark inside the text): chat tools and web pages put them between characters.
/// In the order of kZeroWidthNames.
constexpr std::array<std::string_view, 5> kZeroWidth = {"\xE2\x80\x8B", "\xE2\x80\x8C", "\xE2\x80\x8D",
                                                        "\xE2\x81\xA0", "\xEF\xBB\xBF"};

/// “ ” „ (U+201C, U+201D, U+201E): a chat tool, a mail client or a word processor turned the straight
/// quotes of a paste into typographic ones. HNS output never holds them, JSON needs straight ones.
constexpr std::array<std::string_view, 3> kCurlyQuotes = {"\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x9E"};

bool startsWithAny(std::string_view text, const auto& list)
{
    return std::any_of(list.begin(), list.end(), [&](std::string_view s) { return text.starts_with(s); });
}

/// The length of the escape sequence at `line[i]` (an ESC): CSI `ESC [ params intermediates final`;
/// OSC, DCS, SOS, PM and APC strings up to BEL or `ESC \` (or the line's end); other sequences
/// `ESC intermediates final`. A lone ESC is one character long.
std::size_t escapeLength(std::string_view line, std::size_t i)
{
    std::size_t j = i + 1;
    if (j >= line.size())
        return 1;
    const char kind = line[j];
    if (kind == '[') {
        ++j;
        while (j < line.size() && line[j] >= 0x30 && line[j] <= 0x3F)
            ++j;
        while (j < line.size() && line[j] >= 0x20 && line[j] <= 0x2F)
            ++j;
        return j < line.size() && line[j] >= 0x40 && line[j] <= 0x7E ? j + 1 - i : 1;
    }
    if (kind == ']' || kind == 'P' || kind == 'X' || kind == '^' || kind == '_') {
        for (++j; j < line.size(); ++j) {
            if (line[j] == '\a')
                return j + 1 - i;
            if (line[j] == kEscape && j + 1 < line.size() && line[j + 1] == '\\')
                return j + 2 - i;
        }
        return line.size() - i;
    }
    while (j < line.size() && line[j] >= 0x20 && line[j] <= 0x2F)
        ++j;
    return j < line.size() && line[j] >= 0x30 && line[j] <= 0x7E ? j + 1 - i : 1;
}

/// Escapes and zero-width characters removed, quotes made straight.
std::string withoutInvisibles(std::string_view line, PastedCharacterCounts& counts)
{
    std::string out;
    out.reserve(line.size());
    for (std::size_t i = 0; i < line.size();) {
        const std::string_view rest = line.substr(i);
        if (line[i] == kEscape) {
            i += escapeLength(line, i);
            ++counts.escapes;
        } else if (rest.starts_with('\xE2') || rest.starts_with('\xEF')) {
            if (const auto* zw = std::find_if(kZeroWidth.begin(), kZeroWidth.end(),
                                              [&](std::string_view z) { return rest.starts_with(z); });
                zw != kZeroWidth.end()) {
                ++counts.zeroWidth;
                counts.zeroWidthKinds |= 1u << (zw - kZeroWidth.begin());
            } else if (startsWithAny(rest, kCurlyQuotes)) {
                out += '"';
            } else {
                out.append(rest.substr(0, 3));
            }
            i += std::min<std::size_t>(3, rest.size());
        } else {
            out += line[i++];
        }
    }
    return out;
}

/// Non-breaking spaces outside quoted strings, and tabs in the blanks before a colon, made blanks.
void blanksForPadding(std::string& line, PastedCharacterCounts& counts)
{
    std::string out;
    out.reserve(line.size());
    bool quoted = false;
    std::size_t backslashes = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '"' && backslashes % 2 == 0)
            quoted = !quoted;
        backslashes = c == '\\' ? backslashes + 1 : 0;
        if (!quoted && std::string_view(line).substr(i).starts_with(kNbsp)) {
            out += ' ';
            ++counts.nbsp;
            ++i;
            continue;
        }
        if (c == ':' && !quoted) {
            // Tabs among the blanks right before a colon (`Name<tab>: value`, `"Key"<tab>: 1`).
            for (std::size_t k = out.size(); k > 0 && (out[k - 1] == ' ' || out[k - 1] == '\t'); --k) {
                if (out[k - 1] == '\t') {
                    out[k - 1] = ' ';
                    ++counts.tabs;
                }
            }
        }
        out += c;
    }
    line = std::move(out);
}

} // namespace

std::string withoutPastedCharacters(std::string_view line, PastedCharacterCounts& counts)
{
    const bool plain = std::none_of(line.begin(), line.end(), [](char c) {
        return c == kEscape || c == '\t' || (static_cast<unsigned char>(c) & 0x80) != 0;
    });
    if (plain)
        return std::string(line);
    std::string out = withoutInvisibles(line, counts);
    blanksForPadding(out, counts);
    return out;
}

} // namespace hcn::io
