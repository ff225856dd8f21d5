#pragma once
// The clock and the statistics every benchmark reports with: wall milliseconds since a moment, the
// process's CPU time (on a machine shared with other builds it shows the work apart from the wait), and
// nearest-rank percentiles of a set of samples.

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <ctime>
#include <utility>
#include <vector>

namespace hcnbench {

using Clock = std::chrono::steady_clock;

/// Wall milliseconds since `start`.
inline double millisecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

/// CPU milliseconds this process has used so far (all threads).
inline double cpuMilliseconds()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

/// The sample at rank `p` (0 the smallest, 0.5 the median, 0.99, 1 the largest) of `samples`, nearest
/// rank; 0 when there is none.
inline double percentile(std::vector<double> samples, double p)
{
    if (samples.empty())
        return 0;
    std::sort(samples.begin(), samples.end());
    return samples[std::min(samples.size() - 1, std::size_t(p * double(samples.size() - 1) + 0.5))];
}

inline double median(std::vector<double> samples)
{
    return percentile(std::move(samples), 0.5);
}

} // namespace hcnbench
