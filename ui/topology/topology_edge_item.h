#pragma once
// TopologyEdgeItem: an edge between two node items, clipped to their boxes. The layout never routes
// edges (that is dot's slowest phase): a line is straight and follows its nodes for free, unless the
// scene gives it a path around the boxes in its way (TopologyEdgeRouter).

#include "topology/topology_graph.h"

#include <QGraphicsItem>
#include <QPen>
#include <QPolygonF>

namespace hcn::ui {

class TopologyNodeItem;

class TopologyEdgeItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 0x702
    };

    TopologyEdgeItem(TopologyEdgeKind kind, TopologyNodeItem* from, TopologyNodeItem* to);
    ~TopologyEdgeItem() override;

    /// The pen an edge of this kind is drawn with (the legend shows the same).
    static QPen penFor(TopologyEdgeKind kind);
    /// The pen of a line that stands for many edges of this kind into a grid (TopologyBundleItem).
    static QPen bundlePenFor(TopologyEdgeKind kind);
    /// Where the segment from the centre of `box` towards `outside` leaves the box.
    static QPointF clipToBox(const QRectF& box, const QPointF& outside);

    TopologyEdgeKind kind() const { return m_kind; }
    TopologyNodeItem* from() const { return m_from; }
    TopologyNodeItem* to() const { return m_to; }
    /// The drawn line (scene coordinates, from the edge of one box to the edge of the other): two
    /// points when straight, more when it goes around other boxes.
    QPolygonF path() const { return m_path; }
    /// The straight line between the two boxes as they are now, clipped to them.
    QPolygonF straightPath() const;
    /// Draws the line along `path` instead (until a node moves).
    void setPath(const QPolygonF& path);
    /// Recomputes the (straight) line after a node moved or resized.
    void updateGeometry();
    /// The node items are going away first: forget them.
    void detach();

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    TopologyEdgeKind m_kind;
    TopologyNodeItem* m_from;
    TopologyNodeItem* m_to;
    QPolygonF m_path;
};

} // namespace hcn::ui
