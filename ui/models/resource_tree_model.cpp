#include "resource_tree_model.h"

#include "host_mirror.h"
#include "object_summary.h"

#include <QIcon>
#include <QSet>
#include <algorithm>
#include <utility>

namespace hcn::ui {

struct ResourceTreeModel::PendingInserts
{
    struct Batch
    {
        TreeItem* parent;
        ItemList items;
        /// Keys of `items`: a batch of ten thousand endpoints must not be scanned per endpoint.
        QSet<QString> keys;
    };
    std::vector<Batch> batches;

    Batch* find(TreeItem* parent)
    {
        for (Batch& batch : batches)
            if (batch.parent == parent)
                return &batch;
        return nullptr;
    }

    void add(TreeItem* parent, std::unique_ptr<TreeItem> item)
    {
        Batch* batch = find(parent);
        if (!batch) {
            batches.push_back({parent, {}, {}});
            batch = &batches.back();
        }
        batch->keys.insert(item->key());
        batch->items.push_back(std::move(item));
    }

    bool contains(TreeItem* parent, const QString& key)
    {
        const Batch* batch = find(parent);
        return batch && batch->keys.contains(key);
    }
};

ResourceTreeModel::ResourceTreeModel(HostMirror* mirror, QObject* parent)
    : QAbstractItemModel(parent), m_mirror(mirror)
{
    m_mirror->setPreparesResourceTree(true);
    rebuild();
    connect(m_mirror, &HostMirror::reset, this, [this] {
        beginResetModel();
        rebuild();
        endResetModel();
    });
    connect(m_mirror, &HostMirror::objectsAdded, this, &ResourceTreeModel::onObjectsAdded);
    connect(m_mirror, &HostMirror::objectsChanged, this, &ResourceTreeModel::onObjectsChanged);
    connect(m_mirror, &HostMirror::objectsRemoved, this, &ResourceTreeModel::onObjectsRemoved);
}

ResourceTreeModel::~ResourceTreeModel() = default;

// ---- building

void ResourceTreeModel::rebuild()
{
    // After an attach the mirror's worker has built the tree already: only the swap happens here.
    std::shared_ptr<ResourceTree> prepared = m_mirror->takePreparedTree();
    ResourceTree tree =
        prepared && prepared->root ? std::move(*prepared) : ResourceTree::build(m_mirror->content());
    // The previous rows go away on the worker's thread (15,000 of them for a big host).
    m_mirror->dropOnWorker(std::make_shared<ResourceTree>(ResourceTree{
        std::exchange(m_root, std::move(tree.root)), std::exchange(m_rows, std::move(tree.rows))}));
}

std::unique_ptr<TreeItem> ResourceTreeModel::makeEndpoint(const QString& id) const
{
    return ResourceTree::makeEndpoint(m_mirror->content(), id);
}

std::unique_ptr<TreeItem> ResourceTreeModel::makeNetwork(const QString& id) const
{
    return ResourceTree::makeNetwork(m_mirror->content(), id);
}

std::unique_ptr<TreeItem> ResourceTreeModel::makeNamespace(const QString& id) const
{
    return ResourceTree::makeNamespace(m_mirror->content(), id);
}

std::unique_ptr<TreeItem> ResourceTreeModel::makeLoadBalancer(const QString& id) const
{
    return ResourceTree::makeLoadBalancer(m_mirror->content(), id);
}

// ---- row index

void ResourceTreeModel::indexSubtree(TreeItem* item)
{
    ResourceTree::indexSubtree(m_rows, item);
}

void ResourceTreeModel::unindexSubtree(TreeItem* item)
{
    ResourceTree::unindexSubtree(m_rows, item);
}

TreeItem* ResourceTreeModel::primaryItem(const QString& id) const
{
    const auto it = m_rows.constFind(id.toUpper());
    if (it == m_rows.constEnd() || it->isEmpty())
        return nullptr;
    for (TreeItem* item : *it) {
        const TreeItem::Type parentType = item->parent() ? item->parent()->type() : TreeItem::Type::Root;
        if (parentType == TreeItem::Type::Network || parentType == TreeItem::Type::Group)
            return item;
    }
    return it->front();
}

GroupItem* ResourceTreeModel::groupOf(ResourceKind kind) const
{
    for (const auto& child : m_root->children()) {
        auto* group = static_cast<GroupItem*>(child.get());
        if (group->kind() == kind)
            return group;
    }
    return nullptr;
}

QModelIndex ResourceTreeModel::indexOfItem(const TreeItem* item, int column) const
{
    if (!item || item == m_root.get())
        return {};
    return createIndex(item->row(), column, const_cast<TreeItem*>(item));
}

TreeItem* ResourceTreeModel::itemOf(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<TreeItem*>(index.internalPointer()) : m_root.get();
}

QModelIndex ResourceTreeModel::indexOf(const QString& id) const
{
    return indexOfItem(primaryItem(id));
}

QModelIndexList ResourceTreeModel::indexesOf(const QString& id) const
{
    QModelIndexList indexes;
    for (TreeItem* item : m_rows.value(id.toUpper()))
        indexes << indexOfItem(item);
    return indexes;
}

QModelIndex ResourceTreeModel::groupIndex(ResourceKind kind) const
{
    return indexOfItem(groupOf(kind));
}

// ---- QAbstractItemModel

QModelIndex ResourceTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, itemOf(parent)->child(row));
}

