// HNS's failure as its trace writes it (see hns_trace_failures.h).

#include "io/hns_trace_failures.h"

#include "common/text.h"
#include "common/utf8.h"
#include "io/logged_error_codes.h"
#include "io/logged_error_message.h"
#include "io/logged_words.h"
#include "io/text_scan.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

namespace hcn::io {
namespace {

/// The fields of a WIL failure record, lower case.
constexpr std::array<std::string_view, 19> kWilFields{"callcontext",
                                                      "currentcontextid",
                                                      "currentcontextmessage",
                                                      "currentcontextname",
                                                      "failurecount",
                                                      "failureid",
                                                      "failuretype",
                                                      "filename",
                                                      "function",
                                                      "hresult",
                                                      "linenumber",
                                                      "message",
                                                      "module",
                                                      "originatingcontextid",
                                                      "origincallcontext",
                                                      "origincontextmessage",
                                                      "threadid",
                                                      "originfilename",
                                                      "originmodule"};

/// The line's field as `<field>: <value>`, its value trimmed; none when the line is no WIL field.
std::optional<std::pair<std::string, std::string_view>> wilField(std::string_view line)
{
    const std::string_view t = trimBlanks(line);
    const std::size_t colon = t.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 24)
        return std::nullopt;
    std::string key = lowerCopy(t.substr(0, colon));
    if (std::find(kWilFields.begin(), kWilFields.end(), key) == kWilFields.end())
        return std::nullopt;
    return std::pair{std::move(key), trimBlanks(t.substr(colon + 1))};
}

} // namespace

std::optional<LoggedRefusal> hnsTraceFailureAt(const std::vector<CleanedLine>& lines, std::size_t first)
{
    constexpr std::size_t kMaxFields = 40;
    if (!wilField(lines[first].text) || (first > 0 && wilField(lines[first - 1].text)))
        return std::nullopt;
    std::size_t end = first;
    std::string_view hresult, message, module, callContext;
    while (end < lines.size() && end - first < kMaxFields) {
        const auto field = wilField(lines[end].text);
        if (!field)
            break;
        const auto& [key, value] = *field;
        if (key == "hresult")
            hresult = value;
        else if (key == "message")
            message = value;
        else if (key == "module")
            module = value;
        else if (key == "callcontext")
            callContext = value;
        ++end;
    }
    bool hns = lowerCopy(module) == "hostnetsvc.dll";
    for (std::size_t k = first; !hns && k > 0 && first - k < 2; --k)
        hns = holdsIgnoringCase(lines[k - 1].text, "host-network-service");
    const std::string code = lowerCopy(hresult);
    std::size_t at = 0;
    std::optional<HResult> failure =
        code.starts_with("0x") ? logged::hexCode(code, at) : logged::decimalCodeAfter(code, 0);
    if (!hns || !failure || at != 0)
        return std::nullopt;
    LoggedRefusal refusal{first, end - 1, {}};
    LoggedError& error = refusal.error;
    error.code = failure;
    if (std::any_of(message.begin(), message.end(),
                    [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }))
        error.message = validUtf8(std::string(utf8Prefix(message, logged::kMaxLoggedMessage)));
    const std::string_view step = callContext.substr(callContext.rfind('\\') + 1);
    if (!step.empty() && std::all_of(step.begin(), step.end(), logged::isLoggedWordChar))
        error.operation = std::string(step);
    return refusal;
}

} // namespace hcn::io
