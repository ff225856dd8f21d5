// Moments of a recording as people name them, and "REC@MOMENT" words (hcn/recording.h).

#include "hcn/recording.h"
#include "hcn/utc_time.h"
#include "io/recording_format.h"

#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>

namespace hcn {

namespace {

Status badMoment(std::string_view text)
{
    std::string message = "\"";
    message += text;
    message += "\" is not a moment of a recording: use an ISO 8601 UTC time (2026-12-03T16:34:51Z), +SECONDS "
               "from the start (+90, +1.5), #N (after change N) or end.";
    return Status(hr::InvalidArg, std::move(message));
}

bool isRegularFile(const std::string& path)
{
    std::error_code error;
    return !path.empty() && std::filesystem::is_regular_file(path, error);
}

/// The file starts with a recording header.
bool startsLikeRecording(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    char start[32] = {};
    in.read(start, sizeof start);
    const std::string_view text(start, std::size_t(in.gcount()));
    std::string marker = "{\""; // appended piece by piece: GCC 12 warns falsely on "x" + string (-Wrestrict)
    marker += recording::kMarker;
    marker += '"';
    return text.starts_with(marker);
}

} // namespace

Result<RecordingMoment> parseRecordingMoment(std::string_view text)
{
    RecordingMoment moment;
    if (text.empty() || text == "end")
        return moment;
    if (text.front() == '#') {
        std::uint64_t number = 0;
        const char* end = text.data() + text.size();
        auto [ptr, ec] = std::from_chars(text.data() + 1, end, number);
        if (ec != std::errc() || ptr != end || text.size() == 1)
            return badMoment(text);
        moment.type = RecordingMoment::Type::Change;
        moment.change = number;
        return moment;
    }
    if (text.front() == '+') {
        try {
            const std::string number(text.substr(1));
            std::size_t used = 0;
            const double seconds = std::stod(number, &used);
            if (used != number.size() || !std::isfinite(seconds) || seconds < 0 || number.empty())
                return badMoment(text);
            moment.type = RecordingMoment::Type::Offset;
            moment.offsetMs = std::llround(seconds * 1000.0);
            return moment;
        } catch (const std::exception&) {
            return badMoment(text);
        }
    }
    if (auto ms = parseUtcMs(text)) {
        moment.type = RecordingMoment::Type::Time;
        moment.timeMs = *ms;
        return moment;
    }
    return badMoment(text);
}

Result<std::optional<RecordingReference>> recordingReference(const std::string& word)
{
    if (isRegularFile(word)) {
        if (!startsLikeRecording(word))
            return std::optional<RecordingReference>();
        return std::optional<RecordingReference>(RecordingReference{word, RecordingMoment{}, {}});
    }
    const std::size_t split = word.find_last_of("@#");
    if (split == std::string::npos || split == 0)
        return std::optional<RecordingReference>();
    const std::string path = word.substr(0, split);
    if (!isRegularFile(path) || !startsLikeRecording(path))
        return std::optional<RecordingReference>();
    // "#N" keeps its '#'; after '@' comes a time, an offset, "#N" or "end".
    const std::string momentText = word[split] == '#' ? word.substr(split) : word.substr(split + 1);
    auto moment = parseRecordingMoment(momentText);
    if (!moment.ok())
        return Status(moment.code(), path + ": " + moment.status().detail());
    return std::optional<RecordingReference>(RecordingReference{path, *moment, momentText});
}

} // namespace hcn
