#include "editors/object_templates.h"

#include "models/host_mirror.h"

#include <QJsonArray>

namespace hcn::ui {
namespace {

QJsonObject schemaVersion()
{
    return QJsonObject{{QStringLiteral("Major"), 2}, {QStringLiteral("Minor"), 0}};
}

QString uniqueName(const QString& base, const TemplateContext& context)
{
    if (!context.takenNames.contains(base.toLower()))
        return base;
    for (int i = 2;; ++i) {
        const QString name = QStringLiteral("%1-%2").arg(base).arg(i);
        if (!context.takenNames.contains(name.toLower()))
            return name;
    }
}

/// The first 10.<second>.<n>.0/24 that overlaps no subnet of the host.
IpPrefix freePrefix(int second, const TemplateContext& context)
{
    for (int n = 1; n < 256; ++n) {
        const IpPrefix candidate(IpAddress::fromV4((10u << 24) | (quint32(second) << 16) | (quint32(n) << 8)),
                                 24);
        const bool taken = std::any_of(context.usedPrefixes.begin(), context.usedPrefixes.end(),
                                       [&](const IpPrefix& p) { return p.overlaps(candidate); });
        if (!taken)
            return candidate;
    }
    return IpPrefix(IpAddress::fromV4((10u << 24) | (quint32(second) << 16)), 24);
}

QJsonArray staticIpam(const IpPrefix& prefix, const QJsonArray& subnetPolicies = {})
{
    const IpAddress gateway = IpAddress::fromValue(prefix.family(), prefix.network().value() + 1);
    QJsonObject subnet{
        {QStringLiteral("IpAddressPrefix"), QString::fromStdString(prefix.toString())},
        {QStringLiteral("Routes"),
         QJsonArray{QJsonObject{{QStringLiteral("NextHop"), QString::fromStdString(gateway.toString())},
                                {QStringLiteral("DestinationPrefix"), QStringLiteral("0.0.0.0/0")}}}}};
    if (!subnetPolicies.isEmpty())
        subnet.insert(QStringLiteral("Policies"), subnetPolicies);
    return QJsonArray{QJsonObject{{QStringLiteral("Type"), QStringLiteral("Static")},
                                  {QStringLiteral("Subnets"), QJsonArray{subnet}}}};
}

int freePort(int first, const TemplateContext& context)
{
    for (int port = first; port < 65536; ++port)
        if (!context.usedPorts.contains(QStringLiteral("6/%1").arg(port)))
            return port;
    return first;
}

QString freeVip(const TemplateContext& context)
{
    for (int n = 10; n < 255; ++n) {
        const QString vip = QStringLiteral("10.96.0.%1").arg(n);
        if (!context.usedVips.contains(vip))
            return vip;
    }
    return QStringLiteral("10.96.1.10");
}

QJsonObject loadBalancer(const TemplateContext& context, bool dsr)
{
    QJsonArray backends;
    for (const QString& id : context.endpointIds)
        backends.append(id);
    const int port = freePort(80, context);
    QJsonObject doc{
        {QStringLiteral("SchemaVersion"), schemaVersion()},
        {QStringLiteral("HostComputeEndpoints"), backends},
        {QStringLiteral("FrontendVIPs"), QJsonArray{freeVip(context)}},
        {QStringLiteral("PortMappings"), QJsonArray{QJsonObject{{QStringLiteral("Protocol"), 6},
                                                                {QStringLiteral("InternalPort"), 80},
                                                                {QStringLiteral("ExternalPort"), port}}}}};
    if (dsr)
        doc.insert(QStringLiteral("Flags"), 1); // LoadBalancerFlags EnableDirectServerReturn
    return doc;
}

} // namespace

QList<ObjectTemplate> ObjectTemplates::all()
{
    return {
        {QStringLiteral("network.nat"), tr("New NAT network"), ResourceKind::Network, false},
        {QStringLiteral("network.l2bridge"), tr("New L2Bridge network (Kubernetes node)"),
         ResourceKind::Network, false},
        {QStringLiteral("network.overlay"), tr("New Overlay network (VSID 4096)"), ResourceKind::Network,
         false},
        {QStringLiteral("endpoint.plain"), tr("New endpoint"), ResourceKind::Endpoint, true},
        {QStringLiteral("endpoint.portmapping"), tr("New endpoint with port mapping"), ResourceKind::Endpoint,
         true},
        {QStringLiteral("namespace.host"), tr("New namespace"), ResourceKind::Namespace, false},
        {QStringLiteral("loadbalancer.clusterip"), tr("New ClusterIP load balancer"),
         ResourceKind::LoadBalancer, false},
        {QStringLiteral("loadbalancer.dsr"), tr("New load balancer with DSR"), ResourceKind::LoadBalancer,
         false},
    };
}

std::optional<ObjectTemplate> ObjectTemplates::find(const QString& id)
{
    for (const auto& t : all())
        if (t.id == id)
            return t;
    return std::nullopt;
}

std::optional<QJsonObject> ObjectTemplates::document(const QString& id, const TemplateContext& context)
{
    const auto t = find(id);
    if (!t || (t->needsNetwork && context.networkId.isEmpty()))
        return std::nullopt;
    const QJsonObject version = schemaVersion();
    if (id == QLatin1String("network.nat"))
        // No Ipams: the host picks a free private prefix for a NAT network itself.
        return QJsonObject{{QStringLiteral("SchemaVersion"), version},
                           {QStringLiteral("Name"), uniqueName(QStringLiteral("nat"), context)},
                           {QStringLiteral("Type"), QStringLiteral("NAT")}};
    if (id == QLatin1String("network.l2bridge"))
        return QJsonObject{{QStringLiteral("SchemaVersion"), version},
                           {QStringLiteral("Name"), uniqueName(QStringLiteral("cbr0"), context)},
                           {QStringLiteral("Type"), QStringLiteral("L2Bridge")},
                           {QStringLiteral("Ipams"), staticIpam(freePrefix(244, context))}};
    if (id == QLatin1String("network.overlay")) {
        const QJsonArray vsid{
            QJsonObject{{QStringLiteral("Type"), QStringLiteral("VSID")},
                        {QStringLiteral("Settings"), QJsonObject{{QStringLiteral("IsolationId"), 4096}}}}};
        return QJsonObject{{QStringLiteral("SchemaVersion"), version},
                           {QStringLiteral("Name"), uniqueName(QStringLiteral("vxlan0"), context)},
                           {QStringLiteral("Type"), QStringLiteral("Overlay")},
                           {QStringLiteral("Ipams"), staticIpam(freePrefix(245, context), vsid)}};
    }
    if (id == QLatin1String("endpoint.plain") || id == QLatin1String("endpoint.portmapping")) {
        QJsonObject doc{{QStringLiteral("SchemaVersion"), version},
                        {QStringLiteral("Name"), uniqueName(QStringLiteral("endpoint"), context)},
                        {QStringLiteral("HostComputeNetwork"), context.networkId}};
        if (id == QLatin1String("endpoint.portmapping"))
            doc.insert(QStringLiteral("Policies"),
                       QJsonArray{QJsonObject{
                           {QStringLiteral("Type"), QStringLiteral("PortMapping")},
                           {QStringLiteral("Settings"),
                            QJsonObject{{QStringLiteral("Protocol"), 6},
                                        {QStringLiteral("InternalPort"), 80},
                                        {QStringLiteral("ExternalPort"), freePort(8080, context)}}}}});
        return doc;
    }
    if (id == QLatin1String("namespace.host"))
        return QJsonObject{{QStringLiteral("SchemaVersion"), version},
                           {QStringLiteral("Type"), QStringLiteral("Host")}};
    if (id == QLatin1String("loadbalancer.clusterip"))
        return loadBalancer(context, false);
    if (id == QLatin1String("loadbalancer.dsr"))
        return loadBalancer(context, true);
    return std::nullopt;
}

TemplateContext TemplateContext::fromMirror(const HostMirror& mirror, const QStringList& selection)
{
    TemplateContext context;
    for (const QString& id : selection) {
        const auto* o = mirror.object(id);
        if (!o)
            continue;
        if (o->kind == ResourceKind::Network && context.networkId.isEmpty())
            context.networkId = o->id;
        if (o->kind == ResourceKind::Endpoint) {
            context.endpointIds << o->id;
            if (context.networkId.isEmpty())
                context.networkId = o->document.value(QStringLiteral("HostComputeNetwork")).toString();
        }
    }
    const auto networks = mirror.objects(ResourceKind::Network);
    if (context.networkId.isEmpty() && !networks.isEmpty())
        context.networkId = networks.front()->id;
    for (const auto* network : networks) {
        context.takenNames.insert(network->name.toLower());
        for (const auto& ipam : network->document.value(QStringLiteral("Ipams")).toArray())
            for (const auto& subnet : ipam.toObject().value(QStringLiteral("Subnets")).toArray())
                if (auto p = IpPrefix::parse(
                        subnet.toObject().value(QStringLiteral("IpAddressPrefix")).toString().toStdString()))
                    context.usedPrefixes << *p;
    }
    for (const auto* endpoint : mirror.objects(ResourceKind::Endpoint)) {
        context.takenNames.insert(endpoint->name.toLower());
        for (const auto& policy : endpoint->document.value(QStringLiteral("Policies")).toArray()) {
            const QJsonObject settings = policy.toObject().value(QStringLiteral("Settings")).toObject();
            if (policy.toObject().value(QStringLiteral("Type")).toString() == QLatin1String("PortMapping"))
                context.usedPorts.insert(
                    QStringLiteral("6/%1").arg(settings.value(QStringLiteral("ExternalPort")).toInt()));
        }
    }
    for (const auto* lb : mirror.objects(ResourceKind::LoadBalancer)) {
        for (const auto& vip : lb->document.value(QStringLiteral("FrontendVIPs")).toArray())
            context.usedVips.insert(vip.toString());
        for (const auto& m : lb->document.value(QStringLiteral("PortMappings")).toArray())
            context.usedPorts.insert(
                QStringLiteral("6/%1").arg(m.toObject().value(QStringLiteral("ExternalPort")).toInt()));
    }
    return context;
}

} // namespace hcn::ui
