#include "editors/field_editor_factory.h"

#include "editors/any_field_editor.h"
#include "editors/array_field_editor.h"
#include "editors/bool_field_editor.h"
#include "editors/enum_field_editor.h"
#include "editors/flags_field_editor.h"
#include "editors/guid_field_editor.h"
#include "editors/integer_field_editor.h"
#include "editors/ip_address_field_editor.h"
#include "editors/ip_prefix_field_editor.h"
#include "editors/mac_field_editor.h"
#include "editors/object_field_editor.h"
#include "editors/policy_field_editor.h"
#include "editors/string_field_editor.h"

namespace hcn::ui {

bool FieldEditorFactory::isPolicyType(const schema::Catalog& catalog, const schema::TypeDef& type)
{
    const auto* typeField = type.field("Type");
    const auto* settings = type.field("Settings");
    if (!typeField || !settings || typeField->kind != schema::FieldKind::Enum ||
        settings->kind != schema::FieldKind::Any)
        return false;
    for (const auto& binding : catalog.policyBindings())
        if (binding.policyType == type.name)
            return true;
    return false;
}

FieldEditor* FieldEditorFactory::create(const schema::FieldDef* field, const QString& path,
                                        const FormContext& context, QWidget* parent, bool element)
{
    if (field->isArray && !element)
        return new ArrayFieldEditor(field, path, context, parent);
    switch (field->kind) {
    case schema::FieldKind::Scalar:
        switch (field->scalar) {
        case schema::ScalarKind::Bool:
            return new BoolFieldEditor(field, path, context, parent);
        case schema::ScalarKind::UInt8:
        case schema::ScalarKind::UInt16:
        case schema::ScalarKind::UInt32:
        case schema::ScalarKind::UInt64:
            return new IntegerFieldEditor(field, path, context, parent);
        case schema::ScalarKind::Guid:
            return new GuidFieldEditor(field, path, context, parent);
        default:
            break;
        }
        switch (field->format) {
        case schema::StringFormat::IpAddress:
            return new IpAddressFieldEditor(field, path, context, parent);
        case schema::StringFormat::IpPrefix:
        case schema::StringFormat::IpOrPrefix:
            return new IpPrefixFieldEditor(field, path, context, parent);
        case schema::StringFormat::MacAddress:
            return new MacFieldEditor(field, path, context, parent);
        default:
            return new StringFieldEditor(field, path, context, parent);
        }
    case schema::FieldKind::Enum: {
        const auto* def = context.catalog->enumeration(field->typeName);
        if (def && def->bitmask)
            return new FlagsFieldEditor(field, path, context, parent);
        return new EnumFieldEditor(field, path, context, parent);
    }
    case schema::FieldKind::Object: {
        const auto* type = context.catalog->type(field->typeName);
        if (!type)
            return new AnyFieldEditor(field, path, context, parent);
        if (isPolicyType(*context.catalog, *type))
            return new PolicyFieldEditor(field, type, path, context, parent);
        return new ObjectFieldEditor(type, field, path, context, parent);
    }
    case schema::FieldKind::Any:
        return new AnyFieldEditor(field, path, context, parent);
    }
    return new AnyFieldEditor(field, path, context, parent);
}

} // namespace hcn::ui
