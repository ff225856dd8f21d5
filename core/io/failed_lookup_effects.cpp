// What a failed lookup did to the program that logged it (see failed_lookup_effects.h).

#include "io/failed_lookup_effects.h"

#include "common/text.h"
#include "io/cni_requests.h"
#include "io/container_ids.h"
#include "io/failed_lookups.h"
#include "io/fatal_log_lines.h"
#include "io/log_levels.h"
#include "io/logged_words.h"
#include "io/repeated_messages.h"
#include "io/text_scan.h"
#include "io/text_tables.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace hcn::io {
namespace {

using LookupKey = std::pair<std::string, std::string>;

/// At most this many effects are said per source.
constexpr std::size_t kMaxEffects = 50;
/// The CNI command and container of a failure are looked for this many lines before it.
constexpr std::size_t kCniContextLinesBack = 30;
/// A line is read for a CNI command's context to this many bytes.
constexpr std::size_t kMaxCniContextLine = 4096;
/// kubelet's `Error adding pod <namespace>_<name> to CNI network`: the pod's words are at most this long.
constexpr std::size_t kMaxPodNameInCniError = 300;

/// The program a line is from, when the line tells: felix's `felix/` files, kube-proxy's and kubelet's klog
/// files (programOfKlogFile); empty when it does not.
std::string programOf(std::string_view text)
{
    if (text.find("felix/") != std::string_view::npos)
        return "Calico felix";
    return std::string(programOfKlogFile(text));
}

/// The environment variable a line says names the object (`Please check environment variable
/// KUBE_NETWORK`); empty when it names none.
std::string environmentVariableOn(std::string_view text)
{
    const std::string lower = lowerCopy(text);
    const std::size_t at = lower.find("environment variable ");
    if (at == std::string::npos)
        return {};
    std::size_t start = at + 21;
    while (start < text.size() && (text[start] == '$' || text[start] == '%'))
        ++start;
    std::size_t end = start;
    while (end < text.size() && logged::isLoggedWordChar(text[end]))
        ++end;
    return end > start && end - start <= 64 ? std::string(text.substr(start, end - start)) : std::string();
}

/// Whether a line says its program tries again or waits.
bool saysItRetries(std::string_view text)
{
    const std::string lower = lowerCopy(text);
    for (const std::string_view word : {"retry", "retrying", "retries", "waiting", "wait for", "try again"})
        if (lower.find(word) != std::string::npos)
            return true;
    return false;
}

/// The CNI command whose failure kubelet (or dockershim) logs on a line (lower case): "ADD" for `Error
/// adding pod to network` (`"Error adding pod to network" err="..."`, `error adding pod web_default to CNI
/// network "calico"`), "DEL" for `Error deleting pod from network`; empty for none.
std::string kubeletCniCommandOn(std::string_view lower)
{
    for (const auto& [words, command] : {std::pair{std::string_view("error adding pod "), "ADD"},
                                         std::pair{std::string_view("error deleting pod "), "DEL"}}) {
        const std::size_t at = lower.find(words);
        if (at == std::string_view::npos)
            continue;
        const std::size_t network = lower.find(" network", at);
        if (network != std::string_view::npos && network - at < kMaxPodNameInCniError)
            return command;
    }
    return {};
}

/// Whether the text at lower[at] (lower case) starts a link of an error chain as a CLI prints it: at
/// the start, after `: ` (a Go error wrapped with `%w`), or after gRPC's `desc = ` (`rpc error: code =
/// Unknown desc = failed to ...`, however deep such wrappers nest).
bool startsErrorChainLink(std::string_view lower, std::size_t at)
{
    std::size_t before = at;
    while (before > 0 && lower[before - 1] == ' ')
        --before;
    if (before == 0 || lower[before - 1] == ':')
        return true;
    if (lower[before - 1] != '=')
        return false;
    --before;
    while (before > 0 && lower[before - 1] == ' ')
        --before;
    constexpr std::string_view kDesc = "desc";
    return before >= kDesc.size() && lower.substr(before - kDesc.size(), kDesc.size()) == kDesc &&
           (before == kDesc.size() || !logged::isLoggedWordChar(lower[before - kDesc.size() - 1]));
}

/// The operation an error line says failed: `Failed to create endpoint` -> "create endpoint", a lookup
/// (`failed to find endpoint`) only when it names nothing else; "CNI command" for `CNI command failed`.
/// Of several operations, the first on an object of `kind` (the looked-up object's: in a Go error chain,
/// `failed to destroy network for sandbox ...: Failed to delete endpoint: ...`, the one that met the
/// lookup), else the first. `inChain` is set when the operation is a link of an error chain
/// (startsErrorChainLink: a Go or gRPC error chain as a CLI prints it, not prose). Empty when it names none.
std::string failedOperationOn(std::string_view text, std::string_view lookedUpKind, bool* inChain = nullptr)
{
    const std::string lower = lowerCopy(text);
    std::string lookup;
    std::string first;
    bool firstInChain = false;
    const auto chained = [&lower](std::size_t at) { return startsErrorChainLink(lower, at); };
    // `failed to create endpoint`, and flannel's `Error registering network`: a lead, the verb, the kind.
    std::vector<std::size_t> leads;
    for (const std::string_view lead : {"failed to ", "error "})
        for (std::size_t at = lower.find(lead); at != std::string::npos; at = lower.find(lead, at + 1))
            if (at == 0 || !logged::isLoggedWordChar(lower[at - 1]))
                leads.push_back(at);
    std::sort(leads.begin(), leads.end());
    for (const std::size_t at : leads) {
        std::size_t p = at + (lower.compare(at, 10, "failed to ") == 0 ? 10 : 6);
        std::size_t verbEnd = p;
        while (verbEnd < lower.size() && std::isalpha(static_cast<unsigned char>(lower[verbEnd])))
            ++verbEnd;
        std::string verb = lower.substr(p, verbEnd - p);
        if (lower.compare(at, 6, "error ") == 0) {
            verb = std::string(logged::verbOfGerund(verb));
            if (verb.empty() || verb == "get" || verb == "query")
                continue;
        }
        p = verbEnd;
        if (lower.compare(p, 1, " ") != 0)
            continue;
        ++p;
        if (lower.compare(p, 4, "hns ") == 0)
            p += 4;
        for (const logged::KindSpelled& kind : logged::kKindWords) {
            if (lower.compare(p, kind.text.size(), kind.text) != 0 ||
                (p + kind.text.size() < lower.size() &&
                 logged::isLoggedWordChar(lower[p + kind.text.size()])))
                continue;
            std::string operation = verb + " " + std::string(resourceKindLabel(kind.kind));
            if (verb == "find" || verb == "get" || verb == "lookup") {
                if (lookup.empty())
                    lookup = std::move(operation);
                break;
            }
            if (kind.text == lookedUpKind || resourceKindLabel(kind.kind) == lookedUpKind) {
                if (inChain != nullptr)
                    *inChain = chained(at);
                return operation;
            }
            if (first.empty()) {
                first = std::move(operation);
                firstInChain = chained(at);
            }
            break;
        }
    }
    if (inChain != nullptr)
        *inChain = firstInChain;
    if (!first.empty())
        return first;
    if (lower.find("cni command failed") != std::string::npos || !kubeletCniCommandOn(lower).empty())
        return "CNI command";
    return lookup;
}

/// The pod sandbox a line names (`removing the pod sandbox "195b01b9e2eb9"`, `failed to destroy network
/// for sandbox "195b...0f7"`, `RemovePodSandbox for \"195b...\"`): the longest of its IDs, lower case;
/// empty when it names none.
std::string sandboxOn(std::string_view text)
{
    if (!holdsIgnoringCase(text, "sandbox"))
        return {};
    const std::string lower = lowerCopy(text);
    std::string longest;
    for (std::size_t at = lower.find("sandbox"); at != std::string::npos;
         at = lower.find("sandbox", at + 1)) {
        std::size_t p = at + 7;
        if (lower.compare(p, 4, " for") == 0)
            p += 4;
        if (std::string id = containerIdAt(text, p); id.size() > longest.size())
            longest = std::move(id);
    }
    return longest;
}

/// Whether two IDs of one container are one: the same, or one the other's short form (its start).
bool sameContainer(std::string_view a, std::string_view b)
{
    return !a.empty() && !b.empty() && (a.starts_with(b) || b.starts_with(a));
}

/// What the lines before a CNI failure say of the command: ADD, DEL or CHECK, the container, and the
/// container whose network namespace it joins.
struct CniContext
{
    std::string command;
    std::string container;
    std::string sharedWith;
};

/// What one line says of a CNI command (cniContextBefore); each line is read once.
CniContext cniContextOn(std::string_view text)
{
    CniContext context;
    // A line of the plugin's call names its container; the many other lines are spared the reading.
    if (!holdsIgnoringCase(text, "container") && !holdsIgnoringCase(text, "cni_command"))
        return context;
    text = text.substr(0, std::min<std::size_t>(text.size(), kMaxCniContextLine));
    context.command = cniCommandIn(text);
    context.container = containerIdAfter(text, "containerid");
    for (const std::string_view key : {"netns:container:", "netns=container:"})
        if (context.sharedWith.empty())
            context.sharedWith = containerIdAfter(text, key);
    return context;
}

/// The CNI command, container and shared namespace the lines up to lines[last] give, the nearest first;
/// `read` keeps what each line gave.
CniContext cniContextBefore(const std::vector<CleanedLine>& lines, std::size_t last,
                            std::unordered_map<std::size_t, CniContext>& read)
{
    CniContext context;
    const std::size_t from = last > kCniContextLinesBack ? last - kCniContextLinesBack : 0;
    for (std::size_t i = last + 1; i-- > from;) {
        auto [it, added] = read.try_emplace(i);
        if (added)
            it->second = cniContextOn(lines[i].text);
        const CniContext& on = it->second;
        if (context.command.empty())
            context.command = on.command;
        if (context.container.empty())
            context.container = on.container;
        if (context.sharedWith.empty())
            context.sharedWith = on.sharedWith;
        if (!context.command.empty() && !context.container.empty())
            break;
    }
    return context;
}

/// How much an operation failedOperationOn gives says: a lookup least, a CNI command more, another
/// operation (`create endpoint`) most.
int operationWeight(std::string_view operation)
{
    return operation == "CNI command" ? 1
           : operation.starts_with("find ") || operation.starts_with("get ") ||
                   operation.starts_with("lookup ")
               ? 0
               : 2;
}

/// An operation that failed as its error lines say.
struct Failure
{
    std::string operation; ///< what its lines say most of (operationWeight)
    CniContext cni;
    std::string object;
    std::string name;    ///< the object's key name: lower case, no quotes
    std::string sandbox; ///< the pod sandbox whose teardown failed (sandboxOn); empty when none is named
    std::vector<int> sandboxLines; ///< other error lines naming the sandbox failing, ascending
};

/// Whether `f` failed to delete the very object HNS does not have: a teardown that finds its object
/// already gone (`Failed to delete endpoint: ... Endpoint ID "..." not found`).
bool deletesWhatIsGone(const Failure& f)
{
    for (const std::string_view verb : {"delete ", "remove ", "destroy "})
        if (f.operation.starts_with(verb))
            return f.object.starts_with(f.operation.substr(verb.size()) + " ");
    return false;
}

/// The warning's words for `f`; `where` says its lines (" at line 12", " (2 times, lines 4-5, 8-9)").
std::string failureText(const Failure& f, const std::string& where)
{
    std::string text;
    if (!f.cni.command.empty() || f.operation == "CNI command")
        text = "the CNI " + (f.cni.command.empty() ? std::string("command") : f.cni.command) +
               (f.cni.container.empty() ? std::string() : " for container " + f.cni.container) + " failed" +
               (f.operation == "CNI command" ? std::string() : " (" + f.operation + ")");
    else
        text =
            f.operation + " failed" + (f.sandbox.empty() ? std::string() : " for pod sandbox " + f.sandbox);
    if (!f.cni.sharedWith.empty() && f.name.find(f.cni.sharedWith) != std::string::npos)
        return text + ": " + f.object + ", the one it should share with infra container " + f.cni.sharedWith +
               " (it joins that container's network namespace), does not exist in HNS" + where;
    if (!deletesWhatIsGone(f))
        return text + ": HNS has no " + f.object + where;
    text += where + ": HNS has no " + f.object +
            " to delete: it was deleted before (outside this teardown, or by an earlier one that did not "
            "finish)";
    if (!f.sandbox.empty())
        text += ", so removing the sandbox failed";
    if (!f.sandboxLines.empty()) {
        std::vector<std::pair<int, int>> at;
        for (const int line : f.sandboxLines)
            at.emplace_back(line, line);
        text += "; " + tables::atLines(std::move(at)) + (f.sandboxLines.size() == 1 ? " logs" : " log") +
                " the sandbox's teardown failing too";
    }
    return text;
}

/// An error line that says a teardown of a sandbox failed (containerd's `RemovePodSandbox for
/// \"195b01b9e2eb9\" failed`): its line and the sandbox.
struct SandboxFailureLine
{
    int line = 0;
    std::string sandbox;
};

/// The error lines of `lines` that say a teardown of a sandbox failed, in the order of the lines (read
/// once, whatever the number of failures that look them up).
std::vector<SandboxFailureLine> sandboxFailureLines(const std::vector<CleanedLine>& lines)
{
    std::vector<SandboxFailureLine> found;
    for (const CleanedLine& line : lines) {
        const std::string_view text = line.text;
        if (!holdsIgnoringCase(text, "sandbox") || !holdsIgnoringCase(text, "fail"))
            continue;
        const LogLevel level = levelOfLine(text);
        if (level != LogLevel::Error && level != LogLevel::Fatal)
            continue;
        if (std::string sandbox = sandboxOn(text);
            !sandbox.empty() && (found.empty() || found.back().line != line.sourceLine))
            found.push_back({line.sourceLine, std::move(sandbox)});
    }
    return found;
}

/// The lines of `failures` (sandboxFailureLines) naming `sandbox`, other than `stated` (ascending).
std::vector<int> otherFailuresOfSandbox(const std::vector<SandboxFailureLine>& failures,
                                        std::string_view sandbox, const std::vector<int>& stated)
{
    std::vector<int> found;
    for (const SandboxFailureLine& f : failures)
        if (sameContainer(f.sandbox, sandbox) && !std::binary_search(stated.begin(), stated.end(), f.line))
            found.push_back(f.line);
    return found;
}

/// The failure whose error lines are being read.
struct OpenFailure
{
    std::pair<std::string, LookupKey> said; ///< the container and the object
    std::size_t last = 0;                   ///< index into the lines of its last error line
};

} // namespace

