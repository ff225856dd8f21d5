#pragma once
// EnumFieldEditor: a combo of an enum's values, each with its since-version; values newer than the
// host's schema are marked, and choosing one shows a warning. A document value the catalog does not
// know is kept as an extra entry so it survives a round trip.

#include "editors/field_editor.h"

class QComboBox;

namespace hcn::ui {

class EnumFieldEditor : public FieldEditor
{
    Q_OBJECT
public:
    EnumFieldEditor(const schema::FieldDef* field, QString path, FormContext context,
                    QWidget* parent = nullptr);

    QJsonValue value() const override;
    void setValue(const QJsonValue& value) override;
    QStringList versionWarnings() const override;
    QComboBox* comboBox() const { return m_combo; }
    /// The selected value's name (empty when not set).
    QString currentName() const;

protected:
    void applyReadOnly(bool readOnly) override;

private:
    void fill();
    void updateWarning();
    const schema::EnumValue* selectedValue() const;

    const schema::EnumDef* m_enum;
    QComboBox* m_combo;
    QJsonValue m_original = QJsonValue::Undefined;
    bool m_touched = false;
};

} // namespace hcn::ui
