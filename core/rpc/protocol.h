#pragma once
// Building and reading the JSON-RPC messages of docs/rpc.md. Builders produce message text directly:
// documents from the engine are spliced in verbatim (they are JSON already), which keeps them byte for
// byte identical to what an in-process client gets and saves a parse/dump per call.

#include "hcn/engine.h"

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

namespace hcn::rpc {

inline constexpr int kProtocolVersion = 1;

namespace error {
inline constexpr int ParseError = -32700;
inline constexpr int InvalidRequest = -32600;
inline constexpr int MethodNotFound = -32601;
inline constexpr int InvalidParams = -32602;
inline constexpr int Internal = -32603;
inline constexpr int PermissionDenied = -32001;
inline constexpr int AuthenticationRequired = -32002;
} // namespace error

/// {"jsonrpc":"2.0","id":<idText>,"result":<resultText>}
std::string resultResponse(std::string_view idText, std::string_view resultText);
/// {"jsonrpc":"2.0","id":<idText>,"error":{"code":..,"message":..[,"data":<dataText>]}}
std::string errorResponse(std::string_view idText, int code, std::string_view message,
                          std::string_view dataText = {});
/// The error response of a failed HCN call: code = the HRESULT, data {HResult, Name, ErrorRecord, Detail}.
std::string statusResponse(std::string_view idText, const Status& status);
/// {"jsonrpc":"2.0","id":<id>,"method":..,"params":<paramsText>}
std::string requestMessage(std::uint64_t id, std::string_view method, std::string_view paramsText);
/// The request message, framed, appended to `out` (what a client writes).
void appendRequestFrame(std::string& out, std::uint64_t id, std::string_view method,
                        std::string_view paramsText);

/// Builds a params object member by member: {"Handle":3,"Settings":{...}}.
class ParamsWriter
{
public:
    ParamsWriter& number(std::string_view key, std::uint64_t value);
    ParamsWriter& string(std::string_view key, std::string_view value);
    /// A document (Settings, Query): spliced in as it is when it is an object or array
    /// (isDelimitedContainer), else sent as a JSON string for the engine to judge.
    ParamsWriter& document(std::string_view key, std::string_view text);
    /// A JSON value written by the caller.
    ParamsWriter& raw(std::string_view key, std::string_view json);
    /// The object text ("{}" when nothing was added).
    std::string take();

private:
    void key(std::string_view key);
    std::string m_text = "{";
};

/// The hcnd.notification message of one engine notification for a subscription.
std::string notificationMessage(std::uint64_t subscription, const Notification& notification);
/// The hcnd.eventsDropped message.
std::string eventsDroppedMessage(std::uint64_t subscription, std::uint64_t firstSequence,
                                 std::uint64_t lastSequence, std::uint64_t count);

/// A JSON string literal (quoted and escaped) of `text`.
std::string jsonQuoted(std::string_view text);

/// The Status an error object describes: an HCN failure carries its HRESULT and detail; a protocol
/// error becomes E_INVALIDARG (-32602/-32600/-32700), E_ACCESSDENIED (-32001/-32002),
/// E_NOTIMPL (-32601) or E_FAIL, with the server's message as the detail.
Status statusFromError(const nlohmann::json& error);

nlohmann::ordered_json reservationToJson(const PortReservation& reservation);
/// False when a field is missing or mistyped.
bool reservationFromJson(const nlohmann::json& json, PortReservation& out);

nlohmann::ordered_json versionToJson(SchemaVersion version);

} // namespace hcn::rpc
