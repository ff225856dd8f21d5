// PowerShell commands of the cmdlets that ask HNS for objects (see powershell_commands.h).

#include "io/powershell_commands.h"

#include "common/text.h"

#include <algorithm>
#include <cctype>

namespace hcn::io {

namespace {

// Their parameters as the modules declare them, with those a paste gives them that the import reads: a
// Remove- or Get- cmdlet's -Name and -Id.
constexpr std::string_view kRemoveParameters = "InputObjects Id Name";
constexpr std::string_view kGetParameters = "Id Name";

constexpr HnsCmdlet kHnsCmdlets[] = {
    {"New-HnsNetwork", CmdletVerb::New, ResourceKind::Network, "network", CmdletModule::Hns,
     "JsonString Type Name AddressPrefix Gateway SubnetPolicies DNSServer AdapterName AdditionalParams "
     "NetworkSpecificParams",
     "IPv6"},
    {"New-HnsEndpoint", CmdletVerb::New, ResourceKind::Endpoint, "endpoint", CmdletModule::Hns,
     "JsonString NetworkId Name IPAddress Gateway MacAddress", "EnableOutboundNat"},
    {"New-HnsRemoteEndpoint", CmdletVerb::New, ResourceKind::Endpoint, "endpoint", CmdletModule::Hns,
     "NetworkId IPAddress MacAddress", ""},
    {"New-HnsLoadBalancer", CmdletVerb::New, ResourceKind::LoadBalancer, "load balancer", CmdletModule::Hns,
     "Endpoints InternalPort ExternalPort Vip", ""},
    {"New-HnsRoute", CmdletVerb::New, ResourceKind::LoadBalancer, "policy list", CmdletModule::Hns,
     "Endpoints DestinationPrefix", "EncapEnabled"},
    {"New-HnsPolicyList", CmdletVerb::New, ResourceKind::LoadBalancer, "policy list", CmdletModule::Hns,
     "Id Name", ""},
    {"New-HnsNamespace", CmdletVerb::New, ResourceKind::Namespace, "namespace", CmdletModule::Hns,
     "Endpoints CreateWithCompartment Id Name", "Default"},
    {"Remove-HnsNetwork", CmdletVerb::Remove, ResourceKind::Network, "network", CmdletModule::Hns,
     kRemoveParameters, ""},
    {"Remove-HnsEndpoint", CmdletVerb::Remove, ResourceKind::Endpoint, "endpoint", CmdletModule::Hns,
     kRemoveParameters, ""},
    {"Remove-HnsPolicyList", CmdletVerb::Remove, ResourceKind::LoadBalancer, "policy list", CmdletModule::Hns,
     kRemoveParameters, ""},
    {"Remove-HnsLoadBalancer", CmdletVerb::Remove, ResourceKind::LoadBalancer, "load balancer",
     CmdletModule::Hns, kRemoveParameters, ""},
    {"Remove-HnsNamespace", CmdletVerb::Remove, ResourceKind::Namespace, "namespace", CmdletModule::Hns,
     kRemoveParameters, ""},
    {"Get-HnsNetwork", CmdletVerb::Get, ResourceKind::Network, "network", CmdletModule::Hns, kGetParameters,
     "Detailed"},
    {"Get-HnsEndpoint", CmdletVerb::Get, ResourceKind::Endpoint, "endpoint", CmdletModule::Hns,
     kGetParameters, ""},
    {"Get-HnsPolicyList", CmdletVerb::Get, ResourceKind::LoadBalancer, "policy list", CmdletModule::Hns,
     kGetParameters, ""},
    {"Get-HnsLoadBalancer", CmdletVerb::Get, ResourceKind::LoadBalancer, "load balancer", CmdletModule::Hns,
     kGetParameters, ""},
    {"Get-HnsNamespace", CmdletVerb::Get, ResourceKind::Namespace, "namespace", CmdletModule::Hns,
     kGetParameters, ""},
    {"Set-HnsNetwork", CmdletVerb::Set, ResourceKind::Network, "network", CmdletModule::Hns, kGetParameters,
     ""},
    {"Set-HnsEndpoint", CmdletVerb::Set, ResourceKind::Endpoint, "endpoint", CmdletModule::Hns,
     kGetParameters, ""},
    {"Set-HnsPolicyList", CmdletVerb::Set, ResourceKind::LoadBalancer, "policy list", CmdletModule::Hns,
     kGetParameters, ""},
    {"Set-HnsLoadBalancer", CmdletVerb::Set, ResourceKind::LoadBalancer, "load balancer", CmdletModule::Hns,
     kGetParameters, ""},
    {"Set-HnsNamespace", CmdletVerb::Set, ResourceKind::Namespace, "namespace", CmdletModule::Hns,
     kGetParameters, ""},
    {"New-ContainerNetwork", CmdletVerb::New, ResourceKind::Network, "network", CmdletModule::Containers,
     "Name Mode NetworkAdapterName SubnetPrefix GatewayAddress DNSServers DNSSuffix", "WhatIf Confirm"},
    {"Get-ContainerNetwork", CmdletVerb::Get, ResourceKind::Network, "network", CmdletModule::Containers,
     kGetParameters, ""},
    {"Set-ContainerNetwork", CmdletVerb::Set, ResourceKind::Network, "network", CmdletModule::Containers,
     kGetParameters, "WhatIf Confirm"},
    {"Remove-ContainerNetwork", CmdletVerb::Remove, ResourceKind::Network, "network",
     CmdletModule::Containers, kGetParameters, "Force WhatIf Confirm"},
};

/// The common parameters every one of them takes.
constexpr std::string_view kCommonParameters =
    "ErrorAction ErrorVariable InformationAction InformationVariable "
    "OutBuffer OutVariable PipelineVariable ProgressAction "
    "WarningAction WarningVariable";
constexpr std::string_view kCommonSwitches = "Debug Verbose";

/// Calls `f` with each blank-separated name of `names` until it returns true; whether one did.
template <typename F> bool anyName(std::string_view names, F f)
{
    for (std::size_t at = 0; at < names.size();) {
        const std::size_t end = std::min(names.find(' ', at), names.size());
        if (end > at && f(names.substr(at, end - at)))
            return true;
        at = end + 1;
    }
    return false;
}

bool isSwitchOf(const HnsCmdlet& cmdlet, std::string_view lowerName)
{
    const auto named = [&](std::string_view name) { return equalsIgnoreCase(name, lowerName); };
    return anyName(cmdlet.switches, named) || anyName(kCommonSwitches, named);
}

bool isParameterWord(std::string_view word)
{
    return !powerShellParameterName(word).empty();
}

/// Calls `f(i, depth)` for each character text[i] outside quotes that is no bracket opening or closing one
/// within `text` (a closing bracket at depth 0 closes one opened before `text`), `depth` the brackets
/// open around it, until `f` returns true; that character's index, or text.size().
template <typename F> std::size_t scanOutside(std::string_view text, F f)
{
    char quote = 0;
    int depth = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quote != 0)
            quote = c == quote ? 0 : quote;
        else if (c == '"' || c == '\'')
            quote = c;
        else if (c == '(' || c == '{' || c == '[')
            ++depth;
        else if ((c == ')' || c == '}' || c == ']') && depth > 0)
            --depth;
        else if (f(i, depth))
            return i;
    }
    return text.size();
}

} // namespace

