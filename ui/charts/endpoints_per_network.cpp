#include "charts/endpoints_per_network.h"

#include "models/object_summary.h"

#include <QHash>
#include <algorithm>

namespace hcn::ui {

QVector<NetworkEndpointCount> EndpointsPerNetwork::compute(const QList<const MirrorObject*>& networks,
                                                           const QList<const MirrorObject*>& endpoints)
{
    QList<const MirrorObject*> ordered = networks;
    std::stable_sort(ordered.begin(), ordered.end(), [](const MirrorObject* a, const MirrorObject* b) {
        const int byName = QString::compare(a->name, b->name, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a->id < b->id;
    });

    QVector<NetworkEndpointCount> result;
    result.reserve(ordered.size());
    QHash<QString, int> indexOf;
    for (const MirrorObject* network : ordered) {
        indexOf.insert(network->id.toUpper(), int(result.size()));
        result.append(NetworkEndpointCount{network->id.toUpper(), network->name, 0, 0});
    }
    for (const MirrorObject* endpoint : endpoints) {
        const auto it = indexOf.constFind(summary::endpointNetwork(endpoint->document));
        if (it == indexOf.cend())
            continue;
        NetworkEndpointCount& entry = result[*it];
        ++entry.endpoints;
        if (summary::endpointIsRemote(endpoint->document))
            ++entry.remote;
    }
    return result;
}

} // namespace hcn::ui
