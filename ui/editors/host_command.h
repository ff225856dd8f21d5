#pragma once
// HostCommand: the base of the editors' undo commands. redo() and undo() queue the command's HCN calls
// as one job on the host's ApiWorker and return at once; the outcome comes back on the GUI thread.
//
// Failure policy (shared by every editor command): a call that fails reports the host's Status through
// CommandFeedback and the command leaves the undo stack instead of keeping an entry whose state no
// longer matches the host. Each HCN call is atomic, and commands that need several calls put back what
// they already did before giving up (on the worker, inside the same job), so the host is never left
// half-changed.

#include "hcn/api.h"

#include <QPointer>
#include <QUndoCommand>
#include <functional>
#include <memory>

namespace hcn::ui {

class CommandFeedback;
class HostMirror;

class HostCommand : public QUndoCommand
{
public:
    ~HostCommand() override;

    /// False once a redo or undo failed.
    bool succeeded() const { return m_succeeded; }
    /// Called once, on the GUI thread, with the outcome of the next redo or undo (the dock's Apply).
    void setOnFinished(std::function<void(const Status&)> callback) { m_onFinished = std::move(callback); }

protected:
    HostCommand(HostMirror* mirror, CommandFeedback* feedback, QUndoCommand* parent);

    /// Queues `work` on the host's worker; `action` names it in an error ("Undo: create network nat").
    void run(const QString& action, std::function<Status(Api&)> work);

private:
    struct Pending;
    void finished(const QString& action, const Status& status);

    QPointer<HostMirror> m_mirror;
    QPointer<CommandFeedback> m_feedback;
    std::shared_ptr<Pending> m_pending;
    std::function<void(const Status&)> m_onFinished;
    bool m_succeeded = true;
};

} // namespace hcn::ui
