// PowerShell commands of the cmdlets that ask HNS for objects (see powershell_commands.h).

#include "io/powershell_commands.h"

#include "common/text.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace hcn::io {

namespace {

/// The nouns of the cmdlets: the kind of object each is for, the parameters its New- cmdlet takes as the
/// module declares them (with -Name and -Id where the module has none: the import reads them), and whether
/// the module has Get-, Set- and Remove- cmdlets of it too.
struct CmdletNoun
{
    std::string_view spelled;
    ResourceKind kind;
    std::string_view object;
    CmdletModule module;
    std::string_view newParameters;
    std::string_view newSwitches;
    bool newOnly;
};

constexpr CmdletNoun kCmdletNouns[] = {
    {"HnsNetwork", ResourceKind::Network, "network", CmdletModule::Hns,
     "JsonString Type Name AddressPrefix Gateway SubnetPolicies DNSServer AdapterName AdditionalParams "
     "NetworkSpecificParams",
     "IPv6", false},
    {"HnsEndpoint", ResourceKind::Endpoint, "endpoint", CmdletModule::Hns,
     "JsonString NetworkId Name IPAddress Gateway MacAddress", "EnableOutboundNat", false},
    {"HnsPolicyList", ResourceKind::LoadBalancer, "policy list", CmdletModule::Hns, "Id Name", "", false},
    {"HnsLoadBalancer", ResourceKind::LoadBalancer, "load balancer", CmdletModule::Hns,
     "Endpoints InternalPort ExternalPort Vip", "", false},
    {"HnsNamespace", ResourceKind::Namespace, "namespace", CmdletModule::Hns,
     "Endpoints CreateWithCompartment Id Name", "Default", false},
    {"HnsRemoteEndpoint", ResourceKind::Endpoint, "endpoint", CmdletModule::Hns,
     "NetworkId IPAddress MacAddress", "", true},
    {"HnsRoute", ResourceKind::LoadBalancer, "policy list", CmdletModule::Hns, "Endpoints DestinationPrefix",
     "EncapEnabled", true},
    {"ContainerNetwork", ResourceKind::Network, "network", CmdletModule::Containers,
     "Name Mode NetworkAdapterName SubnetPrefix GatewayAddress DNSServers DNSSuffix", "WhatIf Confirm",
     false},
};

/// The parameters the Get-, Set- and Remove- cmdlets of a module take, whatever their noun (-Name and -Id
/// where the module has none: the import reads them).
struct VerbParameters
{
    CmdletVerb verb;
    std::string_view spelled;
    CmdletModule module;
    std::string_view parameters;
    std::string_view switches;
};

constexpr VerbParameters kVerbParameters[] = {
    {CmdletVerb::Get, "Get", CmdletModule::Hns, "Id Name", "Detailed"},
    {CmdletVerb::Set, "Set", CmdletModule::Hns, "Id Name", ""},
    {CmdletVerb::Remove, "Remove", CmdletModule::Hns, "InputObjects Id Name", ""},
    {CmdletVerb::Get, "Get", CmdletModule::Containers, "Id Name", ""},
    {CmdletVerb::Set, "Set", CmdletModule::Containers, "Id Name", "WhatIf Confirm"},
    {CmdletVerb::Remove, "Remove", CmdletModule::Containers, "Id Name", "Force WhatIf Confirm"},
};

/// Every cmdlet of the nouns and verbs above.
const std::vector<HnsCmdlet>& hnsCmdlets()
{
    static const std::vector<HnsCmdlet> all = [] {
        std::vector<HnsCmdlet> cmdlets;
        for (const CmdletNoun& noun : kCmdletNouns) {
            cmdlets.push_back({"New-" + std::string(noun.spelled), CmdletVerb::New, noun.kind, noun.object,
                               noun.module, noun.newParameters, noun.newSwitches});
            for (const VerbParameters& verb : kVerbParameters)
                if (!noun.newOnly && verb.module == noun.module)
                    cmdlets.push_back({std::string(verb.spelled) + "-" + std::string(noun.spelled), verb.verb,
                                       noun.kind, noun.object, noun.module, verb.parameters, verb.switches});
        }
        return cmdlets;
    }();
    return all;
}

/// The common parameters every one of them takes.
constexpr std::string_view kCommonParameters =
    "ErrorAction ErrorVariable InformationAction InformationVariable "
    "OutBuffer OutVariable PipelineVariable ProgressAction "
    "WarningAction WarningVariable";
constexpr std::string_view kCommonSwitches = "Debug Verbose";

/// The aliases of the common parameters, each with the parameter's name.
constexpr std::pair<std::string_view, std::string_view> kCommonAliases[] = {
    {"db", "debug"},
    {"ea", "erroraction"},
    {"ev", "errorvariable"},
    {"infa", "informationaction"},
    {"iv", "informationvariable"},
    {"ob", "outbuffer"},
    {"ov", "outvariable"},
    {"pv", "pipelinevariable"},
    {"proga", "progressaction"},
    {"vb", "verbose"},
    {"wa", "warningaction"},
    {"wv", "warningvariable"},
};

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

bool isParameterWord(std::string_view word)
{
    return !powerShellParameterName(word).empty();
}

/// Whether `name` (a full name, any case) is a common parameter.
bool isCommonParameter(std::string_view name)
{
    const auto named = [&](std::string_view common) { return equalsIgnoreCase(common, name); };
    return anyName(kCommonParameters, named) || anyName(kCommonSwitches, named);
}

/// Whether `name` (a full name, any case) is one of `command`'s own parameters: one that takes a value or
/// one of its switches.
bool isOwnParameter(const CommandParameters& command, std::string_view name)
{
    const auto named = [&](std::string_view own) { return equalsIgnoreCase(own, name); };
    return anyName(command.parameters, named) || anyName(command.switches, named);
}

bool isSwitchIn(const CommandParameters& command, std::string_view given)
{
    const auto named = [&](std::string_view name) { return equalsIgnoreCase(name, given); };
    return anyName(command.switches, named) || anyName(kCommonSwitches, named);
}

/// parameterNamed for a command taking `command`'s parameters.
std::string parameterNamedIn(const CommandParameters& command, std::string_view given)
{
    if (given.empty())
        return std::string(given);
    const std::string_view lists[] = {command.parameters, command.switches, kCommonParameters,
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
    for (const auto& [alias, name] : kCommonAliases)
        if (equalsIgnoreCase(alias, given))
            return std::string(name);
    return starting == 1 ? lowerCopy(only) : std::string(given);
}

/// argumentsOf for a command taking `command`'s parameters, or (nullptr) any named as given.
CommandArguments argumentsIn(const std::vector<std::string>& words, std::size_t from,
                             const CommandParameters* command)
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
        const std::size_t colon = name.find(':');
        if (colon != std::string::npos) {
            value = word.substr(word.size() - name.size() + colon + 1);
            name.resize(colon);
        }
        if (command)
            name = parameterNamedIn(*command, name);
        if (colon == std::string::npos && i + 1 < words.size() && !isParameterWord(words[i + 1]) &&
            !(command && isSwitchIn(*command, name)))
            value = words[++i];
        // A common parameter (`-Verbose`, `-ErrorAction Stop`) says how the command runs, not what it does.
        const bool common = command && isCommonParameter(name) && !isOwnParameter(*command, name);
        (common ? args.common : args.named).emplace(std::move(name), valueItems(value));
    }
    return args;
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
    for (const HnsCmdlet& c : hnsCmdlets())
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
    if (!cmdlet)
        return std::string(given);
    return parameterNamedIn({cmdlet->parameters, cmdlet->switches}, given);
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
        // A command's name ends where a script block opens: `?{$_.Name -eq 'nat'}`, `Where-Object{ ... }`.
        if (words.empty()) {
            const std::size_t brace = part.find('{');
            const std::string_view name = part.substr(0, std::min(brace, part.size()));
            if (brace != std::string_view::npos && brace > 0 && name.front() != '-' &&
                std::all_of(name.begin(), name.end(), [](char c) {
                    return std::isalnum(static_cast<unsigned char>(c)) ||
                           std::string_view("-_?%.").find(c) != std::string_view::npos;
                })) {
                words.emplace_back(name);
                part.remove_prefix(brace);
            }
        }
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
    for (const auto* parameters : {&named, &common})
        if (const auto it = parameters->find(name); it != parameters->end())
            return it->second.empty() ? std::string() : it->second.front();
    return {};
}

CommandArguments argumentsOf(const std::vector<std::string>& words, std::size_t from, const HnsCmdlet* cmdlet)
{
    if (!cmdlet)
        return argumentsIn(words, from, nullptr);
    const CommandParameters parameters{cmdlet->parameters, cmdlet->switches};
    return argumentsIn(words, from, &parameters);
}

CommandArguments argumentsOf(const std::vector<std::string>& words, std::size_t from,
                             const CommandParameters& command)
{
    return argumentsIn(words, from, &command);
}

} // namespace hcn::io
