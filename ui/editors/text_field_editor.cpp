#include "editors/text_field_editor.h"

#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QVBoxLayout>

namespace hcn::ui {

TextFieldEditor::TextFieldEditor(const schema::FieldDef* field, QString path, FormContext context,
                                 QWidget* parent)
    : FieldEditor(field, std::move(path), std::move(context), parent), m_edit(new QLineEdit(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_edit);
    layout->addWidget(messageLabel());
    m_edit->setPlaceholderText(tr("not set"));
    connect(m_edit, &QLineEdit::textEdited, this, &TextFieldEditor::onTextEdited);
}

QJsonValue TextFieldEditor::value() const
{
    if (!m_touched)
        return m_original;
    const QString text = m_edit->text().trimmed();
    if (text.isEmpty())
        return m_original.isString() && m_original.toString().isEmpty() ? m_original
                                                                        : QJsonValue(QJsonValue::Undefined);
    // Invalid text still goes into the document (the raw tab shows it and Apply stays disabled), so the
    // user's typing is never lost when switching tabs.
    if (!check(text).isEmpty())
        return text;
    return toJson(text);
}

void TextFieldEditor::setValue(const QJsonValue& value)
{
    m_original = value;
    m_touched = false;
    const QString text = toText(value);
    if (m_edit->text() != text)
        m_edit->setText(text);
    setInlineMessage(text.isEmpty() ? QString() : check(text));
}

QJsonValue TextFieldEditor::toJson(const QString& text) const
{
    return text;
}

QString TextFieldEditor::toText(const QJsonValue& value) const
{
    switch (value.type()) {
    case QJsonValue::Undefined:
    case QJsonValue::Null:
        return {};
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        return value.toVariant().toString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

void TextFieldEditor::applyReadOnly(bool readOnly)
{
    m_edit->setReadOnly(readOnly);
    // A read-only field looks it: the window's background instead of the input's, no frame.
    QPalette palette = m_edit->parentWidget() ? m_edit->parentWidget()->palette() : m_edit->palette();
    if (readOnly)
        palette.setColor(QPalette::Base, palette.color(QPalette::Window));
    m_edit->setPalette(palette);
    m_edit->setFrame(!readOnly);
}

void TextFieldEditor::revalidate()
{
    const QString text = m_edit->text().trimmed();
    setInlineMessage(text.isEmpty() ? QString() : check(text));
}

void TextFieldEditor::onTextEdited()
{
    m_touched = true;
    revalidate();
    emit edited();
}

} // namespace hcn::ui
