// Pasted text, line by line: what a console, a chat window or a ticket system put around the output.

#include "common/text.h"
#include "hcn/dump_text.h"

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
    if (!line.starts_with("PS "))
        return false;
    const std::size_t gt = line.find('>');
    if (gt == std::string_view::npos)
        return false;
    const std::string_view path = line.substr(3, gt - 3);
    if (path.find_first_of(":\\") == std::string_view::npos || path.find('"') != std::string_view::npos)
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

/// `VERBOSE: `, `COMMENTAIRES : `.
bool stripStreamPrefix(std::string_view& line)
{
    for (const std::string_view word : kStreamPrefixes) {
        if (!line.starts_with(word))
            continue;
        std::string_view rest = line.substr(word.size());
        if (rest.starts_with(' '))
            rest.remove_prefix(1);
        if (!rest.starts_with(':'))
            continue;
        rest.remove_prefix(1);
        if (!rest.empty() && rest[0] == ' ')
            rest.remove_prefix(1);
        line = rest;
        return true;
    }
    return false;
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

/// “ ” „ (U+201C, U+201D, U+201E): a chat tool, a mail client or a word processor turned the straight
/// quotes of a paste into typographic ones. HNS output never holds them, JSON needs straight ones.
std::string straightenQuotes(std::string line)
{
    static constexpr std::string_view kCurly[] = {"\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x9E"};
    if (line.find("\xE2\x80") == std::string::npos)
        return line;
    std::string out;
    out.reserve(line.size());
    for (std::size_t i = 0; i < line.size();) {
        const std::string_view rest = std::string_view(line).substr(i);
        const bool curly = std::any_of(std::begin(kCurly), std::end(kCurly),
                                       [&](std::string_view q) { return rest.starts_with(q); });
        out += curly ? '"' : line[i];
        i += curly ? 3 : 1;
    }
    return out;
}

std::string cleanLine(std::string_view line)
{
    // A container log's record prefix is outermost; decorations inside it nest (a quoted prompt, a
    // prompt's verbose output): strip until none is left.
    stripQuoteMarker(line);
    stripCriPrefix(line);
    for (;;) {
        if (stripQuoteMarker(line) || stripPowerShellPrompt(line) || stripCmdPrompt(line) ||
            stripStreamPrefix(line))
            continue;
        break;
    }
    return straightenQuotes(std::string(trimTrailing(line)));
}

} // namespace

std::vector<CleanedLine> cleanPastedText(std::string_view text)
{
    std::vector<CleanedLine> lines;
    int number = 1;
    for (std::size_t start = 0; start <= text.size(); ++number) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        if (start == text.size() && start != 0 && text[start - 1] == '\n')
            break; // no empty line after the final line end
        lines.push_back({cleanLine(text.substr(start, end - start)), number});
        start = end + 1;
    }
    return lines;
}

} // namespace hcn::io
