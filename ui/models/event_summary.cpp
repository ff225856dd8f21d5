#include "models/event_summary.h"

#include "hcn/hresult.h"
#include "models/object_summary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace hcn::ui {

namespace {

using Type = NotificationType;

const QString kSeparator = QStringLiteral(" · ");

QString str(const QJsonObject& object, const char* key)
{
    return object.value(QLatin1String(key)).toString();
}

/// "name" when the lookup knows the object, else the first block of its ID (enough to tell objects
/// apart in a log line; the Object column and the tooltip carry the full ID).
QString reference(const QString& id, const EventSummary::NameLookup& names)
{
    if (id.isEmpty())
        return QStringLiteral("?");
    const QString upper = id.toUpper();
    if (names) {
        const QString name = names(upper);
        if (!name.isEmpty())
            return name;
    }
    return upper.left(8);
}

QString joinNonEmpty(const QStringList& parts)
{
    QStringList kept;
    for (const QString& part : parts)
        if (!part.isEmpty())
            kept.append(part);
    return kept.join(kSeparator);
}

QString networkSummary(const QJsonObject& network)
{
    return joinNonEmpty({str(network, "Name"), summary::networkType(network),
                         summary::networkPrefixes(network).join(QStringLiteral(", "))});
}

QString endpointSummary(const QJsonObject& endpoint, const EventSummary::NameLookup& names)
{
    const QString network = summary::endpointNetwork(endpoint);
    QString head = str(endpoint, "Name");
    if (!network.isEmpty())
        head = EventSummary::tr("%1 on %2").arg(head, reference(network, names)).trimmed();
    QString remote;
    if (summary::endpointIsRemote(endpoint)) {
        const QString provider = summary::endpointProviderAddress(endpoint);
        remote =
            provider.isEmpty() ? EventSummary::tr("remote") : EventSummary::tr("remote via %1").arg(provider);
    }
    return joinNonEmpty({head, summary::endpointAddresses(endpoint).join(QStringLiteral(", ")),
                         summary::endpointMac(endpoint), remote});
}

QString loadBalancerSummary(const QJsonObject& lb)
{
    const int backends = int(summary::loadBalancerBackends(lb).size());
    return joinNonEmpty({summary::loadBalancerVips(lb).join(QStringLiteral(", ")),
                         summary::loadBalancerPorts(lb), EventSummary::tr("%n backend(s)", nullptr, backends),
                         summary::loadBalancerIsDsr(lb) ? QStringLiteral("DSR") : QString()});
}

QString policySummary(const QJsonObject& data, const EventSummary::NameLookup& names)
{
    QStringList types;
    for (const QJsonValue& policy : data.value(QLatin1String("Policies")).toArray())
        types.append(policy.toObject().value(QLatin1String("Type")).toString());
    return EventSummary::tr("%1 on %2 %3: %4")
        .arg(str(data, "RequestType"), str(data, "ObjectType"), reference(str(data, "ObjectId"), names),
             types.isEmpty() ? EventSummary::tr("no policies") : types.join(QStringLiteral(", ")));
}

/// The payload itself, compact, for types without a dedicated summary.
QString rawSummary(const QJsonValue& data)
{
    if (data.isObject())
        return QString::fromUtf8(QJsonDocument(data.toObject()).toJson(QJsonDocument::Compact));
    if (data.isArray())
        return QString::fromUtf8(QJsonDocument(data.toArray()).toJson(QJsonDocument::Compact));
    return data.toVariant().toString();
}

QString summarize(Type type, const QJsonObject& data, const EventSummary::NameLookup& names)
{
    switch (type) {
    case Type::NetworkPreCreate:
    case Type::NetworkCreate:
    case Type::NetworkModify:
        return networkSummary(data);
    case Type::NetworkPreDelete:
    case Type::NetworkDelete:
        return str(data, "Name");
    case Type::NamespaceCreate:
    case Type::NamespaceModify:
    case Type::NamespaceDelete:
        return summary::namespaceType(data);
    case Type::NetworkEndpointAttached:
        return EventSummary::tr("to namespace %1 (network %2)")
            .arg(reference(str(data, "NamespaceId"), names), reference(str(data, "NetworkId"), names));
    case Type::NetworkEndpointDetached:
        return EventSummary::tr("from namespace %1 (network %2)")
            .arg(reference(str(data, "NamespaceId"), names), reference(str(data, "NetworkId"), names));
    case Type::EndpointCreate:
    case Type::EndpointModify:
        return endpointSummary(data, names);
    case Type::EndpointDelete: {
        const QString network = str(data, "HostComputeNetwork");
        if (network.isEmpty())
            return str(data, "Name");
        return EventSummary::tr("%1 from %2").arg(str(data, "Name"), reference(network, names)).trimmed();
    }
    case Type::NamespaceEndpointAttach:
    case Type::NamespaceEndpointDetach: {
        const QJsonObject endpoint = data.value(QLatin1String("Endpoint")).toObject();
        QString name = str(endpoint, "Name");
        if (name.isEmpty())
            name = reference(str(data, "EndpointId"), names);
        return joinNonEmpty({EventSummary::tr("endpoint %1").arg(name),
                             summary::endpointAddresses(endpoint).join(QStringLiteral(", "))});
    }
    case Type::NamespaceContainerAttach:
    case Type::NamespaceContainerDetach:
        return EventSummary::tr("container %1").arg(str(data, "ContainerId"));
    case Type::LoadBalancerCreate:
    case Type::LoadBalancerModify:
        return loadBalancerSummary(data);
    case Type::PolicyCreate:
    case Type::PolicyModify:
    case Type::PolicyDelete:
        return policySummary(data, names);
    case Type::LoadBalancerDelete:
    case Type::ServiceDisconnect:
        return {};
    default:
        break;
    }
    if (data.contains(QLatin1String("Name")))
        return str(data, "Name");
    return data.isEmpty() ? QString() : rawSummary(data);
}

} // namespace

