#pragma once
// The object kinds as people type them on the command line and as the HCN method names spell them.

#include "hcn/resource_kind.h"

#include <array>
#include <string>
#include <string_view>

namespace hcn::ctl {

/// Every kind hcnctl can list, in the order `list all` prints them.
inline constexpr std::array<ResourceKind, 6> kAllKinds{
    ResourceKind::Network,      ResourceKind::Endpoint, ResourceKind::Namespace,
    ResourceKind::LoadBalancer, ResourceKind::SdnRoute, ResourceKind::GuestNetworkService};

/// network(s), endpoint(s), namespace(s), loadbalancer(s)/lb(s), sdnroute(s)/route(s),
/// guestnetworkservice(s)/gns, any case. Invalid for anything else.
ResourceKind parseKindWord(std::string_view word);
/// "network", "load balancer", "SDN route" ... for messages.
std::string_view kindLabel(ResourceKind kind);
/// "Networks", "LoadBalancers" ...: the HcnEnumerate<...> spelling and the snapshot's section key.
std::string_view kindPlural(ResourceKind kind);
/// The words parseKindWord accepts, for help and usage errors.
std::string_view kindWordsHelp();

} // namespace hcn::ctl
