#include "engine/operations.h"
#include "hcn/schema_normalizer.h"

#include <algorithm>
#include <cctype>

namespace hcn {

std::string lowerCopy(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

namespace ops {

Result<Guid> chooseId(const std::function<bool(const Guid&)>& exists, const Guid& param, Json& doc,
                      std::string_view kindName)
{
    Guid id = param;
    std::string text;
    if (!id.isNull()) {
        text = id.toString();
    } else if (auto it = doc.find("ID"); it != doc.end() && it->is_string() && !it->get<std::string>().empty()) {
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
        return Status(hr::AlreadyExists, std::string("a ") + std::string(kindName) + " with ID " + text +
                                             " already exists.");
    }
    doc["ID"] = text;
    return id;
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
    out = (it == request.end() || it->is_null()) ? Json::object() : *it;
    if (!out.is_object())
        return Status(hr::InvalidJson, "Settings must be a JSON object.");
    return schema::normalize(out, typeName);
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
