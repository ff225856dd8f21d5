#pragma once
// The names and numbers the v1 conversion works with. HCN's own enums (network modes, policy types, flag
// bits, protocol numbers) are read from the schema catalog, so a value the catalog learns converts without a
// change here; what is left are v1's own names, which no v2 schema describes.

#include "hcn/schema_catalog.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

namespace hcn::schema::v1 {

/// The catalog's enums and flag bits as the conversion needs them, looked up once per catalog.
struct Vocabulary
{
    const Catalog* catalog = nullptr;
    const EnumDef* networkModes = nullptr;
    const EnumDef* networkPolicyTypes = nullptr;
    const EnumDef* endpointPolicyTypes = nullptr;
    const EnumDef* subnetPolicyTypes = nullptr;
    const EnumDef* namespaceResourceTypes = nullptr;
    const EnumDef* protocols = nullptr;
    std::string_view omittedNetworkMode; ///< NetworkMode 0 (NAT), which HNS leaves out of its output

    std::uint64_t endpointRemote = 0;       ///< EndpointFlags RemoteEndpoint (v1 IsRemoteEndpoint)
    std::uint64_t endpointDisableIcc = 0;   ///< EndpointFlags DisableInterComputeCommunication (DisableICC)
    std::uint64_t endpointLowMetric = 0;    ///< EndpointFlags EnableLowInterfaceMetric (EnableLowMetric)
    std::uint64_t lbDirectServerReturn = 0; ///< LoadBalancerFlags EnableDirectServerReturn (ELB IsDSR)
    std::uint64_t lbIpv6 = 0;               ///< LoadBalancerFlags IPv6 (v1 inferred it from the VIPs)
    std::uint64_t portMappingInternalLb =
        0; ///< LoadBalancerPortMappingFlags EnableInternalLoadBalancer (ILB)

    explicit Vocabulary(const Catalog& source);
    /// The built-in catalog's vocabulary (built once) or, for another catalog, one built now.
    static Vocabulary of(const Catalog& source);
};

/// The catalog's spelling of name (any case) among values; nullopt when values is null or lacks it.
std::optional<std::string_view> spelling(const EnumDef* values, std::string_view name);

/// A v1 Protocol ("TCP", "udp", "6") as the number v2 documents carry; other values are left to the
/// normalizer.
nlohmann::json protocolNumber(const nlohmann::json& protocol, const Vocabulary& vocabulary);
/// The v1 spelling of a protocol number: the names v1 port mappings use (TCP, UDP); other numbers stay.
nlohmann::json protocolText(const nlohmann::json& protocol, const Vocabulary& vocabulary);

/// v1 policy types with no v2 equivalent: kept as annotations rather than failing the whole document.
bool isV1OnlyPolicy(std::string_view type);

} // namespace hcn::schema::v1
