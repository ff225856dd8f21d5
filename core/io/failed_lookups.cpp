// HNS objects a client looked up and did not find (see failed_lookups.h).

#include "io/failed_lookups.h"

#include "common/text.h"
#include "common/utf8.h"
#include "hcn/guid.h"
#include "io/escaped_quotes.h"
#include "io/failed_lookup_effects.h"
#include "io/felix_network_lookups.h"
#include "io/log_levels.h"
#include "io/logged_words.h"
#include "io/repeated_messages.h"
#include "io/text_scan.h"
#include "io/text_tables.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <tuple>

namespace hcn::io {
namespace {

/// A looked-up name is kept to this many bytes.
constexpr std::size_t kMaxLookedUpName = 120;
/// At most this many different lookups are named per source.
constexpr std::size_t kMaxLookups = 50;

/// How hcsshim names the kind of object in its not-found errors, and what the report calls it.
struct LookupKind
{
    std::string_view logged; ///< as it starts the error: "Endpoint "
    std::string_view kind;   ///< "endpoint"
};
constexpr LookupKind kKinds[] = {{"Endpoint ", "endpoint"},
                                 {"Network ", "network"},
                                 {"Namespace ", "namespace"},
                                 {"LoadBalancer ", "load balancer"},
                                 {"SDN Route ", "route"}};

/// The words after a looked-up name that say HNS has no such object: hcsshim's `not found`, and
/// `does not exist` as scripts and tests word it (`Network 'cbr0' does not exist`).
constexpr std::string_view kMissingWords[] = {" not found", " does not exist", " doesn't exist"};

/// The size of the words of kMissingWords `text` starts with; 0 when it starts with none.
std::size_t missingWordsSize(std::string_view text)
{
    for (const std::string_view words : kMissingWords)
        if (text.starts_with(words))
            return words.size();
    return 0;
}

struct Lookup
{
    std::string_view kind;
    std::string name;
    std::string_view by; ///< "name", "ID"
};

/// The lookup hcsshim's error at `at` in `text` (`Endpoint External not found`, `Endpoint ID "..." not
/// found`), or a script's (`Network 'cbr0' does not exist`), states, when it states one.
std::optional<Lookup> lookupAt(std::string_view text, std::size_t at, const LookupKind& kind)
{
    std::string_view rest = text.substr(at + kind.logged.size());
    std::string_view by = "name";
    bool quoted = false;
    for (const std::string_view qualifier :
         {std::string_view("name "), std::string_view("ID "), std::string_view("Id ")}) {
        if (rest.starts_with(qualifier)) {
            by = qualifier == "name " ? "name" : "ID";
            rest.remove_prefix(qualifier.size());
            quoted = true; // the hcn package prints the value with %q
            break;
        }
    }
    // The LoadBalancer and SDN Route wordings print an ID with %q.
    if (kind.kind == "load balancer" || kind.kind == "route") {
        by = "ID";
        quoted = true;
    }
    std::string name;
    std::size_t end = 0;
    // %q inside a log's quoted value is escaped: `\"web\"`, twice in a value quoted inside it: `\\\"web\\\"`.
    std::string_view quote = rest.substr(0, openingQuoteSize(rest, 0));
    if (quote.empty() && rest.starts_with('\''))
        quote = rest.substr(0, 1); // PowerShell's and a test's quotes
    if (!quote.empty()) {
        end = rest.find(quote, quote.size());
        if (end == std::string_view::npos)
            return std::nullopt;
        name = std::string(rest.substr(quote.size(), end - quote.size()));
        end += quote.size();
    } else {
        if (quoted)
            return std::nullopt;
        while (end < rest.size() && !std::isspace(static_cast<unsigned char>(rest[end])) && rest[end] != '"')
            ++end;
        name = std::string(rest.substr(0, end));
    }
    const std::size_t missing = missingWordsSize(rest.substr(end));
    if (name.empty() || name.size() > kMaxLookedUpName || logged::isWordAfterKind(lowerCopy(name)) ||
        missing == 0)
        return std::nullopt;
    const std::string_view after = rest.substr(end + missing);
    if (!after.empty() && std::isalnum(static_cast<unsigned char>(after.front())))
        return std::nullopt;
    return Lookup{kind.kind, validUtf8(std::move(name)), by};
}

/// Whether `text` holds ` not found`, no lookup in words as a writer whose English is not native words it
/// (`Can not found HNS network`, `could not found`: kLookupLeads), or ` does not exist`. (`not found` is
/// looked for first: a space is in every line, an `n` followed by `ot found` in few.)
bool saysNotFound(std::string_view text)
{
    // (`xist` first: few lines hold an `x`, every indented one a run of blanks.)
    if (text.find("xist") != std::string_view::npos &&
        (text.find(kMissingWords[1]) != std::string_view::npos ||
         text.find(kMissingWords[2]) != std::string_view::npos))
        return true;
    for (std::size_t at = text.find("not found"); at != std::string_view::npos;
         at = text.find("not found", at + 1)) {
        if (at == 0 || text[at - 1] != ' ')
            continue;
        const std::string_view before = text.substr(0, at - 1);
        std::size_t word = before.size();
        while (word > 0 && std::isalpha(static_cast<unsigned char>(before[word - 1])) != 0)
            --word;
        const std::string modal = lowerCopy(before.substr(word));
        if (modal != "can" && modal != "could")
            return true;
    }
    return false;
}

/// The value after `key` up to its closing quote (`WorkloadId:"api01/api01"`, `ip="10.244.31.76/32"`,
/// also escaped `\"`); empty when the line has none.
std::string quotedAfter(std::string_view text, std::string_view key)
{
    const std::size_t at = text.find(key);
    if (at == std::string_view::npos)
        return {};
    std::string_view rest = text.substr(at + key.size());
    if (rest.starts_with("\\"))
        rest.remove_prefix(1);
    if (!rest.starts_with('"'))
        return {};
    rest.remove_prefix(1);
    const std::size_t end = rest.find_first_of("\\\"");
    if (end == std::string_view::npos || end == 0 || end > kMaxLookedUpName)
        return {};
    return validUtf8(std::string(rest.substr(0, end)));
}

/// Adds `value` to `list` once; whether it was there already (looked up again).
bool addOnce(std::vector<std::string>& list, std::string value)
{
    if (value.empty())
        return false;
    if (std::find(list.begin(), list.end(), value) != list.end())
        return true;
    if (list.size() < kMaxLookups)
        list.push_back(std::move(value));
    return false;
}

/// Calico felix's failed lookups of the HNS endpoints of its workloads (`Failed to look up HNS endpoint
/// for workload id=...WorkloadId:"api01/api01"...`, `Could not resolve hns endpoint id
/// ip="10.244.31.76/32"`, `Failed to look up one or more HNS endpoints; will schedule a retry`,
/// `error=Endpoint could not be found`) with what its cache of HNS's endpoints held (`Cache refresh is
/// complete. 0 endpoints were cached`): one info for the source, also when no line names a workload or an
/// address ("one or more HNS endpoints of its workloads (the log names none of them)"). It says felix retries
/// only when the log shows it: a line of the lookups says so (`will schedule a retry`), or one workload or
/// address is looked up again.
std::optional<ImportWarning> felixLookupsIn(const std::vector<CleanedLine>& lines)
{
    std::vector<std::string> workloads;
    std::vector<std::string> addresses;
    std::vector<std::pair<int, int>> at;
    std::optional<std::pair<long long, int>>
        cached; // the count cached and its line, the last before a lookup
    std::optional<std::pair<long long, int>> lastCached;
    bool failed = false;
    bool retries = false;
    bool unnamed = false; // felix says it looked up endpoints it does not name
    for (const CleanedLine& line : lines) {
        const std::string_view text = line.text;
        if (!holdsIgnoringCase(text, "endpoint"))
            continue;
        const bool felix = text.find("felix") != std::string_view::npos;
        bool lookup = false;
        if (text.find("Failed to look up HNS endpoint for workload") != std::string_view::npos) {
            retries = addOnce(workloads, quotedAfter(text, "WorkloadId:")) || retries;
            lookup = true;
        } else if (text.find("Could not resolve hns endpoint id") != std::string_view::npos) {
            retries = addOnce(addresses, quotedAfter(text, "ip=")) || retries;
            lookup = true;
        } else if (text.find("Failed to look up one or more HNS endpoints") != std::string_view::npos) {
            lookup = true;
            unnamed = true;
        } else if (felix && text.find("Endpoint could not be found") != std::string_view::npos) {
            lookup = true;
        } else if (const std::size_t done = text.find("Cache refresh is complete. ");
                   felix && done != std::string_view::npos) {
            std::string_view count = text.substr(done + 27);
            long long n = 0;
            std::size_t digits = 0;
            for (; digits < count.size() && digits < 9 &&
                   std::isdigit(static_cast<unsigned char>(count[digits]));
                 ++digits)
                n = n * 10 + (count[digits] - '0');
            if (digits > 0 && count.substr(digits).starts_with(" endpoints were cached"))
                lastCached = std::make_pair(n, line.sourceLine);
        }
        if (!lookup)
            continue;
        failed = true;
        retries = retries || holdsIgnoringCase(text, "retry");
        at.emplace_back(line.sourceLine, line.sourceLine);
        if (lastCached && !cached)
            cached = lastCached;
    }
    // felix's `Endpoint could not be found` alone (a retry of deferred work) says no lookup of its own.
    if (!failed || (workloads.empty() && addresses.empty() && !unnamed))
        return std::nullopt;
    const auto joined = [](const std::vector<std::string>& list) {
        std::string out;
        for (const std::string& item : list)
            out += (out.empty() ? "" : ", ") + item;
        return out;
    };
    std::string message = "Calico felix could not find the HNS endpoint";
    if (workloads.empty() && addresses.empty())
        message =
            "Calico felix could not find one or more HNS endpoints of its workloads (the log names none "
            "of them)";
    else if (!workloads.empty())
        message +=
            std::string(workloads.size() == 1 ? " of workload " : "s of workloads ") + joined(workloads);
    else
        message += addresses.size() == 1 ? "" : "s";
    if (!addresses.empty())
        message += (workloads.empty() ? " for " : " (") + joined(addresses) + (workloads.empty() ? "" : ")");
    if (retries)
        message += " and retries";
    if (!cached && lastCached)
        cached = lastCached;
    if (cached)
        message += "; its cache of HNS's endpoints held " + std::to_string(cached->first) + " at " +
                   tables::lineRange(cached->second, cached->second);
    const std::vector<std::pair<int, int>> runs = tables::joinedRuns(at);
    std::string where = runs.size() == 1 && runs[0].first == runs[0].second ? "line " : "lines ";
    for (std::size_t i = 0; i < runs.size() && i < 10; ++i)
        where += (i == 0 ? "" : ", ") +
                 (runs[i].first == runs[i].second
                      ? std::to_string(runs[i].first)
                      : std::to_string(runs[i].first) + "-" + std::to_string(runs[i].second));
    message += " (" + where + ")";
    return ImportWarning{runs.front().first, runs.back().second, std::move(message)};
}

/// A lookup a client logs in words without a code (`Can't find the network.`, flannel's `Cannot find
/// network with Management IP 10.0.0.4`, kube-proxy's `Unable to find HNS Network specified`): the kind
/// of object, what names it (`with Management IP 10.0.0.4`, `"cbr0"`, an ID, a field of the log naming
/// it, nameFieldOf; empty when nothing does) and the words as logged.
struct LookupInWords
{
    std::string_view kind;
    std::string named;
    std::string phrase;
};

/// The words that start a lookup in words, lower case; also as a writer whose English is not native
/// words them (`Can not found HNS network Calico_ep`).
constexpr std::string_view kLookupLeads[] = {
    "can't find ",      "cannot find ",    "can not find ",   "could not find ", "couldn't find ",
    "unable to find ",  "failed to find ", "can't found ",    "cannot found ",   "can not found ",
    "could not found ", "couldn't found ", "unable to found "};
/// Words after the kind that say the object was named elsewhere (`the network specified`): nothing named,
/// unless `by` and a name follow (kube-proxy's fatal `Unable to find Hns Network speficied by cbr0`, as
/// it spells it).
constexpr std::string_view kNamedElsewhere[] = {"specified", "speficied",  "requested",
                                                "given",     "configured", "provided"};

/// The length of a name as a lookup logs it from the start of `rest`: quoted (`"cbr0"`, `\"cbr0\"`,
/// `'cbr0'`), a GUID, or a bare name with a digit or a `-`, `_`, `.` inside (`flannel.4096`, `vxlan0`): a
/// bare English word is prose (`network settings`). 0 when `rest` starts with none.
std::size_t lookedUpNameSize(std::string_view rest)
{
    const std::size_t escaped = openingQuoteSize(rest, 0);
    for (const std::string_view quote : {rest.substr(0, escaped), std::string_view("'")})
        if (!quote.empty() && rest.starts_with(quote)) {
            const std::size_t close = rest.find(quote, quote.size());
            return close == std::string_view::npos || close == quote.size() || close > kMaxLookedUpName
                       ? 0
                       : close + quote.size();
        }
    std::size_t end = 0;
    while (end < rest.size() && (logged::isLoggedWordChar(rest[end]) || rest[end] == '-' || rest[end] == '.'))
        ++end;
    while (end > 0 && rest[end - 1] == '.')
        --end;
    const std::string_view word = rest.substr(0, end);
    if (word.size() == 36 && tables::isGuid(word))
        return end;
    const bool nameLike = std::any_of(word.begin(), word.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
    });
    return nameLike && end <= kMaxLookedUpName ? end : 0;
}

/// The name a structured log gives in a field of its own for an object of `kind` (lower case, `network`):
/// kube-proxy's `hnsNetworkName="flannel.4096"`, `networkName=cbr0`, `endpointName="web"`, a key that
/// holds the kind word and ends in `name`. Quoted as found (`"flannel.4096"`); empty when there is none.
std::string nameFieldOf(std::string_view text, std::string_view lower, std::string_view kind)
{
    for (std::size_t at = lower.find("name="); at != std::string_view::npos;
         at = lower.find("name=", at + 1)) {
        std::size_t key = at;
        while (key > 0 && logged::isLoggedWordChar(lower[key - 1]))
            --key;
        if (lower.substr(key, at - key).find(kind) == std::string_view::npos)
            continue;
        std::string_view value = text.substr(at + 5);
        const bool quoted = value.starts_with('"');
        value.remove_prefix(quoted);
        const std::size_t end = quoted ? value.find('"') : value.find_first_of(" ,;");
        value = value.substr(0, end);
        if (value.empty() || value.size() > kMaxLookedUpName || (end == std::string_view::npos && quoted))
            continue;
        return validUtf8("\"" + std::string(value) + "\"");
    }
    return {};
}

/// The lookup in words `text` (`lower`, its lower case) states, when it states one: a lead
/// (kLookupLeads), `the`, `an`, `HNS` or none, a kind word (logged::kKindWords), then the end of the
/// phrase, what names the object (`with ...`, `named ...`, a name as lookedUpNameSize reads it) or a word
/// that says it was named elsewhere. Anything else after the kind word is prose (`network settings`,
/// `network adapter`).
std::optional<LookupInWords> lookupInWordsIn(std::string_view text, std::string_view lower)
{
    for (const std::string_view lead : kLookupLeads) {
        for (std::size_t at = lower.find(lead); at != std::string_view::npos; at = lower.find(lead, at + 1)) {
            if (at > 0 && logged::isLoggedWordChar(lower[at - 1]))
                continue;
            std::size_t next = at + lead.size();
            for (const std::string_view article : {"the ", "an ", "a ", "hns ", "any "})
                if (lower.substr(next).starts_with(article))
                    next += article.size();
            if (lower.substr(next).starts_with("hns "))
                next += 4;
            const logged::KindSpelled* kind = nullptr;
            for (const logged::KindSpelled& word : logged::kKindWords)
                if (lower.substr(next).starts_with(word.text) &&
                    (next + word.text.size() == lower.size() ||
                     !logged::isLoggedWordChar(lower[next + word.text.size()]))) {
                    kind = &word;
                    break;
                }
            if (!kind)
                continue;
            next += kind->text.size();
            LookupInWords lookup{resourceKindLabel(kind->kind), {}, {}};
            const std::string_view rest = text.substr(next);
            const std::string_view lowerRest = lower.substr(next);
            // The end of the phrase: the end of the text, a closing quote, or punctuation.
            std::size_t phraseEnd = next;
            if (rest.empty() ||
                std::string_view(".,;:!?\"\\)").find(rest.front()) != std::string_view::npos) {
                if (!rest.empty() && rest.front() == '.')
                    ++phraseEnd;
            } else if (rest.front() == ' ') {
                const std::string_view after = rest.substr(1);
                const std::string_view lowerAfter = lowerRest.substr(1);
                const std::size_t wordEnd = std::min(after.size(), after.find_first_of(" ,.;:\"\\"));
                const std::string_view word = lowerAfter.substr(0, wordEnd);
                if (std::find(std::begin(kNamedElsewhere), std::end(kNamedElsewhere), word) !=
                    std::end(kNamedElsewhere)) {
                    phraseEnd = next + 1 + wordEnd;
                    if (lowerAfter.substr(wordEnd).starts_with(" by "))
                        if (const std::size_t name = lookedUpNameSize(after.substr(wordEnd + 4)); name > 0) {
                            lookup.named = validUtf8(std::string(after.substr(wordEnd + 4, name)));
                            phraseEnd += 4 + name;
                        }
                } else if (word == "with" || word == "named" || word == "called" || word == "for") {
                    std::size_t end = after.find_first_of(",;\"");
                    end = std::min(end, after.size());
                    while (end > 0 && (after[end - 1] == '.' || after[end - 1] == ' '))
                        --end;
                    if (end <= wordEnd + 1 || end > kMaxLookedUpName)
                        continue;
                    lookup.named = validUtf8(std::string(after.substr(0, end)));
                    phraseEnd = next + 1 + end;
                } else if (const std::size_t name = lookedUpNameSize(after); name > 0) {
                    std::string_view shown = after.substr(0, name);
                    if (const std::size_t quote = openingQuoteSize(shown, 0); quote > 1)
                        lookup.named =
                            "\"" + std::string(shown.substr(quote, shown.size() - 2 * quote)) + "\"";
                    else
                        lookup.named = std::string(shown);
                    lookup.named = validUtf8(std::move(lookup.named));
                    phraseEnd = next + 1 + name;
                } else {
                    continue;
                }
            } else {
                continue;
            }
            lookup.phrase = validUtf8(std::string(text.substr(at, phraseEnd - at)));
            if (lookup.named.empty())
                lookup.named = nameFieldOf(text, lower, kind->text);
            return lookup;
        }
    }
    return std::nullopt;
}

/// Whether `lower` states an error code or HNS's words of failure, which the readers of logged failures
/// report (logged_error.h): a lookup in words on such a line is theirs.
bool statesAnError(std::string_view lower)
{
    for (const std::string_view mark : {"0x", "hns failed with error", "failed in win32", "errorcode"})
        if (lower.find(mark) != std::string_view::npos)
            return true;
    return false;
}

/// The lookup in words a line states (lookupInWordsIn), when the readers of logged failures do not read
/// the line (statesAnError) and hcsshim's words are not on it (saysNotFound).
std::optional<LookupInWords> lookupInWordsOn(std::string_view text)
{
    if ((!holdsIgnoringCase(text, " find ") && !holdsIgnoringCase(text, " found ")) || saysNotFound(text))
        return std::nullopt;
    const std::string lower = lowerCopy(text);
    if (statesAnError(lower))
        return std::nullopt;
    return lookupInWordsIn(text, lower);
}

/// The lookups hcsshim's error states on a line (one object may be named twice: `failed to find endpoint
/// X: Endpoint X not found`; failedLookupsIn says it once).
std::vector<Lookup> hcsshimLookupsOn(std::string_view text)
{
    std::vector<Lookup> onLine;
    if (!saysNotFound(text))
        return onLine;
    for (const LookupKind& kind : kKinds) {
        for (std::size_t at = text.find(kind.logged); at != std::string_view::npos;
             at = text.find(kind.logged, at + 1)) {
            if (at > 0 && (std::isalnum(static_cast<unsigned char>(text[at - 1])) || text[at - 1] == '_'))
                continue;
            if (std::optional<Lookup> lookup = lookupAt(text, at, kind))
                onLine.push_back(std::move(*lookup));
        }
    }
    // A script's words in lower case after `HNS` (`HNS network 'cbr0' does not exist`).
    const std::string lower = lowerCopy(text);
    for (const LookupKind& kind : kKinds) {
        const std::string words = "hns " + lowerCopy(kind.logged);
        for (std::size_t at = lower.find(words); at != std::string::npos; at = lower.find(words, at + 1))
            if (text.substr(at + 4, kind.logged.size()) != kind.logged &&
                (at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1]))))
                if (std::optional<Lookup> lookup = lookupAt(text, at + 4, kind))
                    onLine.push_back(std::move(*lookup));
    }
    return onLine;
}

