#pragma once
// Characters that a terminal, a chat window or a mail client put into pasted text and that the output
// never held (core/io/pasted_characters.cpp).

#include "hcn/dump_text.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hcn::io {

/// The zero-width characters removed, as the report names them.
inline constexpr const char* kZeroWidthNames[] = {"U+200B", "U+200C", "U+200D", "U+2060", "U+FEFF"};

/// How many of each were found, for the import report.
struct PastedCharacterCounts
{
    std::size_t escapes = 0;     ///< terminal escape sequences removed
    std::size_t caretEscapes = 0; ///< the same in caret notation (`^[[0m`) removed
    std::size_t zeroWidth = 0;   ///< zero-width characters removed
    unsigned zeroWidthKinds = 0; ///< which: bit i for kZeroWidthNames[i]
    std::size_t nbsp = 0;        ///< non-breaking spaces outside quoted strings made blanks
    std::size_t tabs = 0;        ///< tabs before a colon made blanks
    std::size_t cursorBreaks = 0; ///< line breaks a terminal's cursor movements stood for
};

/// The length of a terminal's CSI sequence without its ESC at the start of `text` (`[0m`, `[1;32m`, `[K`,
/// `[?25l`: what is left where ESC was lost or shown in caret notation, `^[`), 0 when there is none there.
/// Only parameters of numbers (a private `?` first) and a letter as the final byte are read, so that a
/// regular expression's `[[:alpha:]]` or `[[a-z]`, a JSON list of lists (`[[1e3]]`: no final `e`) and a
/// wiki's `[[link]]` are none; without numbers only the common finals (`m`, `K`, `J`, `H`) count.
std::size_t escapelessCsiLength(std::string_view text);

/// One line (no LF in it) without: terminal escape sequences (CSI such as PowerShell 7's colours
/// `ESC[32;1m`, OSC such as window titles and links, and the other ESC sequences; CSI sequences in
/// caret notation, `^[[0m`, as `cat -v` and log viewers show ESC, read as the escape they stand for);
/// zero-width characters (U+200B, U+200C, U+200D, U+2060, U+FEFF); with typographic double quotes (U+201C,
/// U+201D, U+201E) made straight; and, outside double-quoted strings, non-breaking spaces (U+00A0) and tabs
/// in the blanks before a colon made blanks. A non-breaking space inside a quoted string is kept: there it
/// may be the customer's data (a name); elsewhere chat tools put it for layout. A cursor movement that
/// stands for a line break (a move to column 1 of another row or to a later row, after text: a
/// terminal that repaints its screen, such as ConPTY captured by `script`) is one: the result then holds
/// '\n' there, one for each row moved down, and blanks up to the column moved to.
std::string withoutPastedCharacters(std::string_view line, PastedCharacterCounts& counts);

/// The lines withoutPastedCharacters makes of `line`, appended to `lines` with `sourceLine`.
void appendWithoutPastedCharacters(std::string_view line, int sourceLine, std::vector<CleanedLine>& lines,
                                   PastedCharacterCounts& counts);

} // namespace hcn::io
