#include "document_reader.h"

#include "hcn/json_limits.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <istream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

namespace hcn::ctl {

namespace {

/// nlohmann's what() starts with "[json.exception.parse_error.101] parse error at line 1, column 2: ...":
/// people need the part after the bracket.
std::string parseErrorText(const nlohmann::json::exception& error)
{
    std::string text = error.what();
    if (auto close = text.find("] "); text.starts_with("[json.exception") && close != std::string::npos)
        text.erase(0, close + 2);
    return text;
}

} // namespace

Status checkJsonObject(std::string_view text, std::string_view origin)
{
    if (!withinJsonDepth(text, kDefaultMaxJsonDepth))
        return Status(hr::InvalidJson, std::string(origin) + " nests deeper than " +
                                           std::to_string(kDefaultMaxJsonDepth) + " levels.");
    try {
        const nlohmann::json parsed = nlohmann::json::parse(text);
        if (!parsed.is_object())
            return Status(hr::InvalidJson, std::string(origin) + " must be a JSON object, not " +
                                               std::string(parsed.type_name()) + ".");
    } catch (const nlohmann::json::exception& error) {
        return Status(hr::InvalidJson, std::string(origin) + ": " + parseErrorText(error) + ".");
    }
    return Status::success();
}

Result<std::string> readJsonObjectFile(const std::string& path, std::istream& input)
{
    std::string text;
    if (path == "-") {
        text.assign(std::istreambuf_iterator<char>(input), std::istreambuf_iterator<char>());
    } else {
        std::ifstream file(path, std::ios::binary);
        if (!file)
            return Status(hr::InvalidArg, "cannot read " + path + ": " + std::strerror(errno) + ".");
        std::ostringstream content;
        content << file.rdbuf();
        if (file.bad())
            return Status(hr::InvalidArg, "cannot read " + path + ": " + std::strerror(errno) + ".");
        text = std::move(content).str();
    }
    if (Status checked = checkJsonObject(text, path == "-" ? "standard input" : path); !checked.ok())
        return checked;
    return text;
}

} // namespace hcn::ctl
