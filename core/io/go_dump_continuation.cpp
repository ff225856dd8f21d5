// Joining the lines a Go struct dump was spread over (see go_dump_continuation.h).

#include "io/go_dump_continuation.h"

#include "common/text.h"
#include "io/go_struct_value.h"
#include "io/hns_property_names.h"
#include "io/json_repair.h"
#include "io/text_scan.h"
#include "io/wrapped_lines.h"

#include <algorithm>
#include <cctype>

namespace hcn::io {

namespace {

/// A dump is joined from at most this many lines: a dump that does not end within them (or within the
/// caller's byte cap) stays cut at its first line, as it would without joining.
constexpr std::size_t kMaxGoDumpLines = 512;

/// `text` ends in a bare word and `next` goes on with the rest of a member's name ("...:false Di" then
/// "sableICC:true"): a wrap at a width that fell inside the name, not at a blank. Said when the two
/// halves make an HNS property name, or when the first half starts like an exported Go name, the second
/// like no member name can ("sableICC:"), and a whole member ends before the first.
bool splitsMemberName(std::string_view text, std::string_view next)
{
    std::size_t start = text.size();
    while (start > 0 && goIdentChar(text[start - 1]))
        --start;
    const std::string_view head = text.substr(start);
    if (head.empty() || start == 0 || text[start - 1] != ' ')
        return false;
    std::size_t length = 0;
    while (length < next.size() && goIdentChar(next[length]))
        ++length;
    if (length == 0 || length == next.size() || next[length] != ':')
        return false;
    const std::string_view tail = next.substr(0, length);
    if (isHnsProperty(std::string(head) + std::string(tail)))
        return true;
    const std::string_view before = text.substr(0, start - 1);
    const std::size_t member = before.find_last_of(" {");
    const std::string_view previous = before.substr(member == std::string_view::npos ? 0 : member + 1);
    return head.front() >= 'A' && head.front() <= 'Z' && tail.front() >= 'a' && tail.front() <= 'z' &&
           previous.find(':') != std::string_view::npos;
}

/// Whether the line end before lines[next] falls inside an unquoted value (`Name:cbr` then `0_ep ...`):
/// the line before is console wide and ends in a value's character, and lines[next] goes on with one
/// rather than with a member (`Name:`), a bracket or indentation. Where it ends after a comma or a
/// blank, or the next line starts a member, the break was at a blank.
bool breaksValue(const std::vector<CleanedLine>& lines, std::size_t next)
{
    const std::string_view before = lines[next - 1].text;
    const std::string_view after = lines[next].text;
    if (before.empty() || after.empty() || codePointWidth(before) < kMinConsoleLineWidth)
        return false;
    const auto valueChar = [](char c) {
        return goIdentChar(c) || c == '-' || c == '.' || c == '/' || c == ':';
    };
    if (!valueChar(before.back()) || !valueChar(after.front()))
        return false;
    std::size_t word = 0;
    while (word < after.size() && goIdentChar(after[word]))
        ++word;
    return !(word > 0 && word < after.size() && after[word] == ':' &&
             !std::isdigit(static_cast<unsigned char>(after[0])));
}

} // namespace

const GoDumpContinuation::Piece& GoDumpContinuation::pieceAt(std::size_t offset) const
{
    auto it = std::upper_bound(pieces.begin(), pieces.end(), offset,
                               [](std::size_t o, const Piece& p) { return o < p.offset; });
    return it == pieces.begin() ? pieces.front() : *std::prev(it);
}

GoDumpContinuation continueGoDump(const std::vector<CleanedLine>& lines, std::size_t first, std::size_t start,
                                  std::size_t maxBytes)
{
    GoDumpContinuation joined;
    joined.text = lines[first].text.substr(start);
    joined.pieces.push_back({0, first, start});
    std::size_t end = first + 1; // the lines that may continue the dump: [first + 1, end)
    std::size_t bytes = joined.text.size();
    while (end < lines.size() && end - first <= kMaxGoDumpLines &&
           bytes + lines[end].text.size() < maxBytes && !trimBlanks(lines[end].text).empty() &&
           !opensLogRecord(lines[end].text))
        bytes += lines[end++].text.size() + 1;

    // A console breaks every line at its width, so all but the last of its lines are equally long (one
    // shorter where the blank it broke at was trimmed). Two such lines in a row, wide as no editor
    // wraps, say a console did it; otherwise the lines were wrapped at blanks (or hold a member each).
    std::size_t width = 0;
    for (std::size_t i = first; i < end; ++i)
        width = std::max(width, lines[i].text.size());
    std::size_t consoleLines = 0; // from the first: lines as wide as the console
    while (first + consoleLines < end && lines[first + consoleLines].text.size() + 1 >= width)
        ++consoleLines;
    const bool console = width >= kMinConsoleLineWidth && consoleLines >= 2;

    JsonStringState strings; // a %#v dump quotes its strings as JSON does
    for (const char c : joined.text)
        strings.step(c);
    for (std::size_t i = first + 1; i < end; ++i) {
        const std::string& next = lines[i].text;
        const std::size_t previousSize = lines[i - 1].text.size();
        std::string_view piece = next;
        std::string_view join;
        if (console && i - first <= consoleLines) {
            // The text goes on exactly where the console broke it; a blank it broke at was trimmed.
            join = previousSize < width ? " " : "";
        } else if (strings.inString() || breaksValue(lines, i)) {
            // A line end inside a quoted string, or inside a value a console-wide line ends in
            // (`Name:cbr` then `0_ep`): a wrap, joined as one inside a JSON string is.
            const bool blank = wrapAteBlank(
                lines, first, i, !strings.inString() || wrappedStringHasBlank(lines[i - 1].text, next));
            join = blank ? " " : "";
        } else {
            // Wrapped at a blank that the copy lost, or one member per line: indentation is no part of
            // the dump, and a blank separates the two words again unless a bracket is on either side.
            piece = trimBlanks(next);
            const char last = joined.text.empty() ? '{' : joined.text.back();
            const bool bracket = last == '{' || last == '[' || piece.front() == '}' || piece.front() == ']';
            join = bracket || splitsMemberName(joined.text, piece) ? "" : " ";
        }
        joined.text += join;
        joined.pieces.push_back({joined.text.size(), i, std::size_t(piece.data() - next.data())});
        joined.text += piece;
        for (const char c : piece)
            strings.step(c);
    }
    return joined;
}

} // namespace hcn::io
