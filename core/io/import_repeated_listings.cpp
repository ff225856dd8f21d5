// A table of HNS objects listed again later in the same file (`hnsdiag list all` run twice, a
// Get-HnsEndpoint | Format-Table before and after a change): what changed between the listings; and
// networks of one name with different IDs in one file, however listed (see import_objects.h,
// reportRepeatedListings).

#include "common/json_member.h"
#include "common/text.h"
#include "hcn/guid.h"
#include "io/import_objects.h"
#include "io/text_tables.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace hcn::io::detail {
namespace {

/// One listing: the IDs it shows in order (key and ID as given, with the name), and its lines.
struct Listing
{
    int firstLine = 0;
    int lastLine = 0;
    std::vector<std::tuple<std::string, std::string, std::string>> objects; ///< key, ID, name
    std::set<std::string> keys;
};

constexpr std::size_t kNamedAtMost = 3;

/// "2 endpoints (C9B218FB-... (iis-site-8cd659), 41ACCE28-...)" for the objects of `from` not in `other`.
std::string notIn(const Listing& from, const Listing& other, ResourceKind kind, std::size_t& count)
{
    std::string named;
    count = 0;
    for (const auto& [key, id, name] : from.objects) {
        if (other.keys.contains(key))
            continue;
        if (count++ < kNamedAtMost)
            named += (named.empty() ? "" : ", ") + id + (name.empty() ? "" : " (" + name + ")");
    }
    if (count > kNamedAtMost)
        named += " and " + std::to_string(count - kNamedAtMost) + " more";
    const std::string label(resourceKindLabel(kind));
    return std::to_string(count) + " " + label + (count == 1 ? "" : "s") + " (" + named + ")";
}

/// "15-17", "33": the lines of a listing.
std::string rangeOf(const Listing& l)
{
    return std::to_string(l.firstLine) + (l.firstLine == l.lastLine ? "" : "-" + std::to_string(l.lastLine));
}

void compare(const std::string& source, ResourceKind kind, const std::vector<Listing>& listings,
             std::vector<ImportMessage>& messages)
{
    for (std::size_t i = 1; i < listings.size(); ++i) {
        const Listing& before = listings[i - 1];
        const Listing& after = listings[i];
        std::size_t added = 0;
        std::size_t gone = 0;
        const std::string addedText = notIn(after, before, kind, added);
        const std::string goneText = notIn(before, after, kind, gone);
        if (added == 0 && gone == 0)
            continue;
        std::string text = "the " + std::string(resourceKindLabel(kind)) + "s are listed again (lines " +
                           rangeOf(before) + ", then " + rangeOf(after) +
                           "): the state changed in between; the later listing";
        if (added > 0)
            text += " adds " + addedText;
        if (gone > 0)
            text += std::string(added > 0 ? " and" : "") + " lacks " + goneText;
        text += gone > 0
                    ? "; the snapshot holds the objects of both listings, also those gone by the later one"
                    : "; the snapshot holds the objects of both listings";
        messages.push_back({gone > 0 ? ImportSeverity::Warning : ImportSeverity::Info,
                            source,
                            before.firstLine,
                            after.lastLine,
                            ResourceKind::Invalid,
                            {},
                            std::move(text)});
    }
}

/// Networks of one name with different IDs, in one file (two runs of Get-HnsNetwork, before and after a
/// fix, whose IDs do not repeat, so no listing starts again) or in different files (collectlogs folders
/// of two nodes, each with its `nat`): one info naming them, as a snapshot that holds both looks like a
/// host with a stale network. A file whose tables were seen listed again (`compared`) already says so;
/// objects a PowerShell session names other computers for are not one host's.
void reportNetworksOfOneName(const std::vector<Sighting>& sightings,
                             const std::set<std::pair<std::string, ResourceKind>>& compared,
                             std::vector<ImportMessage>& messages)
{
    struct Shown
    {
        std::string key; ///< the ID's key
        std::string id;  ///< as given
        std::string source;
        int firstLine = 0;
        int lastLine = 0;
    };
    struct OfOneName
    {
        std::string name; ///< as the first of them spells it
        std::vector<Shown> shown; ///< per source, each ID once
    };
    std::vector<OfOneName> groups; // in the order first seen
    std::map<std::tuple<std::string, std::string>, std::size_t> byName; // computer, name
    for (const Sighting& s : sightings) {
        if (s.kind != ResourceKind::Network || s.idMadeUp || compared.contains({s.source, s.kind}))
            continue;
        const std::string name = textMember(s.document, "Name");
        const std::string id = textMember(s.document, "ID");
        const std::string key = idKeyOf(s.document.value("ID", json()));
        if (name.empty() || key.empty() || !Guid::parse(key, true))
            continue;
        const auto [at, added] = byName.emplace(std::make_tuple(s.computer, lowerCopy(name)), groups.size());
        if (added)
            groups.push_back({name, {}});
        std::vector<Shown>& shown = groups[at->second].shown;
        if (std::none_of(shown.begin(), shown.end(),
                         [&](const Shown& other) { return other.key == key && other.source == s.source; }))
            shown.push_back({key, id, s.source, s.firstLine, s.lastLine});
    }
    const auto listed = [](const std::vector<const Shown*>& shown, bool withSource) {
        std::string named;
        for (std::size_t i = 0; i < shown.size() && i < kNamedAtMost; ++i)
            named += std::string(i == 0 ? "" : ", ") + shown[i]->id + " (" +
                     (withSource ? shown[i]->source + ", " : std::string()) +
                     tables::lineRange(shown[i]->firstLine, shown[i]->lastLine) + ")";
        if (shown.size() > kNamedAtMost)
            named += " and " + std::to_string(shown.size() - kNamedAtMost) + " more";
        return named;
    };
    for (const OfOneName& group : groups) {
        // In one file: listed twice with the network made again in between, or the host holds both.
        std::map<std::string, std::vector<const Shown*>> bySource;
        for (const Shown& s : group.shown)
            bySource[s.source].push_back(&s);
        std::set<std::string> keys;
        std::size_t mostInOneSource = 0;
        for (const auto& [source, shown] : bySource) {
            mostInOneSource = std::max(mostInOneSource, shown.size());
            for (const Shown* s : shown)
                keys.insert(s->key);
            if (shown.size() < 2)
                continue;
            const std::string both = shown.size() == 2 ? "both" : "all of them";
            messages.push_back({ImportSeverity::Info,
                                source,
                                shown.front()->firstLine,
                                shown.back()->lastLine,
                                ResourceKind::Invalid,
                                {},
                                std::to_string(shown.size()) + " networks named \"" + group.name +
                                    "\" with different IDs: " + listed(shown, false) +
                                    ": the network was made again between two listings of this file, or the "
                                    "host holds " +
                                    both + "; the snapshot holds " + both});
        }
        // In different files: of different hosts, or of one host before and after the network was made again.
        if (keys.size() < 2 || mostInOneSource >= keys.size())
            continue;
        std::vector<const Shown*> firstOfEach;
        for (const std::string& key : keys)
            for (const Shown& s : group.shown)
                if (s.key == key) {
                    firstOfEach.push_back(&s);
                    break;
                }
        std::sort(firstOfEach.begin(), firstOfEach.end()); // in the order seen: `shown` is one vector
        const std::string both = keys.size() == 2 ? "both" : "all of them";
        messages.push_back({ImportSeverity::Info,
                            {},
                            0,
                            0,
                            ResourceKind::Invalid,
                            {},
                            std::to_string(keys.size()) + " networks named \"" + group.name +
                                "\" with different IDs in different files: " + listed(firstOfEach, true) +
                                ": the files are of different hosts, or of one host before and after the "
                                "network was made again; the snapshot holds " +
                                both});
    }
}

} // namespace

