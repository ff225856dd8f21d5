#pragma once
// TopologyMinimap: the overview in the corner of the topology view: the whole drawing scaled down, the
// part the view shows as a rectangle; a click or a drag there centres the view on that point.
//
// It shows itself only when the drawing does not fit the view at a zoom where box titles can be read
// and the view shows part of it (zoomed in to read), unless the user switched it off. Painting stays cheap:
// the scaled drawing is a cached pixmap, rendered again only after the diagram changed, at most once per
// kRefreshMs; moving the view only repaints the rectangle over it.

#include <QPixmap>
#include <QPointer>
#include <QTimer>
#include <QWidget>

namespace hcn::ui {

class TopologyView;

class TopologyMinimap : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kRefreshMs = 250;
    static constexpr int kMaxWidth = 220;
    static constexpr int kMaxHeight = 160;
    static constexpr int kMinSide = 48;
    static constexpr int kMargin = 8;

    /// Lives in the corner of `view` (a child of it), over its viewport.
    explicit TopologyMinimap(TopologyView* view);

    /// The user's toggle: off keeps it hidden whatever the drawing.
    void setWanted(bool wanted);
    bool isWanted() const { return m_wanted; }
    /// Whether the drawing needs an overview: it does not fit the view at a legible zoom, and the view
    /// does not show all of it.
    bool isNeeded() const;

    /// The scene point under a point of this widget, and back.
    QPointF mapToScene(const QPointF& point) const;
    QPointF mapFromScene(const QPointF& scenePoint) const;
    /// The part of the drawing the view shows, in this widget's coordinates.
    QRectF visibleArea() const;
    /// Where the drawing is drawn in this widget.
    QRectF drawingArea() const { return m_target; }
    /// How often the cached picture was rendered (tests, benchmarks).
    int refreshCount() const { return m_refreshes; }

    /// The diagram changed: the picture is rendered again within kRefreshMs (once for a burst).
    void sceneChanged();
    /// Renders the picture now (tests; hidden widgets wait until they show).
    void refreshNow();
    /// Shows or hides it for the drawing and the view as they are now, and moves it to the corner.
    void updatePlacement();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QRectF drawingRect() const;
    QSize sizeFor(const QRectF& drawing) const;
    void render();
    void panTo(const QPointF& point);

    QPointer<TopologyView> m_view;
    QTimer m_refreshTimer;
    QPixmap m_picture;
    QRectF m_sceneRect; ///< the drawing's rect when the picture was rendered
    QRectF m_target;    ///< where it is drawn in this widget
    bool m_wanted = true;
    bool m_dirty = true;
    bool m_dragging = false;
    int m_refreshes = 0;
};

} // namespace hcn::ui
