#pragma once
// GuidFieldEditor: a GUID field (object IDs and references), checked with the core's parser.

#include "editors/text_field_editor.h"

namespace hcn::ui {

class GuidFieldEditor : public TextFieldEditor
{
    Q_OBJECT
public:
    using TextFieldEditor::TextFieldEditor;

protected:
    QString check(const QString& text) const override;
};

} // namespace hcn::ui
