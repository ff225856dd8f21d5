// v2 policies into the flat v1 shape Get-Hns* prints.

#include "common/text.h"
#include "schema/v1_policies.h"

namespace hcn::schema::v1 {
namespace {

std::string_view catalogTypeOf(PolicyOwner owner)
{
    switch (owner) {
    case PolicyOwner::Network:
        return "NetworkPolicy";
    case PolicyOwner::Endpoint:
        return "EndpointPolicy";
    case PolicyOwner::Subnet:
        return "SubnetPolicy";
    }
    return {};
}

} // namespace

void upperGuidSettings(json& settings, PolicyOwner owner, std::string_view type, const Vocabulary& vocabulary)
{
    if (!settings.is_object())
        return;
    const auto settingsType = vocabulary.catalog->settingsTypeFor(catalogTypeOf(owner), type);
    const TypeDef* typeDef = settingsType ? vocabulary.catalog->type(*settingsType) : nullptr;
    if (!typeDef)
        return;
    for (auto it = settings.begin(); it != settings.end(); ++it) {
        const FieldDef* field = typeDef->field(it.key());
        if (!field || field->kind != FieldKind::Scalar || field->scalar != ScalarKind::Guid)
            continue;
        if (it->is_array()) {
            for (auto& item : *it)
                item = upperGuid(item);
        } else {
            *it = upperGuid(*it);
        }
    }
}

json policyToV1(const json& policy, PolicyOwner owner, const Vocabulary& vocabulary)
{
    const std::string type = policyType(policy).value_or("");
    json flat = json::object();
    if (const json* settings = findValue(policy, "Settings"); settings && settings->is_object())
        flat = *settings;
    upperGuidSettings(flat, owner, type, vocabulary);
    std::string v1Type = type;
    if (equalsIgnoreCase(type, "PortMapping")) {
        v1Type = "NAT";
        if (auto it = findKey(flat, "Protocol"); it != flat.end())
            *it = protocolText(*it, vocabulary);
    } else if (equalsIgnoreCase(type, "OutBoundNAT")) {
        renameKey(flat, "VirtualIP", "VIP");
        renameKey(flat, "Exceptions", "ExceptionList");
    } else if (equalsIgnoreCase(type, "SDNRoute")) {
        v1Type = "ROUTE";
    } else if (equalsIgnoreCase(type, "L4Proxy")) {
        v1Type = "PROXY";
        renameKey(flat, "Exceptions", "ExceptionList");
        renameKey(flat, "OutboundNAT", "OutboundNat");
    } else if (equalsIgnoreCase(type, "ProviderAddress")) {
        v1Type = "PA";
        renameKey(flat, "ProviderAddress", "PA");
    } else if (const auto subnetType = spelling(vocabulary.subnetPolicyTypes, type)) {
        v1Type = std::string(*subnetType); // VLAN and VSID: the value is named after the type
        renameKey(flat, "IsolationId", v1Type);
    }
    json out = json{{"Type", v1Type}};
    for (auto it = flat.begin(); it != flat.end(); ++it)
        out[it.key()] = *it;
    return out;
}

} // namespace hcn::schema::v1
