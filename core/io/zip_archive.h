#pragma once
// Zip archives on zlib alone, for builds without libarchive (hcnctl.exe, docs/windows.md): a writer of
// stored and deflated entries (bug-report bundles) and a reader that works from the central directory
// (dump imports), with every offset and size checked against the archive before it is used and every
// entry's CRC-32 checked after it is unpacked. Not read: ZIP64, split archives, encrypted entries,
// methods other than stored (0) and deflated (8); the reader says so.

#include "hcn/status.h"

#include <cstdint>
#include <ctime>
#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace hcn::io::zip {

/// General purpose flag bit 11: the entry's name (and comment) are UTF-8. Without it a name is in the
/// writer's code page (IBM437 by the format, often UTF-8 in practice).
constexpr std::uint16_t kUtf8NameFlag = 1 << 11;

/// Where a zip is read from: bytes in memory or a file, read at offsets.
class ZipSource
{
public:
    virtual ~ZipSource() = default;
    virtual std::uint64_t size() const = 0;
    /// Exactly `length` bytes at `offset` into `out`; false when they are not there.
    virtual bool readAt(std::uint64_t offset, char* out, std::size_t length) = 0;
};

/// Bytes in memory; they must outlive the source.
std::unique_ptr<ZipSource> memorySource(std::string_view bytes);
/// A file, read as needed (never whole).
Result<std::unique_ptr<ZipSource>> fileSource(const std::filesystem::path& path);

struct ZipLimits
{
    /// One entry's unpacked size; an entry declaring more is refused before it is unpacked, and one that
    /// unpacks to more than it declares is refused as damaged. The importer's default (hcn/dump_sources.h).
    std::uint64_t maxEntryBytes = std::uint64_t(256) * 1024 * 1024;
    /// The central directory held in memory while the archive is open.
    std::uint64_t maxDirectoryBytes = std::uint64_t(64) * 1024 * 1024;
};

struct ZipEntry
{
    std::string name; ///< UTF-8 (names without the UTF-8 flag that are not UTF-8 get U+FFFD)
    std::uint64_t size = 0;
    std::uint64_t compressedSize = 0;
    std::uint32_t crc32 = 0;
    std::uint16_t method = 0;
    std::uint64_t localHeaderOffset = 0;
    bool directory = false;
    /// Why the entry cannot be read ("encrypted", "compressed with method 14 (LZMA)...", an unsafe name);
    /// empty when it can. The other entries stay readable.
    std::string problem;
};

/// True when `name` is a relative path without "." or ".." components, drive letters or empty parts
/// ('\\' counts as a separator).
bool isSafeEntryName(std::string_view name);
/// A local file header or an empty archive's end record at the start of `head`.
bool startsLikeZip(std::string_view head);

class ZipReader
{
public:
    /// Reads the end record and the central directory. Fails (E_INVALIDARG, E_NOTIMPL for ZIP64 and
    /// split archives) with a sentence saying what is wrong and where.
    static Result<ZipReader> open(std::unique_ptr<ZipSource> source, const ZipLimits& limits = {});

    const std::vector<ZipEntry>& entries() const { return m_entries; }

    /// Gets chunks of the entry's content; false from it stops the reading (E_ABORT). Fails when the
    /// entry has a problem, declares more than maxEntryBytes, its data lies outside the archive, or it
    /// unpacks to another size or CRC-32 than declared (reported after the last chunk: a caller keeps
    /// the content only on success).
    using Sink = std::function<bool(std::string_view chunk)>;
    Status read(const ZipEntry& entry, const Sink& sink) const;
    /// The whole content of an entry.
    Result<std::string> readAll(const ZipEntry& entry) const;

private:
    ZipReader(std::unique_ptr<ZipSource> source, const ZipLimits& limits)
        : m_source(std::move(source)), m_limits(limits)
    {}
    std::unique_ptr<ZipSource> m_source;
    ZipLimits m_limits;
    std::vector<ZipEntry> m_entries;
    std::uint64_t m_dataEnd = 0; ///< where the central directory begins: no entry's data passes it
};

/// Writes a zip to a stream: each entry deflated (stored when that is not smaller), names flagged UTF-8
/// when not ASCII, modification time `modified`. Refuses unsafe names, and what would need ZIP64
/// (an entry or the archive over 4 GiB, more than 65,535 entries).
class ZipWriter
{
public:
    ZipWriter(std::ostream& out, std::time_t modified);
    Status add(const std::string& name, std::string_view bytes);
    /// The central directory and the end record; the stream is flushed.
    Status finish();

private:
    struct Written
    {
        std::string name;
        std::uint32_t crc32;
        std::uint32_t compressedSize;
        std::uint32_t size;
        std::uint16_t method;
        std::uint32_t offset;
    };
    void putSharedFields(std::string& out, const Written& entry, std::size_t extraBytes) const;

    std::ostream& m_out;
    std::time_t m_modified;
    std::uint16_t m_dosTime = 0;
    std::uint16_t m_dosDate = 0;
    std::uint64_t m_offset = 0;
    std::vector<Written> m_written;
};

} // namespace hcn::io::zip
