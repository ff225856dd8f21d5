#pragma once
// EventFilterProxy: the event log's filter bar as a proxy: notification types (any number of them,
// beside the console's own rows: failed calls, markers), object (ID prefix or
// name) and free text over the summary. QSortFilterProxyModel filters only the inserted rows when the
// log grows, so a batch costs its own size, not the log's; a filter change re-filters everything once.
// Rows keep the log's order (no sorting).

#include "hcn/notification.h"

#include <QSet>
#include <QSortFilterProxyModel>
#include <optional>

namespace hcn::ui {

class EventLogModel;

class EventFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit EventFilterProxy(QObject* parent = nullptr);

    /// The source must be an EventLogModel (its records are read directly, not through data()).
    void setSourceModel(QAbstractItemModel* model) override;
    EventLogModel* logModel() const { return m_log; }

    /// Only rows whose EventLogModel::filterType() is one of `types` (empty: every row).
    void setTypeFilter(const QSet<quint32>& types);
    /// Only this notification type (nullopt: every type).
    void setTypeFilter(std::optional<hcn::NotificationType> type);
    QSet<quint32> typeFilter() const { return m_types; }
    /// Rows whose object ID starts with `text` or whose object name contains it (case-insensitive;
    /// braces around an ID are ignored). Empty: every row.
    void setObjectFilter(const QString& text);
    QString objectFilter() const { return m_object; }
    /// Rows whose summary contains `text` (case-insensitive). Empty: every row.
    void setTextFilter(const QString& text);
    QString textFilter() const { return m_text; }
    bool isFiltering() const { return !m_types.isEmpty() || !m_object.isEmpty() || !m_text.isEmpty(); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    EventLogModel* m_log = nullptr;
    QSet<quint32> m_types;
    QString m_object;
    QString m_objectIdPrefix; ///< m_object upper-cased without braces
    QString m_text;
};

} // namespace hcn::ui
