#pragma once
// CreateObjectCommand: creates an object with an ID chosen up front, so redo after undo re-creates the
// very same object. Undo deletes it. The calls run on the host's worker; failure policy: see
// host_command.h.

#include "editors/host_command.h"
#include "hcn/resource_kind.h"

#include <QJsonObject>

namespace hcn::ui {

class CreateObjectCommand : public HostCommand
{
public:
    /// `document` is created on `networkId` for endpoints. An empty `id` gets a new GUID.
    CreateObjectCommand(HostMirror* mirror, CommandFeedback* feedback, ResourceKind kind, QString id,
                        QJsonObject document, QString networkId = {}, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

    const QString& objectId() const { return m_id; }

private:
    ResourceKind m_kind;
    QString m_id;
    QJsonObject m_document;
    QString m_networkId;
};

} // namespace hcn::ui
