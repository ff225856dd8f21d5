// v1 HNSNetwork -> v2 HostComputeNetwork (hns-v1-schema.md §7).
//
// Choices where the tables leave room:
// - Output-only v1 diagnostics (ActivityId, CurrentEndpointCount, TotalEndpoints, NatName, Resources,
//   Version, State, and a v1-shaped Health {LastErrorCode, ...}) are dropped: they describe the Windows host
//   that produced the dump, and the engine owns its own State/Version/Health.
// - Network-level VLAN/VSID policies become subnet policies on every subnet that lacks one of that type;
//   with no subnet to carry them they go to "_v1".Policies, like Isolation and VNET (known v1 policies with
//   no v2 equivalent). Unknown policy types stay where they are so the normalizer reports them.
// - A network's InterfaceConstraint becomes an InterfaceConstraint network policy, like the endpoint one.

#include "hcn/network_mode.h"
#include "hcn/v1_conversion.h"
#include "schema/v1_policies.h"
#include "schema/v1_to_v2_support.h"

namespace hcn::schema {
namespace {

using namespace v1;

/// One v1 subnet entry into a v2 Subnet.
Status subnetFromV1(json& subnet, std::size_t index, const Vocabulary& vocabulary)
{
    if (!subnet.is_object())
        return structureError("Subnets[" + std::to_string(index) + "] must be an object.");
    json source = std::move(subnet);
    json out = json::object();
    Leftovers leftovers(source);

    if (auto prefix = takeKey(source, "AddressPrefix"); prefix && !isEmptyValue(*prefix)) {
        if (!hasKey(source, "IpAddressPrefix"))
            out["IpAddressPrefix"] = std::move(*prefix);
        else
            leftovers.keep("AddressPrefix", std::move(*prefix));
    }
    if (auto gateway = takeKey(source, "GatewayAddress"); gateway && !isEmptyValue(*gateway)) {
        if (!hasKey(source, "Routes")) {
            const std::string familyHint =
                out.contains("IpAddressPrefix") ? stringOr(&out["IpAddressPrefix"]) : stringOr(&*gateway);
            json route = {{"NextHop", std::move(*gateway)},
                          {"DestinationPrefix", isIpv6Text(familyHint) ? "::/0" : "0.0.0.0/0"}};
            out["Routes"] = json::array({std::move(route)});
        } else {
            leftovers.keep("GatewayAddress", std::move(*gateway));
        }
    }
    if (auto policies = takeKey(source, "Policies")) {
        if (!policies->is_array())
            return structureError("Subnets[" + std::to_string(index) + "].Policies must be an array.");
        for (auto& policy : *policies)
            subnetPolicyFromV1(policy, vocabulary);
        out["Policies"] = std::move(*policies);
    }
    if (auto ipSubnets = takeKey(source, "IpSubnets")) {
        if (!ipSubnets->is_array())
            return structureError("Subnets[" + std::to_string(index) + "].IpSubnets must be an array.");
        for (auto& ipSubnet : *ipSubnets) {
            if (!ipSubnet.is_object())
                return structureError("Subnets[" + std::to_string(index) +
                                      "].IpSubnets entries must be objects.");
            for (const char* diagnostic : {"State", "Health", "ObjectType", "AdditionalParams"})
                takeKey(ipSubnet, diagnostic);
            canonicalizeKeys(ipSubnet, {"IpAddressPrefix", "Flags", "ID"});
        }
        out["IpSubnets"] = std::move(*ipSubnets);
    }
    distributeRemainder(source, out, leftovers, {"ID", "IpAddressPrefix", "Routes", "Flags"},
                        {"State", "Health", "ObjectType", "AdditionalParams"});
    leftovers.writeTo(out);
    subnet = std::move(out);
    return {};
}

/// Network policies: v2-shaped entries pass, flat ones are wrapped, network-wide VLAN/VSID are set aside for
/// the subnets, v1-only ones are parked.
Status policiesFromV1(json& source, json& policies, json& subnetWide, Leftovers& leftovers,
                      const Vocabulary& vocabulary)
{
    const Status taken = takeV1Policies(source, [&](json& policy, const std::optional<std::string>& type) {
        if (isV2Policy(policy) || !type) {
            policies.push_back(std::move(policy));
        } else if (spelling(vocabulary.subnetPolicyTypes, *type)) {
            subnetPolicyFromV1(policy, vocabulary);
            subnetWide.push_back(std::move(policy));
        } else if (isV1OnlyPolicy(*type)) {
            leftovers.keepPolicy(std::move(policy));
        } else if (auto name = spelling(vocabulary.networkPolicyTypes, *type)) {
            policies.push_back(wrapSettings(*name, std::move(policy)));
        } else {
            policies.push_back(std::move(policy)); // unknown: the normalizer reports it
        }
        return Status();
    });
    if (!taken)
        return taken;
    for (const FieldPolicy& mapping : kNetworkFieldPolicies) {
        auto value = takeKey(source, mapping.field);
        if (!value || isEmptyValue(*value) || (value->is_boolean() && !value->get<bool>()))
            continue;
        if (hasPolicyOfType(policies, mapping.type)) {
            leftovers.keep(mapping.field, std::move(*value));
            continue;
        }
        json settings = mapping.setting ? json{{mapping.setting, std::move(*value)}} : std::move(*value);
        policies.push_back(json{{"Type", mapping.type}, {"Settings", std::move(settings)}});
    }
    return {};
}

/// Subnets, or the single AddressPrefix/GatewayAddress pair older dumps show at the top level, into Ipams.
Status subnetsFromV1(json& source, json& out, const json& subnetWide, bool hasIpams, bool dhcp,
                     Leftovers& leftovers, const Vocabulary& vocabulary)
{
    auto subnets = takeKey(source, "Subnets");
    auto topPrefix = takeKey(source, "AddressPrefix");
    auto topGateway = takeKey(source, "GatewayAddress");
    if (subnets && !subnets->is_array())
        return structureError("Subnets must be an array.");
    if ((!subnets || subnets->empty()) && topPrefix && !isEmptyValue(*topPrefix)) {
        json single = {{"AddressPrefix", std::move(*topPrefix)}};
        if (topGateway)
            single["GatewayAddress"] = std::move(*topGateway);
        subnets = json::array({std::move(single)});
    } else if (subnets && !subnets->empty()) {
        // A summary of Subnets[0] says nothing new; a different value is kept.
        const json& first = (*subnets)[0];
        if (topPrefix && !isEmptyValue(*topPrefix) &&
            (!first.is_object() || !hasKey(first, "AddressPrefix") ||
             *findValue(first, "AddressPrefix") != *topPrefix))
            leftovers.keep("AddressPrefix", std::move(*topPrefix));
        if (topGateway && !isEmptyValue(*topGateway) &&
            (!first.is_object() || !hasKey(first, "GatewayAddress") ||
             *findValue(first, "GatewayAddress") != *topGateway))
            leftovers.keep("GatewayAddress", std::move(*topGateway));
    }
    if (hasIpams) {
        if (subnets)
            leftovers.keep("Subnets", std::move(*subnets));
        for (const auto& policy : subnetWide)
            leftovers.keepPolicy(policyToV1(policy, PolicyOwner::Subnet, vocabulary));
    } else if (subnets && !subnets->empty()) {
        for (std::size_t i = 0; i < subnets->size(); ++i) {
            json& subnet = (*subnets)[i];
            if (Status status = subnetFromV1(subnet, i, vocabulary); !status)
                return status;
            for (const auto& policy : subnetWide) {
                json& own = subnet["Policies"];
                if (!own.is_array())
                    own = json::array();
                if (!hasPolicyOfType(own, policy["Type"].get<std::string>()))
                    own.push_back(policy);
            }
        }
        out["Ipams"] = json::array({json{{"Type", "Static"}, {"Subnets", std::move(*subnets)}}});
    } else {
        if (dhcp)
            out["Ipams"] = json::array({json{{"Type", "Dhcp"}}});
        for (const auto& policy : subnetWide)
            leftovers.keepPolicy(policyToV1(policy, PolicyOwner::Subnet, vocabulary));
    }
    return {};
}

} // namespace

bool isV1Document(const json& doc)
{
    if (!doc.is_object())
        return false;
    const json* version = findValue(doc, "SchemaVersion");
    if (!version)
        return true;
    const json* major = findValue(*version, "Major");
    if (!major)
        return false;
    if (major->is_number())
        return major->get<double>() == 1.0;
    return major->is_string() && major->get<std::string>() == "1";
}

Status networkFromV1(json& doc, const Catalog& catalog)
{
    if (!doc.is_object())
        return structureError("A v1 network must be a JSON object.");
    const Vocabulary vocabulary = Vocabulary::of(catalog);
    json source = std::move(doc);
    json out = json::object();
    Leftovers leftovers(source);
    const bool hasIpams = hasKey(source, "Ipams");
    const bool hasMacPool = hasKey(source, "MacPool");

    moveKey(source, out, "ID");
    moveKey(source, out, "Name");
    if (auto type = takeKey(source, "Type")) {
        if (type->is_string()) {
            // Unknown modes (including v1's Layered) stay as given so the normalizer rejects them.
            if (auto name = spelling(vocabulary.networkModes, type->get_ref<const std::string&>()))
                *type = *name;
        }
        out["Type"] = std::move(*type);
    }
    // A transparent network without subnets takes its addresses from DHCP.
    const bool transparent =
        out.contains("Type") && out["Type"].is_string() &&
        networkModeFromName(out["Type"].get_ref<const std::string&>()) == NetworkMode::Transparent;

    json policies = json::array();
    json subnetWide = json::array(); // network-level VLAN/VSID to push onto each subnet
    if (Status status = policiesFromV1(source, policies, subnetWide, leftovers, vocabulary); !status)
        return status;
    if (Status status = subnetsFromV1(source, out, subnetWide, hasIpams, transparent, leftovers, vocabulary);
        !status)
        return status;

    if (auto pools = takeKey(source, "MacPools")) {
        if (!pools->is_array())
            return structureError("MacPools must be an array.");
        for (auto& range : *pools) {
            if (!range.is_object())
                return structureError("MacPools entries must be objects.");
            canonicalizeKeys(range, {"StartMacAddress", "EndMacAddress"});
        }
        if (hasMacPool)
            leftovers.keep("MacPools", std::move(*pools));
        else if (!pools->empty())
            out["MacPool"] = json{{"Ranges", std::move(*pools)}};
    }
    if (Status status = takeDns(source, out, leftovers); !status)
        return status;

    takeHealth(source, out);
    for (const char* field : {"LayeredOn", "SwitchGuid"}) {
        if (auto value = takeKey(source, field)) {
            json& extra = out["Health"]["Extra"];
            if (!extra.contains(field))
                extra[field] = std::move(*value);
        }
    }

    if (!policies.empty())
        out["Policies"] = std::move(policies);
    distributeRemainder(
        source, out, leftovers, {"Flags", "Ipams", "MacPool", "Dns"},
        {"ActivityId", "CurrentEndpointCount", "TotalEndpoints", "NatName", "Resources", "Version", "State"});
    leftovers.writeTo(out);
    doc = std::move(out);
    return {};
}

} // namespace hcn::schema
