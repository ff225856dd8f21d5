#pragma once
// HNS's own event-log record of an operation (internal to core/io), as Event Viewer shows the
// Microsoft-Windows-Host-Network-Service log: `HNS-Network-Create :-` and its fields one a line,
// ` Network id = '{be251d5c-...}'.`, ` Network type = 'NAT'.`, `  Result code = '0x800702BA'.`.

#include "hcn/dump_text.h"
#include "io/logged_error.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace hcn::io {

/// The record that starts at lines[first] (`HNS-<Kind>-<Operation> :-`, its fields on the lines after it
/// or on its own line) when its `Result code` is a failure: what failed ("create network <id> (NAT, HNS
/// event log)") and the code, with the lines of the record.
std::optional<LoggedRefusal> hnsEventRecordAt(const std::vector<CleanedLine>& lines, std::size_t first);

/// HNS's event-log records of operations that succeeded (`Result code = '0x0'`): one info each, "HNS's
/// event log records create network <id> (LAYERED) done, line N" (N: the record's title line). No
/// failure: the report counts them with none and merges them with none.
std::vector<ImportWarning> hnsEventRecordsDone(const std::vector<CleanedLine>& lines);

} // namespace hcn::io
