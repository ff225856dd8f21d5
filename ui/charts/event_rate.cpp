#include "charts/event_rate.h"

namespace hcn::ui {

namespace {

qint64 secondOf(qint64 ms)
{
    // Floor division, so a clock before its epoch still buckets consistently.
    return ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
}

std::size_t slotOf(qint64 second, std::size_t size)
{
    const auto n = qint64(size);
    return std::size_t(((second % n) + n) % n);
}

} // namespace

EventRate::EventRate(int window_s) : m_window_s(qMax(1, window_s)), m_buckets(std::size_t(m_window_s) + 1) {}

void EventRate::add(qint64 now_ms, qint64 count)
{
    if (count <= 0)
        return;
    const qint64 second = secondOf(now_ms);
    Bucket& bucket = m_buckets[slotOf(second, m_buckets.size())];
    if (bucket.second != second) {
        // The slot held a second that has slid out of the window.
        bucket.second = second;
        bucket.count = 0;
    }
    bucket.count += count;
}

qint64 EventRate::countAt(qint64 second) const
{
    const Bucket& bucket = m_buckets[slotOf(second, m_buckets.size())];
    return bucket.second == second ? bucket.count : 0;
}

QVector<double> EventRate::perSecond(qint64 now_ms) const
{
    const qint64 current = secondOf(now_ms);
    QVector<double> counts;
    counts.reserve(m_window_s);
    for (qint64 second = current - m_window_s; second < current; ++second)
        counts.append(double(countAt(second)));
    return counts;
}

qint64 EventRate::total(qint64 now_ms) const
{
    const qint64 current = secondOf(now_ms);
    qint64 sum = 0;
    for (qint64 second = current - m_window_s; second < current; ++second)
        sum += countAt(second);
    return sum;
}

qint64 EventRate::peak(qint64 now_ms) const
{
    const qint64 current = secondOf(now_ms);
    qint64 best = 0;
    for (qint64 second = current - m_window_s; second < current; ++second)
        best = qMax(best, countAt(second));
    return best;
}

void EventRate::clear()
{
    for (Bucket& bucket : m_buckets)
        bucket = Bucket{};
}

} // namespace hcn::ui
