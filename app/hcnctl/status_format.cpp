#include "status_format.h"

#include "hcn/error_catalog.h"

#include <nlohmann/json.hpp>
#include <ostream>

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
    return hresultLabel(status.code()) + ": " + trimmedMessage(status);
}

std::string explainLine(const Status& status)
{
    const ErrorExplanation e = explainHResult(status.code());
    const std::string command = "`hcnctl explain " + hresultHex(status.code()) + "`";
    if (!e.known)
        return hresultHex(status.code()) + " is not in the error catalog; " + command + " decodes it.";
    return e.meaning + " Run " + command + " for causes and checks.";
}

void writeStatus(std::ostream& err, std::string_view prefix, const Status& status)
{
    err << prefix << describeStatus(status) << '\n' << prefix << explainLine(status) << '\n';
}

nlohmann::ordered_json errorObject(const Status& status)
{
    nlohmann::ordered_json data{{"HResult", hresultHex(status.code())},
                                {"Name", std::string(hresultName(status.code()))}};
    // Scripts get what a person reads on stderr: the code's meaning (details: hcnctl explain).
    if (const ErrorExplanation e = explainHResult(status.code()); e.known)
        data["Meaning"] = e.meaning;
    const std::string record = status.errorRecord();
    if (!record.empty())
        data["ErrorRecord"] = nlohmann::ordered_json::parse(record, nullptr, false);
    return {{"code", status.code()}, {"message", trimmedMessage(status)}, {"data", std::move(data)}};
}

} // namespace hcn::ctl
