// Lines a console or an editor wrapped (see wrapped_lines.h).

#include "io/wrapped_lines.h"

#include "common/text.h"
#include "io/json_repair.h"
#include "io/statement_lines.h"
#include "io/text_scan.h"
#include "io/text_tables.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace hcn::io {

namespace {

bool digitsAt(std::string_view s, std::size_t at, std::size_t count)
{
    if (at + count > s.size())
        return false;
    return std::all_of(s.begin() + std::ptrdiff_t(at), s.begin() + std::ptrdiff_t(at + count),
                       [](char c) { return c >= '0' && c <= '9'; });
}

bool isWordLetter(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || u >= 0x80; // UTF-8: localized words
}

/// The line ends in a word of letters (a sentence's punctuation after it), not in a token such as `L`
/// of `L2Bridge` or a GUID's part.
bool endsInLetterWord(std::string_view line)
{
    std::size_t end = line.size();
    while (end > 0 && std::string_view(".,;:!?").find(line[end - 1]) != std::string_view::npos)
        --end;
    std::size_t start = end;
    while (start > 0 && isWordLetter(line[start - 1]))
        --start;
    return start < end && (start == 0 || line[start - 1] == ' ' || line[start - 1] == '"');
}

/// The line starts with a word of letters, up to a blank, a quote or a sentence's punctuation.
bool startsWithLetterWord(std::string_view line)
{
    std::size_t end = 0;
    while (end < line.size() && isWordLetter(line[end]))
        ++end;
    return end > 0 &&
           (end == line.size() || std::string_view(" \".,;:!?)").find(line[end]) != std::string_view::npos);
}

/// Lines searched on either side of a break for the string it broke, shown whole (a bound on the cost of
/// each break no width tells).
constexpr std::size_t kShownWholeWindow = 2000;

/// Whether `line` holds `text` with no letter or digit right before or after it.
bool holdsWord(std::string_view line, std::string_view text)
{
    const auto isWordChar = [](char c) { return isWordLetter(c) || (c >= '0' && c <= '9'); };
    for (std::size_t at = line.find(text); at != std::string_view::npos; at = line.find(text, at + 1)) {
        const std::size_t end = at + text.size();
        if ((at == 0 || !isWordChar(line[at - 1])) && (end == line.size() || !isWordChar(line[end])))
            return true;
    }
    return false;
}

/// The string a line end before lines[next] broke inside, as the dump shows it elsewhere (within
/// kShownWholeWindow lines, the two around the break left out): `false` when it shows it joined without
/// a blank (`Default Switch` for `"Default Sw` / `itch"`) and never with one, `true` for the reverse,
/// nothing when it shows neither or both, or the string is too short to tell (under 8 bytes).
std::optional<bool> blankShownElsewhere(const std::vector<CleanedLine>& lines, std::size_t next)
{
    const std::string_view before = lines[next - 1].text;
    const std::string_view after = lines[next].text;
    const std::size_t open = before.rfind('"');
    const std::string_view head = open == std::string_view::npos ? before : before.substr(open + 1);
    const std::string_view tail = after.substr(0, std::min(after.find('"'), after.size()));
    if (head.empty() || tail.empty() || head.size() + tail.size() < 8)
        return std::nullopt;
    const std::string joined = std::string(head) + std::string(tail);
    const std::string spaced = std::string(head) + " " + std::string(tail);
    bool withBlank = false;
    bool without = false;
    const std::size_t from = next > kShownWholeWindow ? next - kShownWholeWindow : 0;
    const std::size_t to = std::min(lines.size(), next + kShownWholeWindow);
    for (std::size_t l = from; l < to && !(withBlank && without); ++l) {
        if (l + 1 == next || l == next)
            continue;
        without = without || holdsWord(lines[l].text, joined);
        withBlank = withBlank || holdsWord(lines[l].text, spaced);
    }
    if (withBlank == without)
        return std::nullopt;
    return withBlank;
}

/// Whether `a` and `b` are rows of one table (a header and its rows, `docker service ps`'s): two cells
/// or more (a run of text after two blanks or more) start at the same columns in both. A console's wrap
/// goes on anywhere in its line, never aligned so.
bool alignedRows(std::string_view a, std::string_view b)
{
    const auto cellStarts = [](std::string_view line) {
        std::vector<std::size_t> starts;
        const std::vector<tables::Token> tokens = tables::splitTokens(line);
        for (std::size_t i = 1; i < tokens.size(); ++i)
            if (tokens[i].column >= tokens[i - 1].columnEnd + 2)
                starts.push_back(tokens[i].column);
        return starts;
    };
    const std::vector<std::size_t> first = cellStarts(a);
    if (first.size() < 2)
        return false;
    std::size_t shared = 0;
    for (const std::size_t column : cellStarts(b))
        shared += std::binary_search(first.begin(), first.end(), column) ? 1 : 0;
    return shared >= 2;
}

} // namespace

