#pragma once
// Calico felix's failed lookup of its HNS network (internal to core/io): felix finds the network it
// programs by a regular expression over the names of HNS's networks, and logs `didn't find any HNS
// networks matching regular expression (?i)calico.*` (and retries) while there is none.

#include "hcn/dump_text.h"

#include <string>
#include <string_view>
#include <vector>

namespace hcn::io {

/// One info per regular expression felix found no HNS network for, at the line that first logs it:
/// `the log says HNS has no network matching "(?i)calico.*" (Calico felix's lookup by regular
/// expression) at line 7`, with "(3 times, lines 7, 12-13)" when it is logged again.
/// Lines in `leftOut` (ascending; a warning states what the lookup did) are not read.
std::vector<ImportWarning> felixNetworkLookupsIn(const std::vector<CleanedLine>& lines,
                                                 const std::vector<int>& leftOut = {});

/// The expression felix's words on `text` name; empty when `text` holds none.
std::string felixNetworkPatternIn(std::string_view text);

} // namespace hcn::io
