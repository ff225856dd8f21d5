#include "topology/topology_graph_builder.h"

#include "models/host_mirror.h"
#include "models/mirror_object.h"
#include "models/object_summary.h"
#include "models/plain_words.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QMap>
#include <algorithm>

namespace hcn::ui {

namespace {

QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("hcn::ui::TopologyGraphBuilder", text, disambiguation, n);
}

constexpr int kLoadBalancerDsrFlag = 1;
constexpr int kLoadBalancerIpv6Flag = 2;
constexpr int kPortMappingIlbFlag = 1;
constexpr int kPortMappingLocalRoutedVipFlag = 2;

QString upperId(const QJsonValue& value)
{
    return value.toString().trimmed().toUpper();
}

QString shortId(const QString& id)
{
    return id.left(8);
}

int intOf(const QJsonValue& value)
{
    if (value.isString())
        return value.toString().toInt();
    return value.toInt();
}

QJsonArray policiesOf(const QJsonObject& document)
{
    return document.value(QLatin1String("Policies")).toArray();
}

QString policyType(const QJsonValue& policy)
{
    return policy.toObject().value(QLatin1String("Type")).toString();
}

QJsonObject policySettings(const QJsonValue& policy)
{
    return policy.toObject().value(QLatin1String("Settings")).toObject();
}

bool isType(const QString& type, QLatin1String expected)
{
    return type.compare(expected, Qt::CaseInsensitive) == 0;
}

QString providerAddressOf(const QJsonObject& endpoint)
{
    for (const QJsonValue& policy : policiesOf(endpoint))
        if (isType(policyType(policy), QLatin1String("ProviderAddress"))) {
            const QJsonObject settings = policySettings(policy);
            QString pa = settings.value(QLatin1String("ProviderAddress")).toString();
            if (pa.isEmpty())
                pa = settings.value(QLatin1String("PA")).toString();
            return pa;
        }
    return {};
}

QString portMappingText(const QJsonObject& settings)
{
    return QStringLiteral("%1→%2/%3")
        .arg(intOf(settings.value(QLatin1String("ExternalPort"))))
        .arg(intOf(settings.value(QLatin1String("InternalPort"))))
        .arg(words::protocol(settings.value(QLatin1String("Protocol"))));
}

/// One badge per policy type, in first-seen order: the types users look for first get detail.
QStringList policyBadges(const QJsonArray& policies)
{
    QStringList order;
    QMap<QString, QStringList> details;
    QMap<QString, int> counts;
    for (const QJsonValue& policy : policies) {
        const QString type = policyType(policy);
        if (type.isEmpty())
            continue;
        const QString canonical = type.toLower();
        if (!counts.contains(canonical))
            order.append(type);
        ++counts[canonical];
        const QJsonObject settings = policySettings(policy);
        if (isType(type, QLatin1String("PortMapping")))
            details[canonical].append(portMappingText(settings));
        else if (isType(type, QLatin1String("OutBoundNAT"))) {
            const QString vip = settings.value(QLatin1String("VirtualIP")).toString();
            if (!vip.isEmpty())
                details[canonical].append(vip);
        } else if (isType(type, QLatin1String("ProviderAddress"))) {
            QString pa = settings.value(QLatin1String("ProviderAddress")).toString();
            if (pa.isEmpty())
                pa = settings.value(QLatin1String("PA")).toString();
            if (!pa.isEmpty())
                details[canonical].append(pa);
        }
    }
    QStringList badges;
    for (const QString& type : order) {
        const QString canonical = type.toLower();
        const int count = counts.value(canonical);
        if (isType(type, QLatin1String("PortMapping"))) {
            QStringList shown = details.value(canonical).mid(0, 3);
            if (count > 3)
                shown.append(QStringLiteral("+%1").arg(count - 3));
            badges.append(tr("ports %1").arg(shown.join(QLatin1String(", "))));
        } else if (isType(type, QLatin1String("ACL"))) {
            badges.append(tr("ACL ×%1").arg(count));
        } else if (!details.value(canonical).isEmpty()) {
            badges.append(
                QStringLiteral("%1 %2").arg(type, details.value(canonical).join(QLatin1String(", "))));
        } else if (count > 1) {
            badges.append(QStringLiteral("%1 ×%2").arg(type).arg(count));
        } else {
            badges.append(type);
        }
    }
    return badges;
}

bool hasHostVnic(const QString& mode)
{
    return isType(mode, QLatin1String("NAT")) || isType(mode, QLatin1String("ICS")) ||
           isType(mode, QLatin1String("Internal")) || isType(mode, QLatin1String("ConstrainedICS"));
}

struct SubnetFacts
{
    QString prefix;
    QString gateway;
};

QList<SubnetFacts> subnetsOf(const QJsonObject& network)
{
    QList<SubnetFacts> out;
    for (const QJsonValue& ipam : network.value(QLatin1String("Ipams")).toArray())
        for (const QJsonValue& subnetValue : ipam.toObject().value(QLatin1String("Subnets")).toArray()) {
            const QJsonObject subnet = subnetValue.toObject();
            SubnetFacts facts;
            facts.prefix = subnet.value(QLatin1String("IpAddressPrefix")).toString();
            for (const QJsonValue& route : subnet.value(QLatin1String("Routes")).toArray()) {
                const QJsonObject r = route.toObject();
                const QString destination = r.value(QLatin1String("DestinationPrefix")).toString();
                if (destination == QLatin1String("0.0.0.0/0") || destination == QLatin1String("::/0")) {
                    facts.gateway = r.value(QLatin1String("NextHop")).toString();
                    break;
                }
            }
            out.append(facts);
        }
    return out;
}

QStringList ipAddressesOf(const QJsonObject& endpoint)
{
    QStringList ips;
    for (const QJsonValue& config : endpoint.value(QLatin1String("IpConfigurations")).toArray()) {
        const QJsonObject c = config.toObject();
        const QString ip = c.value(QLatin1String("IpAddress")).toString();
        if (ip.isEmpty())
            continue;
        const QJsonValue prefix = c.value(QLatin1String("PrefixLength"));
        ips.append(prefix.isUndefined() ? ip : QStringLiteral("%1/%2").arg(ip).arg(intOf(prefix)));
    }
    return ips;
}

QString row(const QString& label, const QString& value)
{
    return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
}

QString table(const QString& title, const QStringList& rows)
{
    return QStringLiteral("<p><b>%1</b></p><table>%2</table>")
        .arg(title.toHtmlEscaped(), rows.join(QString()));
}

QString displayName(const MirrorObject& object, const QString& fallback)
{
    return object.name.isEmpty() ? fallback : object.name;
}

bool lessByName(const MirrorObject* a, const MirrorObject* b)
{
    if (a->kind != b->kind)
        return int(a->kind) < int(b->kind);
    if (a->name != b->name)
        return a->name < b->name;
    return a->id < b->id;
}

} // namespace

