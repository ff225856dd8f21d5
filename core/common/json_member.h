#pragma once
// Reading members of documents from outside: HNS is tolerant of key case, so customers' documents and
// clients' requests may spell "Id" for "ID" or "ipAddress" for "IpAddress".

#include "common/text.h"

#include <string_view>

namespace hcn {

/// The member `key`: by exact key, else case-insensitively; null when absent or `object` is no object.
/// Works for nlohmann::json and nlohmann::ordered_json.
template <typename JsonType> const JsonType* memberIgnoringCase(const JsonType& object, std::string_view key)
{
    if (!object.is_object())
        return nullptr;
    if (auto it = object.find(key); it != object.end())
        return &*it;
    for (auto it = object.begin(); it != object.end(); ++it)
        if (equalsIgnoreCase(it.key(), key))
            return &*it;
    return nullptr;
}

} // namespace hcn
