#pragma once
// Object references as people type them: an object's ID (any case, with or without braces) or its Name,
// resolved among the objects of one kind on a host. hcnctl's ID arguments and the reachability trace's
// endpoints both resolve here.

#include "hcn/resource_kind.h"
#include "hcn/status.h"

#include <string>
#include <string_view>
#include <vector>

namespace hcn {

/// One candidate object: its ID (as the host spells it) and its Name (may be empty).
struct ObjectNameEntry
{
    std::string id;
    std::string name;
};

/// Resolves `text` among `objects` (all of kind `kind`): the ID of one of them first, then its Name,
/// an exact match before a case-insensitive one. Returns that object's ID as `objects` spells it.
/// Errors: E_INVALIDARG "the network name "X" is held by 2 networks (A, B): give the ID" when several
/// objects match at the first level that matches; the kind's not-found code (HCN_E_NETWORK_NOT_FOUND,
/// HCN_E_ENDPOINT_NOT_FOUND, else ERROR_NOT_FOUND) with "no network named "X"" when none does.
Result<std::string> resolveObjectReference(ResourceKind kind, const std::vector<ObjectNameEntry>& objects,
                                           std::string_view text);

/// The HRESULT HCN answers for a missing object of `kind` (ERROR_NOT_FOUND for kinds without their own).
HResult objectNotFoundCode(ResourceKind kind);

} // namespace hcn
