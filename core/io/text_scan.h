#pragma once
// Small text tests every dump reader of core/io shares: blanks, the ellipsis people paste, lines the
// sender cut out, and the .NET type names PowerShell prints instead of a value.

#include "common/text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <initializer_list>
#include <string_view>

namespace hcn::io {

/// "…" (U+2026) in UTF-8: PowerShell 7 and chat tools cut text with it, Windows PowerShell 5.1 with "...".
inline constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

/// `...`, `....` or `…` alone (blanks trimmed): the sender cut lines out here.
inline bool isElisionLine(std::string_view t)
{
    t = trimBlanks(t);
    if (t == kEllipsis)
        return true;
    return t.size() >= 3 && std::all_of(t.begin(), t.end(), [](char c) { return c == '.'; });
}

/// `00000010  69 76 65 72 22 20 7d    |iver" }|`: a line of a hex dump (go-spew, `hexdump -C`): an offset
/// of 8 or more hex digits, two blanks, byte pairs and the bytes as text between bars. The text column
/// is no value of its own.
inline bool isHexDumpLine(std::string_view line)
{
    const std::string_view t = trimBlanks(line);
    std::size_t digits = 0;
    while (digits < t.size() && std::isxdigit(static_cast<unsigned char>(t[digits])))
        ++digits;
    if (digits < 8 || t.substr(digits, 2) != "  " || t.size() < digits + 4)
        return false;
    const auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
    return hex(t[digits + 2]) && hex(t[digits + 3]) && t.find('|', digits) != std::string_view::npos;
}

/// The number of digits at `from` of `text`.
inline std::size_t digitRun(std::string_view text, std::size_t from)
{
    std::size_t end = from;
    while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end])) != 0)
        ++end;
    return end - from;
}

/// `\t/go/src/.../hnsendpoint.go:112 +0x1a5`: the file line of a frame of a Go stack trace (the line
/// may end at its line number).
inline bool isGoFrameFileLine(std::string_view text)
{
    const std::string_view t = trimBlanks(text);
    const std::size_t go = t.rfind(".go:");
    if (go == std::string_view::npos || go + 4 >= t.size() || digitRun(t, go + 4) == 0)
        return false;
    const std::size_t end = go + 4 + digitRun(t, go + 4);
    return end == t.size() || t.substr(end).starts_with(" +0x");
}

/// What the digits at `at` of `text` start (timeOrDateAt).
enum class TimeOrDate
{
    None,      ///< an address (`10.0.0.12`), a version (`1.28`), a year's range (`2019-2022`), a count
    TimeOfDay, ///< `21:14`, `9:40`, `09:57:45.645715`
    /// A date with its year: first (`2024-11-02`, `2024-11-02T21:14Z`, `2024/11/02`, `2024-11`), last
    /// after a month and a day joined by `-` or `/` (`12/4/2026`, `04-12-26`), or last after a day and a
    /// month joined by dots (`02.11.2024`, as German and other European Windows write it).
    Date,
    /// Two numbers joined by `-` or `/` and no year: a month and a day (`11-02`, `12/4`), but as often a
    /// range or a fraction in ordinary text (`steps 1-2`, `3/4 of the nodes`).
    MonthDay,
};

/// The time or date the digits at `at` of `text` start, the one recognizer of every reader here: each
/// decides which kinds it takes. A line that is a log's writes its time of day or a date with its year
/// (logcat's `12-04 10:20:11.123` both); a month and day alone is taken only where a person labels a
/// line with it (`11-02 21:16 - loadbalancers: 3`), not to tell a log from ordinary text.
inline TimeOrDate timeOrDateAt(std::string_view text, std::size_t at)
{
    const std::size_t run = digitRun(text, at);
    const std::size_t sep = at + run;
    if (run == 0 || sep >= text.size())
        return TimeOrDate::None;
    const char c = text[sep];
    const std::size_t next = digitRun(text, sep + 1);
    if (c == ':')
        return run <= 2 && next == 2 ? TimeOrDate::TimeOfDay : TimeOrDate::None;
    const std::size_t third = sep + 1 + next; // where the third number's separator is, when there is one
    const bool two = next >= 1 && next <= 2;
    if (c == '-' || c == '/') {
        if (run > 4 || !two)
            return TimeOrDate::None;
        if (run == 4)
            return TimeOrDate::Date;
        const std::size_t year = third < text.size() && text[third] == c ? digitRun(text, third + 1) : 0;
        return year == 2 || year == 4 ? TimeOrDate::Date : TimeOrDate::MonthDay;
    }
    return c == '.' && run <= 2 && two && third < text.size() && text[third] == '.' &&
                   digitRun(text, third + 1) == 4
               ? TimeOrDate::Date
               : TimeOrDate::None;
}

