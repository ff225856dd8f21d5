// The snapshot diff as JSON (hcn/snapshot_diff.h): what `hcnctl diff --json` prints, docs/diff.md.

#include "hcn/snapshot_diff.h"

namespace hcn {

std::string_view diffObjectTypeName(DiffObject::Type type)
{
    switch (type) {
    case DiffObject::Type::Added:
        return "added";
    case DiffObject::Type::Removed:
        return "removed";
    case DiffObject::Type::Changed:
        break;
    }
    return "changed";
}

std::string_view diffFieldChangeTypeName(DiffFieldChange::Type type)
{
    switch (type) {
    case DiffFieldChange::Type::Added:
        return "added";
    case DiffFieldChange::Type::Removed:
        return "removed";
    case DiffFieldChange::Type::Items:
        return "items";
    case DiffFieldChange::Type::Changed:
        break;
    }
    return "changed";
}

namespace {

nlohmann::ordered_json fieldChangeJson(const DiffFieldChange& c)
{
    nlohmann::ordered_json out{{"Path", c.path}, {"Change", diffFieldChangeTypeName(c.type)}};
    switch (c.type) {
    case DiffFieldChange::Type::Added:
        out["New"] = c.after;
        break;
    case DiffFieldChange::Type::Removed:
        out["Old"] = c.before;
        break;
    case DiffFieldChange::Type::Changed:
        out["Old"] = c.before;
        out["New"] = c.after;
        break;
    case DiffFieldChange::Type::Items:
        out["Removed"] = c.removedItems;
        out["Added"] = c.addedItems;
        break;
    }
    return out;
}

} // namespace

nlohmann::ordered_json toJson(const SnapshotDiff& diff)
{
    nlohmann::ordered_json summary = nlohmann::ordered_json::array();
    for (const DiffKindSummary& k : diff.kinds)
        summary.push_back({{"Kind", resourceKindName(k.kind)},
                           {"Before", k.before},
                           {"After", k.after},
                           {"Added", k.added},
                           {"Removed", k.removed},
                           {"Changed", k.changed},
                           {"MatchedByName", k.matchedByName}});
    nlohmann::ordered_json objects = nlohmann::ordered_json::array();
    for (const DiffObject& o : diff.objects) {
        nlohmann::ordered_json entry{{"Change", diffObjectTypeName(o.type)},
                                     {"Kind", resourceKindName(o.kind)},
                                     {"ID", o.id}};
        if (o.matchedByName) {
            entry["NewID"] = o.newId;
            entry["MatchedByName"] = true;
        }
        entry["Name"] = o.name;
        if (o.type == DiffObject::Type::Changed) {
            nlohmann::ordered_json changes = nlohmann::ordered_json::array();
            for (const DiffFieldChange& c : o.changes)
                changes.push_back(fieldChangeJson(c));
            entry["Changes"] = std::move(changes);
        } else if (o.document) {
            entry["Document"] = *o.document;
        }
        objects.push_back(std::move(entry));
    }
    nlohmann::ordered_json ignored = nlohmann::ordered_json::object();
    for (const auto& [member, count] : diff.ignored)
        ignored[member] = count;
    return {{"Same", diff.same()}, {"Summary", std::move(summary)}, {"Objects", std::move(objects)},
            {"Ignored", std::move(ignored)}};
}

} // namespace hcn
