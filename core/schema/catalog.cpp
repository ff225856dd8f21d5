#include "common/text.h"
#include "hcn/schema_catalog.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <utility>

namespace hcn::schema {

namespace detail {
// Defined in the file cmake/EmbedText.cmake generates from resources/schema/hcn-schema-catalog.json.
extern const char kBuiltinCatalogJson[];
extern const std::size_t kBuiltinCatalogJsonSize;
} // namespace detail

namespace {

using nlohmann::json;

bool lessIgnoreCase(std::string_view a, std::string_view b)
{
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                        [](char x, char y) { return lowerAscii(x) < lowerAscii(y); });
}

[[noreturn]] void malformed(const std::string& what)
{
    throw std::runtime_error("malformed schema catalog: " + what);
}

std::string memberStringOr(const json& object, const char* key, std::string fallback = {})
{
    auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return fallback;
    if (!it->is_string())
        malformed(std::string("\"") + key + "\" must be a string");
    return it->get<std::string>();
}

SchemaVersion versionOf(const json& object, const std::string& where)
{
    const std::string text = memberStringOr(object, "since");
    if (text.empty())
        return {};
    auto version = SchemaVersion::parse(text);
    if (!version)
        malformed(where + ": bad since \"" + text + "\"");
    return *version;
}

const json& arrayAt(const json& object, const char* key, const std::string& where)
{
    static const json empty = json::array();
    auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return empty;
    if (!it->is_array())
        malformed(where + ": \"" + key + "\" must be an array");
    return *it;
}

ScalarKind scalarFromName(const std::string& name, const std::string& where)
{
    static const std::pair<const char*, ScalarKind> kinds[] = {
        {"string", ScalarKind::String}, {"bool", ScalarKind::Bool},           {"uint8", ScalarKind::UInt8},
        {"uint16", ScalarKind::UInt16}, {"uint32", ScalarKind::UInt32},       {"uint64", ScalarKind::UInt64},
        {"Guid", ScalarKind::Guid},     {"ByteArray", ScalarKind::ByteArray},
    };
    if (name.empty())
        return ScalarKind::None;
    for (const auto& [text, kind] : kinds) {
        if (name == text)
            return kind;
    }
    malformed(where + ": unknown scalar \"" + name + "\"");
}

StringFormat formatFromName(const std::string& name, const std::string& where)
{
    static const std::pair<const char*, StringFormat> formats[] = {
        {"IpAddress", StringFormat::IpAddress},       {"IpPrefix", StringFormat::IpPrefix},
        {"IpOrPrefix", StringFormat::IpOrPrefix},     {"IpList", StringFormat::IpList},
        {"MacAddress", StringFormat::MacAddress},     {"PortList", StringFormat::PortList},
        {"ProtocolList", StringFormat::ProtocolList},
    };
    if (name.empty())
        return StringFormat::None;
    for (const auto& [text, format] : formats) {
        if (name == text)
            return format;
    }
    malformed(where + ": unknown format \"" + name + "\"");
}

FieldKind fieldKindFromName(const std::string& name, const std::string& where)
{
    if (name == "scalar")
        return FieldKind::Scalar;
    if (name == "enum")
        return FieldKind::Enum;
    if (name == "object")
        return FieldKind::Object;
    if (name == "any")
        return FieldKind::Any;
    malformed(where + ": unknown field kind \"" + name + "\"");
}

FieldDef parseField(const json& entry, const std::string& typeName)
{
    if (!entry.is_object())
        malformed(typeName + ": a field entry is not an object");
    FieldDef field;
    field.name = memberStringOr(entry, "name");
    const std::string where = typeName + "." + field.name;
    if (field.name.empty())
        malformed(typeName + ": a field has no name");
    field.kind = fieldKindFromName(memberStringOr(entry, "kind", "scalar"), where);
    field.isArray = entry.value("isArray", false);
    field.scalar = scalarFromName(memberStringOr(entry, "scalar"), where);
    field.format = formatFromName(memberStringOr(entry, "format"), where);
    field.typeName = memberStringOr(entry, "typeName");
    field.since = versionOf(entry, where);
    field.description = memberStringOr(entry, "description");
    field.readOnly = entry.value("readOnly", false);
    if (field.kind == FieldKind::Scalar && field.scalar == ScalarKind::None)
        malformed(where + ": a scalar field needs \"scalar\"");
    if (field.format != StringFormat::None && field.scalar != ScalarKind::String)
        malformed(where + ": a format needs a string field");
    for (const auto& alias : arrayAt(entry, "aliases", where)) {
        if (!alias.is_string())
            malformed(where + ": aliases must be strings");
        field.aliases.push_back(alias.get<std::string>());
    }
    return field;
}

} // namespace

