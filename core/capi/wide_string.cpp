#include "wide_string.h"

#include "common/wide_text.h"

#include <cstring>
#include <new>

namespace hcn::capi {

Result<PWSTR> allocateWide(std::string_view utf8)
{
    auto wide = wideFromUtf8(utf8, "The UTF-8 text");
    if (!wide.ok())
        return wide.status();
    const std::size_t bytes = (wide->size() + 1) * sizeof(wchar_t);
    auto* buffer = static_cast<PWSTR>(CoTaskMemAlloc(bytes));
    if (!buffer)
        return Status(hr::OutOfMemory, "cannot allocate " + std::to_string(bytes) + " bytes for a result.");
    std::memcpy(buffer, wide->c_str(), bytes);
    return buffer;
}

} // namespace hcn::capi
