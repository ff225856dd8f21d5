// v1 PolicyList with ELB entries -> v2 HostComputeLoadBalancer.
//
// VIPs of all ELB entries are merged into FrontendVIPs; the first SourceVIP wins; an IPv6 VIP sets the
// IPv6 flag, which v1 never spelled out. Zero Flags are left out. Lists of other policies (ROUTE) are not
// load balancers: their entries are parked under "_v1".

#include "common/text.h"
#include "hcn/v1_conversion.h"
#include "schema/v1_policies.h"
#include "schema/v1_to_v2_support.h"

#include <algorithm>

namespace hcn::schema {
namespace {

using namespace v1;

/// "/endpoints/<guid>" references into HostComputeEndpoints.
Status referencesFromV1(json& source, json& out, Leftovers& leftovers)
{
    auto references = takeKey(source, "References");
    if (!references)
        return {};
    if (!references->is_array())
        return structureError("References must be an array.");
    json endpoints = json::array();
    for (const auto& reference : *references) {
        if (!reference.is_string())
            return structureError("References entries must be strings like \"/endpoints/<guid>\".");
        std::string_view text = reference.get_ref<const std::string&>();
        if (startsWithIgnoreCase(text, kEndpointPathPrefix))
            text.remove_prefix(kEndpointPathPrefix.size());
        endpoints.push_back(std::string(text));
    }
    if (hasKey(source, "HostComputeEndpoints"))
        leftovers.keep("References", std::move(*references));
    else
        out["HostComputeEndpoints"] = std::move(endpoints);
    return {};
}

} // namespace

Status loadBalancerFromV1(json& doc, const Catalog& catalog)
{
    if (!doc.is_object())
        return structureError("A v1 policy list must be a JSON object.");
    const Vocabulary vocabulary = Vocabulary::of(catalog);
    json source = std::move(doc);
    json out = json::object();
    Leftovers leftovers(source);

    moveKey(source, out, "ID");
    if (Status status = referencesFromV1(source, out, leftovers); !status)
        return status;

    const bool hasPortMappings = hasKey(source, "PortMappings");
    std::uint64_t flags = 0;
    json portMappings = json::array();
    json frontends = json::array();
    json sourceVip;
    if (auto policies = takeKey(source, "Policies")) {
        if (!policies->is_array())
            return structureError("Policies must be an array.");
        for (std::size_t i = 0; i < policies->size(); ++i) {
            json& policy = (*policies)[i];
            if (!policy.is_object())
                return structureError("Policies[" + std::to_string(i) + "] must be an object.");
            const auto type = policyType(policy);
            if (!type || !equalsIgnoreCase(*type, "ELB") || hasPortMappings) {
                leftovers.keepPolicy(std::move(policy)); // ROUTE lists are not load balancers
                continue;
            }
            json mapping = json::object();
            if (const json* protocol = findValue(policy, "Protocol"))
                mapping["Protocol"] = protocolNumber(*protocol, vocabulary);
            for (const char* port : {"InternalPort", "ExternalPort"}) {
                if (const json* value = findValue(policy, port))
                    mapping[port] = *value;
            }
            if (const json* ilb = findValue(policy, "ILB");
                ilb && truthy(*ilb) && vocabulary.portMappingInternalLb)
                mapping["Flags"] = vocabulary.portMappingInternalLb;
            if (!mapping.empty())
                portMappings.push_back(std::move(mapping));

            if (const json* vips = findValue(policy, "VIPs")) {
                json list = vips->is_array() ? *vips : json::array({*vips});
                for (auto& vip : list) {
                    if (!isEmptyValue(vip) &&
                        std::find(frontends.begin(), frontends.end(), vip) == frontends.end())
                        frontends.push_back(vip);
                }
            }
            if (const json* vip = findValue(policy, "SourceVIP");
                vip && !isEmptyValue(*vip) && sourceVip.is_null())
                sourceVip = *vip;
            if (const json* dsr = findValue(policy, "IsDSR"); dsr && truthy(*dsr))
                flags |= vocabulary.lbDirectServerReturn;
        }
    }
    if (!portMappings.empty())
        out["PortMappings"] = std::move(portMappings);
    if (!frontends.empty() && !hasKey(source, "FrontendVIPs"))
        out["FrontendVIPs"] = frontends;
    if (!sourceVip.is_null() && !hasKey(source, "SourceVIP"))
        out["SourceVIP"] = sourceVip;

    // v1 inferred the address family from the VIPs; v2 wants the IPv6 flag.
    const auto v6 = [](const json& vip) {
        return vip.is_string() && isIpv6Text(vip.get_ref<const std::string&>());
    };
    if (std::any_of(frontends.begin(), frontends.end(), v6) || v6(sourceVip))
        flags |= vocabulary.lbIpv6;
    if (auto given = takeKey(source, "Flags"); given && !unsignedValue(&*given)) {
        out["Flags"] = std::move(*given); // spelled out: left to the normalizer
        if (flags & vocabulary.lbDirectServerReturn)
            leftovers.keep("IsDSR", true);
    } else {
        flags |= given ? *unsignedValue(&*given) : 0;
        if (flags != 0) // zero Flags is the default; leaving it out keeps v1 -> v2 -> v1 -> v2 stable
            out["Flags"] = flags;
    }

    takeHealth(source, out);
    distributeRemainder(
        source, out, leftovers,
        {"HostComputeEndpoints", "SourceVIP", "FrontendVIPs", "PortMappings", "Flags", "HostComputeNetwork"},
        {"ActivityId", "IsApplied", "Resources", "Version", "State"});
    leftovers.writeTo(out);
    doc = std::move(out);
    return {};
}

} // namespace hcn::schema
