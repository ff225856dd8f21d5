#pragma once
// What a comparison says about the objects the console shows, and how the views paint it: a row or a
// node of an object added (only in "after"), removed (only in "before") or changed gets the mark's
// colour. The resource tree, the topology, its legend and the Compare dock all take their colours and
// words from here, so the picture and its key cannot drift apart.

#include "hcn/snapshot_diff.h"

#include <QColor>
#include <QHash>
#include <QString>

namespace hcn::ui {

enum class CompareMark
{
    None,
    Added,   ///< only in "after"
    Removed, ///< only in "before"
    Changed, ///< in both, with differences
};

/// Object ID (upper case) -> its mark; objects that did not change have none.
using CompareMarks = QHash<QString, CompareMark>;

/// The colour a mark paints (a node's marker stripe and outline, the legend's swatch).
QColor compareMarkColor(CompareMark mark);
/// The same colour, light, as a tree row's background.
QColor compareMarkBackground(CompareMark mark);
/// "Added", "Removed", "Changed" (translated); empty for None.
QString compareMarkName(CompareMark mark);
/// What the mark means, in one sentence for a legend or a tooltip (translated).
QString compareMarkMeaning(CompareMark mark);
/// The mark of a diff's object type.
CompareMark compareMarkOf(DiffObject::Type type);

/// The marks of a diff's objects, under every ID they carry (a changed object matched by name under
/// both its IDs), so they land on the rows of whichever side the console shows.
CompareMarks compareMarks(const SnapshotDiff& diff);

} // namespace hcn::ui
