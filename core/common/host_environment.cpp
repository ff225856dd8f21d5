#include "hcn/host_environment.h"

#include "common/text.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

namespace hcn {
namespace {

using PlainJson = nlohmann::json;

constexpr const char* kEnvironmentVariable = "HCN_SIM_ENVIRONMENT";

/// "adapters[1] (\"Wi-Fi\")" once the name is known, "adapters[1]" before.
std::string adapterLabel(std::size_t index, const std::string& name)
{
    std::string label = "adapters[" + std::to_string(index) + "]";
    if (!name.empty())
        label += " (\"" + name + "\")";
    return label;
}

Status fieldError(std::size_t index, const std::string& name, std::string_view field,
                  const std::string& problem)
{
    return Status(hr::InvalidJson, "Host environment " + adapterLabel(index, name) + ", field \"" +
                                       std::string(field) + "\": " + problem);
}

std::string quoted(const PlainJson& value)
{
    return value.dump();
}

/// Reads an optional string field; absent and null both mean "not given".
bool optionalString(const PlainJson& object, const char* key, const PlainJson*& out)
{
    out = nullptr;
    const auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return true;
    out = &*it;
    return it->is_string();
}

Result<HostAdapter> parseAdapter(const PlainJson& item, std::size_t index)
{
    if (!item.is_object())
        return Status(hr::InvalidJson, "Host environment " + adapterLabel(index, {}) + " must be an object.");

    HostAdapter adapter;

    const auto name = item.find("name");
    if (name == item.end() || name->is_null())
        return fieldError(index, {}, "name", "is required.");
    if (!name->is_string() || name->get_ref<const std::string&>().empty())
        return fieldError(index, {}, "name", "must be a non-empty string (got " + quoted(*name) + ").");
    adapter.name = name->get<std::string>();

    const auto mac = item.find("mac");
    if (mac == item.end() || mac->is_null())
        return fieldError(index, adapter.name, "mac", "is required.");
    const auto parsedMac =
        mac->is_string() ? MacAddress::parse(mac->get_ref<const std::string&>()) : std::nullopt;
    if (!parsedMac)
        return fieldError(index, adapter.name, "mac",
                          "must be a MAC address like \"00-0D-3A-10-20-30\" (got " + quoted(*mac) + ").");
    adapter.mac = *parsedMac;

    // ipv4/ipv6 carry the adapter's own address, so host bits are expected ("10.0.0.4/24").
    struct PrefixField
    {
        const char* key;
        IpFamily family;
        const char* example;
        std::optional<IpPrefix>* target;
    };
    const PrefixField prefixFields[] = {
        {"ipv4", IpFamily::V4, "\"10.0.0.4/24\"", &adapter.ipv4},
        {"ipv6", IpFamily::V6, "\"fd00::4/64\"", &adapter.ipv6},
    };
    for (const auto& field : prefixFields) {
        const PlainJson* value = nullptr;
        const bool isString = optionalString(item, field.key, value);
        if (!value)
            continue;
        const auto prefix =
            isString ? IpPrefix::parse(value->get_ref<const std::string&>(), true) : std::nullopt;
        if (!prefix || prefix->family() != field.family)
            return fieldError(index, adapter.name, field.key,
                              std::string("must be an address with a prefix length like ") + field.example +
                                  " (got " + quoted(*value) + ").");
        *field.target = *prefix;
    }

    const PlainJson* gateway = nullptr;
    const bool gatewayIsString = optionalString(item, "gateway", gateway);
    if (gateway) {
        const auto address =
            gatewayIsString ? IpAddress::parse(gateway->get_ref<const std::string&>()) : std::nullopt;
        if (!address)
            return fieldError(index, adapter.name, "gateway",
                              "must be an IP address (got " + quoted(*gateway) + ").");
        // A gateway must be on-link: outside the adapter's subnet no host could reach it.
        const auto& onLink = address->isV4() ? adapter.ipv4 : adapter.ipv6;
        const std::string family = address->isV4() ? "ipv4" : "ipv6";
        if (!onLink)
            return fieldError(index, adapter.name, "gateway",
                              address->toString() + " needs an " + family + " address on the adapter.");
        if (!onLink->contains(*address))
            return fieldError(index, adapter.name, "gateway",
                              address->toString() + " is not inside the adapter's " + family + " prefix " +
                                  onLink->toString() + ".");
        adapter.gateway = *address;
    }

    return adapter;
}

} // namespace

HostEnvironment HostEnvironment::defaultHost()
{
    HostAdapter adapter;
    adapter.name = "Ethernet";
    adapter.mac = MacAddress(0x000D3A102030ull);
    adapter.ipv4 = IpPrefix(IpAddress::fromV4(0x0A000004u), 24);
    adapter.gateway = IpAddress::fromV4(0x0A000001u);

    HostEnvironment environment;
    environment.adapters.push_back(std::move(adapter));
    return environment;
}

Result<HostEnvironment> HostEnvironment::fromJson(std::string_view text)
{
    PlainJson document;
    try {
        document = PlainJson::parse(text);
    } catch (const PlainJson::parse_error& error) {
        // Drop nlohmann's "[json.exception.parse_error.101] " tag: users need the position, not the id.
        std::string reason = error.what();
        if (const auto tagEnd = reason.find("] ");
            reason.starts_with("[json.exception") && tagEnd != std::string::npos)
            reason.erase(0, tagEnd + 2);
        return Status(hr::InvalidJson, "Host environment is not valid JSON: " + reason);
    }

    if (!document.is_object())
        return Status(hr::InvalidJson, "Host environment must be a JSON object with an \"adapters\" array.");
    const auto adapters = document.find("adapters");
    if (adapters == document.end() || !adapters->is_array())
        return Status(hr::InvalidJson, "Host environment field \"adapters\" must be an array.");
    // A host without adapters cannot carry any external network; refusing here beats failing later.
    if (adapters->empty())
        return Status(hr::InvalidJson, "Host environment field \"adapters\" must list at least one adapter.");

    HostEnvironment environment;
    for (std::size_t index = 0; index < adapters->size(); ++index) {
        auto adapter = parseAdapter((*adapters)[index], index);
        if (!adapter)
            return adapter.status();
        // Windows adapter names are case-insensitive ("Ethernet" and "ETHERNET" are the same adapter).
        if (const auto* existing = environment.adapter(adapter->name))
            return fieldError(index, adapter->name, "name",
                              "duplicates the name of adapter \"" + existing->name + "\".");
        environment.adapters.push_back(std::move(adapter).value());
    }
    return environment;
}

Result<HostEnvironment> HostEnvironment::load(const std::string& filePath)
{
    if (!filePath.empty()) {
        std::error_code ec;
        if (std::filesystem::is_directory(filePath, ec))
            return Status(hr::InvalidArg,
                          "Cannot read the host environment file " + filePath + ": it is a directory.");
        std::ifstream in(filePath, std::ios::binary);
        if (!in)
            return Status(hr::InvalidArg, "Cannot read the host environment file " + filePath + ".");
        const std::string content{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        if (in.bad())
            return Status(hr::InvalidArg, "Cannot read the host environment file " + filePath + ".");
        auto environment = fromJson(content);
        if (!environment)
            return Status(environment.code(), filePath + ": " + environment.status().detail());
        return environment;
    }

    const char* inlineJson = std::getenv(kEnvironmentVariable);
    if (inlineJson && *inlineJson) {
        auto environment = fromJson(inlineJson);
        if (!environment)
            return Status(environment.code(),
                          std::string(kEnvironmentVariable) + ": " + environment.status().detail());
        return environment;
    }
    return defaultHost();
}

const HostAdapter* HostEnvironment::adapter(std::string_view name) const
{
    const auto it = std::find_if(adapters.begin(), adapters.end(),
                                 [name](const HostAdapter& a) { return equalsIgnoreCase(a.name, name); });
    return it == adapters.end() ? nullptr : &*it;
}

} // namespace hcn
