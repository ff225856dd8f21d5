// The message of an error a log line states (see logged_error_message.h).

#include "io/logged_error_message.h"

#include "common/text.h"
#include "common/utf8.h"
#include "hcn/error_catalog.h"
#include "io/log_levels.h"
#include "io/logged_error_codes.h"
#include "io/logged_failed_steps.h"
#include "io/logged_words.h"
#include "io/markdown_emphasis.h"
#include "io/statement_lines.h"
#include "io/text_scan.h"
#include "io/wrapped_lines.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace hcn::io::logged {
namespace {

/// Whether `text` holds a letter: an ASCII one, or any character beyond ASCII (a Windows message in
/// Chinese, Japanese or Russian is letters too).
bool holdsWords(std::string_view text)
{
    return std::any_of(text.begin(), text.end(), [](char c) {
        return std::isalpha(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80;
    });
}

/// Words before a code that only lead to it (`hcnCreateLoadBalancer: HNS error`) are fewer than this.
constexpr long kMaxWordsLeadingToCode = 4;

/// `text` without a code logged before the message (`0x803b001c - The provided ...`, `(0x803b001c)`,
/// `HCN_E_INVALID_JSON_REFERENCE: ...`) and the separator after it.
std::string_view withoutLeadingCode(std::string_view text)
{
    std::size_t end = 0;
    const bool paren = text.starts_with('(');
    if (text.substr(paren).starts_with("0x")) {
        end = paren + 2;
        while (end < text.size() && hexDigit(text[end]) >= 0)
            ++end;
        if (paren && (end >= text.size() || text[end] != ')'))
            return text;
        end += paren;
    } else if (const std::string lower = lowerCopy(text.substr(0, 6));
               lower == "hcn_e_" || lower == "hns_e_" || lower == "gcn_e_") {
        while (end < text.size() && isLoggedWordChar(text[end]))
            ++end;
    }
    if (end == 0 ||
        (end < text.size() && text[end] != ' ' && text[end] != ':' && text[end] != ',' && text[end] != '-'))
        return text;
    while (end < text.size() &&
           (text[end] == ' ' || text[end] == ':' || text[end] == ',' || text[end] == '-'))
        ++end;
    return text.substr(end);
}

/// Whether `text` starts with the next key of a PowerShell hashtable after its `;` (` ErrorCode=`).
bool startsWithHashtableKey(std::string_view text)
{
    text = trimBlanks(text);
    std::size_t end = 0;
    while (end < text.size() && isLoggedWordChar(text[end]))
        ++end;
    return end > 0 && end < text.size() && text[end] == '=';
}

/// Whether `text` has a hex digit at `at`: `0x` before one starts a code, before a placeholder of the
/// message's (`0x%08lx`, FormatMessage's inserts left in) it does not.
bool hexDigitAt(std::string_view text, std::size_t at)
{
    return at < text.size() && hexDigit(text[at]) >= 0;
}

/// Whether `line` ends with a failure code in parentheses as hcsshim writes it after a message, `(0x22)`,
/// the closing quote of a log's message field and what follows it allowed (`(0x23e)" method=POST`).
bool endsWithParenthesizedCode(std::string_view line)
{
    const std::size_t open = line.rfind("(0x");
    if (open == std::string_view::npos)
        return false;
    std::size_t end = open + 3;
    while (end < line.size() && hexDigit(line[end]) >= 0)
        ++end;
    if (end == open + 3 || end - open - 3 > 8 || end >= line.size() || line[end] != ')')
        return false;
    const std::string_view after = trimBlanks(line.substr(end + 1));
    return after.empty() || after.starts_with('"') || after.starts_with("\\\"");
}

/// Where a sentence of `message` ends (after its `.`) whose text is the Windows message of a known code,
/// when more follows it (`The parameter is incorrect. Code to reproduce is below.`, containerd's status
/// after a colon: `... failed.: unknown`, a JSON string's escaped line break: `... not found.\n(extra info:
/// ...`, the writer's closing bracket: `(hnsCall failed in Win32: A network with this name already
/// exists.)`): the message is HNS's up to there, the rest is the writer's.
/// npos when none does.
std::size_t knownSentenceEnd(std::string_view message)
{
    for (std::size_t dot = message.find('.'); dot != std::string_view::npos; dot = message.find('.', dot + 1))
        if (dot + 1 < message.size() &&
            std::string_view(" :\\)]").find(message[dot + 1]) != std::string_view::npos &&
            hresultOfMessage(message.substr(0, dot + 1)))
            return dot + 1;
    return std::string_view::npos;
}

/// A capitalized text after a code without a full stop is a Windows message from this many words on
/// (`Zugriff verweigert`, `Acceso denegado`), unless it opens as the writer's words of when
/// (`After restart`).
constexpr std::size_t kMinWindowsMessageWords = 2;
constexpr std::string_view kWordsOfWhen[] = {"after", "again", "before", "during", "while", "when", "still",
                                             "then",  "twice", "once",   "on",     "since", "until"};

/// Whether `text` (what a log writes after a code) starts as a Windows message does: a capitalized
/// sentence (of at least kMinWindowsMessageWords words, or ending in its full stop), text in a script
/// beyond ASCII (a localized message), or a known code's message in any case. A lower-case word
/// (`again`, `on retry`) or a short capitalized phrase without a full stop (`After restart`) is the
/// writer's.
bool readsAsWindowsMessage(std::string_view text)
{
    text = trimBlanks(text);
    if (text.empty())
        return false;
    if (static_cast<unsigned char>(text.front()) >= 0x80 || hresultOfMessage(text))
        return true;
    if (!std::isupper(static_cast<unsigned char>(text.front())))
        return false;
    std::size_t end = 0;
    while (end < text.size() && text[end] != '(' && text[end] != '{' && text[end] != '"' && text[end] != '`')
        ++end;
    const std::string_view words = trimBlanks(text.substr(0, end));
    if (words.ends_with('.') || words.ends_with('!'))
        return true;
    const std::string firstWord = lowerCopy(words.substr(0, words.find(' ')));
    return std::count(words.begin(), words.end(), ' ') + 1 >= static_cast<long>(kMinWindowsMessageWords) &&
           std::find(std::begin(kWordsOfWhen), std::end(kWordsOfWhen), firstWord) == std::end(kWordsOfWhen);
}

} // namespace

std::size_t messageStart(std::string_view lower)
{
    if (const std::size_t at = lower.rfind("failed in win32:"); at != std::string_view::npos)
        return at + 16;
    if (std::size_t at = lower.rfind("hns failed with error"); at != std::string_view::npos) {
        at += 21;
        while (at < lower.size() && lower[at] == ' ')
            ++at;
        if (at < lower.size() && lower[at] == ':')
            return at + 1;
    }
    std::size_t start = std::string_view::npos;
    for (const std::string_view marker :
         {std::string_view("error\":\""), std::string_view("error\\\":\\\""), std::string_view("error:"),
          std::string_view("error :"), std::string_view("err="), std::string_view("error=")}) {
        for (std::size_t at = findWholeWord(lower, marker); at != std::string_view::npos && at < start;
             at = findWholeWord(lower, marker, at + 1)) {
            if (lower.substr(0, at).ends_with("rpc "))
                continue;
            if (start == std::string_view::npos || at + marker.size() < start)
                start = at + marker.size();
            break;
        }
    }
    return start;
}

std::optional<HResult> codeOfMessageStart(std::string_view start, bool midWord)
{
    const std::string shown = lowerCopy(trimBlanks(start));
    if (shown.size() < 8)
        return std::nullopt;
    std::optional<HResult> found;
    for (const HResult code : namedHResults()) {
        if (!failed(code))
            continue;
        for (const std::string_view message : hresultMessageTexts(code)) {
            const std::string known = lowerCopy(trimBlanks(message));
            if (known.size() <= shown.size() + 1 || !known.starts_with(shown))
                continue;
            // The next character starts a word, or goes on with the one the text ends in.
            const char next = known[shown.size()];
            if (next == ' ' || (midWord && std::isalpha(static_cast<unsigned char>(next)) &&
                                std::isalpha(static_cast<unsigned char>(shown.back())))) {
                if (found && *found != code)
                    return std::nullopt;
                found = code;
            }
        }
    }
    return found;
}

std::string messageFrom(std::string_view text, std::size_t start)
{
    const bool hashtable = text.substr(0, start).rfind("@{") != std::string_view::npos;
    std::string_view rest = text.substr(start);
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '"' || rest.front() == '\\' ||
                             rest.front() == '`' || isEmphasisMarker(rest.front())))
        rest.remove_prefix(1);
    if (const std::string_view afterCode = withoutLeadingCode(rest); afterCode.size() < rest.size()) {
        const bool setOff =
            rest.substr(0, rest.size() - afterCode.size()).find_first_of(":-") != std::string_view::npos;
        rest = afterCode;
        // Words in parentheses right after a code name it or gloss it (`0x803b0013
        // (HCN_E_PORT_ALREADY_EXISTS)`, `0x803b0013 (port 10256 is taken)`): HNS's message is never so.
        if (const std::size_t close = rest.find(')');
            rest.starts_with('(') && close != std::string_view::npos)
            rest = trimBlanks(rest.substr(close + 1));
        // A text after the code is HNS's message when it reads as one: quoted, set off by `:` or `-`, or a
        // Windows message (a capitalized sentence, one in another script, a known code's text). The
        // writer's words after it (`0x803b0013 again`, `on retry`, `After restart`) are none.
        if (rest.starts_with('"')) {
            const std::size_t close = rest.find('"', 1);
            // A quote the paste cut is the message as far as it goes.
            const std::string_view quoted =
                trimBlanks(close == std::string_view::npos ? rest.substr(1) : rest.substr(1, close - 1));
            return quoted.empty() ? std::string() : messageFrom(quoted, 0);
        }
        if (!setOff && !readsAsWindowsMessage(rest))
            return {};
    }
    std::size_t end = messageTitleSize(rest);
    for (; end < rest.size() && end < kMaxLoggedMessage; ++end) {
        const char c = rest[end];
        if (hashtable && (c == '}' || (c == ';' && startsWithHashtableKey(rest.substr(end + 1)))))
            break;
        if (c == '`' || (c == '[' && rest.find("](", end) != std::string_view::npos))
            break;
        // kubelet's next clause in its list of errors (`..., failed to clean up sandbox ...`).
        if (c == ',' && equalsIgnoreCase(rest.substr(end, kNextClause.size()), kNextClause))
            break;
        if (c == '{' || c == '"' || c == '\n' ||
            (c == '\\' && end + 1 < rest.size() && rest[end + 1] == '"') ||
            (c == '(' && rest.substr(end + 1, 2) == "0x" && hexDigitAt(rest, end + 3)) ||
            (c == '0' && rest.substr(end, 2) == "0x" && hexDigitAt(rest, end + 2) &&
             (end == 0 || rest[end - 1] == ' ')))
            break;
    }
    std::string_view message = trimBlanks(rest.substr(0, end));
    // `HNS failed with 0x803b0013 : element not found`: words before the code that lead to it (`with`,
    // `error`, `code`, `hresult`, `failed`), and a message after it set off by `:` or `-`, say the message
    // is the latter.
    const auto leadsToCode = [](std::string_view words) {
        const std::string last = lowerCopy(words.substr(std::min(words.size(), words.rfind(' ') + 1)));
        return last == "with" || last == "error" || last == "code" || last == "hresult" || last == "failed";
    };
    if (end < rest.size() && leadsToCode(message)) {
        const std::string_view code = rest.substr(end);
        const std::string_view after = withoutLeadingCode(code);
        const std::string_view separator = code.substr(0, code.size() - after.size());
        if (after.size() < code.size() && separator.find_first_of(":-") != std::string_view::npos &&
            !after.empty() && std::isalpha(static_cast<unsigned char>(after.front())))
            return messageFrom(after, 0);
    }
    bool shortened = false;
    if (end == kMaxLoggedMessage && end < rest.size()) {
        // Longer than kept: up to its last whole sentence, else its last whole word.
        const std::size_t sentence = message.rfind(". ");
        const std::size_t word = message.rfind(' ');
        if (sentence != std::string_view::npos)
            message = message.substr(0, sentence + 1);
        else if (word != std::string_view::npos) {
            message = trimBlanks(message.substr(0, word));
            shortened = true;
        }
    }
    while (!message.empty() && (message.back() == ',' || message.back() == ';' || message.back() == ':' ||
                                message.back() == '`' || isEmphasisMarker(message.back())))
        message = trimBlanks(message.substr(0, message.size() - 1));
    if (const std::size_t sentence = message.rfind(". ");
        sentence != std::string_view::npos && message.find(' ', sentence + 2) == std::string_view::npos)
        message = message.substr(0, sentence + 1);
    if (const std::size_t known = knownSentenceEnd(message); known != std::string_view::npos)
        message = message.substr(0, known);
    // A few words that only lead to the code after them (`HNS error 0x...`, `hcnCreateLoadBalancer: HNS
    // error 0x...`, `HRESULT 0x...`) are no message: the code's own is.
    if (end < rest.size() && leadsToCode(message) &&
        std::count(message.begin(), message.end(), ' ') < kMaxWordsLeadingToCode)
        return {};
    if (message.size() < 3 || !holdsWords(message) || parseHResult(message).ok())
        return {};
    return validUtf8(std::string(utf8Prefix(message, kMaxLoggedMessage))) + (shortened ? "..." : "");
}

