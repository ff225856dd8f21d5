#include "models/event_log_model.h"

#include "models/event_changes.h"
#include "models/event_summary.h"
#include "models/host_mirror.h"
#include "widgets/error_explanation_view.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFont>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTime>
#include <unordered_map>

Q_LOGGING_CATEGORY(lcEventLog, "hcn.ui.eventlog", QtInfoMsg)

namespace hcn::ui {

namespace {

constexpr qint64 kMsPerDay = 24 * 3600 * 1000;
/// The local UTC offset is looked up once per quarter hour (no zone changes offset more often).
constexpr qint64 kOffsetCacheSpan_ms = 15 * 60 * 1000;

qint64 localOffset_ms(qint64 utc_ms)
{
    static thread_local qint64 cachedBucket = -1;
    static thread_local qint64 cachedOffset = 0;
    const qint64 bucket = utc_ms / kOffsetCacheSpan_ms;
    if (bucket != cachedBucket) {
        cachedBucket = bucket;
        cachedOffset = qint64(QDateTime::fromMSecsSinceEpoch(utc_ms).offsetFromUtc()) * 1000;
    }
    return cachedOffset;
}

/// Longest name a row keeps (a log line, not a document).
constexpr int kMaxNameLength = 200;

QString nameOf(const HostDocument& document)
{
    if (!document || !document->is_object())
        return {};
    auto it = document->find("Name");
    return it != document->end() && it->is_string() ? QString::fromStdString(it->get<std::string>())
                                                    : QString();
}

} // namespace

EventLogModel::EventLogModel(HostMirror* mirror, QObject* parent)
    : QAbstractTableModel(parent), m_mirror(mirror)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kFlushInterval_ms);
    connect(&m_flushTimer, &QTimer::timeout, this, [this] { flushWithBudget(kFlushBudget_ms); });
}

EventLogModel::~EventLogModel() = default;

void EventLogModel::append(const QVector<MirrorEvent>& batch)
{
    append(batch, QDateTime::currentMSecsSinceEpoch());
}

std::vector<EventLogModel::Arrival> EventLogModel::arrivalsOf(const QVector<MirrorEvent>& batch) const
{
    // The mirror applies the batch after this: it still holds every object's previous document. An
    // object touched twice in one batch takes the first event's document as the second one's previous.
    std::unordered_map<std::string, HostDocument> inBatch;
    auto known = [&](const std::string& id) -> HostDocument {
        if (auto it = inBatch.find(id); it != inBatch.end())
            return it->second;
        if (!m_mirror)
            return {};
        const MirrorObject* object = m_mirror->object(QString::fromStdString(id));
        return object ? object->parsed : HostDocument();
    };
    std::vector<Arrival> arrivals(std::size_t(batch.size()));
    for (qsizetype i = 0; i < batch.size(); ++i) {
        const MirrorEvent& event = batch.at(i);
        Arrival& a = arrivals[std::size_t(i)];
        const std::string id = event.objectId.toStdString();
        const HostDocument previous = id.empty() ? HostDocument() : known(id);
        HostDocument stored; // what this event stores for its own object
        bool pickedOwn = false;
        for (const HostUpdate& update : event.updates) {
            const HostDocument before = known(update.id);
            if (update.op == HostUpdate::Op::Modify && (!a.after || (!pickedOwn && update.id == id))) {
                a.before = before;
                a.after = update.document;
                a.changedKind = update.kind;
                pickedOwn = update.id == id;
            }
            if (update.id == id && update.document)
                stored = update.document;
            if (update.op == HostUpdate::Op::Delete)
                inBatch[update.id] = nullptr;
            else if (update.document)
                inBatch[update.id] = update.document;
        }
        a.name = nameOf(stored);
        if (a.name.isEmpty())
            a.name = nameOf(previous);
        if (a.name.isEmpty())
            a.name = event.data.value(QLatin1String("Name")).toString();
        a.name.truncate(kMaxNameLength);
    }
    return arrivals;
}

void EventLogModel::append(const QVector<MirrorEvent>& batch, qint64 received_ms)
{
    if (batch.isEmpty())
        return;
    enqueue(PendingBatch{batch, arrivalsOf(batch), 0, received_ms});
}

