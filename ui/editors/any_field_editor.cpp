#include "editors/any_field_editor.h"

#include <QJsonDocument>

namespace hcn::ui {
namespace {

// QJsonDocument parses only arrays and objects; wrapping the text accepts scalars too.
QJsonValue parseValue(const QString& text, QJsonParseError* error)
{
    const QByteArray wrapped = "[" + text.toUtf8() + "]";
    const QJsonDocument doc = QJsonDocument::fromJson(wrapped, error);
    if (error->error != QJsonParseError::NoError || doc.array().size() != 1)
        return QJsonValue::Undefined;
    return doc.array().first();
}

} // namespace

QString AnyFieldEditor::check(const QString& text) const
{
    QJsonParseError error{};
    if (!parseValue(text, &error).isUndefined())
        return {};
    return tr("not valid JSON at character %1: %2").arg(qMax(0, error.offset - 1)).arg(error.errorString());
}

QJsonValue AnyFieldEditor::toJson(const QString& text) const
{
    QJsonParseError error{};
    return parseValue(text, &error);
}

} // namespace hcn::ui
