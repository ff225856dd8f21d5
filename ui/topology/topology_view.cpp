#include "topology/topology_view.h"

#include "topology/topology_node_item.h"

#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QScrollBar>
#include <QWheelEvent>
#include <cmath>

namespace hcn::ui {

namespace {
constexpr qreal kWheelStep = 1.15;
constexpr qreal kReadableScale = 0.9;
} // namespace

TopologyView::TopologyView(QWidget* parent) : QGraphicsView(parent)
{
    setObjectName(QStringLiteral("topologyView"));
    setDragMode(ScrollHandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    // Items repaint only where they changed; the background is a flat colour worth caching.
    setViewportUpdateMode(MinimalViewportUpdate);
    setCacheMode(CacheBackground);
    setOptimizationFlag(DontAdjustForAntialiasing, true);
    // Every item sets the pen, brush, font and antialiasing it uses, so the per-item save/restore
    // (a measurable share of a 12,000-item frame) is not needed.
    setOptimizationFlag(DontSavePainterState, true);
    setFocusPolicy(Qt::StrongFocus);
    // Dragging the scroll bars (or scrolling them with the keyboard) is the user panning.
    for (QScrollBar* bar : {horizontalScrollBar(), verticalScrollBar()})
        connect(bar, &QScrollBar::actionTriggered, this, [this] { setAutoFit(false); });
}

qreal TopologyView::zoom() const
{
    return transform().m11();
}

void TopologyView::setZoom(qreal scale)
{
    setAutoFit(false);
    applyZoom(scale);
}

void TopologyView::applyZoom(qreal scale)
{
    scale = qBound(kMinScale, scale, kMaxScale);
    const qreal current = zoom();
    if (qFuzzyCompare(scale, current))
        return;
    QGraphicsView::scale(scale / current, scale / current);
    emit visibleAreaChanged();
}

void TopologyView::zoomBy(qreal factor)
{
    setZoom(zoom() * factor);
}

void TopologyView::fitToContents()
{
    setAutoFit(true);
    fit();
}

void TopologyView::drawingChanged()
{
    if (m_autoFit)
        fit();
}

void TopologyView::fit()
{
    if (!scene())
        return;
    const QRectF rect = scene()->sceneRect();
    if (rect.isEmpty())
        return;
    fitInView(rect, Qt::KeepAspectRatio);
    if (zoom() > 1.0)
        applyZoom(1.0);
    else if (zoom() < kMinScale)
        applyZoom(kMinScale);
    centerOn(rect.center());
    emit visibleAreaChanged();
}

void TopologyView::setAutoFit(bool autoFit)
{
    if (m_autoFit == autoFit)
        return;
    m_autoFit = autoFit;
    emit autoFitChanged(autoFit);
}

void TopologyView::focusOn(const TopologyNodeItem* item)
{
    if (!item)
        return;
    setAutoFit(false);
    if (zoom() < kReadableScale * 0.5)
        applyZoom(kReadableScale);
    centerOn(item);
}

void TopologyView::panTo(const QPointF& scenePoint)
{
    setAutoFit(false);
    centerOn(scenePoint);
}

void TopologyView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    if (m_autoFit)
        fit();
    emit visibleAreaChanged();
}

void TopologyView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    emit visibleAreaChanged();
}

QPoint TopologyView::scrollPosition() const
{
    return QPoint(horizontalScrollBar()->value(), verticalScrollBar()->value());
}

void TopologyView::mousePressEvent(QMouseEvent* event)
{
    m_pressScroll = scrollPosition();
    QGraphicsView::mousePressEvent(event);
}

void TopologyView::mouseReleaseEvent(QMouseEvent* event)
{
    QGraphicsView::mouseReleaseEvent(event);
    // A drag that moved the drawing is a pan; a click that only selected is not.
    if (scrollPosition() != m_pressScroll)
        setAutoFit(false);
}

void TopologyView::wheelEvent(QWheelEvent* event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    zoomBy(std::pow(kWheelStep, delta / 120.0));
    event->accept();
}

void TopologyView::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_F && event->modifiers() == Qt::NoModifier) {
        fitToContents();
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

TopologyNodeItem* TopologyView::nodeAt(const QPoint& viewPos) const
{
    for (QGraphicsItem* item : items(viewPos))
        if (item->type() == TopologyNodeItem::Type)
            return static_cast<TopologyNodeItem*>(item);
    return nullptr;
}

void TopologyView::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (TopologyNodeItem* node = nodeAt(event->position().toPoint())) {
        emit nodeDoubleClicked(node->key());
        event->accept();
        return;
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void TopologyView::contextMenuEvent(QContextMenuEvent* event)
{
    TopologyNodeItem* node = nodeAt(event->pos());
    emit nodeContextMenuRequested(node ? node->key() : QString(), event->globalPos());
    event->accept();
}

} // namespace hcn::ui
