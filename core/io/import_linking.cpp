// Sightings of one object merged into one, and objects linked to each other: an endpoint to its network
// (by ID, or by name when the dump shows only the name), namespaces to their endpoints both ways, load
// balancers and SDN routes to their endpoints. A reference to an object the dump does not hold stays as
// the dump has it and is reported: a support engineer is looking for exactly that.

#include "common/capped_list.h"
#include "common/json_member.h"
#include "common/text.h"
#include "hcn/guid.h"
#include "hcn/json_limits.h"
#include "io/cut_id_warning.h"
#include "io/import_objects.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace hcn::io::detail {
namespace {

/// How much a sighting shows: JSON shows most, a Go struct dump leaves nested pointers out, a list view
/// cuts nested values, a table shows a few columns.
int formatRank(DumpFormat format)
{
    switch (format) {
    case DumpFormat::Json:
        return 4;
    case DumpFormat::CliXml: // typed to its -Depth, like JSON at a shallow -Depth
    case DumpFormat::GoStruct:
        return 3;
    case DumpFormat::ListView:
        return 2;
    case DumpFormat::Table:
        return 1;
    }
    return 0;
}

std::string_view formatLabel(DumpFormat format)
{
    switch (format) {
    case DumpFormat::Json:
        return "JSON";
    case DumpFormat::ListView:
        return "list view";
    case DumpFormat::Table:
        return "table";
    case DumpFormat::GoStruct:
        return "Go struct dump";
    case DumpFormat::CliXml:
        return "CLIXML";
    }
    return "text";
}

bool better(const Sighting& a, const Sighting& b)
{
    if (a.namespaceReference != b.namespaceReference)
        return b.namespaceReference; // an endpoint's reference found on its own shows least
    if (formatRank(a.format) != formatRank(b.format))
        return formatRank(a.format) > formatRank(b.format);
    if (a.lost.size() != b.lost.size())
        return a.lost.size() < b.lost.size();
    if (a.document.size() != b.document.size())
        return a.document.size() > b.document.size();
    return a.order > b.order; // the later one: a dump appended after a change
}

/// A GUID made from the text that shows an object without one and the text of its source around it,
/// the same on every import of that text under any file name: a bundle unpacked again, renamed or zipped
/// gives its objects the IDs it gave them before. The same record in two hosts' files (which differ
/// elsewhere) stays two objects.
std::string madeUpId(const Sighting& s)
{
    return stableGuid(s.sourceKey + "\n" + std::to_string(s.firstLine) + "\n" + s.originalText);
}

} // namespace

std::string stableGuid(std::string_view seed)
{
    auto fnv = [](std::string_view text, std::uint64_t hash) {
        for (unsigned char c : text)
            hash = (hash ^ c) * 1099511628211ull;
        return hash;
    };
    const std::uint64_t a = fnv(seed, 14695981039346656037ull);
    const std::uint64_t b = fnv(seed, a ^ 0x9E3779B97F4A7C15ull);
    char text[40];
    std::snprintf(text, sizeof text, "%08X-%04X-4%03X-%04X-%012llX", static_cast<unsigned>(a >> 32),
                  static_cast<unsigned>((a >> 16) & 0xFFFF), static_cast<unsigned>(a & 0xFFF),
                  static_cast<unsigned>(0x8000 | ((b >> 48) & 0x3FFF)),
                  static_cast<unsigned long long>(b & 0xFFFFFFFFFFFFull));
    return text;
}

void keyBySourceText(std::vector<Sighting>& sightings, std::size_t first,
                     const std::vector<CleanedLine>& lines)
{
    // Only an object shown without a GUID for its ID gets a made-up one (madeUpId): a dump whose objects
    // all show theirs costs no pass over its text.
    const auto showsItsGuid = [](const Sighting& s) {
        if (!s.document.is_object())
            return false;
        for (const auto& [key, value] : s.document.items())
            if (key.size() == 2 && (key[0] == 'I' || key[0] == 'i') && (key[1] == 'D' || key[1] == 'd'))
                return value.is_string() && Guid::parse(idKeyOf(value), true).has_value();
        return false;
    };
    if (first >= sightings.size() ||
        std::all_of(sightings.begin() + std::ptrdiff_t(first), sightings.end(), showsItsGuid))
        return;
    std::string text;
    for (const CleanedLine& line : lines)
        text.append(line.text).push_back('\n');
    const std::string key = stableGuid(text);
    for (std::size_t i = first; i < sightings.size(); ++i)
        sightings[i].sourceKey = key;
}

