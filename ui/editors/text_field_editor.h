#pragma once
// TextFieldEditor: a line edit with an inline validation message, the base of the string-like editors
// (string, GUID, IP address, prefix, MAC, integer). Subclasses say what text is valid and how it maps
// to JSON. Until the user types, value() returns the document's value untouched, so a field of an
// unexpected JSON type survives a round trip.

#include "editors/field_editor.h"

class QLineEdit;

namespace hcn::ui {

class TextFieldEditor : public FieldEditor
{
    Q_OBJECT
public:
    TextFieldEditor(const schema::FieldDef* field, QString path, FormContext context,
                    QWidget* parent = nullptr);

    QJsonValue value() const override;
    void setValue(const QJsonValue& value) override;

    QLineEdit* lineEdit() const { return m_edit; }

protected:
    /// Why `text` (non-empty) is not acceptable; empty when it is.
    virtual QString check(const QString& text) const = 0;
    /// The JSON value of valid, non-empty text (a string unless overridden).
    virtual QJsonValue toJson(const QString& text) const;
    /// The text shown for a document value.
    virtual QString toText(const QJsonValue& value) const;
    void applyReadOnly(bool readOnly) override;
    /// Re-runs check() on the current text (after a subclass changed its rules).
    void revalidate();

private:
    void onTextEdited();

    QLineEdit* m_edit;
    QJsonValue m_original = QJsonValue::Undefined;
    bool m_touched = false;
};

} // namespace hcn::ui
