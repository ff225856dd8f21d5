#pragma once
// TopologyEdgeRouter: finds a path for a line of the diagram that keeps off the boxes it does not end
// in. A line goes straight between its two boxes when that segment is clear; otherwise it goes around
// with right angles, through the gaps the layout leaves between boxes (a shortest path with few bends
// over the lines along the boxes' edges, crossing as few of the lines already drawn as it can), and
// straight again only when no way round exists.

#include "topology/topology_layout_job.h"

#include <QHash>
#include <QList>
#include <QPolygonF>
#include <QRectF>
#include <vector>

namespace hcn::ui {

class TopologyEdgeRouter
{
public:
    /// How far a bent line keeps from the boxes it passes.
    static constexpr qreal kClearance = 5.0;

    TopologyEdgeRouter() = default;
    /// The boxes lines keep off (scene coordinates); a line names the ones it may cross by index.
    explicit TopologyEdgeRouter(QList<QRectF> obstacles);

    int obstacleCount() const { return int(m_obstacles.size()); }

    /// What a search avoids: the boxes and the lines drawn, or the boxes only (faster).
    enum class Search
    {
        Full,
        BoxesOnly,
    };

    /// Every line of a diagram (runs on the layout thread): the lines that stay straight are placed
    /// first, then each line that would run over a box goes around, crossing as few of those placed as
    /// it can. `known`: bent paths found among the same obstacles, by line key (reused, and filled).
    /// Past kRouteBudgetMs the remaining lines still go around the boxes, without avoiding the others.
    /// A line left over a box (no way round at all) is counted as a fallback.
    static TopologyRouteResult routeAll(const TopologyRouteRequest& request,
                                        QHash<QString, QPolygonF>& known);
    /// How long routeAll looks for paths that cross few lines before it settles for the shortest.
    static constexpr int kRouteBudgetMs = 5000;

    /// The line from box `from` to box `to` (their indices among the obstacles in `ends`, which it may
    /// cross): the straight segment between the two boxes when it is clear, else a path around the
    /// other boxes from the edge of `from` to the edge of `to`, looked for near the two boxes first and
    /// over the whole drawing last; straight only when the boxes leave no way at all. A path has at
    /// least two points. `meets`: the ends it shares with other lines, which it does not cross (`ends`
    /// when empty).
    QPolygonF route(const QRectF& from, const QRectF& to, const QList<int>& ends,
                    const QList<int>& meets = {}, Search search = Search::Full) const;

    /// Whether the segment a-b passes through the inside of `box` (Liang-Barsky clipping).
    static bool crossesBox(QPointF a, QPointF b, const QRectF& box);

    /// Whether the segment a-b stays off every obstacle but `ends`; `grow` enlarges the obstacles.
    bool isClear(QPointF a, QPointF b, const QList<int>& ends, qreal grow = 0.0) const;
    /// Whether every segment of `path` stays off every obstacle but `ends`.
    bool isClear(const QPolygonF& path, const QList<int>& ends) const;

    /// A line already drawn, with the ends it shares with other lines (`meets`, obstacle indices): a
    /// path going around avoids crossing it where it can.
    void addLine(const QPolygonF& path, const QList<int>& meets);

private:
    struct Segment
    {
        QPointF a;
        QPointF b;
        qreal left; ///< bounding box
        qreal right;
        qreal top;
        qreal bottom;
        int from;
        int to;
    };
    /// How many drawn lines that share neither end the segment a-b crosses.
    int crossings(QPointF a, QPointF b, int meetsA, int meetsB) const;
    /// The cells of the line index `area` covers, clamped to it: first column, last column, first row,
    /// last row.
    bool cellsOf(const QRectF& area, int& c0, int& c1, int& r0, int& r1) const;

    /// A path around within `window`, empty when there is none (or, avoiding lines, none found soon,
    /// or the window holds more than `maxPoints` candidate points).
    QPolygonF aroundObstacles(const QRectF& from, const QRectF& to, const QList<int>& ends,
                              const QList<int>& meets, const QRectF& window, bool avoidLines,
                              qsizetype maxPoints) const;
    /// Indices of the obstacles whose bucket cells meet `area`.
    QList<int> obstaclesIn(const QRectF& area) const;

    QList<QRectF> m_obstacles;
    QRectF m_bounds;
    qreal m_cell = 1.0;
    int m_columns = 0;
    int m_rows = 0;
    QList<QList<int>> m_buckets; ///< row-major cells of m_cell x m_cell over m_bounds
    std::vector<Segment> m_segments;
    qreal m_segmentCell = 1.0;
    int m_segmentColumns = 0;
    int m_segmentRows = 0;
    std::vector<std::vector<int>> m_segmentBuckets; ///< row-major cells of m_segmentCell over m_bounds
    mutable std::vector<int> m_seen;                ///< per segment: the query that last counted it
    mutable int m_query = 0;
};

} // namespace hcn::ui
