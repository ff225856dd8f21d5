#include "rpc/protocol.h"

#include "rpc/frame.h"
#include "rpc/json_scan.h"

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>

namespace hcn::rpc {

namespace {

constexpr HResult kAccessDenied = hr::AccessDenied;

void appendHead(std::string& out, std::string_view idText)
{
    out += R"({"jsonrpc":"2.0","id":)";
    out += idText.empty() ? std::string_view("null") : idText;
}

} // namespace

std::string jsonQuoted(std::string_view text)
{
    bool plain = true;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u >= 0x80 || c == '"' || c == '\\') {
            plain = false;
            break;
        }
    }
    if (plain) {
        std::string out;
        out.reserve(text.size() + 2);
        out += '"';
        out += text;
        out += '"';
        return out;
    }
    // nlohmann's serializer escapes exactly as JSON requires; invalid UTF-8 is replaced, never thrown.
    return nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string resultResponse(std::string_view idText, std::string_view resultText)
{
    std::string out;
    out.reserve(40 + idText.size() + resultText.size());
    appendHead(out, idText);
    out += R"(,"result":)";
    out += resultText;
    out += '}';
    return out;
}

std::string errorResponse(std::string_view idText, int code, std::string_view message,
                          std::string_view dataText)
{
    std::string out;
    appendHead(out, idText);
    out += R"(,"error":{"code":)";
    out += std::to_string(code);
    out += R"(,"message":)";
    out += jsonQuoted(message);
    if (!dataText.empty()) {
        out += R"(,"data":)";
        out += dataText;
    }
    out += "}}";
    return out;
}

std::string statusResponse(std::string_view idText, const Status& status)
{
    nlohmann::ordered_json data;
    data["HResult"] = hresultHex(status.code());
    data["Name"] = std::string(hresultName(status.code()));
    data["ErrorRecord"] = nlohmann::ordered_json::parse(status.errorRecord());
    // Not in the Windows error record: lets a client rebuild the exact Status (message = system text +
    // detail).
    data["Detail"] = status.detail();
    return errorResponse(idText, status.code(), status.message(),
                         data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

namespace {

/// The method name as a JSON string. Our own names need no escaping; a name a user typed (`hcnctl call`)
/// may hold quotes, backslashes or invalid UTF-8 and is escaped, so the frame stays valid JSON.
void appendMethodName(std::string& out, std::string_view method)
{
    const bool plain = std::all_of(method.begin(), method.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
               c == '_';
    });
    if (plain) {
        out += '"';
        out += method;
        out += '"';
    } else {
        out += jsonQuoted(method);
    }
}

} // namespace

std::string requestMessage(std::uint64_t id, std::string_view method, std::string_view paramsText)
{
    std::string out;
    out.reserve(64 + method.size() + paramsText.size());
    out += R"({"jsonrpc":"2.0","id":)";
    out += std::to_string(id);
    out += R"(,"method":)";
    appendMethodName(out, method);
    out += R"(,"params":)";
    out += paramsText.empty() ? std::string_view("{}") : paramsText;
    out += '}';
    return out;
}

void appendRequestFrame(std::string& out, std::uint64_t id, std::string_view method,
                        std::string_view paramsText)
{
    out.reserve(out.size() + kFrameHeaderBytes + 64 + method.size() + paramsText.size());
    const std::size_t start = beginFrame(out);
    out += R"({"jsonrpc":"2.0","id":)";
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, id).ptr;
    out.append(digits, end);
    out += R"(,"method":)";
    appendMethodName(out, method);
    out += R"(,"params":)";
    out += paramsText.empty() ? std::string_view("{}") : paramsText;
    out += '}';
    endFrame(out, start);
}

void ParamsWriter::key(std::string_view key)
{
    if (m_text.size() > 1)
        m_text += ',';
    m_text += '"';
    m_text += key; // our own parameter names need no escaping
    m_text += "\":";
}

ParamsWriter& ParamsWriter::number(std::string_view name, std::uint64_t value)
{
    key(name);
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    m_text.append(digits, end);
    return *this;
}

ParamsWriter& ParamsWriter::string(std::string_view name, std::string_view value)
{
    key(name);
    m_text += jsonQuoted(value);
    return *this;
}

ParamsWriter& ParamsWriter::document(std::string_view name, std::string_view text)
{
    if (isDelimitedContainer(text))
        return raw(name, text);
    return string(name, text);
}

ParamsWriter& ParamsWriter::raw(std::string_view name, std::string_view json)
{
    key(name);
    m_text += json;
    return *this;
}

