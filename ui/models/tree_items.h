#pragma once
// Typed rows of the resource tree. Parents own their children; every row that shows an HCN object keeps
// only that object's ID, its last name (for the moment between the mirror dropping an object and the
// model removing its row) and the key the view sorts it by; other text is formatted lazily from the
// mirror's content in data(). Rows are plain data: a whole host's are built on the loading worker.
//
//   Root
//   ├─ GroupItem (Networks)       ─ NetworkItem ─ EndpointItem
//   ├─ GroupItem (Namespaces)     ─ NamespaceItem ─ EndpointItem (attached)
//   └─ GroupItem (Load balancers) ─ LoadBalancerItem ─ FrontendVipItem ─ EndpointItem (backend)

#include "hcn/resource_kind.h"

#include <QIcon>
#include <QString>
#include <QVariant>
#include <memory>
#include <vector>

namespace hcn::ui {

struct MirrorContent;
struct MirrorObject;

/// The model's columns.
enum class TreeColumn
{
    Name,
    Id,
    Details,
    Count
};

class TreeItem
{
public:
    enum class Type
    {
        Root,
        Group,
        Network,
        Namespace,
        LoadBalancer,
        FrontendVip,
        Endpoint
    };

    explicit TreeItem(Type type, QString objectId = {});
    virtual ~TreeItem();
    TreeItem(const TreeItem&) = delete;
    TreeItem& operator=(const TreeItem&) = delete;

    Type type() const { return m_type; }
    /// The HCN object this row shows (the load balancer for a frontend VIP row; empty for groups).
    const QString& objectId() const { return m_objectId; }
    /// The key that tells siblings apart: the object ID, or the VIP text of a frontend row.
    virtual QString key() const { return m_objectId; }

    TreeItem* parent() const { return m_parent; }
    int childCount() const { return static_cast<int>(m_children.size()); }
    TreeItem* child(int row) const { return m_children[static_cast<std::size_t>(row)].get(); }
    /// This item's row under its parent (kept current by appendChild/takeChildren: views ask often).
    int row() const { return m_row; }
    int indexOfChild(const TreeItem* item) const;
    /// The row of the child with `key`, or -1.
    int rowOfKey(const QString& key) const;

    void appendChild(std::unique_ptr<TreeItem> child);
    /// Removes `count` children from `first` and hands them back (the caller unindexes them).
    std::vector<std::unique_ptr<TreeItem>> takeChildren(int first, int count);
    const std::vector<std::unique_ptr<TreeItem>>& children() const { return m_children; }

    /// DisplayRole / DecorationRole / ToolTipRole for `column`.
    virtual QVariant data(TreeColumn column, int role, const MirrorContent& mirror) const;
    /// Lower-case words the filter matches against: name, ID, addresses, MACs.
    virtual QStringList filterTerms(const MirrorContent& mirror) const;

    /// Takes the object's name from `content` (kept so the row can still be drawn after the mirror
    /// forgot it) and prepares sortKey(). Called where the row is built and whenever its object changes.
    void refreshName(const MirrorContent& content);
    const QString& cachedName() const { return m_cachedName; }
    /// The Name column's text case-folded: what the view sorts by (no formatting per comparison).
    /// Empty for rows that never sort (groups).
    const QString& sortKey() const { return m_sortKey; }

protected:
    /// The mirror's object for objectId(), or null.
    const MirrorObject* object(const MirrorContent& mirror) const;
    QString displayName(const MirrorContent& mirror) const;

private:
    Type m_type;
    QString m_objectId;
    QString m_cachedName;
    QString m_sortKey;
    TreeItem* m_parent = nullptr;
    int m_row = 0;
    std::vector<std::unique_ptr<TreeItem>> m_children;
};

/// "Networks (3)": one per kind, fixed at the top level.
class GroupItem final : public TreeItem
{
public:
    explicit GroupItem(ResourceKind kind);
    ResourceKind kind() const { return m_kind; }
    QString key() const override;
    QVariant data(TreeColumn column, int role, const MirrorContent& mirror) const override;
    QStringList filterTerms(const MirrorContent&) const override { return {}; }

private:
    ResourceKind m_kind;
};

class NetworkItem final : public TreeItem
{
public:
    explicit NetworkItem(QString id) : TreeItem(Type::Network, std::move(id)) {}
    QVariant data(TreeColumn column, int role, const MirrorContent& mirror) const override;
    QStringList filterTerms(const MirrorContent& mirror) const override;
};

/// An endpoint, under its network, under the namespace it is attached to, or as a load balancer backend.
class EndpointItem final : public TreeItem
{
public:
    explicit EndpointItem(QString id) : TreeItem(Type::Endpoint, std::move(id)) {}
    QVariant data(TreeColumn column, int role, const MirrorContent& mirror) const override;
    QStringList filterTerms(const MirrorContent& mirror) const override;
};

class NamespaceItem final : public TreeItem
{
public:
    explicit NamespaceItem(QString id) : TreeItem(Type::Namespace, std::move(id)) {}
    QVariant data(TreeColumn column, int role, const MirrorContent& mirror) const override;
};

class LoadBalancerItem final : public TreeItem
{
public:
    explicit LoadBalancerItem(QString id) : TreeItem(Type::LoadBalancer, std::move(id)) {}
    QVariant data(TreeColumn column, int role, const MirrorContent& mirror) const override;
    QStringList filterTerms(const MirrorContent& mirror) const override;
};

/// One of a load balancer's FrontendVIPs (or "any host address" when it has none); its children are
/// the load balancer's backend endpoints.
class FrontendVipItem final : public TreeItem
{
public:
    FrontendVipItem(QString loadBalancerId, QString vip);
    const QString& vip() const { return m_vip; }
    QString key() const override { return m_vip; }
    QVariant data(TreeColumn column, int role, const MirrorContent& mirror) const override;
    QStringList filterTerms(const MirrorContent& mirror) const override;

private:
    QString m_vip;
};

} // namespace hcn::ui
