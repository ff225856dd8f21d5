#pragma once
// The API's strings: wchar_t (UTF-32 on Linux, UTF-16 where wchar_t is 16 bits) outside, UTF-8 inside.
// Both directions reject what is not valid Unicode with E_INVALIDARG.

#include "computenetwork.h"
#include "hcn/status.h"

#include <string>
#include <string_view>

namespace hcn::capi {

/// NUL-terminated wide text to UTF-8. `what` names the parameter in the error ("Settings").
Result<std::string> toUtf8(PCWSTR text, std::string_view what);
/// UTF-8 to wide text.
Result<std::wstring> toWide(std::string_view utf8);
/// UTF-8 to a NUL-terminated wide copy from CoTaskMemAlloc, for a PWSTR output.
Result<PWSTR> allocateWide(std::string_view utf8);

} // namespace hcn::capi
