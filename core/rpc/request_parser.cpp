#include "rpc/request_parser.h"

#include "hcn/json_limits.h"
#include "rpc/json_scan.h"

#include <charconv>

namespace hcn::rpc {

namespace {

using Json = nlohmann::ordered_json;

bool isDocumentKey(std::string_view key)
{
    return key == "Settings" || key == "Query";
}

bool isContainer(std::string_view value)
{
    return !value.empty() && (value.front() == '{' || value.front() == '[');
}

/// One member value (already checked for depth). Plain strings, integers and literals are read
/// directly; anything else goes through the JSON parser, which validates it.
bool parseValue(std::string_view text, Json& out)
{
    const char first = text.front();
    if (first == '"' && text.size() >= 2) {
        bool plain = true;
        for (std::size_t i = 1; i + 1 < text.size() && plain; ++i) {
            const auto c = static_cast<unsigned char>(text[i]);
            plain = c >= 0x20 && c < 0x80 && c != '\\' && c != '"';
        }
        if (plain) {
            out = std::string(text.substr(1, text.size() - 2));
            return true;
        }
    } else if (first >= '0' && first <= '9' && (first != '0' || text.size() == 1)) {
        std::uint64_t number = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (ec == std::errc() && end == text.data() + text.size()) {
            out = number;
            return true;
        }
    } else if (text == "true" || text == "false") {
        out = text == "true";
        return true;
    } else if (text == "null") {
        out = nullptr;
        return true;
    }
    out = Json::parse(text, nullptr, false);
    return !out.is_discarded();
}

/// The object `text` read member by member, each value by `read(key, value, parsed)`; false when that is
/// not possible (not an object, escaped keys, a value `read` refuses), and the full parser decides.
template <typename Read> bool scanObject(std::string_view text, Json& out, Read&& read)
{
    out = Json::object();
    bool ok = true;
    const bool scanned = forEachMember(text, [&](std::string_view key, std::string_view value) {
        if (!ok)
            return;
        if (key.find('\\') != std::string_view::npos) {
            ok = false; // escaped keys: left to the full parser
            return;
        }
        Json parsed;
        ok = read(key, value, parsed);
        out[std::string(key)] = std::move(parsed);
    });
    return scanned && ok;
}

/// The params object: documents kept as text, the rest parsed. False when not well-formed JSON.
bool parseParams(std::string_view text, Json& out)
{
    return scanObject(text, out, [](std::string_view key, std::string_view value, Json& parsed) {
        if (isDocumentKey(key) && isContainer(value)) {
            parsed = Json::binary(Json::binary_t::container_type(value.begin(), value.end()));
            return true;
        }
        return parseValue(value, parsed);
    });
}

/// The request object `text` read member by member, its params by parseParams.
bool scanRequest(std::string_view text, Json& out)
{
    return scanObject(text, out, [](std::string_view key, std::string_view value, Json& parsed) {
        return key == "params" && value.front() == '{' ? parseParams(value, parsed) : parseValue(value, parsed);
    });
}

/// The depth check of a message that nests too deep as a whole: documents count from their own top
/// (the engine checks them), everything else from the message's top.
bool envelopeWithinDepth(std::string_view text, int maxDepth)
{
    bool ok = true;
    const bool scanned = forEachMember(text, [&](std::string_view key, std::string_view value) {
        if (!ok)
            return;
        if (key != "params" || value.front() != '{') {
            ok = withinJsonDepth(value, maxDepth - 1);
            return;
        }
        ok = forEachMember(value,
                           [&](std::string_view name, std::string_view member) {
                               if (ok && !(isDocumentKey(name) && isContainer(member)))
                                   ok = withinJsonDepth(member, maxDepth - 2);
                           }) &&
             ok;
    });
    return scanned && ok;
}

} // namespace

MessageProblem parseRequestMessage(std::string_view text, int maxDepth, nlohmann::ordered_json& out)
{
    const bool shallow = withinJsonDepth(text, maxDepth);
    if (!shallow && !envelopeWithinDepth(text, maxDepth))
        return MessageProblem::TooDeep;
    if (scanRequest(text, out))
        return MessageProblem::None;
    if (!shallow)
        return MessageProblem::TooDeep; // not a request object: nothing may nest that deep
    // Batches, escaped keys and anything malformed: the full parser (documents inside are parsed).
    out = Json::parse(text, nullptr, false);
    return out.is_discarded() ? MessageProblem::NotJson : MessageProblem::None;
}

std::optional<std::string> keptDocumentText(const nlohmann::ordered_json& value)
{
    if (!value.is_binary())
        return std::nullopt;
    const auto& bytes = value.get_binary();
    return std::string(bytes.begin(), bytes.end());
}

} // namespace hcn::rpc
