#include "resource_tree_dock.h"

#include "models/current_selection.h"
#include "models/host_mirror.h"
#include "models/resource_filter_proxy_model.h"
#include "models/resource_tree_model.h"

#include <QAction>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace hcn::ui {

namespace {
// Expanding everything is what a user wants while filtering, but not for ten thousand rows.
constexpr int kExpandAllLimit = 2000;
// A small host opens with its networks, namespaces and load balancers unfolded.
constexpr int kExpandObjectsLimit = 200;
// Above this, unfolding the groups (thousands of namespaces) and revealing the selection (a network
// of ten thousand endpoints, sorted) after a reset take an event-loop turn each.
constexpr int kStepwiseRestoreLimit = 2000;
} // namespace

ResourceTreeDock::ResourceTreeDock(HostMirror* mirror, CurrentSelection* selection, QWidget* parent)
    : QDockWidget(tr("Resources"), parent), m_selection(selection),
      m_model(new ResourceTreeModel(mirror, this)), m_proxy(new ResourceFilterProxyModel(this)),
      m_view(new QTreeView), m_filter(new QLineEdit)
{
    setObjectName(QStringLiteral("ResourceTreeDock"));
    m_proxy->setSourceModel(m_model);

    m_filter->setPlaceholderText(tr("Filter by name, ID, IP or MAC"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setObjectName(QStringLiteral("resourceFilter"));

    m_view->setModel(m_proxy);
    m_view->setObjectName(QStringLiteral("resourceTree"));
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    m_view->setUniformRowHeights(true); // cheap layout for thousands of endpoints
    m_view->setAlternatingRowColors(true);
    m_view->header()->setStretchLastSection(true);
    m_view->setColumnWidth(0, 260);
    m_view->setColumnWidth(1, 290);

    auto* body = new QWidget;
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);
    setWidget(body);

    // Ctrl+F (while the tree has focus) jumps to the filter.
    auto* findAction = new QAction(tr("Find"), this);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(findAction, &QAction::triggered, m_filter, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    addAction(findAction);

    connect(m_filter, &QLineEdit::textChanged, this, &ResourceTreeDock::setFilterText);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ResourceTreeDock::onViewSelectionChanged);
    connect(m_selection, &CurrentSelection::changed, this, &ResourceTreeDock::onCurrentSelectionChanged);
    // An object selected before the tree had it (one just created: its notification comes after the
    // create's answer) is revealed and selected when it arrives. Queued: after the model's own rows.
    connect(
        m_model->mirror(), &HostMirror::objectsAdded, this,
        [this](const QStringList& added) {
            for (const QString& id : added)
                if (m_selection->ids().contains(id)) {
                    selectIds(m_selection->ids());
                    return;
                }
        },
        Qt::QueuedConnection);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ResourceTreeDock::restoreAfterReset);
    expandDefault();
}

void ResourceTreeDock::setFilterText(const QString& text)
{
    if (m_filter->text() != text)
        m_filter->setText(text); // comes back here through textChanged
    m_proxy->setFilterText(text);
    if (text.trimmed().isEmpty())
        return;
    if (m_proxy->rowCount() > 0 && m_model->mirror()->count(ResourceKind::Endpoint) <= kExpandAllLimit)
        m_view->expandAll();
    else
        expandDefault();
}

void ResourceTreeDock::expandDefault()
{
    const bool small = m_model->mirror()->count(ResourceKind::Endpoint) <= kExpandObjectsLimit;
    m_view->expandToDepth(small ? 1 : 0);
}

void ResourceTreeDock::restoreAfterReset()
{
    const quint64 reset = ++m_resets;
    if (m_model->mirror()->count(ResourceKind::Endpoint) <= kStepwiseRestoreLimit) {
        expandDefault();
        selectIds(m_selection->ids());
        return;
    }
    // A big host is collapsed to its groups (expandDefault() unfolds nothing deeper).
    auto later = [this, reset](auto step) {
        QTimer::singleShot(0, this, [this, reset, step] {
            if (reset == m_resets)
                step();
        });
    };
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        later([this, row] { m_view->expand(m_proxy->index(row, 0)); });
    // The proxy sorts a folded container's rows only when asked for them: the selected rows' parents
    // (a network of ten thousand endpoints) are sorted in a turn of their own, before they unfold.
    later([this] {
        for (const QString& id : m_selection->ids())
            m_proxy->mapFromSource(m_model->indexOf(id));
    });
    later([this] { selectIds(m_selection->ids()); });
}

void ResourceTreeDock::onViewSelectionChanged()
{
    if (m_following)
        return;
    QStringList ids;
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    const QString currentId = current.data(ResourceTreeModel::ObjectIdRole).toString();
    const QModelIndexList rows = m_view->selectionModel()->selectedRows(0);
    // The row with focus is "the current object": first in the list.
    for (const QModelIndex& row : rows)
        if (row.data(ResourceTreeModel::ObjectIdRole).toString() == currentId && !currentId.isEmpty()) {
            ids << currentId;
            break;
        }
    for (const QModelIndex& row : rows) {
        const QString id = row.data(ResourceTreeModel::ObjectIdRole).toString();
        if (!id.isEmpty() && !ids.contains(id))
            ids << id;
    }
    m_selection->setIds(ids, this);
}

void ResourceTreeDock::onCurrentSelectionChanged(const QStringList& ids, QObject* origin)
{
    if (origin == this)
        return;
    selectIds(ids);
}

void ResourceTreeDock::selectIds(const QStringList& ids)
{
    m_following = true;
    QItemSelection selection;
    QModelIndex first;
    for (const QString& id : ids) {
        const QModelIndex row = m_proxy->mapFromSource(m_model->indexOf(id));
        if (!row.isValid())
            continue; // filtered out or not in the tree
        selection.select(row, row.siblingAtColumn(m_proxy->columnCount() - 1));
        if (!first.isValid())
            first = row;
        for (QModelIndex parent = row.parent(); parent.isValid(); parent = parent.parent())
            m_view->expand(parent);
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (first.isValid()) {
        m_view->selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        m_view->scrollTo(first);
    }
    m_following = false;
}

} // namespace hcn::ui
