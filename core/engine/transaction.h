#pragma once
// One engine call's changes: an undo log for the engine's own state, the object changes to program
// into the datapath, and the notifications to publish once everything succeeded.

#include "engine/engine_state.h"
#include "hcn/datapath.h"
#include "hcn/notification.h"

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace hcn {

class Transaction
{
public:
    /// wantPayloads false: nobody listens, so notifications are counted but their documents not copied.
    explicit Transaction(bool wantPayloads = true) : m_wantPayloads(wantPayloads) {}
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    /// Undoes everything not committed.
    ~Transaction();

    /// Registers how to undo a state change that was just made.
    void onRollback(std::function<void()> undo) { m_undo.push_back(std::move(undo)); }
    /// Keeps an object removed by an undo step alive until the transaction ends, so older undo steps
    /// that point at it stay valid.
    void keepAlive(std::shared_ptr<void> object) { m_keepAlive.push_back(std::move(object)); }
    /// Records an object change for the datapath. The documents are not copied: they must stay alive
    /// until the transaction ends (live object documents, or snapshots held by an undo step or keepAlive).
    void change(ChangeOp op, ResourceKind kind, const Guid& id, const Json* before, const Json* after);
    /// Queues a notification: {"ID":id,"Flags":0,"Data":data}. scope is the network (endpoint attach and
    /// detach) or guest network service (state changes) that scoped subscriptions filter on.
    void notify(NotificationType type, const Guid& id, const Json& data, std::optional<Guid> scope = {});
    void notify(NotificationType type, const std::string& idText, const Json& data,
                std::optional<Guid> scope = {});

    /// Programs the datapath; on failure rolls the datapath and the state back and returns the error.
    Status commit(Datapath& datapath);
    /// Undoes every recorded state change, newest first.
    void rollback();

    struct PendingNotification
    {
        NotificationType type;
        Json payload; ///< NotificationBase; null when nobody listens
        std::optional<Guid> scope;
    };
    /// Notifications to publish after a successful commit (moved out).
    std::vector<PendingNotification> takeNotifications() { return std::move(m_notifications); }

private:
    struct Change
    {
        ChangeOp op;
        ResourceKind kind;
        Guid id;
        const Json* before;
        const Json* after;
    };

    std::vector<std::shared_ptr<void>> m_keepAlive;
    std::vector<std::function<void()>> m_undo;
    std::vector<Change> m_changes;
    std::vector<PendingNotification> m_notifications;
    bool m_done = false;
    bool m_wantPayloads = true;
};

} // namespace hcn
