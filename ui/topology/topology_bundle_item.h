#pragma once
// TopologyBundleItem: one line from a node to a grid of endpoints, in place of a line per endpoint: a
// network to its grid of endpoints, a load balancer to a grid holding some of its backends. Hundreds of
// single lines into a grid run over its cells and cross each other's fans; the bundle stops at the
// grid's edge and says how many endpoints it stands for ("3 backends", "550 endpoints"). The scene
// draws the single lines while one of their ends is selected (TopologyScene::updateBundledEdges), and
// bends a bundle around the boxes in its way (TopologyEdgeRouter).

#include "topology/topology_graph.h"

#include <QGraphicsItem>
#include <QList>
#include <QPolygonF>
#include <QString>

namespace hcn::ui {

class TopologyNodeItem;

class TopologyBundleItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 0x704
    };

    /// `kind`: the edges the bundle stands for; `members`: their ends in the grid; `grid`: every member
    /// of that grid (the line ends at their common box).
    TopologyBundleItem(TopologyEdgeKind kind, TopologyNodeItem* from, QList<TopologyNodeItem*> members,
                       QList<TopologyNodeItem*> grid);

    TopologyEdgeKind kind() const { return m_kind; }
    TopologyNodeItem* from() const { return m_from; }
    const QList<TopologyNodeItem*>& members() const { return m_members; }
    /// Every member of the grid the line ends at.
    const QList<TopologyNodeItem*>& grid() const { return m_grid; }
    /// What the line says: "3 backends", "550 endpoints", "50 remote endpoints".
    QString label() const { return m_label; }
    /// The drawn line (scene coordinates): from the node's box to the grid's, straight or around the
    /// boxes in its way.
    QPolygonF path() const { return m_path; }
    /// The straight line between the node's box and the grid's, clipped to them.
    QPolygonF straightPath() const;
    /// The box the line starts from (the node's, scene coordinates).
    QRectF fromRect() const;
    /// The box of the grid's members (scene coordinates).
    QRectF gridRect() const { return m_gridRect; }
    /// Draws the line along `path` instead (until nodes move).
    void setPath(const QPolygonF& path);
    /// Recomputes the (straight) line after nodes moved.
    void updateGeometry();

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    static QString labelFor(TopologyEdgeKind kind, qsizetype n);

    TopologyEdgeKind m_kind;
    TopologyNodeItem* m_from;
    QList<TopologyNodeItem*> m_members;
    QList<TopologyNodeItem*> m_grid;
    QString m_label;
    QSizeF m_labelSize;
    /// From this scale on, the label's letters are legible (TopologyNodeItem::kMinLegiblePixels).
    qreal m_labelScale;
    QPolygonF m_path;
    QRectF m_gridRect;
    QRectF m_labelRect;
    QRectF m_bounds;
};

} // namespace hcn::ui
