#include "hcn/schema_normalizer.h"

#include "common/ip_protocols.h"
#include "common/port_ranges.h"
#include "common/text.h"
#include "common/utf8.h"
#include "hcn/ip_address.h"
#include "hcn/json_limits.h"
#include "hcn/mac_address.h"

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace hcn::schema {

namespace {

using nlohmann::json;

/// What kind of mistake was found; the HRESULT follows from it and from where it was found.
enum class Problem
{
    Json,        ///< wrong JSON type, number out of range, conflicting keys
    Guid,        ///< text that is not a GUID
    Ip,          ///< text that is not an address
    Prefix,      ///< text that is not a prefix, or has host bits set
    NetworkType, ///< unknown NetworkMode
    PolicyType,  ///< unknown policy Type
    Value        ///< other unknown enum values, bad MACs, bad lists
};

/// Splits on any of the separators; empty items are kept so "10.0.0.1,,10.0.0.2" can be reported.
std::vector<std::string_view> split(std::string_view text, std::string_view separators)
{
    std::vector<std::string_view> items;
    std::size_t start = 0;
    while (true) {
        const auto at = text.find_first_of(separators, start);
        items.push_back(trimBlanks(
            text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start)));
        if (at == std::string_view::npos)
            return items;
        start = at + 1;
    }
}

const char* jsonKind(const json& value)
{
    switch (value.type()) {
    case json::value_t::null:
        return "null";
    case json::value_t::boolean:
        return "a boolean";
    case json::value_t::string:
        return "a string";
    case json::value_t::array:
        return "an array";
    case json::value_t::object:
        return "an object";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
        return "a number";
    default:
        return "an unsupported value";
    }
}

/// The offending value as the client wrote it, short enough for one line of an error record.
std::string shown(const json& value)
{
    std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
    constexpr std::size_t limit = 80;
    if (text.size() > limit)
        text = std::string(utf8Prefix(text, limit - 3)) + "...";
    return text;
}

std::string quotedText(std::string_view text)
{
    return shown(json(std::string(text)));
}

/// Reads a JSON number as an unsigned integer; nullopt for negative, fractional or too large numbers.
std::optional<std::uint64_t> unsignedOf(const json& value)
{
    if (value.is_number_unsigned())
        return value.get<std::uint64_t>();
    if (value.is_number_integer()) {
        const auto n = value.get<std::int64_t>();
        if (n < 0)
            return std::nullopt;
        return static_cast<std::uint64_t>(n);
    }
    if (value.is_number_float()) {
        // 8.0 is an integer written by a script; 8.5, -1.0 and 1e30 are not usable.
        const double d = value.get<double>();
        if (!std::isfinite(d) || d < 0 || std::floor(d) != d || d >= 18446744073709551616.0)
            return std::nullopt;
        return static_cast<std::uint64_t>(d);
    }
    return std::nullopt;
}

struct ScalarRange
{
    const char* name;
    std::uint64_t max;
};

ScalarRange rangeOf(ScalarKind kind)
{
    switch (kind) {
    case ScalarKind::UInt8:
        return {"an unsigned 8-bit integer (0-255)", 0xFF};
    case ScalarKind::UInt16:
        return {"an unsigned 16-bit integer (0-65535)", 0xFFFF};
    case ScalarKind::UInt32:
        return {"an unsigned 32-bit integer (0-4294967295)", 0xFFFFFFFF};
    default:
        return {"an unsigned 64-bit integer", std::numeric_limits<std::uint64_t>::max()};
    }
}

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/// The schema's Guid pattern: ^[0-9A-Fa-f]{8}-([0-9A-Fa-f]{4}-){3}[0-9A-Fa-f]{12}$ (no braces).
bool matchesGuidPattern(std::string_view text)
{
    if (text.size() != 36)
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? text[i] != '-' : !isHex(text[i]))
            return false;
    }
    return true;
}

std::string valueList(const EnumDef& enumDef, bool withNumbers)
{
    std::string list;
    for (const auto& value : enumDef.values) {
        if (!list.empty())
            list += ", ";
        list += value.name;
        if (withNumbers)
            list += "=" + std::to_string(value.numeric);
    }
    return list;
}

