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

/// Whether `line` is the `From ` line an mbox file puts before each mail: `From`, the sender (or `-`)
/// and a date with a time of day and a year (`From - Sat Dec 05 07:13:00 2026` as Thunderbird's "Save
/// As" writes it, `From ops@contoso.example Fri Dec  4 10:41:00 2026`).
bool isMboxFromLine(std::string_view line);

/// The mails of an mbox file or of one mail saved after a `From ` line: the text after each `From `
/// line that starts the file or follows an empty line, up to the empty line before the next, with the
/// `>From ` quoting of the body undone (`>From ` to `From `, `>>From ` to `>From `). Empty when `bytes`
/// does not start with a `From ` line followed by a mail's header block. At most kMaxMboxMails mails;
/// linear in the size of `bytes`, and the mails together are no larger.
std::vector<std::string> mboxMails(std::string_view bytes);

inline constexpr std::size_t kMaxMboxMails = 20000;

/// Where the body of a mail starts (after its header block), npos when `bytes` is no mail.
std::size_t mailBodyStart(std::string_view bytes);

} // namespace hcn::io
