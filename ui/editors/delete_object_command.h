#pragma once
// DeleteObjectCommand: deletes objects and remembers enough to bring them back. Undo re-creates each
// one with the same ID and document (without the fields the service sets), endpoints on their network
// (also those the host deleted along with their network), re-attaches endpoints to the namespaces they
// were in, and gives load balancers back the backends the deletion took from them. What to bring back
// is read from the mirror when the command is made; the calls run on the host's worker. Failure
// policy: see host_command.h.

#include "editors/host_command.h"
#include "hcn/resource_kind.h"

#include <QJsonObject>
#include <QList>

namespace hcn::ui {

class DeleteObjectCommand : public HostCommand
{
public:
    /// Captures `ids` (and what they take with them) from `mirror` now.
    DeleteObjectCommand(HostMirror* mirror, CommandFeedback* feedback, const QStringList& ids,
                        QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;
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
    /// What undo brings back: every object, the memberships, the load balancers' backends.
    struct Restore
    {
        QList<Saved> objects;             ///< in creation order
        QList<Saved> loadBalancersBefore; ///< load balancers whose backends the deletion changes
    };
    void capture(HostMirror* mirror, const QString& id, QList<QString>& seen);
    /// Worker thread: the calls of redo and undo.
    static Status removeAll(Api& api, const QList<Saved>& deleted, const Restore& restore);
    static Status restoreAll(Api& api, const Restore& restore);

    QList<Saved> m_deleted; ///< what redo deletes, in deletion order
    Restore m_restore;
};

} // namespace hcn::ui
