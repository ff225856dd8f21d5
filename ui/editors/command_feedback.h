#pragma once
// CommandFeedback: how the editors' undo commands (not QObjects) report back. A command's HCN calls run
// on the host's ApiWorker; while any are on their way the feedback is busy (the dock shows it, undo and
// redo wait), and when a command's calls fail it leaves the undo stack, so the stack only ever holds
// what the host did, and failed() carries the host's Status to the error panel.

#include "hcn/status.h"

#include <QObject>

class QUndoCommand;
class QUndoStack;

namespace hcn::ui {

class CommandFeedback : public QObject
{
    Q_OBJECT
public:
    explicit CommandFeedback(QUndoStack* stack, QObject* parent = nullptr);

    /// Whether a command's calls are on their way.
    bool isBusy() const { return m_running > 0; }

    /// A command queued its calls.
    void begin();
    /// Their outcome. On failure `command` (obsolete by now; null when already deleted) is taken off the
    /// stack and failed() is emitted; `action` is what was attempted ("Undo: delete network nat").
    void end(QUndoCommand* command, const QString& action, const Status& status);

signals:
    void failed(const QString& action, const hcn::Status& status);
    void busyChanged(bool busy);

private:
    void removeFromStack(QUndoCommand* command);

    QUndoStack* m_stack;
    int m_running = 0;
};

} // namespace hcn::ui
