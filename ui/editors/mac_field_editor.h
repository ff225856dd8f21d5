#pragma once
// MacFieldEditor: a MAC address, dash or colon separated, checked with the core's parser.

#include "editors/text_field_editor.h"

namespace hcn::ui {

class MacFieldEditor : public TextFieldEditor
{
    Q_OBJECT
public:
    using TextFieldEditor::TextFieldEditor;

protected:
    QString check(const QString& text) const override;
};

} // namespace hcn::ui