const EnumValue* EnumDef::find(std::string_view valueName) const
{
    for (const auto& value : values) {
        if (equalsIgnoreCase(value.name, valueName))
            return &value;
    }
    return nullptr;
}

const EnumValue* EnumDef::findNumeric(std::int64_t numeric) const
{
    for (const auto& value : values) {
        if (value.numeric == numeric)
            return &value;
    }
    return nullptr;
}

bool EnumDef::validMask(std::uint64_t mask) const
{
    std::uint64_t known = 0;
    for (const auto& value : values)
        known |= static_cast<std::uint64_t>(value.numeric);
    return (mask & ~known) == 0;
}

const FieldDef* TypeDef::field(std::string_view fieldName) const
{
    // Exact spelling first: L4ProxyPolicySetting knows both OutboundNat (docs) and OutboundNAT (hcsshim).
    for (const auto& f : fields) {
        if (f.name == fieldName)
            return &f;
    }
    for (const auto& f : fields) {
        if (equalsIgnoreCase(f.name, fieldName))
            return &f;
    }
    for (const auto& f : fields) {
        for (const auto& alias : f.aliases)
            if (equalsIgnoreCase(alias, fieldName))
                return &f;
    }
    return nullptr;
}

const Catalog& Catalog::builtin()
{
    static const std::unique_ptr<Catalog> catalog = [] {
        try {
            return fromJson(std::string_view(detail::kBuiltinCatalogJson, detail::kBuiltinCatalogJsonSize));
        } catch (const std::exception& error) {
            // The embedded catalog is part of the build; a broken one is a build defect, not a runtime state.
            std::fprintf(stderr, "hcn: the built-in schema catalog is unusable: %s\n", error.what());
            std::abort();
        }
    }();
    return *catalog;
}

