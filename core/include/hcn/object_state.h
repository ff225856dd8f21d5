#pragma once
// The names of HCN's object states: HostComputeEndpointState and the other kinds' states share the
// numbers (hns-v1-schema.md, endpoint `State`).

#include <cstdint>
#include <string>

namespace hcn {

/// "Uninitialized" (0), "Created", "Attached", "Attached (shared)", "Detached", "Degraded",
/// "Destroyed" (6); "State N" for any other number.
std::string objectStateName(std::int64_t state);

} // namespace hcn
