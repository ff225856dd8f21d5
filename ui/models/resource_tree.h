#pragma once
// ResourceTree: the rows of the resource tree as plain data (TreeItem), built from a MirrorContent
// alone, so a loading worker builds a whole host's tree off the GUI thread and the ResourceTreeModel
// only swaps it in. The same functions build the rows the model adds for live events afterwards.

#include "models/tree_items.h"

#include <QHash>
#include <QList>
#include <QStringList>
#include <memory>

namespace hcn::ui {

struct MirrorContent;

/// Object ID -> every row that shows it (frontend VIP rows are not object rows).
using TreeRowIndex = QHash<QString, QList<TreeItem*>>;

struct ResourceTree
{
    /// Root -> one GroupItem per kind (Networks, Namespaces, Load balancers; endpoints on no known
    /// network when there are any), children ordered by name then ID.
    std::unique_ptr<TreeItem> root;
    TreeRowIndex rows;

    /// The whole tree of `content`. Reads only `content` (safe on any thread while nobody changes it).
    static ResourceTree build(const MirrorContent& content);

    static std::unique_ptr<TreeItem> makeNetwork(const MirrorContent& content, const QString& id);
    static std::unique_ptr<TreeItem> makeNamespace(const MirrorContent& content, const QString& id);
    static std::unique_ptr<TreeItem> makeLoadBalancer(const MirrorContent& content, const QString& id);
    static std::unique_ptr<TreeItem> makeEndpoint(const MirrorContent& content, const QString& id);
    /// A frontend VIP row (`vip` empty: any host address) with the backends under it.
    static std::unique_ptr<TreeItem> makeFrontend(const MirrorContent& content, const QString& loadBalancerId,
                                                  const QString& vip, const QStringList& backends);
    /// One FrontendVipItem per VIP of the load balancer (with its backends) under `loadBalancer`.
    static void fillFrontends(const MirrorContent& content, TreeItem* loadBalancer);

    static void indexSubtree(TreeRowIndex& rows, TreeItem* item);
    static void unindexSubtree(TreeRowIndex& rows, TreeItem* item);
};

} // namespace hcn::ui
