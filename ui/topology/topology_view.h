#pragma once
// TopologyView: the QGraphicsView of the diagram: wheel zoom around the cursor, drag to pan, F to fit.
// It starts in auto-fit mode: the whole drawing is shown, and shown again whenever the view is resized
// or the laid-out drawing changes. The first zoom or pan by the user ends auto-fit (the view then
// stays where the user put it); Fit turns it back on.

#include <QGraphicsView>

namespace hcn::ui {

class TopologyNodeItem;

class TopologyView : public QGraphicsView
{
    Q_OBJECT
public:
    static constexpr qreal kMinScale = 0.01;
    static constexpr qreal kMaxScale = 8.0;

    explicit TopologyView(QWidget* parent = nullptr);

    qreal zoom() const;
    /// Zooms as the user asked (ends auto-fit).
    void setZoom(qreal scale);
    void zoomBy(qreal factor);
    /// Fits the whole drawing (never zooms in past 1:1 for a small one) and turns auto-fit on.
    void fitToContents();
    /// Centres on `scenePoint` at the current zoom, as the user asked (ends auto-fit): the overview.
    void panTo(const QPointF& scenePoint);
    /// Centres on `item` and zooms in to a readable level if the view is zoomed far out (ends auto-fit).
    void focusOn(const TopologyNodeItem* item);

    /// True while the view refits itself on resize and on drawing changes.
    bool isAutoFit() const { return m_autoFit; }
    /// Called when the drawing changed (its scene rect): refits in auto-fit mode.
    void drawingChanged();

signals:
    void nodeDoubleClicked(const QString& key);
    void nodeContextMenuRequested(const QString& key, const QPoint& globalPos);
    void autoFitChanged(bool autoFit);
    /// The part of the drawing shown changed: scrolled, zoomed or resized.
    void visibleAreaChanged();

protected:
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    TopologyNodeItem* nodeAt(const QPoint& viewPos) const;
    void applyZoom(qreal scale);
    void fit();
    void setAutoFit(bool autoFit);
    QPoint scrollPosition() const;

    bool m_autoFit = true;
    QPoint m_pressScroll;
};

} // namespace hcn::ui
