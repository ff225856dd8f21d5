#pragma once
// Failure codes the text names outside the lines a reader of failures took (internal to core/io): a
// pull request or an issue that says "a fatal `0x803b0013` (Port already exists) crash loop", a
// support note naming HCN_E_PORT_ALREADY_EXISTS. No log line states them, so they are no failure of
// their own; the report still names them, as the engineer looks for the code first.

#include "hcn/dump_text.h"

#include <utility>
#include <vector>

namespace hcn::io {

/// One info for the whole text when it names a code the error catalog knows, outside the lines in
/// `stated` (the lines of the objects read and the failures reported, each occurrence first and
/// last) and outside log lines (a line that states a level): "the text names HCN_E_PORT_ALREADY_EXISTS
/// (0x803B0013, "Port already exists.") at lines 6, 8 (in prose, not a log line HNS or a client
/// wrote)", the codes in the order the text first names them, 10 at most, then "and N more".
///
/// A code is named as `0x803b0013` (any case; quotes, backticks, brackets or emphasis around it), by
/// its symbolic name (`HCN_E_PORT_ALREADY_EXISTS`, HNS_E_... too), or in decimal (`2151350291`,
/// `-2143617005`) right after a word that says it is a code (HRESULT, hr, error, code). Only codes of
/// HNS (0x803B....) and HCS (0xC037....); a code of another facility (`0x80070005`, E_ACCESSDENIED)
/// only on a line that names HNS or HCN (`HNS`, `hnsCall`, `hcnCreateNetwork`): alone it is too common
/// in prose that has nothing to do with HNS. No part of a longer word or number, a GUID, a MAC or IPv6
/// address, an offset (`+0x803b0013`), a 64-bit address in two halves (windbg's ``0000`803b0013``), a
/// frame of a Go stack trace or a hex dump. Empty when the text names none.
std::vector<ImportWarning> codesNamedInProse(const std::vector<CleanedLine>& lines,
                                             const std::vector<std::pair<int, int>>& stated);

} // namespace hcn::io