namespace {

/// Whether the sighting's text was cut (the paste, the log line or the dump ended inside it): it may
/// show any member only in part. Every reader says so in the value's fields (FoundValue::startCut,
/// cutOff, cutId); what its losses say is for the reader of the report.
bool wasCut(const Sighting& s)
{
    return s.startCut || s.cutOff || !s.cutId.empty();
}

/// Whether `part` shows nothing `whole` does not: its members are members of `whole` showing part of
/// them, its list the first elements of `whole`'s.
bool showsPartOf(const json& part, const json& whole, int depth = 0)
{
    if (part == whole || part.is_null())
        return true;
    if (depth > kDefaultMaxJsonDepth || part.type() != whole.type())
        return false;
    if (part.is_object()) {
        for (const auto& [key, value] : part.items()) {
            const auto it = whole.find(key);
            if (it == whole.end() || !showsPartOf(value, *it, depth + 1))
                return false;
        }
        return true;
    }
    if (part.is_array()) {
        if (part.size() > whole.size())
            return false;
        for (std::size_t i = 0; i < part.size(); ++i)
            if (!showsPartOf(part[i], whole[i], depth + 1))
                return false;
        return true;
    }
    return false;
}

/// The top-level members both documents show with different values ("State", "HostComputeEndpoints"):
/// the object changed between two captures. A member only one shows is no difference (a table shows
/// fewer than a JSON dump), nor is the `null` the import writes for what the dump does not show (a
/// network's unknown `Type`), nor a member a cut sighting shows only in part; IDs are compared as IDs.
std::vector<std::string> differingMembers(const Sighting& a, const Sighting& b)
{
    std::vector<std::string> out;
    if (!a.document.is_object() || !b.document.is_object())
        return out;
    const bool aCut = wasCut(a);
    const bool bCut = wasCut(b);
    for (const auto& [key, value] : a.document.items()) {
        if (key == "ID" || key == "_v1" || key == "SchemaVersion")
            continue;
        const auto other = b.document.find(key);
        if (other == b.document.end() || *other == value || value.is_null() || other->is_null())
            continue;
        if (value.is_string() && other->is_string() && idKeyOf(value) == idKeyOf(*other) &&
            Guid::parse(idKeyOf(value), true))
            continue;
        if ((aCut && showsPartOf(value, *other)) || (bCut && showsPartOf(*other, value)))
            continue;
        out.push_back(key);
    }
    return out;
}

/// Removes the sightings `marked` holds true for (by their index), keeping the order of the others.
void eraseMarked(std::vector<Sighting>& sightings, const std::vector<bool>& marked)
{
    // remove_if tests each element before anything is moved onto its place: its address gives its index.
    std::erase_if(sightings, [&](const Sighting& s) { return marked[std::size_t(&s - sightings.data())]; });
}

/// Whether `loss` is the one a reader gives a value whose text never closes, saying where it ends
/// ("the dump ends inside this value after line 24; what followed is unknown", "the dump ends after
/// Name; ...", "the dump cannot be read in Policies; ...").
bool saysWhereTextEnds(const std::string& loss)
{
    return loss.starts_with("the dump ends ") || loss.starts_with("the dump cannot be read");
}

/// Whether `loss` is the one a reader gives a value the paste starts inside ("the paste starts inside
/// this value; its members before line 28 are unknown").
bool saysWhereTextStarts(const std::string& loss)
{
    return loss.starts_with("the paste starts inside this value");
}

std::string sightingPlace(const Sighting& s)
{
    return s.source + " line " + std::to_string(s.firstLine) + " (" + std::string(formatLabel(s.format)) +
           ")";
}

/// The switch a network document names (v2 `Health.Extra.SwitchGuid`, where the mapping puts v1's
/// `SwitchGuid`), as an ID key; empty when it names none.
std::string switchKeyOf(const json& document)
{
    const json* health = memberIgnoringCase(document, "Health");
    const json* extra = health && health->is_object() ? memberIgnoringCase(*health, "Extra") : nullptr;
    const json* guid = extra && extra->is_object() ? memberIgnoringCase(*extra, "SwitchGuid") : nullptr;
    return guid ? idKeyOf(*guid) : std::string();
}

/// The members of `rest` that `document` lacks or has as null (what the import writes for a member
/// the dump does not show) join it (also under "_v1"); returns the names of those that did.
std::vector<std::string> joinMembers(json& document, json& rest)
{
    std::vector<std::string> joined;
    for (auto& [key, value] : rest.items()) {
        if (!document.contains(key) || (document[key].is_null() && !value.is_null())) {
            document[key] = std::move(value);
            joined.push_back(key);
        } else if (key == "_v1" && value.is_object() && document[key].is_object())
            for (auto& [v1Key, v1Value] : value.items())
                if (!document[key].contains(v1Key))
                    document[key][v1Key] = std::move(v1Value);
    }
    return joined;
}

/// `rest` (Sighting::continuation) joins the sighting that shows the start of its object: its members
/// where that one lacks them, its losses but the one saying where its text starts, its notes.
void joinRest(Sighting& start, Sighting& rest)
{
    for (const std::string& key : joinMembers(start.document, rest.document))
        std::erase_if(start.lost, [&key](const std::string& loss) {
            return loss.starts_with(key + ": not in the dump");
        });
    for (std::string& loss : rest.lost)
        if (!saysWhereTextStarts(loss))
            start.lost.push_back(std::move(loss));
    for (std::string& note : rest.notes)
        start.notes.push_back(std::move(note));
    start.notes.push_back("joined with the rest of its text, which starts after its ID, in " +
                          sightingPlace(rest) + ": the network on the same switch (SwitchGuid " +
                          switchKeyOf(rest.document) +
                          ") whose members agree with it wherever both show one");
    start.originalText += "\n" + rest.originalText;
}

/// An endpoint's JSON that a chat header (a Teams or Slack copy: `Alex Kim  10:42 AM` between two
/// messages) or another cut split in two is read as the endpoint up to the split (its text ends inside
/// it) and, after the split, what the rest gives: its `Namespace` member found on its own (`{"ID":
/// ..., "IsDefault": ...}`), or its members after the cut without the ID (a fenced message of its own).
/// A rest right after such an endpoint (same source and format, nothing read in between) is that
/// endpoint's: the namespace it names is the endpoint's namespace, and a rest without an ID joins the
/// endpoint (the endpoint's own members win). The namespace member found on its own stays the
/// namespace known from it, now listing the endpoint.
void joinSplitEndpoints(std::vector<Sighting>& sightings)
{
    std::vector<std::size_t> byPlace(sightings.size());
    for (std::size_t i = 0; i < byPlace.size(); ++i)
        byPlace[i] = i;
    std::stable_sort(byPlace.begin(), byPlace.end(), [&](std::size_t a, std::size_t b) {
        const Sighting& x = sightings[a];
        const Sighting& y = sightings[b];
        return std::tie(x.source, x.firstLine, x.lastLine) < std::tie(y.source, y.firstLine, y.lastLine);
    });
    std::vector<bool> joined(sightings.size(), false);
    std::optional<std::size_t> open; // the endpoint whose text ends inside it, before the current sighting
    for (const std::size_t i : byPlace) {
        Sighting& rest = sightings[i];
        const std::optional<std::size_t> before = std::exchange(open, std::nullopt);
        const bool endpoint = rest.kind == ResourceKind::Endpoint;
        if (endpoint && rest.cutOff && rest.document.contains("ID"))
            open = i;
        if (!before)
            continue;
        Sighting& cut = sightings[*before];
        if (cut.source != rest.source || cut.format != rest.format || rest.firstLine <= cut.lastLine)
            continue;
        const std::string place =
            "lines " + std::to_string(rest.firstLine) + "-" + std::to_string(rest.lastLine);
        if (rest.namespaceReference) {
            if (!textMember(cut.document, "HostComputeNamespace").empty())
                continue;
            cut.document["HostComputeNamespace"] = rest.document.value("ID", json());
            cut.notes.push_back("HostComputeNamespace: its Namespace member found on its own at " + place +
                                ", after the text that split the endpoint");
            continue;
        }
        if (!endpoint || rest.document.contains("ID") || !rest.startCut)
            continue;
        // The rest of the endpoint: its members join it, and what is unknown is what the split hid.
        joinMembers(cut.document, rest.document);
        std::erase_if(cut.lost, saysWhereTextEnds);
        cut.lost.push_back("the text between line " + std::to_string(cut.lastLine) + " and line " +
                           std::to_string(rest.firstLine) +
                           " split the value; its members there are unknown");
        for (std::string& loss : rest.lost)
            if (!saysWhereTextStarts(loss))
                cut.lost.push_back(std::move(loss));
        cut.notes.push_back("joined with the rest of its text at " + place +
                            ", after the text that split it");
        if (cut.networkName.empty())
            cut.networkName = std::move(rest.networkName);
        cut.lastLine = rest.lastLine;
        cut.originalText += "\n" + rest.originalText;
        joined[i] = true;
        cut.cutOff = rest.cutOff;
        if (cut.cutOff)
            open = *before; // split again
    }
    eraseMarked(sightings, joined);
}

/// The sighting of the object `sightings[cut]` is when the dump ends inside its ID: another object of
/// its kind whose ID starts with what the dump shows (any case), whose Name and Type agree with its own
/// where both show them, and either holds its name or the part shown holds the ID's first group (8
/// digits). None when no object or several objects fit; `fitting` counts the objects that fit.
std::optional<std::size_t> sightingOfCutId(const std::vector<Sighting>& sightings, std::size_t cut,
                                           std::size_t& fitting)
{
    const Sighting& s = sightings[cut];
    const std::string prefix = idKey(s.cutId);
    const std::string name = textMember(s.document, "Name");
    std::optional<std::size_t> found;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < sightings.size(); ++i) {
        const Sighting& other = sightings[i];
        if (i == cut || other.kind != s.kind || !other.cutId.empty())
            continue;
        const std::string key = idKeyOf(other.document.value("ID", json()));
        if (!key.starts_with(prefix) || !Guid::parse(key, true))
            continue;
        const auto disagree = [&](const char* member) {
            const std::string mine = textMember(s.document, member);
            const std::string theirs = textMember(other.document, member);
            return !mine.empty() && !theirs.empty() && !equalsIgnoreCase(mine, theirs);
        };
        if (disagree("Name") || disagree("Type"))
            continue;
        if ((name.empty() || name != textMember(other.document, "Name")) && prefix.size() < 8)
            continue;
        if (ids.insert(key).second && !found)
            found = i;
    }
    fitting = ids.size();
    return ids.size() == 1 ? found : std::nullopt;
}

