#pragma once
// The words and IDs log lines name HNS objects with, shared by the readers of logged operations
// (logged_operations.cpp, logged_requests.cpp) and of the words before a value (hns_member.cpp).

#include "common/text.h"
#include "hcn/resource_kind.h"
#include "io/text_scan.h"
#include "io/text_tables.h"

#include <cctype>
#include <string>
#include <string_view>
#include <utility>

namespace hcn::io::logged {

/// HNS's answer to a request (a deletion too) is looked for this many lines after it (a debug log puts
/// other lines between a request and its answer).
constexpr int kMaxLinesToAnswer = 20;

struct KindSpelled
{
    std::string_view text;
    ResourceKind kind;
};

/// The words that name a kind of HNS object in a log line (lower case, a plural `s` allowed where a
/// reader looks for whole words): `Attaching endpoint 1b8e... to`, `Policy list 4c2f... applied`,
/// `failed to create endpoint web on network nat`.
constexpr KindSpelled kKindWords[] = {
    {"endpoint", ResourceKind::Endpoint},         {"network", ResourceKind::Network},
    {"namespace", ResourceKind::Namespace},       {"load balancer", ResourceKind::LoadBalancer},
    {"loadbalancer", ResourceKind::LoadBalancer}, {"policy list", ResourceKind::LoadBalancer},
    {"policylist", ResourceKind::LoadBalancer},
};

/// Words that follow a kind's word in a log line or in prose and are no name of an object (lower case):
/// `Found HNS endpoint with ...`, `Network adapter not found`, `created the HNS network using ...`.
constexpr std::string_view kWordsAfterKind[] = {
    "with",     "for",    "id",       "name",     "named",        "is",        "in",       "of",    "on",
    "to",       "and",    "from",     "was",      "has",          "not",       "that",     "the",   "a",
    "will",     "be",     "are",      "were",     "can",          "could",     "would",    "may",   "must",
    "does",     "did",    "do",       "after",    "before",       "when",      "which",    "this",  "it",
    "so",       "but",    "or",       "as",       "at",           "by",        "here",     "there", "now",
    "still",    "again",  "resource", "object",   "request",      "using",     "used",     "via",   "called",
    "should",   "then",   "already",  "first",    "because",      "if",        "since",    "until", "instead",
    "manually", "exists", "exist",    "itself",   "adapter",      "interface", "card",     "path",  "policy",
    "config",   "entry",  "service",  "settings", "successfully", "correctly", "properly", "i",     "we",
    "you",      "they",   "he",       "she",      "my",           "our",       "your"};

/// Whether `lowerWord` (lower case) is one of kWordsAfterKind.
inline bool isWordAfterKind(std::string_view lowerWord)
{
    for (const std::string_view w : kWordsAfterKind)
        if (w == lowerWord)
            return true;
    return false;
}

/// Words that go on with a sentence (lower case): after a step's words (`failed to create endpoint because
/// ...`) they say why or when, not which object.
constexpr std::string_view kSentenceGoesOnWords[] = {"because", "due",  "since", "but",   "and",   "which",
                                                     "that",    "when", "so",    "after", "before"};

/// Words no sentence ends on (lower case): a message that ends on one (`... failed to`, `The specified
/// request is`) goes on after it.
constexpr std::string_view kWordsNoSentenceEndsOn[] = {
    "a",   "an",  "the",  "to", "of",   "for", "with",  "from", "into", "onto",    "in",    "on",
    "at",  "by",  "and",  "or", "nor",  "but", "than",  "as",   "if",   "because", "while", "is",
    "are", "was", "were", "be", "been", "its", "their", "your", "our",  "my",      "whose", "which"};

/// Whether `message` ends on a word no sentence ends on (kWordsNoSentenceEndsOn), or on a comma, a
/// colon, a semicolon or a hyphen that more words follow.
inline bool endsOnWordNoSentenceEndsOn(std::string_view message)
{
    message = trimBlanks(message);
    if (message.empty())
        return false;
    if (std::string_view(",:;-").find(message.back()) != std::string_view::npos)
        return true;
    std::size_t start = message.size();
    while (start > 0 && std::isalpha(static_cast<unsigned char>(message[start - 1])))
        --start;
    if (start == message.size() || (start > 0 && !isBlank(message[start - 1])))
        return false;
    const std::string last = lowerCopy(message.substr(start));
    for (const std::string_view w : kWordsNoSentenceEndsOn)
        if (w == last)
            return true;
    return false;
}

/// HNS's REST collections, as `[DELETE]=>[/networks/<id>]` names them (lower case).
constexpr KindSpelled kCollections[] = {
    {"networks", ResourceKind::Network},         {"endpoints", ResourceKind::Endpoint},
    {"policylists", ResourceKind::LoadBalancer}, {"loadbalancers", ResourceKind::LoadBalancer},
    {"namespaces", ResourceKind::Namespace},     {"routes", ResourceKind::SdnRoute},
};

/// The verb a log's `-ing` form is of (`creating` -> "create", `registering` -> "register"), lower case;
/// empty for a word that is none of the verbs logs use for HNS's objects.
inline std::string_view verbOfGerund(std::string_view lowerWord)
{
    static constexpr std::pair<std::string_view, std::string_view> kGerunds[] = {
        {"creating", "create"},  {"deleting", "delete"},  {"removing", "remove"},     {"adding", "add"},
        {"attaching", "attach"}, {"detaching", "detach"}, {"updating", "update"},     {"modifying", "modify"},
        {"querying", "query"},   {"getting", "get"},      {"registering", "register"}};
    for (const auto& [gerund, verb] : kGerunds)
        if (lowerWord == gerund)
            return verb;
    return {};
}

/// The runtime's next clause after a reason in its list of errors (kubelet's `[failed to set up sandbox
/// container ...: <reason>, failed to clean up sandbox container ...: <reason>]`), lower case: the
/// reason and the steps before it end there.
inline constexpr std::string_view kNextClause = ", failed to clean up ";

/// A character a logged word goes on with: the one findWholeWord tells words by (isWholeWordChar).
inline bool isLoggedWordChar(char c)
{
    return isWholeWordChar(c);
}

/// The first GUID at or after `from` that is no part of a longer word; npos when there is none.
inline std::size_t findLoggedGuid(std::string_view text, std::size_t from)
{
    for (std::size_t i = from; i + 36 <= text.size(); ++i) {
        if (!std::isxdigit(static_cast<unsigned char>(text[i])) || (i > 0 && isLoggedWordChar(text[i - 1])))
            continue;
        if ((i + 36 < text.size() && isLoggedWordChar(text[i + 36])) || !tables::isGuid(text.substr(i, 36)))
            continue;
        return i;
    }
    return std::string_view::npos;
}

/// The GUID at `at`, as the log spells it.
inline std::string loggedGuid(std::string_view text, std::size_t at)
{
    return std::string(text.substr(at, 36));
}

} // namespace hcn::io::logged