void reportRepeatedListings(const std::vector<Sighting>& sightings, std::vector<ImportMessage>& messages)
{
    // Per file and kind, the table rows in order; a row whose ID the current listing already shows
    // starts the next listing.
    std::map<std::pair<std::string, ResourceKind>, std::vector<Listing>> listings;
    for (const Sighting& s : sightings) {
        if (s.format != DumpFormat::Table || s.kind == ResourceKind::Invalid)
            continue;
        const std::string key = idKeyOf(s.document.value("ID", json()));
        if (key.empty() || !Guid::parse(key, true))
            continue;
        std::vector<Listing>& of = listings[{s.source, s.kind}];
        if (of.empty() || of.back().keys.contains(key))
            of.push_back({s.firstLine, s.lastLine, {}, {}});
        Listing& current = of.back();
        current.lastLine = std::max(current.lastLine, s.lastLine);
        current.objects.emplace_back(key, textMember(s.document, "ID"), textMember(s.document, "Name"));
        current.keys.insert(key);
    }
    std::set<std::pair<std::string, ResourceKind>> compared;
    for (const auto& [where, of] : listings)
        if (of.size() > 1) {
            compare(where.first, where.second, of, messages);
            compared.insert(where);
        }
    reportNetworksOfOneName(sightings, compared, messages);
}

} // namespace hcn::io::detail
