// The error logged with a request HNS refused, read from the text around the request's document:
// hcsshim's `hcnCreateEndpoint failed in Win32: The object already exists. (0x1392)`, the event log's
// `Error: 0x803b0013`, an HNS envelope's `"Error":"...","ErrorCode":2151350291`.

#include "io/logged_error.h"

#include "common/text.h"
#include "common/utf8.h"
#include "hcn/error_catalog.h"
#include "hcn/guid.h"
#include "hcn/resource_kind.h"
#include "io/cmdlet_error_records.h"
#include "io/hns_event_records.h"
#include "io/json_repair.h"
#include "io/list_view_lines.h"
#include "io/logged_words.h"
#include "io/text_scan.h"
#include "io/wrapped_lines.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace hcn::io {
namespace {

/// A logged message is cut to this many bytes.
constexpr std::size_t kMaxLoggedMessage = 200;
/// HRESULT_FROM_WIN32: severity bit and FACILITY_WIN32.
constexpr std::uint32_t kFromWin32 = 0x80070000u;

bool isCodeChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

/// Markdown's emphasis markers (`**bold**`, `_italic_`, `~~struck~~`), which a paste puts around a
/// failure it points at: no part of its text.
bool isEmphasisMarker(char c)
{
    return c == '*' || c == '_' || c == '~';
}

/// A number as logged as a failure code. A Win32 error number (hcsshim prints the low 16 bits of a
/// FACILITY_WIN32 HRESULT: `(0x1392)`, `(0x57)`) becomes HRESULT_FROM_WIN32; other numbers without the
/// severity bit are no failure.
std::optional<HResult> failureCode(std::uint64_t value)
{
    if (value == 0 || value > 0xFFFFFFFFull)
        return std::nullopt;
    if (value <= 0xFFFF)
        return makeHResult(kFromWin32 | std::uint32_t(value));
    if (value & 0x80000000u)
        return makeHResult(std::uint32_t(value));
    return std::nullopt;
}

/// The first `0x` code standing alone in `text`, of 1 to 8 hex digits (a pointer, `0xc000512340`, has
/// more); `at` gets where it starts.
std::optional<HResult> hexCode(std::string_view text, std::size_t& at)
{
    for (std::size_t i = text.find("0x"); i != std::string_view::npos; i = text.find("0x", i + 2)) {
        if (i > 0 && isCodeChar(text[i - 1]))
            continue;
        std::uint64_t value = 0;
        std::size_t end = i + 2;
        for (; end < text.size() && end - i - 2 <= 8 && hexDigit(text[end]) >= 0; ++end)
            value = value * 16 + std::uint64_t(hexDigit(text[end]));
        const std::size_t digits = end - i - 2;
        if (digits == 0 || digits > 8 || (end < text.size() && isCodeChar(text[end])))
            continue;
        // `(0x803b` at the end: a code a wrap or a cut broke off is no code.
        if (i > 0 && text[i - 1] == '(' && (end >= text.size() || text[end] != ')'))
            continue;
        if (const std::optional<HResult> code = failureCode(value)) {
            at = i;
            return code;
        }
    }
    return std::nullopt;
}

/// The decimal code after a key (`":2151350291`, `=-2143617005`, `: 2147942452`) from `at` in `lower`.
std::optional<HResult> decimalCodeAfter(std::string_view lower, std::size_t at)
{
    while (at < lower.size() && (lower[at] == '"' || lower[at] == '\\' || lower[at] == ':' ||
                                 lower[at] == '=' || lower[at] == ' '))
        ++at;
    const bool negative = at < lower.size() && lower[at] == '-';
    at += negative;
    std::uint64_t value = 0;
    std::size_t digits = 0;
    for (; at < lower.size() && digits < 11 && std::isdigit(static_cast<unsigned char>(lower[at]));
         ++at, ++digits)
        value = value * 10 + std::uint64_t(lower[at] - '0');
    if (digits == 0 || digits > 10)
        return std::nullopt;
    if (negative)
        return value <= 0x80000000ull ? std::optional(static_cast<HResult>(-static_cast<std::int64_t>(value)))
                                      : std::nullopt;
    return value >= 0x80000000ull && value <= 0xFFFFFFFFull ? failureCode(value) : std::nullopt;
}

/// The decimal code after `key` (`errorcode`, `hresult`) in `lower`.
std::optional<HResult> decimalCodeAt(std::string_view lower, std::string_view key)
{
    const std::size_t at = lower.find(key);
    return at == std::string_view::npos ? std::nullopt : decimalCodeAfter(lower, at + key.size());
}

/// `"ErrorCode":2151350291`, `ErrorCode=-2143617005`: an HNS envelope's code in decimal.
std::optional<HResult> decimalCode(std::string_view lower)
{
    return decimalCodeAt(lower, "errorcode");
}

/// A failure code right after a word that says it is one (`HNS error: 0x80070057`, `HRESULT
/// 0x8007012F`, `hr=0x80070005`, `error code: 0x800706BA`, `ErrorCode: 2147942487`), in hex or in
/// decimal, with markdown emphasis around it allowed; none when no such word is followed by a failure
/// code.
std::optional<HResult> codeAfterCodeWord(std::string_view lower)
{
    static constexpr std::string_view kWords[] = {"hresult",   "hr",         "error code",
                                                  "errorcode", "error_code", "error"};
    for (const std::string_view word : kWords) {
        for (std::size_t at = lower.find(word); at != std::string_view::npos; at = lower.find(word, at + 1)) {
            if ((at > 0 && isCodeChar(lower[at - 1])) ||
                (at + word.size() < lower.size() && isCodeChar(lower[at + word.size()])))
                continue;
            std::size_t value = at + word.size();
            while (value < lower.size() &&
                   (lower[value] == ' ' || lower[value] == ':' || lower[value] == '=' ||
                    lower[value] == '"' || lower[value] == '\\' || lower[value] == '#' ||
                    isEmphasisMarker(lower[value])))
                ++value;
            if (value == at + word.size() || value >= lower.size())
                continue;
            if (lower.substr(value).starts_with("0x")) {
                std::size_t codeAt = 0;
                const std::string_view rest = lower.substr(value);
                if (const std::optional<HResult> code = hexCode(rest, codeAt); code && codeAt == 0)
                    return code;
            } else if (const std::optional<HResult> code = decimalCodeAfter(lower, value)) {
                return code;
            }
        }
    }
    return std::nullopt;
}

/// Whether `lower` names HNS or HCN as a word of its own or the start of one (`HNS error:`, `hns:`,
/// `hcnCreateEndpoint`, `HNS call`).
bool namesHns(std::string_view lower)
{
    for (const std::string_view name : {std::string_view("hns"), std::string_view("hcn")})
        for (std::size_t at = lower.find(name); at != std::string_view::npos; at = lower.find(name, at + 1))
            if (at == 0 || !isCodeChar(lower[at - 1]))
                return true;
    return false;
}

/// `HCN_E_PORT_ALREADY_EXISTS` (or HNS_E_..., GCN_E_...) written by name.
std::optional<HResult> namedCode(std::string_view text, std::string_view lower)
{
    for (const std::string_view prefix : {"hcn_e_", "gcn_e_", "hns_e_"}) {
        const std::size_t at = lower.find(prefix);
        if (at == std::string_view::npos || (at > 0 && isCodeChar(lower[at - 1])))
            continue;
        std::size_t end = at;
        while (end < text.size() && isCodeChar(text[end]))
            ++end;
        if (const Result<HResult> code = parseHResult(text.substr(at, end - at)); code.ok())
            return *code;
    }
    return std::nullopt;
}

/// Where a logged message starts: after hcsshim's `failed in Win32:`, else after `HNS failed with error
/// :` (the text HNS gave; what a daemon, a CNI plugin or gRPC's `rpc error: code = Unknown desc = ...`
/// chained before it is theirs), else after the first `Error:`, `error :`, `err=` or an envelope's
/// `"Error":"` that is no gRPC wrapper's `rpc error:`; npos when there is none.
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
        for (std::size_t at = lower.find(marker); at != std::string_view::npos && at < start;
             at = lower.find(marker, at + 1)) {
            if ((at > 0 && isCodeChar(lower[at - 1])) || lower.substr(0, at).ends_with("rpc "))
                continue;
            if (start == std::string_view::npos || at + marker.size() < start)
                start = at + marker.size();
            break;
        }
    }
    return start;
}