LoggedError errorStatedAt(std::string_view text, std::size_t start)
{
    LoggedError error;
    error.message = messageFrom(text, start);
    std::size_t codeAt = 0;
    error.code = hexCode(text.substr(start), codeAt);
    codeFromMessageText(error);
    return error;
}

void codeFromMessageText(LoggedError& error)
{
    if (error.code || error.message.empty())
        return;
    error.code = hresultOfMessage(error.message);
    // A Go error chain (`failed to create the new HNSEndpoint: The network was not found.`) ends in the
    // innermost error: the Windows message it may be.
    if (const std::size_t link = error.message.rfind(": "); !error.code && link != std::string::npos)
        error.code = hresultOfMessage(std::string_view(error.message).substr(link + 2));
    error.codeFromMessage = error.code.has_value();
}

void withWindowsWording(LoggedError& error)
{
    if (!error.code || error.message.empty() || error.messageCut)
        return;
    if (const auto wording = hresultWordingOf(*error.code, error.message, WordingMatch::Whole))
        error.message = std::string(trimBlanks(*wording));
}

LoggedError readError(std::string_view text, bool stated)
{
    LoggedError error;
    std::string lower = lowerCopy(text);
    error.operation = operationOf(text, lower, &error);
    const std::size_t start = messageStart(lower);
    if (start != std::string::npos)
        error.message = messageFrom(text, start);
    // `Windows error: hcnOpenNetwork failed in Win32` (a title cut there): the words after `error:` say
    // what failed, no message of its.
    if (!error.operation.empty()) {
        const std::string said = lowerCopy(error.message);
        const std::string failed = lowerCopy(error.operation) + " failed";
        if (said == failed || said == failed + " in win32")
            error.message.clear();
    }
    if (stated) {
        if (start == std::string::npos)
            return error;
        text = text.substr(start);
        lower.erase(0, start);
    }
    std::size_t at = 0;
    error.code = hexCode(text, at);
    if (!error.code)
        error.code = decimalCode(lower);
    if (!error.code)
        error.code = namedCode(text, lower);
    return error;
}

