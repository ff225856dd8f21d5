#pragma once
// `hcnctl import [--json] PATH...`: a customer's dump (files, folders, archives, "-" for standard
// input) into a snapshot document (--json) or readable tables, with the import report on stderr.

#include "command_runner.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace hcn::ctl {

/// Exit status Success when any object was recovered, Failure when none was (or a path could not be
/// read at all).
ExitStatus runImport(const std::vector<std::string>& paths, bool json, std::istream& in, std::ostream& out,
                     std::ostream& err);

} // namespace hcn::ctl
