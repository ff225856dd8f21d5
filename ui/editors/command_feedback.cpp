#include "editors/command_feedback.h"

#include <QUndoStack>

namespace hcn::ui {

CommandFeedback::CommandFeedback(QUndoStack* stack, QObject* parent) : QObject(parent), m_stack(stack) {}

void CommandFeedback::begin()
{
    if (++m_running == 1)
        emit busyChanged(true);
}

void CommandFeedback::end(QUndoCommand* command, const QString& action, const Status& status)
{
    if (!status.ok()) {
        if (command)
            removeFromStack(command);
        emit failed(action, status);
    }
    if (m_running > 0 && --m_running == 0)
        emit busyChanged(false);
}

void CommandFeedback::removeFromStack(QUndoCommand* command)
{
    if (!m_stack)
        return;
    // Undo and redo wait while a command runs, so the failed one sits right next to the index: just
    // done (below it) or just undone (at it). QUndoStack deletes an obsolete command it steps over
    // without calling it again.
    const int index = m_stack->index();
    if (index > 0 && m_stack->command(index - 1) == command)
        m_stack->undo();
    else if (index < m_stack->count() && m_stack->command(index) == command)
        m_stack->redo();
}

} // namespace hcn::ui
