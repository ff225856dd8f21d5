// CNI commands a log shows given a plugin that manages a pod's HNS endpoint (see cni_requests.h).

#include "io/cni_requests.h"

#include "common/capped_list.h"
#include "common/text.h"
#include "hcn/json_limits.h"
#include "io/container_ids.h"
#include "io/json_repair.h"
#include "io/logged_words.h"
#include "io/text_scan.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <vector>

namespace hcn::io {

namespace {

using ordered_json = nlohmann::ordered_json;

/// A line's network configuration is read up to this many bytes.
constexpr std::size_t kMaxCniConfig = std::size_t(1) << 20;
/// Endpoint policies named per request, values named per policy, items named per list value.
constexpr std::size_t kMaxCniPolicies = 8;
constexpr std::size_t kMaxCniPolicyValues = 8;
constexpr std::size_t kMaxCniListItems = 4;

/// What a CNI configuration found on a line says.
struct CniConfig
{
    std::string network; ///< its `name`
    std::string plugin;  ///< its `type`
    std::vector<std::string> policies;
    bool cut = false; ///< the line ends inside it: what came after its last whole member is not shown
};

/// The value `key` (`K8S_POD_NAME=`) gives in a CNI Args string: up to `;` or the end of the string.
std::string cniArg(std::string_view text, std::string_view key)
{
    for (std::size_t at = text.find(key); at != std::string_view::npos; at = text.find(key, at + 1)) {
        if (at > 0 && logged::isLoggedWordChar(text[at - 1]))
            continue;
        std::size_t end = at + key.size();
        while (end < text.size() &&
               (logged::isLoggedWordChar(text[end]) || text[end] == '-' || text[end] == '.'))
            ++end;
        std::string_view value = text.substr(at + key.size(), end - at - key.size());
        while (!value.empty() && value.back() == '.')
            value.remove_suffix(1); // the sentence's end: a Kubernetes name never ends so
        if (!value.empty())
            return std::string(value);
    }
    return {};
}

/// The JSON configuration that starts at text[open] (`{`), its quotes escaped in a string of a JSON
/// record (`{\"name\":...`) or not: its text, unescaped, up to where its braces close (or the line ends:
/// `cut`).
std::string cniConfigText(std::string_view text, std::size_t open, bool& cut)
{
    const bool escaped = text.substr(open + 1).starts_with("\\\"");
    std::string config;
    JsonStringState strings;
    int depth = 0;
    for (std::size_t i = open; i < text.size() && config.size() < kMaxCniConfig; ++i) {
        char c = text[i];
        if (escaped && c == '\\' && i + 1 < text.size()) {
            const char next = text[++i];
            c = next == 'n' || next == 't' || next == 'r' ? ' ' : next;
        } else if (escaped && c == '"') {
            break; // the end of the string that carries it
        }
        config += c;
        if (strings.step(c))
            continue;
        depth += c == '{' || c == '[' ? 1 : c == '}' || c == ']' ? -1 : 0;
        if (depth == 0) {
            cut = false;
            return config;
        }
    }
    cut = true;
    return config;
}

/// "ExceptionList=10.244.0.0/16", "RemotePorts=80": a policy's value by its key; empty for a value that
/// is no scalar or list of scalars.
std::string policyValue(const std::string& key, const ordered_json& value)
{
    const auto scalar = [](const ordered_json& v) {
        return v.is_string()                      ? v.get<std::string>()
               : v.is_primitive() && !v.is_null() ? v.dump()
                                                  : std::string();
    };
    if (value.is_array()) {
        std::vector<std::string> items;
        for (const ordered_json& item : value)
            if (std::string s = scalar(item); !s.empty())
                items.push_back(std::move(s));
        return items.empty() ? std::string() : key + "=" + cappedList(items, kMaxCniListItems, ",", ", ");
    }
    const std::string s = scalar(value);
    return s.empty() ? std::string() : key + "=" + s;
}

/// "OutBoundNAT (ExceptionList=10.244.0.0/16)", "ACL (Action=Block, Direction=Out, ...)": a policy's type
/// and values, those of its `Settings` (HNS's v2 form) too.
std::string policySaid(const ordered_json& policy)
{
    std::string type;
    std::vector<std::string> values;
    for (const auto& [key, value] : policy.items()) {
        if (equalsIgnoreCase(key, "Type") && value.is_string()) {
            type = value.get<std::string>();
        } else if (equalsIgnoreCase(key, "Settings") && value.is_object()) {
            for (const auto& [k, v] : value.items())
                if (std::string said = policyValue(k, v); !said.empty())
                    values.push_back(std::move(said));
        } else if (std::string said = policyValue(key, value); !said.empty()) {
            values.push_back(std::move(said));
        }
    }
    if (type.empty())
        type = "a policy without a type";
    return values.empty() ? type : type + " (" + cappedList(values, kMaxCniPolicyValues, ", ", ", ") + ")";
}

/// The endpoint policies a configuration asks for: the `Value` of each `{"Name":"EndpointPolicy",...}` in
/// an `AdditionalArgs` (azure-vnet) or `policies` list (win-bridge, win-overlay, sdnbridge), at its top
/// or in an object inside it (a `delegate`).
void collectPolicies(const ordered_json& config, std::vector<std::string>& policies, int depth = 0)
{
    if (!config.is_object() || depth > 3)
        return;
    for (const auto& [key, value] : config.items()) {
        if (value.is_object()) {
            collectPolicies(value, policies, depth + 1);
            continue;
        }
        if (!value.is_array() ||
            (!equalsIgnoreCase(key, "AdditionalArgs") && !equalsIgnoreCase(key, "policies")))
            continue;
        for (const ordered_json& element : value) {
            if (!element.is_object())
                continue;
            std::string name;
            const ordered_json* policy = nullptr;
            for (const auto& [k, v] : element.items()) {
                if (equalsIgnoreCase(k, "Name") && v.is_string())
                    name = v.get<std::string>();
                else if (equalsIgnoreCase(k, "Value") && v.is_object())
                    policy = &v;
            }
            if (policy && equalsIgnoreCase(name, "EndpointPolicy"))
                policies.push_back(policySaid(*policy));
        }
    }
}

/// A member of a Go struct printed with `%+v` (`Name:vpc` in `NetConf:{CNIVersion:0.3.1 Name:vpc
/// Type:vpc-shared-eni}`): up to the next blank or brace.
std::string goStructMember(std::string_view text, std::string_view key)
{
    for (std::size_t at = text.find(key); at != std::string_view::npos; at = text.find(key, at + 1)) {
        if (at > 0 && logged::isLoggedWordChar(text[at - 1]))
            continue;
        const std::size_t p = at + key.size();
        const std::size_t end = std::min(text.find_first_of(" {}", p), text.size());
        if (end > p)
            return std::string(text.substr(p, end - p));
    }
    return {};
}

/// Where the configuration the key at text[key] names opens (its `{`): after the rest of the key's word
/// (`netconf` in `netconfig`), its quotes (escaped ones too), its `:` or `=`, blanks and a Go pointer's
/// `&` (`stdinData":"{`, `"stdinData": "{`, `StdinData:{`, `netconfig: &{`); npos when something else
/// follows the key.
std::size_t configOpenAfter(std::string_view text, std::size_t key)
{
    std::size_t p = key;
    while (p < text.size() && logged::isLoggedWordChar(text[p]))
        ++p;
    while (p < text.size() && (isBlank(text[p]) || text[p] == '"' || text[p] == '\\' || text[p] == ':' ||
                               text[p] == '=' || text[p] == '&'))
        ++p;
    return p < text.size() && text[p] == '{' ? p : std::string_view::npos;
}

/// The network configuration a line gives after `stdinData` or `netconfig` (any case): JSON, escaped or
/// not, or a Go struct printed with `%+v`.
std::optional<CniConfig> cniConfigIn(std::string_view text)
{
    std::size_t key = findIgnoringCase(text, "stdindata");
    if (key == std::string_view::npos)
        key = findIgnoringCase(text, "netconf");
    if (key == std::string_view::npos)
        return std::nullopt;
    const std::size_t open = configOpenAfter(text, key);
    if (open == std::string_view::npos)
        return std::nullopt;
    CniConfig config;
    std::string_view after = text.substr(open + 1);
    while (!after.empty() && after.front() == ' ')
        after.remove_prefix(1);
    if (!after.starts_with('"') && !after.starts_with("\\\"")) {
        // A Go struct: its name and type, from the CNI NetConf it embeds.
        const std::size_t end = std::min(text.find('}', open), text.size());
        const std::string_view fields = text.substr(open, end - open);
        config.network = goStructMember(fields, "Name:");
        config.plugin = goStructMember(fields, "Type:");
        return config;
    }
    std::string json = cniConfigText(text, open, config.cut);
    if (config.cut)
        json = closeTruncatedJson(json);
    if (json.empty() || !withinJsonDepth(json, kDefaultMaxJsonDepth))
        return config;
    const ordered_json parsed = ordered_json::parse(json, nullptr, false);
    if (!parsed.is_object())
        return config;
    for (const auto& [k, v] : parsed.items()) {
        if (k == "name" && v.is_string())
            config.network = v.get<std::string>();
        else if (k == "type" && v.is_string())
            config.plugin = v.get<std::string>();
    }
    collectPolicies(parsed, config.policies);
    return config;
}

std::string_view cniRole(std::string_view command)
{
    return command == "ADD"   ? "makes the pod's HNS endpoint"
           : command == "DEL" ? "deletes the pod's HNS endpoint"
                              : "checks the pod's HNS endpoint";
}

} // namespace

std::string cniCommandIn(std::string_view text)
{
    for (const std::string_view command : {"ADD", "DEL", "CHECK"}) {
        const std::string c(command);
        for (const std::string& spelled :
             {"Processing " + c + " command", "Executing " + c, "CNI_COMMAND=" + c, "command=" + c,
              "Command: " + c, "\"command\":\"" + c + "\""}) {
            const std::size_t at = text.find(spelled);
            if (at != std::string_view::npos &&
                (at + spelled.size() == text.size() || !logged::isLoggedWordChar(text[at + spelled.size()])))
                return c;
        }
    }
    return {};
}

std::optional<LoggedRequest> cniRequestIn(std::string_view text)
{
    // Every form holds the pod's arguments or the configuration: the many other lines are spared the rest.
    // (Args are upper case; `stdinData`, `StdinData`, `netconfig`, `NetConf` as the plugins spell them.)
    if (!holdsAnyIgnoringCase(text, {"k8s_pod_", "stdindata", "netconf"}))
        return std::nullopt;
    const std::string command = cniCommandIn(text);
    if (command.empty())
        return std::nullopt;
    const std::string ns = cniArg(text, "K8S_POD_NAMESPACE=");
    const std::string pod = cniArg(text, "K8S_POD_NAME=");
    const std::optional<CniConfig> config = cniConfigIn(text);
    if (pod.empty() && !config)
        return std::nullopt;
    LoggedRequest r;
    r.asker = LoggedRequest::Asker::CniPlugin;
    r.kind = ResourceKind::Endpoint;
    r.by = config ? config->plugin : std::string();
    std::string what = command + " request";
    if (!pod.empty())
        what += " for pod " + (ns.empty() ? pod : ns + "/" + pod);
    else if (const std::string container = containerIdAfter(text, "containerid"); !container.empty())
        what += " for container " + std::string(shortContainerId(container));
    what +=
        (r.by.empty() ? std::string(" to the CNI plugin that ") : " to " + r.by + ", the CNI plugin that ") +
        std::string(cniRole(command));
    std::vector<std::string> asked;
    if (config && !config->network.empty())
        asked.push_back("network " + config->network);
    if (config && !config->policies.empty())
        asked.push_back(
            std::string(config->policies.size() == 1 ? "endpoint policy " : "endpoint policies ") +
            cappedList(config->policies, kMaxCniPolicies, ", ", ", "));
    if (!asked.empty())
        what += ": " + joinedList(asked, ", ");
    if (config && config->cut)
        what += " (the line ends inside the configuration: what follows there is not shown)";
    r.what = std::move(what);
    return r;
}

} // namespace hcn::io
