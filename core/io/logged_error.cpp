// The error logged with a request HNS refused, read from the text around the request's document:
// hcsshim's `hcnCreateEndpoint failed in Win32: The object already exists. (0x1392)`, the event log's
// `Error: 0x803b0013`, an HNS envelope's `"Error":"...","ErrorCode":2151350291`.

#include "io/logged_error.h"

#include "common/text.h"
#include "common/utf8.h"
#include "hcn/error_catalog.h"
#include "hcn/resource_kind.h"
#include "io/cmdlet_error_records.h"
#include "io/hns_event_records.h"
#include "io/hns_trace_failures.h"
#include "io/log_levels.h"
#include "io/logged_error_codes.h"
#include "io/logged_error_message.h"
#include "io/logged_failed_steps.h"
#include "io/logged_words.h"
#include "io/pod_network_failures.h"
#include "io/powershell_hns_answers.h"
#include "io/text_scan.h"
#include "io/wrapped_lines.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <limits>

namespace hcn::io {
namespace {

/// Whether a line starts with an error: `Error: ...`, `HRESULT 0x...`, `hcnCreateEndpoint failed in
/// Win32: ...`; the line after a request's document states its error only so.
bool startsWithError(std::string_view line)
{
    // hns.psm1 sets its answer's code off with dashes: ` -- HRESULT: 2147942452. Result: {...}`.
    line = trimBlanks(line);
    while (line.starts_with('-'))
        line = trimBlanks(line.substr(1));
    const std::string lower = lowerCopy(line);
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

/// HNS's error as prose quotes it, `HNS error: <a known code's Windows message>` (`... returns HNS error:
/// The parameter is incorrect and rejects the creation of the services.`): that code and its message, the
/// longest start of the text after `HNS error:` that ends at a word's end and is the Windows message of a
/// code the project names (hresultOfMessage). None when the text starts with no such message.
std::optional<LoggedError> hnsErrorTextIn(std::string_view text, std::string_view lower)
{
    constexpr std::string_view kLead = "hns error:";
    const std::size_t at = findWholeWord(lower, kLead);
    if (at == std::string_view::npos)
        return std::nullopt;
    std::string_view rest = trimBlanks(text.substr(at + kLead.size()));
    rest = rest.substr(0, std::min(rest.size(), logged::kMaxLoggedMessage));
    for (std::size_t end = rest.size(); end > 0; --end) {
        if ((end < rest.size() && logged::isLoggedWordChar(rest[end])) ||
            !(logged::isLoggedWordChar(rest[end - 1]) || rest[end - 1] == '.'))
            continue;
        if (const std::optional<HResult> code = hresultOfMessage(rest.substr(0, end))) {
            LoggedError error;
            error.code = code;
            error.codeFromMessage = true;
            error.message = std::string(trimBlanks(hresultMessage(*code)));
            return error;
        }
    }
    return std::nullopt;
}

/// `lower` without its markdown code spans and double-quoted parts: the words a writer typed around what
/// they quote.
std::string outsideQuotes(std::string_view lower, std::vector<std::string_view>* quoted = nullptr)
{
    std::string out;
    for (std::size_t at = 0; at < lower.size();) {
        const char c = lower[at];
        if (c == '`' || c == '"') {
            const std::size_t close = lower.find(c, at + 1);
            if (close != std::string_view::npos) {
                if (quoted)
                    quoted->push_back(lower.substr(at + 1, close - at - 1));
                out += ' ';
                at = close + 1;
                continue;
            }
        }
        out += c;
        ++at;
    }
    return out;
}

/// Whether a line that names a failure code reads as someone's account of a failure rather than a line a
/// program logged: no log record's shape (a level, a time), and, outside what it quotes, words a person
/// writes and a program does not: the first person (`we get`, `I think`, `our nodes`) or a guess (`looks
/// like`, `seems`, `probably`, `which means`); and no quote in it, in a code span or after a colon, that
/// states an error on its own (`I see: `Error: 0x803b0013``, `we get: Error: 0x803b0013`).
bool readsAsProse(std::string_view text, std::string_view lower)
{
    if (levelOfLine(text) != LogLevel::None || opensLogRecord(text))
        return false;
    std::vector<std::string_view> quoted;
    const std::string own = outsideQuotes(lower, &quoted);
    // A quoted name (`ErrorCode`, `TestHnsError`) states nothing; a quoted text with failure words does.
    const auto oneName = [](std::string_view quote) {
        return std::all_of(quote.begin(), quote.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
        });
    };
    for (const std::string_view quote : quoted)
        if (!oneName(quote) && holdsAnyIgnoringCase(quote, {"fail", "error", "hresult"}))
            return false;
    for (std::size_t colon = own.find(": "); colon != std::string::npos; colon = own.find(": ", colon + 1)) {
        const std::string_view after = trimBlanks(std::string_view(own).substr(colon + 2));
        for (const std::string_view lead : {"error:", "error 0x", "hresult", "win32"})
            if (after.starts_with(lead))
                return false;
    }
    static constexpr std::string_view kPersonal[] = {
        "i",     "i'm",      "i've",  "i'd",     "me",         "my",     "we",      "we're",
        "we've", "we'd",     "us",    "our",     "think",      "guess",  "suspect", "seems",
        "seem",  "probably", "maybe", "perhaps", "apparently", "wonder", "assume"};
    for (std::size_t at = 0; at < own.size();) {
        if (!std::isalpha(static_cast<unsigned char>(own[at]))) {
            ++at;
            continue;
        }
        std::size_t end = at;
        while (end < own.size() && (std::isalpha(static_cast<unsigned char>(own[end])) || own[end] == '\''))
            ++end;
        const std::string_view word = std::string_view(own).substr(at, end - at);
        if (std::find(std::begin(kPersonal), std::end(kPersonal), word) != std::end(kPersonal))
            return true;
        at = end;
    }
    // A guess, or an example given (`a transient ErrorCode (e.g., 0x803b0013)`, `such as 0x803b0013`): no
    // program gives its error as an example.
    for (const std::string_view words :
         {"looks like", "which means", "e.g.", "e.g,", "i.e.", "for example", "for instance", "such as"})
        if (findWholeWord(own, words) != std::string_view::npos)
            return true;
    return false;
}

/// The error `text` (one log line, `lower` its lower case) states about a request HNS refused, when it
/// states one (refusalsLoggedIn).
std::optional<LoggedError> refusalIn(std::string_view text, std::string_view lower)
{
    const auto has = [&](std::string_view word) { return lower.find(word) != std::string_view::npos; };
    // A code after a word that says it is one, on a line naming HNS: HNS's failure, words of failure
    // or not (`hns: create endpoint returned HRESULT 0x8007012F`).
    const bool codeStated = logged::namesHns(lower) && logged::codeAfterCodeWord(lower).has_value();
    const bool failure = has("fail") || has("error") || codeStated;
    if (!failure || !mayStateHnsRefusal(lower))
        return std::nullopt;
    LoggedError error = logged::readError(text, false);
    if (!error.found())
        return std::nullopt;
    // hcsshim's `... failed in Win32:` names HNS's functions (`hcnCreateEndpoint`, `hnsCall`) and HCS's
    // (`hcsCreateComputeSystem`): only the former are HNS's refusals.
    const std::string operation = lowerCopy(error.operation);
    const bool hnsOperation = operation.starts_with("hcn") || operation.starts_with("hns");
    const bool hcnCode = error.code && isHcnCode(*error.code);
    if (has("failed in win32:") ? !hnsOperation
                                : !(has("hns failed with error") || hnsOperation || hcnCode || codeStated))
        return hnsErrorTextIn(text, lower);
    // A code in a sentence someone wrote about a failure (`Looks like we fail to create the network (we get
    // HCN_E_NETWORK_ALREADY_EXISTS)`, `I think the error is HCN_E_DEGRADED_OPERATION`): no log line states
    // it; the text names a code in prose (prose_codes.h).
    if (!has("failed in win32:") && !has("hns failed with error") && !hnsOperation &&
        readsAsProse(text, lower))
        return std::nullopt;
    if (error.operation.empty())
        error.operation = logged::wslApiStepOf(text);
    logged::codeFromMessageText(error);
    logged::withWindowsWording(error);
    // hcsshim's `hnsCall` (a client's `hcnCall` alike) names no request: what it did, and the network an
    // endpoint was for; the endpoint win-bridge's `ProvisionEndpoint(name,...)` names is the request, as
    // docker's are.
    if (operation == "hnscall" || operation == "hcncall")
        if (std::string purpose = logged::hnsCallPurpose(text, lower); !purpose.empty()) {
            error.operation = std::move(purpose);
            if (error.operation == "create endpoint" || error.operation.starts_with("create endpoint ")) {
                const std::string network = logged::networkNamedOn(text, lower);
                if (!network.empty())
                    error.operation += " (network " + network + ")";
                if (const std::string endpoint = logged::endpointProvisionedOn(text, lower);
                    !endpoint.empty()) {
                    error.request =
                        "create endpoint " + endpoint + (network.empty() ? "" : " on network " + network);
                    error.verb = "create";
                    error.kind = ResourceKind::Endpoint;
                }
            }
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
    LoggedError error = logged::errorStatedAt(text, start);
    if (!error.code || error.message.empty())
        return std::nullopt;
    logged::withWindowsWording(error);
    error.operation = std::string(trimBlanks(text.substr(at + 10, colon - at - 10)));
    error.remoteDriver = remote;
    logged::verbAndKindOf(error.operation, error);
    return error;
}

/// A failed hot attach of an endpoint to a running container or the host (logged::hotAttachStepOf:
/// `Failed to hot attach HNS Endpoint \"default_mak4\" to container \"f504e68d...\", reason: \"The
/// parameter is incorrect.\"`, `Failed to hot attach shared endpoint[<id>] to container [<id>], err:...`):
/// the step as what failed, the error after `reason:`, `err:`, `err=` or `error:` (else after the colon
/// that ends the step) as the message.
std::optional<LoggedError> hotAttachFailureIn(std::string_view text, std::string_view lower)
{
    std::size_t at = 0;
    std::string step = logged::hotAttachStepOf(text, lower, &at);
    if (step.empty())
        return std::nullopt;
    // The first word that leads the error in (`err:`, not the end of `ConfigErr:`).
    std::size_t lead = std::string_view::npos;
    std::size_t start = std::string_view::npos;
    for (const std::string_view word : {"reason:", "err:", "err=", "error:", "error="})
        if (const std::size_t found = findWholeWord(lower, word, at); found < lead) {
            lead = found;
            start = found + word.size();
        }
    if (start == std::string_view::npos)
        if (const std::size_t colon = lower.find(':', at); colon != std::string_view::npos)
            start = colon + 1;
    if (start == std::string_view::npos)
        return std::nullopt;
    LoggedError error = logged::errorStatedAt(text, start);
    if (!error.found())
        return std::nullopt;
    logged::withWindowsWording(error);
    error.operation = std::move(step);
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
    error.code = code.starts_with("0x") ? logged::hexCode(code, at) : logged::decimalCodeAfter(code, 0);
    if (!error.code)
        return std::nullopt;
    const std::string_view message = fields[5];
    if (std::any_of(message.begin(), message.end(),
                    [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }))
        error.message = validUtf8(std::string(utf8Prefix(message, logged::kMaxLoggedMessage)));
    if (fields.size() >= 8) {
        const std::string_view activity = fields[7];
        const std::string_view step = activity.substr(activity.rfind('\\') + 1);
        if (!step.empty() && std::all_of(step.begin(), step.end(), logged::isLoggedWordChar))
            error.operation = std::string(step);
    }
    return error;
}

/// The steps WSL's error path starts with when WSL 2.x leaves out `Wsl/Service/` (`Error code:
/// CreateInstance/CreateVm/ConfigureNetworking/0x803b0015`), lower case with the slash after them.
constexpr std::string_view kWslShortPathSteps[] = {"createinstance/", "createvm/", "configurenetworking/"};

/// Where WSL's error path starts in a line: at `Wsl/` after a blank or a quote, or at one of
/// kWslShortPathSteps that no word, path or name goes on into (`Error code: CreateInstance/...`, and the
/// same after a label in another language, `错误代码: ...`, `Fehlercode: ...`: the path is never
/// translated). npos when the line holds neither.
std::size_t wslErrorPathStart(std::string_view text, std::string_view lower)
{
    std::size_t start = lower.find("wsl/");
    while (start != std::string_view::npos && start > 0 && text[start - 1] != ' ' && text[start - 1] != '"' &&
           text[start - 1] != '\'' && text[start - 1] != '`')
        start = lower.find("wsl/", start + 1);
    if (start != std::string_view::npos)
        return start;
    for (const std::string_view step : kWslShortPathSteps)
        for (std::size_t at = lower.find(step); at != std::string_view::npos; at = lower.find(step, at + 1)) {
            const char before = at > 0 ? text[at - 1] : ' ';
            if (!logged::isLoggedWordChar(before) && before != '/' && before != '\\' && before != '.' &&
                before != '-')
                return at;
        }
    return std::string_view::npos;
}

/// WSL's report of a failure of its networking: `Detected user visible error:
/// Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HNS/0x800706d9` (or, in its `Error code:` line,
/// the code's symbolic name: `.../HNS/ERROR_SERVICE_NOT_ACTIVE`), the code after `HNS/`, the step before
/// it as what failed ("WSL ConfigureNetworking"); without `HNS/`, the code right after a step of its
/// networking (`.../ConfigureNetworking/0x800706bf`) when the code is HNS's or an RPC failure's. WSL 2.x's
/// path without `Wsl/Service/` (`CreateInstance/CreateVm/ConfigureNetworking/0x803b0015`, after `Error
/// code:` or its label in any language) is read the same (wslErrorPathStart). A name the error catalog
/// does not know is kept as logged (LoggedError::codeName). None for a WSL error of another step
/// (`Wsl/Service/RegisterDistro/...`) or another code of its networking (WMI's `0x80041002`).
std::optional<LoggedError> wslNetworkingErrorIn(std::string_view text, std::string_view lower)
{
    const std::size_t start = wslErrorPathStart(text, lower);
    if (start == std::string_view::npos)
        return std::nullopt;
    std::size_t pathEnd = start;
    while (pathEnd < text.size() && (logged::isLoggedWordChar(text[pathEnd]) || text[pathEnd] == '/'))
        ++pathEnd;
    std::vector<std::string_view> segments;
    for (std::size_t at = start; at < pathEnd;) {
        const std::size_t slash = std::min(lower.find('/', at), pathEnd);
        segments.push_back(text.substr(at, slash - at));
        at = slash + 1;
    }
    // The code, and the step it failed: after `HNS/`, else the last segment after a networking step.
    std::size_t codeAt = 0;
    for (std::size_t i = 1; i + 1 < segments.size() && codeAt == 0; ++i)
        if (equalsIgnoreCase(segments[i], "hns"))
            codeAt = i + 1;
    if (codeAt == 0 && segments.size() >= 2 && holdsIgnoringCase(segments[segments.size() - 2], "network"))
        codeAt = segments.size() - 1;
    if (codeAt == 0)
        return std::nullopt;
    const std::string_view token = segments[codeAt];
    LoggedError error;
    if (token.starts_with("0x") || token.starts_with("0X")) {
        std::size_t at = 0;
        error.code = logged::hexCode(lowerCopy(token), at);
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
    const std::string_view step = segments[codeAt - 1];
    // Without `HNS/`, WSL's networking failed for a reason of its own unless the code is HNS's, or says
    // the RPC call to a service (HNS) failed (0x800706xx): `.../ConfigureNetworking/0x80041002` is WMI's.
    if (!equalsIgnoreCase(step, "hns") &&
        !(error.code &&
          (isHcnCode(*error.code) || (std::uint32_t(*error.code) & 0xFFFFFF00u) == 0x80070600u)))
        return std::nullopt;
    error.operation = "WSL " + std::string(equalsIgnoreCase(step, "hns") ? segments[codeAt - 2] : step);
    return error;
}

/// A failure of an HCN or HNS function a line names in bare words, `HcnCreateNetwork failed` (a user's
/// words above an event's copy), with no code or message on the line: the function as what failed.
std::optional<LoggedError> codelessFailureIn(std::string_view text, std::string_view lower)
{
    if (lower.find(" failed") == std::string_view::npos)
        return std::nullopt;
    LoggedError error;
    error.operation = logged::operationOf(text, lower);
    const std::size_t at = lower.find(lowerCopy(error.operation));
    if (error.operation.empty() || at == std::string_view::npos ||
        !lower.substr(at + error.operation.size()).starts_with(" failed") ||
        !(lower.substr(at).starts_with("hcn") || lower.substr(at).starts_with("hns")) ||
        error.operation.size() < 8)
        return std::nullopt;
    const std::string_view after = lower.substr(at + error.operation.size() + 7);
    if (!after.empty() && logged::isLoggedWordChar(after.front()))
        return std::nullopt;
    return error;
}

/// A command typed at a prompt (isCommandLine) that asks for what may fail, spelled as typed: docker
/// (but the commands that print a log or a state: `docker logs`, `docker inspect`, ...), hnsdiag (but
/// `hnsdiag list`), a cmdlet of HNS's or of containers' networks (`New-HnsNetwork`, `Invoke-HnsRequest`,
/// `New-ContainerNetwork`). Prose that starts with the program's name (`Docker creates a network.`,
/// `docker network create fails with:`) is none.
bool isRequestCommand(std::string_view text)
{
    const std::string_view t = trimBlanks(text);
    if (!isCommandLine(t))
        return false;
    const std::string_view program = t.substr(0, t.find(' '));
    const std::string_view rest = trimBlanks(t.substr(program.size()));
    const std::string_view second = rest.substr(0, rest.find(' '));
    const bool lowerWord = !second.empty() && std::all_of(second.begin(), second.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || c == '-';
    });
    if (program == "docker" || program == "docker.exe") {
        static constexpr std::string_view kPrinting[] = {"logs",    "inspect", "ps",     "info",
                                                         "version", "events",  "images", "top",
                                                         "stats",   "help",    "ls",     "list"};
        const auto printing = [](std::string_view word) {
            return std::find(std::begin(kPrinting), std::end(kPrinting), word) != std::end(kPrinting);
        };
        // A management command's own printing one: `docker service ps web`, `docker network ls`.
        static constexpr std::string_view kManagement[] = {"network", "container", "service", "stack",
                                                           "node",    "volume",    "image",   "system",
                                                           "plugin",  "swarm"};
        const std::string_view after = trimBlanks(rest.substr(second.size()));
        const bool management =
            std::find(std::begin(kManagement), std::end(kManagement), second) != std::end(kManagement);
        return lowerWord && !t.ends_with(':') && !(t.ends_with('.') && !t.ends_with(" .")) &&
               !printing(second) && !(management && printing(after.substr(0, after.find(' '))));
    }
    if (program == "hnsdiag" || program == "hnsdiag.exe")
        return lowerWord && second != "list";
    const std::string noun = lowerCopy(program.substr(program.find('-') + 1));
    return program.find('-') != std::string_view::npos &&
           (noun.starts_with("hns") || noun.find("containernetwork") != std::string::npos);
}

/// Commands up to this long are said whole; longer ones are shortened (shortCommand).
constexpr std::size_t kMaxCommandShown = 60;

/// `command` as the report names it: whole when short; else its first words (at most about 40 bytes,
/// not ending in an option that waits for its value), `...` and its last word, the name a `docker network
/// create` or `docker run` ends with (`docker network create -d transparent ... prod3`).
std::string shortCommand(std::string_view command)
{
    if (command.size() <= kMaxCommandShown)
        return std::string(command);
    // Words, a double-quoted part with its blanks one word.
    std::vector<std::string_view> words;
    for (std::size_t at = 0; at < command.size();) {
        while (at < command.size() && command[at] == ' ')
            ++at;
        std::size_t end = at;
        bool quoted = false;
        while (end < command.size() && (quoted || command[end] != ' ')) {
            quoted = command[end] == '"' ? !quoted : quoted;
            ++end;
        }
        if (end > at)
            words.push_back(command.substr(at, end - at));
        at = end;
    }
    constexpr std::size_t kHead = 40;
    constexpr std::size_t kLastWord = 30;
    std::size_t kept = 0;
    std::size_t size = 0;
    while (kept + 1 < words.size()) {
        const std::size_t grown = size + (kept > 0 ? 1 : 0) + words[kept].size();
        if (grown > kHead)
            break;
        size = grown;
        ++kept;
    }
    if (kept > 2 && words[kept - 1].starts_with('-') && words[kept - 1].find('=') == std::string_view::npos)
        --kept;
    kept = std::max<std::size_t>(kept, 1);
    std::string shown;
    for (std::size_t k = 0; k < kept; ++k)
        shown += (k > 0 ? " " : "") + std::string(words[k]);
    if (kept + 1 == words.size())
        return shown + " " + std::string(words.back());
    shown += " ...";
    if (kept < words.size() && words.back().size() <= kLastWord && !words.back().starts_with('-'))
        shown += " " + std::string(words.back());
    return validUtf8(shown);
}

/// A command a failure follows: typed on the line right before lines[first], or on lines a console
/// wrapped it into that end there (isRequestCommand), looked for up to this many lines above.
constexpr std::size_t kMaxCommandLines = 4;

struct TypedCommand
{
    std::string text;
    int line = 0;
};

/// lines[k] up to lines[end] (not included) as the one command they are when each line but the last ends
/// asking for a continuation (PowerShell's backtick, a shell's backslash, cmd's caret); none otherwise.
std::optional<std::string> continuedCommand(const std::vector<CleanedLine>& lines, std::size_t k,
                                            std::size_t end)
{
    if (k + 1 >= end)
        return std::nullopt;
    std::string text;
    for (std::size_t i = k; i < end; ++i) {
        std::string_view line = trimBlanks(lines[i].text);
        if (i + 1 < end) {
            if (line.empty() || std::string_view("`\\^").find(line.back()) == std::string_view::npos)
                return std::nullopt;
            line = trimBlanks(line.substr(0, line.size() - 1));
        }
        text += (text.empty() ? "" : " ") + std::string(line);
    }
    return text;
}

/// The command typed right before the failure at lines[first] (isRequestCommand), read whole where a
/// console wrapped it or where it asked for a continuation (`docker network create -d transparent `` ` ``);
/// none when the line before is no such command.
std::optional<TypedCommand> requestCommandBefore(const std::vector<CleanedLine>& lines, std::size_t first)
{
    for (std::size_t k = first; k-- > 0 && first - k <= kMaxCommandLines;) {
        if (trimBlanks(lines[k].text).empty())
            return std::nullopt;
        if (!isRequestCommand(lines[k].text))
            continue;
        if (const std::optional<std::string> continued = continuedCommand(lines, k, first)) {
            if (continued->size() > 4 * logged::kMaxLoggedMessage)
                return std::nullopt;
            return TypedCommand{std::string(trimBlanks(*continued)), lines[k].sourceLine};
        }
        if (k + 1 < first && consoleWrapEnd(lines, k, first - k) != first)
            return std::nullopt;
        const std::string text = joinConsoleWrap(lines, k, first);
        if (text.size() > 4 * logged::kMaxLoggedMessage)
            return std::nullopt;
        return TypedCommand{std::string(trimBlanks(text)), lines[k].sourceLine};
    }
    return std::nullopt;
}

/// Marks a message without a code that the paste cut off (LoggedError::messageCut): the line ends with
/// it, mid-sentence, and it is the start of a known code's Windows message (on the paste's last line,
/// also one cut inside a word) or, on the paste's last line, ends on a word no sentence ends on. HNS's
/// older messages have no full stop (`HNS failed with error : Failed to create endpoint`): one that ends
/// the paste on any other word is whole. The code whose message it starts is kept
/// (LoggedError::codeOfCutMessage).
void markCut(LoggedError& error, std::string_view line, bool lastLine)
{
    std::string_view message = error.message;
    // A message ending in an ellipsis was cut where it was shown (a table's column, a log viewer),
    // wherever it stands on its line.
    if (!error.code && !error.podNetwork && (message.ends_with(kEllipsis) || message.ends_with("..."))) {
        message.remove_suffix(message.ends_with(kEllipsis) ? kEllipsis.size() : 3);
        error.codeOfCutMessage = logged::codeOfMessageStart(message);
        error.messageCut = true;
        return;
    }
    // A sentence's end, also the ideographic full stop (U+3002) of Chinese and Japanese text.
    // A runtime's Go error (podNetwork) ends in no sentence's end.
    if (error.code || error.podNetwork || message.empty() || message.back() == '.' || message.back() == '!' ||
        message.back() == '?' || message.back() == ')' || message.ends_with("\xE3\x80\x82"))
        return;
    // The line ends with the message, or with a comma, colon, semicolon or hyphen the reader left out of
    // it: more words were to follow.
    const std::string_view end = trimBlanks(line);
    const bool goesOn = !end.ends_with(message) && end.size() > message.size() &&
                        std::string_view(",:;-").find(end.back()) != std::string_view::npos &&
                        trimBlanks(end.substr(0, end.size() - 1)).ends_with(message);
    if (!end.ends_with(message) && !goesOn)
        return;
    error.codeOfCutMessage = logged::codeOfMessageStart(message, lastLine);
    error.messageCut = error.codeOfCutMessage.has_value() ||
                       (lastLine && (goesOn || logged::endsOnWordNoSentenceEndsOn(message)));
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
    LoggedError error = logged::readError(after.substr(0, lineEnd), false);
    if (!error.found() && lineEnd != std::string_view::npos && startsWithError(after.substr(lineEnd + 1))) {
        error = logged::readError(after.substr(lineEnd + 1), false);
        // hns.psm1's ` -- HRESULT: 2147942452. Result: {...`: the code of the answer it prints.
        if (!error.code)
            error.code = logged::decimalCodeAt(lowerCopy(after.substr(lineEnd + 1)), "hresult");
    }
    if (!error.found())
        error.operation.clear();
    if (!error.code || error.message.empty() || error.operation.empty()) {
        LoggedError said = logged::readError(before, true);
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
    logged::codeFromMessageText(error);
    // A message a console wrap cut (`... a duplicate name exists on`, no sentence's end) whose code the
    // line gives: that code's message, of which it is the start (at least this long).
    constexpr std::size_t kMinMessageStart = 12;
    if (error.code && error.message.size() >= kMinMessageStart && !error.message.ends_with('.'))
        if (const auto wording = hresultWordingOf(*error.code, error.message, WordingMatch::Start))
            error.message = std::string(trimBlanks(*wording));
    return error;
}

LoggedError answerError(std::string_view error, std::optional<std::int64_t> errorCode,
                        std::string_view before, bool cut)
{
    LoggedError answer;
    if (errorCode && *errorCode < 0 && *errorCode >= -std::int64_t(0x80000000))
        answer.code = static_cast<HResult>(*errorCode);
    else if (errorCode && *errorCode > 0)
        answer.code = logged::failureCode(std::uint64_t(*errorCode));
    const std::string_view message = trimBlanks(error);
    answer.message = validUtf8(std::string(utf8Prefix(message, logged::kMaxLoggedMessage)));
    answer.messageCut = cut && !answer.message.empty();
    LoggedError said = logged::readError(before, false);
    answer.operation = std::move(said.operation);
    answer.remoteDriver = said.remoteDriver;
    answer.verb = std::move(said.verb);
    answer.kind = said.kind;
    if (!answer.code)
        answer.code = said.code;
    // `HcnCreateNetwork -- HRESULT: 2147942452. Result: {...`: the code of the answer printed after it.
    if (!answer.code)
        answer.code = logged::decimalCodeAt(lowerCopy(before), "hresult");
    // hcsshim logs the whole message before the answer (`failed in Win32: An address provided is invalid
    // or reserved. (0x803b002f) {"Success":false,"Error":"An address provided`): that one is whole.
    if (answer.messageCut && !said.message.empty() &&
        messageMatchKey(said.message).starts_with(messageMatchKey(answer.message))) {
        answer.message = std::move(said.message);
        answer.messageCut = false;
    }
    // A cut answer whose message is a Windows message whole, to its full stop (of its code; without one,
    // of the code its text is the message of), lost nothing of it: the cut came after it (the code span
    // or the paste closed before the answer did).
    if (answer.messageCut) {
        std::string_view whole = answer.message;
        while (!whole.empty() && (whole.back() == ' ' || whole.back() == '`' || whole.back() == '\''))
            whole.remove_suffix(1);
        if (whole.ends_with('.') &&
            (answer.code ? hresultWordingOf(*answer.code, whole, WordingMatch::Whole).has_value()
                         : hresultOfMessage(whole).has_value())) {
            answer.message = std::string(whole);
            answer.messageCut = false;
        }
    }
    // The last word of a cut message may be cut too (`choose anoth`): the message ends before it, unless
    // a Windows message of its code has that word whole.
    if (const std::size_t blank = answer.message.rfind(' ');
        answer.messageCut && blank != std::string::npos &&
        !(answer.code && hresultWordingOf(*answer.code, answer.message, WordingMatch::Words)))
        answer.message = std::string(trimBlanks(std::string_view(answer.message).substr(0, blank)));
    if (answer.message.empty())
        answer.message = std::move(said.message);
    if (!answer.messageCut) {
        logged::codeFromMessageText(answer);
        // A console wrap inside the answer's `Error` (`already\nexists`, `Cannot create\n    a file`):
        // Windows' words, so one answer printed twice is one error.
        logged::withWindowsWording(answer);
    }
    return answer;
}

namespace {

/// `text` with docker's `HSN failed with error :`, a common typo of `HNS failed with error :` in pastes,
/// spelled as HNS writes it; empty when it holds no such typo.
std::string withHnsFailedSpelled(std::string_view text)
{
    constexpr std::string_view kTypo = "hsn failed with error";
    std::string fixed;
    const std::string lower = lowerCopy(text);
    for (std::size_t at = findWholeWord(lower, kTypo); at != std::string::npos;
         at = findWholeWord(lower, kTypo, at + 1)) {
        std::size_t colon = at + kTypo.size();
        while (colon < lower.size() && isBlank(lower[colon]))
            ++colon;
        if (colon >= lower.size() || lower[colon] != ':')
            continue;
        if (fixed.empty())
            fixed = std::string(text);
        fixed.replace(at, 3, "HNS");
    }
    return fixed;
}

std::vector<LoggedRefusal> refusalsReadIn(const std::vector<CleanedLine>& lines);

} // namespace

std::vector<LoggedRefusal> refusalsLoggedIn(const std::vector<CleanedLine>& lines)
{
    // Lines that misspell HNS in docker's `HSN failed with error :` are read as spelled right; the others
    // are read as they stand, without a copy.
    std::vector<CleanedLine> spelled;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!holdsAnyIgnoringCase(lines[i].text, {"hsn failed with error"}))
            continue;
        std::string fixed = withHnsFailedSpelled(lines[i].text);
        if (fixed.empty())
            continue;
        if (spelled.empty())
            spelled = lines;
        spelled[i].text = std::move(fixed);
    }
    return refusalsReadIn(spelled.empty() ? lines : spelled);
}

namespace {

std::vector<LoggedRefusal> refusalsReadIn(const std::vector<CleanedLine>& lines)
{
    std::vector<LoggedRefusal> refusals;
    std::vector<std::size_t> cmdletRecords; // refusals that name their cmdlet's request themselves
    std::size_t traceEnd =
        std::numeric_limits<std::size_t>::max() - 1; // the last line of HNS's last trace record
    for (std::size_t first = 0; first < lines.size(); ++first) {
        // A line without a failure word states none; the lines a console wrapped it into (or lines as
        // wide that follow it, as a table's rows are) are read from their own start. Each form below
        // holds one of these words: the many lines holding none are spared a lower-cased copy.
        const std::string_view line = lines[first].text;
        if (std::optional<CmdletErrorRecord> cmdlet = cmdletErrorRecordAt(lines, first)) {
            first = cmdlet->refusal.lastLine;
            cmdletRecords.push_back(refusals.size());
            refusals.push_back(std::move(cmdlet->refusal));
            continue;
        }
        if (std::optional<LoggedRefusal> answer = logged::listAnswerAt(lines, first)) {
            first = answer->lastLine;
            refusals.push_back(std::move(*answer));
            continue;
        }
        const bool afterTrace = traceEnd + 1 == first;
        if (std::optional<LoggedRefusal> trace = hnsTraceFailureAt(lines, first, afterTrace)) {
            first = traceEnd = trace->lastLine;
            refusals.push_back(std::move(*trace));
            continue;
        }
        // WSL's error path after a label in another language (`错误代码: CreateInstance/...`) holds none of
        // the words of failure: kWslShortPathSteps let it through (a path has a slash: most lines are
        // not searched for them).
        if (!holdsAnyIgnoringCase(line, {"fail", "error", "hns", "hostnetsvc", "hcn_e_"}) &&
            (line.find('/') == std::string_view::npos ||
             !holdsAnyIgnoringCase(line, {"createinstance/", "createvm/", "configurenetworking/"})))
            continue;
        const std::string lower = lowerCopy(line);
        std::optional<LoggedError> record = hnsErrorRecordIn(lines[first].text, lower);
        if (!record)
            record = wslNetworkingErrorIn(lines[first].text, lower);
        std::size_t last = first;
        if (!record) {
            record = logged::hashtableAnswerIn(lines[first].text, lower);
            // The request it answers, as the error record after it echoes hns.psm1's call (`At
            // ...hns.psm1:233 char:16`, `+ ... return Invoke-HnsRequest -Method POST -Type networks ...`).
            if (record && first + 1 < lines.size() && isPowerShellErrorRecordLine(lines[first + 1].text)) {
                last = errorRecordTailEnd(lines, first + 1);
                for (std::size_t k = first + 1; k <= last && record->request.empty(); ++k) {
                    const std::string_view t = trimBlanks(lines[k].text);
                    record->request = logged::invokeHnsRequestSaid(t, lowerCopy(t));
                }
            }
        }
        if (record) {
            refusals.push_back({first, last, std::move(*record)});
            first = last;
            continue;
        }
        if (std::optional<LoggedRefusal> event = hnsEventRecordAt(lines, first)) {
            first = event->lastLine;
            refusals.push_back(std::move(*event));
            continue;
        }
        if (lower.find("fail") == std::string::npos && lower.find("error") == std::string::npos &&
            lower.find("hcn_e_") == std::string::npos && !logged::codeAfterCodeWord(lower))
            continue;
        // A Windows message FormatMessage broke over lines, its code after the last: read as one line.
        if (const std::size_t end = logged::formatMessageEnd(lines, first); end > first + 1) {
            const std::string text = logged::joinFormatMessage(lines, first, end);
            const std::string joinedLower = lowerCopy(text);
            std::optional<LoggedError> joined = refusalIn(text, joinedLower);
            if (!joined)
                joined = dockerEndpointFailureIn(text, joinedLower);
            if (!joined)
                joined = hotAttachFailureIn(text, joinedLower);
            if (joined && joined->code) {
                logged::nameRequestIn(text, *joined);
                refusals.push_back({first, end - 1, std::move(*joined)});
                first = end - 1;
                continue;
            }
        }
        // A line broken inside a GUID is read with the line it goes on in.
        if (first + 1 < lines.size())
            if (const std::optional<std::string> text = joinedInsideGuid(line, lines[first + 1].text))
                if (std::optional<LoggedError> joined = refusalIn(*text, lowerCopy(*text))) {
                    logged::nameRequestIn(*text, *joined);
                    refusals.push_back({first, first + 1, std::move(*joined)});
                    ++first;
                    continue;
                }
        std::optional<LoggedError> error = refusalIn(lines[first].text, lower);
        // The line alone states the whole error when it writes its code (not one known by the message's
        // text: a wrap may have cut the code) and no message it cuts off; the lines after a console-wide
        // one may be rows of their own. Else the wrap is read whole.
        // So is a known Windows message read whole to its full stop (its code from its text) that ends
        // the line, but for the quotes or the code span around it.
        const auto endsLine = [&](std::string_view message) {
            std::string_view t = trimBlanks(lines[first].text);
            while (!t.empty() && (t.back() == '"' || t.back() == '`' || t.back() == '\'' || t.back() == ' '))
                t.remove_suffix(1);
            return t.ends_with(message);
        };
        const bool whole = error && ((logged::readError(lines[first].text, false).code &&
                                      (error->message.empty() || error->message.ends_with('.'))) ||
                                     (error->code && error->codeFromMessage &&
                                      error->message.ends_with('.') && endsLine(error->message)));
        if (const std::size_t end = consoleWrapEnd(lines, first, kMaxRefusalLines);
            end > first + 1 && !whole) {
            const std::string text = joinConsoleWrap(lines, first, end);
            std::optional<LoggedError> joined = refusalIn(text, lowerCopy(text));
            // A line whose text is a known code's Windows message (`... an adapter was not found`) is
            // whole when joining the next line on gives no code: that line is prose of its own.
            if (joined && error && error->code && !joined->code)
                joined.reset();
            if (joined) {
                logged::nameRequestIn(text, *joined);
                markCut(*joined, text, end == lines.size());
                refusals.push_back({first, end - 1, std::move(*joined)});
                first = end - 1; // the lines it was wrapped into state no error of their own
                continue;
            }
        }
        if (!error)
            error = dockerEndpointFailureIn(lines[first].text, lower);
        if (!error)
            error = hotAttachFailureIn(lines[first].text, lower);
        if (!error)
            error = logged::catalogMessageAfterError(lines[first].text, lower);
        if (!error)
            error = logged::stepFailedWithCatalogMessage(lines[first].text, lower);
        if (!error)
            error = logged::hcsshimCallErrorIn(lines[first].text, lower);
        if (!error)
            error = logged::podNetworkFailureIn(lines[first].text, lower);
        if (error) {
            logged::nameRequestIn(line, *error);
            markCut(*error, line, first + 1 == lines.size());
            refusals.push_back({first, first, std::move(*error)});
        } else if (std::optional<LoggedError> codeless = codelessFailureIn(lines[first].text, lower))
            refusals.push_back({first, first, std::move(*codeless)});
    }
    // A failure that gives only its code, then on the next line `Error: <the same code> <its message>` (WSL's
    // launcher: `WslRegisterDistribution failed with error: 0x803b0017` / `Error: 0x803b0017 ...`): one
    // failure, its message from that line when it is readable text (a console that cannot show the
    // language prints `????`).
    std::vector<bool> ofCmdlet(refusals.size(), false); // parallel to refusals: cmdletRecords'
    for (const std::size_t i : cmdletRecords)
        ofCmdlet[i] = true;
    std::vector<LoggedRefusal> joined;
    std::vector<bool> joinedOfCmdlet;
    joined.reserve(refusals.size());
    for (std::size_t i = 0; i < refusals.size(); ++i) {
        LoggedRefusal& next = refusals[i];
        if (!joined.empty()) {
            LoggedRefusal& failure = joined.back();
            if (next.firstLine == failure.lastLine + 1 && failure.error.code &&
                failure.error.code == next.error.code && failure.error.message.empty() &&
                next.error.operation.empty() && next.error.request.empty() &&
                lowerCopy(trimBlanks(lines[next.firstLine].text)).starts_with("error:")) {
                failure.lastLine = next.lastLine;
                if (!next.error.messageCut &&
                    std::any_of(next.error.message.begin(), next.error.message.end(),
                                [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }))
                    failure.error.message = next.error.message;
                continue;
            }
        }
        joined.push_back(std::move(next));
        joinedOfCmdlet.push_back(ofCmdlet[i]);
    }
    refusals = std::move(joined);
    // docker-compose's `Creating network "web_default" with the default driver` on the line right above a
    // failure that names no request of its own (hcsshim's bare `hnsCall failed in Win32: ...`, compose's
    // `ERROR: ` before it or not) is the request that failed: "create network web_default", at both lines.
    for (LoggedRefusal& refusal : refusals) {
        const std::string operation = lowerCopy(refusal.error.operation);
        if (refusal.firstLine == 0 || !refusal.error.request.empty() ||
            !(operation.empty() || operation == "hnscall" || operation == "hcncreatenetwork" ||
              operation == "create network") ||
            lines[refusal.firstLine - 1].sourceLine + 1 != lines[refusal.firstLine].sourceLine)
            continue;
        const std::string network = logged::composeNetworkCreatedOn(lines[refusal.firstLine - 1].text);
        if (network.empty())
            continue;
        refusal.error.request = "create network " + network;
        refusal.error.operation = "create network";
        refusal.error.verb = "create";
        refusal.error.kind = ResourceKind::Network;
        --refusal.firstLine;
    }
    // The command typed right before a failure made the request: what failed, when the failure names no
    // operation, else said beside it.
    for (std::size_t i = 0; i < refusals.size(); ++i) {
        LoggedRefusal& refusal = refusals[i];
        if (joinedOfCmdlet[i])
            continue;
        const std::optional<TypedCommand> command = requestCommandBefore(lines, refusal.firstLine);
        if (!command)
            continue;
        if (refusal.error.operation.empty()) {
            refusal.error.operation = shortCommand(command->text);
        } else {
            refusal.command = shortCommand(command->text);
            refusal.commandLine = command->line;
        }
    }
    // A template's line (`Failed to create endpoint <name> on network nat: ...`) states no failure.
    std::erase_if(refusals, [](const LoggedRefusal& refusal) { return refusal.error.placeholder; });
    return refusals;
}

} // namespace

std::optional<HResult> codeDescribed(const LoggedError& error)
{
    if (error.code)
        return error.code;
    if (error.messageCut && !error.message.empty())
        return error.codeOfCutMessage;
    return std::nullopt;
}

namespace {

/// describeLoggedError without what failed: the code and the message.
std::string describedError(const LoggedError& error)
{
    std::string out;
    std::string message = error.message;
    if (error.code) {
        out = hresultLabel(*error.code);
        const bool named = !hresultName(*error.code).empty();
        const auto bits = static_cast<std::uint32_t>(*error.code);
        if (!named && (bits & 0xFFFF0000u) == logged::kFromWin32)
            out += " (Win32 error " + std::to_string(bits & 0xFFFFu) + ")";
        if (message.empty() && named && !messageHasInserts(hresultMessage(*error.code)))
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
        if (error.code && error.codeFromMessage)
            out += kCodeFromMessageText;
        // A message the catalog does not hold, in any language, and no code logged with it: said as
        // logged, no code guessed for it. A runtime's own words say so where the report says them, and
        // PowerShell's error for a cmdlet it did not run is no refusal of HNS's.
        if (!error.code && error.codeName.empty() && !error.messageCut && !error.podNetwork &&
            error.notRunBecause.empty())
            out += " (no error code in the log)";
    }
    return out;
}

/// What describeLoggedError says failed: the request, else the operation; empty when neither is known.
const std::string& whatFailed(const LoggedError& error)
{
    return error.request.empty() ? error.operation : error.request;
}

} // namespace

std::string describeLoggedError(const LoggedError& error)
{
    std::string out = describedError(error);
    if (const std::string& what = whatFailed(error); !what.empty())
        out = what + " failed" + (out.empty() ? std::string() : ": " + out);
    return out;
}

FailedAnswer failedAnswerOf(int firstLine, int lastLine, const LoggedError& error)
{
    return {firstLine,
            lastLine,
            describeLoggedError(error),
            codeDescribed(error),
            whatFailed(error),
            describedError(error)};
}

std::string failedAnswerMessage(const FailedAnswer& answer)
{
    return std::string(kHnsReportedAFailure) +
           (answer.error.empty() ? std::string("no error text") : answer.error);
}

} // namespace hcn::io
