// Matching the objects of two hosts for the snapshot diff (hcn/snapshot_diff.h, docs/diff.md): by kind
// and ID, then by kind and unique Name; the summary per kind.

#include "hcn/snapshot_diff.h"

#include <algorithm>
#include <unordered_map>

namespace hcn {

namespace {

using Objects = std::vector<const HostObject*>;

std::size_t kindIndex(ResourceKind kind)
{
    for (std::size_t i = 0; i < kResourceKinds.size(); ++i)
        if (kResourceKinds[i] == kind)
            return i;
    return kResourceKinds.size();
}

std::string nameOf(const HostObject& object)
{
    auto it = object.document->find("Name");
    return it != object.document->end() && it->is_string() ? it->get<std::string>() : std::string();
}

/// The objects of each kind, ordered by ID, a repeated ID keeping the first.
std::vector<Objects> byKind(const std::vector<HostObject>& objects)
{
    std::vector<Objects> out(kResourceKinds.size());
    for (const HostObject& object : objects)
        if (std::size_t k = kindIndex(object.kind); k < out.size() && object.document)
            out[k].push_back(&object);
    for (Objects& list : out) {
        std::stable_sort(list.begin(), list.end(),
                         [](const HostObject* x, const HostObject* y) { return x->id < y->id; });
        list.erase(std::unique(list.begin(), list.end(),
                               [](const HostObject* x, const HostObject* y) { return x->id == y->id; }),
                   list.end());
    }
    return out;
}

struct Pair
{
    const HostObject* a;
    const HostObject* b;
    bool byName;
};

SnapshotDiff diffSorted(const std::vector<Objects>& a, const std::vector<Objects>& b, const DiffOptions& options)
{
    SnapshotDiff diff;
    std::vector<std::vector<Pair>> pairs(kResourceKinds.size());
    std::vector<Objects> removed(kResourceKinds.size());
    std::vector<Objects> added(kResourceKinds.size());
    std::map<std::string, std::string> idMap; // A's ID -> B's, for objects matched by name

    for (std::size_t k = 0; k < kResourceKinds.size(); ++k) {
        auto ia = a[k].begin();
        auto ib = b[k].begin();
        while (ia != a[k].end() || ib != b[k].end()) {
            if (ib == b[k].end() || (ia != a[k].end() && (*ia)->id < (*ib)->id))
                removed[k].push_back(*ia++);
            else if (ia == a[k].end() || (*ib)->id < (*ia)->id)
                added[k].push_back(*ib++);
            else
                pairs[k].push_back({*ia++, *ib++, false});
        }
        if (!options.matchByName || removed[k].empty() || added[k].empty())
            continue;
        // The fallback: a name that is unique among the unmatched objects of each side.
        std::unordered_map<std::string, std::pair<int, const HostObject*>> namesA;
        std::unordered_map<std::string, std::pair<int, const HostObject*>> namesB;
        for (const HostObject* o : removed[k])
            if (std::string name = nameOf(*o); !name.empty())
                namesA[name] = {namesA[name].first + 1, o};
        for (const HostObject* o : added[k])
            if (std::string name = nameOf(*o); !name.empty())
                namesB[name] = {namesB[name].first + 1, o};
        std::vector<const HostObject*> matchedA;
        std::vector<const HostObject*> matchedB;
        for (const auto& [name, entry] : namesA) {
            auto other = namesB.find(name);
            if (entry.first != 1 || other == namesB.end() || other->second.first != 1)
                continue;
            pairs[k].push_back({entry.second, other->second.second, true});
            idMap[entry.second->id] = other->second.second->id;
            matchedA.push_back(entry.second);
            matchedB.push_back(other->second.second);
        }
        auto drop = [](Objects& list, std::vector<const HostObject*> gone) {
            std::sort(gone.begin(), gone.end());
            std::erase_if(list, [&](const HostObject* o) { return std::binary_search(gone.begin(), gone.end(), o); });
        };
        drop(removed[k], matchedA);
        drop(added[k], matchedB);
        std::sort(pairs[k].begin(), pairs[k].end(), [](const Pair& x, const Pair& y) { return x.a->id < y.a->id; });
    }

    std::vector<DiffObject> changed;
    for (std::size_t k = 0; k < kResourceKinds.size(); ++k) {
        const ResourceKind kind = kResourceKinds[k];
        DiffKindSummary summary{kind, a[k].size(), b[k].size(), added[k].size(), removed[k].size(), 0, 0};
        for (const HostObject* o : removed[k])
            diff.objects.push_back({DiffObject::Type::Removed, kind, o->id, {}, nameOf(*o), false, {}, o->document});
        for (const Pair& pair : pairs[k]) {
            summary.matchedByName += pair.byName;
            // Identical documents need no walk (most objects of two moments of one host); mapping IDs
            // only ever makes more members equal.
            if (!pair.byName && *pair.a->document == *pair.b->document)
                continue;
            std::vector<DiffFieldChange> changes =
                diffDocuments(*pair.a->document, *pair.b->document, idMap, &diff.ignored, kind);
            if (pair.byName)
                changes.insert(changes.begin(), {DiffFieldChange::Type::Changed, "/ID", pair.a->id, pair.b->id, {}, {}});
            if (changes.empty())
                continue;
            ++summary.changed;
            changed.push_back({DiffObject::Type::Changed, kind, pair.a->id, pair.byName ? pair.b->id : std::string(),
                               nameOf(*pair.b), pair.byName, std::move(changes), nullptr});
        }
        diff.kinds.push_back(summary);
    }
    for (DiffObject& o : changed)
        diff.objects.push_back(std::move(o));
    for (std::size_t k = 0; k < kResourceKinds.size(); ++k)
        for (const HostObject* o : added[k])
            diff.objects.push_back(
                {DiffObject::Type::Added, kResourceKinds[k], o->id, {}, nameOf(*o), false, {}, o->document});
    return diff;
}

} // namespace

SnapshotDiff diffObjects(const std::vector<HostObject>& a, const std::vector<HostObject>& b,
                         const DiffOptions& options)
{
    return diffSorted(byKind(a), byKind(b), options);
}

SnapshotDiff diffHosts(const HostState& a, const HostState& b, const DiffOptions& options)
{
    std::vector<Objects> sortedA;
    std::vector<Objects> sortedB;
    for (ResourceKind kind : kResourceKinds) {
        sortedA.push_back(a.objects(kind)); // ordered by ID, one per ID
        sortedB.push_back(b.objects(kind));
    }
    return diffSorted(sortedA, sortedB, options);
}

} // namespace hcn
