// Error events of the container networking services as Event Viewer copies them (platform_events.h).

#include "io/platform_events.h"

#include "common/text.h"
#include "common/utf8.h"
#include "hcn/error_catalog.h"
#include "io/logged_error_codes.h"

#include <array>
#include <map>
#include <optional>
#include <string_view>

namespace hcn::io {

namespace {

/// An event's fields before its description: Event Viewer writes ten; a block with more is none.
constexpr std::size_t kMaxFieldLines = 14;
/// An event's description is read from at most this many lines.
constexpr std::size_t kMaxDescriptionLines = 20;
/// ... and said in at most this many bytes.
constexpr std::size_t kMaxDescription = 300;
/// A failure names at most this many events that log its code; the others are counted.
constexpr std::size_t kMaxEventsTold = 3;

/// A service whose events the report reads, as its log or source names it.
struct Service
{
    std::string_view logWord; ///< in `Log Name:` or `Source:`, lower case
    std::string_view name;    ///< as the report says it logged an error
    std::string_view shortName;
};

constexpr std::array kServices{
    Service{"host-network-service", "HNS (the Host Network Service)", "HNS"},
    Service{"hyper-v-vmms", "Hyper-V's Virtual Machine Management service (VMMS)", "Hyper-V's VMMS"},
    Service{"hyper-v-compute", "HCS (the Host Compute Service)", "HCS"},
    Service{"hyper-v-vmswitch", "the Hyper-V virtual switch", "the Hyper-V virtual switch"},
};

/// `Key:   value` as Event Viewer writes a field, when the line's key is `key`: the value (maybe
/// empty); nullopt for another line.
std::optional<std::string_view> fieldValue(std::string_view line, std::string_view key)
{
    line = trimBlanks(line);
    if (line.size() <= key.size() || !line.starts_with(key) || line[key.size()] != ':')
        return std::nullopt;
    return trimBlanks(line.substr(key.size() + 1));
}

/// One event copied as text.
struct Event
{
    std::size_t first = 0; ///< index of its `Log Name:` line
    std::size_t last = 0;  ///< index of its description's last line
    const Service* service = nullptr;
    std::string id;
    std::string date;
    bool error = false; ///< level Error or Critical
    std::string description;
};

/// The event whose `Log Name:` line is lines[first]; nullopt when no `Description:` follows its fields.
std::optional<Event> eventAt(const std::vector<CleanedLine>& lines, std::size_t first)
{
    const std::optional<std::string_view> log = fieldValue(lines[first].text, "Log Name");
    if (!log)
        return std::nullopt;
    Event event;
    event.first = first;
    std::string names = lowerCopy(*log);
    std::size_t at = first + 1;
    std::optional<std::string_view> description;
    for (; at < lines.size() && at <= first + kMaxFieldLines && !description; ++at) {
        const std::string_view text = lines[at].text;
        if (const auto source = fieldValue(text, "Source"))
            names += " " + lowerCopy(*source);
        else if (const auto id = fieldValue(text, "Event ID"))
            event.id = std::string(*id);
        else if (const auto date = fieldValue(text, "Date"))
            event.date = validUtf8(std::string(*date));
        else if (const auto level = fieldValue(text, "Level"))
            event.error = *level == "Error" || *level == "Critical";
        else if (fieldValue(text, "Log Name"))
            return std::nullopt; // the next event: this one has no description
        else
            description = fieldValue(text, "Description");
    }
    if (!description)
        return std::nullopt;
    for (const Service& service : kServices)
        if (names.find(service.logWord) != std::string::npos)
            event.service = &service;
    // The description: its text on the `Description:` line, else on the lines after it up to a blank
    // line, the event's XML or the next event.
    event.last = at - 1;
    std::string text(*description);
    for (std::size_t line = at; text.empty() && line < lines.size() && line < at + kMaxDescriptionLines;
         ++line) {
        const std::string_view t = trimBlanks(lines[line].text);
        if (t.empty() || t.starts_with("Event Xml:") || fieldValue(t, "Log Name"))
            break;
        text = std::string(t);
        event.last = line;
        // Its other lines up to a blank line, the event's XML or the next event.
        for (++line; line < lines.size() && line < at + kMaxDescriptionLines; ++line) {
            const std::string_view more = trimBlanks(lines[line].text);
            if (more.empty() || more.starts_with("Event Xml:") || fieldValue(more, "Log Name"))
                break;
            text += " " + std::string(more);
            event.last = line;
        }
    }
    event.description = validUtf8(std::move(text));
    return event;
}

std::string linesSaid(int first, int last)
{
    return first == last ? "line " + std::to_string(first)
                         : "lines " + std::to_string(first) + "-" + std::to_string(last);
}

} // namespace

std::vector<ImportWarning> platformErrorEvents(const std::vector<CleanedLine>& lines,
                                               const std::vector<detail::NamedRefusal>& refusals,
                                               std::vector<ImportMessage>& messages)
{
    // The first failure that gives each code.
    std::map<HResult, const detail::NamedRefusal*> byCode;
    for (const detail::NamedRefusal& refusal : refusals)
        if (refusal.code && refusal.message < messages.size())
            byCode.emplace(*refusal.code, &refusal);
    std::vector<ImportWarning> warnings;
    std::map<std::size_t, std::vector<std::string>> told; // message -> the events said on it
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].text.find("Log Name:") == std::string::npos)
            continue;
        const std::optional<Event> event = eventAt(lines, i);
        if (!event)
            continue;
        i = event->last;
        if (!event->error || !event->service || event->description.empty())
            continue;
        const int first = lines[event->first].sourceLine;
        const int last = lines[event->last].sourceLine;
        std::size_t codeAt = 0;
        const std::optional<HResult> code = logged::hexCode(event->description, codeAt);
        const std::string id = "event " + (event->id.empty() ? std::string("?") : event->id);
        const std::string date = event->date.empty() ? std::string() : event->date;
        // A failure the report names with the same code: the event is said on it; the event's own text
        // read as a failure is said already.
        if (const auto same = code ? byCode.find(*code) : byCode.end(); same != byCode.end()) {
            const detail::NamedRefusal& refusal = *same->second;
            if (refusal.firstLine < first || refusal.lastLine > last)
                told[refusal.message].push_back(std::string(event->service->shortName) +
                                                " logged the same code: " + id + " at " +
                                                linesSaid(first, last) + (date.empty() ? "" : ", " + date));
            continue;
        }
        std::string description = event->description;
        if (description.size() > kMaxDescription)
            description = validUtf8(description.substr(0, kMaxDescription)) + " ...";
        warnings.push_back({first, last,
                            std::string(event->service->name) + " logged an error: " + id +
                                (date.empty() ? "" : " (" + date + ")") + ": " +
                                (code ? hresultLabel(*code) + ", " : std::string()) + "\"" + description +
                                "\""});
    }
    for (const auto& [message, events] : told) {
        std::string note;
        for (std::size_t e = 0; e < events.size() && e < kMaxEventsTold; ++e)
            note += (e == 0 ? "" : "; ") + events[e];
        if (events.size() > kMaxEventsTold)
            note += "; and " + std::to_string(events.size() - kMaxEventsTold) + " more events";
        messages[message].message += " (" + note + ")";
    }
    return warnings;
}

} // namespace hcn::io