void EventLogModel::appendFailedCall(const QString& action, const Status& status, const QString& objectId)
{
    const std::string_view name = hresultName(status.code());
    const QString hex = QString::fromStdString(hresultHex(status.code()));
    const QString message = QString::fromStdString(status.message());
    MirrorEvent event;
    event.status = status.code();
    event.objectId = objectId.toUpper();
    event.data =
        QJsonObject{{QStringLiteral("Action"), action},
                    {QStringLiteral("HResult"), hex},
                    {QStringLiteral("HResultName"), QString::fromLatin1(name.data(), qsizetype(name.size()))},
                    {QStringLiteral("Message"), message}};
    Arrival arrival;
    arrival.origin = EventOrigin::FailedCall;
    const QString code =
        name.empty()
            ? hex
            : QStringLiteral("%1 (%2)").arg(QString::fromLatin1(name.data(), qsizetype(name.size())), hex);
    arrival.text = message.isEmpty() ? tr("%1 failed: %2").arg(action, code)
                                     : tr("%1 failed: %2 · %3").arg(action, code, message);
    if (m_mirror && !objectId.isEmpty())
        if (const MirrorObject* object = m_mirror->object(objectId))
            arrival.name = object->name;
    enqueue(PendingBatch{{event}, {arrival}, 0, QDateTime::currentMSecsSinceEpoch()});
}

void EventLogModel::appendMarker(EventMarker marker, const QString& text, const QString& subject,
                                 const QJsonObject& details)
{
    MirrorEvent event;
    QJsonObject payload = details;
    payload.insert(QStringLiteral("Marker"), text);
    event.data = payload;
    Arrival arrival;
    arrival.origin = EventOrigin::Marker;
    arrival.marker = marker;
    arrival.text = text;
    arrival.name = subject;
    enqueue(PendingBatch{{event}, {arrival}, 0, QDateTime::currentMSecsSinceEpoch()});
}

void EventLogModel::enqueue(PendingBatch batch)
{
    const qsizetype size = batch.notifications.size();
    m_pending.push_back(std::move(batch));
    m_pendingCount += size;
    if (m_pendingCount > m_capacity)
        dropOldestPending(m_pendingCount - m_capacity);
    if (m_paused)
        emit statusChanged();
    else
        scheduleFlush();
}

void EventLogModel::dropOldestPending(qsizetype count)
{
    qCDebug(lcEventLog) << "dropping" << count << "queued notifications beyond the capacity of" << m_capacity;
    m_dropped += quint64(count);
    m_pendingCount -= count;
    while (count > 0 && !m_pending.empty()) {
        PendingBatch& front = m_pending.front();
        const qsizetype left = front.notifications.size() - front.next;
        if (left <= count) {
            count -= left;
            m_pending.pop_front();
        } else {
            front.next += count;
            count = 0;
        }
    }
}

void EventLogModel::scheduleFlush()
{
    if (!m_paused && m_pendingCount > 0 && !m_flushTimer.isActive())
        m_flushTimer.start(kFlushInterval_ms);
}

void EventLogModel::flush()
{
    flushWithBudget(-1);
}

