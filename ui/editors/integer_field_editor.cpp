#include "editors/integer_field_editor.h"

#include <QLineEdit>
#include <limits>

namespace hcn::ui {
namespace {

quint64 maximumOf(schema::ScalarKind kind)
{
    switch (kind) {
    case schema::ScalarKind::UInt8:
        return 0xFF;
    case schema::ScalarKind::UInt16:
        return 0xFFFF;
    case schema::ScalarKind::UInt32:
        return 0xFFFFFFFFull;
    default:
        return quint64(std::numeric_limits<qint64>::max());
    }
}

} // namespace

IntegerFieldEditor::IntegerFieldEditor(const schema::FieldDef* field, QString path, FormContext context,
                                       QWidget* parent)
    : TextFieldEditor(field, std::move(path), std::move(context), parent),
      m_max(maximumOf(field ? field->scalar : schema::ScalarKind::UInt64))
{
    lineEdit()->setPlaceholderText(tr("not set (0 - %1)").arg(m_max));
}

QString IntegerFieldEditor::check(const QString& text) const
{
    bool ok = false;
    const quint64 number = text.toULongLong(&ok);
    if (!ok)
        return tr("\"%1\" is not a whole number").arg(text);
    if (number > m_max)
        return tr("%1 is out of range (0 - %2)").arg(text).arg(m_max);
    return {};
}

QJsonValue IntegerFieldEditor::toJson(const QString& text) const
{
    return qint64(text.toULongLong());
}

} // namespace hcn::ui