char klogLevel(std::string_view line)
{
    line = trimBlanks(line);
    return line.size() > 5 && std::string_view("IWEF").find(line[0]) != std::string_view::npos &&
                   digitsAt(line, 1, 4) && line[5] == ' '
               ? line[0]
               : 0;
}

bool opensLogRecord(std::string_view line)
{
    line = trimBlanks(line);
    if (klogLevel(line) != 0)
        return true;
    if (line.starts_with("time=") || line.starts_with("level="))
        return true;
    return digitsAt(line, 0, 4) && line.size() > 4 && (line[4] == '-' || line[4] == '/') &&
           digitsAt(line, 5, 2);
}

bool opensHeaderlessKlogRecord(std::string_view line)
{
    line = trimBlanks(line);
    const std::size_t go = line.find(".go:");
    if (go == 0 || go == std::string_view::npos)
        return false;
    for (const char c : line.substr(0, go))
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.')
            return false;
    std::size_t end = go + 4;
    while (end < line.size() && std::isdigit(static_cast<unsigned char>(line[end])))
        ++end;
    return end > go + 4 && line.substr(end).starts_with("] ");
}

std::size_t consoleWrapEnd(const std::vector<CleanedLine>& lines, std::size_t first, std::size_t maxLines)
{
    const std::size_t width = codePointWidth(lines[first].text);
    std::size_t end = first + 1;
    if (width < kMinConsoleLineWidth)
        return end;
    while (end < lines.size() && end - first < maxLines && codePointWidth(lines[end - 1].text) + 1 >= width) {
        const std::string_view next = trimBlanks(lines[end].text);
        if (next.empty() || opensStatement(next) || isFenceLine(next) || isPromptLine(next) ||
            isCommandLine(next) || isPowerShellErrorRecordLine(next) || isHeadingLine(next) ||
            alignedRows(lines[end - 1].text, lines[end].text))
            break;
        // A line that ends a sentence was cut by the console only where lines before it show the console's
        // width (two of them as wide); alone, it is a line of its own (`... Element not found.`).
        // The marks that close markdown emphasis or a code span after it (`... incorrect._`) end it too.
        std::string_view before = trimBlanks(lines[end - 1].text);
        while (!before.empty() && (before.back() == '_' || before.back() == '*' || before.back() == '`'))
            before.remove_suffix(1);
        if (end - 1 == first && !before.empty() &&
            std::string_view(".!?").find(before.back()) != std::string_view::npos)
            break;
        ++end;
    }
    return end;
}

std::string joinConsoleWrap(const std::vector<CleanedLine>& lines, std::size_t first, std::size_t end,
                            std::vector<std::pair<std::size_t, int>>* joinedAt)
{
    std::string joined = lines[first].text;
    if (joinedAt)
        *joinedAt = lines[first].joinedAt;
    const std::size_t width = codePointWidth(joined);
    for (std::size_t k = first + 1; k < end && k < lines.size(); ++k) {
        if (codePointWidth(lines[k - 1].text) < width)
            joined += ' '; // the console broke at a blank, which the copy trimmed
        if (joinedAt) {
            joinedAt->emplace_back(joined.size(), lines[k].sourceLine);
            for (const auto& [column, line] : lines[k].joinedAt)
                joinedAt->emplace_back(joined.size() + column, line);
        }
        joined += lines[k].text;
    }
    return joined;
}

int sourceLineAt(const CleanedLine& line, std::size_t column)
{
    int at = line.sourceLine;
    for (const auto& [start, number] : line.joinedAt) {
        if (start > column)
            break;
        at = number;
    }
    return at;
}

