#pragma once
// DeleteObjectCommand: deletes objects and remembers enough to bring them back. Undo re-creates each
// one with the same ID and document (without the fields the service sets), endpoints on their network
// (also those the host deleted along with their network), re-attaches endpoints to the namespaces they
// were in, and gives load balancers back the backends the deletion took from them.
// Failure policy: see create_object_command.h.

#include "hcn/resource_kind.h"
#include "hcn/status.h"

#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QUndoCommand>

namespace hcn::ui {

class CommandFeedback;
class HostMirror;

class DeleteObjectCommand : public QUndoCommand
{
public:
    /// Captures `ids` (and what they take with them) from `mirror` now.
    DeleteObjectCommand(HostMirror* mirror, CommandFeedback* feedback, const QStringList& ids,
                        QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;
    bool succeeded() const { return m_succeeded; }
    /// How many objects the command deletes (selected ones only).
    int count() const { return int(m_deleted.size()); }

private:
    struct Saved
    {
        ResourceKind kind = ResourceKind::Invalid;
        QString id;
        QJsonObject document;
        QString networkId;   ///< endpoints
        QString namespaceId; ///< endpoints that were attached
    };
    void capture(const QString& id, QList<QString>& seen);
    Status recreate(const Saved& saved);
    void fail(const QString& action, const Status& status);

    QPointer<HostMirror> m_mirror;
    QPointer<CommandFeedback> m_feedback;
    QList<Saved> m_deleted;             ///< what redo deletes, in deletion order
    QList<Saved> m_restored;            ///< everything undo re-creates, in creation order
    QList<Saved> m_loadBalancersBefore; ///< load balancers whose backends the deletion changes
    bool m_succeeded = true;
};

} // namespace hcn::ui
