#pragma once
// CommandRunner: one hcnctl invocation: parses the command line, opens the session (hcnd or the
// embedded engine) and runs the verb, writing results to `out` and one-line errors to `err`.

#include "hcn/api.h"

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace hcn::ctl {

struct CliOptions;
class Session;

/// hcnctl's exit statuses.
enum class ExitStatus : int
{
    Success = 0,
    Failure = 1,     ///< a call failed (HRESULT on stderr)
    Usage = 2,       ///< the command line is wrong
    Unavailable = 3, ///< the service cannot be reached
    OutputFailed = 4 ///< the output could not be written (disk full, closed stream)
};

class CommandRunner
{
public:
    CommandRunner(std::istream& in, std::ostream& out, std::ostream& err);

    /// `args` without the program name; returns the exit status.
    int run(const std::vector<std::string>& args);

private:
    ExitStatus dispatch(const CliOptions& options);
    ExitStatus list(const CliOptions& options, Session& session);
    ExitStatus show(const CliOptions& options, Session& session);
    ExitStatus create(const CliOptions& options, Session& session);
    ExitStatus modify(const CliOptions& options, Session& session);
    ExitStatus remove(const CliOptions& options, Session& session);
    ExitStatus call(const CliOptions& options, Session& session);
    ExitStatus batch(const CliOptions& options, Session& session);
    ExitStatus events(const CliOptions& options, Session& session);
    ExitStatus version(const CliOptions& options);

    /// Checks the positional words before anything connects, so a wrong command line never needs the
    /// service. Returns an empty string when they are fine.
    std::string checkArguments(const CliOptions& options) const;
    ExitStatus usage(const std::string& message, const std::string& verb);
    /// Flushes the output; when any of it could not be written, says so and returns OutputFailed.
    ExitStatus finishOutput(ExitStatus status);
    /// Reports a failed call: one line on stderr; with --json also {"error":{...}} on stdout.
    ExitStatus fail(const Status& status, bool json);
    /// Reports a session that could not be opened (exit 3 for an unreachable service).
    ExitStatus failToOpen(const Status& status, const CliOptions& options);
    /// Names the objects a --snapshot file had to skip, on stderr.
    void reportLoadWarnings(const Session& session, const CliOptions& options);
    /// Opens, runs `action` with the handle, closes.
    ExitStatus withOpenObject(Session& session, ResourceKind kind, const Guid& id, bool json,
                              const std::function<Status(Handle)>& action);

    std::istream& m_in;
    std::ostream& m_out;
    std::ostream& m_err;
};

} // namespace hcn::ctl
