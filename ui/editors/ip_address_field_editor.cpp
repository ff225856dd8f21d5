#include "editors/ip_address_field_editor.h"

#include "hcn/ip_address.h"

namespace hcn::ui {

QString IpAddressFieldEditor::check(const QString& text) const
{
    if (IpAddress::parse(text.toStdString()))
        return {};
    return tr("\"%1\" is not an IPv4 or IPv6 address").arg(text);
}

} // namespace hcn::ui
