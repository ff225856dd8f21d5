// Pasted text, line by line: what a console, a chat window or a ticket system put around the output.

#include "common/text.h"
#include "hcn/dump_text.h"
#include "io/double_spacing.h"
#include "io/html_text.h"
#include "io/line_prefixes.h"
#include "io/pasted_characters.h"

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

std::string countText(std::size_t n, std::string_view one, std::string_view many)
{
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
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