std::string ParamsWriter::take()
{
    m_text += '}';
    return std::move(m_text);
}

std::string notificationMessage(std::uint64_t subscription, const Notification& n)
{
    std::string out;
    out.reserve(160 + n.data.size());
    out += R"({"jsonrpc":"2.0","method":"hcnd.notification","params":{"Subscription":)";
    out += std::to_string(subscription);
    out += R"(,"Sequence":)";
    out += std::to_string(n.sequence);
    out += R"(,"Type":)";
    out += std::to_string(static_cast<std::uint32_t>(n.type));
    out += R"(,"TypeName":")";
    out += notificationTypeName(n.type);
    out += R"(","Status":)";
    out += std::to_string(n.status);
    out += R"(,"Data":)";
    out += n.data.empty() ? std::string_view("null") : std::string_view(n.data);
    out += "}}";
    return out;
}

std::string eventsDroppedMessage(std::uint64_t subscription, std::uint64_t firstSequence,
                                 std::uint64_t lastSequence, std::uint64_t count)
{
    return R"({"jsonrpc":"2.0","method":"hcnd.eventsDropped","params":{"Subscription":)" +
           std::to_string(subscription) + R"(,"FirstSequence":)" + std::to_string(firstSequence) +
           R"(,"LastSequence":)" + std::to_string(lastSequence) + R"(,"Count":)" + std::to_string(count) +
           "}}";
}

Status statusFromError(const nlohmann::json& error)
{
    if (!error.is_object())
        return Status(hr::Fail, "the service sent a malformed error.");
    const auto code = error.value("code", 0LL);
    const std::string message = error.contains("message") && error["message"].is_string()
                                    ? error["message"].get<std::string>()
                                    : std::string();
    const auto dataIt = error.find("data");
    if (dataIt != error.end() && dataIt->is_object() && dataIt->contains("HResult")) {
        const auto hresult = static_cast<HResult>(code);
        if (auto detail = dataIt->find("Detail"); detail != dataIt->end() && detail->is_string())
            return Status(hresult, detail->get<std::string>());
        // A server without "Detail": strip the system text the message starts with.
        const std::string_view system = hresultMessage(hresult);
        if (message.rfind(system, 0) == 0)
            return Status(hresult, message.substr(system.size()));
        return Status(hresult, message);
    }
    switch (code) {
    case error::ParseError:
    case error::InvalidRequest:
    case error::InvalidParams:
        return Status(hr::InvalidArg, message);
    case error::MethodNotFound:
        return Status(hr::NotImplemented, message);
    case error::PermissionDenied:
    case error::AuthenticationRequired:
        return Status(kAccessDenied, message);
    default:
        return Status(hr::Fail, message.empty() ? "the service reported an internal error." : message);
    }
}

nlohmann::ordered_json reservationToJson(const PortReservation& r)
{
    nlohmann::ordered_json json;
    json["Id"] = r.id;
    json["OwningPartitionId"] = r.owningPartitionId.toString();
    json["TargetPartitionId"] = r.targetPartitionId.toString();
    json["Protocol"] = static_cast<std::uint32_t>(r.protocol);
    json["Access"] = static_cast<std::uint32_t>(r.access);
    json["Priority"] = r.priority;
    json["ReservationType"] = r.reservationType;
    json["StartingPort"] = r.startingPort;
    json["EndingPort"] = r.endingPort;
    return json;
}

bool reservationFromJson(const nlohmann::json& json, PortReservation& out)
{
    try {
        auto owning = Guid::parse(json.at("OwningPartitionId").get<std::string>());
        auto target = Guid::parse(json.at("TargetPartitionId").get<std::string>());
        if (!owning || !target)
            return false;
        out.id = json.at("Id").get<ReservationId>();
        out.owningPartitionId = *owning;
        out.targetPartitionId = *target;
        out.protocol = static_cast<PortProtocol>(json.at("Protocol").get<std::uint32_t>());
        out.access = static_cast<PortAccess>(json.at("Access").get<std::uint32_t>());
        out.priority = json.at("Priority").get<std::uint64_t>();
        out.reservationType = json.at("ReservationType").get<std::uint32_t>();
        out.startingPort = json.at("StartingPort").get<std::uint16_t>();
        out.endingPort = json.at("EndingPort").get<std::uint16_t>();
        return true;
    } catch (const nlohmann::json::exception&) {
        return false;
    }
}

nlohmann::ordered_json versionToJson(SchemaVersion version)
{
    return {{"Major", version.major}, {"Minor", version.minor}};
}

} // namespace hcn::rpc
