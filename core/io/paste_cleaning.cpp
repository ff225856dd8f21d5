// Pasted text, line by line: what a console, a chat window or a ticket system put around the output.

#include "common/text.h"
#include "hcn/dump_text.h"
#include "io/html_text.h"
#include "io/line_prefixes.h"
#include "io/pasted_characters.h"
#include "io/text_tables.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace hcn::io {

namespace {

/// The stream prefixes PowerShell writes (VERBOSE, DEBUG, WARNING) in the languages Windows ships most.
constexpr std::array<std::string_view, 16> kStreamPrefixes = {
    "VERBOSE",       "DEBUG",          "WARNING",   "AUSFÜHRLICH", "WARNUNG",     "COMMENTAIRES",
    "AVERTISSEMENT", "DÉBOGUER",       "DETALLADO", "ADVERTENCIA", "DETTAGLIATO", "AVVISO",
    "ПОДРОБНО",      "ПРЕДУПРЕЖДЕНИЕ", "詳細",      "警告",
};

/// A prompt is read after at most this many blanks.
constexpr std::size_t kMaxPromptIndent = 8;

std::string_view skipBlanks(std::string_view line, std::size_t max = std::string_view::npos)
{
    std::size_t n = 0;
    while (n < line.size() && n < max && isBlank(line[n]))
        ++n;
    return line.substr(n);
}

/// `> `, `>> ` (markdown quotes, PowerShell continuation prompts): one marker.
bool stripQuoteMarker(std::string_view& line)
{
    const std::string_view rest = skipBlanks(line, 3);
    if (!rest.starts_with('>'))
        return false;
    line = rest.substr(1);
    if (!line.empty() && line[0] == ' ')
        line.remove_prefix(1);
    return true;
}

/// `PS C:\Users\admin> ` and `PS Microsoft.PowerShell.Core\FileSystem::\\srv\share> `.
bool stripPowerShellPrompt(std::string_view& line)
{
    if (!line.starts_with("PS ") && !line.starts_with("PS>"))
        return false;
    const std::size_t gt = line.find('>');
    if (gt == std::string_view::npos)
        return false;
    // A path (`PS C:\k>`), or none, as documentation and a shortened prompt show it (`PS>`, `PS >`).
    const std::string_view path = line.substr(2, gt - 2);
    const bool noPath = path.find_first_not_of(' ') == std::string_view::npos;
    if ((!noPath && path.find_first_of(":\\") == std::string_view::npos) || path.find('"') != std::string_view::npos)
        return false;
    line.remove_prefix(gt + 1);
    if (!line.empty() && line[0] == ' ')
        line.remove_prefix(1);
    return true;
}

/// `C:\Windows\system32>` (cmd.exe).
bool stripCmdPrompt(std::string_view& line)
{
    if (line.size() < 4 || !std::isalpha(static_cast<unsigned char>(line[0])) || line[1] != ':' ||
        line[2] != '\\')
        return false;
    const std::size_t gt = line.find('>');
    if (gt == std::string_view::npos || line.substr(0, gt).find('"') != std::string_view::npos)
        return false;
    line.remove_prefix(gt + 1);
    return true;
}

/// A cmd prompt (stripCmdPrompt) only where a blank or the line's end follows its `>`, not after a `-`,
/// `=` or digit: a path with a `>` after it that is no prompt's (`C:\k\kubelet.exe ... 2>&1`, `C:\a ->
/// C:\b`) is output. For a line whose start is not the prompt's place for sure (indented, after a diff's
/// `+`).
bool stripCmdPromptBeforeBlank(std::string_view& line)
{
    // The drive first: most lines are no prompt, and are not searched for a `>`.
    if (line.size() < 4 || !std::isalpha(static_cast<unsigned char>(line[0])) || line[1] != ':' ||
        line[2] != '\\')
        return false;
    const std::size_t gt = line.find('>');
    if (gt == std::string_view::npos || gt == 0 ||
        std::string_view("-=0123456789").find(line[gt - 1]) != std::string_view::npos ||
        (gt + 1 < line.size() && line[gt + 1] != ' '))
        return false;
    return stripCmdPrompt(line);
}

/// `2026-12-01T10:20:11.004217800Z stderr F ` at the start of a line: the CRI log format (containerd's and
/// CRI-O's file for each container's output, what a node's /var/log/pods holds): the time (RFC 3339,
/// fraction optional, `Z` or an offset), the stream and the tag (F a full line, P part of a longer one).
bool stripCriPrefix(std::string_view& line)
{
    std::size_t i = 0;
    auto digits = [&](std::size_t n) {
        for (std::size_t k = 0; k < n; ++k, ++i)
            if (i >= line.size() || !std::isdigit(static_cast<unsigned char>(line[i])))
                return false;
        return true;
    };
    auto expect = [&](char c) { return i < line.size() && line[i++] == c; };
    if (!(digits(4) && expect('-') && digits(2) && expect('-') && digits(2) && expect('T') && digits(2) &&
          expect(':') && digits(2) && expect(':') && digits(2)))
        return false;
    if (i < line.size() && line[i] == '.') {
        ++i;
        while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i])))
            ++i;
    }
    if (i < line.size() && line[i] == 'Z')
        ++i;
    else if (!(i < line.size() && (line[i] == '+' || line[i] == '-') && (++i, digits(2)) && expect(':') &&
               digits(2)))
        return false;
    std::string_view rest = line.substr(i);
    for (const std::string_view stream : {" stdout ", " stderr "}) {
        if (!rest.starts_with(stream))
            continue;
        rest.remove_prefix(stream.size());
        if (rest.empty() || (rest[0] != 'F' && rest[0] != 'P') || (rest.size() > 1 && rest[1] != ' '))
            return false;
        rest.remove_prefix(rest.size() > 1 ? 2 : 1);
        line = rest;
        return true;
    }
    return false;
}

