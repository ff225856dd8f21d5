// Requests other than deletions that log lines show sent to HNS, with HNS's answers (see
// logged_requests.h).

#include "io/logged_requests.h"

#include "common/text.h"
#include "io/cni_requests.h"
#include "io/event_list.h"
#include "io/logged_words.h"
#include "io/powershell_commands.h"
#include "io/repeated_messages.h"
#include "io/repeated_requests.h"
#include "io/request_answer.h"
#include "io/text_scan.h"

#include <algorithm>
#include <climits>
#include <tuple>

namespace hcn::io {

using namespace logged;

namespace {

using json = nlohmann::json;

/// The request hcsshim logs as `[POST]=>[/namespaces/<id>/addresource] Request : {...}`, other than a
/// GET (a lookup) or a DELETE (a deletion, read above): "create namespace", "add endpoint <id> to
/// namespace <id>". nullopt when the line logs none, or names no HNS collection.
std::optional<LoggedRequest> restRequestIn(std::string_view text)
{
    const std::size_t arrow = text.find("]=>[");
    if (arrow == std::string_view::npos)
        return std::nullopt;
    const std::size_t open = text.rfind('[', arrow);
    const std::size_t close = text.find(']', arrow + 4);
    if (open == std::string_view::npos || close == std::string_view::npos)
        return std::nullopt;
    const std::string method = upperCopy(std::string(text.substr(open + 1, arrow - open - 1)));
    if (method.empty() || method == "GET" || method == "DELETE")
        return std::nullopt;
    std::vector<std::string> path;
    const std::string lowerPath = lowerCopy(text.substr(arrow + 4, close - arrow - 4));
    for (std::size_t at = 0; at <= lowerPath.size();) {
        const std::size_t slash = std::min(lowerPath.find('/', at), lowerPath.size());
        if (slash > at)
            path.push_back(lowerPath.substr(at, slash - at));
        at = slash + 1;
    }
    if (path.empty())
        return std::nullopt;
    LoggedRequest r;
    for (const KindSpelled& k : kCollections)
        if (path[0] == k.text)
            r.kind = k.kind;
    if (r.kind == ResourceKind::Invalid)
        return std::nullopt;
    const std::string label(resourceKindLabel(r.kind));
    if (path.size() > 1) {
        if (!tables::isGuid(path[1]))
            return std::nullopt;
        r.id = std::string(text.substr(arrow + 4 + lowerPath.find(path[1]), 36));
    }
    if (path.size() <= 2) {
        r.what = requestVerb(method, path.size() == 2) + " " + label + (r.id.empty() ? "" : " " + r.id);
        return r;
    }
    const std::string& action = path[2];
    if (action != "addresource" && action != "removeresource") {
        r.what = action + " " + label + " " + r.id;
        return r;
    }
    // The body names the resource: `{"Type":"Endpoint","Data":{"Id":"<guid>"}}`, its quotes escaped in
    // a logrus field.
    r.adds = action == "addresource";
    const std::string_view body = text.substr(close);
    const std::string lowerBody = lowerCopy(body);
    std::string member = "a resource";
    if (const std::size_t type = lowerBody.find("type"); type != std::string::npos) {
        const std::string_view after = std::string_view(lowerBody).substr(type, 24);
        if (after.find("endpoint") != std::string_view::npos)
            r.memberKind = ResourceKind::Endpoint;
        else if (after.find("container") != std::string_view::npos)
            member = "container";
    }
    if (const std::size_t data = lowerBody.find("data"); data != std::string::npos)
        if (const std::size_t guid = findLoggedGuid(body, data); guid != std::string_view::npos) {
            r.memberId = loggedGuid(body, guid);
            member = (r.memberKind == ResourceKind::Endpoint ? "endpoint" : member) + " " + r.memberId;
        }
    if (r.memberKind == ResourceKind::Endpoint && r.memberId.empty())
        member = "an endpoint";
    r.what = (r.adds ? "add " + member + " to " : "remove " + member + " from ") + label + " " + r.id;
    return r;
}

/// Lines looked back from hcsshim's `ModifyNamespaceSettings id=<namespace>` for the line naming the
/// endpoint it adds or removes (`AddNamespaceEndpoint id=<endpoint>`), and from a modify request's
/// document for the `ModifyNamespaceSettings` line naming its namespace.
constexpr std::size_t kModifyLinesBack = 3;

/// The word after `key` in `lower` (a JSON key's value, quotes escaped or not: `"RequestType":"Add"`,
/// `\"RequestType\":\"Add\"`, `RequestType:Add`); empty when the key is not there.
std::string_view wordAfterKey(std::string_view lower, std::string_view key, std::size_t& at)
{
    at = lower.find(key);
    if (at == std::string_view::npos)
        return {};
    std::size_t p = at + key.size();
    while (p < lower.size() &&
           (lower[p] == '"' || lower[p] == '\\' || lower[p] == ':' || lower[p] == ' ' || lower[p] == '='))
        ++p;
    std::size_t end = p;
    while (end < lower.size() && isLoggedWordChar(lower[end]))
        ++end;
    return lower.substr(p, end - p);
}

/// The GUID right after `word` in `text` (`id=<guid>`, `"EndpointId":"<guid>"`, a few characters of
/// punctuation between); npos when there is none.
std::size_t guidAfterWord(std::string_view text, const std::string& lower, std::string_view word)
{
    const std::size_t at = lower.find(word);
    if (at == std::string::npos)
        return std::string_view::npos;
    const std::size_t guid = findLoggedGuid(text, at + word.size());
    return guid != std::string_view::npos && guid - (at + word.size()) <= 8 ? guid : std::string_view::npos;
}

/// An endpoint added to or removed from a namespace, as a modify request of HCN's v2 API names it.
struct NamespaceMember
{
    bool adds = false;
    std::string endpointId;
};

/// The ModifyNamespaceSettingRequest a line holds, when it adds or removes an endpoint:
/// `{"ResourceType":"Endpoint","RequestType":"Add","Settings":{"EndpointId":"<guid>"}}` (its quotes
/// escaped in a logrus field or not, its members in any order). `documentAt` is where its document opens.
std::optional<NamespaceMember> namespaceModifyDocumentIn(std::string_view text, const std::string& lower,
                                                         std::size_t& documentAt)
{
    std::size_t resourceAt = 0;
    std::size_t requestAt = 0;
    if (wordAfterKey(lower, "\"resourcetype", resourceAt) != "endpoint")
        return std::nullopt;
    const std::string_view request = wordAfterKey(lower, "\"requesttype", requestAt);
    if (request != "add" && request != "remove")
        return std::nullopt;
    const std::size_t guid = guidAfterWord(text, lower, "\"endpointid");
    if (guid == std::string_view::npos)
        return std::nullopt;
    documentAt = lower.rfind('{', std::min(resourceAt, requestAt));
    if (documentAt == std::string::npos)
        return std::nullopt;
    return NamespaceMember{request == "add", loggedGuid(text, guid)};
}

/// hcsshim's `hcn::HostComputeEndpoint::AddNamespaceEndpoint id=<endpoint>` (or `RemoveNamespaceEndpoint`),
/// which its `ModifyNamespaceSettings id=<namespace>` follows.
std::optional<NamespaceMember> namespaceEndpointCallIn(std::string_view text)
{
    if (text.find("NamespaceEndpoint") == std::string_view::npos)
        return std::nullopt;
    const std::string lower = lowerCopy(text);
    for (const bool adds : {true, false}) {
        const std::size_t guid =
            guidAfterWord(text, lower, adds ? "::addnamespaceendpoint id=" : "::removenamespaceendpoint id=");
        if (guid != std::string_view::npos)
            return NamespaceMember{adds, loggedGuid(text, guid)};
    }
    return std::nullopt;
}

/// The namespace hcsshim's `hcn::HostComputeNamespace::ModifyNamespaceSettings id=<guid>` names; empty
/// when `text` is no such line.
std::string modifiedNamespaceIn(std::string_view text)
{
    if (text.find("ModifyNamespaceSettings") == std::string_view::npos)
        return {};
    const std::size_t guid = guidAfterWord(text, lowerCopy(text), "::modifynamespacesettings id=");
    return guid == std::string_view::npos ? std::string() : loggedGuid(text, guid);
}

/// "add endpoint <id> to namespace <id>" for a request of `kind` `id` that adds or removes endpoint
/// `member`.
void setNamespaceMember(LoggedRequest& r, const NamespaceMember& member)
{
    r.memberKind = ResourceKind::Endpoint;
    r.memberId = member.endpointId;
    r.adds = member.adds;
    const std::string object = r.id.empty() ? "a namespace (its ID not logged)" : "namespace " + r.id;
    r.what = (r.adds ? "add endpoint " + r.memberId + " to " : "remove endpoint " + r.memberId + " from ") +
             object;
}

/// A request of HCN's v2 API that adds an endpoint to a namespace or removes it (HcnModifyNamespace), as
/// hcsshim's hcn package logs it: `AddNamespaceEndpoint id=<endpoint>` then `ModifyNamespaceSettings
/// id=<namespace>` (the request is at the latter, `from` the former); or a line holding the request's
/// document (`{"ResourceType":"Endpoint","RequestType":"Add","Settings":{"EndpointId":"<guid>"}}`), its
/// namespace the GUID the line gives outside the document or the `ModifyNamespaceSettings` line before
/// it. nullopt for any other line.
std::optional<LoggedRequest> namespaceModifyAt(const std::vector<CleanedLine>& lines, std::size_t at,
                                               int& from)
{
    const std::string_view text = lines[at].text;
    const std::size_t back = std::min(at, kModifyLinesBack);
    LoggedRequest r;
    r.kind = ResourceKind::Namespace;
    if (r.id = modifiedNamespaceIn(text); !r.id.empty()) {
        // The document, when a line after it holds one, is the request (read there).
        for (std::size_t i = at + 1; i < lines.size() && i <= at + kModifyLinesBack; ++i) {
            std::size_t documentAt = 0;
            if (holdsIgnoringCase(lines[i].text, "endpointid") &&
                namespaceModifyDocumentIn(lines[i].text, lowerCopy(lines[i].text), documentAt))
                return std::nullopt;
        }
        for (std::size_t i = at; i-- > at - back;)
            if (std::optional<NamespaceMember> member = namespaceEndpointCallIn(lines[i].text)) {
                setNamespaceMember(r, *member);
                from = lines[i].sourceLine;
                return r;
            }
        return std::nullopt;
    }
    if (!holdsIgnoringCase(text, "endpointid"))
        return std::nullopt;
    const std::string lower = lowerCopy(text);
    std::size_t documentAt = 0;
    const std::optional<NamespaceMember> member = namespaceModifyDocumentIn(text, lower, documentAt);
    if (!member)
        return std::nullopt;
    // The namespace: a GUID outside the document, before it on the line or after it closes.
    int depth = 0;
    for (std::size_t i = 0; i < text.size() && r.id.empty(); ++i) {
        depth += text[i] == '{' ? 1 : text[i] == '}' && depth > 0 ? -1 : 0;
        if (depth == 0 && i != documentAt && findLoggedGuid(text, i) == i &&
            !equalsIgnoreCase(loggedGuid(text, i), member->endpointId))
            r.id = loggedGuid(text, i);
    }
    for (std::size_t i = at; r.id.empty() && i-- > at - back;) {
        r.id = modifiedNamespaceIn(lines[i].text);
        if (!r.id.empty())
            from = lines[i].sourceLine;
    }
    setNamespaceMember(r, *member);
    return r;
}

/// A request HNS logged as an RPC request event, other than a deletion: "query namespace <id>".
std::optional<LoggedRequest> eventRequestIn(std::string_view text)
{
    const std::optional<RpcRequestEvent> e = rpcRequestIn(text);
    if (!e || equalsIgnoreCase(e->type, "Delete"))
        return std::nullopt;
    LoggedRequest r;
    r.kind = e->kind;
    r.id = e->id;
    r.data = e->data;
    r.what = lowerCopy(e->type) + " " + std::string(resourceKindLabel(e->kind)) +
             (e->id.empty() ? "" : " " + e->id);
    // A Modify of a namespace whose Data adds or removes an endpoint says which.
    std::size_t documentAt = 0;
    if (e->kind == ResourceKind::Namespace && equalsIgnoreCase(e->type, "Modify"))
        if (const std::optional<NamespaceMember> member =
                namespaceModifyDocumentIn(text, lowerCopy(text), documentAt))
            setNamespaceMember(r, *member);
    return r;
}

/// Whether `text` says the request before it was done: HNS's `"Success":true` (quotes escaped or not),
/// hcsshim's `Network Response : {...}` (the output of a request HNS did: a create's new object; hcsshim
/// logs it only then), or, for a request that adds or removes an endpoint, a line naming the endpoint and
/// the namespace with "added" or "removed" (hcsshim's `added network endpoint <id> to namespace <id>`).
bool saysDone(std::string_view text, const LoggedRequest& r)
{
    if (!r.memberId.empty() && findIgnoringCase(text, lowerCopy(r.memberId)) != std::string_view::npos &&
        findIgnoringCase(text, lowerCopy(r.id)) != std::string_view::npos)
        return lowerCopy(text).find(r.adds ? "added" : "removed") != std::string::npos;
    return answerIn(text) == LoggedRequest::Answer::Done;
}

bool saysFailed(std::string_view text)
{
    return answerIn(text) == LoggedRequest::Answer::Refused;
}

/// Whether the namespace document `ns` lists endpoint `id` in its Resources; erases it with `erase`.
bool listsEndpoint(nlohmann::json& ns, const std::string& id, bool erase)
{
    auto resources = ns.find("Resources");
    if (resources == ns.end() || !resources->is_array())
        return false;
    for (auto it = resources->begin(); it != resources->end(); ++it) {
        if (!it->is_object() || !equalsIgnoreCase(it->value("Type", std::string()), "Endpoint"))
            continue;
        const auto data = it->find("Data");
        if (data == it->end() || !data->is_object())
            continue;
        for (const auto& [key, value] : data->items())
            if (equalsIgnoreCase(key, "ID") && value.is_string() &&
                equalsIgnoreCase(value.get<std::string>(), id)) {
                if (erase)
                    resources->erase(it);
                return true;
            }
    }
    return false;
}

} // namespace

bool namesAnotherCommand(const detail::NamedRefusal& refusal, const std::string& by)
{
    const std::string lower = lowerCopy(refusal.error);
    if (!by.empty() && lower.starts_with(lowerCopy(by) + " "))
        return false;
    const std::size_t open = lower.find(" (");
    const std::string_view first = std::string_view(lower).substr(0, open);
    if (open != std::string::npos && first.find(' ') == std::string_view::npos &&
        hnsCmdletNamed(first) != nullptr)
        return true;
    return lower.starts_with("docker network ");
}

LoggedRequest::Answer answerIn(std::string_view text)
{
    std::string lower = lowerCopy(text);
    std::erase_if(lower, [](char c) { return c == '\\' || c == ' '; });
    if (lower.find("\"success\":false") != std::string::npos)
        return LoggedRequest::Answer::Refused;
    // `response:{`, or a pointer to it as Go's `%+v` prints one (azure-vnet's `POST response:&{Id:...`).
    if (lower.find("\"success\":true") != std::string::npos ||
        lower.find("response:{") != std::string::npos || lower.find("response:&{") != std::string::npos)
        return LoggedRequest::Answer::Done;
    return LoggedRequest::Answer::None;
}

std::optional<LoggedRequest> loggedRequestAt(const std::vector<CleanedLine>& lines, std::size_t at)
{
    if (std::optional<LoggedRequest> r = restRequestIn(lines[at].text))
        return r;
    std::optional<LoggedRequest> r = eventRequestIn(lines[at].text);
    if (r) {
        r->event = eventShownAt(lines, at);
        return r;
    }
    if (r = cniRequestIn(lines[at].text); r)
        return r;
    int from = 0;
    r = namespaceModifyAt(lines, at, from);
    if (r)
        r->fromLine = from;
    return r;
}

std::set<std::size_t> answerLoggedRequests(std::vector<LoggedRequest>& requests,
                                           const std::vector<std::size_t>& requestAt,
                                           const std::vector<CleanedLine>& lines, const std::string& source,
                                           const std::vector<detail::NamedRefusal>& refusals,
                                           const std::vector<int>& requestLines)
{
    // The source's refusals by their first line (in their order where two start on one line), so that each
    // request looks only at those on its own lines.
    std::vector<const detail::NamedRefusal*> ofSource;
    for (const detail::NamedRefusal& refusal : refusals)
        if (refusal.source == source)
            ofSource.push_back(&refusal);
    std::stable_sort(ofSource.begin(), ofSource.end(),
                     [](const auto* a, const auto* b) { return a->firstLine < b->firstLine; });
    std::set<std::size_t> answerLines;
    for (std::size_t n = 0; n < requests.size(); ++n) {
        LoggedRequest& r = requests[n];
        const auto next = std::upper_bound(requestLines.begin(), requestLines.end(), r.line);
        const int until =
            std::min(r.line + kMaxLinesToAnswer, next == requestLines.end() ? INT_MAX : *next - 1);
        auto refusal = std::lower_bound(ofSource.begin(), ofSource.end(), r.line,
                                        [](const auto* a, int line) { return a->firstLine < line; });
        // An answer the request came with (docker printed the new network's ID, an empty listing's
        // output) is its answer: no refusal after it is.
        for (; refusal != ofSource.end() && (*refusal)->firstLine <= until &&
               (r.answerLine == 0 || (*refusal)->firstLine < r.answerLine);
             ++refusal)
            if (!namesAnotherCommand(**refusal, r.by)) {
                r.answer =
                    (*refusal)->notRun ? LoggedRequest::Answer::NotRun : LoggedRequest::Answer::Refused;
                r.answerLine = (*refusal)->firstLine;
                break;
            }
        for (std::size_t i = requestAt[n] + 1; i < lines.size() && lines[i].sourceLine <= until; ++i) {
            if (r.answerLine != 0 && lines[i].sourceLine >= r.answerLine)
                break;
            if (saysDone(lines[i].text, r) || saysFailed(lines[i].text)) {
                r.answer =
                    saysFailed(lines[i].text) ? LoggedRequest::Answer::Refused : LoggedRequest::Answer::Done;
                r.answerLine = lines[i].sourceLine;
                answerLines.insert(i);
                break;
            }
        }
    }
    return answerLines;
}

void joinRepeatedRequests(std::vector<LoggedRequest>& requests)
{
    std::vector<LoggedRequest> joined;
    joined.reserve(requests.size());
    for (LoggedRequest& r : requests) {
        if (!joined.empty()) {
            LoggedRequest& before = joined.back();
            const int beforeLast = before.loggedAt.empty() ? before.line : before.loggedAt.back().second;
            const int first = r.fromLine > 0 ? std::min(r.fromLine, r.line) : r.line;
            if (r.asker == LoggedRequest::Asker::Program && before.asker == LoggedRequest::Asker::Program &&
                !r.shown && !before.shown && r.what == before.what && r.event == before.event &&
                before.answer == LoggedRequest::Answer::None && first > beforeLast &&
                first - beforeLast - 1 <= kMaxLinesBetweenRepeatedRequests) {
                if (before.loggedAt.empty())
                    before.loggedAt.emplace_back(before.fromLine > 0 ? std::min(before.fromLine, before.line)
                                                                     : before.line,
                                                 before.line);
                before.loggedAt.emplace_back(first, r.line);
                before.answer = r.answer;
                before.answerLine = r.answerLine;
                continue;
            }
        }
        joined.push_back(std::move(r));
    }
    requests = std::move(joined);
}

void joinRepeatedAsks(std::vector<LoggedRequest>& requests)
{
    std::vector<LoggedRequest> joined;
    joined.reserve(requests.size());
    std::map<std::tuple<LoggedRequest::Asker, std::string, std::string>, std::size_t> asked;
    for (LoggedRequest& r : requests) {
        if (r.asker != LoggedRequest::Asker::Program) {
            const auto [it, added] = asked.emplace(std::tuple(r.asker, r.by, r.what), joined.size());
            if (!added &&
                (joined[it->second].answer == LoggedRequest::Answer::None ||
                 r.answer == LoggedRequest::Answer::None || joined[it->second].answer == r.answer)) {
                LoggedRequest& first = joined[it->second];
                if (first.answer != LoggedRequest::Answer::None && r.answer == first.answer)
                    first.answeredAgainAt.push_back(r.answerLine);
                if (first.loggedAt.empty())
                    first.loggedAt.emplace_back(first.line, first.line);
                if (r.loggedAt.empty())
                    first.loggedAt.emplace_back(r.line, r.line);
                else
                    first.loggedAt.insert(first.loggedAt.end(), r.loggedAt.begin(), r.loggedAt.end());
                if (first.answer == LoggedRequest::Answer::None) {
                    first.answer = r.answer;
                    first.answerLine = r.answerLine;
                }
                continue;
            }
        }
        joined.push_back(std::move(r));
    }
    requests = std::move(joined);
}

void nameRequestedNetworks(const std::string& source, const std::map<std::string, std::string>& names,
                           std::vector<ImportMessage>& messages)
{
    if (names.empty())
        return;
    constexpr std::string_view kOn = " on network ";
    for (ImportMessage& m : messages) {
        if (m.source != source ||
            (!m.message.starts_with(kRequestSent) && !m.message.starts_with("a request HNS failed: ")))
            continue;
        const std::size_t on = m.message.find(kOn);
        if (on == std::string::npos)
            continue;
        const std::size_t id = on + kOn.size();
        if (findLoggedGuid(m.message, id) != id)
            continue;
        const auto named = names.find(upperCopy(loggedGuid(m.message, id)));
        if (named == names.end() || named->second.empty())
            continue;
        m.message.insert(id + 36, ")");
        m.message.insert(id, named->second + " (");
    }
}

std::string templateSaid(const std::vector<std::string>& placeholders)
{
    if (placeholders.empty())
        return {};
    if (placeholders.size() == 1)
        return " (a template: " + placeholders.front() + " is a placeholder, not a value)";
    return " (a template: " + std::to_string(placeholders.size()) + " placeholders, not values)";
}

void tieRefusedRequests(const std::string& source,
                        const std::vector<std::pair<LoggedRequest, std::size_t>>& refused,
                        std::vector<ImportMessage>& messages)
{
    if (refused.empty())
        return;
    // The source's request messages by their first line, once: a log of many requests is read in one go.
    std::map<int, std::size_t> requestAt;
    for (std::size_t i = 0; i < messages.size(); ++i)
        if (messages[i].source == source && messages[i].message.starts_with(kRequestSent))
            requestAt.emplace(messages[i].firstLine, i);
    std::set<std::size_t> tied;
    for (const auto& [r, refusal] : refused) {
        // A refusal said once for its repeats answered more than one request: none is named.
        if (refusal >= messages.size() || !tied.insert(refusal).second ||
            messages[refusal].message.find(" times, lines ") != std::string::npos)
            continue;
        auto at = requestAt.upper_bound(r.line);
        if (at == requestAt.begin())
            continue;
        const ImportMessage& request = messages[(--at)->second];
        const int last = std::max(request.firstLine, request.lastLine);
        const std::size_t held = request.message.find("; not an object it holds");
        // An answer on the request's own lines is said with it already.
        if (r.line > last || held == std::string::npos || messages[refusal].firstLine <= last)
            continue;
        const std::string what = request.message.substr(kRequestSent.size(), held - kRequestSent.size());
        messages[refusal].message += " (HNS's answer to the request to " + what + " at " +
                                     tables::atLines({{request.firstLine, last}}) + ")";
    }
}

void tieRefusedCommands(const std::vector<std::pair<LoggedRequest, std::size_t>>& refused,
                        std::vector<ImportMessage>& messages)
{
    std::set<std::size_t> tied;
    for (const auto& [r, refusal] : refused) {
        if (refusal >= messages.size() || !tied.insert(refusal).second)
            continue;
        std::string& message = messages[refusal].message;
        if (message.find(" times, lines ") != std::string::npos ||
            message.find(" (the command at line ") != std::string::npos ||
            findIgnoringCase(message, lowerCopy(r.by)) != std::string::npos)
            continue;
        int line = r.line;
        for (const auto& [first, last] : r.loggedAt)
            if (first <= r.answerLine)
                line = std::max(line, first);
        message += " (the command at line " + std::to_string(line) + ": " + r.by + ", to " + r.what + ")";
    }
}

void reportLoggedRequest(const std::string& source, const LoggedRequest& r,
                         std::vector<ImportedObject>& objects, std::vector<nlohmann::json>& documents,
                         const std::map<std::string, std::size_t>& objectById,
                         std::vector<ImportMessage>& messages)
{
    const auto held = r.id.empty() ? objectById.end() : objectById.find(upperCopy(r.id));
    const std::string line = "line " + std::to_string(r.line);
    // A value read from a request's line says it; a CNI plugin's configuration read there says only what
    // it is, not what the command asks.
    if (r.shown && r.asker != LoggedRequest::Asker::CniPlugin) {
        if (r.event.empty() || !r.data || held == objectById.end())
            return; // the value on its line was reported as what it is
        ImportedObject& o = objects[held->second];
        if (o.source != source || r.line < o.firstLine || r.line > std::max(o.firstLine, o.lastLine))
            return;
        const bool query = r.what.starts_with("query ");
        const std::string said = "read from the Data of an RPC request HNS logged as an event (" + r.what +
                                 ", " + r.event + ", " + line + ")" +
                                 (query ? ": the object as that event shows it"
                                        : ": what the request asked of HNS, which need not be what it holds");
        o.notes.push_back(said);
        messages.push_back({query ? ImportSeverity::Info : ImportSeverity::Warning, o.source, o.firstLine,
                            o.lastLine, o.kind, o.id,
                            std::string(resourceKindLabel(o.kind)) + " " + o.id + ": " + said});
        return;
    }
    std::string text;
    switch (r.asker) {
    case LoggedRequest::Asker::Program:
        text = r.event.empty() ? "a request sent to HNS: " + r.what
                               : "a request HNS logged as an RPC request event (" + r.event + "): " + r.what;
        if (!r.loggedAt.empty())
            text += " " + repeatCount(r.loggedAt, "logged");
        break;
    case LoggedRequest::Asker::Command:
        // A command is shown, not logged: where it stands, each time it does.
        text = "a command (" + r.by + ") that asks HNS to " + r.what + " " +
               (r.loggedAt.size() > 1
                    ? repeatCount(r.loggedAt)
                    : "at " + tables::atLines(r.loggedAt.empty() ? std::vector{std::pair{r.line, r.line}}
                                                                 : r.loggedAt));
        break;
    case LoggedRequest::Asker::CniPlugin:
        text = "a CNI " + r.what;
        if (!r.loggedAt.empty())
            text += " " + repeatCount(r.loggedAt, "logged");
        break;
    }
    const bool member =
        r.kind == ResourceKind::Namespace && r.memberKind == ResourceKind::Endpoint && !r.memberId.empty();
    // The answer's line, and the same answer's to the request asked again.
    std::string answeredAt = std::to_string(r.answerLine);
    for (const int again : r.answeredAgainAt)
        answeredAt += ", " + std::to_string(again);
    answeredAt = (r.answeredAgainAt.empty() ? "line " : "lines ") + answeredAt + ")";
    if (r.answer == LoggedRequest::Answer::Done)
        text += "; HNS did it (" + answeredAt;
    else if (r.answer == LoggedRequest::Answer::NotRun)
        text += "; PowerShell did not run it (" + answeredAt;
    else if (r.answer == LoggedRequest::Answer::Refused)
        text +=
            (r.asker == LoggedRequest::Asker::CniPlugin ? "; HNS refused a request the plugin made for it ("
                                                        : "; HNS refused it (") +
            answeredAt;
    else if (member)
        text += "; the log shows no answer, so whether HNS did it is unknown";
    ResourceKind kind = ResourceKind::Invalid;
    std::string objectId;
    if (member && held != objectById.end()) {
        ImportedObject& ns = objects[held->second];
        kind = ns.kind;
        objectId = ns.id;
        const std::string dumped =
            "dumped at " + (ns.lastLine > ns.firstLine
                                ? "lines " + std::to_string(ns.firstLine) + "-" + std::to_string(ns.lastLine)
                                : "line " + std::to_string(ns.firstLine));
        if (ns.source != source || r.line <= ns.lastLine) {
            text += "; the namespace is " + dumped +
                    (ns.source == source ? ", after the request" : " of " + ns.source);
        } else if (r.answer == LoggedRequest::Answer::Done) {
            json& doc = documents[held->second];
            const std::string answered =
                source + ", request at " + line + ", HNS's answer at line " + std::to_string(r.answerLine);
            if (r.adds && !listsEndpoint(doc, r.memberId, false)) {
                if (!doc.contains("Resources") || !doc["Resources"].is_array())
                    doc["Resources"] = json::array();
                doc["Resources"].push_back(json{{"Type", "Endpoint"}, {"Data", json{{"ID", r.memberId}}}});
                ns.notes.push_back("endpoint " + r.memberId +
                                   " was added to it after this dump, as the log shows (" + answered +
                                   "); listed in Resources from the log");
                text +=
                    "; the snapshot's namespace (" + dumped + ", before the request) lists it from the log";
            } else if (!r.adds && listsEndpoint(doc, r.memberId, true)) {
                ns.notes.push_back("endpoint " + r.memberId +
                                   " was removed from it after this dump, as the log shows (" + answered +
                                   "); left out of Resources");
                text += "; the snapshot's namespace (" + dumped + ", before the request) no longer lists it";
            }
            const auto endpoint = objectById.find(upperCopy(r.memberId));
            if (r.adds && endpoint != objectById.end()) {
                json& ep = documents[endpoint->second];
                if (ep.value("HostComputeNamespace", std::string()).empty()) {
                    ep["HostComputeNamespace"] = ns.id;
                    objects[endpoint->second].notes.push_back(
                        "HostComputeNamespace: " + ns.id + ", which the log added it to (" + answered + ")");
                }
            }
        } else {
            ns.notes.push_back(
                "endpoint " + r.memberId + " was asked to be " + (r.adds ? "added to" : "removed from") +
                " it after this dump (" + source + ", " + line + "); " +
                (r.answer == LoggedRequest::Answer::Refused ? "HNS refused it" : "the log shows no answer") +
                ", so Resources stay as dumped");
            text += "; the snapshot's namespace stays as " + dumped;
        }
    }
    if (member && objectById.find(upperCopy(r.memberId)) == objectById.end())
        text += "; the endpoint itself is not in the dump";
    const int lastLogged = r.loggedAt.empty() ? r.line : r.loggedAt.back().second;
    const int lastAnswer = r.answeredAgainAt.empty() ? r.answerLine : r.answeredAgainAt.back();
    messages.push_back({ImportSeverity::Info, source, r.fromLine > 0 ? std::min(r.fromLine, r.line) : r.line,
                        std::max(lastLogged, lastAnswer), kind, objectId, text});
}

} // namespace hcn::io
