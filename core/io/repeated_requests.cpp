// Requests sent to HNS that the values of a dump hold, each said once (see repeated_requests.h).

#include "io/repeated_requests.h"

#include "common/json_member.h"
#include "common/text.h"
#include "io/logged_error.h"
#include "io/logged_requests.h"
#include "io/logged_words.h"
#include "io/object_kinds.h"
#include "io/request_answer.h"

#include <algorithm>
#include <iterator>
#include <string_view>

namespace hcn::io {

namespace {

/// Whether the text logged after `earlier` on its line, or a line of `lines` after it and before
/// `later`, answers the request: HNS said it was done or failed, or an error is logged.
bool answeredBetween(const FoundValue& earlier, const FoundValue& later,
                     const std::vector<CleanedLine>& lines)
{
    const std::string_view after = std::string_view(earlier.after).substr(0, earlier.after.find('\n'));
    if (answerIn(after) != LoggedRequest::Answer::None || loggedError(after, {}).found())
        return true;
    const auto from = std::upper_bound(lines.begin(), lines.end(), earlier.lastLine,
                                       [](int line, const CleanedLine& l) { return line < l.sourceLine; });
    const auto to = std::lower_bound(lines.begin(), lines.end(), later.firstLine,
                                     [](const CleanedLine& l, int line) { return l.sourceLine < line; });
    if (from >= to)
        return false;
    const std::vector<CleanedLine> between(from, to);
    return !refusalsLoggedIn(between).empty() ||
           std::any_of(between.begin(), between.end(),
                       [](const CleanedLine& l) { return answerIn(l.text) != LoggedRequest::Answer::None; });
}

/// Whether `word` stands in `lower` as a word of its own (not inside a longer name: `cbr0` in
/// `cbr0_ep`, `cbr0-ep`, `cbr0.1`).
bool holdsWord(std::string_view lower, std::string_view word)
{
    const auto isNameChar = [](char c) { return logged::isLoggedWordChar(c) || c == '-' || c == '.'; };
    for (std::size_t at = lower.find(word); at != std::string_view::npos; at = lower.find(word, at + 1)) {
        const std::size_t end = at + word.size();
        // A sentence's full stop after the name ends it.
        const bool endsHere = end == lower.size() || !isNameChar(lower[end]) ||
                              (lower[end] == '.' && (end + 1 == lower.size() || lower[end + 1] == ' '));
        if ((at == 0 || !isNameChar(lower[at - 1])) && endsHere)
            return true;
    }
    return false;
}

/// Whether `text` is a client's word that it created object `name` of `kind` (Invalid: any): flannel's
/// `Created HNSNetwork cbr0`, `Created bridge HNSEndpoint cbr0_ep`, antrea's `Created HNSNetwork with name
/// antrea-hnsnetwork id <guid>`, `HNS endpoint web_ep was created`; the kind's word (`HNSEndpoint`,
/// `HNS endpoint`) the last in the three words before the name, no other kind's word between `created`
/// and it, the name as a word of its own, no `not created`.
bool saysCreated(std::string_view text, ResourceKind kind, const std::string& name)
{
    if (name.empty())
        return false;
    const std::string lower = lowerCopy(text);
    if (!holdsWord(lower, "created") || lower.find("not created") != std::string::npos ||
        lower.find("not been created") != std::string::npos || !holdsWord(lower, lowerCopy(name)))
        return false;
    if (kind == ResourceKind::Invalid)
        return true;
    // The kind's word names the object: the last kind's word in the three words before the name is of
    // `kind` (`Created endpoint web_ep on network nat` created no network nat).
    const std::string lowerName = lowerCopy(name);
    for (std::size_t at = lower.find(lowerName); at != std::string::npos;
         at = lower.find(lowerName, at + 1)) {
        std::size_t from = at;
        for (int words = 0; from > 0 && words < 4; --from)
            words += lower[from - 1] == ' ' ? 1 : 0;
        const std::string_view before = std::string_view(lower).substr(from, at - from);
        std::size_t lastAt = std::string_view::npos;
        ResourceKind last = ResourceKind::Invalid;
        for (const logged::KindSpelled& k : logged::kKindWords)
            if (const std::size_t found = before.rfind(k.text);
                found != std::string_view::npos && (lastAt == std::string_view::npos || found > lastAt)) {
                lastAt = found;
                last = k.kind;
            }
        if (last != kind)
            continue;
        // `Created <kind> <name>`: no other kind's word between `created` and the name (`Created endpoint
        // web_ep on network nat`).
        const std::size_t created = lower.rfind("created", at);
        if (created == std::string::npos || created + 7 > from + lastAt)
            return true;
        const std::string_view between = std::string_view(lower).substr(created, from + lastAt - created);
        if (std::none_of(std::begin(logged::kKindWords), std::end(logged::kKindWords),
                         [&](const logged::KindSpelled& k) {
                             return k.kind != kind && between.find(k.text) != std::string_view::npos;
                         }))
            return true;
    }
    return false;
}

/// The line of `lines` after `request` (up to line `until`) that says HNS did it: `"Success":true`,
/// hcsshim's `Network Response : {...}` (answerIn), or, for a create, the client's word that it created
/// the object the request names (saysCreated). 0 when a line answers otherwise first (a refusal, an error
/// logged) or none does.
int doneAt(const FoundValue& request, const nlohmann::json& document, bool create,
           const std::vector<CleanedLine>& lines, int until)
{
    bool isV1 = false;
    ResourceKind kind = detail::classifyObject(document, ResourceKind::Invalid, isV1);
    // A create request of a network names its mode and little else (`{"Name":"nat","Type":"NAT"}`).
    if (kind == ResourceKind::Invalid && detail::isNetworkType(detail::hnsType(document)))
        kind = ResourceKind::Network;
    const nlohmann::json* name = memberIgnoringCase(document, "Name");
    const std::string named = name && name->is_string() ? name->get<std::string>() : std::string();
    const auto from = std::upper_bound(lines.begin(), lines.end(), request.lastLine,
                                       [](int line, const CleanedLine& l) { return line < l.sourceLine; });
    for (auto l = from; l != lines.end() && l->sourceLine <= until; ++l) {
        const LoggedRequest::Answer answer = answerIn(l->text);
        if (answer == LoggedRequest::Answer::Done)
            return l->sourceLine;
        if (answer == LoggedRequest::Answer::Refused || loggedError(l->text, {}).found())
            return 0;
        if (create && saysCreated(l->text, kind, named))
            return l->sourceLine;
    }
    return 0;
}

} // namespace

RepeatedRequests::RepeatedRequests(const std::vector<FoundValue>& values,
                                   const std::vector<CleanedLine>& lines)
    : m_requests(values.size())
{
    for (std::size_t i = 0; i < values.size(); ++i) {
        const FoundValue& v = values[i];
        const nlohmann::json* document = requestDocumentOf(v);
        if (!document)
            continue;
        Request r;
        r.key = requestVerbIn(v.context) + "\n" + document->dump();
        r.firstLine = v.firstLine;
        r.lastLine = std::max(v.firstLine, v.lastLine);
        if (i > 0 && m_requests[i - 1] && m_requests[i - 1]->key == r.key) {
            const int linesBetween = r.firstLine - m_requests[i - 1]->lastLine - 1;
            r.repeats = linesBetween >= 0 && linesBetween <= kMaxLinesBetweenRepeatedRequests &&
                        !answeredBetween(values[i - 1], v, lines);
        }
        // A network's request names subnets, an endpoint's its address and gateway.
        for (std::string& problem : requestGatewayProblems(*document)) {
            const nlohmann::json* name = memberIgnoringCase(*document, "Name");
            const bool endpoint = memberIgnoringCase(*document, "GatewayAddress") != nullptr;
            r.gatewayProblems.push_back("a request sent to HNS to " + requestVerbIn(v.context) +
                                        (endpoint ? " endpoint" : " network") +
                                        (name && name->is_string() ? " " + name->get<std::string>() : "") +
                                        " asks for " + std::move(problem));
        }
        m_requests[i] = std::move(r);
    }
    // HNS's answer: before the next request, within the lines an answer is looked for.
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!m_requests[i])
            continue;
        Request& r = *m_requests[i];
        int until = r.lastLine + logged::kMaxLinesToAnswer;
        for (std::size_t next = i + 1; next < values.size(); ++next)
            if (m_requests[next]) {
                until = std::min(until, m_requests[next]->firstLine - 1);
                break;
            }
        r.answerLine =
            doneAt(values[i], *requestDocumentOf(values[i]), r.key.starts_with("create\n"), lines, until);
    }
}

