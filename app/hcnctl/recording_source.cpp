#include "recording_source.h"

#include "hcn/recording.h"
#include "hcn/utc_time.h"

namespace hcn::ctl {

Result<std::optional<std::string>> recordingSnapshot(const std::string& word, std::vector<std::string>& notes)
{
    auto reference = recordingReference(word);
    if (!reference.ok())
        return reference.status();
    if (!*reference)
        return std::optional<std::string>();
    const RecordingReference& ref = **reference;
    auto reader = RecordingReader::open(ref.path);
    if (!reader.ok())
        return reader.status();
    const RecordingReader& r = **reader;
    if (!r.cutDetail().empty())
        notes.push_back(r.cutDetail());
    for (const std::string& warning : r.warnings())
        notes.push_back(warning);
    if (r.skippedLines() > r.warnings().size())
        notes.push_back(std::to_string(r.skippedLines() - r.warnings().size()) + " more lines skipped.");
    auto changes = r.changesAt(ref.moment);
    if (!changes.ok())
        return Status(changes.code(), ref.path + ": " + changes.status().detail());
    const std::int64_t at = *changes == 0 ? r.startMs() : r.change(*changes).timeMs;
    notes.push_back("the host after change " + std::to_string(*changes) + " of " +
                    std::to_string(r.changeCount()) + (*changes == 0 ? " (the initial snapshot, " : " (") +
                    formatUtcMs(at) + ").");
    auto snapshot = r.snapshotAfter(*changes);
    if (!snapshot.ok())
        return snapshot.status();
    return std::optional<std::string>(std::move(*snapshot));
}

} // namespace hcn::ctl