std::string_view trimTrailing(std::string_view line)
{
    while (!line.empty() && isBlank(line.back()))
        line.remove_suffix(1);
    return line;
}

/// The decorations stripped off `text`, in place; whether a prompt was one of them.
bool cleanLine(std::string& text)
{
    bool prompt = false;
    std::string_view line = text;
    // A container log's record prefix is outermost; decorations inside it nest (a quoted prompt, a
    // prompt's verbose output): strip until none is left.
    stripQuoteMarker(line);
    stripCriPrefix(line);
    for (;;) {
        if (stripPowerShellPrompt(line) || stripCmdPrompt(line)) {
            prompt = true;
            continue;
        }
        if (stripQuoteMarker(line) || stripStreamPrefix(line))
            continue;
        // A prompt on a line a review diff added (`+C:\> docker network create ...`): the `+` is the diff's.
        if (std::string_view rest = line.substr(line.starts_with('+') ? 1 : 0);
            rest.size() < line.size() && (stripPowerShellPrompt(rest) || stripCmdPromptBeforeBlank(rest))) {
            line = rest;
            prompt = true;
            continue;
        }
        // A prompt indented a little (a markdown code block, a session quoted in a list): the blanks are
        // its. cmd's only when a blank or the line's end follows it: an indented path with a `>` after
        // it (`C:\k\kubelet.exe ... 2>&1`, `C:\a -> C:\b`) is output.
        if (std::string_view rest = skipBlanks(line, kMaxPromptIndent);
            rest.size() < line.size() && rest.size() > 2 && (rest.front() == 'P' || rest[1] == ':')) {
            if (stripPowerShellPrompt(rest) || stripCmdPromptBeforeBlank(rest)) {
                line = rest;
                prompt = true;
                continue;
            }
        }
        break;
    }
    line = trimTrailing(line);
    const auto start = std::size_t(line.data() - text.data());
    text.erase(start + line.size());
    text.erase(0, start);
    return prompt;
}

