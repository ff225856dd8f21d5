#pragma once
// HNS's answer as PowerShell prints it (internal to core/io): Invoke-HnsRequest and the HNS module's
// cmdlets print `{"Success":false,"Error":"..."}` as a hashtable, `@{Error=The object already exists.;
// Success=False}`, or as a list of `Error   : ...` and `Success : False` lines.

#include "hcn/dump_text.h"
#include "io/logged_error.h"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace hcn::io::logged {

/// HNS's answer as PowerShell prints it as a hashtable (`@{Error=The object already exists.;
/// Success=False}`, Invoke-HnsRequest and the HNS module's cmdlets): its Error, and its code from its
/// ErrorCode or else from its text. None when its Success is not False or it gives no error.
std::optional<LoggedError> hashtableAnswerIn(std::string_view text, std::string_view lower);

/// HNS's answer as PowerShell prints it as a list (`Error   : The object already exists.` and `Success :
/// False`, in either order, an `ErrorCode : 2147942487` with them or not), starting at `first`: its
/// Error, and its code from its ErrorCode or else from its text. None when the list there has no Error
/// or its Success is not False.
std::optional<LoggedRefusal> listAnswerAt(const std::vector<CleanedLine>& lines, std::size_t first);

} // namespace hcn::io::logged
