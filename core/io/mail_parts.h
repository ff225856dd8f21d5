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
};

/// Whether `bytes` starts like a MIME message (.eml): header lines up to a blank line, MIME-Version or
/// Content-Type among them.
bool looksLikeMail(std::string_view bytes);

/// The parts of a MIME message: each leaf part decoded by its Content-Transfer-Encoding (text parts in
/// a single-byte charset made UTF-8); of multipart/alternative only the plain text (else the first);
/// images, audio and video left out. Multiparts are followed kMaxMailNesting levels deep, and at most
/// kMaxMailParts parts are returned.
std::vector<MailPart> mailParts(std::string_view message);

inline constexpr int kMaxMailNesting = 4;
inline constexpr std::size_t kMaxMailParts = 1000;

/// Where the body of a mail starts (after its header block), npos when `bytes` is no mail.
std::size_t mailBodyStart(std::string_view bytes);

} // namespace hcn::io
