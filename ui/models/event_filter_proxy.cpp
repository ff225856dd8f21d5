#include "models/event_filter_proxy.h"

#include "models/event_log_model.h"

namespace hcn::ui {

EventFilterProxy::EventFilterProxy(QObject* parent) : QSortFilterProxyModel(parent)
{
    // Log order is the only order; sorting 100,000 rows on every batch would defeat the batching.
    setDynamicSortFilter(false);
}

void EventFilterProxy::setSourceModel(QAbstractItemModel* model)
{
    m_log = qobject_cast<EventLogModel*>(model);
    Q_ASSERT_X(!model || m_log, "EventFilterProxy", "the source must be an EventLogModel");
    QSortFilterProxyModel::setSourceModel(model);
}

void EventFilterProxy::setTypeFilter(const QSet<quint32>& types)
{
    if (m_types == types)
        return;
    m_types = types;
    invalidateFilter();
}

void EventFilterProxy::setTypeFilter(std::optional<hcn::NotificationType> type)
{
    setTypeFilter(type ? QSet<quint32>{quint32(*type)} : QSet<quint32>());
}

void EventFilterProxy::setObjectFilter(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (m_object == trimmed)
        return;
    m_object = trimmed;
    m_objectIdPrefix = trimmed.toUpper();
    if (m_objectIdPrefix.startsWith(QLatin1Char('{')))
        m_objectIdPrefix.remove(0, 1);
    if (m_objectIdPrefix.endsWith(QLatin1Char('}')))
        m_objectIdPrefix.chop(1);
    invalidateFilter();
}

void EventFilterProxy::setTextFilter(const QString& text)
{
    if (m_text == text)
        return;
    m_text = text;
    invalidateFilter();
}

bool EventFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (!m_log || sourceParent.isValid())
        return false;
    const EventRecord& record = m_log->record(sourceRow);
    // Cheapest tests first: the type is an integer compare, the text needs the summary decoded.
    if (!m_types.isEmpty() && !m_types.contains(EventLogModel::filterType(record)))
        return false;
    if (!m_object.isEmpty()) {
        const QString id = EventLogModel::objectIdText(record);
        if (id.isEmpty())
            return false;
        if (!id.startsWith(m_objectIdPrefix) &&
            !m_log->objectName(record).contains(m_object, Qt::CaseInsensitive))
            return false;
    }
    if (!m_text.isEmpty() && !m_log->summary(sourceRow).contains(m_text, Qt::CaseInsensitive))
        return false;
    return true;
}

} // namespace hcn::ui