/// The network `sightings[cut]` is when the paste starts after its ID (a line too long for one message,
/// pasted in parts, the later part starting inside the network): the one network with an ID of the dump
/// on the same switch whose members agree with it wherever both show one. None when no network or
/// several fit: a switch can carry several networks.
std::optional<std::size_t> networkOfStartCut(const std::vector<Sighting>& sightings, std::size_t cut)
{
    const Sighting& s = sightings[cut];
    const std::string switchKey = switchKeyOf(s.document);
    if (s.kind != ResourceKind::Network || !s.startCut || switchKey.empty())
        return std::nullopt;
    std::optional<std::size_t> found;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < sightings.size(); ++i) {
        const Sighting& other = sightings[i];
        if (i == cut || other.kind != ResourceKind::Network || switchKeyOf(other.document) != switchKey)
            continue;
        const std::string key = idKeyOf(other.document.value("ID", json()));
        if (!Guid::parse(key, true))
            continue;
        const bool agree =
            std::all_of(s.document.items().begin(), s.document.items().end(), [&](const auto& item) {
                const json* theirs = memberIgnoringCase(other.document, item.key());
                // The import writes null for what a dump does not show (a Type cut off): no disagreement.
                return item.key() == "ID" || item.value().is_structured() || item.value().is_null() ||
                       !theirs || theirs->is_structured() || theirs->is_null() || *theirs == item.value();
            });
        if (agree && ids.insert(key).second && !found)
            found = i;
    }
    return ids.size() == 1 ? found : std::nullopt;
}

/// Whether a sighting without an ID shows nothing that tells which object it is: no Name, no Type, no
/// address, no reference, only members namesNoObjectAlone (cut_id_warning.h; a value the import writes for
/// what the dump does not show, null, counts as none).
bool namesNothing(const Sighting& s)
{
    if (!s.document.is_object() || !idKeyOf(s.document.value("ID", json())).empty() || !s.cutId.empty() ||
        s.namespaceReference)
        return false;
    const auto empty = [](const json& value) {
        return value.is_null() || ((value.is_array() || value.is_object()) && value.empty()) ||
               (value.is_string() && trimBlanks(value.get_ref<const std::string&>()).empty());
    };
    for (const auto& [key, value] : s.document.items()) {
        if (key == "ID" || empty(value) || namesNoObjectAlone(key))
            continue;
        if (key != "_v1" || !value.is_object())
            return false;
        for (const auto& [v1Key, v1Value] : value.items())
            if (!empty(v1Value) && !namesNoObjectAlone(v1Key))
                return false;
    }
    return true;
}

/// "Get-HnsNetwork record": the cmdlet that shows a v1 object of the kind, else "network record".
std::string recordLabel(const Sighting& s)
{
    if (s.wasV1) {
        switch (s.kind) {
        case ResourceKind::Network:
            return "Get-HnsNetwork record";
        case ResourceKind::Endpoint:
            return "Get-HnsEndpoint record";
        case ResourceKind::LoadBalancer:
            return "Get-HnsPolicyList record";
        default:
            break;
        }
    }
    return std::string(resourceKindLabel(s.kind)) + " record";
}

/// The members a record shows beside what it lacks, as the warnings about cut IDs name them
/// (shownMembersText): "ActivityId C6B0351B-..., CurrentEndpointCount 0".
std::string shownMembers(const json& document)
{
    std::vector<std::pair<std::string, std::string>> members;
    const auto add = [&](const std::string& key, const json& value) {
        if (key != "ID" && key != "_v1" && !value.is_null() && !value.is_object() && !value.is_array())
            members.emplace_back(key, value.is_string() ? value.get<std::string>() : value.dump());
    };
    if (const auto v1 = document.find("_v1"); v1 != document.end() && v1->is_object())
        for (const auto& [key, value] : v1->items())
            add(key, value);
    for (const auto& [key, value] : document.items())
        add(key, value);
    return shownMembersText(members);
}

class Linker
{
public:
    Linker(LinkedObjects& linked, std::vector<ImportMessage>& messages) : m_linked(linked), m_messages(messages) {}

