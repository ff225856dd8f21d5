#pragma once
// Reading one value as PowerShell's formatter rendered it (internal to core/io; the public entry point is
// parsePowerShellValue in hcn/dump_formats.h).

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace hcn::io {

/// What reading one rendered value gave besides the value.
struct PowerShellValueNotes
{
    /// Each loss with its full path: "<path>: <message>", or just the message when `path` was empty.
    std::vector<std::string> losses;
    /// True when the value (or a part of it) had unbalanced braces or nesting too deep and was kept as
    /// text: worth a warning, not only a loss.
    bool keptAsText = false;
    /// True when the paste ended inside the value (braces never closed) and only its complete part was
    /// read.
    bool cut = false;
    /// What the paste cut off the value itself (not a part inside it), in the words of a warning: "the
    /// 3rd item is cut off; the 2 before it are read", "cut right after its opening (\"@\"); its value
    /// is unknown". Empty when the value was not cut, or when only a part inside it was.
    std::string cutSummary;
    /// What the losses say cut a value whose braces never close: the paste (a list view), or the
    /// column (a Format-Table cell ending in `...`). Set before reading.
    std::string cutBy = "the paste";
};

/// The value `text` as JSON (see parsePowerShellValue); the losses inside it are prefixed with `path`
/// ("Subnets" gives "Subnets[0].Policies: ..."; an empty path gives "[0].Policies: ...").
nlohmann::json readPowerShellValue(std::string_view text, const std::string& path,
                                   PowerShellValueNotes& notes);

} // namespace hcn::io
