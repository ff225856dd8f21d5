#pragma once
// CreateObjectCommand: creates an object with an ID chosen up front, so redo after undo re-creates the
// very same object. Undo deletes it.
//
// Failure policy (shared by every editor command): a call that fails reports the host's Status through
// CommandFeedback and marks the command obsolete, so QUndoStack drops it instead of keeping an entry
// whose state no longer matches the host. Each HCN call is atomic, and commands that need several calls
// put back what they already did before giving up, so the host is never left half-changed.

#include "hcn/resource_kind.h"
#include "hcn/status.h"

#include <QJsonObject>
#include <QPointer>
#include <QUndoCommand>

namespace hcn::ui {

class CommandFeedback;
class HostMirror;

class CreateObjectCommand : public QUndoCommand
{
public:
    /// `document` is created on `networkId` for endpoints. An empty `id` gets a new GUID.
    CreateObjectCommand(HostMirror* mirror, CommandFeedback* feedback, ResourceKind kind, QString id,
                        QJsonObject document, QString networkId = {}, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

    const QString& objectId() const { return m_id; }
    /// False once a redo or undo failed.
    bool succeeded() const { return m_succeeded; }

private:
    void fail(const QString& action, const Status& status);

    QPointer<HostMirror> m_mirror;
    QPointer<CommandFeedback> m_feedback;
    ResourceKind m_kind;
    QString m_id;
    QJsonObject m_document;
    QString m_networkId;
    bool m_succeeded = true;
};

} // namespace hcn::ui
