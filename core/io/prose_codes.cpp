// Failure codes the text names outside the lines a reader of failures took (see prose_codes.h).

#include "io/prose_codes.h"

#include "common/capped_list.h"
#include "common/text.h"
#include "hcn/error_catalog.h"
#include "hcn/hresult.h"
#include "io/log_levels.h"
#include "io/logged_error_codes.h"
#include "io/logged_words.h"
#include "io/markdown_emphasis.h"
#include "io/text_scan.h"
#include "io/text_tables.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace hcn::io {
namespace {

/// The codes named in one info before "and N more".
constexpr std::size_t kProseCodesNamed = 10;

bool isHexChar(char c)
{
    return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}

bool isDigitChar(char c)
{
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

/// A code the catalog names, of HNS or HCS, or of another facility on a line that names HNS or HCN.
bool isProseCode(HResult code, bool linesHns)
{
    if (!failed(code) || hresultName(code).empty())
        return false;
    return isHcnCode(code) || isHcsCode(code) || linesHns;
}

/// The word that ends right before `end` in `lower`, separators and emphasis between (`HRESULT: `,
/// `hr=`, `"ErrorCode":`, `**error** `).
std::string_view wordBefore(std::string_view lower, std::size_t end)
{
    while (end > 0) {
        const char c = lower[end - 1];
        if (c != ' ' && c != ':' && c != '=' && c != '"' && c != '\'' && c != '\\' && c != '#' && c != '(' &&
            c != '`' && !isEmphasisMarker(c))
            break;
        --end;
    }
    std::size_t start = end;
    while (start > 0 && logged::isLoggedWordChar(lower[start - 1]))
        --start;
    return lower.substr(start, end - start);
}

/// A word that says the number after it is a code: HRESULT, hr, error, code and the keys made of them
/// (`ErrorCode`, `error_code`, `exitCode`).
bool isCodeWord(std::string_view word)
{
    return word == "hr" || word == "err" || word.ends_with("hresult") || word.ends_with("error") ||
           word.ends_with("code");
}

/// A word before a number that makes it an address: Go's `addr=0x...` and `pc=0x...`, a debugger's
/// registers.
bool isAddressWord(std::string_view word)
{
    static constexpr std::array<std::string_view, 12> kWords{
        "addr", "address", "pc", "sp", "fp", "lr", "rip", "eip", "rsp", "esp", "ptr", "pointer"};
    return std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

/// `0x803b0013`: eight hex digits standing alone; an offset, a part of a GUID, MAC or IPv6 address, a
/// half of a 64-bit address or an address after a word that says so is none.
void hexCodesOf(std::string_view lower, bool linesHns, std::vector<HResult>& out)
{
    for (std::size_t i = lower.find("0x"); i != std::string_view::npos; i = lower.find("0x", i + 2)) {
        if (i > 0 && (logged::isLoggedWordChar(lower[i - 1]) || lower[i - 1] == '+' || lower[i - 1] == '.'))
            continue;
        if (i > 1 && (lower[i - 1] == '-' || lower[i - 1] == ':' || lower[i - 1] == '`') &&
            isHexChar(lower[i - 2]))
            continue;
        std::size_t end = i + 2;
        while (end < lower.size() && isHexChar(lower[end]))
            ++end;
        if (end - i - 2 != 8 || (end < lower.size() && logged::isLoggedWordChar(lower[end])))
            continue;
        if (end + 1 < lower.size() && (lower[end] == '-' || lower[end] == ':' || lower[end] == '`') &&
            isHexChar(lower[end + 1]))
            continue;
        if (end + 1 < lower.size() && lower[end] == '.' && isDigitChar(lower[end + 1]))
            continue;
        if (isAddressWord(wordBefore(lower, i)))
            continue;
        std::uint32_t value = 0;
        for (std::size_t d = i + 2; d < end; ++d)
            value = value << 4 | std::uint32_t(hexDigit(lower[d]));
        if (const HResult code = makeHResult(value); isProseCode(code, linesHns))
            out.push_back(code);
    }
}

/// `HRESULT 2151350291`, `error code: -2143617005`: ten digits standing alone right after a code word.
void decimalCodesOf(std::string_view lower, bool linesHns, std::vector<HResult>& out)
{
    for (std::size_t i = 0; i < lower.size();) {
        if (!isDigitChar(lower[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < lower.size() && isDigitChar(lower[end]))
            ++end;
        const std::size_t start = i;
        i = end;
        const bool negative = start > 0 && lower[start - 1] == '-';
        const std::size_t before = negative ? start - 1 : start;
        if (end - start != 10 || (before > 0 && (logged::isLoggedWordChar(lower[before - 1]) ||
                                                 lower[before - 1] == '.' || lower[before - 1] == '-')))
            continue;
        if (end < lower.size() &&
            (logged::isLoggedWordChar(lower[end]) ||
             (lower[end] == '.' && end + 1 < lower.size() && isDigitChar(lower[end + 1]))))
            continue;
        if (!isCodeWord(wordBefore(lower, before)))
            continue;
        if (const std::optional<HResult> code = logged::decimalCodeAfter(lower, before);
            code && isProseCode(*code, linesHns))
            out.push_back(*code);
    }
}

/// `HCN_E_PORT_ALREADY_EXISTS` (HNS_E_..., GCN_E_..., HCS_E_... in any case), or on a line that names
/// HNS another code's name as Windows spells it (`E_ACCESSDENIED`).
void namedCodesOf(std::string_view text, bool linesHns, std::vector<HResult>& out)
{
    for (std::size_t i = 0; i < text.size();) {
        if (!logged::isLoggedWordChar(text[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && logged::isLoggedWordChar(text[end]))
            ++end;
        const std::string_view word = text.substr(i, end - i);
        i = end;
        if (word.find('_') == std::string_view::npos)
            continue;
        const std::string lower = lowerCopy(word);
        const bool ours = lower.starts_with("hcn_e_") || lower.starts_with("hns_e_") ||
                          lower.starts_with("gcn_e_") || lower.starts_with("hcs_e_");
        HResult code = 0;
        if (ours) {
            const Result<HResult> parsed = parseHResult(word);
            if (!parsed.ok())
                continue;
            code = *parsed;
        } else if (!linesHns || word != upperCopy(word) || !hresultFromName(word, code)) {
            continue;
        }
        if (isProseCode(code, linesHns))
            out.push_back(code);
    }
}

/// Whether `text` may name a code (a cheap test of every line): it holds `0x`, a name's `_` or ten digits
/// in a row.
bool mayNameACode(std::string_view text)
{
    int digits = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (isDigitChar(c)) {
            if (++digits >= 10)
                return true;
            continue;
        }
        digits = 0;
        if (c == '_' || ((c == 'x' || c == 'X') && i > 0 && text[i - 1] == '0'))
            return true;
    }
    return false;
}

std::string namedCodeText(HResult code)
{
    const std::string_view message = trimBlanks(hresultMessage(code));
    if (messageHasInserts(message))
        return std::string(hresultName(code)) + " (" + hresultHex(code) + ")";
    return std::string(hresultName(code)) + " (" + hresultHex(code) + ", \"" + std::string(message) + "\")";
}

} // namespace

std::vector<ImportWarning> codesNamedInProse(const std::vector<CleanedLine>& lines,
                                             const std::vector<std::pair<int, int>>& stated)
{
    const std::vector<std::pair<int, int>> statedRuns = tables::joinedRuns(stated);
    // The lines no reader took (most of a dump's are its objects'), then of these the log lines: a log
    // line is the log readers' to read, with the command output a JSON record of it carries.
    int maxLine = 0;
    for (const CleanedLine& line : lines)
        maxLine = std::max(maxLine, line.sourceLine);
    std::vector<bool> open(lines.size(), false);
    std::vector<bool> logLines(std::size_t(maxLine) + 1, false);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const CleanedLine& line = lines[i];
        if (line.text.empty() || line.sourceLine < 0 || tables::inRuns(statedRuns, line.sourceLine))
            continue;
        open[i] = true;
        if (levelOfLine(line.text) != LogLevel::None)
            logLines[std::size_t(line.sourceLine)] = true;
    }
    std::map<HResult, std::vector<std::pair<int, int>>> where;
    std::vector<HResult> order;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view text = lines[i].text;
        const int at = lines[i].sourceLine;
        if (!open[i] || text.size() < 6 || logLines[std::size_t(at)] || !mayNameACode(text) ||
            isHexDumpLine(text))
            continue;
        // A frame of a Go stack trace: its function line (arguments in hex) and its file line.
        if (isGoFrameFileLine(text) || (i + 1 < lines.size() && isGoFrameFileLine(lines[i + 1].text)))
            continue;
        const std::string lower = lowerCopy(text);
        const bool linesHns = logged::namesHns(lower);
        std::vector<HResult> found;
        hexCodesOf(lower, linesHns, found);
        decimalCodesOf(lower, linesHns, found);
        namedCodesOf(text, linesHns, found);
        for (const HResult code : found) {
            auto [it, added] = where.try_emplace(code);
            if (added)
                order.push_back(code);
            if (it->second.empty() || it->second.back().second != at)
                it->second.emplace_back(at, at);
        }
    }
    if (order.empty())
        return {};
    // The text a JSON record carries comes after the text's own lines, at its record's line.
    for (auto& [code, at] : where) {
        std::sort(at.begin(), at.end());
        at.erase(std::unique(at.begin(), at.end()), at.end());
    }
    std::stable_sort(order.begin(), order.end(), [&where](HResult a, HResult b) {
        return where[a].front().first < where[b].front().first;
    });
    std::vector<std::string> named;
    const int first = where[order.front()].front().first;
    int last = first;
    for (const HResult code : order) {
        const std::vector<std::pair<int, int>>& at = where[code];
        last = std::max(last, at.back().first);
        named.push_back(namedCodeText(code) + " at " + tables::atLines(at));
    }
    return {{first, last,
             "the text names " + cappedList(named, kProseCodesNamed, "; ", "; ") +
                 " (in prose, not a log line HNS or a client wrote)"}};
}

} // namespace hcn::io
