#include "batch_runner.h"

#include "hcn/json_limits.h"
#include "status_format.h"

#include <istream>
#include <nlohmann/json.hpp>
#include <ostream>

namespace hcn::ctl {

namespace {

using json = nlohmann::ordered_json;

json protocolError(int code, std::string message)
{
    return {{"code", code}, {"message", std::move(message)}};
}

} // namespace

BatchRunner::BatchRunner(Caller caller) : m_caller(std::move(caller)) {}

void BatchRunner::run(std::istream& input, std::ostream& output)
{
    std::string line;
    std::size_t lineNumber = 0;
    while (std::getline(input, line)) {
        ++lineNumber;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#')
            continue;
        // Flushed per line, so a reader on the other end of a pipe sees each result as it happens.
        output << runLine(line, lineNumber) << std::endl;
    }
}

void BatchRunner::noteFailure(std::size_t lineNumber, const std::string& description, HResult code)
{
    ++m_failures;
    if (!m_firstFailure.empty())
        return;
    m_firstFailure = "line " + std::to_string(lineNumber) + ": " + description;
    m_firstFailureCode = code;
}

std::string BatchRunner::runLine(std::string_view line, std::size_t lineNumber)
{
    ++m_calls;
    json response = json::object();
    json request = withinJsonDepth(line, kDefaultMaxJsonDepth) ? json::parse(line, nullptr, false)
                                                               : json(json::value_t::discarded);
    if (request.is_discarded()) {
        const std::string message = "line " + std::to_string(lineNumber) +
                                    " is not JSON (or nests deeper than " +
                                    std::to_string(kDefaultMaxJsonDepth) + " levels)";
        noteFailure(lineNumber, message);
        response["id"] = nullptr;
        response["error"] = protocolError(-32700, message);
        return response.dump();
    }
    if (request.is_object() && request.contains("id"))
        response["id"] = request["id"];

    std::string problem;
    if (!request.is_object())
        problem = "a request must be a JSON object";
    else if (!request.contains("method") || !request["method"].is_string())
        problem = "\"method\" must be a string";
    if (!problem.empty()) {
        const std::string message = "line " + std::to_string(lineNumber) + ": " + problem;
        noteFailure(lineNumber, message);
        response["error"] = protocolError(-32600, message);
        return response.dump();
    }
    auto params = request.find("params");
    if (params != request.end() && !params->is_object() && !params->is_null()) {
        const std::string message = "line " + std::to_string(lineNumber) + ": \"params\" must be an object";
        noteFailure(lineNumber, message);
        response["error"] = protocolError(-32602, message);
        return response.dump();
    }

    const std::string paramsText = params == request.end() || params->is_null() ? "{}" : params->dump();
    auto result = m_caller(request["method"].get<std::string>(), paramsText);
    if (!result.ok()) {
        noteFailure(lineNumber, describeStatus(result.status()), result.code());
        response["error"] = errorObject(result.status());
        return response.dump();
    }
    json value = json::parse(*result, nullptr, false);
    response["result"] = value.is_discarded() ? json(*result) : std::move(value);
    return response.dump();
}

} // namespace hcn::ctl
