#include "engine/nat_prefix.h"

namespace hcn {
namespace {

bool isFree(const EngineState& state, const IpPrefix& candidate)
{
    for (const auto& [id, network] : state.networks)
        for (const auto& subnet : network->subnets)
            if (subnet.pool.prefix().overlaps(candidate))
                return false;
    for (const auto& adapter : state.options.host.adapters) {
        if (adapter.ipv4) {
            IpPrefix hostNet(adapter.ipv4->network(), adapter.ipv4->length());
            if (hostNet.overlaps(candidate))
                return false;
        }
    }
    return true;
}

std::optional<IpPrefix> scan(const EngineState& state, std::uint32_t base, int baseLength, int length)
{
    const std::uint32_t count = 1u << (length - baseLength);
    const std::uint32_t step = 1u << (32 - length);
    for (std::uint32_t i = 0; i < count; ++i) {
        IpPrefix candidate(IpAddress::fromV4(base + i * step), length);
        if (isFree(state, candidate))
            return candidate;
    }
    return std::nullopt;
}

} // namespace

std::optional<IpPrefix> pickNatPrefix(const EngineState& state)
{
    if (auto p = scan(state, 0xAC100000u, 12, 20)) // 172.16.0.0/12 in /20 blocks
        return p;
    return scan(state, 0xC0A80000u, 16, 24); // 192.168.0.0/16 in /24 blocks
}

} // namespace hcn
