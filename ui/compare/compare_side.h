#pragma once
// CompareSide: one side of a comparison read from a file, on a worker thread: whatever `hcnctl diff`
// takes as a side (docs/diff.md): a snapshot file (hcnd.snapshot, Export all, `hcnctl list all --json`),
// a recording (its end), a bug-report bundle, a dump file, archive or collectlogs folder. Every side is
// rendered through a read-only SnapshotApi's snapshot, as the mirror reads the host it shows, so both
// sides of a comparison have the same query shaping.

#include "hcn/host_state.h"
#include "hcn/status.h"

#include <QString>
#include <QStringList>

namespace hcn::ui {

struct CompareSide
{
    HostState host;
    /// The file's name, as the Compare dock names the side.
    QString label;
    /// What the user should know about how it was read: the recording moment taken, "imported as a
    /// dump: 12 objects, 1 warning", skipped objects.
    QStringList notes;
};

/// On a worker thread: the host `path` holds. Fails with a message naming the file when it cannot be
/// read or holds nothing HCN (neither a snapshot nor a dump with HCN objects in it).
Result<CompareSide> readCompareSide(const QString& path);

} // namespace hcn::ui
