// Writing a bug-report bundle of a large host as a zip: libarchive's zip writer (what writeBundle uses on
// Linux, with its settings) against the zlib-only zip writer of builds without libarchive
// (io/zip_archive.h, hcnctl.exe), on the same files in memory (bundleFiles, made once and timed apart). Then
// both zips read back with the zlib-only reader. The host is tests/bench/large_host.h with N endpoints
// (default 10,000). Best and median of 5 runs each, wall time; the files go to a temporary folder that is
// removed at the end.
//
// Usage: bench_bundle_zip [ENDPOINTS]

#include "hcn/bundle.h"
#include "hcn/resource_kind.h"
#include "io/zip_archive.h"
#include "large_host.h"

#include <algorithm>
#include <archive.h>
#include <archive_entry.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

double millis(Clock::duration d)
{
    return std::chrono::duration<double, std::milli>(d).count();
}

std::string snapshotText(unsigned endpoints)
{
    nlohmann::json doc{{"HnsVersion", {{"Major", 15}, {"Minor", 4}}},
                       {"SchemaVersion", {{"Major", 2}, {"Minor", 16}}}};
    for (hcn::ResourceKind kind : hcn::kResourceKinds)
        doc[std::string(hcn::resourceKindPlural(kind))] = nlohmann::json::array();
    for (const hcn::HostObject& object : largehost::hostObjects(endpoints))
        doc[std::string(hcn::resourceKindPlural(object.kind))].push_back(*object.document);
    return doc.dump();
}

template <typename Work> void measure(const char* what, Work&& work)
{
    std::vector<double> runs;
    for (int run = 0; run < 5; ++run) {
        const auto start = Clock::now();
        if (!work()) {
            std::printf("%s: FAILED\n", what);
            std::exit(1);
        }
        runs.push_back(millis(Clock::now() - start));
    }
    std::sort(runs.begin(), runs.end());
    std::printf("%-52s best %7.1f ms, median %7.1f ms\n", what, runs.front(), runs[runs.size() / 2]);
}

bool readEverything(const fs::path& path, std::size_t& bytes)
{
    auto source = hcn::io::zip::fileSource(path);
    if (!source.ok())
        return false;
    auto reader = hcn::io::zip::ZipReader::open(std::move(*source));
    if (!reader.ok())
        return false;
    bytes = 0;
    for (const auto& entry : reader->entries()) {
        const hcn::Status read = reader->read(entry, [&](std::string_view chunk) {
            bytes += chunk.size();
            return true;
        });
        if (!read.ok())
            return false;
    }
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    const unsigned endpoints = argc > 1 ? unsigned(std::strtoul(argv[1], nullptr, 10)) : 10000;
    hcn::io::BundleInput input;
    input.snapshotText = snapshotText(endpoints);
    input.toolVersion = "bench_bundle_zip";
    input.created = "2026-12-03T00:00:00Z";
    auto files = hcn::io::bundleFiles(input);
    if (!files.ok()) {
        std::printf("bundleFiles: %s\n", files.status().message().c_str());
        return 1;
    }
    std::size_t total = 0;
    for (const auto& file : *files)
        total += file.second.size();
    std::printf("host: %u endpoints, %.1f MB of snapshot text; bundle: %zu files, %.1f MB\n", endpoints,
                double(input.snapshotText.size()) / 1e6, files->size(), double(total) / 1e6);

    std::error_code ignored;
    const fs::path dir = fs::temp_directory_path() / ("bench_bundle_zip." + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path viaLibarchive = dir / "libarchive.zip", viaZlib = dir / "zlib.zip";

    measure("bundleFiles (the files in memory, both writers)",
            [&] { return hcn::io::bundleFiles(input).ok(); });
    measure("write them: libarchive zip", [&] {
        archive* writer = archive_write_new();
        archive_write_set_format_zip(writer);
        bool ok = archive_write_open_filename(writer, viaLibarchive.c_str()) == ARCHIVE_OK;
        for (const auto& [name, bytes] : *files) {
            archive_entry* entry = archive_entry_new();
            archive_entry_set_pathname(entry, name.c_str());
            archive_entry_set_size(entry, la_int64_t(bytes.size()));
            archive_entry_set_filetype(entry, AE_IFREG);
            archive_entry_set_perm(entry, 0644);
            archive_entry_set_mtime(entry, std::time(nullptr), 0);
            ok = ok && archive_write_header(writer, entry) == ARCHIVE_OK &&
                 archive_write_data(writer, bytes.data(), bytes.size()) == la_ssize_t(bytes.size());
            archive_entry_free(entry);
        }
        ok = archive_write_close(writer) == ARCHIVE_OK && ok;
        archive_write_free(writer);
        return ok;
    });
    measure("write them: io/zip_archive.h", [&] {
        std::ofstream out(viaZlib, std::ios::binary | std::ios::trunc);
        hcn::io::zip::ZipWriter writer(out, std::time(nullptr));
        for (const auto& [name, bytes] : *files)
            if (!writer.add(name, bytes).ok())
                return false;
        return writer.finish().ok();
    });
    std::printf("sizes: libarchive %.2f MB, io/zip_archive.h %.2f MB\n",
                double(fs::file_size(viaLibarchive)) / 1e6, double(fs::file_size(viaZlib)) / 1e6);
    std::size_t bytes = 0;
    measure("read back the libarchive zip with io/zip_archive.h",
            [&] { return readEverything(viaLibarchive, bytes); });
    measure("read back the io/zip_archive.h zip with io/zip_archive.h",
            [&] { return readEverything(viaZlib, bytes); });
    fs::remove_all(dir, ignored);
    return 0;
}
