// The member walk of the snapshot diff (hcn/snapshot_diff.h, docs/diff.md): two documents of one kind
// compared member by member, arrays by element identity or as sets.

#include "common/min_cost_pairing.h"
#include "hcn/snapshot_diff.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace hcn {

namespace {

using PlainJson = nlohmann::json;
using IdMap = std::map<std::string, std::string>;

/// 8-4-4-4-12 hex digits, optionally in braces: text compared as an ID.
bool looksLikeGuid(std::string_view text)
{
    if (text.size() == 38 && text.front() == '{' && text.back() == '}')
        text = text.substr(1, 36);
    if (text.size() != 36)
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-')
                return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
            return false;
        }
    }
    return true;
}

/// Upper-case GUID text without braces.
std::string canonicalId(std::string_view text)
{
    if (text.size() == 38 && text.front() == '{' && text.back() == '}')
        text = text.substr(1, 36);
    return canonicalObjectId(text);
}

/// Members that are bookkeeping, not state: never compared anywhere, counted in `ignored`.
bool isPrivateMember(std::string_view key)
{
    return !key.empty() && key.front() == '_';
}

/// Top-level members not compared: the per-document SchemaVersion (how the query rendered it), a
/// Detailed query's Resources block (allocator bookkeeping; a namespace's Resources is its endpoint list
/// and is compared) and ResourceCounts. "ID" is how objects were matched; a name match reports it itself.
bool isEmpty(const PlainJson& value)
{
    return value.is_null() || ((value.is_array() || value.is_object()) && value.empty());
}

/// A null that differs from an absent member: a port mapping's `"Protocol": null` is an import's protocol
/// the dump did not show (unknown), where no Protocol is HNS's zero, any protocol (docs/import.md).
bool meaningfulNull(const PlainJson& object, std::string_view key, const PlainJson& value)
{
    return value.is_null() && key == "Protocol" &&
           (object.contains("InternalPort") || object.contains("ExternalPort"));
}

bool isIgnoredTopLevel(std::string_view key, ResourceKind kind)
{
    return key == "SchemaVersion" || key == "ResourceCounts" ||
           (key == "Resources" && kind != ResourceKind::Namespace);
}

class Walker
{
public:
    Walker(const IdMap& idMap, std::map<std::string, std::size_t>* ignored, ResourceKind kind)
        : m_idMap(idMap), m_ignored(ignored), m_kind(kind)
    {}

    void walk(const PlainJson& a, const PlainJson& b, std::string& path, int depth)
    {
        if (isEmpty(a) && isEmpty(b))
            return;
        if (a.is_object() && b.is_object())
            return walkObject(a, b, path, depth);
        if (a.is_array() && b.is_array())
            return walkArray(a, b, path, depth);
        if (!equal(a, b))
            m_changes.push_back({DiffFieldChange::Type::Changed, path, a, b, {}, {}});
    }

    std::vector<DiffFieldChange> take() { return std::move(m_changes); }

private:
    void ignore(std::string_view key, bool differs)
    {
        if (m_ignored && differs)
            ++(*m_ignored)[std::string(resourceKindName(m_kind)) + " /" + std::string(key)];
    }

    void walkObject(const PlainJson& a, const PlainJson& b, std::string& path, int depth)
    {
        // nlohmann::json objects iterate in key order: one merge over both.
        auto ia = a.begin();
        auto ib = b.begin();
        const std::size_t base = path.size();
        while (ia != a.end() || ib != b.end()) {
            const bool takeA = ib == b.end() || (ia != a.end() && ia.key() < ib.key());
            const bool takeB = ia == a.end() || (ib != b.end() && ib.key() < ia.key());
            const std::string& key = takeA ? ia.key() : ib.key();
            // A State on one side only: that side's source reports none (the engine's documents, a table
            // without the column), which is no change; a State on both sides is compared.
            const bool stateOnOneSide = depth == 0 && key == "State" && (takeA || takeB);
            const bool skipped = isPrivateMember(key) || stateOnOneSide ||
                                 (depth == 0 && (key == "ID" || isIgnoredTopLevel(key, m_kind)));
            if (skipped) {
                ignore(key, takeA || takeB || !equal(ia.value(), ib.value()));
            } else {
                path += '/';
                path += key;
                if ((takeA && isEmpty(ia.value()) && !meaningfulNull(a, key, ia.value())) ||
                    (takeB && isEmpty(ib.value()) && !meaningfulNull(b, key, ib.value())))
                    ; // an empty list or object reads as an absent one (newer builds omit them)
                else if (takeA)
                    m_changes.push_back(
                        {DiffFieldChange::Type::Removed, path, ia.value(), PlainJson(), {}, {}});
                else if (takeB)
                    m_changes.push_back(
                        {DiffFieldChange::Type::Added, path, PlainJson(), ib.value(), {}, {}});
                else
                    walk(ia.value(), ib.value(), path, depth + 1);
                path.resize(base);
            }
            if (!takeB)
                ++ia;
            if (!takeA)
                ++ib;
        }
    }

