// v2 HostComputeEndpoint -> the v1 HNSEndpoint Get-HnsEndpoint prints.
//
// IsRemoteEndpoint is always shown (people filter on it), DisableICC/EnableLowMetric only when set; an
// endpoint without a default route shows the gateway of the network subnet holding its address; routes other
// than the default routes have no v1 field and are not shown.

#include "common/text.h"
#include "hcn/ip_address.h"
#include "hcn/v1_conversion.h"
#include "schema/v1_policies.h"
#include "schema/v2_to_v1_support.h"

#include <utility>

namespace hcn::schema {
namespace {

using namespace v1;

constexpr std::string_view kZeroGuid = "00000000-0000-0000-0000-000000000000";

/// The gateway Get-HnsEndpoint shows when the endpoint has no default route of its own: the one of the
/// network subnet that holds the address.
std::string gatewayFromNetwork(const json* network, const std::string& address)
{
    const auto ip = IpAddress::parse(address);
    const json* ipams = network ? findValue(*network, "Ipams") : nullptr;
    if (!ip || !ipams || !ipams->is_array())
        return {};
    for (const auto& ipam : *ipams) {
        const json* subnets = findValue(ipam, "Subnets");
        if (!subnets || !subnets->is_array())
            continue;
        for (const auto& subnet : *subnets) {
            const auto prefix = IpPrefix::parse(stringOr(findValue(subnet, "IpAddressPrefix")), true);
            if (prefix && prefix->contains(*ip))
                return stringOr(subnetGateway(subnet));
        }
    }
    return {};
}

/// The first address of each family, its prefix length and (IPv4) subnet ID.
void addressesToV1(const json& endpoint, json& out)
{
    const json* configs = findValue(endpoint, "IpConfigurations");
    if (!configs || !configs->is_array())
        return;
    for (const auto& config : *configs) {
        const std::string address = stringOr(findValue(config, "IpAddress"));
        const bool v6 = isIpv6Text(address);
        const char* addressKey = v6 ? "IPv6Address" : "IPAddress";
        if (address.empty() || out.contains(addressKey))
            continue;
        out[addressKey] = address;
        copyIfPresent(config, out, "PrefixLength", v6 ? "IPv6PrefixLength" : "PrefixLength");
        if (!v6)
            copyGuidIfPresent(config, out, "IpSubnetId", "IPSubnetId");
    }
}

/// GatewayAddress/GatewayAddressV6 from the default routes, else from the network's subnets.
void gatewaysToV1(const json& endpoint, const json* network, json& out)
{
    if (const json* routes = findValue(endpoint, "Routes"); routes && routes->is_array()) {
        for (const auto& route : *routes) {
            const std::string destination = stringOr(findValue(route, "DestinationPrefix"));
            const char* key = destination == "0.0.0.0/0" ? "GatewayAddress"
                              : destination == "::/0"    ? "GatewayAddressV6"
                                                         : nullptr;
            if (key && !out.contains(key))
                copyIfPresent(route, out, "NextHop", key);
        }
    }
    for (const auto& [addressKey, gatewayKey] :
         {std::pair{"IPAddress", "GatewayAddress"}, std::pair{"IPv6Address", "GatewayAddressV6"}}) {
        if (out.contains(addressKey) && !out.contains(gatewayKey)) {
            if (std::string gateway = gatewayFromNetwork(network, out[addressKey].get<std::string>());
                !gateway.empty())
                out[gatewayKey] = gateway;
        }
    }
}

/// Policies, with EncapOverhead and InterfaceConstraint shown as the fields v1 has for them.
json policiesToV1(const json& endpoint, json& out, const Vocabulary& vocabulary)
{
    json policies = json::array();
    forEachPolicyArray(findValue(endpoint, "Policies"), [&](const json& policy) {
        const std::string type = policyType(policy).value_or("");
        const json* settings = findValue(policy, "Settings");
        if (equalsIgnoreCase(type, "EncapOverhead") && settings && hasKey(*settings, "Overhead") &&
            !out.contains("EncapOverhead")) {
            out["EncapOverhead"] = *findValue(*settings, "Overhead");
            return;
        }
        if (equalsIgnoreCase(type, "InterfaceConstraint") && settings &&
            !out.contains("InterfaceConstraint")) {
            json constraint = *settings;
            upperGuidSettings(constraint, PolicyOwner::Endpoint, type, vocabulary);
            out["InterfaceConstraint"] = std::move(constraint);
            return;
        }
        policies.push_back(policyToV1(policy, PolicyOwner::Endpoint, vocabulary));
    });
    return policies;
}

} // namespace

json endpointToV1(const json& endpoint, const json* network, const Catalog& catalog)
{
    const Vocabulary vocabulary = Vocabulary::of(catalog);
    json out = json::object();
    copyGuidIfPresent(endpoint, out, "ID");
    copyIfPresent(endpoint, out, "Name");
    copyGuidIfPresent(endpoint, out, "HostComputeNetwork", "VirtualNetwork");
    if (network && network->is_object())
        copyIfPresent(*network, out, "Name", "VirtualNetworkName");
    addressesToV1(endpoint, out);
    gatewaysToV1(endpoint, network, out);
    copyIfPresent(endpoint, out, "MacAddress");
    dnsToV1(endpoint, out);

    const std::uint64_t flags = unsignedValue(findValue(endpoint, "Flags")).value_or(0);
    out["IsRemoteEndpoint"] = (flags & vocabulary.endpointRemote) != 0;
    if (flags & vocabulary.endpointDisableIcc)
        out["DisableICC"] = true;
    if (flags & vocabulary.endpointLowMetric)
        out["EnableLowMetric"] = true;

    out["Policies"] = policiesToV1(endpoint, out, vocabulary);

    const json* ns = findValue(endpoint, "HostComputeNamespace");
    const bool attached = ns && ns->is_string() && !ns->get_ref<const std::string&>().empty();
    out["Namespace"] = json{{"ID", attached ? upperGuid(*ns) : json(kZeroGuid)}};
    copyIfPresent(endpoint, out, "AdditionalParams");
    copyIfPresent(endpoint, out, "State");
    copyIfPresent(endpoint, out, "Version");
    restoreAnnotation(endpoint, out);
    return out;
}

} // namespace hcn::schema
