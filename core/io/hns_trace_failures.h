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
/// WIL writes) when it is HNS's (its `module` is hostnetsvc.dll, or a line at most two above it names
/// the Host-Network-Service provider) and its `hresult` a failure: the code, its `message` and, as what
/// failed, the last step of its `callContext` (`\RequestHandler\EndpointAttachShared`:
/// "EndpointAttachShared"), with the lines of the record. None for any other line.
std::optional<LoggedRefusal> hnsTraceFailureAt(const std::vector<CleanedLine>& lines, std::size_t first);

} // namespace hcn::io
