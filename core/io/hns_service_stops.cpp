// HNS itself stopping, as the Service Control Manager logs it (see hns_service_stops.h).

#include "io/hns_service_stops.h"

#include "common/text.h"
#include "io/text_scan.h"
#include "io/text_tables.h"

#include <algorithm>
#include <cctype>
#include <regex>
#include <string>

namespace hcn::io {

namespace {

/// The Service Control Manager's message for events 7031 and 7034 about HNS, lower case, blanks single.
constexpr std::string_view kTerminated = "the host network service service terminated unexpectedly";

/// An event list wraps a message into indented lines below its first: at most this many are read.
constexpr std::size_t kMaxMessageLines = 4;

/// `text` lower case, each run of blanks one blank.
std::string collapsedLower(std::string_view text)
{
    std::string out;
    for (const char c : lowerCopy(text)) {
        const bool blank = c == ' ' || c == '\t';
        if (blank && (out.empty() || out.back() == ' '))
            continue;
        out += blank ? ' ' : c;
    }
    return out;
}

/// The date and time an event list or a log shows before the message (`5/29/2024 12:21:00 AM`,
/// `2024-05-29T00:21:00.123Z`, `29.05.2024 00:21:00`); empty when it shows none.
std::string timeShown(std::string_view before)
{
    static const std::regex kDateTime(
        R"((\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4})[ T]\d{1,2}:\d{2}(:\d{2})?(\.\d+)?( ?[AaPp][Mm]|Z)?)");
    std::match_results<std::string_view::const_iterator> match;
    if (!std::regex_search(before.begin(), before.end(), match, kDateTime))
        return {};
    return match.str(0);
}

/// The events in which the Service Control Manager says a service stopped without being asked to: 7031
/// and 7034 (terminated unexpectedly), 7023 and 7024 (terminated with an error); as Get-EventLog's
/// InstanceId shows them (0xC0001B77, 0xC0001B7A, 0xC0001B6F, 0xC0001B70).
constexpr std::string_view kStopEventIds = "7031|7034|7023|7024";
constexpr std::string_view kStopInstanceIds = "3221232503|3221232506|3221232495|3221232496";

/// A record of an event list spans at most this many lines (an event's XML spread over lines, a
/// Format-List record with its message).
constexpr std::size_t kMaxRecordLines = 40;

/// The Host Network Service's key name `hns` in UTF-16LE hex, with its terminating zero, as the
/// `<Binary>` data of the Service Control Manager's events holds it, in any locale.
constexpr std::string_view kHnsBinary = "68006e0073000000";

/// Where a line states one of those event IDs, and how its record is bounded.
enum class EventIdForm
{
    None,
    Xml,      ///< `<EventID Qualifiers="49152">7031</EventID>`: the record is `<Event ...>` to `</Event>`
    Record,   ///< `Id : 7031` (Format-List), `Event ID: 7031` (wevtutil qe /f:text): blank-line bounded
    TableRow, ///< `11/3/2026 8:42:17 PM  7031 Error  ...`: the row and the lines it wrapped into
};

/// Whether a line holds anything like one of those IDs (every one has `702`, `703` or `322123` in it):
/// the test that spares the patterns below the many lines of a large dump that hold none.
bool mayStateStopId(std::string_view text)
{
    return text.find("702") != std::string_view::npos || text.find("703") != std::string_view::npos ||
           text.find("322123") != std::string_view::npos;
}

EventIdForm stopEventIdIn(const std::string& lower)
{
    static const std::regex kXml("<eventid[^>]*>\\s*(" + std::string(kStopEventIds) + ")\\s*</eventid>");
    static const std::regex kRecord("^\\s*(id|eventid|event id|instanceid)\\s*:\\s*(" +
                                    std::string(kStopEventIds) + "|" + std::string(kStopInstanceIds) +
                                    ")\\b");
    static const std::regex kRow(R"(\d{1,2}:\d{2}(:\d{2})?( ?[ap]m)?\s+()" + std::string(kStopEventIds) +
                                 R"()\s+\S)");
    if (lower.find("<eventid") != std::string::npos)
        return std::regex_search(lower, kXml) ? EventIdForm::Xml : EventIdForm::None;
    if (std::regex_search(lower, kRecord))
        return EventIdForm::Record;
    return std::regex_search(lower, kRow) ? EventIdForm::TableRow : EventIdForm::None;
}

/// Whether an event's record (lower case) names the Host Network Service: its display name (the
/// message, `<Data Name="param1">`), its key name `hns` as a word (`Get-Service hns`, `sc query hns`),
/// or that key name in the event's binary data. The display name is checked in English only: no
/// localized Windows' name for it was found attested; the binary key name holds in every locale.
bool namesHns(const std::string& record)
{
    if (record.find("host network service") != std::string::npos)
        return true;
    std::string hex;
    for (const char c : record)
        if (std::isxdigit(static_cast<unsigned char>(c)))
            hex += c;
    if (record.find("<binary>") != std::string::npos && hex.find(kHnsBinary) != std::string::npos)
        return true;
    static const std::regex kParam1Hns(R"(<data name="param1">\s*hns\s*</data>)");
    return std::regex_search(record, kParam1Hns);
}

/// Whether a line opens an event's XML: `<Event xmlns=...>`, not `<EventID>` or `<EventData>`.
bool eventStarts(std::string_view text)
{
    const std::string lower = lowerCopy(text);
    for (std::size_t at = lower.find("<event"); at != std::string::npos; at = lower.find("<event", at + 1))
        if (at + 6 < lower.size() && (lower[at + 6] == ' ' || lower[at + 6] == '>'))
            return true;
    return false;
}

struct Stop
{
    std::size_t first = 0; ///< index into the lines
    std::size_t last = 0;
    std::string when;
};

/// The stops that an event's ID and its naming of HNS state, whatever the language of its message:
/// the events' XML, Get-WinEvent and Get-EventLog records and rows, `wevtutil qe` text. Lines in
/// `taken` (a stop its English message states) are left to that.
std::vector<Stop> stopEvents(const std::vector<CleanedLine>& lines, const std::vector<bool>& taken)
{
    std::vector<Stop> stops;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!mayStateStopId(lines[i].text))
            continue;
        const EventIdForm form = stopEventIdIn(lowerCopy(lines[i].text));
        if (form == EventIdForm::None)
            continue;
        std::size_t first = i;
        std::size_t last = i;
        const auto blank = [&](std::size_t n) {
            return lines[n].text.find_first_not_of(" \t") == std::string::npos;
        };
        if (form == EventIdForm::Xml) {
            while (first > 0 && i - first < kMaxRecordLines && !eventStarts(lines[first].text))
                --first;
            while (last + 1 < lines.size() && last - i < kMaxRecordLines &&
                   !holdsIgnoringCase(lines[last].text, "</event>"))
                ++last;
        } else if (form == EventIdForm::Record) {
            while (first > 0 && i - first < kMaxRecordLines && !blank(first - 1) &&
                   !holdsIgnoringCase(lines[first].text, "event["))
                --first;
            while (last + 1 < lines.size() && last - i < kMaxRecordLines &&
                   !holdsIgnoringCase(lines[last + 1].text, "event[") &&
                   (!blank(last + 1) ||
                    (last + 2 < lines.size() && holdsIgnoringCase(lines[last].text, "description"))))
                ++last;
        } else {
            while (last + 1 < lines.size() && last - i < kMaxRecordLines && !blank(last + 1) &&
                   (lines[last + 1].text.front() == ' ' || lines[last + 1].text.front() == '\t'))
                ++last;
        }
        std::string record;
        bool seen = false;
        for (std::size_t n = first; n <= last; ++n) {
            record += lowerCopy(lines[n].text) + "\n";
            seen = seen || taken[n];
        }
        if (seen || !namesHns(record) ||
            (form != EventIdForm::TableRow && record.find("service control manager") == std::string::npos &&
             record.find("<binary>") == std::string::npos))
            continue;
        std::string when;
        for (std::size_t n = first; n <= last && when.empty(); ++n)
            when = timeShown(lines[n].text);
        stops.push_back({first, last, when});
        i = last;
    }
    return stops;
}

} // namespace

