#include "topology/topology_edge_router.h"

#include "topology/topology_edge_item.h"

#include <QElapsedTimer>
#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>
#include <vector>

namespace hcn::ui {

namespace {

/// A bend costs as much as this much more length: a path turns only to get round something.
constexpr qreal kBendCost = 40.0;
/// A crossing with another line costs as much as this much more length.
constexpr qreal kCrossingCost = 120.0;
/// Points a search that avoids other lines looks at before it settles for the shortest way round.
constexpr int kMaxExpansions = 20000;
/// How far into a big target box the search looks for a way in.
constexpr qreal kReach = 200.0;
/// Room around the boxes a path has to go round, for the first try.
constexpr qreal kWindowMargin = 60.0;
/// The smallest cell of the index of lines drawn.
constexpr qreal kMinSegmentCell = 30.0;
/// Beyond this many candidate points a search near the two boxes costs more than it is worth.
constexpr qsizetype kMaxPoints = 60000;
/// The bound of the last search, over the whole drawing (about 20 MB while it runs).
constexpr qsizetype kMaxPointsWhole = 600000;

bool strictlyInside(const QRectF& box, qreal x, qreal y)
{
    return x > box.left() && x < box.right() && y > box.top() && y < box.bottom();
}

/// Sorted coordinates without near-duplicates.
std::vector<qreal> axis(std::vector<qreal> values)
{
    std::sort(values.begin(), values.end());
    std::vector<qreal> out;
    out.reserve(values.size());
    for (qreal v : values)
        if (out.empty() || v - out.back() > 0.5)
            out.push_back(v);
    return out;
}

qsizetype indexOf(const std::vector<qreal>& values, qreal v)
{
    const auto it = std::lower_bound(values.cbegin(), values.cend(), v - 0.5);
    return it - values.cbegin();
}

/// Where the axis-parallel segment from `inside` to `outside` leaves `box`.
QPointF leaving(QPointF inside, QPointF outside, const QRectF& box)
{
    if (qFuzzyCompare(inside.y(), outside.y()))
        return {outside.x() > inside.x() ? box.right() : box.left(), inside.y()};
    return {inside.x(), outside.y() > inside.y() ? box.bottom() : box.top()};
}

} // namespace

TopologyRouteResult TopologyEdgeRouter::routeAll(const TopologyRouteRequest& request,
                                                 QHash<QString, QPolygonF>& known)
{
    QElapsedTimer timer;
    timer.start();
    TopologyRouteResult result;
    TopologyEdgeRouter router(request.obstacles);
    QList<const TopologyRouteLine*> around;
    for (const TopologyRouteLine& line : request.lines) {
        if (line.straight.size() < 2)
            continue;
        if (line.mayBend && !line.ends.contains(-1) &&
            !router.isClear(line.straight.first(), line.straight.last(), line.ends)) {
            around.append(&line);
            continue;
        }
        result.paths.insert(line.key, line.straight);
        router.addLine(line.straight, line.meets);
    }
    for (const TopologyRouteLine* line : std::as_const(around)) {
        auto found = known.constFind(line->key);
        if (found == known.cend()) {
            // Past the budget the rest still go around the boxes, only without avoiding other lines.
            const Search search = timer.elapsed() > kRouteBudgetMs ? Search::BoxesOnly : Search::Full;
            found =
                known.insert(line->key, router.route(line->from, line->to, line->ends, line->meets, search));
        }
        if (!router.isClear(*found, line->ends))
            ++result.straightFallbacks; // no way round: the boxes leave no gap a line fits through
        else if (*found != line->straight)
            ++result.bent;
        result.paths.insert(line->key, *found);
        router.addLine(*found, line->meets);
    }
    return result;
}

bool TopologyEdgeRouter::crossesBox(QPointF a, QPointF b, const QRectF& box)
{
    double t0 = 0.0;
    double t1 = 1.0;
    const double dx = b.x() - a.x();
    const double dy = b.y() - a.y();
    const double p[] = {-dx, dx, -dy, dy};
    const double q[] = {a.x() - box.left(), box.right() - a.x(), a.y() - box.top(), box.bottom() - a.y()};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0.0) {
            if (q[i] <= 0.0)
                return false;
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0.0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 >= t1)
            return false;
    }
    return true;
}