    void walkArray(const PlainJson& a, const PlainJson& b, std::string& path, int depth)
    {
        if (equal(a, b))
            return;
        // Exact partners first (a set comparison: order is not compared).
        std::vector<std::pair<std::string, std::size_t>> keysA = canonicalKeys(a);
        std::vector<std::pair<std::string, std::size_t>> keysB = canonicalKeys(b);
        std::vector<std::size_t> onlyA;
        std::vector<std::size_t> onlyB;
        auto ia = keysA.begin();
        auto ib = keysB.begin();
        while (ia != keysA.end() || ib != keysB.end()) {
            if (ib == keysB.end() || (ia != keysA.end() && ia->first < ib->first))
                onlyA.push_back((ia++)->second);
            else if (ia == keysA.end() || ib->first < ia->first)
                onlyB.push_back((ib++)->second);
            else
                ++ia, ++ib;
        }
        if (onlyA.empty() && onlyB.empty()) {
            // The same elements in another order: a change only where the order means something.
            if (orderMatters(path))
                m_changes.push_back({DiffFieldChange::Type::Changed, path, a, b, {}, {}});
            return;
        }
        std::sort(onlyA.begin(), onlyA.end());
        std::sort(onlyB.begin(), onlyB.end());

        // Then elements that name the same thing (a policy's Type and identifying settings, a subnet's
        // prefix ...), compared member by member; an element without identity pairs with the one other
        // such element left, if there is exactly one on each side.
        std::vector<bool> pairedA(onlyA.size());
        std::vector<bool> pairedB(onlyB.size());
        std::vector<std::string> identA;
        std::vector<std::string> identB;
        for (std::size_t i : onlyA)
            identA.push_back(identity(a[i]));
        for (std::size_t i : onlyB)
            identB.push_back(identity(b[i]));
        const std::size_t base = path.size();
        for (const auto& [x, y] : pairByIdentity(a, b, onlyA, onlyB, identA, identB, depth)) {
            pairedA[x] = pairedB[y] = true;
            path += '[';
            path += identA[x];
            path += ']';
            walk(a[onlyA[x]], b[onlyB[y]], path, depth + 1);
            path.resize(base);
        }
        auto lonely = [](const std::vector<std::string>& ident, const std::vector<bool>& paired,
                         const std::vector<std::size_t>& only, const PlainJson& array) {
            std::vector<std::size_t> out;
            for (std::size_t x = 0; x < only.size(); ++x)
                if (!paired[x] && ident[x].empty() && array[only[x]].is_object())
                    out.push_back(x);
            return out;
        };
        const auto lonelyA = lonely(identA, pairedA, onlyA, a);
        const auto lonelyB = lonely(identB, pairedB, onlyB, b);
        if (lonelyA.size() == 1 && lonelyB.size() == 1) {
            pairedA[lonelyA[0]] = pairedB[lonelyB[0]] = true;
            path += '/';
            path += std::to_string(onlyB[lonelyB[0]]);
            walk(a[onlyA[lonelyA[0]]], b[onlyB[lonelyB[0]]], path, depth + 1);
            path.resize(base);
        }

        DiffFieldChange items{DiffFieldChange::Type::Items, path, PlainJson(), PlainJson(), {}, {}};
        for (std::size_t x = 0; x < onlyA.size(); ++x)
            if (!pairedA[x])
                items.removedItems.push_back(a[onlyA[x]]);
        for (std::size_t y = 0; y < onlyB.size(); ++y)
            if (!pairedB[y])
                items.addedItems.push_back(b[onlyB[y]]);
        if (!items.removedItems.empty() || !items.addedItems.empty())
            m_changes.push_back(std::move(items));
    }

