#pragma once
// ErrorRecord handling and the exception boundary every exported function goes through.

#include "computenetwork.h"
#include "hcn/status.h"

#include <exception>
#include <new>
#include <string_view>

namespace hcn::capi {

/// The HRESULT of `status`. On failure *errorRecord (when given) receives
/// {"Success":false,"Error":"...","ErrorCode":<unsigned decimal>}; on success it is left NULL.
HRESULT report(const Status& status, PWSTR* errorRecord) noexcept;

/// The status of an exception that reached the API boundary (nlohmann, bad_alloc ...).
Status statusOfCurrentException() noexcept;

/// E_POINTER naming the NULL parameter.
Status nullPointer(std::string_view parameter);

/// Runs `body` (returning a Status) for an exported function with an ErrorRecord: clears
/// *errorRecord first, keeps exceptions inside, reports the result.
template <typename Body> HRESULT apiCall(PWSTR* errorRecord, Body&& body) noexcept
{
    if (errorRecord)
        *errorRecord = nullptr;
    Status status;
    try {
        status = body();
    } catch (...) {
        status = statusOfCurrentException();
    }
    return report(status, errorRecord);
}

/// The same for functions without an ErrorRecord (Close*, callbacks, port reservations).
template <typename Body> HRESULT apiCall(Body&& body) noexcept
{
    return apiCall(static_cast<PWSTR*>(nullptr), std::forward<Body>(body));
}

} // namespace hcn::capi
