// v2 HostComputeLoadBalancer -> the v1 policy list with one ELB entry per port mapping.

#include "hcn/v1_conversion.h"
#include "schema/v1_vocabulary.h"
#include "schema/v2_to_v1_support.h"

namespace hcn::schema {

using namespace v1;

json loadBalancerToV1(const json& lb, const Catalog& catalog)
{
    const Vocabulary vocabulary = Vocabulary::of(catalog);
    json out = json::object();
    copyGuidIfPresent(lb, out, "ID");
    json references = json::array();
    if (const json* endpoints = findValue(lb, "HostComputeEndpoints"); endpoints && endpoints->is_array()) {
        for (const auto& endpoint : *endpoints) {
            if (endpoint.is_string())
                references.push_back(std::string(kEndpointPathPrefix) +
                                     upperGuid(endpoint).get<std::string>());
        }
    }
    out["References"] = std::move(references);

    const std::uint64_t flags = unsignedValue(findValue(lb, "Flags")).value_or(0);
    const json* frontends = findValue(lb, "FrontendVIPs");
    const json* sourceVip = findValue(lb, "SourceVIP");
    const bool hasFrontends = frontends && frontends->is_array() && !frontends->empty();
    const auto elbEntry = [&](const json* mapping) {
        json elb = {{"Type", "ELB"}};
        if (mapping) {
            copyIfPresent(*mapping, elb, "Protocol");
            copyIfPresent(*mapping, elb, "InternalPort");
            copyIfPresent(*mapping, elb, "ExternalPort");
        }
        if (sourceVip && !isEmptyValue(*sourceVip))
            elb["SourceVIP"] = *sourceVip;
        if (hasFrontends)
            elb["VIPs"] = *frontends;
        if (mapping &&
            (unsignedValue(findValue(*mapping, "Flags")).value_or(0) & vocabulary.portMappingInternalLb))
            elb["ILB"] = true;
        if (flags & vocabulary.lbDirectServerReturn)
            elb["IsDSR"] = true;
        return elb;
    };
    json policies = json::array();
    const json* mappings = findValue(lb, "PortMappings");
    if (mappings && mappings->is_array() && !mappings->empty()) {
        for (const auto& mapping : *mappings)
            policies.push_back(elbEntry(&mapping));
    } else if (hasFrontends || (sourceVip && !isEmptyValue(*sourceVip))) {
        policies.push_back(elbEntry(nullptr));
    }
    out["Policies"] = std::move(policies);
    copyGuidIfPresent(lb, out, "HostComputeNetwork");
    copyIfPresent(lb, out, "AdditionalParams");
    copyIfPresent(lb, out, "State");
    copyIfPresent(lb, out, "Version");
    restoreAnnotation(lb, out);
    return out;
}

} // namespace hcn::schema
