#pragma once
// TopologyNodeItem: one node of the diagram (host, network, endpoint, namespace header, load balancer,
// collapsed-endpoints count). Paints by level of detail measured on screen: a text line is drawn only
// when its letters would be at least kMinLegiblePixels high at the painter's scale; the smaller detail
// lines and badges drop out first, the name stays as long as it can be read. Zoomed out further (a fitted
// diagram), the name is still drawn, in the smallest legible size and shortened to the box, while the box
// is wide and tall enough on screen for it; below that a node draws its shape only (a flat box when far
// out), so a 5,000-endpoint scene pans smoothly.

#include "compare/compare_marks.h"
#include "topology/topology_graph.h"

#include <QGraphicsItem>

class QFont;

namespace hcn::ui {

class TopologyEdgeItem;

class TopologyNodeItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 0x701
    };

    /// The smallest letter height (ascent, device pixels) worth drawing.
    static constexpr qreal kMinLegiblePixels = 7.0;

    /// `size`: the node's sizeFor() when it was measured already (the build thread does); else
    /// measured here.
    explicit TopologyNodeItem(const TopologyNode& node, QSizeF size = {});

    /// The box a node needs for its text (scene units); the layout reserves exactly this.
    static QSizeF sizeFor(const TopologyNode& node);

    const TopologyNode& node() const { return m_node; }
    QString key() const { return m_node.key; }
    /// The box (without the outline's margin), centred on pos().
    QSizeF size() const { return m_size; }
    /// Replaces content (labels, badges, tooltip); keeps the position. False when it is the same.
    /// `size` as for the constructor.
    bool setNode(const TopologyNode& node, QSizeF size = {});

    void setHighlighted(bool highlighted);
    bool isHighlighted() const { return m_highlighted; }
    void setDimmed(bool dimmed);
    /// A comparison's mark: a stripe on the left and an outline in the mark's colour (compare_marks.h).
    void setCompareMark(CompareMark mark);
    CompareMark compareMark() const { return m_compareMark; }
    void setBadgesVisible(bool visible);

    void addEdge(TopologyEdgeItem* edge) { m_edges.append(edge); }
    void removeEdge(TopologyEdgeItem* edge) { m_edges.removeAll(edge); }
    const QList<TopologyEdgeItem*>& edges() const { return m_edges; }

    /// How many of the node's lines (name first) are drawn when one scene unit is `scale` pixels.
    qsizetype linesToDraw(qreal scale) const;
    /// Whether, with no line drawn at its own size, the name is drawn in the smallest legible size
    /// (shortened to the box) at that scale.
    bool drawsCompactNameAt(qreal scale) const;
    /// Whether the policy badges are drawn at that scale.
    bool drawsBadgesAt(qreal scale) const;
    /// Whether text in `font` is legible when one scene unit is `scale` pixels.
    static bool isLegibleAt(const QFont& font, qreal scale);
    /// The smallest scale at which box titles are drawn (below it a box shows its shape alone).
    static qreal legibleScale();
    /// The colours a node of this kind is drawn in (the legend shows the same).
    static QColor fillColor(TopologyNodeKind kind);
    static QColor borderColor(TopologyNodeKind kind);

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
    CompareMark m_compareMark = CompareMark::None;
    QList<TopologyEdgeItem*> m_edges;
};

} // namespace hcn::ui
