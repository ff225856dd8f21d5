#pragma once
// A recording named where hcnctl reads a host (--snapshot REC[@TIME|#N], diff REC@T1 REC@T2): the host at
// that moment as a snapshot document (docs/recordings.md).

#include "hcn/status.h"

#include <optional>
#include <string>
#include <vector>

namespace hcn::ctl {

/// The snapshot document of the moment `word` names when it names a recording; nullopt when it names
/// none. `notes` receives what the user should know (a cut file, skipped lines, the moment shown).
Result<std::optional<std::string>> recordingSnapshot(const std::string& word,
                                                     std::vector<std::string>& notes);

} // namespace hcn::ctl
