#pragma once
// FieldEditorFactory: picks the editor class for a catalog field (the one place that maps field kinds,
// scalar kinds and string formats to widgets).

#include "editors/form_context.h"
#include "hcn/schema_catalog.h"

class QWidget;

namespace hcn::ui {

class FieldEditor;

class FieldEditorFactory
{
public:
    /// The editor of `field` at `path`. `element`: build the editor of one array element, not the array.
    static FieldEditor* create(const schema::FieldDef* field, const QString& path, const FormContext& context,
                               QWidget* parent, bool element = false);
    /// True when `type` is a policy (a Type enum selecting the Settings type through the catalog's
    /// policy bindings: EndpointPolicy, NetworkPolicy, SubnetPolicy ...).
    static bool isPolicyType(const schema::Catalog& catalog, const schema::TypeDef& type);
};

} // namespace hcn::ui
