#pragma once
// The v1 HNS shapes (HNSNetwork, HNSEndpoint, PolicyList with ELB, v1 Namespace) to and from v2.
// Input conversion runs before normalization; output conversion works on normalized v2 documents.
// HCN's enums (network modes, policy types, flag bits) are read from the schema catalog; the built-in
// catalog unless another is given.

#include "hcn/schema_catalog.h"
#include "hcn/status.h"

#include <nlohmann/json_fwd.hpp>

namespace hcn::schema {

/// A document without SchemaVersion is a v1 document.
bool isV1Document(const nlohmann::json& doc);

/// Rewrite a v1 document into its v2 shape in place. v2 field names already present are left alone.
Status networkFromV1(nlohmann::json& doc, const Catalog& catalog = Catalog::builtin());
Status endpointFromV1(nlohmann::json& doc, const Catalog& catalog = Catalog::builtin());
Status namespaceFromV1(nlohmann::json& doc, const Catalog& catalog = Catalog::builtin());
/// A v1 PolicyList whose Policies hold ELB entries becomes a HostComputeLoadBalancer.
Status loadBalancerFromV1(nlohmann::json& doc, const Catalog& catalog = Catalog::builtin());
/// One flat v1 policy ({"Type":"NAT","InternalPort":80,...}) into a v2 {"Type","Settings"} policy.
Status endpointPolicyFromV1(nlohmann::json& policy, const Catalog& catalog = Catalog::builtin());

/// The v1 shape people know from Get-Hns*, GUIDs in upper case as HNS prints them (fields kept under "_v1"
/// come back as they were given). network may be null when unknown.
nlohmann::json networkToV1(const nlohmann::json& network, const Catalog& catalog = Catalog::builtin());
nlohmann::json endpointToV1(const nlohmann::json& endpoint, const nlohmann::json* network,
                            const Catalog& catalog = Catalog::builtin());
nlohmann::json namespaceToV1(const nlohmann::json& ns, const Catalog& catalog = Catalog::builtin());
nlohmann::json loadBalancerToV1(const nlohmann::json& lb, const Catalog& catalog = Catalog::builtin());

} // namespace hcn::schema
