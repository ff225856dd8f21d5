#include "editors/ip_prefix_field_editor.h"

#include "hcn/ip_address.h"

namespace hcn::ui {

QString IpPrefixFieldEditor::check(const QString& text) const
{
    const std::string s = text.toStdString();
    const bool orAddress = field() && field()->format == schema::StringFormat::IpOrPrefix;
    if (orAddress && (IpAddress::parse(s) || IpPrefix::parse(s, true)))
        return {};
    if (!orAddress && IpPrefix::parse(s))
        return {};
    if (!orAddress && IpPrefix::parse(s, true))
        return tr("\"%1\" has host bits set; the prefix is %2")
            .arg(text, QString::fromStdString(IpPrefix::parse(s, true)->network().toString() + "/" +
                                              std::to_string(IpPrefix::parse(s, true)->length())));
    return orAddress ? tr("\"%1\" is not an address or prefix").arg(text)
                     : tr("\"%1\" is not a prefix (address/length, e.g. 10.0.0.0/24)").arg(text);
}

} // namespace hcn::ui
