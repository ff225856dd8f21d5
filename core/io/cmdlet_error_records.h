#pragma once
// PowerShell error records of the cmdlets that ask HNS for networks and endpoints (internal to core/io):
// the ContainerNetwork cmdlets of the Containers module (`New-ContainerNetwork : Object already exists`)
// and the HNS module's (`Remove-HnsNetwork : ...`), each followed by `At line:1 char:1`, the command
// echoed after `+ `, `+ CategoryInfo ...` and `+ FullyQualifiedErrorId ...`. HNS refused the cmdlet's
// request; a failed removal leaves the object in place, which the dump may show.

#include "hcn/dump_import.h"
#include "hcn/dump_text.h"
#include "hcn/resource_kind.h"
#include "io/import_objects.h"
#include "io/logged_error.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace hcn::io {

/// One error record of such a cmdlet.
struct CmdletErrorRecord
{
    /// Its operation: the cmdlet and what it asked ("New-ContainerNetwork (create network nat, NAT,
    /// 10.0.75.0/24)"); the error text and its code.
    LoggedRefusal refusal;
    ResourceKind kind = ResourceKind::Invalid; ///< the kind of object the cmdlet is for
    bool removal = false;                      ///< a Remove- cmdlet
    std::string name;                          ///< the object the command names by -Name; empty if none
    std::string id;                            ///< the object the command names by -Id; empty if none
    /// The cmdlet that listed the objects piped into a removal that names none (`Get-ContainerNetwork |
    /// Remove-ContainerNetwork`): every object it listed was to go.
    std::string listedBy;
};

/// The last line of a PowerShell error record's tail that starts at lines[at] (its `At ...` line, or its
/// `+ CategoryInfo` where the paste left that out): the command it echoes after `+ ` (`+ ~~~` under it),
/// its CategoryInfo and FullyQualifiedErrorId and the lines a console wrapped them into; `at` when nothing
/// follows.
std::size_t errorRecordTailEnd(const std::vector<CleanedLine>& lines, std::size_t at);

/// The error record whose message line is lines[first] (`<Verb>-<Noun> : <message>`, the record's `At
/// ...` line after it, its message possibly wrapped over the lines between). What the cmdlet asked is read
/// from the command the record echoes, else from the command line typed just above it, as
/// powershell_commands.h reads a command.
std::optional<CmdletErrorRecord> cmdletErrorRecordAt(const std::vector<CleanedLine>& lines,
                                                     std::size_t first);

/// A removal a cmdlet's error record says failed, and the message of the report that names the refusal.
struct FailedCmdletRemoval
{
    std::string source;
    int firstLine = 0; ///< 1-based source lines of the record
    CmdletErrorRecord record;
    std::size_t message = 0; ///< index into the report's messages (detail::NamedRefusal::message)
};

/// The failed removals among the error records in `lines`, each with the message `refusals` (of `source`)
/// gives its lines.
std::vector<FailedCmdletRemoval> failedCmdletRemovalsIn(const std::vector<CleanedLine>& lines,
                                                        const std::string& source,
                                                        const std::vector<detail::NamedRefusal>& refusals);

/// Adds to the message of each failed removal the objects of its source it was for that the snapshot
/// holds: "; the dump still shows network testNet (70c6f3b7-...) at line 25".
void reportFailedRemovalsStillDumped(const std::vector<FailedCmdletRemoval>& removals,
                                     const std::vector<ImportedObject>& objects,
                                     std::vector<ImportMessage>& messages);

} // namespace hcn::io