std::size_t formatMessageEnd(const std::vector<CleanedLine>& lines, std::size_t first)
{
    const std::string_view line = trimBlanks(lines[first].text);
    // The message ends the line at a sentence's or a title's end (below): other lines, most of a dump's
    // (`"LastErrorCode": 0,`), are spared the reading.
    if (line.empty() || std::string_view(".}!?:").find(line.back()) == std::string_view::npos)
        return first + 1;
    const std::string lower = lowerCopy(line);
    const std::size_t start = messageStart(lower);
    std::size_t codeAt = 0;
    if (start == std::string::npos || hexCode(lower.substr(start), codeAt))
        return first + 1;
    // The message ends the line, at a sentence's or a title's end (`... in the drive.`, `{Application
    // Error}`): a line broken mid-word is a console's wrap.
    const std::string message = messageFrom(line, start);
    if (message.empty() || !line.ends_with(message) ||
        std::string_view(".}!?:").find(message.back()) == std::string_view::npos)
        return first + 1;
    for (std::size_t next = first + 1; next < lines.size() && next - first <= kMaxFormatMessageLines;
         ++next) {
        const std::string_view text = trimBlanks(lines[next].text);
        if (text.empty() || opensLogRecord(text) || isFenceLine(text) || isPromptLine(text) ||
            isCommandLine(text) || isPowerShellErrorRecordLine(text) || opensStatement(text))
            break;
        if (endsWithParenthesizedCode(text))
            return next + 1;
    }
    return first + 1;
}

