#pragma once
// HNS policies a Go log printed as bytes outside any HNS object (internal to core/io): an endpoint's or a
// network's `Policies` of json.RawMessage logged on their own, as go-spew's hex dump (`Policies:
// ([]json.RawMessage) (len=1) { (json.RawMessage) (len=38) { 00000000  7b 22 50 41 ...  |{"PA...|`) or as
// `%v`'s decimal bytes (`[[123 34 84 121 112 101 ...]]`, or hcn's v2 `{Type:ACL Settings:[123 34 ...]}`).
// Inside a dump of an HNS object the Go readers decode them as its policies; alone, no object owns them.

#include "hcn/dump_text.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hcn::io {

/// Appends the bytes of a hex dump line (`00000000  7b 22 50 41  ...  |{"PA|`) to `bytes`: the pairs of
/// hex digits between the offset and the `|` of its text column.
void appendHexDumpBytes(std::string_view line, std::string& bytes);

/// What is said of the policies printed as Go bytes on lines outside the objects read.
struct UnownedGoBytePolicies
{
    /// One info for the policies (JSON objects with a `Type`, or hcn's v2 `{Type:ACL Settings:[123 34
    /// ...]}` with the type outside the bytes): "2 HNS policies (RemoteSubnetRoute, ProviderAddress)
    /// found as Go byte arrays at lines 3-9, 12; their owner is not in the dump". None when there are
    /// none.
    std::optional<ImportWarning> found;
    /// One warning for the v2 policies whose bytes the text ends inside (on their line and the lines
    /// that continue it): "an HNS policy (ACL) printed as Go bytes is cut off inside its bytes at line 3
    /// (the line ends there); not imported".
    std::optional<ImportWarning> cut;
};

/// The policies printed as Go bytes on lines outside `owned` (the lines of the objects read, ascending or
/// not).
UnownedGoBytePolicies unownedGoBytePoliciesIn(const std::vector<CleanedLine>& lines,
                                              std::vector<std::pair<int, int>> owned);

} // namespace hcn::io
