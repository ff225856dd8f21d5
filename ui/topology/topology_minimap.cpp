#include "topology/topology_minimap.h"

#include "topology/topology_node_item.h"
#include "topology/topology_view.h"

#include <QEvent>
#include <QGraphicsScene>
#include <QMouseEvent>
#include <QPainter>

namespace hcn::ui {

TopologyMinimap::TopologyMinimap(TopologyView* view) : QWidget(view), m_view(view)
{
    setObjectName(QStringLiteral("topologyMinimap"));
    setToolTip(tr("Overview of the whole diagram; the rectangle is the part shown. Click or drag to move "
                  "there."));
    setCursor(Qt::PointingHandCursor);
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(kRefreshMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        if (isVisible())
            render();
    });
    connect(view, &TopologyView::visibleAreaChanged, this, [this] {
        updatePlacement();
        update();
    });
    view->installEventFilter(this);
    hide();
}

void TopologyMinimap::setWanted(bool wanted)
{
    m_wanted = wanted;
    updatePlacement();
}

QRectF TopologyMinimap::drawingRect() const
{
    return m_view && m_view->scene() ? m_view->scene()->sceneRect() : QRectF();
}

bool TopologyMinimap::isNeeded() const
{
    const QRectF drawing = drawingRect();
    if (!m_view || drawing.isEmpty())
        return false;
    const QSizeF viewport = m_view->viewport()->size();
    const qreal fitScale = qMin(viewport.width() / drawing.width(), viewport.height() / drawing.height());
    if (fitScale >= TopologyNodeItem::legibleScale())
        return false; // the whole drawing can be read at once: Fit is the overview
    // While the view shows the whole drawing, a copy of it in the corner adds nothing.
    const QRectF shown = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    const qreal slack = 1.0 / m_view->zoom();
    return !shown.adjusted(-slack, -slack, slack, slack).contains(drawing);
}

QSize TopologyMinimap::sizeFor(const QRectF& drawing) const
{
    if (drawing.isEmpty())
        return QSize(kMinSide, kMinSide);
    QSizeF size = drawing.size().scaled(QSizeF(kMaxWidth, kMaxHeight), Qt::KeepAspectRatio);
    // Never bigger than a third of the view, never too small to aim at.
    if (m_view) {
        const QSizeF room = QSizeF(m_view->viewport()->size()) / 3.0;
        if (size.width() > room.width() || size.height() > room.height())
            size = size.scaled(room, Qt::KeepAspectRatio);
    }
    return QSize(qMax(kMinSide, qRound(size.width())), qMax(kMinSide, qRound(size.height())));
}

void TopologyMinimap::updatePlacement()
{
    if (!m_view)
        return;
    const bool show = m_wanted && isNeeded();
    if (show) {
        const QSize size = sizeFor(drawingRect());
        if (size != this->size()) {
            resize(size);
            m_dirty = true;
            if (!m_refreshTimer.isActive())
                m_refreshTimer.start();
        }
        const QRect viewport = m_view->viewport()->geometry();
        move(viewport.right() - width() - kMargin + 1, viewport.bottom() - height() - kMargin + 1);
        raise();
    }
    if (show != isVisible())
        setVisible(show);
}

void TopologyMinimap::sceneChanged()
{
    m_dirty = true;
    updatePlacement();
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start(); // a burst of changes renders once, kRefreshMs after its first
}

void TopologyMinimap::refreshNow()
{
    m_refreshTimer.stop();
    render();
}

void TopologyMinimap::render()
{
    m_dirty = false;
    m_sceneRect = drawingRect();
    const QSize size = this->size();
    const QSizeF drawn =
        m_sceneRect.isEmpty() ? QSizeF() : m_sceneRect.size().scaled(size, Qt::KeepAspectRatio);
    m_target =
        QRectF(QPointF((size.width() - drawn.width()) / 2, (size.height() - drawn.height()) / 2), drawn);
    const qreal ratio = devicePixelRatioF();
    m_picture = QPixmap(size * ratio);
    m_picture.setDevicePixelRatio(ratio);
    m_picture.fill(palette().color(QPalette::Base));
    if (m_view && m_view->scene() && !m_target.isEmpty()) {
        QPainter painter(&m_picture);
        painter.setRenderHint(QPainter::Antialiasing);
        m_view->scene()->render(&painter, m_target, m_sceneRect, Qt::IgnoreAspectRatio);
    }
    ++m_refreshes;
    update();
}

QPointF TopologyMinimap::mapToScene(const QPointF& point) const
{
    if (m_target.isEmpty() || m_sceneRect.isEmpty())
        return {};
    const qreal scale = m_sceneRect.width() / m_target.width();
    return m_sceneRect.topLeft() + (point - m_target.topLeft()) * scale;
}

QPointF TopologyMinimap::mapFromScene(const QPointF& scenePoint) const
{
    if (m_target.isEmpty() || m_sceneRect.isEmpty())
        return {};
    const qreal scale = m_target.width() / m_sceneRect.width();
    return m_target.topLeft() + (scenePoint - m_sceneRect.topLeft()) * scale;
}

QRectF TopologyMinimap::visibleArea() const
{
    if (!m_view)
        return {};
    const QRectF shown = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    return QRectF(mapFromScene(shown.topLeft()), mapFromScene(shown.bottomRight()));
}

void TopologyMinimap::paintEvent(QPaintEvent* /*event*/)
{
    QPainter painter(this);
    if (m_picture.isNull() || m_picture.size() != size() * devicePixelRatioF())
        painter.fillRect(rect(), palette().color(QPalette::Base));
    else
        painter.drawPixmap(0, 0, m_picture);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor highlight = palette().color(QPalette::Highlight);
    QColor fill = highlight;
    fill.setAlpha(40);
    painter.setPen(QPen(highlight, 1.5));
    painter.setBrush(fill);
    painter.drawRect(visibleArea().intersected(QRectF(rect())).adjusted(0.75, 0.75, -0.75, -0.75));
    painter.setPen(QPen(palette().color(QPalette::Mid), 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5));
}

void TopologyMinimap::panTo(const QPointF& point)
{
    if (!m_view || m_target.isEmpty())
        return;
    const QPointF inside(qBound(m_target.left(), point.x(), m_target.right()),
                         qBound(m_target.top(), point.y(), m_target.bottom()));
    m_view->panTo(mapToScene(inside));
}

void TopologyMinimap::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_dragging = true;
    panTo(event->position());
    event->accept();
}

void TopologyMinimap::mouseMoveEvent(QMouseEvent* event)
{
    if (m_dragging)
        panTo(event->position());
    event->accept();
}

void TopologyMinimap::mouseReleaseEvent(QMouseEvent* event)
{
    m_dragging = false;
    event->accept();
}

void TopologyMinimap::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_dirty || m_picture.size() != size() * devicePixelRatioF())
        render(); // changes while hidden were not rendered
}

bool TopologyMinimap::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view && event->type() == QEvent::Resize)
        updatePlacement();
    return QWidget::eventFilter(watched, event);
}

} // namespace hcn::ui
