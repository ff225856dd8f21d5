#pragma once
// ModifyObjectCommand: makes an existing object look like an edited document through the modify
// request(s) ModifyRequestBuilder derives; undo derives the inverse requests from the document the host
// returned after redo back to the one before (a load balancer gets its previous document back).
// A failure in the middle of several requests puts back the ones already sent. The calls run on the
// host's worker; failure policy: see host_command.h.

#include "editors/host_command.h"
#include "hcn/resource_kind.h"

#include <QJsonObject>

namespace hcn::ui {

class ModifyObjectCommand : public HostCommand
{
public:
    ModifyObjectCommand(HostMirror* mirror, CommandFeedback* feedback, ResourceKind kind, QString id,
                        QJsonObject edited, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

private:
    /// Worker thread: brings the object from its current document to `target`; on a failed request,
    /// back to where it was. Returns the first failure.
    static Status moveTo(Api& api, ResourceKind kind, const QString& id, const QJsonObject& target,
                         bool ignoreServiceFields);

    ResourceKind m_kind;
    QString m_id;
    QJsonObject m_edited;
    /// The document before the last redo: written and read by the jobs, on the worker thread only.
    std::shared_ptr<QJsonObject> m_before;
};

} // namespace hcn::ui
