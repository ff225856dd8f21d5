#pragma once
// The one error every hcn::Api implementation gives for a handle that is not an open handle of the kind
// a call expects, so the engine, snapshots and the library client answer a bad handle alike.

#include "hcn/hresult.h"
#include "hcn/resource_kind.h"
#include "hcn/status.h"

#include <string>

namespace hcn {

inline Status badHandle(ResourceKind kind)
{
    return Status(hr::Handle,
                  "the handle is not an open " + std::string(resourceKindName(kind)) + " handle.");
}

} // namespace hcn
