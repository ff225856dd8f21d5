#include "topology/topology_grid.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hcn::ui {

TopologyGridPlan::TopologyGridPlan(const QList<TopologyLayoutNode>& nodes, qreal aspect)
{
    if (!(aspect > 0.0))
        aspect = 1.6;
    QHash<QString, QList<qsizetype>> groups;
    for (qsizetype i = 0; i < nodes.size(); ++i)
        if (!nodes[i].gridKey.isEmpty() && !nodes[i].pinned)
            groups[nodes[i].gridKey].append(i);

    QHash<qsizetype, qsizetype> blockAt; // index of a block's first member -> block
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        QList<qsizetype> members = it.value();
        if (members.size() < kMinimumMembers)
            continue;
        std::stable_sort(members.begin(), members.end(), [&nodes](qsizetype a, qsizetype b) {
            return lessThan(nodes[a].sortName, nodes[a].sortAddress, nodes[b].sortName, nodes[b].sortAddress);
        });
        QSizeF cell;
        for (qsizetype i : std::as_const(members))
            cell = cell.expandedTo(nodes[i].size);
        cell += QSizeF(kGap, kGap);
        const int count = int(members.size());
        const int columns = columnsFor(count, cell, aspect);
        const int rows = (count + columns - 1) / columns;
        const QSizeF size(columns * cell.width(), rows * cell.height());

        Block block;
        block.key = QStringLiteral("grid:") + it.key();
        for (int n = 0; n < count; ++n) {
            const TopologyLayoutNode& member = nodes[members[n]];
            const QPointF centre((n % columns + 0.5) * cell.width(), (n / columns + 0.5) * cell.height());
            block.members.append(member.key);
            block.offsets.insert(member.key, centre - QPointF(size.width() / 2, size.height() / 2));
            m_blockOf.insert(member.key, block.key);
        }
        const qsizetype first = *std::min_element(it.value().cbegin(), it.value().cend());
        TopologyLayoutNode stand = nodes[first];
        stand.key = block.key;
        // Graphviz keeps nodes apart by their box: the outer gap is already in the cells.
        stand.size = size - QSizeF(kGap, kGap);
        stand.gridKey.clear();
        block.node = stand;
        blockAt.insert(first, m_blocks.size());
        m_blocks.append(std::move(block));
    }

    m_nodes.reserve(nodes.size() - m_blockOf.size() + m_blocks.size());
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        if (const auto block = blockAt.constFind(i); block != blockAt.cend())
            m_nodes.append(m_blocks[*block].node);
        else if (!m_blockOf.contains(nodes[i].key))
            m_nodes.append(nodes[i]);
    }
}

bool TopologyGridPlan::isBlock(const QString& key) const
{
    return std::any_of(m_blocks.cbegin(), m_blocks.cend(),
                       [&key](const Block& block) { return block.key == key; });
}

void TopologyGridPlan::expand(QHash<QString, QPointF>& positions) const
{
    for (const Block& block : m_blocks) {
        const auto centre = positions.constFind(block.key);
        if (centre == positions.cend())
            continue; // Graphviz could not place it: neither are its members
        const QPointF at = *centre;
        positions.erase(centre);
        for (const QString& member : block.members)
            positions.insert(member, at + block.offsets.value(member));
    }
}

QString TopologyGridPlan::groupKeyOf(const TopologyNode& node)
{
    if (node.kind != TopologyNodeKind::Endpoint && node.kind != TopologyNodeKind::RemoteEndpoint)
        return {};
    return node.clusterKey.isEmpty() ? QStringLiteral("net:") + node.parentKey : node.clusterKey;
}

int TopologyGridPlan::compareNatural(const QString& a, const QString& b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            qsizetype endA = i;
            qsizetype endB = j;
            while (endA < a.size() && a[endA].isDigit())
                ++endA;
            while (endB < b.size() && b[endB].isDigit())
                ++endB;
            // Compare values without overflowing: strip leading zeros, then longer is larger.
            qsizetype startA = i;
            qsizetype startB = j;
            while (startA + 1 < endA && a[startA] == QLatin1Char('0'))
                ++startA;
            while (startB + 1 < endB && b[startB] == QLatin1Char('0'))
                ++startB;
            if (endA - startA != endB - startB)
                return endA - startA < endB - startB ? -1 : 1;
            const int digits =
                QStringView(a).mid(startA, endA - startA).compare(QStringView(b).mid(startB, endB - startB));
            if (digits != 0)
                return digits < 0 ? -1 : 1;
            i = endA;
            j = endB;
            continue;
        }
        const QChar ca = a[i].toCaseFolded();
        const QChar cb = b[j].toCaseFolded();
        if (ca != cb)
            return ca < cb ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size())
        return 1;
    if (j < b.size())
        return -1;
    return 0;
}

bool TopologyGridPlan::lessThan(const QString& nameA, const QString& addressA, const QString& nameB,
                                const QString& addressB)
{
    // Named nodes first; unnamed ones (remote endpoints, mostly) then go by address.
    if (nameA.isEmpty() != nameB.isEmpty())
        return !nameA.isEmpty();
    if (const int byName = compareNatural(nameA, nameB); byName != 0)
        return byName < 0;
    if (const int byAddress = compareNatural(addressA, addressB); byAddress != 0)
        return byAddress < 0;
    return nameA < nameB; // case-only differences: still a strict, stable order
}

int TopologyGridPlan::columnsFor(int count, QSizeF cell, qreal aspect)
{
    if (count <= 1 || cell.isEmpty())
        return 1;
    // Start from the ideal real column count and look at its neighbours: the block's aspect is not
    // monotonic in the column count once the last row is partly filled.
    const double ideal = std::sqrt(count * aspect * cell.height() / cell.width());
    const int from = qMax(1, int(std::floor(ideal)) - 2);
    const int to = qMin(count, int(std::ceil(ideal)) + 2);
    int best = qBound(1, int(std::lround(ideal)), count);
    double bestMiss = std::numeric_limits<double>::max();
    for (int columns = from; columns <= to; ++columns) {
        const int rows = (count + columns - 1) / columns;
        const double miss = std::abs(std::log(columns * cell.width() / (rows * cell.height()) / aspect));
        if (miss < bestMiss - 1e-9) {
            bestMiss = miss;
            best = columns;
        }
    }
    return best;
}

} // namespace hcn::ui
