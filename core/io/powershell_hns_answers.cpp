// HNS's answer as PowerShell prints it (see powershell_hns_answers.h).

#include "io/powershell_hns_answers.h"

#include "common/text.h"
#include "common/utf8.h"
#include "hcn/error_catalog.h"
#include "io/list_view_lines.h"
#include "io/logged_error_codes.h"
#include "io/logged_error_message.h"
#include "io/text_scan.h"

#include <string>

namespace hcn::io::logged {
namespace {

/// A PowerShell list is read for an answer over at most this many lines.
constexpr std::size_t kMaxAnswerListLines = 12;

} // namespace

std::optional<LoggedError> hashtableAnswerIn(std::string_view text, std::string_view lower)
{
    const std::size_t open = lower.find("@{");
    if (open == std::string_view::npos)
        return std::nullopt;
    const std::size_t close = lower.find('}', open);
    const std::size_t size = close == std::string_view::npos ? std::string_view::npos : close + 1 - open;
    const std::string_view table = lower.substr(open, size);
    const auto keyAt = [&](std::string_view key) {
        for (std::size_t at = table.find(key); at != std::string_view::npos; at = table.find(key, at + 1))
            if (table[at - 1] == '{' || table[at - 1] == ' ' || table[at - 1] == ';')
                return at;
        return std::string_view::npos;
    };
    const std::size_t success = keyAt("success=false");
    if (success == std::string_view::npos || keyAt("error=") == std::string_view::npos)
        return std::nullopt;
    const std::string_view after = table.substr(success + 13);
    if (!after.empty() && after.front() != ';' && after.front() != '}' && !isBlank(after.front()))
        return std::nullopt;
    LoggedError error = readError(text.substr(open, size), false);
    error.operation.clear();
    error.answer = true;
    codeFromMessageText(error);
    if (!error.found())
        return std::nullopt;
    withWindowsWording(error);
    return error;
}

std::optional<LoggedRefusal> listAnswerAt(const std::vector<CleanedLine>& lines, std::size_t first)
{
    // An answer's list holds only Error, ErrorCode and Success: one that starts with another member (a list
    // view of an object) is none. Tested first: every line of a list view comes here.
    const std::string_view head = trimBlanks(lines[first].text);
    if (!equalsIgnoreCase(head.substr(0, 5), "error") && !equalsIgnoreCase(head.substr(0, 7), "success"))
        return std::nullopt;
    if (!readLooseLine(lines[first].text) || (first > 0 && readLooseLine(lines[first - 1].text)))
        return std::nullopt;
    std::optional<std::string_view> message;
    std::optional<std::string_view> code;
    bool failedAnswer = false;
    std::size_t end = first;
    for (; end < lines.size() && end - first < kMaxAnswerListLines; ++end) {
        const std::optional<LooseLine> entry = readLooseLine(lines[end].text);
        if (!entry)
            break;
        if (equalsIgnoreCase(entry->name, "success"))
            failedAnswer = equalsIgnoreCase(entry->value, "false");
        else if (equalsIgnoreCase(entry->name, "error"))
            message = entry->value;
        else if (equalsIgnoreCase(entry->name, "errorcode"))
            code = entry->value;
    }
    if (!failedAnswer || !message)
        return std::nullopt;
    LoggedError error;
    error.message = validUtf8(std::string(utf8Prefix(*message, kMaxLoggedMessage)));
    if (code) {
        const std::string lower = lowerCopy(*code);
        std::size_t at = 0;
        error.code = lower.starts_with("0x") ? hexCode(lower, at) : decimalCodeAfter(lower, 0);
    }
    error.answer = true;
    codeFromMessageText(error);
    if (!error.found())
        return std::nullopt;
    withWindowsWording(error);
    return LoggedRefusal{first, end - 1, std::move(error)};
}

} // namespace hcn::io::logged
