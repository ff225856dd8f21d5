// Pod sandboxes whose network failed for a reason of the runtime's or its CNI plugin's (see
// pod_network_failures.h).

#include "io/pod_network_failures.h"

#include "common/capped_list.h"
#include "common/text.h"
#include "common/utf8.h"
#include "io/container_ids.h"
#include "io/escaped_quotes.h"
#include "io/failed_lookups.h"
#include "io/log_levels.h"
#include "io/logged_error_message.h"
#include "io/logged_words.h"
#include "io/text_scan.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace hcn::io::logged {
namespace {

/// A step of the runtime on a pod's network, as it words it, and what it did.
struct PodNetworkStep
{
    std::string_view words; ///< lower case, up to where the pod or sandbox is named
    std::string_view said;  ///< "set up" or "tear down"
    bool namesPod;          ///< the name after `words` is the pod's (dockershim), else a sandbox's ID
};

constexpr std::array<PodNetworkStep, 6> kSteps{{
    {"failed to setup network for sandbox ", "set up", false},
    {"failed to set up network for sandbox ", "set up", false},
    {"failed to destroy network for sandbox ", "tear down", false},
    {"failed to teardown network for sandbox ", "tear down", false},
    {"cni failed to set up pod ", "set up", true},
    {"cni failed to teardown pod ", "tear down", true},
}};

/// A reason's quotes are of no level below this when its pod or sandbox is named without quotes: any
/// quote ends it.
constexpr int kAnyQuote = std::numeric_limits<int>::max();

/// A name after a step (`"web_default"`, `\\\"3f1c...\\\"`, `cbr0`) from text[at], `at` moved past it;
/// `level` the escape level of its quotes (kAnyQuote when it has none). Empty when none stands there.
std::string nameAt(std::string_view text, std::size_t& at, int& level)
{
    if (const std::size_t quote = openingQuoteSize(text, at); quote != 0) {
        level = quoteLevelAt(text, at + quote - 1);
        const std::size_t from = at + quote;
        const std::string_view closing = text.substr(at, quote);
        const std::size_t end = text.find(closing, from);
        if (end == std::string_view::npos || end == from || end - from > kMaxLoggedMessage)
            return {};
        at = end + quote;
        return validUtf8(std::string(text.substr(from, end - from)));
    }
    level = kAnyQuote;
    std::size_t end = at;
    while (end < text.size() && std::string_view(" ,:;\"\\").find(text[end]) == std::string_view::npos)
        ++end;
    if (end == at || end - at > kMaxLoggedMessage)
        return {};
    std::string name(text.substr(at, end - at));
    at = end;
    return validUtf8(std::move(name));
}

/// The value of `key` (`type=`, `name=`) in a CNI plugin's `plugin type="win-bridge" name="cbr0"`, its
/// quotes escaped or not.
std::string pluginField(std::string_view text, std::string_view lower, std::string_view key)
{
    std::size_t at = lower.find(key);
    if (at == std::string_view::npos)
        return {};
    at += key.size();
    int level = 0;
    return nameAt(text, at, level);
}

/// Where a reason that starts at text[from] ends: at the runtime's next clause (kNextClause), at a `]`
/// that closes the runtime's list of errors (one the reason did not open), at a quote of a lower escape
/// level than `level` (the closing quote of the log field or string it is quoted in), or at the line's end.
/// The reason's own quotes (`its diagnostic message "": ...`) do not end it.
std::size_t reasonEnd(std::string_view text, std::string_view lower, std::size_t from, int level)
{
    std::size_t end = std::min(lower.find(kNextClause, from), text.size());
    int depth = 0;
    for (std::size_t at = from; at < end; ++at) {
        const char c = text[at];
        if (c == '[')
            ++depth;
        else if (c == ']' && --depth < 0)
            return at;
        else if (c == '"' && quoteLevelAt(text, at) < level) {
            // The backslashes that escape the closing quote are no part of the reason.
            std::size_t start = at;
            while (start > from && text[start - 1] == '\\')
                --start;
            return start;
        } else if (c == '\n')
            return at;
    }
    return end;
}

/// The error a reason states (errorStatedAt): its quotes are its own words, so they end no message.
LoggedError reasonError(std::string reason)
{
    // A character no log line holds stands for each quote while the message is read.
    constexpr char kQuote = '\x1f';
    std::replace(reason.begin(), reason.end(), '"', kQuote);
    LoggedError error = errorStatedAt(reason, 0);
    // A quote the message ends on opens what it cannot hold (a plugin's JSON output, `message "{...`):
    // the message is the words before it.
    while (!error.message.empty() &&
           (error.message.back() == kQuote || error.message.back() == ' ' || error.message.back() == ':'))
        error.message.pop_back();
    std::replace(error.message.begin(), error.message.end(), kQuote, '"');
    // Go's `%q` quotes a step and its error apart (`error while <step>" "<Windows message>"`): the error's
    // code is that of its last quoted part.
    // Its closing quote is left out above.
    if (const std::size_t open = error.message.rfind("\" \"");
        !error.code && open != std::string::npos && open + 3 < error.message.size())
        if (const std::optional<HResult> code =
                hresultOfMessage(std::string_view(error.message).substr(open + 3))) {
            error.code = code;
            error.codeFromMessage = true;
        }
    return error;
}

/// A step read on a line: what it did to whose network, and why.
struct ReadStep
{
    const PodNetworkStep* step = nullptr;
    std::string name;
    std::string plugin;
    std::string network;
    LoggedError error;
    bool lookup = false; ///< the reason is a lookup that found nothing
};

/// The CNI plugin's part at the start of a reason (`plugin type="win-bridge" name="cbr0" failed (add): `):
/// its type and network into `read`, `reason` moved past it. False when the reason starts so but the part
/// does not end.
bool readPluginPart(std::string_view text, std::string_view lower, std::size_t& reason, std::size_t end,
                    ReadStep& read)
{
    const std::string_view part = lower.substr(reason, end - reason);
    if (!part.starts_with("plugin type="))
        return true;
    const std::size_t close = part.find("): ");
    if (close == std::string_view::npos)
        return false;
    read.plugin = pluginField(text.substr(reason, close), part.substr(0, close), "type=");
    read.network = pluginField(text.substr(reason, close), part.substr(0, close), "name=");
    reason += close + 3;
    return true;
}

/// The reason from text[reason] to `end` (its quotes unescaped `level` times) as `read`'s error; false
/// when it states none.
/// The error a CNI plugin printed that the runtime could not parse (`netplugin failed but error parsing
/// its diagnostic message "<the plugin's output>": invalid character ...`): the `msg` of the CNI error in
/// that output; else, and for any other reason, `why` as it is.
std::string diagnosedReason(std::string why)
{
    constexpr std::string_view kUnparsed = "error parsing its diagnostic message";
    const std::size_t at = lowerCopy(why).find(kUnparsed);
    if (at == std::string::npos)
        return why;
    // `\"msg\": \"A Compute System ... does not exist.\"`, its quotes escaped or not.
    for (std::size_t key = why.find("msg", at); key != std::string::npos; key = why.find("msg", key + 3)) {
        std::size_t p = key + 3;
        while (p < why.size() && (why[p] == '\\' || why[p] == '"'))
            ++p;
        if (p >= why.size() || why[p] != ':')
            continue;
        ++p;
        while (p < why.size() && (why[p] == ' ' || why[p] == '\\' || why[p] == '"'))
            ++p;
        std::size_t end = p;
        while (end < why.size() && why[end] != '"' && why[end] != '\\')
            ++end;
        if (end > p && end < why.size())
            return why.substr(p, end - p);
    }
    return why;
}

bool readReason(std::string_view text, std::size_t reason, std::size_t end, int level, ReadStep& read)
{
    const std::string why = diagnosedReason(unescapedQuotes(text.substr(reason, end - reason), level));
    // HNS has no such object: the failed lookup's report says so.
    read.lookup = !lookupsOn(why).empty();
    read.error = reasonError(why);
    if (read.error.message.empty())
        return false;
    // A reason that ends on a word no sentence ends on (`failed to`): the paste cut it there.
    const std::string_view message = read.error.message;
    const std::size_t blank = message.rfind(' ');
    const std::string last = lowerCopy(blank == std::string_view::npos ? message : message.substr(blank + 1));
    for (const std::string_view word :
         {"to", "the", "a", "an", "of", "for", "with", "in", "on", "from", "and"})
        if (last == word && !read.error.code)
            read.error.messageCut = true;
    withWindowsWording(read.error);
    return true;
}

/// The step `step` names at text[found] and its reason; none when no name or reason follows it.
std::optional<ReadStep> stepAt(std::string_view text, std::string_view lower, const PodNetworkStep& step,
                               std::size_t found)
{
    ReadStep read;
    read.step = &step;
    std::size_t at = found + step.words.size();
    int level = kAnyQuote;
    if (step.namesPod) {
        // dockershim names a pod `<name>_<namespace>` (neither holds `_`): said as kubelet does,
        // `<namespace>/<name>`.
        read.name = nameAt(text, at, level);
        if (const std::size_t underscore = read.name.find('_');
            underscore != std::string::npos && read.name.find('_', underscore + 1) == std::string::npos &&
            underscore > 0 && underscore + 1 < read.name.size())
            read.name = read.name.substr(underscore + 1) + "/" + read.name.substr(0, underscore);
    } else {
        // A sandbox's ID, its quotes escaped or not (containerIdAt passes over them).
        const std::size_t quote = openingQuoteSize(text, at);
        read.name = containerIdAt(text, at);
        if (quote == 0 || read.name.empty()) {
            read.name = nameAt(text, at, level);
        } else {
            level = quoteLevelAt(text, at + quote - 1);
            at += quote + read.name.size();
            at += openingQuoteSize(text, at);
        }
    }
    if (read.name.empty())
        return std::nullopt;
    // `network: ` (dockershim) or `": ` after the sandbox's ID, or the message ends there and its
    // `error` field follows (containerd's `msg="Failed to destroy network for sandbox \"<id>\""
    // error="..."`); then, maybe, the CNI plugin's part.
    std::size_t reason = lower.find(": ", at);
    if (level == 1 && lower.substr(at).starts_with("\" ")) {
        for (const std::string_view field : {"\" error=\"", "\" err=\""})
            if (lower.substr(at).starts_with(field)) {
                reason = at + field.size() - 2;
                break;
            }
    }
    if (reason == std::string_view::npos || reason > at + 10)
        return std::nullopt;
    reason += 2;
    const std::size_t end = reasonEnd(text, lower, reason, level);
    if (!readPluginPart(text, lower, reason, end, read) ||
        !readReason(text, reason, end, level == kAnyQuote ? 0 : level, read))
        return std::nullopt;
    return read;
}

/// kubelet's CNI steps (its cni.go): `Error adding <namespace>_<pod>/<sandbox> to network <type>/<name>:
/// <reason>` and its `Error deleting ... from network ...`, as klog writes them; `"Error adding pod to
/// network" err="<reason>" pod="<namespace>/<pod>" ... networkType="<type>" networkName="<name>"` and its
/// `"Error deleting pod from network"`, as structured klog writes them.
constexpr PodNetworkStep kKubeletAdding{"error adding ", "set up", true};
constexpr PodNetworkStep kKubeletDeleting{"error deleting ", "tear down", true};

/// The value of the structured klog field `key` (`pod=`, lower case) on a line: quoted (its quotes
/// unescaped once) or bare; empty when the line has none.
/// Where the value of the log record's field `key` (`pod=`, lower case) starts on a line: after the first
/// `key` that starts a word; npos when the line has none.
std::size_t fieldValueStart(std::string_view lower, std::string_view key)
{
    for (std::size_t at = lower.find(key); at != std::string_view::npos; at = lower.find(key, at + 1))
        if (at == 0 || lower[at - 1] == ' ')
            return at + key.size();
    return std::string_view::npos;
}

std::string klogField(std::string_view text, std::string_view lower, std::string_view key)
{
    std::size_t from = fieldValueStart(lower, key);
    if (from == std::string_view::npos)
        return {};
    if (from < text.size() && text[from] == '"') {
        const std::size_t end = reasonEnd(text, lower, from + 1, 1);
        return validUtf8(unescapedQuotes(text.substr(from + 1, end - from - 1), 1));
    }
    int level = 0;
    return nameAt(text, from, level);
}

/// kubelet's CNI step on a line (kKubeletAdding): the pod as `<namespace>/<pod>`, the plugin and network,
/// the reason; none when the line holds none.
std::optional<ReadStep> kubeletCniStepIn(std::string_view text, std::string_view lower)
{
    for (const PodNetworkStep* step : {&kKubeletAdding, &kKubeletDeleting}) {
        const bool adding = step == &kKubeletAdding;
        ReadStep read;
        read.step = step;
        // Structured: the step is the message, the reason its `err` field.
        const std::string_view message =
            adding ? "\"error adding pod to network\"" : "\"error deleting pod from network\"";
        if (const std::size_t at = lower.find(message); at != std::string_view::npos) {
            const std::size_t err = lower.find(" err=\"", at + message.size());
            if (err == std::string_view::npos)
                continue;
            std::size_t reason = err + 6;
            const std::size_t end = reasonEnd(text, lower, reason, 1);
            if (!readPluginPart(text, lower, reason, end, read))
                continue;
            const std::string_view rest = lower.substr(end);
            const std::string_view restText = text.substr(end);
            read.name = klogField(restText, rest, "pod=");
            if (read.plugin.empty())
                read.plugin = klogField(restText, rest, "networktype=");
            if (read.network.empty())
                read.network = klogField(restText, rest, "networkname=");
            if (read.name.empty() || !readReason(text, reason, end, 1, read))
                continue;
            return read;
        }
        // Older kubelets name no pod: `Error adding network: <reason>`, `error while adding to cni
        // network: <reason>`.
        for (const std::string_view lead :
             adding ? std::array<std::string_view, 2>{"error adding network: ",
                                                      "error while adding to cni network: "}
                    : std::array<std::string_view, 2>{"error deleting network: ",
                                                      "error while removing from cni network: "})
            if (const std::size_t found = lower.find(lead); found != std::string_view::npos) {
                const std::size_t reason = found + lead.size();
                if (readReason(text, reason, reasonEnd(text, lower, reason, 0), 0, read))
                    return read;
            }
        // klog's: `Error adding <namespace>_<pod>/<sandbox> to network <type>/<name>: <reason>`.
        const std::size_t at = lower.find(step->words);
        if (at == std::string_view::npos || (at > 0 && logged::isLoggedWordChar(lower[at - 1])))
            continue;
        const std::size_t from = at + step->words.size();
        const std::string_view link = adding ? " to network " : " from network ";
        const std::size_t linked = lower.find(link, from);
        if (linked == std::string_view::npos || linked - from > kMaxLoggedMessage)
            continue;
        const std::string_view who = text.substr(from, linked - from);
        const std::size_t underscore = who.find('_');
        const std::size_t slash = who.find('/');
        if (underscore == std::string_view::npos || slash == std::string_view::npos || slash < underscore ||
            who.find(' ') != std::string_view::npos)
            continue;
        read.name = validUtf8(std::string(who.substr(0, underscore)) + "/" +
                              std::string(who.substr(underscore + 1, slash - underscore - 1)));
        const std::size_t net = linked + link.size();
        const std::size_t colon = lower.find(": ", net);
        if (colon == std::string_view::npos || colon - net > kMaxLoggedMessage)
            continue;
        const std::string_view typed = text.substr(net, colon - net);
        if (const std::size_t s = typed.find('/'); s != std::string_view::npos) {
            read.plugin = validUtf8(std::string(typed.substr(0, s)));
            read.network = validUtf8(std::string(typed.substr(s + 1)));
        } else {
            read.network = validUtf8(std::string(typed));
        }
        const std::size_t reason = colon + 2;
        if (!readReason(text, reason, reasonEnd(text, lower, reason, 0), 0, read))
            continue;
        return read;
    }
    return std::nullopt;
}

/// Whether `trimmed` starts with the source of a klog record, its header before it left out (an issue's
/// paste that starts at `cni_windows.go:50] `, or `proxier.go: 1756] `): a line the program logged.
bool opensKlogMessage(std::string_view trimmed)
{
    constexpr std::size_t kMaxSourceName = 60;
    const std::size_t go = trimmed.substr(0, kMaxSourceName).find(".go:");
    if (go == std::string_view::npos || go == 0 ||
        !std::all_of(trimmed.begin(), trimmed.begin() + std::ptrdiff_t(go),
                     [](char c) { return logged::isLoggedWordChar(c) || c == '-' || c == '.'; }))
        return false;
    std::size_t at = go + 4;
    if (at < trimmed.size() && trimmed[at] == ' ')
        ++at;
    const std::size_t digits = at;
    while (at < trimmed.size() && std::isdigit(static_cast<unsigned char>(trimmed[at])))
        ++at;
    return at > digits && trimmed.substr(at).starts_with("] ");
}

/// The steps a runtime's line names on pods' networks, as podNetworkFailureIn reads them: each kind of
/// step of kSteps, the last of each (the runtime's chain of errors names the innermost last), else
/// kubelet's CNI step. Empty when the line is no runtime's line (a log record's error or warning,
/// kubelet's event, the runtime's chain of errors).
std::vector<ReadStep> podNetworkStepsIn(std::string_view text, std::string_view lower)
{
    std::vector<ReadStep> steps;
    if (lower.find("network") == std::string_view::npos)
        return steps;
    // The runtime's own line (a log record's error or warning, kubelet's event, the runtime's chain of
    // errors), not prose quoting one.
    const LogLevel level = levelOfLine(text);
    const std::string_view trimmed = trimBlanks(lower);
    if (level != LogLevel::Error && level != LogLevel::Warning && level != LogLevel::Fatal &&
        !opensKlogMessage(trimmed) && !trimmed.starts_with("error while adding to cni network: ") &&
        !trimmed.starts_with("error while removing from cni network: ") &&
        !trimmed.starts_with("error adding network: ") && !trimmed.starts_with("error deleting network: ") &&
        !trimmed.starts_with("failed to setup network for sandbox ") &&
        !trimmed.starts_with("failed to set up network for sandbox ") &&
        !trimmed.starts_with("failed to destroy network for sandbox ") &&
        !holdsAnyIgnoringCase(lower, {"rpc error", "desc =", "failed to create pod sandbox",
                                      "failedcreatepodsandbox", "failedkillpod", "networkplugin cni",
                                      "error syncing pod", "error deleting", "killpodsandbox",
                                      "stoppodsandbox", "runpodsandbox"}))
        return steps;
    for (const PodNetworkStep& step : kSteps)
        if (const std::size_t found = lower.rfind(step.words); found != std::string_view::npos)
            if (std::optional<ReadStep> read = stepAt(text, lower, step, found))
                steps.push_back(std::move(*read));
    if (steps.empty())
        if (std::optional<ReadStep> read = kubeletCniStepIn(text, lower))
            steps.push_back(std::move(*read));
    return steps;
}

/// The pod a log record names in its fields, and the container or sandbox ID they give with it.
struct PodOfRecord
{
    std::string pod;         ///< `<namespace>/<name>`, or the name alone when no namespace is given
    std::string id;          ///< the ID in its short form (12 characters); empty when none is given
    std::string_view idWord; ///< "container" or "sandbox"
};

/// Whether `name` can be a pod's name or namespace (letters, digits, `-`, `.`), or both as klog's
/// `<namespace>/<name>`.
bool isPodName(std::string_view name, bool withNamespace)
{
    if (name.empty() || name.size() > kMaxLoggedMessage)
        return false;
    const std::size_t slash = name.find('/');
    if (slash != std::string_view::npos && (!withNamespace || slash == 0 || slash + 1 == name.size() ||
                                            name.find('/', slash + 1) != std::string_view::npos))
        return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '/';
    });
}

