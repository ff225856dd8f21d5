#include "kind_names.h"

#include <algorithm>
#include <cctype>

namespace hcn::ctl {

namespace {

struct KindWord
{
    std::string_view word;
    ResourceKind kind;
};

constexpr std::array<KindWord, 15> kWords{{
    {"network", ResourceKind::Network},
    {"networks", ResourceKind::Network},
    {"endpoint", ResourceKind::Endpoint},
    {"endpoints", ResourceKind::Endpoint},
    {"namespace", ResourceKind::Namespace},
    {"namespaces", ResourceKind::Namespace},
    {"loadbalancer", ResourceKind::LoadBalancer},
    {"loadbalancers", ResourceKind::LoadBalancer},
    {"lb", ResourceKind::LoadBalancer},
    {"lbs", ResourceKind::LoadBalancer},
    {"sdnroute", ResourceKind::SdnRoute},
    {"sdnroutes", ResourceKind::SdnRoute},
    {"guestnetworkservice", ResourceKind::GuestNetworkService},
    {"guestnetworkservices", ResourceKind::GuestNetworkService},
    {"gns", ResourceKind::GuestNetworkService},
}};

} // namespace

ResourceKind parseKindWord(std::string_view word)
{
    std::string lower(word);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const KindWord& entry : kWords)
        if (entry.word == lower)
            return entry.kind;
    return ResourceKind::Invalid;
}

std::string_view kindLabel(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::Network:
        return "network";
    case ResourceKind::Endpoint:
        return "endpoint";
    case ResourceKind::Namespace:
        return "namespace";
    case ResourceKind::LoadBalancer:
        return "load balancer";
    case ResourceKind::SdnRoute:
        return "SDN route";
    case ResourceKind::GuestNetworkService:
        return "guest network service";
    case ResourceKind::Invalid:
        break;
    }
    return "object";
}

std::string_view kindPlural(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::Network:
        return "Networks";
    case ResourceKind::Endpoint:
        return "Endpoints";
    case ResourceKind::Namespace:
        return "Namespaces";
    case ResourceKind::LoadBalancer:
        return "LoadBalancers";
    case ResourceKind::SdnRoute:
        return "SdnRoutes";
    case ResourceKind::GuestNetworkService:
        return "GuestNetworkServices";
    case ResourceKind::Invalid:
        break;
    }
    return {};
}

std::string_view kindWordsHelp()
{
    return "network(s), endpoint(s), namespace(s), loadbalancer(s) or lb, sdnroute(s), "
           "guestnetworkservice(s) or gns";
}

} // namespace hcn::ctl
