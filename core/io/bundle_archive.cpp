// Writing a bundle's files into a zip or tar.gz with libarchive, or, in a build without it (Windows), into a
// zip with io/zip_archive.h; and reading one back (hcn/bundle.h).
#include "common/json_member.h"
#include "hcn/bundle.h"
#include "hcn/json_limits.h"

#include <cctype>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <memory>

#ifdef HCN_HAVE_LIBARCHIVE
#include <archive.h>
#include <archive_entry.h>
#else
#include "io/zip_archive.h"

#include <fstream>
#endif

namespace hcn::io {

namespace {

using json = nlohmann::json;

bool endsWith(std::string_view text, std::string_view suffix)
{
    if (text.size() < suffix.size())
        return false;
    for (std::size_t i = 0; i < suffix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[text.size() - suffix.size() + i])) != suffix[i])
            return false;
    return true;
}

#ifdef HCN_HAVE_LIBARCHIVE
struct WriterFree
{
    void operator()(archive* handle) const { archive_write_free(handle); }
};
struct EntryFree
{
    void operator()(archive_entry* entry) const { archive_entry_free(entry); }
};
#endif

using BundleFileList = std::vector<std::pair<std::string, std::string>>;

std::filesystem::path utf8Path(const std::string& path)
{
    return std::filesystem::path(reinterpret_cast<const char8_t*>(path.c_str()));
}

#ifdef HCN_HAVE_LIBARCHIVE
/// The files as a zip or a gzip-compressed tar at `partial`; nothing is left there on failure.
Status writeWithLibarchive(const std::string& path, const std::string& partial, const BundleFileList& files,
                           bool zip)
{
    std::unique_ptr<archive, WriterFree> writer(archive_write_new());
    if (zip) {
        archive_write_set_format_zip(writer.get());
    } else {
        archive_write_set_format_pax_restricted(writer.get());
        archive_write_add_filter_gzip(writer.get());
    }
    auto failed = [&](const std::string& what) {
        // The error text belongs to the archive: copied before the archive is freed.
        const char* error = archive_error_string(writer.get());
        const std::string detail = error ? std::string(": ") + error : std::string();
        std::error_code ignored;
        writer.reset();
        std::filesystem::remove(partial, ignored);
        return Status(hr::Fail, path + ": " + what + detail + ".");
    };
    if (archive_write_open_filename(writer.get(), partial.c_str()) != ARCHIVE_OK)
        return failed("cannot be written");
    const std::time_t now = std::time(nullptr);
    for (const auto& [name, bytes] : files) {
        std::unique_ptr<archive_entry, EntryFree> entry(archive_entry_new());
        archive_entry_set_pathname(entry.get(), name.c_str());
        archive_entry_set_size(entry.get(), la_int64_t(bytes.size()));
        archive_entry_set_filetype(entry.get(), AE_IFREG);
        archive_entry_set_perm(entry.get(), 0644);
        archive_entry_set_mtime(entry.get(), now, 0);
        if (archive_write_header(writer.get(), entry.get()) != ARCHIVE_OK)
            return failed("writing " + name + " failed");
        if (!bytes.empty() &&
            archive_write_data(writer.get(), bytes.data(), bytes.size()) != la_ssize_t(bytes.size()))
            return failed("writing " + name + " failed");
    }
    if (archive_write_close(writer.get()) != ARCHIVE_OK)
        return failed("could not be completed");
    return Status::success();
}
#else
/// The files as a zip at `partial`, with the zip writer of this build; nothing is left there on failure.
Status writeZipBundle(const std::string& path, const std::string& partial, const BundleFileList& files)
{
    Status status;
    {
        std::ofstream out(utf8Path(partial), std::ios::binary | std::ios::trunc);
        if (!out)
            return Status(hr::Fail, path + ": cannot be written.");
        zip::ZipWriter writer(out, std::time(nullptr));
        for (const auto& [name, bytes] : files)
            if (status = writer.add(name, bytes); !status.ok())
                break;
        if (status.ok())
            status = writer.finish();
        out.close();
        if (status.ok() && !out)
            status = Status(hr::Fail, "could not be completed");
    }
    if (status.ok())
        return status;
    std::error_code ignored;
    std::filesystem::remove(utf8Path(partial), ignored);
    return Status(status.code(), path + ": " + status.detail());
}
#endif

/// The name of the bundle's folder-less files: "logs.tgz!manifest.json" -> prefix "logs.tgz!".
std::string prefixOf(const std::string& name, std::string_view file)
{
    return name.substr(0, name.size() - file.size());
}

bool isEntry(const std::string& name, std::string_view file)
{
    if (name.size() < file.size() || name.compare(name.size() - file.size(), file.size(), file) != 0)
        return false;
    if (name.size() == file.size())
        return true;
    const char before = name[name.size() - file.size() - 1];
    return before == '!' || before == '/';
}

