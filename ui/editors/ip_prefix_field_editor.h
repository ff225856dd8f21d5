#pragma once
// IpPrefixFieldEditor: an address prefix ("10.0.0.0/24"); IpOrPrefix fields also take a plain address and
// host bits.

#include "editors/text_field_editor.h"

namespace hcn::ui {

class IpPrefixFieldEditor : public TextFieldEditor
{
    Q_OBJECT
public:
    using TextFieldEditor::TextFieldEditor;

protected:
    QString check(const QString& text) const override;
};

} // namespace hcn::ui
