#include "hcn/rpc_in_process_connection.h"
#include "hcn/rpc_service_options.h"
#include "rpc/connection_resources.h"
#include "rpc/event_queue.h"
#include "rpc/json_scan.h"
#include "rpc/protocol.h"
#include "rpc/request_handler.h"
#include "rpc/service_context.h"

#include <nlohmann/json.hpp>

namespace hcn::rpc {

namespace {

/// The limits of an hcnd started without options.
const ServiceOptions kLimits{};

/// The result text of a response, or its error as the Status RpcClient makes of it.
Result<std::string> replyOf(std::string_view response)
{
    std::string_view result, error;
    const bool wellFormed = forEachMember(response, [&](std::string_view key, std::string_view value) {
        if (key == "result")
            result = value;
        else if (key == "error")
            error = value;
    });
    if (!wellFormed)
        return Status(hr::Unexpected, "the request handler answered with a malformed response.");
    if (error.empty())
        return std::string(result.empty() ? std::string_view("null") : result);
    Status status = statusFromError(nlohmann::json::parse(error, nullptr, false));
    if (status.detail().empty())
        status = Status(status.code(), "hcnd reported an error without a message.");
    return status;
}

} // namespace

struct InProcessConnection::Impl
{
    Impl(Api& api, std::string serverName)
        : api(api), context{api,
                            std::move(serverName),
                            std::string(),
                            kLimits.maxMessageBytes,
                            kLimits.maxJsonDepth,
                            kLimits.clientQueue},
          events(context.clientQueue), handler(
                                           context, resources, events, [this] { discardEvents(); }, false)
    {
        context.clients = 1; // this connection, as hcnd counts the client talking to it
        context.connectionsAccepted = 1;
    }

    /// Drops the queued events (on the engine's dispatcher thread).
    void discardEvents()
    {
        std::string discarded;
        while (events.drainInto(discarded, 64 * 1024) > 0)
            discarded.clear();
    }

    Api& api;
    ServiceContext context;
    ConnectionResources resources;
    EventQueue events;
    RequestHandler handler;
    std::uint64_t lastId = 0;
};

InProcessConnection::InProcessConnection(Api& api, std::string serverName)
    : m_impl(std::make_unique<Impl>(api, std::move(serverName)))
{}

InProcessConnection::~InProcessConnection()
{
    // Unsubscribes first, so no event is queued while the members go.
    m_impl->resources.releaseAll(m_impl->api);
}

Result<std::string> InProcessConnection::call(std::string_view method, std::string_view paramsJson)
{
    // The request hcnd would receive from RpcClient::call, through the same handler.
    std::string request = R"({"jsonrpc":"2.0","id":)" + std::to_string(++m_impl->lastId) + R"(,"method":)" +
                          jsonQuoted(method) + R"(,"params":)";
    request += paramsJson.empty() ? std::string_view("{}") : paramsJson;
    request += '}';
    return replyOf(m_impl->handler.handleMessage(request));
}

} // namespace hcn::rpc