/// Whether `text` holds a letter: an ASCII one, or any character beyond ASCII (a Windows message in
/// Chinese, Japanese or Russian is letters too).
bool holdsWords(std::string_view text)
{
    return std::any_of(text.begin(), text.end(), [](char c) {
        return std::isalpha(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80;
    });
}

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
        while (end < text.size() && isCodeChar(text[end]))
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
    while (end < text.size() && isCodeChar(text[end]))
        ++end;
    return end > 0 && end < text.size() && text[end] == '=';
}

/// The one code whose Windows message (in any of its wordings) goes on after `start`, the start of a
/// message the paste cut off at a word's end; none when no code's or more than one code's does.
std::optional<HResult> codeOfMessageStart(std::string_view start)
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
            if (known.size() > shown.size() + 1 && known.starts_with(shown) && known[shown.size()] == ' ') {
                if (found && *found != code)
                    return std::nullopt;
                found = code;
            }
        }
    }
    return found;
}

/// Where a sentence of `message` ends (after its `.`) whose text is the Windows message of a known code,
/// when more follows it (`The parameter is incorrect. Code to reproduce is below.`): the message is HNS's
/// up to there, the rest is the writer's. npos when none does.
std::size_t knownSentenceEnd(std::string_view message)
{
    for (std::size_t dot = message.find(". "); dot != std::string_view::npos;
         dot = message.find(". ", dot + 1))
        if (hresultOfMessage(message.substr(0, dot + 1)))
            return dot + 1;
    return std::string_view::npos;
}

/// The message logged from `start` on: up to the code (`(0x`, `0x`), a document (`{`), a closing quote
/// or the line's end, at most kMaxLoggedMessage bytes; in a PowerShell hashtable (`@{Error=...;
/// ErrorCode=...}`) up to the next key or its `}`. A word after its last sentence (klog's next key,
/// `... was not found. spewConfig`) is not part of it, nor a markdown code span's backticks around it and
/// what follows the span, nor a markdown link (`[here](https://...)`), nor the sentences after the first
/// when the first is the Windows message of a known code (the writer's prose goes on after HNS's text).
std::string messageFrom(std::string_view text, std::size_t start)
{
    const bool hashtable = text.substr(0, start).rfind("@{") != std::string_view::npos;
    std::string_view rest = text.substr(start);
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '"' || rest.front() == '\\' ||
                             rest.front() == '`' || isEmphasisMarker(rest.front())))
        rest.remove_prefix(1);
    rest = withoutLeadingCode(rest);
    std::size_t end = messageTitleSize(rest);
    for (; end < rest.size() && end < kMaxLoggedMessage; ++end) {
        const char c = rest[end];
        if (hashtable && (c == '}' || (c == ';' && startsWithHashtableKey(rest.substr(end + 1)))))
            break;
        if (c == '`' || (c == '[' && rest.find("](", end) != std::string_view::npos))
            break;
        if (c == '{' || c == '"' || c == '\n' ||
            (c == '\\' && end + 1 < rest.size() && rest[end + 1] == '"') ||
            (c == '(' && rest.substr(end + 1, 2) == "0x") ||
            (c == '0' && rest.substr(end, 2) == "0x" && (end == 0 || rest[end - 1] == ' ')))
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
    if (message.size() < 3 || !holdsWords(message) || parseHResult(message).ok())
        return {};
    return validUtf8(std::string(utf8Prefix(message, kMaxLoggedMessage))) + (shortened ? "..." : "");
}

/// The error a log states from `start` in `text`: its message, and its code (a hexadecimal code in it,
/// else the code of the Windows message it is); no code when neither gives one.
LoggedError errorStatedAt(std::string_view text, std::size_t start)
{
    LoggedError error;
    error.message = messageFrom(text, start);
    std::size_t codeAt = 0;
    error.code = hexCode(text.substr(start), codeAt);
    if (!error.code)
        error.code = hresultOfMessage(error.message);
    return error;
}

/// An HNS call named as HNS and its clients log it: `HNSCall Method POST Path /endpoints`, `Method[POST]
/// Path[/networks]`, `method=POST path=/endpoints`: "HNS call POST /endpoints"; empty when none.
std::string hnsCallOf(std::string_view text, std::string_view lower)
{
    const auto wordAt = [&](std::string_view key,
                            std::size_t from) -> std::pair<std::size_t, std::string_view> {
        for (std::size_t at = lower.find(key, from); at != std::string_view::npos;
             at = lower.find(key, at + 1)) {
            if (at > 0 && isCodeChar(lower[at - 1]))
                continue;
            std::size_t begin = at + key.size();
            while (begin < text.size() && (text[begin] == ' ' || text[begin] == '[' || text[begin] == '=' ||
                                           text[begin] == ':' || text[begin] == '"'))
                ++begin;
            std::size_t end = begin;
            while (end < text.size() && text[end] != ' ' && text[end] != ']' && text[end] != ',' &&
                   text[end] != '"' && text[end] != ';')
                ++end;
            if (begin == at + key.size() || end == begin)
                continue;
            return {end, text.substr(begin, end - begin)};
        }
        return {std::string_view::npos, {}};
    };
    const auto [afterMethod, method] = wordAt("method", 0);
    if (method.empty() || !std::all_of(method.begin(), method.end(), [](char c) {
            return std::isalpha(static_cast<unsigned char>(c)) != 0;
        }))
        return {};
    const std::string_view path = wordAt("path", afterMethod).second;
    if (!path.starts_with('/'))
        return {};
    std::string verb(method);
    for (char& c : verb)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return "HNS call " + verb + " " + std::string(path);
}

/// The step a daemon names before `HNS failed with error` (docker's `failed to create endpoint web on
/// network nat: HNS failed with error : ...`, `Error creating default network: HNS failed ...`): the
/// last `: `-separated part before it, without its `failed to ` or `Error ` lead. Empty when that part
/// The verb and the kind of object of a step a log names (`creating default network`, `create endpoint
/// web on network nat`): its first word as a verb (`creating` as "create") and the first kind word after
/// it (LoggedError::verb, LoggedError::kind); nothing when the step starts with no verb of HNS's
/// operations or names no kind.
void verbAndKindOf(std::string_view step, LoggedError& into)
{
    static constexpr std::pair<std::string_view, std::string_view> kVerbs[] = {
        {"create", "create"}, {"creating", "create"},  {"delete", "delete"}, {"deleting", "delete"},
        {"remove", "remove"}, {"removing", "remove"},  {"modify", "modify"}, {"modifying", "modify"},
        {"update", "update"}, {"updating", "update"},  {"attach", "attach"}, {"attaching", "attach"},
        {"detach", "detach"}, {"detaching", "detach"}, {"add", "add"},       {"adding", "add"}};
    const std::string lower = lowerCopy(trimBlanks(step));
    const std::string_view first = std::string_view(lower).substr(0, lower.find(' '));
    const auto verb =
        std::find_if(std::begin(kVerbs), std::end(kVerbs), [&](const auto& v) { return v.first == first; });
    if (verb == std::end(kVerbs))
        return;
    for (std::size_t at = first.size(); at < lower.size(); ++at) {
        if (logged::isLoggedWordChar(lower[at - 1]))
            continue;
        for (const logged::KindSpelled& word : logged::kKindWords)
            if (std::string_view(lower).substr(at).starts_with(word.text) &&
                (at + word.text.size() == lower.size() ||
                 !logged::isLoggedWordChar(lower[at + word.text.size()]))) {
                into.verb = verb->second;
                into.kind = word.kind;
                return;
            }
    }
}