QModelIndex ResourceTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    return indexOfItem(itemOf(child)->parent());
}

int ResourceTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.column() > 0)
        return 0;
    return itemOf(parent)->childCount();
}

int ResourceTreeModel::columnCount(const QModelIndex&) const
{
    return static_cast<int>(TreeColumn::Count);
}

QVariant ResourceTreeModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const TreeItem* item = itemOf(index);
    switch (role) {
    case ObjectIdRole:
        return item->objectId();
    case ItemTypeRole:
        return static_cast<int>(item->type());
    case FilterTermsRole:
        return item->filterTerms(m_mirror->content());
    case SortKeyRole:
        if (index.column() == int(TreeColumn::Name) && !item->sortKey().isEmpty())
            return item->sortKey();
        return item->data(static_cast<TreeColumn>(index.column()), Qt::DisplayRole, m_mirror->content())
            .toString()
            .toCaseFolded();
    default:
        break;
    }
    // A comparison's mark: one hash lookup, and only for rows that stand for an object.
    if (role == CompareMarkRole || role == Qt::BackgroundRole) {
        if (!m_compareMarks.isEmpty() && item->type() != TreeItem::Type::FrontendVip &&
            item->type() != TreeItem::Type::Group) {
            const auto mark = m_compareMarks.constFind(item->objectId());
            if (mark != m_compareMarks.cend())
                return role == CompareMarkRole ? QVariant(int(*mark))
                                               : QVariant(compareMarkBackground(*mark));
        }
        if (role == CompareMarkRole)
            return {};
    }
    // Health-check badges: one hash lookup, and only for rows that stand for an object.
    const bool badgeRole = role == FindingSeverityRole || role == FindingsRole || role == Qt::ToolTipRole ||
                           (role == Qt::DecorationRole && index.column() == int(TreeColumn::Name));
    if (badgeRole && !m_badges.isEmpty() && item->type() != TreeItem::Type::FrontendVip &&
        item->type() != TreeItem::Type::Group) {
        const auto badge = m_badges.constFind(item->objectId());
        if (badge != m_badges.cend()) {
            switch (role) {
            case FindingSeverityRole:
                return int(badge->severity);
            case FindingsRole:
                return badge->lines;
            case Qt::DecorationRole:
                return badgedIcon(
                    item->data(TreeColumn::Name, Qt::DecorationRole, m_mirror->content()).value<QIcon>(),
                    badge->severity);
            default: {
                const QString own =
                    item->data(static_cast<TreeColumn>(index.column()), role, m_mirror->content()).toString();
                const QString findings = tr("Findings:") + QStringLiteral("\n") + badge->lines.join(QLatin1Char('\n'));
                return own.isEmpty() ? findings : own + QStringLiteral("\n\n") + findings;
            }
            }
        }
    }
    if (role == FindingSeverityRole || role == FindingsRole)
        return {};
    return item->data(static_cast<TreeColumn>(index.column()), role, m_mirror->content());
}

void ResourceTreeModel::updateFindingBadges(const FindingBadges& changed, const QStringList& cleared)
{
    for (const QString& id : cleared)
        if (m_badges.remove(id))
            for (TreeItem* item : m_rows.value(id))
                emitRowChanged(item);
    for (auto it = changed.cbegin(); it != changed.cend(); ++it) {
        auto old = m_badges.find(it.key());
        if (old != m_badges.end() && *old == it.value())
            continue;
        m_badges.insert(it.key(), it.value());
        for (TreeItem* item : m_rows.value(it.key()))
            emitRowChanged(item);
    }
}

void ResourceTreeModel::setCompareMarks(const CompareMarks& marks)
{
    const CompareMarks old = std::exchange(m_compareMarks, marks);
    for (auto it = old.cbegin(); it != old.cend(); ++it)
        if (m_compareMarks.value(it.key()) != it.value())
            for (TreeItem* item : m_rows.value(it.key()))
                emitRowChanged(item);
    for (auto it = m_compareMarks.cbegin(); it != m_compareMarks.cend(); ++it)
        if (!old.contains(it.key()))
            for (TreeItem* item : m_rows.value(it.key()))
                emitRowChanged(item);
}

