#pragma once
// A process's memory as /proc/PID/status tells it (Linux): the figures the benchmarks report next to
// their times.

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

namespace hcnbench {

/// The KiB of `field` ("VmHWM:", "VmRSS:" ...) of /proc/`pid`/status (`pid` "self": this process); -1
/// when /proc cannot tell.
inline long long procStatusKiB(const std::string& pid, const char* field)
{
    std::ifstream status("/proc/" + pid + "/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind(field, 0) == 0)
            return std::atoll(line.c_str() + std::strlen(field));
    return -1;
}

/// This process's resident set now, in KiB.
inline long long residentKiB()
{
    return procStatusKiB("self", "VmRSS:");
}

/// This process's peak resident set, in KiB and in MiB.
inline long long peakRssKiB()
{
    return procStatusKiB("self", "VmHWM:");
}
inline double peakRssMiB()
{
    return double(peakRssKiB()) / 1024.0;
}

} // namespace hcnbench