std::string withArticle(std::string_view name)
{
    const bool vowel =
        !name.empty() && std::string_view("AEIOU").find(name.front()) != std::string_view::npos;
    return (vowel ? "an " : "a ") + std::string(name);
}

/// "\"SCTP\" is not a ProtocolType value (Unknown, ICMPv4, IGMP, TCP, UDP, ICMPv6)".
std::string notAValue(const std::string& shownValue, const EnumDef& enumDef, bool withNumbers)
{
    return shownValue + " is not " + withArticle(enumDef.name) + (enumDef.bitmask ? " flag (" : " value (") +
           valueList(enumDef, withNumbers) + ")";
}

/// The canonical spelling: the name, or the integer for enums the engine emits numerically.
void setEnumValue(json& value, const EnumDef& enumDef, const EnumValue& found)
{
    if (enumDef.emitNumeric)
        value = found.numeric;
    else
        value = found.name;
}

void setEnumMask(json& value, const EnumDef& enumDef, std::uint64_t mask)
{
    value = mask;
    if (!enumDef.emitNumeric) {
        // Only a catalog without the emitNumeric rule gets here; a mask that is one name is written as that
        // name.
        if (const EnumValue* single = enumDef.findNumeric(static_cast<std::int64_t>(mask)))
            value = single->name;
    }
}

/// Field path kept as segments and only formatted when something is reported.
class Path
{
public:
    void pushField(std::string_view name) { m_segments.push_back({name, 0, false}); }
    void pushIndex(std::size_t index) { m_segments.push_back({{}, index, true}); }
    void pop() { m_segments.pop_back(); }

    std::string toString() const
    {
        std::string text;
        for (const auto& segment : m_segments) {
            if (segment.isIndex) {
                text += "[" + std::to_string(segment.index) + "]";
            } else {
                if (!text.empty())
                    text += '.';
                text += segment.name;
            }
        }
        return text;
    }

private:
    struct Segment
    {
        std::string_view name; // a catalog field name: outlives the walk
        std::size_t index;
        bool isIndex;
    };
    std::vector<Segment> m_segments;
};

class Normalizer
{
public:
    Normalizer(const Catalog& catalog, HResult documentCode)
        : m_catalog(catalog), m_documentCode(documentCode)
    {
        for (const auto& binding : catalog.policyBindings())
            m_policyOwners.insert(binding.policyType);
    }

    Status object(json& doc, const TypeDef& type, bool inSettings);

private:
    Status fail(Problem problem, bool inSettings, const std::string& what) const;
    Status renameKeys(json& doc, const TypeDef& type, bool inSettings);
    Status field(json& value, const FieldDef& field, bool inSettings, Problem enumProblem);
    Status element(json& value, const FieldDef& field, bool inSettings, Problem enumProblem);
    Status scalar(json& value, const FieldDef& field, bool inSettings);
    Status formatted(json& value, StringFormat format, bool inSettings);
    Status enumerated(json& value, const EnumDef& enumDef, bool inSettings, Problem problem);
    Status policySettings(json& doc, const TypeDef& type, const FieldDef* typeField,
                          const FieldDef& settings);

    bool isPolicyOwner(const TypeDef& type) const { return m_policyOwners.count(type.name) != 0; }

    const Catalog& m_catalog;
    HResult m_documentCode;
    std::set<std::string, std::less<>> m_policyOwners;
    Path m_path;
};

Status Normalizer::fail(Problem problem, bool inSettings, const std::string& what) const
{
    HResult code = m_documentCode;
    switch (problem) {
    case Problem::Guid:
        code = hr::GuidConversionFailure;
        break;
    case Problem::Ip:
        code = hr::InvalidIp;
        break;
    case Problem::Prefix:
        code = hr::InvalidPrefix;
        break;
    case Problem::Json:
        code = inSettings ? hr::InvalidPolicy : hr::InvalidJson;
        break;
    case Problem::NetworkType:
        code = inSettings ? hr::InvalidPolicy : hr::InvalidNetworkType;
        break;
    case Problem::PolicyType:
        code = inSettings ? hr::InvalidPolicy : hr::InvalidPolicyType;
        break;
    case Problem::Value:
        code = inSettings ? hr::InvalidPolicy : m_documentCode;
        break;
    }
    const std::string path = m_path.toString();
    return Status(code, path.empty() ? what : path + ": " + what);
}

