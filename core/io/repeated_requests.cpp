// Requests sent to HNS that the values of a dump hold, each said once (see repeated_requests.h).

#include "io/repeated_requests.h"

#include "common/json_member.h"
#include "io/logged_error.h"
#include "io/logged_requests.h"
#include "io/request_answer.h"

#include <algorithm>
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
}

bool RepeatedRequests::sayAgain(std::size_t index, std::vector<ImportMessage>& messages)
{
    if (index >= m_requests.size() || !m_requests[index])
        return false;
    const Request& r = *m_requests[index];
    RepeatedMessages<std::string>::Said* said = r.repeats ? m_said.find(r.key) : nullptr;
    if (!said || said->message >= messages.size()) {
        m_said.close(r.key); // a new request: said on its own
        return false;
    }
    m_said.repeat(r.key, r.firstLine, r.lastLine);
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
            m_said.said(r.key, m, r.firstLine, r.lastLine);
            m_problems.push_back(r.gatewayProblems);
            return;
        }
}

void RepeatedRequests::finish(const std::string& source, std::vector<ImportMessage>& messages) const
{
    m_said.appendCounts(messages, "logged");
    const auto& all = m_said.all();
    for (std::size_t i = 0; i < all.size() && i < m_problems.size(); ++i) {
        int first = all[i].at.front().first;
        int last = all[i].at.front().second;
        for (const auto& [a, b] : all[i].at) {
            first = std::min(first, a);
            last = std::max(last, b);
        }
        for (const std::string& problem : m_problems[i])
            messages.push_back(
                {ImportSeverity::Warning, source, first, last, ResourceKind::Invalid, {}, problem});
    }
}

} // namespace hcn::io