    void merge(std::vector<Sighting>&& sightings)
    {
        joinSplitEndpoints(sightings);
        const std::multimap<std::size_t, Sighting> cutIdsOnly = takeCutIdsOnly(sightings);
        dropRecordsNamingNothing(sightings);
        const std::map<std::string, std::string> idsByAddress = addressIndex(sightings);
        // Group by kind and ID, in the order objects first appear.
        std::map<std::pair<ResourceKind, std::string>, std::vector<std::size_t>> groups;
        std::vector<std::pair<ResourceKind, std::string>> order;
        for (std::size_t i = 0; i < sightings.size(); ++i) {
            Sighting& s = sightings[i];
            const json given = s.document.value("ID", json());
            std::string key = idKeyOf(given);
            if (key.empty() && s.kind == ResourceKind::Endpoint) {
                // A table row without an ID (collectlogs' endpoint.txt) is the endpoint with its address.
                for (const std::string& address : addressesOf(s.document)) {
                    if (auto it = idsByAddress.find(address); it != idsByAddress.end()) {
                        key = it->second;
                        s.document["ID"] = key;
                        break;
                    }
                }
            }
            std::size_t fitting = 0;
            const std::optional<std::size_t> whole =
                key.empty() && !s.cutId.empty() ? sightingOfCutId(sightings, i, fitting) : std::nullopt;
            const std::optional<std::size_t> continued =
                key.empty() && !whole ? networkOfStartCut(sightings, i) : std::nullopt;
            if (continued) {
                // The rest of a network whose start another part of the paste shows: merged with it.
                const Sighting& other = sightings[*continued];
                s.document["ID"] = other.document["ID"];
                key = idKeyOf(s.document["ID"]);
                s.continuation = true;
            } else if (whole) {
                // The object seen whole elsewhere, seen again: merged with its other sightings.
                const Sighting& other = sightings[*whole];
                s.document["ID"] = other.document["ID"];
                key = idKeyOf(s.document["ID"]);
                s.notes.push_back("ID: cut off after " + s.cutId + "; it is " +
                                  textMember(other.document, "ID") + ", the " +
                                  std::string(resourceKindLabel(s.kind)) + " shown whole in " +
                                  sightingPlace(other));
            } else if (key.empty() || !Guid::parse(key, true)) {
                const std::string id = madeUpId(s);
                const std::string fits = fitting < 2
                                             ? std::string()
                                             : ", which starts the IDs of " + std::to_string(fitting) + " " +
                                                   std::string(resourceKindLabel(s.kind)) + "s in the dump";
                // First: what the snapshot calls it matters most (a table's other losses follow).
                s.lost.insert(s.lost.begin(), !s.cutId.empty() && key.empty()
                                     ? "ID: cut off after " + s.cutId + fits + "; the snapshot calls it " + id
                                 : key.empty()
                                     ? "ID: not in the dump; the snapshot calls it " + id
                                     : "ID: " + given.dump() + " is not a GUID; the snapshot calls it " + id);
                if (!key.empty()) {
                    s.document["_v1"] = s.document.contains("_v1") && s.document["_v1"].is_object() ? s.document["_v1"] : json::object();
                    s.document["_v1"]["ID"] = given;
                }
                s.document["ID"] = id;
                s.idMadeUp = true;
                key = id;
            } else if (given.is_string()) {
                // `" { GUID } "`, `"GUID }"`: the key reads through blanks and braces; the snapshot holds
                // the ID as the key reads it, as HNS writes it (the mapping already took the braces off a
                // plain `"{GUID}"`).
                const std::string& text = given.get_ref<const std::string&>();
                const std::string_view id = idText(text);
                if (id.size() != text.size()) {
                    s.document["ID"] = Guid::parse(id) ? std::string(id) : key;
                    s.notes.push_back("ID: the blanks around " + given.dump() + " were left out");
                }
            }
            auto [it, inserted] = groups.try_emplace({s.kind, key});
            if (inserted)
                order.push_back({s.kind, key});
            it->second.push_back(i);
        }
        reportComputers(sightings);
        for (const auto& group : order) {
            std::vector<std::size_t>& members = groups[group];
            // The sighting that shows the object's ID is the one the rest of its text joins.
            const std::size_t best =
                *std::max_element(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
                    if (sightings[a].continuation != sightings[b].continuation)
                        return sightings[a].continuation;
                    return better(sightings[b], sightings[a]);
                });
            Sighting& primary = sightings[best];
            for (std::size_t other : members) {
                for (auto [it, end] = cutIdsOnly.equal_range(other); it != end; ++it)
                    primary.notes.push_back("also shown in " + sightingPlace(it->second) +
                                            ", cut off inside its ID after " + it->second.cutId);
                if (other == best)
                    continue;
                Sighting& seen = sightings[other];
                if (seen.continuation && !primary.continuation) {
                    joinRest(primary, seen);
                    continue;
                }
                // Two captures in one format that disagree: the object changed between them. (A table and
                // a JSON dump of one moment differ in how much they show, not in what.)
                const std::vector<std::string> differing = primary.format == seen.format
                                                               ? differingMembers(primary, seen)
                                                               : std::vector<std::string>{};
                if (!primary.computer.empty() && !seen.computer.empty() &&
                    primary.computer != seen.computer) {
                    // Invoke-Command on two nodes: neither is later, and one snapshot holds one host.
                    m_later.push_back(
                        {m_linked.objects.size(), ImportSeverity::Warning,
                         (differing.empty()
                              ? "shown on two computers, " + seen.computer + " in " + sightingPlace(seen) +
                                    " and " + primary.computer + " in " + sightingPlace(primary)
                              : "shown differently on two computers, " + seen.computer + " in " +
                                    sightingPlace(seen) + " (" + joinedList(differing, ", ") + ") and " +
                                    primary.computer + " in " + sightingPlace(primary)) +
                             ": merged into one object, as " + primary.computer + " shows it"});
                } else if (differing.empty()) {
                    primary.notes.push_back(
                        "also shown in " + sightingPlace(seen) +
                        (seen.cutId.empty() ? std::string() : ", cut off inside its ID after " + seen.cutId));
                } else {
                    m_later.push_back(
                        {m_linked.objects.size(), ImportSeverity::Warning,
                         "shown differently in " + sightingPlace(seen) + " (" + joinedList(differing, ", ") +
                             "); the snapshot has it as in " + sightingPlace(primary) + ", which is " +
                             (primary.order > seen.order ? "later in the dump" : "more complete")});
                }
                if (primary.networkName.empty())
                    primary.networkName = seen.networkName;
            }
            const bool reference = primary.namespaceReference;
            add(std::move(primary));
            if (reference) {
                // What only an endpoint's reference shows is no namespace object: what a namespace known
                // from its endpoints holds, and where it was seen.
                json& doc = m_linked.documents.back();
                doc = json{{"ID", doc.value("ID", json())}, {"Resources", json::array()}};
                m_linked.objects.back().notes.insert(m_linked.objects.back().notes.begin(),
                                                     "not in the dump itself: an endpoint's Namespace member "
                                                     "(ID, IsDefault) found on its own");
                m_later.push_back({m_linked.objects.size() - 1, ImportSeverity::Info,
                                   "known only from an endpoint's Namespace member at these lines, found on "
                                   "its own (the text around it is cut)"});
            }
        }
        for (Later& later : m_later)
            report(later.object, later.severity, std::move(later.text));
    }

    void link()
    {
        index();
        for (std::size_t i = 0; i < m_linked.objects.size(); ++i) {
            switch (m_linked.objects[i].kind) {
            case ResourceKind::Endpoint:
                linkEndpoint(i);
                break;
            case ResourceKind::Namespace:
                linkNamespace(i);
                break;
            case ResourceKind::LoadBalancer:
                checkNetwork(i);
                checkEndpointList(i, "backend");
                break;
            case ResourceKind::SdnRoute:
                checkEndpointList(i, "endpoint");
                break;
            default:
                break;
            }
        }
        reportUnshown();
    }

