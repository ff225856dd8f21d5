#include "status_format.h"

#include <nlohmann/json.hpp>

namespace hcn::ctl {

namespace {

/// The system text ends with a space (as Windows formats it); a one-line message does not need it.
std::string trimmedMessage(const Status& status)
{
    std::string text = status.message();
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n'))
        text.pop_back();
    return text;
}

} // namespace

std::string describeStatus(const Status& status)
{
    const std::string_view name = hresultName(status.code());
    std::string line =
        name.empty() ? hresultHex(status.code()) : std::string(name) + " (" + hresultHex(status.code()) + ")";
    return line + ": " + trimmedMessage(status);
}

nlohmann::ordered_json errorObject(const Status& status)
{
    nlohmann::ordered_json data{{"HResult", hresultHex(status.code())},
                                {"Name", std::string(hresultName(status.code()))}};
    const std::string record = status.errorRecord();
    if (!record.empty())
        data["ErrorRecord"] = nlohmann::ordered_json::parse(record, nullptr, false);
    return {{"code", status.code()}, {"message", trimmedMessage(status)}, {"data", std::move(data)}};
}

} // namespace hcn::ctl
