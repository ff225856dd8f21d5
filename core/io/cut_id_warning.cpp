#include "io/cut_id_warning.h"

#include "common/text.h"
#include "common/utf8.h"
#include "io/text_scan.h"

#include <algorithm>

namespace hcn::io {

std::string idCompletedFrom(std::string_view shown)
{
    constexpr std::string_view zeros = "00000000-0000-0000-0000-000000000000";
    return std::string(shown) + std::string(zeros.substr(std::min(shown.size(), zeros.size())));
}

std::string shownMembersText(const std::vector<std::pair<std::string, std::string>>& members)
{
    std::string text;
    int named = 0;
    for (const auto& [name, valueText] : members) {
        if (named == 4)
            break;
        const std::string_view value = trimBlanks(valueText);
        if (value.empty() || value.front() == '@' || value.front() == '{')
            continue;
        text += (named++ ? ", " : "") + name + " " + std::string(utf8Prefix(value, 40));
    }
    return text;
}

std::string cutIdNotImported(std::string_view idMember, ResourceKind kind, std::string_view shown,
                             std::string_view shownMembers)
{
    return "the paste ends inside the " + std::string(idMember) + " of " +
           (kind == ResourceKind::Invalid ? std::string("an object") : std::string(resourceKindLabel(kind))) +
           " " + std::string(shown) + std::string(kEllipsis) +
           (shownMembers.empty() ? "" : " (" + std::string(shownMembers) + ")") +
           "; not imported, as its ID is cut";
}

bool namesNoObjectAlone(std::string_view member)
{
    for (const std::string_view bookkeeping :
         {"ActivityId", "AdditionalParams", "CurrentEndpointCount", "TotalEndpoints",
          "MaxConcurrentEndpoints", "Extensions", "Health", "Flags", "State", "Version", "Resources",
          "SchemaVersion", "CreateProcessingStartTime"})
        if (equalsIgnoreCase(member, bookkeeping))
            return true;
    return false;
}

bool recordNamesNoObject(const std::vector<std::pair<std::string, std::string>>& members)
{
    for (const auto& [name, valueText] : members) {
        const std::string_view value = trimBlanks(valueText);
        if (value.empty() || value == "{}" || value == "@{}")
            continue;
        if (!namesNoObjectAlone(name))
            return false;
    }
    return true;
}

} // namespace hcn::io