QVariant ResourceTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (static_cast<TreeColumn>(section)) {
    case TreeColumn::Name:
        return tr("Name");
    case TreeColumn::Id:
        return tr("ID");
    case TreeColumn::Details:
        return tr("Type / Addresses");
    default:
        return {};
    }
}

Qt::ItemFlags ResourceTreeModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    // Group rows are headings, not objects: selecting one would select nothing.
    if (itemOf(index)->type() == TreeItem::Type::Group)
        return Qt::ItemIsEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

// ---- applying mirror batches

void ResourceTreeModel::commit(PendingInserts& pending)
{
    for (auto& [parent, items, keys] : pending.batches) {
        if (items.empty())
            continue;
        const int first = parent->childCount();
        beginInsertRows(indexOfItem(parent), first, first + static_cast<int>(items.size()) - 1);
        for (auto& item : items) {
            TreeItem* raw = item.get();
            parent->appendChild(std::move(item));
            indexSubtree(raw);
        }
        endInsertRows();
        emitCountsChanged(parent);
    }
    pending.batches.clear();
}

void ResourceTreeModel::removeRows(TreeItem* parent, QList<int> rows)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    // Highest run first, so the lower rows keep their numbers.
    int end = static_cast<int>(rows.size()) - 1;
    while (end >= 0) {
        int start = end;
        while (start > 0 && rows[start - 1] == rows[start] - 1)
            --start;
        const int first = rows[start];
        const int last = rows[end];
        beginRemoveRows(indexOfItem(parent), first, last);
        for (auto& item : parent->takeChildren(first, last - first + 1))
            unindexSubtree(item.get());
        endRemoveRows();
        end = start - 1;
    }
    emitCountsChanged(parent);
}

void ResourceTreeModel::emitRowChanged(TreeItem* item)
{
    if (!item || item == m_root.get())
        return;
    emit dataChanged(indexOfItem(item, 0), indexOfItem(item, columnCount() - 1));
}

void ResourceTreeModel::emitCountsChanged(TreeItem* item)
{
    for (TreeItem* current = item; current && current != m_root.get(); current = current->parent())
        emitRowChanged(current);
}

void ResourceTreeModel::reconcileEndpointChildren(TreeItem* parent, const QStringList& endpointIds,
                                                  PendingInserts& pending)
{
    const QSet<QString> wanted(endpointIds.begin(), endpointIds.end());
    QList<int> stale;
    for (int row = 0; row < parent->childCount(); ++row)
        if (!wanted.contains(parent->child(row)->key()))
            stale << row;
    removeRows(parent, stale);
    for (const QString& id : endpointIds)
        if (parent->rowOfKey(id) < 0 && !pending.contains(parent, id))
            pending.add(parent, makeEndpoint(id));
}

void ResourceTreeModel::reconcileLoadBalancer(TreeItem* loadBalancer, PendingInserts& pending)
{
    const MirrorObject* object = m_mirror->object(loadBalancer->objectId());
    if (!object)
        return;
    QStringList vips = summary::loadBalancerVips(object->document);
    if (vips.isEmpty())
        vips << QString();
    const QStringList backends = summary::loadBalancerBackends(object->document);
    QList<int> stale;
    for (int row = 0; row < loadBalancer->childCount(); ++row)
        if (!vips.contains(loadBalancer->child(row)->key()))
            stale << row;
    removeRows(loadBalancer, stale);
    for (int row = 0; row < loadBalancer->childCount(); ++row) {
        TreeItem* frontend = loadBalancer->child(row);
        emitRowChanged(frontend); // port mappings are shown on the VIP row
        reconcileEndpointChildren(frontend, backends, pending);
    }
    for (const QString& vip : vips) {
        if (loadBalancer->rowOfKey(vip) >= 0 || pending.contains(loadBalancer, vip))
            continue;
        pending.add(loadBalancer,
                    ResourceTree::makeFrontend(m_mirror->content(), loadBalancer->objectId(), vip, backends));
    }
}

