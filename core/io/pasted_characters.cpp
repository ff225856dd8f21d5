// Characters that a terminal, a chat window or a mail client put into pasted text: escape sequences,
// zero-width characters, typographic quotes, non-breaking spaces as padding, tabs before a colon.

#include "io/pasted_characters.h"

#include <algorithm>
#include <array>
#include <vector>

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

/// The length of a CSI sequence in caret notation at `line[i]` (`^[[0m`: ESC as `cat -v`, less and CI log
/// viewers show it), 0 when there is none there.
std::size_t caretEscapeLength(std::string_view line, std::size_t i)
{
    if (line.compare(i, 2, "^[") != 0)
        return 0;
    const std::size_t csi = escapelessCsiLength(line.substr(i + 2));
    return csi == 0 ? 0 : csi + 2;
}

/// Line breaks in a row and blanks before the column: bounds for what one escape may add.
constexpr std::size_t kMaxCursorBreaks = 4;
constexpr std::size_t kMaxCursorColumn = 512;

/// The numbers of a CSI sequence's parameters (`3;1` in `ESC[3;1H`), 0 for one left out; empty when
/// the sequence has a private marker (`ESC[?25h`) or is not one of numbers.
std::vector<std::size_t> csiNumbers(std::string_view sequence)
{
    std::vector<std::size_t> numbers(1, 0);
    for (std::size_t i = 2; i + 1 < sequence.size(); ++i) {
        const char c = sequence[i];
        if (c == ';') {
            numbers.push_back(0);
        } else if (c >= '0' && c <= '9') {
            numbers.back() = std::min<std::size_t>(numbers.back() * 10 + std::size_t(c - '0'), 1u << 20);
        } else {
            return {};
        }
    }
    return numbers;
}

/// A terminal that repaints its screen (ConPTY, a capture by `script`) moves the cursor to the start of
/// the next row instead of writing a line break. Which row the cursor is on, and whether the current
/// row of the output has text yet.
struct CursorRow
{
    std::size_t row = 0; ///< 0: unknown
    bool written = false;
};

/// The line breaks (and the blanks up to the column) a cursor movement `sequence` stands for: a move
/// (CUP `ESC[row;colH`, HVP `f`) to another row or a move to the next rows (CNL `ESC[nE`) after text;
/// a move to a later row gives one break per row (a row skipped was a blank line). Empty for any other
/// sequence, and for a move within the row or before any text.
std::string cursorLineBreaks(std::string_view sequence, CursorRow& cursor)
{
    const char final = sequence.back();
    if (sequence.size() < 3 || sequence[1] != '[' || (final != 'H' && final != 'f' && final != 'E'))
        return {};
    const std::vector<std::size_t> numbers = csiNumbers(sequence);
    if (numbers.empty())
        return {};
    std::size_t row = 0;
    std::size_t column = 1;
    std::size_t breaks = 1;
    if (final == 'E') {
        breaks = std::max<std::size_t>(numbers[0], 1);
        row = cursor.row == 0 ? 0 : cursor.row + breaks;
    } else {
        row = std::max<std::size_t>(numbers[0], 1);
        column = numbers.size() > 1 ? std::max<std::size_t>(numbers[1], 1) : 1;
        if (cursor.row != 0 && row > cursor.row)
            breaks = row - cursor.row;
    }
    const bool sameRow = final != 'E' && cursor.row != 0 && row == cursor.row;
    const bool breakHere = cursor.written && !sameRow;
    cursor.row = row;
    if (!breakHere)
        return {};
    cursor.written = false;
    std::string out(std::min(breaks, kMaxCursorBreaks), '\n');
    out.append(std::min(column - 1, kMaxCursorColumn), ' ');
    return out;
}

/// Escapes and zero-width characters removed, quotes made straight; a cursor movement that stands for
/// a line break is one ('\n').
std::string withoutInvisibles(std::string_view line, PastedCharacterCounts& counts)
{
    std::string out;
    out.reserve(line.size());
    CursorRow cursor;
    // The line breaks a cursor movement among the escapes stands for.
    const auto moveCursor = [&](std::string_view sequence) {
        const std::string breaks = cursorLineBreaks(sequence, cursor);
        out += breaks;
        counts.cursorBreaks += std::size_t(std::count(breaks.begin(), breaks.end(), '\n'));
    };
    for (std::size_t i = 0; i < line.size();) {
        const std::string_view rest = line.substr(i);
        if (line[i] == kEscape) {
            const std::size_t length = escapeLength(line, i);
            moveCursor(line.substr(i, length));
            i += length;
            ++counts.escapes;
            continue;
        }
        if (line[i] == '^') {
            if (const std::size_t length = caretEscapeLength(line, i); length > 0) {
                // Read as the ESC it stands for: `^[` is one character of the sequence.
                moveCursor(kEscape + std::string(line.substr(i + 2, length - 2)));
                i += length;
                ++counts.caretEscapes;
                continue;
            }
        }
        cursor.written = true;
        if (rest.starts_with('\xE2') || rest.starts_with('\xEF')) {
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

std::size_t escapelessCsiLength(std::string_view text)
{
    if (!text.starts_with('['))
        return 0;
    std::size_t j = 1;
    if (j < text.size() && text[j] == '?')
        ++j;
    std::size_t digits = 0;
    for (; j < text.size() && ((text[j] >= '0' && text[j] <= '9') || text[j] == ';'); ++j)
        digits += text[j] != ';' ? 1 : 0;
    if (j >= text.size())
        return 0;
    const char final = text[j];
    const bool letter = (final >= 'A' && final <= 'Z') || (final >= 'a' && final <= 'z');
    if (!letter || final == 'e' || final == 'E' ||
        (digits == 0 && std::string_view("mKJH").find(final) == std::string_view::npos))
        return 0;
    return j + 1;
}

std::string withoutPastedCharacters(std::string_view line, PastedCharacterCounts& counts)
{
    const bool plain =
        line.find("^[[") == std::string_view::npos && std::none_of(line.begin(), line.end(), [](char c) {
            return c == kEscape || c == '\t' || (static_cast<unsigned char>(c) & 0x80) != 0;
        });
    if (plain)
        return std::string(line);
    std::string out = withoutInvisibles(line, counts);
    blanksForPadding(out, counts);
    return out;
}

void appendWithoutPastedCharacters(std::string_view line, int sourceLine, std::vector<CleanedLine>& lines,
                                   PastedCharacterCounts& counts)
{
    std::string text = withoutPastedCharacters(line, counts);
    std::size_t start = 0;
    for (std::size_t end = text.find('\n'); end != std::string::npos; end = text.find('\n', start)) {
        lines.push_back({text.substr(start, end - start), sourceLine});
        start = end + 1;
    }
    if (start == 0)
        lines.push_back({std::move(text), sourceLine});
    else
        lines.push_back({text.substr(start), sourceLine});
}

} // namespace hcn::io
