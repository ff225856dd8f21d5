// The HNS failures a source's log lines state, each said once (see reportLoggedRefusals in
// import_objects.h): who refused what, how often, and where else the same failure is recorded.

#include "common/text.h"
#include "hcn/hresult.h"
#include "io/fatal_log_lines.h"
#include "io/import_objects.h"
#include "io/logged_error.h"
#include "io/logged_failed_steps.h"
#include "io/pod_network_failures.h"
#include "io/statement_lines.h"
#include "io/text_scan.h"
#include "io/text_tables.h"
#include "io/wrapped_lines.h"

#include <algorithm>
#include <iterator>
#include <cctype>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

namespace hcn::io::detail {
namespace {

/// The report names at most this many different errors of refused requests per source.
constexpr std::size_t kMaxRefusalMessages = 50;
/// A PowerShell error record's lines after the message it was thrown with: at most this many.
constexpr int kMaxErrorRecordLines = 12;
/// How many lines above a message's first line, and below it, a wrap that holds it may reach.
constexpr std::size_t kMaxWrapLines = 8;

/// Whether `code` says the service called could not be reached (not running, stopped answering,
/// restarting): the request was never refused.
bool isUnreachableCode(std::optional<HResult> code)
{
    static constexpr HResult kUnreachable[] = {
        hr::RpcServerUnavailable, hr::EndpointMapperEmpty, hr::RpcCallFailed,  hr::RpcCallFailedNotRun,
        hr::ServiceNotActive,     hr::ServiceDoesNotExist, hr::ServiceDisabled};
    return code &&
           std::find(std::begin(kUnreachable), std::end(kUnreachable), *code) != std::end(kUnreachable);
}

/// Where the message of a klog record starts: after the `] ` that closes its source (`proxier.go:1034] `),
/// also where a log viewer's columns stand before the record; npos for a line that holds none.
std::size_t klogMessageStart(std::string_view text)
{
    for (std::size_t at = text.find("] "); at != std::string_view::npos; at = text.find("] ", at + 1)) {
        std::size_t digits = at;
        while (digits > 0 && std::isdigit(static_cast<unsigned char>(text[digits - 1])))
            --digits;
        if (digits < at && digits >= 4 && text.substr(digits - 4, 4) == ".go:")
            return at + 2;
    }
    return std::string_view::npos;
}

/// The message of a klog record that says a step failed, before the error: in a structured record's
/// `err` field (kube-proxy's `] "Policy creation failed" err="..."`), or after `: ` (`] Policy creation
/// failed: hnsCall failed ...`); empty for any other line.
std::string failedStepOfRecord(std::string_view text)
{
    constexpr std::size_t kMaxStepWords = 8;
    const std::size_t from = klogMessageStart(text);
    if (from == std::string_view::npos)
        return {};
    const bool quoted = text.substr(from).starts_with('"');
    const std::size_t close = quoted ? text.find('"', from + 1) : text.find(": ", from);
    if (close == std::string_view::npos || (quoted && text.substr(close + 1, 6) != " err=\""))
        return {};
    const std::string_view step = text.substr(from + (quoted ? 1 : 0), close - from - (quoted ? 1 : 0));
    // Unquoted, the step is words only (`Policy creation failed`), none of them a call of HNS's
    // (`HNSCall Method POST Path /endpoints failed` is the call that failed, said already).
    if (!quoted && (!std::all_of(step.begin(), step.end(), [](char c) {
            return std::isalpha(static_cast<unsigned char>(c)) || c == ' ';
        }) || holdsAnyIgnoringCase(step, {"hns", "hcn"})))
        return {};
    if (!lowerCopy(step).ends_with(" failed") ||
        std::size_t(std::count(step.begin(), step.end(), ' ')) >= kMaxStepWords)
        return {};
    return std::string(step);
}

/// `text` without its parenthesized details: "create endpoint (network <id>)" is "create endpoint".
std::string withoutParentheses(std::string_view text)
{
    std::string out;
    int depth = 0;
    for (const char c : text) {
        depth += c == '(' ? 1 : 0;
        if (depth == 0)
            out += c;
        depth -= c == ')' && depth > 0 ? 1 : 0;
    }
    std::string collapsed;
    for (const char c : out)
        if (!(c == ' ' && (collapsed.empty() || collapsed.back() == ' ')))
            collapsed += c;
    while (!collapsed.empty() && collapsed.back() == ' ')
        collapsed.pop_back();
    return collapsed;
}

/// `said` (describeLoggedError's) without the note that its code is the one of its message: the same
/// error logged once with its code and once without is one.
std::string sameErrorKey(std::string said)
{
    for (std::size_t at = said.find(kCodeFromMessageText); at != std::string::npos;
         at = said.find(kCodeFromMessageText, at))
        said.erase(at, kCodeFromMessageText.size());
    return said;
}

/// A title's quote of a failure with a slip of the keys: at most this many letters added, dropped or
/// changed, in a message of at least kMinSlippedMessage characters.
constexpr std::size_t kMaxSlipEdits = 2;
constexpr std::size_t kMinSlippedMessage = 12;

/// `message` as a slip of the keys is looked for in it: lower case, blanks collapsed, without the full stop
/// or the blanks at its end.
std::string slipKey(std::string_view message)
{
    std::string key;
    for (const char c : trimBlanks(message))
        if (!(isBlank(c) && (key.empty() || key.back() == ' ')))
            key += isBlank(c) ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    while (!key.empty() && (key.back() == '.' || key.back() == ' '))
        key.pop_back();
    return key;
}

/// The title in braces a Windows message starts with (`Object Exists` of `{Object Exists} An attempt was
/// made ...`, the NT status's name Win32 passes on), without its braces; empty when it starts with none.
std::string_view messageTitleOf(std::string_view message)
{
    message = trimBlanks(message);
    const std::size_t size = messageTitleSize(message);
    if (size == 0)
        return {};
    std::string_view title = trimBlanks(message.substr(0, size));
    if (title.size() < 2 || title.front() != '{' || title.back() != '}')
        return {};
    return trimBlanks(title.substr(1, title.size() - 2));
}

/// Whether `quoted` (a title's message) is nothing but the title in braces of the Windows message of
/// `logged` (as logged, else its code's), with its braces or without: `Object Exists`, `{Object Exists}`
/// for ERROR_OBJECT_NAME_EXISTS's `{Object Exists} An attempt was made ...`. Compared without case, blanks
/// or a full stop.
bool isMessageTitleOf(std::string_view quoted, const LoggedError& logged)
{
    quoted = trimBlanks(quoted);
    if (quoted.size() >= 2 && quoted.front() == '{' && quoted.back() == '}')
        quoted = trimBlanks(quoted.substr(1, quoted.size() - 2));
    const std::string key = messageMatchKey(quoted);
    if (key.empty() || !logged.code)
        return false;
    for (const std::string_view message : {std::string_view(logged.message), hresultMessage(*logged.code)})
        if (const std::string_view title = messageTitleOf(message);
            !title.empty() && messageMatchKey(title) == key)
            return true;
    return false;
}

/// Whether `a` becomes `b` with at most kMaxSlipEdits characters added, dropped or changed.
bool withinSlip(std::string_view a, std::string_view b)
{
    if (a.size() > b.size())
        std::swap(a, b);
    if (b.size() - a.size() > kMaxSlipEdits)
        return false;
    // Edit distance, row by row; a row whose least value exceeds the limit ends the search.
    std::vector<std::size_t> row(a.size() + 1);
    for (std::size_t i = 0; i <= a.size(); ++i)
        row[i] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
        std::size_t diagonal = row[0];
        row[0] = j;
        std::size_t least = row[0];
        for (std::size_t i = 1; i <= a.size(); ++i) {
            const std::size_t above = row[i];
            row[i] = std::min({row[i] + 1, row[i - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
            least = std::min(least, row[i]);
        }
        if (least > kMaxSlipEdits)
            return false;
    }
    return row[a.size()] <= kMaxSlipEdits;
}

/// Whether a markdown heading is the line (`# Title`, `### Title`).
bool isMarkdownHeading(std::string_view text)
{
    text = trimBlanks(text);
    std::size_t marks = 0;
    while (marks < text.size() && text[marks] == '#')
        ++marks;
    return marks > 0 && marks <= 6 && marks < text.size() && isBlank(text[marks]);
}

/// How the report says a logged error: who refused what (`said`, from describeLoggedError). A hot attach
/// is done by HCS with HNS's endpoint: it is said to have failed, without blaming either unless the code
/// is HCS's; docker's remote network driver answered docker with the error it passed on.
std::string refusalSaid(const LoggedError& error, const std::string& said)
{
    const bool hcs = error.code && isHcsCode(*error.code);
    const bool hcnCode = error.code && isHcnCode(*error.code);
    if (!error.notRunBecause.empty())
        return "PowerShell did not run the command, so nothing was asked of HNS (" + error.notRunBecause +
               "): " + said;
    if (!error.found())
        return "the text says " + said + " (no error code shown)";
    // HNS's own answer with such a code: HNS could not reach a service it depends on.
    if (isUnreachableCode(error.code) && error.answer)
        return std::string(kHnsReportedAFailure) + said +
               " (a service HNS depends on could not be reached: not running, restarting or not answering)";
    if (isUnreachableCode(error.code))
        return "the service called could not be reached (not running, restarting or not answering), so "
               "nothing was refused: " +
               said;
    if (error.remoteDriver)
        return hcs ? "Docker's remote network driver passed on HCS's error (the compute system service, not "
                     "HNS): " +
                         said
                   : "Docker's remote network driver passed on HNS's error: " + said;
    if (error.answer)
        return std::string(kHnsReportedAFailure) + said;
    if (hcs || (error.hcsCall && !hcnCode))
        return "HCS (the compute system service, not HNS) refused a request: " + said;
    if (error.hcsCall)
        return "HCS failed a request with HNS's error: " + said;
    if (error.hotAttach)
        return said;
    if (error.podNetwork)
        return error.code ? said : said + " (the runtime's or its CNI plugin's words; no error code)";
    // WMI's codes (WBEM_E_...): HNS passed on what Hyper-V's VMMS answered it.
    if (error.code && (std::uint32_t(*error.code) & 0xFFFFF000u) == 0x80041000u &&
        !hresultName(*error.code).empty())
        return "HNS refused a request: " + said +
               " (a WMI error HNS passed on from Hyper-V's Virtual Machine Management service, VMMS)";
    return "HNS refused a request: " + said;
}

} // namespace

void reportLoggedRefusals(const std::vector<CleanedLine>& lines, const std::string& source,
                          std::vector<NamedRefusal>& named, std::vector<ImportMessage>& messages)
{
    const std::vector<LoggedRefusal> refusals = refusalsLoggedIn(lines);
    // The failures the report names, each once: the same error logged again (on the next line or
    // further on) adds its lines to the message naming it first.
    struct Said
    {
        std::size_t message; ///< index into messages
        std::vector<std::pair<int, int>> at;
        std::vector<std::pair<int, int>> cut = {}; ///< of `at`, the repeats the paste cut off
        std::string request = {};                  ///< LoggedError::request of the message's error
        std::string operation = {};                ///< the operation the message names, without details
        /// Of an HNS answer's message: the error the answer gives (NamedRefusal::error), what that says
        /// failed (NamedRefusal::operation) and the error without it; empty otherwise.
        std::string answerError = {};
        std::string answerOperation = {};
        std::string answerErrorAlone = {};
        bool besideQuotes = false; ///< in byError: a quote of its error with less operation joins it
        /// The error of the line that made the message (a log line's, not an answer's), and whether that
        /// line is a title (onTitle) no log record has joined.
        const LoggedError* error = nullptr;
        bool title = false;
    };
    std::map<std::string, Said> answered; // the error any of `named` gives -> the first naming it
    std::vector<std::size_t> answerMessages;
    std::map<std::string, Said> reported; // the error a log line states -> the message naming it
    std::map<std::string, std::vector<Said*>> byError; // the error without its operation -> reported's
    std::vector<std::size_t> repeats;     // messages of answers said again, to be left out
    const auto linesNamed = [](int first, int last) {
        return last > first ? "lines " + std::to_string(first) + "-" + std::to_string(last)
                            : "line " + std::to_string(first);
    };
    // The line of a source line number.
    const auto bySourceLine = [](const CleanedLine& a, const CleanedLine& b) {
        return a.sourceLine < b.sourceLine;
    };
    const bool inOrder = std::is_sorted(lines.begin(), lines.end(), bySourceLine);
    std::unordered_map<int, std::size_t> indexOfLine; // when the lines are not in order
    if (!inOrder)
        for (std::size_t i = 0; i < lines.size(); ++i)
            indexOfLine.emplace(lines[i].sourceLine, i);
    const auto lineAt = [&](int sourceLine) -> const CleanedLine* {
        if (!inOrder) {
            const auto found = indexOfLine.find(sourceLine);
            return found == indexOfLine.end() ? nullptr : &lines[found->second];
        }
        const auto it = std::lower_bound(lines.begin(), lines.end(), sourceLine,
                                         [](const CleanedLine& l, int n) { return l.sourceLine < n; });
        return it != lines.end() && it->sourceLine == sourceLine ? &*it : nullptr;
    };
    // Another occurrence of the failure a message says. A PowerShell error record repeats the message
    // thrown (`+ FullyQualifiedErrorId : <it>`) right after it: the same failure, no second one.
    const auto addOccurrence = [&](Said& said, std::pair<int, int> at) {
        const CleanedLine* line = lineAt(at.first);
        if (line != nullptr && isPowerShellErrorRecordLine(line->text) && !said.at.empty() &&
            at.first > said.at.back().second && at.first - said.at.back().second <= kMaxErrorRecordLines) {
            ImportMessage& m = messages[said.message];
            m.lastLine = std::max(m.lastLine, at.second);
            return;
        }
        said.at.push_back(at);
    };
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < named.size(); ++i)
        if (named[i].source == source)
            order.push_back(i);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return named[a].firstLine < named[b].firstLine; });
    // Lines whose error the report already names: a request logged with its error, an HNS answer that
    // says it failed.
    std::vector<std::pair<int, int>> taken;
    // The lines of each HNS answer that says it failed -> its last line and the answered failure naming it.
    std::map<int, std::pair<int, Said*>> answerAt;
    const auto noteAnswer = [&](const NamedRefusal& n, std::pair<int, int> span, Said& said) {
        if (n.answer && said.message == n.message) {
            said.answerError = sameErrorKey(n.error);
            said.answerOperation = n.operation;
            said.answerErrorAlone = sameErrorKey(n.errorWithoutOperation);
            answerAt.try_emplace(span.first, span.second, &said);
        }
    };
    const NamedRefusal* request = nullptr; // the last request HNS failed that names what it asks
    for (const std::size_t i : order) {
        NamedRefusal& n = named[i];
        const std::pair<int, int> span{n.firstLine, std::max(n.firstLine, n.lastLine)};
        taken.push_back(span);
        // HNS's answer printed right after the request it answers (hns.psm1's `Creating network with these
        // parameters: {...}` then ` -- HRESULT: 2147942452. Result: {"Success":false,...`): one failure,
        // a warning naming the request, with the error as the request's lines read it (a wrap cut the
        // answer's own message).
        if (n.answer && request && n.firstLine >= request->firstLine &&
            n.firstLine <= request->lastLine + 1) {
            ImportMessage& m = messages[request->message];
            m.severity = ImportSeverity::Warning;
            m.message = std::string(kHnsReportedAFailure) + request->request + " failed: " + request->error +
                        " (the request at " + linesNamed(request->firstLine, request->lastLine) +
                        ", its answer at " + linesNamed(n.firstLine, n.lastLine) +
                        "; the request is not an object HNS holds, not imported)";
            m.lastLine = std::max(m.lastLine, n.lastLine);
            repeats.push_back(n.message);
            n.message = request->message;
            noteAnswer(n, span,
                       answered.try_emplace(sameErrorKey(n.error), Said{n.message, {span}}).first->second);
            request = nullptr;
            continue;
        }
        if (!n.answer && !n.request.empty() && !n.error.empty())
            request = &n;
        if (n.error.empty())
            continue;
        const auto it = answered.find(sameErrorKey(n.error));
        if (it == answered.end()) {
            noteAnswer(n, span,
                       answered.emplace(sameErrorKey(n.error), Said{n.message, {span}}).first->second);
            if (n.answer)
                answerMessages.push_back(n.message);
        } else if (n.answer && std::find(answerMessages.begin(), answerMessages.end(), it->second.message) !=
                                   answerMessages.end()) {
            addOccurrence(it->second, span);
            repeats.push_back(n.message);
            n.message = it->second.message;
            noteAnswer(n, span, it->second);
        }
    }
    std::sort(taken.begin(), taken.end());
    std::map<int, int> merged; // disjoint: first line -> last line
    for (const auto& [first, last] : taken) {
        if (!merged.empty() && first <= std::prev(merged.end())->second)
            std::prev(merged.end())->second = std::max(std::prev(merged.end())->second, last);
        else
            merged.emplace(first, last);
    }
    const auto isTaken = [&](int first, int last) {
        const auto it = merged.upper_bound(last);
        return it != merged.begin() && std::prev(it)->second >= first;
    };
    // A failure a daemon logs and HNS's event log records too (the same verb, kind of object and code,
    // at most this many lines apart) is one failure: its message names both places.
    constexpr int kMaxLinesBetweenForms = 20;
    struct Form
    {
        std::size_t message;
        int first;
        int last;
        const LoggedError* error;
    };
    // Failures on a fatal log line: the program exited there.
    struct Fatal
    {
        int first;
        int last;
        std::string exited; ///< programExitedText
    };
    std::vector<Fatal> fatal;
    std::vector<Form> forms;                   // messages of failures whose verb and kind the log names
    std::map<std::size_t, std::string> alsoIn; // message -> where HNS's event log records it too
    // Whether an occurrence's first line opens a log record (klog, logrus, a date): one that does not,
    // beside one that does, quotes the failure (prose, an issue's title) and is said apart from the count.
    const auto opensRecord = [&](int sourceLine) {
        const CleanedLine* line = lineAt(sourceLine);
        return line != nullptr && (opensLogRecord(line->text) || opensHeaderlessKlogRecord(line->text));
    };
    // Of `said` (the same error), the one that `operation` quotes or that quotes it: one of the two
    // names the other's operation or more of it (word by word; hcsshim's bare `hnsCall` is less than any
    // step it served), and not both open a log record (two records are two events of a log).
    // Whether one of two operations (without their details) names the other or more of it, word by word;
    // hcsshim's bare `hnsCall` names less than the step it served (`create network`).
    const auto sameOperation = [](const std::string& one, const std::string& other) {
        const auto startsWords = [](std::string_view whole, std::string_view start) {
            return whole.starts_with(start) &&
                   (whole.size() == start.size() || start.empty() || whole[start.size()] == ' ');
        };
        return equalsIgnoreCase(one, "hnsCall") || equalsIgnoreCase(other, "hnsCall") ||
               startsWords(one, other) || startsWords(other, one);
    };
    const auto recordIn = [&](const Said& s) {
        return std::any_of(s.at.begin(), s.at.end(), [&](const auto& at) { return opensRecord(at.first); });
    };
    const auto quotedBeside = [&](const std::vector<Said*>& said, const std::string& operation,
                                  const std::string& asked, bool record) -> Said* {
        for (Said* s : said) {
            if (!asked.empty() && !s->request.empty() && asked != s->request)
                continue; // the same error of two requests the lines name: two failures
            if (!(record && recordIn(*s)) && sameOperation(operation, s->operation))
                return s;
        }
        return nullptr;
    };
    // Whether a failure stands on a title, one line opening no log record: a markdown heading (`# ...`) or
    // an issue's first line (no text above it).
    const auto onTitle = [&](const LoggedRefusal& refusal) {
        if (refusal.firstLine != refusal.lastLine || opensRecord(lines[refusal.firstLine].sourceLine))
            return false;
        return isMarkdownHeading(lines[refusal.firstLine].text) ||
               std::all_of(lines.begin(), lines.begin() + std::ptrdiff_t(refusal.firstLine),
                           [](const CleanedLine& l) { return trimBlanks(l.text).empty(); });
    };
    // Whether a title's error (`title`, no code of its own) quotes a log record's (`record`) with a slip of
    // the keys: the same operation or less of it, the same request if both name one, and the message but
    // for a letter or two (`The object already exits` for `The object already exists.`).
    const auto slippedQuote = [&](const LoggedError& title, const LoggedError& record) {
        if ((title.code && !(title.codeFromMessage && title.code == record.code)) ||
            !title.codeName.empty() || title.messageCut || record.messageCut ||
            !title.notRunBecause.empty() || !record.notRunBecause.empty())
            return false;
        if (!title.request.empty() && !record.request.empty() && title.request != record.request)
            return false;
        if (!sameOperation(withoutParentheses(title.operation), withoutParentheses(record.operation)))
            return false;
        const std::string quoted = slipKey(title.message);
        const std::string logged = slipKey(record.message);
        // A number is no slip: `port 8080` and `port 8081` are two failures.
        const auto digits = [](const std::string& text) {
            std::string out;
            std::copy_if(text.begin(), text.end(), std::back_inserter(out),
                         [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
            return out;
        };
        return quoted.size() >= kMinSlippedMessage && logged.size() >= kMinSlippedMessage &&
               digits(quoted) == digits(logged) && withinSlip(quoted, logged);
    };
    // Whether a title's error (`title`, no code of its own) quotes nothing of a failure's (`record`, its
    // code known) but the title in braces of its Windows message (`# ... HNS failed with error : Object
    // Exists` above docker's `... HNS failed with error : {Object Exists} An attempt was made ...`): the
    // same operation or less of it, and the same request if both name one.
    const auto quotesMessageTitle = [&](const LoggedError& title, const LoggedError& record) {
        if (title.code || !title.codeName.empty() || !record.code || !title.notRunBecause.empty() ||
            !record.notRunBecause.empty())
            return false;
        if (!title.request.empty() && !record.request.empty() && title.request != record.request)
            return false;
        return sameOperation(withoutParentheses(title.operation), withoutParentheses(record.operation)) &&
               isMessageTitleOf(title.message, record);
    };
    // An error as the failures are keyed (LoggedError::request and the operation's details left out), and
    // that without its operation.
    const auto plainError = [](const LoggedError& error) {
        LoggedError plain = error;
        plain.operation = withoutParentheses(plain.operation);
        plain.request.clear();
        plain.codeFromMessage = false;
        return plain;
    };
    const auto withoutOperation = [](LoggedError plain) {
        plain.operation.clear();
        return describeLoggedError(plain);
    };
    // An HNS answer that says it failed is a failure a quote of its error with less of its operation or
    // none (prose, an issue's title, a console's copy), before it or after it, joins, as it joins a log
    // record without an answer: the operation is the one its line logs (kube-proxy's
    // `err="hcnCreateLoadBalancer failed in Win32: ... {\"Success\":false,...}"`), else the one the
    // answer's error names.
    if (!answerAt.empty())
        for (const LoggedRefusal& refusal : refusals) {
            const int first = lines[refusal.firstLine].sourceLine;
            const int last = lines[refusal.lastLine].sourceLine;
            const auto at = answerAt.upper_bound(last);
            if (!refusal.error.found() || at == answerAt.begin() || std::prev(at)->second.first < first)
                continue;
            Said& answer = *std::prev(at)->second.second;
            const LoggedError plain = plainError(refusal.error);
            const std::string errorKey = withoutOperation(plain);
            if (answer.besideQuotes ||
                (answer.answerError != errorKey && answer.answerErrorAlone != errorKey))
                continue;
            answer.besideQuotes = true;
            answer.operation = plain.operation;
            answer.request = refusal.error.request;
            byError[errorKey].push_back(&answer);
        }
    for (auto& [error, answer] : answered) {
        if (answer.answerError.empty() || answer.besideQuotes)
            continue;
        // `<operation> failed: <code>, "<message>"` (describeLoggedError): an error that says what failed.
        const bool operationNamed = !answer.answerOperation.empty() && !answer.answerErrorAlone.empty();
        answer.besideQuotes = true;
        answer.operation = operationNamed ? withoutParentheses(answer.answerOperation) : std::string();
        byError[operationNamed ? answer.answerErrorAlone : answer.answerError].push_back(&answer);
    }
    for (const LoggedRefusal& refusal : refusals) {
        const int first = lines[refusal.firstLine].sourceLine;
        const int last = lines[refusal.lastLine].sourceLine;
        // An HNS answer that says it failed, on a line that names what was asked (`Failed to remove
        // HostComputeEndpoint web from HostComputeNameSpace <id>: hcnOpenNamespace failed in Win32: ...
        // {"Success":false,...}`): its message names the request, from the lines that name it.
        if (!refusal.error.request.empty()) {
            LoggedError unnamed = refusal.error;
            unnamed.request.clear();
            const std::string answerError = sameErrorKey(describeLoggedError(unnamed));
            for (NamedRefusal& n : named)
                if (n.answer && n.source == source && n.firstLine <= last &&
                    std::max(n.firstLine, n.lastLine) >= first && sameErrorKey(n.error) == answerError) {
                    ImportMessage& m = messages[n.message];
                    m.message = failedAnswerMessage(
                        {first, last, describeLoggedError(refusal.error), codeDescribed(refusal.error)});
                    m.firstLine = std::min(m.firstLine, first);
                    m.lastLine = std::max(m.lastLine, last);
                    n.firstLine = m.firstLine;
                    n.lastLine = m.lastLine;
                }
        }
        if (isTaken(first, last))
            continue;
        const std::string error = describeLoggedError(refusal.error);
        const auto nameOn = [&](std::size_t message) {
            named.push_back({source, first, last, error, message});
            named.back().code = codeDescribed(refusal.error);
        };
        // The error an HNS answer or a failed request's log line named, logged again without them (or
        // with an answer no reader could read): the same error.
        if (auto it = answered.find(sameErrorKey(error)); it != answered.end()) {
            addOccurrence(it->second, {first, last});
            nameOn(it->second.message);
            continue;
        }
        // A message the paste cut off whose whole text an earlier failure of the same operation logged:
        // that failure again.
        // A title holding only a Windows message's title in braces (`{Object Exists}`) quotes it, as below.
        const bool onlyMessageTitle =
            onTitle(refusal) &&
            messageTitleSize(trimBlanks(refusal.error.message)) == trimBlanks(refusal.error.message).size();
        if (refusal.error.messageCut && !refusal.error.code && !onlyMessageTitle) {
            // As the earlier ones are keyed: the operation without its details, not the request.
            const std::string plainOperation = withoutParentheses(refusal.error.operation);
            const std::string operation =
                plainOperation.empty() ? std::string() : plainOperation + " failed: ";
            const auto sameStart = [&](const std::string& said) {
                const std::size_t quote = said.find('"', operation.size());
                return said.starts_with(operation) && quote != std::string::npos &&
                       said.compare(quote + 1, refusal.error.message.size(), refusal.error.message) == 0 &&
                       said.size() > quote + 1 + refusal.error.message.size() &&
                       said[quote + 1 + refusal.error.message.size()] != '"';
            };
            Said* earlier = nullptr;
            for (std::map<std::string, Said>* said : {&answered, &reported})
                for (auto& [text, s] : *said)
                    if (!earlier && sameStart(text))
                        earlier = &s;
            if (earlier) {
                earlier->at.emplace_back(first, last);
                earlier->cut.emplace_back(first, last);
                nameOn(earlier->message);
                continue;
            }
        }
        // A failure in bare words (`HcnCreateNetwork failed`) is told apart from one logged with a code.
        // The same failure logged again with more detail of its operation (`create endpoint (network
        // <id>)`) is the same failure: the message takes the detailed wording.
        // So is the same error logged once without the request and once with it; the same error of two
        // requests the lines name is two failures.
        const bool codeless = !refusal.error.found();
        std::string said = refusalSaid(refusal.error, error);
        if (!refusal.command.empty())
            said +=
                " (the command at line " + std::to_string(refusal.commandLine) + ": " + refusal.command + ")";
        if (fatal.size() < kMaxRefusalMessages && isFatalLogLine(lines[refusal.firstLine].text))
            fatal.push_back({first, last,
                             programExitedText(programOfFatalLine(lines, refusal.firstLine, source), first)});
        if (!codeless && !refusal.error.verb.empty() && refusal.error.code) {
            const auto other = std::find_if(forms.begin(), forms.end(), [&](const Form& f) {
                return f.error->eventLog != refusal.error.eventLog && f.error->verb == refusal.error.verb &&
                       f.error->kind == refusal.error.kind && f.error->code == refusal.error.code &&
                       !alsoIn.contains(f.message) && first - f.last <= kMaxLinesBetweenForms &&
                       f.first - last <= kMaxLinesBetweenForms;
            });
            if (other != forms.end()) {
                const bool event = refusal.error.eventLog;
                if (!event) {
                    messages[other->message].message = said;
                    messages[other->message].firstLine = first;
                    messages[other->message].lastLine = last;
                }
                alsoIn[other->message] =
                    "; HNS's event log records it too, at " +
                    (event ? linesNamed(first, last) : linesNamed(other->first, other->last)) + ": " +
                    (event ? refusal.error : *other->error).operation;
                nameOn(other->message);
                continue;
            }
        }
        const LoggedError plain = plainError(refusal.error);
        std::string key = (codeless ? "\n" : "") + describeLoggedError(plain);
        if (auto it = reported.find(key); it != reported.end() && !it->second.request.empty() &&
                                          !refusal.error.request.empty() &&
                                          it->second.request != refusal.error.request)
            key += "\n" + refusal.error.request;
        // The same error quoted with less of its operation or none (an issue's title, prose) beside a log
        // record that names more of it (`hcsshim::CreateComputeSystem` and `... <id>`): one failure, in
        // the fuller wording.
        const std::string errorKey = codeless ? std::string() : withoutOperation(plain);
        if (!errorKey.empty() && !reported.contains(key))
            if (Said* quoted = quotedBeside(byError[errorKey], plain.operation, refusal.error.request,
                                            opensRecord(first))) {
                quoted->at.emplace_back(first, last);
                nameOn(quoted->message);
                // An HNS answer stays HNS's, with the operation the quote names when the answer's line
                // names none.
                if (plain.operation.size() > quoted->operation.size()) {
                    std::string& message = messages[quoted->message].message;
                    if (quoted->answerError.empty())
                        message = said;
                    else if (message == std::string(kHnsReportedAFailure) + quoted->answerError)
                        message = std::string(kHnsReportedAFailure) + error;
                    quoted->operation = plain.operation;
                }
                continue;
            }
        // A title quoting a log record's failure with a slip of the keys and no code of its own (an
        // issue's `# ... hnsCall Failed in Win32: The object already exits` above the record's `hnsCall
        // failed in Win32: The object already exists. (0x1392)`): one failure, in the record's words, the
        // title a quote of it. So is a title quoting only the title in braces of a failure's Windows message
        // (`Object Exists`, `{Object Exists}`), beside a log record or a line that opens none. A title that
        // quotes another failure, or a record another record, stays apart.
        if (!codeless && !reported.contains(key)) {
            const bool title = onTitle(refusal);
            const bool record = !title && opensRecord(first);
            const auto quotes = [&](const Said& s) {
                if (title)
                    return !s.title && ((recordIn(s) && slippedQuote(refusal.error, *s.error)) ||
                                        quotesMessageTitle(refusal.error, *s.error));
                return s.title && !recordIn(s) &&
                       ((record && slippedQuote(*s.error, refusal.error)) ||
                        quotesMessageTitle(*s.error, refusal.error));
            };
            auto near = reported.end();
            for (auto it = reported.begin(); it != reported.end(); ++it) {
                const Said& s = it->second;
                if (s.error != nullptr && (near == reported.end() || s.message < near->second.message) &&
                    quotes(s))
                    near = it;
            }
            if (near != reported.end() && title) {
                near->second.at.emplace_back(first, last);
                nameOn(near->second.message);
                continue;
            }
            if (near != reported.end()) {
                // The title's message takes the record's error, keyed as the record's.
                auto node = reported.extract(near);
                node.key() = key;
                Said& joined = reported.insert(std::move(node)).position->second;
                if (auto quotes = byError.find(withoutOperation(plainError(*joined.error)));
                    quotes != byError.end())
                    std::erase(quotes->second, &joined);
                if (!errorKey.empty())
                    byError[errorKey].push_back(&joined);
                joined.at.emplace_back(first, last);
                joined.request = refusal.error.request;
                joined.operation = plain.operation;
                joined.error = &refusal.error;
                joined.title = false;
                ImportMessage& m = messages[joined.message];
                m.severity = ImportSeverity::Warning;
                m.message = said;
                if (!refusal.error.verb.empty() && refusal.error.code)
                    forms.push_back({joined.message, first, last, &refusal.error});
                nameOn(joined.message);
                continue;
            }
        }
        if (auto it = reported.find(key); it != reported.end()) {
            it->second.at.emplace_back(first, last);
            nameOn(it->second.message);
            if (it->second.request.empty() && !refusal.error.request.empty()) {
                it->second.request = refusal.error.request;
                messages[it->second.message].message = said;
            } else if (const std::string& current = messages[it->second.message].message;
                       (sameErrorKey(said).size() > sameErrorKey(current).size() ||
                        (said.size() < current.size() && sameErrorKey(said) == sameErrorKey(current))) &&
                       (it->second.request.empty() || !refusal.error.request.empty()))
                // The longer wording (more of the operation), or the one that logs the code.
                messages[it->second.message].message = said;
            continue;
        }
        if (reported.size() >= kMaxRefusalMessages)
            continue;
        Said& added =
            reported
                .emplace(key,
                         Said{messages.size(), {{first, last}}, {}, refusal.error.request, plain.operation})
                .first->second;
        added.error = &refusal.error;
        added.title = onTitle(refusal);
        if (!errorKey.empty())
            byError[errorKey].push_back(&added);
        if (!refusal.error.verb.empty() && refusal.error.code)
            forms.push_back({messages.size(), first, last, &refusal.error});
        nameOn(messages.size());
        messages.push_back({codeless ? ImportSeverity::Info : ImportSeverity::Warning,
                            source,
                            first,
                            last,
                            ResourceKind::Invalid,
                            {},
                            said});
    }
    // An HNS answer a console wrap split over lines whose first line goes on from the line above it, the
    // start of the same record (`...] hcnCreateEndpoint failed, HNS an` then `swered: {"Success":false,
    // "Error":"The specified port already exists.",` and `"ErrorCode":2151350291}`): the step the record
    // names before the answer (read whole from its start) is what the answer failed, unless the answer's
    // own line names the operation and the record no request. A line above that is a record of its own (the
    // answer's line opens a log record, or the line is narrower than a console) names nothing of it. An
    // answer a failure read from those lines named already keeps its words.
    for (NamedRefusal& n : named) {
        const CleanedLine* line =
            n.answer && n.source == source && n.lastLine > n.firstLine ? lineAt(n.firstLine) : nullptr;
        if (line == nullptr || line == lines.data() || (line - 1)->sourceLine + 1 != line->sourceLine)
            continue;
        const std::size_t at = static_cast<std::size_t>(line - lines.data());
        if (consoleWrapEnd(lines, at - 1, kMaxWrapLines) <= at)
            continue;
        // The record's start: up from the line above while each line goes on from the one above it.
        std::size_t start = at - 1;
        while (start > 0 && at - start < kMaxWrapLines &&
               consoleWrapEnd(lines, start - 1, kMaxWrapLines) > start)
            --start;
        // The record up to the answer's opening brace (`{"Success":false`, escaped or not) on its first line.
        std::vector<std::pair<std::size_t, int>> joinedAt;
        std::string text = joinConsoleWrap(lines, start, at + 1, &joinedAt);
        std::size_t lineStart = text.size();
        for (const auto& [offset, sourceLine] : joinedAt)
            if (sourceLine == line->sourceLine)
                lineStart = std::min(lineStart, offset);
        const std::string lower = lowerCopy(text);
        const std::size_t success = lower.find("success", std::min(lineStart, lower.size()));
        const std::size_t brace =
            success == std::string::npos ? lower.find('{', lineStart) : lower.rfind('{', success);
        if (brace == std::string::npos || brace < lineStart)
            continue;
        text.resize(brace);
        LoggedError step;
        logged::nameRequestIn(text, step);
        const std::string what = step.request.empty()
                                     ? logged::operationOf(text, std::string_view(lower).substr(0, brace))
                                     : step.request;
        // `<operation> failed: <code>, "<message>"` (describeLoggedError): the operation the answer's own
        // line names (NamedRefusal::operation), and its error without it.
        const bool operationNamed = !n.operation.empty() && !n.errorWithoutOperation.empty();
        ImportMessage& m = messages[n.message];
        if (what.empty() || (operationNamed && step.request.empty()) ||
            m.message != failedAnswerMessage({n.firstLine, n.lastLine, n.error, n.code}))
            continue;
        const std::string& error = operationNamed ? n.errorWithoutOperation : n.error;
        m.message =
            failedAnswerMessage({lines[start].sourceLine, n.lastLine,
                                 error.empty() ? what + " failed" : what + " failed: " + error, n.code});
        m.firstLine = std::min(m.firstLine, lines[start].sourceLine);
        n.firstLine = m.firstLine;
    }
    // The failures of commands PowerShell did not run.
    std::set<int> notRunAt;
    for (const LoggedRefusal& refusal : refusals)
        if (!refusal.error.notRunBecause.empty())
            notRunAt.insert(lines[refusal.firstLine].sourceLine);
    for (NamedRefusal& n : named)
        n.notRun = n.notRun || (n.source == source && !n.answer && notRunAt.count(n.firstLine) != 0);
    // "...; setting up the network of pod web (CNI plugin win-bridge) failed with it": the steps on pods'
    // networks the failure's lines name, once for each message, unless the message is about one.
    // Else the step a structured log record's message says failed (kube-proxy's `"Source Vip endpoint
    // creation failed" err="hcnCreateEndpoint failed in Win32: ..."`), from the message's first line.
    // The line a console wrapped into the message's first line and the lines around it, read whole: the
    // run that holds it (an HNS answer the wrap split stands on the run's last lines); the line alone
    // when it is in none.
    // The pod step of a message on lines a console or an editor wrapped (lines of a console's width at
    // least, none opening a statement of its own or naming a pod's step alone: a record of its own): the
    // lines above its first line it goes on from, and its own lines (an HNS answer the wrap split). Read
    // joined as a console breaks lines (joinConsoleWrap), else at blanks, as an editor does.
    const auto podStepOfWrap = [&](const CleanedLine& line, int lastLine) {
        const std::size_t at = static_cast<std::size_t>(&line - lines.data());
        std::size_t end = at + 1;
        while (end < lines.size() && end - at < kMaxWrapLines && lines[end].sourceLine <= lastLine)
            ++end;
        std::size_t first = at;
        while (first > 0 && at - first < kMaxWrapLines &&
               codePointWidth(lines[first - 1].text) >= kMinConsoleLineWidth &&
               !opensStatement(lines[first].text) &&
               !logged::podNetworkStepIn(lines[first - 1].text, lowerCopy(lines[first - 1].text)))
            --first;
        std::optional<logged::PodNetworkStepSaid> step;
        if (first == at && end == at + 1)
            return step;
        const std::string console = joinConsoleWrap(lines, first, end);
        step = logged::podNetworkStepIn(console, lowerCopy(console));
        if (!step) {
            std::string words;
            for (std::size_t k = first; k < end; ++k)
                words += (k == first ? "" : " ") + std::string(trimBlanks(lines[k].text));
            step = logged::podNetworkStepIn(words, lowerCopy(words));
        }
        return step;
    };
    std::map<std::size_t, std::vector<logged::PodNetworkStepSaid>> podSteps;
    std::map<std::size_t, std::string> loggedAs;
    for (const NamedRefusal& n : named) {
        const CleanedLine* line = n.source == source ? lineAt(n.firstLine) : nullptr;
        if (line == nullptr || messages[n.message].message.find(" the network of ") != std::string::npos)
            continue;
        std::optional<logged::PodNetworkStepSaid> step =
            logged::podNetworkStepIn(line->text, lowerCopy(line->text));
        if (!step)
            step = podStepOfWrap(*line, n.lastLine);
        if (step)
            podSteps[n.message].push_back(std::move(*step));
        else if (std::string recorded = failedStepOfRecord(line->text);
                 !recorded.empty() && messages[n.message].message.find(recorded) == std::string::npos)
            loggedAs.try_emplace(n.message, std::move(recorded));
    }
    for (const auto& [message, steps] : podSteps)
        messages[message].message += "; " + logged::podNetworkStepsSaid(steps) + " failed with it";
    for (const auto& [message, step] : loggedAs)
        if (!podSteps.contains(message))
            messages[message].message += " (logged as \"" + step + "\")";
    // Whether the line at `at` quotes in a code span, whole, one of `earlier` (the trimmed texts of earlier
    // lines of the same failure): the text between two of its backticks is one of them.
    const auto quotesVerbatim = [&](std::pair<int, int> at, const std::set<std::string_view>& earlier) {
        const CleanedLine* line = at.first == at.second ? lineAt(at.first) : nullptr;
        if (line == nullptr || earlier.empty())
            return false;
        const std::string_view text = trimBlanks(line->text);
        for (std::size_t open = text.find('`'); open != std::string_view::npos;) {
            const std::size_t close = text.find('`', open + 1);
            if (close == std::string_view::npos)
                break;
            if (const std::string_view span = text.substr(open + 1, close - open - 1);
                !span.empty() && span != text && earlier.contains(span))
                return true;
            open = close;
        }
        return false;
    };
    for (const std::map<std::string, Said>* said : {&reported, &answered})
        for (const auto& [error, s] : *said) {
            if (s.at.size() < 2)
                continue;
            std::vector<std::pair<int, int>> records;
            std::vector<std::pair<int, int>> quoted;
            // A line that quotes an earlier one of them verbatim in a code span (WSL's bot: ``Debugging
            // information: `Detected user visible error: ...` ``) is that failure quoted again; else the
            // lines that open no log record, beside some that do, quote it.
            std::set<std::string_view> recordTexts;
            std::vector<std::pair<int, int>> occurrences = s.at; // in the order of the lines
            std::sort(occurrences.begin(), occurrences.end());
            for (const auto& at : occurrences) {
                if (quotesVerbatim(at, recordTexts)) {
                    quoted.push_back(at);
                    continue;
                }
                records.push_back(at);
                if (const CleanedLine* line = at.first == at.second ? lineAt(at.first) : nullptr)
                    if (const std::string_view text = trimBlanks(line->text); !text.empty())
                        recordTexts.insert(text);
            }
            // A line that holds HNS's answer is what a program logged, with its log record's header or
            // without it (an issue's paste that starts at klog's `proxier.go:1756] ...`).
            if (quoted.empty()) {
                records.clear();
                for (const auto& at : occurrences)
                    (opensRecord(at.first) || answerAt.contains(at.first) ? records : quoted).push_back(at);
            }
            if (s.cut.empty() && !records.empty() && !quoted.empty()) {
                // "... (also quoted at line 1)", at the first log record's lines.
                ImportMessage& m = messages[s.message];
                if (records.size() > 1)
                    m.message += " " + tables::timesAtLines(records);
                std::string where = tables::timesAtLines(quoted);
                where = where.substr(where.find(", ") + 2);
                where.pop_back();
                m.message += " (also quoted at " + where + ")";
                m.firstLine = records.front().first;
                m.lastLine = records.front().second;
                continue;
            }
            std::string times = tables::timesAtLines(s.at);
            if (!s.cut.empty()) {
                // "(3 times, lines 4-10; the one at line 10 is cut off)"
                std::string where;
                for (const auto& [first, last] : s.cut)
                    where += (where.empty() ? "" : ", ") + std::to_string(first) +
                             (last > first ? "-" + std::to_string(last) : std::string());
                times.pop_back();
                times += s.cut.size() == 1 ? "; the one at line " + where + " is cut off)"
                                           : "; the ones at lines " + where + " are cut off)";
            }
            messages[s.message].message += " " + times;
        }
    for (const auto& [message, where] : alsoIn)
        messages[message].message += where;
    // "...; antrea-agent exited at line 4 (a fatal log line)", once for each message, after its count.
    std::map<std::size_t, std::string> exited;
    for (const Fatal& f : fatal)
        for (const NamedRefusal& n : named)
            if (n.source == source && n.firstLine == f.first && n.lastLine == f.last) {
                exited.try_emplace(n.message, f.exited);
                break;
            }
    for (const auto& [message, text] : exited)
        messages[message].message += "; " + text;
    if (repeats.empty())
        return;
    // Each message an answer said again leaves; the indices into the list after it move up.
    std::sort(repeats.begin(), repeats.end());
    const auto movedTo = [&](std::size_t index) {
        return index - std::size_t(std::lower_bound(repeats.begin(), repeats.end(), index) - repeats.begin());
    };
    for (NamedRefusal& n : named)
        if (n.message >= repeats.front())
            n.message = movedTo(n.message);
    for (auto it = repeats.rbegin(); it != repeats.rend(); ++it)
        messages.erase(messages.begin() + static_cast<std::ptrdiff_t>(*it));
}

} // namespace hcn::io::detail
