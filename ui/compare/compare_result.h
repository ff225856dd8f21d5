#pragma once
// CompareResult: one comparison as the Compare dock shows it: the core's diff of "before" and "after"
// (hcn::diffHosts, docs/diff.md), the marks it puts on the objects shown, the names of both sides'
// objects (so IDs in values read with their names), and what each side is called. Computed on a worker
// thread (computeComparison), read-only afterwards, shared with the GUI.

#include "compare/compare_marks.h"
#include "hcn/host_state.h"
#include "hcn/snapshot_diff.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace hcn::ui {

struct CompareResult
{
    SnapshotDiff diff;
    CompareMarks marks;
    /// Object ID (upper case) -> its Name, from both sides (after's name wins).
    QHash<QString, QString> names;
    QString beforeLabel;
    QString afterLabel;
    /// How the file side was read (CompareSide::notes).
    QStringList notes;
};

/// On a worker thread: `before` against `after`.
CompareResult computeComparison(const HostState& before, const HostState& after, const QString& beforeLabel,
                                const QString& afterLabel);

} // namespace hcn::ui
