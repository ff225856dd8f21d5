#pragma once
// EventLogModel: the live log of service notifications, one row per notification, oldest first.
//
// Built for bursts of 50,000 notifications per second: append() only queues the batch (implicitly
// shared, no copy); a timer tick turns queued notifications into compact EventRecords under a time
// budget and inserts them with ONE beginInsertRows, trimming the oldest rows beyond the capacity with
// ONE beginRemoveRows. Display text is formatted in data(), only for the rows a view asks for.
//
// A modify event's summary starts with what changed (EventChanges: the field-level diff of the object's
// previous document, which the mirror still holds when the batch arrives, against the new one); the
// row keeps the object's name as it was then, so a deleted object stays named. The newest
// kDetailsKept rows also keep their payload and both documents for the details pane. Rows of the
// console itself (failed calls, markers for host switches, disconnects and resyncs, files that could
// not be opened) queue in order with the notifications.
//
// Pause freezes the rows (no insert, no trim) while notifications keep queueing; the queue keeps at
// most `capacity` notifications (older ones could never be shown: after resuming, the newest
// `capacity` notifications are exactly what the log holds), the rest are counted in droppedCount().

#include "hcn/host_state.h"
#include "hcn/notification.h"
#include "hcn/status.h"
#include "models/event_record.h"
#include "models/mirror_event.h"
#include "models/summary_store.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>
#include <QVector>
#include <deque>
#include <vector>

namespace hcn::ui {

class HostMirror;

/// What the details pane shows for one row.
struct EventDetails
{
    /// False once the row is older than the newest kDetailsKept (only its line is kept).
    bool kept = false;
    /// The payload ("Data", or what the console recorded) as indented JSON.
    QString payload;
    /// Field-level changes from the object's previous document, one per line.
    QStringList changes;
    /// A modify whose previous document was known (an empty change list then means "nothing compared
    /// differs").
    bool comparable = false;
};

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
        FilterTypeRole,                  ///< quint32: filterType()
    };
    /// Type filter values of the console's own rows (beside the notification types).
    static constexpr quint32 kFailedCallFilterType = 0xFFFF'FF01u;
    static constexpr quint32 kMarkerFilterType = 0xFFFF'FF02u;
    static constexpr quint32 kOpenFailedFilterType = 0xFFFF'FF03u;
    /// Rows that keep their payload and documents for the details pane.
    static constexpr int kDetailsKept = 10'000;

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
    /// Queues a row for a call of the console that failed (`action`: "Create endpoint" ...), with the
    /// status's HRESULT and message; `objectId` (optional) names what it was about.
    void appendFailedCall(const QString& action, const hcn::Status& status, const QString& objectId = {});
    /// Queues a marker row: the host shown changed (`text` says how). `subject` (optional) is what the
    /// Object column shows (a file name); `details` join the payload the details pane shows.
    void appendMarker(hcn::ui::EventMarker marker, const QString& text, const QString& subject = {},
                      const QJsonObject& details = {});
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
    /// The payload, the documents' differences: only for the newest kDetailsKept rows.
    EventDetails details(int row) const;
    /// The type filter value of a row: its notification type, or kFailedCallFilterType /
    /// kOpenFailedFilterType / kMarkerFilterType.
    static quint32 filterType(const EventRecord& record);
    /// "Call failed", "Disconnected" ...: the Type column of a console row.
    static QString originDisplayName(const EventRecord& record);
    /// Upper-case GUID text of the row's object, empty when none.
    static QString objectIdText(const EventRecord& record);
    /// The object's name when the event arrived (else the mirror's name now), empty when unknown.
    QString objectName(const EventRecord& record) const;
    /// What the view shows in `column` of `row` (also what export writes).
    QString displayText(int row, int column) const;
    /// "HH:mm:ss.zzz" in local time.
    static QString timeText(qint64 received_ms);
    /// ISO 8601 date and time with milliseconds and the local offset ("2026-12-03T14:05:09.123+01:00").
    static QString dateTimeText(qint64 received_ms);
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
    /// What was known when an event arrived (append time, before the mirror applies its batch).
    struct Arrival
    {
        QString name;
        HostDocument before; ///< a modify: the object's previous document (null: unknown)
        HostDocument after;  ///< a modify: the new document
        ResourceKind changedKind = ResourceKind::Invalid;
        EventOrigin origin = EventOrigin::Notification;
        EventMarker marker = EventMarker::None;
        QString text; ///< a console row's summary
    };
    struct PendingBatch
    {
        QVector<MirrorEvent> notifications;
        std::vector<Arrival> arrivals; ///< one per notification
        qsizetype next = 0;            ///< first not yet processed
        qint64 received_ms = 0;
    };
    /// Kept for the newest rows (details pane).
    struct Detail
    {
        QJsonObject payload;
        HostDocument before;
        HostDocument after;
        ResourceKind kind = ResourceKind::Invalid;
    };

    std::vector<Arrival> arrivalsOf(const QVector<MirrorEvent>& batch) const;
    void enqueue(PendingBatch batch);
    void scheduleFlush();
    void flushWithBudget(int budget_ms);
    void dropOldestPending(qsizetype count);
    void applyRecords(std::vector<EventRecord>&& incoming, std::vector<Detail>&& details);
    void trimToCapacity();

    QPointer<HostMirror> m_mirror;
    std::deque<EventRecord> m_rows;
    /// The newest rows' details: m_details.back() belongs to m_rows.back().
    std::deque<Detail> m_details;
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
