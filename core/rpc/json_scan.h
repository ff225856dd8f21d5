#pragma once
// Raw JSON scanning without building a DOM: the nesting depth of a message (checked before the full
// parse, so a hostile message cannot make the parser work through a million brackets) and the byte
// spans of an object's top-level members (so documents pass through client and server verbatim,
// byte for byte as the engine wrote them).

#include <cstddef>
#include <functional>
#include <optional>
#include <string_view>

namespace hcn::rpc {

/// True when no array/object in `text` nests deeper than `maxDepth` levels. Stops at the first
/// violation. Brackets inside strings do not count. Malformed text is left to the parser.
bool withinNestingDepth(std::string_view text, int maxDepth);

/// Calls `member(key, valueText)` for each member of the JSON object `text` (leading/trailing
/// whitespace allowed). `key` is the raw key without quotes (escapes not decoded); `valueText` is the
/// exact value text. Returns false when `text` is not a well-formed object at the top level (values
/// are only delimited, not validated).
bool forEachMember(std::string_view text,
                   const std::function<void(std::string_view, std::string_view)>& member);

/// The value text of one top-level member, if present.
std::optional<std::string_view> memberText(std::string_view objectText, std::string_view key);

} // namespace hcn::rpc
