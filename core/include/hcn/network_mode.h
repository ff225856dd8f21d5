#pragma once
// HCN's NetworkMode (HostComputeNetwork.Type) as a type. Names are spelled as the schema catalog spells them.

#include <string_view>

namespace hcn {

/// One enumerator per catalog NetworkMode value, in HCN's numeric order (Nat is HCN value 0).
enum class NetworkMode
{
    Invalid,
    Nat,
    Ics,
    Transparent,
    L2Bridge,
    L2Tunnel,
    Overlay,
    Private,
    Internal,
    Mirrored,
    Infiniband,
    ConstrainedIcs
};

/// The mode a catalog name (any case) denotes; Invalid when the name is no NetworkMode value.
NetworkMode networkModeFromName(std::string_view name);
/// The catalog's spelling ("L2Bridge"); empty for Invalid.
std::string_view networkModeName(NetworkMode mode);

} // namespace hcn
