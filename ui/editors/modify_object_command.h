#pragma once
// ModifyObjectCommand: makes an existing object look like an edited document through the modify
// request(s) ModifyRequestBuilder derives; undo derives the inverse requests from the document the host
// returned after redo back to the one before (a load balancer gets its previous document back).
// A failure in the middle of several requests puts back the ones already sent. Failure policy: see
// create_object_command.h.

#include "hcn/resource_kind.h"
#include "hcn/status.h"

#include <QJsonObject>
#include <QPointer>
#include <QUndoCommand>

namespace hcn::ui {

class CommandFeedback;
class HostMirror;

class ModifyObjectCommand : public QUndoCommand
{
public:
    ModifyObjectCommand(HostMirror* mirror, CommandFeedback* feedback, ResourceKind kind, QString id,
                        QJsonObject edited, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;
    bool succeeded() const { return m_succeeded; }

private:
    /// Brings the object from its current document to `target`; on a failed request, back to where it
    /// was. Returns the first failure.
    Status moveTo(const QJsonObject& target, bool ignoreServiceFields);
    void fail(const QString& action, const Status& status);

    QPointer<HostMirror> m_mirror;
    QPointer<CommandFeedback> m_feedback;
    ResourceKind m_kind;
    QString m_id;
    QJsonObject m_edited;
    QJsonObject m_before;
    bool m_succeeded = true;
};

} // namespace hcn::ui
