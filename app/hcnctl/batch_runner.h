#pragma once
// BatchRunner: `hcnctl batch`: JSON-RPC calls as JSON lines in, one result line per call out, in order.
// Every line runs, whatever happened to the ones before it.

#include "hcn/status.h"

#include <functional>
#include <iosfwd>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace hcn::ctl {

class BatchRunner
{
public:
    /// How a call is made (Session::call in hcnctl).
    using Caller = std::function<Result<std::string>(std::string_view method, std::string_view paramsJson)>;

    explicit BatchRunner(Caller caller);

    /// Reads `input` to its end. Each non-empty line that does not start with '#' is
    /// {"method":"...","params":{...},"id":...}; each gets one line on `output`:
    /// {"id":..,"result":..} or {"id":..,"error":{"code","message","data"}} ("id" only when the request
    /// had one). A line that is not JSON or not a request gets a JSON-RPC error (-32700, -32600, -32602).
    /// A line with "As":"NAME" keeps its result under NAME; a later line's parameter string "$NAME" is
    /// that result's Handle (or the whole result when it has none), "$NAME.Member" one member of it, and
    /// "$$..." a literal string starting with '$'. A reference to no earlier result, or to a line that
    /// failed, fails its own line (-32602) naming both.
    void run(std::istream& input, std::ostream& output);

    std::size_t callCount() const { return m_calls; }
    std::size_t failureCount() const { return m_failures; }
    /// "line 3: HCN_E_NETWORK_NOT_FOUND (0x803B0001): ..." for the first failure, empty when none.
    const std::string& firstFailure() const { return m_firstFailure; }
    /// The HRESULT of the first failure; S_OK when there was none or it was a malformed line.
    HResult firstFailureCode() const { return m_firstFailureCode; }

private:
    std::string runLine(std::string_view line, std::size_t lineNumber);
    void noteFailure(std::size_t lineNumber, const std::string& description, HResult code = hr::Ok);

    /// A result kept by "As": the line it came from and its value (discarded when that line failed).
    struct NamedResult
    {
        std::size_t line = 0;
        nlohmann::ordered_json value;
    };
    /// Replaces the "$NAME" strings inside `value`; an empty string, or why a reference cannot resolve.
    std::string substitute(nlohmann::ordered_json& value) const;

    Caller m_caller;
    std::map<std::string, NamedResult> m_named;
    std::size_t m_calls = 0;
    std::size_t m_failures = 0;
    std::string m_firstFailure;
    HResult m_firstFailureCode = hr::Ok;
};

} // namespace hcn::ctl
