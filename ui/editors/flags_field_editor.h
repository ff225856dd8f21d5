#pragma once
// FlagsFieldEditor: a bitmask enum (NetworkFlags, LoadBalancerFlags ...) as one check box per flag.
// Bits the catalog does not name are kept and reported inline.

#include "editors/field_editor.h"

#include <QList>

class QCheckBox;

namespace hcn::ui {

class FlagsFieldEditor : public FieldEditor
{
    Q_OBJECT
public:
    FlagsFieldEditor(const schema::FieldDef* field, QString path, FormContext context,
                     QWidget* parent = nullptr);

    QJsonValue value() const override;
    void setValue(const QJsonValue& value) override;
    QStringList versionWarnings() const override;
    /// The box of the flag called `name`, or null.
    QCheckBox* flagBox(const QString& name) const;

protected:
    void applyReadOnly(bool readOnly) override;

private:
    quint64 mask() const;

    const schema::EnumDef* m_enum;
    QList<QCheckBox*> m_boxes; ///< parallel to the enum's non-zero values
    QList<quint64> m_bits;
    quint64 m_unknownBits = 0;
    QJsonValue m_original = QJsonValue::Undefined;
    bool m_touched = false;
};

} // namespace hcn::ui