std::optional<json> manifestOf(const DumpSource& source)
{
    if (!isEntry(source.name, kBundleManifest) || !withinJsonDepth(source.bytes, kDefaultMaxJsonDepth))
        return std::nullopt;
    json manifest = json::parse(source.bytes, nullptr, false);
    if (manifest.is_discarded() || !manifest.is_object() || textMember(manifest, "Format") != kBundleFormat)
        return std::nullopt;
    return manifest;
}

} // namespace

bool isBundleFileName(std::string_view path)
{
    return endsWith(path, ".zip") || endsWith(path, ".tar.gz") || endsWith(path, ".tgz");
}

Result<BundleSummary> writeBundle(const std::string& path, const BundleInput& input)
{
    const bool zip = endsWith(path, ".zip");
    if (!isBundleFileName(path))
        return Status(hr::InvalidArg, path + ": a bundle is a .zip, .tar.gz or .tgz file.");
#ifndef HCN_HAVE_LIBARCHIVE
    if (!zip)
        return Status(hr::NotImplemented, path + ": this build writes bundles as .zip only (.tar.gz and .tgz "
                                                 "need libarchive, which it does not have); name the bundle "
                                                 "*.zip.");
#endif
    BundleSummary summary;
    auto files = bundleFiles(input, &summary);
    if (!files.ok())
        return files.status();
    const std::string partial = path + ".partial";
#ifdef HCN_HAVE_LIBARCHIVE
    if (Status written = writeWithLibarchive(path, partial, *files, zip); !written.ok())
        return written;
#else
    if (Status written = writeZipBundle(path, partial, *files); !written.ok())
        return written;
#endif
    std::error_code error;
    std::filesystem::rename(utf8Path(partial), utf8Path(path), error);
    if (error) {
        std::filesystem::remove(utf8Path(partial), error);
        return Status(hr::Fail, path + ": cannot be written.");
    }
    return summary;
}

Result<std::optional<BundleContents>> bundleFromSources(const std::vector<DumpSource>& sources)
{
    for (const DumpSource& source : sources) {
        auto manifest = manifestOf(source);
        if (!manifest)
            continue;
        const std::string prefix = prefixOf(source.name, kBundleManifest);
        const DumpSource* snapshot = nullptr;
        const DumpSource* report = nullptr;
        for (const DumpSource& other : sources) {
            if (other.name == prefix + std::string(kBundleSnapshot))
                snapshot = &other;
            if (other.name == prefix + std::string(kBundleImportReport))
                report = &other;
        }
        if (!snapshot)
            return Status(hr::InvalidJson, source.name + ": a bundle's manifest without its snapshot.json.");
        BundleContents contents;
        contents.manifest = std::move(*manifest);
        if (withinJsonDepth(snapshot->bytes, kDefaultMaxJsonDepth))
            contents.snapshot = json::parse(snapshot->bytes, nullptr, false);
        if (contents.snapshot.is_discarded() || !contents.snapshot.is_object())
            return Status(hr::InvalidJson, snapshot->name + ": not a snapshot document.");
        if (report && withinJsonDepth(report->bytes, kDefaultMaxJsonDepth)) {
            json parsed = json::parse(report->bytes, nullptr, false);
            if (!parsed.is_discarded() && parsed.is_object())
                contents.snapshot["Import"] = std::move(parsed);
        }
        return std::optional<BundleContents>(std::move(contents));
    }
    return std::optional<BundleContents>();
}

Result<std::optional<BundleContents>> readBundle(const std::string& path)
{
    auto read = readDumpSources({path});
    if (!read.ok())
        return read.status();
    return bundleFromSources(read->sources);
}

std::vector<DumpSource> replaceBundlesBySnapshots(const std::vector<DumpSource>& sources,
                                                  std::vector<std::string>& notes)
{
    std::vector<std::string> prefixes;
    for (const DumpSource& source : sources)
        if (manifestOf(source)) {
            prefixes.push_back(prefixOf(source.name, kBundleManifest));
            notes.push_back(source.name + ": a bug-report bundle; its objects are taken from its " +
                            std::string(kBundleSnapshot) + " only");
        }
    if (prefixes.empty())
        return sources;
    std::vector<DumpSource> kept;
    for (const DumpSource& source : sources) {
        bool inBundle = false, isSnapshot = false;
        for (const std::string& prefix : prefixes)
            if (source.name.size() > prefix.size() && source.name.compare(0, prefix.size(), prefix) == 0 &&
                source.name.find_first_of("!/", prefix.size()) == std::string::npos) {
                inBundle = true;
                isSnapshot = isSnapshot || source.name == prefix + std::string(kBundleSnapshot);
            }
        if (!inBundle || isSnapshot)
            kept.push_back(source);
    }
    return kept;
}

} // namespace hcn::io