/// A pager's prompt at the start of a line: more.com's `-- More  --` (`-- More (12%) --` when it reads
/// a file; other words in other languages: the words are not checked, only their shape) and
/// `Out-Host -Paging`'s `<SPACE> next page; <CR> next line; Q quit`. Returns its length, 0 when none.
std::size_t pagerPromptLength(std::string_view line)
{
    constexpr std::string_view kOutHostPaging = "<SPACE> next page; <CR> next line; Q quit";
    if (line.starts_with(kOutHostPaging))
        return kOutHostPaging.size();
    constexpr std::size_t kMaxWords = 32;
    if (!line.starts_with("-- "))
        return 0;
    const std::size_t close = line.find("--", 3);
    if (close == std::string_view::npos || close > 3 + kMaxWords)
        return 0;
    const std::string_view words = trimBlanks(line.substr(3, close - 3));
    const auto wordCharacter = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80) != 0 ||
               c == ' ' || c == '%' || c == '(' || c == ')' || c == '.';
    };
    const bool letterFirst = !words.empty() && (std::isalpha(static_cast<unsigned char>(words[0])) ||
                                                (static_cast<unsigned char>(words[0]) & 0x80) != 0);
    if (!letterFirst || !std::all_of(words.begin(), words.end(), wordCharacter))
        return 0;
    return close + 2;
}

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

