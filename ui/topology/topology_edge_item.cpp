#include "topology/topology_edge_item.h"

#include "topology/topology_node_item.h"
#include "topology/topology_route_plan.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace hcn::ui {

namespace {

constexpr qreal kOverviewLod = 0.12;
constexpr qreal kAntialiasLod = 0.45;

} // namespace

QPointF TopologyEdgeItem::clipToBox(const QRectF& box, const QPointF& outside)
{
    const QPointF centre = box.center();
    const QPointF d = outside - centre;
    if (qFuzzyIsNull(d.x()) && qFuzzyIsNull(d.y()))
        return centre;
    const qreal sx = qFuzzyIsNull(d.x()) ? 1e9 : (box.width() / 2) / qAbs(d.x());
    const qreal sy = qFuzzyIsNull(d.y()) ? 1e9 : (box.height() / 2) / qAbs(d.y());
    const qreal s = qMin(1.0, qMin(sx, sy));
    return centre + d * s;
}

QPen TopologyEdgeItem::penFor(TopologyEdgeKind kind)
{
    switch (kind) {
    case TopologyEdgeKind::HostNetwork:
        return QPen(QColor(0x45, 0x4f, 0x5a), 2.0);
    case TopologyEdgeKind::NetworkRemote:
        return QPen(QColor(0xc0, 0x70, 0x10), 1.0, Qt::DashLine);
    case TopologyEdgeKind::NetworkAggregate:
        return QPen(QColor(0x70, 0x70, 0x70), 1.5, Qt::DashLine);
    case TopologyEdgeKind::LoadBalancerBackend:
        return QPen(QColor(0xb0, 0x30, 0x30, 170), 1.0);
    case TopologyEdgeKind::LoadBalancerNetwork:
        return QPen(QColor(0xb0, 0x30, 0x30, 170), 1.0, Qt::DotLine);
    default:
        return QPen(QColor(0x60, 0x70, 0x80), 1.0);
    }
}

QPen TopologyEdgeItem::bundlePenFor(TopologyEdgeKind kind)
{
    QPen pen = penFor(kind);
    pen.setWidthF(3.0);
    QColor colour = pen.color();
    colour.setAlpha(220);
    pen.setColor(colour);
    return pen;
}

TopologyEdgeItem::TopologyEdgeItem(TopologyEdgeKind kind, TopologyNodeItem* from, TopologyNodeItem* to)
    : m_kind(kind), m_from(from), m_to(to)
{
    setZValue(1.0);
    setAcceptedMouseButtons(Qt::NoButton);
    m_from->addEdge(this);
    m_to->addEdge(this);
    updateGeometry();
}

TopologyEdgeItem::~TopologyEdgeItem()
{
    detach();
}

void TopologyEdgeItem::detach()
{
    if (m_from)
        m_from->removeEdge(this);
    if (m_to)
        m_to->removeEdge(this);
    m_from = nullptr;
    m_to = nullptr;
}

QPolygonF TopologyEdgeItem::straightPath() const
{
    if (!m_from || !m_to)
        return m_path;
    return TopologyRoutePlan::edgeLine(m_from->sceneBoundingRect().adjusted(2, 2, -2, -2),
                                       m_to->sceneBoundingRect().adjusted(2, 2, -2, -2));
}

void TopologyEdgeItem::setPath(const QPolygonF& path)
{
    if (path == m_path || path.size() < 2)
        return;
    prepareGeometryChange();
    m_path = path;
}

void TopologyEdgeItem::updateGeometry()
{
    if (m_from && m_to)
        setPath(straightPath());
}

QRectF TopologyEdgeItem::boundingRect() const
{
    return m_path.boundingRect().adjusted(-2, -2, 2, 2);
}

void TopologyEdgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget)
{
    Q_UNUSED(widget);
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    // Zoomed far out, thousands of endpoint and backend lines are a grey haze that costs most of the
    // frame: only the host-network spine stays; the packed boxes already show what belongs where.
    if (lod < kOverviewLod && m_kind != TopologyEdgeKind::HostNetwork &&
        m_kind != TopologyEdgeKind::NetworkAggregate)
        return;
    painter->setRenderHint(QPainter::Antialiasing, lod >= kAntialiasLod);
    QPen pen = penFor(m_kind);
    pen.setCosmetic(true); // one device pixel at any zoom: cheap and readable when zoomed out
    painter->setPen(pen);
    painter->drawPolyline(m_path);
}

} // namespace hcn::ui