/// What a lookup's messages are keyed by: the kind and the object's name in lower case without its quotes,
/// so the same object looked up in words (`Failed to find endpoint cid-6465...`) and by hcsshim
/// (`Endpoint cid-6465... not found`) is one message; a lookup in words that names nothing by its words.
std::pair<std::string, std::string> lookupKey(std::string_view kind, std::string_view name)
{
    std::string key;
    for (const char c : name)
        if (c != '"' && c != '\\' && c != '\'')
            key += c;
    return {std::string(kind), lowerCopy(key)};
}

/// `name` without the quotes a log put around it.
std::string unquoted(std::string_view name)
{
    std::string bare;
    for (const char c : name)
        if (c != '"' && c != '\\' && c != '\'')
            bare += c;
    return bare;
}

/// Whether `text` is source code that formats a log message rather than a log line: a Go call of a
/// logging or formatting function with a format string (`klog.Errorf("Unable to find Hns Network
/// specified by %s ...", name)`, `fmt.Errorf("network %s not found", ...)`, `errors.New("...")`).
bool isLoggingCall(std::string_view text)
{
    for (const std::string_view call : {"Errorf(\"", "Fatalf(\"", "Infof(\"", "Warningf(\"", "Warnf(\"",
                                        "Debugf(\"", "Sprintf(\"", "Printf(\"", "errors.New(\""})
        if (const std::size_t at = text.find(call);
            at != std::string_view::npos && at > 0 && (text[at - 1] == '.' || call.starts_with("errors.")))
            return true;
    return false;
}

} // namespace

