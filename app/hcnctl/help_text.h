#pragma once
// hcnctl's help: the overview and one page per verb.

#include <string>
#include <string_view>

namespace hcn::ctl {

/// `hcnctl --help`.
std::string overviewHelp();
/// `hcnctl VERB --help`; empty for an unknown verb.
std::string verbHelp(std::string_view verb);

} // namespace hcn::ctl
