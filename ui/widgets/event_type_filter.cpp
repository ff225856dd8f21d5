#include "widgets/event_type_filter.h"

#include "hcn/notification.h"
#include "models/event_log_model.h"
#include "models/event_summary.h"

#include <QListWidget>
#include <QMenu>
#include <QWidgetAction>

namespace hcn::ui {

namespace {

constexpr int kTypeRole = Qt::UserRole + 1;

} // namespace

EventTypeFilter::EventTypeFilter(QWidget* parent) : QToolButton(parent)
{
    setObjectName(QStringLiteral("eventTypeFilter"));
    setPopupMode(QToolButton::InstantPopup);
    setToolTip(tr("Show only the ticked types (none ticked: every row)"));

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("eventTypeList"));
    auto add = [this](const QString& text, quint32 type) {
        auto* item = new QListWidgetItem(text, m_list);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
        item->setData(kTypeRole, QVariant::fromValue(type));
    };
    add(tr("Failed calls of the console"), EventLogModel::kFailedCallFilterType);
    add(tr("Files that could not be opened"), EventLogModel::kOpenFailedFilterType);
    add(tr("Markers (host opened, disconnects, resyncs)"), EventLogModel::kMarkerFilterType);
    for (NotificationType type : notificationTypes())
        add(EventSummary::typeDisplayName(type), quint32(type));
    m_list->setMinimumHeight(m_list->sizeHintForRow(0) * 16);
    m_list->setMinimumWidth(m_list->sizeHintForColumn(0) + 40);

    auto* menu = new QMenu(this);
    QAction* all = menu->addAction(tr("Show all types"));
    connect(all, &QAction::triggered, this, [this] { setTypes({}); });
    menu->addSeparator();
    auto* listAction = new QWidgetAction(menu);
    listAction->setDefaultWidget(m_list);
    menu->addAction(listAction);
    setMenu(menu);

    connect(m_list, &QListWidget::itemChanged, this, &EventTypeFilter::onItemChanged);
    updateText();
}

QSet<quint32> EventTypeFilter::types() const
{
    QSet<quint32> out;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->checkState() == Qt::Checked)
            out.insert(m_list->item(i)->data(kTypeRole).value<quint32>());
    return out;
}

void EventTypeFilter::setTypes(const QSet<quint32>& types)
{
    if (types == this->types())
        return;
    m_updating = true;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem* item = m_list->item(i);
        item->setCheckState(types.contains(item->data(kTypeRole).value<quint32>()) ? Qt::Checked
                                                                                   : Qt::Unchecked);
    }
    m_updating = false;
    onItemChanged();
}

void EventTypeFilter::onItemChanged()
{
    if (m_updating)
        return;
    updateText();
    emit changed(types());
}

void EventTypeFilter::updateText()
{
    QStringList checked;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->checkState() == Qt::Checked)
            checked.append(m_list->item(i)->text());
    if (checked.isEmpty())
        setText(tr("All types"));
    else if (checked.size() == 1)
        setText(checked.first());
    else
        setText(tr("%1 types").arg(checked.size()));
}

} // namespace hcn::ui
