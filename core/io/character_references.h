#pragma once
// Character references as HTML and XML write them (`&amp;`, `&#39;`, `&#x2F;`): one decoder for the
// readers of HTML ticket exports and of CLIXML (core/io/character_references.cpp).

#include <optional>
#include <string>
#include <string_view>

namespace hcn::io {

/// The character `&name;` stands for, given `name` (between `&` and `;`): XML's five named references,
/// the named ones tickets and mail use (`nbsp`, `hellip`, typographic quotes, dashes ...), and numeric
/// ones in decimal or hex; a numeric reference to no character (0, a surrogate, beyond U+10FFFF, not a
/// number) is U+FFFD. nullopt for an unknown name: the `&` is then a literal one.
std::optional<char32_t> characterReference(std::string_view name);

/// `text` with its character references decoded (characterReference; an unknown one, or a `&` without
/// a `;` within 10 characters, is kept as written), as UTF-8. One pass.
std::string decodeCharacterReferences(std::string_view text);

} // namespace hcn::io