std::string joinFormatMessage(const std::vector<CleanedLine>& lines, std::size_t first, std::size_t end)
{
    std::string joined(trimBlanks(lines[first].text));
    for (std::size_t next = first + 1; next < end; ++next)
        joined.append(" ").append(trimBlanks(lines[next].text));
    return joined;
}

std::optional<LoggedError> catalogMessageAfterError(std::string_view text, std::string_view lower)
{
    for (const std::string_view marker :
         {std::string_view("error:"), std::string_view("error is "), std::string_view("error :")}) {
        for (std::size_t at = findWholeWord(lower, marker); at != std::string_view::npos;
             at = findWholeWord(lower, marker, at + 1)) {
            std::string_view rest = trimBlanks(text.substr(at + marker.size()));
            // Quoted (`...`, '...', "..."): the text inside; else up to a log message's closing quote.
            if (!rest.empty() && (rest.front() == '`' || rest.front() == '\'' || rest.front() == '"')) {
                const std::size_t close = rest.find(rest.front(), 1);
                if (close == std::string_view::npos)
                    continue;
                rest = rest.substr(1, close - 1);
            } else {
                rest = rest.substr(0, rest.find('"'));
            }
            const std::optional<HResult> code = hresultOfMessage(rest);
            if (!code)
                continue;
            const bool hcnCode = isHcnCode(*code);
            if (!hcnCode && !namesHns(lower) && lower.find("hostcompute") == std::string_view::npos)
                continue;
            LoggedError error;
            error.code = code;
            error.codeFromMessage = true;
            error.message = std::string(trimBlanks(rest));
            withWindowsWording(error);
            return error;
        }
    }
    return std::nullopt;
}

