#pragma once
// HcnCalls: the few HCN call sequences the editors need (open a handle, call, close it), with JSON in
// Qt types. Every function returns the host's Status unchanged, so the error panel can show its
// HRESULT and ErrorRecord. They block until the host answers: the console runs them inside jobs on
// the host's ApiWorker (HostCommand), never on the GUI thread.

#include "hcn/api.h"

#include <QJsonObject>
#include <QString>

namespace hcn::ui {

class HcnCalls
{
public:
    /// Creates an object with `id` (empty: the host picks). Endpoints are created on `networkId`.
    static Result<QString> create(Api* api, ResourceKind kind, const QString& id, const QJsonObject& document,
                                  const QString& networkId = {});
    static Status modify(Api* api, ResourceKind kind, const QString& id, const QJsonObject& request);
    static Status remove(Api* api, ResourceKind kind, const QString& id);
    /// The object's current v2 document.
    static Result<QJsonObject> query(Api* api, ResourceKind kind, const QString& id);
    /// The endpoint's stats document (HcnQueryEndpointStats), with its "Datapath" part.
    static Result<QJsonObject> endpointStats(Api* api, const QString& endpointId);
    /// Attaches (`attach`) or detaches an endpoint in a namespace.
    static Status setNamespaceMembership(Api* api, const QString& namespaceId, const QString& endpointId,
                                         bool attach);
};

} // namespace hcn::ui