void EventLogModel::flushWithBudget(int budget_ms)
{
    if (m_paused || m_pendingCount == 0)
        return;

    EventSummary::NameLookup names;
    if (m_mirror) {
        names = [mirror = m_mirror.data()](const QString& id) {
            const MirrorObject* object = mirror->object(id);
            return object ? object->name : QString();
        };
    }

    QElapsedTimer clock;
    clock.start();
    std::vector<EventRecord> incoming;
    std::vector<Detail> details;
    incoming.reserve(std::size_t(qMin<qsizetype>(m_pendingCount, 8192)));
    details.reserve(incoming.capacity());
    QByteArray utf8;
    while (!m_pending.empty()) {
        PendingBatch& batch = m_pending.front();
        const MirrorEvent& event = batch.notifications.at(batch.next);
        const Arrival& arrival = batch.arrivals[std::size_t(batch.next)];

        EventRecord record;
        record.sequence = event.sequence;
        record.received_ms = batch.received_ms;
        record.type = event.type;
        record.status = event.status;
        record.origin = arrival.origin;
        record.marker = arrival.marker;
        QString summary;
        if (arrival.origin == EventOrigin::Notification) {
            const EventDigest digest = EventSummary::digest(event, names);
            record.objectId = digest.objectId;
            record.kind = digest.kind;
            summary = digest.summary;
            // What changed first: the rest of the line describes the object as it is now.
            const QStringList changes =
                EventChanges::describe(arrival.before, arrival.after, arrival.changedKind);
            if (!changes.isEmpty()) {
                summary = EventChanges::oneLine(changes) + QStringLiteral(" · ") + summary;
                if (summary.size() > EventSummary::kMaxSummaryLength)
                    summary = summary.left(EventSummary::kMaxSummaryLength - 1) + QChar(0x2026);
            }
        } else {
            if (auto guid = Guid::parse(event.objectId.toStdString()))
                record.objectId = *guid;
            summary = arrival.text;
        }
        utf8 = arrival.name.toUtf8();
        record.nameLength = quint16(qMin<qsizetype>(utf8.size(), 0xFFFF));
        utf8.truncate(record.nameLength);
        utf8 += summary.toUtf8();
        record.summaryLength = quint32(utf8.size() - record.nameLength);
        record.textOffset = m_summaries.append(utf8);
        incoming.push_back(record);
        details.push_back(Detail{event.data, arrival.before, arrival.after, arrival.changedKind});

        --m_pendingCount;
        if (++batch.next == batch.notifications.size())
            m_pending.pop_front();
        // Checking the clock every 64 records keeps its cost out of the loop.
        if (budget_ms >= 0 && (incoming.size() % 64) == 0 && clock.elapsed() >= budget_ms)
            break;
    }
    applyRecords(std::move(incoming), std::move(details));
    if (!m_paused && m_pendingCount > 0 && !m_flushTimer.isActive())
        m_flushTimer.start(kBacklogInterval_ms);
}

void EventLogModel::applyRecords(std::vector<EventRecord>&& incoming, std::vector<Detail>&& details)
{
    if (incoming.empty())
        return;
    const auto capacity = std::size_t(m_capacity);
    // More new records than fit: the oldest of them would be trimmed at once, never insert them.
    std::size_t skip = 0;
    if (incoming.size() > capacity) {
        skip = incoming.size() - capacity;
        m_dropped += skip;
    }
    const std::size_t adding = incoming.size() - skip;
    const std::size_t removing = m_rows.size() + adding > capacity ? m_rows.size() + adding - capacity : 0;

    // Trim first: views and proxies then update fewer rows.
    if (removing > 0) {
        beginRemoveRows({}, 0, int(removing) - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + std::ptrdiff_t(removing));
        endRemoveRows();
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(adding) - 1);
    m_rows.insert(m_rows.end(), incoming.begin() + std::ptrdiff_t(skip), incoming.end());
    const std::size_t keepFrom =
        details.size() > std::size_t(kDetailsKept) ? details.size() - kDetailsKept : 0;
    for (std::size_t i = std::max(skip, keepFrom); i < details.size(); ++i)
        m_details.push_back(std::move(details[i]));
    while (m_details.size() > std::min(m_rows.size(), std::size_t(kDetailsKept)))
        m_details.pop_front();
    endInsertRows();
    m_summaries.trimBefore(m_rows.front().textOffset);
    m_totalInserted += adding;

    emit flushed(int(adding), int(removing));
    emit statusChanged();
}

void EventLogModel::clear()
{
    m_flushTimer.stop();
    beginResetModel();
    m_rows.clear();
    m_rows.shrink_to_fit();
    m_details.clear();
    m_summaries.clear();
    m_pending.clear();
    m_pendingCount = 0;
    m_dropped = 0;
    m_totalInserted = 0;
    endResetModel();
    emit statusChanged();
}

void EventLogModel::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    if (paused) {
        m_flushTimer.stop();
    } else {
        trimToCapacity(); // the capacity may have been lowered while paused
        scheduleFlush();
    }
    emit statusChanged();
}

void EventLogModel::setCapacity(int rows)
{
    rows = qBound(kMinimumCapacity, rows, kMaximumCapacity);
    if (rows == m_capacity)
        return;
    m_capacity = rows;
    if (m_pendingCount > m_capacity)
        dropOldestPending(m_pendingCount - m_capacity);
    trimToCapacity();
    emit statusChanged();
}

