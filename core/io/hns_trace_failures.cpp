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
#include <cctype>
#include <set>
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

/// The longest name of kWilFields.
constexpr std::size_t kMaxFieldName = 24;

/// The line's field as `<field>: <value>`, its value trimmed; none when the line is no WIL field.
std::optional<std::pair<std::string, std::string_view>> wilField(std::string_view line)
{
    // Most lines of a dump fail at the first character or in the first few: no copy is made for them.
    const std::string_view t = trimBlanks(line);
    std::size_t colon = 0;
    while (colon < t.size() && colon <= kMaxFieldName && std::isalpha(static_cast<unsigned char>(t[colon])))
        ++colon;
    if (colon == 0 || colon > kMaxFieldName || colon == t.size() || t[colon] != ':')
        return std::nullopt;
    const std::string_view name = t.substr(0, colon);
    const auto field = std::find_if(kWilFields.begin(), kWilFields.end(),
                                    [&](std::string_view f) { return equalsIgnoreCase(f, name); });
    if (field == kWilFields.end())
        return std::nullopt;
    return std::pair{std::string(*field), trimBlanks(t.substr(colon + 1))};
}

} // namespace

std::optional<LoggedRefusal> hnsTraceFailureAt(const std::vector<CleanedLine>& lines, std::size_t first,
                                               bool afterRecord)
{
    constexpr std::size_t kMaxFields = 40;
    if (!wilField(lines[first].text) || (!afterRecord && first > 0 && wilField(lines[first - 1].text)))
        return std::nullopt;
    // The record's fields, up to a field it already gave (the next record's).
    std::size_t end = first;
    std::set<std::string, std::less<>> given;
    std::string_view hresult, message, module, callContext;
    while (end < lines.size() && end - first < kMaxFields) {
        auto field = wilField(lines[end].text);
        if (!field || !given.insert(field->first).second)
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
    // HNS's by its module; without one, by the record's header (the nearest line above it that is no
    // field and not blank) naming HNS's provider.
    bool hns = equalsIgnoreCase(module, "hostnetsvc.dll");
    if (module.empty())
        for (std::size_t k = first; k > 0 && first - k < 2 * kMaxFields; --k)
            if (!trimBlanks(lines[k - 1].text).empty() && !wilField(lines[k - 1].text)) {
                hns = holdsIgnoringCase(lines[k - 1].text, "host-network-service");
                break;
            }
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
