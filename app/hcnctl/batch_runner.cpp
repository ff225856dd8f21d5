#include "batch_runner.h"

#include "hcn/json_limits.h"
#include "status_format.h"

#include <algorithm>
#include <cctype>
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

/// A name "As" may give: a letter or '_', then letters, digits, '_' and '-'.
bool isResultName(std::string_view name)
{
    if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_'))
        return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    });
}

} // namespace

std::string BatchRunner::substitute(json& value) const
{
    if (value.is_object() || value.is_array()) {
        for (json& item : value)
            if (std::string problem = substitute(item); !problem.empty())
                return problem;
        return {};
    }
    if (!value.is_string())
        return {};
    const std::string text = value.get<std::string>();
    if (text.empty() || text[0] != '$')
        return {};
    if (text.size() > 1 && text[1] == '$') {
        value = text.substr(1); // "$$x": the literal "$x"
        return {};
    }
    const std::string reference = text.substr(1);
    const auto dot = reference.find('.');
    const std::string name = reference.substr(0, dot);
    const std::string member = dot == std::string::npos ? std::string() : reference.substr(dot + 1);
    if (!isResultName(name))
        return "\"" + text + "\" is no reference (\"$NAME\" or \"$NAME.Member\"; \"$$\" for a literal '$')";
    const auto named = m_named.find(name);
    if (named == m_named.end())
        return "\"" + text + "\" names no earlier result (no line before this one has \"As\":\"" + name +
               "\")";
    const NamedResult& result = named->second;
    const std::string origin = "line " + std::to_string(result.line);
    if (result.value.is_discarded())
        return "\"" + text + "\" refers to " + origin + ", which failed";
    if (!member.empty()) {
        if (!result.value.is_object() || !result.value.contains(member))
            return "\"" + text + "\": the result of " + origin + " has no member \"" + member + "\"";
        value = result.value[member];
    } else if (result.value.is_object() && result.value.contains("Handle")) {
        value = result.value["Handle"];
    } else {
        value = result.value;
    }
    return {};
}

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

    std::string as;
    if (auto it = request.is_object() ? request.find("As") : request.end(); it != request.end()) {
        if (!it->is_string() || !isResultName(it->get<std::string>())) {
            const std::string message = "line " + std::to_string(lineNumber) +
                                        ": \"As\" must be a name (a letter or _, then letters, digits, _ "
                                        "and -)";
            noteFailure(lineNumber, message);
            response["error"] = protocolError(-32600, message);
            return response.dump();
        }
        as = it->get<std::string>();
        // Until this line succeeds, the name refers to a failed line.
        m_named[as] = NamedResult{lineNumber, json(json::value_t::discarded)};
    }
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
    if (params != request.end())
        if (std::string badReference = substitute(*params); !badReference.empty()) {
            noteFailure(lineNumber, badReference);
            response["error"] =
                protocolError(-32602, "line " + std::to_string(lineNumber) + ": " + badReference);
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
    if (value.is_discarded())
        value = *result;
    if (!as.empty())
        m_named[as].value = value;
    response["result"] = std::move(value);
    return response.dump();
}

} // namespace hcn::ctl
