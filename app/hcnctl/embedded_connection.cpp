#include "embedded_connection.h"

#include "rpc/json_scan.h"
#include "rpc/protocol.h"
#include "rpc/service_options.h"

#include <nlohmann/json.hpp>

namespace hcn::ctl {

namespace {

/// The limits of an hcnd started without options.
const rpc::ServiceOptions kLimits{};

/// The result text of a response, or its error as the Status RpcClient makes of it.
Result<std::string> replyOf(std::string_view response)
{
    std::string_view result, error;
    const bool wellFormed = rpc::forEachMember(response, [&](std::string_view key, std::string_view value) {
        if (key == "result")
            result = value;
        else if (key == "error")
            error = value;
    });
    if (!wellFormed)
        return Status(hr::Unexpected, "the request handler answered with a malformed response.");
    if (error.empty())
        return std::string(result.empty() ? std::string_view("null") : result);
    Status status = rpc::statusFromError(nlohmann::json::parse(error, nullptr, false));
    if (status.detail().empty())
        status = Status(status.code(), "hcnd reported an error without a message.");
    return status;
}

} // namespace

EmbeddedConnection::EmbeddedConnection(Api& api)
    : m_api(api), m_context{api,
                            "hcnctl/" HCNCTL_VERSION " (embedded engine)",
                            std::string(),
                            kLimits.maxMessageBytes,
                            kLimits.maxJsonDepth,
                            kLimits.clientQueue},
      m_events(m_context.clientQueue),
      m_handler(
          m_context, m_resources, m_events, [this] { discardEvents(); }, false)
{
    m_context.clients = 1; // this connection, as hcnd counts the hcnctl talking to it
}

EmbeddedConnection::~EmbeddedConnection()
{
    // Unsubscribes first, so no event is queued while the members go.
    m_resources.releaseAll(m_api);
}

Result<std::string> EmbeddedConnection::call(std::string_view method, std::string_view paramsJson)
{
    // The request hcnd would receive from RpcClient::call, through the same handler.
    std::string request = R"({"jsonrpc":"2.0","id":)" + std::to_string(++m_lastId) + R"(,"method":)" +
                          rpc::jsonQuoted(method) + R"(,"params":)";
    request += paramsJson.empty() ? std::string_view("{}") : paramsJson;
    request += '}';
    return replyOf(m_handler.handleMessage(request));
}

void EmbeddedConnection::discardEvents()
{
    std::string discarded;
    while (m_events.drainInto(discarded, 64 * 1024) > 0)
        discarded.clear();
}

} // namespace hcn::ctl
