#include "schema/v1_policies.h"

#include "common/text.h"

#include <algorithm>

namespace hcn::schema::v1 {

std::optional<std::string> policyType(const json& policy)
{
    const json* type = findValue(policy, "Type");
    if (!type || !type->is_string())
        return std::nullopt;
    return type->get<std::string>();
}

bool isV2Policy(const json& policy)
{
    return hasKey(policy, "Settings");
}

bool hasPolicyOfType(const json& policies, std::string_view type)
{
    if (!policies.is_array())
        return false;
    return std::any_of(policies.begin(), policies.end(), [&](const json& policy) {
        const auto own = policyType(policy);
        return own && equalsIgnoreCase(*own, type);
    });
}

} // namespace hcn::schema::v1
