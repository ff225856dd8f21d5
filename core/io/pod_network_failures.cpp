// Pod sandboxes whose network failed for a reason of the runtime's or its CNI plugin's (see
// pod_network_failures.h).

#include "io/pod_network_failures.h"

#include "common/text.h"
#include "io/failed_lookups.h"
#include "io/log_levels.h"
#include "io/logged_error_message.h"
#include "io/logged_failed_steps.h"
#include "io/logged_words.h"
#include "io/text_scan.h"

#include <array>
#include <string>

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

/// The value of `key` (`type=`, `name=`) in a CNI plugin's `plugin type="win-bridge" name="cbr0"`.
std::string pluginField(std::string_view text, std::string_view lower, std::string_view key)
{
    std::size_t at = lower.find(key);
    if (at == std::string_view::npos)
        return {};
    at += key.size();
    return quotedOrBareName(text, at);
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
    for (const PodNetworkStep& step : kSteps) {
        // The last such step on the line: the runtime's chain of errors names the innermost last.
        const std::size_t found = lower.rfind(step.words);
        if (found == std::string_view::npos)
            continue;
        std::size_t at = found + step.words.size();
        const std::string name = quotedOrBareName(text, at);
        if (name.empty())
            return std::nullopt;
        // `network: ` (dockershim) or `": ` after the sandbox's ID; then, maybe, the CNI plugin's part.
        std::size_t reason = lower.find(": ", at);
        if (reason == std::string_view::npos || reason > at + 10)
            return std::nullopt;
        reason += 2;
        std::string plugin;
        std::string network;
        if (lower.substr(reason).starts_with("plugin type=")) {
            const std::string_view part = lower.substr(reason);
            const std::size_t end = part.find("): ");
            if (end == std::string_view::npos)
                return std::nullopt;
            plugin = pluginField(text.substr(reason, end), part.substr(0, end), "type=");
            network = pluginField(text.substr(reason, end), part.substr(0, end), "name=");
            reason += end + 3;
        }
        const std::string_view why = text.substr(reason);
        if (!lookupsOn(why).empty())
            return std::nullopt; // HNS has no such object: the failed lookup's report says so
        LoggedError error = errorStatedAt(text, reason);
        if (error.message.empty())
            return std::nullopt;
        withWindowsWording(error);
        error.operation = std::string(step.said) + " the network of " +
                          (step.namesPod ? "pod " + name : std::string("a pod sandbox"));
        if (!plugin.empty())
            error.operation +=
                " (CNI plugin " + plugin + (network.empty() ? "" : ", network " + network) + ")";
        error.podNetwork = true;
        return error;
    }
    return std::nullopt;
}

} // namespace hcn::io::logged
