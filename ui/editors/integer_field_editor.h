#pragma once
// IntegerFieldEditor: an unsigned integer field with the range of its scalar kind (uint8 .. uint64).

#include "editors/text_field_editor.h"

namespace hcn::ui {

class IntegerFieldEditor : public TextFieldEditor
{
    Q_OBJECT
public:
    IntegerFieldEditor(const schema::FieldDef* field, QString path, FormContext context,
                       QWidget* parent = nullptr);

    /// The largest accepted value (255, 65535, 4294967295 or 2^63-1: QJsonValue holds qint64 exactly).
    quint64 maximum() const { return m_max; }

protected:
    QString check(const QString& text) const override;
    QJsonValue toJson(const QString& text) const override;

private:
    quint64 m_max;
};

} // namespace hcn::ui
