#pragma once
// A mail (.eml) as the files it carries: each MIME part with its transfer encoding undone. Linear in the
// message's size; no part is larger than the message.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hcn::io {

/// One file carried by a mail: an attachment or the message's text, its transfer encoding undone.
struct MailPart
{
    std::string name; ///< the attachment's file name, "body", or "part-N"
    std::string bytes;
    /// What was undone to get `bytes`, for the report: "base64 decoded", "quoted-printable decoded,
    /// windows-1252 made UTF-8"; empty when the part was sent as it is.
    std::string undone;
};

/// What a mail carries: its parts, and what of it was left out.
struct MailContents
{
    std::vector<MailPart> parts;
    std::size_t otherForms = 0; ///< the forms of a multipart/alternative not read (its HTML copy)
    std::size_t media = 0;      ///< images, audio and video
    std::size_t tooDeep = 0;    ///< multiparts nested deeper than kMaxMailNesting
};

/// Whether `bytes` starts like a MIME message (.eml): header lines up to a blank line, MIME-Version or
/// Content-Type among them.
bool looksLikeMail(std::string_view bytes);

/// The parts of a MIME message: each leaf part decoded by its Content-Transfer-Encoding (text parts in
/// a single-byte charset, or in UTF-16 without a byte order mark, made UTF-8); of multipart/alternative
/// only the plain text (else the first); images, audio and video left out. Multiparts are followed
/// kMaxMailNesting levels deep, and at most kMaxMailParts parts are returned.
MailContents mailContents(std::string_view message);

inline constexpr int kMaxMailNesting = 4;
inline constexpr std::size_t kMaxMailParts = 1000;

/// Where the body of a mail starts (after its header block), npos when `bytes` is no mail.
std::size_t mailBodyStart(std::string_view bytes);

} // namespace hcn::io