Status Normalizer::renameKeys(json& doc, const TypeDef& type, bool inSettings)
{
    std::vector<std::pair<std::string, const FieldDef*>> renames;
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        const FieldDef* f = type.field(it.key());
        if (f && it.key() != f->name)
            renames.emplace_back(it.key(), f);
    }
    for (auto& [key, f] : renames) {
        json value = std::move(doc[key]);
        doc.erase(key);
        auto existing = doc.find(f->name);
        if (existing != doc.end()) {
            // "ID" and "Id", or Exceptions and its alias ExceptionList: harmless when they agree.
            if (*existing == value)
                continue;
            m_path.pushField(f->name);
            Status status = fail(Problem::Json, inSettings,
                                 quotedText(key) + " and " + quotedText(f->name) + " both set this field, " +
                                     "with different values");
            m_path.pop();
            return status;
        }
        doc[f->name] = std::move(value);
    }
    return Status::success();
}

Status Normalizer::object(json& doc, const TypeDef& type, bool inSettings)
{
    if (Status status = renameKeys(doc, type, inSettings); !status)
        return status;

    const bool policy = isPolicyOwner(type);
    const FieldDef* typeField = policy ? type.field("Type") : nullptr;
    const FieldDef* settingsField = policy ? type.field("Settings") : nullptr;
    if (typeField) {
        // The Type decides how Settings is read, so it is settled first.
        if (auto it = doc.find(typeField->name); it != doc.end()) {
            m_path.pushField(typeField->name);
            Status status = field(*it, *typeField, inSettings, Problem::PolicyType);
            m_path.pop();
            if (!status)
                return status;
        }
    }

    for (const auto& f : type.fields) {
        if (&f == typeField)
            continue;
        if (&f == settingsField) {
            if (Status status = policySettings(doc, type, typeField, f); !status)
                return status;
            continue;
        }
        auto it = doc.find(f.name);
        if (it == doc.end())
            continue;
        m_path.pushField(f.name);
        const EnumDef* enumDef = f.kind == FieldKind::Enum ? m_catalog.enumeration(f.typeName) : nullptr;
        const Problem enumProblem =
            enumDef && equalsIgnoreCase(enumDef->name, "NetworkMode") ? Problem::NetworkType : Problem::Value;
        Status status = field(*it, f, inSettings, enumProblem);
        m_path.pop();
        if (!status)
            return status;
    }
    return Status::success();
}

Status Normalizer::policySettings(json& doc, const TypeDef& type, const FieldDef* typeField,
                                  const FieldDef& settings)
{
    auto it = doc.find(settings.name);
    if (it == doc.end() || it->is_null() || !typeField)
        return Status::success();
    // Type is already canonical here: a name, or a number for an enum the catalog emits numerically.
    auto typeIt = doc.find(typeField->name);
    std::string typeValue;
    if (typeIt != doc.end() && typeIt->is_string()) {
        typeValue = typeIt->get<std::string>();
    } else if (typeIt != doc.end() && typeIt->is_number_integer()) {
        const EnumDef* values = m_catalog.enumeration(typeField->typeName);
        if (const EnumValue* found = values ? values->findNumeric(typeIt->get<std::int64_t>()) : nullptr)
            typeValue = found->name;
    }
    if (typeValue.empty())
        return Status::success(); // no Type to read Settings by: left for the engine to judge
    const auto settingsType = m_catalog.settingsTypeFor(type.name, typeValue);
    if (!settingsType || settingsType->empty())
        return Status::success(); // e.g. L2Driver takes no settings: whatever is there is kept
    const TypeDef* settingsDef = m_catalog.type(*settingsType);
    if (!settingsDef)
        return Status::success();

    m_path.pushField(settings.name);
    Status status = it->is_object()
                        ? object(*it, *settingsDef, true)
                        : fail(Problem::Json, true,
                               "expected an object (" + settingsDef->name + "), got " + jsonKind(*it));
    m_path.pop();
    return status;
}

