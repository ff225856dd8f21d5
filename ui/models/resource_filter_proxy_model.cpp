#include "resource_filter_proxy_model.h"

#include "resource_tree_model.h"

namespace hcn::ui {

ResourceFilterProxyModel::ResourceFilterProxyModel(QObject* parent) : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);
    // The sort role's text is case-folded already: a plain comparison sorts case-insensitively.
    setSortCaseSensitivity(Qt::CaseSensitive);
    setSortRole(ResourceTreeModel::SortKeyRole);
}

void ResourceFilterProxyModel::setSourceModel(QAbstractItemModel* model)
{
    m_tree = qobject_cast<const ResourceTreeModel*>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void ResourceFilterProxyModel::setFilterText(const QString& text)
{
    const QString normalized = text.trimmed().toLower();
    if (normalized == m_text)
        return;
    m_text = normalized;
    m_macText = QString(normalized).replace(QLatin1Char(':'), QLatin1Char('-'));
    invalidateFilter();
}

bool ResourceFilterProxyModel::hasChildren(const QModelIndex& parent) const
{
    // QSortFilterProxyModel answers by mapping (filtering and sorting) all of the parent's rows.
    if (!m_text.isEmpty() || !sourceModel())
        return QSortFilterProxyModel::hasChildren(parent);
    const QModelIndex sourceParent = mapToSource(parent);
    if (parent.isValid() && !sourceParent.isValid())
        return false;
    return sourceModel()->hasChildren(sourceParent);
}

bool ResourceFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const QStringList terms = index.data(ResourceTreeModel::FilterTermsRole).toStringList();
    if (terms.isEmpty())
        return false; // group headings never match by themselves
    // terms: [name, id, addresses..., MAC]. Names match anywhere; IDs and addresses by prefix (typing
    // "10.244." lists a subnet); MACs anywhere, since people copy their tail from a capture.
    if (terms.value(0).contains(m_text))
        return true;
    for (qsizetype i = 1; i < terms.size(); ++i) {
        const QString& term = terms[i];
        if (term.startsWith(m_text))
            return true;
        const bool isMac = term.size() == 17 && term.count(QLatin1Char('-')) == 5;
        if (isMac && term.contains(m_macText))
            return true;
    }
    return false;
}

bool ResourceFilterProxyModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    // By name: the rows' prepared keys, without a QVariant per comparison (equal keys keep the
    // source's order, name then ID, as the sort is stable). Groups have none.
    if (m_tree && left.column() == 0 && right.column() == 0) {
        const QString& a = m_tree->sortKey(left);
        const QString& b = m_tree->sortKey(right);
        if (!a.isEmpty() && !b.isEmpty())
            return a < b;
    }
    // Groups stay Networks, Namespaces, Load balancers whatever the sort order.
    if (!left.parent().isValid() && !right.parent().isValid())
        return sortOrder() == Qt::AscendingOrder ? left.row() < right.row() : left.row() > right.row();
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace hcn::ui
