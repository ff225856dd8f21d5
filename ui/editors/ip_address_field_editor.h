#pragma once
// IpAddressFieldEditor: one IPv4 or IPv6 address, checked with the core's parser.

#include "editors/text_field_editor.h"

namespace hcn::ui {

class IpAddressFieldEditor : public TextFieldEditor
{
    Q_OBJECT
public:
    using TextFieldEditor::TextFieldEditor;

protected:
    QString check(const QString& text) const override;
};

} // namespace hcn::ui
