#pragma once
// EventRate: notifications per second over a sliding window (the events-per-second chart's data).
// A ring of one-second buckets; adding a batch is O(1), reading the window O(window).

#include <QVector>
#include <QtGlobal>
#include <vector>

namespace hcn::ui {

class EventRate
{
public:
    static constexpr int kDefaultWindow_s = 120;

    explicit EventRate(int window_s = kDefaultWindow_s);

    int windowSeconds() const { return m_window_s; }
    /// Counts `count` notifications at `now_ms` (any monotonic millisecond clock).
    void add(qint64 now_ms, qint64 count);
    /// Counts of the window's complete seconds before the second of `now_ms`, oldest first
    /// (windowSeconds() values; the last is the second just finished).
    QVector<double> perSecond(qint64 now_ms) const;
    /// Notifications in those seconds.
    qint64 total(qint64 now_ms) const;
    /// The busiest of those seconds.
    qint64 peak(qint64 now_ms) const;
    void clear();

private:
    struct Bucket
    {
        qint64 second = -1; ///< which second the count belongs to; -1: none
        qint64 count = 0;
    };
    qint64 countAt(qint64 second) const;

    int m_window_s;
    /// One more bucket than the window, for the second still being counted.
    std::vector<Bucket> m_buckets;
};

} // namespace hcn::ui
