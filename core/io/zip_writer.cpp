// Writing a zip with zlib's raw deflate (io/zip_archive.h). The content of each entry is in memory, so
// its CRC-32 and sizes go into the local header and no data descriptor is needed.

#include "io/zip_archive.h"

#include <zlib.h>

namespace hcn::io::zip {

namespace {

constexpr std::uint16_t kVersionNeeded = 20;            // 2.0: deflate, folders
constexpr std::uint16_t kVersionMadeBy = (3 << 8) | 20; // Unix, 2.0: external attributes are a mode
constexpr std::uint32_t kRegularFileMode = 0100644;     // -rw-r--r--
constexpr std::uint16_t kTimestampTag = 0x5455; // "UT": the modification time, UTC
constexpr std::uint64_t kZip32Limit = 0xFFFFFFFF;

void zipPut16(std::string& out, std::uint16_t value)
{
    out.push_back(char(value & 0xFF));
    out.push_back(char(value >> 8));
}

void zipPut32(std::string& out, std::uint32_t value)
{
    zipPut16(out, std::uint16_t(value & 0xFFFF));
    zipPut16(out, std::uint16_t(value >> 16));
}

bool isAscii(std::string_view text)
{
    for (char c : text)
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    return true;
}

/// The extended timestamp field: the modification time only (5 bytes of data).
std::string timestampField(std::time_t modified)
{
    std::string field;
    zipPut16(field, kTimestampTag);
    zipPut16(field, 5);
    field.push_back(1);
    zipPut32(field, std::uint32_t(modified < 0 ? 0 : modified));
    return field;
}

/// Raw deflate of `bytes`; empty when it fails or would not be smaller.
std::string deflated(std::string_view bytes)
{
    z_stream stream{};
    if (bytes.empty() ||
        deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    std::string out(deflateBound(&stream, uLong(bytes.size())), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    stream.avail_in = uInt(bytes.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = uInt(out.size());
    const int status = deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    if (status != Z_STREAM_END || out.size() >= bytes.size())
        return {};
    return out;
}

} // namespace

ZipWriter::ZipWriter(std::ostream& out, std::time_t modified) : m_out(out), m_modified(modified)
{
    // MS-DOS time, local as the format has it (the "UT" field carries the exact UTC time).
    std::tm parts{};
    if (localtime_r(&modified, &parts) && parts.tm_year >= 80) {
        m_dosTime = std::uint16_t(parts.tm_hour << 11 | parts.tm_min << 5 | parts.tm_sec / 2);
        m_dosDate = std::uint16_t((parts.tm_year - 80) << 9 | (parts.tm_mon + 1) << 5 | parts.tm_mday);
    } else {
        m_dosDate = (1 << 5) | 1; // 1980-01-01
    }
}

void ZipWriter::putSharedFields(std::string& out, const Written& entry, std::size_t extraBytes) const
{
    // From "version needed" to the extra field's length, local and central headers hold the same.
    zipPut16(out, kVersionNeeded);
    zipPut16(out, isAscii(entry.name) ? 0 : kUtf8NameFlag);
    zipPut16(out, entry.method);
    zipPut16(out, m_dosTime);
    zipPut16(out, m_dosDate);
    zipPut32(out, entry.crc32);
    zipPut32(out, entry.compressedSize);
    zipPut32(out, entry.size);
    zipPut16(out, std::uint16_t(entry.name.size()));
    zipPut16(out, std::uint16_t(extraBytes));
}

Status ZipWriter::add(const std::string& name, std::string_view bytes)
{
    if (!isSafeEntryName(name) || name.size() > 0xFFFF)
        return Status(hr::InvalidArg, "\"" + name +
                                          "\" cannot name a file in a zip archive (a relative path without "
                                          "'.' or '..' parts is needed)");
    if (m_written.size() >= 0xFFFF)
        return Status(hr::NotImplemented,
                      "a zip archive of more than 65,535 files needs ZIP64, which is not written");
    if (bytes.size() >= kZip32Limit)
        return Status(hr::NotImplemented,
                      name + ": a file of 4 GiB or more needs ZIP64, which is not written");
    const std::string packed = deflated(bytes);
    const std::string_view data = packed.empty() ? bytes : std::string_view(packed);
    const std::uint32_t crc = std::uint32_t(
        crc32(crc32(0, nullptr, 0), reinterpret_cast<const Bytef*>(bytes.data()), uInt(bytes.size())));
    const std::string extra = timestampField(m_modified);
    const std::uint64_t entryBytes = 30 + name.size() + extra.size() + data.size();
    if (m_offset + entryBytes >= kZip32Limit)
        return Status(hr::NotImplemented,
                      name + ": the archive would pass 4 GiB, which needs ZIP64 (not written)");

    Written written{name,
                    crc,
                    std::uint32_t(data.size()),
                    std::uint32_t(bytes.size()),
                    std::uint16_t(packed.empty() ? 0 : 8),
                    std::uint32_t(m_offset)};
    std::string header;
    zipPut32(header, 0x04034b50);
    putSharedFields(header, written, extra.size());
    header += name;
    header += extra;
    m_out.write(header.data(), std::streamsize(header.size()));
    m_out.write(data.data(), std::streamsize(data.size()));
    if (!m_out)
        return Status(hr::Fail, name + ": writing failed");
    m_offset += entryBytes;
    m_written.push_back(std::move(written));
    return Status::success();
}

Status ZipWriter::finish()
{
    const std::string extra = timestampField(m_modified);
    std::string directory;
    for (const Written& w : m_written) {
        zipPut32(directory, 0x02014b50);
        zipPut16(directory, kVersionMadeBy);
        putSharedFields(directory, w, extra.size());
        zipPut16(directory, 0); // comment
        zipPut16(directory, 0); // disk
        zipPut16(directory, 0); // internal attributes
        zipPut32(directory, kRegularFileMode << 16);
        zipPut32(directory, w.offset);
        directory += w.name;
        directory += extra;
    }
    if (m_offset + directory.size() + 22 >= kZip32Limit)
        return Status(hr::NotImplemented, "the archive would pass 4 GiB, which needs ZIP64 (not written)");
    std::string end;
    zipPut32(end, 0x06054b50);
    zipPut16(end, 0);
    zipPut16(end, 0);
    zipPut16(end, std::uint16_t(m_written.size()));
    zipPut16(end, std::uint16_t(m_written.size()));
    zipPut32(end, std::uint32_t(directory.size()));
    zipPut32(end, std::uint32_t(m_offset));
    zipPut16(end, 0);
    m_out.write(directory.data(), std::streamsize(directory.size()));
    m_out.write(end.data(), std::streamsize(end.size()));
    m_out.flush();
    if (!m_out)
        return Status(hr::Fail, "writing the zip's central directory failed");
    return Status::success();
}

} // namespace hcn::io::zip
