#pragma once
// ObjectTemplates: the documents behind "New NAT network", "New endpoint with port mapping" ... Each is
// a v2 document the engine accepts as it is; names, subnets, ports and VIPs are chosen so that they do
// not collide with what the host already has (TemplateContext).

#include "hcn/ip_address.h"
#include "hcn/resource_kind.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QStringList>
#include <optional>

namespace hcn::ui {

class HostMirror;

/// What a template needs to know about the host.
struct TemplateContext
{
    /// The network new endpoints go on (empty: the template cannot be used).
    QString networkId;
    /// Backends for new load balancers.
    QStringList endpointIds;
    /// Lower-case names in use (network names are unique on a host).
    QSet<QString> takenNames;
    QList<IpPrefix> usedPrefixes;
    /// "6/8080" protocol/port pairs mapped by endpoints and load balancers.
    QSet<QString> usedPorts;
    QSet<QString> usedVips;

    /// The context of `mirror`'s host; `selection` picks the network (a selected network or the network
    /// of a selected endpoint, else the first network) and the endpoints (selected ones, else none).
    static TemplateContext fromMirror(const HostMirror& mirror, const QStringList& selection);
};

struct ObjectTemplate
{
    QString id;    ///< "network.nat"
    QString title; ///< "New NAT network"
    ResourceKind kind = ResourceKind::Invalid;
    bool needsNetwork = false; ///< endpoints: created on TemplateContext::networkId
};

class ObjectTemplates
{
    Q_DECLARE_TR_FUNCTIONS(hcn::ui::ObjectTemplates)
public:
    static QList<ObjectTemplate> all();
    static std::optional<ObjectTemplate> find(const QString& id);
    /// The template's document for `context`; nullopt for an unknown id or an endpoint template
    /// without a network.
    static std::optional<QJsonObject> document(const QString& id, const TemplateContext& context);
};

} // namespace hcn::ui