namespace {

/// Where the error of a failed step starts, its words naming the object ending at lower[at]: after `: `
/// right there, or after the objects the step names (`failed to detach endpoint <id> from container
/// <id>: ...`, Azure CNI's `Failed to delete endpoint 1ab00986-eth0, err:...`), a few words without a
/// colon, quote, sentence's end or word going on with a sentence (kSentenceGoesOnWords); npos when no
/// error follows them. On a line of no log record (`logRecord` false: prose, `I failed to create endpoint
/// yesterday: ...`) the first of them must be a name as programs write one (a digit, `-`, `_` or `.` in
/// it) and they are fewer.
std::size_t catalogMessageOfStep(std::string_view lower, std::size_t at, bool logRecord)
{
    const std::size_t maxWords = logRecord ? 10 : 4;
    std::size_t words = 0;
    for (std::size_t i = at; i < lower.size() && words <= maxWords; ++i) {
        const char c = lower[i];
        if (c == ':')
            return i + 1 < lower.size() && lower[i + 1] == ' ' ? i + 2 : std::string_view::npos;
        if (c == ',') {
            const std::string_view next = lower.substr(i + 1);
            return next.starts_with(" err:")  ? i + 6
                   : next.starts_with("err:") ? i + 5
                                              : std::string_view::npos;
        }
        if (c == '"' || c == '`' || c == ';' || (c == '.' && (i + 1 == lower.size() || lower[i + 1] == ' ')))
            return std::string_view::npos;
        if (c != ' ')
            continue;
        const std::string_view word =
            lower.substr(i + 1, std::min(lower.find(' ', i + 1), lower.find(':', i + 1)) - i - 1);
        if (std::find(std::begin(kSentenceGoesOnWords), std::end(kSentenceGoesOnWords), word) !=
            std::end(kSentenceGoesOnWords))
            return std::string_view::npos;
        if (words++ == 0 && !logRecord && word.find_first_of("0123456789-_.") == std::string_view::npos)
            return std::string_view::npos;
    }
    return std::string_view::npos;
}

} // namespace

