// v1 policies into v2 ones. Field renames follow hns-v1-schema.md §7; the list of policy types a flat
// entry may name comes from the catalog.

#include "common/text.h"
#include "schema/v1_policies.h"

namespace hcn::schema::v1 {
namespace {

/// The ACL v2 fields are strings ("6", "80,443"); v1 also had single numeric Protocol/LocalPort/RemotePort
/// where 0 meant "not set".
void mergeAclNumber(json& settings, const char* singular, const char* plural, bool isProtocol,
                    const Vocabulary& vocabulary)
{
    auto single = takeKey(settings, singular);
    if (hasKey(settings, plural) || !single)
        return;
    json value = isProtocol ? protocolNumber(*single, vocabulary) : *single;
    if (const auto number = unsignedValue(&value)) {
        if (*number != 0)
            settings[plural] = std::to_string(*number);
    } else if (value.is_string() && !value.get_ref<const std::string&>().empty()) {
        settings[plural] = std::move(value);
    }
}

} // namespace

json wrapSettings(std::string_view type, json flat)
{
    takeKey(flat, "Type");
    return json{{"Type", std::string(type)}, {"Settings", std::move(flat)}};
}

void subnetPolicyFromV1(json& policy, const Vocabulary& vocabulary)
{
    if (!policy.is_object() || isV2Policy(policy))
        return;
    const auto type = policyType(policy);
    const auto name = type ? spelling(vocabulary.subnetPolicyTypes, *type) : std::nullopt;
    if (!name)
        return;
    json flat = policy;
    renameKey(flat, *name, "IsolationId"); // {"Type":"VLAN","VLAN":12}: the value is named after the type
    policy = wrapSettings(*name, std::move(flat));
}

Status endpointPolicyFromV1(json& policy, const Vocabulary& vocabulary)
{
    if (!policy.is_object())
        return structureError("A policy must be a JSON object.");
    const auto type = policyType(policy);
    if (!type || isV2Policy(policy))
        return {};

    json flat = policy;
    takeKey(flat, "Type");
    if (equalsIgnoreCase(*type, "NAT")) {
        if (auto it = findKey(flat, "Protocol"); it != flat.end())
            *it = protocolNumber(*it, vocabulary);
        takeKey(flat, "ExternalPortReserved");
        canonicalizeKeys(flat, {"Protocol", "InternalPort", "ExternalPort"});
        policy = wrapSettings("PortMapping", std::move(flat));
    } else if (equalsIgnoreCase(*type, "ACL")) {
        mergeAclNumber(flat, "Protocol", "Protocols", true, vocabulary);
        mergeAclNumber(flat, "LocalPort", "LocalPorts", false, vocabulary);
        mergeAclNumber(flat, "RemotePort", "RemotePorts", false, vocabulary);
        takeKey(flat, "InternalPort");
        takeKey(flat, "ServiceName");
        canonicalizeKeys(flat, {"Id", "Protocols", "Action", "Direction", "LocalAddresses", "RemoteAddresses",
                                "LocalPorts", "RemotePorts", "RuleType", "Priority"});
        policy = wrapSettings("ACL", std::move(flat));
    } else if (equalsIgnoreCase(*type, "OutBoundNAT")) {
        renameKey(flat, "VIP", "VirtualIP");
        renameKey(flat, "ExceptionList", "Exceptions");
        canonicalizeKeys(flat, {"Destinations", "MaxPortPoolUsage"});
        policy = wrapSettings("OutBoundNAT", std::move(flat));
    } else if (equalsIgnoreCase(*type, "ROUTE")) {
        canonicalizeKeys(flat, {"DestinationPrefix", "NextHop", "NeedEncap"});
        policy = wrapSettings("SDNRoute", std::move(flat));
    } else if (equalsIgnoreCase(*type, "PROXY")) {
        canonicalizeKeys(flat, {"IP", "Port", "ExceptionList", "Destination", "OutboundNat"});
        policy = wrapSettings("L4Proxy", std::move(flat));
    } else if (equalsIgnoreCase(*type, "PA")) {
        renameKey(flat, "PA", "ProviderAddress");
        policy = wrapSettings("ProviderAddress", std::move(flat));
    } else if (equalsIgnoreCase(*type, "VLAN")) {
        renameKey(flat, "VLAN", "IsolationId");
        policy = wrapSettings("VLAN", std::move(flat));
    } else if (auto name = spelling(vocabulary.endpointPolicyTypes, *type)) {
        // QOS, L2Driver and flat spellings of v2 types: the fields become Settings unchanged.
        policy = wrapSettings(*name, std::move(flat));
    }
    // Anything else is left alone so the normalizer reports HCN_E_INVALID_POLICY_TYPE.
    return {};
}

} // namespace hcn::schema::v1