/// names no step (`Error response from daemon`, a log's prefix). `into`, when given, gets whether
/// docker's remote network driver passed the error on (`...: remote: HNS failed ...`) and the step's verb
/// and kind of object.
std::string daemonStepOf(std::string_view text, std::string_view lower, LoggedError* into = nullptr)
{
    std::size_t end = lower.find("hns failed with error");
    if (end == std::string_view::npos)
        return {};
    while (end > 0 && text[end - 1] == ' ')
        --end;
    if (end == 0 || text[end - 1] != ':')
        return {};
    --end;
    std::size_t colon = lower.substr(0, end).rfind(": ");
    // `failed to create endpoint web on network azure: remote: HNS failed ...`: docker's remote network
    // driver passed the error on; the step is the part before its `remote`.
    bool remote = false;
    if (colon != std::string_view::npos && trimBlanks(lower.substr(colon + 2, end - colon - 2)) == "remote") {
        remote = true;
        end = colon;
        colon = lower.substr(0, end).rfind(": ");
    }
    std::size_t start = colon == std::string_view::npos ? 0 : colon + 2;
    while (start < end && text[start] == ' ')
        ++start;
    const std::string_view part = lower.substr(start, end - start);
    if (part.starts_with("error response from daemon"))
        return {};
    for (const std::string_view lead : {"failed to ", "error "}) {
        if (!part.starts_with(lead))
            continue;
        const std::string_view step = trimBlanks(text.substr(start + lead.size(), end - start - lead.size()));
        if (step.empty() || step.size() > kMaxLoggedMessage)
            return {};
        if (into) {
            into->remoteDriver = remote;
            verbAndKindOf(step, *into);
        }
        return std::string(step);
    }
    return {};
}

/// What an object path of HNS's REST API (`/endpoints/`, `/namespaces/ID/addresource`) names: the kind
/// in the report's words; empty for another path.
std::string_view restKind(std::string_view segment)
{
    static constexpr std::pair<std::string_view, std::string_view> kKinds[] = {
        {"endpoints", "endpoint"},
        {"networks", "network"},
        {"namespaces", "namespace"},
        {"policylists", "load balancer"},
        {"loadbalancers", "load balancer"}};
    for (const auto& [path, kind] : kKinds)
        if (segment == path)
            return kind;
    return {};
}

/// What hcsshim's `hnsCall` did, as the line says it: its request (`[POST]=>[/endpoints/]` gives "create
/// endpoint", `[DELETE]=>[/endpoints/ID]` "delete endpoint ID") or the step its caller names before it
/// (`failed to create the new HNSEndpoint: hnsCall failed ...` gives "create endpoint"); empty when the
/// line says neither.
std::string hnsCallPurpose(std::string_view text, std::string_view lower)
{
    if (const std::size_t arrow = lower.find("]=>[/"); arrow != std::string_view::npos) {
        const std::size_t open = lower.rfind('[', arrow);
        const std::size_t close = lower.find(']', arrow + 4);
        if (open != std::string_view::npos && close != std::string_view::npos) {
            const std::string_view method = lower.substr(open + 1, arrow - open - 1);
            std::string_view path = text.substr(arrow + 5, close - arrow - 5);
            const std::size_t slash = path.find('/');
            const std::string kindPath = lowerCopy(path.substr(0, slash));
            const std::string_view kind = restKind(kindPath);
            std::string_view id =
                slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
            id = id.substr(0, id.find('/'));
            const bool more =
                slash != std::string_view::npos && path.substr(slash + 1).find('/') != std::string_view::npos;
            std::string verb;
            if (method == "post")
                verb = id.empty() ? "create" : "modify";
            else if (method == "delete")
                verb = "delete";
            else if (method == "get")
                verb = "query";
            if (!kind.empty() && !verb.empty())
                return verb + " " + std::string(kind) + (id.empty() || more ? "" : " " + std::string(id));
        }
    }
    const std::size_t call = lower.find("hnscall");
    const std::size_t failedTo = lower.substr(0, call).rfind("failed to ");
    if (call == std::string_view::npos || failedTo == std::string_view::npos)
        return {};
    const std::size_t stepEnd = std::min(lower.find(':', failedTo), call);
    const std::string_view step = lower.substr(failedTo + 10, stepEnd - failedTo - 10);
    static constexpr std::string_view kVerbs[] = {"create", "delete", "update", "modify", "attach",
                                                  "detach", "add",    "remove", "get",    "query"};
    std::string_view verb;
    for (const std::string_view v : kVerbs)
        if (step.starts_with(v) && (step.size() == v.size() || step[v.size()] == ' '))
            verb = v;
    std::string_view kind;
    for (const logged::KindSpelled& word : logged::kKindWords)
        if (step.find(word.text) != std::string_view::npos) {
            kind = resourceKindLabel(word.kind);
            break;
        }
    return verb.empty() || kind.empty() ? std::string() : std::string(verb) + " " + std::string(kind);
}

/// The HNS network a failed endpoint create names on its line: the second argument of win-bridge's
/// `ProvisionEndpoint(name,NETWORK-ID,container)`, or an ID right after `network`, `network ID`,
/// `networkId=`; empty when none.
std::string networkNamedOn(std::string_view text, std::string_view lower)
{
    if (const std::size_t call = lower.find("provisionendpoint("); call != std::string_view::npos) {
        const std::size_t comma = lower.find(',', call);
        if (comma != std::string_view::npos && logged::findLoggedGuid(text, comma + 1) == comma + 1)
            return std::string(text.substr(comma + 1, 36));
    }
    for (std::size_t at = lower.find("network"); at != std::string_view::npos;
         at = lower.find("network", at + 1)) {
        if (at > 0 && isCodeChar(lower[at - 1]))
            continue;
        std::size_t id = at + 7;
        if (lower.substr(id).starts_with("id"))
            id += 2;
        while (id < lower.size() && (lower[id] == ' ' || lower[id] == '=' || lower[id] == ':' ||
                                     lower[id] == '"' || lower[id] == '\\' || lower[id] == '{'))
            ++id;
        if (id - at <= 16 && logged::findLoggedGuid(text, id) == id)
            return std::string(text.substr(id, 36));
    }
    return {};
}

