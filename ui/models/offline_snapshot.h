#pragma once
// OfflineSnapshot: what a read-only host is made of, read on the new host's worker thread: a snapshot
// document (docs/snapshots.md) and the import report that goes with it, either carried in the document
// (the "Import" member of a saved import) or produced by importing a dump just now (docs/import.md).

#include "hcn/api.h"
#include "hcn/dump_import.h"

#include <QString>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

namespace hcn::ui {

struct OfflineSnapshot
{
    nlohmann::json document;
    io::ImportReport report;
    /// Names the snapshot in SnapshotApi::info() and so in the title ("network.txt, endpoint.txt").
    std::string name;
};

/// Produces the snapshot on the worker thread (reads a file, imports a dump).
using OfflineSnapshotReader = std::function<Result<OfflineSnapshot>()>;

/// On the worker thread: the snapshot file at `path`, parsed with the depth limit of every outside
/// document; its "Import" member, when there is one, becomes the report.
Result<OfflineSnapshot> readSnapshotFile(const QString& path);

/// On the worker thread: an import's outcome as the snapshot to show, or why there is none (an import
/// that recovered no object fails with its first errors and warnings, a few lines for a message box).
Result<OfflineSnapshot> importedSnapshot(Result<io::ImportResult> imported, const std::string& name);

/// On the worker thread: `snapshot` served as a read-only API. The report, with SnapshotApi's load
/// warnings added as warnings, goes to `*report`.
Result<std::shared_ptr<Api>> openOfflineSnapshot(OfflineSnapshot snapshot, io::ImportReport* report);

} // namespace hcn::ui
