#include "object_summary.h"

#include "hcn/endpoint_flags.h"
#include "models/plain_words.h"

#include <QJsonArray>
#include <QObject>

namespace hcn::ui::summary {

namespace {

const QString kNullGuid = QStringLiteral("00000000-0000-0000-0000-000000000000");

// Enum fields arrive as integers or strings; the engine emits integers for bitmasks.
/// Flags as a number; older or foreign services sometimes send it as a numeric string.
qint64 flagsOf(const QJsonObject& document)
{
    const QJsonValue flags = document.value(QLatin1String("Flags"));
    return flags.isString() ? flags.toString().toLongLong() : flags.toInteger();
}

QString protocolName(const QJsonValue& protocol)
{
    return words::protocol(protocol);
}

} // namespace

QString networkType(const QJsonObject& network)
{
    const QJsonValue value = network.value(QLatin1String("Type"));
    if (value.isNull()) // an imported dump that did not show it
        return QObject::tr("unknown");
    const QString type = value.toString();
    return type.isEmpty() ? QStringLiteral("NAT") : type;
}

QStringList networkPrefixes(const QJsonObject& network)
{
    QStringList prefixes;
    for (const QJsonValue& ipam : network.value(QLatin1String("Ipams")).toArray())
        for (const QJsonValue& subnet : ipam.toObject().value(QLatin1String("Subnets")).toArray()) {
            const QString prefix = subnet.toObject().value(QLatin1String("IpAddressPrefix")).toString();
            if (!prefix.isEmpty())
                prefixes << prefix;
        }
    return prefixes;
}

QStringList endpointAddresses(const QJsonObject& endpoint)
{
    QStringList addresses;
    for (const QJsonValue& config : endpoint.value(QLatin1String("IpConfigurations")).toArray()) {
        const QString address = config.toObject().value(QLatin1String("IpAddress")).toString();
        if (!address.isEmpty())
            addresses << address;
    }
    return addresses;
}

QString endpointMac(const QJsonObject& endpoint)
{
    return endpoint.value(QLatin1String("MacAddress")).toString();
}

bool endpointIsRemote(const QJsonObject& endpoint)
{
    return (flagsOf(endpoint) & kRemoteEndpointFlag) != 0;
}

QString endpointProviderAddress(const QJsonObject& endpoint)
{
    for (const QJsonValue& policy : endpoint.value(QLatin1String("Policies")).toArray()) {
        const QJsonObject object = policy.toObject();
        if (object.value(QLatin1String("Type"))
                .toString()
                .compare(QLatin1String("ProviderAddress"), Qt::CaseInsensitive) == 0)
            return object.value(QLatin1String("Settings"))
                .toObject()
                .value(QLatin1String("ProviderAddress"))
                .toString();
    }
    return {};
}

QString endpointPortMappings(const QJsonObject& endpoint)
{
    QStringList mappings;
    for (const QJsonValue& policy : endpoint.value(QLatin1String("Policies")).toArray()) {
        const QJsonObject object = policy.toObject();
        if (object.value(QLatin1String("Type"))
                .toString()
                .compare(QLatin1String("PortMapping"), Qt::CaseInsensitive) != 0)
            continue;
        const QJsonObject settings = object.value(QLatin1String("Settings")).toObject();
        mappings << QStringLiteral("%1 %2\u2192%3")
                        .arg(protocolName(settings.value(QLatin1String("Protocol"))))
                        .arg(settings.value(QLatin1String("ExternalPort")).toInt())
                        .arg(settings.value(QLatin1String("InternalPort")).toInt());
    }
    return mappings.join(QLatin1String(", "));
}

QString endpointNamespace(const QJsonObject& endpoint)
{
    return guidField(endpoint, QStringLiteral("HostComputeNamespace"));
}

QString endpointNetwork(const QJsonObject& endpoint)
{
    return guidField(endpoint, QStringLiteral("HostComputeNetwork"));
}

QString namespaceType(const QJsonObject& ns)
{
    const QString type = ns.value(QLatin1String("Type")).toString();
    return type.isEmpty() ? QStringLiteral("Host") : type;
}

QStringList loadBalancerVips(const QJsonObject& lb)
{
    QStringList vips;
    for (const QJsonValue& vip : lb.value(QLatin1String("FrontendVIPs")).toArray())
        if (!vip.toString().isEmpty())
            vips << vip.toString();
    return vips;
}

QStringList loadBalancerBackends(const QJsonObject& lb)
{
    QStringList backends;
    for (const QJsonValue& id : lb.value(QLatin1String("HostComputeEndpoints")).toArray())
        if (!id.toString().isEmpty() && !backends.contains(id.toString().toUpper()))
            backends << id.toString().toUpper();
    return backends;
}

QString loadBalancerPorts(const QJsonObject& lb)
{
    QStringList ports;
    for (const QJsonValue& value : lb.value(QLatin1String("PortMappings")).toArray()) {
        const QJsonObject mapping = value.toObject();
        ports << QStringLiteral("%1 %2\u2192%3")
                     .arg(protocolName(mapping.value(QLatin1String("Protocol"))))
                     .arg(mapping.value(QLatin1String("ExternalPort")).toInt())
                     .arg(mapping.value(QLatin1String("InternalPort")).toInt());
    }
    return ports.join(QLatin1String(", "));
}

bool loadBalancerIsDsr(const QJsonObject& lb)
{
    return (flagsOf(lb) & 1) != 0;
}

QString guidField(const QJsonObject& document, const QString& key)
{
    const QString value = document.value(key).toString().toUpper();
    return value == kNullGuid ? QString() : value;
}

} // namespace hcn::ui::summary
