#include "models/plain_words.h"

#include "hcn/object_state.h"

#include <QJsonArray>

namespace hcn::ui::words {
namespace {

QString text(const QJsonValue& value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toInteger());
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue& item : value.toArray())
            parts << text(item);
        return parts.join(QLatin1String(", "));
    }
    return {};
}

/// A comma-separated list setting ("10.0.0.0/8,10.96.0.0/12") or an array, as "a, b".
QString list(const QJsonValue& value)
{
    if (value.isString()) {
        QStringList parts = value.toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (QString& part : parts)
            part = part.trimmed();
        return parts.join(QLatin1String(", "));
    }
    return text(value);
}

bool is(const QString& type, const char* name)
{
    return type.compare(QLatin1String(name), Qt::CaseInsensitive) == 0;
}

QString portMapping(const QJsonObject& s)
{
    QString external = text(s.value(QLatin1String("ExternalPort")));
    const QString vip = s.value(QLatin1String("VIP")).toString();
    if (!vip.isEmpty())
        external = vip + QLatin1Char(':') + external;
    return QStringLiteral("PortMapping %1 %2 \u2192 %3")
        .arg(protocol(s.value(QLatin1String("Protocol"))), external,
             text(s.value(QLatin1String("InternalPort"))));
}

QString outboundNat(const QJsonObject& s)
{
    QStringList parts{QStringLiteral("OutBoundNAT")};
    const QString vip = s.value(QLatin1String("VirtualIP")).toString();
    if (!vip.isEmpty())
        parts << QStringLiteral("as %1").arg(vip);
    const QString destinations = list(s.value(QLatin1String("Destinations")));
    if (!destinations.isEmpty())
        parts << QStringLiteral("to %1").arg(destinations);
    const QString exceptions = list(s.value(QLatin1String("Exceptions")));
    if (!exceptions.isEmpty())
        parts << QStringLiteral("except %1").arg(exceptions);
    return parts.join(QLatin1Char(' '));
}

QString acl(const QJsonObject& s)
{
    QStringList parts{QStringLiteral("ACL")};
    for (const char* key : {"Action", "Direction"}) {
        const QString value = text(s.value(QLatin1String(key)));
        if (!value.isEmpty())
            parts << value;
    }
    const QString protocols = list(s.value(QLatin1String("Protocols")));
    if (!protocols.isEmpty()) {
        QStringList names;
        for (const QString& p : protocols.split(QLatin1String(", ")))
            names << protocol(QJsonValue(p));
        parts << names.join(QLatin1Char('/'));
    }
    const QString remote = list(s.value(QLatin1String("RemoteAddresses")));
    const QString remotePorts = list(s.value(QLatin1String("RemotePorts")));
    const QString local = list(s.value(QLatin1String("LocalAddresses")));
    const QString localPorts = list(s.value(QLatin1String("LocalPorts")));
    if (!remote.isEmpty() || !remotePorts.isEmpty())
        parts << QStringLiteral("remote %1%2")
                     .arg(remote.isEmpty() ? QStringLiteral("any") : remote,
                          remotePorts.isEmpty() ? QString() : QLatin1Char(':') + remotePorts);
    if (!local.isEmpty() || !localPorts.isEmpty())
        parts << QStringLiteral("local %1%2")
                     .arg(local.isEmpty() ? QStringLiteral("any") : local,
                          localPorts.isEmpty() ? QString() : QLatin1Char(':') + localPorts);
    const QJsonValue priority = s.value(QLatin1String("Priority"));
    if (!priority.isUndefined())
        parts << QStringLiteral("(priority %1)").arg(text(priority));
    return parts.join(QLatin1Char(' '));
}

QString route(const QString& type, const QJsonObject& s)
{
    QString line = type + QLatin1Char(' ') + text(s.value(QLatin1String("DestinationPrefix")));
    for (const char* key : {"NextHop", "ProviderAddress"}) {
        const QString via = text(s.value(QLatin1String(key)));
        if (!via.isEmpty())
            line += QStringLiteral(" via %1").arg(via);
    }
    if (s.value(QLatin1String("NeedEncap")).toBool())
        line += QStringLiteral(" (encapsulated)");
    return line;
}

/// Any other policy: its type and its scalar settings, "VSID 4096" or "Type Key=value, Key=value".
QString generic(const QString& type, const QJsonObject& s)
{
    if (s.size() == 1 && !s.begin().value().isObject())
        return type + QLatin1Char(' ') + text(s.begin().value());
    QStringList parts;
    for (auto it = s.begin(); it != s.end(); ++it)
        if (!it.value().isObject() && !text(it.value()).isEmpty())
            parts << it.key() + QLatin1Char('=') + text(it.value());
    return parts.isEmpty() ? type : type + QLatin1Char(' ') + parts.join(QLatin1String(", "));
}

} // namespace

QString protocol(const QJsonValue& value)
{
    if (value.isString()) {
        bool number = false;
        const int n = value.toString().toInt(&number);
        return number ? protocol(QJsonValue(n)) : value.toString().toUpper();
    }
    if (value.isUndefined())
        return QStringLiteral("any"); // HNS's default
    if (value.isNull())
        return QStringLiteral("unknown"); // an import's: the dump did not show it
    switch (value.toInt()) {
    case 0:
    case 256:
        return QStringLiteral("any");
    case 1:
        return QStringLiteral("ICMPv4");
    case 6:
        return QStringLiteral("TCP");
    case 17:
        return QStringLiteral("UDP");
    case 58:
        return QStringLiteral("ICMPv6");
    default:
        return QString::number(value.toInt());
    }
}

QString policy(const QJsonObject& policy)
{
    const QString type = policy.value(QLatin1String("Type")).toString();
    const QJsonObject s = policy.value(QLatin1String("Settings")).toObject();
    if (is(type, "PortMapping"))
        return portMapping(s);
    if (is(type, "OutBoundNAT"))
        return outboundNat(s);
    if (is(type, "ACL"))
        return acl(s);
    if (is(type, "SDNRoute") || is(type, "RemoteSubnetRoute") || is(type, "Route"))
        return route(type, s);
    if (is(type, "L4Proxy") || is(type, "L4WFPPROXY")) {
        const QString ip = text(s.value(QLatin1String("IP")));
        const QString port = text(s.value(QLatin1String("Port")));
        return QStringLiteral("%1 to %2%3")
            .arg(type, ip.isEmpty() ? QStringLiteral("any") : ip,
                 port.isEmpty() ? QString() : QLatin1Char(':') + port);
    }
    return generic(type.isEmpty() ? QStringLiteral("(no type)") : type, s);
}

QStringList policies(const QJsonObject& document)
{
    QStringList lines;
    for (const QJsonValue& entry : document.value(QLatin1String("Policies")).toArray())
        lines << policy(entry.toObject());
    return lines;
}

QString state(const QJsonObject& document)
{
    const QJsonValue value = document.value(QLatin1String("State"));
    if (value.isString())
        return value.toString();
    if (!value.isDouble())
        return {};
    return QString::fromStdString(objectStateName(value.toInteger()));
}

} // namespace hcn::ui::words
