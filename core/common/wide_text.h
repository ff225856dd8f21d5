#pragma once
// The wide strings of the computenetwork ABI (wchar_t: UTF-16 on Windows, UTF-32 on Linux) to and from
// the UTF-8 the core speaks. The C API (core/capi) and the library client (core/api) both use these.

#include "hcn/status.h"

#include <string>
#include <string_view>

namespace hcn {

/// UTF-8 to wide text; fails with E_INVALIDARG ("<what> is not valid Unicode: <why> at character N.")
/// when `utf8` is not well-formed UTF-8.
Result<std::wstring> wideFromUtf8(std::string_view utf8, std::string_view what);
/// NUL-terminated wide text to UTF-8; fails with E_INVALIDARG naming `what` on a lone surrogate or a
/// value above U+10FFFF.
Result<std::string> utf8FromWide(const wchar_t* text, std::string_view what);
/// The same, forgiving: what is not valid Unicode becomes U+FFFD; null is empty text. For text a library
/// hands back (error records, notifications), which is shown rather than refused.
std::string utf8FromWideReplacing(const wchar_t* text);

} // namespace hcn
