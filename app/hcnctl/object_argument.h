#pragma once
// The object an ID argument names (show/modify/delete KIND ID, create endpoint --network ID): a GUID as
// given, else a Name resolved against the session's host (hcn/object_reference.h: exact before
// case-insensitive; several matches or none are errors that say so).

#include "hcn/guid.h"
#include "hcn/resource_kind.h"
#include "hcn/status.h"

#include <string>

namespace hcn {
class Api;
}

namespace hcn::ctl {

/// `text` as a GUID when it is one (any case, braces or not); otherwise the ID of the one object of
/// `kind` on `api`'s host whose Name matches.
Result<Guid> resolveObjectArgument(Api& api, ResourceKind kind, const std::string& text);

} // namespace hcn::ctl
