#pragma once
// EventLogModel: the live log of service notifications, one row per notification, oldest first.
//
// Built for bursts of 50,000 notifications per second: append() only queues the batch (implicitly
// shared, no copy); a timer tick turns queued notifications into compact EventRecords under a time
// budget and inserts them with ONE beginInsertRows, trimming the oldest rows beyond the capacity with
// ONE beginRemoveRows. Display text is formatted in data(), only for the rows a view asks for.
//
// Pause freezes the rows (no insert, no trim) while notifications keep queueing; the queue keeps at
// most `capacity` notifications (older ones could never be shown: after resuming, the newest
// `capacity` notifications are exactly what the log holds), the rest are counted in droppedCount().

#include "hcn/notification.h"
#include "models/event_record.h"
#include "models/mirror_event.h"
#include "models/summary_store.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QPointer>
#include <QTimer>
#include <QVector>
#include <deque>

namespace hcn::ui {

class HostMirror;

class EventLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TimeColumn,
        SequenceColumn,
        TypeColumn,
        ObjectColumn,
        KindColumn,
        SummaryColumn,
        ColumnCount
    };
    enum Role
    {
        ObjectIdRole = Qt::UserRole + 1, ///< upper-case GUID text (empty for ServiceDisconnect)
        SequenceRole,                    ///< quint64
        TypeRole,                        ///< quint32 NotificationType
        KindRole,                        ///< int ResourceKind
        ReceivedRole,                    ///< qint64 ms since the epoch
    };

    static constexpr int kDefaultCapacity = 100'000;
    static constexpr int kMinimumCapacity = 100;
    static constexpr int kMaximumCapacity = 5'000'000;
    static constexpr int kFlushInterval_ms = 40;
    /// Work per tick before the rest waits for the next one, so a burst never stalls the GUI.
    static constexpr int kFlushBudget_ms = 15;
    /// Pause between budget-limited ticks while a backlog drains: long enough for the event loop to
    /// paint and take input, short enough to keep up with a sustained burst.
    static constexpr int kBacklogInterval_ms = 5;

    /// `mirror` (optional) names objects in the Object column and in summaries.
    explicit EventLogModel(HostMirror* mirror = nullptr, QObject* parent = nullptr);
    ~EventLogModel() override;

    /// Queues a batch (parsed by the mirror) received now; it appears at the next tick unless paused.
    void append(const QVector<hcn::ui::MirrorEvent>& batch);
    void append(const QVector<hcn::ui::MirrorEvent>& batch, qint64 received_ms);
    /// Applies everything queued now, ignoring the time budget (still one insert, one removal). Does
    /// nothing while paused.
    void flush();
    /// Drops every row and every queued notification.
    void clear();

    bool isPaused() const { return m_paused; }
    void setPaused(bool paused);
    int capacity() const { return m_capacity; }
    /// Clamped to [kMinimumCapacity, kMaximumCapacity]; a smaller capacity trims at once (paused: on resume).
    void setCapacity(int rows);

    /// Notifications queued and not yet rows.
    qsizetype pendingCount() const { return m_pendingCount; }
    /// Notifications dropped from the queue beyond the capacity (while paused or overloaded).
    quint64 droppedCount() const { return m_dropped; }
    /// Rows inserted since construction or clear() (including trimmed ones).
    quint64 totalInserted() const { return m_totalInserted; }

    const EventRecord& record(int row) const { return m_rows[std::size_t(row)]; }
    QString summary(int row) const;
    /// Upper-case GUID text of the row's object, empty when none.
    static QString objectIdText(const EventRecord& record);
    /// The mirror's name for the object, empty when unknown.
    QString objectName(const EventRecord& record) const;
    /// What the view shows in `column` of `row` (also what export writes).
    QString displayText(int row, int column) const;
    /// "HH:mm:ss.zzz" in local time.
    static QString timeText(qint64 received_ms);
    static QColor kindColor(ResourceKind kind);
    /// Approximate heap bytes held by the rows and summaries (benchmarks).
    qsizetype memoryBytes() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    /// After each tick that changed the rows.
    void flushed(int inserted, int removed);
    /// pendingCount() / droppedCount() / isPaused() changed.
    void statusChanged();

private:
    struct PendingBatch
    {
        QVector<MirrorEvent> notifications;
        qsizetype next = 0; ///< first not yet processed
        qint64 received_ms = 0;
    };

    void scheduleFlush();
    void flushWithBudget(int budget_ms);
    void dropOldestPending(qsizetype count);
    void applyRecords(std::vector<EventRecord>&& incoming);
    void trimToCapacity();

    QPointer<HostMirror> m_mirror;
    std::deque<EventRecord> m_rows;
    SummaryStore m_summaries;
    std::deque<PendingBatch> m_pending;
    qsizetype m_pendingCount = 0;
    quint64 m_dropped = 0;
    quint64 m_totalInserted = 0;
    int m_capacity = kDefaultCapacity;
    bool m_paused = false;
    QTimer m_flushTimer;
};

} // namespace hcn::ui