    /// The elements left on both sides that name the same thing, paired (indexes into onlyA, onlyB),
    /// ordered by A's. Several with one identity on both sides (two OutBoundNAT policies, whose settings
    /// hold nothing identifying) pair up so that the walks report the fewest changes in all (among
    /// pairings as good, the one nearest to their order); past kMaxSimilarityGroup a side, in order.
    std::vector<std::pair<std::size_t, std::size_t>>
    pairByIdentity(const PlainJson& a, const PlainJson& b, const std::vector<std::size_t>& onlyA,
                   const std::vector<std::size_t>& onlyB, const std::vector<std::string>& identA,
                   const std::vector<std::string>& identB, int depth) const
    {
        constexpr std::size_t kMaxSimilarityGroup = 16;
        std::unordered_map<std::string_view, std::pair<std::vector<std::size_t>, std::vector<std::size_t>>>
            groups;
        for (std::size_t x = 0; x < onlyA.size(); ++x)
            if (!identA[x].empty())
                groups[identA[x]].first.push_back(x);
        for (std::size_t y = 0; y < onlyB.size(); ++y)
            if (!identB[y].empty())
                groups[identB[y]].second.push_back(y);
        std::vector<std::pair<std::size_t, std::size_t>> pairs;
        for (const auto& [identity, sides] : groups) {
            const auto& [xs, ys] = sides;
            if (m_measuring || xs.size() <= 1 || ys.size() <= 1 || xs.size() > kMaxSimilarityGroup ||
                ys.size() > kMaxSimilarityGroup) {
                for (std::size_t i = 0; i < std::min(xs.size(), ys.size()); ++i)
                    pairs.emplace_back(xs[i], ys[i]);
                continue;
            }
            // The least changes in all; among pairings as good, the one nearest to pairing in order.
            constexpr long long kNearOrder = 1024; // above any sum of |i - j| for 16 a side
            std::vector<std::vector<long long>> cost(xs.size(), std::vector<long long>(ys.size()));
            for (std::size_t i = 0; i < xs.size(); ++i)
                for (std::size_t j = 0; j < ys.size(); ++j)
                    cost[i][j] =
                        static_cast<long long>(distance(a[onlyA[xs[i]]], b[onlyB[ys[j]]], depth + 1)) *
                            kNearOrder +
                        static_cast<long long>(i > j ? i - j : j - i);
            const std::vector<std::size_t> columnOfRow = minCostPairing(cost);
            for (std::size_t i = 0; i < xs.size(); ++i)
                if (columnOfRow[i] != kUnpaired)
                    pairs.emplace_back(xs[i], ys[columnOfRow[i]]);
        }
        std::sort(pairs.begin(), pairs.end());
        return pairs;
    }

    /// How far apart two elements are: the changes a walk between them reports, the elements of an
    /// items change counted one by one.
    std::size_t distance(const PlainJson& a, const PlainJson& b, int depth) const
    {
        Walker walker(m_idMap, nullptr, m_kind);
        walker.m_measuring = true; // pairs in order inside: one linear walk per measure
        std::string path;
        walker.walk(a, b, path, depth);
        std::size_t changes = 0;
        for (const DiffFieldChange& change : walker.m_changes)
            changes += change.type == DiffFieldChange::Type::Items
                           ? change.removedItems.size() + change.addedItems.size()
                           : 1;
        return changes;
    }

    /// Arrays whose order Windows acts on: DNS servers are asked in list order, search suffixes tried in
    /// list order. Every other array is a set.
    static bool orderMatters(std::string_view path)
    {
        return path.ends_with("/Dns/ServerList") || path.ends_with("/Dns/Search");
    }

