#pragma once

#include <string_view>

namespace hcn {

/// The kinds of HCN objects the engine manages.
enum class ResourceKind
{
    Invalid,
    Network,
    Endpoint,
    Namespace,
    LoadBalancer,
    GuestNetworkService, ///< GNS of a utility VM / WSL mirrored networking
    SdnRoute             ///< HostComputeRoute (the SdnRoute export family)
};

/// "Network", "Endpoint", "Namespace", "LoadBalancer".
std::string_view resourceKindName(ResourceKind kind);
/// The schema type of the kind's document ("HostComputeNetwork" ...).
std::string_view resourceKindSchemaType(ResourceKind kind);

} // namespace hcn