bool RepeatedRequests::sayAgain(std::size_t index, std::vector<ImportMessage>& messages)
{
    if (index >= m_requests.size() || !m_requests[index])
        return false;
    const Request& r = *m_requests[index];
    auto* said = r.repeats ? m_said.find(r.key) : nullptr;
    if (!said || said->message >= messages.size()) {
        m_said.close(r.key); // a new request: said on its own
        return false;
    }
    m_said.repeat(r.key, r.firstLine, r.lastLine);
    // The answer after the last time it is logged answers it.
    said->extra.answerLine = r.answerLine;
    ImportMessage& m = messages[said->message];
    m.lastLine = std::max(m.lastLine, r.lastLine);
    return true;
}

void RepeatedRequests::collected(std::size_t index, std::size_t from, std::vector<ImportMessage>& messages)
{
    if (index >= m_requests.size() || !m_requests[index])
        return;
    const Request& r = *m_requests[index];
    for (std::size_t m = from; m < messages.size(); ++m)
        if (messages[m].firstLine == r.firstLine) {
            messages[m].logged = true;
            m_said.said(r.key, m, r.firstLine, r.lastLine, {r.gatewayProblems, r.answerLine});
            return;
        }
}

void RepeatedRequests::finish(const std::string& source, std::vector<ImportMessage>& messages) const
{
    m_said.appendCounts(messages, "logged");
    // A request HNS did says so after what it asks, as a logged request's answer is said.
    for (const auto& said : m_said.all()) {
        const int answer = said.extra.answerLine;
        if (answer == 0 || said.message >= messages.size())
            continue;
        ImportMessage& m = messages[said.message];
        if (!m.message.starts_with(kRequestSent))
            continue;
        const std::string did = "; HNS did it (line " + std::to_string(answer) + ")";
        const std::size_t held = m.message.find("; not an object it holds");
        m.message.insert(held == std::string::npos ? m.message.size() : held, did);
        m.lastLine = std::max(m.lastLine, answer);
    }
    for (const auto& said : m_said.all()) {
        int first = said.at.front().first;
        int last = said.at.front().second;
        for (const auto& [a, b] : said.at) {
            first = std::min(first, a);
            last = std::max(last, b);
        }
        for (const std::string& problem : said.extra.gatewayProblems)
            messages.push_back(
                {ImportSeverity::Warning, source, first, last, ResourceKind::Invalid, {}, problem});
    }
}

} // namespace hcn::io
