#include "schema/v1_vocabulary.h"

#include "common/text.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace hcn::schema::v1 {
namespace {

std::uint64_t flagBit(const Catalog& catalog, std::string_view enumName, std::string_view valueName)
{
    const EnumDef* values = catalog.enumeration(enumName);
    const EnumValue* value = values ? values->find(valueName) : nullptr;
    return value && value->numeric > 0 ? static_cast<std::uint64_t>(value->numeric) : 0;
}

std::optional<std::int64_t> protocolNamed(const Vocabulary& vocabulary, std::string_view name)
{
    const EnumValue* value = vocabulary.protocols ? vocabulary.protocols->find(name) : nullptr;
    return value ? std::optional(value->numeric) : std::nullopt;
}

/// The names v1 port mappings and ELB entries spell their protocol with.
constexpr std::array<std::string_view, 2> kV1ProtocolNames = {"TCP", "UDP"};

} // namespace

Vocabulary::Vocabulary(const Catalog& source)
    : catalog(&source), networkModes(source.enumeration("NetworkMode")),
      networkPolicyTypes(source.enumeration("NetworkPolicyType")),
      endpointPolicyTypes(source.enumeration("EndpointPolicyType")),
      subnetPolicyTypes(source.enumeration("SubnetPolicyType")),
      namespaceResourceTypes(source.enumeration("NamespaceResourceType")),
      protocols(source.enumeration("ProtocolType")),
      endpointRemote(flagBit(source, "EndpointFlags", "RemoteEndpoint")),
      endpointDisableIcc(flagBit(source, "EndpointFlags", "DisableInterComputeCommunication")),
      endpointLowMetric(flagBit(source, "EndpointFlags", "EnableLowInterfaceMetric")),
      lbDirectServerReturn(flagBit(source, "LoadBalancerFlags", "EnableDirectServerReturn")),
      lbIpv6(flagBit(source, "LoadBalancerFlags", "IPv6")),
      portMappingInternalLb(flagBit(source, "LoadBalancerPortMappingFlags", "EnableInternalLoadBalancer"))
{
    if (const EnumValue* zero = networkModes ? networkModes->findNumeric(0) : nullptr)
        omittedNetworkMode = zero->name;
}

Vocabulary Vocabulary::of(const Catalog& source)
{
    static const Vocabulary builtin(Catalog::builtin());
    return &source == builtin.catalog ? builtin : Vocabulary(source);
}

std::optional<std::string_view> spelling(const EnumDef* values, std::string_view name)
{
    const EnumValue* value = values ? values->find(name) : nullptr;
    return value ? std::optional<std::string_view>(value->name) : std::nullopt;
}

nlohmann::json protocolNumber(const nlohmann::json& protocol, const Vocabulary& vocabulary)
{
    if (!protocol.is_string())
        return protocol;
    const auto& text = protocol.get_ref<const std::string&>();
    if (const auto number = protocolNamed(vocabulary, text))
        return *number;
    if (!text.empty() && text.size() <= 5 && std::all_of(text.begin(), text.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c));
        }))
        return std::stoul(text);
    return protocol; // the normalizer decides about other names
}

nlohmann::json protocolText(const nlohmann::json& protocol, const Vocabulary& vocabulary)
{
    if (!protocol.is_number_integer())
        return protocol;
    for (std::string_view name : kV1ProtocolNames) {
        if (protocolNamed(vocabulary, name) == protocol.get<std::int64_t>())
            return std::string(name);
    }
    return protocol;
}

bool isV1OnlyPolicy(std::string_view type)
{
    return equalsIgnoreCase(type, "Isolation") || equalsIgnoreCase(type, "VNET");
}

} // namespace hcn::schema::v1
