// A paste double-spaced as a mail client, a web page's copy or a log viewer makes it: a blank line after
// every line. The added blank lines are left out; a document that sets its own paragraphs, headings and
// bullet items off with a blank line keeps them.

#include "io/double_spacing.h"

#include "common/text.h"
#include "io/text_scan.h"
#include "io/text_tables.h"

#include <algorithm>
#include <cctype>

namespace hcn::io {

namespace {

/// A line written as a paragraph of prose (an issue's or a mail's sentence): words that start with a
/// letter or markdown's marks, ending where a sentence ends (`.`, `:`, `?`, `!`, or a code span's
/// closing backtick). A list view's `Name : value` (a blank before its colon), JSON and rules are output.
bool isProseParagraph(std::string_view line)
{
    std::string_view t = trimBlanks(line);
    while (!t.empty() && (t.back() == '*' || t.back() == '_'))
        t.remove_suffix(1); // markdown emphasis around the sentence
    if (t.size() < 2 || t.find(' ') == std::string_view::npos)
        return false;
    const unsigned char first = static_cast<unsigned char>(t.front());
    const bool opens = std::isalpha(first) || first >= 0x80 ||
                       std::string_view("`>*#_(").find(char(first)) != std::string_view::npos;
    if (!opens || std::string_view(".:?!`").find(t.back()) == std::string_view::npos)
        return false;
    // `Name   : value`, `AdditionalParams :`: one word, blanks, a colon.
    const std::size_t colon = t.find(" :");
    return colon == std::string_view::npos || t.substr(0, colon).find(' ') != std::string_view::npos ||
           t.front() == '`';
}

bool holdsOnlyBlanks(const CleanedLine& line)
{
    return std::all_of(line.text.begin(), line.text.end(), isBlank);
}

/// How a line a blank line follows reads, for telling a double-spaced log or dump from a document whose
/// paragraphs are a blank line apart (isDoubleSpaced).
enum class SpacedLineReading
{
    Other,
    Record,   ///< a log's or a dump's line: in the text as written, its neighbours follow it at once
    Document, ///< a sentence, a heading, a bullet item, a paragraph: a blank line sets it off as written
    /// A few capitalized words alone (isShortTitle): a document's heading over the paragraph or list after
    /// it, or one of a script's progress lines (`Creating network`, `Starting HNS`), many in a row.
    ShortTitle,
};

bool isAsciiDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool startsWord(char c)
{
    return std::isalpha(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80) != 0;
}

/// The words of a line, split at blanks.
std::vector<std::string_view> blankSeparated(std::string_view t)
{
    std::vector<std::string_view> words;
    for (std::size_t i = 0; i < t.size();) {
        while (i < t.size() && isBlank(t[i]))
            ++i;
        const std::size_t begin = i;
        while (i < t.size() && !isBlank(t[i]))
            ++i;
        if (i > begin)
            words.push_back(t.substr(begin, i - begin));
    }
    return words;
}

/// What a log's stamp writes in `word`, starting where a number does (`T10:20:11`, `[2026-12-04`,
/// `time=10:20`): a time of day (`10:20:11`, `9:40`), else a date with its year (`2026-12-04`,
/// `12/4/2026`, `07.12.2026`), else None. A month and a day alone (`11-02`, `12/4`) are none: in ordinary
/// text they are as often a range or a fraction (`steps 1-2`, `3/4 of the nodes`), and a log that writes
/// one writes a time of day beside it. Neither are a year's range (`2019-2022`) and a port's mapping
/// (`8080:80`).
TimeOrDate stampIn(std::string_view word)
{
    TimeOrDate found = TimeOrDate::None;
    for (std::size_t i = 0; i + 2 < word.size(); ++i) {
        if (!isAsciiDigit(word[i]) || (i > 0 && isAsciiDigit(word[i - 1])))
            continue;
        const TimeOrDate kind = timeOrDateAt(word, i);
        if (kind == TimeOrDate::TimeOfDay)
            return kind;
        if (kind == TimeOrDate::Date)
            found = kind;
    }
    return found;
}

/// A log's level before its stamp: `INFO`, `[E]`, `WARNUNG:` (capitals in brackets or before a colon).
bool isLevelWord(std::string_view word)
{
    while (!word.empty() && (word.front() == '[' || word.front() == '('))
        word.remove_prefix(1);
    while (!word.empty() && (word.back() == ']' || word.back() == ')' || word.back() == ':'))
        word.remove_suffix(1);
    return !word.empty() && word.size() <= 10 &&
           std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

/// Whether words[at] is a log's stamp: a time of day among a line's first words, or a date with its
/// year that leads the line (after a level: `INFO 07.12.2026 ...`). A date inside a sentence (`seit dem
/// 07.12.2026 verlieren ...`, `Am 08.12.2026 haben ...`) or a version (`Windows 6.3.9600`) is prose's.
bool isStamp(const std::vector<std::string_view>& words, std::size_t at)
{
    const TimeOrDate stamp = stampIn(words[at]);
    return stamp == TimeOrDate::TimeOfDay ||
           (stamp == TimeOrDate::Date && std::all_of(words.begin(), words.begin() + at, isLevelWord));
}

/// A value a log or a dump writes: a GUID, an address, a hex identifier, a `file:line` or `line:1`.
bool isValueWord(std::string_view word)
{
    while (!word.empty() && std::string_view("([{\"'<").find(word.front()) != std::string_view::npos)
        word.remove_prefix(1);
    while (!word.empty() && std::string_view(")]}\"'>,;.").find(word.back()) != std::string_view::npos)
        word.remove_suffix(1);
    if (word.size() < 3)
        return false;
    if (tables::isGuid(word) ||
        (word.find_first_of(".:") != std::string_view::npos && tables::isAddress(word)))
        return true;
    const bool hex =
        word.size() >= 8 && std::all_of(word.begin(), word.end(), [](char c) { return hexDigit(c) >= 0; });
    if (hex && std::any_of(word.begin(), word.end(), isAsciiDigit) &&
        std::any_of(word.begin(), word.end(), [](char c) { return !isAsciiDigit(c); }))
        return true;
    const std::size_t colon = word.rfind(':');
    return colon != std::string_view::npos && colon > 0 && colon + 1 < word.size() &&
           !isAsciiDigit(word[colon - 1]) && std::all_of(word.begin() + colon + 1, word.end(), isAsciiDigit);
}

/// A line only a log or a dump writes so: JSON's punctuation, a list view's `Name : value` (one word, a
/// blank, a colon), ipconfig's `. . . :`, a time stamp among the first words, columns set apart by two
/// blanks or a tab, a table's rule or `|` cells, `key=value` pairs.
bool isRecordLine(std::string_view t, const std::vector<std::string_view>& words)
{
    if (t.empty())
        return false;
    if (std::string_view("{}[]\"").find(t.front()) != std::string_view::npos || t.back() == '{' ||
        t.back() == '[')
        return true;
    if (words.size() >= 2 && (words[1] == ":" || words[1].starts_with(":"))) {
        // A sentence after it is a French sentence's colon (`Remarque : le réseau ...`).
        const bool sentence =
            words.size() >= 6 && std::string_view(".?!").find(t.back()) != std::string_view::npos;
        if (!sentence)
            return true;
    }
    if (t.find(". . :") != std::string_view::npos || t.find(". :") != std::string_view::npos)
        return true;
    for (std::size_t i = 0; i < words.size() && i < 3; ++i)
        if (isStamp(words, i))
            return true;
    for (std::size_t i = 1; i + 1 < t.size(); ++i) {
        if (t[i] == '\t')
            return true;
        if (t[i] == ' ' && t[i + 1] == ' ' &&
            std::string_view(".?!:;, ").find(t[i - 1]) == std::string_view::npos)
            return true;
    }
    if (std::count(t.begin(), t.end(), '|') >= 2 || tables::isDashLine(t) ||
        std::all_of(t.begin(), t.end(), [](char c) { return c == '-' || c == '=' || c == '+' || c == ' '; }))
        return true;
    // A table's header in capitals (`NETWORK ID NAME DRIVER SCOPE`).
    if (words.size() >= 3 && std::all_of(t.begin(), t.end(), [](char c) {
            return std::isupper(static_cast<unsigned char>(c)) || isAsciiDigit(c) || c == ' ' || c == '_';
        }))
        return true;
    return std::count_if(words.begin(), words.end(), [](std::string_view w) {
               const std::size_t eq = w.find('=');
               return eq != std::string_view::npos && eq > 0 && eq + 1 < w.size();
           }) >= 2;
}

/// A bullet list's item: `•`, `-`, `*` or `1.` before words.
bool isListItem(std::string_view t)
{
    std::size_t marker = 0;
    for (const std::string_view bullet : {"\u2022", "\u25E6", "\u25AA", "\u2023", "\u00B7", "-", "*"})
        if (t.starts_with(bullet)) {
            marker = bullet.size();
            break;
        }
    if (marker == 0) {
        while (marker < t.size() && marker < 3 && isAsciiDigit(t[marker]))
            ++marker;
        if (marker == 0 || marker == t.size() || (t[marker] != '.' && t[marker] != ')'))
            return false;
        ++marker;
    }
    if (marker == t.size() || !isBlank(t[marker]))
        return false;
    const std::string_view rest = trimBlanks(t.substr(marker));
    // `- name: cbr0`: a YAML list's item, a record.
    const std::size_t colon = rest.find(':');
    const bool keyed =
        colon != std::string_view::npos && rest.substr(0, colon).find(' ') == std::string_view::npos;
    return !rest.empty() && (startsWord(rest.front()) || rest.front() == '`') && !keyed;
}

/// A markdown heading: one to six `#` and a blank before words.
bool isMarkdownHeading(std::string_view t)
{
    if (!t.starts_with('#'))
        return false;
    const std::size_t marks = t.find_first_not_of('#');
    return marks != std::string_view::npos && marks <= 6 && isBlank(t[marks]);
}

/// A few words on a line of their own, the first capitalized, no sentence's end, nothing a value holds: a
/// heading's shape, and a script's progress line's (`Creating network`, `Stopping service`), which
/// isDoubleSpaced tells apart by what follows. One word alone (`second`, `Succeeded`, `Done`) is a log's
/// as often: not counted; neither are words all in capitals, a table's header (`NETWORK ID NAME DRIVER
/// SCOPE`).
bool isShortTitle(std::string_view t, const std::vector<std::string_view>& words)
{
    constexpr std::size_t kMaxWords = 10;
    constexpr std::size_t kMaxSize = 80;
    if (words.size() < 2 || words.size() > kMaxWords || t.size() > kMaxSize)
        return false;
    const unsigned char first = static_cast<unsigned char>(t.front());
    if (!std::isupper(first) && first < 0x80)
        return false;
    const auto headingCharacter = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80) != 0 ||
               std::string_view(" -'(),/&").find(c) != std::string_view::npos;
    };
    // `New-HnsNetwork -Name x`: a command line.
    if (!std::all_of(t.begin(), t.end(), headingCharacter) || t.back() == ',' ||
        std::any_of(words.begin(), words.end(), [](std::string_view w) { return w.front() == '-'; }))
        return false;
    return std::any_of(t.begin(), t.end(),
                       [](char c) { return std::islower(static_cast<unsigned char>(c)); }) ||
           std::any_of(t.begin(), t.end(),
                       [](char c) { return (static_cast<unsigned char>(c) & 0x80) != 0; });
}

/// A paragraph that does not end where a sentence ends (cut, or ending on a parenthesis): many words,
/// nearly all of them words of letters.
bool isRunningText(const std::vector<std::string_view>& words)
{
    constexpr std::size_t kMinWords = 10;
    if (words.size() < kMinWords)
        return false;
    const auto lettered = std::count_if(words.begin(), words.end(), [](std::string_view w) {
        return startsWord(w.front()) || (w.size() > 1 && w.front() == '(' && startsWord(w[1]));
    });
    // ` : ` is output's (`HNS failed with error : ...`).
    const bool outputColon = std::find(words.begin(), words.end(), ":") != words.end();
    return std::size_t(lettered) * 10 >= words.size() * 9 && !outputColon &&
           std::none_of(words.begin(), words.end(), isValueWord);
}

/// A line that holds what a record holds, read when it is neither a record's shape nor a document's:
/// `key: value` with one word before the colon (`WARNING: first`, `From: ...`), ` : ` inside it, a value
/// (isValueWord).
bool holdsValues(std::string_view t, const std::vector<std::string_view>& words)
{
    if (!words.empty() && words.front().size() > 1 && words.front().back() == ':')
        return true;
    return t.find(" : ") != std::string_view::npos || std::any_of(words.begin(), words.end(), isValueWord);
}

SpacedLineReading readSpacedLine(std::string_view line)
{
    std::string_view t = trimBlanks(line);
    const std::vector<std::string_view> words = blankSeparated(t);
    if (isRecordLine(t, words))
        return SpacedLineReading::Record;
    // Chinese and Japanese sentences end with full-width marks and have no blanks between words.
    const bool fullWidthSentence =
        t.ends_with("\u3002") || t.ends_with("\uFF1A") || t.ends_with("\uFF1F") || t.ends_with("\uFF01");
    if (isProseParagraph(t) || fullWidthSentence || isListItem(t) || isMarkdownHeading(t) ||
        isRunningText(words))
        return SpacedLineReading::Document;
    if (isShortTitle(t, words))
        return SpacedLineReading::ShortTitle;
    return holdsValues(t, words) ? SpacedLineReading::Record : SpacedLineReading::Other;
}

/// Whether lines[begin, end) are double-spaced as a mail client or a log viewer's copy makes it: a blank
/// line after nearly every line, a blank line of the text three. A document that sets each paragraph,
/// heading and bullet item off with a blank line (an issue's text, a mail's, a web page's, a markdown
/// file's) is written so: of the lines a blank line follows, those that read as a document's
/// (readSpacedLine; a short title only as a heading over what follows it) may not outnumber those that
/// read as a log's or a dump's records.
bool isDoubleSpaced(const std::vector<CleanedLine>& lines, std::size_t begin, std::size_t end)
{
    // Calls `apart(line, next)` for each line followed by another, with whether an odd number of blank
    // lines is between them.
    const auto eachGap = [&](auto&& apart) {
        std::size_t last = std::string_view::npos; // the last non-blank line
        for (std::size_t i = begin; i < end; ++i) {
            if (holdsOnlyBlanks(lines[i]))
                continue;
            if (last != std::string_view::npos)
                apart(last, i, (i - last - 1) % 2 == 1);
            last = i;
        }
    };
    std::size_t gaps = 0;
    std::size_t spaced = 0;
    eachGap([&](std::size_t, std::size_t, bool odd) {
        ++gaps;
        spaced += odd;
    });
    constexpr std::size_t kMinLines = 4;
    if (gaps < kMinLines || spaced * 10 < gaps * 8)
        return false;
    std::size_t records = 0;   // of the lines a blank line follows
    std::size_t documents = 0; // of the lines a blank line follows
    eachGap([&](std::size_t line, std::size_t next, bool odd) {
        if (!odd)
            return;
        SpacedLineReading reading = readSpacedLine(lines[line].text);
        // A heading heads something: a short title is a document's only when a paragraph, a list item,
        // a markdown heading or a record (a table, a block of output) follows it. One that another short
        // title, a word alone (`Done`) or a line of neither kind follows is counted for neither: a
        // script's progress lines come many in a row (`Creating network`, `Stopping service`, `Done`).
        if (reading == SpacedLineReading::ShortTitle) {
            const SpacedLineReading after = readSpacedLine(lines[next].text);
            reading = after == SpacedLineReading::Document || after == SpacedLineReading::Record
                          ? SpacedLineReading::Document
                          : SpacedLineReading::Other;
        }
        records += reading == SpacedLineReading::Record;
        documents += reading == SpacedLineReading::Document;
    });
    // Lines that read as neither (short titles over short titles: an issue form's questions and
    // answers, a script's progress lines) tell nothing; a text without a record is no log's.
    return records > 0 && documents <= records;
}

/// Of each run of blank lines between two lines of lines[begin, end), half moved to `kept`, the other
/// lines all; the number of blank lines left out. Blank lines before the part's first line and after its
/// last are not between two: they stay.
std::size_t halveBlankRuns(std::vector<CleanedLine>& lines, std::size_t begin, std::size_t end,
                           std::vector<CleanedLine>& kept)
{
    std::size_t dropped = 0;
    bool any = false; // a line of the part kept
    for (std::size_t i = begin; i < end;) {
        if (!holdsOnlyBlanks(lines[i])) {
            kept.push_back(std::move(lines[i++]));
            any = true;
            continue;
        }
        std::size_t run = i;
        while (run < end && holdsOnlyBlanks(lines[run]))
            ++run;
        const std::size_t keep = !any || run == end ? run - i : (run - i) / 2;
        for (std::size_t k = 0; k < keep; ++k)
            kept.push_back(std::move(lines[i + k]));
        dropped += run - i - keep;
        i = run;
    }
    return dropped;
}

/// A line that sets off a block of code or log in markdown: a fence, or a lone backtick a code span
/// was opened or closed with on a line of its own.
bool opensOrClosesBlock(const CleanedLine& line)
{
    // Most lines start with another character: they are not trimmed.
    std::size_t first = 0;
    while (first < line.text.size() && isBlank(line.text[first]))
        ++first;
    if (first == line.text.size() || (line.text[first] != '`' && line.text[first] != '~'))
        return false;
    const std::string_view t = trimBlanks(line.text);
    return isFenceLine(t) || t == "`";
}

} // namespace

