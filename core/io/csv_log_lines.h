#pragma once
// Log lines exported as one CSV column (internal to core/io): a log viewer's or a spreadsheet's export,
// pasted from below its header, puts each line in quotes and doubles the quotes in it (`"I1103
// 05:35:32.181970 4172 hns.go:342] ""Queried load balancers"" count=7"`). The log readers read such a
// line as the logger wrote it.

#include "hcn/dump_text.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hcn::io {

/// The text of `line` when it is one whole CSV-quoted field (a quote at each end, every quote between
/// them doubled), its doubled quotes made single; nullopt otherwise.
std::optional<std::string> csvFieldText(std::string_view line);

/// Each line that is one whole CSV-quoted field holding a log record (klog's `I1103 14:02:11`, logrus'
/// `time=`, a date) becomes that record, when at least 2 lines are such. Line numbers are kept. Returns
/// how many lines were unquoted.
std::size_t unquoteCsvLogLines(std::vector<CleanedLine>& lines);

} // namespace hcn::io
