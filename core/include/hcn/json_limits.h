#pragma once
// The limits every JSON document from outside is parsed with, wherever it arrives: an RPC message, a
// Settings or Query string inside one, a C API argument, a file. A document nested deeper than the
// limit is refused before it is parsed, so no recursive copy or walk of it can exhaust the stack.

#include <string_view>

namespace hcn {

/// Deepest array/object nesting accepted by default (hcnd's --max-json-depth changes it for the service).
inline constexpr int kDefaultMaxJsonDepth = 64;
/// The highest limit that may be configured: recursive walks of a document this deep stay far from
/// the stack's end.
inline constexpr int kMaxConfigurableJsonDepth = 1000;

/// True when no array/object in `text` nests deeper than `maxDepth` levels. Brackets inside strings do
/// not count. Malformed text is left to the parser. Linear, without building anything.
bool withinJsonDepth(std::string_view text, int maxDepth);

} // namespace hcn
