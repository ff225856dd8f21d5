#pragma once
// Quotes as logs escape them (internal to core/io): a structured log quotes a field's value (`err="..."`),
// escaping the quotes inside it once (`\"`), and twice when the value quotes an error that quoted its own
// words (kubelet's `err="... CreatePodSandboxError: \"... sandbox \\\"3f1c...\\\": ...\""`).

#include <cstddef>
#include <string>
#include <string_view>

namespace hcn::io {

/// The size of the quote that opens at text[at], escaped or not (`"`, `\"`, `\\\"`): its backslashes and
/// the quote; 0 when none opens there.
std::size_t openingQuoteSize(std::string_view text, std::size_t at);

/// How deep the quote at text[at] is escaped: 0 for `"`, 1 for `\"`, 2 for `\\\"`, 3 for seven
/// backslashes; -1 when no quote stands at `at`.
int quoteLevelAt(std::string_view text, std::size_t at);

/// `text` unescaped `level` times (`\\\"calico\\\"` at level 2 is `"calico"`, at level 1 `\"calico\"`):
/// each round turns `\"` into `"` and `\\` into `\`.
std::string unescapedQuotes(std::string_view text, int level);

} // namespace hcn::io
