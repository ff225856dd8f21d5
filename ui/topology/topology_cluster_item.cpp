#include "topology/topology_cluster_item.h"

#include "topology/topology_node_item.h"
#include "topology/topology_scene.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace hcn::ui {

namespace {
constexpr qreal kMargin = 10.0;
constexpr qreal kLabelHeight = 18.0;
} // namespace

TopologyClusterItem::TopologyClusterItem(const TopologyCluster& cluster) : m_cluster(cluster)
{
    setZValue(0.0);
    setToolTip(cluster.toolTip);
    // Clicks go to the namespace's header node, not the frame (keeps selection one object per item).
    setAcceptedMouseButtons(Qt::NoButton);
}

void TopologyClusterItem::setCluster(const TopologyCluster& cluster)
{
    if (cluster == m_cluster)
        return;
    m_cluster = cluster;
    setToolTip(cluster.toolTip);
    update();
}

void TopologyClusterItem::setMembers(const QList<TopologyNodeItem*>& members)
{
    m_members = members;
    updateGeometry();
}

void TopologyClusterItem::updateGeometry()
{
    QRectF rect;
    for (const TopologyNodeItem* member : std::as_const(m_members))
        rect = rect.united(member->sceneBoundingRect());
    if (!rect.isNull())
        rect.adjust(-kMargin, -kMargin - kLabelHeight, kMargin, kMargin);
    setVisible(!rect.isNull());
    if (rect == m_rect)
        return;
    prepareGeometryChange();
    m_rect = rect;
}

QRectF TopologyClusterItem::boundingRect() const
{
    return m_rect.adjusted(-1, -1, 1, 1);
}

void TopologyClusterItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget)
{
    Q_UNUSED(widget);
    const bool namespaceFrame = m_cluster.kind == TopologyClusterKind::Namespace;
    QPen pen(namespaceFrame ? QColor(0x6a, 0x4c, 0xa3) : QColor(0xc0, 0x70, 0x10), 1.0,
             namespaceFrame ? Qt::SolidLine : Qt::DashDotLine);
    pen.setCosmetic(true);
    const auto* topologyScene = qobject_cast<const TopologyScene*>(scene());
    const bool exporting = topologyScene && topologyScene->isExporting();
    const qreal lod = exporting ? 1.0 : option->levelOfDetailFromTransform(painter->worldTransform());
    painter->setRenderHint(QPainter::Antialiasing, lod >= 0.2);
    painter->setPen(pen);
    painter->setBrush(namespaceFrame ? QColor(0x6a, 0x4c, 0xa3, 18) : QColor(0xc0, 0x70, 0x10, 14));
    painter->drawRoundedRect(m_rect, 8, 8);
    QFont font;
    font.setPointSizeF(9.0);
    font.setItalic(true);
    if (!TopologyNodeItem::isLegibleAt(font, lod))
        return; // the frame alone: its label could not be read
    painter->setFont(font);
    painter->setPen(pen.color());
    painter->drawText(QRectF(m_rect.left() + 8, m_rect.top() + 2, m_rect.width() - 16, kLabelHeight),
                      Qt::AlignLeft | Qt::AlignVCenter, m_cluster.label);
}

} // namespace hcn::ui
