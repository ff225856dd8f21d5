#pragma once
// TopologyGridPlan: lays a large group of sibling nodes (a network's endpoints, the remote endpoints
// behind one provider address, a namespace's endpoints) out as one sorted grid, before Graphviz sees it.
//
// The members of a group with at least kMinimumMembers nodes become one block node the size of their
// grid; Graphviz places the block among the rest (inside the members' frame and osage group), and
// expand() turns the block's centre into the members' centres. The grid reads row by row in name order,
// then by address (numbers inside names and addresses compare as numbers: pod-2 before pod-10); its
// column count makes the block's width:height closest to the aspect asked for (the view's). Pinned
// nodes are never part of a grid: they keep their place.

#include "topology/topology_graph.h"
#include "topology/topology_layout_job.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QSizeF>
#include <QString>
#include <QStringList>

namespace hcn::ui {

class TopologyGridPlan
{
public:
    static constexpr int kMinimumMembers = 12;
    /// Space between neighbouring cells.
    static constexpr qreal kGap = 20.0;

    /// The group a node's grid is made of: an endpoint's frame, else its network's loose endpoints
    /// (empty for nodes that never stand in a grid). The layout and the scene's bundled edges share it.
    static QString groupKeyOf(const TopologyNode& node);

    /// Groups `nodes` by gridKey; `aspect` is the width:height the blocks aim at.
    TopologyGridPlan(const QList<TopologyLayoutNode>& nodes, qreal aspect);

    /// The request's nodes with every grid's members replaced by their block (order kept: a block
    /// stands where its first member was).
    const QList<TopologyLayoutNode>& nodes() const { return m_nodes; }
    /// The node that stands for `key` in nodes(): its block's key, or `key` itself.
    QString standIn(const QString& key) const { return m_blockOf.value(key, key); }
    int blockCount() const { return int(m_blocks.size()); }
    /// Whether `key` is a block standing for a grid.
    bool isBlock(const QString& key) const;

    /// Replaces each block's centre in `positions` by its members' centres.
    void expand(QHash<QString, QPointF>& positions) const;

    /// True when (nameA, addressA) sorts before (nameB, addressB) in a grid.
    static bool lessThan(const QString& nameA, const QString& addressA, const QString& nameB,
                         const QString& addressB);
    /// Natural order: runs of digits compare by value, the rest case-insensitively.
    static int compareNatural(const QString& a, const QString& b);
    /// Columns that make `count` cells of `cell` closest to `aspect` (width:height).
    static int columnsFor(int count, QSizeF cell, qreal aspect);

private:
    struct Block
    {
        QString key;
        TopologyLayoutNode node;         ///< what Graphviz places
        QStringList members;             ///< in grid order
        QHash<QString, QPointF> offsets; ///< member centre - block centre
    };

    QList<TopologyLayoutNode> m_nodes;
    QList<Block> m_blocks;
    QHash<QString, QString> m_blockOf;
};

} // namespace hcn::ui
