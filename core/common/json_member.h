#pragma once
// Reading members of documents from outside: HNS is tolerant of key case, so customers' documents and
// clients' requests may spell "Id" for "ID" or "ipAddress" for "IpAddress".

#include "common/text.h"

#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

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

/// The member `key` of a document being changed, found as the const overload finds it.
template <typename JsonType> JsonType* memberIgnoringCase(JsonType& object, std::string_view key)
{
    return const_cast<JsonType*>(memberIgnoringCase(std::as_const(object), key));
}

/// Member `key` (exact key) as a `T` (std::string, bool or an integer type); `fallback` when `object` is
/// no object, the member is absent or it holds another type. Unlike nlohmann's `value()`, which throws
/// on a type mismatch, this is safe on documents from outside, where anything may stand where HNS
/// writes text or a number.
template <typename T, typename JsonType> T memberOr(const JsonType& object, std::string_view key, T fallback)
{
    if (!object.is_object())
        return fallback;
    auto it = object.find(key);
    if (it == object.end())
        return fallback;
    if constexpr (std::is_same_v<T, std::string>) {
        if (!it->is_string())
            return fallback;
    } else if constexpr (std::is_same_v<T, bool>) {
        if (!it->is_boolean())
            return fallback;
    } else {
        static_assert(std::is_integral_v<T>, "memberOr reads text, booleans and integers");
        if (!it->is_number_integer())
            return fallback;
    }
    return it->template get<T>();
}

/// Member `key` (exact key) as text; empty when absent or not a string.
template <typename JsonType> std::string textMember(const JsonType& object, std::string_view key)
{
    return memberOr(object, key, std::string());
}

} // namespace hcn
