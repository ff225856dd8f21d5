#pragma once
// RequestParser: a received message (one request object or a batch) into JSON, with the documents
// left as text. A request's "Settings" and "Query" parameters sent as a JSON object or array are not
// parsed here: their exact bytes are kept (in a binary value) and handed to the engine, which parses
// them once, under its own depth limit counted from the document's top. Every other value is parsed
// and checked as before: the envelope stays strict JSON.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace hcn::rpc {

enum class MessageProblem
{
    None,
    TooDeep, ///< the message outside its documents nests deeper than the limit
    NotJson
};

/// Parses `text` into `out`. `maxDepth` limits the nesting of everything but the kept documents.
MessageProblem parseRequestMessage(std::string_view text, int maxDepth, nlohmann::ordered_json& out);

/// The text of a document parameter kept by parseRequestMessage; nullopt when `value` is not one.
std::optional<std::string> keptDocumentText(const nlohmann::ordered_json& value);

} // namespace hcn::rpc
