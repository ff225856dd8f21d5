#pragma once
// Counts of HNS objects a log gives over time (internal to core/io): a script that runs `hnsdiag list
// loadbalancers` every minute and logs how many there are (`11-02 21:14 - loadbalancers: 212`), a
// monitoring loop's `endpoints=42`. No object: the counts, in order, are what the log says of HNS.

#include "hcn/dump_text.h"

#include <utility>
#include <vector>

namespace hcn::io {

/// One info per kind of HNS object that at least 2 lines of `lines` count, each line only that: a time
/// or nothing, the kind in the plural (`loadbalancers`, `load balancers`, `endpoints`, `networks`,
/// `namespaces`, `policylists`; `HNS` and `count` allowed around it), `:` or `=`, a number. "HNS load
/// balancers counted 6 times, 11-02 21:14 to 11-02 21:31: 212 (2 times), 3 (2 times), 48, 211; the count
/// fell from 212 to 3 at line 5". Lines in `objectLines` (ranges of lines read as objects) are not read.
std::vector<ImportWarning> objectCountsIn(const std::vector<CleanedLine>& lines,
                                          const std::vector<std::pair<int, int>>& objectLines);

} // namespace hcn::io
