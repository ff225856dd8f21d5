// The snapshot diff over any snapshot text (docs/diff.md): nothing may crash or throw; a host compared
// with itself, or with its objects in reverse order, is the same; half of a host against all of it
// differs exactly when the halves differ either way round, with counts that add up; the JSON form is
// well-formed and says what same() says.

#include "fuzz_support.h"
#include "hcn/snapshot_diff.h"

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace {

void expectConsistent(const hcn::SnapshotDiff& diff)
{
    std::size_t listed = 0;
    for (const hcn::DiffKindSummary& k : diff.kinds) {
        // What is matched on one side is matched on the other.
        hcn::fuzz::expect(k.before >= k.removed && k.after >= k.added && k.before - k.removed == k.after - k.added,
                          "matched objects are counted on both sides");
        listed += k.added + k.removed + k.changed;
    }
    hcn::fuzz::expect(listed == diff.objects.size(), "the summary counts every listed object");
    for (const hcn::DiffObject& o : diff.objects)
        hcn::fuzz::expect(o.type != hcn::DiffObject::Type::Changed || !o.changes.empty(),
                          "a changed object names what changed", o.id);
    const std::string text =
        hcn::toJson(diff).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    const auto parsed = nlohmann::json::parse(text, nullptr, false);
    hcn::fuzz::expect(!parsed.is_discarded() && parsed["Same"] == diff.same(), "toJson says what same() says",
                      text.substr(0, 400));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto objects = hcn::parseHostSnapshot(text);
    if (!objects.ok()) {
        hcn::fuzz::expectReadableError(objects.status());
        return 0;
    }
    const hcn::SnapshotDiff self = hcn::diffObjects(*objects, *objects);
    hcn::fuzz::expect(self.same(), "a host is the same as itself");
    expectConsistent(self);

    std::set<std::pair<hcn::ResourceKind, std::string>> keys;
    for (const hcn::HostObject& o : *objects)
        keys.emplace(o.kind, o.id);
    if (keys.size() == objects->size()) { // with a repeated ID the first one wins, so order would count
        const std::vector<hcn::HostObject> reversed(objects->rbegin(), objects->rend());
        hcn::fuzz::expect(hcn::diffObjects(*objects, reversed).same(), "the order of objects does not count");
    }

    const std::vector<hcn::HostObject> half(objects->begin(),
                                            objects->begin() + std::ptrdiff_t(objects->size() / 2));
    const hcn::SnapshotDiff forward = hcn::diffObjects(half, *objects);
    const hcn::SnapshotDiff backward = hcn::diffObjects(*objects, half);
    expectConsistent(forward);
    expectConsistent(backward);
    hcn::fuzz::expect(forward.same() == backward.same(), "a difference is one either way round");
    if (objects->size() >= 2)
        (void)hcn::diffDocuments(*(*objects)[0].document, *(*objects)[1].document);
    return 0;
}
