#pragma once
// RTF in dump text (a list view or JSON saved from WordPad, Word or Outlook as rich text): the text it
// shows (core/io/rtf_text.cpp).

#include <optional>
#include <string>
#include <string_view>

namespace hcn::io {

/// The text the RTF document `text` shows, when `text` is one (it starts, after blanks, with `{\rtf`):
/// `\par`, `\line`, `\sect`, `\page` and `\row` break lines, `\tab` and `\cell` are tabs; `\'hh` is a
/// Windows-1252 character and `\uN` a Unicode one (the `\ucN` fallback characters after it skipped);
/// `\{`, `\}` and `\\` are the characters; the groups that hold no text (`\fonttbl`, `\colortbl`,
/// `\stylesheet`, `\info`, `\pict`, `\object`, headers and footers, field instructions and every
/// `{\*\...}` destination) are left out, as are the line ends of the RTF itself and `\binN` data. Groups
/// nested deeper than a bound are read as their outer group. One pass, no larger than `text`
/// (a character of four UTF-8 bytes stands for at least four RTF ones). nullopt when `text` is no RTF.
std::optional<std::string> rtfText(std::string_view text);

} // namespace hcn::io
