#pragma once
// Windows events as PowerShell's list view shows them (`Get-WinEvent ... | Format-List`: `TimeCreated :`,
// `Id :`, `Message :`): a value wrapped by the list view at its value column, and the RPC requests HNS
// logs as events ("RPC request received. Type: 'Delete', Entity: 'Namespace', Id: '{...}', ...").

#include "hcn/dump_text.h"
#include "hcn/resource_kind.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hcn::io {

/// Joins each list-view value that holds JSON (`Message : ... Data: '{"ID":...`) and that the list view
/// wrapped onto lines indented to its value column: the lines that continue it are joined onto its
/// first line without that indentation (with the blank a wrap at a word left at the line's end) and
/// left out. The list view's own wrap cuts a string anywhere (`"Additional` / `Params"`); the JSON
/// reader then finds the value as HNS wrote it. Returns one info per value joined, at its lines.
std::vector<ImportWarning> joinWrappedListValues(std::vector<CleanedLine>& lines);

/// An RPC request HNS logged as an event (event 1055 of its operational log).
struct RpcRequestEvent
{
    std::string type; ///< as the event gives it: `Delete`, `Query`, `Create`, `Modify`, ...
    ResourceKind kind = ResourceKind::Invalid;
    std::string entity; ///< as the event gives it: `Namespace`, `Endpoint`, ...
    std::string id;     ///< the object's GUID without braces; empty when the event gives none
    bool data = false;  ///< the event carries a document (`Data: '{...`)
};

/// The RPC request `text` (a line, or an event's message) logs: "RPC request received. Type: 'Query',
/// Entity: 'Namespace', Id: '{932331a3-...}', Access Level: 'Administrator', Data: '...'"; nullopt when it
/// logs none or names no HNS kind.
std::optional<RpcRequestEvent> rpcRequestIn(std::string_view text);

/// "event 1055 of 4/17/2024 9:10:52 PM": the event ID and the time an event list shows for the record
/// that holds `lines[at]` (its `TimeCreated`/`Id` lines before it, up to a blank line); empty when it
/// shows neither.
std::string eventShownAt(const std::vector<CleanedLine>& lines, std::size_t at);

} // namespace hcn::io
