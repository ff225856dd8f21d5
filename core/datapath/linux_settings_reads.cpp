#include "datapath/linux_settings_reads.h"

#include "common/text.h"
#include "hcn/schema_catalog.h"

#include <optional>

namespace hcn::linuxdp {

using Json = nlohmann::ordered_json;

namespace {

/// "the string \"80\"", "-1", "true", "an object": what a refused value is, briefly.
std::string shown(const Json& value)
{
    std::string text = value.dump();
    if (text.size() > 40)
        text = text.substr(0, 37) + "...";
    switch (value.type()) {
    case Json::value_t::string:
        return "the string " + text;
    case Json::value_t::object:
        return "an object";
    case Json::value_t::array:
        return "an array";
    default:
        return text;
    }
}

const Json* memberOf(const Json& object, const char* key)
{
    if (!object.is_object())
        return nullptr;
    const auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
}

/// A JSON number that is a whole number not below 0 (6, 6.0), whichever way nlohmann holds it.
std::optional<std::uint64_t> wholeNumber(const Json& value)
{
    if (value.is_number_unsigned())
        return value.get<std::uint64_t>();
    if (value.is_number_integer()) {
        const std::int64_t n = value.get<std::int64_t>();
        return n < 0 ? std::nullopt : std::optional<std::uint64_t>(std::uint64_t(n));
    }
    if (value.is_number_float()) {
        const double d = value.get<double>();
        if (d >= 0 && d < 18446744073709551616.0 && d == double(std::uint64_t(d)))
            return std::uint64_t(d);
    }
    return std::nullopt;
}

Status refused(HResult code, const std::string& where, const std::string& what)
{
    return Status(code, where.empty() ? what : where + ": " + what);
}

} // namespace

Result<std::string> textSetting(const Json& object, const char* key, std::string fallback,
                                const std::string& where, HResult code)
{
    const Json* value = memberOf(object, key);
    if (!value)
        return fallback;
    if (!value->is_string())
        return refused(code, where, std::string(key) + " must be a string, not " + shown(*value) + ".");
    return value->get<std::string>();
}

Result<std::uint64_t> numberSetting(const Json& object, const char* key, std::uint64_t fallback,
                                    std::uint64_t max, const std::string& where, HResult code)
{
    const Json* value = memberOf(object, key);
    if (!value)
        return fallback;
    const std::string range = " from 0 to " + std::to_string(max);
    if (const std::optional<std::uint64_t> n = wholeNumber(*value); n && *n <= max)
        return *n;
    if (value->is_number())
        return refused(code, where,
                       std::string(key) + " " + value->dump() + " is not a whole number" + range + ".");
    return refused(code, where,
                   std::string(key) + " must be a number" + range + ", not " + shown(*value) + ".");
}

Result<std::uint64_t> enumSetting(const Json& object, const char* key, std::string_view enumName,
                                  std::uint64_t fallback, std::uint64_t max, const std::string& where,
                                  HResult code)
{
    const Json* value = memberOf(object, key);
    if (!value)
        return fallback;
    const schema::EnumDef* enumDef = schema::Catalog::builtin().enumeration(enumName);
    std::string names;
    if (enumDef)
        for (const schema::EnumValue& v : enumDef->values)
            names += (names.empty() ? "" : ", ") + v.name + " (" + std::to_string(v.numeric) + ")";
    if (value->is_string()) {
        const std::string_view text = trimBlanks(value->get_ref<const std::string&>());
        if (const schema::EnumValue* found = enumDef ? enumDef->find(text) : nullptr;
            found && found->numeric >= 0)
            return static_cast<std::uint64_t>(found->numeric);
        const bool digits = !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
        return refused(code, where,
                       std::string(key) + " \"" + std::string(text) + "\" is " +
                           (digits ? "a number written as text; " + std::string(key) +
                                         " takes a JSON number (" + std::string(text) + ") or a " +
                                         std::string(enumName) + " name (" + names + ")."
                                   : "not a " + std::string(enumName) + " name (" + names + ")."));
    }
    if (const std::optional<std::uint64_t> n = wholeNumber(*value); n && *n <= max)
        return *n;
    if (value->is_number())
        return refused(code, where,
                       std::string(key) + " " + value->dump() + " is not a whole number from 0 to " +
                           std::to_string(max) + ".");
    return refused(code, where,
                   std::string(key) + " must be a " + std::string(enumName) + " number or name (" + names +
                       "), not " + shown(*value) + ".");
}

Result<std::uint32_t> protocolSetting(const Json& object, const std::string& where, HResult code)
{
    auto protocol = enumSetting(object, "Protocol", "ProtocolType", 6, 255, where, code);
    if (!protocol.ok())
        return protocol.status();
    return static_cast<std::uint32_t>(*protocol);
}

const Json& objectSetting(const Json& object, const char* key)
{
    static const Json kEmpty = Json::object();
    const Json* value = memberOf(object, key);
    return value && value->is_object() ? *value : kEmpty;
}

} // namespace hcn::linuxdp