Status Normalizer::field(json& value, const FieldDef& f, bool inSettings, Problem enumProblem)
{
    if (value.is_null())
        return Status::success(); // treated as absent, like an omitted field
    if (!f.isArray)
        return element(value, f, inSettings, enumProblem);
    if (!value.is_array())
        return fail(Problem::Json, inSettings, std::string("expected an array, got ") + jsonKind(value));
    for (std::size_t i = 0; i < value.size(); ++i) {
        m_path.pushIndex(i);
        Status status = element(value[i], f, inSettings, enumProblem);
        m_path.pop();
        if (!status)
            return status;
    }
    return Status::success();
}

Status Normalizer::element(json& value, const FieldDef& f, bool inSettings, Problem enumProblem)
{
    switch (f.kind) {
    case FieldKind::Any:
        return Status::success();
    case FieldKind::Object: {
        const TypeDef* type = m_catalog.type(f.typeName);
        if (!value.is_object())
            return fail(Problem::Json, inSettings,
                        "expected an object (" + f.typeName + "), got " + jsonKind(value));
        return type ? object(value, *type, inSettings) : Status::success();
    }
    case FieldKind::Enum: {
        const EnumDef* enumDef = m_catalog.enumeration(f.typeName);
        return enumDef ? enumerated(value, *enumDef, inSettings, enumProblem) : Status::success();
    }
    case FieldKind::Scalar:
        return scalar(value, f, inSettings);
    }
    return Status::success();
}

Status Normalizer::scalar(json& value, const FieldDef& f, bool inSettings)
{
    switch (f.scalar) {
    case ScalarKind::None:
        return Status::success();
    case ScalarKind::Bool:
        if (!value.is_boolean())
            return fail(Problem::Json, inSettings, "expected true or false, got " + shown(value));
        return Status::success();
    case ScalarKind::UInt8:
    case ScalarKind::UInt16:
    case ScalarKind::UInt32:
    case ScalarKind::UInt64: {
        const ScalarRange range = rangeOf(f.scalar);
        if (!value.is_number())
            return fail(Problem::Json, inSettings,
                        std::string("expected ") + range.name + ", got " + jsonKind(value) + " " +
                            shown(value));
        const auto n = unsignedOf(value);
        if (!n || *n > range.max)
            return fail(Problem::Json, inSettings,
                        std::string("expected ") + range.name + ", got " + shown(value));
        if (!value.is_number_unsigned())
            value = *n; // 8.0 -> 8
        return Status::success();
    }
    case ScalarKind::Guid:
        if (!value.is_string())
            return fail(Problem::Json, inSettings,
                        std::string("expected a GUID string, got ") + jsonKind(value));
        if (!matchesGuidPattern(value.get_ref<const std::string&>()))
            return fail(Problem::Guid, inSettings,
                        shown(value) + " is not a GUID (expected 8-4-4-4-12 hex digits without braces)");
        return Status::success();
    case ScalarKind::String:
    case ScalarKind::ByteArray:
        if (!value.is_string())
            return fail(Problem::Json, inSettings,
                        std::string("expected a string, got ") + jsonKind(value) + " " + shown(value));
        return f.format == StringFormat::None ? Status::success() : formatted(value, f.format, inSettings);
    }
    return Status::success();
}

