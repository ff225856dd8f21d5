// The error logged with a request HNS refused, read from the text around the request's document:
// hcsshim's `hcnCreateEndpoint failed in Win32: The object already exists. (0x1392)`, the event log's
// `Error: 0x803b0013`, an HNS envelope's `"Error":"...","ErrorCode":2151350291`.

#include "io/logged_error.h"

#include "common/text.h"
#include "common/utf8.h"
#include "hcn/error_catalog.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace hcn::io {
namespace {

/// A logged message is cut to this many bytes.
constexpr std::size_t kMaxLoggedMessage = 200;
/// HRESULT_FROM_WIN32: severity bit and FACILITY_WIN32.
constexpr std::uint32_t kFromWin32 = 0x80070000u;

bool isCodeChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

/// A number as logged as a failure code. A Win32 error number (hcsshim prints the low 16 bits of a
/// FACILITY_WIN32 HRESULT: `(0x1392)`, `(0x57)`) becomes HRESULT_FROM_WIN32; other numbers without the
/// severity bit are no failure.
std::optional<HResult> failureCode(std::uint64_t value)
{
    if (value == 0 || value > 0xFFFFFFFFull)
        return std::nullopt;
    if (value <= 0xFFFF)
        return makeHResult(kFromWin32 | std::uint32_t(value));
    if (value & 0x80000000u)
        return makeHResult(std::uint32_t(value));
    return std::nullopt;
}

/// The first `0x` code standing alone in `text`, of 1 to 8 hex digits (a pointer, `0xc000512340`, has
/// more); `at` gets where it starts.
std::optional<HResult> hexCode(std::string_view text, std::size_t& at)
{
    for (std::size_t i = text.find("0x"); i != std::string_view::npos; i = text.find("0x", i + 2)) {
        if (i > 0 && isCodeChar(text[i - 1]))
            continue;
        std::uint64_t value = 0;
        std::size_t end = i + 2;
        for (; end < text.size() && end - i - 2 <= 8 && hexDigit(text[end]) >= 0; ++end)
            value = value * 16 + std::uint64_t(hexDigit(text[end]));
        const std::size_t digits = end - i - 2;
        if (digits == 0 || digits > 8 || (end < text.size() && isCodeChar(text[end])))
            continue;
        if (const std::optional<HResult> code = failureCode(value)) {
            at = i;
            return code;
        }
    }
    return std::nullopt;
}

/// `"ErrorCode":2151350291`, `ErrorCode=-2143617005`: an HNS envelope's code in decimal.
std::optional<HResult> decimalCode(std::string_view lower)
{
    const std::size_t key = lower.find("errorcode");
    if (key == std::string_view::npos)
        return std::nullopt;
    std::size_t at = key + 9;
    while (at < lower.size() && (lower[at] == '"' || lower[at] == '\\' || lower[at] == ':' ||
                                 lower[at] == '=' || lower[at] == ' '))
        ++at;
    const bool negative = at < lower.size() && lower[at] == '-';
    at += negative;
    std::uint64_t value = 0;
    std::size_t digits = 0;
    for (; at < lower.size() && digits < 11 && std::isdigit(static_cast<unsigned char>(lower[at]));
         ++at, ++digits)
        value = value * 10 + std::uint64_t(lower[at] - '0');
    if (digits == 0 || digits > 10)
        return std::nullopt;
    if (negative)
        return value <= 0x80000000ull ? std::optional(static_cast<HResult>(-static_cast<std::int64_t>(value)))
                                      : std::nullopt;
    return value >= 0x80000000ull && value <= 0xFFFFFFFFull ? failureCode(value) : std::nullopt;
}

/// `HCN_E_PORT_ALREADY_EXISTS` (or HNS_E_..., GCN_E_...) written by name.
std::optional<HResult> namedCode(std::string_view text, std::string_view lower)
{
    for (const std::string_view prefix : {"hcn_e_", "gcn_e_", "hns_e_"}) {
        const std::size_t at = lower.find(prefix);
        if (at == std::string_view::npos || (at > 0 && isCodeChar(lower[at - 1])))
            continue;
        std::size_t end = at;
        while (end < text.size() && isCodeChar(text[end]))
            ++end;
        if (const Result<HResult> code = parseHResult(text.substr(at, end - at)); code.ok())
            return *code;
    }
    return std::nullopt;
}

/// Where a logged message starts: after hcsshim's `failed in Win32:`, else after the first `Error:`,
/// `error :`, `err=` or an envelope's `"Error":"`; npos when there is none.
std::size_t messageStart(std::string_view lower)
{
    if (const std::size_t at = lower.rfind("failed in win32:"); at != std::string_view::npos)
        return at + 16;
    std::size_t start = std::string_view::npos;
    for (const std::string_view marker :
         {std::string_view("error\":\""), std::string_view("error\\\":\\\""), std::string_view("error:"),
          std::string_view("error :"), std::string_view("err="), std::string_view("error=")}) {
        const std::size_t at = lower.find(marker);
        if (at != std::string_view::npos && (at == 0 || !isCodeChar(lower[at - 1])) &&
            (start == std::string_view::npos || at + marker.size() < start))
            start = at + marker.size();
    }
    return start;
}

/// The message logged from `start` on: up to the code (`(0x`, `0x`), a document (`{`), a closing quote
/// or the line's end, at most kMaxLoggedMessage bytes. A word after its last sentence (klog's next key,
/// `... was not found. spewConfig`) is not part of it.
std::string messageFrom(std::string_view text, std::size_t start)
{
    std::string_view rest = text.substr(start);
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '"' || rest.front() == '\\'))
        rest.remove_prefix(1);
    std::size_t end = 0;
    for (; end < rest.size() && end < kMaxLoggedMessage; ++end) {
        const char c = rest[end];
        if (c == '{' || c == '"' || c == '\n' ||
            (c == '\\' && end + 1 < rest.size() && rest[end + 1] == '"') ||
            (c == '(' && rest.substr(end + 1, 2) == "0x") ||
            (c == '0' && rest.substr(end, 2) == "0x" && (end == 0 || rest[end - 1] == ' ')))
            break;
    }
    std::string_view message = trimBlanks(rest.substr(0, end));
    while (!message.empty() && (message.back() == ',' || message.back() == ';' || message.back() == ':'))
        message = trimBlanks(message.substr(0, message.size() - 1));
    if (const std::size_t sentence = message.rfind(". ");
        sentence != std::string_view::npos && message.find(' ', sentence + 2) == std::string_view::npos)
        message = message.substr(0, sentence + 1);
    const bool words = std::any_of(message.begin(), message.end(),
                                   [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
    if (message.size() < 3 || !words || parseHResult(message).ok())
        return {};
    return validUtf8(std::string(utf8Prefix(message, kMaxLoggedMessage)));
}

/// The message without its trailing blanks and period, lower case: how two spellings of one Windows
/// message are compared.
std::string comparable(std::string_view message)
{
    message = trimBlanks(message);
    while (!message.empty() && message.back() == '.')
        message.remove_suffix(1);
    return lowerCopy(trimBlanks(message));
}

/// The code whose Windows message `message` is, among the codes the project names.
std::optional<HResult> codeOfMessage(std::string_view message)
{
    const std::string wanted = comparable(message);
    for (const HResult code : namedHResults())
        if (failed(code) && comparable(hresultMessage(code)) == wanted)
            return code;
    return std::nullopt;
}

/// The code and message in `text`; with `stated`, only those after a message's start (`failed in
/// Win32:`, `Error:`): the text logged before a document holds other numbers too.
LoggedError readError(std::string_view text, bool stated)
{
    LoggedError error;
    std::string lower = lowerCopy(text);
    const std::size_t start = messageStart(lower);
    if (start != std::string::npos)
        error.message = messageFrom(text, start);
    if (stated) {
        if (start == std::string::npos)
            return error;
        text = text.substr(start);
        lower.erase(0, start);
    }
    std::size_t at = 0;
    error.code = hexCode(text, at);
    if (!error.code)
        error.code = decimalCode(lower);
    if (!error.code)
        error.code = namedCode(text, lower);
    return error;
}

/// Whether a line starts with an error: `Error: ...`, `HRESULT 0x...`, `hcnCreateEndpoint failed in
/// Win32: ...`; the line after a request's document states its error only so.
bool startsWithError(std::string_view line)
{
    const std::string lower = lowerCopy(trimBlanks(line));
    for (const std::string_view lead : {"error", "hresult", "hr ", "hr=", "hr:", "0x", "(0x", "win32"})
        if (std::string_view(lower).starts_with(lead))
            return true;
    const std::size_t blank = lower.find(' ');
    return blank != std::string::npos &&
           std::string_view(lower).substr(blank).starts_with(" failed in win32:");
}

} // namespace

