// Failure codes as logs write them (see logged_error_codes.h).

#include "io/logged_error_codes.h"

#include "common/text.h"
#include "hcn/error_catalog.h"
#include "io/logged_words.h"
#include "io/markdown_emphasis.h"

#include <cctype>

namespace hcn::io::logged {

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

std::optional<HResult> hexCode(std::string_view text, std::size_t& at)
{
    for (std::size_t i = text.find("0x"); i != std::string_view::npos; i = text.find("0x", i + 2)) {
        if (i > 0 && isLoggedWordChar(text[i - 1]))
            continue;
        std::uint64_t value = 0;
        std::size_t end = i + 2;
        for (; end < text.size() && end - i - 2 <= 8 && hexDigit(text[end]) >= 0; ++end)
            value = value * 16 + std::uint64_t(hexDigit(text[end]));
        const std::size_t digits = end - i - 2;
        if (digits == 0 || digits > 8 || (end < text.size() && isLoggedWordChar(text[end])))
            continue;
        // `(0x803b` at the end: a code a wrap or a cut broke off is no code.
        if (i > 0 && text[i - 1] == '(' && (end >= text.size() || text[end] != ')'))
            continue;
        if (const std::optional<HResult> code = failureCode(value)) {
            at = i;
            return code;
        }
    }
    return std::nullopt;
}

std::optional<HResult> decimalCodeAfter(std::string_view lower, std::size_t at)
{
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

std::optional<HResult> decimalCodeAt(std::string_view lower, std::string_view key)
{
    const std::size_t at = lower.find(key);
    return at == std::string_view::npos ? std::nullopt : decimalCodeAfter(lower, at + key.size());
}

std::optional<HResult> decimalCode(std::string_view lower)
{
    return decimalCodeAt(lower, "errorcode");
}

std::optional<HResult> codeAfterCodeWord(std::string_view lower)
{
    static constexpr std::string_view kWords[] = {"hresult",   "hr",         "error code",
                                                  "errorcode", "error_code", "error"};
    for (const std::string_view word : kWords) {
        for (std::size_t at = lower.find(word); at != std::string_view::npos; at = lower.find(word, at + 1)) {
            if ((at > 0 && isLoggedWordChar(lower[at - 1])) ||
                (at + word.size() < lower.size() && isLoggedWordChar(lower[at + word.size()])))
                continue;
            std::size_t value = at + word.size();
            while (value < lower.size() &&
                   (lower[value] == ' ' || lower[value] == ':' || lower[value] == '=' ||
                    lower[value] == '"' || lower[value] == '\\' || lower[value] == '#' ||
                    isEmphasisMarker(lower[value])))
                ++value;
            if (value == at + word.size() || value >= lower.size())
                continue;
            if (lower.substr(value).starts_with("0x")) {
                std::size_t codeAt = 0;
                const std::string_view rest = lower.substr(value);
                if (const std::optional<HResult> code = hexCode(rest, codeAt); code && codeAt == 0)
                    return code;
            } else if (const std::optional<HResult> code = decimalCodeAfter(lower, value)) {
                return code;
            }
        }
    }
    return std::nullopt;
}

bool namesHns(std::string_view lower)
{
    for (const std::string_view name : {std::string_view("hns"), std::string_view("hcn")})
        for (std::size_t at = lower.find(name); at != std::string_view::npos; at = lower.find(name, at + 1))
            if (at == 0 || !isLoggedWordChar(lower[at - 1]))
                return true;
    return false;
}

std::optional<HResult> namedCode(std::string_view text, std::string_view lower)
{
    for (const std::string_view prefix : {"hcn_e_", "gcn_e_", "hns_e_"}) {
        const std::size_t at = lower.find(prefix);
        if (at == std::string_view::npos || (at > 0 && isLoggedWordChar(lower[at - 1])))
            continue;
        std::size_t end = at;
        while (end < text.size() && isLoggedWordChar(text[end]))
            ++end;
        if (const Result<HResult> code = parseHResult(text.substr(at, end - at)); code.ok())
            return *code;
    }
    return std::nullopt;
}

} // namespace hcn::io::logged