TopologyEdgeRouter::TopologyEdgeRouter(QList<QRectF> obstacles) : m_obstacles(std::move(obstacles))
{
    for (const QRectF& box : std::as_const(m_obstacles))
        m_bounds = m_bounds.isNull() ? box : m_bounds.united(box);
    if (m_obstacles.isEmpty() || m_bounds.isEmpty())
        return;
    // Cells of a few obstacles each on average; big ones (grids) are listed in every cell they cover.
    m_cell = qMax(120.0, 2.0 * std::sqrt(m_bounds.width() * m_bounds.height() / double(m_obstacles.size())));
    m_columns = int(m_bounds.width() / m_cell) + 1;
    m_rows = int(m_bounds.height() / m_cell) + 1;
    m_buckets.resize(qsizetype(m_columns) * m_rows);
    // Lines are indexed on finer cells: a step of a search looks at the lines of the cells it passes,
    // and a long line through a coarse cell would be looked at by every step there.
    m_segmentCell = qMax(kMinSegmentCell, m_cell / 4);
    m_segmentColumns = int(m_bounds.width() / m_segmentCell) + 1;
    m_segmentRows = int(m_bounds.height() / m_segmentCell) + 1;
    m_segmentBuckets.resize(size_t(m_segmentColumns) * size_t(m_segmentRows));
    for (int i = 0; i < int(m_obstacles.size()); ++i) {
        const QRectF& box = m_obstacles[i];
        const int c0 = int((box.left() - m_bounds.left()) / m_cell);
        const int c1 = qMin(m_columns - 1, int((box.right() - m_bounds.left()) / m_cell));
        const int r0 = int((box.top() - m_bounds.top()) / m_cell);
        const int r1 = qMin(m_rows - 1, int((box.bottom() - m_bounds.top()) / m_cell));
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c)
                m_buckets[qsizetype(r) * m_columns + c].append(i);
    }
}

bool TopologyEdgeRouter::cellsOf(const QRectF& area, int& c0, int& c1, int& r0, int& r1) const
{
    if (m_segmentBuckets.empty())
        return false;
    const qreal cell = m_segmentCell;
    c0 = qBound(0, int(std::floor((area.left() - m_bounds.left()) / cell)), m_segmentColumns - 1);
    c1 = qBound(0, int(std::floor((area.right() - m_bounds.left()) / cell)), m_segmentColumns - 1);
    r0 = qBound(0, int(std::floor((area.top() - m_bounds.top()) / cell)), m_segmentRows - 1);
    r1 = qBound(0, int(std::floor((area.bottom() - m_bounds.top()) / cell)), m_segmentRows - 1);
    return true;
}

void TopologyEdgeRouter::addLine(const QPolygonF& path, const QList<int>& meets)
{
    for (qsizetype n = 0; n + 1 < path.size(); ++n) {
        int c0, c1, r0, r1;
        if (!cellsOf(QRectF(path[n], path[n + 1]).normalized(), c0, c1, r0, r1))
            return;
        const int index = int(m_segments.size());
        const QPointF a = path[n];
        const QPointF b = path[n + 1];
        m_segments.push_back({a, b, qMin(a.x(), b.x()), qMax(a.x(), b.x()), qMin(a.y(), b.y()),
                              qMax(a.y(), b.y()), meets.value(0, -1), meets.value(1, -1)});
        // A slanted line goes only into the cells along it: per column of cells, the rows its part in
        // that column spans (the whole box around a long diagonal would be most of the index).
        for (int c = c0; c <= c1; ++c) {
            int first = r0;
            int last = r1;
            if (a.x() != b.x() && a.y() != b.y()) {
                const qreal x0 = qMax(qMin(a.x(), b.x()), m_bounds.left() + c * m_segmentCell);
                const qreal x1 = qMin(qMax(a.x(), b.x()), m_bounds.left() + (c + 1) * m_segmentCell);
                const qreal slope = (b.y() - a.y()) / (b.x() - a.x());
                const qreal y0 = a.y() + (x0 - a.x()) * slope;
                const qreal y1 = a.y() + (x1 - a.x()) * slope;
                int ignore0, ignore1;
                cellsOf(QRectF(QPointF(x0, y0), QPointF(x1, y1)).normalized(), ignore0, ignore1, first, last);
            }
            for (int r = first; r <= last; ++r)
                m_segmentBuckets[size_t(r) * size_t(m_segmentColumns) + size_t(c)].push_back(index);
        }
    }
    m_seen.resize(m_segments.size(), 0);
}

