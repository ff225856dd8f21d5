#pragma once
// ServiceContext: what every connection of one hcnd shares: the engine, the limits and identity.

#include "hcn/embedded_api.h"

#include <atomic>
#include <cstddef>
#include <string>

namespace hcn::rpc {

struct ServiceContext
{
    EmbeddedApi& api;
    std::string serverName; ///< "hcnd/0.1.0"
    std::string token;      ///< the TCP listener's token (empty without one)
    std::size_t maxMessageBytes;
    int maxJsonDepth;
    std::size_t clientQueue;
    std::atomic<std::size_t> clients{0};
};

} // namespace hcn::rpc
