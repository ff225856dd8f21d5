// v2 HostComputeNetwork -> the v1 HNSNetwork Get-HnsNetwork prints. Subnet routes other than the default
// route have no v1 field and are not shown.

#include "common/text.h"
#include "hcn/v1_conversion.h"
#include "schema/v1_policies.h"
#include "schema/v2_to_v1_support.h"

namespace hcn::schema {
namespace {

using namespace v1;

json subnetToV1(const json& subnet, const Vocabulary& vocabulary)
{
    json out = json::object();
    copyIfPresent(subnet, out, "IpAddressPrefix", "AddressPrefix");
    if (const json* gateway = subnetGateway(subnet))
        out["GatewayAddress"] = *gateway;
    json policies = json::array();
    forEachPolicyArray(findValue(subnet, "Policies"), [&](const json& policy) {
        policies.push_back(policyToV1(policy, PolicyOwner::Subnet, vocabulary));
    });
    out["Policies"] = std::move(policies);
    if (const json* ipSubnets = findValue(subnet, "IpSubnets")) {
        json list = *ipSubnets;
        if (list.is_array()) {
            for (auto& ipSubnet : list) {
                if (auto id = findKey(ipSubnet, "ID"); id != ipSubnet.end())
                    *id = upperGuid(*id);
            }
        }
        out["IpSubnets"] = std::move(list);
    }
    copyGuidIfPresent(subnet, out, "ID");
    copyIfPresent(subnet, out, "Flags");
    restoreAnnotation(subnet, out);
    return out;
}

/// A network policy that v1 shows as a top-level field (NetworkAdapterName, ManagementIP ...); false when
/// the policy stays in the Policies list.
bool policyAsField(const json& policy, json& out, const Vocabulary& vocabulary)
{
    const std::string type = policyType(policy).value_or("");
    const json* settings = findValue(policy, "Settings");
    if (!settings)
        return false;
    for (const FieldPolicy& mapping : kNetworkFieldPolicies) {
        if (!equalsIgnoreCase(type, mapping.type) || out.contains(mapping.field))
            continue;
        if (!mapping.setting) {
            json value = *settings;
            upperGuidSettings(value, PolicyOwner::Network, type, vocabulary);
            out[mapping.field] = std::move(value);
            return true;
        }
        if (const json* value = findValue(*settings, mapping.setting)) {
            out[mapping.field] = *value;
            return true;
        }
    }
    return false;
}

} // namespace

json networkToV1(const json& network, const Catalog& catalog)
{
    const Vocabulary vocabulary = Vocabulary::of(catalog);
    json out = json::object();
    copyGuidIfPresent(network, out, "ID");
    copyIfPresent(network, out, "Name");
    // HNS omits Type when it is NetworkMode 0 (NAT); a snapshot's null Type (a dump that did not show
    // it) stays not known.
    const json* type = findValue(network, "Type");
    out["Type"] =
        type && type->is_null() ? json() : json(stringOr(type, std::string(vocabulary.omittedNetworkMode)));

    json subnets = json::array();
    if (const json* ipams = findValue(network, "Ipams"); ipams && ipams->is_array()) {
        for (const auto& ipam : *ipams) {
            const json* list = findValue(ipam, "Subnets");
            if (!list || !list->is_array())
                continue;
            for (const auto& subnet : *list)
                subnets.push_back(subnetToV1(subnet, vocabulary));
        }
    }
    out["Subnets"] = std::move(subnets);

    if (const json* pool = findValue(network, "MacPool"); pool && pool->is_object())
        copyIfPresent(*pool, out, "Ranges", "MacPools");
    dnsToV1(network, out);

    json policies = json::array();
    forEachPolicyArray(findValue(network, "Policies"), [&](const json& policy) {
        if (!policyAsField(policy, out, vocabulary))
            policies.push_back(policyToV1(policy, PolicyOwner::Network, vocabulary));
    });
    out["Policies"] = std::move(policies);

    copyIfPresent(network, out, "Flags");
    if (const json* health = findValue(network, "Health")) {
        if (const json* extra = findValue(*health, "Extra")) {
            copyGuidIfPresent(*extra, out, "LayeredOn");
            copyGuidIfPresent(*extra, out, "SwitchGuid");
        }
    }
    copyIfPresent(network, out, "AdditionalParams");
    copyIfPresent(network, out, "State");
    copyIfPresent(network, out, "Version");
    restoreAnnotation(network, out);
    return out;
}

} // namespace hcn::schema
