#pragma once
// The simulated host: its physical adapters, which networks bind to and take addresses from.

#include "hcn/ip_address.h"
#include "hcn/mac_address.h"
#include "hcn/status.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hcn {

struct HostAdapter
{
    std::string name;
    MacAddress mac;
    std::optional<IpPrefix> ipv4; ///< address with its prefix length, host bits kept ("10.0.0.4/24")
    std::optional<IpPrefix> ipv6;
    std::optional<IpAddress> gateway;
};

struct HostEnvironment
{
    std::vector<HostAdapter> adapters;

    /// One adapter named "Ethernet" (10.0.0.4/24, gateway 10.0.0.1, MAC 00-0D-3A-10-20-30).
    static HostEnvironment defaultHost();
    /// {"adapters":[{"name":"Ethernet","ipv4":"10.0.0.4/24","ipv6":"fd00::4/64","gateway":"10.0.0.1",
    ///   "mac":"00-0D-3A-10-20-30"}]}. Errors name the adapter and field.
    static Result<HostEnvironment> fromJson(std::string_view text);
    /// A file path, else HCN_SIM_ENVIRONMENT (inline JSON), else defaultHost().
    static Result<HostEnvironment> load(const std::string& filePath = {});

    /// Case-insensitive adapter lookup.
    const HostAdapter* adapter(std::string_view name) const;
};

} // namespace hcn
