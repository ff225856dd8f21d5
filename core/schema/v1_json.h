#pragma once
// JSON access both directions of the v1 conversion share: v1 documents spell keys in any case (docker
// writes "nat", PowerShell "ID" or "Id"), so members are found case-insensitively; plus the small value
// tests the mapping tables rely on.

#include "hcn/status.h"

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace hcn::schema::v1 {

using nlohmann::json;

/// Where fields without a v2 home are parked in a v2 document, to come back on output.
inline constexpr std::string_view kAnnotation = "_v1";
/// v1 policy lists name their endpoints as "/endpoints/<guid>".
inline constexpr std::string_view kEndpointPathPrefix = "/endpoints/";

/// The member named key: exact spelling first, then any case; end() when absent or obj is no object.
json::iterator findKey(json& obj, std::string_view key);
/// As findKey, read-only; nullptr when absent.
const json* findValue(const json& obj, std::string_view key);
bool hasKey(const json& obj, std::string_view key);
/// Removes key (any case) from obj and returns its value.
std::optional<json> takeKey(json& obj, std::string_view key);
/// Moves key's value to `to` under that name; when `to` already has it (in another case), the `to`
/// spelling wins and the source is dropped, unless the two names differ only in case ("ID" -> "Id").
void renameKey(json& obj, std::string_view from, std::string_view to);
/// Rewrites every key of obj matching one of names (any case) to that spelling.
void canonicalizeKeys(json& obj, std::initializer_list<std::string_view> names);
/// The entry of names equal to name in any case.
std::optional<std::string_view> canonicalName(std::initializer_list<std::string_view> names,
                                              std::string_view name);

bool startsWithIgnoreCase(std::string_view text, std::string_view prefix);
/// value's string, or fallback when value is absent or not a string.
std::string stringOr(const json* value, std::string fallback = {});
/// null or "": carries no information.
bool isEmptyValue(const json& value);
/// A string of zeros, dashes and braces: v1's "not set" GUID.
bool isZeroGuid(const json& value);
bool isIpv6Text(std::string_view text);
/// A non-negative integer value.
std::optional<std::uint64_t> unsignedValue(const json* value);
/// True only for the boolean true.
bool truthy(const json& value);
/// A v1 structure that cannot be read (an array that is not an array): HCN_E_INVALID_JSON.
Status structureError(std::string detail);

/// The v1 spelling of a GUID value: upper case, as Get-Hns* prints IDs. Anything that is not a GUID string
/// is returned unchanged.
json upperGuid(const json& value);

} // namespace hcn::schema::v1
