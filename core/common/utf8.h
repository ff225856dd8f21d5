#pragma once
// UTF-8 hygiene for text that leaves the process (error records, RPC messages, logs): invalid bytes are
// replaced, and shortened text is cut on a character boundary, so no serializer can choke on it.

#include <cstddef>
#include <string>
#include <string_view>

namespace hcn {

/// Appends the UTF-8 encoding of code point `c` (at most U+10FFFF) to `out`.
void appendUtf8(std::string& out, char32_t c);

/// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or code points above U+10FFFF).
bool isValidUtf8(std::string_view text);

/// True when `text` holds at least one well-formed UTF-8 sequence of two bytes or more.
bool hasMultiByteUtf8(std::string_view text);

/// `text` with every byte that does not start a well-formed UTF-8 sequence replaced by U+FFFD.
std::string validUtf8(std::string text);

/// The longest prefix of `text` of at most `maxBytes` bytes that does not end inside a character.
std::string_view utf8Prefix(std::string_view text, std::size_t maxBytes);

} // namespace hcn
