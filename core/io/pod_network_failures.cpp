// Pod sandboxes whose network failed for a reason of the runtime's or its CNI plugin's (see
// pod_network_failures.h).

#include "io/pod_network_failures.h"

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
#include <limits>
#include <string>
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

/// The runtime's next clause after a reason in its list of errors (kubelet's `[failed to set up sandbox
/// container ...: <reason>, failed to clean up sandbox container ...: <reason>]`), lower case.
constexpr std::string_view kNextClause = ", failed to clean up ";

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
    std::replace(error.message.begin(), error.message.end(), kQuote, '"');
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

/// The step `step` names at text[found] and its reason; none when no name or reason follows it.
std::optional<ReadStep> stepAt(std::string_view text, std::string_view lower, const PodNetworkStep& step,
                               std::size_t found)
{
    ReadStep read;
    read.step = &step;
    std::size_t at = found + step.words.size();
    int level = kAnyQuote;
    if (step.namesPod) {
        read.name = nameAt(text, at, level);
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
    // `network: ` (dockershim) or `": ` after the sandbox's ID; then, maybe, the CNI plugin's part.
    std::size_t reason = lower.find(": ", at);
    if (reason == std::string_view::npos || reason > at + 10)
        return std::nullopt;
    reason += 2;
    std::size_t end = reasonEnd(text, lower, reason, level);
    if (lower.substr(reason, end - reason).starts_with("plugin type=")) {
        const std::string_view part = lower.substr(reason, end - reason);
        const std::size_t close = part.find("): ");
        if (close == std::string_view::npos)
            return std::nullopt;
        read.plugin = pluginField(text.substr(reason, close), part.substr(0, close), "type=");
        read.network = pluginField(text.substr(reason, close), part.substr(0, close), "name=");
        reason += close + 3;
    }
    const std::string why =
        unescapedQuotes(text.substr(reason, end - reason), level == kAnyQuote ? 0 : level);
    // HNS has no such object: the failed lookup's report says so.
    read.lookup = !lookupsOn(why).empty();
    read.error = reasonError(why);
    if (read.error.message.empty())
        return std::nullopt;
    withWindowsWording(read.error);
    return read;
}

} // namespace

std::optional<LoggedError> podNetworkFailureIn(std::string_view text, std::string_view lower)
{
    if (lower.find("network") == std::string_view::npos)
        return std::nullopt;
    // The runtime's own line (a log record's error or warning, kubelet's event, the runtime's chain of
    // errors), not prose quoting one.
    const LogLevel level = levelOfLine(text);
    if (level != LogLevel::Error && level != LogLevel::Warning && level != LogLevel::Fatal &&
        !holdsAnyIgnoringCase(lower, {"rpc error", "desc =", "failed to create pod sandbox",
                                      "failedcreatepodsandbox", "failedkillpod", "networkplugin cni",
                                      "error syncing pod", "error deleting", "killpodsandbox",
                                      "stoppodsandbox", "runpodsandbox"}))
        return std::nullopt;
    // Each kind of step the line names, the last of each: the runtime's chain of errors names the
    // innermost last. The first kind (a set-up before a tear-down) is the failure said.
    std::vector<ReadStep> steps;
    for (const PodNetworkStep& step : kSteps)
        if (const std::size_t found = lower.rfind(step.words); found != std::string_view::npos)
            if (std::optional<ReadStep> read = stepAt(text, lower, step, found))
                steps.push_back(std::move(*read));
    if (steps.empty() || steps.front().lookup)
        return std::nullopt;
    ReadStep& first = steps.front();
    LoggedError error = std::move(first.error);
    const std::string whose = first.step->namesPod ? "pod " + first.name : std::string("a pod sandbox");
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
    if (!first.plugin.empty())
        error.operation += " (CNI plugin " + first.plugin +
                           (first.network.empty() ? "" : ", network " + first.network) + ")";
    error.operation += teardown;
    error.podNetwork = true;
    return error;
}

} // namespace hcn::io::logged
