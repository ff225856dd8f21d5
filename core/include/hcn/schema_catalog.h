#pragma once
// The HCN v2 schema as data: every type, field, enum and enum value with its since-version.
// Toolkit-neutral: the engine validates with it and the console builds its editors from it.

#include "hcn/schema_version.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hcn::schema {

/// What a field holds, beyond its JSON type; drives validation and the editor widget.
enum class ScalarKind
{
    None, ///< not a scalar (object, enum, Any)
    String,
    Bool,
    UInt8,
    UInt16,
    UInt32,
    UInt64,
    Guid,
    ByteArray
};

/// Extra format of a string field, from the catalog's format annotations.
enum class StringFormat
{
    None,
    IpAddress,   ///< "10.0.0.4" or "fd00::4"
    IpPrefix,    ///< "10.0.0.0/24"
    IpOrPrefix,  ///< either of the above
    IpList,      ///< comma-separated addresses/prefixes (ACL LocalAddresses)
    MacAddress,  ///< dash or colon MAC
    PortList,    ///< "80", "80,443", "1000-2000"
    ProtocolList ///< "6", "6,17"
};

enum class FieldKind
{
    Scalar,
    Enum,
    Object, ///< a named schema type
    Any     ///< free-form JSON (e.g. policy Settings, chosen by the sibling Type)
};

struct EnumValue
{
    std::string name;
    std::int64_t numeric = 0;
    SchemaVersion since;
    std::string description;
};

struct EnumDef
{
    std::string name;
    bool bitmask = false;
    /// True when the engine writes this enum as an integer (bitmasks, ProtocolType,
    /// LoadBalancerDistribution).
    bool emitNumeric = false;
    std::vector<EnumValue> values;

    /// Case-insensitive lookup by name.
    const EnumValue* find(std::string_view name) const;
    const EnumValue* findNumeric(std::int64_t numeric) const;
    /// For bitmasks: true when every set bit is a known flag.
    bool validMask(std::uint64_t mask) const;
};

struct FieldDef
{
    std::string name;
    FieldKind kind = FieldKind::Scalar;
    bool isArray = false;
    ScalarKind scalar = ScalarKind::None;
    StringFormat format = StringFormat::None;
    std::string typeName; ///< enum or object type name for Enum/Object fields; scalar name otherwise
    SchemaVersion since;
    std::string description;
    bool readOnly = false; ///< populated by the service (Health, Version ...)
    /// Other names accepted on input (OutboundNat ExceptionList -> Exceptions); output uses name.
    std::vector<std::string> aliases;
};

struct TypeDef
{
    std::string name;
    std::string description;
    std::vector<std::string> derivedFrom;
    std::vector<FieldDef> fields;

    /// Case-insensitive lookup by field name.
    const FieldDef* field(std::string_view name) const;
};

/// Which settings type a policy Type value selects ("EndpointPolicy", "PortMapping") ->
/// "PortMappingPolicySetting".
struct PolicySettingsBinding
{
    std::string policyType;   ///< EndpointPolicy, NetworkPolicy or SubnetPolicy
    std::string value;        ///< policy Type enum value
    std::string settingsType; ///< empty when the policy takes no settings
};

class Catalog
{
public:
    /// The catalog compiled into the core from resources/schema/hcn-schema-catalog.json.
    static const Catalog& builtin();
    /// Builds a catalog from catalog JSON text; throws std::runtime_error on a malformed catalog.
    static std::unique_ptr<Catalog> fromJson(std::string_view text);

    const TypeDef* type(std::string_view name) const;
    const EnumDef* enumeration(std::string_view name) const;
    const std::vector<TypeDef>& types() const { return m_types; }
    const std::vector<EnumDef>& enums() const { return m_enums; }
    /// Settings type for a policy, e.g. settingsTypeFor("EndpointPolicy", "ACL") == "AclPolicySetting".
    std::optional<std::string> settingsTypeFor(std::string_view policyType, std::string_view value) const;
    const std::vector<PolicySettingsBinding>& policyBindings() const { return m_bindings; }
    /// The newest schema version any field or value was introduced in.
    SchemaVersion newestVersion() const { return m_newest; }

private:
    std::vector<TypeDef> m_types;
    std::vector<EnumDef> m_enums;
    std::vector<PolicySettingsBinding> m_bindings;
    SchemaVersion m_newest;
};

} // namespace hcn::schema
