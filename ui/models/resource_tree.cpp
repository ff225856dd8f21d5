#include "models/resource_tree.h"

#include "models/mirror_content.h"
#include "models/object_summary.h"

namespace hcn::ui {

namespace {

void appendEndpoints(const MirrorContent& content, TreeItem* parent, const QStringList& ids)
{
    for (const QString& id : content.idsByName(ids))
        parent->appendChild(ResourceTree::makeEndpoint(content, id));
}

} // namespace

ResourceTree ResourceTree::build(const MirrorContent& content)
{
    ResourceTree tree;
    tree.root = std::make_unique<TreeItem>(TreeItem::Type::Root);
    // Membership comes from the content's indexes (the core's HostState), one lookup per container.
    int endpointsUnderNetworks = 0; // all of them: no group for endpoints on no known network
    for (ResourceKind kind : {ResourceKind::Network, ResourceKind::Namespace, ResourceKind::LoadBalancer}) {
        auto group = std::make_unique<GroupItem>(kind);
        for (const MirrorObject* object : content.objectsOfKind(kind)) {
            switch (kind) {
            case ResourceKind::Network: {
                auto network = std::make_unique<NetworkItem>(object->id);
                network->refreshName(content);
                const QStringList endpoints = content.endpointIdsOfNetwork(object->id);
                endpointsUnderNetworks += int(endpoints.size());
                appendEndpoints(content, network.get(), endpoints);
                group->appendChild(std::move(network));
                break;
            }
            case ResourceKind::Namespace: {
                auto ns = std::make_unique<NamespaceItem>(object->id);
                ns->refreshName(content);
                appendEndpoints(content, ns.get(), content.endpointIdsOfNamespace(object->id));
                group->appendChild(std::move(ns));
                break;
            }
            default:
                group->appendChild(makeLoadBalancer(content, object->id));
                break;
            }
        }
        tree.root->appendChild(std::move(group));
    }
    // A customer's snapshot can hold endpoints whose network is gone (a live engine refuses them): they
    // get a group of their own rather than disappearing from the tree.
    QStringList stray;
    if (endpointsUnderNetworks != content.count(ResourceKind::Endpoint)) {
        for (const MirrorObject* endpoint : content.objectsOfKind(ResourceKind::Endpoint)) {
            const MirrorObject* network = content.object(summary::endpointNetwork(endpoint->document));
            if (!network || network->kind != ResourceKind::Network)
                stray << endpoint->id;
        }
    }
    if (!stray.isEmpty()) {
        auto group = std::make_unique<GroupItem>(ResourceKind::Endpoint);
        appendEndpoints(content, group.get(), stray);
        tree.root->appendChild(std::move(group));
    }
    indexSubtree(tree.rows, tree.root.get());
    return tree;
}

std::unique_ptr<TreeItem> ResourceTree::makeEndpoint(const MirrorContent& content, const QString& id)
{
    auto item = std::make_unique<EndpointItem>(id);
    item->refreshName(content);
    return item;
}

std::unique_ptr<TreeItem> ResourceTree::makeNetwork(const MirrorContent& content, const QString& id)
{
    auto item = std::make_unique<NetworkItem>(id);
    item->refreshName(content);
    appendEndpoints(content, item.get(), content.endpointIdsOfNetwork(id));
    return item;
}

std::unique_ptr<TreeItem> ResourceTree::makeNamespace(const MirrorContent& content, const QString& id)
{
    auto item = std::make_unique<NamespaceItem>(id);
    item->refreshName(content);
    appendEndpoints(content, item.get(), content.endpointIdsOfNamespace(id));
    return item;
}

std::unique_ptr<TreeItem> ResourceTree::makeLoadBalancer(const MirrorContent& content, const QString& id)
{
    auto item = std::make_unique<LoadBalancerItem>(id);
    item->refreshName(content);
    fillFrontends(content, item.get());
    return item;
}

void ResourceTree::fillFrontends(const MirrorContent& content, TreeItem* loadBalancer)
{
    const MirrorObject* object = content.object(loadBalancer->objectId());
    if (!object)
        return;
    QStringList vips = summary::loadBalancerVips(object->document);
    if (vips.isEmpty())
        vips << QString(); // no FrontendVIPs: the rules apply to every host address
    const QStringList backends = summary::loadBalancerBackends(object->document);
    for (const QString& vip : vips)
        loadBalancer->appendChild(makeFrontend(content, loadBalancer->objectId(), vip, backends));
}

std::unique_ptr<TreeItem> ResourceTree::makeFrontend(const MirrorContent& content,
                                                     const QString& loadBalancerId, const QString& vip,
                                                     const QStringList& backends)
{
    auto frontend = std::make_unique<FrontendVipItem>(loadBalancerId, vip);
    frontend->refreshName(content);
    for (const QString& backend : backends)
        frontend->appendChild(makeEndpoint(content, backend));
    return frontend;
}

void ResourceTree::indexSubtree(TreeRowIndex& rows, TreeItem* item)
{
    if (!item->objectId().isEmpty() && item->type() != TreeItem::Type::FrontendVip)
        rows[item->objectId()].append(item);
    for (const auto& child : item->children())
        indexSubtree(rows, child.get());
}

void ResourceTree::unindexSubtree(TreeRowIndex& rows, TreeItem* item)
{
    if (!item->objectId().isEmpty() && item->type() != TreeItem::Type::FrontendVip) {
        auto it = rows.find(item->objectId());
        if (it != rows.end()) {
            it->removeOne(item);
            if (it->isEmpty())
                rows.erase(it);
        }
    }
    for (const auto& child : item->children())
        unindexSubtree(rows, child.get());
}

} // namespace hcn::ui
