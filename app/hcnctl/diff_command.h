#pragma once
// `hcnctl diff [--json] A B`: what differs between two hosts (docs/diff.md). A and B are snapshot
// files, dumps (anything `hcnctl import` reads), - for standard input, or `live` (the host this hcnctl
// talks to: hcnd, --embedded or --snapshot FILE).

#include "command_runner.h"

#include <iosfwd>
#include <string>

namespace hcn::ctl {

struct CliOptions;

/// diff(1) exit statuses: Success (0) when the hosts are the same, Failure (1) when they differ, Usage
/// (2) for trouble: a side that cannot be read, a service that cannot be reached.
/// `hcnctl diff --help` without the global options.
std::string diffHelp();

ExitStatus runDiff(const CliOptions& options, std::istream& in, std::ostream& out, std::ostream& err);

} // namespace hcn::ctl