std::vector<std::pair<std::size_t, int>> joinedWithin(const CleanedLine& line,
                                                      const std::vector<std::size_t>& columnOf,
                                                      std::size_t begin, std::size_t end)
{
    std::vector<std::pair<std::size_t, int>> within;
    end = std::min(end, columnOf.size());
    if (line.joinedAt.empty() || begin >= end)
        return within;
    int current = line.sourceLine;
    std::size_t next = 0; // the first joined line not yet reached
    for (std::size_t k = begin; k < end; ++k) {
        int at = current;
        while (next < line.joinedAt.size() && line.joinedAt[next].first <= columnOf[k])
            at = line.joinedAt[next++].second;
        if (at != current)
            within.emplace_back(k - begin, at);
        current = at;
    }
    return within;
}

std::size_t wrappedJsonValueEnd(const std::vector<CleanedLine>& lines, std::size_t line, std::size_t column,
                                std::size_t stopLine)
{
    stopLine = std::min(stopLine, lines.size());
    const std::size_t width = codePointWidth(lines[line].text);
    JsonStringState strings;
    std::size_t next = line;
    for (;;) {
        const std::string& text = lines[next].text;
        for (std::size_t i = next == line ? column : 0; i < text.size(); ++i)
            strings.step(text[i]);
        if (++next >= stopLine)
            return stopLine;
        const std::string& following = lines[next].text;
        if (following.empty() || following[0] == ' ' || following[0] == '\t')
            continue; // a pretty-printed member, or a blank line
        // Only a long line was wrapped; a log record, a prompt, a command or a fence starts something new.
        const std::size_t lineWidth = codePointWidth(text);
        const bool consoleWide = width >= kMinConsoleLineWidth && lineWidth + 1 >= width;
        const std::string_view t = trimBlanks(following);
        if (lineWidth < kMinConsoleLineWidth || (!strings.inString() && !consoleWide) || opensLogRecord(t) ||
            isFenceLine(t) || isPromptLine(t) || isCommandLine(t))
            return next;
    }
}

bool wrappedStringHasBlank(std::string_view before, std::string_view after)
{
    const std::size_t open = before.rfind('"');
    const std::string_view head = open == std::string_view::npos ? before : before.substr(open + 1);
    const std::string_view tail = after.substr(0, std::min(after.find('"'), after.size()));
    return head.find(' ') != std::string_view::npos || tail.find(' ') != std::string_view::npos;
}

bool wrapAteBlank(const std::vector<CleanedLine>& lines, std::size_t runFirst, std::size_t next,
                  bool stringHasBlank)
{
    if (next == 0 || next >= lines.size())
        return false;
    const CleanedLine& before = lines[next - 1];
    if (before.trailingBlank)
        return true;
    const std::string_view after = lines[next].text;
    if (!stringHasBlank || before.text.empty() || after.empty() || after.front() == ' ' ||
        after.front() == '\t')
        return false;
    // The run's lines around the break (up to blank lines) show the width; a long text costs no more per
    // break.
    constexpr std::size_t kAround = 64;
    std::size_t from = next - 1;
    while (from > runFirst && next - from < kAround && !lines[from - 1].text.empty())
        --from;
    std::size_t width = 0;
    std::size_t last = from;
    for (; last < lines.size() && last < next + kAround && !lines[last].text.empty(); ++last)
        width = std::max(width, codePointWidth(lines[last].text));
    std::size_t atWidth = 0;
    for (std::size_t l = from; l < last; ++l)
        atWidth += codePointWidth(lines[l].text) + 1 >= width ? 1 : 0;
    // A console line is as wide as no editor wraps, or two lines reach the same width.
    const bool widthKnown = width >= kMinConsoleLineWidth || atWidth >= 2;
    const std::size_t lineWidth = codePointWidth(before.text);
    if (widthKnown && lineWidth >= width)
        return false; // a hard wrap at the width: inside a word, a GUID, an address
    // Shorter than the width: a word wrap when the next word would not have fit after the line, or when
    // the break falls between two words of letters in prose (a console wrapped at a word, the copy lost the
    // blank); with no width shown, only the words tell.
    const std::size_t word = codePointWidth(after.substr(0, std::min(after.find(' '), after.size())));
    if (widthKnown && lineWidth + 1 + word > width)
        return true;
    if (!endsInLetterWord(before.text) || !startsWithLetterWord(after))
        return false;
    // Two words of letters on a line short of the width, or with no width shown: a wrap inside a word
    // (`"Default Sw` / `itch"`) reads as one at a blank, unless the string shown whole elsewhere in the
    // dump tells.
    if (const std::optional<bool> shown = blankShownElsewhere(lines, next))
        return *shown;
    return true;
}

} // namespace hcn::io
