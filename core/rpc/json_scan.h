#pragma once
// Raw JSON scanning without building a DOM: the byte spans of an object's top-level members (so
// documents pass through client and server verbatim, byte for byte as the engine wrote them). The depth
// check every message gets before it is parsed is hcn::withinJsonDepth (hcn/json_limits.h).

#include <cstddef>
#include <functional>
#include <optional>
#include <string_view>

namespace hcn::rpc {

/// Calls `member(key, valueText)` for each member of the JSON object `text` (leading/trailing
/// whitespace allowed). `key` is the raw key without quotes (escapes not decoded); `valueText` is the
/// exact value text. Returns false when `text` is not a well-formed object at the top level (values
/// are only delimited, not validated).
bool forEachMember(std::string_view text,
                   const std::function<void(std::string_view, std::string_view)>& member);

/// The value text of one top-level member, if present.
std::optional<std::string_view> memberText(std::string_view objectText, std::string_view key);

/// True when `text` is one JSON object or array as these functions delimit values (strings and
/// brackets balanced, nothing after it but whitespace): it can be placed into a message as a member
/// value without changing how the rest of the message is read. Its content is not validated.
bool isDelimitedContainer(std::string_view text);

} // namespace hcn::rpc