int TopologyEdgeRouter::crossings(QPointF a, QPointF b, int meetsA, int meetsB) const
{
    int c0, c1, r0, r1;
    if (m_segments.empty() || !cellsOf(QRectF(a, b).normalized(), c0, c1, r0, r1))
        return 0;
    ++m_query;
    // The search's steps run along an axis: a crossing is then one comparison per segment (this runs
    // for every step the search looks at; plain loops over the arrays keep it cheap in any build).
    const qreal left = qMin(a.x(), b.x());
    const qreal right = qMax(a.x(), b.x());
    const qreal top = qMin(a.y(), b.y());
    const qreal bottom = qMax(a.y(), b.y());
    const bool horizontal = a.y() == b.y();
    const bool vertical = a.x() == b.x();
    const Segment* segments = m_segments.data();
    int* seen = m_seen.data();
    int count = 0;
    for (int r = r0; r <= r1; ++r)
        for (int c = c0; c <= c1; ++c) {
            const std::vector<int>& bucket =
                m_segmentBuckets[size_t(r) * size_t(m_segmentColumns) + size_t(c)];
            const int* index = bucket.data();
            const int* const last = index + bucket.size();
            for (; index != last; ++index) {
                if (seen[*index] == m_query)
                    continue;
                seen[*index] = m_query;
                const Segment& segment = segments[*index];
                if (segment.right < left || segment.left > right || segment.bottom < top ||
                    segment.top > bottom)
                    continue;
                if (segment.from == meetsA || segment.to == meetsA || segment.from == meetsB ||
                    segment.to == meetsB)
                    continue;
                const QPointF p = segment.a;
                const QPointF q = segment.b;
                if (horizontal && !vertical) {
                    if (p.y() == q.y())
                        continue; // parallel
                    const qreal x = p.x() + (a.y() - p.y()) * (q.x() - p.x()) / (q.y() - p.y());
                    count += x >= left && x <= right ? 1 : 0;
                } else if (vertical && !horizontal) {
                    if (p.x() == q.x())
                        continue;
                    const qreal y = p.y() + (a.x() - p.x()) * (q.y() - p.y()) / (q.x() - p.x());
                    count += y >= top && y <= bottom ? 1 : 0;
                } else if (QLineF(a, b).intersects(QLineF(p, q)) == QLineF::BoundedIntersection) {
                    ++count;
                }
            }
        }
    return count;
}

