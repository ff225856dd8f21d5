#pragma once
// Importing a customer's dump into a snapshot (docs/import.md): every object found in the sources
// (JSON, Go struct and go-spew dumps, list views, tables; hcn/dump_text.h, hcn/dump_formats.h) is
// classified by kind, mapped from the v1 shape to v2 where it is v1, merged with other sightings of the
// same object, and linked to the others (endpoint -> network, load balancer -> backends, namespace ->
// endpoints). The result is a snapshot document (docs/snapshots.md) that hcn::SnapshotApi serves, and a
// report of where each object came from and what the dump did not carry. A broken object never fails the
// import; the customer's broken state (dangling references, duplicates) is kept as it is.

#include "hcn/dump_sources.h"
#include "hcn/dump_text.h"
#include "hcn/resource_kind.h"
#include "hcn/status.h"

#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace hcn::io {

/// One object of the snapshot and where it came from.
struct ImportedObject
{
    ResourceKind kind = ResourceKind::Invalid;
    std::string id;   ///< as the snapshot document spells it
    std::string name; ///< empty when the dump gives none
    std::string source; ///< the DumpSource name
    int firstLine = 0;  ///< 1-based lines in that source
    int lastLine = 0;
    DumpFormat format = DumpFormat::Json;
    bool wasV1 = false;       ///< mapped from the v1 (Get-Hns*) shape
    /// The dump does not show this object's ID (none, not a GUID, or one load balancer of a policy list
    /// split in several): `id` was made up by the import, the same on every import of the same text.
    bool idMadeUp = false;
    std::string originalText; ///< the object as the dump printed it
    /// Flattened, truncated or elided properties: what the dump did not carry in full.
    std::vector<std::string> lost;
    /// Properties the schema does not know; kept in the document and echoed on export.
    std::vector<std::string> unknownFields;
    /// Other things worth knowing: repairs made to parse it, a dangling reference, other sightings.
    std::vector<std::string> notes;
};

enum class ImportSeverity
{
    Info,
    Warning,
    Error, ///< something in the dump could not be imported
};

/// One line of the import report.
struct ImportMessage
{
    ImportSeverity severity = ImportSeverity::Warning;
    std::string source; ///< DumpSource name; empty for the import as a whole
    int firstLine = 0;  ///< 0 when not about particular lines
    int lastLine = 0;
    ResourceKind kind = ResourceKind::Invalid; ///< the object the message is about, when there is one
    std::string objectId;
    std::string message;
    /// It states what a log in the dump says of HNS: a failure or a refusal, a lookup that found nothing,
    /// the service stopping, an operation done, a request made.
    bool logged = false;
};

struct ImportReport
{
    std::vector<std::string> sources; ///< the DumpSource names read, in order
    std::vector<ImportedObject> objects;
    std::vector<ImportMessage> messages;
};

struct ImportResult
{
    /// A snapshot document: HnsVersion when the dump tells it, SchemaVersion, the six sections, and
    /// "Import" (importReportToJson of the report).
    nlohmann::json snapshot;
    ImportReport report;
    /// Objects in the snapshot.
    std::size_t objectCount() const;
    /// Whether the dump gave anything: objects, or (a log alone) what its lines say of HNS (`logged`
    /// messages). False means nothing was recovered.
    bool recoveredAnything() const;
};

/// Called while importing with the fraction done (0..1): while files are read, between sources and
/// between the steps of one source; returning false cancels (E_ABORT) at the next such point.
using ImportProgress = std::function<bool(double fraction)>;

struct ImportOptions
{
    SourceLimits limits;
    ImportProgress progress;
    /// Names the snapshot's origin in SnapshotApi::info() ("customer-dump.zip").
    std::string description;
};

/// Imports sources already read. Fails only when cancelled.
Result<ImportResult> importDump(const std::vector<DumpSource>& sources, const ImportOptions& options = {});

/// Reads the paths (readDumpSources) and imports them; source warnings join the report.
Result<ImportResult> importPaths(const std::vector<std::string>& paths, const ImportOptions& options = {});

/// Bytes already in memory (a pasted clipboard, standard input, a dropped archive) read with
/// readDumpBytes and imported; `name` names them in the report.
Result<ImportResult> importBytes(std::string name, std::string bytes, const ImportOptions& options = {});

/// The report as the snapshot's "Import" member and `hcnctl import --json` print it.
nlohmann::json importReportToJson(const ImportReport& report);
/// Reads it back (from a snapshot saved earlier); missing parts are empty.
ImportReport importReportFromJson(const nlohmann::json& json);

std::string_view importSeverityName(ImportSeverity severity);

} // namespace hcn::io
