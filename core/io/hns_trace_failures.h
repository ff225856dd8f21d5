#pragma once
// HNS's failure as its trace writes it (internal to core/io): the fields of a WIL failure record one a
// line, as WSL's and Windows' trace viewers show the Microsoft-Windows-Host-Network-Service provider's
// `ActivityError` (`hresult: 0x803B0017`, `message: Entity <guid> is in invalid State`, `module:
// hostnetsvc.dll`, `callContext: \HnsRpcV2_Open`, ...), blanks or tabs around each field's value.

#include "hcn/dump_text.h"
#include "io/logged_error.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace hcn::io {

/// The record whose fields start at lines[first] (a run of lines each `<field>: <value>`, the fields
/// WIL writes, up to a field it already gave: the next record's) when it is HNS's and its `hresult` a
/// failure: the code, its `message` and, as what failed, the last step of its `callContext`
/// (`\RequestHandler\EndpointAttachShared`: "EndpointAttachShared"), with the lines of the record. HNS's
/// is a record whose `module` is hostnetsvc.dll or, without a module, whose header (the nearest line above
/// it that is neither blank nor a field) names the Host-Network-Service provider. None for any other line,
/// and for a field inside a record (the line before it a field too) unless `afterRecord` (the record
/// before ended right before it, at a field given again).
std::optional<LoggedRefusal> hnsTraceFailureAt(const std::vector<CleanedLine>& lines, std::size_t first,
                                               bool afterRecord);

} // namespace hcn::io
