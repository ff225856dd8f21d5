#include "editors/guid_field_editor.h"

#include "hcn/guid.h"

namespace hcn::ui {

QString GuidFieldEditor::check(const QString& text) const
{
    if (Guid::parse(text.toStdString()))
        return {};
    return tr("\"%1\" is not a GUID (8-4-4-4-12 hex digits, no braces)").arg(text);
}

} // namespace hcn::ui