std::unique_ptr<Catalog> Catalog::fromJson(std::string_view text)
{
    json root;
    try {
        root = json::parse(text.begin(), text.end());
    } catch (const json::exception& error) {
        malformed(error.what());
    }
    if (!root.is_object())
        malformed("the top level is not an object");

    auto catalog = std::make_unique<Catalog>();
    try {
        for (const auto& entry : arrayAt(root, "types", "catalog")) {
            if (!entry.is_object())
                malformed("a type entry is not an object");
            TypeDef type;
            type.name = memberStringOr(entry, "name");
            if (type.name.empty())
                malformed("a type has no name");
            type.description = memberStringOr(entry, "description");
            for (const auto& parent : arrayAt(entry, "derivedFrom", type.name))
                type.derivedFrom.push_back(parent.get<std::string>());
            for (const auto& fieldEntry : arrayAt(entry, "fields", type.name))
                type.fields.push_back(parseField(fieldEntry, type.name));
            catalog->m_types.push_back(std::move(type));
        }

        for (const auto& entry : arrayAt(root, "enums", "catalog")) {
            if (!entry.is_object())
                malformed("an enum entry is not an object");
            EnumDef enumDef;
            enumDef.name = memberStringOr(entry, "name");
            if (enumDef.name.empty())
                malformed("an enum has no name");
            enumDef.bitmask = entry.value("bitmask", false);
            enumDef.emitNumeric = entry.value("emitNumeric", false);
            for (const auto& valueEntry : arrayAt(entry, "values", enumDef.name)) {
                EnumValue value;
                value.name = memberStringOr(valueEntry, "name");
                const std::string where = enumDef.name + "." + value.name;
                if (value.name.empty())
                    malformed(enumDef.name + ": a value has no name");
                if (!valueEntry.contains("numeric") || !valueEntry["numeric"].is_number_integer())
                    malformed(where + ": numeric must be an integer");
                value.numeric = valueEntry["numeric"].get<std::int64_t>();
                value.since = versionOf(valueEntry, where);
                value.description = memberStringOr(valueEntry, "description");
                if (enumDef.find(value.name))
                    malformed(where + ": duplicate value name");
                if (enumDef.bitmask && value.numeric < 0)
                    malformed(where + ": a negative flag");
                enumDef.values.push_back(std::move(value));
            }
            catalog->m_enums.push_back(std::move(enumDef));
        }

        for (const auto& entry : arrayAt(root, "policyBindings", "catalog")) {
            PolicySettingsBinding binding;
            binding.policyType = memberStringOr(entry, "policyType");
            binding.value = memberStringOr(entry, "value");
            binding.settingsType = memberStringOr(entry, "settingsType");
            catalog->m_bindings.push_back(std::move(binding));
        }
    } catch (const json::exception& error) {
        malformed(error.what());
    }

    // Sorted case-insensitively so type() and enumeration() can binary-search; the console lists them this
    // way.
    auto byName = [](const auto& a, const auto& b) { return lessIgnoreCase(a.name, b.name); };
    std::stable_sort(catalog->m_types.begin(), catalog->m_types.end(), byName);
    std::stable_sort(catalog->m_enums.begin(), catalog->m_enums.end(), byName);
    for (std::size_t i = 1; i < catalog->m_types.size(); ++i) {
        if (equalsIgnoreCase(catalog->m_types[i - 1].name, catalog->m_types[i].name))
            malformed("duplicate type " + catalog->m_types[i].name);
    }
    for (std::size_t i = 1; i < catalog->m_enums.size(); ++i) {
        if (equalsIgnoreCase(catalog->m_enums[i - 1].name, catalog->m_enums[i].name))
            malformed("duplicate enum " + catalog->m_enums[i].name);
    }

    // References must resolve, so the normalizer and the editors never meet a dangling type name.
    SchemaVersion newest;
    for (const auto& type : catalog->m_types) {
        for (const auto& field : type.fields) {
            const std::string where = type.name + "." + field.name;
            if (field.kind == FieldKind::Enum && !catalog->enumeration(field.typeName))
                malformed(where + ": unknown enum " + field.typeName);
            if (field.kind == FieldKind::Object && !catalog->type(field.typeName))
                malformed(where + ": unknown type " + field.typeName);
            newest = std::max(newest, field.since);
        }
    }
    for (const auto& enumDef : catalog->m_enums) {
        for (const auto& value : enumDef.values)
            newest = std::max(newest, value.since);
    }
    for (const auto& binding : catalog->m_bindings) {
        const TypeDef* owner = catalog->type(binding.policyType);
        const FieldDef* typeField = owner ? owner->field("Type") : nullptr;
        const EnumDef* values = typeField && typeField->kind == FieldKind::Enum
                                    ? catalog->enumeration(typeField->typeName)
                                    : nullptr;
        if (!values)
            malformed("binding for " + binding.policyType + ", which has no enum Type field");
        if (!values->find(binding.value))
            malformed("binding " + binding.policyType + "." + binding.value + ": not a " + values->name +
                      " value");
        if (!binding.settingsType.empty() && !catalog->type(binding.settingsType))
            malformed("binding " + binding.policyType + "." + binding.value + ": unknown type " +
                      binding.settingsType);
    }
    catalog->m_newest = newest;
    return catalog;
}

const TypeDef* Catalog::type(std::string_view name) const
{
    auto it =
        std::lower_bound(m_types.begin(), m_types.end(), name,
                         [](const TypeDef& t, std::string_view n) { return lessIgnoreCase(t.name, n); });
    if (it != m_types.end() && equalsIgnoreCase(it->name, name))
        return &*it;
    return nullptr;
}

const EnumDef* Catalog::enumeration(std::string_view name) const
{
    auto it =
        std::lower_bound(m_enums.begin(), m_enums.end(), name,
                         [](const EnumDef& e, std::string_view n) { return lessIgnoreCase(e.name, n); });
    if (it != m_enums.end() && equalsIgnoreCase(it->name, name))
        return &*it;
    return nullptr;
}

std::optional<std::string> Catalog::settingsTypeFor(std::string_view policyType, std::string_view value) const
{
    for (const auto& binding : m_bindings) {
        if (equalsIgnoreCase(binding.policyType, policyType) && equalsIgnoreCase(binding.value, value))
            return binding.settingsType;
    }
    return std::nullopt;
}

} // namespace hcn::schema
