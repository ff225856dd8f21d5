#pragma once
// The pairing of two lists that costs least in all: given cost[i][j] for pairing row i with column j,
// as many pairs as the shorter list has, the sum of their costs the smallest possible (the assignment
// problem, solved with the Hungarian method in O(n^2 m) for n rows and m columns).

#include <cstddef>
#include <vector>

namespace hcn {

/// For each row, its column; every row gets one when rows <= columns, else every column gets one row
/// and the rows left over get kUnpaired. `cost` is rows x columns, every row the same length.
inline constexpr std::size_t kUnpaired = static_cast<std::size_t>(-1);
std::vector<std::size_t> minCostPairing(const std::vector<std::vector<long long>>& cost);

} // namespace hcn
