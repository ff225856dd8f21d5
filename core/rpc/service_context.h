#pragma once
// ServiceContext: what every connection of one service shares: the API the requests go to (hcnd's
// engine, or the engine inside `hcnctl --embedded`), the limits and the identity.

#include "hcn/api.h"

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace hcn::rpc {

struct ServiceContext
{
    Api& api;
    std::string serverName; ///< "hcnd/0.1.0": hcnd.hello's and hcnd.info's "Server"
    std::string token;      ///< the TCP listener's token (empty without one)
    std::size_t maxMessageBytes;
    int maxJsonDepth;
    std::size_t clientQueue;
    /// How long a connection polls for the next request after answering (ServiceOptions::keepAwake).
    std::chrono::microseconds keepAwake{0};
    std::atomic<std::size_t> clients{0};               ///< connections open now
    std::atomic<std::uint64_t> connectionsAccepted{0}; ///< connections accepted since the start
};

} // namespace hcn::rpc
