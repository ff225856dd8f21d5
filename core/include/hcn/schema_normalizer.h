#pragma once
// Validates an incoming HCN document against the catalog and rewrites it into canonical form:
// documented key casing, canonical enum spelling (strings, or integers for bitmasks/Protocol/
// DistributionType), canonical IP/MAC/GUID text. Fields the schema does not know are kept as they are.

#include "hcn/json_limits.h"
#include "hcn/schema_catalog.h"
#include "hcn/status.h"

#include <nlohmann/json_fwd.hpp>
#include <string_view>

namespace hcn::schema {

/// Normalizes doc in place as an instance of typeName. On failure doc may be partly rewritten (callers
/// work on a copy) and the Status names the field path, e.g. "Policies[0].Settings.Protocol".
///
/// HRESULTs: wrong JSON type or integer out of range -> HCN_E_INVALID_JSON; bad GUID ->
/// HCN_E_GUID_CONVERSION_FAILURE; bad address -> HCN_E_INVALID_IP; bad prefix -> HCN_E_INVALID_PREFIX;
/// unknown NetworkMode -> HCN_E_INVALID_NETWORK_TYPE; unknown policy Type -> HCN_E_INVALID_POLICY_TYPE;
/// anything else wrong inside a policy's Settings -> HCN_E_INVALID_POLICY; other unknown enum values or
/// bad MACs -> the document's own code (HCN_E_INVALID_NETWORK / _ENDPOINT, else HCN_E_INVALID_JSON).
Status normalize(nlohmann::json& doc, std::string_view typeName, const Catalog& catalog = Catalog::builtin());

/// Parses JSON text; malformed text, a non-object top level or nesting deeper than `maxDepth` ->
/// HCN_E_INVALID_JSON with the position. Empty text yields an empty object.
Status parseObject(std::string_view text, nlohmann::json& out, int maxDepth = kDefaultMaxJsonDepth);

} // namespace hcn::schema