std::vector<ImportWarning> hnsServiceStops(const std::vector<CleanedLine>& lines)
{
    std::vector<Stop> stops;
    std::vector<bool> taken(lines.size(), false);
    for (std::size_t first = 0; first < lines.size(); ++first) {
        const std::string& line = lines[first].text;
        if (!holdsIgnoringCase(line, "host network service"))
            continue;
        // The message with the indented lines an event list wrapped it into.
        std::string message = line;
        std::size_t end = first + 1;
        for (; end < lines.size() && end - first < kMaxMessageLines; ++end) {
            const std::string& next = lines[end].text;
            if (next.empty() || (next.front() != ' ' && next.front() != '\t'))
                break;
            message += " " + next;
        }
        const std::string text = collapsedLower(message);
        const std::size_t at = text.find(kTerminated);
        if (at == std::string::npos)
            continue;
        // The lines after the first that the message needs are part of this event.
        std::size_t last = first;
        for (std::size_t length = collapsedLower(line).size();
             length < at + kTerminated.size() && last + 1 < end;)
            length += 1 + collapsedLower(lines[++last].text).size();
        const std::size_t phrase = findIgnoringCase(line, "the host network service");
        stops.push_back({first, last, timeShown(std::string_view(line).substr(0, phrase))});
        for (std::size_t n = first; n <= last; ++n)
            taken[n] = true;
        first = last;
    }
    std::vector<Stop> events = stopEvents(lines, taken);
    stops.insert(stops.end(), events.begin(), events.end());
    if (stops.empty())
        return {};
    const Stop& earliest = *std::min_element(stops.begin(), stops.end(),
                                             [](const Stop& a, const Stop& b) { return a.first < b.first; });
    std::vector<ImportWarning> warnings{
        {lines[earliest.first].sourceLine, lines[earliest.last].sourceLine,
         std::string(kHnsStopped) + " (the Service Control Manager logged it" +
             (earliest.when.empty() ? std::string() : " at " + earliest.when) + ")"}};
    if (stops.size() > 1) {
        std::vector<std::pair<int, int>> at;
        for (const Stop& stop : stops)
            at.emplace_back(lines[stop.first].sourceLine, lines[stop.last].sourceLine);
        warnings.front().message += " " + tables::timesAtLines(std::move(at));
    }
    return warnings;
}

} // namespace hcn::io
