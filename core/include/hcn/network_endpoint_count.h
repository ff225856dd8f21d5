#pragma once
// How many endpoints a network has, as a snapshot can tell it: the endpoints of the network the snapshot
// holds, and the number the host had when it was dumped where the dump states it (v1's
// `CurrentEndpointCount`, which an import keeps under the network's "_v1"). A dump of networks alone
// holds none of their endpoints: "0" alone would read as "no endpoints", the opposite of what the host
// said. hcnctl's tables and the console's views read the count here.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>

namespace hcn {

/// A network's endpoint count: those the snapshot holds and those the host had.
struct NetworkEndpointCount
{
    std::size_t held = 0;              ///< endpoints of the network in the snapshot
    std::optional<std::size_t> onHost; ///< what the dump states the host had, if it states it

    /// The host had more than the snapshot holds: say both ("0 (4 on the host)").
    bool hostHadMore() const { return onHost && *onHost > held; }
};

/// `held`, and the number of endpoints the network's document says the host had (`CurrentEndpointCount`,
/// under "_v1" or at the top, in any key case; a whole number, or text holding one; none when the
/// document states none or something else).
NetworkEndpointCount networkEndpointCount(const nlohmann::json& network, std::size_t held);
NetworkEndpointCount networkEndpointCount(const nlohmann::ordered_json& network, std::size_t held);

} // namespace hcn
