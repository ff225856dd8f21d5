#include "engine/feature_gates.h"

#include "common/text.h"
#include "hcn/schema_normalizer.h"

#include <algorithm>
#include <cctype>

namespace hcn {
namespace {

const Feature kV2Api{"the HCN v2 API", {{{9, 2}}}};
const Feature kAclExtensions{"ACL address lists, priorities and port ranges", {{{7, 2}}}};
const Feature kRemoteSubnet{"RemoteSubnetRoute network policies", {{{9, 2}}}};
const Feature kHostRoute{"HostRoute network policies", {{{9, 2}}}};
const Feature kDsr{"Direct Server Return (load balancer Flags EnableDirectServerReturn)",
                   {{{9, 3}, 9}, {{10, 2}}}};
const Feature kIpv6DualStack{"IPv6 dual stack", {{{11, 10}}}};
const Feature kSessionAffinity{"session affinity (load balancer DistributionType)", {{{12, 0}}}};
const Feature kVxlanPort{"VxlanPort network policies", {{{10, 3}}}};
const Feature kL4Proxy{"L4Proxy network policies",
                       {{{9, 5}, 9}, {{10, 5}, 10}, {{11, 11}, 11}, {{12, 1}, 12}, {{13, 1}}}};
const Feature kSetPolicy{"SetPolicy network policies", {{{13, 0}}}};
const Feature kL4WfpProxy{"L4WFPPROXY endpoint policies", {{{13, 2}}}};
const Feature kTierAcl{"TierAcl endpoint policies", {{{14, 0}}}};
const Feature kNetworkAcl{"NetworkACL network policies", {{{15, 0}}}};
const Feature kNestedIpSet{"nested IP sets (SetPolicy NESTEDIPSET)", {{{15, 0}}}};
const Feature kDisableHostPort{"NetworkFlags DisableHostPort", {{{15, 1}}}};
const Feature kModifyLoadBalancer{"modifying a load balancer in place", {{{15, 4}}}};

Status refuse(const Feature& feature, const SchemaVersion& hns)
{
    return Status(hr::RequestUnsupported, std::string(feature.name) + " needs HNS " +
                                              feature.describeRanges() + "; this service emulates HNS " +
                                              hns.toString() + ".");
}

bool isIpv6(const SchemaJson& value)
{
    return value.is_string() && value.get<std::string>().find(':') != std::string::npos;
}

/// The feature a policy needs, or null.
const Feature* policyFeature(ResourceKind kind, const SchemaJson& policy)
{
    const std::string type = policy.value("Type", "");
    const SchemaJson settings = policy.value("Settings", SchemaJson::object());
    if (kind == ResourceKind::Network) {
        if (equalsIgnoreCase(type, "RemoteSubnetRoute"))
            return &kRemoteSubnet;
        if (equalsIgnoreCase(type, "HostRoute"))
            return &kHostRoute;
        if (equalsIgnoreCase(type, "VxlanPort"))
            return &kVxlanPort;
        if (equalsIgnoreCase(type, "L4Proxy"))
            return &kL4Proxy;
        if (equalsIgnoreCase(type, "NetworkACL"))
            return &kNetworkAcl;
        if (equalsIgnoreCase(type, "SetPolicy"))
            return equalsIgnoreCase(settings.value("PolicyType", ""), "NESTEDIPSET") ? &kNestedIpSet
                                                                                     : &kSetPolicy;
    } else {
        if (equalsIgnoreCase(type, "L4WFPPROXY"))
            return &kL4WfpProxy;
        if (equalsIgnoreCase(type, "TierAcl"))
            return &kTierAcl;
        if (equalsIgnoreCase(type, "ACL") &&
            (settings.contains("Priority") ||
             settings.value("RemoteAddresses", "").find(',') != std::string::npos ||
             settings.value("LocalAddresses", "").find(',') != std::string::npos ||
             settings.value("RemotePorts", "").find('-') != std::string::npos ||
             settings.value("LocalPorts", "").find('-') != std::string::npos))
            return &kAclExtensions;
    }
    return nullptr;
}

Status checkPolicies(const SchemaVersion& hns, ResourceKind kind, const SchemaJson& policies)
{
    if (!policies.is_array())
        return Status::success();
    for (const auto& policy : policies)
        if (const Feature* f = policyFeature(kind, policy); f && !f->supportedBy(hns))
            return refuse(*f, hns);
    return Status::success();
}

Status checkNetwork(const SchemaVersion& hns, const SchemaJson& doc)
{
    if ((doc.value("Flags", 0u) & 1024u) && !kDisableHostPort.supportedBy(hns))
        return refuse(kDisableHostPort, hns);
    for (const auto& ipam : doc.value("Ipams", SchemaJson::array()))
        for (const auto& subnet : ipam.value("Subnets", SchemaJson::array()))
            if (isIpv6(subnet.value("IpAddressPrefix", SchemaJson())) && !kIpv6DualStack.supportedBy(hns))
                return refuse(kIpv6DualStack, hns);
    return checkPolicies(hns, ResourceKind::Network, doc.value("Policies", SchemaJson::array()));
}

Status checkEndpoint(const SchemaVersion& hns, const SchemaJson& doc)
{
    for (const auto& config : doc.value("IpConfigurations", SchemaJson::array()))
        if (isIpv6(config.value("IpAddress", SchemaJson())) && !kIpv6DualStack.supportedBy(hns))
            return refuse(kIpv6DualStack, hns);
    return checkPolicies(hns, ResourceKind::Endpoint, doc.value("Policies", SchemaJson::array()));
}

Status checkLoadBalancer(const SchemaVersion& hns, const SchemaJson& doc)
{
    const auto flags = doc.value("Flags", 0u);
    if ((flags & 1u) && !kDsr.supportedBy(hns))
        return refuse(kDsr, hns);
    if ((flags & 2u) && !kIpv6DualStack.supportedBy(hns))
        return refuse(kIpv6DualStack, hns);
    for (const auto& mapping : doc.value("PortMappings", SchemaJson::array()))
        if (mapping.value("DistributionType", 0u) != 0 && !kSessionAffinity.supportedBy(hns))
            return refuse(kSessionAffinity, hns);
    return Status::success();
}

} // namespace

bool supportsEveryCreateFeature(const SchemaVersion& hns)
{
    // Every feature a create document can use (modifying a load balancer in place gates modifies only).
    static const Feature* const kCreateFeatures[] = {&kV2Api,         &kAclExtensions, &kRemoteSubnet, &kHostRoute,
                                                     &kDsr,           &kIpv6DualStack, &kSessionAffinity,
                                                     &kVxlanPort,     &kL4Proxy,       &kSetPolicy,    &kL4WfpProxy,
                                                     &kTierAcl,       &kNetworkAcl,    &kNestedIpSet,  &kDisableHostPort};
    return std::all_of(std::begin(kCreateFeatures), std::end(kCreateFeatures),
                       [&](const Feature* f) { return f->supportedBy(hns); });
}

bool Feature::supportedBy(const SchemaVersion& hns) const
{
    return std::any_of(ranges.begin(), ranges.end(), [&](const VersionRange& r) {
        return hns >= r.min && (r.maxMajor == 0 || hns.major <= r.maxMajor);
    });
}

std::string Feature::describeRanges() const
{
    std::string text;
    for (std::size_t i = 0; i < ranges.size(); ++i) {
        if (i > 0)
            text += i + 1 == ranges.size() ? " or " : ", ";
        const auto& r = ranges[i];
        text += r.maxMajor ? r.min.toString() + "-" + std::to_string(r.maxMajor) + ".x"
                           : r.min.toString() + " or later";
    }
    return text;
}

namespace {

/// A modify request's Settings, normalized as the type its ResourceType selects (the request itself was
/// normalized, its Any-typed Settings not yet). Null when the request carries nothing a gate looks at.
Result<SchemaJson> normalizedSettings(ResourceKind kind, const SchemaJson& request)
{
    auto it = request.find("Settings");
    if (it == request.end() || !it->is_object())
        return SchemaJson(); // the operation reports a missing or malformed Settings itself
    const std::string resourceType = request.value("ResourceType", "");
    std::string_view type;
    if (resourceType == "Policy")
        type = kind == ResourceKind::Network ? "PolicyNetworkRequest" : "PolicyEndpointRequest";
    else if (kind == ResourceKind::Network && resourceType == "Subnet")
        type = "SubnetNetworkRequest";
    else if (kind == ResourceKind::Network && resourceType == "IPSubnet")
        type = "IPSubnetNetworkRequest";
    else
        return SchemaJson();
    SchemaJson settings = *it;
    if (Status s = schema::normalize(settings, type); !s.ok())
        return Status(s.code(), "Settings." + s.detail());
    return settings;
}

Status checkModify(const SchemaVersion& hns, ResourceKind kind, const SchemaJson& request)
{
    auto settings = normalizedSettings(kind, request);
    if (!settings.ok())
        return settings.status();
    if (settings->is_null())
        return Status::success();
    if (Status s = checkPolicies(hns, kind, settings->value("Policies", SchemaJson::array())); !s.ok())
        return s;
    // Subnets added later are gated like the ones given at create.
    for (const char* list : {"Subnets", "IpSubnets"})
        for (const auto& subnet : settings->value(list, SchemaJson::array()))
            if (isIpv6(subnet.value("IpAddressPrefix", SchemaJson())) && !kIpv6DualStack.supportedBy(hns))
                return refuse(kIpv6DualStack, hns);
    return Status::success();
}

} // namespace

Status checkFeatureGates(const SchemaVersion& hns, ResourceKind kind, const SchemaJson& document,
                         bool isModify)
{
    if (!kV2Api.supportedBy(hns))
        return refuse(kV2Api, hns);
    switch (kind) {
    case ResourceKind::Network:
        return isModify ? checkModify(hns, kind, document) : checkNetwork(hns, document);
    case ResourceKind::Endpoint:
        return isModify ? checkModify(hns, kind, document) : checkEndpoint(hns, document);
    case ResourceKind::LoadBalancer:
        if (isModify && !kModifyLoadBalancer.supportedBy(hns))
            return refuse(kModifyLoadBalancer, hns);
        return checkLoadBalancer(hns, document);
    default:
        return Status::success();
    }
}

} // namespace hcn
