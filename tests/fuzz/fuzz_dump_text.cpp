// The first layer of a dump import: whatever bytes a customer sent (any encoding, pasted, wrapped, cut)
// are decoded, cleaned and searched for JSON values and Go struct dumps. Nothing may crash or hang; every
// value found is JSON that serializes back, and every line number points into the dump.

#include "fuzz_support.h"
#include "hcn/dump_formats.h"
#include "hcn/dump_text.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto decoded = hcn::io::decodeDumpText(bytes);
    hcn::fuzz::expectReadableError(decoded.status());
    if (!decoded.ok())
        return 0;
    hcn::fuzz::expect(hcn::isValidUtf8(decoded->text), "decoded text is valid UTF-8");
    hcn::fuzz::expect(decoded->text.find('\r') == std::string::npos, "decoded text has LF line ends only");

    const int lines = int(std::count(decoded->text.begin(), decoded->text.end(), '\n')) + 1;
    hcn::io::ExtractResult found = hcn::io::extractJsonValues(decoded->text);
    const std::vector<hcn::io::CleanedLine> cleaned = hcn::io::cleanPastedText(decoded->text);
    for (hcn::io::ExtractResult goDumps :
         {hcn::io::extractGoStructDumps(cleaned), hcn::io::extractGoSpewDumps(cleaned)}) {
        for (auto& value : goDumps.values) {
            hcn::fuzz::expect(value.format == hcn::io::DumpFormat::GoStruct, "a Go struct dump says so");
            found.values.push_back(std::move(value));
        }
        for (auto& warning : goDumps.warnings)
            found.warnings.push_back(std::move(warning));
    }
    for (const auto& value : found.values) {
        hcn::fuzz::expect(1 <= value.firstLine && value.firstLine <= value.lastLine && value.lastLine <= lines,
                          "a value's lines are in the dump");
        // Strict: a string that is not valid UTF-8 throws, and the fuzzer reports it.
        (void)value.value.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
    }
    for (const auto& warning : found.warnings) {
        hcn::fuzz::expect(1 <= warning.firstLine && warning.firstLine <= warning.lastLine &&
                              warning.lastLine <= lines,
                          "a warning's lines are in the dump", warning.message);
        hcn::fuzz::expect(!warning.message.empty() && hcn::isValidUtf8(warning.message),
                          "a warning says something readable");
    }
    return 0;
}
