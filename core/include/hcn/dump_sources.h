#pragma once
// Reading what a customer sent: files, folders (collectlogs.ps1 output) and archives of them (.zip,
// .tar compressed or not, .7z, .rar, .cab and single xz/bzip2/zstd/lz4/lzma files through libarchive;
// .zip only, with io/zip_archive.h, in a build without it), mails and gzip files, with
// limits that keep a 1 GB file or an archive bomb from exhausting memory. The result is a list of named byte
// blobs for the importer (hcn/dump_import.h).

#include "hcn/status.h"

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace hcn::io {

/// One input file of an import: its bytes and the name reports show ("logs.zip!collectlogs/network.txt").
struct DumpSource
{
    std::string name;
    std::string bytes;
};

/// Caps on what is read (documented in docs/import.md).
struct SourceLimits
{
    std::size_t maxFileBytes = std::size_t(256) * 1024 * 1024; ///< one file, after decompression
    /// Everything read into memory, after decompression (an archive inside an archive counts, and so do
    /// its files). Reading stops when it is reached, with a warning naming the first file not read.
    std::size_t maxTotalBytes = std::size_t(1024) * 1024 * 1024;
    std::size_t maxFiles = 20000; ///< files met in folders and archives, archives themselves included
    int maxArchiveNesting = 2;    ///< an archive inside an archive inside the one given, and no deeper
    /// Content of skipped entries (binary, over maxFileBytes) that must be unpacked to get past them
    /// (entries of a compressed tar, zip entries whose length is only known at their end); bounds the
    /// time an archive bomb takes.
    std::size_t maxSkippedBytes = std::size_t(4) * 1024 * 1024 * 1024;
};

/// Something about an input that the user should know ("logs.zip!x.exe: not text; skipped").
struct SourceWarning
{
    std::string source;
    std::string message;
};

struct SourceReadResult
{
    std::vector<DumpSource> sources;
    std::vector<SourceWarning> warnings;
    /// What was done to read a file, one each, no problem ("mail.eml: a MIME mail: read its 2 parts as
    /// files of their own ...", "x.json.gz: a gzip file: unpacked x.json ..."): infos of the report.
    std::vector<SourceWarning> notes;
};

/// Called with the bytes read so far; returning false cancels the read (E_ABORT).
using SourceProgress = std::function<bool(std::size_t bytesRead)>;

/// Reads every path: a file as it is; an archive (recognised by its content, not its name) entry by
/// entry; a folder recursively, in name order, following links only to places inside it. Files that are
/// not text (images, executables, event logs .evtx, packet captures .etl/.pcap: NUL bytes in the first
/// 8 KiB that are not UTF-16) are skipped with a warning, as are entries over the limits. Names in
/// reports: "folder/sub/network.txt", "logs.zip!collectlogs/network.txt", "outer.zip!inner.tgz!x.txt".
/// Fails only when a path cannot be read at all (missing, unreadable: E_INVALIDARG with the path), when
/// nothing usable is left (E_INVALIDARG saying why), or when cancelled (E_ABORT).
Result<SourceReadResult> readDumpSources(const std::vector<std::string>& paths,
                                         const SourceLimits& limits = {},
                                         const SourceProgress& progress = {});

/// The same for bytes already in memory (a pasted clipboard, a dropped archive): `name` is used in reports.
/// An archive is unpacked, text passes through (up to maxFileBytes), binary content is refused.
Result<SourceReadResult> readDumpBytes(std::string name, std::string bytes, const SourceLimits& limits = {});

/// Whether archives can be read in this build: always, zip at least (a build without libarchive reads zip
/// archives with its own reader, io/zip_archive.h).
bool archivesSupported();
/// Whether tar and gzip-compressed archives can be read too (libarchive present; not in the Windows build,
/// where they are skipped with a warning naming .zip).
bool tarArchivesSupported();

} // namespace hcn::io