Status Normalizer::formatted(json& value, StringFormat format, bool inSettings)
{
    const std::string text = value.get<std::string>();
    if (text.empty())
        return Status::success(); // clients send "" for "not set" (hcsshim structs without omitempty)

    switch (format) {
    case StringFormat::None:
        return Status::success();

    case StringFormat::IpAddress: {
        auto address = IpAddress::parse(text);
        if (!address) {
            const char* hint =
                text.find('/') != std::string::npos ? " (a single address, without /length)" : "";
            return fail(Problem::Ip, inSettings, quotedText(text) + " is not an IP address" + hint);
        }
        value = address->toString();
        return Status::success();
    }

    case StringFormat::IpPrefix: {
        if (auto prefix = IpPrefix::parse(text)) {
            value = prefix->toString();
            return Status::success();
        }
        if (auto loose = IpPrefix::parse(text, true))
            return fail(Problem::Prefix, inSettings,
                        quotedText(text) + " has host bits set; the prefix is " +
                            loose->network().toString() + "/" + std::to_string(loose->length()));
        return fail(Problem::Prefix, inSettings,
                    quotedText(text) + " is not an IP prefix (expected address/length, e.g. 10.0.0.0/24)");
    }

    case StringFormat::IpOrPrefix: {
        if (text.find('/') == std::string::npos) {
            auto address = IpAddress::parse(text);
            if (!address)
                return fail(Problem::Ip, inSettings, quotedText(text) + " is not an IP address or prefix");
            value = address->toString();
            return Status::success();
        }
        auto prefix = IpPrefix::parse(text, true);
        if (!prefix)
            return fail(Problem::Prefix, inSettings, quotedText(text) + " is not an IP address or prefix");
        // Host bits are meaningful here (an address with its on-link length), so the address is kept.
        value = prefix->address().toString() + "/" + std::to_string(prefix->length());
        return Status::success();
    }

    case StringFormat::IpList: {
        std::string canonical;
        for (auto item : split(text, ",")) {
            std::optional<std::string> itemText;
            if (item.find('/') != std::string_view::npos) {
                if (auto prefix = IpPrefix::parse(item, true))
                    itemText = prefix->address().toString() + "/" + std::to_string(prefix->length());
            } else if (auto address = IpAddress::parse(item)) {
                itemText = address->toString();
            }
            if (!itemText) {
                // HNS rejects the whole policy here (field report: LocalAddresses "Any" -> 0x803B000D).
                std::string what = quotedText(item) + " is not an IP address or prefix";
                if (equalsIgnoreCase(item, "Any") || item == "*")
                    what += "; leave the field out to match any address";
                else
                    what += "; list addresses or prefixes separated by commas";
                return fail(Problem::Value, inSettings, what);
            }
            if (!canonical.empty())
                canonical += ',';
            canonical += *itemText;
        }
        value = canonical;
        return Status::success();
    }

    case StringFormat::MacAddress: {
        auto mac = MacAddress::parse(text);
        if (!mac)
            return fail(Problem::Value, inSettings,
                        quotedText(text) +
                            " is not a MAC address (expected 00-15-5D-52-C0-00 or 00:15:5d:52:c0:00)");
        value = mac->toString();
        return Status::success();
    }

    case StringFormat::PortList: {
        // HNS's rules for a new ACL: every element a port or a range ("80,,443" is rejected), and port 0
        // kept as sent.
        const PortList list =
            parsePortList(text, PortListRules{.emptyElementIsError = true, .portZeroIsAny = false});
        if (!list.ok())
            return fail(Problem::Value, inSettings,
                        quotedText(list.errors.front().element) +
                            " is not a port or port range (expected e.g. 80, 80,443 or 1000-2000)");
        std::string canonical;
        for (const PortRange& range : list.ranges) {
            if (!canonical.empty())
                canonical += ',';
            canonical += toString(range);
        }
        value = canonical;
        return Status::success();
    }

    case StringFormat::ProtocolList: {
        // HNS's ACL Protocols are numbers 0-255 (hcn-schema.json AclPolicySetting): a name or 256, which
        // HNS prints for any protocol, is rejected here as it is there.
        const ProtocolList list = parseProtocolList(
            text, ProtocolListRules{.emptyElementIsError = true, .namesTaken = false, .anyTaken = false});
        if (!list.ok())
            return fail(Problem::Value, inSettings,
                        quotedText(list.errors.front().element) +
                            " is not an IP protocol number 0-255 (e.g. 6 for TCP, 17 for UDP)");
        std::string canonical;
        for (std::uint32_t protocol : list.numbers) {
            if (!canonical.empty())
                canonical += ',';
            canonical += std::to_string(protocol);
        }
        value = canonical;
        return Status::success();
    }
    }
    return Status::success();
}

