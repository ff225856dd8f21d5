#include "tree_items.h"

#include "hcn/network_endpoint_count.h"
#include "models/core_text.h"
#include "models/mirror_content.h"
#include "object_summary.h"

#include <QCoreApplication>
#include <QHash>
#include <algorithm>

namespace hcn::ui {

namespace {

QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("hcn::ui::ResourceTreeModel", text, disambiguation, n);
}

// Icons are loaded once per process: QIcon copies are cheap, SVG parsing is not.
const QIcon& icon(const char* name)
{
    static QHash<QString, QIcon> cache;
    const QString key = QString::fromLatin1(name);
    auto it = cache.find(key);
    if (it == cache.end())
        it = cache.insert(key, QIcon(QStringLiteral(":/icons/%1.svg").arg(key)));
    return *it;
}

QString joined(const QStringList& parts)
{
    QStringList nonEmpty;
    for (const QString& part : parts)
        if (!part.isEmpty())
            nonEmpty << part;
    return nonEmpty.join(QStringLiteral(" \u00b7 "));
}

} // namespace

// ---- TreeItem

TreeItem::TreeItem(Type type, QString objectId) : m_type(type), m_objectId(std::move(objectId)) {}

TreeItem::~TreeItem() = default;

int TreeItem::indexOfChild(const TreeItem* item) const
{
    return item && item->m_parent == this ? item->m_row : -1;
}

int TreeItem::rowOfKey(const QString& key) const
{
    for (std::size_t i = 0; i < m_children.size(); ++i)
        if (m_children[i]->key() == key)
            return static_cast<int>(i);
    return -1;
}

void TreeItem::appendChild(std::unique_ptr<TreeItem> child)
{
    child->m_parent = this;
    child->m_row = childCount();
    m_children.push_back(std::move(child));
}

std::vector<std::unique_ptr<TreeItem>> TreeItem::takeChildren(int first, int count)
{
    auto begin = m_children.begin() + first;
    std::vector<std::unique_ptr<TreeItem>> taken(std::make_move_iterator(begin),
                                                 std::make_move_iterator(begin + count));
    m_children.erase(begin, begin + count);
    for (auto& item : taken)
        item->m_parent = nullptr;
    for (int row = first; row < childCount(); ++row)
        m_children[static_cast<std::size_t>(row)]->m_row = row;
    return taken;
}

const MirrorObject* TreeItem::object(const MirrorContent& mirror) const
{
    return m_objectId.isEmpty() ? nullptr : mirror.object(m_objectId);
}

QString TreeItem::displayName(const MirrorContent& mirror) const
{
    const MirrorObject* found = object(mirror);
    const QString name = found ? found->name : m_cachedName;
    return name.isEmpty() ? tr("(unnamed)") : name;
}

void TreeItem::refreshName(const MirrorContent& content)
{
    if (const MirrorObject* found = object(content); found && m_type != Type::FrontendVip)
        m_cachedName = found->name;
    m_sortKey = data(TreeColumn::Name, Qt::DisplayRole, content).toString().toCaseFolded();
}

QVariant TreeItem::data(TreeColumn column, int role, const MirrorContent& mirror) const
{
    if (role == Qt::DisplayRole) {
        if (column == TreeColumn::Name)
            return displayName(mirror);
        if (column == TreeColumn::Id)
            return m_objectId;
    }
    return {};
}

QStringList TreeItem::filterTerms(const MirrorContent& mirror) const
{
    const MirrorObject* found = object(mirror);
    return {(found ? found->name : m_cachedName).toLower(), m_objectId.toLower()};
}

// ---- GroupItem

GroupItem::GroupItem(ResourceKind kind) : TreeItem(Type::Group), m_kind(kind) {}

QString GroupItem::key() const
{
    return kindName(m_kind);
}

