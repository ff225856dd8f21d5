#pragma once
// Recordings (docs/recordings.md): a host's snapshot plus every change after it, each with its
// wall-clock time, in append-only JSON lines, so a file cut by a crash or a kill still opens.
//
// RecordingWriter writes the file; Recorder feeds one from an hcn::Api (its notifications, or a
// snapshot taken every interval and diffed, flagged as polled, where the Api delivers none);
// RecordingReader indexes a file once, keeping keyframes and the longest-lived parsed documents in memory
// (bounded, Options), and builds the host at any moment from the nearest keyframe, without replaying from
// the start. A console timeline opens a
// reader on a worker thread, lists changeCount()/change(n) and calls hostAfter(changesAt(time)) off the GUI
// thread.

#include "hcn/api.h"
#include "hcn/host_state.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hcn {

/// The format version the writer writes and the newest the reader reads.
inline constexpr int kRecordingFormat = 1;

/// How the changes of a recording were captured.
enum class RecordingCapture
{
    Invalid,
    Events,  ///< the Api's notifications
    Polling, ///< a snapshot every `pollIntervalMs`, diffed against the previous one
};

/// The first line of a recording.
struct RecordingHeader
{
    int format = kRecordingFormat;
    /// The program that wrote it ("hcnctl 0.9.0").
    std::string tool;
    /// What was recorded ("unix:/run/hcn/hcnd.sock", "embedded engine", "library:...").
    std::string source;
    /// UTC, milliseconds since the epoch, when the snapshot was taken.
    std::int64_t startedMs = 0;
    RecordingCapture capture = RecordingCapture::Events;
    /// Polling: the interval.
    std::int64_t pollIntervalMs = 0;
};

/// "events" or "polling every 2000 ms".
std::string recordingCaptureText(const RecordingHeader& header);

class RecordingWriter
{
public:
    /// Creates (replaces) `path` and writes the header and the initial snapshot (an Api::snapshot()
    /// document), flushed. Fails with the file's error, or HCN_E_INVALID_JSON for a snapshot that is
    /// not a JSON object.
    static Result<std::unique_ptr<RecordingWriter>>
    create(const std::string& path, const RecordingHeader& header, std::string_view snapshot);
    /// Closes the file without an end line: what a crash leaves (the reader reports the cut).
    ~RecordingWriter();
    RecordingWriter(const RecordingWriter&) = delete;
    RecordingWriter& operator=(const RecordingWriter&) = delete;

    /// Appends one change: a notification received at `timeMs` (UTC ms); `polled` when a poller made it up
    /// from a difference. Each line is flushed as written, so a crash loses at most the line being written.
    Status append(const Notification& notification, std::int64_t timeMs, bool polled = false);
    /// Writes the end line with why the recording ended ("duration", "interrupted", "max-changes",
    /// "disconnected" ...) and closes the file. Later appends fail.
    Status finish(std::string_view reason, std::int64_t timeMs);

    std::uint64_t changes() const { return m_changes; }
    /// Bytes written so far.
    std::uint64_t bytes() const { return m_bytes; }

private:
    RecordingWriter() = default;
    Status writeLine(const std::string& line);

    std::unique_ptr<std::FILE, int (*)(std::FILE*)> m_file{nullptr, nullptr};
    std::string m_path;
    std::uint64_t m_changes = 0;
    std::uint64_t m_bytes = 0;
};

struct RecorderOptions
{
    /// Zero: record the Api's notifications; else take and diff a snapshot at this interval.
    std::chrono::milliseconds pollInterval{0};
    /// The interval used when the Api cannot subscribe (it has no notifications).
    std::chrono::milliseconds fallbackPollInterval{2000};
    /// Stop after this many changes; 0: no limit.
    std::uint64_t maxChanges = 0;
    /// For the header.
    std::string tool;
    std::string source;
};

/// Feeds a RecordingWriter from an Api until finished.
class Recorder
{
public:
    /// Why a recording ended by itself.
    enum class Ended
    {
        No,
        MaxChanges,   ///< the limit was reached
        Disconnected, ///< the service closed the stream (ServiceDisconnect)
        WriteFailed,  ///< the file could not be written (writeStatus() says why)
    };

    /// Subscribes (or, polling, takes the first snapshot), writes the header and the snapshot, and starts
    /// recording. When subscribing fails the recorder polls at the fallback interval instead and says why
    /// in fallbackReason().
    static Result<std::unique_ptr<Recorder>> start(Api& api, const std::string& path,
                                                   RecorderOptions options);
    /// Finishes with "stopped" unless finish() ran.
    ~Recorder();

    const RecordingHeader& header() const;
    /// Empty, or why the recorder polls although no interval was asked for.
    const std::string& fallbackReason() const;
    /// Waits up to `timeout` for the recording to end by itself.
    Ended waitFor(std::chrono::milliseconds timeout);
    /// Stops listening or polling and writes the end line (`reason`, else the Ended reason).
    Status finish(std::string_view reason);
    std::uint64_t changes() const;
    std::uint64_t bytes() const;
    /// The first write error; success while none happened.
    Status writeStatus() const;