std::vector<LineLookup> lookupsOn(std::string_view text)
{
    std::vector<LineLookup> found;
    const auto add = [&found](LineLookup lookup) {
        if (std::none_of(found.begin(), found.end(),
                         [&](const LineLookup& l) { return l.key == lookup.key; }))
            found.push_back(std::move(lookup));
    };
    for (const Lookup& lookup : hcsshimLookupsOn(text))
        add({lookupKey(lookup.kind, lookup.name), std::string(lookup.kind) + " \"" + lookup.name + "\"",
             "the log says HNS has no " + std::string(lookup.kind) + " \"" + lookup.name +
                 "\" (looked up by " + std::string(lookup.by) + ")"});
    if (std::optional<LookupInWords> lookup = lookupInWordsOn(text)) {
        if (lookup->named.empty())
            add({lookupKey(lookup->kind, "\n" + lowerCopy(lookup->phrase)),
                 std::string(lookup->kind) + " (\"" + lookup->phrase + "\"; it names none)",
                 "the log says a lookup found no HNS " + std::string(lookup->kind) + " (\"" + lookup->phrase +
                     "\"; no name and no error code logged)"});
        else {
            // A phrase (`with Management IP 10.0.0.4`) is said as it is, a name in quotes; a value the
            // poster wrote in place of the real one (`[IPAddrofWorkerNIC]`) is said to be one.
            const std::string bare = unquoted(lookup->named);
            const bool quoted = lookup->named.starts_with('"') || lookup->named.starts_with('\'');
            const std::size_t blank = bare.rfind(' ');
            const bool phrase = !quoted && blank != std::string::npos;
            const std::string_view value = quoted || blank == std::string::npos
                                               ? std::string_view(bare)
                                               : std::string_view(bare).substr(blank + 1);
            const std::string written = isWrittenPlaceholder(value)
                                            ? " (" + std::string(value) + " is a placeholder, not a value)"
                                            : std::string();
            add({lookupKey(lookup->kind, lookup->named),
                 std::string(lookup->kind) + (phrase ? " " + bare : " \"" + bare + "\"") + written,
                 "the log says HNS has no " + std::string(lookup->kind) + " " + lookup->named + written +
                     " (a lookup in words; no error code logged)"});
        }
    }
    if (std::string pattern = felixNetworkPatternIn(text); !pattern.empty())
        add({{"network", "\n~" + pattern}, "network matching \"" + pattern + "\"", {}});
    return found;
}