/// The container or sandbox ID of the field `key` (lower case, `containerid=`): quoted, bare or in
/// kubelet's `{Type:docker ID:5a3c2f1d8e9b}`; empty when the line has none.
std::string recordIdField(std::string_view text, std::string_view lower, std::string_view key)
{
    std::size_t from = fieldValueStart(lower, key);
    if (from == std::string_view::npos)
        return {};
    if (from < lower.size() && lower[from] == '{') {
        const std::size_t close = lower.find('}', from);
        const std::size_t id = lower.substr(0, close).find("id:", from);
        if (close == std::string_view::npos || id == std::string_view::npos)
            return {};
        from = id + 3;
    }
    return std::string(shortContainerId(containerIdAt(text, from)));
}

/// The pod a log record's fields name: logrus' and Calico's `Namespace="default" Pod="test-win"
/// ContainerID="1f29..."`, klog's `pod="default/web" podSandboxID=...`, containerd's
/// `&PodSandboxMetadata{Name:web,Uid:...,Namespace:default,...}`, kubelet's `for pod "web_default(<uid>)"`.
/// No pod when the line names none.
PodOfRecord podOfRecord(std::string_view text, std::string_view lower)
{
    PodOfRecord of;
    std::string name;
    std::string ns;
    if (lower.find("pod") == std::string_view::npos)
        return of;
    if (const std::size_t meta = lower.find("podsandboxmetadata{"); meta != std::string_view::npos) {
        const std::size_t close = std::min(lower.find('}', meta), lower.size());
        const std::string_view fields = text.substr(meta + 19, close - meta - 19);
        for (std::size_t from = 0; from < fields.size();) {
            const std::size_t comma = std::min(fields.find(',', from), fields.size());
            const std::string_view field = fields.substr(from, comma - from);
            if (field.starts_with("Name:"))
                name = std::string(field.substr(5));
            else if (field.starts_with("Namespace:"))
                ns = std::string(field.substr(10));
            from = comma + 1;
        }
    } else if (std::string pod = klogField(text, lower, "pod="); !pod.empty()) {
        name = std::move(pod);
        ns = klogField(text, lower, "namespace=");
    } else {
        // kubelet's name of a pod, `<name>_<namespace>(<uid>)`, quoted after `for pod`.
        for (std::size_t at = lower.find("for pod "); at != std::string_view::npos && name.empty();
             at = lower.find("for pod ", at + 1)) {
            std::size_t from = at + 8;
            const std::size_t quote = openingQuoteSize(text, from);
            const std::size_t paren =
                quote == 0 ? std::string_view::npos
                           : lower.substr(0, from + quote + kMaxLoggedMessage).find('(', from + quote);
            const std::size_t underscore = lower.substr(0, paren).find('_', from + quote);
            if (paren == std::string_view::npos || underscore == std::string_view::npos ||
                paren - from > kMaxLoggedMessage)
                continue;
            name = std::string(text.substr(from + quote, underscore - from - quote));
            ns = std::string(text.substr(underscore + 1, paren - underscore - 1));
        }
    }
    if (name.find('/') != std::string::npos)
        ns.clear(); // klog's `pod="default/web"` names its namespace
    if (!isPodName(name, ns.empty()) || (!ns.empty() && !isPodName(ns, false)))
        return of;
    of.pod = validUtf8(ns.empty() ? name : ns + "/" + name);
    for (const auto& [key, word] :
         {std::pair{std::string_view("containerid="), std::string_view("container")},
          std::pair{std::string_view("podsandboxid="), std::string_view("sandbox")},
          std::pair{std::string_view("sandboxid="), std::string_view("sandbox")}})
        if (of.id = recordIdField(text, lower, key); !of.id.empty()) {
            of.idWord = word;
            break;
        }
    return of;
}