/// What failed, as the log names it (LoggedError::operation): the title of hcsshim's `... failed in
/// Win32:` (`hcnCreateLoadBalancer`, `hnsCall`), an HNS call, the step a daemon names before `HNS
/// failed with error`, else an HCN or HNS function named in `text` (`hcnModifyNetwork`); empty when none
/// is. `into`, when given, gets what the daemon's step says besides (daemonStepOf).
std::string operationOf(std::string_view text, std::string_view lower, LoggedError* into = nullptr)
{
    if (std::size_t end = lower.rfind("failed in win32:"); end != std::string_view::npos) {
        while (end > 0 && text[end - 1] == ' ')
            --end;
        std::size_t start = end;
        while (start > 0 && isCodeChar(text[start - 1]))
            --start;
        if (start < end)
            return std::string(text.substr(start, end - start));
    }
    if (std::string call = hnsCallOf(text, lower); !call.empty())
        return call;
    if (std::string step = daemonStepOf(text, lower, into); !step.empty())
        return step;
    // A function's name says what it does (`hnsConfigBytes`, a logged field, is none).
    static constexpr std::string_view kVerbs[] = {"Call",  "Create", "Modify",    "Delete", "Open",
                                                  "Close", "Query",  "Enumerate", "Get",    "Set",
                                                  "Add",   "Remove", "Update",    "Attach", "Detach"};
    for (std::size_t at = 0; at + 4 < text.size(); ++at) {
        const std::string_view word = text.substr(at);
        const std::string_view lowerWord = lower.substr(at);
        if ((at > 0 && isCodeChar(text[at - 1])) ||
            !(lowerWord.starts_with("hcn") || lowerWord.starts_with("hns")) ||
            std::none_of(std::begin(kVerbs), std::end(kVerbs),
                         [&](std::string_view verb) { return word.substr(3).starts_with(verb); }))
            continue;
        std::size_t end = at;
        while (end < text.size() && isCodeChar(text[end]))
            ++end;
        return std::string(text.substr(at, end - at));
    }
    return {};
}

