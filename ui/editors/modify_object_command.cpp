#include "editors/modify_object_command.h"

#include "editors/command_feedback.h"
#include "editors/hcn_calls.h"
#include "editors/modify_request_builder.h"
#include "models/host_mirror.h"

namespace hcn::ui {

ModifyObjectCommand::ModifyObjectCommand(HostMirror* mirror, CommandFeedback* feedback, ResourceKind kind,
                                         QString id, QJsonObject edited, QUndoCommand* parent)
    : QUndoCommand(parent), m_mirror(mirror), m_feedback(feedback), m_kind(kind), m_id(std::move(id)),
      m_edited(std::move(edited))
{
    const QString name = m_edited.value(QStringLiteral("Name")).toString();
    const QString kindName =
        QString::fromUtf8(resourceKindName(kind).data(), qsizetype(resourceKindName(kind).size()));
    setText(name.isEmpty() ? QObject::tr("Change %1 %2").arg(kindName, m_id.left(8))
                           : QObject::tr("Change %1 %2").arg(kindName, name));
}

void ModifyObjectCommand::fail(const QString& action, const Status& status)
{
    m_succeeded = false;
    setObsolete(true);
    if (m_feedback)
        m_feedback->report(action, status);
}

Status ModifyObjectCommand::moveTo(const QJsonObject& target, bool ignoreServiceFields)
{
    Api* api = m_mirror ? m_mirror->api() : nullptr;
    auto current = HcnCalls::query(api, m_kind, m_id);
    if (!current.ok())
        return current.status();
    const ModifyPlan plan = ModifyRequestBuilder::build(m_kind, *current, target, ignoreServiceFields);
    if (!plan.canApply())
        return Status(hr::RequestUnsupported, plan.unsupported.join(QLatin1Char(' ')).toStdString());
    for (qsizetype i = 0; i < plan.requests.size(); ++i) {
        const Status s = HcnCalls::modify(api, m_kind, m_id, plan.requests[i]);
        if (s.ok())
            continue;
        if (i > 0) {
            // Put back the requests that went through; best effort, the original error is what counts.
            if (auto now = HcnCalls::query(api, m_kind, m_id); now.ok()) {
                const ModifyPlan back =
                    ModifyRequestBuilder::build(m_kind, *now, *current, /*ignoreServiceFields=*/true);
                for (const auto& request : back.requests)
                    (void)HcnCalls::modify(api, m_kind, m_id, request);
            }
        }
        return s;
    }
    return Status::success();
}

void ModifyObjectCommand::redo()
{
    Api* api = m_mirror ? m_mirror->api() : nullptr;
    auto before = HcnCalls::query(api, m_kind, m_id);
    if (!before.ok()) {
        fail(text(), before.status());
        return;
    }
    m_before = *before;
    // The first redo applies the user's edit and reports any field HCN cannot change; later redos
    // replay it on top of what the host holds then.
    if (const Status s = moveTo(m_edited, false); !s.ok())
        fail(text(), s);
}

void ModifyObjectCommand::undo()
{
    if (const Status s = moveTo(m_before, true); !s.ok())
        fail(QObject::tr("Undo: %1").arg(text()), s);
}

} // namespace hcn::ui
