#include "editors/wheel_guard.h"

#include <QCoreApplication>
#include <QEvent>
#include <QWidget>

namespace hcn::ui {
namespace {

class WheelGuard : public QObject
{
public:
    using QObject::QObject;

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() != QEvent::Wheel)
            return false;
        auto* widget = qobject_cast<QWidget*>(watched);
        if (!widget || widget->hasFocus())
            return false;
        // Ignored and filtered: the input never sees it, and Qt offers it to the parents (the scroll
        // area scrolls).
        event->ignore();
        return true;
    }
};

WheelGuard* guard()
{
    static auto* instance = new WheelGuard(QCoreApplication::instance());
    return instance;
}

} // namespace

void guardWheel(QWidget* input)
{
    input->setFocusPolicy(Qt::StrongFocus);
    input->installEventFilter(guard());
}

} // namespace hcn::ui
