#pragma once
// MirrorContent: the objects of one host as the console keeps them (MirrorObject per ID, and the core's
// hcn::HostState of the same objects), with the lookups the views read through. The HostMirror holds
// one; a loading worker builds one off the GUI thread and reads it there (the resource tree is built
// from it before the host is handed over). Plain data: no Qt objects, no signals.

#include "hcn/host_state.h"
#include "models/mirror_object.h"

#include <QHash>
#include <QList>
#include <QStringList>

namespace hcn::ui {

struct MirrorContent
{
    QHash<QString, MirrorObject> objects;
    /// The same objects as the core keeps them: counts, endpoints per network and per namespace.
    HostState state;

    /// Null when unknown (an ID in any case).
    const MirrorObject* object(const QString& id) const;
    /// Objects of a kind, ordered by name (case-insensitive) then ID.
    QList<const MirrorObject*> objectsOfKind(ResourceKind kind) const;
    /// `ids` in the same order: by their objects' names (case-insensitive), then ID; unknown IDs first.
    QStringList idsByName(QStringList ids) const;
    int count(ResourceKind kind) const;
    /// IDs of the endpoints whose "HostComputeNetwork" is `networkId`.
    QStringList endpointIdsOfNetwork(const QString& networkId) const;
    /// IDs of the endpoints whose "HostComputeNamespace" is `namespaceId`.
    QStringList endpointIdsOfNamespace(const QString& namespaceId) const;
};

} // namespace hcn::ui
