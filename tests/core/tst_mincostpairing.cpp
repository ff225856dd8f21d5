// The cheapest pairing of two lists (common/min_cost_pairing.h), used where the snapshot diff pairs
// array elements of one identity: hand-made cases, then random ones against trying every pairing.

#include "common/min_cost_pairing.h"

#include <QTest>
#include <algorithm>
#include <numeric>
#include <random>

using Costs = std::vector<std::vector<long long>>;
Q_DECLARE_METATYPE(Costs)

namespace {

long long total(const Costs& cost, const std::vector<std::size_t>& columnOfRow)
{
    long long sum = 0;
    for (std::size_t r = 0; r < columnOfRow.size(); ++r)
        if (columnOfRow[r] != hcn::kUnpaired)
            sum += cost[r][columnOfRow[r]];
    return sum;
}

/// The cheapest total over every pairing (rows <= 7, columns <= 7).
long long bruteForce(const Costs& cost)
{
    const std::size_t rows = cost.size();
    const std::size_t columns = cost[0].size();
    const std::size_t pairs = std::min(rows, columns);
    std::vector<std::size_t> order(std::max(rows, columns));
    std::iota(order.begin(), order.end(), 0);
    long long best = std::numeric_limits<long long>::max();
    do {
        long long sum = 0;
        for (std::size_t k = 0; k < pairs; ++k)
            sum += rows <= columns ? cost[k][order[k]] : cost[order[k]][k];
        best = std::min(best, sum);
    } while (std::next_permutation(order.begin(), order.end()));
    return best;
}

/// Every row paired at most once, every column at most once, min(rows, columns) pairs.
bool isPairing(const Costs& cost, const std::vector<std::size_t>& columnOfRow)
{
    if (columnOfRow.size() != cost.size())
        return false;
    std::vector<bool> taken(cost[0].size());
    std::size_t pairs = 0;
    for (std::size_t column : columnOfRow) {
        if (column == hcn::kUnpaired)
            continue;
        if (column >= taken.size() || taken[column])
            return false;
        taken[column] = true;
        ++pairs;
    }
    return pairs == std::min(cost.size(), cost[0].size());
}

} // namespace

class TestMinCostPairing : public QObject
{
    Q_OBJECT

private slots:
    void handMade_data()
    {
        QTest::addColumn<Costs>("cost");
        QTest::addColumn<std::vector<std::size_t>>("expected");
        QTest::newRow("one") << Costs{{5}} << std::vector<std::size_t>{0};
        QTest::newRow("crossed is cheaper") << Costs{{9, 1}, {1, 9}} << std::vector<std::size_t>{1, 0};
        // Taking the cheapest pair first (row 0 with column 1) would cost 1 + 2 + 2 = 5; the best is 3.
        QTest::newRow("greedy is not best")
            << Costs{{3, 1, 1}, {2, 1, 2}, {1, 3, 3}} << std::vector<std::size_t>{2, 1, 0};
        QTest::newRow("more columns") << Costs{{4, 0, 4}} << std::vector<std::size_t>{1};
        QTest::newRow("more rows") << Costs{{4}, {0}, {4}}
                                   << std::vector<std::size_t>{hcn::kUnpaired, 0, hcn::kUnpaired};
    }

    void handMade()
    {
        QFETCH(Costs, cost);
        QFETCH(std::vector<std::size_t>, expected);
        QCOMPARE(hcn::minCostPairing(cost), expected);
    }

    void randomAgainstEveryPairing()
    {
        std::mt19937 random(20261204);
        for (int round = 0; round < 2000; ++round) {
            const std::size_t rows = 1 + random() % 6;
            const std::size_t columns = 1 + random() % 6;
            Costs cost(rows, std::vector<long long>(columns));
            for (auto& row : cost)
                for (auto& c : row)
                    c = static_cast<long long>(random() % (round % 2 ? 4 : 1000)); // many ties, or few
            const auto pairing = hcn::minCostPairing(cost);
            QVERIFY2(isPairing(cost, pairing), qPrintable(QStringLiteral("round %1").arg(round)));
            QCOMPARE(total(cost, pairing), bruteForce(cost));
        }
    }

    void empty() { QCOMPARE(hcn::minCostPairing({}), std::vector<std::size_t>{}); }
};

QTEST_GUILESS_MAIN(TestMinCostPairing)
#include "tst_mincostpairing.moc"
