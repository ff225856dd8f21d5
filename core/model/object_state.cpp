#include "hcn/object_state.h"

#include <array>

namespace hcn {

std::string objectStateName(std::int64_t state)
{
    static constexpr std::array<const char*, 7> kNames{
        "Uninitialized", "Created", "Attached", "Attached (shared)", "Detached", "Degraded", "Destroyed"};
    if (state >= 0 && state < static_cast<std::int64_t>(kNames.size()))
        return kNames[static_cast<std::size_t>(state)];
    return "State " + std::to_string(state);
}

} // namespace hcn