QString EventSummary::typeDisplayName(NotificationType type)
{
    const std::string_view name = notificationTypeName(baseNotificationType(type));
    if (name.empty())
        return QStringLiteral("0x%1").arg(std::uint32_t(type), 8, 16, QLatin1Char('0'));
    QString text = QString::fromLatin1(name.data(), qsizetype(name.size()));
    for (const QLatin1String prefix : {QLatin1String("HcnNotification"), QLatin1String("HcnExt")})
        if (text.startsWith(prefix))
            return text.mid(prefix.size());
    return text;
}

QString EventSummary::kindDisplayName(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::Network:
        return tr("Network");
    case ResourceKind::Endpoint:
        return tr("Endpoint");
    case ResourceKind::Namespace:
        return tr("Namespace");
    case ResourceKind::LoadBalancer:
        return tr("Load balancer");
    case ResourceKind::GuestNetworkService:
        return tr("Guest network service");
    case ResourceKind::SdnRoute:
        return tr("SDN route");
    case ResourceKind::Invalid:
        break;
    }
    return {};
}

EventDigest EventSummary::digest(const MirrorEvent& event, const NameLookup& names)
{
    EventDigest digest;
    digest.kind = event.kind;
    if (auto guid = Guid::parse(event.objectId.toStdString()))
        digest.objectId = *guid;

    QString text;
    if (event.type == Type::ServiceDisconnect)
        text = tr("The service connection was lost");
    else if (!event.error.isEmpty())
        text = tr("Malformed payload: %1").arg(event.error);
    else
        text = summarize(event.type, event.data, names);

    if (event.status != hr::Ok) {
        const std::string_view name = hresultName(event.status);
        const QString code = name.empty() ? QString::fromStdString(hresultHex(event.status))
                                          : QString::fromLatin1(name.data(), qsizetype(name.size()));
        text = text.isEmpty() ? code : QStringLiteral("[%1] %2").arg(code, text);
    }
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (text.size() > kMaxSummaryLength)
        text = text.left(kMaxSummaryLength - 1) + QChar(0x2026);
    digest.summary = std::move(text);
    return digest;
}

} // namespace hcn::ui
