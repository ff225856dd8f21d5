#pragma once
// Bug-report bundles (docs/bundles.md): one archive (.zip, or .tar.gz/.tgz) with every object of a host
// in its v2 and v1 shapes, the health checks, the import report of a dump, the versions, a manifest
// (each file with its size and SHA-256) and a README for whoever receives it, optionally redacted
// (hcn/redaction.h). A bundle re-opens as a snapshot: readBundle, `hcnctl --snapshot`, and the importer,
// which takes a bundle's snapshot.json instead of importing each of its files.

#include "hcn/dump_sources.h"
#include "hcn/status.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace hcn::io {

class Redactor;

/// The manifest's "Format": how a bundle is recognised.
inline constexpr std::string_view kBundleFormat = "hcn-bug-report-bundle";

/// The files of a bundle, by path.
inline constexpr std::string_view kBundleSnapshot = "snapshot.json";
inline constexpr std::string_view kBundleManifest = "manifest.json";
inline constexpr std::string_view kBundleImportReport = "import-report.json";

/// A file the caller adds to a bundle (the console's event log and topology), listed in the manifest like
/// the others.
struct BundleExtraFile
{
    /// How a redacted bundle redacts the file.
    enum class Redaction
    {
        Text,  ///< all of it, as free text (Redactor::text)
        Markup ///< XML or SVG: only the text between tags, so element and attribute names stay intact
    };
    std::string path; ///< a plain file name ("events.csv"), not one of the bundle's own files
    std::string what; ///< the manifest's description
    std::string bytes;
    Redaction redaction = Redaction::Text;
};

/// The files only the console can add; a bundle without them says so in its manifest ("NotIncluded").
inline constexpr std::string_view kBundleEventLog = "events.csv";
inline constexpr std::string_view kBundleTopology = "topology.svg";

/// What a bundle is made from.
struct BundleInput
{
    /// An Api::snapshot() document (text): the objects in their v2 shapes, HnsVersion, SchemaVersion.
    /// An "Import" member (an imported dump) becomes import-report.json.
    std::string snapshotText;
    std::string toolVersion; ///< "hcnctl 1.2.0"
    std::string source;      ///< where the host came from ("hcnd /run/hcn.sock", "snapshot FILE")
    std::string created;     ///< a UTC time ("2026-12-03T11:20:00Z"); empty: now
    /// When set, everything written is redacted with it; its mapping() then holds what was replaced.
    Redactor* redactor = nullptr;
    /// More files, after the bundle's own (redacted after the snapshot, so names it gives are known).
    std::vector<BundleExtraFile> extraFiles;
};

/// One file of a bundle as the manifest lists it.
struct BundleFile
{
    std::string path;
    std::string what;
    std::uint64_t size = 0;
    std::string sha256;
};

struct BundleSummary
{
    std::vector<BundleFile> files;
    std::size_t objects = 0;
    std::size_t findings = 0;
};

/// The files of a bundle in memory, manifest last: {path, bytes}. Fails when the snapshot text is no
/// snapshot, or an extra file has no plain name or takes the name of one of the bundle's own files.
Result<std::vector<std::pair<std::string, std::string>>> bundleFiles(const BundleInput& input,
                                                                      BundleSummary* summary = nullptr);

/// Whether `path` names a bundle writeBundle can write: it ends in .zip, .tar.gz or .tgz (any case).
bool isBundleFileName(std::string_view path);

/// Writes the bundle to `path`: zip for ".zip", gzip-compressed tar for ".tar.gz" and ".tgz" (any case);
/// another suffix is E_INVALIDARG. The archive is written beside `path` and renamed over it when
/// complete, so a failure leaves no partial file. A build without libarchive (Windows) writes the zip with
/// its own zip writer and refuses .tar.gz/.tgz with E_NOTIMPL naming .zip.
Result<BundleSummary> writeBundle(const std::string& path, const BundleInput& input);

/// A bundle read back: its manifest and the snapshot document with the import report (when it has one)
/// back under "Import".
struct BundleContents
{
    nlohmann::json manifest;
    nlohmann::json snapshot;
};

/// Whether `sources` (readDumpSources of one path) are a bundle, and if so its contents. nullopt when
/// they are not one; an error when the manifest says bundle but its snapshot is missing or broken.
Result<std::optional<BundleContents>> bundleFromSources(const std::vector<DumpSource>& sources);
/// readDumpSources of `path`, then bundleFromSources.
Result<std::optional<BundleContents>> readBundle(const std::string& path);

/// For the importer: the sources of every bundle among `sources` replaced by that bundle's
/// snapshot.json (its objects are imported once, from their v2 shapes); `notes` gets one line per
/// bundle found.
std::vector<DumpSource> replaceBundlesBySnapshots(const std::vector<DumpSource>& sources,
                                                  std::vector<std::string>& notes);

} // namespace hcn::io