std::string countText(std::size_t n, std::string_view one, std::string_view many)
{
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

bool isBlankLine(const CleanedLine& line)
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

/// A time of day (`10:20:11`, `9:40`) or a date (`2026-12-04`, `12/4/2026`) in `word`.
bool holdsTimeOrDate(std::string_view word)
{
    const auto digitsAt = [word](std::size_t at, std::size_t n) {
        return at + n <= word.size() && std::all_of(word.begin() + at, word.begin() + at + n, isAsciiDigit);
    };
    for (std::size_t i = 1; i + 2 < word.size(); ++i) {
        if (!digitsAt(i - 1, 1))
            continue;
        if ((word[i] == ':' && digitsAt(i + 1, 2)) ||
            (word[i] == '-' && i >= 4 && digitsAt(i - 4, 4) && digitsAt(i + 1, 2)))
            return true;
        if (word[i] == '/') {
            std::size_t j = i + 1;
            while (j < word.size() && j < i + 3 && isAsciiDigit(word[j]))
                ++j;
            if (j > i + 1 && j < word.size() && word[j] == '/' && digitsAt(j + 1, 2))
                return true;
        }
    }
    return false;
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
        if (holdsTimeOrDate(words[i]))
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
    const std::string_view rest = skipBlanks(t.substr(marker));
    // `- name: cbr0`: a YAML list's item, a record.
    const std::size_t colon = rest.find(':');
    const bool keyed =
        colon != std::string_view::npos && rest.substr(0, colon).find(' ') == std::string_view::npos;
    return !rest.empty() && (startsWord(rest.front()) || rest.front() == '`') && !keyed;
}

/// A heading: a markdown `#` before words, or a few words on a line of their own, the first capitalized,
/// no sentence's end, nothing a value holds. One word alone (`second`, `Succeeded`) is a log's as often:
/// not counted; neither are words all in capitals, a table's header (`NETWORK ID NAME DRIVER SCOPE`).
bool isHeading(std::string_view t, const std::vector<std::string_view>& words)
{
    if (t.starts_with('#')) {
        const std::size_t marks = t.find_first_not_of('#');
        return marks != std::string_view::npos && marks <= 6 && isBlank(t[marks]);
    }
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
    if (isProseParagraph(t) || fullWidthSentence || isListItem(t) || isHeading(t, words) ||
        isRunningText(words))
        return SpacedLineReading::Document;
    return holdsValues(t, words) ? SpacedLineReading::Record : SpacedLineReading::Other;
}

/// Whether lines[begin, end) are double-spaced as a mail client or a log viewer's copy makes it: a blank
/// line after nearly every line, a blank line of the text three. A document that sets each paragraph,
/// heading and bullet item off with a blank line (an issue's text, a mail's, a web page's, a markdown
/// file's) is written so: of the lines a blank line follows, those that read as a document's
/// (readSpacedLine) may not outnumber those that read as a log's or a dump's records.
bool isDoubleSpaced(const std::vector<CleanedLine>& lines, std::size_t begin, std::size_t end)
{
    // Calls `apart(line)` for each line followed by another, with whether an odd number of blank lines is
    // between them.
    const auto eachGap = [&](auto&& apart) {
        std::size_t last = std::string_view::npos; // the last non-blank line
        for (std::size_t i = begin; i < end; ++i) {
            if (isBlankLine(lines[i]))
                continue;
            if (last != std::string_view::npos)
                apart(last, (i - last - 1) % 2 == 1);
            last = i;
        }
    };
    std::size_t gaps = 0;
    std::size_t spaced = 0;
    eachGap([&](std::size_t, bool odd) {
        ++gaps;
        spaced += odd;
    });
    constexpr std::size_t kMinLines = 4;
    if (gaps < kMinLines || spaced * 10 < gaps * 8)
        return false;
    std::size_t records = 0;   // of the lines a blank line follows
    std::size_t documents = 0; // of the lines a blank line follows
    eachGap([&](std::size_t line, bool odd) {
        if (!odd)
            return;
        const SpacedLineReading reading = readSpacedLine(lines[line].text);
        records += reading == SpacedLineReading::Record;
        documents += reading == SpacedLineReading::Document;
    });
    return documents <= records;
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
        if (!isBlankLine(lines[i])) {
            kept.push_back(std::move(lines[i++]));
            any = true;
            continue;
        }
        std::size_t run = i;
        while (run < end && isBlankLine(lines[run]))
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

/// A text double-spaced (isDoubleSpaced) with the added blank lines left out: the whole text, else each
/// block markdown fences set off (a log pasted double-spaced into an issue written as it should be; a
/// block the paste opened and never closed runs to its end).
/// The report's note of it; empty when nothing was left out.
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
           countText(dropped, "added blank line", "added blank lines") + " left out";
}

/// The report's note about the characters normalized, empty when none was.
std::string characterNote(const PastedCharacterCounts& counts)
{
    std::vector<std::string> parts;
    if (counts.escapes > 0)
        parts.push_back(countText(counts.escapes, "terminal escape sequence", "terminal escape sequences") +
                        " (colours, titles) removed");
    if (counts.caretEscapes > 0)
        parts.push_back(
            countText(counts.caretEscapes, "terminal escape sequence", "terminal escape sequences") +
            " in caret notation (`^[[0m`: ESC as `cat -v` and log viewers show it) removed");
    if (counts.cursorBreaks > 0)
        parts.push_back(countText(counts.cursorBreaks, "cursor movement", "cursor movements") +
                        " of a terminal that repaints its screen (ConPTY, `script`) read as line breaks");
    if (counts.zeroWidth > 0) {
        std::string names;
        for (std::size_t i = 0; i < std::size(kZeroWidthNames); ++i)
            if (counts.zeroWidthKinds & (1u << i))
                names += std::string(names.empty() ? "" : ", ") + kZeroWidthNames[i];
        parts.push_back(countText(counts.zeroWidth, "zero-width character", "zero-width characters") + " (" +
                        names + ") removed");
    }
    if (counts.nbsp > 0)
        parts.push_back(countText(counts.nbsp, "non-breaking space", "non-breaking spaces") +
                        " (U+00A0) outside quoted strings read as blanks");
    if (counts.tabs > 0)
        parts.push_back(countText(counts.tabs, "tab", "tabs") + " before a colon read as blanks");
    if (parts.empty())
        return {};
    std::string note = "characters a terminal, chat or mail tool added were normalized: ";
    for (std::size_t i = 0; i < parts.size(); ++i)
        note += (i ? "; " : "") + parts[i];
    return note;
}

/// "line 4" or "lines 4-9".
std::string lineRange(const HtmlRegion& region)
{
    return region.firstLine == region.lastLine
               ? "line " + std::to_string(region.firstLine)
               : "lines " + std::to_string(region.firstLine) + "-" + std::to_string(region.lastLine);
}

/// The report's note about the HTML read: where it is and what it was.
std::string htmlNote(std::string_view text, const std::vector<HtmlRegion>& regions)
{
    const std::string read = ": tags as line breaks, character references such as &quot; decoded";
    const HtmlRegion& first = regions.front();
    if (regions.size() > 1) {
        std::string where;
        for (std::size_t i = 0; i < regions.size(); ++i)
            where += (i == 0 ? "" : i + 1 == regions.size() ? " and " : ", ") + lineRange(regions[i]);
        return where + " are " + std::to_string(regions.size()) +
               " HTML fragments (markup copied from a ticket or a page); each was read as the text it "
               "shows and the lines between them as they are" +
               read;
    }
    const auto blank = [](std::string_view t) { return t.find_first_not_of(" \t\r\n") == t.npos; };
    const std::string what = first.document ? "an HTML document (a ticket or mail export)"
                                            : "an HTML fragment (markup copied from a ticket or a page)";
    if (blank(text.substr(0, first.begin)) && blank(text.substr(first.end)))
        return "the text is " + what + "; it was read as the text it shows" + read;
    return lineRange(first) + (first.firstLine == first.lastLine ? " is " : " are ") + what +
           "; read as the text it shows" + read;
}

} // namespace

