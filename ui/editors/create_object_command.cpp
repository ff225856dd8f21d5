#include "editors/create_object_command.h"

#include "editors/hcn_calls.h"
#include "hcn/guid.h"
#include "models/core_text.h"

namespace hcn::ui {

CreateObjectCommand::CreateObjectCommand(HostMirror* mirror, CommandFeedback* feedback, ResourceKind kind,
                                         QString id, QJsonObject document, QString networkId,
                                         QUndoCommand* parent)
    : HostCommand(mirror, feedback, parent), m_kind(kind),
      m_id(id.isEmpty() ? QString::fromStdString(Guid::generate().toString()) : id.toUpper()),
      m_document(std::move(document)), m_networkId(std::move(networkId))
{
    // The ID travels as the create call's parameter; a different "ID" in the document would be refused.
    m_document.remove(QStringLiteral("ID"));
    const QString name = m_document.value(QStringLiteral("Name")).toString();
    const QString kindText = kindName(kind);
    setText(name.isEmpty() ? QObject::tr("Create %1").arg(kindText)
                           : QObject::tr("Create %1 %2").arg(kindText, name));
}

void CreateObjectCommand::redo()
{
    run(text(), [kind = m_kind, id = m_id, document = m_document, networkId = m_networkId](Api& api) {
        return HcnCalls::create(&api, kind, id, document, networkId).status();
    });
}

void CreateObjectCommand::undo()
{
    run(QObject::tr("Undo: %1").arg(text()),
        [kind = m_kind, id = m_id](Api& api) { return HcnCalls::remove(&api, kind, id); });
}

} // namespace hcn::ui
