#pragma once
// Counts of HNS objects a log gives over time (internal to core/io): a script that runs `hnsdiag list
// loadbalancers` every minute and logs how many there are (`06-06 02:57 - loadbalancers: 577`), a
// monitoring loop's `endpoints=42`. No object: the counts, in order, are what the log says of HNS.

#include "hcn/dump_text.h"

#include <utility>
#include <vector>

namespace hcn::io {

/// One info per kind of HNS object that at least 2 lines of `lines` count, each line only that: a time
/// or nothing, the kind in the plural (`loadbalancers`, `load balancers`, `endpoints`, `networks`,
/// `namespaces`, `policylists`; `HNS` and `count` allowed around it), `:` or `=`, a number. "HNS load
/// balancers counted 6 times, 06-06 02:57 to 06-06 03:12: 577 (3 times), 1, 15 (2 times); the count fell
/// from 577 to 1 at line 8". Lines in `objectLines` (ranges of lines read as objects) are not read.
std::vector<ImportWarning> objectCountsIn(const std::vector<CleanedLine>& lines,
                                          const std::vector<std::pair<int, int>>& objectLines);

} // namespace hcn::io
