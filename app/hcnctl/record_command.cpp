#include "record_command.h"

#include "cli_options.h"
#include "hcn/recording.h"
#include "hcn/utc_time.h"
#include "interrupt_guard.h"
#include "session.h"
#include "status_format.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <ostream>

namespace hcn::ctl {

namespace {

using OrderedJson = nlohmann::ordered_json;

std::string sizeText(std::uint64_t bytes)
{
    char text[32];
    if (bytes < 1024)
        std::snprintf(text, sizeof text, "%llu bytes", static_cast<unsigned long long>(bytes));
    else if (bytes < 1024 * 1024)
        std::snprintf(text, sizeof text, "%.1f KiB", double(bytes) / 1024.0);
    else
        std::snprintf(text, sizeof text, "%.1f MiB", double(bytes) / (1024.0 * 1024.0));
    return text;
}

std::string secondsText(std::int64_t ms)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", double(ms) / 1000.0);
    return text;
}

std::string changeTypeName(NotificationType type)
{
    const std::string_view name = notificationTypeName(baseNotificationType(type));
    if (!name.empty())
        return std::string(name);
    char hex[16];
    std::snprintf(hex, sizeof hex, "0x%08X", static_cast<unsigned>(type));
    return hex;
}

} // namespace

std::string checkRecordArguments(const CliOptions& o)
{
    if (o.listRecording) {
        if (o.arguments.size() != 1)
            return "record --list needs one recording: REC";
        if (o.durationSeconds || o.pollSeconds || o.maxChanges)
            return "record --list takes no --duration, --poll or --max-changes";
        if (o.embedded || !o.snapshot.empty() || !o.socket.empty() || o.library)
            return "record --list reads a file offline: --embedded, --snapshot, --socket and --library do "
                   "not apply";
        return {};
    }
    if (o.arguments.size() != 1)
        return "record needs the file to write: OUT";
    if (o.arguments[0] == "-")
        return "record writes a file, not standard output: give OUT";
    if (!o.snapshot.empty())
        return "record needs a host that changes: nothing in a snapshot changes";
    return {};
}

std::string recordHelp()
{
    return R"TEXT(Usage: hcnctl record OUT [--duration D] [--poll INTERVAL] [--max-changes N] [--json]
       hcnctl record --list REC [--json]

Records the host (hcnd, --embedded or --library) into OUT (docs/recordings.md): a snapshot, then every
change with its time (UTC, ms), one JSON line each, until the duration is over, the limit is reached,
the service goes away or Ctrl-C / SIGTERM (the file is finished cleanly either way). A file cut by a
crash still opens. At the end a summary: changes recorded, duration, file size.

Changes come from the service's notifications. Where it sends none (subscribing fails) hcnctl polls
instead and says so on stderr; --poll asks for polling: a snapshot every INTERVAL seconds, diffed
against the previous one, each difference written as a whole-document change flagged as polled
(changes undone between two polls are not seen).

  --duration D       stop after D seconds (default: until interrupted)
  --poll INTERVAL    poll every INTERVAL seconds (e.g. 2 or 0.5) instead of listening to events
  --max-changes N    stop after N changes
  --list REC         list the changes of a recording: number, time, seconds from the start, type,
                     kind and ID ("polled" for polled changes); a cut file or skipped lines are named
                     on stderr
  --json             record: the summary as {"File","Changes","DurationSeconds","Bytes","Capture",
                     "Reason"}; --list: {"Header":{...},"Changes":[{"Change","Time","Sequence","Type",
                     "Kind","ID","Polled"}],"End":{...}|null,"Cut":"..."|null}

A recording re-opens as a host at any moment: `hcnctl --snapshot REC[@TIME|#N] list|show|check|trace`
(TIME: ISO 8601 UTC, 2026-12-03T16:34:51Z, or +SECONDS from the start; #N: after change N; without
either: the end), and `hcnctl diff REC@T1 REC@T2` compares two moments.

Exit status: 0 recorded (or listed); 1 the recording failed (the file could not be written, the
service went away: the file is still finished); 2 usage; 3 the service cannot be reached.
)TEXT";
}