/// The code and message in `text`; with `stated`, only those after a message's start (`failed in
/// Win32:`, `Error:`): the text logged before a document holds other numbers too.
LoggedError readError(std::string_view text, bool stated)
{
    LoggedError error;
    std::string lower = lowerCopy(text);
    error.operation = operationOf(text, lower, &error);
    const std::size_t start = messageStart(lower);
    if (start != std::string::npos)
        error.message = messageFrom(text, start);
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

/// Whether a line starts with an error: `Error: ...`, `HRESULT 0x...`, `hcnCreateEndpoint failed in
/// Win32: ...`; the line after a request's document states its error only so.
bool startsWithError(std::string_view line)
{
    const std::string lower = lowerCopy(trimBlanks(line));
    for (const std::string_view lead : {"error", "hresult", "hr ", "hr=", "hr:", "0x", "(0x", "win32"})
        if (std::string_view(lower).starts_with(lead))
            return true;
    const std::size_t blank = lower.find(' ');
    return blank != std::string::npos &&
           std::string_view(lower).substr(blank).starts_with(" failed in win32:");
}

/// Whether `lower` (lower case) may state an HNS refusal as refusalIn takes one: it names an HNS or HCN
/// function (`hcnCreateEndpoint`, `hnsCall`), says `HNS failed with error`, or holds a code of HNS's
/// facility (`0x803b....`, decimal `2151......` or `-2143......`, `HCN_E_...`). A cheap test that spares
/// the full reading on the many lines that only name a field (`LastErrorCode`).
bool mayStateHnsRefusal(std::string_view lower)
{
    for (const std::string_view mark : {"hns", "hcn", "803b", "2151", "-2143"})
        if (lower.find(mark) != std::string_view::npos)
            return true;
    return false;
}

/// A wrapped log line is read whole from at most this many lines.
constexpr std::size_t kMaxRefusalLines = 16;

/// A message that is one of its code's wordings (hresultMessageTexts) but for a missing final period, the
/// case or blanks: that wording as Windows spells it, so the same error logged in both spellings is one.
/// The words stay the log's: an older Windows' wording is not replaced by today's.
void withWindowsWording(LoggedError& error)
{
    if (!error.code || error.message.empty() || error.messageCut)
        return;
    const std::string key = messageMatchKey(error.message);
    for (const std::string_view wording : hresultMessageTexts(*error.code))
        if (messageMatchKey(wording) == key) {
            error.message = std::string(trimBlanks(wording));
            return;
        }
}

/// HNS's error as prose quotes it, `HNS error: <a known code's Windows message>` (`... returns HNS error:
/// The parameter is incorrect and rejects the creation of the services.`): that code and its message, the
/// longest start of the text after `HNS error:` that ends at a word's end and is the Windows message of a
/// code the project names (hresultOfMessage). None when the text starts with no such message.
std::optional<LoggedError> hnsErrorTextIn(std::string_view text, std::string_view lower)
{
    constexpr std::string_view kLead = "hns error:";
    const std::size_t at = lower.find(kLead);
    if (at == std::string_view::npos || (at > 0 && isCodeChar(lower[at - 1])))
        return std::nullopt;
    std::string_view rest = trimBlanks(text.substr(at + kLead.size()));
    rest = rest.substr(0, std::min(rest.size(), kMaxLoggedMessage));
    for (std::size_t end = rest.size(); end > 0; --end) {
        if ((end < rest.size() && isCodeChar(rest[end])) ||
            !(isCodeChar(rest[end - 1]) || rest[end - 1] == '.'))
            continue;
        if (const std::optional<HResult> code = hresultOfMessage(rest.substr(0, end))) {
            LoggedError error;
            error.code = code;
            error.message = std::string(trimBlanks(hresultMessage(*code)));
            return error;
        }
    }
    return std::nullopt;
}

/// The error `text` (one log line, `lower` its lower case) states about a request HNS refused, when it
/// states one (refusalsLoggedIn).
std::optional<LoggedError> refusalIn(std::string_view text, std::string_view lower)
{
    const auto has = [&](std::string_view word) { return lower.find(word) != std::string_view::npos; };
    // A code after a word that says it is one, on a line naming HNS: HNS's failure, words of failure
    // or not (`hns: create endpoint returned HRESULT 0x8007012F`).
    const bool codeStated = namesHns(lower) && codeAfterCodeWord(lower).has_value();
    const bool failure = has("fail") || has("error") || codeStated;
    if (!failure || !mayStateHnsRefusal(lower))
        return std::nullopt;
    LoggedError error = readError(text, false);
    if (!error.found())
        return std::nullopt;
    // hcsshim's `... failed in Win32:` names HNS's functions (`hcnCreateEndpoint`, `hnsCall`) and HCS's
    // (`hcsCreateComputeSystem`): only the former are HNS's refusals.
    const std::string operation = lowerCopy(error.operation);
    const bool hnsOperation = operation.starts_with("hcn") || operation.starts_with("hns");
    const bool hcnCode = error.code && (static_cast<std::uint32_t>(*error.code) & 0xFFFF0000u) == 0x803B0000u;
    if (has("failed in win32:") ? !hnsOperation
                                : !(has("hns failed with error") || hnsOperation || hcnCode || codeStated))
        return hnsErrorTextIn(text, lower);
    if (!error.code)
        error.code = hresultOfMessage(error.message);
    withWindowsWording(error);
    // hcsshim's `hnsCall` names no request: what it did, and the network an endpoint was for.
    if (operation == "hnscall")
        if (std::string purpose = hnsCallPurpose(text, lower); !purpose.empty()) {
            error.operation = std::move(purpose);
            if (error.operation == "create endpoint")
                if (const std::string network = networkNamedOn(text, lower); !network.empty())
                    error.operation += " (network " + network + ")";
        }
    return error;
}

/// docker's failure to create an endpoint with an error that is not HNS's own words (`failed to create
/// endpoint iis01 on network azure: remote: A Compute System with the specified identifier does not
/// exist.`; `remote:` when a remote network driver, a plugin, answered): the step, and the error when
/// its code is logged or its text is a known code's Windows message. Lines with `HNS failed with error`
/// or hcsshim's `failed in Win32:` are refusalIn's.
std::optional<LoggedError> dockerEndpointFailureIn(std::string_view text, std::string_view lower)
{
    const std::size_t at = lower.find("failed to create endpoint ");
    if (at == std::string_view::npos || lower.find("hns failed with error") != std::string_view::npos ||
        lower.find("failed in win32:") != std::string_view::npos)
        return std::nullopt;
    const std::size_t on = lower.find(" on network ", at);
    const std::size_t colon = on == std::string_view::npos ? on : lower.find(": ", on);
    if (colon == std::string_view::npos)
        return std::nullopt;
    std::size_t start = colon + 2;
    while (start < lower.size() && lower[start] == ' ')
        ++start;
    const bool remote = lower.substr(start).starts_with("remote: ");
    if (remote)
        start += 8;
    LoggedError error = errorStatedAt(text, start);
    if (!error.code || error.message.empty())
        return std::nullopt;
    withWindowsWording(error);
    error.operation = std::string(trimBlanks(text.substr(at + 10, colon - at - 10)));
    error.remoteDriver = remote;
    verbAndKindOf(error.operation, error);
    return error;
}

/// A name a log prints quoted (`\"default_mak4\"`, `"web"`) or bare, from `at` in `text`: the name, and
/// `at` moved past it; empty when there is none.
std::string quotedOrBareName(std::string_view text, std::size_t& at)
{
    const std::string_view rest = text.substr(at);
    const std::string_view quote = rest.starts_with("\\\"") ? "\\\"" : rest.starts_with('"') ? "\"" : "";
    std::size_t end = quote.empty() ? rest.find_first_of(" ,:;\"") : rest.find(quote, quote.size());
    if (end == std::string_view::npos)
        end = quote.empty() ? rest.size() : end;
    if (!quote.empty() && rest.find(quote, quote.size()) == std::string_view::npos)
        return {};
    const std::string_view name = rest.substr(quote.size(), end - quote.size());
    if (name.empty() || name.size() > kMaxLoggedMessage)
        return {};
    at += end + quote.size();
    return validUtf8(std::string(name));
}

/// A failed hot attach of an HNS endpoint to a running container (`Failed to hot attach HNS Endpoint
/// \"default_mak4\" to container \"f504e68d...\", reason: \"The parameter is incorrect.\"`): the endpoint
/// and the container (docker's short ID of it) as what failed, the reason as the message.
std::optional<LoggedError> hotAttachFailureIn(std::string_view text, std::string_view lower)
{
    constexpr std::string_view kLead = "hot attach hns endpoint ";
    const std::size_t lead = lower.find(kLead);
    if (lead == std::string_view::npos || lower.substr(0, lead).find("fail") == std::string_view::npos)
        return std::nullopt;
    std::size_t at = lead + kLead.size();
    const std::string endpoint = quotedOrBareName(text, at);
    if (endpoint.empty())
        return std::nullopt;
    std::string container;
    if (lower.substr(at).starts_with(" to container ")) {
        at += 14;
        container = quotedOrBareName(text, at);
        constexpr std::size_t kShortContainerId = 12;
        if (container.size() == 64 &&
            std::all_of(container.begin(), container.end(), [](char c) { return hexDigit(c) >= 0; }))
            container.resize(kShortContainerId);
    }
    const std::size_t reason = lower.find("reason:", at);
    const std::size_t colon = lower.find(':', at);
    const std::size_t start = reason != std::string_view::npos  ? reason + 7
                              : colon == std::string_view::npos ? colon
                                                                : colon + 1;
    if (start == std::string_view::npos)
        return std::nullopt;
    LoggedError error = errorStatedAt(text, start);
    if (!error.found())
        return std::nullopt;
    withWindowsWording(error);
    error.operation =
        "hot attach of endpoint " + endpoint + (container.empty() ? "" : " to container " + container);
    error.hotAttach = true;
    return error;
}

/// HNS's own error record as hostnetsvc logs it, `{2151350295; onecore\vm\dv\net\hns\service\network\endpoint.h;
/// 327; hostnetsvc.dll; 0; Endpoint is in invalid state; 860; \RequestHandler\EndpointActivity\EndpointAttachShared;
/// ...}` (code; source file; line; module; ...; message; ...; activity): the code,
/// the message and the activity's last step as what failed.
std::optional<LoggedError> hnsErrorRecordIn(std::string_view text, std::string_view lower)
{
    std::size_t module = lower.find("hostnetsvc.dll");
    if (module == std::string_view::npos)
        module = lower.find("\\hns\\");
    if (module == std::string_view::npos)
        return std::nullopt;
    const std::size_t open = text.rfind('{', module);
    const std::size_t close = text.find('}', module);
    if (open == std::string_view::npos)
        return std::nullopt;
    const std::string_view record = text.substr(open + 1, std::min(close, text.size()) - open - 1);
    std::vector<std::string_view> fields;
    for (std::size_t from = 0; fields.size() < 8 && from <= record.size();) {
        const std::size_t semi = std::min(record.find(';', from), record.size());
        fields.push_back(trimBlanks(record.substr(from, semi - from)));
        from = semi + 1;
    }
    if (fields.size() < 6 || (lowerCopy(fields[3]) != "hostnetsvc.dll" &&
                              lowerCopy(fields[1]).find("\\hns\\") == std::string::npos))
        return std::nullopt;
    LoggedError error;
    const std::string code = lowerCopy(fields[0]);
    std::size_t at = 0;
    error.code = code.starts_with("0x") ? hexCode(code, at) : decimalCodeAfter(code, 0);
    if (!error.code)
        return std::nullopt;
    const std::string_view message = fields[5];
    if (std::any_of(message.begin(), message.end(),
                    [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }))
        error.message = validUtf8(std::string(utf8Prefix(message, kMaxLoggedMessage)));
    if (fields.size() >= 8) {
        const std::string_view activity = fields[7];
        const std::string_view step = activity.substr(activity.rfind('\\') + 1);
        if (!step.empty() && std::all_of(step.begin(), step.end(), isCodeChar))
            error.operation = std::string(step);
    }
    return error;
}

/// WSL's report of an HNS failure: `Detected user visible error:
/// Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HNS/0x800706d9` (or, in its `Error code:` line,
/// the code's symbolic name: `.../HNS/ERROR_SERVICE_NOT_ACTIVE`), the code after `HNS/`, the step before
/// it as what failed ("WSL ConfigureNetworking"). A name the error catalog does not know is kept as
/// logged (LoggedError::codeName).
std::optional<LoggedError> wslHnsErrorIn(std::string_view text, std::string_view lower)
{
    const std::size_t hns = lower.find("/hns/");
    if (hns == std::string_view::npos)
        return std::nullopt;
    std::size_t start = hns;
    while (start > 0 && text[start - 1] != ' ' && text[start - 1] != '"' && text[start - 1] != '\'' &&
           text[start - 1] != '`')
        --start;
    if (!lower.substr(start).starts_with("wsl/"))
        return std::nullopt;
    const std::string_view rest = text.substr(hns + 5);
    std::size_t end = 0;
    while (end < rest.size() && isCodeChar(rest[end]))
        ++end;
    const std::string_view token = rest.substr(0, end);
    LoggedError error;
    if (token.starts_with("0x") || token.starts_with("0X")) {
        std::size_t at = 0;
        error.code = hexCode(lowerCopy(token), at);
        if (!error.code || at != 0)
            return std::nullopt;
    } else {
        // A symbolic Win32 or HRESULT name: upper case words joined by `_` (`E_FAIL`, `ERROR_...`).
        if (token.size() < 3 || token.find('_') == std::string_view::npos ||
            !std::all_of(token.begin(), token.end(), [](char c) {
                return c == '_' || std::isdigit(static_cast<unsigned char>(c)) ||
                       std::isupper(static_cast<unsigned char>(c));
            }))
            return std::nullopt;
        if (const Result<HResult> code = parseHResult(token); code.ok() && failed(*code))
            error.code = *code;
        else
            error.codeName = std::string(token);
    }
    const std::string_view path = text.substr(start, hns - start);
    error.operation = "WSL " + std::string(path.substr(path.rfind('/') + 1));
    return error;
}

/// HNS's answer as PowerShell prints it as a hashtable (`@{Error=The object already exists.;
/// Success=False}`, Invoke-HnsRequest and the HNS module's cmdlets): its Error, and its code from its
/// ErrorCode or else from its text. None when its Success is not False or it gives no error.
std::optional<LoggedError> hashtableAnswerIn(std::string_view text, std::string_view lower)
{
    const std::size_t open = lower.find("@{");
    if (open == std::string_view::npos)
        return std::nullopt;
    const std::size_t close = lower.find('}', open);
    const std::size_t size = close == std::string_view::npos ? std::string_view::npos : close + 1 - open;
    const std::string_view table = lower.substr(open, size);
    const auto keyAt = [&](std::string_view key) {
        for (std::size_t at = table.find(key); at != std::string_view::npos; at = table.find(key, at + 1))
            if (table[at - 1] == '{' || table[at - 1] == ' ' || table[at - 1] == ';')
                return at;
        return std::string_view::npos;
    };
    const std::size_t success = keyAt("success=false");
    if (success == std::string_view::npos || keyAt("error=") == std::string_view::npos)
        return std::nullopt;
    const std::string_view after = table.substr(success + 13);
    if (!after.empty() && after.front() != ';' && after.front() != '}' && !isBlank(after.front()))
        return std::nullopt;
    LoggedError error = readError(text.substr(open, size), false);
    error.operation.clear();
    if (!error.code)
        error.code = hresultOfMessage(error.message);
    if (!error.found())
        return std::nullopt;
    withWindowsWording(error);
    return error;
}

/// A PowerShell list is read for an answer over at most this many lines.
constexpr std::size_t kMaxAnswerListLines = 12;

/// HNS's answer as PowerShell prints it as a list (`Error   : The object already exists.` and `Success :
/// False`, in either order, an `ErrorCode : 2147942487` with them or not), starting at `first`: its
/// Error, and its code from its ErrorCode or else from its text. None when the list there has no Error
/// or its Success is not False.
std::optional<LoggedRefusal> listAnswerAt(const std::vector<CleanedLine>& lines, std::size_t first)
{
    // An answer's list holds only Error, ErrorCode and Success: one that starts with another member (a list
    // view of an object) is none. Tested first: every line of a list view comes here.
    const std::string_view head = trimBlanks(lines[first].text);
    if (!equalsIgnoreCase(head.substr(0, 5), "error") && !equalsIgnoreCase(head.substr(0, 7), "success"))
        return std::nullopt;
    if (!readLooseLine(lines[first].text) || (first > 0 && readLooseLine(lines[first - 1].text)))
        return std::nullopt;
    std::optional<std::string_view> message;
    std::optional<std::string_view> code;
    bool failedAnswer = false;
    std::size_t end = first;
    for (; end < lines.size() && end - first < kMaxAnswerListLines; ++end) {
        const std::optional<LooseLine> entry = readLooseLine(lines[end].text);
        if (!entry)
            break;
        if (equalsIgnoreCase(entry->name, "success"))
            failedAnswer = equalsIgnoreCase(entry->value, "false");
        else if (equalsIgnoreCase(entry->name, "error"))
            message = entry->value;
        else if (equalsIgnoreCase(entry->name, "errorcode"))
            code = entry->value;
    }
    if (!failedAnswer || !message)
        return std::nullopt;
    LoggedError error;
    error.message = validUtf8(std::string(utf8Prefix(*message, kMaxLoggedMessage)));
    if (code) {
        const std::string lower = lowerCopy(*code);
        std::size_t at = 0;
        error.code = lower.starts_with("0x") ? hexCode(lower, at) : decimalCodeAfter(lower, 0);
    }
    if (!error.code)
        error.code = hresultOfMessage(error.message);
    if (!error.found())
        return std::nullopt;
    withWindowsWording(error);
    return LoggedRefusal{first, end - 1, std::move(error)};
}

/// A failure of an HCN or HNS function a line names in bare words, `HcnCreateNetwork failed` (a user's
/// words above an event's copy), with no code or message on the line: the function as what failed.
std::optional<LoggedError> codelessFailureIn(std::string_view text, std::string_view lower)
{
    if (lower.find(" failed") == std::string_view::npos)
        return std::nullopt;
    LoggedError error;
    error.operation = operationOf(text, lower);
    const std::size_t at = lower.find(lowerCopy(error.operation));
    if (error.operation.empty() || at == std::string_view::npos ||
        !lower.substr(at + error.operation.size()).starts_with(" failed") ||
        !(lower.substr(at).starts_with("hcn") || lower.substr(at).starts_with("hns")) ||
        error.operation.size() < 8)
        return std::nullopt;
    const std::string_view after = lower.substr(at + error.operation.size() + 7);
    if (!after.empty() && isCodeChar(after.front()))
        return std::nullopt;
    return error;
}

/// The docker command the line before an error it answered (`Error response from daemon: ...`) ran, as
/// typed at the prompt (`docker network create -d transparent mynet`): what failed. Empty otherwise.
std::string dockerCommandAnswered(std::string_view before, std::string_view line)
{
    const std::string_view command = trimBlanks(before);
    const std::string program = lowerCopy(command.substr(0, command.find(' ')));
    if (!lowerCopy(trimBlanks(line)).starts_with("error response from daemon") ||
        (program != "docker" && program != "docker.exe") || command.size() == program.size() ||
        command.size() > kMaxLoggedMessage)
        return {};
    return std::string(command);
}

/// Marks a message without a code that the paste cut off (LoggedError::messageCut): the line ends with
/// it, mid-sentence, and it is the paste's last line or the start of a known code's Windows message. The
/// code whose message it starts is kept (LoggedError::codeOfCutMessage).
void markCut(LoggedError& error, std::string_view line, bool lastLine)
{
    const std::string_view message = error.message;
    // A sentence's end, also the ideographic full stop (U+3002) of Chinese and Japanese text.
    if (error.code || message.empty() || message.back() == '.' || message.back() == '!' ||
        message.back() == '?' || message.back() == ')' || message.ends_with("\xE3\x80\x82") ||
        !trimBlanks(line).ends_with(message))
        return;
    error.codeOfCutMessage = codeOfMessageStart(message);
    error.messageCut = lastLine || error.codeOfCutMessage.has_value();
}

/// An object a line names by a kind word and its name or ID (`HNSNetwork cbr0`, `HostComputeNameSpace
/// <id>`, `endpoint web`): the kind word is one of logged::kKindWords, also as part of an HNS or HCN
/// class name (`HNSEndpoint`, `HostComputeNetwork`).
struct NamedObject
{
    ResourceKind kind = ResourceKind::Invalid;
    std::string name;
    bool placeholder = false; ///< named by a placeholder (`<name>`, isPlaceholder): a template's text
};

/// The object named from `at` in `text` (`lower` its lower case), and `at` moved past it; Invalid kind
/// when none is named there (a kind word followed by a word that links to more, `endpoint on network`,
/// names none).
NamedObject objectNamedAt(std::string_view text, std::string_view lower, std::size_t& at)
{
    static constexpr std::string_view kClassPrefixes[] = {"", "hns", "hcn", "hostcompute"};
    static constexpr std::string_view kNoNames[] = {"on",   "to",      "from", "in",     "for",
                                                    "with", "of",      "the",  "a",      "an",
                                                    "and",  "because", "due",  "failed", "err"};
    for (const logged::KindSpelled& word : logged::kKindWords)
        for (const std::string_view prefix : kClassPrefixes) {
            const std::string_view rest = lower.substr(at);
            if (!rest.starts_with(prefix) || !rest.substr(prefix.size()).starts_with(word.text))
                continue;
            std::size_t end = at + prefix.size() + word.text.size();
            if (end >= lower.size() || lower[end] != ' ')
                continue;
            ++end;
            // A template's placeholder (`<name>`, `<container name>`) stands for a name.
            if (const std::size_t close =
                    end < text.size() && text[end] == '<' ? text.find('>', end) : std::string_view::npos;
                close != std::string_view::npos && isPlaceholder(text.substr(end, close + 1 - end))) {
                NamedObject object{word.kind, std::string(text.substr(end, close + 1 - end)), true};
                at = close + 1;
                return object;
            }
            std::string name = quotedOrBareName(text, end);
            while (!name.empty() && name.back() == '.')
                name.pop_back();
            const std::string lowerName = lowerCopy(name);
            if (name.empty() ||
                std::find(std::begin(kNoNames), std::end(kNoNames), lowerName) != std::end(kNoNames) ||
                std::none_of(name.begin(), name.end(), logged::isLoggedWordChar))
                return {};
            at = end;
            return {word.kind, std::move(name)};
        }
    return {};
}

/// The request a line names in words (LoggedError::request, with its verb and kind): `failed to create
/// HNSNetwork cbr0` gives "create network cbr0", `Failed to remove HostComputeEndpoint web from
/// HostComputeNameSpace <id>` "remove endpoint web from namespace <id>" (with, for the null GUID, that
/// the endpoint was in no namespace); `error` is left as it is when the line names no object after
/// `failed to <verb>`.
void nameRequestIn(std::string_view text, LoggedError& error)
{
    static constexpr std::string_view kVerbs[] = {"create", "delete", "remove", "add", "attach", "detach",
                                                  "update", "modify", "open",   "get", "query",  "apply"};
    const std::string lower = lowerCopy(text);
    for (std::size_t at = lower.find("failed to "); at != std::string::npos;
         at = lower.find("failed to ", at + 1)) {
        if (at > 0 && logged::isLoggedWordChar(lower[at - 1]))
            continue;
        std::size_t next = at + 10;
        const auto verb = std::find_if(std::begin(kVerbs), std::end(kVerbs), [&](std::string_view v) {
            return lower.compare(next, v.size(), v) == 0 && next + v.size() < lower.size() &&
                   lower[next + v.size()] == ' ';
        });
        if (verb == std::end(kVerbs))
            continue;
        next += verb->size() + 1;
        const NamedObject object = objectNamedAt(text, lower, next);
        if (object.kind == ResourceKind::Invalid)
            continue;
        const std::string kind(resourceKindLabel(object.kind));
        error.placeholder = object.placeholder;
        std::string request = std::string(*verb) + " " + kind + " " + object.name;
        for (const std::string_view link : {" from ", " to ", " on ", " in "}) {
            if (lower.compare(next, link.size(), link) != 0)
                continue;
            std::size_t second = next + link.size();
            const NamedObject other = objectNamedAt(text, lower, second);
            if (other.kind == ResourceKind::Invalid)
                break;
            const std::string otherKind(resourceKindLabel(other.kind));
            error.placeholder = error.placeholder || other.placeholder;
            request += std::string(link) + otherKind + " " + other.name;
            if (const std::optional<Guid> id = Guid::parse(other.name); id && id->isNull())
                request += link == " from " ? " (the null GUID: the " + kind + " was in no " + otherKind + ")"
                                            : " (the null GUID: no " + otherKind + ")";
            break;
        }
        error.request = std::move(request);
        error.verb = *verb;
        error.kind = object.kind;
        return;
    }
}

/// `line` and `next` as the one line they were before a console or the writer broke it inside a GUID
/// (`... HostComputeNameSpace 00000000-0000-0000-0000` / `-000000000000: hcnOpenNamespace failed ...`);
/// none when `line` ends inside no GUID that `next` goes on with.
std::optional<std::string> joinedInsideGuid(std::string_view line, std::string_view next)
{
    while (!line.empty() && isBlank(line.back()))
        line.remove_suffix(1);
    if (line.empty() || next.empty() || isBlank(next.front()))
        return std::nullopt;
    const std::size_t blank = line.find_last_of(" \t\"'([{=");
    const std::size_t start = blank == std::string_view::npos ? 0 : blank + 1;
    if (start == line.size() || line.size() - start >= 36)
        return std::nullopt;
    std::string joined = std::string(line) + std::string(next);
    if (logged::findLoggedGuid(joined, start) != start)
        return std::nullopt;
    return joined;
}

} // namespace