void EventLogModel::trimToCapacity()
{
    if (m_paused || m_rows.size() <= std::size_t(m_capacity))
        return;
    const int removing = int(m_rows.size()) - m_capacity;
    beginRemoveRows({}, 0, removing - 1);
    m_rows.erase(m_rows.begin(), m_rows.begin() + removing);
    while (m_details.size() > m_rows.size())
        m_details.pop_front();
    endRemoveRows();
    m_summaries.trimBefore(m_rows.front().textOffset);
    emit flushed(0, removing);
}

QString EventLogModel::summary(int row) const
{
    const EventRecord& r = record(row);
    const QByteArrayView bytes = m_summaries.view(r.textOffset + r.nameLength, r.summaryLength);
    return QString::fromUtf8(bytes);
}

EventDetails EventLogModel::details(int row) const
{
    EventDetails out;
    const std::size_t firstKept = m_rows.size() - m_details.size();
    if (row < 0 || std::size_t(row) < firstKept || std::size_t(row) >= m_rows.size())
        return out;
    const Detail& d = m_details[std::size_t(row) - firstKept];
    out.kept = true;
    out.payload = QString::fromUtf8(QJsonDocument(d.payload).toJson(QJsonDocument::Indented)).trimmed();
    out.comparable = d.before && d.after;
    out.changes = EventChanges::describe(d.before, d.after, d.kind);
    return out;
}

quint32 EventLogModel::filterType(const EventRecord& record)
{
    switch (record.origin) {
    case EventOrigin::FailedCall:
        return kFailedCallFilterType;
    case EventOrigin::Marker:
        return record.marker == EventMarker::OpenFailed ? kOpenFailedFilterType : kMarkerFilterType;
    case EventOrigin::Notification:
        break;
    }
    return quint32(record.type);
}

QString EventLogModel::originDisplayName(const EventRecord& record)
{
    if (record.origin == EventOrigin::FailedCall)
        return tr("Call failed");
    switch (record.marker) {
    case EventMarker::HostOpened:
        return tr("Host opened");
    case EventMarker::Disconnected:
        return tr("Disconnected");
    case EventMarker::Reconnected:
        return tr("Reconnected");
    case EventMarker::EventsMissed:
        return tr("Events missed");
    case EventMarker::Resynced:
        return tr("Resynchronized");
    case EventMarker::OpenFailed:
        return tr("Open failed");
    case EventMarker::None:
        break;
    }
    return EventSummary::typeDisplayName(record.type);
}

QString EventLogModel::objectIdText(const EventRecord& record)
{
    if (record.objectId.isNull())
        return {};
    return QString::fromStdString(record.objectId.toString());
}

QString EventLogModel::objectName(const EventRecord& record) const
{
    if (record.nameLength > 0)
        return QString::fromUtf8(m_summaries.view(record.textOffset, record.nameLength));
    if (!m_mirror || record.objectId.isNull())
        return {};
    const MirrorObject* object = m_mirror->object(objectIdText(record));
    return object ? object->name : QString();
}

QString EventLogModel::timeText(qint64 received_ms)
{
    const qint64 local = received_ms + localOffset_ms(received_ms);
    const qint64 ofDay = ((local % kMsPerDay) + kMsPerDay) % kMsPerDay;
    return QTime::fromMSecsSinceStartOfDay(int(ofDay)).toString(QStringLiteral("HH:mm:ss.zzz"));
}

QString EventLogModel::dateTimeText(qint64 received_ms)
{
    const int offset_s = int(localOffset_ms(received_ms) / 1000);
    return QDateTime::fromMSecsSinceEpoch(received_ms, Qt::OffsetFromUTC, offset_s)
        .toString(Qt::ISODateWithMs);
}

QString EventLogModel::displayText(int row, int column) const
{
    const EventRecord& r = record(row);
    switch (column) {
    case TimeColumn:
        return timeText(r.received_ms);
    case SequenceColumn:
        return r.origin == EventOrigin::Notification ? QString::number(r.sequence) : QString();
    case TypeColumn:
        return r.origin == EventOrigin::Notification ? EventSummary::typeDisplayName(r.type)
                                                     : originDisplayName(r);
    case ObjectColumn: {
        const QString name = objectName(r);
        return name.isEmpty() ? objectIdText(r) : name;
    }
    case KindColumn:
        return EventSummary::kindDisplayName(r.kind);
    case SummaryColumn:
        return summary(row);
    default:
        return {};
    }
}