    /// Each element's canonical text (IDs canonical and mapped, private members left out) with its
    /// index, sorted.
    std::vector<std::pair<std::string, std::size_t>> canonicalKeys(const PlainJson& array) const
    {
        std::vector<std::pair<std::string, std::size_t>> keys;
        keys.reserve(array.size());
        for (std::size_t i = 0; i < array.size(); ++i)
            keys.emplace_back(canonical(array[i]).dump(-1, ' ', false, PlainJson::error_handler_t::replace),
                              i);
        std::sort(keys.begin(), keys.end());
        return keys;
    }

    PlainJson canonical(const PlainJson& value) const
    {
        if (value.is_string()) {
            const std::string& text = value.get_ref<const std::string&>();
            return looksLikeGuid(text) ? PlainJson(mappedId(text)) : value;
        }
        if (value.is_array()) {
            PlainJson out = PlainJson::array();
            for (const PlainJson& element : value)
                out.push_back(canonical(element));
            return out;
        }
        if (value.is_object()) {
            PlainJson out = PlainJson::object();
            for (auto it = value.begin(); it != value.end(); ++it)
                if (!isPrivateMember(it.key()))
                    out[it.key()] = canonical(it.value());
            return out;
        }
        return value;
    }

    std::string mappedId(std::string_view text) const
    {
        std::string id = canonicalId(text);
        if (auto it = m_idMap.find(id); it != m_idMap.end())
            return it->second;
        return id;
    }

    /// Equal once IDs are canonical (any case, braces) and A's IDs of objects matched by name are B's.
    bool equal(const PlainJson& a, const PlainJson& b) const
    {
        if (a == b)
            return true;
        if (a.type() != b.type())
            return false;
        if (a.is_string()) {
            const std::string& x = a.get_ref<const std::string&>();
            const std::string& y = b.get_ref<const std::string&>();
            return looksLikeGuid(x) && looksLikeGuid(y) && mappedId(x) == canonicalId(y);
        }
        if (a.is_array() || a.is_object())
            return canonical(a) == canonical(b);
        return false;
    }

    /// What an array element is: "Type=ACL,Id=web", "IpAddressPrefix=10.0.0.0/24"; empty when nothing
    /// identifies it.
    std::string identity(const PlainJson& element) const
    {
        if (!element.is_object())
            return {};
        std::string out;
        auto add = [&](const PlainJson& from, const char* key) {
            auto it = from.find(key);
            if (it == from.end() || it->is_null() || it->is_object() || it->is_array())
                return false;
            if (!out.empty())
                out += ',';
            out += key;
            out += '=';
            out += it->is_string() ? (looksLikeGuid(it->get_ref<const std::string&>())
                                          ? mappedId(it->get_ref<const std::string&>())
                                          : it->get<std::string>())
                                   : it->dump();
            return true;
        };
        // A policy: its Type, then what names one policy among others of the type.
        const PlainJson* settings = &element;
        if (add(element, "Type")) {
            if (auto it = element.find("Settings"); it != element.end() && it->is_object())
                settings = &*it;
            else
                return out;
        }
        for (const char* key : {"ID", "Id", "Name", "IpAddressPrefix", "DestinationPrefix", "IpAddress"})
            if (add(*settings, key))
                return out;
        // A port mapping (as a policy's Settings or a load balancer's PortMappings element).
        if (settings->contains("InternalPort") || settings->contains("ExternalPort")) {
            add(*settings, "Protocol");
            add(*settings, "InternalPort");
            add(*settings, "ExternalPort");
        }
        return out;
    }

    const IdMap& m_idMap;
    std::map<std::string, std::size_t>* m_ignored;
    ResourceKind m_kind;
    std::vector<DiffFieldChange> m_changes;
    bool m_measuring = false; ///< a walk that only measures how far apart two elements are
};

} // namespace

std::vector<DiffFieldChange> diffDocuments(const nlohmann::json& a, const nlohmann::json& b, const IdMap& idMap,
                                           std::map<std::string, std::size_t>* ignored, ResourceKind kind)
{
    Walker walker(idMap, ignored, kind);
    std::string path;
    walker.walk(a, b, path, 0);
    return walker.take();
}

} // namespace hcn
