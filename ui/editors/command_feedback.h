#pragma once
// CommandFeedback: how undo commands (not QObjects) tell the dock that a call failed.

#include "hcn/status.h"

#include <QObject>

namespace hcn::ui {

class CommandFeedback : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    /// Emits failed(); `action` is what was attempted ("Undo: delete network nat").
    void report(const QString& action, const Status& status) { emit failed(action, status); }

signals:
    void failed(const QString& action, const hcn::Status& status);
};

} // namespace hcn::ui