std::string textAfterValue(std::string_view rest, std::optional<std::string_view> next)
{
    const std::string_view own = trimBlanks(rest);
    std::string after = validUtf8(std::string(utf8Prefix(own, kMaxAfterValue)));
    if (next && own.find_first_not_of(".,;)] ") == std::string_view::npos && !trimBlanks(*next).empty())
        after += "\n" + validUtf8(std::string(utf8Prefix(trimBlanks(*next), kMaxAfterValue)));
    return after;
}

LoggedError loggedError(std::string_view after, std::string_view before)
{
    const std::size_t lineEnd = after.find('\n');
    LoggedError error = readError(after.substr(0, lineEnd), false);
    if (!error.found() && lineEnd != std::string_view::npos && startsWithError(after.substr(lineEnd + 1)))
        error = readError(after.substr(lineEnd + 1), false);
    if (!error.found())
        error.operation.clear();
    if (!error.code || error.message.empty() || error.operation.empty()) {
        LoggedError said = readError(before, true);
        if (said.found() || error.found()) {
            if (!error.code)
                error.code = said.code;
            if (error.message.empty())
                error.message = std::move(said.message);
            if (error.operation.empty()) {
                error.operation = std::move(said.operation);
                error.remoteDriver = said.remoteDriver;
                error.verb = std::move(said.verb);
                error.kind = said.kind;
            }
        }
    }
    if (!error.code && !error.message.empty())
        error.code = hresultOfMessage(error.message);
    return error;
}

