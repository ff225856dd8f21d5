#pragma once
// The lines of a recording file (docs/recordings.md), shared by its writer and reader.

#include "hcn/recording.h"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace hcn::recording {

/// The header's marker member: its value is the format version.
inline constexpr std::string_view kMarker = "HcnRecording";

std::string headerLine(const RecordingHeader& header);
/// Fails with HCN_E_INVALID_JSON for a line that is no header, E_NOTIMPL for a newer format.
Result<RecordingHeader> parseHeader(const nlohmann::json& line);

/// "Create", "Modify", "Delete", "Expect".
std::string_view updateOpName(HostUpdate::Op op);
std::optional<HostUpdate::Op> updateOpFromName(std::string_view name);

} // namespace hcn::recording
