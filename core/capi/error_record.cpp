#include "error_record.h"

#include "wide_string.h"

#include <string>

namespace hcn::capi {

HRESULT report(const Status& status, PWSTR* errorRecord) noexcept
{
    if (status.ok() || !errorRecord)
        return status.code();
    try {
        auto record = allocateWide(status.errorRecord());
        *errorRecord = record.ok() ? *record : nullptr;
    } catch (...) {
        *errorRecord = nullptr; // out of memory while reporting: the HRESULT still says what failed
    }
    return status.code();
}

Status statusOfCurrentException() noexcept
{
    try {
        throw;
    } catch (const std::bad_alloc&) {
        return Status(hr::OutOfMemory);
    } catch (const std::exception& e) {
        try {
            return Status(hr::Unexpected, std::string("internal error: ") + e.what());
        } catch (...) {
            return Status(hr::Unexpected);
        }
    } catch (...) {
        return Status(hr::Unexpected);
    }
}

Status nullPointer(std::string_view parameter)
{
    return Status(hr::Pointer, std::string(parameter) + " is NULL.");
}

} // namespace hcn::capi
