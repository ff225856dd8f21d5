#include "hcn/network_mode.h"

#include "hcn/schema_catalog.h"

#include <array>
#include <cstddef>

namespace hcn {
namespace {

constexpr std::size_t kModeCount = static_cast<std::size_t>(NetworkMode::ConstrainedIcs) + 1;

/// HCN's NetworkMode number of an enumerator: the enumerators follow the numbers, after Invalid.
constexpr std::int64_t hcnNumber(NetworkMode mode)
{
    return static_cast<std::int64_t>(mode) - 1;
}

const schema::EnumDef* catalogModes()
{
    return schema::Catalog::builtin().enumeration("NetworkMode");
}

/// Spelling of every enumerator, read once from the built-in catalog.
const std::array<std::string_view, kModeCount>& names()
{
    static const std::array<std::string_view, kModeCount> table = [] {
        std::array<std::string_view, kModeCount> out{};
        if (const schema::EnumDef* modes = catalogModes()) {
            for (std::size_t i = 1; i < kModeCount; ++i) {
                if (const schema::EnumValue* value =
                        modes->findNumeric(hcnNumber(static_cast<NetworkMode>(i))))
                    out[i] = value->name;
            }
        }
        return out;
    }();
    return table;
}

} // namespace

NetworkMode networkModeFromName(std::string_view name)
{
    const schema::EnumDef* modes = catalogModes();
    const schema::EnumValue* value = modes ? modes->find(name) : nullptr;
    if (!value || value->numeric < 0 || value->numeric >= static_cast<std::int64_t>(kModeCount) - 1)
        return NetworkMode::Invalid;
    return static_cast<NetworkMode>(value->numeric + 1);
}

std::string_view networkModeName(NetworkMode mode)
{
    const auto index = static_cast<std::size_t>(mode);
    return index < kModeCount ? names()[index] : std::string_view();
}

} // namespace hcn
