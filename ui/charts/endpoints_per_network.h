#pragma once
// EndpointsPerNetwork: how many endpoints each network holds (the endpoints-per-network chart's data).

#include "models/mirror_object.h"

#include <QList>
#include <QString>
#include <QVector>

namespace hcn::ui {

struct NetworkEndpointCount
{
    QString networkId;
    QString networkName;
    int endpoints = 0;
    /// Of those, remote endpoints (Flags bit 1: workloads on other hosts).
    int remote = 0;
};

class EndpointsPerNetwork
{
public:
    /// One entry per network (also those without endpoints), ordered by name then ID. Endpoints of a
    /// network the list does not contain are not counted.
    static QVector<NetworkEndpointCount> compute(const QList<const MirrorObject*>& networks,
                                                 const QList<const MirrorObject*>& endpoints);
};

} // namespace hcn::ui