std::string textAfterValue(std::string_view rest, std::optional<std::string_view> next)
{
    const std::string_view own = trimBlanks(rest);
    std::string after = validUtf8(std::string(utf8Prefix(own, kMaxAfterValue)));
    if (next && own.find_first_not_of(".,;)] ") == std::string_view::npos && !trimBlanks(*next).empty())
        after += "\n" + validUtf8(std::string(utf8Prefix(trimBlanks(*next), kMaxAfterValue)));
    return after;
}

LoggedError loggedError(std::string_view after, std::string_view before)
{
    const std::size_t lineEnd = after.find('\n');
    LoggedError error = readError(after.substr(0, lineEnd), false);
    if (!error.found() && lineEnd != std::string_view::npos && startsWithError(after.substr(lineEnd + 1)))
        error = readError(after.substr(lineEnd + 1), false);
    if (!error.code || error.message.empty()) {
        LoggedError said = readError(before, true);
        if (!error.code)
            error.code = said.code;
        if (error.message.empty())
            error.message = std::move(said.message);
    }
    if (!error.code && !error.message.empty())
        error.code = codeOfMessage(error.message);
    return error;
}

std::string describeLoggedError(const LoggedError& error)
{
    std::string out;
    std::string message = error.message;
    if (error.code) {
        out = hresultLabel(*error.code);
        const bool named = !hresultName(*error.code).empty();
        const auto bits = static_cast<std::uint32_t>(*error.code);
        if (!named && (bits & 0xFFFF0000u) == kFromWin32)
            out += " (Win32 error " + std::to_string(bits & 0xFFFFu) + ")";
        if (message.empty() && named)
            message = std::string(trimBlanks(hresultMessage(*error.code)));
    }
    if (!message.empty())
        out += (out.empty() ? "\"" : ", \"") + message + "\"";
    return out;
}

} // namespace hcn::io
