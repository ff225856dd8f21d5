#include "object_argument.h"

#include "kind_names.h"

#include "hcn/api.h"
#include "hcn/object_reference.h"

#include <nlohmann/json.hpp>

namespace hcn::ctl {

Result<Guid> resolveObjectArgument(Api& api, ResourceKind kind, const std::string& text)
{
    if (auto id = Guid::parse(text, true))
        return *id;
    // A name: the host's objects of the kind, with their Names, from one snapshot.
    auto snapshot = api.snapshot("");
    if (!snapshot.ok())
        return snapshot.status();
    const auto parsed = nlohmann::json::parse(*snapshot, nullptr, false);
    std::vector<ObjectNameEntry> objects;
    if (parsed.is_object())
        if (auto documents = parsed.find(std::string(kindPlural(kind)));
            documents != parsed.end() && documents->is_array())
            for (const auto& document : *documents) {
                if (!document.is_object())
                    continue;
                const auto id = document.find("ID");
                const auto name = document.find("Name");
                if (id == document.end() || !id->is_string())
                    continue;
                objects.push_back({id->get<std::string>(),
                                   name != document.end() && name->is_string() ? name->get<std::string>()
                                                                               : std::string()});
            }
    auto resolved = resolveObjectReference(kind, objects, text);
    if (!resolved.ok())
        return resolved.status();
    if (auto id = Guid::parse(*resolved, true))
        return *id;
    return Status(objectNotFoundCode(kind), "the " + std::string(kindLabel(kind)) + " named \"" + text +
                                                "\" has no usable ID (\"" + *resolved + "\")");
}

} // namespace hcn::ctl
