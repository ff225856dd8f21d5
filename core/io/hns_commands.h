#pragma once
// PowerShell commands that create or delete HNS objects (internal to core/io), typed at a prompt, in a
// script a ticket shows or in a markdown code span: hns.psm1's `New-HnsNetwork -Type L2Bridge -Name
// labl2 -AddressPrefix 10.0.7.0/24 -Gateway 10.0.7.1`, `New-HnsEndpoint -NetworkId $network.ID
// -IPAddress 10.0.7.20`, `Get-HnsNetwork | ? Name -eq l2net | Remove-HnsNetwork`, `Get-HnsPolicyList |
// Remove-HnsPolicyList`, parameters shortened as PowerShell allows (`-Addr` for `-AddressPrefix`,
// powershell_commands.h), docker's network commands (docker_commands.h) and hnsdiag's deletions
// (`hnsdiag delete endpoints <id>`, hnsdiag_commands.h). Each is a request to HNS, never an object. The
// deletions (and the Containers module's `Remove-ContainerNetwork -Name net1`) also say which objects they
// delete, where the text tells. An HNS listing whose output is empty (`Get-HnsNetwork`, then an empty line
// that ends the paste or the block) is a request too, said with what its empty output tells.

#include "hcn/dump_text.h"
#include "hcn/resource_kind.h"
#include "io/logged_requests.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hcn::io {

/// The objects a command that deletes names, as far as its text tells them.
struct CommandDeletion
{
    std::string cmdlet; ///< "Remove-HnsNetwork", "Remove-ContainerNetwork"
    ResourceKind kind = ResourceKind::Invalid;
    /// The GUID it names (`-Id <guid>`, `Get-HnsEndpoint -Id <guid> | Remove-HnsEndpoint`); empty if none.
    std::string id;
    /// The name it names (`-Name net1`, `Get-HnsNetwork | ? Name -eq net1 | Remove-HnsNetwork`, a variable
    /// the text assigned from `New-HnsNetwork -Name net1`); empty if none.
    std::string name;
    /// Every object of its kind: `Get-HnsNetwork | Remove-HnsNetwork`, no filter between them.
    bool every = false;
    int firstLine = 0; ///< 1-based source lines of the command
    int lastLine = 0;
};

/// The commands of `lines` that create or delete HNS objects, in the order of the text.
struct HnsCommands
{
    /// Each a request (LoggedRequest::Asker::Command, `by` the cmdlet) at the command's first line, its
    /// lines (a command continued with a backtick spans several) in `loggedAt`. `what` as for a request
    /// HNS logged: "create network labl2 (L2Bridge, 10.0.7.0/24 via 10.0.7.1) on adapter Ethernet 2",
    /// "create endpoint lab-ep (10.0.7.20) on network labl2" (the network a variable holds, when the text
    /// assigned it from New-HnsNetwork), "delete the networks named l2net", "delete every policy list",
    /// "list every network, which printed nothing: HNS held no network when it was typed".
    std::vector<LoggedRequest> requests;
    std::vector<std::size_t> at;        ///< index into `lines` of each request's first line
    std::vector<std::size_t> lineIndex; ///< every index into `lines` a command was read from
    /// The deletions that name their objects by an ID, a name or a kind, in the order of the text: those of
    /// `requests`, and the Containers module's removals (`Remove-ContainerNetwork -Name net1`), which are
    /// read for this only.
    std::vector<CommandDeletion> deletions;
};

/// What the request of a command the paste cut says after its words (`New-HnsNetwork ... `` ` `` on the
/// paste's last line).
inline constexpr std::string_view kCutCommandSaid =
    " (the paste ends inside the command: what follows is not shown)";

/// A filter of a pipeline (`? Name -eq l2net`, `Where-Object { $_.IPAddress -eq "10.0.7.20" }`, `Where
/// ID -eq <guid>`, `Where-Object -Property Name -EQ -Value l2net`, its arguments in any order, `-EQ`
/// left out) that compares one property with one value.
struct FilterComparison
{
    std::string property; ///< as written, without `$_.`: "IPAddress", "Policies.Count"
    std::string op;       ///< lower case: "-eq", "-ne", "-like"
    std::string value;    ///< its quotes taken away; a variable as written (`$name`, `$true`)
    /// `-eq`, `-ieq` or `-ceq`: every object the filter passes has that value.
    bool isEquality() const;
};

/// The comparison the filter command `words` (its first word `?`, `Where` or `Where-Object`) makes, its
/// arguments read as Where-Object takes them; none when it makes several (`-and`, `-or`) or something
/// else.
std::optional<FilterComparison> filterComparison(const std::vector<std::string>& words);

/// `?`, `Where` or `Where-Object`, any case.
bool isFilterCommand(std::string_view word);

/// Whether `word` is a command that only shapes what the listing piped to it prints (`fl`, `Format-Table`,
/// `ConvertTo-Json`, `Select-Object Name`): of no objects it prints nothing.
bool onlyShapesTheListing(std::string_view word);

/// The commands in `lines`. Lines in `shown` (ranges of lines an object or a message states, joined) are
/// not read; nor is a command run with `-Verbose` whose request hns.psm1 printed right after it (on
/// shown lines): that request says it.
HnsCommands hnsCommandsIn(const std::vector<CleanedLine>& lines,
                          const std::vector<std::pair<int, int>>& shown);

} // namespace hcn::io