    struct Impl;

private:
    explicit Recorder(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

/// A moment of a recording as people give it.
struct RecordingMoment
{
    enum class Type
    {
        End,    ///< after the last change
        Time,   ///< an absolute UTC time: `timeMs`
        Offset, ///< `offsetMs` after the start
        Change, ///< after change number `change` (0: the initial snapshot)
    };
    Type type = Type::End;
    std::int64_t timeMs = 0;
    std::int64_t offsetMs = 0;
    std::uint64_t change = 0;
};

/// "2026-12-03T16:34:51.5Z" (ISO 8601, UTC unless an offset is given), "+90" / "+1.5" (seconds from the
/// start), "#120" (after change 120), "end". Fails with E_INVALIDARG naming the accepted forms.
Result<RecordingMoment> parseRecordingMoment(std::string_view text);

/// A recording and a moment of it named on a command line: "REC.hcnrec", "REC.hcnrec@+90",
/// "REC.hcnrec@2026-12-03T16:34:51Z", "REC.hcnrec#120". A word that names an existing file is that
/// file; else it is split at its last '@' or '#' when the part before names one.
struct RecordingReference
{
    std::string path;
    RecordingMoment moment;
    /// The moment as given ("+90", "#120"; empty for the end).
    std::string momentText;
};

/// The reference `word` makes when it names a recording file (its first line is a recording header);
/// nullopt when it names none (another file or no file); an error when it names a recording with a bad
/// moment.
Result<std::optional<RecordingReference>> recordingReference(const std::string& word);

/// One recorded change as the reader lists it.
struct RecordedChange
{
    /// 1 .. changeCount().
    std::uint64_t number = 0;
    std::int64_t timeMs = 0;
    /// The service's sequence number (0 for polled changes).
    std::uint64_t sequence = 0;
    NotificationType type = NotificationType::Invalid;
    HResult status = hr::Ok;
    ResourceKind kind = ResourceKind::Invalid;
    /// Canonical; empty when the notification names none.
    std::string objectId;
    bool polled = false;
};

class RecordingReader
{
public:
    struct Options
    {
        /// A keyframe (where each live object's document is) every this many changes.
        std::size_t keyframeInterval = 1000;
        /// At most this many parsed documents are held (those the host had at the start included): the
        /// ones that stay longest; the others are read back from their lines when a moment needs them.
        std::size_t heldDocuments = 65536;
        /// Parsed documents kept for later builds.
        std::size_t documentCache = 8192;
        /// At most this many warnings are kept (the rest are counted).
        std::size_t maxWarnings = 100;
    };

    /// Reads and indexes the file once. Broken change lines are skipped with a warning; a file without
    /// its end line is cut (cutDetail()). Fails when the header or the snapshot cannot be read.
    static Result<std::unique_ptr<RecordingReader>> open(const std::string& path);
    static Result<std::unique_ptr<RecordingReader>> open(const std::string& path, Options options);
    ~RecordingReader();

    const RecordingHeader& header() const;
    std::size_t changeCount() const;
    /// `number` in 1..changeCount().
    RecordedChange change(std::size_t number) const;
    std::int64_t startMs() const;
    /// The end line's time; for a cut file the last change's (or the start).
    std::int64_t endMs() const;
    /// The end line's reason ("duration", "interrupted" ...); empty when cut.
    const std::string& endReason() const;
    /// Non-empty when the file has no end line: what was cut and what is left.
    const std::string& cutDetail() const;
    /// Broken lines skipped ("line 12: not JSON (...); skipped"), at most Options::maxWarnings.
    const std::vector<std::string>& warnings() const;
    std::size_t skippedLines() const;
    /// The changes between keyframes (Options::keyframeInterval) and how many there are (the first is the
    /// initial snapshot).
    std::size_t keyframeInterval() const;
    std::size_t keyframeCount() const;
    /// The parsed documents held: at most Options::heldDocuments, unless the initial snapshot alone has
    /// more.
    std::size_t heldDocuments() const;

    /// How many changes happened at or before `timeMs`.
    std::size_t changesAt(std::int64_t timeMs) const;
    /// How many changes a moment stands for. Fails with E_INVALIDARG for a change number beyond the
    /// recording or a time before its start.
    Result<std::size_t> changesAt(const RecordingMoment& moment) const;

    /// The host after the first `changes` changes (0: the initial snapshot), built from the nearest
    /// keyframe: the documents held shared, only the others read back from their lines.
    /// Safe from any thread (the document cache is locked).
    Result<HostState> hostAfter(std::size_t changes) const;
    /// The same host as a snapshot document (hcn::SnapshotApi and `hcnctl --snapshot` read it), with the
    /// initial snapshot's HnsVersion and SchemaVersion.
    Result<std::string> snapshotAfter(std::size_t changes) const;

    struct Impl;

private:
    explicit RecordingReader(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace hcn