namespace {

/// win-bridge's step `error while ProvisionEndpoint(name,NETWORK-ID,container): <error>`, also without
/// its arguments and as Go quotes its parts (`error while ProvisionEndpoint" "<message>"`, `...
/// ProvisionEndpoint "<message>"`): the error when its code is logged or its text is a known code's
/// Windows message, also after win-bridge's own inner step `failed to create the new HNSEndpoint:`; the
/// endpoint create as what failed, with the endpoint and network its arguments name. None otherwise.
std::optional<LoggedError> provisionEndpointFailureIn(std::string_view text, std::string_view lower)
{
    constexpr std::string_view kStep = "provisionendpoint";
    const std::size_t call = lower.find(kStep);
    if (call == std::string_view::npos || (call > 0 && isLoggedWordChar(lower[call - 1])))
        return std::nullopt;
    std::size_t at = call + kStep.size();
    if (at < lower.size() && lower[at] == '(') {
        const std::size_t close = lower.find(')', at);
        if (close == std::string_view::npos || close - at > kMaxLoggedMessage)
            return std::nullopt;
        at = close + 1;
    }
    // `: `, or the quotes Go's `%q` puts around the step and its error (escaped in a log field).
    bool set = false;
    while (at < lower.size() &&
           (lower[at] == ' ' || lower[at] == ':' || lower[at] == '"' || lower[at] == '\\')) {
        set = set || lower[at] == ':' || lower[at] == '"';
        ++at;
    }
    if (!set || at >= lower.size())
        return std::nullopt;
    std::string_view rest = text.substr(at);
    rest = rest.substr(0, std::min(rest.find('"'), rest.size()));
    while (!rest.empty() && (rest.back() == '\\' || isBlank(rest.back())))
        rest.remove_suffix(1);
    LoggedError error = errorStatedAt(rest, 0);
    if (!error.code || error.message.empty())
        return std::nullopt;
    // A Go error chain inside the step: only win-bridge's endpoint create is the same step.
    if (const std::size_t link = error.message.rfind(": "); link != std::string::npos) {
        std::string inner = lowerCopy(std::string_view(error.message).substr(0, link));
        if (inner != "failed to create the new hnsendpoint")
            return std::nullopt;
        error.message.erase(0, link + 2);
    }
    withWindowsWording(error);
    error.operation = "create endpoint";
    const std::string network = networkNamedOn(text, lower);
    if (!network.empty())
        error.operation += " (network " + network + ")";
    if (const std::string endpoint = endpointProvisionedOn(text, lower); !endpoint.empty())
        error.request = "create endpoint " + endpoint + (network.empty() ? "" : " on network " + network);
    error.verb = "create";
    error.kind = ResourceKind::Endpoint;
    return error;
}

} // namespace

std::optional<LoggedError> stepFailedWithCatalogMessage(std::string_view text, std::string_view lower)
{
    if (std::optional<LoggedError> provision = provisionEndpointFailureIn(text, lower))
        return provision;
    static constexpr std::string_view kVerbs[] = {"attach", "detach", "create", "delete", "add", "remove"};
    for (std::size_t at = findWholeWord(lower, "failed to "); at != std::string_view::npos;
         at = findWholeWord(lower, "failed to ", at + 1)) {
        std::size_t p = at + 10;
        const auto verb = std::find_if(std::begin(kVerbs), std::end(kVerbs), [&](std::string_view v) {
            return lower.substr(p).starts_with(v) && lower.substr(p + v.size()).starts_with(' ');
        });
        if (verb == std::end(kVerbs))
            continue;
        p += verb->size() + 1;
        if (lower.substr(p).starts_with("hns "))
            p += 4;
        const auto kind =
            std::find_if(std::begin(kKindWords), std::end(kKindWords), [&](const KindSpelled& k) {
                return lower.substr(p).starts_with(k.text) &&
                       (lower.substr(p + k.text.size()).starts_with(": ") ||
                        lower.substr(p + k.text.size()).starts_with(' ') ||
                        lower.substr(p + k.text.size()).starts_with(','));
            });
        if (kind == std::end(kKindWords))
            continue;
        const std::size_t after = catalogMessageOfStep(
            lower, p + kind->text.size(), levelOfLine(text) != LogLevel::None || opensLogRecord(text));
        if (after == std::string_view::npos)
            continue;
        std::string_view rest = trimBlanks(text.substr(after));
        rest = rest.substr(0, std::min(rest.find('"'), rest.size()));
        const std::optional<HResult> code = hresultOfMessage(rest);
        if (!code)
            continue;
        LoggedError error;
        error.code = code;
        error.codeFromMessage = true;
        error.message = std::string(trimBlanks(rest));
        error.operation = std::string(*verb) + " " + std::string(resourceKindLabel(kind->kind));
        withWindowsWording(error);
        return error;
    }
    return std::nullopt;
}

