#pragma once
// TopologyNodeItem: one node of the diagram (host, network, endpoint, namespace header, load balancer,
// collapsed-endpoints count). Paints by level of detail: a plain box when zoomed far out, the title at
// medium zoom, all facts and policy badges up close, so a 5,000-endpoint scene pans smoothly.

#include "topology/topology_graph.h"

#include <QGraphicsItem>

namespace hcn::ui {

class TopologyEdgeItem;

class TopologyNodeItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 0x701
    };

    explicit TopologyNodeItem(const TopologyNode& node);

    /// The box a node needs for its text (scene units); the layout reserves exactly this.
    static QSizeF sizeFor(const TopologyNode& node);

    const TopologyNode& node() const { return m_node; }
    QString key() const { return m_node.key; }
    /// Replaces content (labels, badges, tooltip); keeps the position.
    void setNode(const TopologyNode& node);

    void setHighlighted(bool highlighted);
    bool isHighlighted() const { return m_highlighted; }
    void setDimmed(bool dimmed);
    void setBadgesVisible(bool visible);

    void addEdge(TopologyEdgeItem* edge) { m_edges.append(edge); }
    void removeEdge(TopologyEdgeItem* edge) { m_edges.removeAll(edge); }
    const QList<TopologyEdgeItem*>& edges() const { return m_edges; }

    /// Texts drawn at full detail, in paint order (the export test compares these with the SVG).
    QStringList visibleTexts() const;

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

private:
    TopologyNode m_node;
    QSizeF m_size;
    bool m_highlighted = false;
    bool m_dimmed = false;
    bool m_badgesVisible = true;
    QList<TopologyEdgeItem*> m_edges;
};

} // namespace hcn::ui