void ResourceTreeModel::onObjectsAdded(const QStringList& ids)
{
    PendingInserts pending;
    QSet<QString> newContainers;
    QStringList endpoints;
    QStringList known;
    // Containers first, each with the children the mirror already has: a whole subtree per insert.
    for (const QString& id : ids) {
        const MirrorObject* object = m_mirror->object(id);
        if (!object)
            continue;
        if (primaryItem(id)) {
            known << id; // a resync may report what we already show
            continue;
        }
        switch (object->kind) {
        case ResourceKind::Network:
            pending.add(groupOf(ResourceKind::Network), makeNetwork(object->id));
            newContainers.insert(object->id);
            break;
        case ResourceKind::Namespace:
            pending.add(groupOf(ResourceKind::Namespace), makeNamespace(object->id));
            newContainers.insert(object->id);
            break;
        case ResourceKind::LoadBalancer:
            pending.add(groupOf(ResourceKind::LoadBalancer), makeLoadBalancer(object->id));
            newContainers.insert(object->id);
            break;
        case ResourceKind::Endpoint:
            endpoints << object->id;
            break;
        default:
            break; // guest network services and SDN routes are not shown in this tree
        }
    }
    // Endpoints of containers that existed before: grouped per parent, one insert each.
    for (const QString& id : endpoints) {
        const MirrorObject* object = m_mirror->object(id);
        const QString network = summary::endpointNetwork(object->document);
        if (!newContainers.contains(network)) {
            if (TreeItem* parent = primaryItem(network); parent && !pending.contains(parent, id))
                pending.add(parent, makeEndpoint(id));
        }
        const QString ns = summary::endpointNamespace(object->document);
        if (!ns.isEmpty() && !newContainers.contains(ns)) {
            if (TreeItem* parent = primaryItem(ns);
                parent && parent->rowOfKey(id) < 0 && !pending.contains(parent, id))
                pending.add(parent, makeEndpoint(id));
        }
    }
    commit(pending);
    if (!known.isEmpty())
        onObjectsChanged(known);
}

void ResourceTreeModel::onObjectsChanged(const QStringList& ids)
{
    PendingInserts pending;
    QStringList unknown;
    for (const QString& id : ids) {
        const MirrorObject* object = m_mirror->object(id);
        if (!object)
            continue;
        TreeItem* primary = primaryItem(object->id);
        if (!primary &&
            (object->kind == ResourceKind::Network || object->kind == ResourceKind::Namespace ||
             object->kind == ResourceKind::LoadBalancer || object->kind == ResourceKind::Endpoint)) {
            unknown << object->id;
            continue;
        }
        switch (object->kind) {
        case ResourceKind::Network:
            primary->refreshName(m_mirror->content());
            emitRowChanged(primary);
            break;
        case ResourceKind::Namespace:
            primary->refreshName(m_mirror->content());
            emitRowChanged(primary);
            reconcileEndpointChildren(primary, m_mirror->endpointIdsOfNamespace(object->id), pending);
            break;
        case ResourceKind::LoadBalancer:
            primary->refreshName(m_mirror->content());
            emitRowChanged(primary);
            reconcileLoadBalancer(primary, pending);
            break;
        case ResourceKind::Endpoint: {
            const QString ns = summary::endpointNamespace(object->document);
            // Leave the namespace it was detached from ...
            for (TreeItem* row : m_rows.value(object->id)) {
                TreeItem* parent = row->parent();
                if (parent->type() == TreeItem::Type::Namespace && parent->objectId() != ns)
                    removeRows(parent, {row->row()});
            }
            // ... join the one it was attached to ...
            if (TreeItem* nsItem = ns.isEmpty() ? nullptr : primaryItem(ns);
                nsItem && nsItem->rowOfKey(object->id) < 0 && !pending.contains(nsItem, object->id))
                pending.add(nsItem, makeEndpoint(object->id));
            // ... and repaint where it stays.
            for (TreeItem* row : m_rows.value(object->id)) {
                row->refreshName(m_mirror->content());
                emitRowChanged(row);
            }
            break;
        }
        default:
            break;
        }
    }
    commit(pending);
    if (!unknown.isEmpty())
        onObjectsAdded(unknown);
}

void ResourceTreeModel::onObjectsRemoved(const QList<MirrorObject>& removed)
{
    // Containers first: removing a network row takes its endpoint rows with it in one remove.
    QHash<TreeItem*, QList<int>> rowsByParent;
    QList<TreeItem*> parentsInOrder;
    auto collect = [&](TreeItem* item) {
        TreeItem* parent = item->parent();
        if (!rowsByParent.contains(parent))
            parentsInOrder << parent;
        rowsByParent[parent] << item->row();
    };
    for (const MirrorObject& object : removed)
        if (object.kind != ResourceKind::Endpoint)
            if (TreeItem* item = primaryItem(object.id))
                collect(item);
    for (TreeItem* parent : parentsInOrder)
        removeRows(parent, rowsByParent.value(parent));

    rowsByParent.clear();
    parentsInOrder.clear();
    for (const MirrorObject& object : removed)
        if (object.kind == ResourceKind::Endpoint)
            for (TreeItem* item : m_rows.value(object.id))
                collect(item);
    for (TreeItem* parent : parentsInOrder)
        removeRows(parent, rowsByParent.value(parent));
}

} // namespace hcn::ui
