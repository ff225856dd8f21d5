#pragma once
// Snapshot diff (docs/diff.md): what differs between two hosts (two snapshots, a live host and a saved
// one, two moments of a recording). Objects are matched by kind and ID, and, when an object of one side
// has no partner by ID, by kind and Name (a re-import or a re-create gives the same named object a new
// ID; such a match says so). Matched objects are compared member by member: paths like JSON pointers,
// arrays of objects matched by what identifies their elements (a policy by its Type and identifying
// settings, a subnet by its prefix) so an added policy reads as added, and arrays of plain values
// (backends, DNS servers) compared as sets. Members that are bookkeeping rather than state (a Detailed
// query's Resources block, the per-document SchemaVersion, import-private "_" members) are not compared;
// how often they differed is reported on its own.

#include "hcn/host_state.h"
#include "hcn/resource_kind.h"

#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace hcn {

/// One difference inside a matched object.
struct DiffFieldChange
{
    enum class Type
    {
        Added,   ///< the member is only in B: `after`
        Removed, ///< the member is only in A: `before`
        Changed, ///< a value differs: `before` → `after`
        Items,   ///< an array compared as a set or by element identity: `removedItems`, `addedItems`
    };
    Type type = Type::Changed;
    /// "/IpConfigurations", "/Policies[Type=ACL,Id=web]/Settings/Action": JSON-pointer-like; an array
    /// element matched by identity is named by it in brackets.
    std::string path;
    nlohmann::json before; ///< Removed, Changed
    nlohmann::json after;  ///< Added, Changed
    std::vector<nlohmann::json> removedItems; ///< Items: in A only
    std::vector<nlohmann::json> addedItems;   ///< Items: in B only
};

/// One object that differs.
struct DiffObject
{
    enum class Type
    {
        Added,   ///< only in B
        Removed, ///< only in A
        Changed, ///< in both, with differences in compared members
    };
    Type type = Type::Changed;
    ResourceKind kind = ResourceKind::Invalid;
    /// Canonical ID: A's for Removed and Changed, B's for Added.
    std::string id;
    /// Changed and matched by name: B's ID (differs from `id`); empty otherwise.
    std::string newId;
    /// "Name" of the document (B's when changed); empty when it has none.
    std::string name;
    bool matchedByName = false;
    /// Changed: the differences, in path order.
    std::vector<DiffFieldChange> changes;
    /// Added / Removed: the document.
    HostDocument document;
};

/// Counts of one kind.
struct DiffKindSummary
{
    ResourceKind kind = ResourceKind::Invalid;
    std::size_t before = 0; ///< objects in A
    std::size_t after = 0;  ///< objects in B
    std::size_t added = 0;
    std::size_t removed = 0;
    std::size_t changed = 0;
    std::size_t matchedByName = 0; ///< of the matched objects (changed or not)
};

struct SnapshotDiff
{
    /// One per kind, in kResourceKinds order (every kind, also empty ones).
    std::vector<DiffKindSummary> kinds;
    /// Removed, then changed, then added; by kind order then ID within each.
    std::vector<DiffObject> objects;
    /// Members not compared (e.g. "Endpoint /Resources") and on how many matched objects they
    /// differed; differences here never make the hosts different.
    std::map<std::string, std::size_t> ignored;

    /// True when no object was added, removed or changed.
    bool same() const { return objects.empty(); }
};

struct DiffOptions
{
    /// Match objects left without a partner by ID by kind + Name (unique names only).
    bool matchByName = true;
};

/// Compares two hosts given as object lists (any order; a repeated kind+ID keeps the first).
SnapshotDiff diffObjects(const std::vector<HostObject>& a, const std::vector<HostObject>& b,
                         const DiffOptions& options = {});
/// Compares two host copies.
SnapshotDiff diffHosts(const HostState& a, const HostState& b, const DiffOptions& options = {});

/// Compares two documents of one kind (the member walk diffObjects uses for a matched pair). `idMap`
/// maps A's canonical IDs to B's for objects matched by name, so references to them compare equal.
std::vector<DiffFieldChange> diffDocuments(const nlohmann::json& a, const nlohmann::json& b,
                                           const std::map<std::string, std::string>& idMap = {},
                                           std::map<std::string, std::size_t>* ignored = nullptr,
                                           ResourceKind kind = ResourceKind::Invalid);

/// {"Same":bool,"Summary":[{"Kind","Before","After","Added","Removed","Changed","MatchedByName"}],
///  "Objects":[{"Change","Kind","ID",("NewID","MatchedByName"),"Name",("Changes"|"Document")}],
///  "Ignored":{"Endpoint /Resources":n}}; see docs/diff.md.
nlohmann::ordered_json toJson(const SnapshotDiff& diff);

std::string_view diffObjectTypeName(DiffObject::Type type);     ///< "added", "removed", "changed"
std::string_view diffFieldChangeTypeName(DiffFieldChange::Type type); ///< "added", "removed", "changed", "items"

} // namespace hcn