LoggedError answerError(std::string_view error, std::optional<std::int64_t> errorCode,
                        std::string_view before, bool cut)
{
    LoggedError answer;
    if (errorCode && *errorCode < 0 && *errorCode >= -std::int64_t(0x80000000))
        answer.code = static_cast<HResult>(*errorCode);
    else if (errorCode && *errorCode > 0)
        answer.code = failureCode(std::uint64_t(*errorCode));
    const std::string_view message = trimBlanks(error);
    answer.message = validUtf8(std::string(utf8Prefix(message, kMaxLoggedMessage)));
    answer.messageCut = cut && !answer.message.empty();
    LoggedError said = readError(before, false);
    answer.operation = std::move(said.operation);
    answer.remoteDriver = said.remoteDriver;
    answer.verb = std::move(said.verb);
    answer.kind = said.kind;
    if (!answer.code)
        answer.code = said.code;
    // `HcnCreateNetwork -- HRESULT: 2147942452. Result: {...`: the code of the answer printed after it.
    if (!answer.code)
        answer.code = decimalCodeAt(lowerCopy(before), "hresult");
    // hcsshim logs the whole message before the answer (`failed in Win32: An address provided is invalid
    // or reserved. (0x803b002f) {"Success":false,"Error":"An address provided`): that one is whole.
    if (answer.messageCut && !said.message.empty() &&
        messageMatchKey(said.message).starts_with(messageMatchKey(answer.message))) {
        answer.message = std::move(said.message);
        answer.messageCut = false;
    }
    // The last word of a cut message may be cut too (`choose anoth`): the message ends before it, unless
    // the Windows message of its code goes on after that word.
    if (const std::size_t blank = answer.message.rfind(' ');
        answer.messageCut && blank != std::string::npos) {
        const std::string known = answer.code ? lowerCopy(trimBlanks(hresultMessage(*answer.code))) : "";
        const std::string shown = lowerCopy(answer.message);
        if (!(known.starts_with(shown) && known.size() > shown.size() &&
              !std::isalnum(static_cast<unsigned char>(known[shown.size()]))))
            answer.message = std::string(trimBlanks(std::string_view(answer.message).substr(0, blank)));
    }
    if (answer.message.empty())
        answer.message = std::move(said.message);
    if (!answer.code && !answer.message.empty() && !answer.messageCut)
        answer.code = hresultOfMessage(answer.message);
    return answer;
}

