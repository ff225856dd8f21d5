#pragma once
// The benchmark process's peak resident set (VmHWM of /proc/self/status): the memory figure the
// benchmarks report next to their times.

#include <cstdlib>
#include <fstream>
#include <string>

namespace hcnbench {

/// Peak resident set in KiB; -1 when /proc cannot tell.
inline long peakRssKiB()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0)
            return std::strtol(line.c_str() + 6, nullptr, 10);
    return -1;
}

/// The same in MiB, for printing.
inline double peakRssMiB()
{
    return double(peakRssKiB()) / 1024.0;
}

} // namespace hcnbench
