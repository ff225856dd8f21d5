#pragma once
// Events of Windows' container networking services as Event Viewer copies them ("Copy details as
// text", internal to core/io): `Log Name:`, `Source:`, `Date:`, `Event ID:`, `Level:` ... one a line,
// then `Description:` and the event's text on the lines after it.

#include "hcn/dump_import.h"
#include "hcn/dump_text.h"
#include "io/import_objects.h"

#include <string>
#include <vector>

namespace hcn::io {

/// The error events (level Error or Critical) that HNS, Hyper-V's Virtual Machine Management service
/// (VMMS), HCS or the Hyper-V switch logged, each with its code when its text gives one. An event whose
/// code a failure the report names already gives (`refusals`, the logged failures of this source, each
/// pointing at its message in `messages`) is said on the message of the first such failure: " (Hyper-V's
/// VMMS logged the same code: event 16000 at lines 3-13, 9/11/2024 8:29:25 PM; HNS logged the same code:
/// ...)", at most 3 events named and the others counted. Any other is a warning of its own:
/// "Hyper-V's Virtual Machine Management service (VMMS) logged an error: event 16000 (...):
/// WBEM_E_NOT_FOUND (0x80041002), "The Hyper-V Virtual Machine Management service encountered an
/// unexpected error: Not found (0x80041002).""; returned for the caller to add. Events of other
/// programs and levels are none.
std::vector<ImportWarning> platformErrorEvents(const std::vector<CleanedLine>& lines,
                                               const std::vector<detail::NamedRefusal>& refusals,
                                               std::vector<ImportMessage>& messages);

} // namespace hcn::io
