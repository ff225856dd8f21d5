#pragma once
// `hcnctl record OUT [--duration D] [--poll INTERVAL] [--max-changes N]`: writes a recording of the host
// (docs/recordings.md) until the time is up, the limit is reached or the user interrupts; `hcnctl record
// --list REC` lists a recording's changes with their times.

#include "command_runner.h"

#include <iosfwd>
#include <string>

namespace hcn::ctl {

struct CliOptions;
class Session;

/// Checks record's words and options; empty when they are fine.
std::string checkRecordArguments(const CliOptions& options);
/// `hcnctl record --help` without the global options.
std::string recordHelp();

/// Records the host behind `session` into options.arguments[0].
ExitStatus runRecord(Session& session, const CliOptions& options, std::ostream& out, std::ostream& err);
/// `record --list REC`: the header, then one line per change (with --json one JSON document).
ExitStatus runRecordingList(const CliOptions& options, std::ostream& out, std::ostream& err);

} // namespace hcn::ctl
