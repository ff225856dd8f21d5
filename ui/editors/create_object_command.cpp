#include "editors/create_object_command.h"

#include "editors/command_feedback.h"
#include "editors/hcn_calls.h"
#include "hcn/guid.h"
#include "models/host_mirror.h"

namespace hcn::ui {

CreateObjectCommand::CreateObjectCommand(HostMirror* mirror, CommandFeedback* feedback, ResourceKind kind,
                                         QString id, QJsonObject document, QString networkId,
                                         QUndoCommand* parent)
    : QUndoCommand(parent), m_mirror(mirror), m_feedback(feedback), m_kind(kind),
      m_id(id.isEmpty() ? QString::fromStdString(Guid::generate().toString()) : id.toUpper()),
      m_document(std::move(document)), m_networkId(std::move(networkId))
{
    // The ID travels as the create call's parameter; a different "ID" in the document would be refused.
    m_document.remove(QStringLiteral("ID"));
    const QString name = m_document.value(QStringLiteral("Name")).toString();
    const QString kindName =
        QString::fromUtf8(resourceKindName(kind).data(), qsizetype(resourceKindName(kind).size()));
    setText(name.isEmpty() ? QObject::tr("Create %1").arg(kindName)
                           : QObject::tr("Create %1 %2").arg(kindName, name));
}

void CreateObjectCommand::fail(const QString& action, const Status& status)
{
    m_succeeded = false;
    setObsolete(true);
    if (m_feedback)
        m_feedback->report(action, status);
}

void CreateObjectCommand::redo()
{
    auto created =
        HcnCalls::create(m_mirror ? m_mirror->api() : nullptr, m_kind, m_id, m_document, m_networkId);
    if (!created.ok())
        fail(text(), created.status());
}

void CreateObjectCommand::undo()
{
    const Status s = HcnCalls::remove(m_mirror ? m_mirror->api() : nullptr, m_kind, m_id);
    if (!s.ok())
        fail(QObject::tr("Undo: %1").arg(text()), s);
}

} // namespace hcn::ui
