#pragma once
// PoolUtilization: how full each static subnet's address pool is, from the mirror's documents:
// the network's Ipams[].Subnets[] (prefix, default-route gateway) against the addresses in its
// endpoints' IpConfigurations. Capacity follows the engine's rules: the network address, the IPv4
// broadcast address and the gateway are never assigned (point-to-point and host prefixes keep theirs).

#include "hcn/ip_address.h"
#include "models/mirror_object.h"

#include <QList>
#include <QString>
#include <QVector>
#include <optional>

namespace hcn::ui {

struct SubnetUtilization
{
    QString networkId;
    QString networkName;
    /// Canonical "network/length" text.
    QString prefix;
    quint64 used = 0;
    /// Assignable addresses; saturated at 2^64 - 1 for huge IPv6 prefixes.
    quint64 capacity = 0;
    /// 0..1 (0 when the capacity is 0).
    double ratio() const { return capacity == 0 ? 0.0 : double(used) / double(capacity); }
};

class PoolUtilization
{
public:
    /// One entry per static subnet, ordered by network name, network ID, then subnet order.
    static QVector<SubnetUtilization> compute(const QList<const MirrorObject*>& networks,
                                              const QList<const MirrorObject*>& endpoints);
    /// Assignable addresses of `prefix` with `gateway` withheld.
    static quint64 capacity(const IpPrefix& prefix, const std::optional<IpAddress>& gateway);
    /// The NextHop of the subnet's default route of the prefix's family.
    static std::optional<IpAddress> gatewayOf(const QJsonObject& subnet, IpFamily family);
    /// "253", or "2^64" style for counts too large to read.
    static QString formatCount(quint64 count);
};

} // namespace hcn::ui
