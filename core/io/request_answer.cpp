// A cut answer completed from the request it answers (see request_answer.h).

#include "io/request_answer.h"

#include "common/json_member.h"
#include "common/text.h"
#include "io/hns_member.h"
#include "io/text_tables.h"

#include <algorithm>

namespace hcn::io {

namespace {

using json = nlohmann::json;

const json* member(const json& object, std::string_view key)
{
    return memberIgnoringCase(object, key);
}

/// The document a request sent to HNS to create an object carries (`Data[{...}]` holds it in a list of
/// one), or null: no request words before it, an ID of its own (an object HNS holds), or a change to an
/// object that exists (`Path[/networks/<id>]`, a `RequestType`).
const json* createRequest(const FoundValue& request)
{
    if (request.cutOff || !isRequestContext(request.context))
        return nullptr;
    const json* document = &request.value;
    if (document->is_array() && document->size() == 1)
        document = &document->front();
    if (!document->is_object() || document->empty() || member(*document, "RequestType") ||
        member(*document, "ResourceType"))
        return nullptr;
    if (const json* id = member(*document, "ID");
        id && id->is_string() && tables::isGuid(id->get<std::string>()))
        return nullptr;
    const std::string words = lowerCopy(request.context);
    if (const std::size_t path = words.find("path[/"); path != std::string::npos) {
        const std::size_t end = words.find(']', path);
        if (end == std::string::npos || words.find('/', path + 6) < end)
            return nullptr;
    }
    return document;
}

/// Whether `answer` is what HNS answered to `request`, the value before it: the words between them
/// (after the request on its line and the next, before the answer on its own) say "Result" or
/// "Response", and at most the one line `after` shows lies between them.
bool answers(const FoundValue& request, const FoundValue& answer)
{
    const int gap = answer.firstLine - request.lastLine;
    const bool nextLineShown = request.after.find('\n') != std::string::npos;
    if (gap < 0 || gap > (nextLineShown ? 2 : 1) || isRequestContext(answer.context))
        return false;
    const std::string words = lowerCopy(request.after + "\n" + answer.context);
    return words.find("result") != std::string::npos || words.find("response") != std::string::npos;
}

} // namespace

std::vector<ImportWarning> completeCutAnswersFromRequests(std::vector<FoundValue>& values)
{
    std::vector<ImportWarning> infos;
    for (std::size_t i = 1; i < values.size(); ++i) {
        FoundValue& answer = values[i];
        const FoundValue& request = values[i - 1];
        if (!answer.cutOff || answer.startCut || !answer.value.is_object() || !answers(request, answer))
            continue;
        const json* asked = createRequest(request);
        if (!asked)
            continue;
        std::string taken;
        for (const auto& [key, value] : asked->items()) {
            if (value.is_null() || member(answer.value, key))
                continue;
            answer.value[key] = value;
            taken += (taken.empty() ? "" : ", ") + key;
        }
        if (taken.empty())
            continue;
        const std::string text = taken + ": not in the cut response; taken from the request sent to HNS at " +
                                 tables::lineRange(request.firstLine, request.lastLine) +
                                 ", which it answers";
        answer.repairs.push_back(text);
        infos.push_back({answer.firstLine, answer.lastLine, text});
    }
    return infos;
}

} // namespace hcn::io