QVariant GroupItem::data(TreeColumn column, int role, const MirrorContent& mirror) const
{
    const int count = childCount();
    if (role == Qt::DisplayRole && column == TreeColumn::Name) {
        switch (m_kind) {
        case ResourceKind::Network:
            return tr("Networks (%1)").arg(count);
        case ResourceKind::Namespace:
            return tr("Namespaces (%1)").arg(count);
        case ResourceKind::LoadBalancer:
            return tr("Load balancers (%1)").arg(count);
        case ResourceKind::Endpoint:
            return tr("Endpoints on no known network (%1)").arg(count);
        default:
            return QStringLiteral("%1 (%2)").arg(key()).arg(count);
        }
    }
    if (role == Qt::DecorationRole && column == TreeColumn::Name) {
        switch (m_kind) {
        case ResourceKind::Network:
            return icon("network");
        case ResourceKind::Namespace:
            return icon("namespace");
        case ResourceKind::LoadBalancer:
            return icon("load-balancer");
        case ResourceKind::Endpoint:
            return icon("endpoint");
        default:
            return {};
        }
    }
    if (role == Qt::DisplayRole && column == TreeColumn::Details && m_kind == ResourceKind::Network) {
        int endpoints = 0;
        // The host's total is said only when every network states its count and one had more than the
        // snapshot holds (a dump of networks alone).
        std::size_t onHost = 0;
        bool hostHadMore = false, everyCountStated = true;
        for (const auto& network : children()) {
            const std::size_t held = std::size_t(network->childCount());
            endpoints += network->childCount();
            const HostObject* object = mirror.state.find(network->objectId().toStdString());
            const NetworkEndpointCount count =
                object ? networkEndpointCount(*object->document, held) : NetworkEndpointCount{held, {}};
            everyCountStated = everyCountStated && count.onHost;
            hostHadMore = hostHadMore || count.hostHadMore();
            onHost += std::max(held, count.onHost.value_or(held));
        }
        if (hostHadMore && everyCountStated)
            return tr("%n endpoint(s) in the snapshot", nullptr, endpoints) + QLatin1Char(' ') +
                   tr("(%n on the host)", nullptr, int(onHost));
        return tr("%n endpoint(s)", nullptr, endpoints);
    }
    return {};
}

// ---- NetworkItem

QVariant NetworkItem::data(TreeColumn column, int role, const MirrorContent& mirror) const
{
    const MirrorObject* network = object(mirror);
    if (role == Qt::DisplayRole && column == TreeColumn::Details && network)
        return joined({summary::networkType(network->document),
                       summary::networkPrefixes(network->document).join(QLatin1String(", "))});
    if (role == Qt::DecorationRole && column == TreeColumn::Name)
        return icon("network");
    if (role == Qt::ToolTipRole && network) {
        const QString type = summary::networkType(network->document);
        // A dump of networks alone holds none of their endpoints: say what the host had.
        if (const HostObject* object = mirror.state.find(objectId().toStdString())) {
            const NetworkEndpointCount count =
                networkEndpointCount(*object->document, std::size_t(childCount()));
            if (count.hostHadMore())
                return tr("%1 network with %n endpoint(s) in the snapshot", nullptr, childCount()).arg(type) +
                       QLatin1Char(' ') + tr("(%n on the host)", nullptr, int(*count.onHost));
        }
        return tr("%1 network with %n endpoint(s)", nullptr, childCount()).arg(type);
    }
    return TreeItem::data(column, role, mirror);
}

QStringList NetworkItem::filterTerms(const MirrorContent& mirror) const
{
    QStringList terms = TreeItem::filterTerms(mirror);
    if (const MirrorObject* network = object(mirror)) {
        terms << summary::networkType(network->document).toLower();
        terms << summary::networkPrefixes(network->document);
    }
    return terms;
}

// ---- EndpointItem

QVariant EndpointItem::data(TreeColumn column, int role, const MirrorContent& mirror) const
{
    const MirrorObject* endpoint = object(mirror);
    if (!endpoint)
        return TreeItem::data(column, role, mirror);
    // The name and ID (asked for by every sort and layout) need nothing from the document.
    if (role == Qt::DisplayRole && column != TreeColumn::Details)
        return TreeItem::data(column, role, mirror);
    const QJsonObject& document = endpoint->document;
    const bool remote = summary::endpointIsRemote(document);
    if (role == Qt::DisplayRole && column == TreeColumn::Details) {
        const QString provider = summary::endpointProviderAddress(document);
        return joined(
            {summary::endpointAddresses(document).join(QLatin1String(", ")), summary::endpointMac(document),
             remote ? (provider.isEmpty() ? tr("remote") : tr("remote via %1").arg(provider)) : QString()});
    }
    if (role == Qt::DecorationRole && column == TreeColumn::Name) {
        if (remote)
            return icon("endpoint-remote");
        return summary::endpointNamespace(document).isEmpty() ? icon("endpoint") : icon("endpoint-attached");
    }
    if (role == Qt::ToolTipRole) {
        if (remote)
            return tr("Remote endpoint (a workload on another node)");
        const QString ns = summary::endpointNamespace(document);
        return ns.isEmpty() ? tr("Local endpoint, not attached to a namespace")
                            : tr("Local endpoint attached to namespace %1").arg(ns);
    }
    return TreeItem::data(column, role, mirror);
}

