#pragma once
// The endpoint "Flags" bits the engine and the copies of a host act on (EndpointFlags in the schema).

#include <cstdint>

namespace hcn {

/// RemoteEndpoint: a workload on another node, reached through the network's provider address.
inline constexpr std::uint32_t kRemoteEndpointFlag = 0x1;

} // namespace hcn
