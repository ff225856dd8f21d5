#pragma once
// InProcessConnection: hcnd's request handler serving an hcn::Api inside this process as one
// connection, for `hcnctl --embedded`: the same parameter checks, errors, handle ownership and
// hcnd.hello/hcnd.info answers as a connection to hcnd, only the "Server" name differs. Events of
// hcnd.subscribe have nowhere to go and are dropped, as `hcnctl call` drops them over a socket.

#include "hcn/api.h"

#include <memory>
#include <string>
#include <string_view>

namespace hcn::rpc {

class InProcessConnection
{
public:
    /// `api` must outlive the connection; `serverName` is what hcnd.hello reports as "Server".
    InProcessConnection(Api& api, std::string serverName);
    /// Releases what the calls left behind (handles, port reservations, subscriptions), as hcnd does
    /// when a connection ends.
    ~InProcessConnection();
    InProcessConnection(const InProcessConnection&) = delete;
    InProcessConnection& operator=(const InProcessConnection&) = delete;

    /// As RpcClient::call: the result's JSON text, or the error as the Status RpcClient reports for it.
    Result<std::string> call(std::string_view method, std::string_view paramsJson);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace hcn::rpc
