#pragma once
// BoolFieldEditor: a tri-state check box; the middle state means "not set" (the service default).

#include "editors/field_editor.h"

class QCheckBox;

namespace hcn::ui {

class BoolFieldEditor : public FieldEditor
{
    Q_OBJECT
public:
    BoolFieldEditor(const schema::FieldDef* field, QString path, FormContext context,
                    QWidget* parent = nullptr);

    QJsonValue value() const override;
    void setValue(const QJsonValue& value) override;
    QCheckBox* checkBox() const { return m_box; }

protected:
    void applyReadOnly(bool readOnly) override;

private:
    QCheckBox* m_box;
    QJsonValue m_original = QJsonValue::Undefined;
    bool m_touched = false;
};

} // namespace hcn::ui
