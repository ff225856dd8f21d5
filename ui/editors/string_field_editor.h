#pragma once
// StringFieldEditor: a free string, or one of the catalog's list formats (IpList, PortList,
// ProtocolList) checked item by item.

#include "editors/text_field_editor.h"

namespace hcn::ui {

class StringFieldEditor : public TextFieldEditor
{
    Q_OBJECT
public:
    StringFieldEditor(const schema::FieldDef* field, QString path, FormContext context,
                      QWidget* parent = nullptr);

protected:
    QString check(const QString& text) const override;
};

} // namespace hcn::ui