QColor EventLogModel::kindColor(ResourceKind kind)
{
    // Mid-tone hues that read on light and dark palettes alike.
    switch (kind) {
    case ResourceKind::Network:
        return QColor(0x1f, 0x77, 0xb4);
    case ResourceKind::Endpoint:
        return QColor(0x2c, 0xa0, 0x2c);
    case ResourceKind::Namespace:
        return QColor(0x94, 0x67, 0xbd);
    case ResourceKind::LoadBalancer:
        return QColor(0xff, 0x7f, 0x0e);
    case ResourceKind::GuestNetworkService:
        return QColor(0x8c, 0x56, 0x4b);
    case ResourceKind::SdnRoute:
        return QColor(0x17, 0xbe, 0xcf);
    case ResourceKind::Invalid:
        break;
    }
    return QColor(0xd6, 0x27, 0x28);
}

qsizetype EventLogModel::memoryBytes() const
{
    return qsizetype(m_rows.size() * sizeof(EventRecord) + m_details.size() * sizeof(Detail)) +
           m_summaries.allocatedBytes();
}

int EventLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EventLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventLogModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    const EventRecord& r = record(row);
    switch (role) {
    case Qt::DisplayRole:
        return displayText(row, column);
    case Qt::ToolTipRole:
        switch (column) {
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(r.received_ms).toString(Qt::ISODateWithMs);
        case TypeColumn: {
            if (r.origin != EventOrigin::Notification)
                return originDisplayName(r);
            const std::string_view name = notificationTypeName(r.type);
            return QStringLiteral("%1 (0x%2)")
                .arg(QString::fromLatin1(name.data(), qsizetype(name.size())))
                .arg(std::uint32_t(r.type), 8, 16, QLatin1Char('0'));
        }
        case ObjectColumn: {
            const QString name = objectName(r);
            const QString id = objectIdText(r);
            return name.isEmpty() ? id : QStringLiteral("%1\n%2").arg(name, id);
        }
        case SummaryColumn:
            if (failed(r.status))
                return QStringLiteral("%1\n\n%2\n%3")
                    .arg(summary(row), ErrorExplanationView::summaryText(r.status),
                         ErrorExplanationView::detailsText(r.status));
            return summary(row);
        default:
            return {};
        }
    case Qt::DecorationRole:
        return column == TypeColumn && r.origin == EventOrigin::Notification ? QVariant(kindColor(r.kind))
                                                                             : QVariant();
    case Qt::BackgroundRole:
        // Markers are bands across the log: the host behind the rows below them is another one.
        if (r.origin == EventOrigin::Marker)
            return r.marker == EventMarker::Disconnected || r.marker == EventMarker::EventsMissed ||
                           r.marker == EventMarker::OpenFailed
                       ? QColor(0xd6, 0x27, 0x28, 0x40)
                       : QColor(0x1f, 0x77, 0xb4, 0x40);
        return {};
    case Qt::FontRole:
        if (r.origin == EventOrigin::Marker) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if ((r.origin == EventOrigin::FailedCall || r.marker == EventMarker::OpenFailed) &&
            column == TypeColumn)
            return QColor(0xd6, 0x27, 0x28);
        if (column == KindColumn)
            return kindColor(r.kind);
        if (column == SummaryColumn && r.status != hr::Ok)
            return QColor(0xd6, 0x27, 0x28);
        return {};
    case Qt::TextAlignmentRole:
        return column == SequenceColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case ObjectIdRole:
        return objectIdText(r);
    case SequenceRole:
        return QVariant::fromValue(r.sequence);
    case TypeRole:
        return QVariant::fromValue(std::uint32_t(r.type));
    case KindRole:
        return int(r.kind);
    case ReceivedRole:
        return QVariant::fromValue(r.received_ms);
    case FilterTypeRole:
        return QVariant::fromValue(filterType(r));
    default:
        return {};
    }
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case SequenceColumn:
        return tr("Sequence");
    case TypeColumn:
        return tr("Type");
    case ObjectColumn:
        return tr("Object");
    case KindColumn:
        return tr("Kind");
    case SummaryColumn:
        return tr("Summary");
    default:
        return {};
    }
}

} // namespace hcn::ui
