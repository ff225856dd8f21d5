#pragma once
// What a mail or a copy tool wraps a dump in for transport: base64 (`certutil -encode`, a mail
// attachment, `[Convert]::ToBase64String`), quoted-printable (a mail body) and gzip; a mail's parts are
// in io/mail_parts.h. Each decoder is linear in its input, and its output is no larger than its input
// except gunzip's (also of base64 of gzip in a text), which stops at the cap it is given.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hcn::io {

/// Base64 with ASCII white space (line breaks) anywhere in it and `=` padding at the end; nullopt when
/// any other character is in it.
std::optional<std::string> decodeBase64(std::string_view text);

/// Quoted-printable: `=XX` becomes its byte, `=` at a line end (a soft break, blanks before the line end
/// allowed) joins the line to the next; an `=` that is neither stays as it is. CRLF stays CRLF.
std::string decodeQuotedPrintable(std::string_view text);

/// A part of the text that is transfer-encoded (a `-----BEGIN ...-----` block, a block of base64 lines,
/// or the whole text in quoted-printable), with its bytes decoded.
struct TransferEncodedText
{
    std::size_t begin = 0; ///< the part of the text it replaces
    std::size_t end = 0;
    std::string bytes;
    /// What it was, for the report: "a `certutil -encode` block (-----BEGIN CERTIFICATE-----)".
    std::string what;
    /// Whether its bytes must be UTF-8 or UTF-16 to count (base64 of anything else is kept as text).
    bool needsUnicode = false;
    /// Empty, or why gzip in it ends early (cut short, a line of its base64 missing): `bytes` are then
    /// what unpacked before, up to the last whole character (and whole line, when what follows is not text).
    std::string cut = {};
};

/// The transfer-encoded part of an LF-separated text, found by evidence: armor lines around base64,
/// base64 of gzip (`H4sI...`) anywhere, also inside a line, at least kMinBase64Lines lines of base64 of
/// one length (or one line of 64 or more characters), or quoted-printable escapes (`=3D`, soft breaks)
/// on many lines and no `=` that is not one. Base64 of gzip is unpacked (its bytes are what the gzip
/// holds) when the whole text stays within kMaxDumpBytes; when it does not, it is no transfer encoding
/// found. Gzip that ends early is what unpacked before the end (`cut` says so); when nothing did, it is none.
/// Base64 of gzip may be wrapped with blanks before its lines, quoted (`> ` before each line, as a mail
/// reply quotes) or have its lines joined with blanks.
std::optional<TransferEncodedText> findTransferEncodedText(std::string_view text);

inline constexpr std::size_t kMinBase64Lines = 2;

/// What a gzip file unpacks to.
struct Gunzipped
{
    std::string bytes;
    std::string storedName; ///< the name the gzip header keeps, empty when none
    bool overCap = false;   ///< the content grew past `maxBytes`; `bytes` holds its first `maxBytes`
    std::string error;      ///< empty when it unpacked
};

bool startsLikeGzip(std::string_view bytes);

/// A gzip file (several members one after the other included), unpacked up to `maxBytes`.
Gunzipped gunzip(std::string_view bytes, std::size_t maxBytes);

/// How much of `bytes` (what a gzip that ends early unpacked to) is text: up to the last whole UTF-8 (or
/// UTF-16, by its zero bytes) character; when something that is no text follows (what a missing line
/// made of the rest), up to the last line end before it.
std::size_t wholeTextBefore(std::string_view bytes);

} // namespace hcn::io
