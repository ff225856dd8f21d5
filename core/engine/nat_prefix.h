#pragma once

#include "engine/engine_state.h"
#include "hcn/ip_address.h"

#include <optional>

namespace hcn {

/// A private IPv4 prefix for a NAT/ICS network created without Ipams: the first /20 of 172.16.0.0/12
/// (then the first /24 of 192.168.0.0/16) that overlaps no network's subnet and no host adapter.
std::optional<IpPrefix> pickNatPrefix(const EngineState& state);

} // namespace hcn