ExitStatus runRecord(Session& session, const CliOptions& options, std::ostream& out, std::ostream& err)
{
    InterruptGuard interrupts;
    const std::string& path = options.arguments[0];
    RecorderOptions recorderOptions;
    if (options.pollSeconds)
        recorderOptions.pollInterval =
            std::max(std::chrono::milliseconds(1),
                     std::chrono::milliseconds(std::llround(*options.pollSeconds * 1000)));
    recorderOptions.maxChanges = options.maxChanges.value_or(0);
    recorderOptions.tool = "hcnctl " HCNCTL_VERSION;
    auto about = session.api().info();
    recorderOptions.source = about.ok() ? about->endpoint : session.source();

    auto recorder = Recorder::start(session.api(), path, recorderOptions);
    if (!recorder.ok()) {
        if (options.json)
            out << OrderedJson{{"error", errorObject(recorder.status())}}.dump() << '\n';
        writeStatus(err, "hcnctl: record: ", recorder.status());
        return ExitStatus::Failure;
    }
    Recorder& r = **recorder;
    if (!r.fallbackReason().empty())
        err << "hcnctl: record: " << r.fallbackReason() << '\n';
    err << "hcnctl: recording " << recorderOptions.source << " into " << path << " ("
        << recordingCaptureText(r.header()) << ")"
        << (options.durationSeconds
                ? " for " + secondsText(std::llround(*options.durationSeconds * 1000)) + " s"
                : std::string(" until interrupted (Ctrl-C)"))
        << std::endl;

    const auto started = std::chrono::steady_clock::now();
    const auto deadline = started + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                        std::chrono::duration<double>(options.durationSeconds.value_or(0)));
    std::string reason;
    Recorder::Ended ended = Recorder::Ended::No;
    while (true) {
        const auto now = std::chrono::steady_clock::now();
        if (InterruptGuard::interrupted()) {
            reason = "interrupted";
            break;
        }
        if (options.durationSeconds && now >= deadline) {
            reason = "duration";
            break;
        }
        auto wait = InterruptGuard::kPoll;
        if (options.durationSeconds)
            wait = std::min(wait, std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now) +
                                      std::chrono::milliseconds(1));
        ended = r.waitFor(wait);
        if (ended != Recorder::Ended::No)
            break;
    }
    const Status finished = r.finish(reason.empty() ? "ended" : reason);
    const std::int64_t elapsedMs =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started)
            .count();
    if (ended == Recorder::Ended::MaxChanges)
        reason = "max-changes";
    else if (ended == Recorder::Ended::Disconnected)
        reason = "disconnected";
    else if (ended == Recorder::Ended::WriteFailed)
        reason = "write-failed";

    if (options.json) {
        out << OrderedJson{{"File", path},
                           {"Changes", r.changes()},
                           {"DurationSeconds", double(elapsedMs) / 1000.0},
                           {"Bytes", r.bytes()},
                           {"Capture", recordingCaptureText(r.header())},
                           {"Reason", reason}}
                   .dump()
            << '\n';
    } else {
        out << "Recorded " << r.changes() << " change" << (r.changes() == 1 ? "" : "s") << " in "
            << secondsText(elapsedMs) << " s into " << path << " (" << sizeText(r.bytes()) << ", "
            << recordingCaptureText(r.header()) << "; ended: " << reason << ").\n";
    }
    if (!finished.ok()) {
        writeStatus(err, "hcnctl: record: ", finished);
        return ExitStatus::Failure;
    }
    if (ended == Recorder::Ended::Disconnected) {
        err << "hcnctl: record: the service closed the event stream (ServiceDisconnect); the recording "
               "is finished up to there\n";
        return ExitStatus::Failure;
    }
    return ExitStatus::Success;
}

