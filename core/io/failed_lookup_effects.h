#pragma once
// What a failed lookup did to the program that logged it (internal to core/io): a lookup on a fatal line
// stopped the program (kube-proxy's `F0518 ... Unable to find Hns Network speficied by cbr0`); one
// retried again and again keeps it waiting (`can't find HNS endpoint for network, retrying`, felix's
// `didn't find any HNS networks matching ...`); one on an error line that names an operation failed that
// operation (a CNI plugin's `[ERROR] Failed to create endpoint: failed to find endpoint cid-...`). The
// lookups themselves are failed_lookups.h's.

#include "hcn/dump_text.h"

#include <vector>

namespace hcn::io {

struct LookupEffects
{
    std::vector<ImportWarning> warnings; ///< one per effect, in the order of the log
    std::vector<int> lines;              ///< the source lines whose lookups the warnings state, ascending
};

/// One warning per effect:
/// - a lookup on a fatal line (klog `F`, `level=fatal`, `[FATAL]`): the program exited there, and what
///   follows for the node (kube-proxy: no service works); the environment variable the line names as
///   the one naming the object;
/// - the same object looked up on two or more lines that say the program retries or waits: it waits for
///   the object and has not started, with the count and the lines;
/// - a lookup on an error line (klog `E`, `level=error`, `[ERROR]`) naming an operation that failed
///   (`Failed to create endpoint`, `CNI command failed`): that operation failed, with the CNI command and
///   the container the lines before name, and the infra container whose endpoint it should share when
///   the container joins another's network namespace (`Netns:container:<id>`). Lines of one failure
///   (the plugin's error and the CNI's) are one warning; the failure again is counted.
///   Of several operations on a line (a Go error chain), the one on the looked-up object's kind is named.
///   A line of no level counts when the operation is a link of an error chain as a CLI prints it
///   (`removing the pod sandbox "...": rpc error: ...: Failed to delete endpoint: ...`), not prose.
///   A deletion of the very object HNS does not have says it was deleted before and the teardown fails
///   each time, with the pod sandbox the line names and the other error lines of that sandbox failing.
/// Error lines that say only that the lookup failed (`Failed to find endpoint ...`) tell no effect of it.
/// A lookup once on a line of none of these stays an info (failedLookupsIn).
LookupEffects failedLookupEffectsIn(const std::vector<CleanedLine>& lines);

} // namespace hcn::io
