#include "engine/operations.h"
#include "hcn/schema_normalizer.h"

#include <algorithm>
#include <cctype>

namespace hcn {

namespace {

// Reallocating an ordered_json object copies its keys (they are const), so containers are reserved once
// when a document enters the engine and shrunk only where they grew past their size.
void shrink(Json& j)
{
    if (j.is_object()) {
        auto& members = j.get_ref<Json::object_t&>();
        for (auto& member : members)
            shrink(member.second);
        if (members.capacity() != members.size()) {
            // shrink_to_fit would deep-copy every value (the pair's move is not noexcept): rebuild instead,
            // copying the keys and moving the values.
            Json::object_t fitted;
            fitted.reserve(members.size());
            for (auto& member : members)
                fitted.emplace_back(member.first, std::move(member.second));
            members = std::move(fitted);
        }
    } else if (j.is_array()) {
        auto& items = j.get_ref<Json::array_t&>();
        for (auto& item : items)
            shrink(item);
        if (items.capacity() != items.size())
            items.shrink_to_fit();
    }
}

constexpr std::size_t kFieldsTheEngineAdds = 8; // ID, Version, State, addresses, MAC, routes ...

} // namespace

std::uint64_t NameIndex::key(ResourceKind kind, std::string_view name)
{
    std::uint64_t h =
        1469598103934665603ull ^ static_cast<std::uint64_t>(kind); // FNV-1a over the lower-cased name
    for (unsigned char c : name) {
        h ^= static_cast<std::uint64_t>(std::tolower(c));
        h *= 1099511628211ull;
    }
    return h;
}

void NameIndex::add(ResourceKind kind, std::string_view name, const Guid& id)
{
    if (!name.empty())
        m_entries.emplace(key(kind, name), id);
}

void NameIndex::remove(ResourceKind kind, std::string_view name, const Guid& id)
{
    if (name.empty())
        return;
    auto [first, last] = m_entries.equal_range(key(kind, name));
    for (auto it = first; it != last; ++it) {
        if (it->second == id) {
            m_entries.erase(it);
            return;
        }
    }
}

std::vector<Guid> NameIndex::candidates(ResourceKind kind, std::string_view name) const
{
    std::vector<Guid> out;
    auto [first, last] = m_entries.equal_range(key(kind, name));
    for (auto it = first; it != last; ++it)
        out.push_back(it->second);
    return out;
}

Json toStored(const SchemaJson& doc)
{
    Json stored(doc);
    if (stored.is_object())
        stored.get_ref<Json::object_t&>().reserve(stored.size() + kFieldsTheEngineAdds);
    return stored;
}

void compactDocument(Json& doc)
{
    shrink(doc);
}

namespace ops {

Result<Guid> chooseId(const std::function<bool(const Guid&)>& exists, const Guid& param, Json& doc,
                      std::string_view kindName)
{
    Guid id = param;
    std::string text;
    if (!id.isNull()) {
        text = id.toString();
    } else if (auto it = doc.find("ID");
               it != doc.end() && it->is_string() && !it->get<std::string>().empty()) {
        auto parsed = Guid::parse(it->get<std::string>());
        if (!parsed)
            return Status(hr::GuidConversionFailure, "ID: \"" + it->get<std::string>() + "\" is not a GUID.");
        id = *parsed;
        text = it->get<std::string>(); // client-supplied IDs come back as the client spelled them
    }
    if (id.isNull()) {
        do
            id = Guid::generate();
        while (exists(id));
        text = id.toString();
    } else if (exists(id)) {
        return Status(hr::AlreadyExists,
                      std::string("a ") + std::string(kindName) + " with ID " + text + " already exists.");
    }
    doc["ID"] = text;
    return id;
}

Result<std::vector<Guid>> resolveReferences(const EngineState& state, Json& doc)
{
    if (auto net = doc.find("HostComputeNetwork");
        net != doc.end() && net->is_string() && !net->get<std::string>().empty()) {
        auto id = Guid::parse(net->get<std::string>());
        if (!id)
            return Status(hr::GuidConversionFailure,
                          "HostComputeNetwork: \"" + net->get<std::string>() + "\" is not a GUID.");
        auto network = state.networks.find(*id);
        if (network == state.networks.end())
            return Status(hr::NetworkNotFound,
                          "HostComputeNetwork " + net->get<std::string>() + " does not exist.");
        *net = network->second->doc.value("ID", id->toString());
    }
    std::vector<Guid> endpoints;
    auto list = doc.find("HostComputeEndpoints");
    if (list == doc.end() || !list->is_array())
        return endpoints;
    for (std::size_t i = 0; i < list->size(); ++i) {
        Json& entry = (*list)[i];
        const std::string text = entry.is_string() ? entry.get<std::string>() : std::string();
        auto id = Guid::parse(text);
        if (!id)
            return Status(hr::GuidConversionFailure,
                          "HostComputeEndpoints[" + std::to_string(i) + "]: \"" + text + "\" is not a GUID.");
        auto endpoint = state.endpoints.find(*id);
        if (endpoint == state.endpoints.end())
            return Status(hr::EndpointNotFound, "HostComputeEndpoints[" + std::to_string(i) + "]: endpoint " +
                                                    text + " does not exist.");
        entry = endpoint->second->doc.value("ID", id->toString());
        if (std::find(endpoints.begin(), endpoints.end(), *id) == endpoints.end())
            endpoints.push_back(*id);
    }
    return endpoints;
}

void renameObject(EngineState& state, Transaction& tx, ResourceKind kind, const Guid& id,
                  const std::string& oldName, const std::string& newName)
{
    if (oldName == newName)
        return;
    state.names.remove(kind, oldName, id);
    state.names.add(kind, newName, id);
    tx.onRollback([&state, kind, id, oldName, newName] {
        state.names.remove(kind, newName, id);
        state.names.add(kind, oldName, id);
    });
}

Status prepareReplacement(const Json& current, const Guid& id, Json& replacement, std::string_view what)
{
    const std::string idText = current.value("ID", id.toString());
    if (auto it = replacement.find("ID"); it != replacement.end() && it->is_string() &&
                                          !it->get<std::string>().empty() &&
                                          Guid::parse(it->get<std::string>()) != id)
        return Status(hr::InvalidJsonReference, "ID " + it->get<std::string>() + " is not the " +
                                                    std::string(what) + " being modified (" + idText + ").");
    replacement["ID"] = idText;
    replacement["Version"] = current.value("Version", Json());
    replacement["State"] = current.value("State", 1);
    return Status::success();
}

std::string textOf(const Json& object, std::string_view key)
{
    if (!object.is_object())
        return {};
    auto it = object.find(std::string(key));
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Status checkPortMappingMembers(Json& mapping, const std::string& where, HResult code)
{
    for (const char* port : {"InternalPort", "ExternalPort"})
        if (auto it = mapping.find(port); it != mapping.end() && it->is_null())
            mapping.erase(it);
    if (auto it = mapping.find("Protocol"); it != mapping.end() && it->is_null())
        return Status(code, where +
                                ".Protocol is null: a port mapping needs an IP protocol number (6 for TCP, "
                                "17 for UDP), or no Protocol member for TCP.");
    return Status::success();
}

void stampBaseFields(const EngineState& state, Json& doc, int stateValue)
{
    const auto& v = state.options.hnsVersion;
    doc["Version"] = (static_cast<std::uint64_t>(v.major) << 32) | v.minor;
    doc["State"] = stateValue;
}

Status normalizeSettings(const Json& request, std::string_view typeName, Json& out)
{
    auto it = request.find("Settings");
    SchemaJson settings = (it == request.end() || it->is_null()) ? SchemaJson::object() : toSchema(*it);
    if (!settings.is_object())
        return Status(hr::InvalidJson, "Settings must be a JSON object.");
    Status s = schema::normalize(settings, typeName);
    if (s.ok())
        out = toStored(settings);
    return s;
}

std::optional<IpAddress> defaultGateway(const Json& routes, IpFamily family)
{
    if (!routes.is_array())
        return std::nullopt;
    for (const auto& route : routes) {
        auto dest = route.find("DestinationPrefix");
        auto hop = route.find("NextHop");
        if (dest == route.end() || hop == route.end() || !dest->is_string() || !hop->is_string())
            continue;
        auto prefix = IpPrefix::parse(dest->get<std::string>(), true);
        auto gw = IpAddress::parse(hop->get<std::string>());
        if (prefix && gw && prefix->length() == 0 && prefix->family() == family && gw->family() == family)
            return gw;
    }
    return std::nullopt;
}

} // namespace ops
} // namespace hcn
