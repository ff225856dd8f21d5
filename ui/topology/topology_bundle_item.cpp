#include "topology/topology_bundle_item.h"

#include "topology/topology_edge_item.h"
#include "topology/topology_grid.h"
#include "topology/topology_node_item.h"
#include "topology/topology_route_plan.h"
#include "topology/topology_scene.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>
#include <algorithm>
#include <numeric>

namespace hcn::ui {

namespace {

constexpr int kNamesInToolTip = 8;
constexpr qreal kAntialiasScale = 0.45; // as the single lines: smooth only where the eye can tell

QString tr(const char* text)
{
    return QCoreApplication::translate("hcn::ui::TopologyBundleItem", text);
}

QFont labelFont()
{
    QFont font;
    font.setPointSizeF(9.0);
    font.setBold(true);
    return font;
}

} // namespace

TopologyBundleItem::TopologyBundleItem(TopologyEdgeKind kind, TopologyNodeItem* from,
                                       QList<TopologyNodeItem*> members, QList<TopologyNodeItem*> grid)
    : m_kind(kind), m_from(from), m_members(std::move(members)), m_grid(std::move(grid)),
      m_label(labelFor(kind, m_members.size())),
      m_labelSize(QFontMetricsF(labelFont()).size(0, m_label) + QSizeF(12, 6)),
      m_labelScale(TopologyNodeItem::kMinLegiblePixels / QFontMetricsF(labelFont()).ascent())
{
    setZValue(1.2); // above the single lines, under the boxes
    setAcceptedMouseButtons(Qt::NoButton);
    // The names in the grid's order (by name, numbers as numbers, then by address), the first few:
    // only those are sorted (the members' order breaks ties), not the hundreds behind them.
    QList<qsizetype> byName(m_members.size());
    std::iota(byName.begin(), byName.end(), 0);
    const auto shown = byName.begin() + qMin<qsizetype>(kNamesInToolTip, byName.size());
    std::partial_sort(byName.begin(), shown, byName.end(), [this](qsizetype a, qsizetype b) {
        const TopologyNode& x = m_members[a]->node();
        const TopologyNode& y = m_members[b]->node();
        if (TopologyGridPlan::lessThan(x.sortName, x.sortAddress, y.sortName, y.sortAddress))
            return true;
        if (TopologyGridPlan::lessThan(y.sortName, y.sortAddress, x.sortName, x.sortAddress))
            return false;
        return a < b;
    });
    QStringList names;
    for (auto it = byName.begin(); it != shown; ++it)
        names.append(m_members[*it]->node().lines.value(0).toHtmlEscaped());
    if (m_members.size() > kNamesInToolTip)
        names.append(tr("and %1 more").arg(m_members.size() - kNamesInToolTip));
    const QString select = m_kind == TopologyEdgeKind::LoadBalancerBackend
                               ? tr("Select the load balancer or a backend to see each line.")
                               : tr("Select the network or an endpoint to see each line.");
    setToolTip(QStringLiteral("<p><b>%1 \u2192 %2</b> %3</p><p>%4</p><p>%5</p>")
                   .arg(m_from->node().lines.value(0).toHtmlEscaped(), m_label, tr("in this grid"),
                        names.join(QLatin1String(", ")), select));
    updateGeometry();
}

QString TopologyBundleItem::labelFor(TopologyEdgeKind kind, qsizetype n)
{
    switch (kind) {
    case TopologyEdgeKind::LoadBalancerBackend:
        return n == 1 ? tr("1 backend") : tr("%1 backends").arg(n);
    case TopologyEdgeKind::NetworkRemote:
        return n == 1 ? tr("1 remote endpoint") : tr("%1 remote endpoints").arg(n);
    default:
        return n == 1 ? tr("1 endpoint") : tr("%1 endpoints").arg(n);
    }
}

QRectF TopologyBundleItem::fromRect() const
{
    return m_from->sceneBoundingRect().adjusted(2, 2, -2, -2);
}

QPolygonF TopologyBundleItem::straightPath() const
{
    return TopologyRoutePlan::bundleLine(fromRect(), m_gridRect);
}

void TopologyBundleItem::updateGeometry()
{
    QRectF grid;
    for (const TopologyNodeItem* member : std::as_const(m_grid))
        grid = grid.united(member->sceneBoundingRect());
    m_gridRect = grid;
    setPath(straightPath());
}

void TopologyBundleItem::setPath(const QPolygonF& path)
{
    if (path.size() < 2 || path == m_path)
        return;
    prepareGeometryChange();
    m_path = path;
    // The label sits across the middle of the line's longest stretch. The scene asks for the bounds
    // often: kept.
    QLineF longest(m_path[0], m_path[1]);
    for (qsizetype i = 1; i + 1 < m_path.size(); ++i)
        if (QLineF(m_path[i], m_path[i + 1]).length() > longest.length())
            longest = QLineF(m_path[i], m_path[i + 1]);
    m_labelRect =
        QRectF(longest.center() - QPointF(m_labelSize.width() / 2, m_labelSize.height() / 2), m_labelSize);
    m_bounds = m_path.boundingRect().adjusted(-3, -3, 3, 3).united(m_labelRect);
}

QRectF TopologyBundleItem::boundingRect() const
{
    return m_bounds;
}

QPainterPath TopologyBundleItem::shape() const
{
    // The tooltip answers along the line and on its label, not over the whole rectangle it spans.
    QPainterPath path;
    path.addPolygon(m_path);
    QPainterPathStroker stroker;
    stroker.setWidth(8.0);
    QPainterPath out = stroker.createStroke(path);
    out.addRect(m_labelRect);
    return out;
}

void TopologyBundleItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget)
{
    Q_UNUSED(widget);
    const auto* topologyScene = qobject_cast<const TopologyScene*>(scene());
    const bool exporting = topologyScene && topologyScene->isExporting();
    const qreal scale = exporting ? 1.0 : option->levelOfDetailFromTransform(painter->worldTransform());
    painter->setRenderHint(QPainter::Antialiasing, scale >= kAntialiasScale);
    QPen pen = TopologyEdgeItem::bundlePenFor(m_kind);
    pen.setCosmetic(true); // a few device pixels at any zoom: bundles stay in the fitted picture
    painter->setPen(pen);
    painter->drawPolyline(m_path);
    if (!exporting && scale < m_labelScale)
        return;
    painter->setPen(QPen(pen.color(), 1.0));
    painter->setBrush(QColor(255, 255, 255, 230));
    painter->drawRoundedRect(m_labelRect, 4, 4);
    painter->setFont(labelFont());
    painter->setPen(QColor(0x30, 0x30, 0x30));
    painter->drawText(m_labelRect, Qt::AlignCenter, m_label);
}

} // namespace hcn::ui
