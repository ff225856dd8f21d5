// Reading a zip from its central directory with zlib's raw inflate (io/zip_archive.h). Every offset and
// size comes from the archive, so each is checked against what precedes it before anything is read.

#include "common/code_page.h"
#include "common/utf8.h"
#include "io/zip_archive.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <fstream>
#include <zlib.h>

namespace hcn::io::zip {

namespace {

constexpr std::uint32_t kLocalSignature = 0x04034b50;
constexpr std::uint32_t kCentralSignature = 0x02014b50;
constexpr std::uint32_t kEndSignature = 0x06054b50;
constexpr std::uint32_t kZip64LocatorSignature = 0x07064b50;
constexpr std::size_t kLocalHeaderBytes = 30;
constexpr std::size_t kCentralHeaderBytes = 46;
constexpr std::size_t kEndBytes = 22;
constexpr std::size_t kZip64LocatorBytes = 20;
constexpr std::size_t kReadChunk = 64 * 1024;

std::uint16_t zipRead16(const char* p)
{
    return std::uint16_t(std::uint8_t(p[0]) | std::uint8_t(p[1]) << 8);
}

std::uint32_t zipRead32(const char* p)
{
    return std::uint32_t(zipRead16(p)) | std::uint32_t(zipRead16(p + 2)) << 16;
}

class MemorySource final : public ZipSource
{
public:
    explicit MemorySource(std::string_view bytes) : m_bytes(bytes) {}
    std::uint64_t size() const override { return m_bytes.size(); }
    bool readAt(std::uint64_t offset, char* out, std::size_t length) override
    {
        if (offset > m_bytes.size() || length > m_bytes.size() - offset)
            return false;
        std::memcpy(out, m_bytes.data() + offset, length);
        return true;
    }

private:
    std::string_view m_bytes;
};

class FileSource final : public ZipSource
{
public:
    FileSource(std::ifstream file, std::uint64_t size) : m_file(std::move(file)), m_size(size) {}
    std::uint64_t size() const override { return m_size; }
    bool readAt(std::uint64_t offset, char* out, std::size_t length) override
    {
        if (offset > m_size || length > m_size - offset)
            return false;
        m_file.clear();
        m_file.seekg(std::streamoff(offset));
        m_file.read(out, std::streamsize(length));
        return m_file.gcount() == std::streamsize(length);
    }

private:
    std::ifstream m_file;
    std::uint64_t m_size;
};

const char* zipMethodName(std::uint16_t method)
{
    switch (method) {
    case 1:
        return " (shrunk)";
    case 6:
        return " (imploded)";
    case 9:
        return " (Deflate64)";
    case 12:
        return " (bzip2)";
    case 14:
        return " (LZMA)";
    case 93:
        return " (Zstandard)";
    case 95:
        return " (xz)";
    case 99:
        return " (AES-encrypted)";
    default:
        return "";
    }
}

struct InflateStream
{
    z_stream stream{};
    bool open = false;
    ~InflateStream()
    {
        if (open)
            inflateEnd(&stream);
    }
};

} // namespace

std::unique_ptr<ZipSource> memorySource(std::string_view bytes)
{
    return std::make_unique<MemorySource>(bytes);
}

Result<std::unique_ptr<ZipSource>> fileSource(const std::filesystem::path& path)
{
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    std::ifstream file(path, std::ios::binary);
    if (error || !file)
        return Status(hr::InvalidArg,
                      "cannot be read" + (error ? " (" + error.message() + ")" : std::string()));
    return std::unique_ptr<ZipSource>(std::make_unique<FileSource>(std::move(file), size));
}

bool isSafeEntryName(std::string_view name)
{
    if (name.empty() || name.front() == '/' || name.front() == '\\')
        return false;
    if (name.size() >= 2 && name[1] == ':')
        return false; // a drive letter
    std::size_t start = 0;
    while (start <= name.size()) {
        std::size_t end = name.find_first_of("/\\", start);
        if (end == std::string_view::npos)
            end = name.size();
        const std::string_view part = name.substr(start, end - start);
        // An empty part is only allowed as the trailing slash of a folder.
        if ((part.empty() && end != name.size()) || part == "." || part == "..")
            return false;
        if (part.find('\0') != std::string_view::npos)
            return false;
        start = end + 1;
    }
    return true;
}

bool startsLikeZip(std::string_view head)
{
    return head.starts_with("PK\x03\x04") || head.starts_with(std::string_view("PK\x05\x06", 4));
}

Result<ZipReader> ZipReader::open(std::unique_ptr<ZipSource> source, const ZipLimits& limits)
{
    if (!source)
        return Status(hr::InvalidArg, "no archive to read");
    const std::uint64_t size = source->size();
    if (size < kEndBytes)
        return Status(hr::InvalidArg, "a zip archive is at least 22 bytes; this is " + std::to_string(size) +
                                          " (truncated, or not a zip)");
    // The end record is in the last 22 bytes plus its comment (at most 65,535 bytes).
    const std::size_t tailBytes = std::size_t(std::min<std::uint64_t>(size, kEndBytes + 0xFFFF));
    std::string tail(tailBytes, '\0');
    if (!source->readAt(size - tailBytes, tail.data(), tailBytes))
        return Status(hr::InvalidArg, "cannot be read");
    std::size_t at = std::string::npos;
    for (std::size_t i = tailBytes - kEndBytes + 1; i-- > 0;)
        if (zipRead32(&tail[i]) == kEndSignature && i + kEndBytes + zipRead16(&tail[i + 20]) <= tailBytes) {
            at = i;
            break;
        }
    if (at == std::string::npos)
        return Status(hr::InvalidArg, "no end of central directory record: not a zip archive, or truncated");
    const char* end = &tail[at];
    const std::uint64_t endOffset = size - tailBytes + at;
    const std::uint16_t disk = zipRead16(end + 4), directoryDisk = zipRead16(end + 6);
    const std::uint16_t entriesHere = zipRead16(end + 8), entryCount = zipRead16(end + 10);
    const std::uint32_t directorySize = zipRead32(end + 12), directoryOffset = zipRead32(end + 16);
    const bool zip64Locator = endOffset >= kZip64LocatorBytes && at >= kZip64LocatorBytes &&
                              zipRead32(&tail[at - kZip64LocatorBytes]) == kZip64LocatorSignature;
    if (zip64Locator || entryCount == 0xFFFF || directorySize == 0xFFFFFFFF || directoryOffset == 0xFFFFFFFF)
        return Status(hr::NotImplemented, "a ZIP64 archive (over 4 GiB or 65,535 entries), which this "
                                          "build does not read; unpack it and import the files");
    if (disk != 0 || directoryDisk != 0 || entriesHere != entryCount)
        return Status(hr::NotImplemented, "a split (multi-part) zip archive, which is not read");
    if (std::uint64_t(directoryOffset) + directorySize > endOffset)
        return Status(hr::InvalidArg, "the central directory (" + std::to_string(directorySize) +
                                          " bytes at offset " + std::to_string(directoryOffset) +
                                          ") lies outside the archive of " + std::to_string(size) + " bytes");
    if (std::uint64_t(entryCount) * kCentralHeaderBytes > directorySize)
        return Status(hr::InvalidArg, "the archive declares " + std::to_string(entryCount) +
                                          " entries, more than its central directory of " +
                                          std::to_string(directorySize) + " bytes can hold");
    if (directorySize > limits.maxDirectoryBytes)
        return Status(hr::InvalidArg, "the central directory of " + std::to_string(directorySize) +
                                          " bytes is over the limit of " +
                                          std::to_string(limits.maxDirectoryBytes));

    std::string directory(directorySize, '\0');
    if (!source->readAt(directoryOffset, directory.data(), directory.size()))
        return Status(hr::InvalidArg, "the central directory cannot be read");
    ZipReader reader(std::move(source), limits);
    reader.m_dataEnd = directoryOffset;
    reader.m_entries.reserve(entryCount);
    std::size_t p = 0;
    for (std::size_t index = 0; index < entryCount; ++index) {
        const std::string where =
            "central directory entry " + std::to_string(index + 1) + " of " + std::to_string(entryCount);
        if (directory.size() - p < kCentralHeaderBytes || zipRead32(&directory[p]) != kCentralSignature)
            return Status(hr::InvalidArg, where + " is damaged (no header signature at offset " +
                                              std::to_string(directoryOffset + p) + ")");
        const char* h = &directory[p];
        const std::uint16_t flags = zipRead16(h + 8);
        const std::size_t nameBytes = zipRead16(h + 28), extraBytes = zipRead16(h + 30),
                          commentBytes = zipRead16(h + 32);
        if (directory.size() - p - kCentralHeaderBytes < nameBytes + extraBytes + commentBytes)
            return Status(hr::InvalidArg, where + " runs past the end of the central directory");
        ZipEntry entry;
        entry.method = zipRead16(h + 10);
        entry.crc32 = zipRead32(h + 16);
        const std::uint32_t compressed = zipRead32(h + 20), uncompressed = zipRead32(h + 24);
        const std::uint32_t local = zipRead32(h + 42);
        if (compressed == 0xFFFFFFFF || uncompressed == 0xFFFFFFFF || local == 0xFFFFFFFF ||
            zipRead16(h + 34) == 0xFFFF)
            return Status(hr::NotImplemented, where + " needs ZIP64 (over 4 GiB), which this build does not "
                                                      "read; unpack the archive and import the files");
        entry.compressedSize = compressed;
        entry.size = uncompressed;
        entry.localHeaderOffset = local;
        const std::string rawName(h + kCentralHeaderBytes, nameBytes);
        // Bit 11: the name is UTF-8. Without it the format's default is IBM437, though many tools write
        // UTF-8 there anyway: well-formed UTF-8 is taken as such.
        entry.name =
            (flags & kUtf8NameFlag) ? validUtf8(rawName) : undeclaredTextToUtf8(rawName, CodePage::Ibm437);
        entry.directory = !rawName.empty() && (rawName.back() == '/' || rawName.back() == '\\');
        if (entry.localHeaderOffset + kLocalHeaderBytes > reader.m_dataEnd)
            return Status(hr::InvalidArg, where + " (" + entry.name + ") points at offset " +
                                              std::to_string(entry.localHeaderOffset) +
                                              ", past the data of the archive");
        if (!isSafeEntryName(rawName))
            entry.problem = "an unsafe name (absolute, with a drive letter, or with '.' or '..' parts)";
        else if (flags & 0x0041)
            entry.problem = "encrypted";
        else if (entry.method != 0 && entry.method != 8)
            entry.problem = "compressed with method " + std::to_string(entry.method) +
                            zipMethodName(entry.method) + "; only stored and deflated entries are read";
        reader.m_entries.push_back(std::move(entry));
        p += kCentralHeaderBytes + nameBytes + extraBytes + commentBytes;
    }
    return reader;
}

Status ZipReader::read(const ZipEntry& entry, const Sink& sink) const
{
    if (!entry.problem.empty())
        return Status(hr::NotImplemented, entry.name + ": " + entry.problem);
    if (entry.size > m_limits.maxEntryBytes)
        return Status(hr::InvalidArg, entry.name + ": declares " + std::to_string(entry.size) +
                                          " bytes, over the limit of " + std::to_string(m_limits.maxEntryBytes) +
                                          " for one entry");
    std::array<char, kLocalHeaderBytes> local{};
    if (!m_source->readAt(entry.localHeaderOffset, local.data(), local.size()) ||
        zipRead32(local.data()) != kLocalSignature)
        return Status(hr::InvalidArg, entry.name + ": no local header at offset " +
                                          std::to_string(entry.localHeaderOffset) + " (damaged archive)");
    const std::uint64_t dataStart =
        entry.localHeaderOffset + kLocalHeaderBytes + zipRead16(&local[26]) + zipRead16(&local[28]);
    if (dataStart > m_dataEnd || entry.compressedSize > m_dataEnd - dataStart)
        return Status(hr::InvalidArg,
                      entry.name + ": its " + std::to_string(entry.compressedSize) +
                          " bytes of data run past the data of the archive (damaged or truncated)");
    if (entry.method == 0 && entry.compressedSize != entry.size)
        return Status(hr::InvalidArg, entry.name + ": a stored entry whose sizes differ (damaged archive)");

    InflateStream inflater;
    if (entry.method == 8) {
        if (inflateInit2(&inflater.stream, -MAX_WBITS) != Z_OK)
            return Status(hr::OutOfMemory, entry.name + ": cannot start unpacking");
        inflater.open = true;
    }
    std::vector<char> in(kReadChunk), out(entry.method == 8 ? kReadChunk : 0);
    std::uint64_t consumed = 0, produced = 0;
    uLong crc = crc32(0, nullptr, 0);
    auto deliver = [&](const char* data, std::size_t length) -> Status {
        produced += length;
        if (produced > entry.size)
            return Status(hr::InvalidArg, entry.name + ": unpacks to more than its declared " +
                                              std::to_string(entry.size) + " bytes (damaged archive)");
        crc = crc32(crc, reinterpret_cast<const Bytef*>(data), uInt(length));
        if (length && !sink(std::string_view(data, length)))
            return Status(hr::Abort, entry.name + ": reading was stopped");
        return Status::success();
    };
    bool ended = entry.method == 0;
    while (consumed < entry.compressedSize || (entry.method == 8 && !ended)) {
        const std::size_t chunk =
            std::size_t(std::min<std::uint64_t>(in.size(), entry.compressedSize - consumed));
        if (chunk == 0) // deflate data that does not end where the entry does
            return Status(hr::InvalidArg,
                          entry.name + ": the compressed data is truncated (damaged archive)");
        if (!m_source->readAt(dataStart + consumed, in.data(), chunk))
            return Status(hr::InvalidArg, entry.name + ": cannot be read (truncated archive)");
        consumed += chunk;
        if (entry.method == 0) {
            if (Status delivered = deliver(in.data(), chunk); !delivered.ok())
                return delivered;
            continue;
        }
        inflater.stream.next_in = reinterpret_cast<Bytef*>(in.data());
        inflater.stream.avail_in = uInt(chunk);
        for (;;) {
            inflater.stream.next_out = reinterpret_cast<Bytef*>(out.data());
            inflater.stream.avail_out = uInt(out.size());
            const int status = inflate(&inflater.stream, Z_NO_FLUSH);
            if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) {
                const std::string why =
                    inflater.stream.msg ? inflater.stream.msg : "error " + std::to_string(status);
                return Status(hr::InvalidArg, entry.name + ": the compressed data is damaged (" + why + ")");
            }
            ended = status == Z_STREAM_END;
            if (Status delivered = deliver(out.data(), out.size() - inflater.stream.avail_out);
                !delivered.ok())
                return delivered;
            // A full output buffer may leave more output pending; otherwise the input is used up.
            if (ended || inflater.stream.avail_out != 0)
                break;
        }
        if (ended && (inflater.stream.avail_in > 0 || consumed < entry.compressedSize))
            return Status(hr::InvalidArg,
                          entry.name + ": the compressed data ends before the entry does (damaged archive)");
    }
    if (produced != entry.size)
        return Status(hr::InvalidArg, entry.name + ": unpacks to " + std::to_string(produced) +
                                          " bytes, not the declared " + std::to_string(entry.size) +
                                          " (damaged archive)");
    if (std::uint32_t(crc) != entry.crc32)
        return Status(hr::InvalidArg, entry.name + ": CRC-32 mismatch, the content is damaged");
    return Status::success();
}

Result<std::string> ZipReader::readAll(const ZipEntry& entry) const
{
    std::string bytes;
    Status status = read(entry, [&](std::string_view chunk) {
        bytes.append(chunk);
        return true;
    });
    if (!status.ok())
        return status;
    return bytes;
}

} // namespace hcn::io::zip