/// Whose network a step is on: "pod web_default", "a pod sandbox"; the pod the line's fields name
/// (podOfRecord) when the step names neither pod nor sandbox. A sandbox stays "a pod sandbox" whatever
/// pod the fields name: the same reason for it logged by a record that names no pod is the same failure.
std::string whoseNetwork(const ReadStep& step, const PodOfRecord& of)
{
    if (!step.name.empty())
        return step.step->namesPod ? "pod " + step.name : std::string("a pod sandbox");
    return of.pod.empty() ? "a pod" : "pod " + of.pod;
}

/// " (CNI plugin win-bridge, network cbr0)" for a step that names its plugin or network; empty otherwise.
std::string pluginSaid(const ReadStep& step)
{
    if (step.plugin.empty() && step.network.empty())
        return {};
    std::string said = step.plugin.empty() ? std::string() : "CNI plugin " + step.plugin;
    if (!step.network.empty())
        said += (said.empty() ? "" : ", ") + std::string("network ") + step.network;
    return " (" + said + ")";
}

} // namespace

std::optional<LoggedError> podNetworkFailureIn(std::string_view text, std::string_view lower)
{
    std::vector<ReadStep> steps = podNetworkStepsIn(text, lower);
    if (steps.empty() || steps.front().lookup)
        return std::nullopt;
    ReadStep& first = steps.front();
    LoggedError error = std::move(first.error);
    const std::string whose = whoseNetwork(first, podOfRecord(text, lower));
    error.operation = std::string(first.step->said) + " the network of " + whose;
    // The same pod's or sandbox's network torn down on the line too (kubelet's clean-up after a failed
    // set-up): one failure when it failed for the same reason, else its reason said beside.
    std::string teardown;
    for (const ReadStep& other : steps)
        if (other.step->said != first.step->said && other.name == first.name && !other.lookup) {
            if (other.error.message == error.message)
                error.operation = std::string(first.step->said) + " and " + std::string(other.step->said) +
                                  " the network of " + whose;
            else
                teardown =
                    std::string(other.step->said == "tear down" ? " (tearing it down" : " (setting it up") +
                    " failed too: \"" + other.error.message + "\")";
            break;
        }
    error.operation += pluginSaid(first) + teardown;
    error.podNetwork = true;
    return error;
}

