#pragma once
// `hcnctl bundle [--redact] [--key-file F] [--mapping OUT.json] OUT`: a bug-report bundle of the host a
// session reads (hcnd, --embedded or --snapshot FILE), docs/bundles.md.

#include "command_runner.h"

#include <iosfwd>
#include <string>

namespace hcn::ctl {

class Session;
struct CliOptions;

/// Usage problems with the arguments (empty when fine).
std::string checkBundleArguments(const CliOptions& options);
std::string bundleHelp();
/// Success, Failure when the host cannot be read or a key file is unusable, OutputFailed when the bundle
/// or the mapping cannot be written.
ExitStatus runBundle(Session& session, const CliOptions& options, std::ostream& out, std::ostream& err);

} // namespace hcn::ctl
