// Redacting a snapshot document: the names its fields give, then every string through the Redactor.
#include "hcn/redaction.h"
#include "hcn/resource_kind.h"

#include <nlohmann/json.hpp>
#include <algorithm>
#include <unordered_map>

namespace hcn::io {

namespace {

using json = nlohmann::json;

NameKind kindOfSection(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::Network: return NameKind::Network;
    case ResourceKind::Endpoint: return NameKind::Endpoint;
    case ResourceKind::Namespace: return NameKind::Namespace;
    case ResourceKind::LoadBalancer: return NameKind::LoadBalancer;
    case ResourceKind::SdnRoute: return NameKind::Route;
    case ResourceKind::GuestNetworkService: return NameKind::GuestNetworkService;
    default: return NameKind::Other;
    }
}

/// Fields (anywhere in a document) whose string values, or arrays or comma lists of them, are names.
const std::unordered_map<std::string, NameKind>& nameFields()
{
    static const std::unordered_map<std::string, NameKind> fields{
        {"Domain", NameKind::Dns},          {"Search", NameKind::Dns},
        {"DNSSuffix", NameKind::Dns},       {"DNSDomain", NameKind::Dns},
        {"DnsSuffix", NameKind::Dns},       {"HostName", NameKind::Host},
        {"ComputerName", NameKind::Host},   {"NodeName", NameKind::Host},
        {"VirtualMachine", NameKind::Host}, {"SharedContainers", NameKind::Container},
        {"ContainerId", NameKind::Container}, {"Containers", NameKind::Container},
        {"PodName", NameKind::Container},   {"VirtualNetworkName", NameKind::Network},
        {"NetworkName", NameKind::Network}, {"SwitchName", NameKind::Network},
    };
    return fields;
}

/// Values that are vocabulary, not data: kept verbatim.
bool isStructural(const std::string& key)
{
    static const char* const keys[] = {"Type", "Mode", "Protocol", "Action", "Direction", "RuleType",
                                       "Kind", "Severity", "State", "Format", "RuleId"};
    for (const char* k : keys)
        if (key == k)
            return true;
    return false;
}

void registerValue(Redactor& redactor, NameKind kind, const json& value)
{
    if (value.is_array()) {
        for (const json& item : value)
            registerValue(redactor, kind, item);
        return;
    }
    if (!value.is_string())
        return;
    const std::string& text = value.get_ref<const std::string&>();
    // Comma lists (v1 "DNSSuffix": "a.local,b.local").
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t comma = text.find(',', start);
        if (comma == std::string::npos)
            comma = text.size();
        std::string item = text.substr(start, comma - start);
        while (!item.empty() && item.front() == ' ')
            item.erase(0, 1);
        while (!item.empty() && item.back() == ' ')
            item.pop_back();
        // GUIDs and addresses have pseudonyms of their own.
        if (!item.empty() && !redactor.address(item))
            redactor.name(kind, item);
        start = comma + 1;
    }
}

void learnFields(Redactor& redactor, const json& value)
{
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (auto field = nameFields().find(it.key()); field != nameFields().end())
                registerValue(redactor, field->second, it.value());
            else
                learnFields(redactor, it.value());
        }
    } else if (value.is_array()) {
        for (const json& item : value)
            learnFields(redactor, item);
    }
}

/// "StartIpAddress"/"EndIpAddress", "StartMacAddress"/"EndMacAddress": kept ranges of the same size.
void redactRanges(Redactor& redactor, json& object, std::vector<std::string>& done)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const std::string& key = it.key();
        if (key.rfind("Start", 0) != 0 || !it->is_string())
            continue;
        auto end = object.find("End" + key.substr(5));
        if (end == object.end() || !end->is_string())
            continue;
        if (auto mapped = redactor.range(it->get_ref<const std::string&>(), end->get_ref<const std::string&>())) {
            *it = mapped->first;
            *end = mapped->second;
            done.push_back(key);
            done.push_back("End" + key.substr(5));
        }
    }
}

void redactValue(Redactor& redactor, json& value, const std::string& key)
{
    if (value.is_string()) {
        if (isStructural(key))
            return;
        const std::string& text = value.get_ref<const std::string&>();
        // A whole value that is a prefix keeps its host bits (a subnet stays a subnet).
        if (text.find('/') != std::string::npos) {
            if (auto prefix = redactor.prefix(text)) {
                value = *prefix;
                return;
            }
        }
        value = redactor.text(text);
    } else if (value.is_array()) {
        for (json& item : value)
            redactValue(redactor, item, key);
    } else if (value.is_object()) {
        std::vector<std::string> done;
        redactRanges(redactor, value, done);
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (std::find(done.begin(), done.end(), it.key()) == done.end())
                redactValue(redactor, it.value(), it.key());
        }
    }
}

} // namespace

void Redactor::learnNames(const json& snapshot)
{
    if (!snapshot.is_object())
        return;
    for (ResourceKind kind : kResourceKinds) {
        auto section = snapshot.find(std::string(resourceKindPlural(kind)));
        if (section == snapshot.end() || !section->is_array())
            continue;
        for (const json& object : *section) {
            if (!object.is_object())
                continue;
            if (auto name = object.find("Name"); name != object.end() && name->is_string() &&
                                                  !name->get_ref<const std::string&>().empty())
                this->name(kindOfSection(kind), name->get_ref<const std::string&>());
            learnFields(*this, object);
        }
    }
    // An import report names objects too (the dump's own spelling).
    if (auto report = snapshot.find("Import"); report != snapshot.end() && report->is_object())
        if (auto objects = report->find("Objects"); objects != report->end() && objects->is_array())
            for (const json& object : *objects)
                if (object.is_object())
                    if (auto name = object.find("Name"); name != object.end() && name->is_string() &&
                                                          !name->get_ref<const std::string&>().empty()) {
                        ResourceKind kind = ResourceKind::Invalid;
                        if (auto k = object.find("Kind"); k != object.end() && k->is_string())
                            kind = resourceKindFromName(k->get<std::string>());
                        this->name(kindOfSection(kind), name->get_ref<const std::string&>());
                    }
}

void Redactor::redactJson(json& value)
{
    redactValue(*this, value, {});
}

void Redactor::redactSnapshot(json& snapshot)
{
    learnNames(snapshot);
    redactJson(snapshot);
}

} // namespace hcn::io