std::vector<LineLookup> lookupsOnLine(const std::vector<CleanedLine>& lines, std::size_t at,
                                      std::string& joined, std::size_t& last)
{
    last = at;
    std::vector<LineLookup> found = lookupsOn(lines[at].text);
    if (!found.empty() && isLoggingCall(lines[at].text))
        return {}; // source code that would log it, not a log
    const auto namesNone = [](const LineLookup& l) {
        return l.key.second.starts_with('\n') && !l.key.second.starts_with("\n~");
    };
    if (found.size() != 1 || !namesNone(found.front()) || at + 1 == lines.size())
        return found;
    const std::string_view next = trimBlanks(lines[at + 1].text);
    if (next.empty() || std::islower(static_cast<unsigned char>(next.front())) == 0 ||
        levelOpeningLine(next) != LogLevel::None)
        return found;
    std::string text = std::string(trimBlanks(lines[at].text)) + " " + std::string(next);
    std::vector<LineLookup> read = lookupsOn(text);
    if (read.empty() || namesNone(read.front()))
        return found;
    joined = std::move(text);
    last = at + 1;
    return read;
}

std::vector<ImportWarning> failedLookupsIn(const std::vector<CleanedLine>& lines,
                                           const std::vector<int>& stated)
{
    std::vector<ImportWarning> infos;
    RepeatedMessages<std::pair<std::string, std::string>> seen;
    std::string joined;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const CleanedLine& line = lines[i];
        if (std::binary_search(stated.begin(), stated.end(), line.sourceLine))
            continue; // a warning says what the lookup did
        std::size_t last = i;
        for (const LineLookup& lookup : lookupsOnLine(lines, i, joined, last)) {
            if (lookup.key.second.starts_with("\n~"))
                continue; // felix's lookup by expression: felixNetworkLookupsIn
            if (const auto* said = seen.find(lookup.key); said && said->at.back().second == line.sourceLine)
                continue; // said on this line already
            const int to = lines[last].sourceLine;
            if (seen.repeat(lookup.key, line.sourceLine, to) || seen.size() >= kMaxLookups)
                continue;
            infos.push_back(
                {line.sourceLine, to, lookup.said + " at " + tables::lineRange(line.sourceLine, to)});
            seen.said(lookup.key, infos.size() - 1, line.sourceLine, to);
        }
    }
    seen.appendCounts(infos);
    if (std::optional<ImportWarning> felix = felixLookupsIn(lines))
        infos.push_back(std::move(*felix));
    for (ImportWarning& network : felixNetworkLookupsIn(lines, stated))
        infos.push_back(std::move(network));
    return infos;
}

} // namespace hcn::io
