// A whole dump import: whatever a customer sent goes through every reader (JSON, Go struct dumps, list
// view, tables), the v1 mapping, merging and linking. Nothing may crash or hang; the snapshot is valid
// UTF-8 JSON that SnapshotApi loads without skipping an object, and the report points into the dump.

#include "fuzz_support.h"
#include "hcn/dump_import.h"
#include "hcn/snapshot_api.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string bytes(reinterpret_cast<const char*>(data), size);
    auto imported = hcn::io::importDump({{"fuzz", std::move(bytes)}});
    hcn::fuzz::expect(imported.ok(), "an import without cancelling succeeds", imported.status().message());

    // Strict: a string that is not valid UTF-8 throws, and the fuzzer reports it.
    (void)imported->snapshot.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
    auto api = hcn::SnapshotApi::fromDocument(imported->snapshot, "fuzz");
    hcn::fuzz::expect(api.ok(), "the snapshot loads", api.status().message());
    hcn::fuzz::expect((*api)->loadWarnings().empty(), "no imported object is skipped by the snapshot",
                      (*api)->loadWarnings().empty() ? std::string_view() : (*api)->loadWarnings().front());

    std::size_t documents = 0;
    for (hcn::ResourceKind kind : hcn::kResourceKinds)
        documents += imported->snapshot[std::string(hcn::resourceKindPlural(kind))].size();
    hcn::fuzz::expect(documents == imported->objectCount(), "one report entry per snapshot object");
    for (const auto& object : imported->report.objects) {
        hcn::fuzz::expect(!object.id.empty(), "every object has an ID");
        hcn::fuzz::expect(object.firstLine >= 1 && object.firstLine <= object.lastLine, "object lines are ordered");
    }
    for (const auto& message : imported->report.messages)
        hcn::fuzz::expect(!message.message.empty() && hcn::isValidUtf8(message.message),
                          "a report message says something readable");
    return 0;
}
