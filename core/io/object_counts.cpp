// Counts of HNS objects a log gives over time (see object_counts.h).

#include "io/object_counts.h"

#include "common/capped_list.h"
#include "common/text.h"
#include "io/logged_words.h"
#include "io/markdown_emphasis.h"
#include "io/text_scan.h"
#include "io/text_tables.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <string>
#include <string_view>

namespace hcn::io {

namespace {

/// The words a count names HNS objects by (lower case), and how the report names them.
struct CountedKind
{
    std::string_view word;
    std::string_view label;
};

constexpr CountedKind kCountedKinds[] = {
    {"loadbalancers", "load balancers"}, {"load balancers", "load balancers"},
    {"policylists", "policy lists"},     {"policy lists", "policy lists"},
    {"endpoints", "endpoints"},          {"networks", "networks"},
    {"namespaces", "namespaces"},
};

/// A kind counted on this many lines at least is said: one count is no series.
constexpr std::size_t kMinCountLines = 2;
/// A line of a count is at most this long, its time at most this.
constexpr std::size_t kMaxCountLine = 120;
constexpr std::size_t kMaxCountTime = 40;
/// Counts listed per kind (runs of one count as one), then "and N more"; falls named.
constexpr std::size_t kMaxCountRunsListed = 20;
constexpr std::size_t kMaxCountFallsNamed = 3;

struct CountLine
{
    long long count = 0;
    int line = 0;
    std::string time; ///< what the line gives before the kind: its time, or empty
};

struct CountSeries
{
    std::string_view label;
    std::vector<CountLine> counts;
};

/// `text` without blanks and markdown emphasis markers around it (`**11-02 21:16 - loadbalancers: 3`).
std::string_view withoutMarkers(std::string_view text)
{
    text = trimBlanks(text);
    while (!text.empty() && isEmphasisMarker(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isEmphasisMarker(text.back()))
        text.remove_suffix(1);
    return trimBlanks(text);
}

/// Whether `text` gives a time or a date: a time of day (`21:14`), a month and day or a year's date
/// joined by `-` or `/` (`11-02`, `2024/11/02`), a date with dots ending in a year (`02.11.2024`). An
/// address (`10.0.0.12`), a version (`v1.28`) or a name's ordinal (`Node 1`, `node-1`) gives none.
bool holdsTime(std::string_view text)
{
    for (std::size_t i = 0; i < text.size(); ++i)
        if (std::isdigit(static_cast<unsigned char>(text[i])) != 0 &&
            (i == 0 || std::isalnum(static_cast<unsigned char>(text[i - 1])) == 0) &&
            startsTimeOrDate(text, i))
            return true;
    return false;
}

/// The count a line is, when it is one: the kind's label, the number and the time before it.
std::optional<std::pair<std::string_view, CountLine>> countLineIn(std::string_view text)
{
    // Cleaned lines end in no blank: a line ending in neither a digit nor a marker is passed over here.
    if (text.empty() ||
        (std::isdigit(static_cast<unsigned char>(text.back())) == 0 && !isEmphasisMarker(text.back())))
        return std::nullopt;
    const std::string_view t = withoutMarkers(text);
    if (t.empty() || t.size() > kMaxCountLine || !std::isdigit(static_cast<unsigned char>(t.back())))
        return std::nullopt;
    const std::size_t sep = t.find_last_of(":=");
    if (sep == std::string_view::npos)
        return std::nullopt;
    const std::string_view key = trimBlanks(t.substr(0, sep));
    if (key.empty() || std::isalpha(static_cast<unsigned char>(key.back())) == 0)
        return std::nullopt; // `"State": 1`: a JSON member, no count
    const std::string_view value = trimBlanks(t.substr(sep + 1));
    CountLine c;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), c.count);
    if (error != std::errc() || end != value.data() + value.size() || value.size() > 9)
        return std::nullopt;
    std::string before = lowerCopy(key);
    for (const std::string_view suffix : {" count", "_count", " total"})
        if (before.ends_with(suffix))
            before.resize(before.size() - suffix.size());
    for (const CountedKind& k : kCountedKinds) {
        if (!before.ends_with(k.word))
            continue;
        std::size_t at = before.size() - k.word.size();
        if (at > 0 && logged::isLoggedWordChar(before[at - 1]))
            continue; // `myendpoints`
        std::string_view prefix = trimBlanks(t.substr(0, at));
        if (prefix.size() >= 3 && equalsIgnoreCase(prefix.substr(prefix.size() - 3), "hns") &&
            (prefix.size() == 3 || !logged::isLoggedWordChar(prefix[prefix.size() - 4])))
            prefix = trimBlanks(prefix.substr(0, prefix.size() - 3));
        while (!prefix.empty() && std::string_view(" -|,;:").find(prefix.back()) != std::string_view::npos)
            prefix.remove_suffix(1);
        // A time, or nothing: other words are prose (`we have 3 endpoints: 4`) or name what the count
        // is of (`Node 1 endpoints: 40`), no moment.
        if (!prefix.empty() && (prefix.size() > kMaxCountTime || !holdsTime(prefix)))
            return std::nullopt;
        c.time = std::string(prefix);
        return std::make_pair(k.label, c);
    }
    return std::nullopt;
}

/// "HNS load balancers counted 6 times, 11-02 21:14 to 11-02 21:31: 212 (2 times), 3 (2 times), 48, 211; the
/// count fell from 212 to 3 at line 5".
std::string countsSaid(const CountSeries& s)
{
    std::string said =
        "HNS " + std::string(s.label) + " counted " + std::to_string(s.counts.size()) + " times";
    const std::string& from = s.counts.front().time;
    const std::string& to = s.counts.back().time;
    if (!from.empty() && !to.empty())
        said += ", " + from + " to " + to;
    std::vector<std::string> runs;
    std::vector<std::string> falls;
    for (std::size_t i = 0; i < s.counts.size();) {
        std::size_t j = i;
        while (j + 1 < s.counts.size() && s.counts[j + 1].count == s.counts[i].count)
            ++j;
        runs.push_back(std::to_string(s.counts[i].count) +
                       (j > i ? " (" + std::to_string(j - i + 1) + " times)" : std::string()));
        if (j + 1 < s.counts.size()) {
            const long long was = s.counts[j].count;
            const long long now = s.counts[j + 1].count;
            if (now * 2 < was && was - now >= 2)
                falls.push_back("from " + std::to_string(was) + " to " + std::to_string(now) + " at line " +
                                std::to_string(s.counts[j + 1].line));
        }
        i = j + 1;
    }
    said += ": " + cappedList(runs, kMaxCountRunsListed, ", ", ", ");
    if (!falls.empty())
        said += "; the count fell " + cappedList(falls, kMaxCountFallsNamed, ", ", ", ");
    return said;
}

} // namespace

std::vector<ImportWarning> objectCountsIn(const std::vector<CleanedLine>& lines,
                                          const std::vector<std::pair<int, int>>& objectLines)
{
    std::vector<CountSeries> series;
    std::vector<std::pair<int, int>> read;
    for (const CleanedLine& line : lines) {
        std::optional<std::pair<std::string_view, CountLine>> c = countLineIn(line.text);
        if (!c)
            continue;
        if (read.empty())
            read = tables::joinedRuns(objectLines);
        if (tables::inRuns(read, line.sourceLine))
            continue;
        c->second.line = line.sourceLine;
        auto it = std::find_if(series.begin(), series.end(),
                               [&](const CountSeries& s) { return s.label == c->first; });
        if (it == series.end())
            it = series.insert(series.end(), CountSeries{c->first, {}});
        it->counts.push_back(std::move(c->second));
    }
    std::vector<ImportWarning> infos;
    for (const CountSeries& s : series)
        if (s.counts.size() >= kMinCountLines)
            infos.push_back({s.counts.front().line, s.counts.back().line, countsSaid(s)});
    return infos;
}

} // namespace hcn::io
