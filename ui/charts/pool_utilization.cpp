#include "charts/pool_utilization.h"

#include "models/object_summary.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>
#include <limits>

namespace hcn::ui {

namespace {

constexpr quint64 kSaturated = std::numeric_limits<quint64>::max();

bool hasNetworkAndBroadcast(const IpPrefix& prefix)
{
    return prefix.address().bitWidth() - prefix.length() >= 2;
}

bool isReserved(const IpPrefix& prefix, const std::optional<IpAddress>& gateway, const IpAddress& address)
{
    if (hasNetworkAndBroadcast(prefix)) {
        if (address == prefix.network())
            return true;
        if (prefix.address().isV4() && address == prefix.last())
            return true;
    }
    return gateway && *gateway == address;
}

struct Subnet
{
    IpPrefix prefix;
    std::optional<IpAddress> gateway;
    int index = 0; ///< into the result vector
};

} // namespace

std::optional<IpAddress> PoolUtilization::gatewayOf(const QJsonObject& subnet, IpFamily family)
{
    for (const QJsonValue& value : subnet.value(QLatin1String("Routes")).toArray()) {
        const QJsonObject route = value.toObject();
        const auto destination =
            IpPrefix::parse(route.value(QLatin1String("DestinationPrefix")).toString().toStdString(), true);
        const auto hop = IpAddress::parse(route.value(QLatin1String("NextHop")).toString().toStdString());
        if (destination && hop && destination->length() == 0 && destination->family() == family &&
            hop->family() == family)
            return hop;
    }
    return std::nullopt;
}

quint64 PoolUtilization::capacity(const IpPrefix& prefix, const std::optional<IpAddress>& gateway)
{
    const int hostBits = prefix.address().bitWidth() - prefix.length();
    if (hostBits >= 64)
        return kSaturated; // the few reserved addresses do not matter at this size
    quint64 count = quint64(1) << hostBits;
    quint64 reserved = 0;
    if (hasNetworkAndBroadcast(prefix))
        reserved = prefix.address().isV4() ? 2 : 1;
    if (gateway && gateway->family() == prefix.family() && prefix.contains(*gateway)) {
        const bool counted =
            hasNetworkAndBroadcast(prefix) &&
            (*gateway == prefix.network() || (prefix.address().isV4() && *gateway == prefix.last()));
        if (!counted)
            ++reserved;
    }
    return count > reserved ? count - reserved : 0;
}

QString PoolUtilization::formatCount(quint64 count)
{
    if (count == kSaturated)
        return QStringLiteral("2^64");
    if (count < 10'000'000)
        return QString::number(count);
    // Capacities of IPv6 prefixes are 2^n - reserved: show the power of two they are close to.
    int bits = 0;
    while (bits < 63 && (quint64(1) << (bits + 1)) <= count + 2)
        ++bits;
    return QStringLiteral("≈2^%1").arg(bits);
}

QVector<SubnetUtilization> PoolUtilization::compute(const QList<const MirrorObject*>& networks,
                                                    const QList<const MirrorObject*>& endpoints)
{
    QList<const MirrorObject*> ordered = networks;
    std::stable_sort(ordered.begin(), ordered.end(), [](const MirrorObject* a, const MirrorObject* b) {
        const int byName = QString::compare(a->name, b->name, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a->id < b->id;
    });

    QVector<SubnetUtilization> result;
    QHash<QString, QVector<Subnet>> subnetsOf; // network ID -> its static subnets
    for (const MirrorObject* network : ordered) {
        QVector<Subnet>& subnets = subnetsOf[network->id.toUpper()];
        for (const QJsonValue& ipamValue : network->document.value(QLatin1String("Ipams")).toArray()) {
            const QJsonObject ipam = ipamValue.toObject();
            if (ipam.value(QLatin1String("Type")).toString(QStringLiteral("Static")) == QLatin1String("Dhcp"))
                continue; // DHCP subnets have no pool here
            for (const QJsonValue& subnetValue : ipam.value(QLatin1String("Subnets")).toArray()) {
                const QJsonObject subnet = subnetValue.toObject();
                const auto prefix = IpPrefix::parse(
                    subnet.value(QLatin1String("IpAddressPrefix")).toString().toStdString(), true);
                if (!prefix)
                    continue;
                const IpPrefix normalized(prefix->network(), prefix->length());
                const auto gateway = gatewayOf(subnet, normalized.family());

                SubnetUtilization entry;
                entry.networkId = network->id.toUpper();
                entry.networkName = network->name;
                entry.prefix = QString::fromStdString(normalized.toString());
                entry.capacity = capacity(normalized, gateway);
                subnets.append(Subnet{normalized, gateway, int(result.size())});
                result.append(entry);
            }
        }
    }

    for (const MirrorObject* endpoint : endpoints) {
        const auto it = subnetsOf.constFind(summary::endpointNetwork(endpoint->document));
        if (it == subnetsOf.cend() || it->isEmpty())
            continue;
        for (const QJsonValue& configValue :
             endpoint->document.value(QLatin1String("IpConfigurations")).toArray()) {
            const auto address = IpAddress::parse(
                configValue.toObject().value(QLatin1String("IpAddress")).toString().toStdString());
            if (!address)
                continue;
            for (const Subnet& subnet : *it) {
                if (subnet.prefix.contains(*address)) {
                    if (!isReserved(subnet.prefix, subnet.gateway, *address))
                        ++result[subnet.index].used;
                    break;
                }
            }
        }
    }
    return result;
}

} // namespace hcn::ui
