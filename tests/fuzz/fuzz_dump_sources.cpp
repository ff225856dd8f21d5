// Reading bytes dropped or pasted (hcn/dump_sources.h) on arbitrary input: archives, single gzip files
// and mails (their base64 and quoted-printable parts) are unpacked within the limits, never crash, name
// every file in UTF-8, and a refusal says why.

#include "fuzz_support.h"
#include "hcn/dump_sources.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    hcn::io::SourceLimits limits;
    limits.maxFileBytes = 1024 * 1024;
    limits.maxTotalBytes = 4 * 1024 * 1024;
    limits.maxFiles = 200;
    limits.maxSkippedBytes = 8 * 1024 * 1024;
    auto read =
        hcn::io::readDumpBytes("fuzz.eml", std::string(reinterpret_cast<const char*>(data), size), limits);
    if (!read.ok()) {
        hcn::fuzz::expect(!read.status().message().empty(), "a refusal says why");
        return 0;
    }
    std::size_t total = 0;
    for (const hcn::io::DumpSource& source : read->sources) {
        hcn::fuzz::expect(hcn::isValidUtf8(source.name), "source names are UTF-8", source.name);
        hcn::fuzz::expect(source.name.starts_with("fuzz.eml"), "every source is named after what held it",
                          source.name);
        hcn::fuzz::expect(source.bytes.size() <= limits.maxFileBytes, "no source is over the file limit");
        total += source.bytes.size();
    }
    hcn::fuzz::expect(read->sources.size() <= limits.maxFiles, "no more sources than the file limit");
    hcn::fuzz::expect(total <= limits.maxTotalBytes, "no more bytes than the total limit");
    for (const hcn::io::SourceWarning& warning : read->warnings)
        hcn::fuzz::expect(hcn::isValidUtf8(warning.source) && hcn::isValidUtf8(warning.message),
                          "warnings are UTF-8", warning.message);
    return 0;
}
