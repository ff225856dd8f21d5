#pragma once
// ResourceTreeModel: the host's objects as a tree (Networks -> endpoints; Namespaces -> attached
// endpoints; Load balancers -> frontend VIPs -> backend endpoints), following the HostMirror's signals
// 1:1. New rows under one parent arrive in one beginInsertRows, a removed network takes its subtree with
// it in one beginRemoveRows, a changed object repaints only its own rows; the model resets only when the
// mirror does (attach, detach).

#include "compare/compare_marks.h"
#include "models/finding_badge.h"
#include "models/resource_tree.h"
#include "models/tree_items.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QStringList>
#include <memory>
#include <vector>

namespace hcn::ui {

class HostMirror;
struct MirrorObject;

class ResourceTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Role
    {
        /// The HCN object a row stands for (a frontend VIP row: its load balancer); empty for groups.
        ObjectIdRole = Qt::UserRole + 1,
        /// TreeItem::Type as int.
        ItemTypeRole,
        /// QStringList of lower-case terms the filter matches (name, ID, addresses, MACs).
        FilterTermsRole,
        /// What the view sorts by: the display text case-folded, for the Name column prepared with the
        /// row (no formatting or lookup: a sort of 10,000 endpoints asks about 300,000 times).
        SortKeyRole,
        /// hcn::Severity (int) of the worst health-check finding about the row's object; invalid when
        /// it has none. The name's icon carries it as a badge, the tooltip lists the findings.
        FindingSeverityRole,
        /// QStringList: one line per finding about the row's object.
        FindingsRole,
        /// CompareMark (int) of the row's object while a comparison is shown; invalid when it has none.
        /// The row's background carries its colour.
        CompareMarkRole,
    };

    explicit ResourceTreeModel(HostMirror* mirror, QObject* parent = nullptr);
    ~ResourceTreeModel() override;

    HostMirror* mirror() const { return m_mirror; }

    /// The row that stands for `id` first: an endpoint under its network, other objects at their
    /// only place. Invalid when the object has no row.
    QModelIndex indexOf(const QString& id) const;
    /// Every row showing `id` (an endpoint also appears under its namespace and as a backend).
    QModelIndexList indexesOf(const QString& id) const;
    /// The row's prepared sort key (SortKeyRole of the Name column without the QVariant); empty for
    /// groups.
    const QString& sortKey(const QModelIndex& index) const { return itemOf(index)->sortKey(); }
    /// The group row of a kind (Network, Namespace, LoadBalancer).
    QModelIndex groupIndex(ResourceKind kind) const;

    /// Health-check badges that changed (HostChecks::badgesChanged): `changed` are new badges, `cleared`
    /// objects that have none any more. Repaints only those objects' rows.
    void updateFindingBadges(const FindingBadges& changed, const QStringList& cleared);
    const FindingBadges& findingBadges() const { return m_badges; }
    /// The comparison's marks (CompareController::marksChanged; empty clears). Repaints only the rows
    /// whose mark changed.
    void setCompareMarks(const CompareMarks& marks);
    const CompareMarks& compareMarks() const { return m_compareMarks; }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    using ItemList = std::vector<std::unique_ptr<TreeItem>>;
    /// New rows collected per parent while a batch is handled, inserted with one call per parent.
    struct PendingInserts;

    void rebuild();
    void onObjectsAdded(const QStringList& ids);
    void onObjectsChanged(const QStringList& ids);
    void onObjectsRemoved(const QList<MirrorObject>& removed);

    std::unique_ptr<TreeItem> makeNetwork(const QString& id) const;
    std::unique_ptr<TreeItem> makeNamespace(const QString& id) const;
    std::unique_ptr<TreeItem> makeLoadBalancer(const QString& id) const;
    std::unique_ptr<TreeItem> makeEndpoint(const QString& id) const;

    /// The row's index (column 0).
    QModelIndex indexOfItem(const TreeItem* item, int column = 0) const;
    TreeItem* itemOf(const QModelIndex& index) const;
    TreeItem* primaryItem(const QString& id) const;
    GroupItem* groupOf(ResourceKind kind) const;

    void commit(PendingInserts& pending);
    /// Removes the given rows of `parent` (any order), one beginRemoveRows per contiguous run.
    void removeRows(TreeItem* parent, QList<int> rows);
    /// Makes the children of `parent` exactly `keys`: drops the others, queues the missing ones.
    void reconcileEndpointChildren(TreeItem* parent, const QStringList& endpointIds, PendingInserts& pending);
    void reconcileLoadBalancer(TreeItem* loadBalancer, PendingInserts& pending);
    /// Repaints `item` and its ancestors up to the group (their counts changed).
    void emitCountsChanged(TreeItem* item);
    void emitRowChanged(TreeItem* item);

    void indexSubtree(TreeItem* item);
    void unindexSubtree(TreeItem* item);

    HostMirror* m_mirror;
    std::unique_ptr<TreeItem> m_root;
    /// Object ID -> every row that shows it (frontend VIP rows are not object rows).
    TreeRowIndex m_rows;
    FindingBadges m_badges;
    CompareMarks m_compareMarks;
};

} // namespace hcn::ui