TopologyGraphBuilder::TopologyGraphBuilder(TopologyBuildOptions options) : m_options(std::move(options)) {}

QString TopologyGraphBuilder::hostKey()
{
    return QStringLiteral("host");
}

QString TopologyGraphBuilder::aggregateKey(const QString& networkId)
{
    return QStringLiteral("agg:") + networkId;
}

QString TopologyGraphBuilder::providerAddressClusterKey(const QString& networkId,
                                                        const QString& providerAddress)
{
    return QStringLiteral("pa:%1:%2").arg(networkId, providerAddress);
}

QString TopologyGraphBuilder::namespaceClusterKey(const QString& namespaceId)
{
    return QStringLiteral("ns:") + namespaceId;
}

TopologyGraph TopologyGraphBuilder::build(const HostMirror& mirror) const
{
    return build(mirror.content().objects);
}

TopologyGraph TopologyGraphBuilder::build(const QHash<QString, MirrorObject>& objects) const
{
    QList<const MirrorObject*> drawn;
    drawn.reserve(objects.size());
    for (const MirrorObject& object : objects)
        if (object.kind == ResourceKind::Network || object.kind == ResourceKind::Endpoint ||
            object.kind == ResourceKind::Namespace || object.kind == ResourceKind::LoadBalancer)
            drawn.append(&object);
    return build(drawn); // sorts them itself
}

