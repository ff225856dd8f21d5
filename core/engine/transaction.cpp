#include "engine/transaction.h"

namespace hcn {

Transaction::~Transaction()
{
    if (!m_done)
        rollback();
}

void Transaction::change(ChangeOp op, ResourceKind kind, const Guid& id, const Json* before,
                         const Json* after)
{
    m_changes.push_back({op, kind, id, before, after});
}

void Transaction::notify(NotificationType type, const Guid& id, const Json& data, std::optional<Guid> scope)
{
    notify(type, id.toString(), data, scope);
}

void Transaction::notify(NotificationType type, const std::string& idText, const Json& data,
                         std::optional<Guid> scope)
{
    Json base;
    if (m_wantPayloads) {
        base = Json::object();
        base["ID"] = idText;
        base["Flags"] = 0;
        if (!data.is_null())
            base["Data"] = data;
    }
    m_notifications.push_back({type, std::move(base), scope});
}

Status Transaction::commit(Datapath& datapath)
{
    if (!m_changes.empty()) {
        auto tx = datapath.begin();
        for (const auto& c : m_changes) {
            DatapathChange dc{c.op, c.kind, c.id, c.before, c.after};
            Status s = tx->stage(dc);
            if (!s.ok()) {
                tx->rollback();
                rollback();
                return s;
            }
        }
        Status s = tx->commit();
        if (!s.ok()) {
            rollback();
            return s;
        }
    }
    m_undo.clear();
    m_done = true;
    return Status::success();
}

void Transaction::rollback()
{
    for (auto it = m_undo.rbegin(); it != m_undo.rend(); ++it)
        (*it)();
    m_undo.clear();
    m_changes.clear();
    m_notifications.clear();
    m_done = true;
}

} // namespace hcn
