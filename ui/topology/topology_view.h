#pragma once
// TopologyView: the QGraphicsView of the diagram: wheel zoom around the cursor, drag to pan, F to fit.

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
    void setZoom(qreal scale);
    void zoomBy(qreal factor);
    /// Fits the whole drawing (never zooms in past 1:1 for a small one).
    void fitToContents();
    /// Centres on `item` and zooms in to a readable level if the view is zoomed far out.
    void focusOn(const TopologyNodeItem* item);

signals:
    void nodeDoubleClicked(const QString& key);
    void nodeContextMenuRequested(const QString& key, const QPoint& globalPos);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    TopologyNodeItem* nodeAt(const QPoint& viewPos) const;
};

} // namespace hcn::ui