std::string undoDoubleSpacing(std::vector<CleanedLine>& lines)
{
    std::vector<std::pair<std::size_t, std::size_t>> parts; // [begin, end) of each part done
    if (isDoubleSpaced(lines, 0, lines.size())) {
        parts.emplace_back(0, lines.size());
    } else {
        // Inside a block only: the text around it is markdown, its blank lines its own.
        std::size_t begin = 0;
        bool inside = false;
        for (std::size_t i = 0; i <= lines.size(); ++i)
            if (i == lines.size() || opensOrClosesBlock(lines[i])) {
                if (inside && isDoubleSpaced(lines, begin, i))
                    parts.emplace_back(begin, i);
                inside = !inside;
                begin = i + 1;
            }
    }
    if (parts.empty())
        return {};
    const bool whole = parts.front().second - parts.front().first == lines.size();
    std::string where;
    for (const auto& [begin, end] : parts)
        if (!whole)
            where += std::string(where.empty() ? "" : ", ") + std::to_string(lines[begin].sourceLine) + "-" +
                     std::to_string(lines[end - 1].sourceLine);
    std::vector<CleanedLine> kept;
    kept.reserve(lines.size());
    std::size_t dropped = 0;
    std::size_t next = 0;
    for (const auto& [begin, end] : parts) {
        for (; next < begin; ++next)
            kept.push_back(std::move(lines[next]));
        dropped += halveBlankRuns(lines, begin, end, kept);
        next = end;
    }
    for (; next < lines.size(); ++next)
        kept.push_back(std::move(lines[next]));
    lines = std::move(kept);
    if (dropped == 0)
        return {};
    return (where.empty() ? std::string("the text is") : "the lines " + where + " of the text are") +
           " double-spaced (a blank line after nearly every line, as a mail client makes it): " +
           std::to_string(dropped) + (dropped == 1 ? " added blank line" : " added blank lines") +
           " left out";
}

} // namespace hcn::io
