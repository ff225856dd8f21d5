#pragma once
// Programs a log shows exiting (internal to core/io): a fatal log line no other finding states (klog's
// `F1210 13:34:05.1 agent.go:100] Error running agent: ...`, logrus' `level=fatal`, a Go panic), and a
// klog log cut right after a fatal line's time (`F1210 13` as the paste's last line). The agent that
// programs a node's networking exiting is what a support engineer reads first.

#include "hcn/dump_text.h"

#include <string>
#include <utility>
#include <vector>

namespace hcn::io {

/// One warning per different exit (its message, fatalMessage's), with how often and where a program
/// exited the same way: "antrea-agent exited at line 15 (a fatal log line): Error running agent: ...
/// (3 times, lines 15, 40, 72)", at most 10 per source; for a last line cut after a fatal line's time,
/// that its message was not pasted. Lines within `stated` (the source lines other findings state, each
/// occurrence first and last, and the lines of the objects read) are left to those. Empty when the log
/// shows no exit.
std::vector<ImportWarning> fatalExitsIn(const std::vector<CleanedLine>& lines, const std::string& source,
                                        const std::vector<std::pair<int, int>>& stated);

} // namespace hcn::io