LookupEffects failedLookupEffectsIn(const std::vector<CleanedLine>& lines)
{
    LookupEffects effects;
    std::vector<ImportWarning>& warnings = effects.warnings;
    // Lookups retried on lines that say so, per object: the lines, the object and the program.
    struct Waiting
    {
        std::vector<int> lines;
        std::string object;
        std::string program;
    };
    std::map<LookupKey, Waiting> waiting;
    std::vector<LookupKey> waitingOrder;
    std::optional<OpenFailure> open;
    std::map<std::size_t, Failure> failed; // by the index of its warning
    std::unordered_map<std::size_t, CniContext> cniRead;
    RepeatedMessages<std::pair<std::string, LookupKey>> failures;
    std::string joined;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string_view text = lines[i].text;
        if (!holdsAnyIgnoringCase(text, {"find", "found"}))
            continue;
        std::size_t last = i;
        const std::vector<LineLookup> lookups = lookupsOnLine(lines, i, joined, last);
        if (lookups.empty())
            continue;
        if (last != i)
            text = joined; // a lookup a hard wrap put on two lines
        const int line = lines[i].sourceLine;
        const int lastLine = lines[last].sourceLine;
        const LogLevel level = levelOfLine(text);
        if (level == LogLevel::Fatal) {
            if (warnings.size() >= kMaxEffects)
                continue;
            const std::string program = programOf(text);
            const std::string variable = environmentVariableOn(text);
            std::string message = programExitedText(program, line) + ": HNS has no " + lookups.front().object;
            if (!variable.empty())
                message += " (the one " + variable + " names)";
            if (program == "kube-proxy")
                message += "; no service on the node works while kube-proxy is down";
            warnings.push_back({line, lastLine, std::move(message)});
            effects.lines.push_back(line);
            if (lastLine != line)
                effects.lines.push_back(lastLine);
            continue;
        }
        bool inChain = false;
        const std::string operation = level == LogLevel::Error || level == LogLevel::None
                                          ? failedOperationOn(text, lookups.front().key.first, &inChain)
                                          : std::string();
        // A line of no log level counts when it prints an error chain of an operation (a CLI's
        // `removing the pod sandbox "...": rpc error: ...: Failed to delete endpoint: ...`), not prose.
        if (!operation.empty() &&
            (level == LogLevel::Error || (inChain && operationWeight(operation) == 2))) {
            const LookupKey& key = lookups.front().key;
            // The error lines of one failure follow each other (the plugin's, then the CNI's).
            if (open && open->said.second == key && open->last + 1 == i) {
                auto* said = failures.find(open->said);
                said->at.back().second = line;
                if (said->at.size() == 1) {
                    warnings[said->message].lastLine = line;
                    Failure& f = failed.at(said->message);
                    if (operationWeight(operation) > operationWeight(f.operation))
                        f.operation = operation;
                }
                open->last = i;
                effects.lines.push_back(line);
                continue;
            }
            CniContext cni = cniContextBefore(lines, i, cniRead);
            if (cni.command.empty())
                cni.command = kubeletCniCommandOn(lowerCopy(text));
            Failure f{operation, std::move(cni), lookups.front().object, key.second, sandboxOn(text), {}};
            std::pair<std::string, LookupKey> said{f.cni.container, key};
            open = OpenFailure{said, i};
            if (failures.repeat(said, line, line)) {
                effects.lines.push_back(line);
                continue;
            }
            if (warnings.size() < kMaxEffects) {
                warnings.push_back({line, line, {}});
                failed.emplace(warnings.size() - 1, std::move(f));
                failures.said(std::move(said), warnings.size() - 1, line, line);
                effects.lines.push_back(line);
                continue;
            }
            open.reset(); // past the cap the lookup stays an info
        }
        if (!saysItRetries(text))
            continue;
        for (const LineLookup& lookup : lookups) {
            auto [it, added] = waiting.try_emplace(lookup.key);
            if (added) {
                if (waiting.size() > kMaxEffects) {
                    waiting.erase(it);
                    continue;
                }
                it->second.object = lookup.object;
                it->second.program = programOf(text);
                waitingOrder.push_back(lookup.key);
            }
            if (it->second.lines.empty() || it->second.lines.back() != line)
                it->second.lines.push_back(line);
        }
    }
    // A failure once: its lines; again: how often, and where. Error lines that say only that the lookup
    // failed (`Failed to find endpoint ...`) tell no effect of it: their lookups stay infos.
    std::optional<std::vector<SandboxFailureLine>> sandboxFailures; // read when a failure names a sandbox
    for (const auto& s : failures.all()) {
        const Failure& f = failed.at(s.message);
        if (s.message < warnings.size() && operationWeight(f.operation) == 0 && f.cni.command.empty()) {
            warnings[s.message].message.clear();
            for (const std::pair<int, int>& span : s.at)
                std::erase_if(effects.lines,
                              [&span](int line) { return line >= span.first && line <= span.second; });
            continue;
        }
        if (s.message >= warnings.size())
            continue;
        Failure& said = failed.at(s.message);
        if (!said.sandbox.empty()) {
            if (!sandboxFailures)
                sandboxFailures = sandboxFailureLines(lines);
            std::vector<int> stated = effects.lines;
            std::sort(stated.begin(), stated.end());
            said.sandboxLines = otherFailuresOfSandbox(*sandboxFailures, said.sandbox, stated);
        }
        effects.lines.insert(effects.lines.end(), said.sandboxLines.begin(), said.sandboxLines.end());
        warnings[s.message].message =
            failureText(said, s.at.size() == 1 ? " at " + tables::lineRange(s.at[0].first, s.at[0].second)
                                               : " " + repeatCount(s.at));
    }
    std::erase_if(warnings, [](const ImportWarning& w) { return w.message.empty(); });
    for (const LookupKey& key : waitingOrder) {
        const Waiting& w = waiting.at(key);
        if (w.lines.size() < 2)
            continue; // once: a retry the info says
        const int first = w.lines.front();
        const int last = w.lines.back();
        warnings.push_back(
            {first, last,
             (w.program.empty() ? std::string("the program that logs it") : w.program) + " waits for HNS " +
                 w.object + ", which HNS does not have: it looked for it " + std::to_string(w.lines.size()) +
                 " times, retrying each time, and has not started (" + tables::lineRange(first, last) + ")"});
        effects.lines.insert(effects.lines.end(), w.lines.begin(), w.lines.end());
    }
    std::stable_sort(warnings.begin(), warnings.end(), [](const ImportWarning& a, const ImportWarning& b) {
        return a.firstLine < b.firstLine;
    });
    std::sort(effects.lines.begin(), effects.lines.end());
    effects.lines.erase(std::unique(effects.lines.begin(), effects.lines.end()), effects.lines.end());
    return effects;
}

} // namespace hcn::io