ExitStatus runRecordingList(const CliOptions& options, std::ostream& out, std::ostream& err)
{
    const std::string& path = options.arguments[0];
    auto opened = RecordingReader::open(path);
    if (!opened.ok()) {
        if (options.json)
            out << OrderedJson{{"error", errorObject(opened.status())}}.dump() << '\n';
        writeStatus(err, "hcnctl: record: ", opened.status());
        return ExitStatus::Failure;
    }
    const RecordingReader& reader = **opened;
    for (const std::string& warning : reader.warnings())
        err << "hcnctl: " << path << ": " << warning << '\n';
    if (reader.skippedLines() > reader.warnings().size())
        err << "hcnctl: " << path << ": " << reader.skippedLines() - reader.warnings().size()
            << " more lines skipped\n";
    if (!reader.cutDetail().empty())
        err << "hcnctl: " << path << ": " << reader.cutDetail() << '\n';
    const RecordingHeader& h = reader.header();

    if (options.json) {
        OrderedJson changes = OrderedJson::array();
        for (std::size_t n = 1; n <= reader.changeCount(); ++n) {
            const RecordedChange c = reader.change(n);
            OrderedJson line{{"Change", c.number},
                             {"Time", formatUtcMs(c.timeMs)},
                             {"Sequence", c.sequence},
                             {"Type", changeTypeName(c.type)},
                             {"Kind", resourceKindName(c.kind)},
                             {"ID", c.objectId},
                             {"Polled", c.polled}};
            if (c.status != hr::Ok)
                line["Status"] = c.status;
            changes.push_back(std::move(line));
        }
        OrderedJson document{{"Header",
                              {{"Tool", h.tool},
                               {"Source", h.source},
                               {"Started", formatUtcMs(h.startedMs)},
                               {"Capture", recordingCaptureText(h)}}},
                             {"Changes", std::move(changes)}};
        document["End"] = reader.cutDetail().empty() ? OrderedJson{{"Time", formatUtcMs(reader.endMs())},
                                                                   {"Reason", reader.endReason()}}
                                                     : OrderedJson();
        document["Cut"] = reader.cutDetail().empty() ? OrderedJson() : OrderedJson(reader.cutDetail());
        out << document.dump(-1, ' ', false, OrderedJson::error_handler_t::replace) << '\n';
        return ExitStatus::Success;
    }
    out << "Recording of " << (h.source.empty() ? std::string("an unnamed host") : h.source) << " by "
        << (h.tool.empty() ? std::string("an unnamed tool") : h.tool) << '\n'
        << "started   " << formatUtcMs(h.startedMs) << '\n'
        << "capture   " << recordingCaptureText(h) << '\n'
        << "changes   " << reader.changeCount() << " over " << secondsText(reader.endMs() - h.startedMs)
        << " s\n"
        << "end       "
        << (reader.cutDetail().empty() ? formatUtcMs(reader.endMs()) + " (" + reader.endReason() + ")"
                                       : std::string("none: cut"))
        << "\n\n";
    if (reader.changeCount() == 0) {
        out << "No changes.\n";
        return ExitStatus::Success;
    }
    for (std::size_t n = 1; n <= reader.changeCount(); ++n) {
        const RecordedChange c = reader.change(n);
        out << '#' << c.number << "  " << formatUtcMs(c.timeMs) << "  +"
            << secondsText(c.timeMs - h.startedMs) << "  " << changeTypeName(c.type);
        if (c.kind != ResourceKind::Invalid)
            out << "  " << resourceKindName(c.kind);
        if (!c.objectId.empty())
            out << ' ' << c.objectId;
        if (c.polled)
            out << "  (polled)";
        if (c.status != hr::Ok)
            out << "  status " << c.status;
        out << '\n';
    }
    return ExitStatus::Success;
}

} // namespace hcn::ctl
