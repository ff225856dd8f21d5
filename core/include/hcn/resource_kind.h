#pragma once
// The kinds of HCN objects and every way the product spells them: the one list of kinds, the names
// of computenetwork.h and the snapshot, and the words people type.

#include <array>
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

/// Every kind, in the order lists and snapshots show them.
inline constexpr std::array<ResourceKind, 6> kResourceKinds{
    ResourceKind::Network,      ResourceKind::Endpoint, ResourceKind::Namespace,
    ResourceKind::LoadBalancer, ResourceKind::SdnRoute, ResourceKind::GuestNetworkService};

/// "Network", "Endpoint", "Namespace", "LoadBalancer", "GuestNetworkService", "SdnRoute": the
/// HcnCreate<...> spelling ("Invalid" for Invalid).
std::string_view resourceKindName(ResourceKind kind);
/// "Networks", "LoadBalancers" ...: the HcnEnumerate<...> spelling and Api::snapshot()'s section key.
std::string_view resourceKindPlural(ResourceKind kind);
/// "network", "load balancer", "SDN route" ... for messages ("object" for Invalid).
std::string_view resourceKindLabel(ResourceKind kind);
/// The schema type of the kind's document ("HostComputeNetwork" ...).
std::string_view resourceKindSchemaType(ResourceKind kind);

/// The kind whose resourceKindName() is `name` (exact); Invalid when none.
ResourceKind resourceKindFromName(std::string_view name);
/// The kind whose resourceKindPlural() is `plural` (exact); Invalid when none.
ResourceKind resourceKindFromPlural(std::string_view plural);
/// A kind as people type it: network(s), endpoint(s), namespace(s), loadbalancer(s)/lb(s),
/// sdnroute(s)/route(s), guestnetworkservice(s)/gns, in any case; Invalid for anything else.
ResourceKind resourceKindFromWord(std::string_view word);
/// The words resourceKindFromWord() accepts, for help and usage errors.
std::string_view resourceKindWords();

} // namespace hcn
