#pragma once
// Reading the few fields of HCN v2 documents that lists and trees show (addresses, MACs, modes, VIPs),
// with the defaults HNS omits from its output filled in (a network without "Type" is NAT).

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace hcn::ui::summary {

/// "NAT", "Overlay" ... (absent Type means NAT, as HNS omits enum value 0); "unknown" for a null Type,
/// which an imported snapshot writes when the dump did not show the type.
QString networkType(const QJsonObject& network);
/// Every Ipams[].Subnets[].IpAddressPrefix.
QStringList networkPrefixes(const QJsonObject& network);

/// IpConfigurations[].IpAddress in order.
QStringList endpointAddresses(const QJsonObject& endpoint);
QString endpointMac(const QJsonObject& endpoint);
/// Flags bit hcn::kRemoteEndpointFlag: a workload on another node (hcn::isRemoteEndpoint, on QJson).
bool endpointIsRemote(const QJsonObject& endpoint);
/// The ProviderAddress policy's address (remote endpoints: the node that hosts them), or empty.
QString endpointProviderAddress(const QJsonObject& endpoint);
/// The endpoint's PortMapping policies: "TCP 8080→80".
QString endpointPortMappings(const QJsonObject& endpoint);
/// The namespace the endpoint is attached to (upper-case GUID), or empty.
QString endpointNamespace(const QJsonObject& endpoint);
QString endpointNetwork(const QJsonObject& endpoint);

QString namespaceType(const QJsonObject& ns);

QStringList loadBalancerVips(const QJsonObject& lb);
/// HostComputeEndpoints, upper-cased.
QStringList loadBalancerBackends(const QJsonObject& lb);
/// "TCP 80→8080, UDP 53→53".
QString loadBalancerPorts(const QJsonObject& lb);
/// Flags bit 1 (EnableDirectServerReturn).
bool loadBalancerIsDsr(const QJsonObject& lb);

/// A GUID-valued field as the mirror keys objects (upper case), empty when absent or all zero.
QString guidField(const QJsonObject& document, const QString& key);

} // namespace hcn::ui::summary
