#pragma once
// The wide strings of the computenetwork ABI (wchar_t: UTF-16 on Windows, UTF-32 on Linux) to and from
// the UTF-8 the core speaks.

#include "hcn/status.h"

#include <string>
#include <string_view>

namespace hcn {

/// UTF-8 to wide text; fails with E_INVALIDARG naming `what` when `utf8` is not valid UTF-8.
Result<std::wstring> wideFromUtf8(std::string_view utf8, std::string_view what);
/// NUL-terminated wide text (null: empty) to UTF-8; what is not valid Unicode becomes U+FFFD.
std::string utf8FromWide(const wchar_t* text);

} // namespace hcn
