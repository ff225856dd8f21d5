// The zip reader of builds without libarchive (io/zip_archive.h) on arbitrary bytes: opening and reading
// every entry never crashes, never hands out more than an entry declares, and a successful read matches
// the declared size; failures carry a sentence.

#include "fuzz_support.h"
#include "io/zip_archive.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    hcn::io::zip::ZipLimits limits;
    limits.maxEntryBytes = 1024 * 1024;
    auto reader = hcn::io::zip::ZipReader::open(hcn::io::zip::memorySource(bytes), limits);
    if (!reader.ok()) {
        hcn::fuzz::expect(!reader.status().detail().empty(), "a refused archive says why");
        return 0;
    }
    for (const hcn::io::zip::ZipEntry& entry : reader->entries()) {
        hcn::fuzz::expect(hcn::isValidUtf8(entry.name), "entry names are UTF-8", entry.name);
        std::uint64_t delivered = 0;
        const hcn::Status read = reader->read(entry, [&](std::string_view chunk) {
            delivered += chunk.size();
            hcn::fuzz::expect(delivered <= entry.size, "no more than the declared size is delivered");
            return true;
        });
        if (read.ok())
            hcn::fuzz::expect(delivered == entry.size, "a read that succeeds delivers the declared size");
        else
            hcn::fuzz::expect(!read.detail().empty(), "a failed read says why");
    }
    return 0;
}
