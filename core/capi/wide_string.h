#pragma once
// The API's strings: wchar_t (UTF-32 on Linux, UTF-16 where wchar_t is 16 bits) outside, UTF-8 inside.
// Both directions reject what is not valid Unicode with E_INVALIDARG (common/wide_text.h converts).

#include "computenetwork.h"
#include "hcn/status.h"

#include <string>
#include <string_view>

namespace hcn::capi {

/// UTF-8 to a NUL-terminated wide copy from CoTaskMemAlloc, for a PWSTR output.
Result<PWSTR> allocateWide(std::string_view utf8);

} // namespace hcn::capi
