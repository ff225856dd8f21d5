#include "editors/field_editor.h"

#include <QLabel>

namespace hcn::ui {

FieldEditor::FieldEditor(const schema::FieldDef* field, QString path, FormContext context, QWidget* parent)
    : QWidget(parent), m_field(field), m_path(std::move(path)), m_context(std::move(context)),
      m_messageLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("field:") + m_path);
    m_messageLabel->setObjectName(QStringLiteral("inlineMessage"));
    m_messageLabel->setWordWrap(true);
    // The palette's "negative" colour is not portable across styles; a fixed red reads as an error in
    // both light and dark themes.
    m_messageLabel->setStyleSheet(QStringLiteral("color: #d03030;"));
    m_messageLabel->hide();
}

QStringList FieldEditor::validationErrors() const
{
    if (m_message.isEmpty())
        return {};
    return {m_path + QStringLiteral(": ") + m_message};
}

QStringList FieldEditor::versionWarnings() const
{
    if (!m_field || value().isUndefined() || m_field->since <= m_context.hostSchema)
        return {};
    return {tr("%1 needs schema %2; the host speaks %3")
                .arg(m_path, QString::fromStdString(m_field->since.toString()),
                     QString::fromStdString(m_context.hostSchema.toString()))};
}

void FieldEditor::setEditorReadOnly(bool readOnly, const QString& reason)
{
    m_readOnly = readOnly;
    setToolTip(reason);
    applyReadOnly(readOnly);
}

void FieldEditor::setInlineMessage(const QString& message)
{
    if (message == m_message)
        return;
    m_message = message;
    m_messageLabel->setText(message);
    m_messageLabel->setVisible(!message.isEmpty());
}

} // namespace hcn::ui
