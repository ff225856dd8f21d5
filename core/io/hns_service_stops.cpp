// HNS itself stopping, as the Service Control Manager logs it (see hns_service_stops.h).

#include "io/hns_service_stops.h"

#include "common/text.h"
#include "io/text_scan.h"

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

} // namespace

std::vector<ImportWarning> hnsServiceStops(const std::vector<CleanedLine>& lines)
{
    std::vector<ImportWarning> stops;
    int times = 0;
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
        ++times;
        if (stops.empty()) {
            const std::size_t phrase = findIgnoringCase(line, "the host network service");
            const std::string when = timeShown(std::string_view(line).substr(0, phrase));
            stops.push_back({lines[first].sourceLine, lines[last].sourceLine,
                             std::string(kHnsStopped) + " (the Service Control Manager logged it" +
                                 (when.empty() ? std::string() : " at " + when) + ")"});
        }
        first = last;
    }
    if (times > 1)
        stops.front().message += " (logged " + std::to_string(times) + " times; the first is at these lines)";
    return stops;
}

} // namespace hcn::io