const HnsCmdlet* hnsCmdletNamed(std::string_view word)
{
    for (const HnsCmdlet& c : kHnsCmdlets)
        if (equalsIgnoreCase(word, c.spelled))
            return &c;
    return nullptr;
}

std::string_view cmdletAsks(CmdletVerb verb)
{
    switch (verb) {
    case CmdletVerb::New:
        return "create";
    case CmdletVerb::Get:
        return "query";
    case CmdletVerb::Set:
        return "modify";
    case CmdletVerb::Remove:
        return "delete";
    }
    return {};
}

std::string powerShellParameterName(std::string_view token)
{
    for (const std::string_view dash :
         {std::string_view("-"), std::string_view("\xE2\x80\x93"), std::string_view("\xE2\x80\x94")})
        if (token.starts_with(dash) && token.size() > dash.size() &&
            std::isalpha(static_cast<unsigned char>(token[dash.size()])))
            return lowerCopy(token.substr(dash.size()));
    return {};
}

std::string parameterNamed(const HnsCmdlet* cmdlet, std::string_view given)
{
    if (!cmdlet || given.empty())
        return std::string(given);
    const std::string_view lists[] = {cmdlet->parameters, cmdlet->switches, kCommonParameters,
                                      kCommonSwitches};
    std::string_view only;
    std::size_t starting = 0;
    for (const std::string_view list : lists) {
        const bool exact = anyName(list, [&](std::string_view name) {
            if (equalsIgnoreCase(name, given))
                return true;
            if (name.size() > given.size() && equalsIgnoreCase(name.substr(0, given.size()), given)) {
                only = name;
                ++starting;
            }
            return false;
        });
        if (exact)
            return std::string(given);
    }
    return starting == 1 ? lowerCopy(only) : std::string(given);
}