/// Whether the digits at `at` of `text` start a time of day (`21:14`, `09:57:45.645715`), a date or a
/// month and day joined by `-` or `/` (`2024-11-02T21:14Z`, `2024/11/02`, `11-02`) or a date with dots
/// ending in a year (`02.11.2024`): any kind timeOrDateAt tells.
inline bool startsTimeOrDate(std::string_view text, std::size_t at)
{
    return timeOrDateAt(text, at) != TimeOrDate::None;
}

/// Columns of `s` (UTF-8) counted one per code point, as a console that ignores character widths does.
inline std::size_t codePointWidth(std::string_view s)
{
    return std::size_t(std::count_if(s.begin(), s.end(),
                                     [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

/// Columns of `s` (UTF-8) as a console shows them: East Asian wide and fullwidth characters (CJK, Hangul,
/// fullwidth forms) take two.
inline std::size_t cellWidth(std::string_view s)
{
    std::size_t width = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto byte = static_cast<unsigned char>(s[i]);
        const std::size_t length = byte < 0x80    ? 1
                                   : byte >= 0xF0 ? 4
                                   : byte >= 0xE0 ? 3
                                   : byte >= 0xC0 ? 2
                                                  : 1;
        char32_t cp = length == 1 ? byte : byte & (0x7F >> length);
        for (std::size_t k = 1; k < length && i + k < s.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) ||
                          (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                          (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                          (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
        width += wide ? 2 : 1;
        i += length;
    }
    return width;
}

/// A value a poster wrote in place of a real one: an address with letters for its numbers (`x.x.x.x`,
/// `10.0.x.x/24`, `xxx.xxx.xxx.xxx`), words in square brackets (`[IPAddrofWorkerNIC]`) or angle brackets
/// (`<node-ip>`, `<your service cidr>`: single blanks between them); not what programs print for no
/// value (`<nil>`, `<none>`).
inline bool isWrittenPlaceholder(std::string_view word)
{
    if (word.size() >= 3 && word.size() <= 64 &&
        ((word.front() == '[' && word.back() == ']') || (word.front() == '<' && word.back() == '>'))) {
        const std::string_view inside = word.substr(1, word.size() - 2);
        // What programs print for no value (Go's `<nil>`) is none a poster wrote.
        for (const std::string_view none : {"nil", "none", "null", "unknown", "invalid", "empty", "missing"})
            if (inside.size() == none.size() &&
                std::equal(inside.begin(), inside.end(), none.begin(),
                           [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; }))
                return false;
        return inside.size() >= 3 &&
               std::any_of(inside.begin(), inside.end(),
                           [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }) &&
               inside.front() != ' ' && inside.back() != ' ' && inside.find("  ") == std::string_view::npos &&
               std::all_of(inside.begin(), inside.end(), [](char c) {
                   return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' ||
                          c == ' ';
               });
    }
    word = word.substr(0, word.find('/'));
    std::size_t parts = 0;
    bool lettered = false;
    for (std::size_t from = 0; from <= word.size(); ++parts) {
        const std::size_t dot = std::min(word.find('.', from), word.size());
        const std::string_view part = word.substr(from, dot - from);
        if (part.empty() || part.size() > 3)
            return false;
        for (const char c : part) {
            if (c == 'x' || c == 'X' || c == '*')
                lettered = true;
            else if (c < '0' || c > '9')
                return false;
        }
        from = dot + 1;
    }
    return parts == 4 && lettered;
}

/// A markdown code fence (` ``` `, `~~~`, optionally with a language): the paste's formatting, no data.
inline bool isFenceLine(std::string_view t)
{
    t = trimBlanks(t);
    return t.starts_with("```") || t.starts_with("~~~");
}

/// A PowerShell or cmd prompt, alone or with the command typed after it: `PS C:\Users\x> hnsdiag list
/// all`, `PS>`, `C:\Windows\system32>`.
inline bool isPromptLine(std::string_view t)
{
    t = trimBlanks(t);
    const std::size_t close = t.find('>');
    if (close == std::string_view::npos)
        return false;
    if (t.starts_with("PS>") || (t.starts_with("PS ") && t.size() > 3 && t[3] != ' '))
        return true;
    const bool drive = t.size() >= 3 && ((t[0] >= 'A' && t[0] <= 'Z') || (t[0] >= 'a' && t[0] <= 'z')) &&
                       t[1] == ':' && t[2] == '\\';
    return drive && t.substr(0, close).find_first_of("<|\"") == std::string_view::npos;
}

/// `statement` without the prompt typed before it (`PS C:\> `, `C:\>`, `$ `, `> `) and the backtick of a
/// markdown code span that opens before it and closes on a later line.
inline std::string_view withoutPrompt(std::string_view statement)
{
    statement = trimBlanks(statement);
    while (statement.starts_with('`'))
        statement.remove_prefix(1);
    if (isPromptLine(statement))
        statement = trimBlanks(statement.substr(statement.find('>') + 1));
    for (const std::string_view prompt : {"$ ", "> "})
        if (statement.starts_with(prompt))
            return trimBlanks(statement.substr(prompt.size()));
    return statement;
}

/// A shell's redirection (`2>&1`, `>`, `>>out.txt`, `2>`), a word of a command that is no argument.
inline bool isRedirection(std::string_view word)
{
    if (!word.empty() && std::isdigit(static_cast<unsigned char>(word.front())))
        word.remove_prefix(1);
    return word.starts_with('>');
}

/// A command typed at a prompt, as it remains once cleaning took the prompt away: `hnsdiag list all`,
/// `Get-HnsEndpoint | fl`, `ipconfig /all`. Only commands people run while collecting HNS state, and
/// PowerShell cmdlets of the common verbs.
inline bool isCommandLine(std::string_view t)
{
    t = trimBlanks(t);
    const std::string_view word = t.substr(0, std::min(t.find(' '), t.size()));
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    const auto is = [&](std::string_view name) {
        return word.size() == name.size() && std::equal(word.begin(), word.end(), name.begin(),
                                                        [&](char a, char b) { return lower(a) == b; });
    };
    constexpr std::array<std::string_view, 12> kPrograms{"hnsdiag",  "hnsdiag.exe", "hcsdiag", "hcsdiag.exe",
                                                         "ipconfig", "netsh",       "route",   "kubectl",
                                                         "docker",   "crictl",      "ctr",     "vfpctrl"};
    if (std::any_of(kPrograms.begin(), kPrograms.end(), is))
        return true;
    const std::size_t dash = word.find('-');
    if (dash == std::string_view::npos || dash + 1 >= word.size())
        return false;
    constexpr std::array<std::string_view, 16> kVerbs{
        "get",       "set", "new",   "remove", "invoke",  "format", "select", "where",
        "convertto", "out", "start", "stop",   "restart", "import", "export", "test"};
    const std::string_view verb = word.substr(0, dash);
    const bool known = std::any_of(kVerbs.begin(), kVerbs.end(), [&](std::string_view v) {
        return verb.size() == v.size() &&
               std::equal(verb.begin(), verb.end(), v.begin(), [&](char a, char b) { return lower(a) == b; });
    });
    return known && std::all_of(word.begin() + std::ptrdiff_t(dash) + 1, word.end(),
                                [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

/// A heading on a line of its own, as Event Viewer's copy (`Description:`, `Event Xml:`) and many reports
/// write them: one to three words, capitalised, then a colon that ends the line. Never a piece a console
/// broke off the line before it.
inline bool isHeadingLine(std::string_view t)
{
    t = trimBlanks(t);
    if (t.size() < 2 || t.size() > 40 || t.back() != ':' || !(t.front() >= 'A' && t.front() <= 'Z'))
        return false;
    t.remove_suffix(1);
    std::size_t words = 1;
    for (const char c : t) {
        if (c == ' ')
            ++words;
        else if (!std::isalpha(static_cast<unsigned char>(c)))
            return false;
    }
    return words <= 3;
}

/// A line of a PowerShell error record after its message: where the error arose (`At C:\k\hns.psm1:233
/// char:16`), `+ CategoryInfo : ...`, `+ FullyQualifiedErrorId : ...`. A line of its own, never a piece
/// a console broke off the message before it.
inline bool isPowerShellErrorRecordLine(std::string_view t)
{
    t = trimBlanks(t);
    if (t.starts_with("+ CategoryInfo") || t.starts_with("+ FullyQualifiedErrorId"))
        return true;
    if (!t.starts_with("At "))
        return false;
    const std::size_t at = t.rfind(" char:");
    if (at == std::string_view::npos || at + 6 >= t.size())
        return false;
    const auto digits = [](std::string_view d) {
        return !d.empty() && std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    const std::string_view path = t.substr(3, at - 3);
    const std::size_t colon = path.rfind(':');
    return digits(t.substr(at + 6)) && colon != std::string_view::npos && digits(path.substr(colon + 1));
}

/// `System.Object[]`, `System.Collections.Generic.List`1[System.String]`, `Deserialized.X`: a .NET type
/// name PowerShell printed instead of expanding a value.
inline bool isPowerShellTypeName(std::string_view s)
{
    constexpr std::array<std::string_view, 3> kPrefixes{"System.", "Microsoft.Management.Infrastructure.",
                                                        "Deserialized."};
    if (s.size() > 200 || std::none_of(kPrefixes.begin(), kPrefixes.end(), [&](std::string_view prefix) {
            return s.size() > prefix.size() && s.starts_with(prefix);
        }))
        return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
               c == '_' || c == '`' || c == '[' || c == ']' || c == ',' || c == '+';
    });
}

/// Where `text` holds `lowerWord` (lower case) in any ASCII letter case, or npos: the test that spares
/// lower-casing a copy of each of a log's many lines.
inline std::size_t findIgnoringCase(std::string_view text, std::string_view lowerWord)
{
    if (lowerWord.empty())
        return 0;
    if (lowerWord.size() > text.size())
        return std::string_view::npos;
    // One letter of the word (its first; a blank before it, as in " find ", is common in any text) is
    // looked for in both cases with the library's fast character search; only where it stands is the
    // rest compared.
    std::size_t anchor = 0;
    while (anchor + 1 < lowerWord.size() && !(lowerWord[anchor] >= 'a' && lowerWord[anchor] <= 'z'))
        ++anchor;
    const char letter = lowerWord[anchor];
    const char letterUpper = letter >= 'a' && letter <= 'z' ? static_cast<char>(letter - 'a' + 'A') : letter;
    const std::size_t last = text.size() - lowerWord.size() + anchor;
    std::size_t lower = text.find(letter, anchor);
    std::size_t upper = letterUpper == letter ? std::string_view::npos : text.find(letterUpper, anchor);
    while (true) {
        const std::size_t at = std::min(lower, upper);
        if (at == std::string_view::npos || at > last)
            return std::string_view::npos;
        const std::size_t start = at - anchor;
        std::size_t i = 0;
        while (i < lowerWord.size() && (i == anchor || lowerAscii(text[start + i]) == lowerWord[i]))
            ++i;
        if (i == lowerWord.size())
            return start;
        if (at == lower)
            lower = text.find(letter, at + 1);
        else
            upper = text.find(letterUpper, at + 1);
    }
}

/// findIgnoringCase from `from` on: where `text` holds `lowerWord` at or after `from`; npos when it does
/// not.
inline std::size_t findIgnoringCase(std::string_view text, std::string_view lowerWord, std::size_t from)
{
    if (from >= text.size())
        return std::string_view::npos;
    const std::size_t at = findIgnoringCase(text.substr(from), lowerWord);
    return at == std::string_view::npos ? at : from + at;
}

/// Whether `text` holds `lowerWord` (lower case) in any ASCII letter case.
inline bool holdsIgnoringCase(std::string_view text, std::string_view lowerWord)
{
    return findIgnoringCase(text, lowerWord) != std::string_view::npos;
}

/// Whether `text` holds one of `lowerWords` (lower case, each starting with a letter) in any ASCII letter
/// case, in one pass over the text: the prefilter of readers that look for several words on every line.
inline bool holdsAnyIgnoringCase(std::string_view text, std::initializer_list<std::string_view> lowerWords)
{
    std::array<bool, 256> starts{};
    for (const std::string_view word : lowerWords) {
        const unsigned char first = static_cast<unsigned char>(word.front());
        starts[first] = true;
        starts[static_cast<unsigned char>(std::toupper(first))] = true;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!starts[static_cast<unsigned char>(text[i])])
            continue;
        for (const std::string_view word : lowerWords) {
            if (lowerAscii(text[i]) != word.front() || word.size() > text.size() - i)
                continue;
            std::size_t k = 1;
            while (k < word.size() && lowerAscii(text[i + k]) == word[k])
                ++k;
            if (k == word.size())
                return true;
        }
    }
    return false;
}

/// An ASCII letter or digit or `_`: a character a word of a log line goes on with (`rpc_error`,
/// `hcnCreateEndpoint`, a GUID's hex digits), the one test findWholeWord and the readers of logged words
/// (logged::isLoggedWordChar) share. A byte of a UTF-8 character, `-` and `.` are none: callers that take
/// a hyphenated or dotted name (`kube-proxy`, `hns.go`) as one word add those themselves.
inline bool isWholeWordChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

/// Where `text` holds `phrase` (a word or words, as given) as a whole at or after `from`: no letter, digit
/// or `_` (isWholeWordChar) goes on from its first or its last character where that is one itself (`such
/// as`, not in `such ask`; `error:` in `Error: ...`, not in `rpc_error:`; `err=` in `err=...`). npos when
/// it does not. The text is searched as it is: a caller that ignores case passes a lower-cased copy.
inline std::size_t findWholeWord(std::string_view text, std::string_view phrase, std::size_t from = 0)
{
    if (phrase.empty())
        return std::string_view::npos;
    const bool startsWord = isWholeWordChar(phrase.front());
    const bool endsWord = isWholeWordChar(phrase.back());
    for (std::size_t at = text.find(phrase, from); at != std::string_view::npos;
         at = text.find(phrase, at + 1))
        if (!(startsWord && at > 0 && isWholeWordChar(text[at - 1])) &&
            !(endsWord && at + phrase.size() < text.size() && isWholeWordChar(text[at + phrase.size()])))
            return at;
    return std::string_view::npos;
}

} // namespace hcn::io
