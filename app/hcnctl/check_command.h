#pragma once
// `hcnctl check [--json] [--severity error|warning|info]`: the health checks over the host a session
// reads (hcnd, --embedded or --snapshot FILE), as tables grouped by severity or as JSON.

#include "command_runner.h"
#include "hcn/health_checks.h"

#include <iosfwd>
#include <optional>

namespace hcn::ctl {

class Session;

/// Exit status Failure when an error-severity finding is present (or the host cannot be read), Success
/// otherwise. `minimum` hides findings less severe than it (errors always show). `snapshotFile` (the
/// --snapshot FILE, empty otherwise) is read for its import report: fields the dump did not carry.
ExitStatus runCheck(Session& session, const std::string& snapshotFile, bool json, Severity minimum,
                    std::ostream& out, std::ostream& err);

} // namespace hcn::ctl
