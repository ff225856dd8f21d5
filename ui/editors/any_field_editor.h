#pragma once
// AnyFieldEditor: a free-form JSON value (AdditionalParams, settings of a policy the catalog has no
// settings type for, namespace resource Data), edited as compact JSON text.

#include "editors/text_field_editor.h"

namespace hcn::ui {

class AnyFieldEditor : public TextFieldEditor
{
    Q_OBJECT
public:
    using TextFieldEditor::TextFieldEditor;

protected:
    QString check(const QString& text) const override;
    QJsonValue toJson(const QString& text) const override;
};

} // namespace hcn::ui
