#pragma once
// RequestHandler: the JSON-RPC dispatcher of one connection, the only one there is. Turns a received
// message (a request or a batch) into the response text, calling the context's hcn::Api with the
// connection's own handles and subscriptions. hcnd runs one per connection on its strand;
// `hcnctl --embedded` runs one over its in-process engine, so both answer every method alike.

#include "rpc/connection_resources.h"
#include "rpc/event_queue.h"
#include "rpc/method_table.h"
#include "rpc/service_context.h"

#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

namespace hcn::rpc {

class RequestHandler
{
public:
    /// `wake` is called (from the engine's dispatcher thread) when the event queue needs draining.
    RequestHandler(ServiceContext& context, ConnectionResources& resources, EventQueue& events,
                   std::function<void()> wake, bool requireAuthentication);

    /// The response to one message; empty when it needs none (notifications only).
    std::string handleMessage(std::string_view text);
    /// Set when the connection must close after sending the response (failed authentication).
    bool closeRequested() const { return m_closeRequested; }

private:
    struct Reply
    {
        std::string result; ///< result text (when status is ok)
        Status status;
    };

    std::string handleMessageUnguarded(std::string_view text);
    /// handleRequest, turning anything it throws into an internal-error response.
    std::string guardedRequest(const nlohmann::ordered_json& request);
    std::string handleRequest(const nlohmann::ordered_json& request);
    Reply dispatch(const Method& method, const nlohmann::ordered_json& params);
    Reply perKind(const Method& method, const nlohmann::ordered_json& params);
    Reply portReservation(const Method& method, const nlohmann::ordered_json& params);
    Reply service(const Method& method, const nlohmann::ordered_json& params);
    Reply subscribe(const nlohmann::ordered_json& params);
    Reply unsubscribe(const nlohmann::ordered_json& params);
    /// hcnd.hello's result, or with counts hcnd.info's.
    Reply hello(bool withCounts) const;
    /// The handle parameter, checked to belong to this connection.
    Result<Handle> ownedHandle(const nlohmann::ordered_json& params, const char* name,
                               ResourceKind kind) const;

    ServiceContext& m_context;
    ConnectionResources& m_resources;
    EventQueue& m_events;
    std::function<void()> m_wake;
    bool m_requireAuthentication;
    bool m_authenticated = false;
    bool m_closeRequested = false;
};

} // namespace hcn::rpc
