#include "hcn/object_reference.h"

#include "common/text.h"
#include "hcn/guid.h"
#include "hcn/host_state.h"

#include <algorithm>

namespace hcn {

HResult objectNotFoundCode(ResourceKind kind)
{
    if (kind == ResourceKind::Network)
        return hr::NetworkNotFound;
    if (kind == ResourceKind::Endpoint)
        return hr::EndpointNotFound;
    return hr::ElementNotFound;
}

Result<std::string> resolveObjectReference(ResourceKind kind, const std::vector<ObjectNameEntry>& objects,
                                           std::string_view text)
{
    const std::string label(resourceKindLabel(kind));
    if (text.empty())
        return Status(hr::InvalidArg, "an empty " + label + " ID or name");
    // An ID as people paste it: any case, with or without braces.
    std::string id = canonicalObjectId(text);
    if (const auto guid = Guid::parse(text, true); guid && !guid->isNull())
        id = guid->toString(GuidCase::Upper);
    if (!id.empty())
        for (const ObjectNameEntry& object : objects)
            if (canonicalObjectId(object.id) == id)
                return object.id;

    std::vector<const ObjectNameEntry*> exact, folded;
    for (const ObjectNameEntry& object : objects) {
        if (object.name.empty())
            continue;
        if (object.name == text)
            exact.push_back(&object);
        else if (equalsIgnoreCase(object.name, text))
            folded.push_back(&object);
    }
    const auto& matches = exact.empty() ? folded : exact;
    if (matches.size() == 1)
        return matches.front()->id;
    if (matches.empty())
        return Status(objectNotFoundCode(kind), "no " + label + " named \"" + std::string(text) + "\"");
    std::vector<std::string> ids;
    for (const ObjectNameEntry* object : matches)
        ids.push_back(object->id);
    std::sort(ids.begin(), ids.end());
    std::string list;
    for (const std::string& matchId : ids)
        list += (list.empty() ? "" : ", ") + matchId;
    return Status(hr::InvalidArg, "the " + label + " name \"" + std::string(text) + "\" is held by " +
                                      std::to_string(ids.size()) + " " + label + "s (" + list +
                                      "): give the ID");
}

} // namespace hcn
