#include "editors/string_field_editor.h"

#include "hcn/ip_address.h"

#include <QLineEdit>

namespace hcn::ui {
namespace {

bool parsePort(const QString& text, uint max, uint& out)
{
    bool ok = false;
    out = text.trimmed().toUInt(&ok);
    return ok && out <= max;
}

} // namespace

StringFieldEditor::StringFieldEditor(const schema::FieldDef* field, QString path, FormContext context,
                                     QWidget* parent)
    : TextFieldEditor(field, std::move(path), std::move(context), parent)
{
    if (!field)
        return;
    switch (field->format) {
    case schema::StringFormat::IpList:
        lineEdit()->setPlaceholderText(tr("not set (any address); e.g. 10.0.0.0/8,192.168.1.5"));
        break;
    case schema::StringFormat::PortList:
        lineEdit()->setPlaceholderText(tr("not set (any port); e.g. 80,443 or 1000-2000"));
        break;
    case schema::StringFormat::ProtocolList:
        lineEdit()->setPlaceholderText(tr("not set (any protocol); e.g. 6 or 6,17"));
        break;
    default:
        break;
    }
}

QString StringFieldEditor::check(const QString& text) const
{
    const auto format = field() ? field()->format : schema::StringFormat::None;
    const QStringList items = text.split(QLatin1Char(','));
    switch (format) {
    case schema::StringFormat::IpList:
        for (const QString& item : items) {
            const std::string s = item.trimmed().toStdString();
            if (item.trimmed().compare(QLatin1String("Any"), Qt::CaseInsensitive) == 0)
                return tr("\"Any\" is not accepted: leave the field empty to match any address");
            if (!IpAddress::parse(s) && !IpPrefix::parse(s, true))
                return tr("\"%1\" is not an address or prefix").arg(item.trimmed());
        }
        return {};
    case schema::StringFormat::PortList:
        for (const QString& item : items) {
            const QStringList range = item.split(QLatin1Char('-'));
            uint low = 0;
            uint high = 0;
            if (range.size() > 2 || !parsePort(range.front(), 65535, low) ||
                (range.size() == 2 && (!parsePort(range.back(), 65535, high) || high < low)))
                return tr("\"%1\" is not a port (0-65535) or a low-high range").arg(item.trimmed());
        }
        return {};
    case schema::StringFormat::ProtocolList:
        for (const QString& item : items) {
            uint protocol = 0;
            if (!parsePort(item, 255, protocol))
                return tr("\"%1\" is not an IP protocol number (0-255)").arg(item.trimmed());
        }
        return {};
    default:
        return {};
    }
}

} // namespace hcn::ui