std::vector<std::string_view> splitOutside(std::string_view text, std::string_view separators)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    scanOutside(text, [&](std::size_t i, int depth) {
        if (depth == 0 && separators.find(text[i]) != std::string_view::npos) {
            parts.push_back(text.substr(start, i - start));
            start = i + 1;
        }
        return false;
    });
    parts.push_back(text.substr(start));
    return parts;
}

std::string_view commandExtent(std::string_view text)
{
    return text.substr(0, scanOutside(text, [&](std::size_t i, int depth) {
                           return depth == 0 &&
                                  std::string_view("|;)}]").find(text[i]) != std::string_view::npos;
                       }));
}

std::vector<std::string> commandWords(std::string_view element)
{
    std::vector<std::string> words;
    for (std::string_view part : splitOutside(element, " \t")) {
        if (part.empty())
            continue;
        if (!words.empty() && (words.back().ends_with(',') || part.front() == ','))
            words.back() += std::string(part);
        else
            words.emplace_back(part);
    }
    return words;
}

std::vector<std::vector<std::string>> pipelineWords(std::string_view statement)
{
    std::vector<std::vector<std::string>> pipeline;
    for (const std::string_view element : splitOutside(statement, "|"))
        pipeline.push_back(commandWords(trimBlanks(element)));
    return pipeline;
}

std::vector<std::string> valueItems(std::string_view value)
{
    if (value.starts_with("@(") && value.ends_with(')'))
        value = value.substr(2, value.size() - 3);
    std::vector<std::string> items;
    for (std::string_view item : splitOutside(value, ",")) {
        item = trimBlanks(item);
        if (item.size() >= 2 && (item.front() == '"' || item.front() == '\'') && item.back() == item.front())
            item = item.substr(1, item.size() - 2);
        if (!item.empty())
            items.emplace_back(item);
    }
    return items;
}

std::string CommandArguments::first(std::string_view name) const
{
    const auto it = named.find(name);
    return it == named.end() || it->second.empty() ? std::string() : it->second.front();
}

CommandArguments argumentsOf(const std::vector<std::string>& words, std::size_t from, const HnsCmdlet* cmdlet)
{
    CommandArguments args;
    for (std::size_t i = from; i < words.size(); ++i) {
        const std::string& word = words[i];
        std::string name = powerShellParameterName(word);
        if (name.empty()) {
            args.positional.push_back(word);
            continue;
        }
        std::string value;
        if (const std::size_t colon = name.find(':'); colon != std::string::npos) {
            value = word.substr(word.size() - name.size() + colon + 1);
            name.resize(colon);
            name = parameterNamed(cmdlet, name);
        } else {
            name = parameterNamed(cmdlet, name);
            if (i + 1 < words.size() && !isParameterWord(words[i + 1]) &&
                !(cmdlet && isSwitchOf(*cmdlet, name)))
                value = words[++i];
        }
        args.named.emplace(std::move(name), valueItems(value));
    }
    return args;
}

} // namespace hcn::io
