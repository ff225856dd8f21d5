#pragma once
// Errors are values at the API: Status carries an HRESULT and a detail sentence; Result<T> a value or a
// Status.

#include "hcn/hresult.h"

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>

namespace hcn {

class [[nodiscard]] Status
{
public:
    Status() = default;
    /// The detail is kept as valid UTF-8 (invalid bytes replaced), so every text a Status produces can
    /// be serialized wherever it goes.
    Status(HResult code, std::string detail = {});

    static Status success() { return {}; }

    bool ok() const { return succeeded(m_code); }
    explicit operator bool() const { return ok(); }
    HResult code() const { return m_code; }
    /// Itself: lets generic code treat Status and Result<T> alike.
    const Status& status() const { return *this; }
    /// What went wrong in this call, e.g. "10.0.0.1 is the gateway of 10.0.0.0/24." (may be empty).
    const std::string& detail() const { return m_detail; }
    /// The system text followed by the detail: what ErrorRecord.Error and user interfaces show.
    std::string message() const;
    /// {"Success":false,"Error":"...","ErrorCode":<unsigned decimal>}; empty string on success.
    std::string errorRecord() const;

private:
    HResult m_code = hr::Ok;
    std::string m_detail;
};

/// Thrown when the value of a failed Result is read.
class BadResultAccess : public std::logic_error
{
public:
    explicit BadResultAccess(const Status& status)
        : std::logic_error("the value of a failed result was read: " + status.message()), m_status(status)
    {}
    const Status& status() const { return m_status; }

private:
    Status m_status;
};

template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Status status) : m_status(std::move(status))
    {
        if (m_status.ok())
            m_status = Status(hr::Unexpected, "a failed result was built from a success status");
    }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const Status& status() const { return m_status; }
    HResult code() const { return m_status.code(); }

    /// The value; on a failed result these throw BadResultAccess carrying the status (a programming
    /// error, reported rather than undefined).
    T& value() & { return checked(); }
    const T& value() const& { return checked(); }
    T&& value() && { return std::move(checked()); }
    T* operator->() { return &checked(); }
    const T* operator->() const { return &checked(); }
    T& operator*() & { return checked(); }
    const T& operator*() const& { return checked(); }

private:
    T& checked()
    {
        if (!m_value)
            throw BadResultAccess(m_status);
        return *m_value;
    }
    const T& checked() const
    {
        if (!m_value)
            throw BadResultAccess(m_status);
        return *m_value;
    }

    std::optional<T> m_value;
    Status m_status;
};

} // namespace hcn
