#pragma once
// What a JSON parse failure means to the user, and texts that only look like JSON (internal to core/io).

#include <cstddef>
#include <string>
#include <string_view>

namespace hcn::io {

/// The parser's message `what` ("parse error at line L, column C: syntax error while parsing ...") said in
/// the user's terms: where (the value's line L is the dump's line firstLine + L - 1; on its first line the
/// value starts at column firstColumn, 0-based) and what is wrong, without the parser's own words.
std::string describeJsonParseError(std::string_view what, int firstLine, std::size_t firstColumn);

/// Whether a bracketed text is a Go `%v` print (`[{0.0.0.0/0 0.0.0.0 []}]`, `{a b}`): brackets and bare
/// words, no quote and no `:` between them. Such a print is not JSON gone wrong.
bool isGoValuePrint(std::string_view text);

} // namespace hcn::io
