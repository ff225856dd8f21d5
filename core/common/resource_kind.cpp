#include "hcn/resource_kind.h"

namespace hcn {

std::string_view resourceKindName(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::Network:
        return "Network";
    case ResourceKind::Endpoint:
        return "Endpoint";
    case ResourceKind::Namespace:
        return "Namespace";
    case ResourceKind::LoadBalancer:
        return "LoadBalancer";
    case ResourceKind::GuestNetworkService:
        return "GuestNetworkService";
    case ResourceKind::SdnRoute:
        return "SdnRoute";
    case ResourceKind::Invalid:
        break;
    }
    return "Invalid";
}

std::string_view resourceKindSchemaType(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::Network:
        return "HostComputeNetwork";
    case ResourceKind::Endpoint:
        return "HostComputeEndpoint";
    case ResourceKind::Namespace:
        return "HostComputeNamespace";
    case ResourceKind::LoadBalancer:
        return "HostComputeLoadBalancer";
    case ResourceKind::GuestNetworkService:
        return "GuestNetworkService";
    case ResourceKind::SdnRoute:
        return "HostComputeRoute";
    case ResourceKind::Invalid:
        break;
    }
    return {};
}

} // namespace hcn
