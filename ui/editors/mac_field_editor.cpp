#include "editors/mac_field_editor.h"

#include "hcn/mac_address.h"

namespace hcn::ui {

QString MacFieldEditor::check(const QString& text) const
{
    if (MacAddress::parse(text.toStdString()))
        return {};
    return tr("\"%1\" is not a MAC address (e.g. 00-15-5D-52-C0-00)").arg(text);
}

} // namespace hcn::ui
