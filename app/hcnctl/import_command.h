#pragma once
// `hcnctl import [--json] PATH...`: a customer's dump (files, folders, archives, "-" for standard
// input) into a snapshot document (--json) or readable tables, with the import report on stderr.

#include "command_runner.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace hcn::ctl {

/// Exit status Success when anything was recovered (ImportResult::recoveredAnything: an object, or what
/// a log says of HNS), Failure when nothing was (or a path could not be read at all).
ExitStatus runImport(const std::vector<std::string>& paths, bool json, std::istream& in, std::ostream& out,
                     std::ostream& err);

} // namespace hcn::ctl