std::optional<PodNetworkStepSaid> podNetworkStepIn(std::string_view text, std::string_view lower)
{
    const std::vector<ReadStep> steps = podNetworkStepsIn(text, lower);
    const PodOfRecord of = podOfRecord(text, lower);
    const auto named = [&](std::string_view id, std::string_view idWord) {
        return id.empty() ? of.pod : of.pod + " (" + std::string(idWord) + " " + std::string(id) + ")";
    };
    if (steps.empty()) {
        // A record whose fields name a pod (Calico's `Namespace="default" Pod="test-win"`): its network,
        // set up or torn down when the line says which.
        if (of.pod.empty())
            return std::nullopt;
        std::string doing;
        if (holdsAnyIgnoringCase(lower, {"runpodsandbox", "createpodsandbox", "create pod sandbox",
                                         "create sandbox", "failed (add)", "error adding"}))
            doing = "setting up";
        else if (holdsAnyIgnoringCase(lower, {"stoppodsandbox", "killpodsandbox", "failed (delete)",
                                              "error deleting", "teardown", "tear down"}))
            doing = "tearing down";
        // Only a failure of the pod's network is its network's: not a volume's or a service's a record of
        // the pod logs (`"Error syncing pod" err="failed to mount volume: ..." pod="default/web"`).
        else if (!holdsAnyIgnoringCase(lower, {"hot attach", "hot add", "endpoint", "cni", "sandbox"}))
            return std::nullopt;
        return PodNetworkStepSaid{doing, "pod", named(of.id, of.idWord), {}};
    }
    const ReadStep& first = steps.front();
    const std::string doing = first.step->said == "set up" ? "setting up" : "tearing down";
    // A sandbox by the short form of its ID, as `docker ps` and crictl print it; with the pod the line's
    // fields name, by the pod.
    constexpr std::size_t kShortId = 12;
    if (first.step->namesPod && !first.name.empty())
        return PodNetworkStepSaid{doing, "pod", first.name, pluginSaid(first)};
    if (!of.pod.empty())
        return PodNetworkStepSaid{doing, "pod",
                                  first.name.empty() ? named(of.id, of.idWord)
                                                     : named(first.name.substr(0, kShortId), "sandbox"),
                                  pluginSaid(first)};
    return PodNetworkStepSaid{doing, first.step->namesPod ? "pod" : "pod sandbox",
                              first.name.substr(0, kShortId), pluginSaid(first)};
}