Status Normalizer::enumerated(json& value, const EnumDef& enumDef, bool inSettings, Problem problem)
{
    if (value.is_string()) {
        const std::string& text = value.get_ref<const std::string&>();
        if (!enumDef.bitmask) {
            const EnumValue* found = enumDef.find(trimBlanks(text));
            if (!found)
                return fail(problem, inSettings, notAValue(quotedText(text), enumDef, false));
            setEnumValue(value, enumDef, *found);
            return Status::success();
        }
        // Flags by name: "EnableDnsProxy", "EnableDnsProxy|IsolateVSwitch" or "EnableDnsProxy,
        // IsolateVSwitch".
        std::uint64_t mask = 0;
        for (auto item : split(text, "|,")) {
            const EnumValue* found = enumDef.find(item);
            if (!found)
                return fail(problem, inSettings, notAValue(quotedText(item), enumDef, true));
            mask |= static_cast<std::uint64_t>(found->numeric);
        }
        setEnumMask(value, enumDef, mask);
        return Status::success();
    }

    if (!value.is_number())
        return fail(Problem::Json, inSettings,
                    "expected " + withArticle(enumDef.name) + " name or number, got " + jsonKind(value));
    if (value.is_number_float()) {
        const double d = value.get<double>();
        if (!std::isfinite(d) || std::floor(d) != d)
            return fail(Problem::Json, inSettings,
                        "expected " + withArticle(enumDef.name) + " name or whole number, got " +
                            shown(value));
    }
    const auto n = unsignedOf(value); // nullopt for negative numbers: no enum value is negative

    if (enumDef.bitmask) {
        if (!n || !enumDef.validMask(*n))
            return fail(problem, inSettings,
                        shown(value) + " sets bits that are not " + enumDef.name + " flags (" +
                            valueList(enumDef, true) + ")");
        setEnumMask(value, enumDef, *n);
        return Status::success();
    }
    const EnumValue* found = n && *n <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())
                                 ? enumDef.findNumeric(static_cast<std::int64_t>(*n))
                                 : nullptr;
    if (!found)
        return fail(problem, inSettings, notAValue(shown(value), enumDef, true));
    setEnumValue(value, enumDef, *found);
    return Status::success();
}

HResult documentCodeFor(std::string_view typeName)
{
    if (equalsIgnoreCase(typeName, "HostComputeNetwork"))
        return hr::InvalidNetwork;
    if (equalsIgnoreCase(typeName, "HostComputeEndpoint"))
        return hr::InvalidEndpoint;
    return hr::InvalidJson;
}

} // namespace

Status normalize(nlohmann::json& doc, std::string_view typeName, const Catalog& catalog)
{
    const TypeDef* type = catalog.type(typeName);
    if (!type)
        return Status(hr::InvalidArg, "the schema has no type named " + std::string(typeName));
    if (!doc.is_object())
        return Status(hr::InvalidJson, std::string("the document must be a JSON object (") + type->name +
                                           "), got " + jsonKind(doc));
    try {
        Normalizer normalizer(catalog, documentCodeFor(type->name));
        return normalizer.object(doc, *type, false);
    } catch (const std::exception& error) {
        // Exceptions never cross the API; nlohmann only throws here on programming errors or exhaustion.
        return Status(hr::Unexpected, std::string("normalizing ") + type->name + " failed: " + error.what());
    }
}

Status parseObject(std::string_view text, nlohmann::json& out, int maxDepth)
{
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        out = json::object();
        return Status::success();
    }
    if (!withinJsonDepth(text, maxDepth)) {
        out = json();
        return Status(hr::InvalidJson,
                      "the document nests deeper than " + std::to_string(maxDepth) + " levels");
    }
    try {
        out = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& error) {
        // what() reads "[json.exception.parse_error.101] parse error at line 1, column 9: ..."; the bracketed
        // library tag means nothing to a support engineer.
        std::string what = error.what();
        if (auto close = what.find("] "); what.rfind("[json.exception", 0) == 0 && close != std::string::npos)
            what = what.substr(close + 2);
        out = json();
        return Status(hr::InvalidJson, "malformed JSON at byte " + std::to_string(error.byte) + ": " + what);
    } catch (const std::exception& error) {
        out = json();
        return Status(hr::InvalidJson, std::string("malformed JSON: ") + error.what());
    }
    if (!out.is_object()) {
        const std::string kind = jsonKind(out);
        out = json();
        return Status(hr::InvalidJson, "the document must be a JSON object, got " + kind);
    }
    return Status::success();
}

} // namespace hcn::schema
