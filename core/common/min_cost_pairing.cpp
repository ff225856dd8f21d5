// The Hungarian method with row and column potentials: rows are added one at a time, each along the
// cheapest augmenting path of reduced costs (Dijkstra-like over columns), so that after each row the
// pairing of the rows so far is the cheapest.

#include "common/min_cost_pairing.h"

#include <limits>

namespace hcn {

namespace {

/// rows <= columns: the column of each row.
std::vector<std::size_t> pairRows(const std::vector<std::vector<long long>>& cost, std::size_t rows,
                                  std::size_t columns)
{
    constexpr long long kInfinite = std::numeric_limits<long long>::max() / 4;
    // 1-based: column 0 is the free start of each augmenting path.
    std::vector<long long> rowPotential(rows + 1, 0);
    std::vector<long long> columnPotential(columns + 1, 0);
    std::vector<std::size_t> rowOfColumn(columns + 1, 0);
    std::vector<std::size_t> previous(columns + 1, 0);
    for (std::size_t row = 1; row <= rows; ++row) {
        rowOfColumn[0] = row;
        std::size_t column = 0;
        std::vector<long long> slack(columns + 1, kInfinite);
        std::vector<bool> used(columns + 1, false);
        do {
            used[column] = true;
            const std::size_t r = rowOfColumn[column];
            long long delta = kInfinite;
            std::size_t next = 0;
            for (std::size_t c = 1; c <= columns; ++c) {
                if (used[c])
                    continue;
                const long long reduced = cost[r - 1][c - 1] - rowPotential[r] - columnPotential[c];
                if (reduced < slack[c]) {
                    slack[c] = reduced;
                    previous[c] = column;
                }
                if (slack[c] < delta) {
                    delta = slack[c];
                    next = c;
                }
            }
            for (std::size_t c = 0; c <= columns; ++c) {
                if (used[c]) {
                    rowPotential[rowOfColumn[c]] += delta;
                    columnPotential[c] -= delta;
                } else {
                    slack[c] -= delta;
                }
            }
            column = next;
        } while (rowOfColumn[column] != 0);
        do { // the path back to its start, each column taking the row of the one before it
            const std::size_t before = previous[column];
            rowOfColumn[column] = rowOfColumn[before];
            column = before;
        } while (column != 0);
    }
    std::vector<std::size_t> columnOfRow(rows, kUnpaired);
    for (std::size_t c = 1; c <= columns; ++c)
        if (rowOfColumn[c] != 0)
            columnOfRow[rowOfColumn[c] - 1] = c - 1;
    return columnOfRow;
}

} // namespace

std::vector<std::size_t> minCostPairing(const std::vector<std::vector<long long>>& cost)
{
    const std::size_t rows = cost.size();
    const std::size_t columns = rows ? cost[0].size() : 0;
    if (rows == 0 || columns == 0)
        return std::vector<std::size_t>(rows, kUnpaired);
    if (rows <= columns)
        return pairRows(cost, rows, columns);
    // More rows than columns: pair the columns with rows, then read it the other way round.
    std::vector<std::vector<long long>> transposed(columns, std::vector<long long>(rows));
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t c = 0; c < columns; ++c)
            transposed[c][r] = cost[r][c];
    const std::vector<std::size_t> rowOfColumn = pairRows(transposed, columns, rows);
    std::vector<std::size_t> columnOfRow(rows, kUnpaired);
    for (std::size_t c = 0; c < columns; ++c)
        columnOfRow[rowOfColumn[c]] = c;
    return columnOfRow;
}

} // namespace hcn
