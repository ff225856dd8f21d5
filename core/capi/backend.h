#pragma once
// Backend: what every C API call goes through: an hcn::Api, either an in-process engine (EmbeddedApi)
// or a connection to hcnd.

#include "hcn/api.h"

namespace hcn::capi {

using Backend = hcn::Api;

/// The process-wide backend, created on first use (thread-safe). Fails, without caching the failure,
/// when the environment that configures it is invalid.
Result<Backend*> backend();

} // namespace hcn::capi
