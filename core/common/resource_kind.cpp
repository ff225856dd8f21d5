#include "hcn/resource_kind.h"

#include "common/text.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace hcn {

namespace {

struct KindSpelling
{
    ResourceKind kind;
    std::string_view name;
    std::string_view plural;
    std::string_view label;
    std::string_view schemaType;
};

constexpr std::array<KindSpelling, kResourceKinds.size()> kSpellings{{
    {ResourceKind::Network, "Network", "Networks", "network", "HostComputeNetwork"},
    {ResourceKind::Endpoint, "Endpoint", "Endpoints", "endpoint", "HostComputeEndpoint"},
    {ResourceKind::Namespace, "Namespace", "Namespaces", "namespace", "HostComputeNamespace"},
    {ResourceKind::LoadBalancer, "LoadBalancer", "LoadBalancers", "load balancer", "HostComputeLoadBalancer"},
    {ResourceKind::SdnRoute, "SdnRoute", "SdnRoutes", "SDN route", "HostComputeRoute"},
    {ResourceKind::GuestNetworkService, "GuestNetworkService", "GuestNetworkServices",
     "guest network service", "GuestNetworkService"},
}};

const KindSpelling* spelling(ResourceKind kind)
{
    for (const KindSpelling& entry : kSpellings)
        if (entry.kind == kind)
            return &entry;
    return nullptr;
}

/// Short words typed on the command line besides the lower-case name and plural.
struct KindAlias
{
    std::string_view word;
    ResourceKind kind;
};

constexpr std::array<KindAlias, 5> kAliases{{
    {"lb", ResourceKind::LoadBalancer},
    {"lbs", ResourceKind::LoadBalancer},
    {"route", ResourceKind::SdnRoute},
    {"routes", ResourceKind::SdnRoute},
    {"gns", ResourceKind::GuestNetworkService},
}};

} // namespace

std::string_view resourceKindName(ResourceKind kind)
{
    const KindSpelling* entry = spelling(kind);
    return entry ? entry->name : "Invalid";
}

std::string_view resourceKindPlural(ResourceKind kind)
{
    const KindSpelling* entry = spelling(kind);
    return entry ? entry->plural : std::string_view();
}

std::string_view resourceKindLabel(ResourceKind kind)
{
    const KindSpelling* entry = spelling(kind);
    return entry ? entry->label : "object";
}

std::string_view resourceKindSchemaType(ResourceKind kind)
{
    const KindSpelling* entry = spelling(kind);
    return entry ? entry->schemaType : std::string_view();
}

ResourceKind resourceKindFromName(std::string_view name)
{
    for (const KindSpelling& entry : kSpellings)
        if (entry.name == name)
            return entry.kind;
    return ResourceKind::Invalid;
}

ResourceKind resourceKindFromPlural(std::string_view plural)
{
    for (const KindSpelling& entry : kSpellings)
        if (entry.plural == plural)
            return entry.kind;
    return ResourceKind::Invalid;
}

ResourceKind resourceKindFromWord(std::string_view word)
{
    for (const KindSpelling& entry : kSpellings)
        if (equalsIgnoreCase(word, entry.name) || equalsIgnoreCase(word, entry.plural))
            return entry.kind;
    for (const KindAlias& alias : kAliases)
        if (equalsIgnoreCase(word, alias.word))
            return alias.kind;
    return ResourceKind::Invalid;
}

std::string_view resourceKindWords()
{
    return "network(s), endpoint(s), namespace(s), loadbalancer(s) or lb, sdnroute(s), "
           "guestnetworkservice(s) or gns";
}

} // namespace hcn
