// v1 HNSEndpoint -> v2 HostComputeEndpoint (hns-v1-schema.md §7).
//
// Choices where the tables leave room: output-only diagnostics (ActivityId, CreateProcessingStartTime,
// Resources, Version, State) are dropped; an endpoint's Namespace keeps only a non-zero ID (as
// HostComputeNamespace); false v1 booleans and empty strings carry no information and are dropped.

#include "hcn/v1_conversion.h"
#include "schema/v1_policies.h"
#include "schema/v1_to_v2_support.h"

#include <utility>

namespace hcn::schema {
namespace {

using namespace v1;

/// IPAddress/IPv6Address (+ prefix lengths, IPSubnetId) into IpConfigurations, IPv4 first as
/// Get-HnsEndpoint lists them. When the client already gave IpConfigurations the v1 fields stay behind and
/// end up under "_v1".
void addressesFromV1(json& source, json& out)
{
    if (hasKey(source, "IpConfigurations"))
        return;
    json ipConfigurations = json::array();
    json v4 = json::object();
    if (auto address = takeKey(source, "IPAddress"); address && !isEmptyValue(*address)) {
        v4["IpAddress"] = std::move(*address);
        if (auto length = takeKey(source, "PrefixLength"))
            v4["PrefixLength"] = std::move(*length);
    }
    if (auto subnetId = takeKey(source, "IPSubnetId");
        subnetId && !isEmptyValue(*subnetId) && !isZeroGuid(*subnetId))
        v4["IpSubnetId"] = std::move(*subnetId);
    if (!v4.empty())
        ipConfigurations.push_back(std::move(v4));
    if (auto address = takeKey(source, "IPv6Address"); address && !isEmptyValue(*address)) {
        json v6 = {{"IpAddress", std::move(*address)}};
        if (auto length = takeKey(source, "IPv6PrefixLength"))
            v6["PrefixLength"] = std::move(*length);
        ipConfigurations.push_back(std::move(v6));
    }
    if (!ipConfigurations.empty())
        out["IpConfigurations"] = std::move(ipConfigurations);
}

/// GatewayAddress/GatewayAddressV6 into default routes.
void routesFromV1(json& source, json& out)
{
    if (hasKey(source, "Routes"))
        return;
    json routes = json::array();
    for (const char* field : {"GatewayAddress", "GatewayAddressV6"}) {
        auto gateway = takeKey(source, field);
        if (!gateway || isEmptyValue(*gateway))
            continue;
        const bool v6 = gateway->is_string() && isIpv6Text(gateway->get_ref<const std::string&>());
        routes.push_back(
            json{{"NextHop", std::move(*gateway)}, {"DestinationPrefix", v6 ? "::/0" : "0.0.0.0/0"}});
    }
    if (!routes.empty())
        out["Routes"] = std::move(routes);
}

/// Boolean v1 fields become EndpointFlags bits, merged into a numeric Flags when one is given.
void flagsFromV1(json& source, json& out, Leftovers& leftovers, const Vocabulary& vocabulary)
{
    std::uint64_t flags = 0;
    json flagFields = json::object();
    for (const auto& [field, bit] : {std::pair{"IsRemoteEndpoint", vocabulary.endpointRemote},
                                     std::pair{"DisableICC", vocabulary.endpointDisableIcc},
                                     std::pair{"EnableLowMetric", vocabulary.endpointLowMetric}}) {
        auto value = takeKey(source, field);
        if (!value)
            continue;
        if (truthy(*value))
            flags |= bit;
        if (!value->is_boolean() || truthy(*value))
            flagFields[field] = std::move(*value);
    }
    if (auto given = takeKey(source, "Flags"); given && !unsignedValue(&*given)) {
        // A spelled-out Flags value is the normalizer's business; the v1 booleans stay as annotations.
        out["Flags"] = std::move(*given);
        for (auto it = flagFields.begin(); it != flagFields.end(); ++it)
            leftovers.keep(it.key(), *it);
    } else {
        flags |= given ? *unsignedValue(&*given) : 0;
        for (auto it = flagFields.begin(); it != flagFields.end(); ++it) {
            if (!it->is_boolean())
                leftovers.keep(it.key(), *it);
        }
        if (flags != 0)
            out["Flags"] = flags;
    }
}

/// Policies, plus the EncapOverhead and InterfaceConstraint fields v2 models as policies.
Status policiesFromV1(json& source, json& out, Leftovers& leftovers, const Vocabulary& vocabulary)
{
    json policies = json::array();
    const Status taken = takeV1Policies(source, [&](json& policy, const std::optional<std::string>& type) {
        if (type && !isV2Policy(policy) && isV1OnlyPolicy(*type)) {
            leftovers.keepPolicy(std::move(policy));
            return Status();
        }
        if (Status status = endpointPolicyFromV1(policy, vocabulary); !status)
            return status;
        policies.push_back(std::move(policy));
        return Status();
    });
    if (!taken)
        return taken;
    if (auto overhead = takeKey(source, "EncapOverhead")) {
        if (unsignedValue(&*overhead).value_or(1) != 0 && !hasPolicyOfType(policies, "EncapOverhead"))
            policies.push_back(
                json{{"Type", "EncapOverhead"}, {"Settings", {{"Overhead", std::move(*overhead)}}}});
    }
    if (auto constraint = takeKey(source, "InterfaceConstraint"); constraint && constraint->is_object()) {
        if (!hasPolicyOfType(policies, "InterfaceConstraint"))
            policies.push_back(json{{"Type", "InterfaceConstraint"}, {"Settings", std::move(*constraint)}});
        else
            leftovers.keep("InterfaceConstraint", std::move(*constraint));
    } else if (constraint) {
        leftovers.keep("InterfaceConstraint", std::move(*constraint));
    }
    if (!policies.empty())
        out["Policies"] = std::move(policies);
    return {};
}

} // namespace

Status endpointPolicyFromV1(json& policy, const Catalog& catalog)
{
    return v1::endpointPolicyFromV1(policy, Vocabulary::of(catalog));
}

Status endpointFromV1(json& doc, const Catalog& catalog)
{
    if (!doc.is_object())
        return structureError("A v1 endpoint must be a JSON object.");
    const Vocabulary vocabulary = Vocabulary::of(catalog);
    json source = std::move(doc);
    json out = json::object();
    Leftovers leftovers(source);

    moveKey(source, out, "ID");
    moveKey(source, out, "Name");
    moveKey(source, out, "MacAddress");
    if (auto network = takeKey(source, "VirtualNetwork"); network && !isEmptyValue(*network)) {
        if (hasKey(source, "HostComputeNetwork"))
            leftovers.keep("VirtualNetwork", std::move(*network));
        else
            out["HostComputeNetwork"] = std::move(*network);
    }
    addressesFromV1(source, out);
    routesFromV1(source, out);
    if (Status status = takeDns(source, out, leftovers); !status)
        return status;
    flagsFromV1(source, out, leftovers, vocabulary);
    if (Status status = policiesFromV1(source, out, leftovers, vocabulary); !status)
        return status;

    if (auto ns = takeKey(source, "Namespace")) {
        // Zero GUIDs mean "not attached"; a depth-truncated PowerShell string is kept as opaque text.
        const json* id = ns->is_object() ? findValue(*ns, "ID") : nullptr;
        if (!ns->is_object())
            leftovers.keep("Namespace", std::move(*ns));
        else if (id && !isEmptyValue(*id) && !isZeroGuid(*id) && !hasKey(source, "HostComputeNamespace"))
            out["HostComputeNamespace"] = *id;
    }

    takeHealth(source, out);
    distributeRemainder(source, out, leftovers,
                        {"HostComputeNetwork", "HostComputeNamespace", "Policies", "IpConfigurations", "Dns",
                         "Routes", "MacAddress", "Flags"},
                        {"ActivityId", "CreateProcessingStartTime", "Resources", "Version", "State"});
    leftovers.writeTo(out);
    doc = std::move(out);
    return {};
}

} // namespace hcn::schema
