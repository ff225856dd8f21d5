#pragma once
// The mouse wheel over a combo box or spin box that does not have focus scrolls the form around it
// instead of changing the value (turning a port mapping's protocol while scrolling past it).

class QWidget;

namespace hcn::ui {

/// Gives `input` focus only by click or Tab, and lets a wheel over it change its value only once it has
/// focus; otherwise the wheel goes to the widgets around it (the form's scroll area).
void guardWheel(QWidget* input);

} // namespace hcn::ui