TopologyGraph TopologyGraphBuilder::build(const QList<const MirrorObject*>& input) const
{
    QList<const MirrorObject*> objects = input;
    objects.removeAll(nullptr);
    std::sort(objects.begin(), objects.end(), lessByName);

    QList<const MirrorObject*> networks, endpoints, namespaces, loadBalancers;
    QHash<QString, const MirrorObject*> networkById;
    for (const MirrorObject* object : objects) {
        switch (object->kind) {
        case ResourceKind::Network:
            networks.append(object);
            networkById.insert(object->id, object);
            break;
        case ResourceKind::Endpoint:
            endpoints.append(object);
            break;
        case ResourceKind::Namespace:
            namespaces.append(object);
            break;
        case ResourceKind::LoadBalancer:
            loadBalancers.append(object);
            break;
        default:
            break;
        }
    }

    auto isRemote = [](const MirrorObject* endpoint) { return summary::endpointIsRemote(endpoint->document); };
    auto networkOf = [&](const MirrorObject* endpoint) {
        const QString id = upperId(endpoint->document.value(QLatin1String("HostComputeNetwork")));
        return networkById.contains(id) ? id : QString();
    };

    // Which endpoints are drawn, and which networks collapse.
    QList<const MirrorObject*> shownEndpoints;
    QHash<QString, int> endpointCount, remoteCount;
    for (const MirrorObject* endpoint : endpoints) {
        if (m_options.hideRemoteEndpoints && isRemote(endpoint))
            continue;
        shownEndpoints.append(endpoint);
        ++endpointCount[networkOf(endpoint)];
        if (isRemote(endpoint))
            ++remoteCount[networkOf(endpoint)];
    }
    QSet<QString> collapsed;
    for (const MirrorObject* network : networks) {
        const int count = endpointCount.value(network->id);
        const bool overThreshold = m_options.aggregateThreshold > 0 && count > m_options.aggregateThreshold;
        if (count > 0 && ((overThreshold && !m_options.expandedNetworks.contains(network->id)) ||
                          m_options.collapsedNetworks.contains(network->id)))
            collapsed.insert(network->id);
    }

    TopologyGraph graph;

    TopologyNode host;
    host.kind = TopologyNodeKind::Host;
    host.key = hostKey();
    host.lines = {tr("Host"), m_options.hostLabel};
    host.lines.removeAll(QString());
    host.toolTip = table(tr("Host"), {row(tr("Service"), m_options.hostLabel),
                                      row(tr("Networks"), QString::number(networks.size())),
                                      row(tr("Endpoints"), QString::number(endpoints.size()))});
    graph.addNode(host);

    for (const MirrorObject* network : networks) {
        const QJsonObject& doc = network->document;
        const QString mode = summary::networkType(doc);
        const QString switchId = upperId(doc.value(QLatin1String("Health"))
                                             .toObject()
                                             .value(QLatin1String("Extra"))
                                             .toObject()
                                             .value(QLatin1String("SwitchGuid")));
        TopologyNode node;
        node.kind = TopologyNodeKind::Network;
        node.key = network->id;
        node.objectId = network->id;
        node.parentKey = hostKey();
        node.lines.append(displayName(*network, tr("(unnamed network)")));
        node.lines.append(switchId.isEmpty() ? mode : tr("%1 · switch %2").arg(mode, shortId(switchId)));
        QStringList tipRows = {row(tr("ID"), network->id), row(tr("Mode"), mode)};
        if (!switchId.isEmpty())
            tipRows.append(row(tr("Switch"), switchId));
        for (const SubnetFacts& subnet : subnetsOf(doc)) {
            QString text = subnet.prefix;
            if (!subnet.gateway.isEmpty())
                text += tr(" gw %1").arg(subnet.gateway);
            node.lines.append(text);
            tipRows.append(row(tr("Subnet"), text));
            if (!subnet.gateway.isEmpty() && hasHostVnic(mode)) {
                node.lines.append(tr("host vNIC %1").arg(subnet.gateway));
                tipRows.append(row(tr("Host vNIC"), subnet.gateway));
            }
            node.searchTerms.append(subnet.prefix.toLower());
            if (!subnet.gateway.isEmpty())
                node.searchTerms.append(subnet.gateway.toLower());
        }
        tipRows.append(row(tr("Endpoints"), QString::number(endpointCount.value(network->id))));
        node.badges = policyBadges(policiesOf(doc));
        if (!node.badges.isEmpty())
            tipRows.append(row(tr("Policies"), node.badges.join(QLatin1String("; "))));
        node.toolTip = table(tr("Network %1").arg(displayName(*network, shortId(network->id))), tipRows);
        node.searchTerms.append({network->name.toLower(), network->id.toLower()});
        graph.addNode(node);
        graph.addEdge({TopologyEdgeKind::HostNetwork, hostKey(), network->id});

        if (collapsed.contains(network->id)) {
            const int total = endpointCount.value(network->id);
            const int remote = remoteCount.value(network->id);
            TopologyNode aggregate;
            aggregate.kind = TopologyNodeKind::Aggregate;
            aggregate.key = aggregateKey(network->id);
            aggregate.objectId = network->id;
            aggregate.parentKey = network->id;
            aggregate.count = total;
            aggregate.lines = {tr("%n endpoint(s)", nullptr, total)};
            if (remote > 0)
                aggregate.lines.append(tr("%1 local · %2 remote").arg(total - remote).arg(remote));
            aggregate.lines.append(tr("double-click to expand"));
            aggregate.toolTip = table(
                tr("Collapsed endpoints of %1").arg(displayName(*network, shortId(network->id))),
                {row(tr("Endpoints"), QString::number(total)), row(tr("Remote"), QString::number(remote))});
            graph.addNode(aggregate);
            graph.addEdge({TopologyEdgeKind::NetworkAggregate, network->id, aggregate.key});
        }
    }

    // Namespace frames: a header node and a cluster per namespace.
    for (const MirrorObject* ns : namespaces) {
        const QJsonObject& doc = ns->document;
        const QString type = doc.value(QLatin1String("Type")).toString(QStringLiteral("Host"));
        QStringList containers;
        int endpointResources = 0;
        for (const QJsonValue& resource : doc.value(QLatin1String("Resources")).toArray()) {
            const QJsonObject r = resource.toObject();
            const QString resourceType = r.value(QLatin1String("Type")).toString();
            const QJsonObject data = r.value(QLatin1String("Data")).toObject();
            QString id = data.value(QLatin1String("ID")).toString();
            if (id.isEmpty())
                id = data.value(QLatin1String("Id")).toString();
            if (isType(resourceType, QLatin1String("Container")))
                containers.append(id);
            else if (isType(resourceType, QLatin1String("Endpoint")))
                ++endpointResources;
        }
        TopologyCluster cluster;
        cluster.kind = TopologyClusterKind::Namespace;
        cluster.key = namespaceClusterKey(ns->id);
        cluster.objectId = ns->id;
        cluster.label = tr("Namespace %1 (%2)").arg(displayName(*ns, shortId(ns->id)), type);
        graph.addCluster(cluster);

        TopologyNode header;
        header.kind = TopologyNodeKind::Namespace;
        header.key = ns->id;
        header.objectId = ns->id;
        header.clusterKey = cluster.key;
        header.parentKey = hostKey();
        header.lines = {displayName(*ns, tr("Namespace %1").arg(shortId(ns->id))), type};
        const QJsonValue compartment = doc.value(QLatin1String("NamespaceId"));
        if (!compartment.isUndefined())
            header.lines.append(tr("compartment %1").arg(intOf(compartment)));
        if (!containers.isEmpty())
            header.lines.append(tr("%n container(s)", nullptr, int(containers.size())));
        header.toolTip = table(tr("Namespace %1").arg(displayName(*ns, shortId(ns->id))),
                               {row(tr("ID"), ns->id), row(tr("Type"), type),
                                row(tr("Endpoints"), QString::number(endpointResources)),
                                row(tr("Containers"), containers.join(QLatin1String(", ")))});
        header.searchTerms = {ns->name.toLower(), ns->id.toLower()};
        graph.addNode(header);
    }

    // Endpoints.
    for (const MirrorObject* endpoint : shownEndpoints) {
        const QJsonObject& doc = endpoint->document;
        const QString networkId = networkOf(endpoint);
        if (collapsed.contains(networkId))
            continue;
        const bool remote = isRemote(endpoint);
        const QStringList ips = ipAddressesOf(doc);
        const QString mac = doc.value(QLatin1String("MacAddress")).toString();
        const QString namespaceId = upperId(doc.value(QLatin1String("HostComputeNamespace")));
        const QString parent = networkId.isEmpty() ? hostKey() : networkId;

        TopologyNode node;
        node.kind = remote ? TopologyNodeKind::RemoteEndpoint : TopologyNodeKind::Endpoint;
        node.key = endpoint->id;
        node.objectId = endpoint->id;
        node.parentKey = parent;
        node.sortName = endpoint->name;
        node.sortAddress = ips.value(0);
        node.lines.append(displayName(*endpoint, tr("endpoint %1").arg(shortId(endpoint->id))));
        node.lines.append(ips.isEmpty() ? tr("no IP") : ips.join(QLatin1String(", ")));
        if (!mac.isEmpty())
            node.lines.append(mac);
        node.badges = policyBadges(policiesOf(doc));
        QStringList tipRows = {row(tr("ID"), endpoint->id), row(tr("IP"), ips.join(QLatin1String(", "))),
                               row(tr("MAC"), mac)};
        if (remote) {
            const QString pa = providerAddressOf(doc);
            tipRows.append(row(tr("Provider address"), pa));
            if (!pa.isEmpty()) {
                TopologyCluster cluster;
                cluster.kind = TopologyClusterKind::ProviderAddress;
                cluster.key = providerAddressClusterKey(parent, pa);
                cluster.label = tr("remote host %1").arg(pa);
                cluster.toolTip = tr("Remote endpoints behind provider address %1").arg(pa);
                graph.addCluster(cluster);
                node.clusterKey = cluster.key;
                node.searchTerms.append(pa.toLower());
            }
        } else if (!namespaceId.isEmpty() && graph.node(namespaceId)) {
            node.clusterKey = namespaceClusterKey(namespaceId);
            tipRows.append(row(tr("Namespace"), namespaceId));
        }
        if (!node.badges.isEmpty())
            tipRows.append(row(tr("Policies"), node.badges.join(QLatin1String("; "))));
        node.toolTip = table(remote ? tr("Remote endpoint %1").arg(node.lines.front())
                                    : tr("Endpoint %1").arg(node.lines.front()),
                             tipRows);
        node.searchTerms.append({endpoint->name.toLower(), endpoint->id.toLower(), mac.toLower()});
        for (const QString& ip : ips)
            node.searchTerms.append(ip.toLower());
        graph.addNode(node);
        graph.addEdge({remote ? TopologyEdgeKind::NetworkRemote : TopologyEdgeKind::NetworkEndpoint, parent,
                       endpoint->id});
        if (!node.clusterKey.isEmpty() && !remote)
            graph.addEdge({TopologyEdgeKind::NamespaceMember, namespaceId, endpoint->id});
    }

    // Which node stands for an endpoint that is hidden in an aggregate.
    QHash<QString, QString> aggregateOfEndpoint;
    for (const MirrorObject* endpoint : shownEndpoints) {
        const QString networkId = networkOf(endpoint);
        if (collapsed.contains(networkId))
            aggregateOfEndpoint.insert(endpoint->id, aggregateKey(networkId));
    }

    for (const MirrorObject* lb : loadBalancers) {
        const QJsonObject& doc = lb->document;
        const int flags = intOf(doc.value(QLatin1String("Flags")));
        QStringList vips;
        for (const QJsonValue& vip : doc.value(QLatin1String("FrontendVIPs")).toArray())
            vips.append(vip.toString());
        const QString sourceVip = doc.value(QLatin1String("SourceVIP")).toString();
        QStringList ports;
        bool ilb = false;
        bool localRouted = false;
        for (const QJsonValue& mapping : doc.value(QLatin1String("PortMappings")).toArray()) {
            const QJsonObject m = mapping.toObject();
            ports.append(portMappingText(m));
            const int portFlags = intOf(m.value(QLatin1String("Flags")));
            ilb |= (portFlags & kPortMappingIlbFlag) != 0;
            localRouted |= (portFlags & kPortMappingLocalRoutedVipFlag) != 0;
        }
        QStringList modes;
        if (flags & kLoadBalancerDsrFlag)
            modes.append(QStringLiteral("DSR"));
        if (ilb)
            modes.append(QStringLiteral("ILB"));
        if (localRouted)
            modes.append(tr("local-routed VIP"));
        if (flags & kLoadBalancerIpv6Flag)
            modes.append(QStringLiteral("IPv6"));

        TopologyNode node;
        node.kind = TopologyNodeKind::LoadBalancer;
        node.key = lb->id;
        node.objectId = lb->id;
        node.lines.append(vips.isEmpty() ? tr("LB %1 (no VIP)").arg(shortId(lb->id))
                                         : tr("VIP %1").arg(vips.join(QLatin1String(", "))));
        if (!ports.isEmpty())
            node.lines.append(ports.mid(0, 3).join(QLatin1String(", ")) +
                              (ports.size() > 3 ? QStringLiteral(" +%1").arg(ports.size() - 3) : QString()));
        if (!modes.isEmpty())
            node.lines.append(modes.join(QStringLiteral(" · ")));
        QStringList backends;
        for (const QJsonValue& backend : doc.value(QLatin1String("HostComputeEndpoints")).toArray())
            backends.append(upperId(backend));
        node.toolTip =
            table(tr("Load balancer %1").arg(shortId(lb->id)),
                  {row(tr("ID"), lb->id), row(tr("Frontend VIPs"), vips.join(QLatin1String(", "))),
                   row(tr("Source VIP"), sourceVip), row(tr("Ports"), ports.join(QLatin1String(", "))),
                   row(tr("Mode"), modes.join(QLatin1String(", "))),
                   row(tr("Backends"), QString::number(backends.size()))});
        node.searchTerms = {lb->id.toLower(), sourceVip.toLower()};
        for (const QString& vip : vips)
            node.searchTerms.append(vip.toLower());

        QString networkId = upperId(doc.value(QLatin1String("HostComputeNetwork")));
        QStringList targets;
        for (const QString& backend : backends) {
            if (graph.node(backend))
                targets.append(backend);
            else if (aggregateOfEndpoint.contains(backend))
                targets.append(aggregateOfEndpoint.value(backend));
        }
        targets.removeDuplicates();
        if (!networkById.contains(networkId))
            networkId.clear();
        node.parentKey = !targets.isEmpty() ? targets.front() : !networkId.isEmpty() ? networkId : hostKey();
        graph.addNode(node);
        for (const QString& target : targets)
            graph.addEdge({TopologyEdgeKind::LoadBalancerBackend, lb->id, target});
        if (targets.isEmpty())
            graph.addEdge({TopologyEdgeKind::LoadBalancerNetwork, lb->id, node.parentKey});
    }
    return graph;
}

} // namespace hcn::ui