QList<int> TopologyEdgeRouter::obstaclesIn(const QRectF& area) const
{
    QList<int> out;
    if (m_buckets.isEmpty() || !area.intersects(m_bounds.adjusted(-1, -1, 1, 1)))
        return out;
    const int c0 = qMax(0, int((area.left() - m_bounds.left()) / m_cell));
    const int c1 = qMin(m_columns - 1, int((area.right() - m_bounds.left()) / m_cell));
    const int r0 = qMax(0, int((area.top() - m_bounds.top()) / m_cell));
    const int r1 = qMin(m_rows - 1, int((area.bottom() - m_bounds.top()) / m_cell));
    for (int r = r0; r <= r1; ++r)
        for (int c = c0; c <= c1; ++c)
            out.append(m_buckets[qsizetype(r) * m_columns + c]);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

bool TopologyEdgeRouter::isClear(QPointF a, QPointF b, const QList<int>& ends, qreal grow) const
{
    const QRectF span = QRectF(a, b).normalized().adjusted(-grow - 1, -grow - 1, grow + 1, grow + 1);
    for (int i : obstaclesIn(span))
        if (!ends.contains(i) && crossesBox(a, b, m_obstacles[i].adjusted(-grow, -grow, grow, grow)))
            return false;
    return true;
}

bool TopologyEdgeRouter::isClear(const QPolygonF& path, const QList<int>& ends) const
{
    for (qsizetype n = 0; n + 1 < path.size(); ++n)
        if (!isClear(path[n], path[n + 1], ends))
            return false;
    return true;
}

QPolygonF TopologyEdgeRouter::route(const QRectF& from, const QRectF& to, const QList<int>& ends,
                                    const QList<int>& meets, Search search) const
{
    const QPointF start = TopologyEdgeItem::clipToBox(from, to.center());
    const QPointF end = TopologyEdgeItem::clipToBox(to, from.center());
    const QPolygonF straight{start, end};
    if (isClear(start, end, ends))
        return straight;
    // The way round is looked for near the two boxes and what stands between them, then wider.
    // Of a big target (a grid) only the part facing the rest is needed: the path ends at its edge.
    QRectF near = from;
    const QRectF span = QRectF(start, end).normalized().adjusted(-1, -1, 1, 1);
    for (int i : obstaclesIn(span))
        if (!ends.contains(i) && crossesBox(start, end, m_obstacles[i]))
            near = near.united(m_obstacles[i]);
    const QRectF facing = to.intersected(near.adjusted(-kReach, -kReach, kReach, kReach));
    near = near.united(facing.isEmpty() ? to : facing);
    // Avoiding the other lines can make the search long: past a bound, the shortest way round will do.
    const QList<int>& shared = meets.isEmpty() ? ends : meets;
    const QRectF whole =
        m_bounds.united(near).adjusted(-kWindowMargin, -kWindowMargin, kWindowMargin, kWindowMargin);
    for (qreal margin : {kWindowMargin, 8 * kWindowMargin}) {
        const QRectF window = near.adjusted(-margin, -margin, margin, margin);
        for (const bool avoidLines : {true, false}) {
            if (avoidLines && search == Search::BoxesOnly)
                continue;
            const QPolygonF path = aroundObstacles(from, to, ends, shared, window, avoidLines, kMaxPoints);
            if (!path.isEmpty())
                return path;
        }
    }
    // Boxes in a row longer than the window (a wall of grids) can close every way near the two boxes:
    // the shortest way round in wider rooms, then in the whole drawing, whose outside is always free
    // (a drawing too big for that search at once is searched as far as the bound allows).
    for (qreal margin : {32 * kWindowMargin, 128 * kWindowMargin}) {
        const QRectF window = near.adjusted(-margin, -margin, margin, margin);
        if (window.contains(whole))
            break;
        const QPolygonF path = aroundObstacles(from, to, ends, shared, window, false, kMaxPointsWhole);
        if (!path.isEmpty())
            return path;
    }
    const QPolygonF path = aroundObstacles(from, to, ends, shared, whole, false, kMaxPointsWhole);
    return path.isEmpty() ? straight : path;
}

QPolygonF TopologyEdgeRouter::aroundObstacles(const QRectF& from, const QRectF& to, const QList<int>& ends,
                                              const QList<int>& meets, const QRectF& window, bool avoidLines,
                                              qsizetype maxPoints) const
{
    constexpr qreal k = kClearance;
    // A path keeps k off every box: the boxes grow by a little less, and the lines the path may run
    // along are the grown boxes' edges plus the points where it starts and may end.
    std::vector<QRectF> boxes;
    for (int i : obstaclesIn(window))
        if (!ends.contains(i))
            boxes.push_back(m_obstacles[i].adjusted(-(k - 1), -(k - 1), k - 1, k - 1));
    const QPointF a = from.center();
    const QPointF b = to.center();
    std::vector<qreal> xs{window.left(), window.right(), a.x(), b.x()};
    std::vector<qreal> ys{window.top(), window.bottom(), a.y(), b.y()};
    // Entering a wide box (a grid) straight across from the start, when the start is level with it.
    if (to.width() > 2 * k)
        xs.push_back(qBound(to.left() + k, a.x(), to.right() - k));
    if (to.height() > 2 * k)
        ys.push_back(qBound(to.top() + k, a.y(), to.bottom() - k));
    for (const QRectF& box : boxes) {
        for (qreal x : {box.left() - 1, box.right() + 1})
            if (x > window.left() && x < window.right())
                xs.push_back(x);
        for (qreal y : {box.top() - 1, box.bottom() + 1})
            if (y > window.top() && y < window.bottom())
                ys.push_back(y);
    }
    xs = axis(std::move(xs));
    ys = axis(std::move(ys));
    const qsizetype nx = qsizetype(xs.size());
    const qsizetype ny = qsizetype(ys.size());
    const qsizetype nodes = nx * ny;
    if (nodes > maxPoints)
        return {};

    // Which points and which steps between neighbouring points lie in a box.
    std::vector<char> blocked(size_t(nodes), 0), blockedRight(size_t(nodes), 0),
        blockedDown(size_t(nodes), 0);
    for (const QRectF& box : boxes) {
        const qsizetype i0 = std::upper_bound(xs.cbegin(), xs.cend(), box.left()) - xs.cbegin();
        const qsizetype i1 = std::lower_bound(xs.cbegin(), xs.cend(), box.right()) - xs.cbegin(); // past
        const qsizetype j0 = std::upper_bound(ys.cbegin(), ys.cend(), box.top()) - ys.cbegin();
        const qsizetype j1 = std::lower_bound(ys.cbegin(), ys.cend(), box.bottom()) - ys.cbegin();
        // Steps to the right from column i cross the box when x[i] < right and x[i+1] > left.
        const qsizetype h0 = qMax<qsizetype>(0, i0 - 1);
        const qsizetype v0 = qMax<qsizetype>(0, j0 - 1);
        for (qsizetype j = j0; j < j1; ++j)
            for (qsizetype i = h0; i < i1 && i + 1 < nx; ++i)
                blockedRight[size_t(j * nx + i)] = 1;
        for (qsizetype j = v0; j < j1 && j + 1 < ny; ++j)
            for (qsizetype i = i0; i < i1; ++i)
                blockedDown[size_t(j * nx + i)] = 1;
        for (qsizetype j = j0; j < j1; ++j)
            for (qsizetype i = i0; i < i1; ++i)
                blocked[size_t(j * nx + i)] = 1;
    }

    // A* over (point, axis of arrival): length plus a cost per bend and per line crossed, towards any
    // point in `to`. The estimate is the length still to go plus a bend when one is still due: it never
    // overestimates, so the path found is a best one, and it looks at far fewer points than the length
    // alone. This loop is where routing spends its time: it walks the arrays through plain pointers and
    // keeps its own heap.
    const qreal* const xv = xs.data();
    const qreal* const yv = ys.data();
    const qsizetype startNode = indexOf(ys, a.y()) * nx + indexOf(xs, a.x());
    const qreal toLeft = to.left(), toRight = to.right(), toTop = to.top(), toBottom = to.bottom();
    constexpr int kNone = 2; // the start: no axis yet; 0 along x, 1 along y
    auto estimate = [&](qsizetype node, int axis) -> float {
        const qreal x = xv[node % nx];
        const qreal y = yv[node / nx];
        const qreal dx = x < toLeft ? toLeft - x : (x > toRight ? x - toRight : 0.0);
        const qreal dy = y < toTop ? toTop - y : (y > toBottom ? y - toBottom : 0.0);
        // A turn is still due when both ways remain, or the one that remains is not the current axis.
        const bool turn = (dx > 0.0 && dy > 0.0) || (axis == 0 && dy > 0.0) || (axis == 1 && dx > 0.0);
        return float(dx + dy + (turn ? kBendCost : 0.0));
    };
    const int meetsA = meets.value(0, -1);
    const int meetsB = meets.value(1, -1);
    std::vector<int> crossedRightStore(size_t(nodes), -1), crossedDownStore(size_t(nodes), -1);
    const size_t states = size_t(nodes) * 3;
    std::vector<float> costStore(states, std::numeric_limits<float>::infinity());
    std::vector<qint32> previousStore(states, -1);
    float* const cost = costStore.data();
    qint32* const previous = previousStore.data();
    const char* const blockedAt = blocked.data();
    const char* const blockedAlong[2] = {blockedRight.data(), blockedDown.data()};
    int* const crossedAlong[2] = {crossedRightStore.data(), crossedDownStore.data()};

    struct Entry
    {
        float priority;
        qint32 state;
    };
    std::vector<Entry> heapStore;
    heapStore.reserve(size_t(qMin<qsizetype>(states, 4096)));
    auto push = [&heapStore](float priority, qint32 state) {
        heapStore.push_back({priority, state});
        Entry* heap = heapStore.data();
        size_t at = heapStore.size() - 1;
        const Entry entry = heap[at];
        while (at > 0) {
            const size_t parent = (at - 1) / 2;
            if (heap[parent].priority <= entry.priority)
                break;
            heap[at] = heap[parent];
            at = parent;
        }
        heap[at] = entry;
    };
    auto pop = [&heapStore]() {
        Entry* heap = heapStore.data();
        const Entry top = heap[0];
        const size_t size = heapStore.size() - 1;
        const Entry moved = heap[size];
        size_t at = 0;
        for (;;) {
            size_t child = 2 * at + 1;
            if (child >= size)
                break;
            if (child + 1 < size && heap[child + 1].priority < heap[child].priority)
                ++child;
            if (moved.priority <= heap[child].priority)
                break;
            heap[at] = heap[child];
            at = child;
        }
        heap[at] = moved;
        heapStore.pop_back();
        return top;
    };

    const qint32 first = qint32(startNode * 3 + kNone);
    cost[first] = 0;
    push(estimate(startNode, kNone), first);
    qint32 goal = -1;
    int expanded = 0;
    while (!heapStore.empty()) {
        if (avoidLines && ++expanded > kMaxExpansions)
            return {};
        const Entry entry = pop();
        const qint32 state = entry.state;
        const qsizetype node = qsizetype(state / 3);
        const int axis = int(state % 3);
        const float here = cost[state];
        if (entry.priority > here + estimate(node, axis) + 1e-3f)
            continue; // a stale entry
        const qsizetype i = node % nx;
        const qsizetype j = node / nx;
        if (xv[i] > toLeft && xv[i] < toRight && yv[j] > toTop && yv[j] < toBottom) {
            goal = state;
            break;
        }
        // The four neighbours: right, down, left, up; a step between `low` and the point after it.
        const qsizetype neighbours[4] = {i + 1 < nx ? node + 1 : -1, j + 1 < ny ? node + nx : -1,
                                         i > 0 ? node - 1 : -1, j > 0 ? node - nx : -1};
        for (int d = 0; d < 4; ++d) {
            const qsizetype next = neighbours[d];
            if (next < 0 || blockedAt[next])
                continue;
            const int stepAxis = d % 2;
            const qsizetype low = qMin(node, next);
            if (blockedAlong[stepAxis][low])
                continue;
            const qreal step = stepAxis == 0 ? qAbs(xv[next % nx] - xv[i]) : qAbs(yv[next / nx] - yv[j]);
            const qint32 arrival = qint32(next * 3 + stepAxis);
            float total = here + float(step + (axis != kNone && axis != stepAxis ? kBendCost : 0.0));
            if (total >= cost[arrival])
                continue;
            // The lines the step crosses, counted once per step between two neighbouring points.
            int& crossed = crossedAlong[stepAxis][low];
            if (!avoidLines)
                crossed = 0;
            else if (crossed < 0)
                crossed = crossings(QPointF(xv[low % nx], yv[low / nx]),
                                    QPointF(xv[next % nx], yv[next / nx]), meetsA, meetsB);
            total += float(kCrossingCost * crossed);
            if (total < cost[arrival]) {
                cost[arrival] = total;
                previous[arrival] = state;
                push(total + estimate(next, stepAxis), arrival);
            }
        }
    }
    if (goal < 0)
        return {};

    // The points where the path turns, from the start's centre to the first point inside `to`.
    QPolygonF turns;
    int lastDirection = -1;
    for (qint32 state = goal; state >= 0; state = previous[size_t(state)]) {
        const qsizetype node = qsizetype(state / 3);
        const int direction = int(state % 3);
        const QPointF point(xs[size_t(node % nx)], ys[size_t(node / nx)]);
        // A point is a turn when the step that left it goes another way than the step that reached it.
        if (turns.isEmpty() || direction != lastDirection || previous[size_t(state)] < 0)
            turns.prepend(point);
        lastDirection = direction;
    }
    // Drop the points inside the start box: the path begins where it leaves it.
    qsizetype out = 1;
    while (out < turns.size() && strictlyInside(from, turns[out].x(), turns[out].y()))
        ++out;
    if (out >= turns.size())
        return {};
    QPolygonF path{leaving(turns[out - 1], turns[out], from)};
    for (qsizetype n = out; n + 1 < turns.size(); ++n)
        path.append(turns[n]);
    path.append(leaving(turns.back(), path.back(), to));
    return isClear(path, ends) ? path : QPolygonF();
}

} // namespace hcn::ui