QStringList EndpointItem::filterTerms(const MirrorContent& mirror) const
{
    QStringList terms = TreeItem::filterTerms(mirror);
    if (const MirrorObject* endpoint = object(mirror)) {
        terms << summary::endpointAddresses(endpoint->document);
        // MACs match with either separator.
        terms
            << summary::endpointMac(endpoint->document).toLower().replace(QLatin1Char(':'), QLatin1Char('-'));
    }
    return terms;
}

// ---- NamespaceItem

QVariant NamespaceItem::data(TreeColumn column, int role, const MirrorContent& mirror) const
{
    const MirrorObject* ns = object(mirror);
    if (role == Qt::DisplayRole && column == TreeColumn::Name && ns && ns->name.isEmpty())
        return tr("Namespace %1").arg(objectId().left(8));
    if (role == Qt::DisplayRole && column == TreeColumn::Details && ns) {
        const QJsonValue compartment = ns->document.value(QLatin1String("NamespaceId"));
        return joined(
            {summary::namespaceType(ns->document),
             compartment.isUndefined() ? QString() : tr("compartment %1").arg(compartment.toInteger()),
             tr("%n endpoint(s)", nullptr, childCount())});
    }
    if (role == Qt::DecorationRole && column == TreeColumn::Name)
        return icon("namespace");
    return TreeItem::data(column, role, mirror);
}

// ---- LoadBalancerItem

QVariant LoadBalancerItem::data(TreeColumn column, int role, const MirrorContent& mirror) const
{
    const MirrorObject* lb = object(mirror);
    if (role == Qt::DisplayRole && column == TreeColumn::Name && lb && lb->name.isEmpty()) {
        const QStringList vips = summary::loadBalancerVips(lb->document);
        return vips.isEmpty() ? tr("Load balancer %1").arg(objectId().left(8))
                              : vips.join(QLatin1String(", "));
    }
    if (role == Qt::DisplayRole && column == TreeColumn::Details && lb)
        return joined({summary::loadBalancerPorts(lb->document),
                       tr("%n backend(s)", nullptr, summary::loadBalancerBackends(lb->document).size()),
                       summary::loadBalancerIsDsr(lb->document) ? tr("DSR") : QString()});
    if (role == Qt::DecorationRole && column == TreeColumn::Name)
        return icon("load-balancer");
    return TreeItem::data(column, role, mirror);
}

QStringList LoadBalancerItem::filterTerms(const MirrorContent& mirror) const
{
    QStringList terms = TreeItem::filterTerms(mirror);
    if (const MirrorObject* lb = object(mirror))
        terms << summary::loadBalancerVips(lb->document);
    return terms;
}

// ---- FrontendVipItem

FrontendVipItem::FrontendVipItem(QString loadBalancerId, QString vip)
    : TreeItem(Type::FrontendVip, std::move(loadBalancerId)), m_vip(std::move(vip))
{}

QVariant FrontendVipItem::data(TreeColumn column, int role, const MirrorContent& mirror) const
{
    if (role == Qt::DisplayRole) {
        if (column == TreeColumn::Name)
            return m_vip.isEmpty() ? tr("(any host address)") : m_vip;
        if (column == TreeColumn::Id)
            return {};
        if (column == TreeColumn::Details) {
            const MirrorObject* lb = object(mirror);
            return lb ? summary::loadBalancerPorts(lb->document) : QString();
        }
    }
    if (role == Qt::DecorationRole && column == TreeColumn::Name)
        return icon("frontend-vip");
    if (role == Qt::ToolTipRole)
        return tr("Frontend VIP of load balancer %1").arg(objectId());
    return {};
}

QStringList FrontendVipItem::filterTerms(const MirrorContent&) const
{
    return {m_vip};
}

} // namespace hcn::ui
