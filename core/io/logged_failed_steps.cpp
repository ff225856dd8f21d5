// What failed, as a log line names it (see logged_failed_steps.h).

#include "io/logged_failed_steps.h"

#include "common/text.h"
#include "common/utf8.h"
#include "hcn/guid.h"
#include "hcn/resource_kind.h"
#include "io/container_ids.h"
#include "io/json_repair.h"
#include "io/logged_error_message.h"
#include "io/logged_words.h"
#include "io/powershell_commands.h"
#include "io/text_scan.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <utility>
#include <vector>

namespace hcn::io::logged {
namespace {

/// An HNS call named as HNS and its clients log it: `HNSCall Method POST Path /endpoints`, `Method[POST]
/// Path[/networks]`, `method=POST path=/endpoints`: "HNS call POST /endpoints"; empty when none.
std::string hnsCallOf(std::string_view text, std::string_view lower)
{
    const auto wordAt = [&](std::string_view key,
                            std::size_t from) -> std::pair<std::size_t, std::string_view> {
        for (std::size_t at = findWholeWord(lower, key, from); at != std::string_view::npos;
             at = findWholeWord(lower, key, at + 1)) {
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

/// Where the step a daemon or a client names before an error starts in `lower` (within [`from`, `to`)):
/// after its lead `failed to `, `error ` or `failed ` before a verb's -ing form (moby's `Failed creating
/// ingress network`), at `from` or after a quote that opens a log's message (`msg="Error creating default
/// network`) or a markdown code span, or with `afterBlank` after any blank too; the first such lead. npos
/// when none is there.
std::size_t stepStart(std::string_view lower, std::size_t from, std::size_t to, bool afterBlank = false)
{
    for (std::size_t at = from; at < to; ++at) {
        if (at > from && lower[at - 1] != '"' && lower[at - 1] != '\'' && lower[at - 1] != '`' &&
            !(afterBlank && lower[at - 1] == ' '))
            continue;
        const std::string_view rest = lower.substr(at, to - at);
        for (const std::string_view lead : {"failed to ", "error "})
            if (rest.starts_with(lead))
                return at + lead.size();
        // Not hcsshim's wrapper of its call (`failed during hnsCallRawResponse: `).
        if (rest.starts_with("failed ")) {
            const std::string_view word = rest.substr(7, rest.substr(7).find(' '));
            if (word.size() > 3 && word.ends_with("ing") && word != "during")
                return at + 7;
        }
    }
    return std::string_view::npos;
}

/// dockerd's API call a part of a line names (`Handler for POST /v1.25/networks/create returned error`): its
/// step in words where the path says one of networks or containers ("create network (Docker API POST
/// /networks/create)", "delete network nat (Docker API DELETE /networks/nat)"), else the call ("Docker API
/// POST /swarm/init"); empty for any other part.
std::string dockerApiCallOf(std::string_view part)
{
    // In dockerd's logrus record, its message: `time="..." level=error msg="Handler for ...`.
    if (const std::size_t msg = part.find("msg=\""); msg != std::string_view::npos)
        part = part.substr(msg + 5);
    const std::string lower = lowerCopy(trimBlanks(part));
    constexpr std::string_view kLead = "handler for ";
    constexpr std::string_view kTail = " returned error";
    if (!lower.starts_with(kLead) || !lower.ends_with(kTail))
        return {};
    const std::string_view call =
        trimBlanks(part).substr(kLead.size(), lower.size() - kLead.size() - kTail.size());
    const std::size_t blank = call.find(' ');
    if (blank == std::string_view::npos)
        return {};
    const std::string method = upperCopy(call.substr(0, blank));
    std::string_view path = call.substr(blank + 1);
    if (!path.starts_with('/') || path.find(' ') != std::string_view::npos ||
        !std::all_of(method.begin(), method.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
        return {};
    // The API version it was called with is no part of the step (`/v1.25/networks/create`).
    if (path.size() > 2 && (path[1] == 'v' || path[1] == 'V') &&
        std::isdigit(static_cast<unsigned char>(path[2])))
        if (const std::size_t next = path.find('/', 1); next != std::string_view::npos)
            path = path.substr(next);
    const std::string said = "Docker API " + method + " " + std::string(path);
    std::vector<std::string_view> segments;
    for (std::size_t at = 1; at <= path.size();) {
        const std::size_t slash = std::min(path.find('/', at), path.size());
        segments.push_back(path.substr(at, slash - at));
        at = slash + 1;
    }
    std::string step;
    for (const auto& [plural, kind] :
         {std::pair{std::string_view("networks"), std::string_view("network")},
          std::pair{std::string_view("containers"), std::string_view("container")}}) {
        if (segments.empty() || segments[0] != plural)
            continue;
        if (segments.size() == 2 && segments[1] == "create" && method == "POST")
            step = "create " + std::string(kind);
        else if (segments.size() == 2 && method == "DELETE")
            step = "delete " + std::string(kind) + " " + std::string(segments[1]);
        else if (segments.size() == 3 && method == "POST" && !segments[2].empty())
            step = std::string(segments[2]) + " " + std::string(kind) + " " + std::string(segments[1]);
    }
    return step.empty() ? said : step + " (" + said + ")";
}

/// Whether win-bridge's step `ProvisionEndpoint`, with its arguments or not, ends right before lower[at]
/// (`error while ProvisionEndpoint(name,NETWORK-ID,container): hnsCall failed ...`; Go's quotes, `" "`,
/// between them).
bool provisionEndpointStepBefore(std::string_view lower, std::size_t at)
{
    constexpr std::string_view kStep = "provisionendpoint";
    std::size_t end = at;
    while (end > 0 && (lower[end - 1] == ' ' || lower[end - 1] == ':' || lower[end - 1] == '"' ||
                       lower[end - 1] == '\\'))
        --end;
    if (end == at || end == 0)
        return false;
    if (lower[end - 1] == ')') {
        const std::size_t open = lower.rfind('(', end - 1);
        if (open == std::string_view::npos || end - open > kMaxLoggedMessage)
            return false;
        end = open;
    }
    return end >= kStep.size() && lower.substr(end - kStep.size(), kStep.size()) == kStep &&
           (end == kStep.size() || !isLoggedWordChar(lower[end - kStep.size() - 1]));
}

/// The step a daemon names before `HNS failed with error` (docker's `failed to create endpoint web on
/// network nat: HNS failed with error : ...`, `Error creating default network: HNS failed ...`): the
/// last `: `-separated part before it, without its `failed to ` or `Error ` lead. Empty when that part
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
    // Blanks, and a markdown code span's backticks around the line (`` `Error response from daemon: ...` ``).
    while (start < end && (text[start] == ' ' || text[start] == '`'))
        ++start;
    if (lower.substr(start, end - start).starts_with("error response from daemon"))
        return {};
    if (std::string call = dockerApiCallOf(text.substr(start, end - start)); !call.empty()) {
        if (into) {
            into->remoteDriver = remote;
            verbAndKindOf(call, *into);
        }
        return call;
    }
    // win-bridge's `error while ProvisionEndpoint(name,NETWORK-ID,container): HNS failed ...`: its endpoint
    // create, the endpoint and network its arguments name.
    if (provisionEndpointStepBefore(lower, end + 1)) {
        if (into) {
            into->remoteDriver = remote;
            into->verb = "create";
            into->kind = ResourceKind::Endpoint;
            const std::string network = networkNamedOn(text, lower);
            if (const std::string endpoint = endpointProvisionedOn(text, lower); !endpoint.empty())
                into->request =
                    "create endpoint " + endpoint + (network.empty() ? "" : " on network " + network);
        }
        return "create endpoint";
    }
    const std::size_t from = stepStart(lower, start, end);
    if (from == std::string_view::npos)
        return {};
    const std::string_view step = trimBlanks(text.substr(from, end - from));
    if (step.empty() || step.size() > kMaxLoggedMessage)
        return {};
    if (into) {
        into->remoteDriver = remote;
        verbAndKindOf(step, *into);
    }
    return std::string(step);
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

/// What a request of HNS's REST interface asks: `POST` `networks` "create network", `DELETE`
/// `endpoints/<id>` "delete endpoint <id>"; `method` in lower case, `path` without its leading slash.
/// Empty for another path or method.
std::string restRequestSaid(std::string_view method, std::string_view path)
{
    const std::size_t slash = path.find('/');
    const std::string kindPath = lowerCopy(path.substr(0, slash));
    const std::string_view kind = restKind(kindPath);
    std::string_view id = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
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
    if (kind.empty() || verb.empty())
        return {};
    return verb + " " + std::string(kind) + (id.empty() || more ? "" : " " + std::string(id));
}

/// An object a line names by a kind word and its name or ID (`HNSNetwork cbr0`, `HostComputeNameSpace
/// <id>`, `endpoint web`): the kind word is one of kKindWords, also as part of an HNS or HCN
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
    static constexpr std::string_view kClassPrefixes[] = {"", "hns", "hcn", "hostcompute", "hns ", "hcn "};
    static constexpr std::string_view kNoNames[] = {"on",   "to",      "from", "in",     "for",
                                                    "with", "of",      "the",  "a",      "an",
                                                    "and",  "because", "due",  "failed", "err"};
    for (const KindSpelled& word : kKindWords)
        for (const std::string_view prefix : kClassPrefixes) {
            const std::string_view rest = lower.substr(at);
            if (!rest.starts_with(prefix) || !rest.substr(prefix.size()).starts_with(word.text))
                continue;
            std::size_t end = at + prefix.size() + word.text.size();
            // `endpoint web`, `hcn endpoint: <id>` (azure-vnet's; a colon before anything else is a Go error
            // chain's: `create endpoint: <its cause>`).
            const bool colon = end + 1 < lower.size() && lower[end] == ':' && lower[end + 1] == ' ';
            if (colon)
                ++end;
            if (end >= lower.size() || lower[end] != ' ')
                continue;
            ++end;
            if (colon && findLoggedGuid(text, end) != end)
                return {};
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
                std::none_of(name.begin(), name.end(), isLoggedWordChar))
                return {};
            at = end;
            return {word.kind, std::move(name)};
        }
    return {};
}

/// The kind of HNS's objects `token` (lower case) names, alone or in a class name (`endpoint`,
/// `hnsendpoint`, `hostcomputenetwork`, `load balancer` as one token); Invalid for any other word.
ResourceKind kindOfToken(std::string_view token)
{
    for (const std::string_view prefix : {"", "hns", "hcn", "hostcompute"})
        if (token.starts_with(prefix))
            for (const KindSpelled& word : kKindWords)
                if (token.substr(prefix.size()) == word.text)
                    return word.kind;
    return ResourceKind::Invalid;
}

/// Whether `token` (lower case) is a kind word of HNS's objects (kindOfToken).
bool isKindToken(std::string_view token)
{
    return kindOfToken(token) != ResourceKind::Invalid;
}

/// Whether the text after a `failed` ends the step it says failed: the line's or a clause's end, or words
/// that say why (`failed: ...`, `failed with ...`, `failed because ...`), not a word `failed` describes
/// (`the network failed pods ...`) or `failed to ...`.
bool endsFailedStep(std::string_view after)
{
    const std::string_view rest = trimBlanks(after);
    if (rest.empty() || std::string_view(":,.;\"')]").find(rest.front()) != std::string_view::npos)
        return true;
    if (after.empty() || after.front() != ' ')
        return false;
    for (const std::string_view why : {"with ", "because", "due ", "err", "(", "- ", "in win32"})
        if (rest.starts_with(why))
            return true;
    return false;
}

/// The step a line names as `<verb> <object> failed` (`create endpoint failed: HNS error 0x803b0013`,
/// `creating endpoint web failed`, `hot attach endpoint failed`), as logged from its verb to before
/// `failed`: a verb of HNS's operations or its -ing form first, then the articles and at most one word
/// that says which (`default`), a kind word of HNS's objects and at most one name. Empty when no such
/// step stands before a `failed` (`Test failed:`, `I tried to create endpoint but it failed`). `start`,
/// when given, gets where its verb stands.
std::string verbStepBeforeFailed(std::string_view text, std::string_view lower, std::size_t* start = nullptr)
{
    static constexpr std::string_view kVerbs[] = {"create", "delete", "modify", "attach", "detach", "add",
                                                  "remove", "update", "apply",  "open",   "query"};
    static constexpr std::string_view kFillers[] = {"the", "a", "an", "new", "hns", "hcn"};
    // A step is a few words; the words before `failed` are read this far back at most.
    constexpr std::size_t kMaxStepChars = 120;
    constexpr std::size_t kMaxStepWords = 7;
    const auto isVerb = [&](std::string_view word) {
        const std::string_view verb = verbOfGerund(word).empty() ? word : verbOfGerund(word);
        return word == "applying" || word == "opening" ||
               std::find(std::begin(kVerbs), std::end(kVerbs), verb) != std::end(kVerbs);
    };
    for (std::size_t f = lower.find("failed"); f != std::string_view::npos; f = lower.find("failed", f + 6)) {
        if (f < 2 || lower[f - 1] != ' ' || !endsFailedStep(lower.substr(f + 6)))
            continue;
        // The words before it, back to anything but a blank that separates them (a quote, `: `, `]`).
        struct Word
        {
            std::size_t at;
            std::string_view lower;
        };
        std::vector<Word> words;
        std::size_t at = f - 1;
        const std::size_t limit = f > kMaxStepChars ? f - kMaxStepChars : 0;
        while (words.size() < kMaxStepWords && at > limit && lower[at] == ' ') {
            const std::size_t end = at;
            while (at > limit &&
                   (isLoggedWordChar(lower[at - 1]) || lower[at - 1] == '-' || lower[at - 1] == '.'))
                --at;
            if (at == end)
                break;
            words.push_back({at, lower.substr(at, end - at)});
            if (at == 0 || lower[at - 1] != ' ')
                break;
            --at;
        }
        std::reverse(words.begin(), words.end());
        // `load balancer` and `policy list` are one kind word.
        for (std::size_t i = 0; i + 1 < words.size(); ++i)
            if ((words[i].lower == "load" && words[i + 1].lower == "balancer") ||
                (words[i].lower == "policy" && words[i + 1].lower == "list")) {
                words[i].lower =
                    lower.substr(words[i].at, words[i + 1].at + words[i + 1].lower.size() - words[i].at);
                words.erase(words.begin() + std::ptrdiff_t(i) + 1);
            }
        for (std::size_t v = 0; v < words.size(); ++v) {
            std::size_t next = v + 1;
            if (words[v].lower == "hot" && next < words.size() &&
                (words[next].lower == "attach" || words[next].lower == "attaching" ||
                 words[next].lower == "add" || words[next].lower == "adding"))
                ++next;
            else if (!isVerb(words[v].lower))
                continue;
            while (next < words.size() && std::find(std::begin(kFillers), std::end(kFillers),
                                                    words[next].lower) != std::end(kFillers))
                ++next;
            if (next + 1 < words.size() && !isKindToken(words[next].lower) &&
                isKindToken(words[next + 1].lower))
                ++next; // the word that says which: `creating default network`
            if (next >= words.size() || !isKindToken(words[next].lower))
                continue;
            ++next;
            // At most one name after the kind, no word that goes on a sentence (`endpoint is`).
            if (next + 1 < words.size() || (next < words.size() && isWordAfterKind(words[next].lower)))
                continue;
            if (start)
                *start = words[v].at;
            return validUtf8(std::string(trimBlanks(text.substr(words[v].at, f - 1 - words[v].at))));
        }
    }
    return {};
}

/// A step a line names right before an error, set off by `: ` (stepChainOf): where its lead (`failed to `)
/// and its verb start, and its colon.
struct ColonStep
{
    std::size_t lead = 0;
    std::size_t from = 0;
    std::size_t colon = 0;
};

/// The words of the step lower[from, to) (stepChainOf's), `load balancer` and `policy list` one kind word.
std::vector<std::string_view> stepWords(std::string_view lower, std::size_t from, std::size_t to)
{
    std::vector<std::string_view> words;
    for (std::size_t at = from; at < to;) {
        const std::size_t blank = std::min(lower.find(' ', at), to);
        words.push_back(lower.substr(at, blank - at));
        at = blank + 1;
    }
    for (std::size_t i = 0; i + 1 < words.size(); ++i)
        if ((words[i] == "load" && words[i + 1] == "balancer") ||
            (words[i] == "policy" && words[i + 1] == "list")) {
            words[i] = lower.substr(std::size_t(words[i].data() - lower.data()),
                                    words[i].size() + 1 + words[i + 1].size());
            words.erase(words.begin() + std::ptrdiff_t(i) + 1);
        }
    return words;
}

constexpr std::string_view kColonStepVerbs[] = {"create", "delete", "remove", "modify",
                                                "update", "attach", "detach", "add"};
constexpr std::string_view kColonStepFillers[] = {"the", "a", "an", "new", "hns", "hcn"};

/// Of a step's words (stepWords), where its kind word stands: after its verb, the articles and at most one
/// word that says which (`creating default network`); npos when they are no step of HNS's objects.
std::size_t kindWordOfStep(const std::vector<std::string_view>& words)
{
    const auto isVerb = [&](std::string_view word) {
        const std::string_view verb = verbOfGerund(word).empty() ? word : verbOfGerund(word);
        return std::find(std::begin(kColonStepVerbs), std::end(kColonStepVerbs), verb) !=
               std::end(kColonStepVerbs);
    };
    if (words.empty() || !isVerb(words[0]))
        return std::string_view::npos;
    std::size_t next = 1;
    while (next < words.size() && std::find(std::begin(kColonStepFillers), std::end(kColonStepFillers),
                                            words[next]) != std::end(kColonStepFillers))
        ++next;
    if (next + 1 < words.size() && !isKindToken(words[next]) && isKindToken(words[next + 1]))
        ++next; // the word that says which: `creating default network`
    return next < words.size() && isKindToken(words[next]) ? next : std::string_view::npos;
}

/// The steps a line names right before the error they met, each set off by `: ` (`failed to create
/// endpoint: HNS error: 0x803b0013`, `error creating endpoint: ...`, `Failed to remove network cbr0: ...`),
/// from after its lead (`failed to `, `error `, `failed ` before a verb's -ing form) to the colon: a verb
/// of HNS's operations or its -ing form, the articles and at most one word that says which, a kind word of
/// HNS's objects (also in a class name, `HNSEndpoint`) and at most one name. Of a Go error chain's steps,
/// before kubelet's next clause (kNextClause), the line's first and those chained to it, each right after
/// the one before's colon (`failed to setup network: failed to create endpoint: HNS error ...`), in order:
/// the last of them met the error. A step after the error (`...: HNS error: 0x803b0013, cleaning up; error
/// deleting network azure: ...`) is another's. None where nothing follows a step's colon (the value a line
/// logs after it is no error).
std::vector<ColonStep> stepChainOf(std::string_view lower)
{
    const std::size_t chainEnd = std::min(lower.find(kNextClause), lower.size());
    // Whether lower[from, to) is such a step.
    const auto isStep = [&](std::size_t from, std::size_t to) {
        const std::vector<std::string_view> words = stepWords(lower, from, to);
        std::size_t next = kindWordOfStep(words);
        if (next == std::string_view::npos)
            return false;
        ++next;
        // At most one name after the kind, no word that goes on a sentence (`endpoint for`).
        return next == words.size() ||
               (next + 1 == words.size() && !words[next].empty() && !isWordAfterKind(words[next]) &&
                std::any_of(words[next].begin(), words[next].end(), isLoggedWordChar));
    };
    std::vector<ColonStep> steps;
    for (const std::string_view lead : {"failed to ", "error ", "failed "})
        for (std::size_t at = findWholeWord(lower, lead); at < chainEnd;
             at = findWholeWord(lower, lead, at + 1)) {
            const std::size_t from = at + lead.size();
            const std::size_t colon = lower.find(": ", from);
            if (colon == std::string_view::npos || colon >= chainEnd || colon - from > kMaxLoggedMessage ||
                lower.substr(from, colon - from).find_first_of(":;,\"()[]{}") != std::string_view::npos ||
                trimBlanks(lower.substr(colon + 2)).empty() || !isStep(from, colon))
                continue;
            // `failed ` leads only a verb's -ing form (moby's `Failed creating ingress network`).
            if (lead == "failed " && verbOfGerund(lower.substr(from, lower.find(' ', from) - from)).empty())
                continue;
            steps.push_back({at, from, colon});
        }
    if (steps.empty())
        return steps;
    std::sort(steps.begin(), steps.end(),
              [](const ColonStep& a, const ColonStep& b) { return a.lead < b.lead; });
    std::vector<ColonStep> chain{steps.front()};
    for (const ColonStep& next : steps)
        if (next.lead == chain.back().colon + 2)
            chain.push_back(next);
    return chain;
}

/// The step a line names right before the error it met (the last of stepChainOf's), said as logged,
/// without its articles (`failed to create the network:` "create network"); empty when none is.
std::string stepBeforeColonOf(std::string_view text, std::string_view lower)
{
    const std::vector<ColonStep> chain = stepChainOf(lower);
    if (chain.empty())
        return {};
    const std::size_t stepFrom = chain.back().from;
    const std::size_t stepEnd = chain.back().colon;
    std::string step;
    for (std::size_t at = stepFrom; at < stepEnd;) {
        const std::size_t blank = std::min(lower.find(' ', at), stepEnd);
        const std::string_view word = lower.substr(at, blank - at);
        if (!word.empty() && word != "the" && word != "a" && word != "an" && word != "new")
            step += (step.empty() ? "" : " ") + std::string(text.substr(at, blank - at));
        at = blank + 1;
    }
    return validUtf8(step);
}

} // namespace

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
    // The kind word named first after the verb.
    std::size_t kindAt = std::string_view::npos;
    for (const KindSpelled& word : kKindWords)
        if (const std::size_t at = findWholeWord(lower, word.text, first.size()); at < kindAt) {
            kindAt = at;
            into.verb = verb->second;
            into.kind = word.kind;
        }
}

std::string hnsCallPurpose(std::string_view text, std::string_view lower)
{
    if (const std::size_t arrow = lower.find("]=>[/"); arrow != std::string_view::npos) {
        const std::size_t open = lower.rfind('[', arrow);
        const std::size_t close = lower.find(']', arrow + 4);
        if (open != std::string_view::npos && close != std::string_view::npos)
            if (std::string said = restRequestSaid(lower.substr(open + 1, arrow - open - 1),
                                                   text.substr(arrow + 5, close - arrow - 5));
                !said.empty())
                return said;
    }
    // hcsshim's `hnsCall`, or the `hcnCall` other clients name their call of HCN's functions.
    std::size_t call = lower.find("hnscall");
    if (call == std::string_view::npos)
        call = lower.find("hcncall");
    if (call == std::string_view::npos)
        return {};
    // win-bridge's `ProvisionEndpoint(name,NETWORK-ID,container): hnsCall failed ...`: its endpoint create.
    if (provisionEndpointStepBefore(lower, call))
        return "create endpoint";
    // The step its caller names before it, after the last lead (`failed to create the new HNSEndpoint`,
    // `Failed creating ingress network`).
    std::size_t from = std::string_view::npos;
    for (std::size_t at = stepStart(lower, 0, call, true); at != std::string_view::npos;
         at = stepStart(lower, at, call, true))
        from = at;
    // Else the step before its `failed` (`create endpoint failed: hnsCall failed in Win32: ...`).
    if (from == std::string_view::npos &&
        verbStepBeforeFailed(text.substr(0, call), lower.substr(0, call), &from).empty())
        return {};
    const std::size_t stepEnd = std::min(lower.find(':', from), call);
    std::string_view step = lower.substr(from, stepEnd - from);
    // The kind of object the verb acts on comes before any other the step links it to (`deleting pod
    // from network` deletes no network).
    for (const std::string_view link :
         {" from ", " to ", " on ", " in ", " for ", " of ", " with ", " into "})
        step = step.substr(0, std::min(step.find(link), step.size()));
    static constexpr std::string_view kVerbs[] = {"create", "delete", "update", "modify", "attach",
                                                  "detach", "add",    "remove", "get",    "query"};
    // The verb or its -ing form (`creating`, `adding`, `querying`), the step's first word.
    const std::string_view first = step.substr(0, std::min(step.find(' '), step.size()));
    const std::string_view gerund = verbOfGerund(first);
    std::string_view verb;
    for (const std::string_view v : kVerbs)
        if (first == v || gerund == v)
            verb = v;
    std::string_view kind;
    std::size_t kindAt = std::string_view::npos;
    for (const KindSpelled& word : kKindWords)
        if (const std::size_t found = step.find(word.text); found != std::string_view::npos) {
            kind = resourceKindLabel(word.kind);
            kindAt = found;
            break;
        }
    if (verb.empty() || kind.empty())
        return {};
    // A word that says which one, between the verb and the kind (`creating ingress network`); none of an
    // article or `new`.
    std::string_view which =
        trimBlanks(step.substr(first.size(), kindAt > first.size() ? kindAt - first.size() : 0));
    for (const std::string_view filler : {"the ", "a ", "an ", "new ", "hns ", "hcn "})
        while (which.starts_with(filler))
            which = trimBlanks(which.substr(filler.size()));
    if (which == "the" || which == "a" || which == "new" || which == "hns" || which == "hcn")
        which = {};
    if (!which.empty() && which.find(' ') == std::string_view::npos &&
        std::all_of(which.begin(), which.end(), [](char c) { return isLoggedWordChar(c) || c == '-'; }))
        return std::string(verb) + " " + std::string(which) + " " + std::string(kind);
    // The object's name after its kind word (`error creating endpoint web: hnsCall failed ...`), as logged:
    // one word, none that goes on a sentence or says the step failed.
    std::size_t kindEnd = kindAt;
    while (kindEnd < step.size() && step[kindEnd] != ' ')
        ++kindEnd;
    const std::size_t blankBefore = step.rfind(' ', kindAt);
    const std::size_t tokenAt = blankBefore == std::string_view::npos ? 0 : blankBefore + 1;
    std::size_t nameAt = from + kindEnd + 1;
    if (kindEnd + 1 < step.size() && nameAt < text.size() &&
        isKindToken(step.substr(tokenAt, kindEnd - tokenAt))) {
        const std::string_view word = trimBlanks(step.substr(kindEnd + 1));
        std::string name = quotedOrBareName(text, nameAt);
        while (!name.empty() && name.back() == '.')
            name.pop_back();
        if (!name.empty() && nameAt >= from + kindEnd + 1 + word.size() && !isWordAfterKind(word) &&
            word != "failed" && word != "err" && std::all_of(name.begin(), name.end(), [](char c) {
                return isLoggedWordChar(c) || c == '-' || c == '.';
            }))
            return std::string(verb) + " " + std::string(kind) + " " + name;
    }
    return std::string(verb) + " " + std::string(kind);
}

std::string invokeHnsRequestSaid(std::string_view text, std::string_view lower)
{
    const std::size_t call = lower.find("invoke-hnsrequest");
    if (call == std::string_view::npos)
        return {};
    // Its arguments as PowerShell reads them (`-Method POST -Type networks -Id <guid>`, `-Type:"networks"`).
    const std::string_view command = text.substr(call + 17);
    const CommandArguments args = argumentsOf(commandWords(commandExtent(command)), 0, nullptr);
    const std::string method = lowerCopy(args.first("method"));
    const std::string type = args.first("type");
    const std::string id = args.first("id");
    if (method.empty() || type.empty() || type.starts_with('$') || id.starts_with('$'))
        return {};
    std::string said = restRequestSaid(method, type + (id.empty() ? "" : "/" + id));
    if (said.empty())
        return {};
    return said + " (Invoke-HnsRequest " + upperCopy(method) + " " + type + ")";
}

std::string networkNamedOn(std::string_view text, std::string_view lower)
{
    if (const std::size_t call = lower.find("provisionendpoint("); call != std::string_view::npos) {
        const std::size_t comma = lower.find(',', call);
        if (comma != std::string_view::npos && findLoggedGuid(text, comma + 1) == comma + 1)
            return std::string(text.substr(comma + 1, 36));
    }
    for (std::size_t at = lower.find("network"); at != std::string_view::npos;
         at = lower.find("network", at + 1)) {
        if (at > 0 && isLoggedWordChar(lower[at - 1]))
            continue;
        std::size_t id = at + 7;
        if (lower.substr(id).starts_with("id"))
            id += 2;
        while (id < lower.size() && (lower[id] == ' ' || lower[id] == '=' || lower[id] == ':' ||
                                     lower[id] == '"' || lower[id] == '\\' || lower[id] == '{'))
            ++id;
        if (id - at <= 16 && findLoggedGuid(text, id) == id)
            return std::string(text.substr(id, 36));
    }
    return {};
}

std::string endpointProvisionedOn(std::string_view text, std::string_view lower)
{
    const std::size_t call = lower.find("provisionendpoint(");
    if (call == std::string_view::npos || (call > 0 && isLoggedWordChar(lower[call - 1])))
        return {};
    const std::size_t start = call + 18;
    const std::size_t comma = lower.find(',', start);
    if (comma == std::string_view::npos)
        return {};
    const std::string_view name = trimBlanks(text.substr(start, comma - start));
    if (name.empty() || name.size() > kMaxLoggedMessage || !std::all_of(name.begin(), name.end(), [](char c) {
            return isLoggedWordChar(c) || c == '-' || c == '.';
        }))
        return {};
    return std::string(name);
}

std::string operationOf(std::string_view text, std::string_view lower, LoggedError* into)
{
    if (std::size_t end = lower.rfind("failed in win32:"); end != std::string_view::npos) {
        while (end > 0 && text[end - 1] == ' ')
            --end;
        std::size_t start = end;
        while (start > 0 && isLoggedWordChar(text[start - 1]))
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
        if ((at > 0 && isLoggedWordChar(text[at - 1])) ||
            !(lowerWord.starts_with("hcn") || lowerWord.starts_with("hns")) ||
            std::none_of(std::begin(kVerbs), std::end(kVerbs),
                         [&](std::string_view verb) { return word.substr(3).starts_with(verb); }))
            continue;
        std::size_t end = at;
        while (end < text.size() && isLoggedWordChar(text[end]))
            ++end;
        return std::string(text.substr(at, end - at));
    }
    // The step the line names before `failed` (`create endpoint failed: HNS error 0x803b0013`), else the one
    // before the error (`failed to create endpoint: HNS error: 0x803b0013`).
    std::string step = verbStepBeforeFailed(text, lower);
    if (step.empty())
        step = stepBeforeColonOf(text, lower);
    if (into && !step.empty())
        verbAndKindOf(step, *into);
    return step;
}

std::string wslApiStepOf(std::string_view text)
{
    const std::string_view t = trimBlanks(text);
    std::size_t end = 0;
    while (end < t.size() && isLoggedWordChar(t[end]))
        ++end;
    const std::string_view name = t.substr(0, end);
    if (name.size() <= 3 || !name.starts_with("Wsl") || !std::isupper(static_cast<unsigned char>(name[3])) ||
        !lowerCopy(t.substr(end)).starts_with(" failed with error"))
        return {};
    if (name == "WslRegisterDistribution")
        return "WslRegisterDistribution (WSL installing a distribution)";
    return std::string(name);
}

std::string composeNetworkCreatedOn(std::string_view text)
{
    constexpr std::string_view kLead = "Creating network \"";
    const std::string_view t = trimBlanks(text);
    if (!t.starts_with(kLead))
        return {};
    const std::size_t close = t.find('"', kLead.size());
    if (close == std::string_view::npos)
        return {};
    const std::string_view name = t.substr(kLead.size(), close - kLead.size());
    if (name.empty() || name.size() > kMaxLoggedMessage || !std::all_of(name.begin(), name.end(), [](char c) {
            return isLoggedWordChar(c) || c == '-' || c == '.';
        }))
        return {};
    const std::string_view driver = t.substr(close + 1);
    if (driver != " with the default driver" &&
        !(driver.starts_with(" with driver \"") && driver.ends_with('"') && driver.size() > 15))
        return {};
    return std::string(name);
}

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

std::string hotAttachStepOf(std::string_view text, std::string_view lower, std::size_t* end)
{
    std::size_t at = std::string_view::npos;
    std::string_view verb; // as logged: a hot add is said so
    for (const std::string_view lead : {"hot attach ", "hot add ", "hot-add "})
        if (const std::size_t found = findWholeWord(lower, lead); found < at) {
            at = found + lead.size();
            verb = lead == "hot attach " ? "attach" : "add";
        }
    // What failed: `failed to hot attach`, `Failed to hot attach`, calico's `Unable to hot attach`.
    if (at == std::string_view::npos ||
        !holdsAnyIgnoringCase(lower.substr(0, at), {"fail", "unable to", "could not", "cannot", "can't"}))
        return {};
    // The endpoint: a kind word (`HNS Endpoint`, `HNSEndpoint`, `HostComputeEndpoint`, `endpoint`) after
    // words that say what it is for (`shared`, `bridge`), then its name: quoted, in brackets or bare.
    for (const std::string_view word : {"shared ", "bridge ", "the "})
        if (lower.substr(at).starts_with(word))
            at += word.size();
    bool kind = false;
    for (const std::string_view word : {"hns endpoint", "hnsendpoint", "hostcomputeendpoint", "endpoint"})
        if (lower.substr(at).starts_with(word)) {
            at += word.size();
            kind = true;
            break;
        }
    if (!kind)
        return {};
    const auto nameAt = [&](std::size_t& from) {
        if (from < text.size() && text[from] == ' ')
            ++from;
        if (from < text.size() && text[from] == '[') {
            const std::size_t close = text.find(']', from);
            if (close == std::string_view::npos || close - from - 1 > kMaxLoggedMessage)
                return std::string();
            std::string name(trimBlanks(text.substr(from + 1, close - from - 1)));
            from = close + 1;
            return name;
        }
        if (lower.substr(from).starts_with("to "))
            return std::string();
        std::size_t next = from;
        std::string name = quotedOrBareName(text, next);
        while (!name.empty() && (name.back() == ',' || name.back() == '.'))
            name.pop_back();
        if (!name.empty())
            from = next;
        return name;
    };
    const std::string endpoint = nameAt(at);
    std::string step =
        "hot " + std::string(verb) + " of endpoint" + (endpoint.empty() ? std::string() : " " + endpoint);
    if (at < lower.size() && lower[at] == ' ')
        ++at;
    if (lower.substr(at).starts_with("to host compartment")) {
        at += 19;
        step += " to the host compartment";
    } else if (lower.substr(at).starts_with("to host default hostcomputenamespace")) {
        at += 36;
        step += " to the host's default namespace";
    } else if (lower.substr(at).starts_with("to container")) {
        at += 12;
        const std::string container(shortContainerId(nameAt(at)));
        if (!container.empty())
            step += " to container " + container;
    }
    if (end)
        *end = std::min(at, text.size());
    return validUtf8(step);
}

void nameRequestIn(std::string_view text, LoggedError& error)
{
    static constexpr std::string_view kVerbs[] = {"create", "delete", "remove", "add", "attach", "detach",
                                                  "update", "modify", "open",   "get", "query",  "apply"};
    const std::string lower = lowerCopy(text);
    if (std::string step = hotAttachStepOf(text, lower); !step.empty()) {
        error.request = std::move(step);
        error.verb = "attach";
        error.kind = ResourceKind::Endpoint;
        return;
    }
    // Of a Go error chain's steps (`Failed to delete endpoint web-eth0, err:Failed to remove hcn endpoint:
    // <id> from namespace: <id> due to error: hcnOpenNamespace failed`), the innermost: what HNS was asked.
    // The chain ends where kubelet's next clause starts (`..., failed to clean up sandbox ...`): its steps
    // are the clean-up's, not the failure's.
    const std::size_t chainEnd = std::min(lower.find(kNextClause), lower.size());
    // The steps that name an object, where their lead starts, and whether a second object is linked to it.
    struct Named
    {
        std::size_t lead;
        NamedObject object;
        bool linked = false;
    };
    std::vector<Named> namedSteps;
    for (std::size_t at = findWholeWord(lower, "failed to "); at < chainEnd;
         at = findWholeWord(lower, "failed to ", at + 1)) {
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
        bool linked = false;
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
            linked = true;
            if (const std::optional<Guid> id = Guid::parse(other.name); id && id->isNull())
                request += link == " from " ? " (the null GUID: the " + kind + " was in no " + otherKind + ")"
                                            : " (the null GUID: no " + otherKind + ")";
            break;
        }
        error.request = std::move(request);
        error.verb = *verb;
        error.kind = object.kind;
        namedSteps.push_back({at, object, linked});
    }
    // Of a Go error chain (stepChainOf) that holds the step named last, the innermost step met the error
    // (`failed to create network cbr0: failed to create endpoint: hnsCall failed ...`), named or not.
    if (namedSteps.empty())
        return;
    const std::vector<ColonStep> chain = stepChainOf(lower);
    const auto inChain = [&](std::size_t lead) {
        return std::size_t(std::find_if(chain.begin(), chain.end(),
                                        [&](const ColonStep& step) { return step.lead == lead; }) -
                           chain.begin());
    };
    std::size_t met = inChain(namedSteps.back().lead);
    if (met == chain.size())
        return;
    bool linked = namedSteps.back().linked;
    if (met + 1 < chain.size()) {
        const ColonStep& inner = chain.back();
        const std::vector<std::string_view> words = stepWords(lower, inner.from, inner.colon);
        const std::size_t kindAt = kindWordOfStep(words);
        const std::string verb(verbOfGerund(words[0]).empty() ? words[0] : verbOfGerund(words[0]));
        const ResourceKind kind =
            kindAt == std::string_view::npos ? ResourceKind::Invalid : kindOfToken(words[kindAt]);
        std::string name;
        if (kind != ResourceKind::Invalid && kindAt + 1 < words.size()) {
            std::size_t nameAt = std::size_t(words[kindAt + 1].data() - lower.data());
            name = quotedOrBareName(text, nameAt);
        }
        // Not the same step said again without its name (`failed to create network cbr0: failed to create
        // network: ...`).
        if (kind != ResourceKind::Invalid && !(name.empty() && verb == error.verb && kind == error.kind)) {
            error.request =
                verb + " " + std::string(resourceKindLabel(kind)) + (name.empty() ? "" : " " + name);
            error.verb = verb;
            error.kind = kind;
            met = chain.size() - 1;
            linked = false;
        }
    }
    // An endpoint's step chained to a network's names that network (`failed to create network cbr0: failed
    // to create endpoint web: ...`: "create endpoint web on network cbr0").
    if (error.kind != ResourceKind::Endpoint || linked || met == 0)
        return;
    for (const Named& outer : namedSteps)
        if (outer.lead == chain[met - 1].lead && outer.object.kind == ResourceKind::Network) {
            error.request += " on network " + outer.object.name;
            error.placeholder = error.placeholder || outer.object.placeholder;
        }
}

} // namespace hcn::io::logged
