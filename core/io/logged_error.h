#pragma once
// The error a log line states about a request HNS refused: the HRESULT and the message logged before or
// after the request's document (core/io/logged_error.cpp).

#include "hcn/hresult.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hcn::io {

/// FoundValue::after keeps at most this many bytes of each line.
inline constexpr std::size_t kMaxAfterValue = 240;

/// FoundValue::after from the text after a value on its last line (`rest`) and the line after it
/// (`next`, when there is one): `rest` with blanks trimmed; when it holds nothing but punctuation (`.`,
/// `,`, `;`, `)`, `]`), a line break and `next` follow, trimmed. Each part at most kMaxAfterValue bytes,
/// valid UTF-8.
std::string textAfterValue(std::string_view rest, std::optional<std::string_view> next);

struct LoggedError
{
    std::optional<HResult> code; ///< a failure code; Win32 error numbers as HRESULT_FROM_WIN32
    std::string message;         ///< "The object already exists."; empty when none is logged
    bool found() const { return code.has_value() || !message.empty(); }
};

/// The error logged with a request: from `after` (FoundValue::after: its own line anywhere, the next
/// line only when it starts with the error, `Error: 0x803b0013`, `HRESULT 0x803b0013`), else from
/// `before` (FoundValue::context). Codes as hcsshim and HNS write them: `(0x803b0013)`, `(0x1392)` (a
/// Win32 error number), `"ErrorCode":2151350291`, a name (`HCN_E_PORT_ALREADY_EXISTS`); the message
/// after `failed in Win32:`, `Error:`, `err=` or an envelope's `"Error":"`, up to the code. A message
/// without a code whose text is the Windows message of a code the project names gives that code.
LoggedError loggedError(std::string_view after, std::string_view before);

/// How the import report names a logged error: `HCN_E_PORT_ALREADY_EXISTS (0x803B0013), "The specified
/// port already exists."`; a code without a name as `0x80071392 (Win32 error 5010)`; a named code
/// without a logged message with the code's Windows message.
std::string describeLoggedError(const LoggedError& error);

} // namespace hcn::io
