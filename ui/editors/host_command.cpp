#include "editors/host_command.h"

#include "editors/command_feedback.h"
#include "models/api_worker.h"
#include "models/host_mirror.h"

#include <QCoreApplication>

namespace hcn::ui {

/// Shared with the job in flight: which command waits for it (null once deleted) and whether it still
/// counts as running (a deleted command already told the feedback).
struct HostCommand::Pending
{
    HostCommand* command = nullptr;
    int running = 0;
};

HostCommand::HostCommand(HostMirror* mirror, CommandFeedback* feedback, QUndoCommand* parent)
    : QUndoCommand(parent), m_mirror(mirror), m_feedback(feedback), m_pending(std::make_shared<Pending>())
{
    m_pending->command = this;
}

HostCommand::~HostCommand()
{
    // Deleted with calls on their way (the stack was cleared for another host): nobody waits for them.
    m_pending->command = nullptr;
    for (; m_pending->running > 0; --m_pending->running)
        if (m_feedback)
            m_feedback->end(nullptr, {}, Status::success());
}

void HostCommand::run(const QString& action, std::function<Status(Api&)> work)
{
    if (!m_feedback)
        return;
    m_feedback->begin();
    ++m_pending->running;
    auto pending = m_pending;
    auto deliver = [pending, action](const Status& status) {
        if (pending->running == 0)
            return; // the command is gone and has already let go
        --pending->running;
        if (HostCommand* command = pending->command)
            command->finished(action, status);
    };
    ApiWorker* worker = m_mirror ? m_mirror->worker() : nullptr;
    if (!worker) {
        // Reported from the event loop like any result: never from inside QUndoStack::push().
        QMetaObject::invokeMethod(
            m_feedback.data(),
            [deliver] { deliver(Status(hr::Handle, "the console is not connected to a host.")); },
            Qt::QueuedConnection);
        return;
    }
    worker->call(m_feedback.data(), std::move(work), deliver);
}

void HostCommand::finished(const QString& action, const Status& status)
{
    if (!status.ok()) {
        m_succeeded = false;
        setObsolete(true);
    }
    if (auto callback = std::exchange(m_onFinished, nullptr))
        callback(status);
    // Last: on failure this takes the command off the stack, which deletes it.
    if (QPointer<CommandFeedback> feedback = m_feedback)
        feedback->end(this, action, status);
}

} // namespace hcn::ui
