#pragma once
// A paste double-spaced as a mail client, a web page's copy or a log viewer makes it: a blank line after
// every line of a log, a dump or a table (docs/import.md, "double-spaced").

#include "hcn/dump_text.h"

#include <string>
#include <vector>

namespace hcn::io {

/// Leaves out the blank lines double spacing added to `lines` (a paste's cleaned lines, in order): of the
/// whole text when it is double-spaced, else of each block markdown fences set off that is (a log pasted
/// double-spaced into an issue written as it should be). Of each run of blank lines between two lines,
/// half stay: a blank line of the text as written stays one. A document whose title, headings,
/// paragraphs and bullet items a blank line sets off (a web page, a README, a mail's text) is not
/// double-spaced and stays as it is. Returns the report's note, which names the lines when not the whole
/// text was; empty when nothing was left out.
std::string undoDoubleSpacing(std::vector<CleanedLine>& lines);

} // namespace hcn::io
