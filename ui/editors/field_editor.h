#pragma once
// FieldEditor: the base of every schema-driven field widget. Holds one field's value as JSON, reports an
// inline validation message, and says whether the value is "not set" (the key is then left out of the
// document, so a form never adds fields the user did not touch).

#include "editors/form_context.h"
#include "hcn/schema_catalog.h"

#include <QJsonValue>
#include <QWidget>

class QLabel;

namespace hcn::ui {

class FieldEditor : public QWidget
{
    Q_OBJECT
public:
    /// `path` names the field in the document ("Policies[0].Settings.InternalPort"); it becomes the
    /// objectName ("field:<path>") so views and tests can find the editor.
    FieldEditor(const schema::FieldDef* field, QString path, FormContext context, QWidget* parent = nullptr);

    /// The field's value; QJsonValue::Undefined when not set.
    virtual QJsonValue value() const = 0;
    /// Shows `value` (Undefined: not set) without emitting edited().
    virtual void setValue(const QJsonValue& value) = 0;
    /// The inline message of this editor and of every nested one; empty when valid.
    virtual QStringList validationErrors() const;
    /// Fields and enum values in use that are newer than the host's schema version.
    virtual QStringList versionWarnings() const;

    /// Read-only editors show the value but take no input; `reason` becomes the tooltip.
    virtual void setEditorReadOnly(bool readOnly, const QString& reason = {});
    bool isEditorReadOnly() const { return m_readOnly; }

    const schema::FieldDef* field() const { return m_field; }
    const QString& path() const { return m_path; }
    const FormContext& context() const { return m_context; }

signals:
    /// The user changed the value (never emitted by setValue()).
    void edited();

protected:
    /// Shows `message` under the input (empty: hides it). Subclasses call it as the user types.
    void setInlineMessage(const QString& message);
    QString inlineMessage() const { return m_message; }
    /// The label that shows the inline message; subclasses place it in their layout.
    QLabel* messageLabel() const { return m_messageLabel; }
    /// Called by setEditorReadOnly(); subclasses disable their inputs.
    virtual void applyReadOnly(bool readOnly) = 0;

private:
    const schema::FieldDef* m_field;
    QString m_path;
    FormContext m_context;
    QString m_message;
    QLabel* m_messageLabel;
    bool m_readOnly = false;
};

} // namespace hcn::ui
