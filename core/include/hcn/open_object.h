#pragma once
// Open -> call -> close: the one helper for "do something with object X" over HCN's handle API.

#include "hcn/engine.h"

#include <utility>

namespace hcn {

/// Opens `id` of `kind` on `service` (an hcn::Api or an hcn::Engine), runs `call(handle)` and closes the
/// handle again. Returns what `call` returned (a Status or a Result), or why the open failed. The close
/// cannot change the outcome: the object stays either way.
template <typename Service, typename Call>
auto withOpenObject(Service& service, ResourceKind kind, const Guid& id, Call&& call)
{
    using R = decltype(call(Handle{}));
    auto handle = service.open(kind, id);
    if (!handle.ok())
        return R(handle.status());
    R result = std::forward<Call>(call)(*handle);
    (void)service.close(kind, *handle);
    return result;
}

} // namespace hcn