std::string podNetworkStepsSaid(const std::vector<PodNetworkStepSaid>& steps)
{
    // "setting up the network of pods a and b (CNI plugin win-bridge)": the steps of one kind and plugin
    // together, in the order of their first; each pod or sandbox once, the first kMaxNamed by name.
    constexpr std::size_t kMaxNamed = 3;
    struct Group
    {
        const PodNetworkStepSaid* first;
        std::set<std::string> names;
        std::vector<std::string> named;
    };
    std::vector<Group> groups;
    // A sandbox named by its pod on one line ("default/web (sandbox 3f9a61c2d8e4)") is that pod's on the
    // lines that name the sandbox alone.
    std::set<std::pair<std::string, std::string>> podSandboxes;
    for (const PodNetworkStepSaid& step : steps)
        if (const std::size_t at = step.name.find(" (sandbox "); at != std::string::npos)
            podSandboxes.emplace(step.doing, step.name.substr(at + 10, step.name.size() - at - 11));
    for (const PodNetworkStepSaid& step : steps) {
        if (step.whose == "pod sandbox" && podSandboxes.contains({step.doing, step.name}))
            continue;
        auto group = std::find_if(groups.begin(), groups.end(), [&](const Group& g) {
            return g.first->doing == step.doing && g.first->whose == step.whose &&
                   g.first->plugin == step.plugin;
        });
        if (group == groups.end())
            group = groups.insert(groups.end(), Group{&step, {}, {}});
        if (group->names.insert(step.name).second && group->named.size() < kMaxNamed)
            group->named.push_back(step.name);
    }
    std::vector<std::string> said;
    for (Group& group : groups) {
        if (group.names.size() > kMaxNamed)
            group.named.push_back(std::to_string(group.names.size() - kMaxNamed) + " more");
        const std::string& whose = group.first->whose;
        // A step that names no pod (an older kubelet's) is on "a pod".
        std::erase(group.named, std::string());
        const std::size_t named = group.names.size() - group.names.count(std::string());
        const std::string plural = whose == "pod" ? "pods " : "pod sandboxes ";
        // A step the line does not say (a record's fields name the pod): "the network of pod ...".
        said.push_back((group.first->doing.empty() ? std::string() : group.first->doing + " ") +
                       "the network of " +
                       (named == 0   ? "a " + whose
                        : named == 1 ? whose + " " + listedInWords(group.named)
                                     : plural + listedInWords(group.named)) +
                       group.first->plugin);
    }
    return listedInWords(said);
}

} // namespace hcn::io::logged
