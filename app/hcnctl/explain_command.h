#pragma once
// `hcnctl explain CODE... [--json]`: the error decoder. For each code its name, the Windows message, what
// it means for HCN, common causes and what to check; a decoded fallback for codes the catalog does not
// know.

#include "command_runner.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace hcn::ctl {

/// The codes as given on the command line ("all": the whole catalog). Returns an empty string when
/// every one parses, else the problem with the first that does not (a usage error).
std::string checkExplainArguments(const std::vector<std::string>& codes);
/// Exit status Success when the catalog knows every code, Failure when one is unknown (its decoded
/// fields are printed all the same).
ExitStatus runExplain(const std::vector<std::string>& codes, bool json, std::ostream& out);

} // namespace hcn::ctl
