#pragma once
// EventTypeFilter: the event log's type filter: a button whose drop-down lists every notification type
// and the console's own rows (failed calls, markers) with check boxes, so several types show at once.
// Nothing checked shows every row. The drop-down stays open while boxes are ticked.

#include <QSet>
#include <QToolButton>

class QListWidget;

namespace hcn::ui {

class EventTypeFilter : public QToolButton
{
    Q_OBJECT
public:
    explicit EventTypeFilter(QWidget* parent = nullptr);

    /// The checked filter types (EventLogModel::filterType values); empty: all.
    QSet<quint32> types() const;
    /// Checks exactly `types` (emits changed() when that differs).
    void setTypes(const QSet<quint32>& types);
    /// The list in the drop-down (tests tick its items like a user).
    QListWidget* list() const { return m_list; }

signals:
    void changed(const QSet<quint32>& types);

private:
    void onItemChanged();
    void updateText();

    QListWidget* m_list = nullptr;
    bool m_updating = false;
};

} // namespace hcn::ui
