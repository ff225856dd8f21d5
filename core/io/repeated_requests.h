#pragma once
// Requests sent to HNS that the values of a dump hold, as the report says them (internal to core/io). A
// client can log one request more than once: dockerd logs `HNSNetwork Request ={...}`, then hcsshim
// `[POST]=>[/networks/] Request : {...}` with the same document, and the line again. That is one
// request, said once with its count. A network whose gateway HNS cannot use gets a warning.

#include "hcn/dump_import.h"
#include "hcn/dump_text.h"
#include "io/repeated_messages.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hcn::io {

/// How many lines may lie between a request and the same request logged again.
inline constexpr int kMaxLinesBetweenRepeatedRequests = 2;

/// How the report says a request sent to HNS that a value holds.
inline constexpr std::string_view kRequestSent = "a request sent to HNS: ";

/// The requests among one reader's values, as they are collected into the report in their order.
class RepeatedRequests
{
public:
    /// Finds in `values` (one reader's, in the order of the text; `lines`, the source's) each request
    /// sent to HNS (requestDocumentOf) and whether it repeats the value before it: a request with the same
    /// verb (requestVerb) and the same document, at most kMaxLinesBetweenRepeatedRequests lines after it,
    /// with no answer between: no line that says it was done or failed (answerIn, an error logged),
    /// no error after the earlier one on its line. Its answer that HNS did it is the first line after it,
    /// before the next request and within logged::kMaxLinesToAnswer lines, that says so (`"Success":true`,
    /// `Network Response : {...}`, for a create the client's word that it created the object the request
    /// names: flannel's `Created bridge HNSEndpoint cbr0_ep`), unless a refusal or an error comes first.
    RepeatedRequests(const std::vector<FoundValue>& values, const std::vector<CleanedLine>& lines);

    /// Whether value `index` repeats a request a message of `messages` already says: that message then
    /// spans its lines too, and is not said again.
    bool sayAgain(std::size_t index, std::vector<ImportMessage>& messages);

    /// Value `index` was collected into the report: of the messages from `from` on, the first at its
    /// first line says it, and is marked `logged` (a request is what a log says of HNS).
    void collected(std::size_t index, std::size_t from, std::vector<ImportMessage>& messages);

    /// Appends to each request message said more than once "(logged 3 times, lines 4-6)", says after
    /// what one HNS did asks "; HNS did it (line 8)" (the message then spans that line), and adds a
    /// warning (of `source`) at each request whose network's gateway HNS cannot use
    /// (requestGatewayProblems).
    void finish(const std::string& source, std::vector<ImportMessage>& messages) const;

private:
    struct Request
    {
        std::string key; ///< its verb and document: the same for a repeat
        bool repeats = false;
        int firstLine = 0;
        int lastLine = 0;
        std::vector<std::string> gatewayProblems;
        int answerLine = 0; ///< the line that says HNS did it; 0 when none does
    };
    /// What the report says of a request once every line is read.
    struct Said
    {
        std::vector<std::string> gatewayProblems;
        int answerLine = 0; ///< of the last time it is logged
    };
    std::vector<std::optional<Request>> m_requests; ///< parallel to the values
    RepeatedMessages<std::string, Said> m_said;
};

} // namespace hcn::io
