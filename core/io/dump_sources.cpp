// Reading what a customer sent: single files, collectlogs.ps1 folders and archives of them, with caps on
// what is held in memory and on the work a hostile archive can cause. Every byte that ends up in memory
// is counted as it is read, so a declared size in an archive is never trusted.

#include "hcn/dump_sources.h"

#include "common/capped_list.h"
#include "common/text.h"
#include "hcn/dump_text.h"
#include "io/docx_text.h"
#include "io/mail_parts.h"
#include "io/transfer_encodings.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <new>
#include <optional>
#include <set>
#include <string_view>
#include <system_error>
#include <utility>

#ifdef HCN_HAVE_LIBARCHIVE
#include "common/code_page.h"

#include <archive.h>
#include <archive_entry.h>
#include <locale.h>
#else
#include "io/zip_archive.h"
#endif

namespace hcn::io {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kChunkBytes = 64 * 1024;
/// How much of a file decides whether it is text, binary or an archive.
constexpr std::size_t kSniffBytes = 8 * 1024;
/// libarchive may ask for a read to be repeated; not forever.
constexpr int kMaxRetries = 16;

std::string utf8Name(const fs::path& path)
{
    const std::u8string name = path.u8string();
    return {reinterpret_cast<const char*>(name.data()), name.size()};
}

std::string sizeText(std::uintmax_t bytes)
{
    constexpr std::uintmax_t kib = 1024;
    constexpr std::uintmax_t mib = kib * 1024;
    if (bytes >= mib)
        return std::to_string((bytes + mib / 2) / mib) + " MiB";
    if (bytes >= kib)
        return std::to_string((bytes + kib / 2) / kib) + " KiB";
    return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
}

/// UTF-16 with a BOM, or without one when (nearly) every other byte is 0.
bool looksLikeUtf16(std::string_view head)
{
    if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF"))
        return true;
    const std::size_t pairs = std::min<std::size_t>(head.size() / 2, kSniffBytes / 2);
    if (pairs < 2)
        return false;
    std::size_t oddZero = 0;
    std::size_t evenZero = 0;
    for (std::size_t i = 0; i < pairs; ++i) {
        oddZero += head[2 * i + 1] == '\0';
        evenZero += head[2 * i] == '\0';
    }
    const bool little = oddZero * 10 >= pairs * 9 && evenZero * 10 < pairs;
    const bool big = evenZero * 10 >= pairs * 9 && oddZero * 10 < pairs;
    return little || big;
}

/// Binary: NUL bytes in the first few KiB that are not the zeros of UTF-16 text, either from the start
/// or from a line on (PowerShell's `>>` appending UTF-16 to another tool's text), nor padding after
/// text (a file written ahead of its text, or cut short by a crash).
bool looksBinary(std::string_view bytes)
{
    const std::string_view head = bytes.substr(0, kSniffBytes);
    const std::size_t zero = head.find('\0');
    if (zero == std::string_view::npos || looksLikeUtf16(head) || nulsArePadding(head))
        return false;
    const std::size_t lineEnd = zero == 0 ? std::string_view::npos : head.rfind('\n', zero - 1);
    return lineEnd == std::string_view::npos || !looksLikeUtf16(head.substr(lineEnd + 1));
}

bool hasTarOrGzipSignature(std::string_view head)
{
    return head.starts_with("\x1F\x8B") || (head.size() >= 262 && head.substr(257, 5) == "ustar");
}

/// An archive or a compressed file named by its first bytes: 7-Zip, RAR, cabinets, and single files
/// compressed with xz, bzip2, zstd, lz4 or lzma (gzip, zip and tar are told apart above).
struct ArchiveKind
{
    std::string_view what;      ///< "a 7-Zip archive", for the report
    bool singleFile = false;    ///< a compressed file rather than an archive of files
    std::string_view extension; ///< of a compressed file's name: ".xz"
};

std::optional<ArchiveKind> archiveKind(std::string_view head)
{
    if (head.starts_with("7z\xBC\xAF\x27\x1C"))
        return ArchiveKind{"a 7-Zip archive", false, {}};
    if (head.starts_with(std::string_view("Rar!\x1A\x07\x00", 7)))
        return ArchiveKind{"a RAR archive", false, {}};
    if (head.starts_with(std::string_view("Rar!\x1A\x07\x01\x00", 8)))
        return ArchiveKind{"a RAR 5 archive", false, {}};
    if (head.starts_with(std::string_view("MSCF\0\0\0\0", 8)))
        return ArchiveKind{"a Windows cabinet (.cab)", false, {}};
    if (head.starts_with(std::string_view("\xFD"
                                          "7zXZ\0",
                                          6)))
        return ArchiveKind{"an xz-compressed file", true, ".xz"};
    // bzip2: `BZh`, the block size, then a block's or the end's magic number.
    if (head.size() >= 10 && head.starts_with("BZh") && head[3] >= '1' && head[3] <= '9' &&
        (head.substr(4, 6) == "1AY&SY" || head.substr(4, 6) == "\x17\x72\x45\x38\x50\x90"))
        return ArchiveKind{"a bzip2-compressed file", true, ".bz2"};
    if (head.starts_with("\x28\xB5\x2F\xFD"))
        return ArchiveKind{"a zstd-compressed file", true, ".zst"};
    if (head.starts_with("\x04\x22\x4D\x18"))
        return ArchiveKind{"an lz4-compressed file", true, ".lz4"};
    // lzma (`lzma`, 7-Zip's .lzma): the properties byte xz writes and a dictionary of 64 KiB or more.
    if (head.size() >= 13 && head[0] == '\x5D' && head[1] == '\0' && head[2] == '\0')
        return ArchiveKind{"an lzma-compressed file", true, ".lzma"};
    return std::nullopt;
}

/// The signatures of the archives this tool reads.
bool hasArchiveSignature(std::string_view head)
{
    return head.starts_with("PK\x03\x04") || head.starts_with("PK\x05\x06") || hasTarOrGzipSignature(head) ||
           archiveKind(head).has_value();
}

/// An archive this build cannot read: tar and gzip without libarchive.
bool unreadableArchive(std::string_view head)
{
    return !tarArchivesSupported() && hasTarOrGzipSignature(head);
}

constexpr const char* kUnreadableArchive =
    "skipped: a tar or gzip archive, and this build reads .zip archives only; unpack it and import the "
    "files, or import it as a .zip";

/// What macOS adds to a folder or a zip it makes (`__MACOSX/` with the AppleDouble `._name` files of
/// resource forks and attributes, `.DS_Store` with Finder's view settings): never the customer's data.
bool isMacMetadata(std::string_view path)
{
    const std::size_t slash = path.find_last_of("/\\");
    const std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
    return base == ".DS_Store" || base.starts_with("._") || path.starts_with("__MACOSX/") ||
           path.find("/__MACOSX/") != std::string_view::npos;
}

/// The name of what a gzip file holds: the name its header keeps, else its own without `.gz`.
std::string gunzippedName(const std::string& name, const std::string& stored)
{
    if (!stored.empty() && stored.find_first_of("/\\!") == std::string::npos)
        return stored;
    std::string base =
        name.substr(name.find_last_of("/!") == std::string::npos ? 0 : name.find_last_of("/!") + 1);
    if (base.size() > 3 && (base.ends_with(".gz") || base.ends_with(".GZ")))
        return base.substr(0, base.size() - 3);
    if (base.size() > 4 && (base.ends_with(".tgz") || base.ends_with(".TGZ")))
        return base.substr(0, base.size() - 4) + ".tar";
    return "unpacked";
}

#ifdef HCN_HAVE_LIBARCHIVE

struct ArchiveFree
{
    void operator()(archive* handle) const { archive_read_free(handle); }
};
using ArchiveHandle = std::unique_ptr<archive, ArchiveFree>;

/// The compressions of a .tar.gz, .tar.xz, .tar.bz2, .tar.zst, .tar.lz4 and of single compressed files;
/// each decoded in the library (none through an outside program).
void supportCompressions(archive* handle)
{
    archive_read_support_filter_gzip(handle);
    archive_read_support_filter_bzip2(handle);
    archive_read_support_filter_xz(handle);
    archive_read_support_filter_lzma(handle);
    archive_read_support_filter_zstd(handle);
    archive_read_support_filter_lz4(handle);
}

/// A reader for the formats dumps come in: zip, tar (compressed as above), 7-Zip, RAR and cabinets.
ArchiveHandle newArchiveReader()
{
    ArchiveHandle handle(archive_read_new());
    if (handle) {
        archive_read_support_format_zip(handle.get());
        archive_read_support_format_tar(handle.get());
        archive_read_support_format_7zip(handle.get());
        archive_read_support_format_rar(handle.get());
        archive_read_support_format_rar5(handle.get());
        archive_read_support_format_cab(handle.get());
        supportCompressions(handle.get());
    }
    return handle;
}

std::string archiveError(archive* handle)
{
    const char* text = archive_error_string(handle);
    return text && *text ? std::string(text) : std::string("unknown error");
}

/// An archive recognised by libarchive, its first header read.
struct OpenArchive
{
    ArchiveHandle handle;
    archive_entry* first = nullptr;
    int firstStatus = ARCHIVE_EOF;
};

/// Opens a reader with `open` and reads the first header: an archive when that works (an empty zip is
/// still a zip; an all-zero block, which tar would call an empty archive, is not).
template <typename Open> std::optional<OpenArchive> openArchive(Open&& open)
{
    OpenArchive opened{newArchiveReader()};
    if (!opened.handle || open(opened.handle.get()) != ARCHIVE_OK)
        return std::nullopt;
    opened.firstStatus = archive_read_next_header(opened.handle.get(), &opened.first);
    const bool zip = (archive_format(opened.handle.get()) & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_ZIP;
    if (opened.firstStatus == ARCHIVE_OK || opened.firstStatus == ARCHIVE_WARN ||
        (opened.firstStatus == ARCHIVE_EOF && zip))
        return opened;
    return std::nullopt;
}

std::optional<OpenArchive> openArchiveInMemory(std::string_view bytes)
{
    return openArchive(
        [&](archive* handle) { return archive_read_open_memory(handle, bytes.data(), bytes.size()); });
}

std::optional<OpenArchive> openArchiveFile(const fs::path& path)
{
    return openArchive([&](archive* handle) {
#ifdef _WIN32
        return archive_read_open_filename_w(handle, path.c_str(), kChunkBytes);
#else
        return archive_read_open_filename(handle, path.c_str(), kChunkBytes);
#endif
    });
}

/// libarchive converts entry names between the archive's encoding and the thread's locale. In the "C"
/// locale of a program that never called setlocale, a name flagged UTF-8 in a zip cannot be converted and
/// comes back empty; while one of these lives, the thread reads archives in C.UTF-8 instead.
class Utf8ThreadLocale
{
public:
    Utf8ThreadLocale() : m_utf8(newlocale(LC_CTYPE_MASK, "C.UTF-8", locale_t(nullptr)))
    {
        if (m_utf8)
            m_previous = uselocale(m_utf8);
    }
    ~Utf8ThreadLocale()
    {
        if (m_utf8) {
            uselocale(m_previous);
            freelocale(m_utf8);
        }
    }
    Utf8ThreadLocale(const Utf8ThreadLocale&) = delete;
    Utf8ThreadLocale& operator=(const Utf8ThreadLocale&) = delete;

private:
    locale_t m_utf8;
    locale_t m_previous = nullptr;
};

/// The entry's name as UTF-8. A name libarchive cannot convert (a zip name without the UTF-8 flag that
/// is not UTF-8, or a tar name in a Windows code page) is read in the code page its writer most likely
/// used: IBM437, the zip format's default, or Windows-1252 for tar.
std::string entryName(archive* handle, archive_entry* entry)
{
    std::string name;
    if (const char* utf8 = archive_entry_pathname_utf8(entry)) {
        name = utf8;
    } else if (const char* raw = archive_entry_pathname(entry)) {
        const bool zip = (archive_format(handle) & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_ZIP;
        name = undeclaredTextToUtf8(raw, zip ? CodePage::Ibm437 : CodePage::Windows1252);
    }
    while (name.starts_with("./") || name.starts_with("/"))
        name.erase(0, name.starts_with("/") ? 1 : 2);
    return name.empty() ? std::string("(unnamed)") : name;
}

#endif

#ifdef HCN_HAVE_LIBARCHIVE
/// Archives have NUL bytes near the start (tar headers, zip and gzip fields); text is never tried as one.
bool mayBeArchive(std::string_view head)
{
    return archivesSupported() && head.substr(0, kSniffBytes).find('\0') != std::string_view::npos;
}
#endif

/// "1 picture" or "3 pictures".
std::string countOf(std::size_t n, std::string_view one, std::string_view many)
{
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

/// The report's note about a mail: the parts read as files, what was undone in each, what was left out.
std::string mailNote(const MailContents& mail, std::size_t empty)
{
    constexpr std::size_t kPartsNamed = 8;
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < mail.parts.size(); ++i) {
        const MailPart& part = mail.parts[i];
        parts.push_back(i < kPartsNamed ? part.name + (part.undone.empty() ? "" : " (" + part.undone + ")")
                                        : std::string());
    }
    const std::string read = cappedList(parts, kPartsNamed, ", ", " ");
    std::vector<std::string> leftOut;
    if (mail.otherForms > 0)
        leftOut.push_back(countOf(mail.otherForms,
                                  "other form of a text (multipart/alternative: its HTML copy)",
                                  "other forms of texts (multipart/alternative: their HTML copies)"));
    if (mail.media > 0)
        leftOut.push_back(countOf(mail.media, "image, audio or video part", "image, audio or video parts"));
    if (empty > 0)
        leftOut.push_back(countOf(empty, "empty part", "empty parts"));
    if (mail.tooDeep > 0)
        leftOut.push_back(countOf(mail.tooDeep, "multipart nested", "multiparts nested") + " more than " +
                          std::to_string(kMaxMailNesting) + " levels deep");
    std::string note = "a MIME mail: ";
    note += mail.parts.empty()
                ? "no part of it holds text"
                : "read its " + countOf(mail.parts.size(), "part", "parts") +
                      (mail.parts.size() == 1 ? " as a file of its own: " : " as files of their own: ") +
                      read;
    for (std::size_t i = 0; i < leftOut.size(); ++i)
        note += (i == 0 ? "; left out: " : ", ") + leftOut[i];
    return note;
}

/// The reading of one call: what was found, what was skipped and why, and the running totals.
class SourceReader
{
public:
    SourceReader(const SourceLimits& limits, const SourceProgress& progress)
        : m_limits(limits), m_progress(progress), m_buffer(kChunkBytes)
    {}

    /// A path given by the user, its sources named from `given` (givenNames); fails only when it cannot
    /// be read at all.
    Status readPath(const std::string& path, const std::string& given)
    {
        if (path.empty())
            return Status(hr::InvalidArg, "an empty path was given");
        const fs::path p(reinterpret_cast<const char8_t*>(path.c_str()));
        std::error_code ec;
        const fs::file_status status = fs::status(p, ec);
        if (!fs::exists(status))
            return Status(hr::InvalidArg, path + ": no such file or folder");
        if (ec)
            return Status(hr::InvalidArg, path + ": cannot be read (" + ec.message() + ")");
        if (fs::is_directory(status)) {
            fs::path root = fs::canonical(p, ec);
            if (ec)
                return Status(hr::InvalidArg, path + ": cannot be read (" + ec.message() + ")");
            std::string name = given.empty() ? path : given;
            std::set<fs::path> visited{root};
            std::error_code listError;
            fs::directory_iterator probe(root, listError);
            if (listError)
                return Status(hr::InvalidArg,
                              path + ": the folder cannot be read (" + listError.message() + ")");
            readFolder(root, name, root, visited);
            return Status::success();
        }
        if (!fs::is_regular_file(status))
            return Status(hr::InvalidArg, path + ": not a file or folder");
        if (!readFile(p, given.empty() ? path : given))
            return Status(hr::InvalidArg, path + ": cannot be read");
        return Status::success();
    }

    /// Bytes already in memory: an archive is unpacked, text is kept as it is.
    void readBytes(std::string name, std::string bytes)
    {
        if (!countFile(name))
            return;
        if (!bytes.empty() && !looksBinary(bytes) && bytes.size() > m_limits.maxFileBytes) {
            skipOversized(name, bytes.size());
            return;
        }
        addBlob(std::move(name), std::move(bytes), 0);
    }

    Result<SourceReadResult> finish(const std::string& what)
    {
        if (m_cancelled)
            return Status(hr::Abort, "reading " + what + " was cancelled");
        if (!m_result.sources.empty())
            return std::move(m_result);
        if (m_filesSeen == 0)
            return Status(hr::InvalidArg, "nothing to import: " + what + " contains no files");
        std::string why = "nothing to import from " + what + ": ";
        std::vector<std::string> reasons;
        const auto add = [&](std::size_t count, const std::string& text) {
            if (count)
                reasons.push_back(std::to_string(count) + " " + text);
        };
        add(m_binary, m_binary == 1 ? "file is not text" : "files are not text");
        add(m_oversized, std::string(m_oversized == 1 ? "file is" : "files are") + " over the " +
                             sizeText(m_limits.maxFileBytes) + " limit for one file");
        add(m_empty, m_empty == 1 ? "file is empty" : "files are empty");
        add(m_unreadable, m_unreadable == 1 ? "file cannot be read" : "files cannot be read");
        for (std::size_t i = 0; i < reasons.size(); ++i)
            why += (i ? ", " : "") + reasons[i];
        if (reasons.empty())
            why += "no file could be used";
        if (!m_result.warnings.empty()) {
            const SourceWarning& first = m_result.warnings.front();
            why += " (" + first.source + ": " + first.message + ")";
        }
        return Status(hr::InvalidArg, why);
    }

    bool stopped() const { return m_stopped; }

private:
    void warn(const std::string& source, std::string message)
    {
        m_result.warnings.push_back({source, std::move(message)});
    }

    /// What was done to read a file, no problem: an info of the import report.
    void note(const std::string& source, std::string message)
    {
        m_result.notes.push_back({source, std::move(message)});
    }

    void stopForTotal(const std::string& name)
    {
        warn(name,
             "not read: the limit of " + sizeText(m_limits.maxTotalBytes) +
                 " for everything read together was reached; this file and the ones after it were skipped");
        m_stopped = true;
    }

    bool reportProgress()
    {
        if (m_progress && !m_progress(m_bytesRead + m_bytesSkipped)) {
            m_cancelled = true;
            m_stopped = true;
        }
        return !m_cancelled;
    }

    /// Counts bytes read into memory against the total; false when reading must stop.
    bool take(std::size_t bytes, const std::string& name)
    {
        if (m_bytesRead + bytes > m_limits.maxTotalBytes) {
            stopForTotal(name);
            return false;
        }
        m_bytesRead += bytes;
        return reportProgress();
    }

    /// Counts one more file against maxFiles; false when reading must stop.
    bool countFile(const std::string& name)
    {
        if (m_stopped)
            return false;
        if (m_filesSeen >= m_limits.maxFiles) {
            warn(name, "not read: the limit of " + std::to_string(m_limits.maxFiles) +
                           " files was reached; this file and the ones after it were skipped");
            m_stopped = true;
            return false;
        }
        ++m_filesSeen;
        return true;
    }

    void skipOversized(const std::string& name, std::uintmax_t size)
    {
        warn(name, "skipped: " + sizeText(size) + " is over the " + sizeText(m_limits.maxFileBytes) +
                       " limit for one file");
        ++m_oversized;
    }

    void skipBinary(const std::string& name)
    {
        warn(name, "skipped: not text (binary content)");
        ++m_binary;
    }

    /// A whole file or archive entry in memory: kept when text, unpacked when an archive.
    /// `level` is the nesting it has as an archive: 0 for what the user gave.
    void addBlob(std::string name, std::string bytes, int level)
    {
        if (bytes.empty()) {
            warn(name, "skipped: empty");
            ++m_empty;
            return;
        }
        const std::string_view head = std::string_view(bytes).substr(0, kSniffBytes);
#ifdef HCN_HAVE_LIBARCHIVE
        if (mayBeArchive(head) || archiveKind(head)) {
            if (std::optional<OpenArchive> opened = openArchiveInMemory(bytes)) {
                if (level > m_limits.maxArchiveNesting) {
                    warn(name, "skipped: an archive nested more than " +
                                   std::to_string(m_limits.maxArchiveNesting) + " levels deep");
                    return;
                }
                readArchive(*opened, name, level);
                return;
            }
        }
#else
        if (zip::startsLikeZip(head)) {
            if (level > m_limits.maxArchiveNesting) {
                warn(name, "skipped: an archive nested more than " +
                               std::to_string(m_limits.maxArchiveNesting) + " levels deep");
                return;
            }
            openZip(zip::memorySource(bytes), name, level);
            return;
        }
#endif
        if (startsLikeGzip(head)) { // a single gzip file (a .tar.gz was opened as an archive above)
            readGzip(name, bytes, level);
            return;
        }
        if (unreadableArchive(head)) {
            warn(name, kUnreadableArchive);
            ++m_unreadable;
            return;
        }
        if (const std::optional<ArchiveKind> kind = archiveKind(head)) {
            readOtherArchive(name, bytes, level, *kind);
            return;
        }
        // Last of the checks that read `head`: a .docx's document part becomes its text.
        switch (readWordPart(name, bytes)) { // a .docx: its text only (io/docx_text.h)
        case WordPart::Other:
            return;
        case WordPart::Document:
            note(name,
                 "a Word document (.docx): read as the text it shows (word/document.xml), a line for each "
                 "paragraph; its other parts (styles, settings, images) were left out");
            break;
        case WordPart::None:
            break;
        }
        if (looksBinary(bytes)) {
            skipBinary(name);
            return;
        }
        if (level <= m_limits.maxArchiveNesting && bytes.starts_with("From ")) {
            if (std::vector<std::string> mails = mboxMails(bytes); !mails.empty()) {
                readMbox(name, std::move(mails), level);
                return;
            }
        }
        if (level <= m_limits.maxArchiveNesting && looksLikeMail(bytes)) {
            readMail(name, bytes, level);
            return;
        }
        m_result.sources.push_back({std::move(name), std::move(bytes)});
    }

    /// A gzip file that is no tar: what it holds, unpacked up to the limit for one file, named
    /// `x.json.gz!x.json`.
    void readGzip(const std::string& name, std::string_view bytes, int level)
    {
        if (level > m_limits.maxArchiveNesting) {
            warn(name, "skipped: an archive nested more than " + std::to_string(m_limits.maxArchiveNesting) +
                           " levels deep");
            return;
        }
        if (!tarArchivesSupported()) {
            // A .tar.gz this build cannot read: said from its first block, without unpacking the rest.
            constexpr std::size_t kTarHeader = 512;
            const Gunzipped start = gunzip(bytes, kTarHeader);
            if (start.bytes.size() >= 262 && start.bytes.substr(257, 5) == "ustar") {
                warn(name, kUnreadableArchive);
                ++m_unreadable;
                return;
            }
        }
        Gunzipped unpacked = gunzip(bytes, m_limits.maxFileBytes);
        if (unpacked.overCap) {
            warn(name, "skipped: more than " + sizeText(m_limits.maxFileBytes) +
                           " after unpacking, over the limit for one file");
            ++m_oversized;
            return;
        }
        if (!unpacked.error.empty()) {
            // Cut short (a download or an upload that stopped) or damaged: what unpacked before is read,
            // a tar as it is (its whole entries are), anything else as far as it is text.
            const bool tar = unpacked.bytes.size() >= 262 && unpacked.bytes.compare(257, 5, "ustar") == 0;
            if (!tar)
                unpacked.bytes.resize(wholeTextBefore(unpacked.bytes));
            if (unpacked.bytes.empty()) {
                warn(name, "skipped: a gzip file that cannot be unpacked (" + unpacked.error + ")");
                ++m_unreadable;
                return;
            }
            warn(name, "a gzip file that ends early or is damaged (" + unpacked.error + "): only the " +
                           sizeText(unpacked.bytes.size()) +
                           " unpacked before that are read; what followed is lost (the file was cut short?)");
        }
        const std::string innerName = gunzippedName(name, unpacked.storedName);
        const std::string inner = name + "!" + innerName;
        if (!countFile(inner) || !take(unpacked.bytes.size(), inner))
            return;
        if (unpacked.error.empty())
            note(name, "a gzip file: unpacked " + innerName + " (" + sizeText(unpacked.bytes.size()) + ")");
        addBlob(inner, std::move(unpacked.bytes), level + 1);
    }

    /// An archive or a compressed file known by its signature that was not opened as an archive: a
    /// compressed file is unpacked (with libarchive), named `x.json.xz!x.json`; anything else is said to
    /// be what it is and what to do with it.
    void readOtherArchive(const std::string& name, std::string_view bytes, int level, const ArchiveKind& kind)
    {
        if (!tarArchivesSupported()) {
            warn(name, "skipped: " + std::string(kind.what) + ": this build does not read it; " +
                           (kind.singleFile ? "unpack it and import the file"
                                            : "unpack it and import the folder, or send it as a .zip"));
            ++m_unreadable;
            return;
        }
#ifdef HCN_HAVE_LIBARCHIVE
        if (kind.singleFile) {
            readCompressedFile(name, bytes, level, kind);
            return;
        }
#endif
        (void)bytes;
        (void)level;
        warn(name,
             "skipped: " + std::string(kind.what) +
                 " that cannot be read (damaged, encrypted, or packed with a method this build does not "
                 "know); unpack it and import the folder");
        ++m_unreadable;
    }

#ifdef HCN_HAVE_LIBARCHIVE
    /// A single file compressed with xz, bzip2, zstd, lz4 or lzma (a .tar.xz was opened as an archive
    /// before): what it holds, unpacked up to the limit for one file.
    void readCompressedFile(const std::string& name, std::string_view bytes, int level,
                            const ArchiveKind& kind)
    {
        if (level > m_limits.maxArchiveNesting) {
            warn(name, "skipped: an archive nested more than " + std::to_string(m_limits.maxArchiveNesting) +
                           " levels deep");
            return;
        }
        ArchiveHandle handle(archive_read_new());
        archive_entry* entry = nullptr;
        if (!handle || archive_read_support_format_raw(handle.get()) != ARCHIVE_OK) {
            warn(name, "skipped: " + std::string(kind.what) + " that cannot be unpacked");
            ++m_unreadable;
            return;
        }
        supportCompressions(handle.get());
        if (archive_read_open_memory(handle.get(), bytes.data(), bytes.size()) != ARCHIVE_OK ||
            archive_read_next_header(handle.get(), &entry) < ARCHIVE_WARN ||
            archive_filter_count(handle.get()) < 2) {
            warn(name, "skipped: " + std::string(kind.what) + " that cannot be unpacked (" +
                           archiveError(handle.get()) + ")");
            ++m_unreadable;
            return;
        }
        std::string base =
            name.substr(name.find_last_of("/!") == std::string::npos ? 0 : name.find_last_of("/!") + 1);
        const bool named = base.size() > kind.extension.size() && lowerCopy(base).ends_with(kind.extension);
        const std::string innerName =
            named ? base.substr(0, base.size() - kind.extension.size()) : "unpacked";
        const std::string inner = name + "!" + innerName;
        std::string unpacked;
        for (int retries = 0;;) {
            const la_ssize_t got = archive_read_data(handle.get(), m_buffer.data(), m_buffer.size());
            if (got == 0)
                break;
            if ((got == ARCHIVE_RETRY || got == ARCHIVE_WARN) && ++retries < kMaxRetries)
                continue;
            if (got < 0) {
                warn(name, "skipped: " + std::string(kind.what) + " that cannot be unpacked (" +
                               archiveError(handle.get()) + ")");
                ++m_unreadable;
                return;
            }
            if (unpacked.size() + std::size_t(got) > m_limits.maxFileBytes) {
                warn(name, "skipped: more than " + sizeText(m_limits.maxFileBytes) +
                               " after unpacking, over the limit for one file");
                ++m_oversized;
                return;
            }
            unpacked.append(m_buffer.data(), std::size_t(got));
        }
        if (!countFile(inner) || !take(unpacked.size(), inner))
            return;
        note(name,
             std::string(kind.what) + ": unpacked " + innerName + " (" + sizeText(unpacked.size()) + ")");
        addBlob(inner, std::move(unpacked), level + 1);
    }
#endif

    /// A MIME message (.eml): each part its transfer encoding undone, named `mail.eml!network.txt` (an
    /// attachment's file name) or `mail.eml!body`; a part holding an archive or a mail is read as one.
    /// The mail gets one note saying what it was read as.
    void readMail(const std::string& name, std::string_view bytes, int level)
    {
        MailContents mail = mailContents(bytes);
        // An empty body next to the attachment is no file.
        const std::size_t empty =
            std::erase_if(mail.parts, [](const MailPart& p) { return trimSpace(p.bytes).empty(); });
        note(name, mailNote(mail, empty));
        for (MailPart& part : mail.parts) {
            if (m_stopped)
                return;
            const std::string partName = name + "!" + part.name;
            if (!countFile(partName) || !take(part.bytes.size(), partName))
                return;
            addBlob(partName, std::move(part.bytes), level + 1);
        }
    }

    /// Mails saved one after the other, each after a `From ` line (an mbox file, Thunderbird's "Save As"):
    /// one mail is read as a .eml is; several are named `inbox.mbox!mail-2` and each read as one, with a
    /// note for the file saying how many.
    void readMbox(const std::string& name, std::vector<std::string> mails, int level)
    {
        if (mails.size() == 1) {
            readMail(name, mails.front(), level);
            return;
        }
        note(name, "an mbox file (mails one after the other, each after a `From ` line): read its " +
                       std::to_string(mails.size()) + " mails as files of their own, mail-1 to mail-" +
                       std::to_string(mails.size()));
        for (std::size_t i = 0; i < mails.size() && !m_stopped; ++i) {
            const std::string mailName = name + "!mail-" + std::to_string(i + 1);
            if (!countFile(mailName))
                return;
            readMail(mailName, mails[i], level);
        }
    }

    /// A file on disk; false when it cannot be opened.
    bool readFile(const fs::path& path, const std::string& name)
    {
        if (!countFile(name))
            return true;
        std::error_code ec;
        const std::uintmax_t size = fs::file_size(path, ec);
        std::ifstream file(path, std::ios::binary);
        if (ec || !file) {
            warn(name, "skipped: cannot be read" + (ec ? " (" + ec.message() + ")" : std::string()));
            ++m_unreadable;
            return false;
        }
        // The first bytes decide what the file is; nothing more is read from one that is too large.
        std::string head(std::min<std::uintmax_t>(size, kSniffBytes), '\0');
        file.read(head.data(), std::streamsize(head.size()));
        head.resize(std::size_t(file.gcount()));
#ifdef HCN_HAVE_LIBARCHIVE
        if (mayBeArchive(head) || archiveKind(head)) {
            // Streamed from the file: an archive's own size is not capped, only what comes out of it.
            if (std::optional<OpenArchive> opened = openArchiveFile(path)) {
                file.close();
                readArchive(*opened, name, 0);
                return true;
            }
        }
#else
        // Read from the file as needed: an archive's own size is not capped, only what comes out of it.
        if (zip::startsLikeZip(head)) {
            auto source = zip::fileSource(path);
            if (source.ok()) {
                file.close();
                openZip(std::move(*source), name, 0);
                return true;
            }
        }
#endif
        if (size > m_limits.maxFileBytes) {
            skipOversized(name, size);
            return true;
        }
        if (head.empty()) {
            warn(name, "skipped: empty");
            ++m_empty;
            return true;
        }
        const std::optional<ArchiveKind> kind = archiveKind(head);
        const bool compressedFile = startsLikeGzip(head) || (kind && kind->singleFile);
        if ((looksBinary(head) || unreadableArchive(head) || kind) && !compressedFile) {
            addBlob(name, std::move(head), 0); // says why it is skipped
            return true;
        }
        std::string bytes = std::move(head);
        if (!take(bytes.size(), name))
            return true;
        while (file) {
            file.read(m_buffer.data(), std::streamsize(m_buffer.size()));
            const auto got = std::size_t(file.gcount());
            if (got == 0)
                break;
            if (bytes.size() + got > m_limits.maxFileBytes) { // it grew while being read
                skipOversized(name, bytes.size() + got);
                return true;
            }
            if (!take(got, name))
                return true;
            bytes.append(m_buffer.data(), got);
        }
        if (file.bad()) {
            warn(name, "skipped: a read error in the middle of the file");
            ++m_unreadable;
            return true;
        }
        addBlob(name, std::move(bytes), 0);
        return true;
    }

    void readFolder(const fs::path& dir, const std::string& name, const fs::path& root,
                    std::set<fs::path>& visited)
    {
        std::error_code ec;
        std::vector<fs::directory_entry> entries;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
            entries.push_back(*it);
        if (ec) {
            warn(name, "some entries cannot be read (" + ec.message() + ")");
            ++m_unreadable;
        }
        std::sort(entries.begin(), entries.end(),
                  [](const fs::directory_entry& a, const fs::directory_entry& b) {
                      return a.path().filename().native() < b.path().filename().native();
                  });
        for (const fs::directory_entry& entry : entries) {
            if (m_stopped)
                return;
            const fs::path& path = entry.path();
            const std::string base = utf8Name(path.filename());
            if (base == "__MACOSX" || isMacMetadata(base))
                continue;
            const std::string childName = name + "/" + base;
            std::error_code statusError;
            const bool link = fs::is_symlink(fs::symlink_status(path, statusError));
            const fs::file_status status = fs::status(path, statusError);
            if (statusError || !fs::exists(status)) {
                warn(childName, link ? "skipped: a link to nothing" : "skipped: cannot be read");
                ++m_unreadable;
                continue;
            }
            if (link) {
                std::error_code canonicalError;
                const fs::path target = fs::canonical(path, canonicalError);
                const auto [rootEnd, targetEnd] =
                    std::mismatch(root.begin(), root.end(), target.begin(), target.end());
                if (canonicalError || rootEnd != root.end()) {
                    warn(childName, "not followed: a link to outside the folder");
                    continue;
                }
            }
            if (fs::is_directory(status)) {
                std::error_code canonicalError;
                const fs::path real = fs::canonical(path, canonicalError);
                if (canonicalError) {
                    warn(childName, "skipped: cannot be read (" + canonicalError.message() + ")");
                    ++m_unreadable;
                    continue;
                }
                if (!visited.insert(real).second) {
                    warn(childName, "not followed: a link to a folder that is read already");
                    continue;
                }
                readFolder(path, childName, root, visited);
            } else if (fs::is_regular_file(status)) {
                readFile(path, childName);
            } else {
                warn(childName, "skipped: not a regular file");
            }
        }
    }

#ifndef HCN_HAVE_LIBARCHIVE
    /// A zip archive read with io/zip_archive.h; one whose directory cannot be read is skipped saying why.
    void openZip(std::unique_ptr<zip::ZipSource> source, const std::string& archiveName, int level)
    {
        zip::ZipLimits limits;
        limits.maxEntryBytes = m_limits.maxFileBytes;
        auto opened = zip::ZipReader::open(std::move(source), limits);
        if (!opened.ok()) {
            warn(archiveName,
                 "skipped: a zip archive that cannot be read (" + opened.status().detail() + ")");
            ++m_unreadable;
            return;
        }
        std::size_t files = 0;
        for (const zip::ZipEntry& entry : opened->entries()) {
            if (m_stopped)
                return;
            if (entry.directory || isMacMetadata(entry.name))
                continue;
            ++files;
            const std::string name = archiveName + "!" + entry.name;
            if (!countFile(name))
                return;
            if (!entry.problem.empty()) {
                warn(name, "skipped: " + entry.problem);
                ++m_unreadable;
                continue;
            }
            // The declared size is checked before reading; the reader stops an entry that grows past it.
            if (entry.size > m_limits.maxFileBytes) {
                skipOversized(name, entry.size);
                continue;
            }
            std::string bytes;
            bool binary = false;
            const Status read = opened->read(entry, [&](std::string_view chunk) {
                if (!take(chunk.size(), name))
                    return false;
                const bool sniffNow =
                    bytes.size() < kSniffBytes && bytes.size() + chunk.size() >= kSniffBytes;
                bytes.append(chunk);
                // A zip has the whole entry to tell an archive; its signature is enough to keep reading.
                binary = sniffNow && looksBinary(bytes) && !hasArchiveSignature(bytes);
                return !binary;
            });
            if (binary) {
                skipBinary(name);
                continue;
            }
            if (m_stopped)
                return;
            if (!read.ok()) {
                std::string why = read.detail();
                if (why.starts_with(entry.name + ": "))
                    why.erase(0, entry.name.size() + 2);
                warn(name, "skipped: cannot be unpacked (" + why + ")");
                ++m_unreadable;
                continue;
            }
            addBlob(name, std::move(bytes), level + 1);
        }
        if (files == 0)
            warn(archiveName, "the archive contains no files");
    }
#endif

#ifdef HCN_HAVE_LIBARCHIVE
    /// Every file in an open archive, in archive order. `level` is this archive's nesting (0: given).
    void readArchive(OpenArchive& opened, const std::string& archiveName, int level)
    {
        archive* handle = opened.handle.get();
        archive_entry* entry = opened.first;
        std::size_t files = 0;
        for (int status = opened.firstStatus;; status = archive_read_next_header(handle, &entry)) {
            if (m_stopped)
                return;
            if (status == ARCHIVE_EOF)
                break;
            if (status < ARCHIVE_WARN) {
                warn(archiveName, "damaged or truncated archive, reading stopped after " +
                                      std::to_string(files) + (files == 1 ? " file" : " files") + " (" +
                                      archiveError(handle) + ")");
                return;
            }
            if (archive_entry_filetype(entry) != AE_IFREG)
                continue; // folders, links, devices
            const std::string path = entryName(handle, entry);
            if (isMacMetadata(path)) {
                if (!skipRest(handle, entry, archiveName + "!" + path, archiveName))
                    return;
                continue;
            }
            ++files;
            const std::string name = archiveName + "!" + path;
            if (!countFile(name))
                return;
            if (archive_entry_is_encrypted(entry)) {
                warn(name, "skipped: encrypted");
                ++m_unreadable;
                if (!skipRest(handle, entry, name, archiveName))
                    return;
                continue;
            }
            if (!readEntry(handle, entry, name, archiveName, level))
                return;
        }
        if (files == 0)
            warn(archiveName, "the archive contains no files");
    }

    /// One entry, read until it ends or passes the cap; false when the archive cannot go on.
    bool readEntry(archive* handle, archive_entry* entry, const std::string& name,
                   const std::string& archiveName, int level)
    {
        std::string bytes;
        bool sniffed = false;
        int retries = 0;
        for (;;) {
            const la_ssize_t got = archive_read_data(handle, m_buffer.data(), m_buffer.size());
            if (got == 0)
                break;
            if ((got == ARCHIVE_RETRY || got == ARCHIVE_WARN) && ++retries < kMaxRetries)
                continue;
            if (got < 0) {
                if (got == ARCHIVE_FATAL) {
                    warn(name, "not read: the archive is damaged or truncated here (" + archiveError(handle) +
                                   "); the files before it were read");
                    return false;
                }
                warn(name, "skipped: cannot be unpacked (" + archiveError(handle) + ")");
                ++m_unreadable;
                return true;
            }
            const auto size = std::size_t(got);
            if (bytes.size() + size > m_limits.maxFileBytes) {
                warn(name, "skipped: more than " + sizeText(m_limits.maxFileBytes) +
                               " after unpacking, over the limit for one file");
                ++m_oversized;
                return skipRest(handle, entry, name, archiveName);
            }
            if (!take(size, name))
                return false;
            bytes.append(m_buffer.data(), size);
            if (!sniffed && bytes.size() >= kSniffBytes) {
                sniffed = true;
                // The whole entry is needed to tell a compressed archive for sure; its signature is enough
                // to keep reading (zip, gzip, tar), anything else with NUL bytes is binary.
                if (looksBinary(bytes) && !hasArchiveSignature(bytes) && !openArchiveInMemory(bytes)) {
                    skipBinary(name);
                    return skipRest(handle, entry, name, archiveName);
                }
            }
        }
        addBlob(name, std::move(bytes), level + 1);
        return true;
    }

    /// Passes over the rest of an entry. Where that means unpacking it (a compressed tar, a zip entry
    /// whose length is only known at its end), the bytes are counted against maxSkippedBytes so a bomb
    /// ends in bounded time; false when the archive must stop.
    bool skipRest(archive* handle, archive_entry* entry, const std::string& name,
                  const std::string& archiveName)
    {
        // A zip entry of known size is skipped by its compressed length (or through the central
        // directory); an uncompressed tar by seeking or consuming its raw bytes.
        const bool zip = (archive_format(handle) & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_ZIP;
        const bool uncompressed =
            archive_filter_count(handle) <= 1 && archive_filter_code(handle, 0) == ARCHIVE_FILTER_NONE;
        if ((zip && archive_entry_size_is_set(entry)) || (!zip && uncompressed)) {
            if (archive_read_data_skip(handle) == ARCHIVE_FATAL) {
                warn(name, "the archive is damaged or truncated here (" + archiveError(handle) +
                               "); the files before it were read");
                return false;
            }
            return true;
        }
        for (int retries = 0;;) {
            const la_ssize_t got = archive_read_data(handle, m_buffer.data(), m_buffer.size());
            if (got == 0)
                return true;
            if ((got == ARCHIVE_RETRY || got == ARCHIVE_WARN) && ++retries < kMaxRetries)
                continue;
            if (got < 0) {
                if (got == ARCHIVE_FATAL)
                    warn(name, "the archive is damaged or truncated here (" + archiveError(handle) +
                                   "); the files before it were read");
                return got != ARCHIVE_FATAL;
            }
            m_bytesSkipped += std::size_t(got);
            if (m_bytesSkipped > m_limits.maxSkippedBytes) {
                warn(archiveName, "reading stopped: more than " + sizeText(m_limits.maxSkippedBytes) +
                                      " of skipped content had to be unpacked (at " + name +
                                      "); the files after it were not read");
                m_stopped = true;
                return false;
            }
            if (!reportProgress())
                return false;
        }
    }

    Utf8ThreadLocale m_archiveLocale; // the reader lives on one thread for the whole read
#endif

    const SourceLimits& m_limits;
    SourceProgress m_progress;
    SourceReadResult m_result;
    std::vector<char> m_buffer;
    std::size_t m_bytesRead = 0;
    std::size_t m_bytesSkipped = 0;
    std::size_t m_filesSeen = 0;
    std::size_t m_binary = 0;
    std::size_t m_oversized = 0;
    std::size_t m_empty = 0;
    std::size_t m_unreadable = 0;
    bool m_stopped = false;
    bool m_cancelled = false;
};

std::string describe(const std::vector<std::string>& paths)
{
    if (paths.size() == 1)
        return paths.front();
    return std::to_string(paths.size()) + " paths";
}

} // namespace

namespace {

/// The names the sources of the given paths go by: each path's file or folder name, with as many of the
/// folders above it as tell it from another path of the same name (`nodeA/network.txt`,
/// `nodeB/network.txt`): collectlogs folders of several nodes hold files of the same names.
std::vector<std::string> givenNames(const std::vector<std::string>& paths)
{
    // Each path's folders, outermost first, and its own name last.
    std::vector<std::vector<std::string>> parts;
    for (const std::string& path : paths) {
        std::error_code ec;
        const fs::path given(reinterpret_cast<const char8_t*>(path.c_str()));
        fs::path full = fs::weakly_canonical(given, ec);
        if (ec)
            full = given.lexically_normal();
        std::vector<std::string>& names = parts.emplace_back();
        for (const fs::path& part : full.relative_path())
            if (std::string name = utf8Name(part); !name.empty())
                names.push_back(std::move(name));
    }
    std::vector<std::string> out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const auto suffix = [&](std::size_t of, std::size_t count) {
            const std::vector<std::string>& names = parts[of];
            std::string text;
            for (std::size_t k = names.size() - std::min(count, names.size()); k < names.size(); ++k)
                text += (text.empty() ? "" : "/") + names[k];
            return text;
        };
        std::size_t count = 1;
        for (std::size_t j = 0; j < parts.size(); ++j)
            while (j != i && parts[i] != parts[j] && count < parts[i].size() &&
                   suffix(i, count) == suffix(j, count))
                ++count;
        out.push_back(parts[i].empty() ? std::string() : suffix(i, count));
    }
    return out;
}

} // namespace

Result<SourceReadResult> readDumpSources(const std::vector<std::string>& paths, const SourceLimits& limits,
                                         const SourceProgress& progress)
{
    try {
        if (paths.empty())
            return Status(hr::InvalidArg, "no file or folder was given");
        SourceReader reader(limits, progress);
        const std::vector<std::string> names = givenNames(paths);
        for (std::size_t i = 0; i < paths.size(); ++i) {
            if (reader.stopped())
                break;
            Status status = reader.readPath(paths[i], names[i]);
            if (!status.ok())
                return status;
        }
        return reader.finish(describe(paths));
    } catch (const std::bad_alloc&) {
        return Status(hr::OutOfMemory, "not enough memory to read the dump");
    } catch (...) {
        return Status(hr::Unexpected, "reading the dump failed unexpectedly");
    }
}

Result<SourceReadResult> readDumpBytes(std::string name, std::string bytes, const SourceLimits& limits)
{
    try {
        SourceReader reader(limits, {});
        const std::string what = name.empty() ? std::string("the pasted text") : name;
        reader.readBytes(name.empty() ? what : std::move(name), std::move(bytes));
        return reader.finish(what);
    } catch (const std::bad_alloc&) {
        return Status(hr::OutOfMemory, "not enough memory to read the dump");
    } catch (...) {
        return Status(hr::Unexpected, "reading the dump failed unexpectedly");
    }
}

bool archivesSupported()
{
    return true;
}

bool tarArchivesSupported()
{
#ifdef HCN_HAVE_LIBARCHIVE
    return true;
#else
    return false;
#endif
}

} // namespace hcn::io
