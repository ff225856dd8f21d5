#pragma once
// PowerShell commands of the cmdlets that ask HNS for objects (internal to core/io): the cmdlets (hns.psm1's,
// the HostNetworkingService module's and the Containers module's ContainerNetwork ones) with the kind of
// object each is for and the parameters each takes, and how a command's text is read: statements and
// pipelines, words outside quotes and brackets, `-Name value`, `-Name:value`, switches, quoted values and
// lists (`"a","b"`, `@('a', 'b')`), and a parameter named by a unique prefix of its name as PowerShell
// allows (`-Addr` for `-AddressPrefix`).

#include "hcn/resource_kind.h"

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace hcn::io {

/// What a cmdlet asks of HNS.
enum class CmdletVerb
{
    New,    ///< create
    Get,    ///< query
    Set,    ///< modify
    Remove, ///< delete
};

/// The module a cmdlet comes from.
enum class CmdletModule
{
    Hns,        ///< hns.psm1, hns.v2.psm1 or Windows' HostNetworkingService module
    Containers, ///< the Containers module (ContainerNetwork)
};

/// One cmdlet that asks HNS for objects.
struct HnsCmdlet
{
    std::string spelled; ///< "New-HnsNetwork"
    CmdletVerb verb;
    ResourceKind kind;       ///< the kind of object it is for
    std::string_view object; ///< what the report calls that object: "network", "policy list"
    CmdletModule module;
    std::string_view parameters; ///< the parameters that take a value, blank-separated
    std::string_view switches;   ///< the switch parameters, blank-separated
};

/// The cmdlet named `word` (any case), nullptr when `word` names none of them.
const HnsCmdlet* hnsCmdletNamed(std::string_view word);

/// What `verb` asks HNS to do: "create", "query", "modify", "delete".
std::string_view cmdletAsks(CmdletVerb verb);

/// `token` as a PowerShell parameter's name (`-Name`, `–SubnetPrefix` with the en dash a word processor or
/// a web page made of the hyphen, `—Name`) in lower case; empty when it is none. `-Name:value` gives
/// "name:value".
std::string powerShellParameterName(std::string_view token);

/// The parameter of `cmdlet` (a common parameter too: `-Verbose`, `-ErrorAction`) that `given` (lower
/// case, as powerShellParameterName gives it) names, in lower case: the one of that name, else the common
/// parameter of that alias (`-ea` for `-ErrorAction`), else the only one whose name starts with `given`.
/// `given` itself when it names none or several (`-A` of New-HnsNetwork may be -AddressPrefix, -AdapterName
/// or -AdditionalParams: PowerShell refuses it, nothing is guessed), or when `cmdlet` is nullptr.
std::string parameterNamed(const HnsCmdlet* cmdlet, std::string_view given);

/// `text` split where `separators` stand outside quotes, braces, parentheses and brackets.
std::vector<std::string_view> splitOutside(std::string_view text, std::string_view separators);

/// The start of `text` up to the end of the command it begins (the text after a cmdlet's name): the `|` or
/// `;` that ends its part of a pipeline, or the `}` or `)` of a block it stands in, outside quotes and
/// brackets.
std::string_view commandExtent(std::string_view text);

/// The words of one pipeline element: blank-separated outside quotes and brackets, a list's items
/// (`"a", "b"`) kept as one word.
std::vector<std::string> commandWords(std::string_view element);

/// The words of each element of the pipeline `statement`, split at each `|` outside quotes and brackets.
std::vector<std::vector<std::string>> pipelineWords(std::string_view statement);

/// A parameter's value as its items, quotes and `@(...)` taken away: `"10.0.7.0/24"`, `"a","b"`,
/// `@('a', 'b')`.
std::vector<std::string> valueItems(std::string_view value);

/// A command's arguments: its parameters by lower-case name (the cmdlet's full name where the command
/// shortened it or gave an alias of a common parameter), each with its value's items (none for a switch),
/// and its positional arguments. The common parameters every cmdlet takes (`-Verbose`, `-ErrorAction
/// Stop`, `-OutVariable x`) are apart from the command's own, in `common`.
struct CommandArguments
{
    std::map<std::string, std::vector<std::string>, std::less<>> named;
    /// Apart, for the readers that ask whether a command has parameters of its own (a listing's filter
    /// pins a value only with none but its comparison; `New-HnsNetwork -Verbose` asks for no network).
    std::map<std::string, std::vector<std::string>, std::less<>> common;
    std::vector<std::string> positional;

    /// The first item of the parameter `name`'s value (an own or a common one); empty when the command
    /// gives none.
    std::string first(std::string_view name) const;
    bool has(std::string_view name) const
    {
        return named.find(name) != named.end() || common.find(name) != common.end();
    }
};

/// The parameters of a command other than these cmdlets (`Where-Object`): those that take a value and the
/// switches, blank-separated.
struct CommandParameters
{
    std::string_view parameters;
    std::string_view switches;
};

/// The arguments in `words` from `from` on of a command of `cmdlet` (nullptr for another command: its
/// parameters are taken by the names given). A parameter takes the next word as its value unless that word
/// is a parameter or the parameter is one of the cmdlet's switches; given twice, its first value counts.
CommandArguments argumentsOf(const std::vector<std::string>& words, std::size_t from,
                             const HnsCmdlet* cmdlet);
/// The same for a command taking `command`'s parameters (and the common ones), named as for a cmdlet.
CommandArguments argumentsOf(const std::vector<std::string>& words, std::size_t from,
                             const CommandParameters& command);

} // namespace hcn::io
