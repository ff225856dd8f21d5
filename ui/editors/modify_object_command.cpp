#include "editors/modify_object_command.h"

#include "editors/hcn_calls.h"
#include "editors/modify_request_builder.h"
#include "models/core_text.h"

namespace hcn::ui {

ModifyObjectCommand::ModifyObjectCommand(HostMirror* mirror, CommandFeedback* feedback, ResourceKind kind,
                                         QString id, QJsonObject edited, QUndoCommand* parent)
    : HostCommand(mirror, feedback, parent), m_kind(kind), m_id(std::move(id)), m_edited(std::move(edited)),
      m_before(std::make_shared<QJsonObject>())
{
    const QString name = m_edited.value(QStringLiteral("Name")).toString();
    const QString kindText = kindName(kind);
    setText(name.isEmpty() ? QObject::tr("Change %1 %2").arg(kindText, m_id.left(8))
                           : QObject::tr("Change %1 %2").arg(kindText, name));
}

Status ModifyObjectCommand::moveTo(Api& api, ResourceKind kind, const QString& id, const QJsonObject& target,
                                   bool ignoreServiceFields)
{
    auto current = HcnCalls::query(&api, kind, id);
    if (!current.ok())
        return current.status();
    const ModifyPlan plan = ModifyRequestBuilder::build(kind, *current, target, ignoreServiceFields);
    if (!plan.canApply())
        return Status(hr::RequestUnsupported, plan.unsupported.join(QLatin1Char(' ')).toStdString());
    for (qsizetype i = 0; i < plan.requests.size(); ++i) {
        const Status s = HcnCalls::modify(&api, kind, id, plan.requests[i]);
        if (s.ok())
            continue;
        if (i > 0) {
            // Put back the requests that went through; best effort, the original error is what counts.
            if (auto now = HcnCalls::query(&api, kind, id); now.ok()) {
                const ModifyPlan back =
                    ModifyRequestBuilder::build(kind, *now, *current, /*ignoreServiceFields=*/true);
                for (const auto& request : back.requests)
                    (void)HcnCalls::modify(&api, kind, id, request);
            }
        }
        return s;
    }
    return Status::success();
}

void ModifyObjectCommand::redo()
{
    run(text(), [kind = m_kind, id = m_id, edited = m_edited, before = m_before](Api& api) {
        auto now = HcnCalls::query(&api, kind, id);
        if (!now.ok())
            return now.status();
        *before = *now;
        // The first redo applies the user's edit and reports any field HCN cannot change; later redos
        // replay it on top of what the host holds then.
        return moveTo(api, kind, id, edited, false);
    });
}

void ModifyObjectCommand::undo()
{
    run(QObject::tr("Undo: %1").arg(text()), [kind = m_kind, id = m_id, before = m_before](Api& api) {
        return moveTo(api, kind, id, *before, true);
    });
}

} // namespace hcn::ui
