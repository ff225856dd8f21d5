#pragma once
// `hcnctl trace SRC DST [--port P] [--proto tcp|udp|icmp] [--json]`: the reachability trace over the host
// a session reads (hcnd, --embedded or --snapshot FILE), as a numbered hop list and a verdict, or JSON.

#include "command_runner.h"
#include "hcn/reachability_trace.h"

#include <iosfwd>

namespace hcn::ctl {

class Session;

/// Exit status Success when the packet is delivered or translated, Failure when it is dropped (or the
/// host cannot be read), Usage when the source or destination names nothing on the host.
ExitStatus runTrace(Session& session, const TraceRequest& request, bool json, std::ostream& out,
                    std::ostream& err);

} // namespace hcn::ctl
