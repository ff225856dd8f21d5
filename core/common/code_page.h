#pragma once
// Text that is not UTF-8: the single-byte Windows code pages dumps and archive names arrive in, and the
// choice between them and UTF-8 when nothing declares the encoding.

#include <string>
#include <string_view>

namespace hcn {

enum class CodePage
{
    Windows1252, ///< the ANSI code page of Western Windows: what Windows PowerShell 5.1's Set-Content writes
    Ibm437,      ///< the zip format's default for names without the UTF-8 flag (the original OEM code page)
};

/// `bytes` read in `page`, one character per byte, as UTF-8. The five bytes Windows-1252 leaves
/// undefined become the C1 control characters of the same value, as Windows itself maps them.
std::string codePageToUtf8(std::string_view bytes, CodePage page);

/// How undeclaredTextToUtf8 read its input.
enum class TextGuess
{
    Utf8,         ///< well-formed UTF-8, taken as it is
    CodePage,     ///< no multi-byte UTF-8 sequence at all: a single-byte code page file, read in it
    Utf8Replaced, ///< UTF-8 with damaged sequences, replaced by U+FFFD (text in two encodings, or cut)
};

/// Text whose encoding nothing declares: well-formed UTF-8 stays as it is; text with bytes above 0x7F
/// none of which forms a UTF-8 sequence is read in `page`; text mixing UTF-8 sequences and stray bytes
/// keeps the UTF-8 and replaces the stray bytes by U+FFFD. `guess`, when given, says which.
std::string undeclaredTextToUtf8(std::string_view bytes, CodePage page, TextGuess* guess = nullptr);

} // namespace hcn
