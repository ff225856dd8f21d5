#pragma once
// Policies in both shapes: v1's flat {"Type":T, fields...} and v2's {"Type":T, "Settings":{...}}.
// v1_to_v2_policies.cpp reads the first, v2_to_v1_policies.cpp writes it.

#include "schema/v1_json.h"
#include "schema/v1_vocabulary.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace hcn::schema::v1 {

/// The catalog type whose Type selects a policy's settings: where the policy sits.
enum class PolicyOwner
{
    Network,  ///< NetworkPolicy
    Endpoint, ///< EndpointPolicy
    Subnet    ///< SubnetPolicy
};

/// The policy's Type string, if it has one.
std::optional<std::string> policyType(const json& policy);
/// A policy that already has the v2 shape (a Settings member).
bool isV2Policy(const json& policy);
/// True when a policy array holds a policy of this type (any case).
bool hasPolicyOfType(const json& policies, std::string_view type);

/// Calls visit with every object in a policy array; anything else is skipped.
template <typename Visit> void forEachPolicyArray(const json* policies, Visit&& visit)
{
    if (!policies || !policies->is_array())
        return;
    for (const auto& policy : *policies) {
        if (policy.is_object())
            visit(policy);
    }
}

/// A top-level v1 network field that HNS v2 models as a network policy.
struct FieldPolicy
{
    const char* field;
    const char* type;
    const char* setting; ///< nullptr: the value is the whole Settings object
};

inline constexpr std::array kNetworkFieldPolicies = {
    FieldPolicy{"NetworkAdapterName", "NetAdapterName", "NetworkAdapterName"},
    FieldPolicy{"SourceMac", "SourceMacAddress", "SourceMacAddress"},
    FieldPolicy{"ManagementIP", "ProviderAddress", "ProviderAddress"},
    FieldPolicy{"DrMacAddress", "DrMacAddress", "Address"},
    FieldPolicy{"AutomaticDNS", "AutomaticDNS", "Enable"},
    FieldPolicy{"InterfaceConstraint", "InterfaceConstraint", nullptr},
};

// ---- v1 -> v2 (v1_to_v2_policies.cpp) ----

/// Takes the v1 "Policies" array out of `source` and calls `visit(policy, type)` with each entry, which
/// it may move from (`type`: the policy's Type, if any). A non-array or a non-object entry is a
/// structure error; so is whatever Status `visit` returns other than success.
template <typename Visit> Status takeV1Policies(json& source, Visit&& visit)
{
    auto v1Policies = takeKey(source, "Policies");
    if (!v1Policies)
        return {};
    if (!v1Policies->is_array())
        return structureError("Policies must be an array.");
    for (std::size_t i = 0; i < v1Policies->size(); ++i) {
        json& policy = (*v1Policies)[i];
        if (!policy.is_object())
            return structureError("Policies[" + std::to_string(i) + "] must be an object.");
        const std::optional<std::string> type = policyType(policy);
        if (Status status = visit(policy, type); !status)
            return status;
    }
    return {};
}

/// Flat {"Type":T, a, b} -> {"Type":T, "Settings":{a, b}}.
json wrapSettings(std::string_view type, json flat);
/// Subnet policies: {"Type":"VSID","VSID":4096} -> {"Type":"VSID","Settings":{"IsolationId":4096}}.
void subnetPolicyFromV1(json& policy, const Vocabulary& vocabulary);
/// One flat endpoint policy into its v2 shape; unknown types are left for the normalizer to report.
Status endpointPolicyFromV1(json& policy, const Vocabulary& vocabulary);

// ---- v2 -> v1 (v2_to_v1_policies.cpp) ----

/// {"Type":T,"Settings":{...}} -> {"Type":T, ...}, with v1 names and GUIDs spelled the v1 way.
json policyToV1(const json& policy, PolicyOwner owner, const Vocabulary& vocabulary);
/// Upper-cases the GUID fields the catalog knows in a policy's settings (InterfaceGuid, LayerId ...).
void upperGuidSettings(json& settings, PolicyOwner owner, std::string_view type,
                       const Vocabulary& vocabulary);

} // namespace hcn::schema::v1