std::vector<LoggedRefusal> refusalsLoggedIn(const std::vector<CleanedLine>& lines)
{
    std::vector<LoggedRefusal> refusals;
    for (std::size_t first = 0; first < lines.size(); ++first) {
        // A line without a failure word states none; the lines a console wrapped it into (or lines as
        // wide that follow it, as a table's rows are) are read from their own start. Each form below
        // holds one of these words: the many lines holding none are spared a lower-cased copy.
        const std::string_view line = lines[first].text;
        if (std::optional<CmdletErrorRecord> cmdlet = cmdletErrorRecordAt(lines, first)) {
            first = cmdlet->refusal.lastLine;
            refusals.push_back(std::move(cmdlet->refusal));
            continue;
        }
        if (std::optional<LoggedRefusal> answer = listAnswerAt(lines, first)) {
            first = answer->lastLine;
            refusals.push_back(std::move(*answer));
            continue;
        }
        if (!holdsIgnoringCase(line, "fail") && !holdsIgnoringCase(line, "error") &&
            !holdsIgnoringCase(line, "hns") && !holdsIgnoringCase(line, "hostnetsvc") &&
            !holdsIgnoringCase(line, "hcn_e_"))
            continue;
        const std::string lower = lowerCopy(line);
        std::optional<LoggedError> record = hnsErrorRecordIn(lines[first].text, lower);
        if (!record)
            record = wslHnsErrorIn(lines[first].text, lower);
        if (!record)
            record = hashtableAnswerIn(lines[first].text, lower);
        if (record) {
            refusals.push_back({first, first, std::move(*record)});
            continue;
        }
        if (std::optional<LoggedRefusal> event = hnsEventRecordAt(lines, first)) {
            first = event->lastLine;
            refusals.push_back(std::move(*event));
            continue;
        }
        if (lower.find("fail") == std::string::npos && lower.find("error") == std::string::npos &&
            lower.find("hcn_e_") == std::string::npos && !codeAfterCodeWord(lower))
            continue;
        // A line broken inside a GUID is read with the line it goes on in.
        if (first + 1 < lines.size())
            if (const std::optional<std::string> text = joinedInsideGuid(line, lines[first + 1].text))
                if (std::optional<LoggedError> joined = refusalIn(*text, lowerCopy(*text))) {
                    nameRequestIn(*text, *joined);
                    refusals.push_back({first, first + 1, std::move(*joined)});
                    ++first;
                    continue;
                }
        std::optional<LoggedError> error = refusalIn(lines[first].text, lower);
        // The line alone states the whole error when it writes its code (not one known by the message's
        // text: a wrap may have cut the code) and no message it cuts off; the lines after a console-wide
        // one may be rows of their own. Else the wrap is read whole.
        const bool whole = error && readError(lines[first].text, false).code &&
                           (error->message.empty() || error->message.ends_with('.'));
        if (const std::size_t end = consoleWrapEnd(lines, first, kMaxRefusalLines);
            end > first + 1 && !whole) {
            const std::string text = joinConsoleWrap(lines, first, end);
            std::optional<LoggedError> joined = refusalIn(text, lowerCopy(text));
            // A line whose text is a known code's Windows message (`... an adapter was not found`) is
            // whole when joining the next line on gives no code: that line is prose of its own.
            if (joined && error && error->code && !joined->code)
                joined.reset();
            if (joined) {
                nameRequestIn(text, *joined);
                refusals.push_back({first, end - 1, std::move(*joined)});
                first = end - 1; // the lines it was wrapped into state no error of their own
                continue;
            }
        }
        if (!error)
            error = dockerEndpointFailureIn(lines[first].text, lower);
        if (!error)
            error = hotAttachFailureIn(lines[first].text, lower);
        if (error) {
            nameRequestIn(line, *error);
            markCut(*error, line, first + 1 == lines.size());
            refusals.push_back({first, first, std::move(*error)});
        } else if (std::optional<LoggedError> codeless = codelessFailureIn(lines[first].text, lower))
            refusals.push_back({first, first, std::move(*codeless)});
    }
    // A template's line (`Failed to create endpoint <name> on network nat: ...`) states no failure.
    std::erase_if(refusals, [](const LoggedRefusal& refusal) { return refusal.error.placeholder; });
    for (LoggedRefusal& refusal : refusals)
        if (refusal.error.operation.empty() && refusal.firstLine > 0)
            refusal.error.operation =
                dockerCommandAnswered(lines[refusal.firstLine - 1].text, lines[refusal.firstLine].text);
    return refusals;
}

std::string describeLoggedError(const LoggedError& error)
{
    std::string out;
    std::string message = error.message;
    if (error.code) {
        out = hresultLabel(*error.code);
        const bool named = !hresultName(*error.code).empty();
        const auto bits = static_cast<std::uint32_t>(*error.code);
        if (!named && (bits & 0xFFFF0000u) == kFromWin32)
            out += " (Win32 error " + std::to_string(bits & 0xFFFFu) + ")";
        if (message.empty() && named)
            message = std::string(trimBlanks(hresultMessage(*error.code)));
    } else if (!error.codeName.empty()) {
        out = error.codeName;
    }
    if (!message.empty()) {
        out += (out.empty() ? "\"" : ", \"") + message + "\"";
        if (error.messageCut && !error.code && error.codeOfCutMessage)
            out += " (cut; " + hresultLabel(*error.codeOfCutMessage) +
                   "? the text matches the start of its message)";
        else if (error.messageCut)
            out += " (cut)";
        // A Windows message in another language that the catalog does not hold: said as logged, no code
        // guessed for it.
        if (!error.code && error.codeName.empty() && !error.messageCut &&
            std::any_of(message.begin(), message.end(),
                        [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
            out += " (no error code in the log)";
    }
    if (const std::string& what = error.request.empty() ? error.operation : error.request; !what.empty())
        out = what + " failed" + (out.empty() ? std::string() : ": " + out);
    return out;
}

std::string failedAnswerMessage(const FailedAnswer& answer)
{
    return "HNS reported a failure: " + (answer.error.empty() ? std::string("no error text") : answer.error);
}

} // namespace hcn::io