bool stripStreamPrefix(std::string_view& line)
{
    for (const std::string_view word : kStreamPrefixes) {
        if (!line.starts_with(word))
            continue;
        std::string_view rest = line.substr(word.size());
        if (rest.starts_with(' '))
            rest.remove_prefix(1);
        if (rest.starts_with(':'))
            rest.remove_prefix(1);
        else if (rest.starts_with("\xEF\xBC\x9A")) // a full-width colon (Chinese, Japanese)
            rest.remove_prefix(3);
        else
            continue;
        if (!rest.empty() && rest[0] == ' ')
            rest.remove_prefix(1);
        line = rest;
        return true;
    }
    return false;
}

std::vector<CleanedLine> cleanPastedText(std::string_view text, std::vector<std::string>* notes)
{
    std::vector<std::string> said;
    HtmlText html;
    if (const std::vector<HtmlRegion> regions = findHtml(text); !regions.empty()) {
        said.push_back(htmlNote(text, regions));
        html = textWithHtmlRead(text, regions);
        text = html.text;
    }
    std::vector<CleanedLine> lines;
    PastedCharacterCounts characters;
    int number = 1;
    for (std::size_t start = 0; start <= text.size(); ++number) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        if (start == text.size() && start != 0 && text[start - 1] == '\n')
            break; // no empty line after the final line end
        const int sourceLine = html.lineOf.empty() ? number : html.lineOf[std::size_t(number - 1)];
        appendWithoutPastedCharacters(text.substr(start, end - start), sourceLine, lines, characters);
        start = end + 1;
    }
    if (std::string note = characterNote(characters); !note.empty())
        said.push_back(std::move(note));
    stripLogSourcePrefixes(lines, said);
    stripLineNumbers(lines, said);
    readNewSideOfDiffs(lines, said);
    rewriteFluentBitRecords(lines, said);
    std::size_t pagerPrompts = 0;
    std::size_t kept = 0;
    for (CleanedLine& line : lines) {
        const std::string_view raw =
            std::string_view(line.text).substr(0, line.text.find_last_not_of('\r') + 1);
        line.trailingBlank = !raw.empty() && (raw.back() == ' ' || raw.back() == '\t');
        line.prompt = cleanLine(line.text);
        if (const std::size_t prompt = pagerPromptLength(line.text); prompt > 0) {
            ++pagerPrompts;
            line.text.erase(0, prompt);
            line.prompt = cleanLine(line.text) || line.prompt;
            if (line.text.empty())
                continue; // the prompt alone: no line of the output
        }
        if (&lines[kept] != &line)
            lines[kept] = std::move(line);
        ++kept;
    }
    lines.resize(kept);
    if (pagerPrompts > 0)
        said.push_back(countText(pagerPrompts, "pager prompt", "pager prompts") +
                       " (`-- More  --`, `| more`) left out");
    if (std::string note = undoDoubleSpacing(lines); !note.empty())
        said.push_back(std::move(note));
    if (notes)
        notes->insert(notes->end(), std::make_move_iterator(said.begin()),
                      std::make_move_iterator(said.end()));
    return lines;
}

} // namespace hcn::io