private:
    /// The sightings without an ID that name nothing (namesNothing) leave `sightings`: an ID the import
    /// made up for them would stand for no object anyone can find, and a second dump of the same host
    /// would show it removed and another added. Each is a warning, worded as a table row cut before its
    /// ID is: "a Get-HnsNetwork record cut before its ID (ActivityId C6B0351B-...); not imported".
    void dropRecordsNamingNothing(std::vector<Sighting>& sightings)
    {
        std::vector<bool> drop(sightings.size(), false);
        for (std::size_t i = 0; i < sightings.size(); ++i) {
            const Sighting& s = sightings[i];
            if (!namesNothing(s))
                continue;
            drop[i] = true;
            const std::string shown = shownMembers(s.document);
            m_messages.push_back(
                {ImportSeverity::Warning,
                 s.source,
                 s.firstLine,
                 s.lastLine,
                 ResourceKind::Invalid,
                 {},
                 "a " + recordLabel(s) +
                     (wasCut(s) ? " cut before its ID" : " without an ID, a Name or a Type") +
                     (shown.empty() ? std::string() : " (" + shown + ")") + "; not imported"});
        }
        eraseMarked(sightings, drop);
    }

    /// The sightings that show nothing but the start of their ID leave `sightings`: each that is the one
    /// object of its kind seen whole whose ID starts so (sightingOfCutId, as for a cut sighting showing
    /// other members) is noted on that object, by the index its sighting has after they left; each other
    /// is a warning, which says so when several objects fit.
    std::multimap<std::size_t, Sighting> takeCutIdsOnly(std::vector<Sighting>& sightings)
    {
        std::vector<std::optional<std::size_t>> wholeOf(sightings.size());
        std::vector<bool> only(sightings.size(), false);
        for (std::size_t i = 0; i < sightings.size(); ++i) {
            const Sighting& s = sightings[i];
            if (!s.onlyCutId || s.lost.empty())
                continue;
            only[i] = true;
            std::size_t fitting = 0;
            wholeOf[i] = sightingOfCutId(sightings, i, fitting);
            if (wholeOf[i])
                continue;
            std::string text = s.lost.front();
            if (fitting > 1)
                text.insert(text.size() - std::string_view("; not imported").size(),
                            "; " + s.cutId + " starts the IDs of " + std::to_string(fitting) + " " +
                                std::string(resourceKindLabel(s.kind)) + "s in the dump, which is ambiguous");
            m_messages.push_back({ImportSeverity::Warning,
                                  s.source,
                                  s.firstLine,
                                  s.lastLine,
                                  ResourceKind::Invalid,
                                  {},
                                  std::move(text)});
        }
        std::vector<std::size_t> newIndex(sightings.size());
        for (std::size_t i = 0, kept = 0; i < sightings.size(); ++i)
            newIndex[i] = only[i] ? kept : kept++;
        std::multimap<std::size_t, Sighting> found;
        for (std::size_t i = 0; i < sightings.size(); ++i)
            if (wholeOf[i])
                found.emplace(newIndex[*wholeOf[i]], std::move(sightings[i]));
        eraseMarked(sightings, only);
        return found;
    }

    /// Objects from several computers (PowerShell remoting's `PSComputerName`: Invoke-Command on several
    /// nodes) in one dump: the snapshot is one host, so the report says so.
    void reportComputers(const std::vector<Sighting>& sightings)
    {
        std::vector<std::string> computers;
        for (const Sighting& s : sightings)
            if (!s.computer.empty() &&
                std::find(computers.begin(), computers.end(), s.computer) == computers.end())
                computers.push_back(s.computer);
        if (computers.size() < 2)
            return;
        m_messages.push_back(
            {ImportSeverity::Warning,
             {},
             0,
             0,
             ResourceKind::Invalid,
             {},
             "the dump holds objects from " + std::to_string(computers.size()) + " computers (" +
                 joinedList(computers, ", ") +
                 "; PowerShell remoting's PSComputerName): the snapshot shows them as one host, "
                 "and an object two computers show with the same ID is one object in it"});
    }

    /// An endpoint's MAC (upper case, dashes) and IP addresses, as keys of addressIndex.
    static std::vector<std::string> addressesOf(const json& doc)
    {
        std::vector<std::string> keys;
        std::string mac = textMember(doc, "MacAddress");
        if (!mac.empty()) {
            for (char& c : mac)
                c = c == ':' ? '-' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            keys.push_back("mac " + mac);
        }
        if (auto configs = doc.find("IpConfigurations"); configs != doc.end() && configs->is_array())
            for (const json& config : *configs)
                if (config.is_object() && config.contains("IpAddress") && config["IpAddress"].is_string())
                    keys.push_back("ip " + config["IpAddress"].get<std::string>());
        return keys;
    }

    /// The endpoints with an ID by each of their addresses; an address two endpoints share names none.
    static std::map<std::string, std::string> addressIndex(const std::vector<Sighting>& sightings)
    {
        std::map<std::string, std::string> index;
        std::set<std::string> shared;
        for (const Sighting& s : sightings) {
            const std::string id = idKeyOf(s.document.value("ID", json()));
            if (s.kind != ResourceKind::Endpoint || id.empty())
                continue;
            for (const std::string& address : addressesOf(s.document)) {
                auto [it, inserted] = index.emplace(address, id);
                if (!inserted && it->second != id)
                    shared.insert(address);
            }
        }
        for (const std::string& address : shared)
            index.erase(address);
        return index;
    }

    void add(Sighting&& s)
    {
        ImportedObject object;
        object.kind = s.kind;
        object.id = textMember(s.document, "ID");
        object.name = textMember(s.document, "Name");
        object.source = std::move(s.source);
        object.firstLine = s.firstLine;
        object.lastLine = s.lastLine;
        object.format = s.format;
        object.wasV1 = s.wasV1;
        object.idMadeUp = s.idMadeUp;
        object.originalText = std::move(s.originalText);
        object.lost = std::move(s.lost);
        object.unknownFields = unknownFields(s.kind, s.document, s.ownV1Members);
        object.notes = std::move(s.notes);
        if (std::vector<std::pair<std::string, int>>& cuts = m_cutListings[s.kind];
            s.cutOff && std::none_of(cuts.begin(), cuts.end(),
                                     [&](const auto& cut) { return cut.first == object.source; }))
            cuts.emplace_back(object.source, s.lastLine);
        m_networkNames.push_back(std::move(s.networkName));
        m_linked.objects.push_back(std::move(object));
        m_linked.documents.push_back(std::move(s.document));
    }

    void index()
    {
        for (std::size_t i = 0; i < m_linked.objects.size(); ++i) {
            const ImportedObject& o = m_linked.objects[i];
            ++m_kindCounts[o.kind];
            m_byId[{o.kind, idKey(o.id)}] = i;
            if (o.kind == ResourceKind::Network && !o.name.empty())
                m_networksByName.emplace(lowerCopy(o.name), i);
        }
    }

    std::optional<std::size_t> find(ResourceKind kind, const std::string& id) const
    {
        auto it = m_byId.find({kind, idKey(id)});
        return it == m_byId.end() ? std::nullopt : std::optional(it->second);
    }

    void report(std::size_t i, ImportSeverity severity, std::string text)
    {
        const ImportedObject& o = m_linked.objects[i];
        const std::string who =
            std::string(resourceKindLabel(o.kind)) + " " + (o.name.empty() ? o.id : o.name + " (" + o.id + ")");
        m_messages.push_back({severity, o.source, o.firstLine, o.lastLine, o.kind, o.id, who + ": " + text});
    }

    /// Whether `reference` is the zero GUID: "none" to HNS (a remote endpoint's VirtualNetwork, an
    /// endpoint outside any namespace), never a link to an object.
    static bool isZeroGuid(const std::string& reference)
    {
        const auto guid = Guid::parse(reference, true);
        return guid && guid->isNull();
    }

    /// Drops a member that names the zero GUID, with a note saying it names none.
    void dropZeroReference(std::size_t i, const char* member, const char* noun)
    {
        json& doc = m_linked.documents[i];
        if (!isZeroGuid(textMember(doc, member)))
            return;
        doc.erase(member);
        m_linked.objects[i].notes.push_back(std::string(member) + ": the zero GUID, no " + noun);
    }

    void linkEndpoint(std::size_t i)
    {
        // Indexes, not references: a namespace made below grows the vectors.
        const std::string id = m_linked.objects[i].id;
        const std::string networkName = m_networkNames[i];
        dropZeroReference(i, "HostComputeNetwork", "network");
        dropZeroReference(i, "HostComputeNamespace", "namespace");
        std::string network = textMember(m_linked.documents[i], "HostComputeNetwork");
        std::string notGuid; // a network reference cut by the paste, or redacted
        if (!network.empty() && !Guid::parse(network, true)) {
            json& doc = m_linked.documents[i];
            if (!doc.contains("_v1") || !doc["_v1"].is_object())
                doc["_v1"] = json::object();
            doc["_v1"]["VirtualNetwork"] = network;
            doc.erase("HostComputeNetwork");
            notGuid = "names its network \"" + network + "\", which is not a GUID (cut by the paste?)";
            network.clear();
        }
        if (!network.empty()) {
            if (const auto target = find(ResourceKind::Network, network))
                spellAsTarget(i, m_linked.documents[i]["HostComputeNetwork"], *target, "HostComputeNetwork");
            else
                missing(i, ResourceKind::Network, network, "its network " + network + " is not in the dump");
        } else if (!networkName.empty()) {
            const auto range = m_networksByName.equal_range(lowerCopy(networkName));
            const auto count = std::distance(range.first, range.second);
            // Every host has its "nat": with several hosts' files, the name is the one in the endpoint's
            // file.
            std::optional<std::size_t> inFile;
            std::size_t inFileCount = 0;
            for (auto it = range.first; count > 1 && it != range.second; ++it)
                if (m_linked.objects[it->second].source == m_linked.objects[i].source && inFileCount++ == 0)
                    inFile = it->second;
            if (count == 1 || inFileCount == 1) {
                const std::size_t target = count == 1 ? range.first->second : *inFile;
                m_linked.documents[i]["HostComputeNetwork"] = m_linked.objects[target].id;
                m_linked.objects[i].notes.push_back(
                    (notGuid.empty() ? "" : notGuid + "; ") + "network found by its name \"" + networkName +
                    "\"" +
                    (count == 1 ? std::string()
                                : " in its own file; the other files hold " + std::to_string(count - 1) +
                                      " more network" + (count == 2 ? "" : "s") + " of that name"));
                notGuid.clear();
            } else if (count > 1) {
                report(i, ImportSeverity::Warning,
                       "its network \"" + networkName + "\" names several networks of the dump; left unlinked");
            } else {
                missing(i, ResourceKind::Network, networkName,
                        "its network \"" + networkName + "\" is not in the dump");
            }
        }
        if (!notGuid.empty())
            report(i, ImportSeverity::Warning, notGuid + "; left unlinked");
        const std::string ns = textMember(m_linked.documents[i], "HostComputeNamespace");
        if (ns.empty())
            return;
        if (!Guid::parse(ns, true)) {
            json& doc = m_linked.documents[i];
            if (!doc.contains("_v1") || !doc["_v1"].is_object())
                doc["_v1"] = json::object();
            doc["_v1"]["Namespace"] = ns;
            doc.erase("HostComputeNamespace");
            report(i, ImportSeverity::Warning,
                   "names its namespace \"" + ns + "\", which is not a GUID (cut by the paste?); left unlinked");
            return;
        }
        std::optional<std::size_t> nsIndex = find(ResourceKind::Namespace, ns);
        if (!nsIndex) {
            nsIndex = addNamespaceKnownFrom(i, ns);
            report(*nsIndex, ImportSeverity::Info, "known only from the endpoints that name it");
        } else {
            spellAsTarget(i, m_linked.documents[i]["HostComputeNamespace"], *nsIndex, "HostComputeNamespace");
        }
        addMember(*nsIndex, id, i);
    }

    /// A reference to an object the dump does not hold. When the dump holds objects of that kind, each
    /// such reference is a warning (a dangling reference is what a support engineer looks for); when it
    /// holds none (a paste of one kind only), the reference is a note on the object and one summary line
    /// says so.
    /// A load balancer's backend counts as missing from what the dump shows of its host when its own
    /// file shows endpoints or the backends its file names are found among the endpoints of the dump:
    /// other files showing endpoints none of which it balances over (another host, another moment) make
    /// no dangling reference, so a run of several files says what a run of its file alone says.
    /// A dump that lists the kind referred to but was cut inside one of them (a paste that ends inside
    /// Get-HnsNetwork's second network) may have held the object after the cut: such references are
    /// noted and summed up as those of a kind the dump does not show, naming the cut.
    void missing(std::size_t i, ResourceKind referenced, const std::string& reference, std::string text)
    {
        const ImportedObject& o = m_linked.objects[i];
        const bool backend = o.kind == ResourceKind::LoadBalancer && referenced == ResourceKind::Endpoint;
        const std::optional<std::pair<std::string, int>> cut = cutListingFor(referenced, o.source);
        const bool afterCut = cut.has_value();
        if (m_kindCounts[referenced] > 0 && (!backend || showsBackendsOf(o.source)) && !afterCut) {
            report(i, ImportSeverity::Warning, std::move(text));
            return;
        }
        m_linked.objects[i].notes.push_back(std::move(text));
        const std::string file = m_kindCounts[referenced] > 0 ? o.source : std::string();
        Unshown& unshown = m_unshown[{file, o.kind, referenced}];
        if (afterCut && m_kindCounts[referenced] > 0 && !unshown.cut)
            unshown.cut = cut;
        unshown.objects.insert(i);
        unshown.references.insert(idKey(reference));
    }

    /// Whether `source` shows endpoints, or a backend one of its load balancers names is in the dump.
    bool showsBackendsOf(const std::string& source)
    {
        if (const auto known = m_showsBackends.find(source); known != m_showsBackends.end())
            return known->second;
        bool shows = false;
        for (std::size_t k = 0; k < m_linked.objects.size() && !shows; ++k) {
            const ImportedObject& o = m_linked.objects[k];
            if (o.source != source)
                continue;
            shows = o.kind == ResourceKind::Endpoint;
            const json& doc = m_linked.documents[k];
            const auto endpoints = doc.find("HostComputeEndpoints");
            if (o.kind != ResourceKind::LoadBalancer || endpoints == doc.end() || !endpoints->is_array())
                continue;
            for (const json& endpoint : *endpoints)
                shows = shows || (endpoint.is_string() && !isZeroGuid(endpoint.get<std::string>()) &&
                                  find(ResourceKind::Endpoint, endpoint.get<std::string>()));
        }
        m_showsBackends[source] = shows;
        return shows;
    }

    /// The summary lines of missing(): "the dump shows no networks; 12 endpoints name networks it does not show".
    void reportUnshown()
    {
        for (const auto& [key, unshown] : m_unshown) {
            const auto& [file, kind, referenced] = key;
            const std::string kindName(resourceKindLabel(kind));
            const std::string referencedName(resourceKindLabel(referenced));
            const std::size_t objects = unshown.objects.size();
            const std::size_t references = unshown.references.size();
            const std::string names = std::to_string(objects) + " " + kindName +
                                      (objects == 1 ? " names " : "s name ") + std::to_string(references) +
                                      " " + referencedName + (references == 1 ? "" : "s");
            if (unshown.cut) {
                const auto& [cutSource, cutLine] = *unshown.cut;
                m_messages.push_back({ImportSeverity::Info,
                                      file,
                                      0,
                                      0,
                                      ResourceKind::Invalid,
                                      {},
                                      names + " the dump does not show; its " + referencedName +
                                          "s are cut off (" + cutSource + ", line " +
                                          std::to_string(cutLine) + "): they may have followed the cut"});
                continue;
            }
            if (file.empty()) {
                m_messages.push_back(
                    {ImportSeverity::Info,
                     {},
                     0,
                     0,
                     ResourceKind::Invalid,
                     {},
                     "the dump shows no " + referencedName + "s; " + names + " it does not show"});
                continue;
            }
            // Other files show endpoints, none of them a backend this file's load balancers name.
            m_messages.push_back({ImportSeverity::Info,
                                  file,
                                  0,
                                  0,
                                  ResourceKind::Invalid,
                                  {},
                                  "this file shows no " + referencedName + "s; " + names +
                                      " that no file shows (the other files' " + referencedName +
                                      "s include none of these backends: another host or moment?)"});
        }
    }

    std::size_t addNamespaceKnownFrom(std::size_t endpoint, const std::string& ns)
    {
        const ImportedObject& from = m_linked.objects[endpoint];
        ImportedObject object;
        object.kind = ResourceKind::Namespace;
        object.id = ns;
        object.source = from.source;
        object.firstLine = from.firstLine;
        object.lastLine = from.lastLine;
        object.format = from.format;
        object.notes.push_back("not in the dump itself; made from its endpoints' namespace references");
        m_linked.objects.push_back(std::move(object));
        m_linked.documents.push_back(json{{"ID", ns}, {"Resources", json::array()}});
        m_networkNames.emplace_back();
        const std::size_t index = m_linked.objects.size() - 1;
        m_byId[{ResourceKind::Namespace, idKey(ns)}] = index;
        return index;
    }

    /// Lists the endpoint in the namespace's Resources unless it is there.
    void addMember(std::size_t nsIndex, const std::string& endpointId, std::size_t endpoint)
    {
        json& doc = m_linked.documents[nsIndex];
        if (!doc.contains("Resources") || !doc["Resources"].is_array())
            doc["Resources"] = json::array();
        for (const json& resource : doc["Resources"])
            if (resourceEndpointId(resource) == idKey(endpointId))
                return;
        doc["Resources"].push_back(json{{"Type", "Endpoint"}, {"Data", json{{"ID", endpointId}}}});
        if (m_linked.objects[nsIndex].firstLine != m_linked.objects[endpoint].firstLine ||
            m_linked.objects[nsIndex].source != m_linked.objects[endpoint].source)
            m_linked.objects[nsIndex].notes.push_back("endpoint " + endpointId +
                                                      " added to Resources: the endpoint names this namespace");
    }

    /// The member of a namespace's resource that names its endpoint (`Data.ID`, `Data.Id`); null when none.
    template <typename Json> static Json* resourceEndpointMember(Json& resource)
    {
        if (!resource.is_object() || !equalsIgnoreCase(textMember(resource, "Type"), "Endpoint"))
            return nullptr;
        auto data = resource.find("Data");
        if (data == resource.end() || !data->is_object())
            return nullptr;
        for (auto it = data->begin(); it != data->end(); ++it)
            if (equalsIgnoreCase(it.key(), "ID"))
                return &*it;
        return nullptr;
    }

    static std::string resourceEndpointId(const json& resource)
    {
        const json* id = resourceEndpointMember(resource);
        return id ? idKeyOf(*id) : std::string();
    }

    /// A reference that names an object of the dump in another spelling (`A1F3C2D4-...` for the network
    /// `a1f3c2d4-...`, braces, blanks) is written as that object's ID is spelled, so every reader of the
    /// snapshot (its lookups, counts, tree and checks) finds the object whether it compares IDs in any
    /// case or not; the object's note says what the dump had.
    void spellAsTarget(std::size_t i, json& reference, std::size_t target, std::string_view member)
    {
        const std::string& spelled = m_linked.objects[target].id;
        if (!reference.is_string() || reference.get_ref<const std::string&>() == spelled || spelled.empty())
            return;
        const std::string given = reference.get<std::string>();
        reference = spelled;
        m_linked.objects[i].notes.push_back(std::string(member) + ": written as the " +
                                            std::string(resourceKindLabel(m_linked.objects[target].kind)) +
                                            " spells its ID, " + spelled + " (the dump has " + given + ")");
    }

    void linkNamespace(std::size_t i)
    {
        json& doc = m_linked.documents[i];
        auto resources = doc.find("Resources");
        if (resources == doc.end() || !resources->is_array())
            return;
        for (json& resource : *resources) {
            const std::string endpointId = resourceEndpointId(resource);
            if (endpointId.empty() || isZeroGuid(endpointId))
                continue;
            const auto endpoint = find(ResourceKind::Endpoint, endpointId);
            if (!endpoint) {
                missing(i, ResourceKind::Endpoint, endpointId, "lists endpoint " + endpointId + ", which is not in the dump");
                continue;
            }
            spellAsTarget(i, *resourceEndpointMember(resource), *endpoint, "Resources");
            json& endpointDoc = m_linked.documents[*endpoint];
            if (textMember(endpointDoc, "HostComputeNamespace").empty())
                endpointDoc["HostComputeNamespace"] = m_linked.objects[i].id;
        }
    }

    /// The network a load balancer names (a policy list's HostComputeNetwork); a reference that is no
    /// GUID (cut by the paste, redacted) or the zero GUID names none.
    void checkNetwork(std::size_t i)
    {
        auto network = m_linked.documents[i].find("HostComputeNetwork");
        if (network == m_linked.documents[i].end() || !network->is_string())
            return;
        const std::string text = network->get<std::string>();
        if (isZeroGuid(text) || !Guid::parse(text, true))
            return;
        if (const auto target = find(ResourceKind::Network, text))
            spellAsTarget(i, *network, *target, "HostComputeNetwork");
        else
            missing(i, ResourceKind::Network, text, "its network " + text + " is not in the dump");
    }

    void checkEndpointList(std::size_t i, const char* role)
    {
        json& doc = m_linked.documents[i];
        auto endpoints = doc.find("HostComputeEndpoints");
        if (endpoints == doc.end() || !endpoints->is_array())
            return;
        std::vector<std::string> absent;
        for (json& endpoint : *endpoints) {
            if (!endpoint.is_string() || isZeroGuid(endpoint.get<std::string>()))
                continue;
            if (const auto target = find(ResourceKind::Endpoint, endpoint.get<std::string>()))
                spellAsTarget(i, endpoint, *target, "HostComputeEndpoints");
            else
                absent.push_back(endpoint.get<std::string>());
        }
        for (const std::string& endpoint : absent)
            missing(i, ResourceKind::Endpoint, endpoint, std::string(role) + " " + endpoint + " is not in the dump");
    }

    LinkedObjects& m_linked;
    std::vector<ImportMessage>& m_messages;
    std::vector<std::string> m_networkNames; ///< parallel to objects
    /// What merge() says about an object, reported once every object is added.
    struct Later
    {
        std::size_t object;
        ImportSeverity severity;
        std::string text;
    };
    std::vector<Later> m_later;
    std::map<std::pair<ResourceKind, std::string>, std::size_t> m_byId;
    std::unordered_multimap<std::string, std::size_t> m_networksByName;
    std::map<ResourceKind, std::size_t> m_kindCounts;
    struct Unshown
    {
        std::set<std::size_t> objects;     ///< the referring objects
        std::set<std::string> references;  ///< the IDs or names they refer to
        /// The listing of the kind referred to that is cut, in the file or its folder (cutListingFor).
        std::optional<std::pair<std::string, int>> cut;
    };
    /// (the file, when other files show the kind referred to; kind of the referring objects, kind referred
    /// to) -> references to a kind the dump (or that file) does not show
    std::map<std::tuple<std::string, ResourceKind, ResourceKind>, Unshown> m_unshown;
    std::map<std::string, bool> m_showsBackends; ///< showsBackendsOf() by source
    /// Per kind, the first object of it each source was cut inside (the source and its last line).
    std::map<ResourceKind, std::vector<std::pair<std::string, int>>> m_cutListings;

    /// The cut listing of `kind` that what `source` refers to may have followed: one in `source` itself,
    /// else one in a file of its folder. Files of other folders are of other hosts as often as not
    /// (collectlogs folders of several nodes): their cuts hide nothing of this one's.
    std::optional<std::pair<std::string, int>> cutListingFor(ResourceKind kind,
                                                             const std::string& source) const
    {
        const auto found = m_cutListings.find(kind);
        if (found == m_cutListings.end())
            return std::nullopt;
        const auto folderOf = [](const std::string& path) {
            const std::size_t slash = path.rfind('/');
            return slash == std::string::npos ? std::string() : path.substr(0, slash);
        };
        for (const auto& cut : found->second)
            if (cut.first == source)
                return cut;
        for (const auto& cut : found->second)
            if (folderOf(cut.first) == folderOf(source))
                return cut;
        return std::nullopt;
    }
};

} // namespace

LinkedObjects mergeAndLink(std::vector<Sighting>&& sightings, std::vector<ImportMessage>& messages)
{
    LinkedObjects linked;
    Linker linker(linked, messages);
    linker.merge(std::move(sightings));
    linker.link();
    return linked;
}

} // namespace hcn::io::detail