namespace {

/// hcsshim's error of an operation on a compute system it names: `container 38d5975c... encountered an
/// error during CreateContainer: failure in a Windows system call: A connection could not be established
/// with the Virtual Machine hosting the Container. (0xc0370108)` (also `process`, and hcsshim's call as the
/// operation, `hcsshim::System::Start`).
std::optional<LoggedError> hcsshimSystemErrorIn(std::string_view text, std::string_view lower)
{
    constexpr std::string_view kDuring = " encountered an error during ";
    const std::size_t during = lower.find(kDuring);
    if (during == std::string_view::npos)
        return std::nullopt;
    // `container <id>` right before it.
    const std::size_t idStart = lower.rfind(' ', during - 1);
    const std::size_t wordStart = idStart == std::string_view::npos || idStart == 0
                                      ? std::string_view::npos
                                      : lower.rfind(' ', idStart - 1);
    const std::string_view word =
        lower.substr(wordStart == std::string_view::npos ? 0 : wordStart + 1,
                     idStart == std::string_view::npos
                         ? 0
                         : idStart - (wordStart == std::string_view::npos ? 0 : wordStart + 1));
    if (idStart == std::string_view::npos || (word != "container" && word != "process"))
        return std::nullopt;
    const std::string_view system = text.substr(idStart + 1, during - idStart - 1);
    const std::size_t opStart = during + kDuring.size();
    const std::size_t colon = text.find(": ", opStart);
    if (colon == std::string_view::npos)
        return std::nullopt;
    const std::string_view operation = text.substr(opStart, colon - opStart);
    if (operation.empty() || operation.find(' ') != std::string_view::npos)
        return std::nullopt;
    std::size_t start = colon + 2;
    constexpr std::string_view kSystemCall = "failure in a windows system call: ";
    if (lower.substr(start).starts_with(kSystemCall))
        start += kSystemCall.size();
    LoggedError error = errorStatedAt(text, start);
    if (!error.code || error.message.empty())
        return std::nullopt;
    withWindowsWording(error);
    error.hcsCall = true;
    error.operation = std::string(operation) + " of " + std::string(word) + " " + std::string(system);
    return error;
}

} // namespace

std::optional<LoggedError> hcsshimCallErrorIn(std::string_view text, std::string_view lower)
{
    if (std::optional<LoggedError> error = hcsshimSystemErrorIn(text, lower))
        return error;
    for (const std::string_view prefix : {std::string_view("hcsshim::"), std::string_view("hcs::")}) {
        for (std::size_t at = lower.find(prefix); at != std::string_view::npos;
             at = lower.find(prefix, at + 1)) {
            if (at > 0 && (isLoggedWordChar(lower[at - 1]) || lower[at - 1] == ':'))
                continue;
            // The call (`CreateComputeSystem`, `System::Start`), then the compute system's ID up to the colon
            // that ends the call's part.
            std::size_t end = at + prefix.size();
            while (end < text.size() && (isLoggedWordChar(text[end]) || text[end] == ':') &&
                   !(text[end] == ':' && (end + 1 == text.size() || text[end + 1] == ' ')))
                ++end;
            const std::string_view call = text.substr(at + prefix.size(), end - at - prefix.size());
            if (call.empty() || !std::isupper(static_cast<unsigned char>(call.front())))
                continue;
            const std::size_t colon = text.find(": ", end);
            if (colon == std::string_view::npos)
                continue;
            const std::string_view system = trimBlanks(text.substr(end, colon - end));
            if (system.find(' ') != std::string_view::npos)
                continue; // prose between the call and the colon: no error of hcsshim's
            LoggedError error = errorStatedAt(text, colon + 2);
            if (!error.code || error.message.empty())
                continue;
            withWindowsWording(error);
            error.hcsCall = true;
            error.operation = std::string(text.substr(at, prefix.size() + call.size())) +
                              (system.empty() ? "" : " ") + std::string(system);
            return error;
        }
    }
    return std::nullopt;
}

} // namespace hcn::io::logged
