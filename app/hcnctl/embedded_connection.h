#pragma once
// EmbeddedConnection: `hcnctl --embedded`'s raw calls (call, batch) served by hcnd's own request handler
// (core/rpc/request_handler.h) over the engine inside this process, as one connection: the same
// parameter checks, errors, handle ownership and hcnd.hello/hcnd.info answers as a connection to hcnd.
// Only the "Server" name tells them apart. Events of hcnd.subscribe have nowhere to go and are dropped,
// as `hcnctl call` drops them over a socket.

#include "hcn/api.h"
#include "rpc/connection_resources.h"
#include "rpc/event_queue.h"
#include "rpc/request_handler.h"
#include "rpc/service_context.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace hcn::ctl {

class EmbeddedConnection
{
public:
    /// `api` must outlive the connection.
    explicit EmbeddedConnection(Api& api);
    /// Releases what the calls left behind (handles, port reservations, subscriptions), as hcnd does
    /// when a connection ends.
    ~EmbeddedConnection();
    EmbeddedConnection(const EmbeddedConnection&) = delete;
    EmbeddedConnection& operator=(const EmbeddedConnection&) = delete;

    /// As RpcClient::call: the result's JSON text, or the error as the Status RpcClient reports for it.
    Result<std::string> call(std::string_view method, std::string_view paramsJson);

private:
    /// Drops the queued events (on the engine's dispatcher thread).
    void discardEvents();

    Api& m_api;
    rpc::ServiceContext m_context;
    rpc::ConnectionResources m_resources;
    rpc::EventQueue m_events;
    rpc::RequestHandler m_handler;
    std::uint64_t m_lastId = 0;
};

} // namespace hcn::ctl
